"""Receive a delivery: how many arrived, from whom. An unusual quantity
(more than 1,000, or ten times the product's usual delivery) is asked
about before it is stored: a quantity and a delivery note's number typed
together made 244,471 units."""

from statistics import median

from core.commands import ReceiveStock
from core.domain.validation import MAX_QUANTITY
from core.queries import GetStockHistory
from shop_gui.dialogs.stock_dialog import StockDialog
from shop_gui.views.number_field import WholeNumberSpinBox

LARGE_DELIVERY = 1_000
TIMES_THE_USUAL = 10


class ReceiveStockDialog(StockDialog):
    def __init__(self, bridge, product, parent=None):
        super().__init__(bridge, product, self.tr("Receive stock"), self.tr("Receive"), "receiveStockDialog", parent)
        self.quantity_spin = WholeNumberSpinBox(name="receiveQuantitySpin")
        self.quantity_spin.setRange(1, MAX_QUANTITY)
        self.quantity_spin.setAccessibleName(self.tr("Quantity received"))
        self.note_edit.setPlaceholderText(self.tr("Supplier, delivery note... (optional)"))
        self.form.addRow(self.tr("&Quantity received"), self.quantity_spin)
        self.form.addRow(self.tr("Supplier / &note"), self.note_edit)
        self.quantity_spin.valueChanged.connect(self.revalidate)
        self.finish_layout()
        self.quantity_spin.selectAll()

    def resulting_stock(self) -> int:
        return self.product.stock + self.quantity_spin.value()

    def usual_delivery(self) -> int | None:
        """The median quantity of this product's past deliveries (None: never received)."""
        received = [m.quantity for m in self._bridge.ask(GetStockHistory(self.product.id)) if m.kind == "received"]
        return int(median(received)) if received else None

    def doubts(self) -> list[str]:
        quantity = self.quantity_spin.value()
        usual = self.usual_delivery()
        if quantity > LARGE_DELIVERY or (usual and quantity > TIMES_THE_USUAL * usual):
            said = f" (usually {usual:,})" if usual else ""
            return [f"Receive {quantity:,} units of {self.product.name}{said}? That is an unusually large delivery."]
        return []

    def command(self):
        if self.resulting_stock() > MAX_QUANTITY:
            return None
        return ReceiveStock(self.product.id, self.quantity_spin.value(), self.note_edit.text().strip())
