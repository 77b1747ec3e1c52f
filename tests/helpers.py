"""Helpers shared by more than one test tier (unit, integration, gui). A
tier's own helpers live in its helpers.py; fixtures in the conftest files."""

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.queries import GetCategories, GetLowStock, GetOrder, GetOrders, GetProducts, GetStockHistory

REPO = Path(__file__).resolve().parents[1]


class FakeClock:
    """Stands at 2024-03-01 09:00 UTC until a test moves it on."""

    def __init__(self):
        self.now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def everything(shop) -> dict:
    """What every query answers, archived products, low stock, order details
    and every product's stock history included."""
    products = shop.ask(GetProducts())
    archived = shop.ask(GetProducts(archived=True))
    orders = shop.ask(GetOrders())
    return {
        "categories": shop.ask(GetCategories()),
        "products": products,
        "archived": archived,
        "low_stock": shop.ask(GetLowStock()),
        "orders": orders,
        "details": tuple(shop.ask(GetOrder(o.id)) for o in orders),
        "history": {p.id: shop.ask(GetStockHistory(p.id)) for p in products + archived},
    }


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child Python process (run with ``cwd=REPO``): this
    checkout first on its path, so it imports the code under test even when
    the venv's editable install points at another checkout."""
    path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    return dict(os.environ, PYTHONPATH=path, **extra)


def run_shop_manager(*args) -> subprocess.CompletedProcess:
    """``shop-manager ARGS`` (``python -m shop_gui``) in a child process of
    this checkout, no window (Qt's minimal platform): its exit code and output."""
    return subprocess.run(
        [sys.executable, "-m", "shop_gui", *map(str, args)],
        capture_output=True,
        text=True,
        env=child_env(QT_QPA_PLATFORM="minimal"),
        timeout=120,
        cwd=REPO,
    )


class WriteModelDatabase:
    """The write model's database through its own driver, not through core:
    sqlite3 on the folder's file, or psycopg on the server a PostgreSQL run
    (SHOP_DATABASE_URL) keeps it on. SQL with ``?`` placeholders; ``IntegrityError``
    is that driver's. A context manager, or ``close()``."""

    def __init__(self, data_dir: Path):
        url = os.environ.get("SHOP_DATABASE_URL")
        if url:
            import psycopg

            self._conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
            self._postgres = True
            self.IntegrityError: type[Exception] = psycopg.IntegrityError
        else:
            import sqlite3

            self._conn = sqlite3.connect(data_dir / "shop.sqlite3")  # type: ignore[assignment]
            self._postgres = False
            self.IntegrityError = sqlite3.IntegrityError

    def execute(self, sql: str, params=()):
        if self._postgres:
            sql = sql.replace("?", "%s")
        return self._conn.execute(sql, params)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "WriteModelDatabase":
        return self

    def __exit__(self, exc_type, *_exc) -> None:
        if exc_type is None and not self._postgres:
            self._conn.commit()  # as sqlite3's own ``with`` does (psycopg's here runs in autocommit)
        self.close()
