"""Placing and cancelling orders through the dispatcher."""

from datetime import datetime, timedelta, timezone

import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct, CancelOrder, OrderLine, PlaceOrder, ReceiveStock
from core.domain.money import MAX_PRICE_CENTS
from core.errors import OutOfStock
from core.queries import GetOrder, GetOrders, OrderDetail, OrderLineView
from tests.unit.helpers import stock_of


def test_place_order_returns_its_id_and_takes_stock(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 3), OrderLine(catalog.trowel, 1))))
    assert isinstance(order_id, int)
    assert stock_of(shop, catalog.mug, catalog.trowel) == (7, 6)


def test_placed_order_detail(shop, catalog, clock):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.trowel, 1), OrderLine(catalog.mug, 3))))
    detail = shop.ask(GetOrder(order_id))
    assert isinstance(detail, OrderDetail)
    assert detail.id == order_id
    assert detail.status == "placed"
    assert detail.placed_at == "2024-03-01T09:00:00+00:00"
    # Taxed at the shop's default rate, 20%, contained in the prices (UK defaults).
    assert sorted(detail.lines, key=lambda l: l.sku) == [
        # The category each was in when sold; no cost price known.
        OrderLineView(
            catalog.trowel,
            "GRD-TRW",
            "Hand Trowel",
            1,
            1200,
            tax_rate_bp=2000,
            tax_cents=200,
            category_id=catalog.garden,
        ),
        OrderLineView(
            catalog.mug,
            "MUG-BLUE",
            "Blue Enamel Mug",
            3,
            850,
            tax_rate_bp=2000,
            tax_cents=425,
            category_id=catalog.mugs,
        ),
    ]
    assert detail.total_cents == 1200 + 3 * 850


def test_placed_order_summary(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.trowel, 1), OrderLine(catalog.mug, 3))))
    (summary,) = shop.ask(GetOrders())
    assert (summary.id, summary.status, summary.total_cents, summary.line_count, summary.item_count) == (
        order_id,
        "placed",
        3750,
        2,
        4,
    )


def test_lines_naming_one_product_twice_are_merged(shop, catalog):
    order_id = shop.dispatch(
        PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(catalog.trowel, 1), OrderLine(catalog.mug, 3)))
    )
    detail = shop.ask(GetOrder(order_id))
    mug_lines = [l for l in detail.lines if l.product_id == catalog.mug]
    assert len(detail.lines) == 2
    assert [l.quantity for l in mug_lines] == [5]
    assert detail.total_cents == 5 * 850 + 1200
    (summary,) = shop.ask(GetOrders())
    assert (summary.line_count, summary.item_count) == (2, 6)
    assert stock_of(shop, catalog.mug) == (5,)


def test_order_taking_the_last_units_leaves_zero(shop, catalog):
    shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 3),)))
    assert stock_of(shop, catalog.teapot) == (0,)
    with pytest.raises(OutOfStock):
        shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 1),)))


def test_order_keeps_the_price_it_was_sold_at(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    (line,) = shop.ask(GetOrder(order_id)).lines
    assert (line.unit_price_cents, line.total_cents) == (850, 850)


def test_orders_are_listed_newest_first(shop, catalog, clock):
    ids = []
    for _ in range(4):
        ids.append(shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),))))
        clock.advance(minutes=5)
    summaries = shop.ask(GetOrders())
    assert [o.id for o in summaries] == ids[::-1]
    assert [o.placed_at for o in summaries] == [
        "2024-03-01T09:15:00+00:00",
        "2024-03-01T09:10:00+00:00",
        "2024-03-01T09:05:00+00:00",
        "2024-03-01T09:00:00+00:00",
    ]


def test_cancel_order_restores_stock_exactly(shop, catalog):
    order_id = shop.dispatch(
        PlaceOrder((OrderLine(catalog.mug, 4), OrderLine(catalog.teapot, 3), OrderLine(catalog.mug, 1)))
    )
    assert stock_of(shop, catalog.mug, catalog.teapot) == (5, 0)
    assert shop.dispatch(CancelOrder(order_id)) is None
    assert stock_of(shop, catalog.mug, catalog.teapot) == (10, 3)


def test_cancelled_order_keeps_its_lines_and_total(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
    before = shop.ask(GetOrder(order_id))
    shop.dispatch(CancelOrder(order_id))
    after = shop.ask(GetOrder(order_id))
    assert after.status == "cancelled"
    assert (after.lines, after.total_cents, after.placed_at) == (before.lines, before.total_cents, before.placed_at)
    (summary,) = shop.ask(GetOrders())
    assert summary.status == "cancelled"


def test_cancel_one_order_leaves_the_others(shop, catalog):
    first = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    second = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
    shop.dispatch(CancelOrder(first))
    statuses = {o.id: o.status for o in shop.ask(GetOrders())}
    assert statuses == {first: "cancelled", second: "placed"}
    assert stock_of(shop, catalog.mug) == (8,)


def test_cancel_restores_stock_received_meanwhile(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 3),)))
    shop.dispatch(ReceiveStock(catalog.teapot, 5))
    shop.dispatch(CancelOrder(order_id))
    assert stock_of(shop, catalog.teapot) == (8,)


class TestMoney:
    def test_totals_are_exact_int_cents(self, shop, catalog):
        # 0.1 + 0.2 style sums: 3 x £0.10 + 7 x £0.20 must be exactly 170 cents.
        a = shop.dispatch(AddProduct("C-10", "Ten pence sweet", catalog.kitchen, 10, stock=100))
        b = shop.dispatch(AddProduct("C-20", "Twenty pence sweet", catalog.kitchen, 20, stock=100))
        order_id = shop.dispatch(PlaceOrder((OrderLine(a, 3), OrderLine(b, 7))))
        detail = shop.ask(GetOrder(order_id))
        assert detail.total_cents == 170
        assert type(detail.total_cents) is int
        assert all(type(l.unit_price_cents) is int for l in detail.lines)
        (summary,) = shop.ask(GetOrders())
        assert summary.total_cents == 170 and type(summary.total_cents) is int

    def test_large_totals_do_not_lose_a_cent(self, shop, catalog):
        price = MAX_PRICE_CENTS - 1  # £9,999,999.99
        big = shop.dispatch(AddProduct("BIG", "Yacht", catalog.garden, price, stock=1_000_000))
        order_id = shop.dispatch(PlaceOrder((OrderLine(big, 999_999), OrderLine(catalog.mug, 1))))
        assert shop.ask(GetOrder(order_id)).total_cents == price * 999_999 + 850

    def test_free_product_costs_nothing(self, shop, catalog):
        free = shop.dispatch(AddProduct("FREE", "Paper bag", catalog.kitchen, 0, stock=5))
        order_id = shop.dispatch(PlaceOrder((OrderLine(free, 2), OrderLine(catalog.mug, 1))))
        assert shop.ask(GetOrder(order_id)).total_cents == 850


class TestListeners:
    def test_placed_order_names_the_order_and_its_products(self, shop, catalog):
        heard = []
        shop.add_listener(heard.append)
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1), OrderLine(catalog.trowel, 2))))
        (changes,) = heard
        assert changes.orders == {order_id}
        assert changes.products == {catalog.mug, catalog.trowel}
        assert not changes.rebuilt

    def test_cancelled_order_names_the_order_and_its_products(self, shop, catalog):
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1), OrderLine(catalog.teapot, 1))))
        heard = []
        shop.add_listener(heard.append)
        shop.dispatch(CancelOrder(order_id))
        (changes,) = heard
        assert changes.orders == {order_id}
        assert changes.products == {catalog.mug, catalog.teapot}


def test_placed_at_is_stored_in_utc(tmp_path):
    paris_summer = timezone(timedelta(hours=2))
    shop = open_shop(tmp_path / "utc", clock=lambda: datetime(2024, 6, 1, 12, 30, 15, 999, paris_summer))
    try:
        c = shop.dispatch(AddCategory("Kitchen"))
        p = shop.dispatch(AddProduct("X", "X", c, 100, stock=1))
        order_id = shop.dispatch(PlaceOrder((OrderLine(p, 1),)))
        assert shop.ask(GetOrder(order_id)).placed_at == "2024-06-01T10:30:15+00:00"
    finally:
        shop.close()
