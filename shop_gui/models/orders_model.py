"""Orders, newest first, and the parts of one order: its lines, payments,
returns and history."""

from bisect import bisect_left
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QModelIndex
from PySide6.QtGui import QBrush, QColor

from core.domain.money import format_percent
from core.queries import CANCELLED, CountOrders, GetOrders, OrderDetail, OrderSummary
from shop_gui.formatting import count_of, local_time, money, refund_way, walk_in
from shop_gui.models.table import RowsTableModel
from shop_gui.style import ERROR_COLOR
from shop_gui.texts import fill, reason_name, status_name, word
from shop_gui.undo_marks import UNDONE_FOREGROUND, with_mark

CANCELLED_FOREGROUND = QBrush(QColor("#8a8a8a"))
DUE_FOREGROUND = QBrush(QColor(ERROR_COLOR))
METHODS = {
    "cash": QT_TRANSLATE_NOOP("words", "Cash"),
    "card": QT_TRANSLATE_NOOP("words", "Card"),
    "other": QT_TRANSLATE_NOOP("words", "Other"),
}


class OrderSummaryModel(RowsTableModel):
    """Order summaries (``set_orders``), as the Orders tab and a customer's history list them."""

    NUMBER, TIME, CUSTOMER, ITEMS, TOTAL, PAID, STATUS = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "Order"),
        QT_TRANSLATE_NOOP("words", "Time"),
        QT_TRANSLATE_NOOP("words", "Customer"),
        QT_TRANSLATE_NOOP("words", "Items"),
        QT_TRANSLATE_NOOP("words", "Total"),
        QT_TRANSLATE_NOOP("words", "Paid"),
        QT_TRANSLATE_NOOP("words", "Status"),
    )
    RIGHT = frozenset({NUMBER, ITEMS, TOTAL, PAID})

    def set_orders(self, orders) -> None:
        self._set_rows(orders)

    def order_at(self, row: int) -> OrderSummary | None:
        return self.row_value(row)

    def display(self, order: OrderSummary, column: int) -> str:
        if column == self.NUMBER:
            return str(order.id)
        if column == self.TIME:
            return local_time(order.placed_at)
        if column == self.CUSTOMER:
            return order.customer_name or walk_in()
        if column == self.ITEMS:
            return f"{order.item_count:,}"
        if column == self.TOTAL:
            return money(order.total_cents)
        if column == self.PAID:
            return money(order.paid_cents - order.refunded_cents) if order.paid_cents else ""
        return status_name(order.status)

    def tooltip(self, order: OrderSummary, column: int):
        if column == self.PAID and order.refunded_cents:
            return fill(self.tr("Paid %1, refunded %2"), money(order.paid_cents), money(order.refunded_cents))
        if column == self.STATUS and order.due_cents:
            return fill(self.tr("%1 still to pay"), money(order.due_cents))
        return None

    def foreground(self, order: OrderSummary, column: int):
        if order.status == CANCELLED:
            return CANCELLED_FOREGROUND
        if column == self.STATUS and order.due_cents:
            return DUE_FOREGROUND
        return None


class OrdersTableModel(OrderSummaryModel):
    """The orders matching ``query`` (a ``GetOrders``; all orders at first),
    newest first: order numbers only increase, so by number, highest first.
    Fetched a page at a time as the list scrolls down (``canFetchMore``):
    years of orders are never asked for at once. ``total`` says how many
    match in all."""

    PAGE = 200

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self.query = GetOrders()
        self.total = 0
        self._more = False
        self.reload()

    def set_query(self, query: GetOrders) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        page = self._bridge.ask(replace(self.query, limit=self.PAGE))
        self.set_orders(page)
        self._more = len(page) == self.PAGE
        self._count()

    def _count(self) -> None:
        query = self.query
        self.total = self._bridge.ask(
            CountOrders(query.status, query.date_from, query.date_to, query.customer_id, query.number)
        )

    def set_orders(self, orders) -> None:
        self.beginResetModel()
        self._rows = list(orders)  # a list: rows are updated in place
        self.endResetModel()

    # -- pages --------------------------------------------------------------------------------
    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex(), size: int | None = None) -> None:
        if parent.isValid() or not self._more:
            return
        size = size or self.PAGE
        before = self._rows[-1].id if self._rows else None
        page = self._bridge.ask(replace(self.query, limit=size, before_id=before))
        self._more = len(page) == size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def fetch_down_to(self, order_id: int) -> None:
        """Fetch pages until ``order_id`` would be listed (a chosen old order),
        each twice as long as the one before."""
        size = self.PAGE
        while self._more and self._rows and self._rows[-1].id > order_id:
            self.fetchMore(size=size)
            size *= 2

    def _listed_range(self, order_id: int) -> bool:
        """Whether ``order_id`` falls among the pages fetched so far."""
        return not self._more or (bool(self._rows) and order_id > self._rows[-1].id)

    def row_of(self, value_id: int) -> int | None:
        row = bisect_left(self._rows, -value_id, key=_newest_first)
        return row if row < len(self._rows) and self._rows[row].id == value_id else None

    def update_orders(self, order_ids) -> None:
        """Ask again for these orders only (one ``GetOrders`` by number each,
        with the other filters as they are): a new one matching the filters
        is inserted at its place, a changed one updated in its row, one that
        no longer matches removed. Selections and persistent indexes follow."""
        query = self.query
        for order_id in sorted(order_ids):
            if query.number is not None and order_id != query.number:
                continue  # a search for one number lists that one only
            if not self._listed_range(order_id):
                continue  # on a page not fetched yet: it will be as it is then
            found = self._bridge.ask(replace(query, number=order_id))
            summary = found[0] if found else None
            row = self.row_of(order_id)
            if summary is None:
                if row is not None:
                    self.beginRemoveRows(QModelIndex(), row, row)
                    del self._rows[row]
                    self.endRemoveRows()
            elif row is None:
                row = bisect_left(self._rows, -order_id, key=_newest_first)
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.insert(row, summary)
                self.endInsertRows()
            elif summary != self._rows[row]:
                self._rows[row] = summary
                self._row_changed(row)
        if order_ids:
            self._count()

    def rename_customers(self, names: dict[int, str]) -> None:
        """The listed orders of these customers (id -> name now) show their new name."""
        for row, order in enumerate(self._rows):
            name = names.get(order.customer_id) if order.customer_id is not None else None
            if name is not None and order.customer_name != name:
                self._rows[row] = replace(order, customer_name=name)
                self._row_changed(row, self.CUSTOMER)


def _newest_first(order: OrderSummary) -> int:
    return -order.id


def discount_text(line) -> str:
    """A line's discounts: ``"10% (-£1.80)"``, ``"-£1.00"``; "" for none."""
    if not line.discount_cents:
        return ""
    amount = money(-line.discount_cents)
    if line.discount is not None and line.discount.kind == "percent":
        return f"{format_percent(line.discount.value)} ({amount})"
    return amount


class OrderLinesModel(RowsTableModel):
    SKU, PRODUCT, QUANTITY, PRICE, DISCOUNT, TAX, TOTAL, RETURNED = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "SKU"),
        QT_TRANSLATE_NOOP("words", "Product"),
        QT_TRANSLATE_NOOP("words", "Qty"),
        QT_TRANSLATE_NOOP("words", "Price"),
        QT_TRANSLATE_NOOP("words", "Discount"),
        QT_TRANSLATE_NOOP("words", "Tax"),
        QT_TRANSLATE_NOOP("words", "Total"),
        QT_TRANSLATE_NOOP("words", "Returned"),
    )
    RIGHT = frozenset({QUANTITY, PRICE, DISCOUNT, TAX, TOTAL, RETURNED})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._order: OrderDetail | None = None

    def show_order(self, order: OrderDetail | None) -> None:
        self._order = order
        self._set_rows(order.lines if order is not None else ())

    def display(self, line, column: int) -> str:
        if column == self.SKU:
            return line.sku
        if column == self.PRODUCT:
            return line.name
        if column == self.QUANTITY:
            return f"{line.quantity:,}"
        if column == self.PRICE:
            return money(line.unit_price_cents)
        if column == self.DISCOUNT:
            return discount_text(line)
        if column == self.TAX:
            return f"{format_percent(line.tax_rate_bp)}: {money(line.tax_cents)}"
        if column == self.TOTAL:
            return money(line.total_cents)
        return f"{line.returned_quantity:,}" if line.returned_quantity else ""

    def tooltip(self, line, column: int):
        if column == self.DISCOUNT and line.discount_cents:
            parts = []
            if line.line_discount_cents:
                parts.append(fill(self.tr("line discount %1"), money(line.line_discount_cents)))
            if line.order_discount_cents:
                parts.append(fill(self.tr("share of the order discount %1"), money(line.order_discount_cents)))
            return "; ".join(parts).capitalize()
        if column == self.TAX:
            return self.tr("Included in the price") if line.tax_included else self.tr("Added to the price")
        if column == self.RETURNED and line.returned_quantity:
            return fill(
                self.tr("%1 returned, %2 refunded"),
                QLocale().toString(line.returned_quantity),
                money(line.refunded_cents),
            )
        return None


class PaymentsModel(RowsTableModel):
    TIME, METHOD, AMOUNT, TENDERED, CHANGE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "Time"),
        QT_TRANSLATE_NOOP("words", "Method"),
        QT_TRANSLATE_NOOP("words", "Amount"),
        QT_TRANSLATE_NOOP("words", "Tendered"),
        QT_TRANSLATE_NOOP("words", "Change"),
    )
    RIGHT = frozenset({AMOUNT, TENDERED, CHANGE})

    def show_order(self, order: OrderDetail | None) -> None:
        self._set_rows(order.payments if order is not None else ())

    def display(self, payment, column: int) -> str:
        if column == self.TIME:
            return local_time(payment.at)
        if column == self.METHOD:
            return word(METHODS.get(payment.method, payment.method))
        if column == self.AMOUNT:
            return money(payment.amount_cents)
        if column == self.TENDERED:
            return "" if payment.tendered_cents is None else money(payment.tendered_cents)
        return "" if payment.change_cents is None else money(payment.change_cents)


class ReturnsModel(RowsTableModel):
    TIME, ITEMS, REASON, REFUND = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "Time"),
        QT_TRANSLATE_NOOP("words", "Items"),
        QT_TRANSLATE_NOOP("words", "Reason"),
        QT_TRANSLATE_NOOP("words", "Refund"),
    )
    RIGHT = frozenset({REFUND})

    def show_order(self, order: OrderDetail | None) -> None:
        self._set_rows(order.returns if order is not None else ())

    def display(self, returned, column: int) -> str:
        if column == self.TIME:
            return local_time(returned.at)
        if column == self.ITEMS:
            return ", ".join(f"{item.quantity:,} × {item.name}" for item in returned.items)
        if column == self.REASON:
            reason = reason_name(returned.reason)
            return f"{reason}: {returned.note}" if returned.note else reason
        return money(returned.refund_cents)

    def tooltip(self, returned, column: int):
        if column in (self.ITEMS, self.REASON):
            return self.display(returned, column)
        return None


def describe_event(entry) -> str:
    """One line of an order's history in words."""
    units = "" if entry.quantity is None else count_of(entry.quantity, "item")
    if entry.kind == "placed":
        return fill(QCoreApplication.translate("orders_model", "Placed: %1"), money(entry.amount_cents))
    if entry.kind == "payment":
        return fill(
            QCoreApplication.translate("orders_model", "Paid %1 by %2"),
            money(entry.amount_cents),
            word(METHODS.get(entry.method, entry.method or "")).lower(),
        )
    if entry.kind == "payment reversed":
        return fill(
            QCoreApplication.translate("orders_model", "Payment reversed: %1 given back by %2"),
            money(entry.amount_cents),
            word(METHODS.get(entry.method, entry.method or "")).lower(),
        )
    if entry.kind == "fulfilled":
        return QCoreApplication.translate("orders_model", "Fulfilled: handed over or sent")
    if entry.kind == "return":
        reason = f" ({reason_name(entry.reason).lower()})" if entry.reason else ""
        return fill(
            QCoreApplication.translate("orders_model", "Returned %1%2: %3 refunded%4"),
            units,
            reason,
            money(entry.amount_cents),
            refund_way(entry.method),
        )
    if entry.kind == "cancelled":
        refund = (
            fill(
                QCoreApplication.translate("orders_model", ", %1 refunded%2"),
                money(entry.amount_cents),
                refund_way(entry.method),
            )
            if entry.amount_cents
            else ""
        )
        back = (
            fill(QCoreApplication.translate("orders_model", "%1 back in stock"), units)
            if entry.quantity
            else QCoreApplication.translate("orders_model", "nothing to restock")
        )
        return fill(QCoreApplication.translate("orders_model", "Cancelled: %1%2"), back, refund)
    return entry.kind.capitalize()


class HistoryModel(RowsTableModel):
    TIME, EVENT, BY = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("words", "Time"),
        QT_TRANSLATE_NOOP("words", "What happened"),
        QT_TRANSLATE_NOOP("words", "By"),
    )

    def show_order(self, order: OrderDetail | None) -> None:
        self._set_rows(order.history if order is not None else ())

    def display(self, entry, column: int) -> str:
        if column == self.TIME:
            return local_time(entry.at) if entry.at else self.tr("(not recorded)")
        if column == self.BY:
            return _who(entry)
        return with_mark(describe_event(entry), entry.undone)

    def tooltip(self, entry, column: int):
        if column == self.BY:
            return _who(entry) or None
        return with_mark(describe_event(entry), entry.undone) if column == self.EVENT else None

    def foreground(self, entry, column: int):
        return UNDONE_FOREGROUND if entry.undone is not None and entry.undone.redone_at is None else None


def _who(entry) -> str:
    """Who did it, and who approved it when a manager had to."""
    by = entry.by or ""
    return (
        fill(QCoreApplication.translate("orders_model", "%1, approved by %2"), by, entry.approved_by)
        if entry.approved_by
        else by
    )
