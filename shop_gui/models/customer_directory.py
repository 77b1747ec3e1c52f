"""Every customer by name (GetCustomers), asked once per change and shared:
the counter's customer picker, the Orders tab's customer filter and the
Customers tab all list the same customers, so one query serves the three."""

from PySide6.QtCore import QObject, Signal

from core.queries import CustomerView, GetCustomers, GetCustomersByIds


def _listed_as(customer: CustomerView) -> tuple:
    """What the picker and the filter show of a customer (and sort by)."""
    return customer.name, customer.phone, customer.email, customer.note


class CustomerDirectory(QObject):
    """The shop's customers (``customers``, by name as GetCustomers lists
    them). The main window calls ``reload`` when a change names customers
    (or the read model was rebuilt); each user refills from it on ``changed``.

    Signals:
        changed(): ``customers`` is a new list.
        figuresChanged(object): only these customers' order counts and totals
            changed (a frozenset of ids; a sale in their name): the list reads
            the same in the picker and the filter, which need not refill.
    """

    changed = Signal()
    figuresChanged = Signal(object)

    def __init__(self, bridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self.customers: tuple[CustomerView, ...] = ()
        self._by_id: dict[int, CustomerView] = {}
        self._row: dict[int, int] = {}
        self.reload()

    def reload(self, changed: frozenset[int] | None = None) -> None:
        """Ask the read model and tell every user. ``changed``: the customers
        a change names (None: any may have). When only their figures moved,
        just those are asked for: a shop with thousands of customers does
        not list them all again for each sale in someone's name."""
        if changed and self._update_figures(changed):
            return
        self.customers = tuple(self._bridge.ask(GetCustomers()))
        self._by_id = {customer.id: customer for customer in self.customers}
        self._row = {customer.id: row for row, customer in enumerate(self.customers)}
        self.changed.emit()

    def _update_figures(self, changed: frozenset[int]) -> bool:
        """Take the new figures of ``changed`` if nothing else of theirs moved
        (none added, removed, renamed); False (nothing taken) otherwise."""
        if not changed <= self._by_id.keys():
            return False  # a new customer
        fresh = self._bridge.ask(GetCustomersByIds(tuple(changed)))
        if len(fresh) != len(changed) or any(_listed_as(c) != _listed_as(self._by_id[c.id]) for c in fresh):
            return False  # removed, renamed or given other details
        customers = list(self.customers)
        for customer in fresh:
            customers[self._row[customer.id]] = self._by_id[customer.id] = customer
        self.customers = tuple(customers)
        self.figuresChanged.emit(frozenset(changed))
        return True

    def get(self, customer_id: int | None) -> CustomerView | None:
        return self._by_id.get(customer_id) if customer_id is not None else None

    def __contains__(self, customer_id) -> bool:
        return customer_id in self._by_id
