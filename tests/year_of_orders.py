"""A shop with a year of orders, for the tests of long histories: a small
catalog added through commands, then ``bench.order_history.add_orders``
writes the orders (a year's spread of days and hours, customers, payments,
till sessions) straight into the write model and rebuilds the read model.
Built once per test session and size, copied for each test that changes it."""

import shutil
from datetime import UTC, datetime
from pathlib import Path

from bench.order_history import add_orders
from core import open_shop
from core.commands import AddCategory, AddProduct, AddProducts

# The history ends at this instant (UTC): its last day is 2026-11-30.
END = datetime(2026, 12, 1, tzinfo=UTC)
PRODUCTS = 200


def build(folder: Path, orders: int) -> Path:
    shop = open_shop(folder)
    try:
        gifts = shop.dispatch(AddCategory("Gifts"))
        shop.dispatch(
            AddProducts(
                tuple(
                    AddProduct(f"G-{i:04}", f"Gift {i}", gifts, 199 + 7 * i, stock=100_000, cost_price_cents=90 + 3 * i)
                    for i in range(PRODUCTS)
                )
            )
        )
    finally:
        shop.close()
    add_orders(folder, orders, end=END, log=lambda *_: None)
    return folder


def copy_of(built: Path, folder: Path) -> Path:
    shutil.copytree(built, folder)
    return folder
