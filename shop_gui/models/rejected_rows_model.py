"""The rows an import rejected: line, SKU and the reason."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from core.results import RejectedRecord


class RejectedRowsModel(QAbstractTableModel):
    LINE, SKU, REASON = range(3)
    HEADERS = ("Line", "SKU", "Reason")

    def __init__(self, rejected: tuple[RejectedRecord, ...] = (), parent=None):
        super().__init__(parent)
        self._rows = tuple(rejected)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

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
