"""Shelf-edge and product labels on A4 label sheets (3 x 8, 4 x 10, or a
grid of one's own), painted with QPainter on a QPdfWriter (a PDF) or a
QPrinter (the print dialog).

The bars come from python-barcode's patterns (EAN-13 for a product whose
barcode is a valid one, else Code 128 of its barcode, or of its SKU when it
has none: the till finds a product by either), drawn as filled rectangles
in millimetres: vector bars, crisp at any printer's resolution, each as
wide as the label allows, with the quiet zones scanners need."""

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from core.hardware.label_jobs import Label

A4_MM = (210.0, 297.0)
SHELF, PRODUCT = "shelf", "product"  # a big price for the shelf edge; name, SKU and price for the product
STYLES = {SHELF: QT_TRANSLATE_NOOP("words", "Shelf-edge labels"), PRODUCT: QT_TRANSLATE_NOOP("words", "Product labels")}
EAN13_QUIET = (11, 7)  # modules of white left and right of an EAN-13
CODE128_QUIET = (10, 10)
MAX_MODULE_MM = 0.5  # wider bars only waste the label


@dataclass(frozen=True)
class SheetLayout:
    """A sheet of ``columns`` x ``rows`` labels, each ``width`` x ``height``
    mm, the first ``left`` and ``top`` mm from the sheet's edge, ``gap_x`` and
    ``gap_y`` mm apart."""

    name: str
    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    gap_x: float = 0.0
    gap_y: float = 0.0

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def cell(self, index: int) -> QRectF:
        """The ``index``-th label of a sheet (across, then down), in mm."""
        row, column = divmod(index % self.per_sheet, self.columns)
        x = self.left + column * (self.width + self.gap_x)
        y = self.top + row * (self.height + self.gap_y)
        return QRectF(x, y, self.width, self.height)


# Common A4 sheets: 24 labels of 70 x 37 mm, 40 of 52.5 x 29.7 mm.
LAYOUTS = {
    "3x8": SheetLayout(QT_TRANSLATE_NOOP("words", "3 x 8 (70 x 37 mm)"), 3, 8, 70.0, 37.0, 0.0, 0.5),
    "4x10": SheetLayout(QT_TRANSLATE_NOOP("words", "4 x 10 (52.5 x 29.7 mm)"), 4, 10, 52.5, 29.7, 0.0, 0.0),
}
CUSTOM_MARGIN_MM = 8.0


def custom_layout(columns: int, rows: int) -> SheetLayout:
    """A grid of one's own on A4, inside an 8 mm margin, labels touching."""
    width = (A4_MM[0] - 2 * CUSTOM_MARGIN_MM) / columns
    height = (A4_MM[1] - 2 * CUSTOM_MARGIN_MM) / rows
    return SheetLayout(f"{columns} x {rows}", columns, rows, width, height, CUSTOM_MARGIN_MM, CUSTOM_MARGIN_MM)


def bar_modules(label: Label) -> tuple[str, tuple[int, int]]:
    """The label's barcode as modules ("1" a bar, "0" a space) and its quiet zones."""
    # Imported when labels are made: python-barcode brings Pillow and an XML
    # library, which the window's start need not wait for.
    from barcode import EAN13, Code128

    if label.ean13:
        return EAN13(label.code).build()[0], EAN13_QUIET
    return Code128(label.code).build()[0], CODE128_QUIET


def _draw_bars(painter: QPainter, modules: str, quiet: tuple[int, int], area: QRectF) -> QRectF:
    """The bars centred in ``area`` (mm); returns the rectangle they took."""
    module = min(area.width() / (len(modules) + sum(quiet)), MAX_MODULE_MM)
    width = module * len(modules)
    x0 = area.left() + (area.width() - width) / 2
    run_start = None
    for index, bit in enumerate(modules + "0"):
        if bit == "1" and run_start is None:
            run_start = index
        elif bit != "1" and run_start is not None:
            painter.fillRect(
                QRectF(x0 + run_start * module, area.top(), (index - run_start) * module, area.height()),
                Qt.GlobalColor.black,
            )
            run_start = None
    return QRectF(x0, area.top(), width, area.height())


def _text(painter: QPainter, rect: QRectF, text: str, size_mm: float, *, bold=False, align=Qt.AlignmentFlag.AlignLeft):
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(round(size_mm * 10), 1))  # painter units are 0.1 mm inside _paint_label
    font.setBold(bold)
    painter.setFont(font)
    scaled = QRectF(rect.left() * 10, rect.top() * 10, rect.width() * 10, rect.height() * 10)
    shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, scaled.width())
    painter.save()
    painter.scale(0.1, 0.1)
    painter.drawText(scaled, int(align | Qt.AlignmentFlag.AlignVCenter), shown)
    painter.restore()


def paint_label(painter: QPainter, label: Label, cell: QRectF, style: str) -> None:
    """One label in ``cell`` (mm), inside a 2 mm margin."""
    inner = cell.adjusted(2, 2, -2, -2)
    h = inner.height()
    centre = Qt.AlignmentFlag.AlignHCenter
    if style == SHELF:
        _text(painter, QRectF(inner.left(), inner.top(), inner.width(), h * 0.2), label.name, h * 0.12, bold=True)
        _text(
            painter,
            QRectF(inner.left(), inner.top() + h * 0.2, inner.width(), h * 0.3),
            label.price,
            h * 0.24,
            bold=True,
            align=centre,
        )
        bars_top, bars_height = inner.top() + h * 0.52, h * 0.34
    else:
        _text(painter, QRectF(inner.left(), inner.top(), inner.width(), h * 0.18), label.name, h * 0.11, bold=True)
        _text(painter, QRectF(inner.left(), inner.top() + h * 0.18, inner.width() * 0.5, h * 0.16), label.sku, h * 0.09)
        _text(
            painter,
            QRectF(inner.left() + inner.width() * 0.5, inner.top() + h * 0.18, inner.width() * 0.5, h * 0.16),
            label.price,
            h * 0.11,
            bold=True,
            align=Qt.AlignmentFlag.AlignRight,
        )
        bars_top, bars_height = inner.top() + h * 0.38, h * 0.48
    modules, quiet = bar_modules(label)
    bars = _draw_bars(painter, modules, quiet, QRectF(inner.left(), bars_top, inner.width(), bars_height))
    _text(
        painter,
        QRectF(inner.left(), bars.bottom(), inner.width(), inner.bottom() - bars.bottom()),
        label.code,
        h * 0.1,
        align=centre,
    )


def paint_sheets(device, new_page, labels: list[Label], layout: SheetLayout, style: str, skip: int = 0) -> None:
    """Every label on ``device``'s A4 pages (``new_page`` its newPage), from the
    ``skip``-th place of the first sheet (a sheet partly used already)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("The labels could not be painted: the printer or file could not be opened.")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # bars' edges stay sharp
        painter.scale(device.resolution() / 25.4, device.resolution() / 25.4)  # millimetres from here on
        painter.setPen(QColor("black"))
        for index, label in enumerate(labels):
            place = index + skip
            if place and place % layout.per_sheet == 0:
                new_page()
            paint_label(painter, label, layout.cell(place), style)
    finally:
        painter.end()


def a4_layout() -> QPageLayout:
    """A4 with no margins: label sheets are measured from the paper's edge."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def save_labels_pdf(path: str, labels: list[Label], layout: SheetLayout, style: str, skip: int = 0) -> None:
    """The labels as an A4 PDF at ``path``. Raises OSError when it cannot be written."""
    with open(path, "wb"):
        pass  # can it be written? (QPdfWriter would only warn)
    writer = QPdfWriter(path)
    writer.setTitle("Labels")
    writer.setCreator("Shop Manager")
    writer.setResolution(600)
    writer.setPageLayout(a4_layout())
    paint_sheets(writer, writer.newPage, labels, layout, style, skip)
