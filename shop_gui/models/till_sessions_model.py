"""Till sessions, newest first: the list of Z reports."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor

from shop_gui.formatting import local_time, money
from shop_gui.models.table import RowsTableModel
from shop_gui.style import ERROR_COLOR, OK_COLOR
from shop_gui.till_report_document import difference_text

SHORT_FOREGROUND = QBrush(QColor(ERROR_COLOR))
OVER_FOREGROUND = QBrush(QColor(OK_COLOR))


class TillSessionsModel(RowsTableModel):
    """``TillSessionSummary`` values (``set_sessions``); an open one has no Z yet."""

    NUMBER, TILL, OPENED, CLOSED, BY, EXPECTED, COUNTED, DIFFERENCE = range(8)
    HEADERS = (
        "Z",
        QT_TRANSLATE_NOOP("words", "Till"),
        QT_TRANSLATE_NOOP("words", "Opened"),
        QT_TRANSLATE_NOOP("words", "Closed"),
        QT_TRANSLATE_NOOP("words", "By"),
        QT_TRANSLATE_NOOP("words", "Expected"),
        QT_TRANSLATE_NOOP("words", "Counted"),
        QT_TRANSLATE_NOOP("words", "Difference"),
    )
    RIGHT = frozenset({NUMBER, EXPECTED, COUNTED, DIFFERENCE})

    def set_sessions(self, sessions) -> None:
        self._set_rows(sessions)

    def session_at(self, row: int):
        return self.row_value(row)

    def row_of(self, value_id: int) -> int | None:
        return next((row for row, s in enumerate(self._rows) if s.session_id == value_id), None)

    def display(self, session, column: int) -> str:
        if column == self.NUMBER:  # the Z number, once there is a Z report
            return str(session.session_id) if session.closed_at else ""
        if column == self.TILL:
            return session.till
        if column == self.OPENED:
            return local_time(session.opened_at)
        if column == self.CLOSED:
            return local_time(session.closed_at) if session.closed_at else "open"
        if column == self.BY:
            return _who(session)
        if column == self.EXPECTED:
            return money(session.expected_cash_cents)
        if column == self.COUNTED:
            return "" if session.counted_cash_cents is None else money(session.counted_cash_cents)
        return "" if session.difference_cents is None else difference_text(session.difference_cents)

    def tooltip(self, session, column: int):
        if column == self.BY:
            return f"Opened by {session.opened_by or 'unknown'}" + (
                f", closed by {session.closed_by}" if session.closed_by else ""
            )
        if column == self.TILL:
            return session.till
        if column in (self.NUMBER, self.CLOSED) and not session.closed_at:
            return self.tr("Still open: its report is an X report, figures so far")
        return None

    def foreground(self, session, column: int):
        if column == self.DIFFERENCE and session.difference_cents:
            return SHORT_FOREGROUND if session.difference_cents < 0 else OVER_FOREGROUND
        return None


def _who(session) -> str:
    opened, closed = session.opened_by or "", session.closed_by or ""
    if closed and closed != opened:
        return f"{opened} / {closed}" if opened else closed
    return opened
