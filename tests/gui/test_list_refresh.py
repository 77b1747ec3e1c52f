"""What a change costs the lists (issue 17): the Orders list asks again for
the orders a change names, not for every order; a hidden tab asks nothing
until it is shown; one GetCustomers serves the picker, the Orders filter and
the Customers tab. Counted with a spy on the bridge's ``ask``."""

import pytest

from core.commands import AddCustomer, RecordPayment, UpdateCustomer
from core.queries import GetCustomer, GetCustomers, GetCustomersByIds, GetOrder, GetOrders
from shop_gui.models.orders_model import OrdersTableModel
from shop_gui.views import orders_view
from tests.gui.helpers import place_order, status_cell


class Asked:
    """Every query the window asks of its bridge, in order."""

    def __init__(self, bridge, monkeypatch):
        self.queries = []
        real = bridge.ask

        def ask(query):
            self.queries.append(query)
            return real(query)

        monkeypatch.setattr(bridge, "ask", ask)

    def of(self, kind) -> list:
        return [query for query in self.queries if type(query) is kind]

    def clear(self) -> None:
        self.queries.clear()


@pytest.fixture
def asked(window, monkeypatch):
    return Asked(window.bridge, monkeypatch)


def listed_orders(window) -> list[int]:
    model = window.orders.orders_model
    return [model.order_at(row).id for row in range(model.rowCount())]


def pay(window, shop, order_id: int) -> None:
    """Paid at another till; this one catches up."""
    shop.dispatch(RecordPayment(order_id, "card", shop.ask(GetOrder(order_id)).due_cents))
    window.bridge.sync()


def test_a_sale_with_the_orders_tab_hidden_asks_for_no_orders(qtbot, window, asked):
    assert window.tabs.currentIndex() == 0  # the counter
    first = place_order(qtbot, window, ("Hand Trowel", 1))
    second = place_order(qtbot, window, ("Rose Teapot", 1))
    assert asked.of(GetOrders) == []
    assert window.orders.stale

    asked.clear()
    window.tabs.setCurrentWidget(window.orders)
    # Once, and for the two orders only (by number), newest first.
    assert asked.of(GetOrders) == [GetOrders(number=first), GetOrders(number=second)]
    assert listed_orders(window) == [second, first]
    assert window.orders.count_label.text() == "2 orders"
    assert not window.orders.stale

    asked.clear()
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentWidget(window.orders)
    assert asked.queries == []  # nothing changed meanwhile


def test_a_payment_updates_its_row_and_keeps_the_choice_and_scroll(qtbot, window, shop, asked):
    placed = [place_order(qtbot, window, ("Café Latte Glass", 1)) for _ in range(3)]
    orders = window.orders
    window.tabs.setCurrentWidget(orders)
    orders.select_order(placed[1])
    scroll = orders.table.verticalScrollBar().value()

    asked.clear()
    pay(window, shop, placed[1])
    assert [q for q in asked.of(GetOrders) if q.number is None] == []  # no full reload
    assert asked.of(GetOrders) == [GetOrders(number=placed[1])]
    assert status_cell(window, placed[1]) == "Paid"
    assert orders.current_order_id() == placed[1]
    assert orders.table.verticalScrollBar().value() == scroll
    assert asked.of(GetOrder) == [GetOrder(placed[1])]  # the detail pane: it is the one shown
    assert not orders.pay_button.isEnabled()

    asked.clear()
    pay(window, shop, placed[0])  # not the one shown: its detail is not asked again
    assert asked.of(GetOrders) == [GetOrders(number=placed[0])]
    assert asked.of(GetOrder) == []
    assert status_cell(window, placed[0]) == "Paid"
    assert listed_orders(window) == placed[::-1]


def test_a_row_leaves_the_list_when_it_no_longer_matches_the_filter(qtbot, window, shop, asked):
    placed = [place_order(qtbot, window, ("Café Latte Glass", 1)) for _ in range(3)]
    orders = window.orders
    window.tabs.setCurrentWidget(orders)
    orders.status_filter.setCurrentIndex(orders.status_filter.findData("placed"))
    orders.select_order(placed[0])

    asked.clear()
    pay(window, shop, placed[1])
    assert asked.of(GetOrders) == [GetOrders(status="placed", number=placed[1])]
    assert listed_orders(window) == [placed[2], placed[0]]
    assert orders.current_order_id() == placed[0]
    assert orders.count_label.text() == "2 orders match the filters"


def test_many_changed_orders_reload_the_list_once(qtbot, window, asked, monkeypatch):
    monkeypatch.setattr(orders_view, "ORDERS_UPDATED_ROW_BY_ROW", 2)
    placed = [place_order(qtbot, window, ("Café Latte Glass", 1)) for _ in range(3)]
    asked.clear()
    window.tabs.setCurrentWidget(window.orders)
    assert asked.of(GetOrders) == [GetOrders(limit=OrdersTableModel.PAGE)]
    assert listed_orders(window) == placed[::-1]


def test_a_new_customer_is_asked_for_once_and_listed_everywhere(qtbot, window, shop, asked):
    asked.clear()
    dee = shop.dispatch(AddCustomer("Dee Brown", "07700 900456"))
    window.bridge.sync()
    assert len(asked.of(GetCustomers)) == 1
    assert window.order_form.customer_picker.findData(dee) > 0
    assert window.orders.customer_filter.findData(dee) > 0

    window.tabs.setCurrentWidget(window.customers)
    assert window.customers.model.row_of(dee) is not None
    assert len(asked.of(GetCustomers)) == 1  # the tab lists the same customers

    # Their order: only their figures changed, so only they are asked for,
    # and the picker and the Orders filter (which show no figures) keep their lists.
    window.customers.select_customer(dee)
    window.tabs.setCurrentIndex(0)
    refilled = []
    for combo in (window.order_form.customer_picker, window.orders.customer_filter):
        combo.model().modelReset.connect(lambda *_: refilled.append("reset"))
        combo.model().rowsRemoved.connect(lambda *_: refilled.append("emptied"))
    asked.clear()
    place_order(qtbot, window, ("Hand Trowel", 1), customer_id=dee)
    assert asked.of(GetCustomers) == []
    assert asked.of(GetCustomersByIds) == [GetCustomersByIds((dee,))]
    assert refilled == []
    assert asked.of(GetCustomer) == []  # the Customers tab is hidden
    window.tabs.setCurrentWidget(window.customers)
    assert "1 order" in window.customers.detail.text()
    model = window.customers.model
    assert model.index(model.row_of(dee), model.ORDERS).data() == "1"
    assert window.customer_directory.get(dee).order_count == 1


def test_a_renamed_customer_is_listed_again_everywhere(qtbot, window, shop, asked):
    dee = shop.dispatch(AddCustomer("Dee Brown", "07700 900456"))
    shop.dispatch(AddCustomer("Eve Adams"))
    window.bridge.sync()
    place_order(qtbot, window, ("Hand Trowel", 1), customer_id=dee)
    asked.clear()
    shop.dispatch(UpdateCustomer(dee, "Ann Brown", "07700 900456"))
    window.bridge.sync()
    assert len(asked.of(GetCustomers)) == 1  # a new name: a new order of names
    picker = window.order_form.customer_picker
    assert [picker.itemText(row) for row in range(1, picker.count())] == ["Ann Brown (07700 900456)", "Eve Adams"]
    assert window.orders.customer_filter.itemText(1) == "Ann Brown"
    window.tabs.setCurrentWidget(window.customers)
    model = window.customers.model
    assert [model.index(row, model.NAME).data() for row in range(model.rowCount())] == ["Ann Brown", "Eve Adams"]
    assert model.index(0, model.ORDERS).data() == "1"


def test_new_orders_above_keep_the_rows_in_view_and_the_choice(qtbot, window, shop, catalog):
    from core.commands import AddProduct, OrderLine, PlaceOrder

    pen = shop.dispatch(AddProduct("PEN-001", "Pen", catalog.garden, 100, stock=500))
    placed = [shop.dispatch(PlaceOrder((OrderLine(pen, 1),))) for _ in range(80)]
    window.bridge.sync()
    orders = window.orders
    window.tabs.setCurrentWidget(orders)
    table = orders.table
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # laid out
    bar.setValue(bar.maximum() // 2)
    chosen = orders.orders_model.order_at(table.rowAt(0) + 2).id
    orders.select_order(chosen)
    top = orders.orders_model.order_at(table.rowAt(0)).id
    assert bar.value() > 0

    newest = shop.dispatch(PlaceOrder((OrderLine(pen, 1),)))
    window.bridge.sync()
    assert listed_orders(window)[:2] == [newest, placed[-1]]
    assert orders.orders_model.order_at(table.rowAt(0)).id == top
    assert orders.current_order_id() == chosen
