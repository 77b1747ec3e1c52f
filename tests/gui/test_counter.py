"""The counter as a person uses it: browse, search, build an order, place it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QTreeView

from core import open_shop
from core.commands import OrderLine, PlaceOrder
from core.queries import GetOrders, GetProducts
from shop_gui.models.product_table_model import ProductTableModel
from tests.gui.helpers import (
    add_to_order,
    choose_category,
    click,
    click_product,
    listed_names,
    open_dialog,
    stock_cell,
)


def test_widgets_have_stable_object_names(window):
    for kind, name in [
        (QTreeView, "categoryTree"),
        (QTableView, "productTable"),
        (QLineEdit, "productSearch"),
        (QSpinBox, "quantitySpinBox"),
        (QPushButton, "addToCartButton"),
        (QTableView, "cartTable"),
        (QPushButton, "placeOrderButton"),
        (QTableView, "ordersTable"),
    ]:
        assert window.findChild(kind, name) is not None, name
    assert window.findChild(QPushButton, "placeOrderButton").text() == "Place Order"


def test_opens_on_all_products_with_counts(window):
    tree = window.catalog.tree
    assert tree.currentIndex().data() == "All products (4)"
    assert listed_names(window) == ["Blue Enamel Mug", "Café Latte Glass", "Hand Trowel", "Rose Teapot"]
    labels = []
    model = tree.model()
    kitchen = model.index(0, 0, model.index(0, 0))
    labels = [model.index(r, 0, model.index(0, 0)).data() for r in range(model.rowCount(model.index(0, 0)))]
    assert labels == ["Garden (1)", "Kitchen (3)"]
    assert model.index(0, 0, kitchen.siblingAtRow(1)).data() == "Mugs (2)"


def test_choosing_a_category_lists_it_and_its_subcategories(qtbot, window):
    choose_category(qtbot, window, "Kitchen")
    assert listed_names(window) == ["Blue Enamel Mug", "Café Latte Glass", "Rose Teapot"]
    choose_category(qtbot, window, "Mugs")
    assert listed_names(window) == ["Blue Enamel Mug", "Café Latte Glass"]
    assert "2 products in Mugs" in window.catalog.heading.full_text()


def test_search_as_you_type_covers_the_whole_catalog_ignoring_case(qtbot, window):
    choose_category(qtbot, window, "Garden")
    qtbot.keyClicks(window.catalog.search, "MUG")
    assert listed_names(window) == ["Blue Enamel Mug", "Café Latte Glass"]  # SKU MUG-002 too
    window.catalog.search.clear()
    qtbot.keyClicks(window.catalog.search, "cafe")  # accents ignored as well
    assert listed_names(window) == ["Café Latte Glass"]
    qtbot.keyClicks(window.catalog.search, "xyz")
    assert listed_names(window) == []


def test_place_order_stores_it_drops_stock_and_updates_every_list(qtbot, window, shop):
    add_to_order(qtbot, window, "Café Latte Glass", 3)
    add_to_order(qtbot, window, "Hand Trowel", 1)
    assert window.order_form.cart.rowCount() == 2
    assert window.order_form.total.text() == "Total £26.00"

    click(qtbot, window.order_form.place_button)

    assert stock_cell(window, "Café Latte Glass") == "17"
    assert stock_cell(window, "Hand Trowel") == "11"
    assert window.order_form.cart.rowCount() == 0
    assert "Order 1 placed: 4 items, £26.00." in window.statusBar().currentMessage()
    window.tabs.setCurrentWidget(window.orders)  # a hidden tab's list catches up when shown
    orders = window.orders.orders_model
    assert orders.rowCount() == 1
    assert orders.index(0, orders.TOTAL).data() == "£26.00"
    assert orders.index(0, orders.STATUS).data() == "Placed"
    assert [o.total_cents for o in shop.ask(GetOrders())] == [2600]


def test_place_order_keeps_the_product_selection_and_scroll_position(qtbot, tmp_path):
    from core.demo import seed_demo_shop
    from shop_gui.main_window import MainWindow

    shop = open_shop(tmp_path / "demo")
    seed_demo_shop(shop)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    table = window.catalog.table
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    model = window.catalog.product_model
    row = table.rowAt(table.viewport().height() // 2)
    product = model.product_at(row)
    if product.stock == 0:
        row += 1
        product = model.product_at(row)
    click_product(qtbot, window, product.name)
    scroll = table.verticalScrollBar().value()
    click(qtbot, window.order_form.add_button)
    click(qtbot, window.order_form.place_button)

    assert model.product_at(row).stock == product.stock - 1
    assert table.verticalScrollBar().value() == scroll
    assert window.catalog.selected_product().id == product.id
    window.close()
    shop.close()


def test_out_of_stock_order_shows_the_reason_and_changes_nothing(qtbot, window, shop):
    add_to_order(qtbot, window, "Blue Enamel Mug", 5)
    click(qtbot, window.order_form.place_button)

    message = window.findChild(QLabel, "orderMessage")
    assert message.isVisible()
    assert message.text() == "Only 3 left of Blue Enamel Mug."
    assert window.order_form.cart.rowCount() == 1  # the lines are kept
    assert stock_cell(window, "Blue Enamel Mug") == "3"
    assert window.orders.orders_model.rowCount() == 0
    assert shop.ask(GetOrders()) == ()


def test_stock_sold_meanwhile_at_another_till(qtbot, window, shop, catalog, tmp_path):
    add_to_order(qtbot, window, "Blue Enamel Mug", 2)
    other_till = open_shop(tmp_path / "shop")
    other_till.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
    other_till.close()

    click(qtbot, window.order_form.place_button)

    assert window.order_form.message.text() == "Only 1 left of Blue Enamel Mug."
    assert window.order_form.cart.rowCount() == 1
    # The refusal brought the other till's sale on screen.
    assert stock_cell(window, "Blue Enamel Mug") == "1 low"
    window.tabs.setCurrentWidget(window.orders)  # a hidden tab's list catches up when shown
    assert window.orders.orders_model.rowCount() == 1


def test_other_tills_sales_appear_without_any_click(qtbot, shop, catalog, tmp_path):
    from shop_gui.main_window import MainWindow

    window = MainWindow(shop, poll_interval_ms=20)  # the app's poll, 2 s, made short
    qtbot.addWidget(window)
    window.show()
    other_till = open_shop(tmp_path / "shop")
    other_till.dispatch(PlaceOrder((OrderLine(catalog.trowel, 4),)))
    other_till.close()
    qtbot.waitUntil(lambda: stock_cell(window, "Hand Trowel") == "8", timeout=5000)
    window.close()


def test_empty_order_cannot_be_placed(qtbot, window, shop):
    assert not window.order_form.place_button.isEnabled()
    qtbot.keyClick(window.catalog.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.order_form.message.text() == "The order is empty: add at least one product."
    assert shop.ask(GetOrders()) == ()


def test_double_click_on_place_order_creates_one_order(qtbot, window, shop):
    add_to_order(qtbot, window, "Hand Trowel", 1)
    qtbot.mouseDClick(window.order_form.place_button, Qt.MouseButton.LeftButton)
    click(qtbot, window.order_form.place_button)
    assert len(shop.ask(GetOrders())) == 1
    assert stock_cell(window, "Hand Trowel") == "11"


def test_ctrl_enter_places_the_order(qtbot, window, shop):
    add_to_order(qtbot, window, "Rose Teapot", 1)
    qtbot.keyClick(window.catalog.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(shop.ask(GetOrders())) == 1


def test_scanning_a_code_adds_it_and_scanning_again_adds_one_more(qtbot, window):
    search = window.catalog.search
    for code in ("5012345000017", "MUG-001"):  # its barcode, then its SKU
        qtbot.keyClicks(search, code)
        qtbot.keyClick(search, Qt.Key.Key_Return)
    cart = window.order_form.cart
    assert cart.rowCount() == 1
    assert cart.index(0, cart.QUANTITY).data() == "2"
    assert search.text() == ""  # ready for the next scan


def test_enter_adds_the_single_match_and_refuses_unknown_codes(qtbot, window):
    search = window.catalog.search
    qtbot.keyClicks(search, "trowel")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.order_form.cart.rowCount() == 1
    qtbot.keyClicks(search, "NOPE-999")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.order_form.cart.rowCount() == 1
    assert window.statusBar().currentMessage() == 'No product has the code "NOPE-999".'
    assert search.hasFocus() or not window.isActiveWindow()  # no dialog stole it


def test_remove_a_line(qtbot, window):
    add_to_order(qtbot, window, "Rose Teapot", 1)
    add_to_order(qtbot, window, "Hand Trowel", 2)
    cart_table = window.order_form.table
    from tests.gui.helpers import click_index

    click_index(qtbot, cart_table, window.order_form.cart.index(0, 0))
    click(qtbot, window.order_form.remove_button)
    assert window.order_form.cart.rowCount() == 1
    assert window.order_form.total.text() == "Total £25.00"


def test_low_stock_is_marked(window):
    model = window.catalog.product_model
    from tests.gui.helpers import product_row

    low = model.index(product_row(window, "Rose Teapot"), model.STOCK)  # 5 at reorder level 5
    fine = model.index(product_row(window, "Hand Trowel"), model.STOCK)
    assert low.data() == "5 low"
    assert low.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert fine.data(Qt.ItemDataRole.BackgroundRole) is None


def test_sorting_by_a_column_header_keeps_the_selection(qtbot, window):
    click_product(qtbot, window, "Rose Teapot")
    header = window.catalog.table.horizontalHeader()
    stock_x = header.sectionViewportPosition(3) + header.sectionSize(3) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.viewport().rect().center().__class__(stock_x, 5)
    )
    stocks = [window.catalog.product_model.product_at(r).stock for r in range(4)]
    assert stocks == sorted(stocks)
    assert window.catalog.selected_product().name == "Rose Teapot"


def test_orders_tab_cancels_an_order_and_puts_stock_back(qtbot, window, shop):
    add_to_order(qtbot, window, "Hand Trowel", 3)
    click(qtbot, window.order_form.place_button)
    assert stock_cell(window, "Hand Trowel") == "9"

    window.tabs.setCurrentIndex(1)
    from tests.gui.helpers import click_index

    orders = window.orders
    click_index(qtbot, orders.table, orders.orders_model.index(0, 0))
    assert orders.lines_model.rowCount() == 1
    click(qtbot, orders.cancel_button)
    click(qtbot, open_dialog(window, "cancelOrderDialog").ok_button)

    assert orders.orders_model.index(0, orders.orders_model.STATUS).data() == "Cancelled"
    assert not orders.cancel_button.isEnabled()
    assert stock_cell(window, "Hand Trowel") == "12"
    assert [p.stock for p in shop.ask(GetProducts(search="trowel"))] == [12]


def test_declining_the_cancel_question_changes_nothing(qtbot, window, shop):
    add_to_order(qtbot, window, "Hand Trowel", 1)
    click(qtbot, window.order_form.place_button)
    window.tabs.setCurrentIndex(1)
    orders = window.orders
    orders.select_order(1)
    click(qtbot, orders.cancel_button)
    dialog = open_dialog(window, "cancelOrderDialog")
    click(qtbot, dialog.cancel_button)  # "Keep order"
    assert not dialog.isVisible()
    assert shop.ask(GetOrders())[0].status == "placed"


def test_stock_cells_update_in_any_sort_order(qtbot, window):
    window.catalog.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # price, dearest first
    assert listed_names(window)[0] == "Rose Teapot"
    add_to_order(qtbot, window, "Café Latte Glass", 2)
    click(qtbot, window.order_form.place_button)
    assert stock_cell(window, "Café Latte Glass") == "18"


def test_asked_for_the_order_it_has_the_table_sorts_only_when_rows_changed(qtbot, window, monkeypatch):
    model = window.catalog.product_model
    table = window.catalog.table
    table.sortByColumn(ProductTableModel.STOCK, Qt.SortOrder.AscendingOrder)
    sorts = []
    model.layoutChanged.connect(lambda *_: sorts.append(listed_names(window)))
    # As restoring the saved columns at every start does: the rows are in that order already.
    model.sort(ProductTableModel.STOCK, Qt.SortOrder.AscendingOrder)
    assert sorts == []
    add_to_order(qtbot, window, "Café Latte Glass", 15)  # 20 -> 5: no longer the most in stock
    click(qtbot, window.order_form.place_button)
    assert listed_names(window)[-1] == "Café Latte Glass"  # updated where it stood
    model.sort(ProductTableModel.STOCK, Qt.SortOrder.AscendingOrder)
    assert len(sorts) == 1
    stocks = [model.product_at(row).stock for row in range(model.rowCount())]
    assert stocks == sorted(stocks)


def test_the_read_model_is_saved_after_the_repaint_and_on_close(qtbot, window, shop, tmp_path):
    import json

    meta = tmp_path / "shop" / "read_model" / "meta.json"
    before = json.loads(meta.read_text())["checkpoint"]
    add_to_order(qtbot, window, "Hand Trowel", 1)
    click(qtbot, window.order_form.place_button)
    # Once the till has been quiet for a second (ShopBridge.SAVE_DELAY_MS).
    qtbot.waitUntil(lambda: json.loads(meta.read_text())["checkpoint"] > before, timeout=5000)


def test_the_lists_are_warmed_up_once_the_product_table_has_painted(qtbot, shop, catalog, monkeypatch):
    from shop_gui.main_window import MainWindow

    calls = []
    real = type(shop).warm_up
    monkeypatch.setattr(type(shop), "warm_up", lambda self: (calls.append(1), real(self)))
    window = MainWindow(shop)
    qtbot.addWidget(window)
    assert not calls  # not while the window is being built
    window.show()
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    qtbot.wait(50)
    assert calls == [1]  # once, not on every paint
    window.close()


def test_the_read_model_is_saved_off_the_gui_thread(qtbot, window, shop, monkeypatch):
    import threading

    savers = []
    real = type(shop).save_read_model
    monkeypatch.setattr(
        type(shop), "save_read_model", lambda self: (savers.append(threading.current_thread()), real(self))[1]
    )
    add_to_order(qtbot, window, "Hand Trowel", 1)
    click(qtbot, window.order_form.place_button)
    qtbot.waitUntil(lambda: bool(savers), timeout=2000)
    assert savers[0] is not threading.main_thread()  # no repaint waits for the fsyncs
    window.close()
    assert savers[-1] is threading.main_thread()  # closing saves at once, and waits


def test_out_of_stock_is_shown_apart_from_low(qtbot, window, shop, catalog):
    from core.commands import AdjustStock
    from tests.gui.helpers import product_row

    shop.dispatch(AdjustStock(catalog.trowel, "stock-take", counted=0))  # no reorder level
    window.bridge.sync()
    model = window.catalog.product_model
    out = model.index(product_row(window, "Hand Trowel"), model.STOCK)
    assert out.data() == "0 out"
    assert out.data(Qt.ItemDataRole.ToolTipRole) == "Out of stock: none left to sell."
    low = window.low_stock
    assert [low.model.product_at(r).name for r in range(low.model.rowCount())] == ["Rose Teapot"]
