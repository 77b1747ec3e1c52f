"""A shop with a year of orders: the compact index answers lists, pages and
days as the write model does, an old order read from disk is the order it
was, and the read model after a restart equals a rebuild."""

import sqlite3
import time
from datetime import date, datetime

import pytest

from core import open_shop
from core.commands import OrderLine, PlaceOrder, RecordPayment, ReturnItems, ReturnLine
from core.queries import (
    CountOrders,
    GetCustomer,
    GetCustomers,
    GetOrder,
    GetOrders,
    GetStockHistory,
    GetTillReport,
    GetTillSessions,
)
from core.read_model import documents as docs
from core.read_model import till_sessions
from tests import year_of_orders

# Years of orders built once as a SQLite folder and copied for each test.
pytestmark = pytest.mark.sqlite_only

ORDERS = 3_000


@pytest.fixture(scope="module")
def year_built(tmp_path_factory):
    return year_of_orders.build(tmp_path_factory.mktemp("year") / "shop", ORDERS)


@pytest.fixture
def folder(year_built, tmp_path):
    return year_of_orders.copy_of(year_built, tmp_path / "shop")


@pytest.fixture
def year_shop(folder):
    shop = open_shop(folder)
    yield shop
    shop.close()


def written_ids(folder, where: str = "1", args=()) -> list[int]:
    db = sqlite3.connect(folder / "shop.sqlite3")
    try:
        return [r[0] for r in db.execute(f"SELECT id FROM shop_order WHERE {where} ORDER BY id DESC", args)]
    finally:
        db.close()


def paged(shop, size: int, **filters) -> list[int]:
    found: list[int] = []
    while True:
        page = shop.ask(GetOrders(limit=size, before_id=found[-1] if found else None, **filters))
        found += [o.id for o in page]
        if len(page) < size:
            return found


def test_paging_gives_each_order_once_newest_first_as_the_write_model_has_them(year_shop, folder):
    expected = written_ids(folder)
    assert len(expected) == ORDERS
    assert paged(year_shop, 200) == expected
    assert paged(year_shop, 173) == expected  # pages that straddle the index's shards
    assert year_shop.ask(CountOrders()) == ORDERS
    assert year_shop.ask(CountOrders(status="placed")) == len(written_ids(folder, "status = 'placed'"))


def test_opening_parses_no_order_and_no_till_session_document(year_shop):
    storage = year_shop._read_model.storage
    for prefix in (docs.ORDERS_PREFIX, till_sessions.TABLE_PREFIX):
        tables = set(storage.names(prefix))
        assert tables and tables <= storage.unloaded


def test_a_days_till_report_read_from_disk_equals_the_report_before_a_restart(year_shop, folder):
    sessions = year_shop.ask(GetTillSessions())
    assert len(sessions) == 365
    chosen = [sessions[0].session_id, sessions[200].session_id, sessions[-1].session_id]
    reports = [year_shop.ask(GetTillReport(i)) for i in chosen]
    year_shop.close()
    again = open_shop(folder)
    try:
        assert again.ask(GetTillSessions()) == sessions
        assert [again.ask(GetTillReport(i)) for i in chosen] == reports
    finally:
        again.close()


def test_an_old_order_read_from_disk_equals_the_order_before_a_restart(year_shop, folder):
    oldest, middle = 1, ORDERS // 2
    before = {order_id: year_shop.ask(GetOrder(order_id)) for order_id in (oldest, middle)}
    year_shop.close()
    again = open_shop(folder)
    try:
        assert docs.orders_table(oldest) in again._read_model.storage.unloaded
        assert {order_id: again.ask(GetOrder(order_id)) for order_id in (oldest, middle)} == before
    finally:
        again.close()


@pytest.mark.parametrize("zone", ["UTC", "Pacific/Auckland", "America/Los_Angeles"])
def test_a_days_orders_follow_the_computers_time_zone(year_shop, folder, zone, monkeypatch):
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        placed = {}
        db = sqlite3.connect(folder / "shop.sqlite3")
        for order_id, at in db.execute("SELECT id, placed_at FROM shop_order"):
            placed[order_id] = datetime.fromisoformat(at).astimezone().date()
        db.close()
        for day in (date(2026, 3, 14), date(2026, 7, 1), date(2026, 11, 30)):
            expected = sorted((i for i, d in placed.items() if d == day), reverse=True)
            assert expected  # every one of these days had orders
            assert [o.id for o in year_shop.ask(GetOrders(date_from=day, date_to=day))] == expected
            assert year_shop.ask(CountOrders(date_from=day, date_to=day)) == len(expected)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def answers(shop) -> dict:
    """Everything the history shows, for comparing two read models."""
    customers = shop.ask(GetCustomers())
    some = customers[:: max(1, len(customers) // 25)]
    return {
        "orders": shop.ask(GetOrders()),
        "count": shop.ask(CountOrders()),
        "customers": customers,
        "customer orders": [shop.ask(GetCustomer(c.id)) for c in some],
        "details": [shop.ask(GetOrder(i)) for i in (1, 2, ORDERS // 3, ORDERS, ORDERS + 1, ORDERS + 2)],
        "history": [shop.ask(GetStockHistory(p)) for p in (1, 2, 50, 199)],
        "sessions": shop.ask(GetTillSessions()),
        "reports": [shop.ask(GetTillReport(s.session_id)) for s in shop.ask(GetTillSessions())[:3]],
    }


def test_the_read_model_after_a_restart_equals_a_rebuild(year_shop, folder):
    customer = year_shop.ask(GetCustomers())[0].id
    new = year_shop.dispatch(PlaceOrder((OrderLine(1, 2), OrderLine(50, 1)), customer_id=customer))
    year_shop.dispatch(RecordPayment(new, "card", year_shop.ask(GetOrder(new)).total_cents))
    year_shop.dispatch(PlaceOrder((OrderLine(2, 1),)))
    year_shop.dispatch(ReturnItems(2, (ReturnLine(year_shop.ask(GetOrder(2)).lines[0].product_id, 1),), "faulty"))
    year_shop.close()
    again = open_shop(folder)
    try:
        restarted = answers(again)
        again.rebuild_read_model()
        assert answers(again) == restarted
    finally:
        again.close()
