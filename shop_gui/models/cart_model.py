"""The order being built at the counter: lines of (product, quantity,
discount), priced by the core's quote (``set_quote``)."""

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from core.commands import OrderLine
from core.money import format_percent
from core.pricing import PERCENT, Discount
from core.queries import OrderQuote, ProductView, QuotedLine
from shop_gui.formatting import money, plain_amount


def discount_text(discount: Discount | None) -> str:
    """What a discount field shows: ``"10%"``, ``"1.50"``, ``""`` for none."""
    if discount is None:
        return ""
    if discount.kind == PERCENT:
        return format_percent(discount.value)
    return plain_amount(discount.value)


@dataclass
class CartLine:
    product: ProductView
    quantity: int
    discount: Discount | None = None
    quoted: QuotedLine | None = None  # the core's figures for it, once quoted

    @property
    def total_cents(self) -> int:
        """What the line comes to after its own discount (before the order's)."""
        if self.quoted is not None:
            return self.quoted.gross_cents - self.quoted.line_discount_cents
        return self.product.price_cents * self.quantity


class CartModel(QAbstractTableModel):
    PRODUCT, QUANTITY, PRICE, DISCOUNT, TOTAL = range(5)
    HEADERS = ("Product", "Qty", "Price", "Discount", "Total")

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
                line.quoted = None
                self._row_changed(row)
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

    def set_discount(self, row: int, discount: Discount | None) -> None:
        if 0 <= row < len(self._lines) and self._lines[row].discount != discount:
            self._lines[row].discount = discount
            self._lines[row].quoted = None
            self._row_changed(row)

    def discount_at(self, row: int) -> Discount | None:
        return self._lines[row].discount if 0 <= row < len(self._lines) else None

    def set_quote(self, quote: OrderQuote | None) -> None:
        """The core's prices for the lines (None: not known)."""
        by_product = {line.product_id: line for line in quote.lines} if quote is not None else {}
        for row, line in enumerate(self._lines):
            quoted = by_product.get(line.product.id)
            if quoted != line.quoted:
                line.quoted = quoted
                self._row_changed(row, self.PRICE)

    def update_products(self, products) -> None:
        """Show current names and prices of products already in the cart."""
        by_id = {p.id: p for p in products}
        for row, line in enumerate(self._lines):
            if line.product.id in by_id:
                line.product = by_id[line.product.id]
                self._row_changed(row)

    def product_ids(self) -> tuple[int, ...]:
        return tuple(line.product.id for line in self._lines)

    def order_lines(self) -> tuple[OrderLine, ...]:
        return tuple(OrderLine(line.product.id, line.quantity, line.discount) for line in self._lines)

    def total_cents(self) -> int:
        return sum(line.total_cents for line in self._lines)

    def is_empty(self) -> bool:
        return not self._lines

    def _row_changed(self, row: int, first_column: int = 0) -> None:
        self.dataChanged.emit(self.index(row, first_column), self.index(row, len(self.HEADERS) - 1))

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
            if column == self.DISCOUNT:
                return self._discount_cell(line)
            return money(line.total_cents)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.PRODUCT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.PRODUCT:
                return f"{line.product.sku}: {line.product.name}"
            if column == self.DISCOUNT:
                return self._discount_tip(line)
        return None

    @staticmethod
    def _discount_cell(line: CartLine) -> str:
        if line.discount is None:
            return ""
        if line.discount.kind == PERCENT:
            return format_percent(line.discount.value)
        off = line.quoted.line_discount_cents if line.quoted is not None else line.discount.value
        return money(-off)

    @staticmethod
    def _discount_tip(line: CartLine) -> str | None:
        if line.discount is None:
            return "No discount: choose the line and type one below"
        if line.quoted is None:
            return None
        text = f"{money(line.quoted.line_discount_cents)} off this line"
        if line.quoted.order_discount_cents:
            text += f"; {money(line.quoted.order_discount_cents)} more from the order discount"
        return text
