"""A product's stock movements, oldest first, as a read-only table."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor

from core.queries import StockMovement
from shop_gui.formatting import local_time, signed
from shop_gui.models.table import RowsTableModel
from shop_gui.style import ERROR_COLOR, OK_COLOR
from shop_gui.texts import reason_name
from shop_gui.undo_marks import UNDONE_FOREGROUND, with_mark

TAKEN_FOREGROUND = QBrush(QColor(ERROR_COLOR))
ADDED_FOREGROUND = QBrush(QColor(OK_COLOR))


def describe(movement: StockMovement) -> str:
    """The reason and note of a movement in a few words."""
    parts = [reason_name(movement.reason)] if movement.reason else []
    if movement.note:
        parts.append(movement.note)
    return ": ".join(parts)


class StockHistoryModel(RowsTableModel):
    TIME, KIND, QUANTITY, STOCK_AFTER, DETAILS, ORDER, BY = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "Time"),
        QT_TRANSLATE_NOOP("words", "Movement"),
        QT_TRANSLATE_NOOP("words", "Quantity"),
        QT_TRANSLATE_NOOP("words", "Stock after"),
        QT_TRANSLATE_NOOP("words", "Reason / note"),
        QT_TRANSLATE_NOOP("words", "Order"),
        QT_TRANSLATE_NOOP("words", "By"),
    )
    RIGHT = frozenset({QUANTITY, STOCK_AFTER, ORDER})

    def show_movements(self, moves) -> None:
        self._set_rows(moves)

    def display(self, move: StockMovement, column: int) -> str:
        if column == self.TIME:
            return local_time(move.at)
        if column == self.KIND:
            return move.kind.capitalize()
        if column == self.QUANTITY:
            return signed(move.quantity)
        if column == self.STOCK_AFTER:
            return f"{move.stock_after:,}"
        if column == self.DETAILS:
            return with_mark(describe(move), move.undone)
        if column == self.ORDER:
            return "" if move.order_id is None else str(move.order_id)
        return move.by or ""

    def foreground(self, move: StockMovement, column: int):
        if move.undone is not None and move.undone.redone_at is None:
            return UNDONE_FOREGROUND
        if column == self.QUANTITY:
            return TAKEN_FOREGROUND if move.quantity < 0 else ADDED_FOREGROUND
        return None

    def tooltip(self, move: StockMovement, column: int):
        if column == self.BY:
            return move.by or None
        return (with_mark(describe(move), move.undone) or None) if column == self.DETAILS else None
