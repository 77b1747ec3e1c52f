"""A PIN field (masked, digits only) and an on-screen PIN pad for it: 0-9,
Clear and OK, big enough for a finger on a touch screen. Typing on the
keyboard works as well; the pad's keys never take the focus from the field.

Nothing here keeps, shows or logs a PIN: the field is masked and is cleared
by whoever reads it, as soon as it is sent."""

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from core.domain.staff import MAX_PIN_LENGTH, MIN_PIN_LENGTH
from shop_gui.texts import fill


def pin_hint() -> str:
    """``4 to 8 digits``, in the window's language."""
    return fill(QCoreApplication.translate("pin_pad", "%1 to %2 digits"), MIN_PIN_LENGTH, MAX_PIN_LENGTH)


def pin_edit(name: str, placeholder: str | None = None) -> QLineEdit:
    """A masked field taking up to MAX_PIN_LENGTH digits and nothing else."""
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_PIN_LENGTH)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{MAX_PIN_LENGTH}}}"), edit))
    edit.setPlaceholderText(pin_hint() if placeholder is None else placeholder)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
    edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no copying it out
    return edit


def complete_pin(text: str) -> bool:
    """Long enough to be sent (the field lets only digits in)."""
    return MIN_PIN_LENGTH <= len(text) <= MAX_PIN_LENGTH and text.isdigit()


class PinPad(QWidget):
    """Keys 1-9, Clear, 0 and OK (``ok_text``) typing into ``target``.

    Signals:
        okClicked(): the OK key was pressed (the owner decides what it does).
    """

    okClicked = Signal()

    KEY_SIZE = (72, 52)

    def __init__(self, target: QLineEdit, ok_text: str = "OK", parent=None, *, name: str = "pinPad"):
        super().__init__(parent, objectName=name)
        self._target = target
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.digit_keys: dict[str, QPushButton] = {}
        for number in range(10):
            digit = str(number)
            key = self._key(digit, f"pinKey{digit}")
            key.clicked.connect(lambda _checked=False, d=digit: self._type(d))
            self.digit_keys[digit] = key
            row, column = ((number - 1) // 3, (number - 1) % 3) if number else (3, 1)
            grid.addWidget(key, row, column)
        self.clear_key = self._key(self.tr("Clear"), "pinClear")
        self.clear_key.setToolTip(self.tr("Clear the PIN (Esc)"))
        self.clear_key.clicked.connect(self._clear)
        grid.addWidget(self.clear_key, 3, 0)
        self.ok_key = self._key(ok_text, "pinOk")
        self.ok_key.clicked.connect(self.okClicked)
        grid.addWidget(self.ok_key, 3, 2)

    def _key(self, text: str, name: str) -> QPushButton:
        key = QPushButton(text, self, objectName=name)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus (and the keyboard works)
        key.setAutoDefault(False)
        key.setMinimumSize(*self.KEY_SIZE)
        font = QFont(key.font())
        font.setPointSizeF(font.pointSizeF() * (1.4 if len(text) == 1 else 1.05))
        key.setFont(font)
        return key

    def _type(self, digit: str) -> None:
        self._target.insert(digit)  # the field's validator and length still apply
        self._target.setFocus()

    def _clear(self) -> None:
        self._target.clear()
        self._target.setFocus()
