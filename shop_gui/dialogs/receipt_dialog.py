"""An order's receipt: a preview, "Save as PDF..." and "Print...".

Not modal: the counter goes on while it is open. Printing goes through the
system's print dialog (opened with ``open()``, never ``exec()``); on a computer
without a printer it says so instead of opening a dialog that could wait for
nothing. The order is already stored: whatever happens here changes nothing.
"""

import logging
import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from core.errors import ShopError
from core.queries import GetOrder, GetReceipt
from shop_gui.bridge import ReadModelSubscription
from shop_gui.dialogs.command_dialog import close_buttons
from shop_gui.receipt_document import print_document, receipt_document, save_pdf
from shop_gui.style import STRONG_ERROR_STYLE

log = logging.getLogger(__name__)

NO_PRINTER = (
    "No printer is set up on this computer, so the receipt cannot be printed. "
    "Use “Save as PDF...” instead, or add a printer in the system settings."
)
PDF_FILTER = "PDF files (*.pdf)"


class ReceiptDialog(QDialog):
    """The receipt of order ``order_id``, kept current while it is open (a
    payment or a return taken meanwhile shows on it)."""

    def __init__(self, bridge, order_id: int, parent=None):
        super().__init__(parent, objectName="receiptDialog")
        self._bridge = bridge
        self.order_id = order_id
        self.receipt = None
        self.document = None
        self._print_dialog = None
        self.setWindowTitle(f"Receipt for order {order_id}")
        self._build()
        self._layout()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._connect()
        self.reload()

    def _build(self) -> None:
        self.view = QTextBrowser(objectName="receiptView")
        self.view.setOpenLinks(False)
        self.view.setAccessibleName("Receipt")
        # A till roll on a sheet of paper.
        self.view.setStyleSheet("QTextBrowser#receiptView { background: white; color: black; }")
        self.view.setMinimumSize(420, 520)
        self.message = QLabel(objectName="receiptMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.save_button = QPushButton("Save as &PDF...", objectName="savePdfButton")
        self.print_button = QPushButton("&Print...", objectName="printButton")

    def _layout(self) -> None:
        """The receipt above; Save as PDF, Print and Close below it."""
        buttons = close_buttons(self.close)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)

    def _connect(self) -> None:
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.clicked.connect(self.print_receipt)
        self._following = ReadModelSubscription(self._bridge, self._read_model_changed)

    # -- the receipt -----------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            self.receipt = self._bridge.ask(GetReceipt(self.order_id))
            order = self._bridge.ask(GetOrder(self.order_id))
        except ShopError as error:
            self.tell(str(error), error=True)
            return
        if self.document is not None:
            self.document.deleteLater()
        self.document = receipt_document(self.receipt, self, order=order)
        self.view.setDocument(self.document)

    def _read_model_changed(self, changes) -> None:
        if changes.rebuilt or changes.settings or self.order_id in changes.orders:
            self.reload()

    def tell(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(STRONG_ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.show()

    def suggested_file_name(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or ""
        return str(Path(folder) / f"receipt-{self.order_id}.pdf")

    # -- questions (tests replace these) ---------------------------------------------------------
    def choose_pdf_path(self, suggested: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(self, "Save receipt as PDF", suggested, PDF_FILTER)
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
            save_pdf(self.document, path, f"Receipt for order {self.order_id}")
        except OSError as error:
            log.warning("Saving a receipt as %s failed: %s", path, error)
            self.tell(
                f"The receipt could not be saved as {os.path.basename(path)}: {error.strerror or error}.", error=True
            )
            return None
        self.tell(f"Saved as {path}.")
        return path

    def print_receipt(self) -> None:
        if self.document is None:
            return
        printers = self.available_printers()
        if not printers:
            self.tell(NO_PRINTER, error=True)
            return
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self.new_printer()
        printer.setDocName(f"Receipt {self.order_id}")
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._print_dialog = dialog
        self._printer = printer

        def accepted():
            try:
                print_document(self.document, printer)
                failed = printer.printerState() == printer.PrinterState.Error
            except Exception:  # a printer driver's trouble must not reach the order
                log.exception("Printing receipt %s failed", self.order_id)
                failed = True
            if failed:
                self.tell("The receipt could not be printed; the order is stored all the same.", error=True)
                return
            self.tell(f"Sent to {printer.printerName() or 'the printer'}.")

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
