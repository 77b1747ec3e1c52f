"""Labels for a label printer: ZPL (Zebra and the many printers that speak
it) or ESC/POS (a receipt printer's roll, a label cut off each time). The
A4 sheets are painted by the window (shop_gui/label_sheet.py) from the
same ``Label``s.

Both printers draw the bars themselves from the code, check digit
included: ZPL's ^BE computes the EAN-13's check digit from its first 12
digits, ESC/POS's GS k checks it."""

import contextlib
import io
from dataclasses import dataclass

from core.domain.barcodes import is_ean13
from core.hardware.escpos_jobs import JobOptions

ZPL, ESCPOS = "zpl", "escpos"
LANGUAGES = (ZPL, ESCPOS)
DOTS_PER_MM = 8  # 203 dpi, the common label printhead


@dataclass(frozen=True)
class Label:
    name: str
    price: str  # formatted in the shop's currency
    sku: str
    code: str  # what the barcode says
    ean13: bool  # EAN-13, else Code 128


def label_of(product, price: str) -> Label:
    """A product's label (a ProductView): its barcode, or its SKU when it has
    none (the till finds a product by either); ``price`` formatted."""
    code = product.barcode or product.sku
    return Label(product.name, price, product.sku, code, bool(product.barcode) and is_ean13(code))


def _zpl_text(text: str) -> str:
    """Field data for ^FH: ^, ~ and _ (the escape itself) as hex escapes."""
    return text.replace("_", "_5F").replace("^", "_5E").replace("~", "_7E")


def zpl_job(labels: list[Label], width_mm: float, height_mm: float) -> bytes:
    """One ZPL format a label, UTF-8 text (^CI28), ``width_mm`` x ``height_mm``."""
    width, height = round(width_mm * DOTS_PER_MM), round(height_mm * DOTS_PER_MM)
    margin = 2 * DOTS_PER_MM
    inner = width - 2 * margin
    name_h, price_h = round(height * 0.14), round(height * 0.2)
    bars_y = margin + name_h + price_h + DOTS_PER_MM
    bars_h = max(height - bars_y - margin - round(height * 0.12), DOTS_PER_MM * 5)
    out = []
    for label in labels:
        if label.ean13:
            bars = f"^BEN,{bars_h},Y,N^FD{label.code[:12]}^FS"  # the printer adds the check digit
        else:
            bars = f"^BCN,{bars_h},Y,N,N^FH_^FD{_zpl_text(label.code)}^FS"
        out.append(
            f"^XA^CI28^PW{width}^LL{height}"
            f"^FO{margin},{margin}^A0N,{name_h},{name_h}^FB{inner},1,0,L^FH_^FD{_zpl_text(label.name)}^FS"
            f"^FO{margin},{margin + name_h}^A0N,{price_h},{price_h}^FB{inner},1,0,R^FH_^FD{_zpl_text(label.price)}^FS"
            f"^FO{margin},{bars_y}^BY2{bars}"
            "^XZ\n"
        )
    return "".join(out).encode("utf-8")


def escpos_labels_job(labels: list[Label], options: JobOptions) -> bytes:
    """Each label on the receipt printer's roll: the name, the price in
    double size, the barcode, a cut."""
    from escpos.printer import Dummy  # when a label is made (core/hardware/escpos_jobs.py says why)

    printer = Dummy(profile=options.profile)
    printer.hw("INIT")
    width = options.columns
    for label in labels:
        printer.set(align="center", bold=True, normal_textsize=True)
        printer.textln(label.name if len(label.name) <= width else label.name[: width - 1] + "…")
        printer.set(align="center", bold=True, double_width=True, double_height=True)
        printer.textln(label.price)
        printer.set_with_default(align="center")
        with contextlib.redirect_stdout(io.StringIO()):  # python-escpos print()s its renderer
            if label.ean13:
                printer.barcode(label.code, "EAN13", height=80, width=3, function_type="A")
            else:
                printer.barcode("{B" + label.code, "CODE128", height=80, width=2, function_type="B")
        printer.cut()
    return printer.output
