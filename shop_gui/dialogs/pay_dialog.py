"""Take a payment for a placed order: cash (with the amount tendered and the
change, worked out as it is typed), card or other. Skipping it leaves the
order placed, to be paid later from the Orders tab.

Quick cash: one button pays the exact amount in cash, the others the notes
a customer most likely hands over (core.domain.denominations.quick_cash).
Split payment: a part paid one way (less than is due) leaves the dialog
open for the rest, another way (card first, then the rest in cash)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from core.commands import CARD, CASH, OTHER, RecordPayment
from core.domain.denominations import quick_cash
from core.queries import GetOrder
from shop_gui.dialogs.command_dialog import CommandDialog, field_message, show_message, with_message
from shop_gui.formatting import currency, currency_symbol, money, parse_amount, plain_amount
from shop_gui.style import ERROR_STYLE, bold
from shop_gui.texts import fill, word

METHOD_LABELS = {
    CASH: QT_TRANSLATE_NOOP("words", "&Cash"),
    CARD: QT_TRANSLATE_NOOP("words", "Ca&rd"),
    OTHER: QT_TRANSLATE_NOOP("words", "&Other"),
}


class PayDialog(CommandDialog):
    """``result_value`` is the last ``PaymentOutcome`` once the order is paid;
    ``taken`` holds every payment made in the dialog: (method, amount, outcome).
    ``finished`` comes once it closes, whatever was paid (``summary()``)."""

    QUICK_NOTES = 3

    def __init__(self, bridge, order_id: int, parent=None):
        super().__init__(
            bridge, fill(self.tr("Payment for order %1"), order_id), self.tr("Take payment"), "payDialog", parent
        )
        self.order_id = order_id
        self.order = bridge.ask(GetOrder(order_id))
        self.taken: list[tuple[str, int, object]] = []
        self.cancel_button.setText(self.tr("&Later"))
        self.cancel_button.setToolTip(self.tr("Leave the order unpaid for now; take payment from the Orders tab"))
        self._build()
        self._layout()
        self._connect()
        self._show_heading()
        self._method_toggled()
        self.tendered_edit.setFocus()

    def _build(self) -> None:
        self.heading = QLabel(objectName="payHeading")
        bold(self.heading, 1.3)

        self.method_group = QButtonGroup(self)
        self.method_buttons = {}
        for method in (CASH, CARD, OTHER):
            button = QRadioButton(word(METHOD_LABELS[method]), objectName=f"{method}Radio")
            self.method_group.addButton(button)
            self.method_buttons[method] = button
        self.method_buttons[CASH].setChecked(True)

        self.amount_edit = QLineEdit(plain_amount(self.order.due_cents), objectName="payAmountEdit")
        self.amount_edit.setToolTip(self.tr("Less than what is due for part of it (the rest can be paid later)"))
        self.tendered_edit = QLineEdit(objectName="tenderedEdit")
        self.tendered_edit.setPlaceholderText(self.tr("the exact amount"))
        self.tendered_edit.setToolTip(self.tr("The cash the customer handed over"))
        self.amount_error = field_message("payAmountError")
        self.tendered_error = field_message("tenderedError")
        self.change_label = QLabel(objectName="changeLabel")
        bold(self.change_label, 1.5)
        self.taken_label = QLabel(objectName="paymentsTakenLabel")  # the parts of a split payment
        self.taken_label.setWordWrap(True)
        self.taken_label.hide()
        self.exact_button = QPushButton(self.tr("E&xact"), objectName="exactCashButton")
        self.exact_button.setToolTip(self.tr("Cash, the exact amount due"))
        self.exact_button.setAutoDefault(False)
        self.note_buttons: list[QPushButton] = []
        for index in range(self.QUICK_NOTES):
            button = QPushButton(objectName=f"quickCashButton{index}")
            button.setAutoDefault(False)
            self.note_buttons.append(button)

    def _layout(self) -> None:
        self.body.addWidget(self.heading)
        methods = QWidget()
        row = QHBoxLayout(methods)
        row.setContentsMargins(0, 0, 0, 0)
        for button in self.method_buttons.values():
            row.addWidget(button)
        row.addStretch(1)

        symbol = currency_symbol()
        form = QFormLayout()
        form.addRow(self.tr("Method"), methods)
        form.addRow(fill(self.tr("A&mount (%1)"), symbol), with_message(self.amount_edit, self.amount_error))
        self.tendered_row_label = QLabel(fill(self.tr("&Tendered (%1)"), symbol))
        self.tendered_row_label.setBuddy(self.tendered_edit)
        form.addRow(self.tendered_row_label, with_message(self.tendered_edit, self.tendered_error))
        form.addRow(self.tr("Change"), self.change_label)
        quick = QHBoxLayout()
        quick.addWidget(self.exact_button)
        for button in self.note_buttons:
            quick.addWidget(button)
        quick.addStretch(1)
        form.addRow(self.tr("Quick cash"), quick)
        self.body.addLayout(form)
        self.body.addWidget(self.taken_label)

    def _connect(self) -> None:
        self.method_group.buttonToggled.connect(self._method_toggled)
        self.amount_edit.textEdited.connect(self.revalidate)
        self.tendered_edit.textEdited.connect(self.revalidate)
        self.exact_button.clicked.connect(lambda: self.pay_cash(None))
        for button in self.note_buttons:
            button.clicked.connect(lambda _checked=False, b=button: self.pay_cash(b.property("cents")))

    def _show_quick_cash(self) -> None:
        """The notes above what is due now."""
        amounts = quick_cash(self.order.due_cents, currency().code, self.QUICK_NOTES)
        for index, button in enumerate(self.note_buttons):
            shown = index < len(amounts)
            button.setVisible(shown)
            if shown:
                button.setText(money(amounts[index]))
                button.setProperty("cents", amounts[index])
                button.setToolTip(fill(self.tr("Cash: %1 handed over, the change worked out"), money(amounts[index])))

    def pay_cash(self, tendered: int | None) -> None:
        """Quick cash: all that is due, in cash, ``tendered`` handed over (None: the exact amount)."""
        self.method_buttons[CASH].setChecked(True)
        self.amount_edit.setText(plain_amount(self.order.due_cents))
        self.tendered_edit.setText("" if tendered is None else plain_amount(tendered))
        self.revalidate()
        self.submit()

    # -- what is typed ---------------------------------------------------------------------------
    def method(self) -> str:
        return next(method for method, button in self.method_buttons.items() if button.isChecked())

    def amount(self) -> int | None:
        try:
            cents = parse_amount(self.amount_edit.text())
        except ValueError:
            return None
        return cents if cents > 0 else None

    def tendered(self) -> int | None:
        """The cash handed over; None when blank (the exact amount) or unreadable."""
        text = self.tendered_edit.text().strip()
        if not text:
            return None
        try:
            return parse_amount(text)
        except ValueError:
            return None

    def _method_toggled(self, *_) -> None:
        cash = self.method() == CASH
        self.tendered_edit.setEnabled(cash)
        self.tendered_row_label.setEnabled(cash)
        self.change_label.setEnabled(cash)
        self.revalidate()

    def _show_heading(self) -> None:
        order = self.order
        if order.paid_cents:
            self.heading.setText(
                fill(self.tr("%1 still to pay (of %2)"), money(order.due_cents), money(order.total_cents))
            )
        else:
            self.heading.setText(fill(self.tr("%1 to pay"), money(order.due_cents)))
        self._show_quick_cash()

    # -- a split payment ------------------------------------------------------------------------
    def _sent(self, outcome) -> None:
        """A part paid leaves the dialog open for the rest, the other way by default."""
        if outcome.error is None and outcome.result.due_cents > 0:
            method = self.method()
            self.taken.append((method, self.amount(), outcome.result))
            self.order = self._bridge.ask(GetOrder(self.order_id))
            self._show_heading()
            self.taken_label.setText("Taken: " + self._parts() + ". The rest can be paid another way, or Later.")
            self.taken_label.show()
            self.amount_edit.setText(plain_amount(self.order.due_cents))
            self.tendered_edit.clear()
            self.method_buttons[CARD if method == CASH else CASH].setChecked(True)
            self.revalidate()
            (self.tendered_edit if self.method() == CASH else self.amount_edit).setFocus()
            return
        if outcome.error is None:
            self.taken.append((self.method(), self.amount(), outcome.result))
        super()._sent(outcome)

    def _parts(self) -> str:
        return ", ".join(f"{money(amount)} by {method}" for method, amount, _outcome in self.taken)

    def summary(self) -> str | None:
        """The status bar's sentence once the dialog closes (None: nothing was paid)."""
        if not self.taken:
            return None
        method, _amount, outcome = self.taken[-1]
        if len(self.taken) == 1:
            return payment_summary(self.order_id, method, outcome)
        text = fill(self.tr("Order %1: %2."), self.order_id, self._parts())
        if outcome.due_cents:
            text += fill(self.tr(" %1 still to pay."), money(outcome.due_cents))
        if method == CASH and outcome.change_cents:
            text += fill(self.tr(" Change: %1."), money(outcome.change_cents))
        return text

    # -- CommandDialog ---------------------------------------------------------------------------
    def refresh(self) -> None:
        amount = self.amount()
        due = self.order.due_cents
        amount_problem = None
        if amount is None:
            amount_problem = "Type the amount paid, such as 12.50."
        elif amount > due:
            amount_problem = f"Only {money(due)} is due."
        show_message(self.amount_error, amount_problem)

        tendered_problem = None
        self.change_label.setStyleSheet("")
        if self.method() != CASH:
            self.change_label.setText(self.tr("none (not cash)"))
        elif self.tendered_edit.text().strip() and self.tendered() is None:
            tendered_problem = "Type the cash handed over, such as 20 or 50.00."
            self.change_label.clear()
        elif amount is None:
            self.change_label.clear()
        else:
            tendered = self.tendered() if self.tendered() is not None else amount
            if tendered < amount:
                tendered_problem = f"{money(amount - tendered)} short of {money(amount)}."
                self.change_label.setText("\u2014")
            else:
                self.change_label.setText(money(tendered - amount))
        show_message(self.tendered_error, tendered_problem)
        if tendered_problem:
            self.change_label.setStyleSheet(ERROR_STYLE)
        super().refresh()

    def read_model_changed(self, changes) -> None:
        if changes.rebuilt or self.order_id in changes.orders:
            self.order = self._bridge.ask(GetOrder(self.order_id))  # another till took a payment
            self._show_heading()
        super().read_model_changed(changes)

    def command(self):
        amount = self.amount()
        if amount is None or amount > self.order.due_cents:
            return None
        if self.method() != CASH:
            return RecordPayment(self.order_id, self.method(), amount)
        tendered = self.tendered()
        if self.tendered_edit.text().strip() and tendered is None:
            return None
        if tendered is not None and tendered < amount:
            return None
        return RecordPayment(self.order_id, CASH, amount, tendered)


def payment_summary(order_id: int, method: str, outcome) -> str:
    """The status bar's sentence after a payment."""
    text = fill(QCoreApplication.translate("pay_dialog", "Order %1 paid by %2."), order_id, method)
    if outcome.due_cents:
        text = fill(
            QCoreApplication.translate("pay_dialog", "Payment for order %1 taken by %2: %3 still to pay."),
            order_id,
            method,
            money(outcome.due_cents),
        )
    if method == CASH and outcome.change_cents:
        text += fill(QCoreApplication.translate("pay_dialog", " Change: %1."), money(outcome.change_cents))
    return text
