"""The order life cycle, written once (core.domain.order_status) and used by
the handlers' SQL guards, the read model and the Orders view alike."""

import pytest

from core import queries
from core.domain.order_status import (
    CANCELLED,
    FULFILLED,
    PAID,
    PLACED,
    OrderAction,
    OrderStatus,
    allowed_from,
    allows,
    amount_due,
    refusal,
)

ALLOWED = {  # action -> the statuses it may be taken in
    OrderAction.PAY: {PLACED},
    OrderAction.FULFIL: {PAID},
    OrderAction.CANCEL: {PLACED, PAID},
    OrderAction.RETURN: {PAID, FULFILLED},
}


def test_statuses_keep_their_stored_names_and_old_imports():
    assert [s.value for s in OrderStatus] == ["placed", "paid", "fulfilled", "cancelled"]
    assert (queries.PLACED, queries.PAID, queries.FULFILLED, queries.CANCELLED) == tuple(OrderStatus)
    assert queries.ORDER_STATUSES == ("placed", "paid", "fulfilled", "cancelled")
    assert queries.PLACED == "placed" and isinstance(queries.PLACED, str)


@pytest.mark.parametrize("action", list(OrderAction))
@pytest.mark.parametrize("status", list(OrderStatus))
def test_each_action_is_allowed_exactly_where_the_life_cycle_says(action, status):
    assert allows(status, action) == (status in ALLOWED[action])
    assert allows(status.value, action) == (status in ALLOWED[action])  # a stored string
    assert set(allowed_from(action)) == ALLOWED[action]


@pytest.mark.parametrize("action", list(OrderAction))
@pytest.mark.parametrize("status", list(OrderStatus))
def test_every_refusal_is_a_sentence_naming_the_order(action, status):
    if allows(status, action):
        return
    sentence = refusal(action, status.value, 42, "£4.99")
    assert "Order 42" in sentence and sentence.endswith(".") and "{" not in sentence


def test_refusals_say_why():
    assert refusal(OrderAction.FULFIL, "placed", 7, "£3.00") == "Order 7 is not paid yet: £3.00 is still due."
    assert refusal(OrderAction.CANCEL, "fulfilled", 7) == "Order 7 is already fulfilled: take a return instead."
    assert refusal(OrderAction.PAY, "mystery", 7) == "Order 7 cannot be changed now."


def test_only_a_placed_order_has_anything_due():
    assert amount_due(PLACED, 1000, 300) == 700
    for status in (PAID, FULFILLED, CANCELLED):
        assert amount_due(status, 1000, 300) == 0
