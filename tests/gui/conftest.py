"""A small real shop on disk and the real main window over it. Every test
here is marked ``gui`` (``pytest -m "not gui"`` runs the rest)."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

import tools.build_translations as build_translations
from core import open_shop
from core.commands import AddCategory, AddProduct
from shop_gui import language
from shop_gui.main_window import MainWindow

GUI_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    # A conftest's hook sees every collected item, not only its folder's.
    for item in items:
        if GUI_TESTS in item.path.resolve().parents:
            item.add_marker(pytest.mark.gui)


class Catalog:
    """Ids of the test shop's categories and products, by short name."""

    def __init__(self, shop):
        self.kitchen = shop.dispatch(AddCategory("Kitchen"))
        self.mugs = shop.dispatch(AddCategory("Mugs", self.kitchen))
        self.garden = shop.dispatch(AddCategory("Garden"))
        self.mug = shop.dispatch(
            AddProduct("MUG-001", "Blue Enamel Mug", self.mugs, 899, stock=3, barcode="5012345000017", reorder_level=1)
        )
        self.latte = shop.dispatch(AddProduct("MUG-002", "Café Latte Glass", self.mugs, 450, stock=20))
        self.teapot = shop.dispatch(AddProduct("TEA-001", "Rose Teapot", self.kitchen, 2499, stock=5, reorder_level=5))
        self.trowel = shop.dispatch(AddProduct("GDN-001", "Hand Trowel", self.garden, 1250, stock=12))


@pytest.fixture(autouse=True)
def local_settings(tmp_path):
    """This computer's settings (shop_gui/local_settings.py) in the test's own
    folder: never the real ones, never another test's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return tmp_path / "settings"


@pytest.fixture
def shop(tmp_path):
    shop = open_shop(tmp_path / "shop")
    yield shop
    shop.close()


@pytest.fixture
def catalog(shop):
    return Catalog(shop)


@pytest.fixture
def window(qtbot, shop, catalog):
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


@pytest.fixture(autouse=True, scope="session")
def english(qapp):
    """The window in English, its plurals from shop_manager_en.qm (built here
    from the .ts if make has not built it yet: a bare pytest on a fresh clone)."""
    build_translations.release(quiet=True)
    language.install(qapp, "en")
    return qapp
