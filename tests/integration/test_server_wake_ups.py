"""Tills on a shared PostgreSQL server wake each other (LISTEN/NOTIFY): a
sale at one till reaches another's read model with no poll at all, a till
is not woken by its own commits nor by a command that rolled back, and the
listener backs off while the server cannot be reached.

Skipped when no PostgreSQL server can be had (tests/conftest.py); the
timings are in BENCHMARKS.md (bench/server_wake_ups.py), not asserted here
beyond a generous bound."""

import threading
import time

import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct, OrderLine, PlaceOrder
from core.errors import OutOfStock
from core.queries import GetOrders, GetProducts
from core.results import ServerLink
from core.write_model import listener as listener_module
from tests.helpers import everything

# Generous: a wake-up takes milliseconds; this only catches one that never comes.
WITHIN_SECONDS = 10.0


def wait_until(condition, seconds: float = WITHIN_SECONDS) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return condition()


def _listening(shop, links: list | None = None) -> None:
    """``shop`` watches its server; returns once it listens."""
    assert shop.watch_server(on_link=None if links is None else links.append)
    assert wait_until(lambda: shop.server_link is not None and shop.server_link.listening)


def _catalog(shop, stock: int = 100) -> int:
    shelf = shop.dispatch(AddCategory("Shelf"))
    return shop.dispatch(AddProduct("W-1", "Widget", shelf, 250, stock=stock))


def test_a_sale_at_one_till_reaches_the_other_without_any_poll(tills):
    counter, office = tills("counter"), tills("office")
    widget = _catalog(counter)
    links: list[ServerLink] = []
    _listening(office, links)
    # Nothing here calls office.sync(): only the listener's wake-up can bring the sales.
    for sold in range(1, 6):
        order_id = counter.dispatch(PlaceOrder((OrderLine(widget, 1),)))
        assert wait_until(lambda order_id=order_id: order_id in {o.id for o in office.ask(GetOrders())}), sold
        assert {p.id: p.stock for p in office.ask(GetProducts())}[widget] == 100 - sold
    assert links == [ServerLink(True)]
    assert everything(office) == everything(counter)


def test_a_till_is_not_woken_by_its_own_commits_nor_by_a_refused_command(tills):
    counter, office = tills("counter"), tills("office")
    widget = _catalog(counter, stock=3)
    woken = []
    assert office.watch_server(on_news=lambda: woken.append(time.monotonic()))
    assert wait_until(lambda: len(woken) == 1)  # on listening: a catch-up with whatever came before
    office.dispatch(PlaceOrder((OrderLine(widget, 1),)))  # its own: it has caught up already
    with pytest.raises(OutOfStock):  # rolled back: no notification
        counter.dispatch(PlaceOrder((OrderLine(widget, 5),)))
    counter.dispatch(PlaceOrder((OrderLine(widget, 1),)))  # another till's: one wake-up
    assert wait_until(lambda: len(woken) == 2)
    time.sleep(0.2)  # a wake-up for its own sale or the refusal would have come by now
    assert len(woken) == 2


def test_a_burst_of_sales_misses_nothing(tills):
    counter, office = tills("counter"), tills("office")
    widget = _catalog(counter)
    _listening(office)
    placed = set()
    for _ in range(20):
        placed.add(counter.dispatch(PlaceOrder((OrderLine(widget, 1),))))
    assert wait_until(lambda: placed <= {o.id for o in office.ask(GetOrders())})
    office.sync()
    assert everything(office) == everything(counter)


def test_no_server_is_tried_again_with_growing_pauses(tmp_path, monkeypatch):
    """The listener's back-off: 1, 2, 4 ... 30 seconds in the app; a tenth of
    that scale here. Each try that fails is reported, unreachable."""
    from core.write_model.engine import postgres_engine

    monkeypatch.setattr(listener_module, "BACK_OFF_SECONDS", (0.05, 0.1, 0.2))
    engine = postgres_engine(f"postgresql+psycopg://nobody@/shop?host={tmp_path}")  # no server listens there
    links: list[ServerLink] = []
    tried = threading.Event()

    def on_link(link):
        links.append(link)
        if len(links) == 5:
            tried.set()

    watcher = listener_module.Listener(engine, None, lambda: None, on_link)
    started = time.monotonic()
    watcher.start()
    try:
        assert tried.wait(WITHIN_SECONDS)
        waited = time.monotonic() - started
    finally:
        watcher.stop()
        engine.dispose()
    assert [link.retry_in for link in links[:5]] == [0.05, 0.1, 0.2, 0.2, 0.2]
    assert not any(link.listening or link.reachable for link in links)
    assert "\n" not in links[0].reason and links[0].reason
    assert waited >= 0.05 + 0.1 + 0.2 + 0.2  # it did pause between tries


def test_the_default_back_off_grows_to_half_a_minute():
    assert listener_module.BACK_OFF_SECONDS == (1, 2, 4, 8, 16, 30)


def test_sqlite_has_no_listener(tmp_path, monkeypatch):
    from core.shop import DATABASE_URL_VARIABLE

    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    shop = open_shop(tmp_path / "shop")
    try:
        assert shop.watch_server() is False
        assert shop.server_link is None
        assert not [t for t in threading.enumerate() if t.name == "server-listener"]
    finally:
        shop.close()


def test_closing_a_till_stops_its_listener(tills):
    shop = tills("counter")
    _listening(shop)
    assert [t for t in threading.enumerate() if t.name == "server-listener"]
    shop.close()
    assert not [t for t in threading.enumerate() if t.name == "server-listener"]


def test_a_sale_made_while_a_till_could_not_listen_is_caught_up_once_it_can(tills, postgres_url, monkeypatch):
    """The office's listener loses its connection and cannot get one back
    for a while; the counter sells meanwhile (a wake-up nobody hears). Once
    the listener is back, the office catches up by itself."""
    import psycopg

    counter, office = tills("counter"), tills("office")
    widget = _catalog(counter)
    monkeypatch.setattr(listener_module, "BACK_OFF_SECONDS", (0.05,))
    _listening(office)
    blocked = threading.Event()
    blocked.set()
    real_connect = psycopg.connect

    def connect(*args, **kwargs):
        if blocked.is_set():
            raise psycopg.OperationalError("connection refused (the test's)")
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(listener_module, "connect", connect)
    with psycopg.connect(postgres_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE '%listener'")
    assert wait_until(lambda: office.server_link is not None and not office.server_link.reachable)
    missed = counter.dispatch(PlaceOrder((OrderLine(widget, 1),)))
    time.sleep(0.2)
    assert missed not in {o.id for o in office.ask(GetOrders())}  # nobody woke it
    blocked.clear()
    assert wait_until(lambda: missed in {o.id for o in office.ask(GetOrders())})
    assert office.server_link == ServerLink(True)
