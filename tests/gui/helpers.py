"""What a person does, in a few words: click a row, type, read a cell."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QToolButton

from shop_gui.models.product_table_model import ProductTableModel


def click_index(qtbot, view: QAbstractItemView, index, double=False) -> None:
    view.scrollTo(index)
    point = view.visualRect(index).center()
    if double:  # a press first, as a real double-click: the view acts on the index it was pressed on
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def button(window, name: str) -> QToolButton:
    """The window's tool button with this objectName (the toolbars' buttons)."""
    found = window.findChild(QToolButton, name)
    assert found is not None, name
    return found


def choose_category(qtbot, window, name: str) -> None:
    tree = window.catalog.tree
    model = tree.model()
    found = model.match(
        model.index(0, 0),
        Qt.ItemDataRole.AccessibleTextRole,
        name,
        1,
        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
    )
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


def type_into(qtbot, widget, text: str) -> None:
    """Replace what a line edit or spin box holds, typing like a person."""
    widget.setFocus()
    widget.selectAll()
    if not text:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    elif text.isascii() or all(ord(ch) < 256 for ch in text):
        qtbot.keyClicks(widget, text)
    else:  # QTest types Latin-1 only ("€" would abort): send the key events with their text
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def open_dialog(window, name: str):
    """The visible dialog (or message box) of ``window`` with this objectName."""
    import gc

    import shiboken6
    from PySide6.QtWidgets import QApplication, QDialog

    def belongs(widget) -> bool:
        while widget is not None:
            if widget is window:
                return True
            widget = widget.parentWidget()
        return False

    # The cyclic GC may free an earlier test's dialog while the list is
    # walked (its C++ object deleted under a wrapper in hand: a crash), so it
    # waits, and a wrapper whose object is gone is passed over.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        found = [
            w
            for w in QApplication.topLevelWidgets()
            if shiboken6.isValid(w)
            and isinstance(w, QDialog)
            and w.objectName() == name
            and w.isVisible()
            and belongs(w)
        ]
    finally:
        if gc_was_on:
            gc.enable()
    assert len(found) == 1, f"{len(found)} open dialogs {name!r}"
    return found[0]


def category_index(window, name: str):
    model = window.catalog.category_model
    found = model.match(
        model.index(0, 0),
        Qt.ItemDataRole.AccessibleTextRole,
        name,
        1,
        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
    )
    assert found, f"no category {name!r} in the tree"
    return found[0]


def category_label(window, name: str) -> str:
    """What the tree shows for a category: "Mugs (2)"."""
    return category_index(window, name).data()


def parent_label(window, name: str) -> str:
    return category_index(window, name).parent().data()


def place_order(qtbot, window, *lines, customer_id=None, later=True) -> int:
    """Put ``(product name, quantity)`` lines in the order, place it and return
    its number. The Pay dialog that opens then is skipped ("Later") unless
    ``later`` is False."""
    for name, quantity in lines:
        add_to_order(qtbot, window, name, quantity)
    if customer_id is not None:
        window.order_form.set_customer(customer_id)
    placed = []
    window.order_form.orderPlaced.connect(lambda order_id, _summary: placed.append(order_id))
    click(qtbot, window.order_form.place_button)
    assert placed, window.order_form.message.text()
    if later:
        click(qtbot, open_dialog(window, "payDialog").cancel_button)
    return placed[0]


def status_cell(window, order_id: int) -> str:
    model = window.orders.orders_model
    row = model.row_of(order_id)
    assert row is not None, f"order {order_id} is not listed"
    return model.index(row, model.STATUS).data()


def activate(qtbot, window) -> None:
    """Make ``window`` (a dialog) the active window, as the person's click on it
    would: offscreen, a dialog opened over the main window is not activated."""
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)


def alt_key(qtbot, window, key) -> None:
    """Alt+letter in the active ``window``: a mnemonic."""
    activate(qtbot, window)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
