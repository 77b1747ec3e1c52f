"""One shop on a shared PostgreSQL server, several tills (each with its own
read model folder): the outbox's positions become visible in commit order
(a stalled commit), racing processes neither deadlock nor oversell nor lose
an event, and every till's read model equals a rebuild. The same race runs
on SQLite (tills sharing one folder's database file).

Skipped when no PostgreSQL server can be had (tests/conftest.py)."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct, OrderLine, PlaceOrder
from core.errors import ShopMissing, StorageError
from core.queries import GetOrders, GetProducts
from core.shop import DATABASE_URL_VARIABLE
from core.write_model import journal_chain
from tests.helpers import REPO, child_env, everything
from tests.integration.conftest import trade_a_day

RACER = Path(__file__).with_name("_racing_till.py")
# 4 processes x this many commands (the full race: 300; CI: fewer).
RACE_COMMANDS = int(os.environ.get("SHOP_TEST_RACE_COMMANDS", "120"))
STARTING_STOCK = 300  # most orders go through; the last units are still fought over


def _pg(url: str):
    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))


def _same_as_rebuilt(shop) -> None:
    shop.sync()
    seen = everything(shop)
    shop.rebuild_read_model()
    assert everything(shop) == seen


def test_a_day_of_trading_on_the_server_reads_the_same_at_every_till(tills):
    counter = tills("counter")
    ids = trade_a_day(counter)
    office = tills("office")
    assert {p.name: p.stock for p in office.ask(GetProducts())} == {
        "Blue Enamel Mug": 7,
        "Café Teapot": 2,
        "Robert'); DROP TABLE product;--": 11,
    }
    sold_there = office.dispatch(PlaceOrder((OrderLine(ids["mug"], 1),)))
    counter.sync()
    assert sold_there in {o.id for o in counter.ask(GetOrders())}
    assert everything(counter) == everything(office)
    _same_as_rebuilt(counter)


def test_a_stalled_commit_is_never_skipped_by_a_till_that_synced_meanwhile(tills, monkeypatch):
    """Till A has its outbox row in but has not committed; till B's order
    must not become visible past it, or till C, syncing in between, would
    move its checkpoint past A's position and never see A's order."""
    a, b, c = tills("a"), tills("b"), tills("c")
    shelf = a.dispatch(AddCategory("Shelf"))
    first = a.dispatch(AddProduct("P-1", "First", shelf, 100, stock=5))
    second = a.dispatch(AddProduct("P-2", "Second", shelf, 100, stock=5))
    # Each till's session opened by a first sale: the orders below record one event each.
    warm_up = {a.dispatch(PlaceOrder((OrderLine(first, 1),))), b.dispatch(PlaceOrder((OrderLine(second, 1),)))}
    c.sync()

    stalled, go = threading.Event(), threading.Event()
    real_links = journal_chain.links_after

    def stall_after_insert(latest, rows, positions):
        """A's outbox row is in (its links are being made); then A waits
        before COMMIT (a slow disk, a paused process): only in A's thread."""
        if threading.current_thread().name == "till-a":
            stalled.set()
            assert go.wait(30)
        return real_links(latest, rows, positions)

    monkeypatch.setattr(journal_chain, "links_after", stall_after_insert)
    results: dict[str, object] = {}

    def order(shop, name, product_id):
        results[name] = shop.dispatch(PlaceOrder((OrderLine(product_id, 1),)))

    thread_a = threading.Thread(target=order, args=(a, "a", first), name="till-a")
    thread_a.start()
    assert stalled.wait(30)
    thread_b = threading.Thread(target=order, args=(b, "b", second), name="till-b")
    thread_b.start()
    thread_b.join(0.5)  # B gets as far as it can while A is stalled
    c.sync()  # C looks in between
    go.set()
    thread_a.join(30)
    thread_b.join(30)
    assert set(results) == {"a", "b"}
    c.sync()
    assert {o.id for o in c.ask(GetOrders())} == warm_up | {results["a"], results["b"]}
    _same_as_rebuilt(c)


def test_a_deadlock_is_run_again_and_never_reaches_the_person(tills, postgres_url):
    """Another session holds product 2 and then asks for product 1 while an
    order of both waits for 2: PostgreSQL aborts one of them. The order must
    go through either way (run again when it was the one aborted)."""
    shop = tills("counter")
    shelf = shop.dispatch(AddCategory("Shelf"))
    one = shop.dispatch(AddProduct("D-1", "One", shelf, 100, stock=5))
    two = shop.dispatch(AddProduct("D-2", "Two", shelf, 100, stock=5))
    results: dict[str, object] = {}
    with _pg(postgres_url) as other:
        other.execute("SET deadlock_timeout = '5s'")  # the order's session detects it, first
        other.execute("SELECT id FROM product WHERE id = %s FOR UPDATE", (two,))

        def order():
            try:
                results["order"] = shop.dispatch(PlaceOrder((OrderLine(one, 1), OrderLine(two, 1))))
            except Exception as exc:  # reported below, not lost in the thread
                results["order"] = exc

        thread = threading.Thread(target=order)
        thread.start()
        waiting = 0
        while not waiting:  # until the order holds product 1 and waits for product 2
            waiting = other.execute(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()"
            ).fetchone()[0]
        other.execute("SELECT id FROM product WHERE id = %s FOR UPDATE", (one,))  # the circle closes
        other.commit()
        thread.join(60)
    assert isinstance(results["order"], int), results["order"]
    assert {p.id: p.stock for p in shop.ask(GetProducts())} == {one: 4, two: 4}


def _racing_catalog(shop) -> list[int]:
    shelf = shop.dispatch(AddCategory("Shelf"))
    return [shop.dispatch(AddProduct(f"R-{i}", f"Racer {i}", shelf, 150 + i, stock=STARTING_STOCK)) for i in range(8)]


def _ids(product_ids: list[int]) -> str:
    return ",".join(map(str, product_ids))


def _race(folders: list[Path], product_ids: list[int], env: dict[str, str]) -> list[dict]:
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(RACER),
                str(folder),
                f"till-{n}",
                str(n),
                str(RACE_COMMANDS),
                ",".join(map(str, product_ids)),
            ],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n, folder in enumerate(folders)
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        outcomes = []
        for proc in procs:
            out, _err = proc.communicate(timeout=600)
            assert proc.returncode == 0
            outcomes.append(json.loads(out.strip().splitlines()[-1]))
        return outcomes
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()


def _check_race(outcomes, shops, product_ids, sold_net: dict[int, int]) -> None:
    assert [o["failures"] for o in outcomes] == [[]] * len(outcomes)  # no deadlock, no busy refusal
    assert sum(o["done"] for o in outcomes) > 0
    received = {p: sum(o["received"].get(str(p), 0) for o in outcomes) for p in product_ids}
    for shop in shops:
        shop.sync()
    stock = {p.id: p.stock for p in shops[0].ask(GetProducts())}
    for product_id in product_ids:  # no unit sold twice, none lost
        assert stock[product_id] == STARTING_STOCK + received[product_id] - sold_net[product_id] >= 0
    seen = everything(shops[0])
    for shop in shops[1:]:
        assert everything(shop) == seen  # no till missed an event
    _same_as_rebuilt(shops[0])
    # Receipts' numbers: 1, 2, 3... with no gap where an order was refused
    # (out of stock) or run again after a deadlock, and none given twice.
    numbers = sorted(o.id for o in shops[0].ask(GetOrders(limit=None)))
    assert numbers == list(range(1, len(numbers) + 1))


def test_four_racing_tills_on_the_server(tmp_path, postgres_url, tills):
    product_ids = _racing_catalog(tills("setup"))
    folders = [tmp_path / f"till-{n}" for n in range(4)]
    outcomes = _race(folders, product_ids, child_env(**{DATABASE_URL_VARIABLE: postgres_url}))
    with _pg(postgres_url) as pg:
        rows = pg.execute(
            "SELECT l.product_id, sum(l.quantity - l.returned_quantity) FROM order_line l "
            "JOIN shop_order o ON o.id = l.order_id WHERE o.status <> 'cancelled' GROUP BY l.product_id"
        ).fetchall()
    sold_net = {p: 0 for p in product_ids} | dict(rows)
    _check_race(outcomes, [tills(f"till-{n}") for n in range(4)], product_ids, sold_net)


@pytest.mark.sqlite_only
def test_four_racing_tills_on_sqlite(tmp_path):
    import sqlite3

    folder = tmp_path / "shop"
    setup = open_shop(folder)
    product_ids = _racing_catalog(setup)
    setup.close()
    env = child_env()
    env.pop(DATABASE_URL_VARIABLE, None)
    outcomes = _race([folder] * 4, product_ids, env)
    db = sqlite3.connect(folder / "shop.sqlite3")
    rows = db.execute(
        "SELECT l.product_id, sum(l.quantity - l.returned_quantity) FROM order_line l "
        "JOIN shop_order o ON o.id = l.order_id WHERE o.status <> 'cancelled' GROUP BY l.product_id"
    ).fetchall()
    db.close()
    sold_net = {p: 0 for p in product_ids} | dict(rows)
    shop = open_shop(folder)
    try:
        _check_race(outcomes, [shop], product_ids, sold_net)
    finally:
        shop.close()


def test_a_server_that_is_down_is_one_sentence(tmp_path):
    url = f"postgresql+psycopg://nobody@/shop?host={tmp_path}"  # no server listens there
    with pytest.raises(StorageError) as refused:
        open_shop(tmp_path / "till", database_url=url)
    message = str(refused.value)
    assert "\n" not in message and message.startswith("The shop's server could not be reached")


def test_a_url_of_another_database_is_refused_with_a_sentence(tmp_path):
    with pytest.raises(StorageError, match="Only PostgreSQL servers"):
        open_shop(tmp_path / "till", database_url="mysql://someone@server/shop")


def test_a_till_folder_opened_on_another_database_is_rebuilt_never_mixed(
    tmp_path, postgres_url, postgres_server_url, monkeypatch
):
    from tests import postgres_server

    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)  # open_shop(folder) below means the folder's file

    folder = tmp_path / "till"
    shop = open_shop(folder, database_url=postgres_url)
    trade_a_day(shop)
    shop.close()
    other = postgres_server.new_database(postgres_server_url)
    try:
        shop = open_shop(folder, database_url=other)  # another shop's (empty) database
        assert shop.ask(GetProducts()) == () and shop.ask(GetOrders()) == ()
        shop.close()
        with pytest.raises(ShopMissing):  # lists but no SQLite file: refused, no empty shop made
            open_shop(folder)
        shop = open_shop(folder, database_url=postgres_url)  # back: that shop's lists, rebuilt
        assert len(shop.ask(GetOrders())) == 3
        _same_as_rebuilt(shop)
        shop.close()
    finally:
        postgres_server.drop_database(postgres_server_url, other)


def test_an_old_copy_of_a_tills_lists_catches_up_from_the_servers_archive(tmp_path, postgres_url, monkeypatch):
    import shutil

    from core.write_model import outbox_archive

    monkeypatch.setattr(outbox_archive, "ARCHIVE_MARGIN", 1)
    a = open_shop(tmp_path / "a", till="a", database_url=postgres_url)
    ids = trade_a_day(a)
    b = open_shop(tmp_path / "b", till="b", database_url=postgres_url)
    b.close()
    shutil.copytree(tmp_path / "b", tmp_path / "b-old")  # b's lists as they were then
    for _ in range(3):
        a.dispatch(PlaceOrder((OrderLine(ids["trowel"], 1),)))
    b = open_shop(tmp_path / "b", till="b", database_url=postgres_url)
    b.close()  # b has read everything: the events before the last two may go
    a.close()
    with _pg(postgres_url) as pg:
        archived = pg.execute("SELECT count(*) FROM outbox_archive").fetchone()[0]
    assert archived > 0
    shutil.rmtree(tmp_path / "b")
    shutil.move(tmp_path / "b-old", tmp_path / "b")  # the old copy put back: behind the archive boundary
    b = open_shop(tmp_path / "b", till="b", database_url=postgres_url)
    try:
        assert len(b.ask(GetOrders())) == 6
        _same_as_rebuilt(b)
    finally:
        b.close()


def test_tills_opening_at_once_link_unlinked_events_once(tmp_path, postgres_url, tills):
    """Events recorded without their links (an older version, a tool): every
    till opening links them; four at once must not link one twice."""
    setup = tills("setup")
    setup.dispatch(AddCategory("Shelf"))
    with _pg(postgres_url) as pg:
        pg.execute(
            "INSERT INTO outbox (event_type, payload, recorded_at, till) "
            "SELECT 'DrawerOpened', '{}', '2024-03-01T09:00:00+00:00', 'tool' FROM generate_series(1, 3000)"
        )
    start, failures = threading.Barrier(4), []

    def open_one(n):
        start.wait()
        try:
            tills(f"opener-{n}")
        except Exception as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=open_one, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert failures == []
    with _pg(postgres_url) as pg:
        counts = "SELECT (SELECT count(*) FROM outbox), (SELECT count(*) FROM journal_link)"
        events, links = pg.execute(counts).fetchone()
    assert events == links
