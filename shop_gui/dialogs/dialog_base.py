"""What every dialog of the window does the same way, so no dialog has to
remember it:

- it opens with the focus in its first field, never on a button (a space
  typed into a form whose Cancel button had the focus threw the form away);
- a list to choose from is as wide as the dialog gives it, never as wide as
  its longest entry (a 200-character category made a dialog 1,430 px wide);
- in a form, a message that appears (a refusal, a field's problem) is shown
  whole: the dialog grows to hold it, and shrinks back once it has gone.
"""

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# Wide enough for "Walk-in", a category path's start, a reason; the rest is in the list.
COMBO_MIN_CHARACTERS = 16
FIELDS = (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit)


def first_field(dialog: QWidget) -> QWidget | None:
    """The first field in the dialog's Tab order that can take typing now."""
    widget = dialog.nextInFocusChain()
    while widget is not None and widget is not dialog:
        if isinstance(widget, FIELDS) and widget.isVisibleTo(dialog) and widget.isEnabled():
            if not (isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox))):
                return widget
            return widget.parentWidget()
        widget = widget.nextInFocusChain()
    return None


def narrow_combos(dialog: QWidget) -> None:
    """Lists no wider than the dialog gives them (the whole entry shows when it opens)."""
    sized_by_entries = (
        QComboBox.SizeAdjustPolicy.AdjustToContents,
        QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow,
    )
    for combo in dialog.findChildren(QComboBox):
        if combo.sizeAdjustPolicy() in sized_by_entries:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(max(combo.minimumContentsLength(), COMBO_MIN_CHARACTERS))


def room_for_mnemonics(dialog: QWidget) -> None:
    """A label with its Alt+letter underlined is drawn unkerned, a little wider
    than Qt measures it: "Tendered (£)" lost its ")" under X11."""
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None and "&" in label.text():
            label.setMinimumWidth(label.sizeHint().width() + 3)


class ShopDialog(QDialog):
    """The base of every dialog in the window (see the module's docstring)."""

    fits_messages = False  # a form (CommandDialog) grows and shrinks with its messages

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._opened_height: int | None = None
        self._fitting = False

    def setVisible(self, visible: bool) -> None:
        if visible and not self.isVisible():
            narrow_combos(self)  # before the first layout, which sizes the dialog
            room_for_mnemonics(self)
        super().setVisible(visible)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        focused = self.focusWidget()
        if focused is None or isinstance(focused, QAbstractButton):
            field = first_field(self)
            if field is not None:
                field.setFocus()
        if self._opened_height is None:
            QTimer.singleShot(0, self._remember_height)

    def _remember_height(self) -> None:
        self._opened_height = self.height()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible() and not self._fitting:
            QTimer.singleShot(0, self.fit_height)
        return super().event(event)

    def fit_height(self) -> None:
        """As tall as the contents need at this width (a message came), and
        back to the height it opened at once they need less (it went). Only
        in a form (``fits_messages``): a dialog with a list keeps the height
        the person dragged it to."""
        layout = self.layout()
        if not self.fits_messages or layout is None or not self.isVisible() or self._opened_height is None:
            return
        width = self.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height(), self._opened_height)
        if needed != self.height():
            self._fitting = True
            try:
                self.resize(width, needed)
            finally:
                self._fitting = False
