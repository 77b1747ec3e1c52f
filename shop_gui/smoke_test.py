"""``shop-manager --smoke-test``: proves an installed copy works end to end.

Opens the real window offscreen on a fresh temporary demo shop, places an
order by clicking, and checks the stock cell changed. Then checks the About
dialog knows every version: in a frozen bundle a version reads "unknown" when
the package metadata was not collected.
"""

import os
import sys
import tempfile

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from core import open_shop
from core.demo import seed_demo_shop
from shop_gui import local_settings
from shop_gui.models.product_table_model import ProductTableModel
from shop_gui.version import version


def run_smoke_test() -> int:
    from shop_gui.main_window import MainWindow

    try:
        with tempfile.TemporaryDirectory(prefix="shop-manager-smoke-") as folder:
            local_settings.keep_in(os.path.join(folder, "settings"))
            shop = open_shop(os.path.join(folder, "shop"))
            try:
                seed_demo_shop(shop)
                window = MainWindow(shop)
                window.show()
                message = _place_one_order(window)
                message += " " + _check_about(window)
                window.close()
            finally:
                shop.close()
    except Exception as exc:  # any failure is a failed smoke test
        print(f"Smoke test FAILED: {exc!r}", file=sys.stderr)
        return 1
    print(f"Smoke test passed: {message}")
    return 0


def _place_one_order(window) -> str:
    model = window.catalog.product_model
    row = next(r for r in range(model.rowCount()) if model.product_at(r).stock > 0)
    product = model.product_at(row)
    window.catalog.select_product(product.id)
    QTest.mouseClick(window.order_form.add_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(window.order_form.place_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    cell = model.index(model.row_of(product.id), ProductTableModel.STOCK)
    shown = model.data(cell).split()[0]
    if int(shown) != product.stock - 1:
        raise AssertionError(f"stock cell shows {shown}, expected {product.stock - 1}")
    return f"ordered 1 x {product.name}; its stock cell went from {product.stock} to {shown}."


def _check_about(window) -> str:
    from shop_gui.about_dialog import AboutDialog

    about = AboutDialog(window)
    unknown = [c.name for c in about.components if c.version == "unknown"]
    title = about.findChild(QLabel, "aboutTitle").text()
    about.close()
    if unknown or "unknown" in title:
        raise AssertionError(f"About shows an unknown version: {unknown or title}")
    return f"About: Shop Manager {version()}, {len(about.components)} components."
