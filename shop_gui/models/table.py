"""A read-only table over a tuple of immutable values, one row each."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsTableModel(QAbstractTableModel):
    """Rows in ``self._rows``, columns named by ``HEADERS``: the shape of every
    list in the window. Subclasses say what a cell shows (``data``)."""

    HEADERS: tuple[str, ...] = ()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class ReadOnlyTable(RowsTableModel):
    """A read-only table of ``self._rows`` with ``HEADERS``."""

    RIGHT: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: tuple = ()

    def _set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_value(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(value, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.RIGHT:
            return RIGHT_ALIGNED
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(value, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(value, index.column())
        return None

    def display(self, value, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, value, column: int):
        return None

    def foreground(self, value, column: int):
        return None
