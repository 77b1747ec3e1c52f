"""Name a new category, or rename one."""

from PySide6.QtWidgets import QFormLayout, QLineEdit

from core.commands import AddCategory, RenameCategory
from core.queries import GetCategories
from shop_gui.dialogs.command_dialog import (
    CommandDialog,
    field_message,
    show_message,
    with_message,
)
from shop_gui.formatting import category_paths
from shop_gui.texts import fill
from shop_gui.views.elided_label import ElidedLabel

MAX_NAME_LENGTH = 200


class CategoryNameDialog(CommandDialog):
    """New category under ``parent_id`` (None: top level), or, with
    ``category_id``, a new name for that category."""

    def __init__(self, bridge, *, parent_id: int | None = None, category_id: int | None = None, parent=None):
        renaming = category_id is not None
        super().__init__(
            bridge,
            self.tr("Rename category") if renaming else self.tr("New category"),
            self.tr("Rename") if renaming else self.tr("Add"),
            "categoryNameDialog",
            parent,
        )
        categories = bridge.ask(GetCategories())
        paths = category_paths(categories)
        self._category_id = category_id
        current = next((c for c in categories if c.id == category_id), None)
        self._old_name = current.name if current else None
        self._parent_id = current.parent_id if current else parent_id

        self.name_edit = QLineEdit(objectName="categoryNameEdit")
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.name_edit.setMinimumWidth(260)
        self.name_message = field_message("categoryNameError")
        where = paths.get(self._parent_id, self.tr("the top level"))
        form = QFormLayout()
        form.addRow(self.tr("Under"), ElidedLabel(where, name="categoryParentLabel"))
        form.addRow(self.tr("&Name"), with_message(self.name_edit, self.name_message))
        self.body.addLayout(form)
        if current is not None:
            self.name_edit.setText(current.name)
            self.name_edit.selectAll()
        self.name_edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def problem(self) -> str | None:
        name = self.name_edit.text().strip()
        if not name:
            return self.tr("Type a name.")
        if "/" in name:
            return self.tr('A category name cannot contain "/".')
        # The core refuses a second "Mugs" beside the first (another till may add one meanwhile).
        folded = name.casefold()
        taken = next(
            (
                c.name
                for c in self._bridge.ask(GetCategories())
                if c.parent_id == self._parent_id and c.id != self._category_id and c.name.casefold() == folded
            ),
            None,
        )
        if taken is not None:
            return fill(self.tr('A category named "%1" is already there.'), taken)
        return None

    def refresh(self) -> None:
        problem = self.problem()
        # "Type a name." is not shown before anything was typed.
        show_message(self.name_message, problem if self.name_edit.text() else None)
        super().refresh()

    def command(self):
        if self.problem() is not None:
            return None
        name = self.name_edit.text().strip()
        if self._category_id is not None:
            if name == self._old_name:
                return None  # nothing to rename
            return RenameCategory(self._category_id, name)
        return AddCategory(name, self._parent_id)
