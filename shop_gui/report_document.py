"""A sales report as a document: a title, the chart and the table, on A4
(landscape: fourteen columns), saved as a PDF or printed."""

from html import escape

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from shop_gui.models.table import RowsTableModel
from shop_gui.printing import paint_pages
from shop_gui.views.report_chart import ReportChart

MARGIN_MM = 12
CHART_SIZE = (2400, 900)  # pixels of the chart's picture (sharp on paper)
CHART_RESOURCE = "chart://report"


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def chart_image(chart: ReportChart) -> QImage:
    image = QImage(*CHART_SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        font = painter.font()
        font.setPixelSize(30)
        painter.setFont(font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart.paint(painter, QRectF(0, 0, *CHART_SIZE))
    finally:
        painter.end()
    return image


def report_document(title: str, subtitle: str, model: RowsTableModel, chart: ReportChart, parent=None):
    """The report as rich text: what the table shows, cell for cell (its last row in bold: the total)."""
    document = QTextDocument(parent)
    document.addResource(QTextDocument.ResourceType.ImageResource, CHART_RESOURCE, chart_image(chart))
    across = Qt.Orientation.Horizontal
    head = "".join(
        f"<th align='{'left' if c == 0 else 'right'}'>{escape(str(model.headerData(c, across)))}</th>"
        for c in range(model.columnCount())
    )
    body = []
    for r in range(model.rowCount()):
        cells = []
        for c in range(model.columnCount()):
            text = escape(str(model.data(model.index(r, c))))
            weight = "font-weight: bold; border-top: 1px solid #000;" if r == model.rowCount() - 1 else ""
            cells.append(f"<td align='{'left' if c == 0 else 'right'}' style='{weight}'>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    document.setHtml(
        f"<h2>{escape(title)}</h2><p>{escape(subtitle)}</p>"
        f"<p><img src='{CHART_RESOURCE}' width='900'></p>"
        "<table width='100%' cellspacing='0' cellpadding='2' style='font-size: 7pt'>"
        f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>"
    )
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return document


def save_report_pdf(document: QTextDocument, path: str) -> None:
    """Write the report to ``path`` on A4 pages; OSError if it cannot be written."""
    with open(path, "wb"):
        pass  # can it be written? (QPdfWriter would only warn)
    writer = QPdfWriter(path)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("Shop Manager")
    writer.setResolution(150)
    writer.setPageLayout(a4_layout())
    paint_pages(document, writer, writer.newPage, path, max_width_mm=None)


def print_report(document: QTextDocument, printer) -> None:
    printer.setPageLayout(a4_layout())
    paint_pages(document, printer, printer.newPage, "The printer", max_width_mm=None)
