"""Fixtures for the core unit tests: a real shop in a temp folder (SQLite and
TinyDB are fast enough), a small catalog, and a way to prove that a refused
command changed nothing in either store.

No Qt here: these tests exercise ``core`` only.
"""

import os
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct, AddStaff
from core.queries import (
    GetCategories,
    GetCustomers,
    GetLowStock,
    GetOrder,
    GetOrders,
    GetProducts,
    GetShopSettings,
    GetStaff,
    GetStockHistory,
)
from core.shop import DATABASE_URL_VARIABLE
from tests.conftest import ON_POSTGRES
from tests.helpers import FakeClock

WRITE_MODEL_TABLES = (
    "category",
    "product",
    "shop_order",
    "order_line",
    "outbox",
    "stock_movement",
    "customer",
    "shop_setting",
    "payment",
    "order_return",
    "order_return_line",
    "refund",
    "staff",
    "sign_in_lock",
    "till_session",
    "cash_move",
    "drawer_open",
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def shop(request, data_dir, clock):
    """An open shop in ``data_dir``. A test that also asks for ``catalog`` gets
    a copy of the catalog shop built once per session (far fewer fsyncs than
    dispatching the catalog again for every test)."""
    building = False
    if "catalog" in request.fixturenames:
        template, ids = request.getfixturevalue("catalog_template")
        if ON_POSTGRES:  # the copied folder would not bring the server's rows
            building = True
        else:
            shutil.copytree(template, data_dir)
    shop = open_shop(data_dir, clock=clock)
    if building:
        assert build_catalog(shop) == ids  # a fresh database numbers them alike
        shop.save_read_model()  # as the copied folder's files would be
    yield shop
    shop.close()


@pytest.fixture
def reopen(data_dir, clock):
    """Close a shop and open the same folder again (a new Shop object)."""
    opened = []

    def _reopen(old_shop):
        old_shop.close()
        new_shop = open_shop(data_dir, clock=clock)
        opened.append(new_shop)
        return new_shop

    yield _reopen
    for s in opened:
        s.close()


@dataclass(frozen=True)
class Catalog:
    kitchen: int
    mugs: int
    plates: int
    garden: int
    mug: int  # Blue Enamel Mug, £8.50, 10 in stock, has a barcode
    teapot: int  # Café Teapot, £24.99, 3 in stock
    plate: int  # Dinner Plate, £4.25, 0 in stock
    trowel: int  # Hand Trowel, £12.00, 7 in stock


def build_catalog(shop) -> Catalog:
    """Kitchen > Mugs, Kitchen > Plates, Garden; four products."""
    kitchen = shop.dispatch(AddCategory("Kitchen"))
    mugs = shop.dispatch(AddCategory("Mugs", parent_id=kitchen))
    plates = shop.dispatch(AddCategory("Plates", parent_id=kitchen))
    garden = shop.dispatch(AddCategory("Garden"))
    mug = shop.dispatch(
        AddProduct("MUG-BLUE", "Blue Enamel Mug", mugs, 850, stock=10, barcode="5012345678900", reorder_level=2)
    )
    teapot = shop.dispatch(AddProduct("TEA-01", "Café Teapot", kitchen, 2499, stock=3))
    plate = shop.dispatch(AddProduct("PLT-9", "Dinner Plate", plates, 425, stock=0))
    trowel = shop.dispatch(AddProduct("GRD-TRW", "Hand Trowel", garden, 1200, stock=7, barcode="4006381333931"))
    return Catalog(kitchen, mugs, plates, garden, mug, teapot, plate, trowel)


@pytest.fixture(scope="session")
def catalog_template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("catalog") / "shop"
    shop = open_shop(folder, clock=FakeClock())
    try:
        ids = build_catalog(shop)
    finally:
        shop.close()
    return folder, ids


@pytest.fixture
def catalog(shop, catalog_template) -> Catalog:
    """The shop holds Kitchen > Mugs, Kitchen > Plates, Garden and four
    products (see ``build_catalog``); these are their ids."""
    return catalog_template[1]


def _write_model_rows(db_file: Path) -> dict:
    """Every row, read with the driver (sqlite3, or psycopg on a PostgreSQL run), not through core."""
    url = os.environ.get(DATABASE_URL_VARIABLE)
    if url:
        import psycopg

        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as pg:
            return {
                table: [tuple(r) for r in pg.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()]
                for table in WRITE_MODEL_TABLES
            }
    conn = sqlite3.connect(db_file)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in WRITE_MODEL_TABLES}
    finally:
        conn.close()


def _read_model_files(folder: Path) -> dict:
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


@pytest.fixture
def store_state(data_dir):
    """Everything either store holds: what the queries answer (archived
    products, low stock and every stock history included), every row of the
    SQLite write model (read with sqlite3, not through core), and the bytes of
    every read-model file."""

    def _state(shop) -> dict:
        orders = shop.ask(GetOrders())
        products = shop.ask(GetProducts())
        archived = shop.ask(GetProducts(archived=True))
        return {
            "categories": shop.ask(GetCategories()),
            "products": products,
            "archived": archived,
            "low_stock": shop.ask(GetLowStock()),
            "history": {p.id: shop.ask(GetStockHistory(p.id)) for p in products + archived},
            "orders": orders,
            "order_details": tuple(shop.ask(GetOrder(o.id)) for o in orders),
            "customers": shop.ask(GetCustomers()),
            "settings": shop.ask(GetShopSettings()),
            "staff": shop.ask(GetStaff()),
            "signed_in": shop.signed_in,
            "write_model": _write_model_rows(data_dir / "shop.sqlite3"),
            "read_model_files": _read_model_files(data_dir / "read_model"),
        }

    return _state


@pytest.fixture
def unchanged(store_state):
    """``with unchanged(shop): ...`` fails unless both stores are exactly as before."""

    @contextmanager
    def _unchanged(shop):
        before = store_state(shop)
        yield
        after = store_state(shop)
        for key in before:
            assert after[key] == before[key], f"{key} changed"

    return _unchanged


def assert_readable(error: Exception) -> None:
    """A message fit for a shop assistant: one sentence, no internals."""
    message = str(error)
    assert message, "empty message"
    assert message[0].isupper() or message[0] in "\"'", message
    assert message.endswith((".", ".)")), message
    assert "\n" not in message
    for internal in ("Traceback", "sqlalchemy", "sqlite", "IntegrityError", "Error:"):
        assert internal not in message, message


@pytest.fixture
def readable():
    return assert_readable


# Eight digits each: no chance that random bytes or hex hold them by accident.
OWNER_PIN, MANAGER_PIN, CASHIER_PIN = "52719384", "60482917", "73950126"


@dataclass(frozen=True)
class Team:
    owner: int  # Olive Owner, OWNER_PIN
    manager: int  # Max Manager, MANAGER_PIN
    cashier: int  # Cara Cashier, CASHIER_PIN

    def pin(self, staff_id: int) -> str:
        return {self.owner: OWNER_PIN, self.manager: MANAGER_PIN, self.cashier: CASHIER_PIN}[staff_id]


def build_team(shop) -> Team:
    """An owner (added as the shop's owner, before it had staff), then a
    manager and a cashier added by her; nobody is signed in afterwards."""
    owner = shop.dispatch(AddStaff("Olive Owner", "owner", OWNER_PIN))
    shop.sign_in(owner, OWNER_PIN)
    manager = shop.dispatch(AddStaff("Max Manager", "manager", MANAGER_PIN))
    cashier = shop.dispatch(AddStaff("Cara Cashier", "cashier", CASHIER_PIN))
    shop.sign_out()
    return Team(owner, manager, cashier)


@pytest.fixture
def team(shop) -> Team:
    """The shop has staff (see ``build_team``); nobody is signed in. With
    ``catalog``, the catalog was built before, by the shop's owner."""
    return build_team(shop)
