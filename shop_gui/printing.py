"""Documents the till prints: rich text in a QTextDocument, laid out as a
till roll, saved as a PDF (an 80 mm roll or A4 pages) or printed.

Receipts (``shop_gui.receipt_document``) and till reports
(``shop_gui.till_report_document``) are both built of ``Rows``: one table of
two columns (text, amount), sections starting with a dashed rule."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

ROLL, A4 = "roll", "a4"  # the paper of a saved PDF
PAPERS = {ROLL: QT_TRANSLATE_NOOP("words", "80 mm roll"), A4: QT_TRANSLATE_NOOP("words", "A4")}
ROLL_WIDTH_MM = 80  # a till roll
ROLL_MARGIN_MM = 4
A4_MARGIN_MM = 15
PRINT_MAX_WIDTH_MM = 100  # on A4 or Letter, a receipt-wide column, not the whole sheet
GREY = "#555555"
RED = "#b3261e"


class Rows:
    """A document's body: one table of two columns (text, amount); a section
    starts with a dashed rule (a cell border: crisp in a PDF at any resolution).
    ``left`` and ``right`` are rich text: escape what people typed."""

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


def roll_document(html: str, title: str, parent=None, margin: float = 14) -> QTextDocument:
    """``html`` as a document in a till roll's small type; ``margin`` around it
    on screen (a PDF or a printout has the page's margins instead)."""
    document = QTextDocument(parent)
    document.setDocumentMargin(margin)
    font = QFont(document.defaultFont())
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return document


def _laid_out(document: QTextDocument, device, width: float) -> QTextDocument:
    """A copy of ``document`` laid out for ``device`` (its fonts at the device's
    resolution), ``width`` device pixels wide."""
    copy = document.clone(document)
    copy.documentLayout().setPaintDevice(device)
    copy.setDocumentMargin(0)
    copy.setTextWidth(width)
    return copy


def paint_pages(
    document: QTextDocument, device, new_page, what: str, max_width_mm: float | None = PRINT_MAX_WIDTH_MM
) -> None:
    """Paint ``document`` on ``device``'s pages (a QPrinter or a QPdfWriter,
    ``new_page`` its newPage), in a column at most ``max_width_mm`` wide (None:
    the page's width); a line moves to the next page whole. Raises OSError
    when ``device`` cannot be opened (``what`` says what it is)."""
    page = device.pageLayout().paintRectPixels(device.resolution())
    width = page.width() if max_width_mm is None else min(page.width(), max_width_mm * device.resolution() / 25.4)
    laid = _laid_out(document, device, width)
    laid.setPageSize(QSizeF(width, page.height()))
    painter = QPainter()
    if not painter.begin(device):
        laid.deleteLater()
        raise OSError(f"{what} could not be opened.")
    try:
        for number in range(laid.pageCount()):
            if number:
                new_page()
            top = number * page.height()
            painter.save()
            painter.translate(0, -top)
            laid.drawContents(painter, QRectF(0, top, width, page.height()))
            painter.restore()
    finally:
        painter.end()
        laid.deleteLater()


def save_pdf(document: QTextDocument, path: str, title: str = "Receipt", paper: str = ROLL) -> None:
    """Write ``document`` to ``path`` as a PDF: on one till-roll page (80 mm
    wide, as long as the document) or on A4 pages. Raises OSError when the
    file cannot be written."""
    with open(path, "wb"):
        pass  # can it be written? (QPdfWriter would only warn)
    writer = QPdfWriter(path)
    writer.setTitle(title)
    writer.setCreator("Shop Manager")
    writer.setResolution(300)
    if paper == A4:
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(A4_MARGIN_MM, A4_MARGIN_MM, A4_MARGIN_MM, A4_MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        paint_pages(document, writer, writer.newPage, path)
        return
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
        laid.deleteLater()
        raise OSError(f"Could not write {path}.")
    try:
        laid.drawContents(painter)
    finally:
        painter.end()
    laid.deleteLater()


def print_document(document: QTextDocument, printer) -> None:
    """Print ``document`` on ``printer``'s pages (a receipt: usually one), in a
    column at most ``PRINT_MAX_WIDTH_MM`` wide. Raises OSError when the
    printer cannot be opened."""
    paint_pages(document, printer, printer.newPage, "The printer")
