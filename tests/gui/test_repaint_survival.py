"""Regression guard for a PySide6 crash: 6.12.0 on CPython 3.11 drops a
reference to None on every Qt call that returns None, and a table view
aborted with "Fatal Python error: none_dealloc" after about 3,000 repaints.
We run on 3.12+ (immortal None) with a pinned PySide6; this proves it on the
real product table. It runs in a child process so a crash fails this test
instead of killing the whole suite."""

import subprocess
import sys
import textwrap

import pytest

from tests.helpers import REPO, child_env

REPAINTS = 6_000

SCRIPT = textwrap.dedent(f"""
    import tempfile
    from PySide6.QtWidgets import QApplication
    from core import open_shop
    from core.commands import AddCategory, AddProduct, AddProducts
    from shop_gui.main_window import MainWindow

    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        shop = open_shop(folder)
        cat = shop.dispatch(AddCategory("Everything"))
        shop.dispatch(AddProducts(tuple(
            AddProduct(f"SKU-{{i:05d}}", f"Product {{i}}", cat, 100 + i, stock=i % 7, reorder_level=3)
            for i in range(5_000))))
        window = MainWindow(shop)
        window.show()
        table = window.catalog.table
        bar = table.verticalScrollBar()
        for i in range({REPAINTS}):
            bar.setValue((i * 37) % (bar.maximum() + 1))
            table.viewport().repaint()
        window.close()
        shop.close()
    print("survived", {REPAINTS})
""")


@pytest.mark.subprocess
def test_a_large_table_survives_thousands_of_repaints():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=child_env(QT_QPA_PLATFORM="offscreen"),
        timeout=600,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"survived {REPAINTS}" in done.stdout
