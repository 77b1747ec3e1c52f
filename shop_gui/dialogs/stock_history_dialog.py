"""Every stock movement of one product; kept current while it is open."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout,
)

from core.errors import UnknownProduct
from core.queries import GetProduct, GetStockHistory, ProductView
from shop_gui.formatting import count_of
from shop_gui.models.stock_history_model import StockHistoryModel


class StockHistoryDialog(QDialog):
    """Not modal: the counter stays usable while it is open."""

    def __init__(self, bridge, product: ProductView, parent=None):
        super().__init__(parent, objectName="stockHistoryDialog")
        self._bridge = bridge
        self.product = product
        self.setWindowTitle(f"Stock history: {product.name}")
        self.heading = QLabel(objectName="stockHistoryHeading")
        self.model = StockHistoryModel(self)
        self.table = QTableView(objectName="stockHistoryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setAccessibleName("Stock movements")
        header = self.table.horizontalHeader()
        for column, width in ((StockHistoryModel.TIME, 140), (StockHistoryModel.KIND, 90),
                              (StockHistoryModel.QUANTITY, 76), (StockHistoryModel.STOCK_AFTER, 84),
                              (StockHistoryModel.ORDER, 60)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(StockHistoryModel.DETAILS, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeButton")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        bridge.readModelChanged.connect(self._read_model_changed)
        self._listening = True
        self.reload()

    def reload(self) -> None:
        try:
            self.product = self._bridge.ask(GetProduct(self.product.id))
            moves = self._bridge.ask(GetStockHistory(self.product.id))
        except UnknownProduct:
            self.heading.setText(f"{self.product.name} has been deleted.")
            self.model.show_movements(())
            return
        self.model.show_movements(moves)
        count = len(moves)
        self.heading.setText(f"<b>{escape(self.product.name)}</b> ({escape(self.product.sku)}): "
                             f"{self.product.stock:,} in stock, "
                             + count_of(count, "movement"))
        self.table.scrollToBottom()

    def _read_model_changed(self, changes) -> None:
        if changes.rebuilt or self.product.id in changes.products:
            self.reload()

    def done(self, result: int) -> None:
        if self._listening:
            self._listening = False
            self._bridge.readModelChanged.disconnect(self._read_model_changed)
        super().done(result)
