"""The category tree, headed by "All products", each with its product count."""

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtCore import Qt

from core.queries import GetCategories

CATEGORY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_PRODUCTS = -1  # the id stored on the "All products" row


class CategoryTreeModel(QStandardItemModel):
    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self.setHorizontalHeaderLabels(["Category"])
        self.reload()

    def reload(self) -> None:
        categories = self._bridge.ask(GetCategories())
        self.removeRows(0, self.rowCount())
        total = sum(c.product_count for c in categories if c.parent_id is None)
        root = self._item("All products", ALL_PRODUCTS, total)
        self.appendRow(root)
        items = {}
        for category in categories:  # parents come before their children
            item = self._item(category.name, category.id, category.product_count)
            items[category.id] = item
            items.get(category.parent_id, root).appendRow(item)

    @staticmethod
    def _item(name: str, category_id: int, count: int) -> QStandardItem:
        item = QStandardItem(f"{name} ({count:,})")
        item.setData(category_id, CATEGORY_ID_ROLE)
        item.setData(name, Qt.ItemDataRole.AccessibleTextRole)
        item.setEditable(False)
        return item

    def all_products_index(self):
        return self.index(0, 0)

    def index_of(self, category_id: int | None):
        """The index showing ``category_id`` (None: "All products")."""
        wanted = ALL_PRODUCTS if category_id is None else category_id
        found = self.match(self.all_products_index(), CATEGORY_ID_ROLE, wanted, 1,
                           Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return found[0] if found else self.all_products_index()

    @staticmethod
    def category_id_of(index) -> int | None:
        value = index.data(CATEGORY_ID_ROLE) if index.isValid() else ALL_PRODUCTS
        return None if value in (None, ALL_PRODUCTS) else value
