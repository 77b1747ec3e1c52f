"""A shop made by the release before staff and tills (schema version 3,
data/shop_v3.sql: a day's trading, a customer's order paid by card and cash,
a return, a card payment) is brought up to version 4 in place: the schema of a
new shop, nothing lost, everything before done by "unknown" staff at the
shop's first till, and no cost invented for the lines sold then."""

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from core import open_shop
from core.commands import CancelOrder, OrderLine, PlaceOrder, ReturnItems, ReturnLine, UpdateProduct
from core.queries import GetOrder, GetOrders, GetProduct, GetSalesReport, GetStockHistory
from core.write_model.schema import SCHEMA_VERSION
from tests.integration.test_migration import schema_of

# About the SQLite file itself (its versions, copies, locks): not run on PostgreSQL.
pytestmark = pytest.mark.sqlite_only

V3_DUMP = Path(__file__).with_name("data") / "shop_v3.sql"
MUG, TEAPOT, TROWEL = 1, 2, 3
CARD_AND_CASH = 4  # the customer's order: £10 by card, the rest cash; one mug returned


@pytest.fixture
def v3_shop(data_dir) -> Path:
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "shop.sqlite3")
    conn.executescript(V3_DUMP.read_text(encoding="utf-8"))
    conn.close()
    return data_dir


def rows(data_dir, query):
    with sqlite3.connect(data_dir / "shop.sqlite3") as conn:
        return conn.execute(query).fetchall()


def test_the_migrated_schema_is_the_new_schema(v3_shop, tmp_path):
    before = rows(v3_shop, "SELECT version FROM schema_info")
    open_shop(v3_shop).close()
    open_shop(tmp_path / "new").close()
    assert before == [(3,)]
    assert schema_of(v3_shop / "shop.sqlite3") == schema_of(tmp_path / "new" / "shop.sqlite3")
    assert rows(v3_shop, "SELECT version FROM schema_info") == [(SCHEMA_VERSION,)]


def test_nothing_is_lost_and_the_past_was_done_by_unknown_staff_at_the_first_till(v3_shop, open_at):
    counts = {t: rows(v3_shop, f"SELECT COUNT(*) FROM {t}") for t in ("shop_order", "order_line", "payment", "outbox")}
    shop = open_at(v3_shop)
    assert {t: rows(v3_shop, f"SELECT COUNT(*) FROM {t}") for t in counts} == counts
    assert set(rows(v3_shop, "SELECT staff_id, till, approved_by FROM outbox")) == {(0, "Till 1", None)}
    assert set(rows(v3_shop, "SELECT staff_id, till FROM shop_order")) == {(0, "Till 1")}
    assert set(rows(v3_shop, "SELECT cost_price_cents, category_id FROM order_line")) == {(None, None)}
    assert [o.id for o in shop.ask(GetOrders())] == [4, 3, 2, 1]
    order = shop.ask(GetOrder(CARD_AND_CASH))
    assert (order.paid_cents, order.refunded_cents, order.customer_name) == (1700, 850, "Jane Smith")
    assert {(h.kind, h.staff_id, h.by) for h in order.history} == {
        ("placed", 0, "Unknown"),
        ("payment", 0, "Unknown"),
        ("return", 0, "Unknown"),
    }
    assert all(line.cost_price_cents is None for line in order.lines)
    assert {m.by for m in shop.ask(GetStockHistory(MUG))} == {"Unknown"}
    assert shop.ask(GetProduct(MUG)).stock == 6
    # Reports group old sales as "not recorded": neither name nor path is invented.
    assert set(rows(v3_shop, "SELECT staff_name FROM shop_order")) == {(None,)}
    assert set(rows(v3_shop, "SELECT category_path FROM order_line")) == {(None,)}
    placed = {o.placed_at[:10] for o in shop.ask(GetOrders()) if o.status != "cancelled"}
    first, last = date.fromisoformat(min(placed)), date.fromisoformat(max(placed))
    report = shop.ask(GetSalesReport(first - timedelta(days=1), last + timedelta(days=1), "category"))
    assert [r.key for r in report.rows] == [""]
    assert report.rows[0].units_without_cost == report.rows[0].units > 0


def test_a_migrated_shop_sells_with_costs_and_refunds_the_way_it_was_paid(v3_shop, open_at):
    shop = open_at(v3_shop)
    p = shop.ask(GetProduct(TEAPOT))
    shop.dispatch(UpdateProduct(p.id, p.sku, p.name, p.category_id, p.price_cents, cost_price_cents=1200))
    new = shop.dispatch(PlaceOrder((OrderLine(TEAPOT, 1),)))
    assert shop.ask(GetOrder(new)).lines[0].cost_price_cents == 1200
    # The old order was paid 1,000 by card and 700 in cash; 850 went back
    # before refunds had methods, so what is left is refunded card first.
    shop.dispatch(ReturnItems(CARD_AND_CASH, (ReturnLine(MUG, 1),)))
    assert rows(v3_shop, "SELECT method, amount_cents, staff_id FROM refund") == [("card", 850, -1)]
    shop.dispatch(CancelOrder(3, refund_method="cash"))
    assert rows(v3_shop, "SELECT method, amount_cents FROM refund WHERE order_id = 3") == [("cash", 3349)]


def test_opening_it_again_migrates_nothing(v3_shop, open_at):
    open_at(v3_shop).close()
    before = schema_of(v3_shop / "shop.sqlite3")
    open_at(v3_shop)
    assert schema_of(v3_shop / "shop.sqlite3") == before
