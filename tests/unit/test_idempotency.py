"""PlaceOrder with a request id: a double click, a repeated key press or a
retried command never makes a second order. (Two processes racing with the
same request id: tests/integration/test_two_tills.py.)"""

import pytest

from core.commands import OrderLine, PlaceOrder, ReceiveStock
from core.errors import InvalidCommand, OutOfStock
from core.handlers import orders
from core.queries import GetOrders, GetProductsByIds


def test_the_same_request_twice_is_one_order(shop, catalog, unchanged):
    command = PlaceOrder((OrderLine(catalog.mug, 2),), request_id="7f1c2a9e")
    first = shop.dispatch(command)
    with unchanged(shop):
        assert shop.dispatch(command) == first
    assert [o.id for o in shop.ask(GetOrders())] == [first]
    assert shop.ask(GetProductsByIds((catalog.mug,)))[0].stock == 8


def test_a_repeated_request_is_answered_with_its_order_whatever_else_it_says(shop, catalog, unchanged):
    first = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),), request_id="form-1"))
    with unchanged(shop):
        assert shop.dispatch(PlaceOrder((OrderLine(catalog.trowel, 1),), request_id="form-1")) == first


def test_different_requests_are_different_orders(shop, catalog):
    a = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), request_id="a"))
    b = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), request_id="b"))
    c = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    d = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    assert len({a, b, c, d}) == 4


def test_a_refused_request_can_be_tried_again(shop, catalog):
    command = PlaceOrder((OrderLine(catalog.teapot, 5),), request_id="retry-me")
    with pytest.raises(OutOfStock):
        shop.dispatch(command)
    shop.dispatch(ReceiveStock(catalog.teapot, 2))
    order_id = shop.dispatch(command)
    assert shop.dispatch(command) == order_id
    assert shop.ask(GetProductsByIds((catalog.teapot,)))[0].stock == 0


def test_the_request_is_remembered_after_reopening(shop, catalog, reopen):
    command = PlaceOrder((OrderLine(catalog.mug, 1),), request_id="kept")
    order_id = shop.dispatch(command)
    assert reopen(shop).dispatch(command) == order_id


def test_another_till_placing_it_between_our_look_and_our_insert(shop, catalog, unchanged, monkeypatch):
    """The unique column decides: our INSERT fails, we answer with the other's order."""
    command = PlaceOrder((OrderLine(catalog.mug, 3),), request_id="raced")
    theirs = shop.dispatch(command)
    real = orders._order_by_request
    looks = []

    def not_yet_on_the_first_look(uow, request_id):
        looks.append(request_id)
        return None if len(looks) == 1 else real(uow, request_id)

    monkeypatch.setattr(orders, "_order_by_request", not_yet_on_the_first_look)
    with unchanged(shop):
        assert shop.dispatch(command) == theirs
    assert looks == ["raced", "raced"]  # the look before, and the one after the failed INSERT
    assert shop.ask(GetProductsByIds((catalog.mug,)))[0].stock == 7


@pytest.mark.parametrize(
    "request_id, message",
    [
        ("", "The order's request id must be a text."),
        ("  ", "The order's request id must be a text."),
        (42, "The order's request id must be a text."),
        (" x", "The order's request id must be one line of at most 64 characters, without surrounding spaces."),
        ("x" * 65, "The order's request id must be one line"),
        ("a\nb", "The order's request id must be one line"),
    ],
)
def test_a_bad_request_id_is_refused(shop, catalog, unchanged, readable, request_id, message):
    with unchanged(shop):
        with pytest.raises(InvalidCommand) as raised:
            shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), request_id=request_id))
    assert str(raised.value).startswith(message)
    readable(raised.value)
