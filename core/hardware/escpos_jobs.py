"""ESC/POS print jobs as bytes: a receipt (from ``core.receipt.receipt_rows``,
so its words live in one place), a drawer kick, a test page.

python-escpos renders into its Dummy printer: it knows each printer
profile's code page numbers and picks, for every character, a table that
has it (Cyrillic in CP866 on most thermal printers), unless a code page is
forced. The bytes then go to the printer in one piece (``printer_link``),
so a failure never leaves half a job queued in the library."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.receipt import ALERT, CENTRED_STYLES, STRONG, TITLE, Receipt, receipt_rows

if TYPE_CHECKING:
    from escpos.printer import Dummy

# python-escpos is imported where a job is made, not with this module: its
# printers' capabilities file takes a good part of the window's start-up,
# and a till without a thermal printer never needs it.

# Characters a line in the printer's font A: 58 mm paper, 80 mm paper (two common printheads).
COLUMN_CHOICES = (32, 42, 48)
AUTO_CODE_PAGE = "auto"
# Offered in the settings; "auto" picks per character from the profile's tables.
CODE_PAGES = (AUTO_CODE_PAGE, "CP437", "CP850", "CP858", "CP866", "CP1251", "CP1252")
DRAWER_PINS = (2, 5)
# The order number under the receipt: a Code 128 barcode, or a QR code (drawn
# by the printer where its profile says it can, else sent as a picture), or
# a QR code always sent as a picture (a printer that claims QR and prints none).
BARCODE, QR_CODE, QR_PICTURE = "barcode", "qr", "qr-picture"
ORDER_CODES = (BARCODE, QR_CODE, QR_PICTURE)
QR_DOTS = 4  # a module 4 dots wide: 0.5 mm at 203 dpi, a 1-4 digit order number 11.5 mm square


DEFAULT_PROFILE = "default"


def printer_profiles() -> dict[str, str]:
    """python-escpos's printer profiles, the default first: each make's code
    page numbers (ESC t n), barcodes and QR codes. Its customer displays are
    left out; the "simple" profile is for a printer that understands little."""
    named = {}
    from escpos.capabilities import CAPABILITIES

    for key, value in CAPABILITIES["profiles"].items():
        name, vendor = str(value.get("name", key)), str(value.get("vendor", ""))
        if "display" not in name.lower():
            named[key] = name if name.startswith(vendor) else f"{vendor} {name}".strip()
    names = list(named.values())
    named = {key: f"{name} ({key})" if names.count(name) > 1 else name for key, name in named.items()}  # RP-F10
    return {DEFAULT_PROFILE: named.pop(DEFAULT_PROFILE)} | dict(sorted(named.items(), key=lambda item: item[1].lower()))


@dataclass(frozen=True)
class JobOptions:
    """How this computer's receipt printer prints."""

    columns: int = 48
    code_page: str = AUTO_CODE_PAGE
    profile: str = DEFAULT_PROFILE  # a python-escpos printer profile (its code page numbers, its barcodes)
    order_barcode: bool = True  # the order number as a code under the receipt
    order_code: str = BARCODE  # which code (ORDER_CODES)
    drawer_pin: int = 2


def _printer(options: JobOptions) -> Dummy:
    from escpos.printer import Dummy

    printer = Dummy(profile=options.profile)
    printer.hw("INIT")
    if options.code_page != AUTO_CODE_PAGE:
        printer.charcode(options.code_page)
    return printer


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _receipt_body(printer: Dummy, receipt: Receipt, options: JobOptions) -> None:
    width = options.columns
    for row in receipt_rows(receipt, width):
        centred = row.style in CENTRED_STYLES
        if row.style == TITLE:
            # Double width: half as many characters fit.
            printer.set(align="center", bold=True, double_width=True, double_height=True)
            printer.textln(_fit(row.text, width // 2))
        else:
            printer.set(align="center" if centred else "left", bold=row.style in (STRONG, ALERT), normal_textsize=True)
            printer.textln(_fit(row.text, width))
    printer.set_with_default()
    if options.order_barcode:
        _order_code(printer, str(receipt.order_number), options.order_code)
    printer.ln(1)
    printer.cut()


def _order_code(printer: Dummy, number: str, kind: str) -> None:
    # python-escpos print()s which renderer it chose: kept off the console.
    with contextlib.redirect_stdout(io.StringIO()):
        if kind not in (QR_CODE, QR_PICTURE):
            printer.barcode("{B" + number, "CODE128", height=60, width=2, function_type="B")
            return
        printer.set(align="center")  # ESC a centres the printer's QR code and a raster picture alike
        if kind == QR_CODE and printer.profile.supports("qrCode"):
            printer.qr(number, size=QR_DOTS, native=True)  # GS ( k
        else:
            raster = printer.profile.supports("bitImageRaster")
            printer.qr(
                number,
                size=QR_DOTS,
                native=False,
                image_arguments={"impl": "bitImageRaster" if raster else "bitImageColumn", "center": False},
            )
        printer.set_with_default()


def receipt_job(receipt: Receipt, options: JobOptions, *, copies: int = 1, open_drawer: bool = False) -> bytes:
    """The bytes that print ``receipt`` ``copies`` times (each cut off), the
    drawer kicked first when ``open_drawer`` (the change is counted out while
    it prints)."""
    printer = _printer(options)
    if open_drawer:
        printer.cashdraw(options.drawer_pin)
    for _copy in range(max(copies, 1)):
        _receipt_body(printer, receipt, options)
    return printer.output


def drawer_job(options: JobOptions) -> bytes:
    """The bytes that open the cash drawer wired to the printer (ESC p)."""
    from escpos.printer import Dummy

    printer = Dummy(profile=options.profile)
    printer.cashdraw(options.drawer_pin)
    return printer.output


def trial_page_job(options: JobOptions, lines: tuple[str, ...]) -> bytes:
    """A short page that shows the width (a full rule) and the code page."""
    printer = _printer(options)
    printer.set(align="center", bold=True, double_width=True, double_height=True)
    printer.textln(_fit(lines[0], options.columns // 2))
    printer.set_with_default()
    printer.textln("-" * options.columns)
    for line in lines[1:]:
        printer.textln(_fit(line, options.columns))
    printer.textln("-" * options.columns)
    printer.cut()
    return printer.output
