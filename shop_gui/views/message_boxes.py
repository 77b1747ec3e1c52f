"""The two message boxes the views open: a question whose buttons name
what they do ("Delete product" / "Keep product", never Yes / No: a person
answers without reading the question twice) and a notice."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


def confirm_action(parent, title: str, question: str, do: str, keep: str) -> bool:
    """True when the person chose ``do`` ("&Delete product"); ``keep``
    ("&Keep product") is the default, since the questions are about undoing
    things, and Escape means it too."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    do_button = box.addButton(do, QMessageBox.ButtonRole.AcceptRole)
    do_button.setObjectName("confirmButton")
    keep_button = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    keep_button.setObjectName("keepButton")
    box.setDefaultButton(keep_button)
    box.setEscapeButton(keep_button)
    box.exec()
    return box.clickedButton() is do_button


def show_notice(parent, title: str, text: str, name: str, icon=QMessageBox.Icon.Information) -> QMessageBox:
    """A box with OK that nothing waits for (``open()``, not ``exec()``),
    deleted once closed; ``name`` is its objectName."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
