"""Which column of a catalog file is which: shown when the file's header
lacks a required column ("Item" instead of "name"), instead of refusing
the file. Each field gets a list of the file's columns; the category may
instead be one chosen for every row without one."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from core.catalog_csv import COLUMNS, REQUIRED, ImportChoices, MissingColumns
from shop_gui.dialogs.command_dialog import field_message, show_message
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.texts import fill, word

LABELS = {
    "sku": QT_TRANSLATE_NOOP("words", "&SKU"),
    "name": QT_TRANSLATE_NOOP("words", "&Name"),
    "category": QT_TRANSLATE_NOOP("words", "C&ategory"),  # Alt+C is Cancel
    "price": QT_TRANSLATE_NOOP("words", "&Price"),
    "stock": QT_TRANSLATE_NOOP("words", "S&tock"),
    "barcode": QT_TRANSLATE_NOOP("words", "&Barcode"),
    "reorder_level": QT_TRANSLATE_NOOP("words", "&Reorder level"),
}
NONE = QT_TRANSLATE_NOOP("words", "(none)")


class ColumnMappingDialog(ShopDialog):
    """``choices()`` once accepted: the columns chosen and the default category."""

    def __init__(self, file_name: str, missing: MissingColumns, category_paths, parent=None):
        super().__init__(parent, objectName="columnMappingDialog")
        self.setWindowTitle(self.tr("Which column is which?"))
        self._header = missing.header
        intro = QLabel(
            fill(
                self.tr(
                    "“%1” does not name every column Shop Manager needs. Say which of its columns "
                    "holds each; the others are left out."
                ),
                file_name,
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for field in COLUMNS:
            combo = QComboBox(objectName=f"{field}ColumnCombo")
            combo.addItem(word(NONE), None)
            for index, title in enumerate(self._header):
                combo.addItem(f"{index + 1}: {title}" if title else fill(self.tr("%1: (no name)"), index + 1), index)
            combo.setCurrentIndex(combo.findData(missing.found.get(field)) if field in missing.found else 0)
            combo.currentIndexChanged.connect(self._check)
            self.combos[field] = combo
            label = word(LABELS[field])
            form.addRow(fill(self.tr("%1 (needed)"), label) if field in REQUIRED else label, combo)
        self.default_category = QComboBox(objectName="defaultCategoryCombo")
        self.default_category.setEditable(True)
        self.default_category.addItems(sorted(category_paths, key=str.casefold))
        self.default_category.setEditText("")
        self.default_category.lineEdit().setPlaceholderText(self.tr("for rows without one: type or choose"))
        self.default_category.currentTextChanged.connect(self._check)
        form.addRow(self.tr("&Default category"), self.default_category)
        self.problem = field_message("columnMappingProblem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.ok_button.setObjectName("okButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._check()

    def _columns(self) -> dict[str, int]:
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData() is not None}

    def _check(self, *_) -> None:
        columns = self._columns()
        default = self.default_category.currentText().strip()
        needed = [f for f in REQUIRED if f not in columns and not (f == "category" and default)]
        problem = None
        if len(set(columns.values())) < len(columns):
            problem = self.tr("One column is chosen twice: choose one column for each.")
        elif needed:
            problem = fill(
                self.tr("Still needed: %1."), ", ".join(word(LABELS[f]).replace("&", "").lower() for f in needed)
            )
        show_message(self.problem, problem)
        self.ok_button.setEnabled(problem is None)

    def choices(self) -> ImportChoices:
        default = self.default_category.currentText().strip() or None
        return ImportChoices(columns=tuple(sorted(self._columns().items())), default_category=default)
