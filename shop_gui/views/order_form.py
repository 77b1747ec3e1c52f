"""Right of the counter: the order being built and the Place Order button."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QTableView,
    QVBoxLayout, QWidget,
)

from core.commands import PlaceOrder
from core.handlers.validation import MAX_QUANTITY
from core.queries import GetProductsByIds, ProductView
from shop_gui.formatting import money
from shop_gui.models.cart_model import CartModel


class OrderForm(QWidget):
    """Quantity, "Add to order", the lines with totals, and Place Order.

    Signals:
        addRequested(int): "Add to order" was clicked with this quantity.
        orderPlaced(int, str): an order was stored; its number and a summary.
    """

    addRequested = Signal(int)
    orderPlaced = Signal(int, str)

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self.cart = CartModel(self)

        title = QLabel("Order")
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        title.setFont(title_font)

        self.quantity = QSpinBox(objectName="quantitySpinBox")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.setAccessibleName("Quantity")
        self.add_button = QPushButton("Add to order", objectName="addToCartButton")
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel("Quantity"))
        add_row.addWidget(self.quantity)
        add_row.addWidget(self.add_button, 1)

        self.table = QTableView(objectName="cartTable")
        self.table.setModel(self.cart)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName("Order lines")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CartModel.PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((CartModel.QUANTITY, 44), (CartModel.PRICE, 76), (CartModel.TOTAL, 84)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)

        self.remove_button = QPushButton("Remove line", objectName="removeLineButton")
        self.total = QLabel(objectName="orderTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        total_font = QFont(self.total.font())
        total_font.setPointSizeF(total_font.pointSizeF() * 1.4)
        total_font.setBold(True)
        self.total.setFont(total_font)
        total_row = QHBoxLayout()
        total_row.addWidget(self.remove_button)
        total_row.addStretch(1)
        total_row.addWidget(self.total)

        # Refusals are shown here, beside the lines they concern, not in a dialog.
        self.message = QLabel(objectName="orderMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.message.hide()

        self.place_button = QPushButton("Place Order", objectName="placeOrderButton")
        self.place_button.setToolTip("Place the order (Ctrl+Enter)")
        self.place_button.setMinimumHeight(44)
        place_font = QFont(self.place_button.font())
        place_font.setBold(True)
        self.place_button.setFont(place_font)
        self.place_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(add_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(total_row)
        layout.addWidget(self.message)
        layout.addWidget(self.place_button)

        self.add_button.clicked.connect(lambda: self.addRequested.emit(self.quantity.value()))
        self.remove_button.clicked.connect(self.remove_selected_line)
        self.place_button.clicked.connect(self.place_order)
        for signal in (self.cart.rowsInserted, self.cart.rowsRemoved, self.cart.modelReset,
                       self.cart.dataChanged):
            signal.connect(self._cart_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._cart_changed()

    # -- building the order ---------------------------------------------------------
    def add_product(self, product: ProductView, quantity: int | None = None) -> None:
        self.cart.add(product, quantity or self.quantity.value())
        self.quantity.setValue(1)
        self.clear_message()

    def remove_selected_line(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.cart.remove(index.row())
            self.clear_message()

    def refresh_products(self, product_ids) -> None:
        in_cart = set(self.cart.product_ids()) & set(product_ids)
        if in_cart:
            self.cart.update_products(self._bridge.ask(GetProductsByIds(tuple(in_cart))))

    # -- placing it ----------------------------------------------------------------------
    def place_order(self) -> None:
        # Disabled until the dispatch is over; a second click of a double
        # click then meets an empty cart and a disabled button.
        self.place_button.setEnabled(False)
        try:
            lines = self.cart.order_lines()
            items = sum(line.quantity for line in lines)
            total = self.cart.total_cents()
            outcome = self._bridge.dispatch(PlaceOrder(lines))
            if outcome.ok:
                self.cart.clear()
                self.clear_message()
                noun = "item" if items == 1 else "items"
                self.orderPlaced.emit(outcome.result, f"Order {outcome.result} placed: {items} {noun}, {money(total)}.")
            elif outcome.error is not None:
                self.show_message(str(outcome.error))
        finally:
            self._update_buttons()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def _cart_changed(self, *_) -> None:
        self.total.setText(f"Total {money(self.cart.total_cents())}")
        self._update_buttons()

    def _update_buttons(self, *_) -> None:
        self.place_button.setEnabled(not self.cart.is_empty())
        self.remove_button.setEnabled(self.table.currentIndex().isValid())
