"""Table views as every list in the window sets them up."""

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ListTable(QTableView):
    """A list of rows driven by the keyboard as well as the mouse: Tab and
    Shift+Tab leave it for the next field (they never walk its cells), and
    where the view says what they do, Enter acts on the current row
    (``on_enter``) and Delete takes it away (``on_delete``). Without them the
    keys go on to the window or dialog as before (Enter: its default button)."""

    def __init__(self, name: str):
        super().__init__(objectName=name)
        self.setTabKeyNavigation(False)
        self.on_enter: Callable[[QModelIndex], None] | None = None
        self.on_delete: Callable[[QModelIndex], None] | None = None

    def keyPressEvent(self, event) -> None:
        index = self.currentIndex()
        action = None
        if event.key() in ENTER_KEYS and self.state() != QAbstractItemView.State.EditingState:
            action = self.on_enter
        elif event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            action = self.on_delete
        if action is not None and index.isValid():
            action(index)
            event.accept()
            return
        super().keyPressEvent(event)


def read_only_table(name: str, model) -> ListTable:
    """One row selected at a time, nothing edited in place, rows of a fixed
    height (Qt never measures them: the product table may have 100,000)."""
    table = ListTable(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    return table


def set_widths(table: QTableView, widths: dict[int, int], stretch: int) -> None:
    """Columns of these widths, each at least as wide as its heading (a
    translated heading may be longer than the English one)."""
    header = table.horizontalHeader()
    for column, width in widths.items():
        header.resizeSection(column, max(width, header.sectionSizeHint(column)))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def select_row(table: QTableView, row: int, column: int = 0, *, scroll: bool = True) -> None:
    """Make ``row`` the current and only selected row, as a click on its
    ``column`` would; scrolled into view unless ``scroll`` is False."""
    index = table.model().index(row, column)
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    if scroll:
        table.scrollTo(index)


def keeping_current_row(table: QTableView, change, *, scroll: bool = True) -> None:
    """Run ``change()`` (a reload, another filter) and choose the same value
    (by its ``id``) again if it is still listed. ``table``'s model is a
    RowsTableModel."""
    model = table.model()
    current = model.row_value(table.currentIndex().row())
    change()
    row = None if current is None else model.row_of(current.id)
    if row is not None:
        select_row(table, row, scroll=scroll)
