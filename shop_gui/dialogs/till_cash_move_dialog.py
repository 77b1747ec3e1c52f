"""Pay in or pay out: cash put into the drawer or taken out of it without a
sale (change from the bank, a window cleaner paid), with the reason."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QCompleter, QFormLayout, QLabel, QLineEdit

from core.commands import PayIn, PayOut
from shop_gui.dialogs.command_dialog import CommandDialog, field_message, show_message, with_message
from shop_gui.formatting import currency_symbol, parse_amount
from shop_gui.texts import fill, word

PAY_IN, PAY_OUT = "in", "out"
_TEXTS = {
    PAY_IN: (
        QT_TRANSLATE_NOOP("words", "Pay in"),
        "payInDialog",
        QT_TRANSLATE_NOOP("words", "Cash put into the drawer without a sale, such as change from the bank."),
        (QT_TRANSLATE_NOOP("words", "Change from the bank"), QT_TRANSLATE_NOOP("words", "Float top-up")),
    ),
    PAY_OUT: (
        QT_TRANSLATE_NOOP("words", "Pay out"),
        "payOutDialog",
        QT_TRANSLATE_NOOP(
            "words", "Cash taken out of the drawer without a refund, such as a supplier paid or takings banked."
        ),
        (
            QT_TRANSLATE_NOOP("words", "Takings to the bank"),
            QT_TRANSLATE_NOOP("words", "Supplier paid"),
            QT_TRANSLATE_NOOP("words", "Cleaning"),
            QT_TRANSLATE_NOOP("words", "Postage"),
        ),
    ),
}


class TillCashMoveDialog(CommandDialog):
    """``kind``: PAY_IN or PAY_OUT."""

    def __init__(self, bridge, kind: str, parent=None):
        title, name, explanation, reasons = _TEXTS[kind]
        super().__init__(bridge, word(title), word(title), name, parent)
        self.kind = kind
        heading = QLabel(word(explanation))
        heading.setWordWrap(True)
        self.amount_edit = QLineEdit(objectName="cashMoveAmountEdit")
        self.amount_edit.setPlaceholderText(self.tr("such as 20.00"))
        self.amount_error = field_message("cashMoveAmountError")
        self.reason_edit = QLineEdit(objectName="cashMoveReasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("what it is for"))
        self.reason_edit.setMaxLength(200)
        completer = QCompleter([word(reason) for reason in reasons], self.reason_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.reason_edit.setCompleter(completer)
        form = QFormLayout()
        form.addRow(fill(self.tr("&Amount (%1)"), currency_symbol()), with_message(self.amount_edit, self.amount_error))
        form.addRow(self.tr("&Reason"), self.reason_edit)
        self.body.addWidget(heading)
        self.body.addLayout(form)
        self.amount_edit.textEdited.connect(self.revalidate)
        self.reason_edit.textEdited.connect(self.revalidate)
        self.amount_edit.setFocus()
        self.refresh()

    def amount(self) -> int | None:
        try:
            cents = parse_amount(self.amount_edit.text())
        except ValueError:
            return None
        return cents if cents > 0 else None

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def refresh(self) -> None:
        text = self.amount_edit.text().strip()
        show_message(
            self.amount_error, self.tr("Type the amount, such as 20.00.") if text and self.amount() is None else None
        )
        super().refresh()

    def command(self):
        amount, reason = self.amount(), self.reason()
        if amount is None or not reason:
            return None
        return (PayIn if self.kind == PAY_IN else PayOut)(amount, reason)
