"""Fixtures for the integration tests: real SQLite and TinyDB files in a temp
folder, opened, closed, damaged and shared between processes."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct, CancelOrder, OrderLine, PlaceOrder, ReceiveStock
from core.queries import GetCategories, GetOrder, GetOrders, GetProducts
from tests.conftest import ON_POSTGRES
from tests.helpers import REPO, WriteModelDatabase, child_env

TILL = Path(__file__).with_name("_till.py")


@pytest.fixture
def open_at(data_dir):
    """``open_at()`` opens the shop in ``data_dir`` (again); all are closed at the end."""
    opened = []

    def _open(folder=None):
        shop = open_shop(folder or data_dir)
        opened.append(shop)
        return shop

    yield _open
    for shop in opened:
        shop.close()


def trade_a_day(shop) -> dict:
    """A day's trading: nested categories, products with and without barcodes,
    orders placed and cancelled, stock received. Returns the ids."""
    ids = {}
    ids["kitchen"] = shop.dispatch(AddCategory("Kitchen"))
    ids["mugs"] = shop.dispatch(AddCategory("Mugs", parent_id=ids["kitchen"]))
    ids["garden"] = shop.dispatch(AddCategory("Garden"))
    ids["mug"] = shop.dispatch(
        AddProduct("MUG-BLUE", "Blue Enamel Mug", ids["mugs"], 850, stock=10, barcode="5012345678900", reorder_level=2)
    )
    ids["teapot"] = shop.dispatch(AddProduct("TEA-01", "Café Teapot", ids["kitchen"], 2499, stock=3))
    ids["trowel"] = shop.dispatch(
        AddProduct("GRD-TRW", "Robert'); DROP TABLE product;--", ids["garden"], 1200, stock=7)
    )
    ids["kept"] = shop.dispatch(PlaceOrder((OrderLine(ids["mug"], 2), OrderLine(ids["trowel"], 1))))
    ids["cancelled"] = shop.dispatch(PlaceOrder((OrderLine(ids["teapot"], 3),)))
    shop.dispatch(CancelOrder(ids["cancelled"]))
    shop.dispatch(ReceiveStock(ids["trowel"], 5))
    ids["last"] = shop.dispatch(PlaceOrder((OrderLine(ids["teapot"], 1), OrderLine(ids["mug"], 1))))
    return ids
    # Stock now: mug 7, teapot 2, trowel 11.


@pytest.fixture
def build_day(open_at):
    """Trade a day in an open shop (a new one in ``data_dir`` by default)."""

    def _build(shop=None):
        shop = shop or open_at()
        return shop, trade_a_day(shop)

    return _build


@pytest.fixture(scope="session")
def traded_day_template(tmp_path_factory):
    """One closed shop folder after a day's trading, built once per session."""
    folder = tmp_path_factory.mktemp("template") / "shop"
    shop = open_shop(folder)
    try:
        ids = trade_a_day(shop)
        expected = query_state(shop)
    finally:
        shop.close()
    return folder, ids, expected


@pytest.fixture
def traded_day(traded_day_template, data_dir):
    """A closed copy of the day's shop in ``data_dir``: (ids, what the queries answer)."""
    folder, ids, expected = traded_day_template
    if ON_POSTGRES:  # the copied folder would not bring the server's rows: trade the day again
        shop = open_shop(data_dir)
        try:
            assert trade_a_day(shop) == ids  # a fresh database numbers them alike
            expected = query_state(shop)  # (its times are now's)
        finally:
            shop.close()
    else:
        shutil.copytree(folder, data_dir)
    return dict(ids), expected


def query_state(shop) -> dict:
    """Everything the queries answer."""
    orders = shop.ask(GetOrders())
    return {
        "categories": shop.ask(GetCategories()),
        "products": shop.ask(GetProducts()),
        "orders": orders,
        "details": tuple(shop.ask(GetOrder(o.id)) for o in orders),
    }


def write_model(data_dir: Path) -> dict:
    """The truth, read straight from shop.sqlite3 with the sqlite3 module."""
    conn = WriteModelDatabase(data_dir)
    try:
        categories = {r[0]: r[1:] for r in conn.execute("SELECT id, name, parent_id FROM category")}
        products = {
            r[0]: r[1:]
            for r in conn.execute(
                "SELECT id, sku, name, category_id, price_cents, stock, barcode, reorder_level,"
                " cost_price_cents, tax_rate_bp, active FROM product"
            )
        }
        orders = {r[0]: r[1:] for r in conn.execute("SELECT id, placed_at, status, total_cents FROM shop_order")}
        lines = {}
        for order_id, product_id, quantity, price in conn.execute(
            "SELECT order_id, product_id, quantity, unit_price_cents FROM order_line"
        ):
            lines.setdefault(order_id, set()).add((product_id, quantity, price))
        return {"categories": categories, "products": products, "orders": orders, "lines": lines}
    finally:
        conn.close()


def assert_read_model_matches_write_model(shop, data_dir: Path) -> None:
    truth = write_model(data_dir)
    state = query_state(shop)
    assert {c.id: (c.name, c.parent_id) for c in state["categories"]} == truth["categories"]
    assert {p.id: tuple(p[1:]) for p in state["products"]} == truth["products"]
    assert {o.id: (o.placed_at, o.status, o.total_cents) for o in state["orders"]} == truth["orders"]
    assert {d.id: {(l.product_id, l.quantity, l.unit_price_cents) for l in d.lines} for d in state["details"]} == truth[
        "lines"
    ]


@pytest.fixture
def state():
    return query_state


@pytest.fixture
def truth():
    return write_model


@pytest.fixture
def consistent():
    return assert_read_model_matches_write_model


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "till" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.subprocess)


@pytest.fixture
def till():
    """Start ``tests/integration/_till.py`` in a new Python process (a test that
    uses it is marked ``subprocess``)."""
    started = []

    def _start(*args, stdin=subprocess.DEVNULL):
        proc = subprocess.Popen(
            [sys.executable, str(TILL), *map(str, args)],
            cwd=REPO,
            env=child_env(),
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(proc)
        return proc

    yield _start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream:
                stream.close()


@pytest.fixture
def tills(tmp_path, postgres_url):
    """``tills(name)``: a till (its own read model folder) of the one shop on
    a PostgreSQL server, closed at the end (PostgreSQL's own tests)."""
    opened = []

    def _open(name: str):
        shop = open_shop(tmp_path / name, till=name, database_url=postgres_url)
        opened.append(shop)
        return shop

    yield _open
    for shop in opened:
        shop.close()
