"""The Reports tab's chart: bars of what customers paid, drawn with QPainter.

Vertical bars over time (days, weeks, months, hours) and for staff and
tills; horizontal bars for the top products and categories. One ``paint``
draws it on screen and into the PDF, so both show the same chart.

Why not QtCharts: it ships in PySide6-Addons, which this program does not
otherwise need (the Addons wheel bundles QtWebEngine, Qt3D and more, many
times the size of the whole program); a bar chart is a few rectangles.
"""

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from shop_gui.formatting import money
from shop_gui.texts import fill

BAR = QColor("#2f6f9f")
TOP_N = 20  # products or categories in a horizontal chart


class ReportChart(QWidget):
    """``set_bars(labels, values, horizontal)``: what to draw (values in
    minor units); ``paint(painter, rect)`` draws it anywhere."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("reportChart")
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.labels: tuple[str, ...] = ()
        self.values: tuple[int, ...] = ()
        self.horizontal = False
        self.setAccessibleName(self.tr("Sales chart"))

    def sizeHint(self) -> QSize:
        return QSize(600, 240)

    def set_bars(self, labels, values, horizontal: bool) -> None:
        self.labels, self.values, self.horizontal = tuple(labels), tuple(values), horizontal
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.paint(painter, QRectF(self.rect()), self.palette().color(QPalette.ColorRole.WindowText))
        finally:
            painter.end()

    def paint(self, painter: QPainter, rect: QRectF, ink: QColor | None = None) -> None:
        ink = QColor(Qt.GlobalColor.black) if ink is None else ink
        painter.setPen(ink)
        if not self.values:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("Nothing sold in this period."))
            return
        top = max(max(self.values), 1)
        metrics = painter.fontMetrics()
        line = metrics.height()
        if self.horizontal:
            self._horizontal(painter, rect, top, line, ink)
        else:
            self._vertical(painter, rect, top, line, ink)

    def _vertical(self, painter: QPainter, rect: QRectF, top: int, line: float, ink: QColor) -> None:
        area = rect.adjusted(8, line + 6, -8, -(line + 6))
        painter.drawText(
            QRectF(rect.left() + 8, rect.top(), rect.width() - 16, line),
            Qt.AlignmentFlag.AlignLeft,
            fill(self.tr("Sales, most %1"), money(top)),
        )
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        count = len(self.values)
        step = area.width() / count
        width = max(step * 0.7, 1.0)
        widest = max(painter.fontMetrics().horizontalAdvance(label) for label in self.labels) + 12
        every = max(1, math.ceil(widest / step))  # every label, or every second, third... so they fit
        for i, (label, value) in enumerate(zip(self.labels, self.values)):
            height = area.height() * max(value, 0) / top
            x = area.left() + i * step + (step - width) / 2
            painter.fillRect(QRectF(x, area.bottom() - height, width, height), BAR)
            if i % every == 0:
                painter.drawText(
                    QRectF(area.left() + (i + 0.5) * step - widest / 2, area.bottom() + 2, widest, line),
                    Qt.AlignmentFlag.AlignHCenter,
                    label,
                )

    def _horizontal(self, painter: QPainter, rect: QRectF, top: int, line: float, ink: QColor) -> None:
        rows = len(self.values)
        height = min((rect.height() - 8) / rows, line * 1.6)
        label_width = min(rect.width() * 0.35, 260)
        bar_left = rect.left() + label_width + 12
        bar_room = rect.right() - bar_left - 90
        for i, (label, value) in enumerate(zip(self.labels, self.values)):
            y = rect.top() + 4 + i * height
            elided = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(label_width))
            painter.drawText(
                QRectF(rect.left() + 4, y, label_width, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
            width = bar_room * max(value, 0) / top
            painter.fillRect(QRectF(bar_left, y + height * 0.15, width, height * 0.7), BAR)
            painter.drawText(
                QRectF(bar_left + width + 4, y, 90, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                money(value),
            )
