"""Edit > Undo and Redo, from the menu and with Ctrl+Z, by clicking."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from core.commands import FulfilOrder, OrderLine, PlaceOrder, ReceiveStock, RecordPayment, RedoAction
from core.queries import GetOrder, GetProduct
from shop_gui.undo_marks import UNDONE_FOREGROUND
from tests.gui.helpers import button, click, click_product, open_dialog, place_order


def open_edit_menu(qtbot, window) -> QMenu:
    menu = window.findChild(QMenu, "editMenu")
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    return menu


def click_item(qtbot, menu, action) -> None:
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_undo_and_redo_from_the_menu_name_the_action(qtbot, window, shop, catalog):
    window.bridge.dispatch(ReceiveStock(catalog.mug, 24))
    menu = open_edit_menu(qtbot, window)
    undo, redo = window.undo_actions.undo_action, window.undo_actions.redo_action
    assert undo.text() == "&Undo receive 24 × Blue Enamel Mug" and undo.isEnabled()
    assert redo.text() == "&Redo" and not redo.isEnabled()
    with qtbot.waitSignal(window.undo_actions.done):
        click_item(qtbot, menu, undo)
    assert shop.ask(GetProduct(catalog.mug)).stock == 3
    assert window.statusBar().currentMessage() == "Undone: receive 24 × Blue Enamel Mug."

    menu = open_edit_menu(qtbot, window)
    assert redo.text() == "&Redo receive 24 × Blue Enamel Mug"
    with qtbot.waitSignal(window.undo_actions.done):
        click_item(qtbot, menu, redo)
    assert shop.ask(GetProduct(catalog.mug)).stock == 27


def test_ctrl_z_undoes_an_order_reverses_a_payment_and_refuses_a_fulfilment(qtbot, window, shop, catalog):
    order_id = window.bridge.dispatch(PlaceOrder((OrderLine(catalog.latte, 2),))).result
    window.catalog.table.setFocus()
    with qtbot.waitSignal(window.undo_actions.done):
        qtbot.keyClick(window.catalog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shop.ask(GetOrder(order_id)).status == "cancelled"
    assert shop.ask(GetProduct(catalog.latte)).stock == 20

    paid = window.bridge.dispatch(PlaceOrder((OrderLine(catalog.latte, 1),))).result
    window.bridge.dispatch(RecordPayment(paid, "card", 450))
    with qtbot.waitSignal(window.undo_actions.done):
        qtbot.keyClick(window.catalog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == f"Undone: payment £4.50 by card for order {paid}."
    assert shop.ask(GetOrder(paid)).status == "placed"  # paid back by card, due again

    window.bridge.dispatch(RecordPayment(paid, "card", 450))
    window.bridge.dispatch(FulfilOrder(paid))
    qtbot.keyClick(window.catalog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == (
        "The last thing done at this till (fulfilling an order) cannot be undone."
    )
    assert shop.ask(GetOrder(paid)).status == "fulfilled"
    qtbot.keyClick(
        window.catalog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.statusBar().currentMessage() == "There is nothing to redo at this till."


def test_help_verify_journal_says_it_is_whole_or_names_the_break(qtbot, window, shop, catalog):
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    with qtbot.waitSignal(window.journal.verified, timeout=20_000) as verified:
        window.journal.verify_action.trigger()
    assert verified.args[0].whole
    box = window.findChild(QMessageBox, "journalVerdict")
    assert box.text().startswith("The journal is whole: 7 events checked.")
    box.close()

    conn = sqlite3.connect(shop.database_file)
    with conn:
        conn.execute("UPDATE outbox SET till = 'Till 9' WHERE position = 3")
    conn.close()
    with qtbot.waitSignal(window.journal.verified, timeout=20_000) as verified:
        window.journal.verify_action.trigger()
    assert verified.args[0].broken_at == 3
    assert window.statusBar().currentMessage() == "Event 3 was altered, or an event before it was deleted or moved."


def ctrl_z(qtbot, window) -> None:
    window.catalog.table.setFocus()
    with qtbot.waitSignal(window.undo_actions.done):
        qtbot.keyClick(window.catalog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_the_stock_history_marks_an_undone_delivery(qtbot, window, shop, catalog):
    window.bridge.dispatch(ReceiveStock(catalog.mug, 24, "Acme"))
    ctrl_z(qtbot, window)
    click_product(qtbot, window, "Blue Enamel Mug")
    click(qtbot, button(window, "stockHistoryButton"))
    dialog = open_dialog(window, "stockHistoryDialog")
    model = dialog.model
    details = [model.index(r, model.DETAILS).data() for r in range(model.rowCount())]
    assert details[0] == "Opening stock"
    assert details[1].startswith("Acme · undone by Owner at ")
    assert details[2] == "Other: Undo: received 24"  # the undo itself: a movement of its own
    assert model.index(1, model.QUANTITY).data(Qt.ItemDataRole.ForegroundRole).color() == UNDONE_FOREGROUND.color()
    assert model.index(2, model.QUANTITY).data(Qt.ItemDataRole.ForegroundRole).color() != UNDONE_FOREGROUND.color()

    # Redo: the delivery stands again, and says when.
    window.bridge.dispatch(RedoAction(shop.redo_offer().position))
    assert ", redone at " in model.index(1, model.DETAILS).data()
    assert model.index(1, model.QUANTITY).data(Qt.ItemDataRole.ForegroundRole).color() != UNDONE_FOREGROUND.color()
    dialog.close()


def test_an_orders_history_marks_its_undone_placing_and_reversed_payment(qtbot, window, shop, catalog):
    order_id = place_order(qtbot, window, ("Café Latte Glass", 2))
    window.bridge.dispatch(RecordPayment(order_id, "card", 900))
    ctrl_z(qtbot, window)  # the payment, given back by card
    orders = window.orders
    window.tabs.setCurrentWidget(orders)
    orders.select_order(order_id)
    assert "Paid £0.00, reversed £9.00" in orders.money_summary.text()
    ctrl_z(qtbot, window)  # the order, cancelled
    bar = orders.detail_tabs.tabBar()
    at = orders.detail_tabs.indexOf(orders.history)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(at).center())
    assert orders.detail_tabs.currentWidget() is orders.history
    history = orders.history_model
    events = [history.index(r, history.EVENT).data() for r in range(history.rowCount())]
    assert events[0].startswith("Placed: £9.00 · undone by Owner at ")
    assert events[1].startswith("Paid £9.00 by card · undone by Owner at ")
    assert events[2] == "Payment reversed: £9.00 given back by card"
    assert events[3] == "Cancelled: 2 items back in stock"
    assert history.index(0, history.TIME).data(Qt.ItemDataRole.ForegroundRole).color() == UNDONE_FOREGROUND.color()
    assert history.index(2, history.TIME).data(Qt.ItemDataRole.ForegroundRole) is None
