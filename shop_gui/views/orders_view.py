"""The Orders tab: orders filtered by status, dates, customer or number; the
chosen order's lines, payments, returns and history; taking payment,
fulfilling, cancelling, returns and the receipt."""

from html import escape
from operator import attrgetter

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.commands import FulfilOrder
from core.domain.order_status import CANCELLED, FULFILLED, PAID, PLACED, OrderAction, allows
from core.errors import ShopError, UnknownOrder
from core.queries import (
    ORDER_STATUSES,
    GetOrder,
    GetOrders,
    OrderDetail,
)
from shop_gui import approval
from shop_gui.dialogs.cancel_order_dialog import CancelOrderDialog
from shop_gui.dialogs.command_dialog import open_dialog
from shop_gui.dialogs.pay_dialog import PayDialog
from shop_gui.dialogs.receipt_dialog import ReceiptDialog
from shop_gui.dialogs.return_dialog import ReturnDialog
from shop_gui.formatting import count_of, local_time, money, refund_way, shortened, walk_in
from shop_gui.models.customer_directory import CustomerDirectory
from shop_gui.models.customer_list_model import CustomerListModel
from shop_gui.models.orders_model import (
    HistoryModel,
    OrderLinesModel,
    OrdersTableModel,
    PaymentsModel,
    ReturnsModel,
)
from shop_gui.style import ERROR_COLOR, OK_STYLE, STRONG_ERROR_STYLE
from shop_gui.texts import describe, fill, status_name
from shop_gui.views.change_aware import RefreshedWhenShown
from shop_gui.views.customer_picker import refill_keeping_choice
from shop_gui.views.tables import keeping_current_row, read_only_table, select_row, set_widths

ANY_DATE = QDate(2000, 1, 1)  # shown as "Any": no limit


class OptionalDateEdit(QDateEdit):
    """A day, or "Any" (its minimum). Its calendar opens on this month, not on the minimum's."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent, objectName=name)
        self.setCalendarPopup(True)
        self.setMinimumDate(ANY_DATE)
        self.setSpecialValueText(self.tr("Any"))
        self.setDisplayFormat("dd MMM yyyy")
        self.setDate(ANY_DATE)
        self.calendarWidget().installEventFilter(self)

    def day(self):
        """The chosen day (a ``datetime.date``) or None for any."""
        return None if self.date() == ANY_DATE else self.date().toPython()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.day() is None:
            today = QDate.currentDate()
            watched.setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


# More orders changed at once than this (a catch-up with another till, an
# import, a long while hidden): the list is asked for whole instead, once.
ORDERS_UPDATED_ROW_BY_ROW = 50


class OrdersView(RefreshedWhenShown, QWidget):
    """The list follows the changes row by row (a full reload after a rebuild
    or when many orders changed), and only while it is on screen: hidden, it
    catches up when shown (RefreshedWhenShown). The customer filter lists
    ``customers`` (the window's shared CustomerDirectory; its own one when None).

    Signals:
    message(str): something to tell the person (status bar).
    """

    message = Signal(str)

    def __init__(self, bridge, parent=None, *, customers: CustomerDirectory | None = None):
        super().__init__(parent)
        self._init_refreshed_when_shown()
        self._bridge = bridge
        self._shared_customers = customers is not None
        self.customers = customers if customers is not None else CustomerDirectory(bridge, self)
        self._customer_names: dict[int, str] = {}
        self.orders_model = OrdersTableModel(bridge, self)
        self.lines_model = OrderLinesModel(self)
        self.payments_model = PaymentsModel(self)
        self.returns_model = ReturnsModel(self)
        self.history_model = HistoryModel(self)
        self.order: OrderDetail | None = None
        self._build_filters()
        self._build_tables()
        self._build_order_detail()
        self._layout()
        self._connect()
        self._fill_customer_filter()
        self._show_count()
        self._show_current()

    # -- building the tab ----------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.status_filter = QComboBox(objectName="orderStatusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in ORDER_STATUSES:
            self.status_filter.addItem(status_name(status), status)
        self.date_from = OptionalDateEdit("orderDateFrom")
        self.date_from.setToolTip(self.tr("Orders placed on or after this day"))
        self.date_to = OptionalDateEdit("orderDateTo")
        self.date_to.setToolTip(self.tr("Orders placed on or before this day"))
        self.customer_filter = QComboBox(objectName="orderCustomerFilter")
        self.customer_filter_model = CustomerListModel(
            self.customers, QCoreApplication.translate("orders_view", "All customers"), attrgetter("name"), parent=self
        )
        self.customer_filter.setModel(self.customer_filter_model)
        self.customer_filter.setMinimumContentsLength(8)
        self.customer_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.number_search = QLineEdit(objectName="orderNumberSearch")
        self.number_search.setPlaceholderText(self.tr("Order no."))
        self.number_search.setValidator(QIntValidator(1, 2_000_000_000, self.number_search))
        self.number_search.setClearButtonEnabled(True)
        self.number_search.setMaximumWidth(110)
        self.number_search.setToolTip(self.tr("Find one order by its number (the other filters are then set aside)"))
        self.clear_filters_button = QToolButton(objectName="clearOrderFiltersButton")
        self.clear_filters_button.setText(self.tr("Show all"))
        self.clear_filters_button.setToolTip(self.tr("Clear every filter"))
        self.count_label = QLabel(objectName="orderCount")

    def _build_tables(self) -> None:
        """The list of orders, and the chosen order's lines, payments, returns and history."""
        self.table = read_only_table("ordersTable", self.orders_model)
        self.table.setAccessibleName(self.tr("Orders"))
        set_widths(
            self.table,
            {
                OrdersTableModel.NUMBER: 60,
                OrdersTableModel.TIME: 130,
                OrdersTableModel.ITEMS: 50,
                OrdersTableModel.TOTAL: 84,
                OrdersTableModel.PAID: 84,
                OrdersTableModel.STATUS: 80,
            },
            stretch=OrdersTableModel.CUSTOMER,
        )
        self.lines = read_only_table("orderLinesTable", self.lines_model)
        self.lines.setAccessibleName(self.tr("Lines of the chosen order"))
        set_widths(
            self.lines,
            {
                OrderLinesModel.SKU: 80,
                OrderLinesModel.QUANTITY: 40,
                OrderLinesModel.PRICE: 70,
                OrderLinesModel.DISCOUNT: 100,
                OrderLinesModel.TAX: 90,
                OrderLinesModel.TOTAL: 76,
                OrderLinesModel.RETURNED: 66,
            },
            stretch=OrderLinesModel.PRODUCT,
        )
        self.payments = read_only_table("orderPaymentsTable", self.payments_model)
        set_widths(
            self.payments,
            {PaymentsModel.TIME: 130, PaymentsModel.AMOUNT: 90, PaymentsModel.TENDERED: 90, PaymentsModel.CHANGE: 90},
            stretch=PaymentsModel.METHOD,
        )
        self.returns = read_only_table("orderReturnsTable", self.returns_model)
        set_widths(
            self.returns,
            {ReturnsModel.TIME: 130, ReturnsModel.REASON: 160, ReturnsModel.REFUND: 90},
            stretch=ReturnsModel.ITEMS,
        )
        self.history = read_only_table("orderHistoryTable", self.history_model)
        set_widths(self.history, {HistoryModel.TIME: 130, HistoryModel.BY: 110}, stretch=HistoryModel.EVENT)

    def _build_order_detail(self) -> None:
        """The chosen order's heading and amounts, what became of an action, the action buttons."""
        self.detail = QLabel(objectName="orderDetailHeading")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.money_summary = QLabel(objectName="orderMoneySummary")
        self.money_summary.setWordWrap(True)
        self.money_summary.setTextFormat(Qt.TextFormat.RichText)
        self.detail_tabs = QTabWidget(objectName="orderDetailTabs")

        self.action_message = QLabel(objectName="orderActionMessage")
        self.action_message.setWordWrap(True)
        self.action_message.setTextFormat(Qt.TextFormat.PlainText)
        self.action_message.hide()
        self.pay_button = QPushButton(self.tr("T&ake payment..."), objectName="takePaymentButton")
        self.fulfil_button = QPushButton(self.tr("Fulf&il"), objectName="fulfilOrderButton")
        self.return_button = QPushButton(self.tr("&Return items..."), objectName="returnItemsButton")
        self.cancel_button = QPushButton(self.tr("Ca&ncel Order"), objectName="cancelOrderButton")
        self.receipt_button = QPushButton(self.tr("Recei&pt..."), objectName="receiptButton")
        self.receipt_button.setToolTip(self.tr("Preview the receipt, save it as PDF or print it"))

    def _layout(self) -> None:
        """The filters above; the list left, the chosen order right."""
        filters = QHBoxLayout()
        for caption, widget in (
            (self.tr("&Status"), self.status_filter),
            (self.tr("Fro&m"), self.date_from),
            (self.tr("To"), self.date_to),  # Alt+T is the Till menu; Tab from "From" reaches it
            (self.tr("Custom&er"), self.customer_filter),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            # With its mnemonic underlined, "To" is drawn unkerned: a little wider than measured.
            label.setMinimumWidth(label.sizeHint().width() + 3)
            filters.addWidget(label)
            filters.addSpacing(2)
            filters.addWidget(widget)
            filters.addSpacing(6)
        filters.addStretch(1)
        filters.addWidget(self.number_search)
        filters.addWidget(self.clear_filters_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.detail_tabs.addTab(self.lines, self.tr("Lines"))
        self.detail_tabs.addTab(self.payments, self.tr("Payments"))
        self.detail_tabs.addTab(self.returns, self.tr("Returns"))
        self.detail_tabs.addTab(self.history, self.tr("History"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(self.money_summary)
        right_layout.addWidget(self.detail_tabs, 1)
        right_layout.addWidget(self.action_message)
        buttons = QHBoxLayout()
        for button in (self.pay_button, self.fulfil_button, self.return_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.receipt_button)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="ordersSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.customer_filter.currentIndexChanged.connect(self.apply_filters)
        self.date_from.dateChanged.connect(self.apply_filters)
        self.date_to.dateChanged.connect(self.apply_filters)
        self.number_search.textChanged.connect(self.apply_filters)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.customers.changed.connect(self._customers_changed)
        self.pay_button.clicked.connect(lambda: self.take_payment())
        self.fulfil_button.clicked.connect(self.fulfil_current)
        self.return_button.clicked.connect(lambda: self.return_items())
        self.cancel_button.clicked.connect(self.cancel_current)
        self.receipt_button.clicked.connect(lambda: self.show_receipt())
        self.table.doubleClicked.connect(lambda _index: self.show_receipt())

    # -- filters ------------------------------------------------------------------------------------
    def _fill_customer_filter(self) -> None:
        self._customer_names = {customer.id: customer.name for customer in self.customers.customers}
        if refill_keeping_choice(self.customer_filter, self.customer_filter_model.refresh):
            self.apply_filters()  # the chosen customer is gone

    def _customers_changed(self) -> None:
        """The filter lists the customers as they are now, even while the tab
        is hidden (no query: the directory has them); a renamed customer's
        listed orders show the new name."""
        before = self._customer_names
        self._fill_customer_filter()
        renamed = {i: name for i, name in self._customer_names.items() if before.get(i, name) != name}
        if renamed:
            self.orders_model.rename_customers(renamed)

    def query(self) -> GetOrders:
        number = self.number_search.text().strip()
        if number:
            return GetOrders(number=int(number))
        return GetOrders(
            status=self.status_filter.currentData(),
            date_from=self.date_from.day(),
            date_to=self.date_to.day(),
            customer_id=self.customer_filter.currentData(),
        )

    def apply_filters(self, *_) -> None:
        searching = bool(self.number_search.text().strip())
        for widget in (self.status_filter, self.date_from, self.date_to, self.customer_filter):
            widget.setEnabled(not searching)
        keeping_current_row(self.table, lambda: self.orders_model.set_query(self.query()))
        if self.current_order_id() is None and self.orders_model.rowCount() == 1:
            self.select_order(self.orders_model.order_at(0).id)  # the one found
        self._show_count()
        self._show_current()

    def clear_filters(self) -> None:
        for widget in (self.status_filter, self.customer_filter, self.date_from, self.date_to, self.number_search):
            widget.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.customer_filter.setCurrentIndex(0)
        self.date_from.setDate(ANY_DATE)
        self.date_to.setDate(ANY_DATE)
        self.number_search.clear()
        for widget in (self.status_filter, self.customer_filter, self.date_from, self.date_to, self.number_search):
            widget.blockSignals(False)
        self.apply_filters()

    def filtering(self) -> bool:
        return self.query() != GetOrders()

    def _show_count(self) -> None:
        count = self.orders_model.total
        self.count_label.setText(
            self.tr("%Ln order(s) match the filters", "", count) if self.filtering() else count_of(count, "order")
        )

    # -- choosing ----------------------------------------------------------------------------------
    def current_order_id(self) -> int | None:
        order = self.orders_model.order_at(self.table.currentIndex().row())
        return order.id if order else None

    def _chosen(self, order_id: int | None) -> int | None:
        """``order_id``, or when None the order chosen in the list (if any)."""
        return order_id if order_id is not None else self.current_order_id()

    def select_order(self, order_id: int) -> bool:
        self.catch_up()  # asked for while hidden: the list as it is now
        self.orders_model.fetch_down_to(order_id)
        row = self.orders_model.row_of(order_id)
        if row is None:
            return False
        select_row(self.table, row)
        return True

    def show_order(self, order_id: int) -> None:
        """Choose this order, clearing filters that hide it."""
        if not self.select_order(order_id):
            self.clear_filters()
            self.select_order(order_id)

    # -- what became of it -------------------------------------------------------------------------
    def tell(self, text: str, ok: bool = True) -> None:
        """What became of an action, under the order (and in the status bar)."""
        self.action_message.setStyleSheet(OK_STYLE if ok else STRONG_ERROR_STYLE)
        self.action_message.setText(text)
        self.action_message.show()
        self.message.emit(text)

    # -- actions --------------------------------------------------------------------------------------
    def take_payment(self, order_id: int | None = None, parent=None) -> PayDialog | None:
        order_id = self._chosen(order_id)
        if order_id is None:
            return None
        try:
            dialog = PayDialog(self._bridge, order_id, parent or self)
        except UnknownOrder as error:
            self.tell(describe(error), ok=False)
            return None

        def closed(_result):
            summary = dialog.summary()  # a split payment may be left part paid ("Later")
            if summary:
                self.tell(summary)

        dialog.finished.connect(closed)
        return open_dialog(dialog)

    def fulfil_current(self) -> None:
        order_id = self.current_order_id()
        if order_id is None:
            return

        def sent(outcome):
            if outcome.ok:
                self.tell(fill(QCoreApplication.translate("orders_view", "Order %1 fulfilled."), order_id))
            elif outcome.error is not None:
                self.tell(describe(outcome.error), ok=False)

        approval.dispatch(self._bridge, FulfilOrder(order_id), self, sent)

    def cancel_current(self) -> CancelOrderDialog | None:
        """Ask first (and, for a paid order, how the money goes back); then cancel."""
        order = self.order
        if order is None:
            return None
        dialog = CancelOrderDialog(self._bridge, order, self)

        def cancelled():
            text = fill(
                QCoreApplication.translate("orders_view", "Order %1 cancelled; its items are back in stock."), order.id
            )
            try:
                last = self._bridge.ask(GetOrder(order.id)).history[-1]
            except (ShopError, IndexError):
                last = None
            if last is not None and last.kind == "cancelled" and last.amount_cents:
                text += fill(
                    QCoreApplication.translate("orders_view", " Refund %1 to the customer%2."),
                    money(last.amount_cents),
                    refund_way(last.method),
                )
            self.tell(text)

        return open_dialog(dialog, cancelled)

    def return_items(self, order_id: int | None = None) -> ReturnDialog | None:
        order_id = self._chosen(order_id)
        if order_id is None:
            return None
        dialog = ReturnDialog(self._bridge, order_id, self)

        def returned():
            outcome = dialog.result_value
            units = sum(line.quantity for line in dialog.sent.lines)
            text = fill(self.tr("%1 from order %2 back in stock."), count_of(units, "item"), order_id)
            if outcome.refund_cents:
                text += " " + fill(
                    self.tr("Refund %1 to the customer%2."),
                    money(outcome.refund_cents),
                    self._return_refund_way(order_id),
                )
            self.tell(text)

        return open_dialog(dialog, returned)

    def _return_refund_way(self, order_id: int) -> str:
        """How the latest return of ``order_id`` went back: " by card + cash"."""
        try:
            returns = [e for e in self._bridge.ask(GetOrder(order_id)).history if e.kind == "return"]
        except ShopError:
            return ""
        return refund_way(returns[-1].method) if returns else ""

    def show_receipt(self, order_id: int | None = None, parent=None) -> ReceiptDialog | None:
        order_id = self._chosen(order_id)
        if order_id is None:
            return None
        dialog = ReceiptDialog(self._bridge, order_id, parent or self)
        dialog.show()  # not modal: the counter goes on
        return dialog

    # -- keeping up ------------------------------------------------------------------------------
    def _apply_changes(self, changes, *, currency_changed: bool = False) -> None:
        """ChangeAware (while shown): the customer filter, the orders that
        changed, and the chosen order if it is one of them."""
        if (changes.customers or changes.rebuilt) and not self._shared_customers:
            self.customers.reload()  # the window reloads a shared one before telling us
        shown = self.order
        if changes.rebuilt or len(changes.orders) > ORDERS_UPDATED_ROW_BY_ROW:
            keeping_current_row(self.table, self.orders_model.reload)
            self._show_count()
            self._show_current()
        else:
            if changes.orders:
                self._update_rows(changes.orders)
            if self.order is shown and (  # not already shown afresh: the chosen row went
                changes.staff  # a rename: the chosen order's history says who did what
                or (shown is not None and (shown.id in changes.orders or shown.customer_id in changes.customers))
            ):
                self._show_current()
        if currency_changed:
            self.orders_model.repaint_all()
            for model in (self.lines_model, self.payments_model, self.returns_model, self.history_model):
                model.repaint_all()

    def _update_rows(self, order_ids) -> None:
        """Only these orders' rows; scrolled down the list, the same orders stay
        in view as new ones arrive above them (the chosen row stays chosen:
        Qt moves it with its order)."""
        top = None
        if self.table.verticalScrollBar().value() > 0:
            top = self.orders_model.order_at(self.table.rowAt(0))
        self.orders_model.update_orders(order_ids)
        row = None if top is None else self.orders_model.row_of(top.id)
        if row is not None:
            self.table.scrollTo(self.orders_model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        self._show_count()

    def _show_current(self, *_) -> None:
        order_id = self.current_order_id()
        if order_id != getattr(self.order, "id", None):
            self.action_message.hide()  # it was about another order
        try:
            self.order = self._bridge.ask(GetOrder(order_id)) if order_id is not None else None
        except UnknownOrder:
            self.order = None
        order = self.order
        for model in (self.lines_model, self.payments_model, self.returns_model, self.history_model):
            model.show_order(order)
        self.detail_tabs.setTabText(
            1, fill(self.tr("Payments (%1)"), len(order.payments)) if order and order.payments else self.tr("Payments")
        )
        self.detail_tabs.setTabText(
            2, fill(self.tr("Returns (%1)"), len(order.returns)) if order and order.returns else self.tr("Returns")
        )
        if order is None:
            self.detail.setText(self.tr("Choose an order to see its lines, payments and history."))
            self.money_summary.clear()
            for button in (
                self.pay_button,
                self.fulfil_button,
                self.return_button,
                self.cancel_button,
                self.receipt_button,
            ):
                button.setEnabled(False)
            return
        customer = escape(shortened(order.customer_name or walk_in()))
        self.detail.setToolTip(order.customer_name or "")
        self.detail.setText(
            fill(
                self.tr("<span style='font-size: large'><b>Order %1</b></span> · %2 · %3 · <b>%4</b>"),
                order.id,
                escape(local_time(order.placed_at)),
                customer,
                status_name(order.status),
            )
        )

        def amount(cents: int) -> str:
            return escape(money(cents))

        parts = [fill(self.tr("Subtotal %1"), amount(order.subtotal_cents))]
        if order.discount_cents:
            parts.append(fill(self.tr("discounts %1"), amount(-order.discount_cents)))
        parts.append(
            fill(self.tr("tax %1 included"), amount(order.tax_cents))
            if order.prices_include_tax
            else fill(self.tr("tax %1"), amount(order.tax_cents))
        )
        parts.append(fill(self.tr("<b>total %1</b>"), amount(order.total_cents)))
        money_line = ", ".join(parts)
        paid = [fill(self.tr("Paid %1"), amount(order.paid_cents))]
        reversed_cents = sum(e.amount_cents for e in order.history if e.kind == "payment reversed")
        if reversed_cents:  # a payment taken by mistake, given back: no longer in Paid nor on the receipt
            paid.append(fill(self.tr("reversed %1"), amount(reversed_cents)))
        if order.refunded_cents:
            paid.append(fill(self.tr("refunded %1"), amount(order.refunded_cents)))
        if order.due_cents:
            paid.append(
                fill(self.tr("<span style='color: %1'><b>%2 due</b></span>"), ERROR_COLOR, amount(order.due_cents))
            )
        self.money_summary.setText(fill("%1<br>%2", money_line, ", ".join(paid)))
        self._update_actions(order)

    def _update_actions(self, order: OrderDetail) -> None:
        returnable = any(line.returnable_quantity for line in order.lines)
        status = order.status
        rules = (
            (
                self.pay_button,
                allows(status, OrderAction.PAY) and order.due_cents > 0,
                self.tr("Take a payment for this order"),
                self.tr("Nothing is due on this order"),
            ),
            (
                self.fulfil_button,
                allows(status, OrderAction.FULFIL),
                self.tr("Mark the order as handed over or sent"),
                fill(self.tr("Take payment first: %1 is due"), money(order.due_cents))
                if order.status == PLACED
                else fill(self.tr("The order is %1"), status_name(order.status).lower()),
            ),
            (
                self.return_button,
                allows(status, OrderAction.RETURN) and returnable,
                self.tr("Take items back and refund them"),
                self.tr("Every item has been returned")
                if allows(status, OrderAction.RETURN)
                else self.tr("Only a paid or fulfilled order has items to return")
                if order.status != CANCELLED
                else self.tr("The order is cancelled"),
            ),
            (
                self.cancel_button,
                allows(status, OrderAction.CANCEL),
                self.tr("Cancel the order: its stock goes back and what was paid is refunded")
                if order.status == PAID
                else self.tr("Cancel the order: its stock goes back"),
                self.tr("A fulfilled order cannot be cancelled: return its items instead")
                if order.status == FULFILLED
                else self.tr("The order is already cancelled"),
            ),
        )
        for button, allowed, tip, reason in rules:
            button.setEnabled(allowed)
            button.setToolTip(tip if allowed else reason)
        self.receipt_button.setEnabled(True)
