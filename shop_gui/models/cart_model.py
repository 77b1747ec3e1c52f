"""The order being built at the counter: lines of (product, quantity)."""

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from core.commands import OrderLine
from core.queries import ProductView
from shop_gui.formatting import money


@dataclass
class CartLine:
    product: ProductView
    quantity: int

    @property
    def total_cents(self) -> int:
        return self.product.price_cents * self.quantity


class CartModel(QAbstractTableModel):
    PRODUCT, QUANTITY, PRICE, TOTAL = range(4)
    HEADERS = ("Product", "Qty", "Price", "Total")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lines: list[CartLine] = []

    # -- the cart ------------------------------------------------------------
    def add(self, product: ProductView, quantity: int) -> None:
        """Add units; a product already in the cart gets one line, not two."""
        for row, line in enumerate(self._lines):
            if line.product.id == product.id:
                line.quantity += quantity
                line.product = product
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
                return
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(CartLine(product, quantity))
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._lines[row]
            self.endRemoveRows()

    def clear(self) -> None:
        if self._lines:
            self.beginResetModel()
            self._lines = []
            self.endResetModel()

    def update_products(self, products) -> None:
        """Show current names and prices of products already in the cart."""
        by_id = {p.id: p for p in products}
        for row, line in enumerate(self._lines):
            if line.product.id in by_id:
                line.product = by_id[line.product.id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def product_ids(self) -> tuple[int, ...]:
        return tuple(line.product.id for line in self._lines)

    def order_lines(self) -> tuple[OrderLine, ...]:
        return tuple(OrderLine(line.product.id, line.quantity) for line in self._lines)

    def total_cents(self) -> int:
        return sum(line.total_cents for line in self._lines)

    def is_empty(self) -> bool:
        return not self._lines

    # -- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PRODUCT:
                return line.product.name
            if column == self.QUANTITY:
                return str(line.quantity)
            if column == self.PRICE:
                return money(line.product.price_cents)
            return money(line.total_cents)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.PRODUCT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PRODUCT:
            return f"{line.product.sku}: {line.product.name}"
        return None
