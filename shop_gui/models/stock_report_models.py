"""The Reports tab's stock tables: stock value by category (with a totals
row) and the slow movers (products in stock that sold nothing)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont

from core.queries import StockValue
from shop_gui.formatting import money
from shop_gui.models.sales_report_model import NOT_RECORDED
from shop_gui.models.table import RowsTableModel
from shop_gui.texts import word


class StockValueModel(RowsTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "Category"),
        QT_TRANSLATE_NOOP("words", "Products"),
        QT_TRANSLATE_NOOP("words", "Units"),
        QT_TRANSLATE_NOOP("words", "At cost"),
        QT_TRANSLATE_NOOP("words", "At price"),
        QT_TRANSLATE_NOOP("words", "Units without cost"),
    )
    RIGHT = frozenset(range(1, len(HEADERS)))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.value: StockValue | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def show_value(self, value: StockValue | None) -> None:
        self.value = value
        self._set_rows(() if value is None else (*value.rows, value.total))

    def _is_total(self, row) -> bool:
        return self.value is not None and row is self.value.total

    def display(self, row, column: int) -> str:
        if column == 0:
            return self.tr("Total") if self._is_total(row) else row.key or word(NOT_RECORDED)
        if column == 3:
            return money(row.cost_cents)
        if column == 4:
            return money(row.price_cents)
        return str((row.products, row.units, None, None, row.units_without_cost)[column - 1])

    def other_role(self, row, column: int, role):
        if role == Qt.ItemDataRole.FontRole and self._is_total(row):
            return self._bold
        return None


class SlowMoversModel(RowsTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "SKU"),
        QT_TRANSLATE_NOOP("words", "Product"),
        QT_TRANSLATE_NOOP("words", "Category"),
        QT_TRANSLATE_NOOP("words", "In stock"),
        QT_TRANSLATE_NOOP("words", "Price"),
        QT_TRANSLATE_NOOP("words", "Stock at price"),
    )
    RIGHT = frozenset((3, 4, 5))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.products: tuple | None = None
        self.paths: dict[int, str] = {}

    def show_products(self, products, paths: dict[int, str]) -> None:
        self.products, self.paths = products, paths
        self._set_rows(() if products is None else products)

    def display(self, p, column: int) -> str:
        if column == 0:
            return p.sku
        if column == 1:
            return p.name
        if column == 2:
            return self.paths.get(p.category_id, "")
        if column == 3:
            return str(p.stock)
        if column == 4:
            return money(p.price_cents)
        return money(p.price_cents * p.stock)
