"""Placed orders, newest first, and the lines of one order."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core.queries import GetOrders, OrderDetail, OrderSummary
from shop_gui.formatting import local_time, money

CANCELLED_FOREGROUND = QBrush(QColor("#8a8a8a"))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class OrdersTableModel(QAbstractTableModel):
    NUMBER, TIME, LINES, ITEMS, TOTAL, STATUS = range(6)
    HEADERS = ("Order", "Time", "Lines", "Items", "Total", "Status")

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self._orders: list[OrderSummary] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._orders = list(self._bridge.ask(GetOrders()))
        self.endResetModel()

    def order_at(self, row: int) -> OrderSummary | None:
        return self._orders[row] if 0 <= row < len(self._orders) else None

    def row_of(self, order_id: int) -> int | None:
        for row, order in enumerate(self._orders):
            if order.id == order_id:
                return row
        return None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._orders)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        order = self._orders[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(order.id), local_time(order.placed_at), str(order.line_count),
                    str(order.item_count), money(order.total_cents), order.status.capitalize())[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NUMBER, self.LINES, self.ITEMS, self.TOTAL):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and order.status == "cancelled":
            return CANCELLED_FOREGROUND
        return None


class OrderLinesModel(QAbstractTableModel):
    HEADERS = ("SKU", "Product", "Qty", "Price", "Total")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._order: OrderDetail | None = None

    def show_order(self, order: OrderDetail | None) -> None:
        self.beginResetModel()
        self._order = order
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self._order is None else len(self._order.lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._order is None:
            return None
        line = self._order.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (line.sku, line.name, str(line.quantity), money(line.unit_price_cents),
                    money(line.total_cents))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return _RIGHT
        return None
