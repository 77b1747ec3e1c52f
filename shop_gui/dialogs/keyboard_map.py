"""Every keyboard shortcut of the window in one list (F1, Help > Keyboard
shortcuts): the menus' shortcuts and the window's own, read from the window
itself so none is forgotten, and the keys each list and field answers to."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.texts import word

# Keys a view answers to by itself (views/catalog_view.py, order_form.py, tables.py).
KEYS_IN_VIEWS = (
    (
        QT_TRANSLATE_NOOP("words", "Enter (search box)"),
        QT_TRANSLATE_NOOP("words", "Add the product with this SKU or barcode, or the only match, to the order"),
    ),
    (QT_TRANSLATE_NOOP("words", "Down (search box)"), QT_TRANSLATE_NOOP("words", "Go into the product list")),
    (QT_TRANSLATE_NOOP("words", "Escape (search box)"), QT_TRANSLATE_NOOP("words", "Clear the search")),
    (
        QT_TRANSLATE_NOOP("words", "Enter (product list)"),
        QT_TRANSLATE_NOOP("words", "Add the chosen product to the order"),
    ),
    (
        QT_TRANSLATE_NOOP("words", "Enter (Quantity)"),
        QT_TRANSLATE_NOOP("words", "Add the chosen product, this many times"),
    ),
    (
        QT_TRANSLATE_NOOP("words", "F2, or a number (order lines)"),
        QT_TRANSLATE_NOOP("words", "Change the chosen line's quantity"),
    ),
    (
        QT_TRANSLATE_NOOP("words", "Delete (order lines)"),
        QT_TRANSLATE_NOOP("words", "Take the chosen line out of the order"),
    ),
    (QT_TRANSLATE_NOOP("words", "Tab, Shift+Tab"), QT_TRANSLATE_NOOP("words", "Next or previous field; out of a list")),
    (
        QT_TRANSLATE_NOOP("words", "Alt+underlined letter"),
        QT_TRANSLATE_NOOP("words", "The tab, button or field it marks"),
    ),
)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("...")


def shortcuts_of(window) -> list[tuple[str, str]]:
    """(keys, what they do) for every shortcut of the window's menus and the window itself."""
    found = []
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            if not keys.isEmpty() and action.text():
                what = action.statusTip() or _plain(action.text())  # "Rename the chosen category", not "Rename"
                found.append((keys.toString(QKeySequence.SequenceFormat.NativeText), what))
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.key().isEmpty() and shortcut.whatsThis():
            found.append((shortcut.key().toString(QKeySequence.SequenceFormat.NativeText), shortcut.whatsThis()))
    return sorted(set(found), key=lambda row: (len(row[0]), row[0]))


class KeyboardMapDialog(ShopDialog):
    def __init__(self, window):
        super().__init__(window, objectName="keyboardMapDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcuts_of(window) + [(word(keys), word(what)) for keys, what in KEYS_IN_VIEWS]
        self.table = QTableWidget(len(rows), 2, self, objectName="keyboardMapTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 480)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]
