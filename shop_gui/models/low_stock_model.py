"""Products at or below their reorder level (GetLowStock), by name."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.queries import GetCategories, GetLowStock, ProductView
from shop_gui.formatting import category_paths
from shop_gui.models.table import RowsTableModel


class LowStockModel(RowsTableModel):
    SKU, NAME, CATEGORY, STOCK, REORDER_LEVEL = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "SKU"),
        QT_TRANSLATE_NOOP("words", "Name"),
        QT_TRANSLATE_NOOP("words", "Category"),
        QT_TRANSLATE_NOOP("words", "Stock"),
        QT_TRANSLATE_NOOP("words", "Reorder at"),
    )
    RIGHT = frozenset({STOCK, REORDER_LEVEL})

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self._paths: dict[int, str] = {}
        self.reload()

    def reload(self) -> None:
        rows = self._bridge.ask(GetLowStock())
        paths = category_paths(self._bridge.ask(GetCategories()))
        self.beginResetModel()
        self._rows, self._paths = rows, paths
        self._ids = {p.id for p in rows}
        self.endResetModel()

    def ids(self) -> set[int]:
        return self._ids

    def product_at(self, row: int) -> ProductView | None:
        return self.row_value(row)

    def display(self, product: ProductView, column: int) -> str:
        if column == self.SKU:
            return product.sku
        if column == self.NAME:
            return product.name
        if column == self.CATEGORY:
            return self._paths.get(product.category_id, "")
        if column == self.STOCK:
            return f"{product.stock:,}"
        return f"{product.reorder_level:,}"
