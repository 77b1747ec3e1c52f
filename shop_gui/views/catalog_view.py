"""Left and centre of the counter: category tree, search box, product table."""

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QSplitter, QVBoxLayout, QWidget

from core.queries import FindProductByCode, ProductView
from shop_gui.formatting import count_of
from shop_gui.models.product_table_model import ProductTableModel
from shop_gui.texts import fill
from shop_gui.views.catalog_toolbar import product_toolbar
from shop_gui.views.category_panel import CategoryPanel
from shop_gui.views.elided_label import ElidedLabel
from shop_gui.views.product_actions import ProductActions
from shop_gui.views.tables import read_only_table, select_row, set_widths


class CatalogView(QSplitter):
    """Browse, find and keep products.

    Signals:
        productChosen(ProductView): double-click, or Enter in the search box
            on a single match or an exact SKU/barcode (a barcode scanner).
        message(str): something to tell the person (status bar).
        alert(str): something gone wrong to tell at once, without a dialog
            that would take the next scan (an unknown code).

    Keys: Enter in the search box adds (see above), Down goes into the list,
    Escape clears the search; Enter on a row adds it.
    """

    productChosen = Signal(object)
    message = Signal(str)
    alert = Signal(str)

    def __init__(self, bridge, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("catalogSplitter")
        self._bridge = bridge
        self.product_model = ProductTableModel(bridge, self)
        self._build()
        self._layout()
        self._connect()
        self.tree.setCurrentIndex(self.category_model.all_products_index())

    # -- building the view -----------------------------------------------------------
    def _build(self) -> None:
        self.categories = CategoryPanel(self._bridge)
        self.category_model = self.categories.model
        self.tree = self.categories.tree

        self.search = QLineEdit(objectName="productSearch")
        self.search.setPlaceholderText(self.tr("Search name, SKU or barcode; Enter adds to the order"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search products"))
        self.search.installEventFilter(self)  # Down into the list, Escape clears
        self.show_archived = QCheckBox(self.tr("Show archived"), objectName="showArchivedCheck")
        self.show_archived.setToolTip(self.tr("List the archived products instead, to restore them"))

        # Fixed row heights (read_only_table): Qt never measures 100,000 rows.
        self.table = read_only_table("productTable", self.product_model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ProductTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Products"))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.on_enter = self._row_activated  # Enter sells, as a double-click does
        set_widths(
            self.table,
            {ProductTableModel.SKU: 110, ProductTableModel.PRICE: 90, ProductTableModel.STOCK: 80},
            stretch=ProductTableModel.NAME,
        )

        self.product_actions = ProductActions(self._bridge, self, self)  # asks the table what is chosen
        self.toolbar = product_toolbar(self.product_actions)
        self.heading = ElidedLabel(name="productHeading")  # "12 products in <a 200-character category>"

    def _layout(self) -> None:
        """The category tree left; search, toolbar, heading and products in the centre."""
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.show_archived)
        layout.addLayout(search_row)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)

        self.addWidget(self.categories)
        self.addWidget(centre)
        self.setStretchFactor(1, 1)
        self.setSizes([260, 700])

    def _connect(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._show_current_category)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_entered)
        self.show_archived.toggled.connect(self._archived_toggled)
        self.table.doubleClicked.connect(self._row_activated)
        self.table.selectionModel().selectionChanged.connect(self.product_actions.update)
        self.table.customContextMenuRequested.connect(self._context_menu_requested)
        self.product_model.modelReset.connect(self.product_actions.update)
        self.categories.message.connect(self.message)
        self.product_actions.message.connect(self.message)

    # -- what the person does ---------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.product_model.rowCount():
                self._into_the_list()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _into_the_list(self) -> None:
        """The keyboard's way from the search box to the products: the chosen row, else the first."""
        if self.selected_product() is None:
            select_row(self.table, 0, ProductTableModel.NAME)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_category_id(self) -> int | None:
        return self.categories.current_category_id()

    def selected_product(self) -> ProductView | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return self.product_model.product_at(index.row())

    def select_product(self, product_id: int) -> bool:
        row = self.product_model.row_of(product_id)
        if row is None:
            return False
        select_row(self.table, row, ProductTableModel.NAME)
        return True

    def _show_current_category(self, *_):
        if self.search.text():
            blocker = self.search.blockSignals(True)  # one reload, not two
            self.search.clear()  # choosing a category ends a search
            self.search.blockSignals(blocker)
        self._show_products()

    def _search_changed(self, text: str):
        self._show_products()

    def _archived_toggled(self, archived: bool):
        self.search.setPlaceholderText(
            self.tr("Search the archived products")
            if archived
            else self.tr("Search name, SKU or barcode; Enter adds to the order")
        )
        self._show_products()

    def _show_products(self) -> None:
        self.product_model.show_products(
            self.current_category_id(), self.search.text(), archived=self.show_archived.isChecked()
        )
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
            self.search.selectAll()  # the next scan replaces it
            if count == 0:
                self.alert.emit(fill(self.tr('No product has the code "%1".'), text))
            else:
                self.message.emit(
                    fill(
                        self.tr('%1 products match "%2": choose one (Down goes to the list).'),
                        QLocale().toString(count),
                        text,
                    )
                )
            return
        if not product.active:  # said in the status bar: no dialog takes the focus from the scanner
            self.search.selectAll()
            self.alert.emit(fill(self.tr("%1 is archived: restore it before selling it."), product.name))
            return
        self.productChosen.emit(product)
        self.search.clear()  # ready for the next scan

    def _row_activated(self, index) -> None:
        product = self.product_model.product_at(index.row())
        if product is None:
            return
        if product.active:
            self.productChosen.emit(product)  # at the counter a double-click sells
        else:
            self.product_actions.edit_product(product)  # archived: cannot be sold, open it instead

    def _context_menu_requested(self, pos) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.select_product(self.product_model.product_at(index.row()).id)
        self.product_actions.context_menu(self.table).popup(self.table.viewport().mapToGlobal(pos))

    def _update_heading(self):
        count = self.product_model.rowCount()
        products = count_of(count, "archived product" if self.show_archived.isChecked() else "product")
        search = self.search.text().strip()
        if search:
            self.heading.set_full_text(fill(self.tr('%1 matching "%2" in the whole catalog'), products, search))
        else:
            name = self.tree.currentIndex().data(Qt.ItemDataRole.AccessibleTextRole) or self.tr("All products")
            self.heading.set_full_text(fill(self.tr("%1 in %2"), products, name))

    # -- keeping up with changes ----------------------------------------------------------
    def apply_changes(self, changes, *, currency_changed: bool = False) -> None:
        """ChangeAware: the tree and the products listed."""
        if changes.rebuilt or changes.categories:
            self._reload_keeping_place()
        else:
            self.product_model.refresh(changes.products)
        self.product_actions.update()  # a sale makes a product undeletable, an edit may archive it
        if currency_changed:
            self.product_model.repaint_all()

    def _reload_keeping_place(self) -> None:
        category_id = self.current_category_id()
        selected = self.selected_product()
        scroll = self.table.verticalScrollBar().value()
        blocker = self.tree.selectionModel().blockSignals(True)
        try:
            self.category_model.reload()
            self.tree.expandAll()
            self.categories.select_category(category_id)
        finally:
            self.tree.selectionModel().blockSignals(blocker)
        self.categories.update_actions()
        self._show_products()  # the same category, or "All products" when it was just deleted
        if selected is not None:
            self.select_product(selected.id)
        self.table.verticalScrollBar().setValue(scroll)
