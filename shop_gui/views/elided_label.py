"""A one-line label that ends a text too long for it with "…" and shows the
whole of it as its tooltip: names people typed can be 200 characters."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    """Plain text only (a name is never markup). ``full_text()`` is what was set."""

    MIN_WIDTH = 40

    def __init__(self, text: str = "", parent=None, *, name: str = "", tip: str = ""):
        super().__init__(parent, objectName=name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._full = ""
        self._tip = tip  # shown as the tooltip, after the whole text when that is cut
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.updateGeometry()
        self._elide()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right() + 2
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.MIN_WIDTH, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.contentsRect().width(), self.MIN_WIDTH)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        if shown != self.text():
            QLabel.setText(self, shown)
        whole = self._full if shown != self._full else ""
        self.setToolTip("\n".join(part for part in (whole, self._tip) if part))
