"""File > Journal...: every event in words; its filters and paging, by clicking."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from core.commands import AddCustomer, OrderLine, PlaceOrder, ReceiveStock, UndoAction
from shop_gui.dialogs import journal_dialog
from shop_gui.dialogs.journal_dialog import JournalDialog
from shop_gui.models.journal_model import JournalModel
from tests.gui.helpers import activate, click, type_into


def open_journal(window) -> JournalDialog:
    window.journal.journal_action.trigger()
    dialog = window.findChild(JournalDialog, "journalDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def column(dialog, col=JournalModel.WHAT) -> list[str]:
    model = dialog.model
    return [model.index(row, col).data() for row in range(model.rowCount())]


def choose(qtbot, combo, text: str) -> None:
    combo.setFocus()
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_the_journal_lists_every_event_and_filters_them(qtbot, qtmodeltester, window, shop, catalog):
    window.bridge.dispatch(ReceiveStock(catalog.mug, 24))
    order = window.bridge.dispatch(PlaceOrder((OrderLine(catalog.latte, 2),))).result
    window.bridge.dispatch(ReceiveStock(catalog.teapot, 1))
    window.bridge.dispatch(UndoAction(shop.undo_offer().position))
    dialog = open_journal(window)
    qtmodeltester.check(dialog.model)
    whats = column(dialog)
    assert whats[:3] == [
        "Undone: receive 1 × Rose Teapot",
        "Stock of Rose Teapot adjusted by -1 (other), 5 in stock",
        "Received 1 × Rose Teapot, 6 in stock",
    ]
    assert "Received 24 × Blue Enamel Mug, 27 in stock" in whats
    assert column(dialog, JournalModel.UNDONE)[2].startswith("Undone by Owner at ")
    assert set(column(dialog, JournalModel.TILL)) == {"Till 1"}

    choose(qtbot, dialog.kind, "Stock received")
    assert column(dialog) == ["Received 1 × Rose Teapot, 6 in stock", "Received 24 × Blue Enamel Mug, 27 in stock"]
    choose(qtbot, dialog.kind, "All kinds")
    type_into(qtbot, dialog.order, str(order))
    assert column(dialog) == [f"Order {order} placed: 2 items, £9.00"]
    type_into(qtbot, dialog.order, "12b")
    assert dialog.problem.isVisible() and "is not an order number" in dialog.problem.text()
    dialog.close()


def test_older_pages_come_with_show_older(qtbot, window, shop, catalog, monkeypatch):
    monkeypatch.setattr(journal_dialog, "PAGE", 5)
    for n in range(6):
        window.bridge.dispatch(ReceiveStock(catalog.trowel, n + 1))
    dialog = open_journal(window)
    more = dialog.findChild(QPushButton, "journalMore")
    assert dialog.model.rowCount() == 5 and more.isEnabled()
    everything = shop.journal(limit=1000).entries
    while more.isEnabled():
        click(qtbot, more)
    assert [dialog.model.entry(row) for row in range(dialog.model.rowCount())] == list(everything)
    dialog.close()


def test_export_the_shown_events_signed(qtbot, window, shop, catalog, tmp_path, monkeypatch):
    from core.journal_export import signature_of

    window.bridge.dispatch(ReceiveStock(catalog.mug, 2))
    dialog = open_journal(window)
    choose(qtbot, dialog.kind, "Stock received")
    target = tmp_path / "audit.csv"
    monkeypatch.setattr(dialog, "choose_export_path", lambda: str(target))
    monkeypatch.setattr(dialog, "ask_key", lambda: "owner's secret")
    click(qtbot, dialog.findChild(QPushButton, "journalExport"))
    assert dialog.outcome.text() == "Exported 1 event to audit.csv (checksum in .sha256 and .hmac)."
    assert "Received 2 × Blue Enamel Mug" in target.read_text(encoding="utf-8")
    signature = (tmp_path / "audit.csv.hmac").read_text().split()[1]
    assert signature == signature_of(target, "owner's secret")
    dialog.close()


def pick(qtbot, picker, typed: str) -> None:
    """Click into the picker, type part of a name, take the completer's first match with the keyboard."""
    activate(qtbot, picker.window())
    qtbot.mouseClick(picker.lineEdit(), Qt.MouseButton.LeftButton)
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), typed)
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_the_journal_filters_by_product_and_customer_found_by_typing(qtbot, window, shop, catalog):
    jane = window.bridge.dispatch(AddCustomer("Jane Smith", phone="0161 496 0000")).result
    window.bridge.dispatch(AddCustomer("Bob Jones"))
    window.bridge.dispatch(ReceiveStock(catalog.mug, 24))
    window.bridge.dispatch(ReceiveStock(catalog.teapot, 2))
    order = window.bridge.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), customer_id=jane)).result
    window.bridge.dispatch(PlaceOrder((OrderLine(catalog.teapot, 1),)))
    dialog = open_journal(window)

    pick(qtbot, dialog.product, "enamel")
    assert dialog.product.chosen_id() == catalog.mug
    placed = f"Order {order} placed: 1 items, £8.99 for Jane Smith"  # (the core's words, plural or not)
    assert column(dialog)[:2] == [
        placed,
        "Received 24 × Blue Enamel Mug, 27 in stock",
    ]
    assert not any("Teapot" in what for what in column(dialog))

    pick(qtbot, dialog.customer, "jane")
    assert dialog.customer.chosen_id() == jane
    assert column(dialog) == [placed]

    # Text that names nobody goes back to the choice before; emptied, any product again.
    qtbot.mouseClick(dialog.customer.lineEdit(), Qt.MouseButton.LeftButton)
    dialog.customer.lineEdit().selectAll()
    qtbot.keyClicks(dialog.customer.lineEdit(), "zzz")
    qtbot.keyClick(dialog.customer.lineEdit(), Qt.Key.Key_Tab)
    assert dialog.customer.chosen_id() == jane and dialog.customer.currentText().startswith("Jane Smith")
    qtbot.mouseClick(dialog.product.lineEdit(), Qt.MouseButton.LeftButton)
    dialog.product.lineEdit().selectAll()
    qtbot.keyClick(dialog.product.lineEdit(), Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.product.lineEdit(), Qt.Key.Key_Tab)
    assert dialog.product.chosen_id() is None
    assert column(dialog) == [placed, "Customer Jane Smith added"]
    dialog.close()


def test_a_products_stock_history_opens_its_journal(qtbot, window, shop, catalog):
    from tests.gui.helpers import button, click_product, open_dialog

    window.bridge.dispatch(ReceiveStock(catalog.mug, 24))
    window.bridge.dispatch(ReceiveStock(catalog.teapot, 1))
    window.bridge.dispatch(UndoAction(shop.undo_offer().position))  # the teapot's
    click_product(qtbot, window, "Rose Teapot")
    click(qtbot, button(window, "stockHistoryButton"))
    history = open_dialog(window, "stockHistoryDialog")
    click(qtbot, history.journal_button)
    dialog = history.findChild(JournalDialog, "journalDialog")
    assert dialog.isVisible() and dialog.product.chosen_id() == catalog.teapot
    assert dialog.product.currentText() == "Rose Teapot (TEA-001)"
    whats = column(dialog)
    assert whats[1:3] == [
        "Stock of Rose Teapot adjusted by -1 (other), 5 in stock",
        "Received 1 × Rose Teapot, 6 in stock",
    ]
    assert column(dialog, JournalModel.UNDONE)[2].startswith("Undone by Owner at ")
    assert not any("Mug" in what for what in whats)
    dialog.close()
    history.close()
