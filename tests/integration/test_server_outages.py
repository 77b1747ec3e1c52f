"""Tills on a shared PostgreSQL server through a bad day: a till killed in
the middle of a command, the server down for a while, the server restarted
while three tills sell. Nothing half-happens, nothing is lost, the other
tills go on, and every till catches up by itself (no sync called: the
listener's wake-ups) to a read model equal to a rebuild.

The tests that stop the server start one of their own, so they run on a
PostgreSQL run only (SHOP_TEST_POSTGRES=1, ``make test-postgres``); the
killed till uses the run's server (skipped when none can be had)."""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct, OrderLine, PlaceOrder
from core.errors import ShopError, StorageError
from core.queries import GetOrders, GetProducts
from core.shop import DATABASE_URL_VARIABLE
from core.write_model import listener
from tests import postgres_server
from tests.conftest import ON_POSTGRES
from tests.helpers import REPO, child_env, everything

STALLING_TILL = Path(__file__).with_name("_stalling_till.py")
WITHIN_SECONDS = 20.0  # generous: only catches what never comes
UNREACHABLE = "The shop's server could not be reached; nothing was changed."


def wait_until(condition, seconds: float = WITHIN_SECONDS) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def _pg(url: str):
    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


@pytest.fixture
def quick_back_off(monkeypatch):
    """The listener tries again after a tenth of the app's pauses."""
    monkeypatch.setattr(listener, "BACK_OFF_SECONDS", (0.1, 0.2, 0.4))


@pytest.fixture
def own_server():
    """A throwaway server of this test's own, which it may halt and resume:
    (the server, the URL of a database on it)."""
    if not (ON_POSTGRES and postgres_server.available()):
        pytest.skip("stops its own PostgreSQL server: a SHOP_TEST_POSTGRES run only")
    server = postgres_server.ThrowawayServer()
    try:
        server.start()
        yield server, postgres_server.new_database(server.url())
    finally:
        server.stop()


@pytest.fixture
def tills(tmp_path):
    """``tills(url, name)``: a till of the shop at ``url``, watching its
    server (its ServerLinks in ``links[name]``); closed at the end."""
    opened, links = [], {}

    def _open(url: str, name: str, watch: bool = True):
        shop = open_shop(tmp_path / name, till=name, database_url=url)
        opened.append(shop)
        links[name] = []
        if watch:
            assert shop.watch_server(on_link=links[name].append)
            assert wait_until(lambda: _listening(shop))
        return shop

    _open.links = links
    yield _open
    for shop in opened:
        shop.close()


def _listening(shop) -> bool:
    return shop.server_link is not None and shop.server_link.listening


def _unreachable(shop) -> bool:
    link = shop.server_link
    return link is not None and not link.listening and not link.reachable


def _order_ids(shop) -> set[int]:
    return {o.id for o in shop.ask(GetOrders())}


def _same_as_rebuilt(shop) -> None:
    seen = everything(shop)
    shop.rebuild_read_model()
    assert everything(shop) == seen


def _catalog(shop, products: int = 1, stock: int = 1000) -> list[int]:
    shelf = shop.dispatch(AddCategory("Shelf"))
    return [shop.dispatch(AddProduct(f"S-{i}", f"Stock {i}", shelf, 300 + i, stock=stock)) for i in range(products)]


@pytest.mark.subprocess
def test_a_till_killed_mid_command_leaves_nothing_half_done(tills, postgres_url, tmp_path):
    counter, office = tills(postgres_url, "counter"), tills(postgres_url, "office")
    (widget,) = _catalog(counter, stock=10)
    stalling = subprocess.Popen(
        [sys.executable, str(STALLING_TILL), str(tmp_path / "back"), "back", str(widget), "2"],
        cwd=REPO,
        env=child_env(**{DATABASE_URL_VARIABLE: postgres_url}),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert stalling.stdout is not None
        warm_up = int(stalling.stdout.readline())  # its first sale, committed
        assert stalling.stdout.readline().strip() == "stalled"  # its second: locks held, not committed
        outcome: dict[str, object] = {}

        def sell():
            try:
                outcome["order"] = counter.dispatch(PlaceOrder((OrderLine(widget, 1),)))
            except ShopError as exc:
                outcome["order"] = exc

        selling = threading.Thread(target=sell)
        selling.start()
        with _pg(postgres_url) as watcher:  # the counter's sale waits for the stalled till's locks
            assert wait_until(
                lambda: watcher.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()[0] > 0
            )
        os.kill(stalling.pid, signal.SIGKILL)
        stalling.wait(30)
        selling.join(30)
    finally:
        if stalling.poll() is None:
            stalling.kill()
        stalling.wait(30)
        assert stalling.stdout is not None
        stalling.stdout.close()
    sold = outcome["order"]
    assert isinstance(sold, int), sold  # the counter went on once the dead till's locks went
    # The office catches up by itself: the killed till's order of 2 never happened.
    assert wait_until(lambda: _order_ids(office) == {warm_up, sold})
    assert {p.id: p.stock for p in office.ask(GetProducts())} == {widget: 10 - 1 - 1}
    with _pg(postgres_url) as pg:
        assert pg.execute("SELECT count(*) FROM shop_order").fetchone()[0] == 2
        assert pg.execute("SELECT stock FROM product WHERE id = %s", (widget,)).fetchone()[0] == 8
    assert everything(office) == everything(counter)
    # The killed till, started again, catches up and sells.
    back = tills(postgres_url, "back")
    assert everything(back) == everything(counter)
    again = back.dispatch(PlaceOrder((OrderLine(widget, 1),)))
    assert wait_until(lambda: again in _order_ids(office) and again in _order_ids(counter))
    _same_as_rebuilt(back)
    _same_as_rebuilt(office)


@pytest.mark.slow
def test_a_server_that_goes_down_keeps_the_lists_refuses_commands_and_catches_up(own_server, tills, quick_back_off):
    server, url = own_server
    counter, office = tills(url, "counter"), tills(url, "office")
    (widget,) = _catalog(counter, stock=50)
    first = counter.dispatch(PlaceOrder((OrderLine(widget, 1),)))
    assert wait_until(lambda: first in _order_ids(office))
    before = everything(office)

    server.halt()
    assert wait_until(lambda: _unreachable(office) and _unreachable(counter))
    assert everything(office) == before  # the lists keep answering
    with pytest.raises(StorageError) as refused:
        office.dispatch(PlaceOrder((OrderLine(widget, 3),)))
    message = str(refused.value)
    assert "\n" not in message and message.startswith(UNREACHABLE)
    assert everything(office) == before  # nothing half-happened

    server.resume()
    assert wait_until(lambda: _listening(office) and _listening(counter))
    second = counter.dispatch(PlaceOrder((OrderLine(widget, 1),)))  # the first command after: no failure
    assert wait_until(lambda: second in _order_ids(office))
    third = office.dispatch(PlaceOrder((OrderLine(widget, 2),)))
    assert wait_until(lambda: third in _order_ids(counter))
    assert _order_ids(office) == {first, second, third}  # the refused order of 3 is nowhere
    assert {p.id: p.stock for p in counter.ask(GetProducts())} == {widget: 50 - 1 - 1 - 2}
    assert everything(office) == everything(counter)
    _same_as_rebuilt(office)
    links = tills.links["office"]
    assert links[0].listening and links[-1].listening
    pauses = [link.retry_in for link in links if not link.listening and link.retry_in]
    assert pauses and pauses == sorted(pauses)  # growing pauses while it was down
    assert max(pauses) <= max(listener.BACK_OFF_SECONDS)


@pytest.mark.slow
def test_tills_selling_through_a_server_restart_lose_nothing(own_server, tills, quick_back_off):
    server, url = own_server
    names = ("till-1", "till-2", "till-3")
    shops = [tills(url, name) for name in names]
    products = _catalog(shops[0], products=4, stock=1000)
    sold: dict[str, list[int]] = {name: [] for name in names}
    refused: dict[str, list[str]] = {name: [] for name in names}
    after_restart = threading.Event()
    stop = threading.Event()

    def sell(name, shop, seed):
        rng = random.Random(seed)
        while not stop.is_set():
            lines = tuple(OrderLine(p, rng.randint(1, 2)) for p in rng.sample(products, rng.randint(1, 3)))
            try:
                sold[name].append(shop.dispatch(PlaceOrder(lines)))
            except StorageError as exc:  # while the server is down: a sentence, nothing changed
                refused[name].append(str(exc))
                time.sleep(0.05)
            if after_restart.is_set() and len(sold[name]) >= 40:
                return

    threads = [threading.Thread(target=sell, args=(n, s, i)) for i, (n, s) in enumerate(zip(names, shops))]
    for thread in threads:
        thread.start()
    try:
        assert wait_until(lambda: all(len(sold[n]) >= 10 for n in names))
        server.halt()
        time.sleep(1.0)  # down for a while: every till finds out
        server.resume()
        after_restart.set()
        for thread in threads:
            thread.join(120)
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
    assert all(not thread.is_alive() for thread in threads)
    assert all(len(sold[n]) >= 40 for n in names)  # every till sold on after the restart
    # One sentence each: the server unreachable, or a COMMIT whose answer was
    # lost as it went down (then not known whether it was saved).
    said = ("The shop's server", "The connection to the shop's server broke")
    for messages in refused.values():
        assert all("\n" not in m and m.startswith(said) for m in messages), messages
    with _pg(url) as pg:
        stored = {row[0] for row in pg.execute("SELECT id FROM shop_order")}
        sold_units = dict(pg.execute("SELECT product_id, sum(quantity) FROM order_line GROUP BY product_id").fetchall())
        stock = dict(pg.execute("SELECT id, stock FROM product").fetchall())
    answered = {order for orders in sold.values() for order in orders}
    assert answered <= stored  # nothing a till was told was sold is lost
    # An order stored but reported refused could only be one whose COMMIT
    # reached the server as it went down (request ids make a retry safe then).
    assert len(stored - answered) <= sum(map(len, refused.values()))
    assert all(stock[p] == 1000 - sold_units.get(p, 0) for p in products)
    # Every till catches up by itself (its listener, back after the restart).
    for shop in shops:
        assert wait_until(lambda shop=shop: _order_ids(shop) == stored)
        assert all(shop.server_link is not None and shop.server_link.listening for shop in shops)
    seen = everything(shops[0])
    for shop in shops[1:]:
        assert everything(shop) == seen
    _same_as_rebuilt(shops[0])
