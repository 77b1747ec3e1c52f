"""The Journal view's rows: one event each (core.journal.JournalEntry),
newest first; older pages are appended as they are asked for."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt

from shop_gui.formatting import local_time
from shop_gui.texts import describe, fill, word

COLUMNS = (
    QT_TRANSLATE_NOOP("words", "When"),
    QT_TRANSLATE_NOOP("words", "Who"),
    QT_TRANSLATE_NOOP("words", "Till"),
    QT_TRANSLATE_NOOP("words", "What"),
    QT_TRANSLATE_NOOP("words", "Undone"),
)


class JournalModel(QAbstractTableModel):
    WHEN, WHO, TILL, WHAT, UNDONE = range(len(COLUMNS))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return word(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if column == self.WHEN:
            return local_time(entry.at)
        if column == self.WHO:
            if entry.approved_by is None:
                return entry.who
            return fill(self.tr("%1 (approved by %2)"), entry.who, entry.approved_by)
        if column == self.TILL:
            return entry.till
        if column == self.WHAT:
            return describe(entry.what)
        return describe(entry.undone) if entry.undone else ""

    def entry(self, row: int):
        return self._rows[row]

    def last_position(self) -> int | None:
        return self._rows[-1].position if self._rows else None

    def show(self, entries) -> None:
        """Only these rows (a new filter)."""
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def append(self, entries) -> None:
        """Older rows after the ones shown (the next page)."""
        if not entries:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._rows.extend(entries)
        self.endInsertRows()
