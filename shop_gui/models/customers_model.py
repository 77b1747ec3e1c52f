"""Customers by name (GetCustomers), with their order count and what they spent:
the shared CustomerDirectory's list, or GetCustomers(search) while searching."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from core.queries import CustomerView, GetCustomers
from shop_gui.formatting import money
from shop_gui.models.customer_directory import CustomerDirectory
from shop_gui.models.table import RowsTableModel

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CustomersTableModel(RowsTableModel):
    NAME, PHONE, EMAIL, ORDERS, SPENT = range(5)
    HEADERS_CONTEXT = "people"
    HEADERS = (
        QT_TRANSLATE_NOOP("people", "Name"),
        QT_TRANSLATE_NOOP("people", "Phone"),
        QT_TRANSLATE_NOOP("people", "E-mail"),
        QT_TRANSLATE_NOOP("people", "Orders"),
        QT_TRANSLATE_NOOP("people", "Spent"),
    )
    RIGHT = frozenset({ORDERS, SPENT})

    def __init__(self, bridge, parent=None, *, customers: CustomerDirectory | None = None):
        super().__init__(parent)
        self._bridge = bridge
        self.customers = customers if customers is not None else CustomerDirectory(bridge, self)
        self.search = ""
        self.reload()

    def set_search(self, text: str) -> None:
        self.search = text.strip()
        self.reload()

    def reload(self) -> None:
        """The directory's customers (asked for once for the whole window),
        or those matching the search (the core's matching: accents ignored)."""
        self._set_rows(self._bridge.ask(GetCustomers(self.search)) if self.search else self.customers.customers)

    def customer_at(self, row: int) -> CustomerView | None:
        return self.row_value(row)

    def display(self, customer: CustomerView, column: int) -> str:
        if column == self.NAME:
            return customer.name
        if column == self.PHONE:
            return customer.phone or ""
        if column == self.EMAIL:
            return customer.email or ""
        if column == self.ORDERS:
            return f"{customer.order_count:,}"
        return money(customer.spent_cents)

    def tooltip(self, customer: CustomerView, column: int):
        if column == self.NAME and customer.note:
            return customer.note
        return None

    def other_role(self, customer: CustomerView, column: int, role):
        return customer.id if role == CUSTOMER_ID_ROLE else None
