"""Suspicious input is asked about before it is accepted, and letters in a
number field are refused where the person sees them, never dropped."""

from PySide6.QtCore import Qt

from core.commands import ReceiveStock
from core.queries import GetOrders, GetProduct
from tests.gui.helpers import add_to_order, click, type_into


def receive_dialog(window, catalog):
    window.catalog.select_product(catalog.mug)
    return window.catalog.product_actions.receive_stock()


def stock(shop, product_id) -> int:
    return shop.ask(GetProduct(product_id)).stock


def test_letters_in_a_quantity_are_kept_in_sight_and_refused(qtbot, window, shop, catalog):
    dialog = receive_dialog(window, catalog)
    spin = dialog.quantity_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "24 DN-4471")  # a quantity, then a delivery note's number
    assert spin.typed() == "24 DN-4471"  # nothing dropped: what was typed is what is seen
    assert dialog.message.isVisible()
    assert dialog.message.text() == "“24 DN-4471” is not a whole number: type digits only."
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # Enter: the default button, disabled; nothing sent
    assert stock(shop, catalog.mug) == 3
    dialog.note_edit.setFocus()  # leaving the field keeps the text as typed
    assert spin.typed() == "24 DN-4471"

    type_into(qtbot, spin, "24")
    assert not dialog.message.isVisible() and dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)
    assert stock(shop, catalog.mug) == 27


def test_a_large_delivery_is_asked_about(qtbot, window, shop, catalog):
    dialog = receive_dialog(window, catalog)
    asked = []
    dialog.confirm = lambda question: asked.append(question) or False  # "Change it"
    type_into(qtbot, dialog.quantity_spin, "5000")
    click(qtbot, dialog.ok_button)
    assert asked == ["Receive 5,000 units of Blue Enamel Mug (usually 3)? That is an unusually large delivery."]
    assert stock(shop, catalog.mug) == 3 and dialog.isVisible()
    dialog.confirm = lambda question: True  # "Receive"
    click(qtbot, dialog.ok_button)
    assert stock(shop, catalog.mug) == 5003


def test_ten_times_the_usual_delivery_is_asked_about(qtbot, window, shop, catalog):
    shop.dispatch(ReceiveStock(catalog.mug, 12))  # after the opening 3: usually 12
    shop.dispatch(ReceiveStock(catalog.mug, 14))
    window.bridge.sync()
    dialog = receive_dialog(window, catalog)
    asked = []
    dialog.confirm = lambda question: asked.append(question) or False
    type_into(qtbot, dialog.quantity_spin, "121")
    click(qtbot, dialog.ok_button)
    assert asked == ["Receive 121 units of Blue Enamel Mug (usually 12)? That is an unusually large delivery."]
    type_into(qtbot, dialog.quantity_spin, "120")  # not above ten times the usual
    click(qtbot, dialog.ok_button)
    assert len(asked) == 1 and stock(shop, catalog.mug) == 3 + 12 + 14 + 120


def test_a_cost_above_the_price_is_asked_about(qtbot, window, shop, catalog):
    window.catalog.select_product(catalog.trowel)
    dialog = window.catalog.product_actions.edit_product()
    asked = []
    dialog.confirm = lambda question: asked.append(question) or False
    type_into(qtbot, dialog.cost_edit, "15.00")
    click(qtbot, dialog.ok_button)
    assert asked == ["The cost price, £15.00, is above the price, £12.50: sell at a loss?"]
    assert shop.ask(GetProduct(catalog.trowel)).cost_price_cents is None


def test_a_line_discount_larger_than_the_line_is_asked_about(qtbot, window, shop):
    add_to_order(qtbot, window, "Blue Enamel Mug", 1)  # £8.99
    form = window.order_form
    form.table.selectRow(0)
    type_into(qtbot, form.line_discount, "15.00")
    asked = []
    form.confirm = lambda question: asked.append(question) or False
    click(qtbot, form.place_button)
    assert asked == ["The discount on Blue Enamel Mug, £15.00, is more than the line (£8.99): give the line away free?"]
    assert shop.ask(GetOrders()) == () or not shop.ask(GetOrders())
    assert form.cart.rowCount() == 1


def test_letters_in_the_order_quantity_are_refused_not_dropped(qtbot, window):
    from tests.gui.helpers import click_product

    click_product(qtbot, window, "Hand Trowel")
    spin = window.order_form.quantity
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "2x")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    form = window.order_form
    assert form.cart.rowCount() == 0
    assert form.message.text() == "Quantity: “2x” is not a whole number: type digits only."
    type_into(qtbot, spin, "2")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert [(line.product.name, line.quantity) for line in form.cart.lines()] == [("Hand Trowel", 2)]
