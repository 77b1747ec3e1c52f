"""Read-only table views as every list in the window sets them up."""

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_table(name: str, model) -> QTableView:
    """One row selected at a time, nothing edited in place, rows of a fixed
    height (Qt never measures them: the product table may have 100,000)."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    return table


def set_widths(table: QTableView, widths: dict[int, int], stretch: int) -> None:
    header = table.horizontalHeader()
    for column, width in widths.items():
        header.resizeSection(column, width)
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
