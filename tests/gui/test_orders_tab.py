"""The Orders tab: filters, the chosen order's detail, taking payment,
fulfilling, cancelling and returns; every refusal in the core's words."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPushButton

from core import open_shop
from core.commands import AddCustomer, CancelOrder, FulfilOrder, RecordPayment
from core.errors import ShopError
from core.queries import GetOrder, GetStockHistory
from shop_gui.models.orders_model import HistoryModel
from tests.gui.helpers import alt_key, click, open_dialog, place_order, status_cell, stock_cell, type_into


def orders_tab(window):
    window.tabs.setCurrentIndex(1)
    return window.orders


def listed_orders(window) -> list[int]:
    model = window.orders.orders_model
    return [model.order_at(row).id for row in range(model.rowCount())]


def pay(shop, order_id: int, method: str = "card") -> None:
    shop.dispatch(RecordPayment(order_id, method, shop.ask(GetOrder(order_id)).due_cents))


def test_widgets_have_stable_object_names(window):
    for kind, name in [
        (QComboBox, "orderStatusFilter"),
        (QDateEdit, "orderDateFrom"),
        (QDateEdit, "orderDateTo"),
        (QComboBox, "orderCustomerFilter"),
        (QLineEdit, "orderNumberSearch"),
        (QPushButton, "takePaymentButton"),
        (QPushButton, "fulfilOrderButton"),
        (QPushButton, "cancelOrderButton"),
        (QPushButton, "returnItemsButton"),
        (QPushButton, "receiptButton"),
    ]:
        assert window.findChild(kind, name) is not None, name


def test_take_payment_then_fulfil(qtbot, window, shop):
    order_id = place_order(qtbot, window, ("Rose Teapot", 1), ("Hand Trowel", 2))
    orders = orders_tab(window)
    orders.select_order(order_id)
    assert orders.pay_button.isEnabled()
    assert not orders.fulfil_button.isEnabled()
    assert orders.fulfil_button.toolTip() == "Take payment first: £49.99 is due"
    assert not orders.return_button.isEnabled()

    click(qtbot, orders.pay_button)
    dialog = open_dialog(window, "payDialog")
    click(qtbot, dialog.method_buttons["card"])
    click(qtbot, dialog.ok_button)
    assert status_cell(window, order_id) == "Paid"
    assert orders.action_message.text() == f"Order {order_id} paid by card."
    assert not orders.pay_button.isEnabled()

    click(qtbot, orders.fulfil_button)
    assert status_cell(window, order_id) == "Fulfilled"
    assert orders.action_message.text() == f"Order {order_id} fulfilled."
    assert not orders.cancel_button.isEnabled()
    assert "return its items instead" in orders.cancel_button.toolTip()
    history = orders.history_model
    assert [history.index(r, history.EVENT).data() for r in range(history.rowCount())] == [
        "Placed: £49.99",
        "Paid £49.99 by card",
        "Fulfilled: handed over or sent",
    ]
    assert orders.detail_tabs.tabText(1) == "Payments (1)"


def test_cancelling_a_paid_order_refunds_it_and_puts_the_stock_back(qtbot, window, shop):
    order_id = place_order(qtbot, window, ("Hand Trowel", 3), later=False)
    pay_dialog = open_dialog(window, "payDialog")
    type_into(qtbot, pay_dialog.tendered_edit, "40")
    click(qtbot, pay_dialog.ok_button)
    assert stock_cell(window, "Hand Trowel") == "9"

    orders = orders_tab(window)
    orders.select_order(order_id)
    assert orders.cancel_button.isEnabled()
    click(qtbot, orders.cancel_button)
    dialog = open_dialog(window, "cancelOrderDialog")
    assert dialog.question.text() == (
        f"Cancel order {order_id}? Its items go back in stock and £37.50 is refunded to the customer."
    )
    assert dialog.refund_combo.isVisible() and dialog.refund_combo.currentText() == "As paid"
    click(qtbot, dialog.ok_button)

    assert status_cell(window, order_id) == "Cancelled"
    assert stock_cell(window, "Hand Trowel") == "12"
    assert orders.action_message.text() == (
        f"Order {order_id} cancelled; its items are back in stock. Refund £37.50 to the customer by cash."
    )
    order = shop.ask(GetOrder(order_id))
    assert (order.status, order.refunded_cents) == ("cancelled", 3750)
    history = orders.history_model
    assert history.index(2, history.EVENT).data() == "Cancelled: 3 items back in stock, £37.50 refunded by cash"
    assert history.index(2, history.BY).data() == "Owner"
    assert not orders.cancel_button.isEnabled() and not orders.pay_button.isEnabled()


def choose_by_keyboard(qtbot, dialog, combo, text: str) -> None:
    """Alt+B (Refund by) to the combo box, then arrow keys down to ``text``."""
    alt_key(qtbot, dialog, Qt.Key.Key_B)
    assert combo.hasFocus()
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def test_a_cancellation_refunds_the_way_chosen(qtbot, window, shop):
    order_id = place_order(qtbot, window, ("Rose Teapot", 1))
    pay(shop, order_id, "cash")
    window.bridge.sync()
    orders = orders_tab(window)
    orders.select_order(order_id)
    click(qtbot, orders.cancel_button)
    dialog = open_dialog(window, "cancelOrderDialog")
    choose_by_keyboard(qtbot, dialog, dialog.refund_combo, "Card")
    click(qtbot, dialog.ok_button)

    assert orders.action_message.text().endswith("Refund £24.99 to the customer by card.")
    last = shop.ask(GetOrder(order_id)).history[-1]
    assert (last.kind, last.method, last.by) == ("cancelled", "card", "Owner")
    assert orders.history_model.index(2, HistoryModel.EVENT).data().endswith("£24.99 refunded by card")


def test_enter_keeps_the_order_and_an_unpaid_one_asks_no_refund(qtbot, window, shop):
    order_id = place_order(qtbot, window, ("Rose Teapot", 1))
    orders = orders_tab(window)
    orders.select_order(order_id)
    click(qtbot, orders.cancel_button)
    dialog = open_dialog(window, "cancelOrderDialog")
    assert dialog.question.text() == f"Cancel order {order_id} and put its items back in stock?"
    assert not dialog.refund_combo.isVisible()  # nothing was paid
    assert dialog.cancel_button.text() == "&Keep order"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default: keep it
    assert not dialog.isVisible()
    assert status_cell(window, order_id) == "Placed"

    click(qtbot, orders.cancel_button)
    click(qtbot, open_dialog(window, "cancelOrderDialog").ok_button)
    assert status_cell(window, order_id) == "Cancelled"
    assert orders.action_message.text() == f"Order {order_id} cancelled; its items are back in stock."


def test_a_refused_cancellation_stays_open_with_the_cores_sentence(qtbot, window, shop, tmp_path):
    order_id = place_order(qtbot, window, ("Hand Trowel", 1))
    pay(shop, order_id)
    shop.dispatch(FulfilOrder(order_id))  # at another till, a moment before: too late to cancel
    orders = orders_tab(window)
    orders.select_order(order_id)
    dialog = orders.cancel_current()
    with pytest.raises(ShopError) as refusal:
        shop.dispatch(CancelOrder(order_id))
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.message.text() == str(refusal.value)
    assert shop.ask(GetOrder(order_id)).status == "fulfilled"
    dialog.reject()


def test_returning_part_of_a_line(qtbot, window, shop, catalog):
    order_id = place_order(qtbot, window, ("Café Latte Glass", 3), ("Rose Teapot", 1))
    pay(shop, order_id, "cash")
    window.bridge.sync()
    orders = orders_tab(window)
    orders.select_order(order_id)
    assert orders.return_button.isEnabled()
    click(qtbot, orders.return_button)
    dialog = open_dialog(window, "returnDialog")
    spin = dialog.spins[catalog.latte]
    assert spin.maximum() == 3  # what was sold
    type_into(qtbot, spin, "5")
    assert spin.value() <= 3  # cannot return more than was sold
    type_into(qtbot, spin, "2")
    assert not dialog.ok_button.isEnabled()  # no reason yet
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("faulty"))
    qtbot.keyClicks(dialog.note_edit, "cracked in the box")
    click(qtbot, dialog.ok_button)

    assert not dialog.isVisible()
    refund = dialog.result_value.refund_cents
    assert refund == 900  # two glasses at £4.50
    assert orders.action_message.text() == (
        f"2 items from order {order_id} back in stock. Refund £9.00 to the customer by cash."
    )
    assert stock_cell(window, "Café Latte Glass") == "19"
    assert shop.ask(GetStockHistory(catalog.latte))[-1].kind == "returned"
    lines = orders.lines_model
    glasses_row = next(r for r in range(lines.rowCount()) if lines.index(r, lines.PRODUCT).data() == "Café Latte Glass")
    assert lines.index(glasses_row, lines.RETURNED).data() == "2"
    returns = orders.returns_model
    assert returns.index(0, returns.ITEMS).data() == "2 × Café Latte Glass"
    assert returns.index(0, returns.REASON).data() == "Faulty: cracked in the box"
    assert returns.index(0, returns.REFUND).data() == "£9.00"

    # Only one glass is left to return, however the dialog is opened.
    dialog = orders.return_items()
    assert dialog.spins[catalog.latte].maximum() == 1
    assert dialog.spins[catalog.teapot].maximum() == 1
    dialog.reject()


def test_a_return_refunds_as_paid_or_the_way_chosen(qtbot, window, shop, catalog):
    order_id = place_order(qtbot, window, ("Café Latte Glass", 4))  # £18.00
    shop.dispatch(RecordPayment(order_id, "cash", 1000))
    shop.dispatch(RecordPayment(order_id, "card", 800))
    window.bridge.sync()
    orders = orders_tab(window)
    orders.select_order(order_id)

    # As paid: the card's part goes back first, then cash.
    click(qtbot, orders.return_button)
    dialog = open_dialog(window, "returnDialog")
    assert dialog.refund_combo.currentText() == "As paid"
    type_into(qtbot, dialog.spins[catalog.latte], "3")
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("unwanted"))
    click(qtbot, dialog.ok_button)
    assert orders.action_message.text() == (
        f"3 items from order {order_id} back in stock. Refund £13.50 to the customer by card + cash."
    )
    history = orders.history_model
    last = history.rowCount() - 1
    assert history.index(last, history.EVENT).data() == ("Returned 3 items (unwanted): £13.50 refunded by card + cash")
    assert history.index(last, history.BY).data() == "Owner"

    # The last one back in cash, chosen with the keyboard.
    click(qtbot, orders.return_button)
    dialog = open_dialog(window, "returnDialog")
    type_into(qtbot, dialog.spins[catalog.latte], "1")
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("faulty"))
    choose_by_keyboard(qtbot, dialog, dialog.refund_combo, "Cash")
    click(qtbot, dialog.ok_button)
    assert orders.action_message.text().endswith("Refund £4.50 to the customer by cash.")
    returns = [e for e in shop.ask(GetOrder(order_id)).history if e.kind == "return"]
    assert [(e.amount_cents, e.method, e.by) for e in returns] == [
        (1350, "card + cash", "Owner"),
        (450, "cash", "Owner"),
    ]


def test_the_history_says_who_did_each_thing(qtbot, window, shop):
    order_id = place_order(qtbot, window, ("Hand Trowel", 1))
    pay(shop, order_id)
    shop.dispatch(FulfilOrder(order_id))
    window.bridge.sync()
    orders = orders_tab(window)
    orders.select_order(order_id)
    orders.detail_tabs.setCurrentWidget(orders.history)
    history = orders.history_model
    assert history.headerData(history.BY, Qt.Orientation.Horizontal) == "By"
    assert [history.index(r, history.BY).data() for r in range(history.rowCount())] == ["Owner"] * 3
    assert orders.history.columnWidth(history.BY) >= 80


def test_a_return_taken_meanwhile_at_another_till_lowers_what_can_be_returned(qtbot, window, shop, catalog, tmp_path):
    from core.commands import ReturnItems, ReturnLine

    order_id = place_order(qtbot, window, ("Café Latte Glass", 3))
    pay(shop, order_id)
    window.bridge.sync()
    dialog = orders_tab(window).return_items(order_id)
    other_till = open_shop(tmp_path / "shop")
    other_till.dispatch(ReturnItems(order_id, (ReturnLine(catalog.latte, 2),), "unwanted"))
    other_till.close()
    window.bridge.sync()
    assert dialog.spins[catalog.latte].maximum() == 1
    assert dialog.returned_labels[catalog.latte].text() == "2"
    dialog.reject()


def test_a_refusal_shows_the_cores_sentence(qtbot, window, shop, tmp_path):
    order_id = place_order(qtbot, window, ("Hand Trowel", 1))
    pay(shop, order_id)
    window.bridge.sync()
    orders = orders_tab(window)
    orders.select_order(order_id)
    assert orders.fulfil_button.isEnabled()
    other_till = open_shop(tmp_path / "shop")  # cancels it a moment before the click
    other_till.dispatch(CancelOrder(order_id))
    other_till.close()
    with pytest.raises(ShopError) as refusal:
        shop.dispatch(FulfilOrder(order_id))

    click(qtbot, orders.fulfil_button)

    assert orders.action_message.isVisible()
    assert orders.action_message.text() == str(refusal.value)
    assert window.statusBar().currentMessage() == str(refusal.value)
    assert status_cell(window, order_id) == "Cancelled"  # the refusal brought the news
    assert not orders.fulfil_button.isEnabled()


def test_filtering_by_status_customer_number_and_dates(qtbot, window, shop):
    ann = shop.dispatch(AddCustomer("Ann Smith"))
    bob = shop.dispatch(AddCustomer("Bob Jones"))
    window.bridge.sync()
    walk_in = place_order(qtbot, window, ("Hand Trowel", 1))
    anns = place_order(qtbot, window, ("Rose Teapot", 1), customer_id=ann)
    bobs = place_order(qtbot, window, ("Café Latte Glass", 1), customer_id=bob)
    pay(shop, anns)
    shop.dispatch(CancelOrder(bobs))
    window.bridge.sync()
    orders = orders_tab(window)
    assert listed_orders(window) == [bobs, anns, walk_in]
    assert orders.count_label.text() == "3 orders"

    orders.status_filter.setCurrentIndex(orders.status_filter.findData("paid"))
    assert listed_orders(window) == [anns]
    assert orders.count_label.text() == "1 order matches the filters"
    orders.status_filter.setCurrentIndex(orders.status_filter.findData(None))
    orders.customer_filter.setCurrentIndex(orders.customer_filter.findText("Bob Jones"))
    assert listed_orders(window) == [bobs]
    assert orders.current_order_id() == bobs  # the only one: chosen
    click(qtbot, orders.clear_filters_button)
    assert listed_orders(window) == [bobs, anns, walk_in]

    qtbot.keyClicks(orders.number_search, str(anns))
    assert listed_orders(window) == [anns]
    assert orders.current_order_id() == anns
    assert not orders.status_filter.isEnabled()  # set aside while searching a number
    type_into(qtbot, orders.number_search, "99")
    assert listed_orders(window) == []
    assert orders.detail.text().startswith("Choose an order")
    type_into(qtbot, orders.number_search, "")
    assert orders.status_filter.isEnabled()

    today = QDate.currentDate()
    orders.date_from.setDate(today.addDays(1))
    assert listed_orders(window) == []
    orders.date_from.setDate(today)
    orders.date_to.setDate(today)
    assert listed_orders(window) == [bobs, anns, walk_in]
    orders.date_from.setDate(orders.date_from.minimumDate())
    assert orders.date_from.text() == "Any"
    orders.date_to.setDate(today.addDays(-1))
    assert listed_orders(window) == []
    assert orders.query().date_to == date.today() - timedelta(days=1)


def test_new_orders_appear_under_the_filters_that_match_them(qtbot, window, shop):
    orders = orders_tab(window)
    orders.status_filter.setCurrentIndex(orders.status_filter.findData("placed"))
    first = place_order(qtbot, window, ("Hand Trowel", 1))
    assert listed_orders(window) == [first]
    pay(shop, first)
    window.bridge.sync()
    assert listed_orders(window) == []  # paid now: not "placed"


def test_the_detail_pane_shows_discounts_tax_payments_and_returns(qtbot, window, shop, catalog):
    from core.commands import OrderLine, PlaceOrder, ReturnItems, ReturnLine
    from core.domain.pricing import Discount

    order_id = shop.dispatch(
        PlaceOrder(
            (OrderLine(catalog.latte, 2, Discount.percent(1000)), OrderLine(catalog.trowel, 1)),
            order_discount=Discount.amount(100),
        )
    )
    shop.dispatch(RecordPayment(order_id, "cash", shop.ask(GetOrder(order_id)).total_cents, 3000))
    shop.dispatch(ReturnItems(order_id, (ReturnLine(catalog.trowel, 1),), "unwanted"))
    window.bridge.sync()
    orders = orders_tab(window)
    orders.select_order(order_id)
    # Glasses: £9.00 less 10% (£0.90) = £8.10; trowel £12.50. The £1.00 order
    # discount splits 0.39 / 0.61 (by value); tax included at 20% on 7.71 and 11.89.
    lines = orders.lines_model
    assert [lines.index(0, c).data() for c in range(lines.columnCount())] == [
        "MUG-002",
        "Café Latte Glass",
        "2",
        "£4.50",
        "10% (-£1.29)",
        "20%: £1.29",
        "£7.71",
        "",
    ]
    assert [lines.index(1, c).data() for c in range(lines.columnCount())] == [
        "GDN-001",
        "Hand Trowel",
        "1",
        "£12.50",
        "-£0.61",
        "20%: £1.98",
        "£11.89",
        "1",
    ]
    payments = orders.payments_model
    assert [payments.index(0, c).data() for c in (1, 2, 3, 4)] == ["Cash", "£19.60", "£30.00", "£10.40"]
    assert orders.returns_model.rowCount() == 1
    assert orders.detail_tabs.tabText(2) == "Returns (1)"
    assert "refunded" in orders.money_summary.text()
    assert [orders.history_model.index(r, 1).data().split()[0] for r in range(3)] == ["Placed:", "Paid", "Returned"]
