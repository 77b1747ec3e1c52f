"""Correct stock: a counted quantity or a signed correction, with a reason."""

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QButtonGroup, QComboBox, QRadioButton

from core.commands import ADJUSTMENT_REASONS, AdjustStock
from core.domain.validation import MAX_QUANTITY
from shop_gui.dialogs.command_dialog import field_message, show_message, with_message
from shop_gui.dialogs.stock_dialog import StockDialog
from shop_gui.texts import fill, reason_name
from shop_gui.views.number_field import WholeNumberSpinBox


class AdjustStockDialog(StockDialog):
    def __init__(self, bridge, product, parent=None):
        super().__init__(bridge, product, self.tr("Adjust stock"), self.tr("Adjust"), "adjustStockDialog", parent)
        # The level the count was typed against: a sale after it makes the count
        # stale, and the core refuses it (seen_stock) unless it is typed again.
        self._seen_stock = product.stock
        self._build()
        self._layout()
        self.counted_radio.setChecked(True)
        self.change_spin.setEnabled(False)
        self._connect()
        self.finish_layout()

    def _build(self) -> None:
        self.counted_radio = QRadioButton(self.tr("&Counted quantity"), objectName="countedRadio")
        self.change_radio = QRadioButton(self.tr("Co&rrection (+/−)"), objectName="changeRadio")
        group = QButtonGroup(self)
        group.addButton(self.counted_radio)
        group.addButton(self.change_radio)
        self.counted_spin = WholeNumberSpinBox(name="countedSpin")
        self.counted_spin.setRange(0, MAX_QUANTITY)
        self.counted_spin.setValue(self.product.stock)
        self.change_spin = WholeNumberSpinBox(name="changeSpin")
        self.change_spin.setRange(-MAX_QUANTITY, MAX_QUANTITY)
        self.reason_combo = QComboBox(objectName="reasonCombo")
        self.reason_combo.setPlaceholderText(self.tr("Choose a reason"))
        for reason in ADJUSTMENT_REASONS:
            self.reason_combo.addItem(reason_name(reason), reason)
        self.reason_combo.setCurrentIndex(-1)
        self.note_edit.setPlaceholderText(self.tr("optional"))
        self.amount_message = field_message("adjustAmountError")

    def _layout(self) -> None:
        self.form.addRow(self.counted_radio, self.counted_spin)
        self.form.addRow(self.change_radio, with_message(self.change_spin, self.amount_message))
        self.form.addRow(self.tr("R&eason"), self.reason_combo)
        self.form.addRow(self.tr("&Note"), self.note_edit)

    def _connect(self) -> None:
        self.counted_radio.toggled.connect(self._mode_changed)
        self.counted_spin.valueChanged.connect(self._count_typed)
        self.change_spin.valueChanged.connect(self.revalidate)
        self.reason_combo.currentIndexChanged.connect(self.revalidate)

    def _mode_changed(self, counting: bool) -> None:
        self.counted_spin.setEnabled(counting)
        self.change_spin.setEnabled(not counting)
        (self.counted_spin if counting else self.change_spin).setFocus()
        self.revalidate()

    def _count_typed(self, *_) -> None:
        self._seen_stock = self.product.stock
        self.revalidate()

    def counting(self) -> bool:
        return self.counted_radio.isChecked()

    def resulting_stock(self) -> int:
        if self.counting():
            return self.counted_spin.value()
        return self.product.stock + self.change_spin.value()

    def amount_problem(self) -> str | None:
        stock = self.product.stock
        if self.counting():
            if stock != self._seen_stock:
                return fill(
                    self.tr("Stock changed from %1 to %2 since the count was typed (a sale?): count again."),
                    QLocale().toString(self._seen_stock),
                    QLocale().toString(stock),
                )
            if self.counted_spin.value() == stock:
                return fill(self.tr("That is the stock already: %1."), QLocale().toString(stock))
            return None
        change = self.change_spin.value()
        if change == 0:
            return self.tr("A change of 0 changes nothing.")
        if stock + change < 0:
            return fill(
                self.tr("Only %1 in stock: cannot take away %2."),
                QLocale().toString(stock),
                QLocale().toString(-change),
            )
        if stock + change > MAX_QUANTITY:
            return fill(self.tr("Stock cannot go above %1."), QLocale().toString(MAX_QUANTITY))
        return None

    def refresh(self) -> None:
        problem = self.amount_problem()
        # Opening on the current count is not a mistake yet: say nothing until it is changed.
        untouched = self.counting() and self.counted_spin.value() == self.product.stock == self._seen_stock
        show_message(self.amount_message, None if untouched else problem)
        super().refresh()

    def command(self):
        reason = self.reason_combo.currentData()
        if reason is None or self.amount_problem() is not None:
            return None
        note = self.note_edit.text().strip()
        if self.counting():
            return AdjustStock(
                self.product.id, reason, counted=self.counted_spin.value(), note=note, seen_stock=self._seen_stock
            )
        return AdjustStock(self.product.id, reason, change=self.change_spin.value(), note=note)
