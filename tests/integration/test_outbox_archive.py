"""The outbox's settled events move to an archive when a till closes: the
outbox stays small, and a read model far behind still catches up from the
archive to what a rebuild gives."""

import shutil
import sqlite3

import pytest

from core import open_shop
from core.commands import OrderLine, PlaceOrder, RecordPayment
from core.queries import CountOrders, GetOrder, GetOrders, GetProducts
from core.write_model import outbox_archive
from tests import year_of_orders

ORDERS = 2_000


@pytest.fixture(scope="module")
def year_built(tmp_path_factory):
    return year_of_orders.build(tmp_path_factory.mktemp("archive") / "shop", ORDERS)


@pytest.fixture
def folder(year_built, tmp_path):
    return year_of_orders.copy_of(year_built, tmp_path / "shop")


def counts(folder) -> tuple[int, int]:
    db = sqlite3.connect(folder / "shop.sqlite3")
    try:
        return (
            db.execute("SELECT count(*) FROM outbox").fetchone()[0],
            db.execute("SELECT count(*) FROM outbox_archive").fetchone()[0],
        )
    finally:
        db.close()


def answers(shop) -> dict:
    return {
        "orders": shop.ask(GetOrders()),
        "count": shop.ask(CountOrders()),
        "stock": [(p.id, p.stock) for p in shop.ask(GetProducts())],
        "details": [shop.ask(GetOrder(i)) for i in (1, ORDERS // 2, ORDERS, ORDERS + 1, ORDERS + 2)],
    }


def sell(shop, times: int) -> None:
    for _ in range(times):
        order = shop.dispatch(PlaceOrder((OrderLine(3, 1), OrderLine(4, 2))))
        shop.dispatch(RecordPayment(order, "cash", shop.ask(GetOrder(order)).total_cents))


# The year of orders is built once as a SQLite folder and copied for each test.
pytestmark = pytest.mark.sqlite_only


def test_closing_archives_what_every_till_has_read(folder, monkeypatch):
    monkeypatch.setattr(outbox_archive, "ARCHIVE_MARGIN", 50)
    monkeypatch.setattr(outbox_archive, "ARCHIVE_BATCH", 700)  # several transactions
    before = sum(counts(folder))
    shop = open_shop(folder)
    sell(shop, 3)
    shop.close()
    hot, archived = counts(folder)
    recorded = before + 1 + 6  # the till's session, opened by the first sale; 3 sales and payments
    assert hot + archived == recorded  # nothing lost
    assert hot == 50 and archived == recorded - 50


def test_a_till_behind_holds_the_archive_back(folder, monkeypatch):
    monkeypatch.setattr(outbox_archive, "ARCHIVE_MARGIN", 0)
    front = open_shop(folder, till="Front")
    back = open_shop(folder, till="Back")
    back.close()  # read up to here
    sell(front, 5)
    front.close()
    hot, _archived = counts(folder)
    assert hot == 11  # the Back till has not read the Front's day: its session, 5 sales, 5 payments


def test_a_read_model_far_behind_catches_up_from_the_archive(folder, monkeypatch, tmp_path):
    monkeypatch.setattr(outbox_archive, "ARCHIVE_MARGIN", 5)
    old_copy = tmp_path / "read_model_then"
    shutil.copytree(folder / "read_model", old_copy)
    shop = open_shop(folder)
    sell(shop, 20)
    shop.close()
    assert counts(folder)[0] == 5
    # The read model as it was before the sales, put back (a restored copy).
    shutil.rmtree(folder / "read_model")
    shutil.copytree(old_copy, folder / "read_model")
    again = open_shop(folder)
    try:
        caught_up = answers(again)
        assert caught_up["count"] == ORDERS + 20
        again.rebuild_read_model()
        assert answers(again) == caught_up
    finally:
        again.close()
