"""Render the Reports tab on a demo shop with six weeks of sales (for the README).

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshot_reports.py OUT.png

Writes OUT.png (sales by day over the last 30 days) and OUT-products.png
(the same period by product: the top 20 in the chart).
"""

import os
import random
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Render this checkout's code, whichever checkout the venv was installed from.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import QDate

from core import open_shop
from core.commands import (
    CancelOrder,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
    RecordPayment,
    ReturnItems,
    ReturnLine,
    UpdateProduct,
)
from core.demo import seed_demo_shop
from core.errors import ShopError
from core.queries import GetOrder, GetProducts
from shop_gui.app import make_application
from shop_gui.main_window import MainWindow


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def six_weeks_of_sales(shop, clock: Clock) -> None:
    """A dozen orders or so a day, busier at weekends; a few returns and a cancellation."""
    rng = random.Random(13)
    products = [p for p in shop.ask(GetProducts())]
    for p in products:
        shop.dispatch(ReceiveStock(p.id, 400))
        cost = p.price_cents * rng.randint(45, 65) // 100  # what the shop paid: a margin to show
        shop.dispatch(
            UpdateProduct(p.id, p.sku, p.name, p.category_id, p.price_cents, p.barcode, p.reorder_level, cost)
        )
    favourites = products[: len(products) // 3]
    start = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(days=42)
    paid = []
    for day in range(42):
        opening = start + timedelta(days=day)
        busy = 18 if opening.weekday() >= 5 else 10
        for _ in range(rng.randint(busy - 4, busy + 4)):
            clock.now = opening + timedelta(minutes=rng.randint(0, 9 * 60))
            picks = rng.sample(favourites if rng.random() < 0.7 else products, rng.randint(1, 3))
            try:
                order = shop.dispatch(PlaceOrder(tuple(OrderLine(p.id, rng.randint(1, 3)) for p in picks)))
            except ShopError:
                continue
            shop.dispatch(RecordPayment(order, "card", shop.ask(GetOrder(order)).total_cents))
            paid.append(order)
        if paid and rng.random() < 0.3:
            clock.now = opening + timedelta(hours=9, minutes=30)
            order = shop.ask(GetOrder(rng.choice(paid)))
            try:
                shop.dispatch(ReturnItems(order.id, (ReturnLine(order.lines[0].product_id, 1),), "unwanted"))
            except ShopError:
                pass
    clock.now = datetime.now(UTC)
    shop.dispatch(CancelOrder(paid[-1]))


def main(out_path: str) -> None:
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        clock = Clock(datetime.now(UTC))
        shop = open_shop(folder, clock=clock)
        seed_demo_shop(shop)
        six_weeks_of_sales(shop, clock)
        window = MainWindow(shop)
        window.resize(1280, 800)
        window.show()
        view = window.reports
        window.tabs.setCurrentWidget(view)
        view.date_from.setDate(QDate(date.today() - timedelta(days=29)))
        app.processEvents()
        window.grab().save(out_path)

        view.group.setCurrentIndex(view.group.findData("product"))
        while view.model.report is None or view.model.report.group_by != "product":
            app.processEvents()
        app.processEvents()
        window.grab().save(out_path.replace(".png", "-products.png"))
        window.close()
        shop.close()
    print(f"saved {out_path} and its -products picture")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "screenshot-reports.png")
