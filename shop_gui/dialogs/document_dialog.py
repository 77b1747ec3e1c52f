"""What the receipt and the till reports share: a preview of the document,
"Save as PDF..." (an 80 mm roll or A4 pages) and "Print...".

Not modal: the counter goes on while it is open. Printing goes through the
system's print dialog (opened with ``open()``, never ``exec()``); on a computer
without a printer it says so instead of opening a dialog that could wait for
nothing. What the document shows is already stored: nothing here changes it.
"""

import logging
import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from core.errors import ShopError
from shop_gui.bridge import ReadModelSubscription
from shop_gui.dialogs.command_dialog import close_buttons
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.file_places import in_documents
from shop_gui.printing import PAPERS, ROLL, print_document, save_pdf
from shop_gui.style import STRONG_ERROR_STYLE
from shop_gui.texts import describe, fill, word

log = logging.getLogger(__name__)

PDF_FILTER = "PDF files (*.pdf)"


def no_printer(noun: str) -> str:
    return fill(
        QCoreApplication.translate(
            "document_dialog",
            "No printer is set up on this computer, so the %1 cannot be printed. "
            "Use “Save as PDF...” instead, or add a printer in the system settings.",
        ),
        noun,
    )


class DocumentDialog(ShopDialog):
    """A document previewed, saved or printed. Subclasses say what it is
    (``noun``), build it (``make_document``), name its file and title, and say
    which changes of the read model redo it (``wants_reload``)."""

    noun = "document"
    print_failed = QT_TRANSLATE_NOOP("words", "The document could not be printed.")

    def __init__(self, bridge, title: str, object_name: str, view_name: str, parent=None):
        super().__init__(parent, objectName=object_name)
        self._bridge = bridge
        self.document: QTextDocument | None = None
        self._print_dialog = None
        self.setWindowTitle(title)
        self._build(view_name)
        self._layout()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.clicked.connect(self.print_document)
        self._following = ReadModelSubscription(bridge, self._read_model_changed)

    def _build(self, view_name: str) -> None:
        self.view = QTextBrowser(objectName=view_name)
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(self.noun_text().capitalize())
        # A till roll on a sheet of paper.
        self.view.setStyleSheet(f"QTextBrowser#{view_name} {{ background: white; color: black; }}")
        self.view.setMinimumSize(420, 520)
        self.message = QLabel(objectName=f"{self.noun}Message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.paper_combo = QComboBox(objectName="paperCombo")
        for paper, text in PAPERS.items():
            self.paper_combo.addItem(word(text), paper)
        self.paper_combo.setToolTip(self.tr("The paper of a saved PDF: a till roll's width, or A4 pages to file"))
        self.paper_label = QLabel(self.tr("Pape&r"))
        self.paper_label.setBuddy(self.paper_combo)
        self.save_button = QPushButton(self.tr("Save as P&DF..."), objectName="savePdfButton")
        self.print_button = QPushButton(self.tr("&Print..."), objectName="printButton")

    def _layout(self) -> None:
        """The document above; paper, Save as PDF, Print and Close below it."""
        buttons = close_buttons(self.close)
        row = QHBoxLayout()
        row.addWidget(self.paper_label)
        row.addWidget(self.paper_combo)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(buttons)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.view, 1)
        self.outer.addWidget(self.message)
        self.outer.addLayout(row)

    # -- what subclasses say ------------------------------------------------------------------------
    def noun_text(self) -> str:
        """``noun`` in the window's language, for sentences (``noun`` itself names objects)."""
        return {"receipt": self.tr("receipt"), "report": self.tr("report")}.get(self.noun, self.tr("document"))

    def make_document(self) -> QTextDocument:
        """The document, parented to this dialog; raises ShopError when it cannot be made."""
        raise NotImplementedError

    def file_stem(self) -> str:
        return self.noun

    def pdf_title(self) -> str:
        return self.windowTitle()

    def wants_reload(self, changes) -> bool:
        return bool(changes.rebuilt or changes.settings)

    # -- the document ----------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            document = self.make_document()
        except ShopError as error:
            self.tell(describe(error), error=True)
            return
        if self.document is not None:
            self.document.deleteLater()
        self.document = document
        self.view.setDocument(document)

    def _read_model_changed(self, changes) -> None:
        if self.wants_reload(changes):
            self.reload()

    def tell(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(STRONG_ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.show()

    def paper(self) -> str:
        return self.paper_combo.currentData() or ROLL

    def suggested_file_name(self) -> str:
        return in_documents(f"{self.file_stem()}.pdf")

    # -- questions (tests replace these) ---------------------------------------------------------
    def choose_pdf_path(self, suggested: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, fill(self.tr("Save %1 as PDF"), self.noun_text()), suggested, PDF_FILTER
        )
        return path or None

    def new_printer(self):
        from PySide6.QtPrintSupport import QPrinter

        return QPrinter(QPrinter.PrinterMode.HighResolution)

    def available_printers(self) -> list:
        try:
            from PySide6.QtPrintSupport import QPrinterInfo
        except ImportError:  # a build without Qt's printing support
            log.warning("PySide6.QtPrintSupport is missing: no printing")
            return []
        return QPrinterInfo.availablePrinters()

    # -- saving and printing ---------------------------------------------------------------------
    def save_pdf(self, path: str | None = None) -> str | None:
        if self.document is None:
            return None
        path = path or self.choose_pdf_path(self.suggested_file_name())
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            save_pdf(self.document, path, self.pdf_title(), self.paper())
        except OSError as error:
            log.warning("Saving a %s as %s failed: %s", self.noun, path, error)
            self.tell(
                fill(
                    self.tr("The %1 could not be saved as %2: %3."),
                    self.noun_text(),
                    os.path.basename(path),
                    error.strerror or error,
                ),
                error=True,
            )
            return None
        self.tell(fill(self.tr("Saved as %1."), path))
        return path

    def print_document(self) -> None:
        if self.document is None:
            return
        if not self.available_printers():
            self.tell(no_printer(self.noun_text()), error=True)
            return
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self.new_printer()
        printer.setDocName(self.pdf_title())
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._print_dialog = dialog
        self._printer = printer

        def accepted():
            try:
                print_document(self.document, printer)
                failed = printer.printerState() == printer.PrinterState.Error
            except Exception:  # a printer driver's trouble must not reach the shop
                log.exception("Printing %s failed", self.pdf_title())
                failed = True
            if failed:
                self.tell(word(self.print_failed), error=True)
                return
            self.tell(
                fill(
                    QCoreApplication.translate("document_dialog", "Sent to %1."), printer.printerName() or "the printer"
                )
            )

        dialog.accepted.connect(accepted)
        # QDialog's open() (window-modal, returns at once): PySide's QPrintDialog.open
        # is only the overload that connects a slot.
        QDialog.open(dialog)

    def done(self, result: int) -> None:
        self._following.end()
        super().done(result)

    def closeEvent(self, event) -> None:
        self._following.end()
        super().closeEvent(event)
