"""The NAIVE design the benchmark compares against, written the obvious way.

- One TinyDB document per product in TinyDB's stock ``JSONStorage``: every
  read parses the whole file, every write rewrites the whole file.
- Placing an order: check and update the stock documents with TinyDB (one
  ``update`` call for the whole cart: one file rewrite), then re-query the
  shown category's products with ``table.search`` and reset a plain
  ``QAbstractTableModel`` (beginResetModel/endResetModel) shown in a QTableView.
- Switching category or typing in the search box: the same search + reset.

Deliberately kind to the baseline: the category tree is read once at start-up
(not re-read from the file), and the whole cart is written in one update.

The window's widgets carry the same objectNames as ``shop_gui.main_window``,
so ``bench/gui_timings.py`` drives both with the same code.
"""

import re

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from tinydb import Query, TinyDB

COLUMNS = ("SKU", "Name", "Price", "Stock")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class NaiveShop:
    """Catalog and stock in one TinyDB JSON file."""

    def __init__(self, path):
        self.db = TinyDB(path)  # default storage: JSONStorage
        self.products = self.db.table("products")
        self.categories = {c["id"]: c for c in self.db.table("categories").all()}

    def descendants(self, category_id: int) -> list[int]:
        found, stack = [], [category_id]
        while stack:
            cid = stack.pop()
            found.append(cid)
            stack.extend(c["id"] for c in self.categories.values() if c["parent_id"] == cid)
        return found

    def products_for(self, category_id: int | None, search: str) -> list[dict]:
        P = Query()
        cond = None
        if category_id is not None:
            cond = P.category_id.one_of(self.descendants(category_id))
        needle = search.strip()
        if needle:
            pattern, folded = re.escape(needle), needle.casefold()
            text = (
                P.name.search(pattern, flags=re.IGNORECASE)
                | P.sku.search(pattern, flags=re.IGNORECASE)
                | P.barcode.test(lambda b: b is not None and folded in b.casefold())
            )
            cond = text if cond is None else cond & text
        rows = self.products.all() if cond is None else self.products.search(cond)
        return sorted(rows, key=lambda d: (d["name"].casefold(), d["id"]))

    def place_order(self, lines: dict[int, int]) -> None:
        docs = self.products.get(doc_ids=list(lines))
        for doc in docs:
            if doc["stock"] < lines[doc.doc_id]:
                raise ValueError(f"Only {doc['stock']} left of {doc['name']}.")

        def take(doc):
            doc["stock"] -= lines[doc["id"]]

        self.products.update(take, doc_ids=list(lines))  # rewrites the whole file

    def close(self) -> None:
        self.db.close()


class NaiveProductModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def reset(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        doc = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return doc["sku"]
        if col == 1:
            return doc["name"]
        if col == 2:
            return f"£{doc['price_cents'] // 100:,}.{doc['price_cents'] % 100:02d}"
        return str(doc["stock"])

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None


class NaiveWindow(QMainWindow):
    def __init__(self, shop: NaiveShop):
        super().__init__()
        self.shop = shop
        self.cart: dict[int, int] = {}
        self.setWindowTitle("Naive shop")

        self.tree = QTreeView(objectName="categoryTree")
        self.tree.setHeaderHidden(True)
        self.tree_model = QStandardItemModel(self)
        everything = QStandardItem("All products")
        everything.setData(None, ID_ROLE)
        self.tree_model.appendRow(everything)
        items = {}
        for cid, cat in sorted(shop.categories.items()):  # parents have lower ids
            item = QStandardItem(cat["name"])
            item.setData(cid, ID_ROLE)
            parent = items.get(cat["parent_id"])
            (parent or self.tree_model.invisibleRootItem()).appendRow(item)
            items[cid] = item
        self.tree.setModel(self.tree_model)
        self.tree.expandAll()

        self.search = QLineEdit(objectName="productSearch")
        self.model = NaiveProductModel(self)
        self.table = QTableView(objectName="productTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.quantity = QSpinBox(objectName="quantitySpinBox")
        self.quantity.setRange(1, 1_000_000)
        self.add_button = QPushButton("Add to order", objectName="addToCartButton")
        self.cart_table = QTableWidget(0, 2, objectName="cartTable")
        self.place_button = QPushButton("Place Order", objectName="placeOrderButton")

        right = QWidget()
        col = QVBoxLayout(right)
        col.addWidget(self.search)
        col.addWidget(self.table, 3)
        row = QHBoxLayout()
        row.addWidget(self.quantity)
        row.addWidget(self.add_button)
        col.addLayout(row)
        col.addWidget(self.cart_table, 1)
        col.addWidget(self.place_button)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setSizes([280, 1000])
        self.setCentralWidget(splitter)

        self.category_id: int | None = None
        self.tree.selectionModel().currentChanged.connect(self._category_changed)
        self.search.textChanged.connect(self.refresh)
        self.add_button.clicked.connect(self._add_to_cart)
        self.place_button.clicked.connect(self._place_order)
        self.refresh()

    def _category_changed(self, current, _previous) -> None:
        self.category_id = current.data(ID_ROLE) if current.isValid() else None
        self.refresh()

    def refresh(self) -> None:
        self.model.reset(self.shop.products_for(self.category_id, self.search.text()))

    def _add_to_cart(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        doc = self.model.rows[index.row()]
        self.cart[doc["id"]] = self.cart.get(doc["id"], 0) + self.quantity.value()
        self.cart_table.setRowCount(len(self.cart))
        for r, (pid, qty) in enumerate(self.cart.items()):
            self.cart_table.setItem(r, 0, QTableWidgetItem(str(pid)))
            self.cart_table.setItem(r, 1, QTableWidgetItem(str(qty)))

    def _place_order(self) -> None:
        if not self.cart:
            return
        self.shop.place_order(self.cart)
        self.cart = {}
        self.cart_table.setRowCount(0)
        self.refresh()
