"""The product list: a flat Python list of ProductView rows.

Built for 100,000 rows: filtering and sorting happen on the Python list (a
QSortFilterProxyModel over a Python model takes seconds at that size), and
after a command only the changed rows are replaced and announced with
``dataChanged``, so selection and scroll position stay where they were.
"""

from bisect import bisect_left
from operator import attrgetter

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from core.domain.product_order import name_order
from core.queries import GetProducts, GetProductsByIds, ProductView
from shop_gui.formatting import money
from shop_gui.models.table import RowsTableModel
from shop_gui.style import ERROR_COLOR
from shop_gui.texts import fill

LOW_STOCK_BACKGROUND = QBrush(QColor("#fde0dc"))
LOW_STOCK_FOREGROUND = QBrush(QColor(ERROR_COLOR))
PRODUCT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ProductTableModel(RowsTableModel):
    SKU, NAME, PRICE, STOCK = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "SKU"),
        QT_TRANSLATE_NOOP("words", "Name"),
        QT_TRANSLATE_NOOP("words", "Price"),
        QT_TRANSLATE_NOOP("words", "Stock"),
    )
    RIGHT = frozenset({PRICE, STOCK})
    _SORT_KEYS = {
        SKU: attrgetter("sku"),
        NAME: name_order,
        PRICE: attrgetter("price_cents"),
        STOCK: attrgetter("stock"),
    }

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self._rows: list[ProductView] = []  # a list: refresh() replaces rows in place
        # Row of each product id, built only when needed: at 100,000 rows the
        # dict costs 10 ms, which a category switch should not pay. In name
        # order a row is found by binary search instead.
        self._row_of: dict[int, int] | None = None
        self._in_name_order = True
        self._category_id: int | None = None
        self._search = ""
        self._archived = False  # True: the archived products instead of the active ones
        # The query answers by name; other orders are applied here.
        self._sort_column = self.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        # The rows are exactly in that order (none changed in place since).
        self._sorted_exactly = True
        self._bold = QFont()
        self._bold.setBold(True)

    # -- what is shown -----------------------------------------------------------
    def show_products(self, category_id: int | None, search: str = "", archived: bool = False) -> None:
        """List a category (with its sub-categories) or, while ``search`` is
        not blank, the whole catalog's matches; the archived products instead
        of the active ones when ``archived``."""
        self._category_id, self._search, self._archived = category_id, search.strip(), archived
        self.reload()

    @property
    def archived(self) -> bool:
        return self._archived

    def reload(self) -> None:
        query = (
            GetProducts(search=self._search, archived=self._archived)
            if self._search
            else GetProducts(category_id=self._category_id, archived=self._archived)
        )
        rows = self._sorted(list(self._bridge.ask(query)), already_by_name=True)
        self.beginResetModel()
        self._rows = rows
        self._row_of = None
        self._in_name_order = self._is_name_order()
        self._sorted_exactly = True
        self.endResetModel()

    def refresh(self, product_ids) -> None:
        """Replace the rows of these products with their current state."""
        if not product_ids or not self._rows:
            return
        for product in self._bridge.ask(GetProductsByIds(tuple(product_ids))):
            row = self._find_row(product)
            if row is not None:
                self._rows[row] = product
                self._sorted_exactly = False  # its stock, price or name may sort elsewhere now
                self._row_changed(row)

    def product_at(self, row: int) -> ProductView | None:
        return self.row_value(row)

    def row_of(self, product_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = dict(zip(map(attrgetter("id"), self._rows), range(len(self._rows))))
        return self._row_of.get(product_id)

    def _find_row(self, product: ProductView) -> int | None:
        if self._in_name_order and self._row_of is None:
            row = bisect_left(self._rows, name_order(product), key=name_order)
            if row < len(self._rows) and self._rows[row].id == product.id:
                return row
        return self.row_of(product.id)

    # -- what a cell shows ---------------------------------------------------------------
    def display(self, product: ProductView, column: int) -> str:
        if column == self.SKU:
            return product.sku
        if column == self.NAME:
            return product.name
        if column == self.PRICE:
            return money(product.price_cents)
        if product.out_of_stock:
            return fill(self.tr("%1 out"), product.stock)
        return fill(self.tr("%1 low"), product.stock) if product.low_stock else str(product.stock)

    def tooltip(self, product: ProductView, column: int):
        if column == self.STOCK and product.out_of_stock:
            return self.tr("Out of stock: none left to sell.")
        if column == self.STOCK and product.low_stock:
            return fill(self.tr("Low stock: reorder at %1 or fewer."), product.reorder_level)
        return None

    def foreground(self, product: ProductView, column: int):
        marked = product.low_stock or product.out_of_stock
        return LOW_STOCK_FOREGROUND if column == self.STOCK and marked else None

    def other_role(self, product: ProductView, column: int, role):
        if column == self.STOCK and (product.low_stock or product.out_of_stock):
            if role == Qt.ItemDataRole.BackgroundRole:
                return LOW_STOCK_BACKGROUND
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if role == PRODUCT_ID_ROLE:
            return product.id
        return None

    # -- QAbstractTableModel -------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column not in self._SORT_KEYS:
            return
        if (column, order) == (self._sort_column, self._sort_order) and self._sorted_exactly:
            # Already so (the window's saved columns restored at start): at
            # 100,000 rows sorting again and mapping the selection costs 0.2 s.
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_ids = [p.id for p in self._rows]
        self._rows = self._sorted(self._rows)
        self._row_of = None
        self._in_name_order = self._is_name_order()
        self._sorted_exactly = True
        # Keep selections and the current item on the same products.
        persistent = self.persistentIndexList()
        moved = [self.index(self.row_of(old_ids[i.row()]), i.column()) for i in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _is_name_order(self) -> bool:
        return self._sort_column == self.NAME and self._sort_order == Qt.SortOrder.AscendingOrder

    def _sorted(self, rows: list[ProductView], already_by_name=False) -> list[ProductView]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if already_by_name and self._sort_column == self.NAME and not descending:
            return rows  # the query's own order: no need to sort 100,000 rows again
        return sorted(rows, key=self._SORT_KEYS[self._sort_column], reverse=descending)
