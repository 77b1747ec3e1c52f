"""Stock at the back office: receive, adjust, the history, the Low stock tab."""

from core import open_shop
from core.commands import OrderLine, PlaceOrder
from core.queries import GetProduct, GetStockHistory
from tests.gui.helpers import (
    add_to_order,
    button,
    click,
    click_index,
    click_product,
    open_dialog,
    stock_cell,
    type_into,
)


def test_receive_stock(qtbot, window, shop, catalog):
    click_product(qtbot, window, "Hand Trowel")
    click(qtbot, button(window, "receiveStockButton"))
    dialog = open_dialog(window, "receiveStockDialog")
    assert dialog.current_label.text() == "12"
    assert dialog.result_label.text() == "13"  # one, until told otherwise
    type_into(qtbot, dialog.quantity_spin, "8")
    assert dialog.result_label.text() == "20"
    qtbot.keyClicks(dialog.note_edit, "Acme Tools, delivery 4471")
    click(qtbot, dialog.ok_button)

    assert not dialog.isVisible()
    assert stock_cell(window, "Hand Trowel") == "20"
    last = shop.ask(GetStockHistory(catalog.trowel))[-1]
    assert (last.kind, last.quantity, last.stock_after, last.note) == ("received", 8, 20, "Acme Tools, delivery 4471")
    assert window.statusBar().currentMessage() == "Received 8 of Hand Trowel: 20 in stock."


def test_the_stock_dialogs_follow_a_sale_made_meanwhile(qtbot, window, shop, catalog, tmp_path):
    click_product(qtbot, window, "Hand Trowel")
    dialog = window.catalog.product_actions.receive_stock()
    other_till = open_shop(tmp_path / "shop")
    other_till.dispatch(PlaceOrder((OrderLine(catalog.trowel, 2),)))
    other_till.close()
    window.bridge.sync()
    assert dialog.current_label.text() == "10"
    assert dialog.result_label.text() == "11"
    dialog.reject()


def test_adjust_stock_to_a_counted_quantity(qtbot, window, shop, catalog):
    click_product(qtbot, window, "Hand Trowel")
    click(qtbot, button(window, "adjustStockButton"))
    dialog = open_dialog(window, "adjustStockDialog")
    assert dialog.counted_radio.isChecked()
    assert dialog.counted_spin.value() == 12
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.counted_spin, "10")
    assert dialog.result_label.text() == "10"
    assert not dialog.ok_button.isEnabled()  # no reason yet
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("stock-take"))
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)

    assert stock_cell(window, "Hand Trowel") == "10"
    last = shop.ask(GetStockHistory(catalog.trowel))[-1]
    assert (last.kind, last.quantity, last.reason) == ("adjusted", -2, "stock-take")


def test_adjust_stock_by_a_signed_correction(qtbot, window, shop, catalog):
    click_product(qtbot, window, "Hand Trowel")
    dialog = window.catalog.product_actions.adjust_stock()
    click(qtbot, dialog.change_radio)
    assert dialog.change_spin.isEnabled() and not dialog.counted_spin.isEnabled()
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("damaged"))
    type_into(qtbot, dialog.change_spin, "-15")
    assert dialog.amount_message.text() == "Only 12 in stock: cannot take away 15."
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.change_spin, "0")
    assert dialog.amount_message.text() == "A change of 0 changes nothing."
    type_into(qtbot, dialog.change_spin, "-3")
    assert not dialog.amount_message.isVisible()
    assert dialog.result_label.text() == "9"
    qtbot.keyClicks(dialog.note_edit, "dropped")
    click(qtbot, dialog.ok_button)

    assert shop.ask(GetProduct(catalog.trowel)).stock == 9
    last = shop.ask(GetStockHistory(catalog.trowel))[-1]
    assert (last.quantity, last.reason, last.note) == (-3, "damaged", "dropped")


def test_a_count_overtaken_by_a_sale_is_refused_and_kept(qtbot, window, shop, catalog, tmp_path):
    click_product(qtbot, window, "Hand Trowel")
    dialog = window.catalog.product_actions.adjust_stock()
    type_into(qtbot, dialog.counted_spin, "9")
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("stock-take"))
    other_till = open_shop(tmp_path / "shop")
    other_till.dispatch(PlaceOrder((OrderLine(catalog.trowel, 1),)))
    other_till.close()
    click(qtbot, dialog.ok_button)
    # Our read model had not seen that sale, so the dialog let it through; the core refuses.
    assert dialog.isVisible()
    assert dialog.message.text() == "Stock of Hand Trowel changed from 12 to 11 while you counted; please count again."
    assert dialog.counted_spin.value() == 9
    assert dialog.current_label.text() == "11"
    assert not dialog.ok_button.isEnabled()
    assert "count again" in dialog.amount_message.text()
    type_into(qtbot, dialog.counted_spin, "8")  # counted again
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert shop.ask(GetProduct(catalog.trowel)).stock == 8


def test_a_sale_seen_while_counting_asks_for_a_new_count(qtbot, window, catalog):
    click_product(qtbot, window, "Hand Trowel")
    dialog = window.catalog.product_actions.adjust_stock()
    type_into(qtbot, dialog.counted_spin, "10")
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("stock-take"))
    add_to_order(qtbot, window, "Hand Trowel", 1)
    click(qtbot, window.order_form.place_button)
    assert dialog.amount_message.text() == (
        "Stock changed from 12 to 11 since the count was typed (a sale?): count again."
    )
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def test_stock_history_lists_every_movement(qtbot, window, shop, catalog):
    add_to_order(qtbot, window, "Hand Trowel", 2)
    click(qtbot, window.order_form.place_button)
    from core.commands import AdjustStock, ReceiveStock

    window.bridge.dispatch(ReceiveStock(catalog.trowel, 5, "Acme"))
    window.bridge.dispatch(AdjustStock(catalog.trowel, "lost", change=-1, note="shelf 3"))
    click_product(qtbot, window, "Hand Trowel")
    click(qtbot, button(window, "stockHistoryButton"))
    dialog = open_dialog(window, "stockHistoryDialog")
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(1, model.columnCount())] for r in range(model.rowCount())]
    assert rows == [
        ["Received", "+12", "12", "Opening stock", "", "Owner"],
        ["Sold", "-2", "10", "", "1", "Owner"],
        ["Received", "+5", "15", "Acme", "", "Owner"],
        ["Adjusted", "-1", "14", "Lost: shelf 3", "", "Owner"],
    ]
    assert model.index(0, model.TIME).data()  # a local time, e.g. "26 Nov 2026 22:31"
    assert "14 in stock, 4 movements" in dialog.heading.text()
    assert dialog.table.objectName() == "stockHistoryTable"

    # Not modal, and kept current: a sale while it is open shows up.
    add_to_order(qtbot, window, "Hand Trowel", 1)
    click(qtbot, window.order_form.place_button)
    assert model.rowCount() == 5
    assert model.index(4, model.QUANTITY).data() == "-1"
    dialog.close()


def tab_text(window) -> str:
    return window.tabs.tabText(2).replace("&", "")


def test_low_stock_tab_counts_and_follows_every_command(qtbot, window, shop, catalog):
    # Rose Teapot: 5 at reorder level 5; Blue Enamel Mug: 3 at reorder level 1.
    assert tab_text(window) == "Low stock (1)"
    low = window.low_stock
    assert [low.model.product_at(r).name for r in range(low.model.rowCount())] == ["Rose Teapot"]

    add_to_order(qtbot, window, "Blue Enamel Mug", 2)
    click(qtbot, window.order_form.place_button)
    assert tab_text(window) == "Low stock (2)"
    assert low.model.index(0, low.model.NAME).data() == "Blue Enamel Mug"
    assert low.model.index(0, low.model.CATEGORY).data() == "Kitchen / Mugs"
    assert low.model.index(0, low.model.STOCK).data() == "1"

    # Received from the Low stock tab itself.
    window.tabs.setCurrentIndex(2)
    click_index(qtbot, low.table, low.model.index(0, low.model.NAME))
    click(qtbot, low.receive_button)
    dialog = open_dialog(window, "receiveStockDialog")
    type_into(qtbot, dialog.quantity_spin, "10")
    click(qtbot, dialog.ok_button)
    assert tab_text(window) == "Low stock (1)"
    assert low.heading.text() == "1 product at or below the reorder level"


def test_a_sale_of_well_stocked_products_leaves_the_low_stock_list_alone(qtbot, window):
    low = window.low_stock
    resets = []
    low.model.modelReset.connect(lambda: resets.append(1))
    add_to_order(qtbot, window, "Hand Trowel", 1)  # well above its reorder level
    click(qtbot, window.order_form.place_button)
    assert resets == [] and tab_text(window) == "Low stock (1)"
    add_to_order(qtbot, window, "Blue Enamel Mug", 2)  # 3 -> 1: at its reorder level now
    click(qtbot, window.order_form.place_button)
    assert resets == [1] and tab_text(window) == "Low stock (2)"
