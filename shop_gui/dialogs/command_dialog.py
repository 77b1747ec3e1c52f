"""What every command dialog shares: OK/Cancel, inline messages, dispatching.

A dialog is opened with ``open()`` (never ``exec()``), so nothing blocks: a
test fills the fields with ``qtbot.keyClicks`` and clicks ``okButton``. OK
sends the command through the bridge (shop_gui/approval.py: a command the
person signed in may not send is offered to a manager first); a refusal is
shown inside the dialog, which stays open with everything as typed.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from shop_gui import approval
from shop_gui.bridge import ReadModelSubscription
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.style import ERROR_STYLE, STRONG_ERROR_STYLE
from shop_gui.texts import describe
from shop_gui.views.message_boxes import confirm_action
from shop_gui.views.number_field import WholeNumberSpinBox


def field_message(name: str) -> QLabel:
    """A small red line under a field saying what is wrong with it (hidden when nothing is)."""
    label = QLabel(objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A label for names people typed: "<b>" in a product name is not markup."""
    label = QLabel(text, objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def show_message(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


def open_dialog(dialog, accepted=None):
    """Open ``dialog`` without waiting for it (``open()``, never ``exec()``);
    ``accepted()`` runs once it is accepted (its command stored). Returns the
    dialog, for a test to drive."""
    if accepted is not None:
        dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def close_buttons(slot) -> QDialogButtonBox:
    """The Close button of a dialog that shows something (named ``closeButton``)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeButton")
    buttons.rejected.connect(slot)
    return buttons


def with_message(field: QWidget, message: QLabel) -> QWidget:
    """The field with its message underneath, as one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    # The row's label (Alt+letter) takes you to the field: a label gives the
    # focus only to a buddy that takes it, and a plain QWidget does not.
    box.setFocusProxy(field)
    box.setFocusPolicy(field.focusPolicy())
    return box


class CommandDialog(ShopDialog):
    """A dialog that sends one command when OK is clicked.

    Subclasses lay out their fields with ``self.body`` (a QVBoxLayout above the
    refusal message and the buttons), return the command from ``command()``
    (None while something is wrong), connect their fields' change signals to
    ``revalidate()`` and show their fields' messages in ``refresh()``, which
    also runs when the read model changes (another till took the SKU...).
    ``result_value`` holds the command's result once it is stored.

    Two checks every form gets: a whole-number field holding letters
    (views/number_field.py) keeps OK disabled and says so; and input that is
    allowed but unusual (``doubts()``: 244,471 units received) is asked
    about before it is sent, with buttons that name the action.
    """

    fits_messages = True

    def __init__(self, bridge, title: str, ok_text: str, object_name: str, parent=None):
        super().__init__(parent, objectName=object_name)
        self._bridge = bridge
        self.result_value = None
        self._watching_numbers = False
        self.setWindowTitle(title)
        self.body = QVBoxLayout()
        # The core's refusal (a race with another till, a rule the form cannot see).
        self.message = field_message("dialogMessage")
        self.message.setStyleSheet(STRONG_ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText(ok_text)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addWidget(self.message)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._following = ReadModelSubscription(bridge, self.read_model_changed)

    def command(self):
        raise NotImplementedError

    def doubts(self) -> list[str]:
        """Questions about unusual input, asked one by one before the command is sent."""
        return []

    def confirm(self, question: str) -> bool:
        """Send it anyway? (Tests replace this.)"""
        return confirm_action(self, self.windowTitle(), question, self.ok_button.text(), self.tr("&Change it"))

    def number_problem(self) -> str | None:
        """A whole-number field of this form with letters in it: what is wrong."""
        for field in self.findChildren(WholeNumberSpinBox):
            if field.isEnabled() and field.problem() is not None:
                return field.problem()
        return None

    def showEvent(self, event) -> None:
        if not self._watching_numbers:
            self._watching_numbers = True
            for field in self.findChildren(WholeNumberSpinBox):
                field.lineEdit().textEdited.connect(self.revalidate)
        super().showEvent(event)

    def revalidate(self, *_) -> None:
        """The input changed: an old refusal no longer applies; check again."""
        show_message(self.message, None)
        self.refresh()

    def refresh(self) -> None:
        """Show what is wrong now; OK only while nothing is."""
        problem = self.number_problem()
        if problem is not None:  # (revalidate cleared it before: an edit may have mended it)
            show_message(self.message, problem)
        self.ok_button.setEnabled(problem is None and self.command() is not None)

    def read_model_changed(self, changes) -> None:
        self.refresh()

    def submit(self) -> None:
        command = self.command() if self.number_problem() is None else None
        if command is None:
            self.refresh()  # something changed since: say what
            return
        for question in self.doubts():
            if not self.confirm(question):
                return
        approval.dispatch(self._bridge, command, self, self._sent)

    def _sent(self, outcome) -> None:
        """What became of the command (after a manager's approval, if one was asked for)."""
        if outcome.error is not None:
            self.refused(outcome.error)
            return
        self.result_value = outcome.result
        self.accept()

    def refused(self, error) -> None:
        show_message(self.message, describe(error))

    def done(self, result: int) -> None:
        self._following.end()
        super().done(result)

    def open(self) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        super().open()
