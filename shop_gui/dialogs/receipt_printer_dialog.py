"""Till > Receipt printer: this computer's thermal printer (network
host:port, USB vendor:product, or a serial port), its paper width and code
page, printing after payment (yes, no, ask), copies, the cash drawer.
Saved on OK in this computer's settings, never in the shop's database."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.hardware.escpos_jobs import (
    BARCODE,
    CODE_PAGES,
    DEFAULT_PROFILE,
    DRAWER_PINS,
    QR_CODE,
    QR_PICTURE,
    JobOptions,
    printer_profiles,
)
from core.hardware.printer_link import NETWORK, SERIAL, USB, PrinterConnection
from shop_gui import receipt_printer_settings
from shop_gui.dialogs.command_dialog import field_message, show_message, with_message
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.receipt_printer_settings import (
    AUTO_PRINT_ASK,
    AUTO_PRINT_NO,
    AUTO_PRINT_YES,
    MAX_COPIES,
    ReceiptPrinterSettings,
)
from shop_gui.texts import fill, word

KIND_NAMES = {
    "": QT_TRANSLATE_NOOP("words", "None (receipts through the system's print dialog)"),
    NETWORK: QT_TRANSLATE_NOOP("words", "Network"),
    USB: "USB",
    SERIAL: QT_TRANSLATE_NOOP("words", "Serial"),
}
PAPERS = {
    32: QT_TRANSLATE_NOOP("words", "58 mm (32 characters)"),
    42: QT_TRANSLATE_NOOP("words", "80 mm (42 characters)"),
    48: QT_TRANSLATE_NOOP("words", "80 mm (48 characters)"),
}
AUTO_PRINT_NAMES = {
    AUTO_PRINT_YES: QT_TRANSLATE_NOOP("words", "Always"),
    AUTO_PRINT_ASK: QT_TRANSLATE_NOOP("words", "Ask each time"),
    AUTO_PRINT_NO: QT_TRANSLATE_NOOP("words", "Never"),
}
AUTOMATIC = QT_TRANSLATE_NOOP("words", "Automatic")
ORDER_CODE_NAMES = {
    BARCODE: QT_TRANSLATE_NOOP("words", "Barcode (Code 128)"),
    QR_CODE: QT_TRANSLATE_NOOP("words", "QR code"),
    QR_PICTURE: QT_TRANSLATE_NOOP("words", "QR code, sent as a picture"),
}
# python-escpos's two generic profiles, said in words; the others are makes and models.
GENERIC_PROFILES = {
    DEFAULT_PROFILE: QT_TRANSLATE_NOOP("words", "Generic (Epson and most others)"),
    "simple": QT_TRANSLATE_NOOP("words", "Generic, basic features only"),
}


def _hex(text: str, lowest: int = 1, highest: int = 0xFFFF) -> int | None:
    try:
        value = int(text.strip().lower().removeprefix("0x"), 16)
    except ValueError:
        return None
    return value if lowest <= value <= highest else None


class ReceiptPrinterDialog(ShopDialog):
    fits_messages = True
    trialRequested = Signal()  # saved; print a test page

    def __init__(self, settings: ReceiptPrinterSettings, parent=None):
        super().__init__(parent, objectName="receiptPrinterDialog")
        self.setWindowTitle(self.tr("Receipt printer"))
        c, o = settings.connection, settings.options
        self.kind_combo = self._combo("printerKind", KIND_NAMES, c.kind)
        self.host_edit = QLineEdit(c.host, objectName="printerHost", placeholderText="192.168.1.50")
        self.port_spin = QSpinBox(objectName="printerPort", minimum=1, maximum=65535, value=c.port)
        self.vendor_edit = QLineEdit(f"{c.usb_vendor:04x}" if c.usb_vendor else "", objectName="usbVendor")
        self.vendor_edit.setPlaceholderText("04b8")
        self.product_edit = QLineEdit(f"{c.usb_product:04x}" if c.usb_product else "", objectName="usbProduct")
        self.product_edit.setPlaceholderText("0202")
        self.vendor_edit.setToolTip(self.tr("The id lsusb shows, such as 04b8:0202, can be pasted here whole"))
        self.vendor_edit.textEdited.connect(self._split_usb_id)
        self.interface_spin = QSpinBox(objectName="usbInterface", minimum=0, maximum=255, value=c.usb_interface)
        self.out_ep_edit = self._endpoint_edit("usbOutEndpoint", c.usb_out_ep)
        self.in_ep_edit = self._endpoint_edit("usbInEndpoint", c.usb_in_ep)
        self.serial_edit = QLineEdit(
            c.serial_port, objectName="serialPort", placeholderText=self.tr("/dev/ttyUSB0 or COM3")
        )
        self.baud_spin = QSpinBox(objectName="baudRate", minimum=300, maximum=921600, value=c.baud_rate)
        self.paper_combo = self._combo("paperWidth", PAPERS, o.columns)
        self.code_page_combo = self._combo(
            "codePage", {p: AUTOMATIC if p == "auto" else p for p in CODE_PAGES}, o.code_page
        )
        self.auto_combo = self._combo("autoPrint", AUTO_PRINT_NAMES, settings.auto_print)
        self.copies_spin = QSpinBox(objectName="copies", minimum=1, maximum=MAX_COPIES, value=settings.copies)
        self.drawer_check = QCheckBox(self.tr("Open the cash &drawer when cash moves"), objectName="kickDrawer")
        self.drawer_check.setChecked(settings.kick_drawer)
        self.pin_combo = self._combo("drawerPin", {p: fill(self.tr("Pin %1"), p) for p in DRAWER_PINS}, o.drawer_pin)
        self.barcode_check = QCheckBox(self.tr("Order num&ber under the receipt"), objectName="orderBarcode")
        self.barcode_check.setChecked(o.order_barcode)
        self.order_code_combo = self._combo("orderCode", ORDER_CODE_NAMES, o.order_code)
        self.order_code_combo.setToolTip(
            self.tr("A picture prints on any printer; choose it when the QR code comes out blank")
        )
        self.barcode_check.toggled.connect(self.order_code_combo.setEnabled)
        self.order_code_combo.setEnabled(o.order_barcode)
        self.profile_combo = self._combo(
            "printerProfile",
            GENERIC_PROFILES | {key: name for key, name in printer_profiles().items() if key not in GENERIC_PROFILES},
            o.profile,
        )
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.profile_combo.setToolTip(
            self.tr("The printer's make and model: its code page numbers, barcodes and QR codes")
        )
        self.paper_check = QCheckBox(self.tr("Ask the printer for paper &first"), objectName="checkPaper")
        self.paper_check.setChecked(settings.check_paper)
        self.paper_check.setToolTip(self.tr("Untick for a printer that never answers status queries"))
        self.error = field_message("printerError")
        self._timeout = settings.timeout_s
        self._layout()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _endpoint_edit(self, name: str, address: int) -> QLineEdit:
        edit = QLineEdit(f"{address:02x}" if address else "", objectName=name)
        edit.setPlaceholderText(self.tr("automatic"))
        edit.setToolTip(self.tr("Leave empty: the printer's own endpoints are found"))
        return edit

    def _split_usb_id(self, text: str) -> None:
        """lsusb's "04b8:0202" pasted in the vendor's field fills both fields;
        typed, the colon moves on to the product's."""
        vendor, colon, product = text.strip().partition(":")
        if colon:
            self.vendor_edit.setText(vendor.strip())
            self.product_edit.setText(product.strip())
            self.product_edit.setFocus()

    @staticmethod
    def _combo(name: str, choices: dict, current) -> QComboBox:
        combo = QComboBox(objectName=name)
        for value, text in choices.items():
            combo.addItem(word(text), value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    def _layout(self) -> None:
        self.where = QStackedWidget(objectName="printerWhere")
        none = QWidget()
        network, usb, serial = QWidget(), QWidget(), QWidget()
        for page, rows in (
            (network, ((self.tr("&Host"), self.host_edit), (self.tr("P&ort"), self.port_spin))),
            (
                usb,
                (
                    (self.tr("&Vendor id (hex)"), self.vendor_edit),
                    (self.tr("Product &id (hex)"), self.product_edit),
                    (self.tr("I&nterface"), self.interface_spin),
                    (self.tr("Endpoint o&ut (hex)"), self.out_ep_edit),
                    (self.tr("Endpoint in (he&x)"), self.in_ep_edit),
                ),
            ),
            (serial, ((self.tr("&Serial port"), self.serial_edit), (self.tr("&Baud rate"), self.baud_spin))),
        ):
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            for label, field in rows:
                form.addRow(label, field)
        for page in (none, network, usb, serial):
            self.where.addWidget(page)
        form = QFormLayout()
        form.addRow(self.tr("&Connection"), with_message(self.kind_combo, self.error))
        form.addRow(self.where)
        form.addRow(self.tr("Printer &model"), self.profile_combo)
        form.addRow(self.tr("Pap&er"), self.paper_combo)
        form.addRow(self.tr("Code pa&ge"), self.code_page_combo)
        form.addRow(self.tr("Print after &payment"), self.auto_combo)
        form.addRow(self.tr("Cop&ies"), self.copies_spin)
        form.addRow("", self.drawer_check)
        form.addRow(self.tr("Drawer &wired to"), self.pin_combo)
        form.addRow("", self.barcode_check)
        form.addRow(self.tr("Order number &as"), self.order_code_combo)
        form.addRow("", self.paper_check)
        self.trial_button = QPushButton(self.tr("Save and print a &test page"), objectName="trialPageButton")
        self.trial_button.clicked.connect(self._trial)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("okButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.trial_button)
        layout.addWidget(buttons)

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.where.setCurrentIndex(("", NETWORK, USB, SERIAL).index(kind))
        for widget in (
            self.profile_combo,
            self.paper_combo,
            self.code_page_combo,
            self.auto_combo,
            self.copies_spin,
            self.trial_button,
        ):
            widget.setEnabled(bool(kind))
        show_message(self.error, None)

    def settings(self) -> ReceiptPrinterSettings | None:
        """What the fields say, or None (and the reason shown) while wrong."""
        kind = self.kind_combo.currentData()
        vendor = _hex(self.vendor_edit.text()) if kind == USB else 0
        product = _hex(self.product_edit.text()) if kind == USB else 0
        out_ep = _hex(self.out_ep_edit.text(), 0x01, 0x0F) if self.out_ep_edit.text().strip() else 0
        in_ep = _hex(self.in_ep_edit.text(), 0x81, 0x8F) if self.in_ep_edit.text().strip() else 0
        problem = None
        if kind == NETWORK and not self.host_edit.text().strip():
            problem = self.tr("Type the printer's address (its IP address or name).")
        elif kind == USB and (vendor is None or product is None):
            problem = self.tr("Type the vendor and product ids as four hex digits, such as 04b8 and 0202.")
        elif kind == USB and (out_ep is None or in_ep is None):
            problem = self.tr("Type the endpoints as hex numbers, out 01 to 0f and in 81 to 8f, or leave them empty.")
        elif kind == SERIAL and not self.serial_edit.text().strip():
            problem = self.tr("Type the serial port, such as /dev/ttyUSB0 or COM3.")
        show_message(self.error, problem)
        if problem is not None:
            return None
        return ReceiptPrinterSettings(
            connection=PrinterConnection(
                kind,
                self.host_edit.text().strip(),
                self.port_spin.value(),
                vendor or 0,
                product or 0,
                self.serial_edit.text().strip(),
                self.baud_spin.value(),
                usb_interface=self.interface_spin.value() if kind == USB else 0,
                usb_in_ep=(in_ep or 0) if kind == USB else 0,
                usb_out_ep=(out_ep or 0) if kind == USB else 0,
            ),
            options=JobOptions(
                columns=self.paper_combo.currentData(),
                code_page=self.code_page_combo.currentData(),
                profile=self.profile_combo.currentData(),
                order_barcode=self.barcode_check.isChecked(),
                order_code=self.order_code_combo.currentData(),
                drawer_pin=self.pin_combo.currentData(),
            ),
            auto_print=self.auto_combo.currentData(),
            copies=self.copies_spin.value(),
            kick_drawer=self.drawer_check.isChecked(),
            check_paper=self.paper_check.isChecked(),
            timeout_s=self._timeout,
        )

    def _save(self) -> bool:
        value = self.settings()
        if value is None:
            return False
        receipt_printer_settings.save(value)
        return True

    def _trial(self) -> None:
        if self._save():
            self.trialRequested.emit()

    def accept(self) -> None:
        if self._save():
            super().accept()
