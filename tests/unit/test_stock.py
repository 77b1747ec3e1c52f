"""Stock levels: receiving, selling, and the database's own guard."""

import pytest

from core.commands import CancelOrder, OrderLine, PlaceOrder, ReceiveStock
from core.errors import OutOfStock
from core.queries import FindProductByCode, GetProducts, GetProductsByIds
from tests.helpers import WriteModelDatabase


def stock_of(shop, product_id):
    (view,) = shop.ask(GetProductsByIds((product_id,)))
    return view.stock


def test_receive_stock_returns_the_new_level(shop, catalog):
    assert shop.dispatch(ReceiveStock(catalog.mug, 5)) == 15
    assert stock_of(shop, catalog.mug) == 15


def test_receiving_adds_up(shop, catalog):
    for quantity in (1, 2, 3):
        shop.dispatch(ReceiveStock(catalog.plate, quantity))
    assert stock_of(shop, catalog.plate) == 6


def test_received_stock_can_be_sold(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.plate, 2))
    shop.dispatch(PlaceOrder((OrderLine(catalog.plate, 2),)))
    assert stock_of(shop, catalog.plate) == 0


def test_every_query_sees_the_new_stock(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.trowel, 3))
    assert shop.ask(FindProductByCode("GRD-TRW")).stock == 10
    assert shop.ask(FindProductByCode("4006381333931")).stock == 10
    assert {p.id: p.stock for p in shop.ask(GetProducts(category_id=catalog.garden))} == {catalog.trowel: 10}
    assert [p.stock for p in shop.ask(GetProducts(search="trowel"))] == [10]


def test_stock_goes_down_to_zero_and_no_further(shop, catalog):
    for _ in range(3):
        shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 1),)))
    with pytest.raises(OutOfStock) as raised:
        shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 1),)))
    assert raised.value.available == 0
    assert stock_of(shop, catalog.teapot) == 0


def test_sell_cancel_receive_sequence_is_exact(shop, catalog):
    a = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 4),)))  # 6
    b = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 6),)))  # 0
    shop.dispatch(CancelOrder(a))  # 4
    shop.dispatch(ReceiveStock(catalog.mug, 7))  # 11
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 11),)))  # 0
    shop.dispatch(CancelOrder(b))  # 6
    assert stock_of(shop, catalog.mug) == 6


def test_low_stock_flag(shop, catalog):
    # The mug reorders at 2.
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 7),)))
    assert shop.ask(FindProductByCode("MUG-BLUE")).low_stock is False
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    assert shop.ask(FindProductByCode("MUG-BLUE")).low_stock is True


def test_receiving_tells_listeners_which_product(shop, catalog):
    heard = []
    shop.add_listener(heard.append)
    shop.dispatch(ReceiveStock(catalog.plate, 4))
    (changes,) = heard
    assert changes.products == {catalog.plate}
    assert not changes.orders and not changes.rebuilt


def test_database_refuses_negative_stock_whatever_the_code_does(shop, catalog, data_dir):
    conn = WriteModelDatabase(data_dir)
    try:
        with pytest.raises(conn.IntegrityError):
            conn.execute("UPDATE product SET stock = -1 WHERE id = ?", (catalog.mug,))
        with pytest.raises(conn.IntegrityError):
            conn.execute("UPDATE product SET price_cents = -1 WHERE id = ?", (catalog.mug,))
    finally:
        conn.close()
