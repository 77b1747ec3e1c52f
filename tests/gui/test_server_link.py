"""The window on a shared server: the core's listener (a thread) wakes the
window on its own thread, which catches up with no poll; while the server
cannot be reached the status bar says so and counts down to the next try,
and says when it is back. The core is faked here (its calls made from a
thread, as the listener makes them); one test runs against a real server on
a PostgreSQL run (SHOP_TEST_POSTGRES=1) only."""

import threading

import pytest

from core import open_shop
from core.commands import OrderLine, PlaceOrder
from core.results import ServerLink
from tests.conftest import ON_POSTGRES
from tests.gui.helpers import stock_cell

HOUR_MS = 3_600_000  # a poll that never comes during a test


class FakeListener:
    """Stands in for Shop.watch_server: keeps the window's callbacks and
    calls them from another thread, as the core's listener does."""

    def __init__(self, shop):
        self.on_news = self.on_link = None
        shop.watch_server = self.watch

    def watch(self, on_news=None, on_link=None) -> bool:
        self.on_news, self.on_link = on_news, on_link
        return True

    def _from_a_thread(self, call) -> None:
        thread = threading.Thread(target=call)
        thread.start()
        thread.join()

    def news(self) -> None:
        self._from_a_thread(self.on_news)

    def link(self, link: ServerLink) -> None:
        self._from_a_thread(lambda: self.on_link(link))


@pytest.fixture
def heard(shop):
    return FakeListener(shop)


def _window(qtbot, shop, **kwargs):
    from shop_gui.main_window import MainWindow

    window = MainWindow(shop, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _sell_at_another_till(tmp_path, product_id: int, quantity: int) -> None:
    other = open_shop(tmp_path / "shop", till="Till 2")
    try:
        other.dispatch(PlaceOrder((OrderLine(product_id, quantity),)))
    finally:
        other.close()


def test_a_wake_up_brings_another_tills_sale_with_the_poll_off(qtbot, shop, catalog, heard, tmp_path):
    window = _window(qtbot, shop, poll_interval_ms=20)  # a poll that would find it at once, were it on
    synced_on = []
    real_sync = shop.sync

    def sync(*args, **kwargs):
        synced_on.append(threading.current_thread() is threading.main_thread())
        return real_sync(*args, **kwargs)

    shop.sync = sync
    heard.link(ServerLink(True))
    qtbot.waitUntil(lambda: window.bridge.server_link == ServerLink(True))
    assert not window.bridge.polling
    _sell_at_another_till(tmp_path, catalog.trowel, 4)
    qtbot.wait(200)  # ten polls' time: none comes
    assert stock_cell(window, "Hand Trowel") == "12"
    heard.news()
    qtbot.waitUntil(lambda: stock_cell(window, "Hand Trowel") == "8", timeout=5000)
    assert synced_on and all(synced_on)  # on the window's thread, never the listener's
    assert not window.server_note.isVisible()
    window.close()


def test_the_status_bar_says_while_the_server_cannot_be_reached(qtbot, shop, catalog, heard):
    window = _window(qtbot, shop)
    heard.link(ServerLink(True))
    heard.link(ServerLink(False, False, 4, "connection refused"))
    note = window.server_note
    qtbot.waitUntil(note.isVisible)
    assert note.text() == "Shop server unreachable: trying again in 4 seconds"
    assert not window.bridge.polling  # the listener's retries stand in for the poll
    heard.link(ServerLink(False, False, 0, "connection refused"))
    qtbot.waitUntil(lambda: note.text() == "Shop server unreachable: trying again now…")
    assert note.toolTip().startswith("This till cannot reach the shop's server")
    heard.link(ServerLink(True))
    qtbot.waitUntil(lambda: not note.isVisible())
    assert window.statusBar().currentMessage() == "The shop's server can be reached again; this till is up to date."
    window.close()


def test_the_poll_stays_while_the_till_can_reach_the_server_but_not_listen(qtbot, shop, catalog, heard):
    window = _window(qtbot, shop)
    assert window.bridge.polling  # until the listener is heard from
    heard.link(ServerLink(True))
    qtbot.waitUntil(lambda: not window.bridge.polling)
    heard.link(ServerLink(False, True, 1, "permission denied for LISTEN"))
    qtbot.waitUntil(lambda: window.bridge.polling)
    assert not window.server_note.isVisible()
    window.close()


@pytest.mark.sqlite_only
def test_on_sqlite_the_window_polls_and_shows_no_server_note(window):
    assert window.bridge.polling
    assert window.bridge.server_link is None
    assert not window.server_note.isVisible()


@pytest.mark.skipif(not ON_POSTGRES, reason="a real server: a SHOP_TEST_POSTGRES run only")
def test_on_a_real_server_another_tills_sale_shows_without_a_poll(qtbot, shop, catalog, tmp_path):
    window = _window(qtbot, shop, poll_interval_ms=HOUR_MS)
    qtbot.waitUntil(lambda: window.bridge.server_link == ServerLink(True), timeout=10_000)
    other = open_shop(tmp_path / "other", till="Till 2")
    try:
        other.dispatch(PlaceOrder((OrderLine(catalog.trowel, 4),)))
    finally:
        other.close()
    qtbot.waitUntil(lambda: stock_cell(window, "Hand Trowel") == "8", timeout=10_000)
    window.close()
