"""The Orders tab: placed orders, the lines of the chosen one, cancelling."""

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from core.commands import CancelOrder
from core.queries import GetOrder
from shop_gui.formatting import local_time, money
from shop_gui.models.orders_model import OrderLinesModel, OrdersTableModel
from shop_gui.views.tables import read_only_table, set_widths


class OrdersView(QWidget):
    """Signals:
        message(str): something to tell the person (status bar).
    """

    message = Signal(str)

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self.orders_model = OrdersTableModel(bridge, self)
        self.lines_model = OrderLinesModel(self)

        self.table = read_only_table("ordersTable", self.orders_model)
        self.table.setAccessibleName("Orders")
        set_widths(self.table, {OrdersTableModel.NUMBER: 70, OrdersTableModel.LINES: 60,
                                 OrdersTableModel.ITEMS: 60, OrdersTableModel.TOTAL: 96,
                                 OrdersTableModel.STATUS: 96}, stretch=OrdersTableModel.TIME)
        self.lines = read_only_table("orderLinesTable", self.lines_model)
        self.lines.setAccessibleName("Lines of the chosen order")
        set_widths(self.lines, {0: 96, 2: 50, 3: 84, 4: 90}, stretch=1)
        self.detail = QLabel(objectName="orderDetailHeading")
        self.cancel_button = QPushButton("Cancel Order", objectName="cancelOrderButton")
        self.cancel_button.setToolTip("Cancel the chosen order and put its stock back")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(self.lines, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([600, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.cancel_button.clicked.connect(self.cancel_current)
        self._show_current()

    def current_order_id(self) -> int | None:
        order = self.orders_model.order_at(self.table.currentIndex().row())
        return order.id if order else None

    def select_order(self, order_id: int) -> None:
        row = self.orders_model.row_of(order_id)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.orders_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, "Cancel order", question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def cancel_current(self) -> None:
        order_id = self.current_order_id()
        if order_id is None:
            return
        if not self.confirm(f"Cancel order {order_id} and put its items back in stock?"):
            return
        outcome = self._bridge.dispatch(CancelOrder(order_id))
        if outcome.ok:
            self.message.emit(f"Order {order_id} cancelled; its items are back in stock.")
        elif outcome.error is not None:
            self.message.emit(str(outcome.error))

    def apply_changes(self, changes) -> None:
        if changes.orders or changes.rebuilt:
            current = self.current_order_id()
            self.orders_model.reload()
            if current is not None:
                self.select_order(current)
            self._show_current()

    def _show_current(self, *_) -> None:
        order_id = self.current_order_id()
        if order_id is None:
            self.lines_model.show_order(None)
            self.detail.setText("Choose an order to see its lines.")
            self.cancel_button.setEnabled(False)
            return
        order = self._bridge.ask(GetOrder(order_id))
        self.lines_model.show_order(order)
        self.detail.setText(f"Order {order.id}, {local_time(order.placed_at)}: "
                            f"{money(order.total_cents)}, {order.status}")
        self.cancel_button.setEnabled(order.status == "placed")
