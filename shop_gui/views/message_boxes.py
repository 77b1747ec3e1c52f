"""The two message boxes the views open: a yes/no question and a notice."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


def ask_yes_no(parent, title: str, question: str) -> bool:
    """Yes or No, No being the default (the questions are about undoing things)."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_notice(parent, title: str, text: str, name: str, icon=QMessageBox.Icon.Information) -> QMessageBox:
    """A box with OK that nothing waits for (``open()``, not ``exec()``),
    deleted once closed; ``name`` is its objectName."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
