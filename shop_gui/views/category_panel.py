"""The category tree with its buttons and context menu: add, rename, move
(by a dialog or by dragging one category onto another) and delete.

Every change is a command through the bridge; the tree itself is rebuilt from
the read model afterwards (``CatalogView.apply_changes``), never edited here.
"""

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.commands import DeleteCategory, MoveCategory
from core.queries import GetCategories, GetProducts
from shop_gui import approval
from shop_gui.dialogs.category_name_dialog import CategoryNameDialog
from shop_gui.dialogs.command_dialog import open_dialog
from shop_gui.dialogs.delete_category_dialog import DeleteCategoryDialog
from shop_gui.dialogs.move_category_dialog import MoveCategoryDialog
from shop_gui.models.category_tree_model import CategoryTreeModel
from shop_gui.texts import describe, fill
from shop_gui.views.message_boxes import confirm_action, show_notice


class CategoryPanel(QWidget):
    """Signals:
    message(str): something to tell the person (status bar).
    """

    message = Signal(str)

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self.model = CategoryTreeModel(bridge, self)
        self._build_tree()
        self._build_actions()  # after the tree: their keys work while it has focus
        self._layout()
        self._connect()
        self.update_actions()

    def _build_tree(self) -> None:
        self.tree = QTreeView(objectName="categoryTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Categories"))
        # Drag a category onto another to move it there. DragDrop, not
        # InternalMove: the model refuses every drop and asks for a command.
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.expandAll()

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("New category..."), "newCategory", self.new_category, self.tr("Add a category at the top level")
        )
        self.new_sub_action = self._action(
            self.tr("New sub-category..."),
            "newSubcategory",
            self.new_subcategory,
            self.tr("Add a category inside the chosen one"),
        )
        self.rename_action = self._action(
            self.tr("Rename..."),
            "renameCategory",
            self.rename_category,
            self.tr("Rename the chosen category (F2)"),
            QKeySequence(Qt.Key.Key_F2),
        )
        self.move_action = self._action(
            self.tr("Move to..."),
            "moveCategory",
            self.move_category,
            self.tr("Put the chosen category somewhere else (or drag it in the tree)"),
        )
        self.delete_action = self._action(
            self.tr("Delete..."),
            "deleteCategory",
            self.delete_category,
            self.tr("Delete the chosen category (Del)"),
            QKeySequence(QKeySequence.StandardKey.Delete),
        )

    def _layout(self) -> None:
        """Two rows of buttons above the tree."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for row in ((self.new_action, self.new_sub_action), (self.rename_action, self.move_action, self.delete_action)):
            buttons = QHBoxLayout()
            buttons.setSpacing(4)
            for action in row:
                buttons.addWidget(self._button(action), 1)
            layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)

    def _connect(self) -> None:
        self.tree.customContextMenuRequested.connect(self._context_menu_requested)
        self.tree.selectionModel().currentChanged.connect(self.update_actions)
        # Queued: the command runs after the drop event is over, never inside it.
        self.model.moveRequested.connect(self.move_dropped, Qt.ConnectionType.QueuedConnection)

    def _action(self, text, name, slot, tip, shortcut=None) -> QAction:
        action = QAction(text, self, objectName=f"{name}Action", toolTip=tip, statusTip=tip)
        action.setIconText(text.removesuffix("..."))  # the button's text: no dots, it is short
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.addAction(action)  # the key works while the tree has focus
        action.triggered.connect(slot)
        return action

    @staticmethod
    def _button(action: QAction) -> QToolButton:
        button = QToolButton(objectName=action.objectName().replace("Action", "Button"))
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(button.sizePolicy().Policy.Expanding, button.sizePolicy().Policy.Fixed)
        return button

    # -- state ---------------------------------------------------------------------------
    def current_category_id(self) -> int | None:
        return CategoryTreeModel.category_id_of(self.tree.currentIndex())

    def select_category(self, category_id: int | None) -> None:
        self.tree.setCurrentIndex(self.model.index_of(category_id))

    def update_actions(self, *_) -> None:
        chosen = self.current_category_id() is not None  # "All products" is not a category
        for action in (self.new_sub_action, self.rename_action, self.move_action, self.delete_action):
            action.setEnabled(chosen)

    def context_menu(self) -> QMenu:
        menu = QMenu(self.tree, objectName="categoryMenu")
        menu.addActions([self.new_action, self.new_sub_action])
        menu.addSeparator()
        menu.addActions([self.rename_action, self.move_action, self.delete_action])
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return menu

    def _context_menu_requested(self, pos) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self.context_menu().popup(self.tree.viewport().mapToGlobal(pos))

    # -- questions (tests replace these) -------------------------------------------------
    def confirm(self, question: str) -> bool:
        return confirm_action(
            self, self.tr("Delete category"), question, self.tr("&Delete category"), self.tr("&Keep category")
        )

    def tell(self, text: str) -> None:
        """The core's refusal where no dialog is open (a drag, a plain delete)."""
        self.message.emit(text)
        show_notice(self, self.tr("Categories"), text, "categoryRefusal")

    # -- the commands -------------------------------------------------------------------------
    def _open(self, dialog, done_text, select=None):
        """Open ``dialog``; once its command is stored, choose ``select`` (by
        default the new category) and say ``done_text()``."""

        def accepted():
            chosen = select if select is not None else dialog.result_value
            if isinstance(chosen, int):
                self.select_category(chosen)
            self.message.emit(done_text())

        return open_dialog(dialog, accepted)

    def new_category(self) -> CategoryNameDialog:
        dialog = CategoryNameDialog(self._bridge, parent_id=None, parent=self)
        return self._open(dialog, lambda: fill(self.tr('Category "%1" added.'), dialog.name_edit.text().strip()))

    def new_subcategory(self) -> CategoryNameDialog | None:
        parent_id = self.current_category_id()
        if parent_id is None:
            return None
        dialog = CategoryNameDialog(self._bridge, parent_id=parent_id, parent=self)
        return self._open(dialog, lambda: fill(self.tr('Category "%1" added.'), dialog.name_edit.text().strip()))

    def rename_category(self) -> CategoryNameDialog | None:
        category_id = self.current_category_id()
        if category_id is None:
            return None
        dialog = CategoryNameDialog(self._bridge, category_id=category_id, parent=self)
        return self._open(
            dialog,
            lambda: fill(self.tr('Category renamed to "%1".'), dialog.name_edit.text().strip()),
            select=category_id,
        )

    def move_category(self) -> MoveCategoryDialog | None:
        category_id = self.current_category_id()
        if category_id is None:
            return None
        dialog = MoveCategoryDialog(self._bridge, category_id, parent=self)
        return self._open(dialog, lambda: self.tr("Category moved."), select=category_id)

    def move_dropped(self, category_id: int, parent_id: int | None) -> None:
        """A category was dragged onto ``parent_id`` (None: the top level)."""
        current = next((c for c in self._bridge.ask(GetCategories()) if c.id == category_id), None)
        if current is None or parent_id in (current.parent_id, category_id):
            return  # dropped where it already is

        def sent(outcome):
            if outcome.error is not None:
                self.tell(describe(outcome.error))
            elif outcome.ok:
                self.select_category(category_id)
                self.message.emit(
                    fill(QCoreApplication.translate("category_panel", 'Category "%1" moved.'), current.name)
                )

        approval.dispatch(self._bridge, MoveCategory(category_id, parent_id), self, sent)

    def delete_category(self) -> DeleteCategoryDialog | None:
        """Products still in it: ask where they go. Otherwise confirm and delete."""
        category_id = self.current_category_id()
        if category_id is None:
            return None
        parent_id = CategoryTreeModel.category_id_of(self.tree.currentIndex().parent())
        own = [
            p
            for archived in (False, True)
            for p in self._bridge.ask(GetProducts(category_id=category_id, archived=archived))
            if p.category_id == category_id
        ]
        if own:
            dialog = DeleteCategoryDialog(self._bridge, category_id, len(own), parent=self)
            return self._open(
                dialog,
                lambda: fill(self.tr("Category deleted; its %1 products moved."), QLocale().toString(len(own))),
                select=parent_id,
            )
        name = self.tree.currentIndex().data(Qt.ItemDataRole.AccessibleTextRole)
        if not self.confirm(fill(self.tr('Delete the category "%1"?'), name)):
            return None

        def sent(outcome):
            if outcome.error is not None:
                self.tell(describe(outcome.error))
            elif outcome.ok:
                self.select_category(parent_id)
                self.message.emit(fill(QCoreApplication.translate("category_panel", 'Category "%1" deleted.'), name))

        approval.dispatch(self._bridge, DeleteCategory(category_id), self, sent)
        return None
