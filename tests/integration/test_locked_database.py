"""Another till holding the database's write lock past the busy timeout: a
command and opening the shop are refused with a sentence (DatabaseBusy),
nothing changed, and both work once the lock is let go."""

import sqlite3

import pytest

from core import open_shop
from core.commands import OrderLine, PlaceOrder
from core.errors import DatabaseBusy
from core.write_model.db_errors import BUSY

# About the SQLite file itself (its versions, copies, locks): not run on PostgreSQL.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def other_till(data_dir):
    """Holds the write lock like another till in the middle of a long command."""
    conns = []

    def _hold():
        conn = sqlite3.connect(data_dir / "shop.sqlite3", isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conns.append(conn)
        return conn

    yield _hold
    for conn in conns:
        conn.close()


def test_a_command_waiting_past_the_busy_timeout_is_refused_with_a_sentence(
    build_day, data_dir, state, truth, consistent, other_till
):
    shop, ids = build_day()
    shop.close()
    shop = open_shop(data_dir, busy_timeout_ms=50)
    before, stored = state(shop), truth(data_dir)
    lock = other_till()
    with pytest.raises(DatabaseBusy) as raised:
        shop.dispatch(PlaceOrder((OrderLine(ids["mug"], 2),)))
    assert str(raised.value) == BUSY
    with pytest.raises(DatabaseBusy):  # again: the kept connection is still usable afterwards
        shop.dispatch(PlaceOrder((OrderLine(ids["mug"], 2),)))
    lock.rollback()
    assert state(shop) == before and truth(data_dir) == stored

    shop.dispatch(PlaceOrder((OrderLine(ids["mug"], 2),)))
    consistent(shop, data_dir)
    shop.close()


def test_opening_a_shop_while_another_till_holds_it_is_a_sentence(build_day, data_dir, other_till):
    shop, _ids = build_day()
    shop.close()
    lock = other_till()
    with pytest.raises(DatabaseBusy) as raised:
        open_shop(data_dir, busy_timeout_ms=50)
    assert str(raised.value) == BUSY
    lock.rollback()
    open_shop(data_dir, busy_timeout_ms=50).close()
