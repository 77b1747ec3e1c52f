"""A till session's report, shown like a receipt's preview and saved or
printed the same way (``DocumentDialog``): the X report of the open session
(kept current while it is open) or the Z report of a closed one."""

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.errors import ShopError
from core.queries import GetShopSettings, GetTillReport
from shop_gui.dialogs.document_dialog import DocumentDialog
from shop_gui.language import speaking
from shop_gui.texts import fill
from shop_gui.till_report_document import report_title, till_report_document


class TillReportDialog(DocumentDialog):
    """``session_id``: a session's Z report; None: this till's X report."""

    noun = "report"
    print_failed = QT_TRANSLATE_NOOP(
        "words", "The report could not be printed; the till's figures are stored all the same."
    )

    def __init__(self, bridge, session_id: int | None = None, parent=None):
        self.session_id = session_id
        self.report = None
        self.taken_at: str | None = None
        title = self.tr("X report") if session_id is None else fill(self.tr("Till report %1"), session_id)
        super().__init__(bridge, title, "tillReportDialog", "tillReportView", parent)
        self.view.setMinimumWidth(440)
        self.reload()
        self._fit_height()

    def make_document(self):
        self.report = self._bridge.ask(GetTillReport(self.session_id))
        self.taken_at = datetime.now(UTC).isoformat(timespec="seconds")
        settings = self._bridge.ask(GetShopSettings())
        # An X report: the journal now. A Z report prints the link kept at its closing.
        head = None
        if self.report.closed_at is None:
            try:
                head = self._bridge.shop.journal_head()
            except ShopError:
                head = None  # the database is busy: the report without the line, not no report
        self.setWindowTitle(f"{report_title(self.report)}: {self.report.till}")
        with speaking(settings.language):  # the shop's language, not the window's
            return till_report_document(self.report, settings, self, printed_at=self.taken_at, journal_head=head)

    def _fit_height(self) -> None:
        """Tall enough for the whole report, as far as the screen allows."""
        if self.document is None:
            return
        frame = 2 * self.view.frameWidth()
        width = self.view.minimumWidth() - frame - self.view.verticalScrollBar().sizeHint().width()
        copy = self.document.clone(self)
        copy.setTextWidth(width)
        height = int(copy.size().height()) + frame + 2
        copy.deleteLater()
        screen = self.screen().availableGeometry().height() if self.screen() else 800
        self.view.setMinimumHeight(max(420, min(height, screen - 120)))

    def file_stem(self) -> str:
        if self.report is None or self.report.closed_at is None:
            stamp = (self.taken_at or "")[:16].replace(":", "").replace("T", "-")
            return f"x-report-{stamp}" if stamp else "x-report"
        return f"z-report-{self.report.session_id}"

    def pdf_title(self) -> str:
        return self.windowTitle()

    def wants_reload(self, changes) -> bool:
        # An X report's figures move with every sale, refund and cash move.
        still_open = self.report is None or self.report.closed_at is None
        return still_open or super().wants_reload(changes)
