"""What an import did: counts, the rejected rows, and "Save report..."."""

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from core.catalog_csv import write_rejections
from core.errors import ShopError
from shop_gui.dialogs.command_dialog import close_buttons, plain_label
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.file_places import in_documents
from shop_gui.formatting import count_of
from shop_gui.models.rejected_rows_model import RejectedRowsModel
from shop_gui.style import ERROR_STYLE, bold
from shop_gui.texts import describe, fill
from shop_gui.views.tables import read_only_table, set_widths


class ImportResultsDialog(ShopDialog):
    """``report`` is a core.catalog_csv.ImportReport; ``problem`` the sentence
    of an import that stopped before the end (None when it ran to its end or
    was cancelled)."""

    def __init__(self, report, file_name: str, problem: str | None = None, parent=None):
        super().__init__(parent, objectName="importResults")
        self.report = report
        self._file_name = file_name
        rejected = len(report.outcome.rejected)
        stopped = report.cancelled or problem is not None
        self.setWindowTitle(self.tr("Import stopped") if stopped else self.tr("Import finished"))
        layout = QVBoxLayout(self)
        self._add_summary(layout, stopped, problem)
        self._add_rejected_rows(layout)
        self._add_buttons(layout)
        self.resize(720, 460 if rejected else 240)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _add_summary(self, layout: QVBoxLayout, stopped: bool, problem: str | None) -> None:
        """The heading, the counts, and why the import stopped or which columns it did not use."""
        report, outcome, file_name = self.report, self.report.outcome, self._file_name
        heading = plain_label(
            f"The import of {file_name} stopped before the end." if stopped else f"{file_name} imported.",
            "importHeading",
        )
        bold(heading)
        counts = QGridLayout()
        counts.setHorizontalSpacing(16)
        self.counts = {}
        for row, (key, label, value) in enumerate(
            (
                ("created", "Created", outcome.created),
                ("updated", "Updated", outcome.updated),
                ("unchanged", "Unchanged", outcome.unchanged),
                ("rejected", "Rejected", len(outcome.rejected)),
            )
        ):
            self.counts[key] = QLabel(f"{value:,}", objectName=f"{key}Count")
            self.counts[key].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            counts.addWidget(QLabel(label), row, 0)
            counts.addWidget(self.counts[key], row, 1)
        counts.setColumnStretch(2, 1)  # the numbers stay beside their words
        layout.addWidget(heading)
        layout.addLayout(counts)
        if stopped:
            done = outcome.created + outcome.updated + outcome.unchanged
            text = problem or (
                f"Cancelled: {done:,} of the file's {'about ' if getattr(report, 'estimated', False) else ''}"
                f"{report.total_records:,} good rows were "
                "imported, in whole batches; the rest were not. Importing the file again "
                "finishes the job (rows already there stay unchanged)."
            )
            note = plain_label(text, "importStoppedNote")
            note.setWordWrap(True)
            note.setStyleSheet(ERROR_STYLE)
            layout.addWidget(note)
        if getattr(report, "ignored_columns", ()):
            ignored = plain_label("Columns not used: " + ", ".join(report.ignored_columns) + ".", "ignoredColumnsNote")
            ignored.setWordWrap(True)
            layout.addWidget(ignored)

    def _add_rejected_rows(self, layout: QVBoxLayout) -> None:
        """The table of rejected rows (or a line saying there are none) and where the report was saved."""
        rejected = len(self.report.outcome.rejected)
        self.model = RejectedRowsModel(self.report.outcome.rejected, self)
        self.table = read_only_table("rejectedTable", self.model)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Rejected rows"))
        set_widths(
            self.table, {RejectedRowsModel.LINE: 60, RejectedRowsModel.SKU: 120}, stretch=RejectedRowsModel.REASON
        )
        self.saved = plain_label("", "reportSavedLabel")
        self.saved.setWordWrap(True)
        if rejected:
            layout.addWidget(
                QLabel(fill(self.tr("Rejected rows (%1); none of them was imported:"), QLocale().toString(rejected)))
            )
            layout.addWidget(self.table, 1)
        else:
            self.table.hide()
            layout.addWidget(QLabel(self.tr("No row was rejected."), objectName="noRejectionsLabel"))
        layout.addWidget(self.saved)

    def _add_buttons(self, layout: QVBoxLayout) -> None:
        buttons = close_buttons(self.reject)
        self.save_button = QPushButton(self.tr("Save report..."), objectName="saveReportButton")
        self.save_button.setToolTip(self.tr("Save the rejected rows (line, SKU, reason) as a CSV file"))
        self.save_button.setEnabled(bool(self.report.outcome.rejected))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_report)
        layout.addWidget(buttons)

    def choose_report_path(self) -> str | None:
        """Where to save the report (tests replace this)."""
        suggested = f"{Path(self._file_name).stem}-rejected.csv"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the rejected rows"), in_documents(suggested), self.tr("CSV files (*.csv)")
        )
        return path or None

    def save_report(self) -> str | None:
        path = self.choose_report_path()
        if not path:
            return None
        try:
            count = write_rejections(self.report.outcome.rejected, path)
        except ShopError as exc:
            self.saved.setStyleSheet(ERROR_STYLE)
            self.saved.setText(describe(exc))
            return None
        self.saved.setStyleSheet("")
        self.saved.setText(fill(self.tr("%1 saved to %2."), count_of(count, "rejected row"), path))
        return path
