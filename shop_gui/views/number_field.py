"""A whole-number field that refuses letters visibly. A plain QSpinBox
drops what is not a digit without a word: typing "24 DN-4471" (a
quantity, then a delivery note's number) into Receive stock received
244,471 units. This one keeps what was typed, so the person sees it, and
says what is wrong (``problem()``); a dialog does not send it meanwhile
(dialogs/command_dialog.py)."""

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from shop_gui.texts import fill

_NUMBER = re.compile(r"[-+\u2212]?[\d\s,.\u00a0\u202f']*")  # digits, a sign, grouping marks


class WholeNumberSpinBox(QSpinBox):
    def __init__(self, parent=None, *, name: str = ""):
        super().__init__(parent, objectName=name)

    def validate(self, text: str, pos: int):
        if not _NUMBER.fullmatch(text) or any(ch.isspace() for ch in text):
            return QValidator.State.Intermediate, text, pos  # kept as typed; problem() says what is wrong
        return super().validate(text, pos)

    def typed(self) -> str:
        return self.lineEdit().text()

    def problem(self) -> str | None:
        """What is wrong with the text typed (None: it is a number in range)."""
        text = self.typed().strip()
        if _NUMBER.fullmatch(text):
            return None  # a number, or one being typed: the range is the dialog's to say
        return fill(self.tr("“%1” is not a whole number: type digits only."), text)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.problem() is not None:
            event.accept()  # QSpinBox would put the old number back and let Enter press OK
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        if self.problem() is not None:
            QWidget.focusOutEvent(self, event)  # not QSpinBox's, which would put the old number back unseen
            return
        super().focusOutEvent(event)
