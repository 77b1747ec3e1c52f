"""Move a category: pick its new parent in a tree (or the top level)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from core.commands import MoveCategory
from core.queries import GetCategories
from shop_gui.dialogs.command_dialog import CommandDialog
from shop_gui.models.category_tree_model import CategoryTreeModel
from shop_gui.texts import fill, word
from shop_gui.views.elided_label import ElidedLabel

TOP_LEVEL = QT_TRANSLATE_NOOP("words", "Top level (no parent)")


class MoveCategoryDialog(CommandDialog):
    def __init__(self, bridge, category_id: int, parent=None):
        super().__init__(bridge, self.tr("Move category"), self.tr("Move"), "moveCategoryDialog", parent)
        self._category_id = category_id
        current = next(c for c in bridge.ask(GetCategories()) if c.id == category_id)
        self._old_parent = current.parent_id
        self.tree_model = CategoryTreeModel(bridge, self, root_label=word(TOP_LEVEL), counts=False)
        # Not under itself or its own sub-categories: greyed out, not choosable.
        self.tree_model.disable_subtree(category_id)
        self.tree = QTreeView(objectName="moveTargetTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("New place"))
        self.tree.expandAll()
        self.tree.setMinimumSize(320, 300)
        self.tree.setCurrentIndex(self.tree_model.index_of(self._old_parent))
        self.body.addWidget(ElidedLabel(fill(self.tr('Move "%1" and its sub-categories under:'), current.name)))
        self.body.addWidget(self.tree)
        self.tree.selectionModel().currentChanged.connect(self.revalidate)
        self.revalidate()

    def choose(self, parent_id: int | None) -> None:
        """Pick the new parent (None: the top level), as a click in the tree would."""
        self.tree.setCurrentIndex(self.tree_model.index_of(parent_id))

    def new_parent(self) -> int | None:
        return CategoryTreeModel.category_id_of(self.tree.currentIndex())

    def command(self):
        index = self.tree.currentIndex()
        if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        parent_id = self.new_parent()
        if parent_id == self._old_parent:
            return None  # already there
        return MoveCategory(self._category_id, parent_id)
