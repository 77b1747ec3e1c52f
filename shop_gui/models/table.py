"""The base of every table model in the window: rows of immutable values,
one row each, read-only."""

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Looked up once: data() runs for every cell and role of every row painted.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole


class RowsTableModel(QAbstractTableModel):
    """Rows in ``self._rows`` (a sequence), columns named by ``HEADERS``,
    numbers right-aligned in the ``RIGHT`` columns: the shape of every list in
    the window. Subclasses say what a cell shows: ``display``, and where they
    have them ``tooltip``, ``foreground`` and any other role (``other_role``)."""

    HEADERS: tuple[str, ...] = ()
    # The translation context of the headings (QT_TRANSLATE_NOOP(context, ...)):
    # "people" where "Name" is a person's (Имя), not a product's (Название).
    HEADERS_CONTEXT = "words"
    RIGHT: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = ()

    # -- the rows ------------------------------------------------------------------------
    def _set_rows(self, rows) -> None:
        """Show ``rows`` instead (a reset: selections end)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_value(self, row: int):
        """The value shown on ``row``; None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, value_id: int) -> int | None:
        """The row of the value whose ``id`` is ``value_id`` (None: not listed)."""
        return next((row for row, value in enumerate(self._rows) if value.id == value_id), None)

    def _row_changed(self, row: int, first_column: int = 0) -> None:
        self.dataChanged.emit(self.index(row, first_column), self.index(row, len(self.HEADERS) - 1))

    def repaint_all(self) -> None:
        """Every cell may read differently (the currency changed): say so, keeping rows and selection."""
        rows, columns = self.rowCount(), self.columnCount()
        if rows and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))

    # -- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.HEADERS_CONTEXT, self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return self.display(value, column)
        if role == _ALIGNMENT:
            return RIGHT_ALIGNED if column in self.RIGHT else None
        if role == _TOOLTIP:
            return self.tooltip(value, column)
        if role == _FOREGROUND:
            return self.foreground(value, column)
        return self.other_role(value, column, role)

    # -- what a cell shows (subclasses) --------------------------------------------------------
    def display(self, value, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, value, column: int):
        return None

    def foreground(self, value, column: int):
        return None

    def other_role(self, value, column: int, role):
        """Any other role: a background, a font, an id for the view."""
        return None
