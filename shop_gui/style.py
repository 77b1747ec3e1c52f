"""The window's few colours and text styles, each defined once."""

from PySide6.QtGui import QFont

ERROR_COLOR = "#b3261e"  # what is wrong or refused, low stock, money due, stock taken away
OK_COLOR = "#1b6e2e"  # what was done, stock added

ERROR_STYLE = f"color: {ERROR_COLOR};"  # a field's message, a failed save
STRONG_ERROR_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"  # a refusal of the whole thing
OK_STYLE = f"color: {OK_COLOR}; font-weight: bold;"
HINT_STYLE = "color: palette(placeholder-text);"  # what is still missing, in grey


def bold(widget, scale: float = 1.0) -> None:
    """Make ``widget``'s text bold and, by ``scale``, larger."""
    font = QFont(widget.font())
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    widget.setFont(font)
