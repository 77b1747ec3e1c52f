"""File > Import products... and Export catalog...: CSV files in and out.

The import runs in a worker thread (``shop_gui.import_worker``) behind a
progress dialog with Cancel; the window stays usable meanwhile. Its results
(counts and rejected rows) are shown in ``ImportResultsDialog``.

Before it, a quick first pass over the file (cancellable) finds what the
person must decide: which column is which when the header lacks one
(``ColumnMappingDialog``), and what a SKU on several rows does (keep its
first row, its last, or reject the repeats).
"""

from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from core.catalog_csv import (
    KEEP_FIRST,
    KEEP_LAST,
    REJECT_REPEATS,
    CatalogFileError,
    ImportChoices,
    MissingColumns,
    export_catalog,
    find_repeated_skus,
)
from core.errors import ShopError
from core.queries import GetCategories
from shop_gui.dialogs.column_mapping_dialog import ColumnMappingDialog
from shop_gui.dialogs.import_results_dialog import ImportResultsDialog
from shop_gui.file_places import in_documents
from shop_gui.formatting import category_paths, count_of
from shop_gui.import_worker import BATCH_SIZE, start_import
from shop_gui.texts import describe, fill
from shop_gui.views.message_boxes import show_notice

CSV_FILTER = "CSV files (*.csv);;All files (*)"


class CatalogFiles(QObject):
    """Signals:
    message(str): something to tell the person (status bar).
    importingChanged(bool): an import started or ended (menus enable themselves).
    importFinished(object): the ImportResultsDialog of an import that is over.
    """

    message = Signal(str)
    importingChanged = Signal(bool)
    importFinished = Signal(object)

    def __init__(self, bridge, window):
        super().__init__(window)
        self._bridge = bridge
        self._window = window
        self._thread = None
        self._worker = None
        self._progress: QProgressDialog | None = None
        self._path: Path | None = None
        self._closing = False
        self.batch_size = BATCH_SIZE

    # -- questions (tests replace these) ---------------------------------------------------------
    def choose_import_path(self) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(
            self._window, self.tr("Import products"), in_documents(), CSV_FILTER
        )
        return path or None

    def choose_export_path(self, suggested: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self._window, self.tr("Export catalog"), in_documents(suggested), CSV_FILTER
        )
        return path or None

    def ask_repeats(self, repeated: int, file_name: str) -> str | None:
        """What a SKU on several rows does: KEEP_FIRST, KEEP_LAST, REJECT_REPEATS; None: do not import."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import products"),
            fill(
                self.tr("%n SKU(s) of “%1” on more than one row. Which row of each is imported?", "", repeated),
                file_name,
            ),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        answers = {
            box.addButton(self.tr("Keep the &first"), QMessageBox.ButtonRole.AcceptRole): KEEP_FIRST,
            box.addButton(self.tr("Keep the &last"), QMessageBox.ButtonRole.AcceptRole): KEEP_LAST,
            box.addButton(self.tr("&Reject the repeats"), QMessageBox.ButtonRole.AcceptRole): REJECT_REPEATS,
        }
        box.exec()
        return answers.get(box.clickedButton())

    def tell(self, text: str) -> None:
        self.message.emit(text)
        show_notice(self._window, self.tr("Catalog file"), text, "catalogFileError", QMessageBox.Icon.Warning)

    # -- import ----------------------------------------------------------------------------------
    def is_importing(self) -> bool:
        return self._thread is not None

    def import_products(self) -> None:
        if self.is_importing():
            return
        path = self.choose_import_path()
        if path:
            self.import_from(path)

    def import_from(self, path, choices: ImportChoices | None = None) -> QProgressDialog | None:
        """Import ``path`` (no file dialog): the first pass, the questions it
        raises, then the import itself. Returns its progress dialog, or None
        when a question is open (the import starts once it is answered) or
        the person cancelled."""
        if self.is_importing():
            return None
        path, choices = Path(path), choices or ImportChoices()
        try:
            repeated = self.first_pass(path, choices)
        except MissingColumns as missing:
            return self._ask_columns(path, missing)
        except CatalogFileError:
            repeated = {}  # the import itself reports it, as it always has
        if repeated is None:
            self.message.emit(self.tr("Import cancelled."))
            return None
        if repeated:
            policy = self.ask_repeats(len(repeated), path.name)
            if policy is None:
                self.message.emit(self.tr("Import cancelled."))
                return None
            choices = ImportChoices(choices.columns, choices.default_category, policy)
        return self._start(path, choices)

    def first_pass(self, path: Path, choices: ImportChoices) -> dict[str, int] | None:
        """The repeated SKUs, behind a progress dialog whose Cancel stops it (None)."""
        progress = QProgressDialog(fill(self.tr("Reading %1..."), path.name), self.tr("Cancel"), 0, 0, self._window)
        progress.setObjectName("importFirstPass")
        progress.setWindowTitle(self.tr("Import products"))
        progress.setMinimumDuration(500)  # a small file never shows it

        def cancelled() -> bool:
            QApplication.processEvents()
            return progress.wasCanceled()

        try:
            return find_repeated_skus(path, choices, cancelled=cancelled)
        finally:
            progress.close()
            progress.deleteLater()

    def _ask_columns(self, path: Path, missing: MissingColumns) -> None:
        paths = category_paths(self._bridge.ask(GetCategories())).values()
        dialog = ColumnMappingDialog(path.name, missing, paths, self._window)
        dialog.accepted.connect(lambda: self.import_from(path, dialog.choices()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.message.emit(fill(self.tr("%1: say which column is which."), path.name))
        return None

    def _start(self, path: Path, choices: ImportChoices) -> QProgressDialog:
        self._path = path
        progress = QProgressDialog(
            fill(self.tr("Importing products from %1..."), self._path.name), self.tr("Cancel"), 0, 0, self._window
        )
        progress.setObjectName("importProgress")
        progress.setWindowTitle(self.tr("Import products"))
        progress.setWindowModality(Qt.WindowModality.NonModal)  # selling goes on meanwhile
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(380)
        progress.canceled.connect(self.cancel_import)
        progress.show()
        self._progress = progress
        self._thread, self._worker = start_import(
            self._bridge.shop,
            self._path,
            batch_size=self.batch_size,
            progressed=self._progressed,
            finished=self._finished,
            failed=self._failed,
            choices=choices,
        )
        self._bridge.worker_gate = self._worker
        self.importingChanged.emit(True)
        self.message.emit(fill(self.tr("Importing %1..."), self._path.name))
        return progress

    def cancel_import(self) -> None:
        if self._worker is not None:
            self._worker.cancel()  # takes effect between batches: never half a batch
            if self._progress is not None:
                self._progress.setLabelText(self.tr("Cancelling after the current batch..."))

    def _progressed(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(done)
            if total:
                self._progress.setLabelText(
                    fill(
                        self.tr("Importing products from %1: %2 of %3"),
                        self._path.name,
                        QLocale().toString(done),
                        QLocale().toString(total),
                    )
                )

    def _finished(self, report) -> None:
        if self._closing:
            return
        self._end()
        outcome = report.outcome
        verb = self.tr("Import cancelled") if report.cancelled else self.tr("Import finished")
        self.message.emit(
            fill(
                self.tr("%1: %2 created, %3 updated, %4 unchanged, %5 rejected."),
                verb,
                QLocale().toString(outcome.created),
                QLocale().toString(outcome.updated),
                QLocale().toString(outcome.unchanged),
                QLocale().toString(len(outcome.rejected)),
            )
        )
        self._show_results(report, None)

    def _failed(self, text: str, report) -> None:
        if self._closing:
            return
        self._end()
        if report is None:
            self.tell(text)
        else:
            self.message.emit(text)
            self._show_results(report, text)

    def _show_results(self, report, problem) -> None:
        dialog = ImportResultsDialog(report, self._path.name, problem, self._window)
        dialog.show()  # not modal: it is a report to read, nothing waits for it
        self.importFinished.emit(dialog)

    def _end(self) -> None:
        self._bridge.worker_gate = None
        self._bridge.flush_worker_changes()  # the last batches on screen before the report
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel_import)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        if self._thread is not None:
            # It has quit already, or is about to. Waited for in short steps:
            # its last deleteLater needs the GIL, which a plain wait() keeps.
            while not self._thread.wait(20):
                pass
            self._thread.deleteLater()
        self._thread = self._worker = None
        self.importingChanged.emit(False)

    def shutdown(self) -> None:
        """The window closes: stop an import between batches and wait for it."""
        self._closing = True
        if self._worker is not None:
            self._worker.cancel()
        if self._thread is not None:
            self._end()

    # -- export ---------------------------------------------------------------------------------
    def export_catalog(self, category_id: int | None = None, category_name: str | None = None) -> None:
        suggested = f"{category_name or 'catalog'}.csv".replace("/", "-")
        path = self.choose_export_path(suggested)
        if path:
            self.export_to(path, category_id)

    def export_to(self, path, category_id: int | None = None) -> int | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rows = export_catalog(self._bridge.shop, path, category_id)
        except ShopError as exc:
            self.tell(describe(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.message.emit(fill(self.tr("Exported %1 to %2."), count_of(rows, "product"), Path(path).name))
        return rows
