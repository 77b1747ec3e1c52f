"""A product's stock movements, oldest first, as a read-only table."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from core.queries import StockMovement
from shop_gui.formatting import local_time, signed
from shop_gui.models.table import RowsTableModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
TAKEN_FOREGROUND = QBrush(QColor("#b3261e"))
ADDED_FOREGROUND = QBrush(QColor("#1b6e2e"))


def describe(movement: StockMovement) -> str:
    """The reason and note of a movement in a few words."""
    parts = [movement.reason.capitalize()] if movement.reason else []
    if movement.note:
        parts.append(movement.note)
    return ": ".join(parts)


class StockHistoryModel(RowsTableModel):
    TIME, KIND, QUANTITY, STOCK_AFTER, DETAILS, ORDER = range(6)
    HEADERS = ("Time", "Movement", "Quantity", "Stock after", "Reason / note", "Order")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: tuple[StockMovement, ...] = ()

    def show_movements(self, moves) -> None:
        self.beginResetModel()
        self._rows = tuple(moves)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        move = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return local_time(move.at)
            if column == self.KIND:
                return move.kind.capitalize()
            if column == self.QUANTITY:
                return signed(move.quantity)
            if column == self.STOCK_AFTER:
                return f"{move.stock_after:,}"
            if column == self.DETAILS:
                return describe(move)
            return "" if move.order_id is None else str(move.order_id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.QUANTITY, self.STOCK_AFTER, self.ORDER):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.QUANTITY:
            return TAKEN_FOREGROUND if move.quantity < 0 else ADDED_FOREGROUND
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DETAILS:
            return describe(move) or None
        return None
