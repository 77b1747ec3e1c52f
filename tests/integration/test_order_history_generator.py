"""bench/order_history.py writes a year of orders straight into the write
model: the shop it leaves is consistent (stock = ledger, never below zero,
outbox positions in order) and its read model answers GetOrders, GetOrder and
GetTillReport the same before and after a rebuild from the write model."""

import sqlite3

import pytest

from bench import order_history
from core import open_shop
from core.commands import AddCategory, AddProduct, AddProducts, OrderLine, PlaceOrder, RecordPayment
from core.queries import GetOrder, GetOrders, GetTillReport

# The generator writes a SQLite file straight (bench and test data).
pytestmark = pytest.mark.sqlite_only


def _catalog(folder, size=300):
    shop = open_shop(folder)
    try:
        top = shop.dispatch(AddCategory("Kitchen", None))
        child = shop.dispatch(AddCategory("Mugs", top))
        products = tuple(
            AddProduct(f"SKU-{i:04d}", f"Mug {i}", child if i % 3 else top, 100 + 7 * i, 5_000, None, 0, 40 + i)
            for i in range(1, size + 1)
        )
        shop.dispatch(AddProducts(products))
    finally:
        shop.close()


def test_a_generated_history_is_consistent_and_rebuilds_to_the_same_answers(tmp_path):
    folder = tmp_path / "shop"
    _catalog(folder)
    written = order_history.add_orders(folder, 300, log=lambda _m: None)
    assert written["orders"] == 300 and written["sessions"] == order_history.DAYS

    assert order_history.check(folder, 300) == []

    db = sqlite3.connect(folder / "shop.sqlite3")
    order_id, session_id, total = db.execute(
        "SELECT id, session_id, total_cents FROM shop_order WHERE status = 'paid' ORDER BY id LIMIT 1 OFFSET 150"
    ).fetchone()
    lines = db.execute("SELECT count(*) FROM order_line WHERE order_id = ?", (order_id,)).fetchone()[0]
    taken, orders = db.execute(
        "SELECT sum(p.amount_cents), count(*) FROM shop_order o JOIN payment p ON p.order_id = o.id"
        " WHERE o.session_id = ?",
        (session_id,),
    ).fetchone()
    db.close()
    shop = open_shop(folder)
    try:
        assert len(shop.ask(GetOrders())) == 300
        order = shop.ask(GetOrder(order_id))
        assert order.total_cents == total and len(order.lines) == lines and order.status == "paid"
        report = shop.ask(GetTillReport(session_id))
        assert report.orders == orders and sum(cents for _m, cents in report.taken_by_method) == taken
        assert report.difference_cents == 0  # the counted cash is what the drawer should hold
        # The shop carries on from the history: new ids, positions and a new till session.
        new_id = shop.dispatch(PlaceOrder((OrderLine(1, 1),)))
        assert new_id == order_history_last_id(folder) and new_id > order_id
        shop.dispatch(RecordPayment(new_id, "card", shop.ask(GetOrder(new_id)).total_cents))
    finally:
        shop.close()


def order_history_last_id(folder):
    db = sqlite3.connect(folder / "shop.sqlite3")
    try:
        return db.execute("SELECT max(id) FROM shop_order").fetchone()[0]
    finally:
        db.close()
