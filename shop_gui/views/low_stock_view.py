"""The Low stock tab: products at or below their reorder level."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.queries import GetProductsByIds, ProductView
from shop_gui.formatting import count_of
from shop_gui.models.low_stock_model import LowStockModel
from shop_gui.texts import fill
from shop_gui.views.tables import keeping_current_row, read_only_table, set_widths


class LowStockView(QWidget):
    """Signals:
    countChanged(int): how many products are low now (the tab's badge).
    receiveRequested(ProductView): "Receive stock..." for the chosen product.
    """

    countChanged = Signal(int)
    receiveRequested = Signal(object)

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self.model = LowStockModel(bridge, self)
        self.table = read_only_table("lowStockTable", self.model)
        self.table.setAccessibleName(self.tr("Low stock"))
        self.table.setWordWrap(False)
        set_widths(
            self.table,
            {
                LowStockModel.SKU: 110,
                LowStockModel.CATEGORY: 300,
                LowStockModel.STOCK: 80,
                LowStockModel.REORDER_LEVEL: 90,
            },
            stretch=LowStockModel.NAME,
        )
        self.heading = QLabel(objectName="lowStockHeading")
        self.receive_button = QPushButton(self.tr("Receive stock..."), objectName="lowStockReceiveButton")
        self.receive_button.setToolTip(self.tr("Record a delivery of the chosen product"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        buttons.addWidget(self.receive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

        self.table.selectionModel().currentRowChanged.connect(self._update_button)
        self.table.doubleClicked.connect(lambda _index: self._receive())
        self.receive_button.clicked.connect(self._receive)
        self._show_count()

    def count(self) -> int:
        return self.model.rowCount()

    def selected_product(self) -> ProductView | None:
        return self.model.product_at(self.table.currentIndex().row())

    def apply_changes(self, changes, *, currency_changed: bool = False) -> None:
        """ChangeAware: the products low now (no amounts: the currency is not shown)."""
        if not (changes.rebuilt or changes.products or changes.categories):
            return
        if not (changes.rebuilt or changes.categories) and not self._concerns(changes.products):
            return  # a sale of well-stocked products: the list (thousands of rows) stays as it is
        keeping_current_row(self.table, self.model.reload, scroll=False)
        self._show_count()

    def _concerns(self, product_ids) -> bool:
        """Whether any of these products is listed, or should be now."""
        if not self.model.ids().isdisjoint(product_ids):
            return True
        return any(p.active and p.low_stock for p in self._bridge.ask(GetProductsByIds(tuple(product_ids))))

    def _show_count(self) -> None:
        count = self.count()
        self.heading.setText(
            self.tr("No product is at or below its reorder level.")
            if count == 0
            else fill(self.tr("%1 at or below the reorder level"), count_of(count, "product"))
        )
        self._update_button()
        self.countChanged.emit(count)

    def _update_button(self, *_) -> None:
        self.receive_button.setEnabled(self.selected_product() is not None)

    def _receive(self) -> None:
        product = self.selected_product()
        if product is not None:
            self.receiveRequested.emit(product)
