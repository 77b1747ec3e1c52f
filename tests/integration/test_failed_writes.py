"""A sale the database refuses half-way (a full disk, a damaged page: here a
trigger that aborts one of its inserts) is reported, changes nothing in
either model, and the till sells again once the database is well."""

import sqlite3

import pytest

from core.commands import OrderLine, PlaceOrder
from core.errors import StorageError

# Refusals made with SQLite triggers.
pytestmark = pytest.mark.sqlite_only


def _fail_inserts_into(data_dir, table: str) -> None:
    conn = sqlite3.connect(data_dir / "shop.sqlite3")
    with conn:
        conn.execute(
            f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END"
        )
    conn.close()


def _heal(data_dir, table: str) -> None:
    conn = sqlite3.connect(data_dir / "shop.sqlite3")
    with conn:
        conn.execute(f"DROP TRIGGER refuse_{table}")
    conn.close()


@pytest.mark.parametrize("table", ["shop_order", "order_line", "stock_movement", "outbox"])
def test_a_sale_the_database_refuses_changes_nothing(build_day, data_dir, state, truth, consistent, table):
    shop, ids = build_day()
    before, stored = state(shop), truth(data_dir)
    _fail_inserts_into(data_dir, table)
    with pytest.raises(StorageError) as raised:
        shop.dispatch(PlaceOrder((OrderLine(ids["mug"], 2), OrderLine(ids["teapot"], 1))))
    assert "nothing was changed" in str(raised.value) and "simulated" in str(raised.value)
    assert state(shop) == before and truth(data_dir) == stored

    _heal(data_dir, table)
    shop.dispatch(PlaceOrder((OrderLine(ids["mug"], 2),)))
    consistent(shop, data_dir)
    assert truth(data_dir)["products"][ids["mug"]][4] == 7 - 2
