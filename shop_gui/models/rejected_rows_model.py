"""The rows an import rejected: line, SKU and the reason."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.results import RejectedRecord
from shop_gui.models.table import RowsTableModel
from shop_gui.texts import describe


class RejectedRowsModel(RowsTableModel):
    LINE, SKU, REASON = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "Line"),
        QT_TRANSLATE_NOOP("words", "SKU"),
        QT_TRANSLATE_NOOP("words", "Reason"),
    )
    RIGHT = frozenset({LINE})

    def __init__(self, rejected: tuple[RejectedRecord, ...] = (), parent=None):
        super().__init__(parent)
        self._rows = tuple(rejected)

    def display(self, row: RejectedRecord, column: int) -> str:
        return (str(row.line), row.sku, describe(row.reason))[column]

    def tooltip(self, row: RejectedRecord, column: int):
        return describe(row.reason) if column == self.REASON else None
