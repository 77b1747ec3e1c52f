"""Delete a category that still holds products: say where they go."""

from PySide6.QtWidgets import QComboBox, QFormLayout

from core.commands import DeleteCategory
from core.queries import GetCategories
from shop_gui.dialogs.command_dialog import CommandDialog, plain_label
from shop_gui.formatting import category_paths, count_of, shortened
from shop_gui.texts import fill


class DeleteCategoryDialog(CommandDialog):
    """Asks for the category that takes the products (``product_count`` of
    them, archived ones included) of the category being deleted."""

    def __init__(self, bridge, category_id: int, product_count: int, parent=None):
        super().__init__(bridge, self.tr("Delete category"), self.tr("Delete"), "deleteCategoryDialog", parent)
        self._category_id = category_id
        categories = bridge.ask(GetCategories())
        paths = category_paths(categories)
        current = next(c for c in categories if c.id == category_id)
        children = [c for c in categories if c.parent_id == category_id]
        text = fill(
            self.tr('"%1" holds %2. Choose where they go before it is deleted.'),
            shortened(current.name),
            count_of(product_count, "product"),
        )
        if children:
            where = paths.get(current.parent_id, self.tr("the top level"))
            text += fill(self.tr(" Its sub-categories move up to %1."), shortened(where))
        intro = plain_label(text, "deleteCategoryText")
        intro.setWordWrap(True)
        intro.setMinimumWidth(380)
        self.target_combo = QComboBox(objectName="moveProductsCombo")
        self.target_combo.setPlaceholderText(self.tr("Choose a category"))
        for other_id, path in sorted(paths.items(), key=lambda item: item[1].casefold()):
            if other_id != category_id:
                self.target_combo.addItem(path, other_id)
        self.target_combo.setCurrentIndex(-1)
        if self.target_combo.count() == 0:
            text += self.tr(" There is no other category to take them: add one first.")
            intro.setText(text)
        form = QFormLayout()
        form.addRow(self.tr("Move them &to"), self.target_combo)
        self.body.addWidget(intro)
        self.body.addLayout(form)
        self.ok_button.setText(self.tr("Move and delete"))
        self.target_combo.currentIndexChanged.connect(self.revalidate)
        self.revalidate()

    def choose(self, category_id: int) -> None:
        self.target_combo.setCurrentIndex(self.target_combo.findData(category_id))

    def command(self):
        target = self.target_combo.currentData()
        if target is None:
            return None
        return DeleteCategory(self._category_id, move_products_to=target)
