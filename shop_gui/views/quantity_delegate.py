"""The cart's quantity, edited in place with the field that refuses letters
visibly (views/number_field.py): Qt's own editor for a number drops them
without a word, so "2x" typed on a line would quietly become 2."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate

from shop_gui.views.number_field import WholeNumberSpinBox


class QuantityDelegate(QStyledItemDelegate):
    def __init__(self, maximum: int, refused: Callable[[str], None], parent=None):
        super().__init__(parent)
        self._maximum = maximum
        self._refused = refused  # says what was wrong (the order form's message)

    def createEditor(self, parent, option, index):
        editor = WholeNumberSpinBox(parent, name="cartQuantityEditor")
        editor.setRange(1, self._maximum)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.setValue(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model, index) -> None:
        problem = editor.problem()
        if problem is not None:
            self._refused(problem)  # the line keeps its quantity; the person is told why
            return
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
