"""The shop's staff by name (GetStaff): name, role, whether they may sign in."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from core.queries import GetStaff, StaffView
from shop_gui.models.table import RowsTableModel


class StaffTableModel(RowsTableModel):
    NAME, ROLE, ACTIVE = range(3)
    HEADERS_CONTEXT = "people"
    HEADERS = (
        QT_TRANSLATE_NOOP("people", "Name"),
        QT_TRANSLATE_NOOP("people", "Role"),
        QT_TRANSLATE_NOOP("people", "Active"),
    )

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self.reload()

    def reload(self) -> None:
        self._set_rows(self._bridge.ask(GetStaff()))

    def people(self) -> tuple[StaffView, ...]:
        return tuple(self._rows)

    def person_at(self, row: int) -> StaffView | None:
        return self.row_value(row)

    def display(self, person: StaffView, column: int) -> str:
        if column == self.NAME:
            return person.name
        if column == self.ROLE:
            return person.role.capitalize()
        return self.tr("yes") if person.active else self.tr("no: cannot sign in")

    def tooltip(self, person: StaffView, column: int):
        return person.name if column == self.NAME else None

    def foreground(self, person: StaffView, column: int):
        if person.active:
            return None
        return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
