"""The Customers tab: search, add, edit, a customer's orders and total spent."""

from PySide6.QtWidgets import QLineEdit, QTableView

from core.commands import AddCustomer, RecordPayment
from core.queries import GetCustomer, GetCustomers, GetOrder
from tests.gui.helpers import click, click_index, open_dialog, place_order, type_into


def customers_tab(window):
    window.tabs.setCurrentWidget(window.customers)
    return window.customers


def listed(view) -> list[str]:
    model = view.model
    return [model.index(row, model.NAME).data() for row in range(model.rowCount())]


def test_widgets_have_stable_object_names(window):
    assert window.findChild(QLineEdit, "customerSearch") is not None
    assert window.findChild(QTableView, "customersTable") is not None
    assert window.findChild(QTableView, "customerOrdersTable") is not None


def test_add_a_customer_then_pick_them_for_an_order(qtbot, window, shop):
    view = customers_tab(window)
    assert "No customers yet" in view.detail.text()
    click(qtbot, view.new_button)
    dialog = open_dialog(window, "customerDialog")
    assert not dialog.ok_button.isEnabled()  # a name first
    assert not dialog.name_error.isVisible()  # (not an error before anything is typed)
    qtbot.keyClicks(dialog.name_edit, "Ann Smith")
    qtbot.keyClicks(dialog.phone_edit, "07700 900123")
    qtbot.keyClicks(dialog.email_edit, "ann@example.com")
    qtbot.keyClicks(dialog.note_edit, "Prefers e-mail receipts")
    click(qtbot, dialog.ok_button)

    assert listed(view) == ["Ann Smith"]
    assert view.current_customer_id() == dialog.result_value
    assert window.statusBar().currentMessage() == "Ann Smith added."
    [ann] = shop.ask(GetCustomers())
    assert (ann.phone, ann.email, ann.note) == ("07700 900123", "ann@example.com", "Prefers e-mail receipts")
    # The order form's picker knows her at once.
    picker = window.order_form.customer_picker
    assert picker.findData(ann.id) > 0
    window.tabs.setCurrentIndex(0)
    order_id = place_order(qtbot, window, ("Rose Teapot", 1), customer_id=ann.id)
    assert shop.ask(GetOrder(order_id)).customer_id == ann.id


def test_a_customers_orders_and_total_spent(qtbot, window, shop):
    ann = shop.dispatch(AddCustomer("Ann Smith", "07700 900123"))
    window.bridge.sync()
    first = place_order(qtbot, window, ("Rose Teapot", 1), customer_id=ann)
    second = place_order(qtbot, window, ("Hand Trowel", 2), customer_id=ann)
    place_order(qtbot, window, ("Café Latte Glass", 1))  # a walk-in's
    shop.dispatch(RecordPayment(first, "card", 2499))
    window.bridge.sync()

    view = customers_tab(window)
    view.select_customer(ann)
    orders = view.orders_model
    assert [orders.order_at(r).id for r in range(orders.rowCount())] == [second, first]
    assert "2 orders, total spent <b>£24.99</b>" in view.detail.text()  # what was paid
    model = view.model
    assert model.index(0, model.SPENT).data() == "£24.99"
    assert model.index(0, model.ORDERS).data() == "2"
    assert shop.ask(GetCustomer(ann)).spent_cents == 2499

    # Double-click an order: the Orders tab opens on it.
    click_index(qtbot, view.orders_table, orders.index(1, 0), double=True)
    assert window.tabs.currentWidget() is window.orders
    assert window.orders.current_order_id() == first


def test_search_and_edit(qtbot, window, shop):
    shop.dispatch(AddCustomer("Ann Smith", "07700 900123"))
    bob = shop.dispatch(AddCustomer("Bob Jones", email="bob@example.org"))
    shop.dispatch(AddCustomer("Chloé Martin"))
    window.bridge.sync()
    view = customers_tab(window)
    assert listed(view) == ["Ann Smith", "Bob Jones", "Chloé Martin"]
    qtbot.keyClicks(view.search, "chloe")  # accents ignored
    assert listed(view) == ["Chloé Martin"]
    type_into(qtbot, view.search, "example.org")
    assert listed(view) == ["Bob Jones"]
    type_into(qtbot, view.search, "zzz")
    assert listed(view) == [] and view.detail.text() == "No customers match."
    type_into(qtbot, view.search, "")

    view.select_customer(bob)
    click(qtbot, view.edit_button)
    dialog = open_dialog(window, "customerDialog")
    assert dialog.email_edit.text() == "bob@example.org"
    type_into(qtbot, dialog.name_edit, "Robert Jones")
    type_into(qtbot, dialog.phone_edit, "not a phone")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()  # the core's refusal, shown in the dialog
    assert dialog.message.text().startswith('The phone number "not a phone" does not look right')
    type_into(qtbot, dialog.phone_edit, "01632 960003")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert listed(view) == ["Ann Smith", "Chloé Martin", "Robert Jones"]
    assert view.current_customer_id() == bob  # still chosen, under its new name
    assert shop.ask(GetCustomer(bob)).phone == "01632 960003"
    assert window.order_form.customer_picker.findText("Robert Jones (01632 960003)") > 0


def test_the_picker_and_the_orders_filter_list_every_customer_by_name(window, shop):
    from PySide6.QtCore import Qt

    shop.dispatch(AddCustomer("Bob Jones", email="bob@example.org", note="Pays by card"))
    ann = shop.dispatch(AddCustomer("Ann Smith", "07700 900123"))
    window.bridge.sync()
    picker = window.order_form.customer_picker
    assert [picker.itemText(row) for row in range(picker.count())] == [
        "Walk-in",
        "Ann Smith (07700 900123)",
        "Bob Jones (bob@example.org)",
    ]
    assert picker.itemData(2, Qt.ItemDataRole.ToolTipRole) == "Pays by card"
    assert picker.itemData(1, Qt.ItemDataRole.ToolTipRole) is None
    assert picker.findData(ann) == 1 and picker.itemData(0) is None
    filter_ = window.orders.customer_filter
    assert [filter_.itemText(row) for row in range(filter_.count())] == ["All customers", "Ann Smith", "Bob Jones"]
    assert filter_.itemData(1) == ann
