"""A shop with a long history whose read model must be rebuilt opens with
the counter's part at once and builds the rest in the background: queries
the counter needs are answered at once and exactly, the others wait for the
whole history, sales made meanwhile are never lost, and the result equals a
plain rebuild."""

import shutil
import threading

import pytest

from core import open_shop
from core.commands import OrderLine, PlaceOrder, RecordPayment, ReturnItems, ReturnLine
from core.history_fill import HistoryFill
from core.queries import (
    CountOrders,
    GetCustomer,
    GetCustomers,
    GetOrder,
    GetOrders,
    GetProduct,
    GetProducts,
    GetStockHistory,
    GetTillReport,
    GetTillSessions,
)
from core.read_model import projector
from core.read_model.identity import IDENTITY_FILE
from tests import year_of_orders

# A long history built once as a SQLite folder and copied for each test.
pytestmark = pytest.mark.sqlite_only

ORDERS = 2_500


@pytest.fixture(scope="module")
def year_built(tmp_path_factory):
    return year_of_orders.build(tmp_path_factory.mktemp("history") / "shop", ORDERS)


@pytest.fixture
def folder(year_built, tmp_path, monkeypatch):
    monkeypatch.setattr(projector, "STAGED_FROM_ORDERS", 1_000)
    folder = year_of_orders.copy_of(year_built, tmp_path / "shop")
    shutil.rmtree(folder / "read_model")  # lost: rebuilt at opening
    return folder


@pytest.fixture
def held(monkeypatch):
    """The history's thread waits until the test lets it go."""
    go = threading.Event()
    real_run = HistoryFill._run

    def run(self):
        go.wait(30)
        real_run(self)

    monkeypatch.setattr(HistoryFill, "_run", run)
    return go


def everything(shop) -> dict:
    sessions = shop.ask(GetTillSessions())
    customers = shop.ask(GetCustomers())
    return {
        "orders": shop.ask(GetOrders()),
        "count": shop.ask(CountOrders()),
        "products": shop.ask(GetProducts()),
        "customers": customers,
        "customer": [shop.ask(GetCustomer(c.id)) for c in customers[:5]],
        "sessions": sessions,
        "reports": [shop.ask(GetTillReport(s.session_id)) for s in sessions[:3]],
        "old order": [shop.ask(GetOrder(i)) for i in (1, 2, 3)],
        "history": [shop.ask(GetStockHistory(p)) for p in (1, 2, 3)],
    }


def test_the_counter_answers_at_once_while_the_history_builds(folder, held, monkeypatch):
    shop = open_shop(folder)
    try:
        assert shop.loading_history
        waited = []
        monkeypatch.setattr(shop, "_wait_for_history", lambda: waited.append(True) or pytest.fail("waited"))
        assert len(shop.ask(GetProducts())) == year_of_orders.PRODUCTS
        assert shop.ask(CountOrders()) == ORDERS
        newest = shop.ask(GetOrders(limit=200))
        assert [o.id for o in newest] == list(range(ORDERS, ORDERS - 200, -1))
        open_orders = [o.id for o in shop.ask(GetOrders(status="placed"))]
        assert open_orders == _written(folder, "status = 'placed'")
        assert shop.ask(GetOrder(ORDERS)).id == ORDERS
        assert {c.order_count for c in shop.ask(GetCustomers())} != {0}
        # A sale now is in at once, and stock drops.
        before = shop.ask(GetProduct(7)).stock
        sold = shop.dispatch(PlaceOrder((OrderLine(7, 2),)))
        assert shop.ask(GetProduct(7)).stock == before - 2
        assert shop.ask(GetOrders(limit=1))[0].id == sold
        assert not waited
    finally:
        held.set()
        shop.close()


def test_other_queries_wait_for_the_whole_history_and_equal_a_plain_rebuild(folder, held):
    shop = open_shop(folder)
    try:
        assert shop.loading_history
        # Meanwhile: a sale, a payment and a return on a year-old order (not in yet).
        shop.dispatch(PlaceOrder((OrderLine(5, 1),)))
        old = shop._read_model.partial.first_recent_id - 1
        held.set()  # reading an old order waits for the history
        order = shop.ask(GetOrder(old))
        assert not shop.loading_history
        old_line = order.lines[0]
        shop.dispatch(ReturnItems(old, (ReturnLine(old_line.product_id, 1),), "faulty"))
        background = everything(shop)
        shop.rebuild_read_model()
        assert everything(shop) == background
    finally:
        shop.close()


def test_events_while_the_history_builds_are_all_in_after(folder, held):
    shop = open_shop(folder)
    heard = []
    shop.add_listener(heard.append)
    try:
        partial = shop._read_model.partial
        old = partial.first_recent_id - 5
        assert old not in partial.order_ids
        unpaid = shop.dispatch(PlaceOrder((OrderLine(9, 1), OrderLine(10, 3))))
        stock = shop.ask(GetProduct(10)).stock
        # A return on an order the counter's part does not hold: stock is right at once.
        line = next(iter(_lines_of(folder, old)))
        shop.dispatch(ReturnItems(old, (ReturnLine(line, 1),), "unwanted"))
        assert shop.ask(GetProduct(line)).stock == _stock_in_write_model(folder, line)
        assert shop._read_model.partial.lagging  # the customer's and session's figures wait
        held.set()
        shop.dispatch(RecordPayment(unpaid, "card", shop.ask(GetOrder(unpaid)).total_cents))
        assert shop.ask(GetOrder(old)).returns  # waited, and the return is there
        assert shop.ask(GetProduct(10)).stock == stock
        shop.sync()
        assert [c.rebuilt for c in heard].count(True) == 1  # the window reloads its lists once
        background = everything(shop)
    finally:
        shop.close()
    assert (folder / "read_model" / IDENTITY_FILE).exists()  # made from this database, it says
    again = open_shop(folder)  # the complete model was saved: no rebuild
    try:
        assert not again.loading_history
        assert everything(again) == background
    finally:
        again.close()


def _written(folder, where: str) -> list[int]:
    import sqlite3

    db = sqlite3.connect(folder / "shop.sqlite3")
    try:
        return [r[0] for r in db.execute(f"SELECT id FROM shop_order WHERE {where} ORDER BY id DESC")]
    finally:
        db.close()


def _lines_of(folder, order_id: int) -> list[int]:
    import sqlite3

    db = sqlite3.connect(folder / "shop.sqlite3")
    try:
        return [r[0] for r in db.execute("SELECT product_id FROM order_line WHERE order_id = ?", (order_id,))]
    finally:
        db.close()


def _stock_in_write_model(folder, product_id: int) -> int:
    import sqlite3

    db = sqlite3.connect(folder / "shop.sqlite3")
    try:
        return db.execute("SELECT stock FROM product WHERE id = ?", (product_id,)).fetchone()[0]
    finally:
        db.close()


def test_a_small_shop_is_rebuilt_at_once(year_built, tmp_path):
    folder = year_of_orders.copy_of(year_built, tmp_path / "shop")
    shutil.rmtree(folder / "read_model")
    shop = open_shop(folder)  # 2,500 orders: under STAGED_FROM_ORDERS
    try:
        assert not shop.loading_history
    finally:
        shop.close()


def test_a_till_far_behind_opens_counter_first(year_built, tmp_path, monkeypatch):
    """Another till sold a lot while this one was closed: at opening, a
    backlog too long to replay is rebuilt counter first, not all at once."""
    monkeypatch.setattr(projector, "STAGED_FROM_ORDERS", 1_000)
    monkeypatch.setattr(projector, "REBUILD_BACKLOG", 4)
    monkeypatch.setattr(projector, "CATCH_UP_BATCH", 2)
    folder = year_of_orders.copy_of(year_built, tmp_path / "shop")
    ours = tmp_path / "our read model"
    shutil.copytree(folder / "read_model", ours)
    other = open_shop(folder, till="Back")
    for _ in range(4):
        other.dispatch(PlaceOrder((OrderLine(11, 1),)))
    other.close()
    # This till's read model as it was (its own computer's, say).
    shutil.rmtree(folder / "read_model")
    shutil.copytree(ours, folder / "read_model")
    go = threading.Event()
    real_run = HistoryFill._run
    monkeypatch.setattr(HistoryFill, "_run", lambda self: (go.wait(30), real_run(self)))
    shop = open_shop(folder)
    try:
        assert shop.loading_history
        assert shop.ask(CountOrders()) == ORDERS + 4
        go.set()
        assert shop.ask(GetTillSessions())  # waits for the whole history
        assert not shop.loading_history
    finally:
        go.set()
        shop.close()


def test_closing_while_the_history_builds_keeps_what_it_built(folder, held):
    shop = open_shop(folder)
    assert shop.loading_history
    sold = shop.dispatch(PlaceOrder((OrderLine(12, 1),)))
    held.set()
    shop.close()  # waits for the history, swaps it in, saves it
    again = open_shop(folder)
    try:
        assert not again.loading_history  # nothing to build again
        assert again.ask(CountOrders()) == ORDERS + 1
        assert again.ask(GetOrder(sold)).id == sold
    finally:
        again.close()
