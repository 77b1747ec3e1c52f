"""The sign-in screen the window shows instead of its tabs while the shop
has staff and nobody is signed in at this till: pick your name, then type
your PIN (on the keyboard or the on-screen pad).

A wrong PIN is answered with the core's sentence (how many tries are left
before sign-in pauses at this till); a pause with the seconds it lasts.
The PIN field is masked and cleared as soon as it is sent; the PIN is never
shown, kept or logged."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.errors import ShopError, SignInPaused
from core.queries import GetShopSettings, GetStaff
from shop_gui.dialogs.command_dialog import field_message, show_message
from shop_gui.style import STRONG_ERROR_STYLE, bold
from shop_gui.texts import describe, fill, word
from shop_gui.views.elided_label import ElidedLabel
from shop_gui.views.pin_pad import PinPad, complete_pin, pin_edit

NAME_FIRST = QT_TRANSLATE_NOOP("words", "Choose your name first.")
PIN_LENGTH = QT_TRANSLATE_NOOP("words", "A PIN is 4 to 8 digits.")
_STAFF_ID = Qt.ItemDataRole.UserRole


def role_name(role: str) -> str:
    """A role as people read it: "cashier" is Cashier."""
    return word(role.capitalize())


class SignInScreen(QWidget):
    """Signals:
    signedIn(SignedIn): the PIN was right; that person is signed in at this till.
    """

    signedIn = Signal(object)

    def __init__(self, bridge, parent=None):
        super().__init__(parent, objectName="signInScreen")
        self._bridge = bridge
        self.title = QLabel(self.tr("Sign in"), objectName="signInTitle")
        bold(self.title, 1.6)
        self.shop_label = ElidedLabel(name="signInShop")
        self.note = QLabel(objectName="signInNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()

        self.names = QListWidget(objectName="signInNames")
        self.names.setAccessibleName(self.tr("Staff"))
        self.names.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.names.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.names.setUniformItemSizes(True)
        self.names.setMinimumSize(240, 260)
        font = self.names.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.names.setFont(font)
        self.names.setStyleSheet("QListWidget::item { padding: 6px 4px; }")  # rows a finger can hit
        names_label = QLabel(self.tr("&Name"), objectName="signInNamesLabel")
        names_label.setBuddy(self.names)

        self.pin_edit = pin_edit("signInPin")
        self.pin_edit.setAccessibleName(self.tr("PIN"))
        font = self.pin_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.pin_edit.setFont(font)
        self.for_whom = ElidedLabel(name="signInForWhom")
        bold(self.for_whom)
        pin_label = QLabel(self.tr("&PIN"), objectName="signInPinLabel")
        pin_label.setBuddy(self.pin_edit)
        self.message = field_message("signInMessage")
        self.message.setStyleSheet(STRONG_ERROR_STYLE)
        self.pad = PinPad(self.pin_edit, self.tr("Sign in"), name="signInPad")
        self.pad.ok_key.setToolTip(self.tr("Sign in (Enter)"))
        self._layout(names_label, pin_label)

        self._pause = QTimer(self)  # sign-in paused at this till: the keys wait this long
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._pause_over)
        self.names.itemSelectionChanged.connect(self._name_chosen)
        self.names.itemClicked.connect(lambda _item: self.pin_edit.setFocus())
        self.names.itemActivated.connect(lambda _item: self.pin_edit.setFocus())
        self.names.installEventFilter(self)
        self.pin_edit.installEventFilter(self)
        self.pin_edit.returnPressed.connect(self.sign_in)
        self.pin_edit.textEdited.connect(lambda _text: show_message(self.message, None))
        self.pad.okClicked.connect(self.sign_in)
        self.setFocusProxy(self.names)

    def _layout(self, names_label: QLabel, pin_label: QLabel) -> None:
        panel = QFrame(objectName="signInPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(680)
        panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        for label in (self.title, self.shop_label, self.note, names_label, pin_label, self.message):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        left = QVBoxLayout()
        left.setSpacing(6)  # not the columns' 24, which a child layout would take
        left.addWidget(names_label)
        left.addWidget(self.names, 1)
        # The PIN's column keeps its width: a message wraps inside it, the pad stays put.
        right_column = QWidget(objectName="signInPinColumn")
        right_column.setFixedWidth(self.pad.sizeHint().width() + 8)
        right = QVBoxLayout(right_column)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.for_whom)
        right.addWidget(pin_label)
        right.addWidget(self.pin_edit)
        right.addWidget(self.message)
        right.addSpacing(6)
        right.addWidget(self.pad)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addWidget(right_column)
        inside = QVBoxLayout(panel)
        inside.setContentsMargins(24, 20, 24, 24)
        inside.addWidget(self.title)
        inside.addWidget(self.shop_label)
        inside.addWidget(self.note)
        inside.addSpacing(10)
        inside.addLayout(columns)
        across = QHBoxLayout()
        across.addStretch(1)
        across.addWidget(panel, 4)
        across.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(across)
        outer.addStretch(2)

    # -- what it shows ------------------------------------------------------------------------------
    def prepare(self, select_id: int | None = None, note: str = "") -> None:
        """Ready for the next person: the names as they are now, ``select_id``
        chosen (nobody when None), the PIN empty, ``note`` above (if any)."""
        self.pin_edit.clear()
        show_message(self.message, None)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.reload(select_id if select_id is not None else -1)
        self.take_focus()

    def take_focus(self) -> None:
        """The PIN field once a name is chosen, else the names."""
        if self.chosen_id() is not None:
            self.pin_edit.setFocus()
        else:
            self.names.setFocus()

    def reload(self, select_id: int | None = None) -> None:
        """The active staff's names (and the shop's); ``select_id`` None keeps
        whoever is chosen, if they can still sign in."""
        if select_id is None:
            select_id = self.chosen_id()
        try:
            self.shop_label.set_full_text(self._bridge.ask(GetShopSettings()).name)
            people = [person for person in self._bridge.ask(GetStaff()) if person.active]
        except ShopError as error:
            show_message(self.message, describe(error))
            return
        self.names.blockSignals(True)
        self.names.clear()
        for person in people:
            item = QListWidgetItem(person.name)
            item.setData(_STAFF_ID, person.id)
            item.setToolTip(f"{person.name}: {role_name(person.role).lower()}")
            self.names.addItem(item)
        rows = [row for row, person in enumerate(people) if person.id == select_id]
        # Nobody chosen unless asked (or there is only one): not whoever is first.
        row = rows[0] if rows else 0 if len(people) == 1 else -1
        self.names.setCurrentRow(row)
        if row < 0:
            self.names.clearSelection()
        self.names.blockSignals(False)
        self._show_whom()

    def _chosen_item(self) -> QListWidgetItem | None:
        # The selected name: a list given the focus makes its first row
        # current without selecting it, and that is nobody's choice.
        selected = self.names.selectedItems()
        return selected[0] if selected else None

    def chosen_id(self) -> int | None:
        item = self._chosen_item()
        return None if item is None else item.data(_STAFF_ID)

    def chosen_name(self) -> str:
        item = self._chosen_item()
        return "" if item is None else item.text()

    def _name_chosen(self, *_) -> None:
        self.pin_edit.clear()
        show_message(self.message, None)
        self._show_whom()

    def _show_whom(self) -> None:
        name = self.chosen_name()
        self.for_whom.set_full_text(
            fill(self.tr("%1, type your PIN"), name) if name else self.tr("Choose your name first")
        )

    # -- signing in --------------------------------------------------------------------------------
    def sign_in(self) -> None:
        staff_id = self.chosen_id()
        pin = self.pin_edit.text()
        if staff_id is None:
            show_message(self.message, word(NAME_FIRST))
            self.names.setFocus()
            return
        if not complete_pin(pin):
            show_message(self.message, word(PIN_LENGTH))
            self.pin_edit.setFocus()
            return
        self.pin_edit.clear()  # sent: not kept on screen
        outcome = self._bridge.sign_in(staff_id, pin)
        if outcome.error is None:
            show_message(self.message, None)
            self.signedIn.emit(outcome.result)
            return
        show_message(self.message, describe(outcome.error))
        if isinstance(outcome.error, SignInPaused):
            self._paused(outcome.error.seconds)
        self.pin_edit.setFocus()

    def _paused(self, seconds: int) -> None:
        """No PIN is checked during a pause: the keys wait until it is over."""
        self.pad.setEnabled(False)
        self.pin_edit.setEnabled(False)
        self._pause.start(max(1, seconds) * 1000)

    def _pause_over(self) -> None:
        self.pad.setEnabled(True)
        self.pin_edit.setEnabled(True)
        show_message(self.message, None)
        self.pin_edit.setFocus()

    # -- the keyboard ------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key, text = event.key(), event.text()
        if watched is self.names:
            if text.isdigit() and text.isascii() and self.pin_edit.isEnabled():
                # Typing a PIN straight after choosing a name with the arrows.
                self.pin_edit.setFocus()
                self.pin_edit.insert(text)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.chosen_id() is not None:
                self.pin_edit.setFocus()
                return True
        elif watched is self.pin_edit and key == Qt.Key.Key_Escape:
            self.pin_edit.clear()
            show_message(self.message, None)
            return True
        return False
