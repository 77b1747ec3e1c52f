"""Every item model passes Qt's own model tester, with real data in it."""

from core.queries import GetOrder, GetOrders, GetProducts
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


def test_order_detail_models(qtmodeltester, shop, catalog):
    from core.commands import (
        AddCustomer,
        CancelOrder,
        OrderLine,
        PlaceOrder,
        RecordPayment,
        ReturnItems,
        ReturnLine,
    )
    from core.domain.pricing import Discount
    from shop_gui.models.orders_model import HistoryModel, OrderSummaryModel, PaymentsModel, ReturnsModel

    ann = shop.dispatch(AddCustomer("Ann Smith"))
    first = shop.dispatch(
        PlaceOrder(
            (OrderLine(catalog.latte, 3, Discount.percent(1000)), OrderLine(catalog.trowel, 1)),
            customer_id=ann,
            order_discount=Discount.amount(100),
        )
    )
    shop.dispatch(RecordPayment(first, "cash", shop.ask(GetOrder(first)).total_cents, 5000))
    shop.dispatch(ReturnItems(first, (ReturnLine(catalog.latte, 1),), "faulty", "chipped"))
    second = shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 1),)))
    shop.dispatch(CancelOrder(second))
    summaries = OrderSummaryModel()
    qtmodeltester.check(summaries)
    summaries.set_orders(shop.ask(GetOrders()))
    qtmodeltester.check(summaries)
    for model_class in (OrderLinesModel, PaymentsModel, ReturnsModel, HistoryModel):
        model = model_class()
        qtmodeltester.check(model)
        for order_id in (first, second):
            model.show_order(shop.ask(GetOrder(order_id)))
            qtmodeltester.check(model)
        model.show_order(None)
        assert model.rowCount() == 0


def test_customers_model(qtmodeltester, window, shop):
    from core.commands import AddCustomer
    from shop_gui.models.customers_model import CustomersTableModel

    shop.dispatch(AddCustomer("Ann Smith", "07700 900123", note="Prefers e-mail"))
    shop.dispatch(AddCustomer("Bob Jones", email="bob@example.org"))
    window.bridge.sync()
    model = CustomersTableModel(window.bridge)
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    model.set_search("bob")
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    model.set_search("nobody")
    qtmodeltester.check(model)


def test_cart_model_with_discounts_and_a_quote(qtmodeltester, shop, catalog):
    from core.domain.pricing import Discount
    from core.queries import QuoteOrder

    model = CartModel()
    products = shop.ask(GetProducts())
    model.add(products[0], 2)
    model.add(products[1], 1)
    model.set_discount(0, Discount.percent(1500))
    model.set_discount(1, Discount.amount(100))
    qtmodeltester.check(model)
    model.set_quote(shop.ask(QuoteOrder(model.order_lines(), Discount.percent(500))))
    qtmodeltester.check(model)
    assert model.index(0, model.DISCOUNT).data() == "15%"
    assert model.index(1, model.DISCOUNT).data() == "-£1.00"
