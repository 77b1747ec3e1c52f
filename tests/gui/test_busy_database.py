"""Another till holding the database: the bridge says so, repaints while it
waits, and tries again; it reports DatabaseBusy only when the lock outlasts
every try."""

import sqlite3

import pytest
from PySide6.QtCore import QTimer

from core import open_shop
from core.commands import ReceiveStock
from core.errors import DatabaseBusy
from core.queries import GetProductsByIds
from shop_gui.bridge import TRYING_AGAIN, ShopBridge
from tests.gui.conftest import Catalog


@pytest.fixture
def busy_shop(tmp_path):
    shop = open_shop(tmp_path / "shop", busy_timeout_ms=20)
    yield shop
    shop.close()


@pytest.fixture
def lock(tmp_path):
    """Another till's connection, holding the write lock."""
    conn = sqlite3.connect(tmp_path / "shop" / "shop.sqlite3", isolation_level=None)
    yield conn
    conn.close()


def _stock(shop, product_id) -> int:
    return shop.ask(GetProductsByIds((product_id,)))[0].stock


def test_a_command_is_tried_again_once_the_other_till_lets_go(qtbot, busy_shop, lock):
    catalog = Catalog(busy_shop)
    bridge = ShopBridge(busy_shop, busy_pause_ms=10, busy_retries=50)
    said = []
    bridge.busy.connect(said.append)
    lock.execute("BEGIN IMMEDIATE")
    # Let go while the bridge waits between tries (its pause runs the timers).
    bridge.busy.connect(lambda _text: QTimer.singleShot(0, lambda: lock.in_transaction and lock.rollback()))

    outcome = bridge.dispatch(ReceiveStock(catalog.mug, 2))

    assert outcome.ok, outcome.error
    assert said and set(said) == {TRYING_AGAIN}
    assert _stock(busy_shop, catalog.mug) == 3 + 2
    bridge.close()


def test_a_lock_that_outlasts_every_try_is_a_refusal_with_a_sentence(qtbot, busy_shop, lock):
    catalog = Catalog(busy_shop)
    bridge = ShopBridge(busy_shop, busy_pause_ms=1, busy_retries=3)
    said = []
    bridge.busy.connect(said.append)
    lock.execute("BEGIN IMMEDIATE")

    with qtbot.wait_signal(bridge.commandFailed) as failed:
        outcome = bridge.dispatch(ReceiveStock(catalog.mug, 2))

    assert isinstance(outcome.error, DatabaseBusy) and failed.args == [outcome.error]
    assert "Another till is holding the shop's database; nothing was changed." in str(outcome.error)
    assert len(said) == 3
    lock.rollback()
    assert _stock(busy_shop, catalog.mug) == 3
    bridge.close()
