"""Counting a drawer: how many of each note and coin of the shop's currency
(``core.domain.denominations``), each line's value and the total, worked out
as the counts are typed. Exact: ints of the minor unit throughout."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from core.domain.denominations import MAX_COUNT, NOTE, count_total, denominations
from shop_gui.formatting import face_value, money
from shop_gui.style import bold
from shop_gui.texts import fill


class CashCount(QWidget):
    """Signals:
    totalChanged(int): the counted total (minor units) after a count changed.
    """

    totalChanged = Signal(int)

    def __init__(self, currency_code: str, parent=None):
        super().__init__(parent, objectName="cashCount")
        self.denominations = denominations(currency_code)
        self.spins: dict[int, QSpinBox] = {}
        self.amounts: dict[int, QLabel] = {}
        self.total_label = QLabel(objectName="cashCountTotal")
        bold(self.total_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for kind, title in ((NOTE, self.tr("Notes")), (None, self.tr("Coins"))):
            group = QGroupBox(title)
            grid = QGridLayout(group)
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(3)
            row = 0
            for denomination in self.denominations:
                if (denomination.kind == NOTE) != (kind == NOTE):
                    continue
                self._add_row(grid, row, denomination)
                row += 1
            grid.setRowStretch(row, 1)
            grid.setColumnStretch(2, 1)
            if row:
                layout.addWidget(group, 1)
        self._show_total()

    def _add_row(self, grid: QGridLayout, row: int, denomination) -> None:
        value = denomination.value
        name = face_value(value)
        label = QLabel(name)
        spin = QSpinBox(objectName=f"count{value}")
        spin.setRange(0, MAX_COUNT)
        spin.setAccessibleName(fill(self.tr("Number of %1 %2s"), name, denomination.kind))
        spin.setMinimumWidth(64)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        label.setBuddy(spin)
        amount = QLabel(objectName=f"countAmount{value}")
        amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        amount.setMinimumWidth(amount.fontMetrics().horizontalAdvance(money(value * 999)) + 4)
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(spin, row, 1)
        grid.addWidget(amount, row, 2)
        self.spins[value] = spin
        self.amounts[value] = amount
        spin.valueChanged.connect(lambda _count, value=value: self._count_changed(value))

    def counts(self) -> tuple[tuple[int, int], ...]:
        """(value, how many) of every denomination counted at least once."""
        return tuple((value, spin.value()) for value, spin in self.spins.items() if spin.value())

    def total(self) -> int:
        return count_total(self.counts())

    def clear(self) -> None:
        for spin in self.spins.values():
            spin.setValue(0)

    def _count_changed(self, value: int) -> None:
        count = self.spins[value].value()
        self.amounts[value].setText(money(value * count) if count else "")
        self._show_total()
        self.totalChanged.emit(self.total())

    def _show_total(self) -> None:
        self.total_label.setText(fill(self.tr("Counted: %1"), money(self.total())))
