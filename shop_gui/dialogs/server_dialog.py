"""File > Connect to a shared shop... and Move this shop to a shared
server...: the server (its name, port, database, user and password, or one
whole address), and a connection test run off the GUI thread (a server that
is down makes the test wait up to ten seconds; the window never does). The
dialog closes only once the test worked; the caller then connects, or moves."""

import threading

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from core.errors import ShopError
from core.shared_server import ServerLook, address_of, look_at_server, server_name, with_password
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.formatting import count_of
from shop_gui.style import ERROR_STYLE
from shop_gui.texts import describe, fill

DEFAULT_PORT = 5432


class ServerDialog(ShopDialog):
    """Accepted once the connection test worked: ``url`` (its password
    included, for the caller to keep in the keyring) and ``look`` (what the
    server holds). ``moving``: the Move dialog, which wants an empty database.

    Signals: tested(bool): a connection test is over (True: it worked)."""

    fits_messages = True
    tested = Signal(bool)
    _answer = Signal(object, str, str)  # from the test's thread: (ServerLook | None, the url, a problem's sentence)

    def __init__(self, address: str | None, keyring_available: bool, *, moving: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("moveToServerDialog" if moving else "connectServerDialog")
        self.setWindowTitle(
            self.tr("Move this shop to a shared server") if moving else self.tr("Connect to a shared shop")
        )
        self.moving = moving
        self.url: str | None = None
        self.look: ServerLook | None = None
        self._thread: threading.Thread | None = None
        self._answer.connect(self._answered, Qt.ConnectionType.QueuedConnection)

        intro = QLabel(
            self.tr(
                "Copies this shop into an empty database on the shop's server, checks the copy, then this till "
                "uses the shop there. The shop's file on this computer is left as it was. Close the shop at "
                "every other till first."
            )
            if moving
            else self.tr(
                "Every till connected to the same server sells from one shop. This till keeps its own lists "
                "and catches up from the server."
            )
        )
        intro.setWordWrap(True)
        self.host = QLineEdit(objectName="serverHost")
        self.host.setPlaceholderText(self.tr("The server's name or address"))
        self.port = QSpinBox(objectName="serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit("shop", objectName="serverDatabase")
        self.user = QLineEdit(objectName="serverUser")
        self.password = QLineEdit(objectName="serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.address = QLineEdit(address or "", objectName="serverAddress")
        self.address.setPlaceholderText("postgresql+psycopg://user@server:5432/shop")
        self.keyring_note = QLabel(objectName="keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setText(
            self.tr("The password is kept in this computer's keyring, never in a file.")
            if keyring_available
            else self.tr(
                "This computer has no keyring to keep the password (no Secret Service here), so Shop Manager "
                "asks for it at each start; it is never written to a file."
            )
        )
        self.outcome = QLabel(objectName="serverOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.hide()

        form = QFormLayout()
        for text, field in (
            (self.tr("&Server:"), self.host),
            (self.tr("P&ort:"), self.port),
            (self.tr("&Database:"), self.database),
            (self.tr("&User:"), self.user),
            (self.tr("Pass&word:"), self.password),
            (self.tr("Or an &address:"), self.address),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = buttons.addButton(
            self.tr("&Move the shop") if moving else self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.go.setObjectName("serverGoButton")
        self.go.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        # Room for a whole address (postgresql+psycopg://user@server:5432/shop) in sight.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 70)

    # -- the address typed ----------------------------------------------------------------
    def chosen_url(self) -> str:
        """The address from the fields (a whole address wins over the parts;
        the password field goes into either). Raises ShopError when it is
        not an address."""
        whole = self.address.text().strip()
        password = self.password.text()
        if whole:
            return with_password(whole, password) if password else whole
        if not self.host.text().strip() or not self.database.text().strip():
            raise ShopError(self.tr("Give the server's name and the database, or a whole address."))
        return address_of(self.host.text(), self.port.value(), self.database.text(), self.user.text(), password)

    # -- the test ----------------------------------------------------------------------------
    def accept(self) -> None:
        """Test the connection (off the GUI thread); the dialog closes once it worked."""
        if self._thread is not None:
            return
        try:
            url = self.chosen_url()
            name = server_name(url)  # (refuses what is no PostgreSQL address)
        except ShopError as exc:
            self._show(describe(exc), problem=True)
            return
        self.go.setEnabled(False)
        self._show(fill(self.tr("Connecting to %1…"), name), problem=False)
        self._thread = threading.Thread(target=self._test, args=(url,), name="server-test", daemon=True)
        self._thread.start()

    def _test(self, url: str) -> None:
        try:
            look, problem = look_at_server(url), ""
        except ShopError as exc:
            look, problem = None, describe(exc)  # translate() is thread-safe
        except Exception as exc:  # a bug or a driver's surprise: said, never a traceback in the window
            look, problem = None, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        try:
            self._answer.emit(look, url, problem)
        except RuntimeError:
            pass  # the dialog was closed meanwhile

    def _answered(self, look: ServerLook | None, url: str, problem: str) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.go.setEnabled(True)
        if look is None:
            self._show(problem, problem=True)
            self.tested.emit(False)
            return
        if self.moving and look.holds_shop:
            self._show(
                fill(
                    self.tr(
                        "The database %1 already holds a shop (%2, %3): a shop moves only into an empty database. "
                        "Create a new one, or connect this till to that shop instead."
                    ),
                    server_name(url),
                    count_of(look.products, "product"),
                    count_of(look.orders, "order"),
                ),
                problem=True,
            )
            self.tested.emit(False)
            return
        self.url, self.look = url, look
        self.tested.emit(True)
        super().accept()

    def _show(self, text: str, *, problem: bool) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet(ERROR_STYLE if problem else "")
        self.outcome.show()
        self.fit_height()

    def done(self, result: int) -> None:
        super().done(result)
        if self._thread is not None:  # closed while testing: the answer is dropped
            self._answer.disconnect(self._answered)
