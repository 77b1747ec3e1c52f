"""A shop database of schema version 2 (data/shop_v2.sql: a day's trading
before payments, customers and tax) is brought up to version 3 in place: the
same columns, indexes and constraints as a new shop, nothing lost, and its old
orders carry on through the new lifecycle."""

import json
import sqlite3
from pathlib import Path

import pytest

from core import open_shop
from core.commands import CancelOrder, OrderLine, PlaceOrder, RecordPayment, ReturnItems, ReturnLine
from core.queries import GetOrder, GetOrders, GetProductsByIds, GetStockHistory
from core.write_model.schema import SCHEMA_VERSION, metadata

# About the SQLite file itself (its versions, copies, locks): not run on PostgreSQL.
pytestmark = pytest.mark.sqlite_only

V2_DUMP = Path(__file__).with_name("data") / "shop_v2.sql"
MUG, TEAPOT, TROWEL = 1, 2, 3


@pytest.fixture
def v2_shop(data_dir) -> Path:
    """A shop folder with the version 2 database and a version 2 read model."""
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "shop.sqlite3")
    conn.executescript(V2_DUMP.read_text(encoding="utf-8"))
    conn.close()
    read_model = data_dir / "read_model"
    read_model.mkdir()
    (read_model / "meta.json").write_text(
        json.dumps({"schema": 2, "checkpoint": 11, "tables": ["orders_0"], "written_at": {"orders_0": 11}})
    )
    (read_model / "orders_0.json").write_text(
        json.dumps({"schema": 2, "table": "orders_0", "checkpoint": 11, "documents": {}})
    )
    return data_dir


def schema_of(db_file: Path) -> dict:
    """Columns (name, type, not null, default, primary key), indexes (name,
    unique, columns) and foreign keys of every table, as SQLite reports them."""
    conn = sqlite3.connect(db_file)
    try:
        found = {}
        for table in sorted(metadata.tables):
            columns = [
                (name, kind, notnull, {"TRUE": "1"}.get(default, default), pk)
                for _cid, name, kind, notnull, default, pk in conn.execute(f"PRAGMA table_info({table})")
            ]
            indexes = {
                (name, unique, tuple(c[2] for c in conn.execute(f"PRAGMA index_info({name})")))
                for _seq, name, unique, origin, _partial in conn.execute(f"PRAGMA index_list({table})")
                if origin == "c"
            }  # made by CREATE INDEX (not a UNIQUE column's own index)
            keys = {(row[2], row[3], row[4]) for row in conn.execute(f"PRAGMA foreign_key_list({table})")}
            found[table] = (columns, indexes, keys)
        return found
    finally:
        conn.close()


def test_the_migrated_schema_is_the_new_schema(v2_shop, tmp_path):
    open_shop(v2_shop).close()
    open_shop(tmp_path / "new").close()
    assert schema_of(v2_shop / "shop.sqlite3") == schema_of(tmp_path / "new" / "shop.sqlite3")
    conn = sqlite3.connect(v2_shop / "shop.sqlite3")
    assert conn.execute("SELECT version FROM schema_info").fetchall() == [(SCHEMA_VERSION,)]
    conn.close()


def test_the_migrated_database_keeps_its_constraints(v2_shop):
    open_shop(v2_shop).close()
    conn = sqlite3.connect(v2_shop / "shop.sqlite3")
    try:
        conn.execute("UPDATE shop_order SET request_id = 'form-1' WHERE id = 1")
        for bad in (
            "UPDATE shop_order SET paid_cents = total_cents + 1 WHERE id = 1",
            "UPDATE shop_order SET refunded_cents = 1 WHERE id = 1",
            "UPDATE order_line SET returned_quantity = quantity + 1 WHERE id = 1",
            "UPDATE shop_order SET request_id = 'form-1' WHERE id = 3",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(bad)
    finally:
        conn.close()


def test_old_orders_are_kept_as_they_were(v2_shop):
    shop = open_shop(v2_shop)
    try:
        summaries = {o.id: (o.status, o.total_cents, o.paid_cents) for o in shop.ask(GetOrders())}
        assert summaries == {1: ("placed", 2900, 0), 2: ("cancelled", 7497, 0), 3: ("placed", 3349, 0)}
        first = shop.ask(GetOrder(1))
        assert (first.subtotal_cents, first.discount_cents, first.tax_cents, first.due_cents) == (2900, 0, 0, 2900)
        assert [(l.product_id, l.quantity, l.unit_price_cents, l.tax_rate_bp, l.total_cents) for l in first.lines] == [
            (MUG, 2, 850, 0, 1700),
            (TROWEL, 1, 1200, 0, 1200),
        ]
        cancelled = shop.ask(GetOrder(2))
        assert cancelled.cancelled_at == "2024-05-01T09:09:00+00:00"  # from its event
        assert [(h.kind, h.at) for h in cancelled.history] == [
            ("placed", "2024-05-01T09:08:00+00:00"),
            ("cancelled", "2024-05-01T09:09:00+00:00"),
        ]
        stock = {p.id: p.stock for p in shop.ask(GetProductsByIds((MUG, TEAPOT, TROWEL)))}
        assert stock == {MUG: 7, TEAPOT: 2, TROWEL: 11}
        assert [m.kind for m in shop.ask(GetStockHistory(TEAPOT))] == ["received", "sold", "cancelled", "sold"]
    finally:
        shop.close()


def test_old_orders_go_on_through_the_new_lifecycle(v2_shop):
    shop = open_shop(v2_shop)
    try:
        shop.dispatch(RecordPayment(1, "cash", 2900, tendered_cents=3000))
        assert shop.dispatch(ReturnItems(1, (ReturnLine(MUG, 1),))).refund_cents == 850
        shop.dispatch(CancelOrder(3))
        new = shop.dispatch(PlaceOrder((OrderLine(MUG, 1),), request_id="after-migration"))
        assert new == 4
        assert shop.ask(GetOrder(new)).lines[0].tax_cents == 142  # the default 20%, inclusive: 850/6
        stock = {p.id: p.stock for p in shop.ask(GetProductsByIds((MUG, TEAPOT, TROWEL)))}
        assert stock == {MUG: 7 + 1 + 1 - 1, TEAPOT: 3, TROWEL: 11}
    finally:
        shop.close()


def test_opening_again_migrates_nothing_more(v2_shop):
    shop = open_shop(v2_shop)
    before = shop.ask(GetOrders())
    shop.close()
    shop = open_shop(v2_shop)
    try:
        assert shop.ask(GetOrders()) == before
    finally:
        shop.close()
