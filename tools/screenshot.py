"""Render the real main window on a demo shop to a PNG (for the README).

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshot.py OUT.png
"""

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core import open_shop  # noqa: E402
from core.commands import OrderLine, PlaceOrder  # noqa: E402
from core.demo import seed_demo_shop  # noqa: E402
from core.queries import GetCategories, GetProducts  # noqa: E402
from shop_gui.app import make_application  # noqa: E402
from shop_gui.main_window import MainWindow  # noqa: E402


def main(out_path: str) -> None:
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        shop = open_shop(folder)
        seed_demo_shop(shop)
        products = shop.ask(GetProducts())
        in_stock = [p for p in products if p.stock > 3]
        for i in range(3):  # a little history for the Orders tab
            shop.dispatch(PlaceOrder((OrderLine(in_stock[i].id, 1), OrderLine(in_stock[i + 5].id, 2))))
        window = MainWindow(shop)
        window.show()
        # Browse a nested category and put two lines in the order.
        kitchen = next(c for c in shop.ask(GetCategories()) if c.name == "Kitchen")
        window.catalog.tree.setCurrentIndex(window.catalog.category_model.index_of(kitchen.id))
        model = window.catalog.product_model
        for row, quantity in ((1, 2), (4, 1), (10, 3)):
            window.catalog.select_product(model.product_at(row).id)
            window.order_form.quantity.setValue(quantity)
            QTest.mouseClick(window.order_form.add_button, Qt.MouseButton.LeftButton)
        window.catalog.select_product(model.product_at(6).id)
        app.processEvents()
        window.grab().save(out_path)
        window.tabs.setCurrentIndex(1)
        window.orders.select_order(1)
        app.processEvents()
        window.grab().save(out_path.replace(".png", "-orders.png"))
        window.close()
        shop.close()
    print(f"saved {out_path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "screenshot.png")
