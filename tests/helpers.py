"""Helpers shared by more than one test tier (unit, integration, gui). A
tier's own helpers live in its helpers.py; fixtures in the conftest files."""

import os
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
