"""Open the till: the float, the cash put in the drawer to give change from."""

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from core.commands import OpenTill
from shop_gui.dialogs.command_dialog import CommandDialog, field_message, show_message, with_message
from shop_gui.formatting import currency_symbol, parse_amount
from shop_gui.texts import fill


class TillOpenDialog(CommandDialog):
    """``result_value`` is the new session's id once the till is open."""

    def __init__(self, bridge, parent=None):
        super().__init__(bridge, self.tr("Open the till"), self.tr("Open till"), "openTillDialog", parent)
        heading = QLabel(self.tr("Count the cash you put in the drawer to start with: the float to give change from."))
        heading.setWordWrap(True)
        self.float_edit = QLineEdit(objectName="openingFloatEdit")
        self.float_edit.setPlaceholderText(self.tr("such as 100.00"))
        self.float_error = field_message("openingFloatError")
        form = QFormLayout()
        form.addRow(
            fill(self.tr("Opening &float (%1)"), currency_symbol()), with_message(self.float_edit, self.float_error)
        )
        self.body.addWidget(heading)
        self.body.addLayout(form)
        self.float_edit.textEdited.connect(self.revalidate)
        self.float_edit.setFocus()
        self.refresh()

    def opening_float(self) -> int | None:
        try:
            cents = parse_amount(self.float_edit.text())
        except ValueError:
            return None
        return cents if cents >= 0 else None

    def refresh(self) -> None:
        text = self.float_edit.text().strip()
        show_message(
            self.float_error,
            self.tr("Type the cash in the drawer, such as 100.00 (0 for none).")
            if text and self.opening_float() is None
            else None,
        )
        super().refresh()

    def command(self):
        cents = self.opening_float()
        return None if cents is None else OpenTill(cents)
