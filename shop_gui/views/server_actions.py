"""File > Connect to a shared shop..., Move this shop to a shared server...
and Use this computer's own shop: which database this till's window shows.

Connecting (or going back) closes the shop, opens the other one and hands
it to the bridge, as a restore does; the server's address (never its
password) is kept in the till's folder for the next start, the password in
the system's keyring (shop_gui/server_password.py). A move runs in a thread
of its own while a busy box waits; the window's shop stays open meanwhile,
and is swapped for the server's once the copy is checked.
"""

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from core import open_shop
from core.domain.permissions import may
from core.errors import DatabaseBusy, ShopError
from core.shared_server import (
    forget_server,
    move_shop,
    password_of,
    remember_server,
    saved_server,
    server_name,
    without_password,
)
from shop_gui import server_password
from shop_gui.bridge import UNEXPECTED
from shop_gui.dialogs.server_dialog import ServerDialog
from shop_gui.formatting import count_of
from shop_gui.texts import describe, fill, word
from shop_gui.views.message_boxes import confirm_action, show_notice

log = logging.getLogger(__name__)

CHANGE_SERVER = "ChangeShopServer"  # not a command: no permission names it, so it needs a manager
NEEDS_MANAGER = QT_TRANSLATE_NOOP("words", "Changing which shop this till uses needs a manager or an owner signed in.")
BUSY_TIMEOUT_MS = 500  # as the app opens the shop (app.GUI_BUSY_TIMEOUT_MS, OPEN_RETRIES)
OPEN_RETRIES = 20


class ServerActions(QObject):
    """Signals:
    message(str): something to tell the person (status bar).
    switched(object): the window shows another shop now (the address it was opened with; None: its own).
    moveFinished(bool): a move is over (True: moved, and the window shows the server's shop).
    """

    message = Signal(str)
    switched = Signal(object)
    moveFinished = Signal(bool)
    _moved = Signal(object, str)  # from the move's thread: (Moved | None, a failure's sentence)

    def __init__(self, bridge, window):
        super().__init__(window)
        self._bridge, self._window = bridge, window
        self._url: str | None = None  # what the shop was opened with (None: the folder's own)
        self._thread: threading.Thread | None = None
        self._busy: QProgressDialog | None = None
        self._moved.connect(self._move_finished, Qt.ConnectionType.QueuedConnection)
        self.connect_action = QAction(self.tr("Co&nnect to a shared shop..."), self, objectName="connectServerAction")
        self.connect_action.setStatusTip(self.tr("Sell from one shop kept on a server, with the other tills"))
        self.connect_action.triggered.connect(self.connect_to_server)
        self.move_action = QAction(
            self.tr("Mo&ve this shop to a shared server..."), self, objectName="moveServerAction"
        )
        self.move_action.setStatusTip(self.tr("Copy this shop into an empty database on a server, then use it there"))
        self.move_action.triggered.connect(self.move_to_server)
        self.own_action = QAction(self.tr("Use this computer's own s&hop"), self, objectName="ownShopAction")
        self.own_action.setStatusTip(self.tr("Leave the shared server: open the shop kept in this computer's folder"))
        self.own_action.triggered.connect(self.use_own_shop)
        bridge.signedInChanged.connect(lambda _person: self._update_actions())
        self._update_actions()

    def add_to(self, menu) -> None:
        menu.addActions([self.connect_action, self.move_action, self.own_action])

    @property
    def data_dir(self) -> Path:
        return self._bridge.shop.data_dir

    @property
    def on_server(self) -> bool:
        return self._url is not None

    def opened_with(self, url: str | None) -> None:
        """The app opened the shop with ``url`` (None: the folder's own)."""
        self._url = url
        self._update_actions()

    def _allowed(self) -> bool:
        person = self._bridge.signed_in
        return person is None or may(person.role, CHANGE_SERVER)

    def _update_actions(self) -> None:
        allowed = self._allowed()
        self.connect_action.setEnabled(allowed)
        self.move_action.setEnabled(allowed and not self.on_server)
        self.own_action.setEnabled(allowed and self.on_server)
        for action in (self.connect_action, self.move_action, self.own_action):
            action.setToolTip(action.statusTip() if allowed else word(NEEDS_MANAGER))

    # -- connecting ------------------------------------------------------------------------------
    def _dialog(self, moving: bool) -> ServerDialog | None:
        if not self._allowed():
            self.tell(word(NEEDS_MANAGER))
            return None
        address = saved_server(self.data_dir) if not moving else None
        dialog = ServerDialog(address, server_password.keyring_available(), moving=moving, parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def connect_to_server(self) -> ServerDialog | None:
        dialog = self._dialog(moving=False)
        if dialog is not None:
            dialog.accepted.connect(lambda: self.switch_to(dialog.url))
        return dialog

    def switch_to(self, url: str | None) -> bool:
        """Close this till's shop and open the one at ``url`` (None: the
        folder's own); a refusal reopens the one it had, and says why."""
        data_dir, old, before = self.data_dir, self._bridge.shop, self._url
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        problem = None
        try:
            old.close()
            try:
                if url is None:
                    forget_server(data_dir)
                shop = self._open(data_dir, old.till, url)
            except ShopError as exc:
                problem = describe(exc)
                if url is None and before is not None:
                    remember_server(data_dir, before)
                shop = self._open(data_dir, old.till, before)
                url = before
            else:
                if url is not None:
                    remember_server(data_dir, url)
                    self._keep_password(url)
                elif before is not None:
                    server_password.forget_password(without_password(before))
            self._bridge.replace_shop(shop)
            self.opened_with(url)
        finally:
            QApplication.restoreOverrideCursor()
        if problem is not None:
            self.tell(problem)
            return False
        self.message.emit(
            fill(self.tr("This till now uses the shop on %1."), server_name(url))
            if url is not None
            else self.tr("This till now uses this computer's own shop.")
        )
        self.switched.emit(url)
        return True

    def _keep_password(self, url: str) -> None:
        password = password_of(url)
        if password is not None and not server_password.save_password(without_password(url), password):
            self.message.emit(
                self.tr("This computer has no keyring: Shop Manager asks for the server's password at each start.")
            )

    @staticmethod
    def _open(data_dir: Path, till: str, url: str | None):
        for attempt in range(OPEN_RETRIES + 1):
            try:
                return open_shop(data_dir, till=till, busy_timeout_ms=BUSY_TIMEOUT_MS, database_url=url)
            except DatabaseBusy:
                if attempt == OPEN_RETRIES:
                    raise
                time.sleep(0.25)
        raise AssertionError("unreachable")

    def use_own_shop(self) -> bool:
        """Back to the shop kept in this computer's folder (as it was when
        this till last used it), after asking."""
        if not self._allowed():
            self.tell(word(NEEDS_MANAGER))
            return False
        if not self.confirm_own_shop():
            return False
        return self.switch_to(None)

    def confirm_own_shop(self) -> bool:  # a test replaces it
        return confirm_action(
            self._window,
            self.tr("Use this computer's own shop"),
            self.tr(
                "Leave the shared server and open the shop kept in this computer's folder? It is as it was when "
                "this till last used it (before a move: without anything sold since at any till)."
            ),
            self.tr("&Use this computer's shop"),
            self.tr("&Stay on the server"),
        )

    # -- moving ---------------------------------------------------------------------------------
    def move_to_server(self) -> ServerDialog | None:
        dialog = self._dialog(moving=True)
        if dialog is not None:
            dialog.accepted.connect(lambda: self.start_move(dialog.url))
        return dialog

    def is_moving(self) -> bool:
        return self._thread is not None

    def start_move(self, url: str) -> None:
        if self.is_moving():
            return
        self._busy = QProgressDialog(fill(self.tr("Moving the shop to %1…"), server_name(url)), "", 0, 0, self._window)
        self._busy.setObjectName("movingShop")
        self._busy.setCancelButton(None)  # half a move is never left: it commits whole or not at all
        self._busy.setWindowModality(Qt.WindowModality.WindowModal)
        self._busy.setMinimumDuration(0)
        self._busy.show()
        self._thread = threading.Thread(target=self._move, args=(self.data_dir, url), name="move", daemon=True)
        self._thread.start()

    def _move(self, data_dir: Path, url: str) -> None:
        try:
            self._moved.emit((move_shop(data_dir, url), url), "")
        except ShopError as exc:
            self._moved.emit(None, describe(exc))
        except Exception:  # a bug: logged, and said in words
            log.exception("Moving the shop to a server failed unexpectedly")
            self._moved.emit(None, word(UNEXPECTED))

    def _move_finished(self, done, problem: str) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._busy is not None:
            self._busy.close()
            self._busy.deleteLater()
            self._busy = None
        if done is None:
            self.tell(fill(self.tr("The shop was not moved. %1"), problem))
            self.moveFinished.emit(False)
            return
        moved, url = done
        switched = self.switch_to(url)
        if switched:
            t = moved.totals
            self.tell(
                fill(
                    self.tr(
                        "Moved %1, %2 and %3 to %4; the counts, money, stock and journal agree. This till uses "
                        "the shop there now: connect every other till with File > Connect to a shared shop."
                    ),
                    count_of(t.orders, "order"),
                    count_of(t.products, "product"),
                    count_of(t.events, "event"),
                    server_name(url),
                ),
                icon=QMessageBox.Icon.Information,
            )
        self.moveFinished.emit(switched)

    def shutdown(self) -> None:
        """The window closes: a move under way finishes first."""
        if self._thread is not None:
            self._thread.join()

    def tell(self, text: str, icon=QMessageBox.Icon.Warning) -> None:
        self.message.emit(text)
        show_notice(self._window, self.tr("Shared shop"), text, "serverNotice", icon)
