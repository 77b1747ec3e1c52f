"""A receipt (``core.receipt.Receipt``) as rich text for a QTextDocument: what
the preview shows, the PDF holds and the printer prints.

Money is in the receipt's currency, laid out by the locale
(``shop_gui.formatting.money``: integers only, never a float)."""

from html import escape

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from core.domain.money import format_percent
from core.domain.pricing import AMOUNT
from core.queries import CANCELLED
from core.receipt import Receipt
from shop_gui.formatting import local_time
from shop_gui.formatting import money as format_money

METHODS = {"cash": "Cash", "card": "Card", "other": "Other payment"}
ROLL_WIDTH_MM = 80  # a till roll
ROLL_MARGIN_MM = 4
GREY = "#555555"


class _Rows:
    """The receipt's body: one table of two columns (text, amount); a section
    starts with a dashed rule (a cell border: crisp in a PDF at any resolution)."""

    def __init__(self):
        self._rows: list[str] = []
        self._rule: str | None = None

    def section(self, rule: str = "1px dashed #000") -> None:
        self._rule = rule

    def add(
        self,
        left: str,
        right: str = "",
        *,
        bold: bool = False,
        grey: bool = False,
        indent: bool = False,
        big: bool = False,
    ) -> None:
        style = []
        if bold:
            style.append("font-weight: bold")
        if grey:
            style.append(f"color: {GREY}")
        if big:
            style.append("font-size: large")
        if self._rule:
            style.append(f"border-top: {self._rule}; padding-top: 5px")
            self._rule = None
        css = "; ".join(style)
        pad = "&nbsp;&nbsp;&nbsp;" if indent else ""
        if not right:  # text alone may run the whole width
            self._rows.append(f"<tr><td colspan='2' style='{css}'>{pad}{left}</td></tr>")
            return
        self._rows.append(
            f"<tr><td style='{css}'>{pad}{left}</td><td align='right' style='{css}; white-space: pre'>{right}</td></tr>"
        )

    def html(self) -> str:
        return (
            "<table width='100%' cellspacing='0' cellpadding='1' style='border-collapse: collapse'>"
            + "".join(self._rows)
            + "</table>"
        )


def receipt_html(receipt: Receipt, order=None) -> str:
    """The receipt as rich text. With the ``OrderDetail`` it was made from, the
    discounts' labels ("£1.00 off") are in the locale's format too."""

    def money(cents: int) -> str:
        return escape(format_money(cents, receipt.currency_symbol, receipt.minor_digits))

    def label(discount, plain: str | None) -> str | None:
        if discount is None or discount.kind != AMOUNT:
            return plain
        return f"{format_money(discount.value, receipt.currency_symbol, receipt.minor_digits)} off"

    line_discounts = {}
    order_discount_label = receipt.order_discount_label
    if order is not None and len(order.lines) == len(receipt.lines):
        line_discounts = {index: line.discount for index, line in enumerate(order.lines)}
        order_discount_label = label(order.order_discount, order_discount_label)

    parts = [
        f"<p align='center' style='margin-bottom: 2px'><span style='font-size: x-large; font-weight: bold'>"
        f"{escape(receipt.shop_name)}</span></p>"
    ]
    if receipt.shop_address:
        parts.append(
            "<p align='center' style='margin-top: 0; margin-bottom: 8px'>"
            + "<br>".join(escape(line) for line in receipt.shop_address)
            + "</p>"
        )
    rows = _Rows()
    rows.section()
    rows.add(f"<b>Order {receipt.order_number}</b>")
    rows.add(escape(local_time(receipt.placed_at)))
    if receipt.customer_name:
        rows.add(f"Customer: {escape(receipt.customer_name)}")
    if receipt.status == CANCELLED:
        rows.add("<span style='color: #b3261e; font-weight: bold'>CANCELLED</span>")

    rows.section()
    for index, line in enumerate(receipt.lines):
        rows.add(escape(line.name), money(line.gross_cents))
        if line.quantity != 1:
            rows.add(f"{line.quantity:,} × {money(line.unit_price_cents)}", grey=True, indent=True)
        if line.discount_cents or line.discount_label:
            text = label(line_discounts.get(index), line.discount_label) or "Discount"
            rows.add(escape(text), money(-line.discount_cents), grey=True, indent=True)
        if line.returned_quantity:
            rows.add(f"{line.returned_quantity:,} returned", grey=True, indent=True)

    rows.section()
    rows.add("Subtotal", money(receipt.subtotal_cents))
    if receipt.order_discount_cents or order_discount_label:
        text = f"Order discount ({escape(order_discount_label)})" if order_discount_label else "Order discount"
        rows.add(text, money(-receipt.order_discount_cents))
    if not receipt.prices_include_tax:
        for band in receipt.tax_by_rate:
            rows.add(f"Tax {format_percent(band.rate_bp)} on {money(band.taxable)}", money(band.tax))
    rows.add("TOTAL", money(receipt.total_cents), bold=True, big=True)
    if receipt.prices_include_tax and receipt.tax_by_rate:
        rows.add("Tax included:", grey=True)
        for band in receipt.tax_by_rate:
            rows.add(
                f"{format_percent(band.rate_bp)} on {money(band.taxable)}", money(band.tax), grey=True, indent=True
            )

    if receipt.payments or receipt.due_cents or receipt.refunded_cents:
        rows.section()
    for payment in receipt.payments:
        rows.add(METHODS.get(payment.method, escape(payment.method)), money(payment.amount_cents))
        if payment.method == "cash" and payment.tendered_cents is not None:
            rows.add("Tendered", money(payment.tendered_cents), indent=True, grey=True)
            rows.add("Change", money(payment.change_cents or 0), indent=True, grey=True)
    if receipt.due_cents:
        rows.add("Still to pay", money(receipt.due_cents), bold=True)
    if receipt.refunded_cents:
        rows.add("Refunded", money(receipt.refunded_cents))
    rows.section()
    rows.add("")
    parts.append(rows.html())
    parts.append("<p align='center' style='margin-top: 2px'>Thank you</p>")
    return "".join(parts)


def receipt_document(receipt: Receipt, parent=None, margin: float = 14, order=None) -> QTextDocument:
    """The receipt as a document; ``margin`` around it on screen (a PDF or a
    printout has the page's margins instead)."""
    document = QTextDocument(parent)
    document.setDocumentMargin(margin)
    font = QFont(document.defaultFont())
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setHtml(receipt_html(receipt, order))
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, f"{receipt.shop_name}: receipt for order {receipt.order_number}"
    )
    return document


def _laid_out(document: QTextDocument, device, width: float) -> QTextDocument:
    """A copy of ``document`` laid out for ``device`` (its fonts at the device's
    resolution), ``width`` device pixels wide."""
    copy = document.clone(document)
    copy.documentLayout().setPaintDevice(device)
    copy.setDocumentMargin(0)
    copy.setTextWidth(width)
    return copy


def save_pdf(document: QTextDocument, path: str, title: str = "Receipt") -> None:
    """Write ``document`` to ``path`` as a PDF on one till-roll page (80 mm
    wide, as long as the receipt). Raises OSError when the file cannot be written."""
    with open(path, "wb"):
        pass  # can it be written? (QPdfWriter would only warn)
    writer = QPdfWriter(path)
    writer.setTitle(title)
    writer.setCreator("Shop Manager")
    writer.setResolution(300)
    dots_per_mm = writer.resolution() / 25.4
    laid = _laid_out(document, writer, (ROLL_WIDTH_MM - 2 * ROLL_MARGIN_MM) * dots_per_mm)
    height_mm = laid.size().height() / dots_per_mm + 2 * ROLL_MARGIN_MM
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(ROLL_WIDTH_MM, max(height_mm, 40)), QPageSize.Unit.Millimeter, "Till roll"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(ROLL_MARGIN_MM, ROLL_MARGIN_MM, ROLL_MARGIN_MM, ROLL_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Could not write {path}.")
    try:
        laid.drawContents(painter)
    finally:
        painter.end()
    laid.deleteLater()


PRINT_MAX_WIDTH_MM = 100  # on A4 or Letter, a receipt-wide column, not the whole sheet


def print_document(document: QTextDocument, printer) -> None:
    """Print ``document`` on ``printer``'s pages (a receipt: usually one), in a
    column at most ``PRINT_MAX_WIDTH_MM`` wide. Raises OSError when the
    printer cannot be opened."""
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    width = min(page.width(), PRINT_MAX_WIDTH_MM * printer.resolution() / 25.4)
    laid = _laid_out(document, printer, width)
    laid.setPageSize(QSizeF(width, page.height()))  # lines move to the next page whole
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be opened.")
    try:
        for number in range(laid.pageCount()):
            if number:
                printer.newPage()
            top = number * page.height()
            painter.save()
            painter.translate(0, -top)
            laid.drawContents(painter, QRectF(0, top, width, page.height()))
            painter.restore()
    finally:
        painter.end()
        laid.deleteLater()
