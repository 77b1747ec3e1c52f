"""An undone action as every history shows it (the stock history, an
order's history): "undone by Cara at 7 Dec 2026 10:30", and when it was
done again since. The core's UndoMark says who and when."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from shop_gui.formatting import local_time
from shop_gui.texts import fill

UNDONE_FOREGROUND = QBrush(QColor("#6b6b6b"))  # an undone row reads as set aside, not gone


def undone_text(mark) -> str:
    """The words for ``mark`` (a core UndoMark)."""
    if mark.redone_at:
        return fill(
            QCoreApplication.translate("undo_marks", "undone by %1 at %2, redone at %3"),
            mark.undone_by_name,
            local_time(mark.undone_at),
            local_time(mark.redone_at),
        )
    return fill(
        QCoreApplication.translate("undo_marks", "undone by %1 at %2"),
        mark.undone_by_name,
        local_time(mark.undone_at),
    )


def with_mark(text: str, mark) -> str:
    """``text``, then the mark if there is one: "Paid £8.50 by cash · undone by ..."."""
    return f"{text} · {undone_text(mark)}" if mark is not None else text
