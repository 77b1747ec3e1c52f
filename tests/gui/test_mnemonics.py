"""Alt+letter: no two things visible together answer to the same letter."""

import re
from collections import Counter

from PySide6.QtWidgets import QAbstractButton, QLabel, QMenuBar, QTabBar

from tests.gui.helpers import click, open_dialog, place_order

_MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match[1].casefold() if match else None


def visible_mnemonics(top) -> list[tuple[str, str]]:
    found = []
    for widget in [top, *top.findChildren(QAbstractButton), *top.findChildren(QLabel)]:
        if (isinstance(widget, (QAbstractButton, QLabel)) and widget.isVisibleTo(top)) or widget is top:
            text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
            if isinstance(widget, QLabel) and widget.buddy() is None:
                continue
            if letter(text or ""):
                found.append((letter(text), text))
    for bar in top.findChildren(QTabBar):
        if bar.isVisibleTo(top):
            found += [(letter(bar.tabText(i)), bar.tabText(i)) for i in range(bar.count()) if letter(bar.tabText(i))]
    for menu_bar in top.findChildren(QMenuBar):
        found += [(letter(a.text()), a.text()) for a in menu_bar.actions() if letter(a.text())]
    return found


def assert_distinct(top) -> None:
    found = visible_mnemonics(top)
    twice = {key for key, count in Counter(key for key, _ in found).items() if count > 1}
    assert not twice, [text for key, text in found if key in twice]


def test_each_tab_of_the_main_window(qtbot, window):
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert_distinct(window)


def test_the_order_dialogs(qtbot, window):
    place_order(qtbot, window, ("Hand Trowel", 1), later=False)
    pay = open_dialog(window, "payDialog")
    assert_distinct(pay)
    pay.reject()
    window.tabs.setCurrentIndex(1)
    window.orders.select_order(1)
    for dialog in (window.orders.take_payment(), window.open_settings(), window.customers.new_customer()):
        assert_distinct(dialog)
        dialog.reject()


def test_the_return_and_cancel_dialogs(qtbot, window, shop):
    place_order(qtbot, window, ("Hand Trowel", 1), later=False)
    click(qtbot, open_dialog(window, "payDialog").ok_button)
    window.tabs.setCurrentIndex(1)
    window.orders.select_order(1)
    for dialog in (window.orders.return_items(), window.orders.cancel_current()):
        assert dialog.refund_combo.isVisible()
        assert_distinct(dialog)
        dialog.reject()


def test_the_receipt(qtbot, window, shop):
    place_order(qtbot, window, ("Hand Trowel", 1))
    window.tabs.setCurrentIndex(1)
    window.orders.select_order(1)
    dialog = window.orders.show_receipt()
    assert_distinct(dialog)
    dialog.close()


def test_the_till_dialogs(qtbot, window, shop):
    from core.commands import OpenTill

    till = window.till
    for dialog in (till.open_till(), till.pay_in(), till.pay_out()):
        assert_distinct(dialog)
        dialog.reject()
    window.bridge.dispatch(OpenTill(1000))
    close = till.close_till()
    assert_distinct(close)
    close.counted_edit.setText("10")
    close.confirm_count()  # the note's row shows now
    assert_distinct(close)
    close.reject()
    for dialog in (till.x_report(), till.z_reports()):
        assert_distinct(dialog)
        dialog.close()


def test_the_till_menu(qtbot, window):
    from PySide6.QtWidgets import QMenu

    menu = window.findChild(QMenu, "tillMenu")
    letters = [letter(action.text()) for action in menu.actions() if not action.isSeparator()]
    assert None not in letters and len(set(letters)) == len(letters), [a.text() for a in menu.actions()]


def test_the_file_menu(qtbot, window):
    from PySide6.QtWidgets import QMenu

    menu = window.findChild(QMenu, "fileMenu")
    letters = [letter(action.text()) for action in menu.actions() if not action.isSeparator()]
    assert None not in letters and len(set(letters)) == len(letters), [a.text() for a in menu.actions()]


def test_the_staff_dialogs_sign_in_screen_and_approval(qtbot, window, shop):
    from core.commands import AddStaff

    staff = window.staff.open_staff()
    assert_distinct(staff)
    first = staff.add()
    assert_distinct(first)
    first.reject()
    staff.reject()

    alice = shop.dispatch(AddStaff("Alice", "owner", "1234"))
    shop.sign_in(alice, "1234")
    bob = shop.dispatch(AddStaff("Bob", "cashier", "4321"))
    window.bridge.sync()
    qtbot.waitUntil(lambda: window.staff.status_label.isVisible())
    staff = window.staff.open_staff()
    assert_distinct(staff)  # the idle sign-out row shows now
    for dialog in (staff.add(), staff.edit()):
        assert_distinct(dialog)
        dialog.reject()
    staff.reject()

    window.staff.switch_user()
    assert window.staff.screen.isVisible()
    assert_distinct(window)
    window.staff.screen.names.setCurrentRow(1)
    qtbot.keyClicks(window.staff.screen.pin_edit, "4321")
    window.staff.screen.sign_in()
    assert shop.signed_in.id == bob
    window.open_settings().ok_button.click()  # a cashier may not: the approval dialog opens
    approval = open_dialog(window, "approvalDialog")
    assert_distinct(approval)
    approval.reject()


def test_the_import_and_parking_dialogs(qtbot, window, tmp_path):
    from core.queries import GetProduct

    path = tmp_path / "odd.csv"
    path.write_text("Code;Item;Cost\nA-1;Apple;1.00\n", encoding="utf-8")
    window.files.import_from(path)
    mapping = open_dialog(window, "columnMappingDialog")
    assert_distinct(mapping)
    mapping.reject()
    window.order_form.add_product(window.bridge.ask(GetProduct(1)), 1)
    window.park_order()
    recall = window.recall_order()
    assert_distinct(recall)
    recall.reject()


def test_the_journal_and_stock_history(qtbot, window, catalog):
    journal = window.journal.open_journal()
    assert_distinct(journal)
    journal.close()
    window.catalog.select_product(catalog.mug)
    history = window.catalog.product_actions.stock_history()
    assert_distinct(history)
    history.close()
