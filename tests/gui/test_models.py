"""Every item model passes Qt's own model tester, with real data in it."""

from core.queries import GetOrder, GetProducts
from shop_gui.models.cart_model import CartModel
from shop_gui.models.category_tree_model import CategoryTreeModel
from shop_gui.models.orders_model import OrderLinesModel, OrdersTableModel
from shop_gui.models.product_table_model import ProductTableModel
from tests.gui.helpers import add_to_order, click


def test_product_table_model(qtmodeltester, window, catalog):
    model = ProductTableModel(window.bridge)
    model.show_products(None)
    qtmodeltester.check(model)
    model.show_products(catalog.kitchen)
    model.sort(ProductTableModel.STOCK)
    qtmodeltester.check(model)
    model.show_products(None, "no such thing")
    qtmodeltester.check(model)


def test_category_tree_model(qtmodeltester, window):
    qtmodeltester.check(CategoryTreeModel(window.bridge))


def test_cart_model(qtmodeltester, shop, catalog):
    model = CartModel()
    qtmodeltester.check(model)
    products = shop.ask(GetProducts())
    model.add(products[0], 2)
    model.add(products[1], 1)
    model.add(products[0], 1)
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_orders_models(qtmodeltester, qtbot, window, shop):
    add_to_order(qtbot, window, "Hand Trowel", 2)
    click(qtbot, window.order_form.place_button)
    orders = OrdersTableModel(window.bridge)
    assert orders.rowCount() == 1
    qtmodeltester.check(orders)
    lines = OrderLinesModel()
    lines.show_order(shop.ask(GetOrder(1)))
    qtmodeltester.check(lines)
