"""A shop with a long history whose read model was lost opens at once: the
status bar says older orders are loading until they are in, and the Orders
tab then lists them all."""

import shutil
import threading

import pytest

from core import open_shop
from core.history_fill import HistoryFill
from core.read_model import projector
from shop_gui.main_window import MainWindow
from tests import year_of_orders

ORDERS = 1_500


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return year_of_orders.build(tmp_path_factory.mktemp("history") / "shop", ORDERS)


def test_the_window_says_older_orders_are_loading_until_they_are_in(qtbot, built, tmp_path, monkeypatch):
    monkeypatch.setattr(projector, "STAGED_FROM_ORDERS", 1_000)
    folder = year_of_orders.copy_of(built, tmp_path / "shop")
    shutil.rmtree(folder / "read_model")
    go = threading.Event()
    real_run = HistoryFill._run
    monkeypatch.setattr(HistoryFill, "_run", lambda self: (go.wait(30), real_run(self)))
    shop = open_shop(folder)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitExposed(window)
        assert window.history_note.isVisible()
        assert window.history_note.text() == "Loading older orders…"
        go.set()
        qtbot.waitUntil(lambda: not shop.loading_history, timeout=20_000)
        window.bridge.sync()  # the window's poll does it within a second
        assert not window.history_note.isVisible()
        window.tabs.setCurrentWidget(window.orders)
        assert window.orders.count_label.text() == f"{ORDERS:,} orders"
    finally:
        go.set()
        window.close()
        shop.close()
