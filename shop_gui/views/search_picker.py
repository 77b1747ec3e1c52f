"""A choice among many (a product, a customer) that a person finds by
typing: an editable list whose completer shows every entry containing what
is typed, in any case. "Any" first (no choice). The entries are asked for
when the list is first used, so a dialog holding one opens at once even
with a catalog of thousands."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter

# (the label shown, the id chosen, a tooltip or None)
Entry = tuple[str, int, str | None]


class SearchPicker(QComboBox):
    """``entries()`` gives the choices (by label). Typing shows the
    entries containing it; Enter or a click takes one; text that names
    exactly one entry (or is contained in only one) chooses it when the
    field is left, other text is put back to the choice before.

    Signals:
        chosenChanged(object): the chosen entry's id (None: any).
    """

    chosenChanged = Signal(object)

    def __init__(self, object_name: str, any_text: str, entries: Callable[[], Sequence[Entry]], parent=None):
        super().__init__(parent, objectName=object_name)
        self._entries = entries
        self._filled = False
        self._any_text = any_text
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        # As wide as the layout gives it, never as wide as its longest entry.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.addItem(any_text, None)
        self.lineEdit().setPlaceholderText(any_text)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated[str].connect(self._completed)
        self.setCompleter(completer)
        self.lineEdit().editingFinished.connect(self._typing_finished)
        self.currentIndexChanged.connect(self._index_changed)

    # -- the entries, asked for when first needed --------------------------------------
    def fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        chosen, text = self.currentData(), self.currentText()
        blocker = self.blockSignals(True)
        for label, entry_id, tip in self._entries():
            self.addItem(label, entry_id)
            if tip:
                self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(max(self.findData(chosen), 0) if chosen is not None else 0)
        self.setEditText(text)
        self.blockSignals(blocker)

    def focusInEvent(self, event) -> None:
        self.fill()  # before the first key: the completer searches the entries
        super().focusInEvent(event)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    # -- the choice ------------------------------------------------------------------------
    def chosen_id(self) -> int | None:
        return self.currentData()

    def choose(self, entry_id: int | None) -> bool:
        """Choose the entry of ``entry_id`` (None: any); False if there is none."""
        self.fill()
        row = 0 if entry_id is None else self.findData(entry_id)
        if row < 0:
            return False
        self.setCurrentIndex(row)
        self.setEditText(self.itemText(row) if row else "")
        return True

    def _completed(self, text: str) -> None:
        row = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if row >= 0:
            self.setCurrentIndex(row)

    def _typing_finished(self) -> None:
        text = self.currentText().strip()
        row = self.findText(text, Qt.MatchFlag.MatchFixedString) if text else 0
        if row < 0:  # contained in one entry only: that one
            folded = text.casefold()
            matches = [r for r in range(1, self.count()) if folded in self.itemText(r).casefold()]
            row = matches[0] if len(matches) == 1 else self.currentIndex()
        self.setCurrentIndex(row)
        self.setEditText(self.itemText(row) if row else "")

    def _index_changed(self, row: int) -> None:
        self.setToolTip(self.itemText(row) if row > 0 else "")  # a long name cut off in the box
        self.chosenChanged.emit(self.currentData())
