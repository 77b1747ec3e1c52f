"""Park an order, serve the next customer, recall it: by keyboard alone,
across a restart, priced again on recall; quitting with an order asks."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.commands import UpdateProduct
from core.queries import GetOrder, GetProduct
from shop_gui import parked_orders
from shop_gui.main_window import MainWindow
from tests.gui.helpers import activate, open_dialog, type_into


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed into whatever has the focus, as a keyboard does."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def scan(qtbot, code: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), code)
    key(qtbot, Qt.Key.Key_Return)


def lines(window) -> list[tuple[str, int]]:
    return [(line.product.name, line.quantity) for line in window.order_form.cart.lines()]


def focus_the_dialog(qtbot, window, name: str):
    """The dialog just opened, made active as the window manager would."""
    dialog = open_dialog(window, name)
    activate(qtbot, dialog)
    return dialog


def back_at_the_counter(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.focusWidget() is window.catalog.search)
    activate(qtbot, window)


def test_sell_park_serve_recall_and_pay_by_keyboard_alone(qtbot, window, shop):
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.catalog.search.hasFocus()
    for code in ("5012345000017", "GDN-001", "TEA-001"):  # three scanned products
        scan(qtbot, code)
    assert lines(window) == [("Blue Enamel Mug", 1), ("Hand Trowel", 1), ("Rose Teapot", 1)]

    key(qtbot, Qt.Key.Key_F8)  # park it
    assert lines(window) == []
    assert len(parked_orders.load()) == 1
    assert window.catalog.search.hasFocus()

    scan(qtbot, "MUG-002")  # the next customer
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    focus_the_dialog(qtbot, window, "payDialog")
    key(qtbot, Qt.Key.Key_Return)  # cash, the exact amount
    assert shop.ask(GetOrder(1)).status == "paid"
    back_at_the_counter(qtbot, window)

    key(qtbot, Qt.Key.Key_F9)  # recall the first
    focus_the_dialog(qtbot, window, "recallDialog")
    key(qtbot, Qt.Key.Key_Return)
    assert lines(window) == [("Blue Enamel Mug", 1), ("Hand Trowel", 1), ("Rose Teapot", 1)]
    assert parked_orders.load() == []
    back_at_the_counter(qtbot, window)
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    focus_the_dialog(qtbot, window, "payDialog")
    key(qtbot, Qt.Key.Key_Return)
    order = shop.ask(GetOrder(2))
    assert order.status == "paid" and order.total_cents == 899 + 1250 + 2499
    back_at_the_counter(qtbot, window)


def test_a_parked_order_survives_a_restart_and_is_priced_again(qtbot, window, shop, catalog):
    window.order_form.add_product(shop.ask(GetProduct(catalog.trowel)), 2)
    type_into(qtbot, window.order_form.order_discount, "10%")
    window.park_order()
    assert "1 order parked at this till" in window.statusBar().currentMessage()
    window.close()
    trowel = shop.ask(GetProduct(catalog.trowel))
    shop.dispatch(UpdateProduct(trowel.id, trowel.sku, trowel.name, trowel.category_id, 1000, trowel.barcode))

    again = MainWindow(shop)
    qtbot.addWidget(again)
    again.show()
    dialog = again.recall_order()
    assert dialog.model.rowCount() == 1
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert lines(again) == [("Hand Trowel", 2)]
    assert again.order_form.order_discount.text() == "10%"
    assert again.order_form.total_cents() == 1800  # today's price, less 10%
    again.close()


def test_a_product_gone_since_is_left_out_and_said(qtbot, window, shop, catalog):
    from core.commands import ArchiveProduct

    window.order_form.add_product(shop.ask(GetProduct(catalog.trowel)), 1)
    window.order_form.add_product(shop.ask(GetProduct(catalog.latte)), 1)
    window.park_order()
    shop.dispatch(ArchiveProduct(catalog.latte))
    window.bridge.sync()
    dialog = window.recall_order()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert lines(window) == [("Hand Trowel", 1)]
    assert "left out: Café Latte Glass" in window.statusBar().currentMessage()


def test_recall_waits_for_the_order_in_progress(qtbot, window, shop, catalog):
    window.order_form.add_product(shop.ask(GetProduct(catalog.trowel)), 1)
    window.park_order()
    window.order_form.add_product(shop.ask(GetProduct(catalog.mug)), 1)
    assert window.recall_order() is None
    assert "before recalling another" in window.order_form.message.text()


def test_quitting_with_an_order_asks_first(qtbot, window, shop, catalog, monkeypatch):
    window.order_form.add_product(shop.ask(GetProduct(catalog.trowel)), 1)
    monkeypatch.setattr(window, "confirm_quit", lambda: False)  # "Keep selling"
    window.quit()
    assert window.isVisible() and lines(window) == [("Hand Trowel", 1)]
    monkeypatch.setattr(window, "confirm_quit", lambda: True)  # "Park it and quit"
    window.quit()
    assert not window.isVisible()
    assert [line.name for line in parked_orders.load()[0].lines] == ["Hand Trowel"]


def test_the_keyboard_map_lists_every_shortcut(qtbot, window):
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = open_dialog(window, "keyboardMapDialog")
    listed = {keys for keys, _what in dialog.rows()}
    native = QKeySequence.SequenceFormat.NativeText
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            assert keys.toString(native) in listed, action.text()
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis():
            assert shortcut.key().toString(native) in listed
    assert {"F8", "F9", "F1", "Ctrl+Return"} <= listed
    dialog.reject()
