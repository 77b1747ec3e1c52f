"""Every customer by name (GetCustomers), asked once per change and shared:
the counter's customer picker, the Orders tab's customer filter and the
Customers tab all list the same customers, so one query serves the three."""

from PySide6.QtCore import QObject, Signal

from core.queries import CustomerView, GetCustomers


class CustomerDirectory(QObject):
    """The shop's customers (``customers``, by name as GetCustomers lists
    them). The main window calls ``reload`` when a change names customers
    (or the read model was rebuilt); each user refills from it on ``changed``.

    Signals:
        changed(): ``customers`` is a new list.
    """

    changed = Signal()

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self.customers: tuple[CustomerView, ...] = ()
        self._by_id: dict[int, CustomerView] = {}
        self.reload()

    def reload(self) -> None:
        """Ask the read model once and tell every user."""
        self.customers = tuple(self._bridge.ask(GetCustomers()))
        self._by_id = {customer.id: customer for customer in self.customers}
        self.changed.emit()

    def get(self, customer_id: int | None) -> CustomerView | None:
        return self._by_id.get(customer_id) if customer_id is not None else None

    def __contains__(self, customer_id) -> bool:
        return customer_id in self._by_id
