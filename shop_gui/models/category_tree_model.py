"""The category tree, headed by "All products", each with its product count.

Categories can be dragged onto one another, but the model never moves its own
rows: a drop only *asks* for the move (``moveRequested``); the command goes
through the bridge and the tree is rebuilt from the read model afterwards.
"""

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from core.queries import GetCategories

CATEGORY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_PRODUCTS = -1  # the id stored on the "All products" row
CATEGORY_MIME_TYPE = "application/x-shop-manager-category-id"


class CategoryTreeModel(QStandardItemModel):
    """Signals:
    moveRequested(int, object): a category (id) was dropped to go under
        another one (its id, or None for the top level).
    """

    moveRequested = Signal(int, object)

    def __init__(self, bridge, parent=None, *, root_label: str = "", counts: bool = True):
        super().__init__(parent)
        self._bridge = bridge
        self._root_label = root_label or self.tr("All products")
        self._counts = counts
        self.setHorizontalHeaderLabels([self.tr("Category")])
        self.reload()

    def reload(self) -> None:
        categories = self._bridge.ask(GetCategories())
        self.removeRows(0, self.rowCount())
        total = sum(c.product_count for c in categories if c.parent_id is None)
        root = self._item(self._root_label, ALL_PRODUCTS, total)
        root.setDragEnabled(False)  # "All products" stays where it is
        self.appendRow(root)
        items = {}
        for category in categories:  # parents come before their children
            item = self._item(category.name, category.id, category.product_count)
            items[category.id] = item
            items.get(category.parent_id, root).appendRow(item)

    def _item(self, name: str, category_id: int, count: int) -> QStandardItem:
        item = QStandardItem(f"{name} ({count:,})" if self._counts else name)
        item.setData(category_id, CATEGORY_ID_ROLE)
        item.setData(name, Qt.ItemDataRole.AccessibleTextRole)
        item.setEditable(False)
        return item

    def all_products_index(self):
        return self.index(0, 0)

    def index_of(self, category_id: int | None):
        """The index showing ``category_id`` (None: "All products")."""
        wanted = ALL_PRODUCTS if category_id is None else category_id
        found = self.match(
            self.all_products_index(),
            CATEGORY_ID_ROLE,
            wanted,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return found[0] if found else self.all_products_index()

    def disable_subtree(self, category_id: int) -> None:
        """Grey out a category and everything under it (not a place to move it to)."""
        index = self.index_of(category_id)
        if CategoryTreeModel.category_id_of(index) != category_id:
            return
        stack = [self.itemFromIndex(index)]
        while stack:
            item = stack.pop()
            item.setEnabled(False)
            stack.extend(item.child(row) for row in range(item.rowCount()))

    @staticmethod
    def category_id_of(index) -> int | None:
        value = index.data(CATEGORY_ID_ROLE) if index.isValid() else ALL_PRODUCTS
        return None if value in (None, ALL_PRODUCTS) else value

    # -- dragging a category onto another ------------------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [CATEGORY_MIME_TYPE]

    def mimeData(self, indexes):
        ids = [CategoryTreeModel.category_id_of(i) for i in indexes if i.isValid()]
        ids = [i for i in ids if i is not None]
        if not ids:
            return None
        data = QMimeData()
        data.setData(CATEGORY_MIME_TYPE, QByteArray(str(ids[0]).encode()))
        return data

    @staticmethod
    def dragged_category(data) -> int | None:
        if data is None or not data.hasFormat(CATEGORY_MIME_TYPE):
            return None
        try:
            return int(bytes(data.data(CATEGORY_MIME_TYPE)).decode())
        except ValueError:
            return None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.dragged_category(data) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """Ask for the move and refuse the drop itself, so that neither this
        model nor the view moves or removes a row: the tree is rebuilt from
        the read model once the command is stored. Dropped *on* a category:
        under it; *between* rows: beside them (``parent`` is then their
        parent); on "All products" or empty space: at the top level."""
        category_id = self.dragged_category(data)
        if category_id is None:
            return False
        self.moveRequested.emit(category_id, CategoryTreeModel.category_id_of(parent))
        return False
