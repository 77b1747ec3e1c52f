"""The rows an import rejected: line, SKU and the reason."""

from PySide6.QtCore import Qt

from core.results import RejectedRecord
from shop_gui.models.table import RowsTableModel


class RejectedRowsModel(RowsTableModel):
    LINE, SKU, REASON = range(3)
    HEADERS = ("Line", "SKU", "Reason")

    def __init__(self, rejected: tuple[RejectedRecord, ...] = (), parent=None):
        super().__init__(parent)
        self._rows = tuple(rejected)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(row.line), row.sku, row.reason)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON:
            return row.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
