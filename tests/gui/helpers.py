"""What a person does, in a few words: click a row, type, read a cell."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from shop_gui.models.product_table_model import ProductTableModel


def click_index(qtbot, view: QAbstractItemView, index, double=False) -> None:
    view.scrollTo(index)
    point = view.visualRect(index).center()
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose_category(qtbot, window, name: str) -> None:
    tree = window.catalog.tree
    model = tree.model()
    found = model.match(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole, name, 1,
                        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert found, f"no category {name!r} in the tree"
    click_index(qtbot, tree, found[0])


def product_row(window, product_name: str) -> int:
    model = window.catalog.product_model
    for row in range(model.rowCount()):
        if model.index(row, ProductTableModel.NAME).data() == product_name:
            return row
    raise AssertionError(f"{product_name!r} is not in the product table")


def click_product(qtbot, window, product_name: str) -> None:
    model = window.catalog.product_model
    click_index(qtbot, window.catalog.table, model.index(product_row(window, product_name), ProductTableModel.NAME))


def stock_cell(window, product_name: str) -> str:
    model = window.catalog.product_model
    return model.index(product_row(window, product_name), ProductTableModel.STOCK).data()


def listed_names(window) -> list[str]:
    model = window.catalog.product_model
    return [model.index(row, ProductTableModel.NAME).data() for row in range(model.rowCount())]


def add_to_order(qtbot, window, product_name: str, quantity: int = 1) -> None:
    click_product(qtbot, window, product_name)
    spin = window.order_form.quantity
    spin.selectAll()
    qtbot.keyClicks(spin, str(quantity))
    click(qtbot, window.order_form.add_button)
