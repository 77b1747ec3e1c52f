"""The Customers tab: find, add and edit customers; a customer's orders and
what they spent."""

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.errors import UnknownCustomer
from core.queries import GetCustomer
from shop_gui.dialogs.command_dialog import open_dialog
from shop_gui.dialogs.customer_dialog import CustomerDialog
from shop_gui.formatting import count_of, local_time, money, shortened
from shop_gui.models.customer_directory import CustomerDirectory
from shop_gui.models.customers_model import CustomersTableModel
from shop_gui.models.orders_model import OrderSummaryModel
from shop_gui.texts import describe, fill
from shop_gui.views.change_aware import RefreshedWhenShown
from shop_gui.views.tables import keeping_current_row, read_only_table, select_row, set_widths


class CustomersView(RefreshedWhenShown, QWidget):
    """The customers of ``customers`` (the window's shared CustomerDirectory;
    its own one when None), refreshed while shown (RefreshedWhenShown).

    Signals:
    message(str): something to tell the person (status bar).
    orderChosen(int): show this order (double-click in a customer's orders).
    """

    message = Signal(str)
    orderChosen = Signal(int)

    def __init__(self, bridge, parent=None, *, customers: CustomerDirectory | None = None):
        super().__init__(parent)
        self._init_refreshed_when_shown()
        self._bridge = bridge
        self._shared_customers = customers is not None
        self.model = CustomersTableModel(bridge, self, customers=customers)
        self.orders_model = OrderSummaryModel(self)
        self._build()
        self._layout()
        self._connect()
        self._show_current()

    # -- building the tab ----------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(objectName="customerSearch")
        self.search.setPlaceholderText(self.tr("Search name, phone or e-mail"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search customers"))
        self.new_button = QPushButton(self.tr("&New customer..."), objectName="newCustomerButton")
        self.edit_button = QPushButton(self.tr("&Edit..."), objectName="editCustomerButton")

        self.table = read_only_table("customersTable", self.model)
        self.table.setAccessibleName(self.tr("Customers"))
        set_widths(
            self.table,
            {
                CustomersTableModel.PHONE: 130,
                CustomersTableModel.EMAIL: 200,
                CustomersTableModel.ORDERS: 60,
                CustomersTableModel.SPENT: 96,
            },
            stretch=CustomersTableModel.NAME,
        )

        self.detail = QLabel(objectName="customerDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.orders_table = read_only_table("customerOrdersTable", self.orders_model)
        self.orders_table.setAccessibleName(self.tr("The customer's orders"))
        self.orders_table.setToolTip(self.tr("Double-click an order to open it in the Orders tab"))
        self.orders_table.hideColumn(OrderSummaryModel.CUSTOMER)
        set_widths(
            self.orders_table,
            {
                OrderSummaryModel.NUMBER: 60,
                OrderSummaryModel.ITEMS: 50,
                OrderSummaryModel.TOTAL: 84,
                OrderSummaryModel.PAID: 84,
                OrderSummaryModel.STATUS: 80,
            },
            stretch=OrderSummaryModel.TIME,
        )

    def _layout(self) -> None:
        """Search, buttons and customers left; the chosen one's details and orders right."""
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail)
        orders_heading = QLabel(self.tr("<b>Orders</b>"))
        right_layout.addWidget(orders_heading)
        right_layout.addWidget(self.orders_table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="customersSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([640, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._search_changed)
        self.new_button.clicked.connect(self.new_customer)
        self.edit_button.clicked.connect(lambda: self.edit_customer())
        self.table.doubleClicked.connect(lambda _index: self.edit_customer())
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.orders_table.doubleClicked.connect(self._order_activated)

    # -- choosing ------------------------------------------------------------------------
    def current_customer_id(self) -> int | None:
        customer = self.model.customer_at(self.table.currentIndex().row())
        return customer.id if customer else None

    def _select_customer(self, customer_id: int) -> bool:
        row = self.model.row_of(customer_id)
        if row is None:
            return False
        select_row(self.table, row)
        return True

    def _search_changed(self, text: str) -> None:
        keeping_current_row(self.table, lambda: self.model.set_search(text))
        self._show_current()

    # -- adding and editing ------------------------------------------------------------------
    def new_customer(self) -> CustomerDialog:
        dialog = CustomerDialog(self._bridge, parent=self)

        def added():
            self.search.clear()  # the new customer might not match the search
            self.select_customer(dialog.result_value)
            self.message.emit(fill(QCoreApplication.translate("customers_view", "%1 added."), dialog.name()))

        return open_dialog(dialog, added)

    def edit_customer(self, customer_id: int | None = None) -> CustomerDialog | None:
        customer_id = customer_id if customer_id is not None else self.current_customer_id()
        if customer_id is None:
            return None
        try:
            customer = self._bridge.ask(GetCustomer(customer_id))
        except UnknownCustomer as error:
            self.message.emit(describe(error))
            return None
        dialog = CustomerDialog(self._bridge, customer, parent=self)
        return open_dialog(dialog, lambda: self.message.emit(fill(self.tr("%1 saved."), dialog.name())))

    # -- keeping up ------------------------------------------------------------------------------
    def select_customer(self, customer_id: int) -> bool:
        self.catch_up()  # asked for while hidden: the list as it is now
        return self._select_customer(customer_id)

    def _apply_changes(self, changes, *, currency_changed: bool = False) -> None:
        """ChangeAware (while shown): the customers and the chosen one's orders."""
        if changes.customers or changes.rebuilt:
            if not self._shared_customers:
                self.model.customers.reload()  # the window reloads a shared one before telling us
            keeping_current_row(self.table, self.model.reload)
            self._show_current()
        if currency_changed:
            self.model.repaint_all()
            self.orders_model.repaint_all()

    def _order_activated(self, index) -> None:
        order = self.orders_model.order_at(index.row())
        if order is not None:
            self.orderChosen.emit(order.id)

    def _show_current(self, *_) -> None:
        customer_id = self.current_customer_id()
        self.edit_button.setEnabled(customer_id is not None)
        if customer_id is None:
            self.orders_model.set_orders(())
            count = self.model.rowCount()
            self.detail.setText(
                self.tr("Choose a customer to see their orders.")
                if count
                else self.tr("No customers match.")
                if self.model.search
                else self.tr("No customers yet: “New customer...” adds one.")
            )
            return
        try:
            customer = self._bridge.ask(GetCustomer(customer_id))
        except UnknownCustomer:
            self.orders_model.set_orders(())
            self.detail.clear()
            return
        self.orders_model.set_orders(customer.orders)
        contact = " · ".join(escape(shortened(part)) for part in (customer.phone, customer.email) if part)
        count = len(customer.orders)
        lines = [f"<span style='font-size: large; font-weight: bold'>{escape(shortened(customer.name))}</span>"]
        self.detail.setToolTip(customer.name)
        if contact:
            lines.append(contact)
        if customer.note:
            lines.append(f"<i>{escape(customer.note)}</i>".replace("\n", "<br>"))
        lines.append(fill(self.tr("Customer since %1"), escape(local_time(customer.added_at))))
        lines.append(
            fill(self.tr("%1, total spent <b>%2</b>"), count_of(count, "order"), escape(money(customer.spent_cents)))
        )
        self.detail.setText("<br>".join(lines))
