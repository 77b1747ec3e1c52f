"""The order being built at the counter: lines of (product, quantity,
discount), priced by the core's quote (``set_quote``)."""

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from core.commands import OrderLine
from core.domain.money import format_percent
from core.domain.pricing import PERCENT, Discount
from core.domain.validation import MAX_QUANTITY
from core.queries import OrderQuote, ProductView, QuotedLine
from shop_gui.formatting import money, plain_amount
from shop_gui.models.table import RowsTableModel
from shop_gui.style import ERROR_COLOR
from shop_gui.texts import fill

_SHORT = QColor(ERROR_COLOR)  # a line asking for more than is in stock


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


class CartModel(RowsTableModel):
    """Signals:
    quantityEdited(int): the person changed this row's quantity in place.
    """

    quantityEdited = Signal(int)
    PRODUCT, QUANTITY, PRICE, DISCOUNT, TOTAL = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "Product"),
        QT_TRANSLATE_NOOP("words", "Qty"),
        QT_TRANSLATE_NOOP("words", "Price"),
        QT_TRANSLATE_NOOP("words", "Discount"),
        QT_TRANSLATE_NOOP("words", "Total"),
    )
    RIGHT = frozenset({QUANTITY, PRICE, DISCOUNT, TOTAL})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[CartLine] = []  # a list: lines change in place

    # -- the cart ------------------------------------------------------------
    def add(self, product: ProductView, quantity: int) -> int:
        """Add units; a product already in the cart gets one line, not two. Returns the line's row."""
        for row, line in enumerate(self._rows):
            if line.product.id == product.id:
                line.quantity += quantity
                line.product = product
                line.quoted = None
                self._row_changed(row)
                return row
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(CartLine(product, quantity))
        self.endInsertRows()
        return row

    def set_quantity(self, row: int, quantity: int) -> bool:
        """False, changing nothing, for a quantity that cannot be sold (0, too many)."""
        line = self.row_value(row)
        if line is None or not 1 <= quantity <= MAX_QUANTITY:
            return False
        if quantity != line.quantity:
            line.quantity = quantity
            line.quoted = None
            self._row_changed(row)
        return True

    @staticmethod
    def short_of_stock(line: CartLine) -> bool:
        return line.quantity > line.product.stock

    @staticmethod
    def short_text(line: CartLine) -> str:
        left = line.product.stock
        have = f"only {left:,} left" if left > 0 else "none left"
        return fill(
            QCoreApplication.translate("cart_model", "%1: %2 in the order, %3 in stock."),
            line.product.name,
            QLocale().toString(line.quantity),
            have,
        )

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def clear(self) -> None:
        if self._rows:
            self.beginResetModel()
            self._rows = []
            self.endResetModel()

    def set_discount(self, row: int, discount: Discount | None) -> None:
        if 0 <= row < len(self._rows) and self._rows[row].discount != discount:
            self._rows[row].discount = discount
            self._rows[row].quoted = None
            self._row_changed(row)

    def discount_at(self, row: int) -> Discount | None:
        line = self.row_value(row)
        return line.discount if line is not None else None

    def set_quote(self, quote: OrderQuote | None) -> None:
        """The core's prices for the lines (None: not known)."""
        by_product = {line.product_id: line for line in quote.lines} if quote is not None else {}
        for row, line in enumerate(self._rows):
            quoted = by_product.get(line.product.id)
            if quoted != line.quoted:
                line.quoted = quoted
                self._row_changed(row, self.PRICE)

    def update_products(self, products) -> None:
        """Show current names and prices of products already in the cart."""
        by_id = {p.id: p for p in products}
        for row, line in enumerate(self._rows):
            if line.product.id in by_id:
                line.product = by_id[line.product.id]
                self._row_changed(row)

    def lines(self) -> tuple[CartLine, ...]:
        return tuple(self._rows)

    def product_ids(self) -> tuple[int, ...]:
        return tuple(line.product.id for line in self._rows)

    def order_lines(self) -> tuple[OrderLine, ...]:
        return tuple(OrderLine(line.product.id, line.quantity, line.discount) for line in self._rows)

    def total_cents(self) -> int:
        return sum(line.total_cents for line in self._rows)

    def is_empty(self) -> bool:
        return not self._rows

    # -- what a cell shows -------------------------------------------------------------
    def display(self, line: CartLine, column: int) -> str:
        if column == self.PRODUCT:
            return line.product.name
        if column == self.QUANTITY:
            return str(line.quantity)
        if column == self.PRICE:
            return money(line.product.price_cents)
        if column == self.DISCOUNT:
            return self._discount_cell(line)
        return money(line.total_cents)

    # -- the quantity, edited in place -------------------------------------------------------
    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == self.QUANTITY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def other_role(self, line: CartLine, column: int, role):
        if role == Qt.ItemDataRole.EditRole and column == self.QUANTITY:
            return line.quantity  # an int: the view edits it in a spin box
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.QUANTITY:
            return False
        if isinstance(value, bool) or not isinstance(value, int) or not self.set_quantity(index.row(), value):
            return False
        self.quantityEdited.emit(index.row())
        return True

    def foreground(self, line: CartLine, column: int):
        if column in (self.PRODUCT, self.QUANTITY) and self.short_of_stock(line):
            return _SHORT
        return None

    def tooltip(self, line: CartLine, column: int):
        if column in (self.PRODUCT, self.QUANTITY) and self.short_of_stock(line):
            return self.short_text(line)
        if column == self.PRODUCT:
            return f"{line.product.sku}: {line.product.name}"
        if column == self.QUANTITY:
            return self.tr("Double-click, F2 or type a number to change it")
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
            return QCoreApplication.translate("cart_model", "No discount: choose the line and type one below")
        if line.quoted is None:
            return None
        text = fill(
            QCoreApplication.translate("cart_model", "%1 off this line"), money(line.quoted.line_discount_cents)
        )
        if line.quoted.order_discount_cents:
            text += fill(
                QCoreApplication.translate("cart_model", "; %1 more from the order discount"),
                money(line.quoted.order_discount_cents),
            )
        return text
