"""Till > Print labels: shelf-edge or product labels for the product chosen
in the catalog, a whole category, or the deliveries received on this till
since it started, on an A4 label sheet (3 x 8, 4 x 10, or a grid of one's
own), saved as a PDF or printed. Products without a barcode can be given
the shop's own EAN-13 here, in one click, before their labels are made."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from core.commands import GiveBarcodes
from core.errors import ShopError
from core.hardware.escpos_jobs import JobOptions
from core.hardware.label_jobs import ESCPOS, Label, escpos_labels_job, label_of, zpl_job
from core.hardware.printer_link import LABEL_PRINTER
from core.queries import GetCategories, GetProduct, GetProducts
from shop_gui import approval, receipt_printer_settings
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.file_places import in_documents
from shop_gui.formatting import count_of, money
from shop_gui.label_sheet import LAYOUTS, STYLES, custom_layout, paint_sheets, save_labels_pdf
from shop_gui.texts import describe, fill, word
from shop_gui.views.message_boxes import show_notice

CHOSEN, CATEGORY, DELIVERIES = "chosen", "category", "deliveries"
CUSTOM = "custom"


class LabelsDialog(ShopDialog):
    """``chosen``: the catalog's chosen product id (or None); ``deliveries``:
    (product id, quantity) of each delivery received on this till."""

    def __init__(self, bridge, chosen: int | None, deliveries: list[tuple[int, int]], parent=None, printer=None):
        super().__init__(parent, objectName="labelsDialog")
        self._printer = printer  # a ReceiptPrinter: sends jobs off the window's thread
        self.setWindowTitle(self.tr("Print labels"))
        self._bridge = bridge
        self._chosen = chosen
        self._deliveries = list(deliveries)
        self.source_combo = QComboBox(objectName="labelSource")
        if chosen is not None:
            self.source_combo.addItem(self.tr("The product chosen in the catalog"), CHOSEN)
        self.source_combo.addItem(self.tr("A whole category"), CATEGORY)
        if deliveries:
            self.source_combo.addItem(
                fill(self.tr("Deliveries received (%1)"), count_of(len(deliveries), "delivery")), DELIVERIES
            )
        self.category_combo = QComboBox(objectName="labelCategory")
        names: dict[int, str] = {}
        for category in bridge.ask(GetCategories()):
            parent_name = names.get(category.parent_id) if category.parent_id is not None else None
            names[category.id] = f"{parent_name} > {category.name}" if parent_name else category.name
            self.category_combo.addItem(names[category.id], category.id)
        self.copies_spin = QSpinBox(objectName="labelCopies", minimum=1, maximum=500, value=1)
        self.copies_spin.setToolTip(self.tr("Labels of each product (of a delivery: of each item received)"))
        self.style_combo = QComboBox(objectName="labelStyle")
        for key, text in STYLES.items():
            self.style_combo.addItem(word(text), key)
        self.layout_combo = QComboBox(objectName="labelLayout")
        for key, layout in LAYOUTS.items():
            self.layout_combo.addItem(word(layout.name), key)
        self.layout_combo.addItem(self.tr("A grid of my own"), CUSTOM)
        self.columns_spin = QSpinBox(objectName="labelColumns", minimum=1, maximum=10, value=3)
        self.rows_spin = QSpinBox(objectName="labelRows", minimum=1, maximum=30, value=8)
        self.skip_spin = QSpinBox(objectName="labelSkip", minimum=0, maximum=299, value=0)
        self.skip_spin.setToolTip(self.tr("Places already used on the first sheet"))
        self.summary = QLabel(objectName="labelSummary")
        self.summary.setWordWrap(True)
        self.give_button = QPushButton(self.tr("&Give them the shop's own barcodes"), objectName="giveBarcodesButton")
        self.give_button.clicked.connect(self.give_barcodes)
        self._layout()
        for signal in (
            self.source_combo.currentIndexChanged,
            self.category_combo.currentIndexChanged,
            self.copies_spin.valueChanged,
            self.layout_combo.currentIndexChanged,
            self.columns_spin.valueChanged,
            self.rows_spin.valueChanged,
        ):
            signal.connect(self.refresh)
        self.refresh()

    def _layout(self) -> None:
        grid = QHBoxLayout()
        grid.addWidget(self.columns_spin)
        grid.addWidget(QLabel(self.tr("across, down:")))
        grid.addWidget(self.rows_spin)
        form = QFormLayout()
        form.addRow(self.tr("&Labels for"), self.source_combo)
        form.addRow(self.tr("Ca&tegory"), self.category_combo)
        form.addRow(self.tr("&Copies"), self.copies_spin)
        form.addRow(self.tr("&Kind"), self.style_combo)
        form.addRow(self.tr("&Sheet"), self.layout_combo)
        form.addRow(self.tr("G&rid"), grid)
        form.addRow(self.tr("Places &used"), self.skip_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeButton")
        self.pdf_button = buttons.addButton(self.tr("Save &PDF..."), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("savePdfButton")
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.print_button = buttons.addButton(self.tr("Pr&int..."), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_labels)
        self.label_printer_button = buttons.addButton(
            self.tr("Send to la&bel printer"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.label_printer_button.setObjectName("labelPrinterButton")
        self.label_printer_button.setToolTip(self.tr("Send the labels to the label printer (Till > Label printer)"))
        self.label_printer_button.clicked.connect(self.send_to_label_printer)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.give_button)
        layout.addWidget(buttons)

    # -- what is labelled ---------------------------------------------------------------------
    def products(self) -> list[tuple[object, int]]:
        """(ProductView, labels) of each product the labels are for."""
        source = self.source_combo.currentData()
        copies = self.copies_spin.value()
        try:
            if source == CHOSEN and self._chosen is not None:
                return [(self._bridge.ask(GetProduct(self._chosen)), copies)]
            if source == CATEGORY and self.category_combo.currentData() is not None:
                return [
                    (p, copies) for p in self._bridge.ask(GetProducts(category_id=self.category_combo.currentData()))
                ]
            if source == DELIVERIES:
                wanted: dict[int, int] = {}
                for product_id, quantity in self._deliveries:
                    wanted[product_id] = wanted.get(product_id, 0) + quantity * copies
                return [(self._bridge.ask(GetProduct(pid)), count) for pid, count in wanted.items()]
        except ShopError:
            return []
        return []

    def labels(self) -> list[Label]:
        return [label_of(p, money(p.price_cents)) for p, count in self.products() for _ in range(count)]

    def sheet_layout(self):
        key = self.layout_combo.currentData()
        return custom_layout(self.columns_spin.value(), self.rows_spin.value()) if key == CUSTOM else LAYOUTS[key]

    def refresh(self) -> None:
        source = self.source_combo.currentData()
        self.category_combo.setEnabled(source == CATEGORY)
        custom = self.layout_combo.currentData() == CUSTOM
        self.columns_spin.setEnabled(custom)
        self.rows_spin.setEnabled(custom)
        self.skip_spin.setMaximum(self.sheet_layout().per_sheet - 1)
        products = self.products()
        count = sum(n for _p, n in products)
        without = [p for p, _n in products if not p.barcode]
        sheets = -(-(count + self.skip_spin.value()) // self.sheet_layout().per_sheet) if count else 0
        text = fill(self.tr("%1 on %2."), count_of(count, "label"), count_of(sheets, "sheet"))
        if without:
            text += " " + fill(
                self.tr("%1 without a barcode: their SKU is printed as Code 128."), count_of(len(without), "product")
            )
        self.summary.setText(text)
        self.give_button.setVisible(bool(without))
        self.pdf_button.setEnabled(count > 0)
        self.print_button.setEnabled(count > 0)
        label_printer = receipt_printer_settings.load_label_printer()
        self.label_printer_button.setEnabled(count > 0 and label_printer.connection.configured)

    def give_barcodes(self) -> None:
        """Each product without a barcode gets the shop's next own EAN-13, in
        one command: one manager's approval when needed, all or none."""
        waiting = tuple(dict.fromkeys(p.id for p, _n in self.products() if not p.barcode))
        if not waiting:
            return

        def done(outcome):
            if not outcome.ok and outcome.error is not None:
                show_notice(
                    self,
                    self.tr("Barcodes"),
                    describe(outcome.error),
                    "giveBarcodeFailed",
                    QMessageBox.Icon.Warning,
                )
            self.refresh()

        approval.dispatch(self._bridge, GiveBarcodes(waiting), self, done)

    # -- the sheets ------------------------------------------------------------------------------
    def save_pdf(self, path: str | None = None) -> str | None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save labels as PDF"), in_documents("labels.pdf"), self.tr("PDF files (*.pdf)")
            )
            if not path:
                return None
        style = self.style_combo.currentData()
        try:
            save_labels_pdf(path, self.labels(), self.sheet_layout(), style, self.skip_spin.value())
        except OSError as exc:
            show_notice(
                self,
                self.tr("Labels"),
                fill(self.tr("%1 could not be written: %2"), path, exc.strerror or exc),
                "labelsPdfFailed",
                QMessageBox.Icon.Warning,
            )
            return None
        self.summary.setText(fill(self.tr("Saved %1"), path))
        return path

    def print_labels(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from shop_gui.label_sheet import a4_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(a4_layout())
        printer.setFullPage(True)  # label sheets are measured from the paper's edge
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            paint_sheets(
                printer,
                printer.newPage,
                self.labels(),
                self.sheet_layout(),
                self.style_combo.currentData(),
                self.skip_spin.value(),
            )
        except OSError as exc:
            show_notice(self, self.tr("Labels"), describe(exc), "labelsPrintFailed", QMessageBox.Icon.Warning)

    def send_to_label_printer(self) -> None:
        """The labels to the label printer, on the printing thread (a
        failure is said with Print again, as a receipt's is)."""
        from shop_gui.receipt_printer import PrintJob

        settings = receipt_printer_settings.load_label_printer()
        labels = self.labels()
        if settings.language == ESCPOS:
            data = escpos_labels_job(labels, JobOptions())
        else:
            data = zpl_job(labels, settings.width_mm, settings.height_mm)
        what = count_of(len(labels), "label")
        # A label printer may not answer ESC/POS status queries: no paper check.
        job = PrintJob(what, data, settings.connection, check_paper=False, printer_name=LABEL_PRINTER)
        if self._printer is not None:
            self._printer.submit(job)
            self.summary.setText(fill(self.tr("Sending %1 to the label printer."), what))
