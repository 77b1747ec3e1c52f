"""Receive a delivery: how many arrived, from whom."""

from PySide6.QtWidgets import QSpinBox

from core.commands import ReceiveStock
from core.domain.validation import MAX_QUANTITY
from shop_gui.dialogs.stock_dialog import StockDialog


class ReceiveStockDialog(StockDialog):
    def __init__(self, bridge, product, parent=None):
        super().__init__(bridge, product, "Receive stock", "Receive", "receiveStockDialog", parent)
        self.quantity_spin = QSpinBox(objectName="receiveQuantitySpin")
        self.quantity_spin.setRange(1, MAX_QUANTITY)
        self.quantity_spin.setAccessibleName("Quantity received")
        self.note_edit.setPlaceholderText("Supplier, delivery note... (optional)")
        self.form.addRow("&Quantity received", self.quantity_spin)
        self.form.addRow("Supplier / &note", self.note_edit)
        self.quantity_spin.valueChanged.connect(self.revalidate)
        self.finish_layout()
        self.quantity_spin.selectAll()

    def resulting_stock(self) -> int:
        return self.product.stock + self.quantity_spin.value()

    def command(self):
        if self.resulting_stock() > MAX_QUANTITY:
            return None
        return ReceiveStock(self.product.id, self.quantity_spin.value(), self.note_edit.text().strip())
