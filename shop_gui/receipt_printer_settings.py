"""This computer's receipt printer (each till has its own): how it is
reached, its paper, when receipts print, how many copies, the drawer; and
its label printer, if any. Kept with the computer's other settings
(shop_gui/local_settings.py) under ``receiptPrinter/`` and
``labelPrinter/``; a damaged value reads as its default."""

from dataclasses import dataclass, field

from core.hardware.escpos_jobs import (
    AUTO_CODE_PAGE,
    BARCODE,
    CODE_PAGES,
    COLUMN_CHOICES,
    DEFAULT_PROFILE,
    DRAWER_PINS,
    ORDER_CODES,
    JobOptions,
    printer_profiles,
)
from core.hardware.label_jobs import LANGUAGES, ZPL
from core.hardware.printer_link import DEFAULT_PORT, KINDS, NETWORK, PrinterConnection
from shop_gui import local_settings

# After a payment completes an order: print its receipt, don't, or ask.
AUTO_PRINT_YES, AUTO_PRINT_NO, AUTO_PRINT_ASK = "yes", "no", "ask"
AUTO_PRINT_CHOICES = (AUTO_PRINT_YES, AUTO_PRINT_NO, AUTO_PRINT_ASK)
MAX_COPIES = 5
_GROUP = "receiptPrinter/"


@dataclass(frozen=True)
class ReceiptPrinterSettings:
    connection: PrinterConnection = field(default_factory=PrinterConnection)
    options: JobOptions = field(default_factory=JobOptions)
    auto_print: str = AUTO_PRINT_ASK
    copies: int = 1
    kick_drawer: bool = True  # on cash taken or given back, pay-ins, pay-outs and No sale
    check_paper: bool = True  # ask the paper sensor first (a printer that never answers: off)
    timeout_s: float = 5.0


@dataclass(frozen=True)
class LabelPrinterSettings:
    """A label printer on the network (ZPL, or ESC/POS with a cut a label)."""

    connection: PrinterConnection = field(default_factory=PrinterConnection)
    language: str = ZPL
    width_mm: int = 50
    height_mm: int = 30


def _int(settings, key: str, default: int, lowest: int, highest: int, group: str = _GROUP) -> int:
    try:
        value = int(settings.value(group + key, default))
    except (TypeError, ValueError):
        return default
    return value if lowest <= value <= highest else default


def _text(settings, key: str, default: str, choices=None, group: str = _GROUP) -> str:
    value = settings.value(group + key, default)
    if not isinstance(value, str) or (choices is not None and value not in choices):
        return default
    return value


def _flag(settings, key: str, default: bool) -> bool:
    value = settings.value(_GROUP + key, default)
    if isinstance(value, bool):
        return value
    return {"true": True, "false": False}.get(str(value).lower(), default)


def load() -> ReceiptPrinterSettings:
    s = local_settings.settings()
    defaults = ReceiptPrinterSettings()
    connection = PrinterConnection(
        kind=_text(s, "kind", "", ("", *KINDS)),
        host=_text(s, "host", ""),
        port=_int(s, "port", DEFAULT_PORT, 1, 65535),
        usb_vendor=_int(s, "usbVendor", 0, 0, 0xFFFF),
        usb_product=_int(s, "usbProduct", 0, 0, 0xFFFF),
        usb_interface=_int(s, "usbInterface", 0, 0, 255),
        # Endpoint addresses: IN 0x81-0x8f, OUT 0x01-0x0f; anything else (0 too): found by themselves.
        usb_in_ep=_int(s, "usbInEndpoint", 0, 0x81, 0x8F),
        usb_out_ep=_int(s, "usbOutEndpoint", 0, 0x01, 0x0F),
        serial_port=_text(s, "serialPort", ""),
        baud_rate=_int(s, "baudRate", 9600, 300, 921600),
    )
    columns = _int(s, "columns", defaults.options.columns, 1, 200)
    options = JobOptions(
        columns=columns if columns in COLUMN_CHOICES else defaults.options.columns,
        code_page=_text(s, "codePage", AUTO_CODE_PAGE, CODE_PAGES),
        profile=_text(s, "profile", DEFAULT_PROFILE, tuple(printer_profiles())),
        order_barcode=_flag(s, "orderBarcode", True),
        order_code=_text(s, "orderCode", BARCODE, ORDER_CODES),
        drawer_pin=_int(s, "drawerPin", 2, min(DRAWER_PINS), max(DRAWER_PINS)),
    )
    return ReceiptPrinterSettings(
        connection=connection,
        options=options,
        auto_print=_text(s, "autoPrint", defaults.auto_print, AUTO_PRINT_CHOICES),
        copies=_int(s, "copies", 1, 1, MAX_COPIES),
        kick_drawer=_flag(s, "kickDrawer", True),
        check_paper=_flag(s, "checkPaper", True),
    )


def save(value: ReceiptPrinterSettings) -> None:
    s = local_settings.settings()
    c, o = value.connection, value.options
    for key, item in (
        ("kind", c.kind),
        ("host", c.host.strip()),
        ("port", c.port),
        ("usbVendor", c.usb_vendor),
        ("usbProduct", c.usb_product),
        ("usbInterface", c.usb_interface),
        ("usbInEndpoint", c.usb_in_ep),
        ("usbOutEndpoint", c.usb_out_ep),
        ("serialPort", c.serial_port.strip()),
        ("baudRate", c.baud_rate),
        ("columns", o.columns),
        ("codePage", o.code_page),
        ("profile", o.profile),
        ("orderBarcode", o.order_barcode),
        ("orderCode", o.order_code),
        ("drawerPin", o.drawer_pin),
        ("autoPrint", value.auto_print),
        ("copies", value.copies),
        ("kickDrawer", value.kick_drawer),
        ("checkPaper", value.check_paper),
    ):
        s.setValue(_GROUP + key, item)
    s.sync()


_LABELS = "labelPrinter/"


def load_label_printer() -> LabelPrinterSettings:
    s = local_settings.settings()
    host = _text(s, "host", "", group=_LABELS)
    return LabelPrinterSettings(
        connection=PrinterConnection(NETWORK if host else "", host, _int(s, "port", DEFAULT_PORT, 1, 65535, _LABELS)),
        language=_text(s, "language", ZPL, LANGUAGES, _LABELS),
        width_mm=_int(s, "widthMm", 50, 10, 200, _LABELS),
        height_mm=_int(s, "heightMm", 30, 10, 300, _LABELS),
    )


def save_label_printer(value: LabelPrinterSettings) -> None:
    s = local_settings.settings()
    for key, item in (
        ("host", value.connection.host.strip()),
        ("port", value.connection.port),
        ("language", value.language),
        ("widthMm", value.width_mm),
        ("heightMm", value.height_mm),
    ):
        s.setValue(_LABELS + key, item)
    s.sync()
