"""Cancel an order: the question, and for a paid one how the money goes
back ("Refund by": as paid, cash, card, other). Keeping the order is the
default (Enter): cancelling cannot be undone."""

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from core.commands import CancelOrder
from core.errors import ShopError
from core.queries import GetOrder, OrderDetail
from shop_gui.dialogs.command_dialog import CommandDialog
from shop_gui.dialogs.refund_method import refund_method_combo
from shop_gui.formatting import money
from shop_gui.texts import fill


def refund_due(order: OrderDetail) -> int:
    """What cancelling ``order`` gives back: what was paid and not yet refunded."""
    return order.paid_cents - order.refunded_cents


class CancelOrderDialog(CommandDialog):
    """``result_value`` is the core's result once the order is cancelled."""

    def __init__(self, bridge, order: OrderDetail, parent=None):
        super().__init__(
            bridge, fill(self.tr("Cancel order %1"), order.id), self.tr("Ca&ncel order"), "cancelOrderDialog", parent
        )
        self.order = order
        self.cancel_button.setText(self.tr("&Keep order"))
        self.cancel_button.setToolTip(self.tr("Leave the order as it is"))
        self.ok_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)  # Enter keeps it
        self.question = QLabel(objectName="cancelQuestion")
        self.question.setWordWrap(True)
        self.refund_combo = refund_method_combo("cancelRefundMethodCombo")
        self.refund_row = QWidget()
        form = QFormLayout(self.refund_row)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Refund &by"), self.refund_combo)
        self.body.addWidget(self.question)
        self.body.addWidget(self.refund_row)
        self._show_question()
        self.refresh()

    def refund_cents(self) -> int:
        return refund_due(self.order)

    def _show_question(self) -> None:
        refund = self.refund_cents()
        if refund:
            self.question.setText(
                fill(
                    self.tr("Cancel order %1? Its items go back in stock and %2 is refunded to the customer."),
                    self.order.id,
                    money(refund),
                )
            )
        else:
            self.question.setText(fill(self.tr("Cancel order %1 and put its items back in stock?"), self.order.id))
        self.refund_row.setVisible(bool(refund))

    def read_model_changed(self, changes) -> None:
        if self.result_value is None and (changes.rebuilt or self.order.id in changes.orders):
            try:  # another till took a payment or a return meanwhile
                self.order = self._bridge.ask(GetOrder(self.order.id))
            except ShopError:
                pass  # the core says so on OK
            self._show_question()
        super().read_model_changed(changes)

    def command(self):
        method = self.refund_combo.currentData() if self.refund_cents() else None
        return CancelOrder(self.order.id, refund_method=method)
