"""File > Staff..., Switch user and Sign out, who is signed in (the
status bar), the sign-in screen, and signing an idle person out.

The window is locked (it shows the sign-in screen instead of its tabs)
whenever the shop has active staff and nobody is signed in at this till: at
start-up, after signing out, after the first owner is added, after another
till deactivates whoever was signed in here. A shop without staff is never
locked and never watched for idleness: it works as it always did."""

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from core.errors import ShopError
from core.queries import GetStaff
from shop_gui import local_settings
from shop_gui.dialogs.command_dialog import open_dialog
from shop_gui.dialogs.staff_dialog import StaffDialog
from shop_gui.formatting import count_of
from shop_gui.idle import IdleWatch
from shop_gui.texts import fill
from shop_gui.views.elided_label import ElidedLabel
from shop_gui.views.sign_in_screen import SignInScreen, role_name

MINUTE_MS = 60_000


def minutes_text(minutes: int) -> str:
    return count_of(minutes, "minute")


class StaffActions(QObject):
    """``window`` parents the dialogs. ``minute_ms``: how long a minute of
    the idle sign-out setting lasts (a test makes it short).

    Signals:
        message(str): something to tell the person (status bar).
        lockedChanged(bool): the window must show the sign-in screen (True)
            or may show its tabs again (False).
    """

    message = Signal(str)
    lockedChanged = Signal(bool)

    def __init__(self, bridge, window, *, minute_ms: int = MINUTE_MS):
        super().__init__(window)
        self._bridge = bridge
        self._window = window
        self._minute_ms = minute_ms
        self.locked = False
        self._busy = False  # an import is running: it sends commands as whoever is signed in
        self._had_staff: bool | None = None
        self._next_choice: int | None = None  # who the sign-in screen chooses next time
        self._next_note = ""
        self.staff_action = self._action(
            self.tr("S&taff..."), "staff", self.open_staff, self.tr("Add staff, change roles and PINs")
        )
        self.switch_action = self._action(
            self.tr("S&witch user"), "switchUser", self.switch_user, self.tr("Sign out and let someone else sign in")
        )
        self.switch_action.setShortcut(QKeySequence("Ctrl+L"))
        self.sign_out_action = self._action(
            self.tr("Sign &out"), "signOut", self.sign_out, self.tr("Nobody stays signed in here")
        )
        self.screen = SignInScreen(bridge)
        self.status_label = ElidedLabel(name="signedInLabel")
        self.status_label.setMaximumWidth(320)
        self.status_label.hide()
        self.idle = IdleWatch(self)
        self.idle.idle.connect(self._idle)
        self._later = QTimer(self)  # after the command that changed things is wholly over
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.update)
        self.screen.signedIn.connect(self._signed_in)
        bridge.signedInChanged.connect(lambda _person: self._later.start())
        bridge.readModelChanged.connect(self._read_model_changed)
        self.update()

    def _action(self, text, name, slot, tip) -> QAction:
        action = QAction(text, self, objectName=f"{name}Action", toolTip=tip, statusTip=tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def add_to(self, menu: QMenu) -> None:
        """Staff..., then Switch user and Sign out, at the end of ``menu`` (File:
        every top-level letter is taken by the tabs and menus already)."""
        menu.addAction(self.staff_action)
        menu.addSeparator()
        menu.addActions([self.switch_action, self.sign_out_action])

    # -- what is shown and allowed -------------------------------------------------------------------
    def _read_model_changed(self, changes) -> None:
        if changes.staff or changes.rebuilt or changes.settings:
            self._later.start()

    def update(self) -> None:
        """Lock or unlock, say who is signed in, watch for idleness."""
        try:
            staff = self._bridge.ask(GetStaff())
        except ShopError:
            return
        active = {person.id: person for person in staff if person.active}
        person = self._bridge.signed_in
        if person is not None and person.id not in active:  # deactivated (here or at another till)
            self._next_note = fill(self.tr("%1 can no longer sign in."), person.name)
            self._bridge.sign_out()  # (signedInChanged: updated again, to no effect)
            person = None
        if self._had_staff is False and len(active) == 1:
            first = next(iter(active.values()))
            self._next_choice = first.id
            self._next_note = fill(
                self.tr(
                    "%1 is the shop's owner now. From now on everyone signs in to use "
                    "Shop Manager: sign in with the PIN just chosen, then add the others in File > Staff..."
                ),
                first.name,
            )
        self._had_staff = bool(staff)
        self._show_person(person)
        self.switch_action.setEnabled(person is not None and not self._busy)
        self.sign_out_action.setEnabled(person is not None and not self._busy)
        self._watch_idleness(person)
        locked = bool(active) and person is None
        if locked and not self.locked:
            self.screen.prepare(self._next_choice, self._next_note)
        elif locked:
            self.screen.reload()  # a name changed, someone can no longer sign in
        self._next_choice, self._next_note = None, ""
        if locked != self.locked:
            self.locked = locked
            self.lockedChanged.emit(locked)

    def _show_person(self, person) -> None:
        if person is None:
            self.status_label.hide()
            return
        role = role_name(person.role).lower()
        self.status_label.set_full_text(f"{person.name} ({role})")
        self.status_label.setToolTip(
            fill(self.tr("Signed in at %1: %2, %3"), self._bridge.shop.till, person.name, role)
        )
        self.status_label.show()

    def _watch_idleness(self, person) -> None:
        minutes = local_settings.idle_sign_out_minutes()
        if person is None or not minutes or self._busy:
            self.idle.stop()
        elif not self.idle.running:
            self.idle.start(minutes * self._minute_ms)

    def set_busy(self, busy: bool) -> None:
        """An import is running (or over): no sign-out meanwhile, idle or not,
        since its batches are sent as whoever is signed in."""
        self._busy = busy
        self.update()

    def idle_minutes_changed(self, _minutes: int) -> None:
        self.idle.stop()
        self.update()

    # -- the actions -----------------------------------------------------------------------------
    def open_staff(self) -> StaffDialog:
        dialog = StaffDialog(self._bridge, self._window)
        dialog.message.connect(self.message)
        dialog.idleMinutesChanged.connect(self.idle_minutes_changed)
        return open_dialog(dialog)

    def switch_user(self) -> None:
        """Ctrl+L: someone else takes the till (nobody chosen on the screen)."""
        self._bridge.sign_out()
        self.update()

    def sign_out(self) -> None:
        person = self._bridge.signed_in
        self._bridge.sign_out()
        if person is not None:
            self._next_note = fill(self.tr("%1 signed out."), person.name)
        self.update()

    def _idle(self) -> None:
        person = self._bridge.signed_in
        if person is None or self._busy:
            return
        minutes = local_settings.idle_sign_out_minutes()
        self._bridge.sign_out()
        self._next_choice = person.id  # most likely back in a moment
        self._next_note = fill(self.tr("%1 was signed out after %2 without use."), person.name, minutes_text(minutes))
        self.update()

    def _signed_in(self, person) -> None:
        self.update()
        self.message.emit(fill(self.tr("Signed in as %1 (%2)."), person.name, role_name(person.role).lower()))
