"""Staff, PINs and permissions in the window: adding the first owner and the
others (File > Staff...), signing in on the sign-in screen (a name, then the
PIN on the pad or the keyboard), the signed-in name in the status bar,
Switch user, signing out when idle, and a manager approving what a cashier
may not do. Everything through the menus and the widgets, as a person at
the till would; a shop without staff is proven unchanged by the rest of the
suite (and by the last test here)."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMenu

from core import open_shop
from core.commands import AddStaff, UpdateStaff
from core.queries import GetOrder, GetProduct, GetStaff
from shop_gui import local_settings
from shop_gui.main_window import MainWindow
from tests.gui.helpers import activate, click, click_index, open_dialog, place_order, type_into

WRONG_PIN = "That PIN is not right: 4 more tries before sign-in pauses."
CANCEL_NEEDS_A_MANAGER = "Cancelling an order needs a manager: ask one to approve it."


# -- what a person does ----------------------------------------------------------------------------
def file_menu(qtbot, window, letter: Qt.Key, name: str) -> None:
    """Alt+F opens the File menu; ``letter`` picks the item (its mnemonic)."""
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = window.findChild(QMenu, "fileMenu")
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.objectName() == f"{name}Action")
    assert action.isEnabled(), f"{action.text()} is disabled: {action.toolTip()}"
    qtbot.keyClick(menu, letter)
    qtbot.waitUntil(lambda: not menu.isVisible())


def open_staff(qtbot, window):
    file_menu(qtbot, window, Qt.Key.Key_T, "staff")
    return open_dialog(window, "staffDialog")


def fill_staff_member(qtbot, dialog, name=None, role=None, pin=None, again=None) -> None:
    if name is not None:
        type_into(qtbot, dialog.name_edit, name)
    if role is not None:
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findText(role.capitalize()))
        assert dialog.role() == role
    if pin is not None:
        type_into(qtbot, dialog.pin_edit, pin)
    if again is not None:
        type_into(qtbot, dialog.pin_again_edit, again)


def add_staff_member(qtbot, window, staff_dialog, name, role, pin) -> None:
    click(qtbot, staff_dialog.add_button)
    dialog = open_dialog(window, "staffMemberDialog")
    fill_staff_member(qtbot, dialog, name, role, pin, pin)
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible(), dialog.message.text()


def screen_of(window):
    screen = window.staff.screen
    assert screen.isVisible() and window.staff.locked
    return screen


def choose_name(qtbot, screen, name: str) -> None:
    items = screen.names.findItems(name, Qt.MatchFlag.MatchExactly)
    assert items, f"{name} is not on the sign-in screen: {names_listed(screen)}"
    click_index(qtbot, screen.names, screen.names.indexFromItem(items[0]))


def names_listed(screen) -> list[str]:
    return [screen.names.item(row).text() for row in range(screen.names.count())]


def tap(qtbot, pad, digits: str, ok: bool = True) -> None:
    """The PIN on the on-screen pad, then its OK key."""
    for digit in digits:
        click(qtbot, pad.digit_keys[digit])
    if ok:
        click(qtbot, pad.ok_key)


def sign_in(qtbot, window, name: str, pin: str) -> None:
    screen = screen_of(window)
    choose_name(qtbot, screen, name)
    tap(qtbot, screen.pad, pin)
    assert not window.staff.locked, screen.message.text()


def signed_in_label(window) -> str:
    label = window.staff.status_label
    return label.full_text() if label.isVisible() else ""


def outbox(shop_dir, event_type: str) -> list[tuple]:
    with sqlite3.connect(shop_dir / "shop.sqlite3") as db:
        return db.execute(
            "SELECT staff_id, approved_by FROM outbox WHERE event_type = ? ORDER BY position", (event_type,)
        ).fetchall()


# -- a shop with staff, set up by its owner before the window opens ----------------------------------
class Staff:
    def __init__(self, shop):
        self.alice = shop.dispatch(AddStaff("Alice Owner", "owner", "1234"))
        shop.sign_in(self.alice, "1234")
        self.bob = shop.dispatch(AddStaff("Bob Cashier", "cashier", "4321"))
        self.carol = shop.dispatch(AddStaff("Carol Manager", "manager", "5678"))
        shop.sign_out()


@pytest.fixture
def staff(shop, catalog):
    return Staff(shop)


def staff_window(qtbot, shop, **kwargs) -> MainWindow:
    window = MainWindow(shop, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window_with_staff(qtbot, shop, staff):
    window = staff_window(qtbot, shop)
    yield window
    window.close()


# -- the tests --------------------------------------------------------------------------------------
def test_the_first_owner_then_a_cashier_who_signs_in_with_the_pad(qtbot, window, shop):
    assert not window.staff.locked and not signed_in_label(window)
    staff = open_staff(qtbot, window)
    assert "No staff yet" in staff.note.text() and staff.add_button.text() == "&Add the owner..."
    assert not staff.idle_spin.isVisible()  # nobody to sign out yet

    click(qtbot, staff.add_button)
    first = open_dialog(window, "staffMemberDialog")
    assert first.first_note.isVisible() and "first staff member is the shop's owner" in first.first_note.text()
    assert first.role() == "owner"
    assert not first.ok_button.isEnabled()
    fill_staff_member(qtbot, first, "Alice Owner", pin="12", again="12")
    assert first.pin_error.text() == "A PIN is 4 to 8 digits." and not first.ok_button.isEnabled()
    fill_staff_member(qtbot, first, pin="1234", again="1243")
    assert first.pin_error.text() == "The two PINs are not the same."
    fill_staff_member(qtbot, first, again="1234")
    assert first.pin_edit.echoMode() == first.pin_edit.EchoMode.Password
    # The core's rule in its words, and nothing changes.
    fill_staff_member(qtbot, first, role="cashier")
    click(qtbot, first.ok_button)
    assert first.message.text() == "The first staff member must be an owner, who can then add everyone else."
    assert first.isVisible() and shop.ask(GetStaff()) == () and not window.staff.locked

    fill_staff_member(qtbot, first, role="owner")
    click(qtbot, first.ok_button)
    assert not first.isVisible()
    # The shop has staff now: nobody may go on without signing in.
    qtbot.waitUntil(lambda: window.staff.locked)
    screen = screen_of(window)
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]  # every dialog closes
    assert not window.tabs.isVisible()
    assert "Alice Owner is the shop's owner now" in screen.note.text()
    assert screen.chosen_name() == "Alice Owner"
    assert not window.import_action.isEnabled() and not window.till.open_action.isEnabled()

    # The keyboard: the PIN then Enter.
    activate(qtbot, window)  # (offscreen, closing a dialog does not activate the window)
    assert screen.pin_edit.hasFocus()
    qtbot.keyClicks(screen.pin_edit, "1234")
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert not window.staff.locked and window.tabs.isVisible()
    assert signed_in_label(window) == "Alice Owner (owner)"
    assert window.statusBar().currentMessage() == "Signed in as Alice Owner (owner)."

    staff = open_staff(qtbot, window)
    assert "Everyone signs in with their PIN" in staff.note.text()
    click(qtbot, staff.add_button)
    second = open_dialog(window, "staffMemberDialog")
    assert not second.first_note.isVisible() and second.role() == "cashier"
    assert "Sells, takes payments" in second.role_hint.text()
    fill_staff_member(qtbot, second, "Bob Cashier", pin="4321", again="4321")
    click(qtbot, second.ok_button)
    assert not second.isVisible()
    assert window.statusBar().currentMessage() == "Bob Cashier added as cashier."
    model = staff.model
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert rows == [["Alice Owner", "Owner", "yes"], ["Bob Cashier", "Cashier", "yes"]]
    assert staff.table.currentIndex().row() == 1  # the one just added
    staff.reject()

    # Switch user (Ctrl+L): someone else takes the till.
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    screen = screen_of(window)
    assert screen.chosen_id() is None and not signed_in_label(window)
    assert names_listed(screen) == ["Alice Owner", "Bob Cashier"]
    choose_name(qtbot, screen, "Bob Cashier")
    assert screen.pin_edit.hasFocus()
    tap(qtbot, screen.pad, "9999")
    assert screen.message.text() == WRONG_PIN
    assert screen.pin_edit.text() == ""  # never left on screen
    assert window.staff.locked
    tap(qtbot, screen.pad, "432", ok=False)
    click(qtbot, screen.pad.clear_key)
    assert screen.pin_edit.text() == ""
    tap(qtbot, screen.pad, "4321")
    assert not window.staff.locked
    assert signed_in_label(window) == "Bob Cashier (cashier)"


def test_keyboard_only_sign_in_and_sign_out(qtbot, window_with_staff, shop, staff):
    window = window_with_staff
    screen = screen_of(window)
    assert names_listed(screen) == ["Alice Owner", "Bob Cashier", "Carol Manager"]
    assert screen.names.hasFocus() and screen.chosen_id() is None
    # Ctrl+F and the menus wait for someone to sign in.
    qtbot.keyClick(screen.names, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert not window.catalog.search.hasFocus()
    # Digits before a name: the screen says to choose one first.
    qtbot.keyClick(screen.names, Qt.Key.Key_Return)
    qtbot.keyClicks(screen.pin_edit, "5678")
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert screen.message.text() == "Choose your name first." and screen.names.hasFocus()
    qtbot.keyClick(screen.names, Qt.Key.Key_Down)
    qtbot.keyClick(screen.names, Qt.Key.Key_Down)
    qtbot.keyClick(screen.names, Qt.Key.Key_Down)
    assert screen.chosen_name() == "Carol Manager"
    qtbot.keyClicks(screen.names, "5678")  # typed straight after the arrows: into the PIN
    assert screen.pin_edit.hasFocus() and len(screen.pin_edit.text()) == 4
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert signed_in_label(window) == "Carol Manager (manager)"
    assert window.import_action.isEnabled()

    file_menu(qtbot, window, Qt.Key.Key_O, "signOut")
    screen = screen_of(window)
    assert screen.note.text() == "Carol Manager signed out."
    assert shop.signed_in is None


def test_a_cashiers_cancel_is_approved_by_a_managers_pin(qtbot, window_with_staff, shop, staff, tmp_path):
    window = window_with_staff
    sign_in(qtbot, window, "Bob Cashier", "4321")
    order_id = place_order(qtbot, window, ("Hand Trowel", 2))  # a cashier may sell
    window.tabs.setCurrentWidget(window.orders)
    window.orders.select_order(order_id)
    click(qtbot, window.orders.cancel_button)
    cancel = open_dialog(window, "cancelOrderDialog")
    click(qtbot, cancel.ok_button)

    approval = open_dialog(window, "approvalDialog")
    assert approval.refusal.text() == CANCEL_NEEDS_A_MANAGER
    combo = approval.approver_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Alice Owner (owner)", "Carol Manager (manager)"]
    combo.setCurrentIndex(combo.findText("Carol Manager (manager)"))
    assert combo.currentData() == staff.carol
    tap(qtbot, approval.pad, "1111")
    assert approval.message.text() == WRONG_PIN and approval.isVisible()
    assert shop.ask(GetOrder(order_id)).status == "placed"  # nothing changed
    tap(qtbot, approval.pad, "5678")

    assert not approval.isVisible() and not cancel.isVisible()
    assert shop.ask(GetOrder(order_id)).status == "cancelled"
    assert window.orders.action_message.text().startswith(f"Order {order_id} cancelled")
    assert signed_in_label(window) == "Bob Cashier (cashier)"  # Carol approved one action only
    assert outbox(tmp_path / "shop", "OrderCancelled") == [(staff.bob, staff.carol)]
    assert outbox(tmp_path / "shop", "OrderPlaced")[-1] == (staff.bob, None)
    # The order's history says who cancelled it and who approved it.
    history = window.orders.history_model
    last = history.index(history.rowCount() - 1, history.BY)
    assert history.data(last) == "Bob Cashier, approved by Carol Manager"


def test_declining_the_approval_changes_nothing(qtbot, window_with_staff, shop, staff, catalog):
    window = window_with_staff
    sign_in(qtbot, window, "Bob Cashier", "4321")
    window.catalog.select_product(catalog.trowel)
    window.catalog.product_actions.toggle_archived()
    approval = open_dialog(window, "approvalDialog")
    assert approval.refusal.text() == "Archiving a product needs a manager: ask one to approve it."
    click(qtbot, approval.cancel_button)
    assert not approval.isVisible()
    notice = open_dialog(window, "productRefusal")
    assert notice.text() == "Archiving a product needs a manager: ask one to approve it."
    notice.close()
    assert shop.ask(GetProduct(catalog.trowel)).active


def test_a_manager_may_only_ask_an_owner(qtbot, window_with_staff, shop, staff, tmp_path):
    window = window_with_staff
    sign_in(qtbot, window, "Carol Manager", "5678")
    dialog = open_staff(qtbot, window)
    click(qtbot, dialog.add_button)
    member = open_dialog(window, "staffMemberDialog")
    fill_staff_member(qtbot, member, "Dan Owner", "owner", "2468", "2468")
    click(qtbot, member.ok_button)
    approval = open_dialog(window, "approvalDialog")
    assert approval.refusal.text() == "Only an owner can add an owner."
    combo = approval.approver_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Alice Owner (owner)"]
    qtbot.keyClicks(approval.pin_edit, "1234")
    qtbot.keyClick(approval.pin_edit, Qt.Key.Key_Return)  # the keyboard approves too
    assert not approval.isVisible() and not member.isVisible()
    dan = next(s for s in shop.ask(GetStaff()) if s.name == "Dan Owner")
    assert dan.role == "owner"
    assert outbox(tmp_path / "shop", "StaffAdded")[-1] == (staff.carol, staff.alice)


def test_five_wrong_pins_pause_sign_in(qtbot, window_with_staff, staff):
    window = window_with_staff
    screen = screen_of(window)
    choose_name(qtbot, screen, "Bob Cashier")
    for _ in range(4):
        tap(qtbot, screen.pad, "0000")
    assert screen.message.text() == "That PIN is not right: 1 more try before sign-in pauses."
    tap(qtbot, screen.pad, "0000")
    assert screen.message.text() == "Too many wrong PINs at this till: try again in 30 seconds."
    assert not screen.pad.isEnabled() and not screen.pin_edit.isEnabled()
    assert window.staff.locked


def test_idle_sign_out_after_the_minutes_set_on_this_computer(qtbot, shop, staff):
    window = staff_window(qtbot, shop, idle_minute_ms=200)  # a "minute" of 0.2 s
    try:
        sign_in(qtbot, window, "Alice Owner", "1234")
        dialog = open_staff(qtbot, window)
        spin = dialog.idle_spin
        assert spin.isVisible() and spin.isEnabled() and spin.value() == 10  # the default
        type_into(qtbot, spin, "1")
        assert local_settings.idle_sign_out_minutes() == 1  # kept on this computer
        dialog.reject()
        qtbot.waitUntil(lambda: window.staff.locked, timeout=5000)
        screen = screen_of(window)
        assert screen.note.text() == "Alice Owner was signed out after 1 minute without use."
        assert screen.chosen_name() == "Alice Owner"  # most likely back in a moment
        assert not window.staff.idle.running  # nobody to sign out

        # 0: never.
        sign_in(qtbot, window, "Bob Cashier", "4321")
        dialog = open_staff(qtbot, window)
        assert not dialog.idle_spin.isEnabled()  # a cashier does not change it
        dialog.reject()
        assert window.staff.idle.running
        local_settings.set_idle_sign_out_minutes(0)
        window.staff.idle_minutes_changed(0)
        assert not window.staff.idle.running
    finally:
        window.close()
    assert not window.staff.idle.running


def test_another_till_renames_and_deactivates_whoever_is_signed_in(qtbot, window_with_staff, shop, staff, tmp_path):
    window = window_with_staff
    sign_in(qtbot, window, "Bob Cashier", "4321")
    other = open_shop(tmp_path / "shop", till="Till 2")
    try:
        other.sign_in(staff.alice, "1234")
        other.dispatch(UpdateStaff(staff.bob, "Robert Cashier", "cashier", True))
        window.bridge.sync()
        qtbot.waitUntil(lambda: signed_in_label(window) == "Robert Cashier (cashier)")
        other.dispatch(UpdateStaff(staff.bob, "Robert Cashier", "cashier", False))
    finally:
        other.close()
    window.bridge.sync()
    qtbot.waitUntil(lambda: window.staff.locked)
    screen = screen_of(window)
    assert screen.note.text() == "Robert Cashier can no longer sign in."
    assert names_listed(screen) == ["Alice Owner", "Carol Manager"]


def test_a_long_name_is_cut_short_in_the_status_bar(qtbot, window_with_staff, shop, staff):
    window = window_with_staff
    long_name = "Bartholomew " * 15 + "Cashier"
    shop.sign_in(staff.alice, "1234")
    shop.dispatch(UpdateStaff(staff.bob, long_name.strip(), "cashier", True))
    shop.sign_out()
    window.bridge.sync()
    qtbot.waitUntil(lambda: long_name.strip() in names_listed(window.staff.screen))
    sign_in(qtbot, window, long_name.strip(), "4321")
    label = window.staff.status_label
    assert label.full_text() == f"{long_name.strip()} (cashier)"
    assert label.text().endswith("…") and label.width() <= 320
    assert label.toolTip() == label.full_text()


def test_a_shop_without_staff_never_signs_in(qtbot, window, shop):
    assert not window.staff.locked and window.tabs.isVisible()
    assert not signed_in_label(window)
    assert not window.staff.switch_action.isEnabled() and not window.staff.sign_out_action.isEnabled()
    assert not window.staff.idle.running
    assert window.import_action.isEnabled()


def test_a_pin_never_reaches_the_log(qtbot, window, shop, monkeypatch, caplog):
    """A bug in a handler is logged with the command: never its PIN."""

    def broken(command, approved_by=None):
        raise RuntimeError("a bug")

    monkeypatch.setattr(shop, "dispatch", broken)
    staff = open_staff(qtbot, window)
    click(qtbot, staff.add_button)
    dialog = open_dialog(window, "staffMemberDialog")
    fill_staff_member(qtbot, dialog, "Alice Owner", pin="86420", again="86420")
    click(qtbot, dialog.ok_button)
    assert dialog.message.text().startswith("Something went wrong and nothing was changed.")
    assert "AddStaff(name='Alice Owner', role='owner', pin='<hidden>')" in caplog.text
    assert "86420" not in caplog.text
