"""Left and centre of the counter: category tree, search box, product table."""

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QLineEdit, QSplitter, QTableView, QTreeView,
    QVBoxLayout, QWidget,
)

from core.queries import FindProductByCode, ProductView
from shop_gui.models.category_tree_model import CategoryTreeModel
from shop_gui.models.product_table_model import ProductTableModel


class CatalogView(QSplitter):
    """Browse and find products.

    Signals:
        productChosen(ProductView): double-click, or Enter in the search box
            on a single match or an exact SKU/barcode (a barcode scanner).
        message(str): something to tell the person (status bar).
    """

    productChosen = Signal(object)
    message = Signal(str)

    def __init__(self, bridge, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._bridge = bridge
        self.category_model = CategoryTreeModel(bridge, self)
        self.product_model = ProductTableModel(bridge, self)

        self.tree = QTreeView(objectName="categoryTree")
        self.tree.setModel(self.category_model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName("Categories")
        self.tree.expandAll()

        self.search = QLineEdit(objectName="productSearch")
        self.search.setPlaceholderText("Search name, SKU or barcode; Enter adds to the order")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search products")

        self.table = QTableView(objectName="productTable")
        self.table.setModel(self.product_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ProductTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setAccessibleName("Products")
        self.table.verticalHeader().hide()
        # Fixed row heights: Qt never measures 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ProductTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ProductTableModel.SKU, 110)
        header.resizeSection(ProductTableModel.PRICE, 90)
        header.resizeSection(ProductTableModel.STOCK, 80)

        self.heading = QLabel(objectName="productHeading")
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)

        self.addWidget(self.tree)
        self.addWidget(centre)
        self.setStretchFactor(1, 1)
        self.setSizes([240, 700])

        self.tree.selectionModel().currentChanged.connect(self._show_current_category)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_entered)
        self.table.doubleClicked.connect(self._row_activated)
        self.tree.setCurrentIndex(self.category_model.all_products_index())

    # -- what the person does ---------------------------------------------------------
    def current_category_id(self) -> int | None:
        return CategoryTreeModel.category_id_of(self.tree.currentIndex())

    def selected_product(self) -> ProductView | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return self.product_model.product_at(index.row())

    def select_product(self, product_id: int) -> bool:
        row = self.product_model.row_of(product_id)
        if row is None:
            return False
        index = self.product_model.index(row, ProductTableModel.NAME)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _show_current_category(self, *_):
        if self.search.text():
            blocker = self.search.blockSignals(True)  # one reload, not two
            self.search.clear()  # choosing a category ends a search
            self.search.blockSignals(blocker)
        self.product_model.show_products(self.current_category_id())
        self._update_heading()

    def _search_changed(self, text: str):
        self.product_model.show_products(self.current_category_id(), text)
        self._update_heading()

    def _search_entered(self):
        text = self.search.text().strip()
        if not text:
            return
        product = self._bridge.ask(FindProductByCode(text))
        if product is None and self.product_model.rowCount() == 1:
            product = self.product_model.product_at(0)
        if product is None:
            count = self.product_model.rowCount()
            self.message.emit(f'No product has the code "{text}".' if count == 0
                              else f'{count:,} products match "{text}": choose one.')
            return
        self.productChosen.emit(product)
        self.search.clear()  # ready for the next scan

    def _row_activated(self, index):
        product = self.product_model.product_at(index.row())
        if product is not None:
            self.productChosen.emit(product)

    def _update_heading(self):
        count = self.product_model.rowCount()
        noun = "product" if count == 1 else "products"
        search = self.search.text().strip()
        if search:
            self.heading.setText(f'{count:,} {noun} matching "{search}" in the whole catalog')
        else:
            name = self.tree.currentIndex().data(Qt.ItemDataRole.AccessibleTextRole) or "All products"
            self.heading.setText(f"{count:,} {noun} in {name}")

    # -- keeping up with changes ----------------------------------------------------------
    def apply_changes(self, changes) -> None:
        if changes.rebuilt or changes.categories:
            self._reload_keeping_place()
        else:
            self.product_model.refresh(changes.products)

    def _reload_keeping_place(self) -> None:
        category_id = self.current_category_id()
        selected = self.selected_product()
        scroll = self.table.verticalScrollBar().value()
        blocker = self.tree.selectionModel().blockSignals(True)
        try:
            self.category_model.reload()
            self.tree.expandAll()
            self.tree.setCurrentIndex(self.category_model.index_of(category_id))
        finally:
            self.tree.selectionModel().blockSignals(blocker)
        self.product_model.reload()
        if selected is not None:
            self.select_product(selected.id)
        self.table.verticalScrollBar().setValue(scroll)
        self._update_heading()
