"""Products at or below their reorder level (GetLowStock), by name."""

from PySide6.QtCore import Qt

from core.queries import GetCategories, GetLowStock, ProductView
from shop_gui.formatting import category_paths
from shop_gui.models.table import RowsTableModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class LowStockModel(RowsTableModel):
    SKU, NAME, CATEGORY, STOCK, REORDER_LEVEL = range(5)
    HEADERS = ("SKU", "Name", "Category", "Stock", "Reorder at")

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self._rows: tuple[ProductView, ...] = ()
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
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, product_id: int) -> int | None:
        return next((row for row, p in enumerate(self._rows) if p.id == product_id), None)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        product = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.SKU:
                return product.sku
            if column == self.NAME:
                return product.name
            if column == self.CATEGORY:
                return self._paths.get(product.category_id, "")
            if column == self.STOCK:
                return f"{product.stock:,}"
            return f"{product.reorder_level:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.STOCK, self.REORDER_LEVEL):
            return _RIGHT
        return None
