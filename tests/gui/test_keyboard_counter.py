"""The counter with a barcode scanner and a keyboard, never the mouse: real
key presses, and where the focus is after each."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMessageBox

from core.queries import GetProduct
from shop_gui.models.cart_model import CartModel
from shop_gui.style import ERROR_COLOR
from tests.gui.helpers import activate, alt_key, click, click_product, open_dialog


@pytest.fixture
def counter(qtbot, window):
    """The window, active, the search box focused: a till ready to scan."""
    activate(qtbot, window)
    window.catalog.search.setFocus()
    qtbot.waitUntil(window.catalog.search.hasFocus)
    return window


def scan(qtbot, window, code: str) -> None:
    """A scanner types the code and Enter into whatever has the focus."""
    focused = QApplication.focusWidget()
    qtbot.keyClicks(focused, code)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def cart_lines(window) -> list[tuple[str, int]]:
    cart = window.order_form.cart
    return [(cart.row_value(r).product.name, cart.row_value(r).quantity) for r in range(cart.rowCount())]


def ready_for_next_scan(qtbot, window) -> None:
    """The search box is the window's focus, its text selected. (Offscreen,
    no window is active once a dialog has closed: the window manager would
    make it so, as ``activate`` does.)"""
    search = window.catalog.search
    qtbot.waitUntil(lambda: window.focusWidget() is search)
    activate(qtbot, window)
    assert search.hasFocus()
    assert search.selectedText() == search.text()


def test_a_scan_adds_and_the_search_box_takes_the_next(qtbot, counter):
    scan(qtbot, counter, "5012345000017")
    scan(qtbot, counter, "5012345000017")
    assert cart_lines(counter) == [("Blue Enamel Mug", 2)]
    ready_for_next_scan(qtbot, counter)


def test_an_unknown_code_is_selected_and_signalled_without_a_dialog(qtbot, counter, monkeypatch):
    beeps = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(1))
    scan(qtbot, counter, "4006381333931")
    search = counter.catalog.search
    assert search.hasFocus() and search.selectedText() == "4006381333931"
    assert QApplication.activeModalWidget() is None
    bar = counter.statusBar()
    assert bar.currentMessage() == 'No product has the code "4006381333931".'
    assert ERROR_COLOR in bar.styleSheet()
    assert beeps == [1]
    scan(qtbot, counter, "5012345000017")  # the next scan replaces it, and the red goes
    assert cart_lines(counter) == [("Blue Enamel Mug", 1)]
    assert bar.styleSheet() == ""


def test_down_goes_into_the_list_and_enter_adds_the_row(qtbot, counter):
    search = counter.catalog.search
    qtbot.keyClicks(search, "mug")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    table = counter.catalog.table
    assert table.hasFocus()
    assert counter.catalog.selected_product().name == "Blue Enamel Mug"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert cart_lines(counter) == [("Café Latte Glass", 1)]
    ready_for_next_scan(qtbot, counter)
    assert search.text() == "mug"  # selected: the next thing typed replaces it


def test_escape_clears_the_search(qtbot, counter):
    search = counter.catalog.search
    qtbot.keyClicks(search, "trowel")
    assert counter.catalog.product_model.rowCount() == 1
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == "" and counter.catalog.product_model.rowCount() == 4


def test_enter_in_quantity_adds(qtbot, counter):
    click_product(qtbot, counter, "Hand Trowel")
    spin = counter.order_form.quantity
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    qtbot.keyClick(spin, Qt.Key.Key_Enter)
    assert cart_lines(counter) == [("Hand Trowel", 3)]
    ready_for_next_scan(qtbot, counter)


def test_tab_leaves_a_table_instead_of_walking_its_cells(qtbot, counter):
    table = counter.catalog.table
    click_product(qtbot, counter, "Hand Trowel")
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert table.currentIndex().row() == 2  # still on the Trowel's row


def test_focus_comes_back_to_the_search_after_paying(qtbot, counter):
    scan(qtbot, counter, "5012345000017")
    discount = counter.order_form.order_discount
    discount.setFocus()
    qtbot.keyClicks(discount, "10%")
    qtbot.keyClick(discount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Place Order
    pay = open_dialog(counter, "payDialog")
    click(qtbot, pay.ok_button)
    assert not pay.isVisible()
    ready_for_next_scan(qtbot, counter)


def test_closing_any_dialog_gives_the_search_box_the_focus(qtbot, counter):
    counter.order_form.order_discount.setFocus()  # where the person was before the dialog
    dialog = counter.catalog.product_actions.new_product()
    dialog.reject()
    ready_for_next_scan(qtbot, counter)


def test_the_cart_quantity_is_edited_in_place_and_delete_removes_a_line(qtbot, counter):
    scan(qtbot, counter, "5012345000017")
    scan(qtbot, counter, "GDN-001")
    table = counter.order_form.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)  # the first line
    assert table.currentIndex().column() == CartModel.QUANTITY
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table and editor.text() == "1"
    editor.selectAll()
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # a queued commit
    assert cart_lines(counter) == [("Blue Enamel Mug", 2), ("Hand Trowel", 1)]
    assert counter.order_form.total.text() == "Total £30.48"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert cart_lines(counter) == [("Hand Trowel", 1)]


def test_letters_typed_in_the_carts_quantity_are_refused_visibly(qtbot, counter):
    scan(qtbot, counter, "GDN-001")
    table = counter.order_form.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor.objectName() == "cartQuantityEditor"
    editor.selectAll()
    qtbot.keyClicks(editor, "3x")
    assert editor.text() == "3x"  # kept as typed, not quietly 3
    table.setFocus()  # leaving the cell commits what is there
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert cart_lines(counter) == [("Hand Trowel", 1)]
    assert counter.order_form.message.text() == "“3x” is not a whole number: type digits only."


def test_a_quantity_of_nought_is_refused_in_place(qtbot, counter):
    scan(qtbot, counter, "GDN-001")
    cart = counter.order_form.cart
    assert not cart.setData(cart.index(0, CartModel.QUANTITY), 0)
    assert cart_lines(counter) == [("Hand Trowel", 1)]


def test_a_line_over_the_stock_left_is_marked_when_added(qtbot, counter, shop, catalog):
    assert shop.ask(GetProduct(catalog.mug)).stock == 3
    for _ in range(4):
        scan(qtbot, counter, "5012345000017")
    form = counter.order_form
    assert form.message.isVisible()
    assert form.message.text() == "Blue Enamel Mug: 4 in the order, only 3 left in stock."
    index = form.cart.index(0, CartModel.QUANTITY)
    assert index.data(Qt.ItemDataRole.ForegroundRole).name() == ERROR_COLOR
    assert "only 3 left" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_dialogs_open_on_their_first_field(qtbot, window):
    actions = window.catalog.product_actions
    window.catalog.select_product(1)
    for dialog, field in (
        (actions.new_product(), "skuEdit"),
        (window.customers.new_customer(), "customerNameEdit"),
        (window.open_settings(), "shopNameEdit"),
        (actions.receive_stock(), "receiveQuantitySpin"),
    ):
        focused = dialog.focusWidget()
        assert focused is not None and focused.objectName() == field, (dialog.objectName(), focused)
        dialog.reject()


@pytest.mark.parametrize(
    ("key", "field"),
    [
        (Qt.Key.Key_S, "skuEdit"),
        (Qt.Key.Key_B, "barcodeEdit"),
        (Qt.Key.Key_N, "nameEdit"),
        (Qt.Key.Key_C, "categoryCombo"),
        (Qt.Key.Key_P, "priceEdit"),
        (Qt.Key.Key_O, "costPriceEdit"),
        (Qt.Key.Key_T, "taxRateEdit"),
    ],
)
def test_every_label_of_the_product_dialog_reaches_its_field(qtbot, window, key, field):
    dialog = window.catalog.product_actions.new_product()
    alt_key(qtbot, dialog, key)
    assert QApplication.focusWidget().objectName() == field
    dialog.reject()


@pytest.mark.parametrize(("key", "field"), [(Qt.Key.Key_N, "shopNameEdit"), (Qt.Key.Key_C, "currencyCodeEdit")])
def test_every_label_of_the_settings_dialog_reaches_its_field(qtbot, window, key, field):
    dialog = window.open_settings()
    alt_key(qtbot, dialog, key)
    assert QApplication.focusWidget().objectName() == field
    dialog.reject()


def test_a_message_in_a_dialog_is_shown_whole_and_the_dialog_shrinks_back(qtbot, window):
    from tests.gui.helpers import place_order

    place_order(qtbot, window, ("Hand Trowel", 1), later=False)
    pay = open_dialog(window, "payDialog")
    qtbot.waitUntil(lambda: pay._opened_height is not None)
    opened = pay.height()
    amount = pay.amount_edit
    amount.setFocus()
    amount.selectAll()
    qtbot.keyClicks(amount, "x")  # not an amount: a message under the field
    assert pay.amount_error.isVisible()
    qtbot.waitUntil(lambda: pay.amount_error.geometry().bottom() < pay.buttons.geometry().top())
    for label in (pay.amount_error, pay.tendered_error):
        if label.isVisible():
            room = label.geometry()
            assert room.height() >= label.heightForWidth(room.width())  # every line of it
    assert pay.buttons.geometry().bottom() <= pay.height()
    qtbot.keyClick(amount, Qt.Key.Key_Backspace)
    qtbot.keyClicks(amount, "12.50")
    assert not pay.amount_error.isVisible()
    qtbot.waitUntil(lambda: pay.height() == opened)
    pay.reject()


def test_a_confirmation_names_its_action(qtbot, window):
    window.catalog.select_product(4)  # the Trowel: never sold, so it may be deleted
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["default"] = box.defaultButton().text()
        box.findChild(QLineEdit)  # nothing to type: just the buttons
        click(qtbot, box.findChild(type(box.defaultButton()), "keepButton"))

    QTimer.singleShot(0, answer)
    assert window.catalog.product_actions.confirm("Delete Hand Trowel?") is False
    assert seen == {"buttons": ["&Delete product", "&Keep product"], "default": "&Keep product"}


def test_the_customer_dialogs_message_is_whole_and_goes_with_it(qtbot, window):
    dialog = window.customers.new_customer()
    qtbot.waitUntil(lambda: dialog._opened_height is not None)
    opened = dialog.height()
    name = dialog.name_edit
    qtbot.keyClicks(name, "A")
    qtbot.keyClick(name, Qt.Key.Key_Backspace)  # a name was there, and is gone: it is needed
    message = dialog.name_error
    assert message.isVisible() and message.text()
    qtbot.waitUntil(lambda: dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width()))
    assert message.geometry().height() >= message.heightForWidth(message.geometry().width())
    qtbot.keyClicks(name, "Ann")
    assert not message.isVisible()
    qtbot.waitUntil(lambda: dialog.height() == opened)
    dialog.reject()
