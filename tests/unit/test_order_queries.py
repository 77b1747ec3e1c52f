"""GetOrders' filters (status, dates, customer, number) and the order detail
with its history; values handed out are immutable snapshots."""

import dataclasses
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from core.commands import AddCustomer, CancelOrder, FulfilOrder, OrderLine, PlaceOrder, RecordPayment
from core.errors import InvalidCommand
from core.queries import GetOrder, GetOrders


@pytest.fixture
def local_time_zone(monkeypatch):
    """Run the test in New York (UTC-5 in March): a local day is not a UTC day."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def week(shop, catalog, clock):
    """Orders over three days (times UTC): 1 placed, 2 paid, 3 fulfilled, 4 cancelled, 5 placed."""
    jane = shop.dispatch(AddCustomer("Jane Smith"))
    ids = []
    for hours, customer in ((0, jane), (20, None), (21, jane), (48, None), (49, jane)):
        clock.now = datetime(2024, 3, 1, 9, tzinfo=UTC) + timedelta(hours=hours)
        ids.append(shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), customer_id=customer)))
    shop.dispatch(RecordPayment(ids[1], "card", 850))
    shop.dispatch(RecordPayment(ids[2], "card", 850))
    shop.dispatch(FulfilOrder(ids[2]))
    shop.dispatch(CancelOrder(ids[3]))
    return jane, ids


def numbers(shop, **filters):
    return [o.id for o in shop.ask(GetOrders(**filters))]


def test_all_orders_newest_first(shop, week):
    assert numbers(shop) == [5, 4, 3, 2, 1]


@pytest.mark.parametrize(
    "status, expected", [("placed", [5, 1]), ("paid", [2]), ("fulfilled", [3]), ("cancelled", [4])]
)
def test_by_status(shop, week, status, expected):
    assert numbers(shop, status=status) == expected


def test_by_customer(shop, week):
    jane, _ids = week
    assert numbers(shop, customer_id=jane) == [5, 3, 1]
    assert numbers(shop, customer_id=jane, status="placed") == [5, 1]
    assert numbers(shop, customer_id=999) == []


def test_by_number(shop, week):
    assert numbers(shop, number=3) == [3]
    assert numbers(shop, number=3, status="placed") == []
    assert numbers(shop, number=99) == []


def test_by_utc_days_when_the_computer_is_on_utc(shop, week, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        # 1: Mar 1 09:00, 2: Mar 2 05:00, 3: Mar 2 06:00, 4: Mar 3 09:00, 5: Mar 3 10:00.
        assert numbers(shop, date_from=date(2024, 3, 2)) == [5, 4, 3, 2]
        assert numbers(shop, date_to=date(2024, 3, 2)) == [3, 2, 1]
        assert numbers(shop, date_from=date(2024, 3, 2), date_to=date(2024, 3, 2)) == [3, 2]
        assert numbers(shop, date_from=date(2024, 3, 4)) == []
    finally:
        monkeypatch.undo()
        time.tzset()


def test_by_local_days(shop, week, local_time_zone):
    # In New York: 1: Mar 1 04:00, 2: Mar 2 00:00, 3: Mar 2 01:00, 4: Mar 3 04:00, 5: Mar 3 05:00.
    assert numbers(shop, date_from=date(2024, 3, 1), date_to=date(2024, 3, 1)) == [1]
    assert numbers(shop, date_from=date(2024, 3, 2), date_to=date(2024, 3, 2)) == [3, 2]


def test_by_instants(shop, week):
    start = datetime(2024, 3, 2, 5, 30, tzinfo=UTC)
    stop = datetime(2024, 3, 3, 9, tzinfo=UTC)
    assert numbers(shop, date_from=start, date_to=stop) == [3]  # to: before that instant


def test_an_unknown_status_is_refused(shop, week, readable):
    with pytest.raises(InvalidCommand) as raised:
        shop.ask(GetOrders(status="lost"))
    assert str(raised.value) == "Choose a status: placed, paid, fulfilled, cancelled."
    readable(raised.value)


def test_summaries_say_who_and_what_was_paid(shop, week):
    jane, ids = week
    summaries = {o.id: o for o in shop.ask(GetOrders())}
    assert (summaries[1].customer_name, summaries[1].paid_cents, summaries[1].due_cents) == ("Jane Smith", 0, 850)
    assert (summaries[2].customer_name, summaries[2].paid_cents, summaries[2].due_cents) == (None, 850, 0)
    assert (summaries[4].status, summaries[4].due_cents, summaries[4].refunded_cents) == ("cancelled", 0, 0)


def test_history_of_an_order(shop, week):
    detail = shop.ask(GetOrder(3))
    assert [(h.at, h.kind, h.amount_cents, h.method) for h in detail.history] == [
        ("2024-03-02T06:00:00+00:00", "placed", 850, None),
        ("2024-03-03T10:00:00+00:00", "payment", 850, "card"),
        ("2024-03-03T10:00:00+00:00", "fulfilled", 0, None),
    ]


def test_values_are_immutable(shop, week):
    detail = shop.ask(GetOrder(3))
    for value in (detail, detail.payments[0], detail.history[0], detail.lines[0], shop.ask(GetOrders())[0]):
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.status = "x"  # type: ignore[misc]
    assert isinstance(detail.payments, tuple) and isinstance(detail.history, tuple)
