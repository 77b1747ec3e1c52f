"""Every till session, newest first, to reopen and reprint its Z report (or
see the open one's X report). Not modal; kept current while it is open."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from core.queries import GetTillSessions
from shop_gui.bridge import ReadModelSubscription
from shop_gui.dialogs.command_dialog import close_buttons
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.dialogs.till_report_dialog import TillReportDialog
from shop_gui.formatting import count_of
from shop_gui.models.till_sessions_model import TillSessionsModel
from shop_gui.texts import fill
from shop_gui.views.tables import read_only_table, select_row, set_widths


class TillSessionsDialog(ShopDialog):
    def __init__(self, bridge, parent=None):
        super().__init__(parent, objectName="tillSessionsDialog")
        self._bridge = bridge
        self.setWindowTitle(self.tr("Z reports"))
        self.heading = QLabel(objectName="tillSessionsHeading")
        self.model = TillSessionsModel(self)
        self.table = read_only_table("tillSessionsTable", self.model)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Till sessions"))
        set_widths(
            self.table,
            {
                TillSessionsModel.NUMBER: 44,
                TillSessionsModel.OPENED: 130,
                TillSessionsModel.CLOSED: 130,
                TillSessionsModel.BY: 110,
                TillSessionsModel.EXPECTED: 90,
                TillSessionsModel.COUNTED: 90,
                TillSessionsModel.DIFFERENCE: 110,
            },
            stretch=TillSessionsModel.TILL,
        )
        self.open_button = QPushButton(self.tr("&Open report"), objectName="openReportButton")
        self.open_button.setToolTip(self.tr("Show the chosen session's report, to read, save or print again"))
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(close_buttons(self.close))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(860, 420)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_button.clicked.connect(lambda: self.open_report())
        self.table.doubleClicked.connect(lambda _index: self.open_report())
        self.table.selectionModel().currentRowChanged.connect(self._update_button)
        self._following = ReadModelSubscription(bridge, lambda _changes: self.reload())
        self.reload()
        if self.model.rowCount():
            select_row(self.table, 0)

    def reload(self) -> None:
        current = self.current_session()
        self.model.set_sessions(self._bridge.ask(GetTillSessions()))
        if current is not None:
            self.select_session(current.session_id)  # still chosen after the reload
        count = self.model.rowCount()
        closed = sum(1 for row in range(count) if self.model.session_at(row).closed_at)
        self.heading.setText(
            fill(
                self.tr("%1. Choose one to see its Z report again, to save or print it."),
                count_of(closed, "closed session"),
            )
            if count
            else self.tr("No till has been opened yet.")
        )
        self._update_button()

    def _update_button(self, *_) -> None:
        self.open_button.setEnabled(self.current_session() is not None)

    def current_session(self):
        return self.model.session_at(self.table.currentIndex().row())

    def select_session(self, session_id: int) -> bool:
        row = self.model.row_of(session_id)
        if row is None:
            return False
        select_row(self.table, row)
        return True

    def open_report(self) -> TillReportDialog | None:
        session = self.current_session()
        if session is None:
            return None
        # (An open session has no Z report yet: its X report, figures so far.)
        dialog = TillReportDialog(self._bridge, session.session_id, self)
        dialog.show()
        return dialog

    def done(self, result: int) -> None:
        self._following.end()
        super().done(result)

    def closeEvent(self, event) -> None:
        self._following.end()
        super().closeEvent(event)
