"""Park the order being built (F8) and recall a parked one (F9), at the
counter's order form; the orders themselves are kept by
shop_gui/parked_orders.py."""

from PySide6.QtCore import QCoreApplication, QObject, Signal

from shop_gui import parked_orders
from shop_gui.dialogs.command_dialog import open_dialog
from shop_gui.dialogs.recall_dialog import RecallDialog
from shop_gui.formatting import count_of, money
from shop_gui.texts import fill


class ParkActions(QObject):
    """Signals:
    message(str): what became of it (status bar).
    """

    message = Signal(str)

    def __init__(self, order_form, window):
        super().__init__(window)
        self._form = order_form
        self._window = window

    def park(self) -> bool:
        """Put the order aside and start an empty one; False when there was none."""
        order = self._form.parked()
        if order is None:
            self.message.emit(self.tr("There is no order to park."))
            return False
        count = parked_orders.park(order)
        self._form.start_afresh()
        self.message.emit(
            fill(
                self.tr("Order parked (%1, %2); %3 parked at this till: F9 recalls."),
                count_of(order.items, "item"),
                money(order.total_cents),
                count_of(count, "order"),
            )
        )
        return True

    def recall(self) -> RecallDialog | None:
        """The list of parked orders to recall one (None: nothing to list, or an order in progress)."""
        if not self._form.cart.is_empty():
            self._form.show_message(self.tr("Place or park (F8) the order in progress before recalling another."))
            return None
        orders = parked_orders.load()
        if not orders:
            self.message.emit(self.tr("No order is parked at this till."))
            return None
        dialog = RecallDialog(orders, self._window)

        def recalled():
            order = parked_orders.take(dialog.chosen.parked_at)
            if order is None:
                self.message.emit(
                    QCoreApplication.translate("park_actions", "That order was recalled already.")
                )  # by another window of this till
                return
            gone = self._form.recall(order)
            text = fill(
                QCoreApplication.translate("park_actions", "Order recalled and priced again: %1."),
                money(self._form.total_cents()),
            )
            if gone:
                text += " No longer for sale, left out: " + ", ".join(gone) + "."
            self.message.emit(text)

        return open_dialog(dialog, recalled)
