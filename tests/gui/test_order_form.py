"""The counter's order form: discounts, the core's totals, the customer, the
request id, and paying right after Place Order."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from core.commands import AddCustomer
from core.domain.pricing import Discount
from core.queries import GetOrder, GetOrders, GetProducts
from tests.gui.helpers import add_to_order, click, click_index, open_dialog, place_order, stock_cell, type_into


def choose_line(qtbot, window, row: int) -> None:
    form = window.order_form
    click_index(qtbot, form.table, form.cart.index(row, 0))


def test_new_widgets_have_stable_object_names(window):
    for kind, name in [
        (QComboBox, "customerPicker"),
        (QLineEdit, "lineDiscountEdit"),
        (QLineEdit, "orderDiscountEdit"),
        (QLabel, "subtotalLabel"),
        (QLabel, "discountTotalLabel"),
        (QLabel, "taxLabel"),
        (QLabel, "orderTotal"),
    ]:
        assert window.findChild(kind, name) is not None, name


def test_line_and_order_discounts_give_the_cores_exact_totals(qtbot, window, shop, catalog):
    form = window.order_form
    add_to_order(qtbot, window, "Café Latte Glass", 3)  # 3 x £4.50 = £13.50
    add_to_order(qtbot, window, "Hand Trowel", 1)  # £12.50
    assert form.subtotal.text() == "£26.00"
    assert form.total.text() == "Total £26.00"
    assert not form.line_discount.isEnabled()  # no line chosen yet

    choose_line(qtbot, window, 0)
    type_into(qtbot, form.line_discount, "10%")  # £1.35 off the glasses
    cart = form.cart
    assert cart.index(0, cart.DISCOUNT).data() == "10%"
    assert cart.index(0, cart.TOTAL).data() == "£12.15"
    type_into(qtbot, form.order_discount, "2.00")  # then £2.00 off the order

    # 26.00 - 1.35 - 2.00 = 22.65; tax included at 20%, per line: 12.15 and 12.50
    # less their shares of the £2.00 (0.99 and 1.01) give 11.16 and 11.49, whose
    # tax is 1.86 and 1.92.
    assert form.subtotal.text() == "£26.00"
    assert form.discounts.text() == "-£3.35"
    assert form.tax_caption.text() == "Tax included (20%)"
    assert form.tax.text() == "£3.78"
    assert form.total.text() == "Total £22.65"

    order_id = place_order(qtbot, window)
    order = shop.ask(GetOrder(order_id))
    assert (order.total_cents, order.discount_cents, order.tax_cents) == (2265, 335, 378)
    glasses = next(line for line in order.lines if line.product_id == catalog.latte)
    assert glasses.discount == Discount.percent(1000)
    assert order.order_discount == Discount.amount(200)
    assert "Order 1 placed: 4 items, £22.65." in window.statusBar().currentMessage()
    # The form is ready for the next customer.
    assert form.cart.rowCount() == 0 and form.order_discount.text() == ""
    assert form.total.text() == "Total £0.00"


def test_an_amount_off_a_line_and_text_that_is_no_discount(qtbot, window, shop):
    form = window.order_form
    add_to_order(qtbot, window, "Rose Teapot", 2)  # £49.98
    choose_line(qtbot, window, 0)
    type_into(qtbot, form.line_discount, "50")  # an amount off the whole line, not 50%
    assert form.cart.index(0, form.cart.DISCOUNT).data() == "-£49.98"
    assert form.total.text() == "Total £0.00"  # never more than the line
    type_into(qtbot, form.line_discount, "4.98")
    assert form.total.text() == "Total £45.00"

    type_into(qtbot, form.line_discount, "ten percent")
    assert form.discount_message.isVisible()
    assert "percentage such as 10%" in form.discount_message.text()
    assert not form.place_button.isEnabled()
    type_into(qtbot, form.line_discount, "")
    assert not form.discount_message.isVisible()
    assert form.place_button.isEnabled()
    assert form.total.text() == "Total £49.98"

    type_into(qtbot, form.order_discount, "150%")
    assert form.discount_message.isVisible() and not form.place_button.isEnabled()
    type_into(qtbot, form.order_discount, "100%")
    assert form.total.text() == "Total £0.00"
    assert form.place_button.isEnabled()


def test_choosing_another_line_shows_its_own_discount(qtbot, window):
    form = window.order_form
    add_to_order(qtbot, window, "Rose Teapot", 1)
    add_to_order(qtbot, window, "Hand Trowel", 1)
    choose_line(qtbot, window, 1)
    type_into(qtbot, form.line_discount, "5%")
    choose_line(qtbot, window, 0)
    assert form.line_discount.text() == ""
    choose_line(qtbot, window, 1)
    assert form.line_discount.text() == "5%"
    click(qtbot, form.remove_button)
    assert form.cart.rowCount() == 1 and form.line_discount.text() == ""
    choose_line(qtbot, window, 0)
    click(qtbot, form.remove_button)
    assert not form.line_discount.isEnabled()


def test_paying_cash_right_after_placing_shows_the_change(qtbot, window, shop):
    add_to_order(qtbot, window, "Café Latte Glass", 3)
    add_to_order(qtbot, window, "Hand Trowel", 1)
    click(qtbot, window.order_form.place_button)

    dialog = open_dialog(window, "payDialog")
    assert dialog.heading.text() == "£26.00 to pay"
    assert dialog.method_buttons["cash"].isChecked()
    assert dialog.findChild(QLabel, "changeLabel").text() == "£0.00"  # blank tendered: the exact amount
    tendered = dialog.findChild(QLineEdit, "tenderedEdit")
    type_into(qtbot, tendered, "20")
    assert dialog.tendered_error.text() == "£6.00 short of £26.00."
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, tendered, "30.005")  # a fraction of a penny is no amount
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, tendered, "£30")
    assert dialog.change_label.text() == "£4.00"
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)

    assert not dialog.isVisible()
    order = shop.ask(GetOrder(1))
    assert order.status == "paid"
    [payment] = order.payments
    assert (payment.method, payment.amount_cents, payment.tendered_cents, payment.change_cents) == (
        "cash",
        2600,
        3000,
        400,
    )
    assert window.statusBar().currentMessage() == "Order 1 paid by cash. Change: £4.00."


def test_paying_by_card_and_part_payments(qtbot, window, shop):
    add_to_order(qtbot, window, "Rose Teapot", 1)
    click(qtbot, window.order_form.place_button)
    dialog = open_dialog(window, "payDialog")
    click(qtbot, dialog.method_buttons["card"])
    assert not dialog.tendered_edit.isEnabled()
    type_into(qtbot, dialog.amount_edit, "30")
    assert dialog.amount_error.text() == "Only £24.99 is due."
    type_into(qtbot, dialog.amount_edit, "20")
    click(qtbot, dialog.ok_button)
    order = shop.ask(GetOrder(1))
    assert (order.status, order.paid_cents, order.due_cents) == ("placed", 2000, 499)
    # Open still, for the rest (a split payment); "Later" leaves it due.
    assert dialog.isVisible() and dialog.heading.text() == "£4.99 still to pay (of £24.99)"
    click(qtbot, dialog.cancel_button)
    assert "£4.99 still to pay" in window.statusBar().currentMessage()


def test_a_split_payment_card_then_cash_in_one_dialog(qtbot, window, shop):
    add_to_order(qtbot, window, "Rose Teapot", 1)  # £24.99
    click(qtbot, window.order_form.place_button)
    dialog = open_dialog(window, "payDialog")
    click(qtbot, dialog.method_buttons["card"])
    type_into(qtbot, dialog.amount_edit, "20")
    click(qtbot, dialog.ok_button)
    assert dialog.method() == "cash" and dialog.amount_edit.text() == "4.99"
    assert dialog.taken_label.text().startswith("Taken: £20.00 by card.")
    type_into(qtbot, dialog.tendered_edit, "5")
    assert dialog.change_label.text() == "£0.01"
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    order = shop.ask(GetOrder(1))
    assert (order.status, order.paid_cents) == ("paid", 2499)
    assert [(p.method, p.amount_cents) for p in order.payments] == [("card", 2000), ("cash", 499)]
    assert window.statusBar().currentMessage() == "Order 1: £20.00 by card, £4.99 by cash. Change: £0.01."


def test_quick_cash_pays_with_one_click(qtbot, window, shop):
    add_to_order(qtbot, window, "Rose Teapot", 1)  # £24.99
    click(qtbot, window.order_form.place_button)
    dialog = open_dialog(window, "payDialog")
    assert [b.text() for b in dialog.note_buttons] == ["£25.00", "£30.00", "£40.00"]
    click(qtbot, dialog.note_buttons[1])
    order = shop.ask(GetOrder(1))
    assert order.status == "paid" and order.payments[0].tendered_cents == 3000
    assert window.statusBar().currentMessage() == "Order 1 paid by cash. Change: £5.01."


def test_quick_cash_exact(qtbot, window, shop):
    add_to_order(qtbot, window, "Rose Teapot", 1)
    click(qtbot, window.order_form.place_button)
    dialog = open_dialog(window, "payDialog")
    click(qtbot, dialog.method_buttons["card"])  # the exact button means cash whatever was chosen
    click(qtbot, dialog.exact_button)
    assert shop.ask(GetOrder(1)).payments[0].method == "cash"


def test_skipping_payment_leaves_the_order_placed(qtbot, window, shop):
    order_id = place_order(qtbot, window, ("Hand Trowel", 2))  # "Later"
    assert shop.ask(GetOrder(order_id)).status == "placed"
    window.tabs.setCurrentIndex(1)
    window.orders.select_order(order_id)
    assert window.orders.pay_button.isEnabled()
    assert stock_cell(window, "Hand Trowel") == "10"


def test_each_order_form_has_its_own_request_id(qtbot, window, shop):
    form = window.order_form
    first_id = form.request_id
    add_to_order(qtbot, window, "Hand Trowel", 1)
    sent = []
    window.bridge.commandSucceeded.connect(lambda command, result: sent.append(command))
    order_id = place_order(qtbot, window)
    assert sent[0].request_id == first_id
    assert form.request_id != first_id  # the next order is another order
    # The same command again (a retry) is the same order, and takes no more stock.
    assert window.bridge.dispatch(sent[0]).result == order_id
    assert len(shop.ask(GetOrders())) == 1
    assert stock_cell(window, "Hand Trowel") == "11"


def test_a_refused_order_keeps_its_request_id_and_lines(qtbot, window):
    form = window.order_form
    add_to_order(qtbot, window, "Blue Enamel Mug", 5)  # only 3
    request_id = form.request_id
    click(qtbot, form.place_button)
    assert form.message.text() == "Only 3 left of Blue Enamel Mug."
    assert form.request_id == request_id and form.cart.rowCount() == 1


def test_picking_an_existing_customer_by_typing_part_of_them(qtbot, window, shop):
    ann = shop.dispatch(AddCustomer("Ann Smith", "07700 900123"))
    shop.dispatch(AddCustomer("Bob Jones", email="bob@example.org"))
    window.bridge.sync()
    picker = window.order_form.customer_picker
    assert picker.currentText() == "Walk-in" and picker.customer_id() is None
    type_into(qtbot, picker.lineEdit(), "900123")  # part of her phone number
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert picker.customer_id() == ann
    assert picker.currentText() == "Ann Smith (07700 900123)"
    type_into(qtbot, picker.lineEdit(), "nobody at all")
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert picker.customer_id() == ann  # text naming no one is put back

    order_id = place_order(qtbot, window, ("Hand Trowel", 1))
    assert shop.ask(GetOrder(order_id)).customer_name == "Ann Smith"
    assert picker.customer_id() is None  # the next order starts as a walk-in


def test_a_new_customer_from_the_order_form(qtbot, window, shop):
    picker = window.order_form.customer_picker
    type_into(qtbot, picker.lineEdit(), "Dana Scully")
    click(qtbot, window.order_form.new_customer_button)
    dialog = open_dialog(window, "customerDialog")
    assert dialog.name_edit.text() == "Dana Scully"  # what was typed
    qtbot.keyClicks(dialog.phone_edit, "01632 960002")
    click(qtbot, dialog.ok_button)

    assert picker.currentText() == "Dana Scully (01632 960002)"
    order_id = place_order(qtbot, window, ("Rose Teapot", 1))
    order = shop.ask(GetOrder(order_id))
    assert order.customer_name == "Dana Scully"
    assert shop.ask(GetOrders(customer_id=order.customer_id))[0].id == order_id


def test_totals_follow_a_price_change_made_meanwhile(qtbot, window, shop, catalog):
    from core.commands import UpdateProduct

    add_to_order(qtbot, window, "Hand Trowel", 2)
    trowel = shop.ask(GetProducts(search="trowel"))[0]
    window.bridge.dispatch(UpdateProduct(trowel.id, trowel.sku, trowel.name, trowel.category_id, 1000))
    assert window.order_form.total.text() == "Total £20.00"
    window.order_form.place_order()
    assert shop.ask(GetOrders())[0].total_cents == 2000
    open_dialog(window, "payDialog").reject()


def test_ctrl_enter_with_a_discount_places_one_order(qtbot, window, shop):
    add_to_order(qtbot, window, "Rose Teapot", 1)
    type_into(qtbot, window.order_form.order_discount, "10%")
    qtbot.keyClick(window.catalog.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.catalog.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [o.total_cents for o in shop.ask(GetOrders())] == [2249]
