"""The first stage of a long history's rebuild (core/write_model/counter_snapshot.py)
reads, of the orders, exactly those the counter needs, each whole: the
recent ones, the open ones whatever their age, and those the open till
session touched; and every customer's figures over all their orders."""

from datetime import timedelta

import pytest

from core.commands import (
    AddCustomer,
    CancelOrder,
    CloseTill,
    OpenTill,
    OrderLine,
    PlaceOrder,
    RecordPayment,
    ReturnItems,
    ReturnLine,
)
from core.write_model import counter_snapshot
from core.write_model.reading import read_snapshot


@pytest.fixture
def newest_one(monkeypatch):
    """Only the newest order counts as the first page (a few orders here, not 200)."""
    monkeypatch.setattr(counter_snapshot, "NEWEST", 1)


def of_orders(rows, order_ids) -> list:
    return [dict(r) for r in rows if r["order_id"] in order_ids]


def test_the_counter_gets_recent_open_and_this_sessions_orders_whole(shop, catalog, clock, newest_one):
    ann = shop.dispatch(AddCustomer("Ann Smith"))
    sale = (OrderLine(catalog.mug, 1), OrderLine(catalog.trowel, 1))
    left_open = shop.dispatch(PlaceOrder(sale, customer_id=ann))
    settled = shop.dispatch(PlaceOrder(sale, customer_id=ann))
    shop.dispatch(RecordPayment(settled, "card", 2050))
    paid_today = shop.dispatch(PlaceOrder(sale))
    cancelled_today = shop.dispatch(PlaceOrder(sale, customer_id=ann))
    shop.dispatch(RecordPayment(cancelled_today, "cash", 2050))
    returned_today = shop.dispatch(PlaceOrder(sale))
    shop.dispatch(RecordPayment(returned_today, "card", 2050))
    shop.dispatch(CloseTill(2050))  # the payments opened a session of their own
    clock.advance(days=40)
    since = clock.now.isoformat()
    shop.dispatch(OpenTill(5000))
    shop.dispatch(RecordPayment(paid_today, "cash", 2050))
    shop.dispatch(CancelOrder(cancelled_today))
    shop.dispatch(ReturnItems(returned_today, (ReturnLine(catalog.mug, 1),), "faulty"))
    recent = shop.dispatch(PlaceOrder(sale, customer_id=ann))

    engine = shop._engine
    snap, facts = counter_snapshot.read_counter_snapshot(engine, since)
    whole = read_snapshot(engine)

    wanted = {left_open, paid_today, cancelled_today, returned_today, recent}
    assert facts.order_ids == wanted and settled not in facts.order_ids
    assert facts.first_recent_id == recent
    assert facts.order_count == 6
    assert [o["id"] for o in snap.orders] == sorted(wanted)
    for name in ("lines", "payments", "returns", "refunds"):
        assert [dict(r) for r in getattr(snap, name)] == of_orders(getattr(whole, name), wanted), name
    returns = {r["id"] for r in snap.returns}
    assert [dict(r) for r in snap.return_lines] == [dict(r) for r in whole.return_lines if r["return_id"] in returns]
    spent = {}
    for o in whole.orders:
        if o["customer_id"] is not None:
            count, paid = spent.get(o["customer_id"], (0, 0))
            spent[o["customer_id"]] = (count + 1, paid + o["paid_cents"] - o["refunded_cents"])
    assert facts.customer_totals == spent == {ann: (4, 2050)}


def test_with_no_session_open_and_nothing_recent_the_newest_page_is_in(shop, catalog, clock, newest_one):
    first = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(first, "card", 850))
    newest = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(newest, "card", 850))
    shop.dispatch(CloseTill(0))
    later = (clock.now + timedelta(days=1)).isoformat()

    snap, facts = counter_snapshot.read_counter_snapshot(shop._engine, later)

    assert facts.order_ids == {newest} and facts.first_recent_id == newest
    assert facts.customer_totals == {}
