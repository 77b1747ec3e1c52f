"""GetSalesReport: exact figures from the aggregates the projector keeps
(discounts, tax included and excluded, returns on a later day,
cancellations, costs that change between sales, time-zone day boundaries),
the groupings and their keys, and the refusals."""

import shutil
import time
from datetime import UTC, date, datetime

import pytest

from core import open_shop
from core.commands import (
    AddStaff,
    CancelOrder,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
    RecordPayment,
    RenameCategory,
    ReturnItems,
    ReturnLine,
    UpdateProduct,
    UpdateShopSettings,
    UpdateStaff,
)
from core.domain.pricing import Discount
from core.errors import ShopError
from core.queries import GetOrder, GetProduct, GetSalesReport, GetShopSettings, GetSlowMovers, GetStockValue

MARCH = (date(2024, 3, 1), date(2024, 3, 31))


@pytest.fixture
def utc(monkeypatch):
    """The computer's time zone is UTC for the test (days cut at midnight UTC)."""
    zone(monkeypatch, "UTC")


def zone(monkeypatch, name: str) -> None:
    monkeypatch.setenv("TZ", name)
    time.tzset()


@pytest.fixture(autouse=True)
def _zone_back():
    yield
    time.tzset()  # after monkeypatch has put TZ back


def report(shop, group="day", first=MARCH[0], last=MARCH[1], limit=None):
    return shop.ask(GetSalesReport(first, last, group, limit))


def figures(row) -> dict:
    return {k: v for k, v in vars(row).items() if k not in ("key", "label")}


def set_tax(shop, rate_bp: int, included: bool) -> None:
    settings = shop.ask(GetShopSettings())
    shop.dispatch(UpdateShopSettings.based_on(settings, default_tax_rate_bp=rate_bp, prices_include_tax=included))


def set_cost(shop, product_id: int, cost) -> None:
    p = shop.ask(GetProduct(product_id))
    shop.dispatch(
        UpdateProduct(
            p.id, p.sku, p.name, p.category_id, p.price_cents, p.barcode, p.reorder_level, cost, p.tax_rate_bp
        )
    )


def sell(shop, *lines, discount=None) -> int:
    return shop.dispatch(PlaceOrder(tuple(OrderLine(*line) for line in lines), order_discount=discount))


def pay(shop, order_id: int) -> None:
    shop.dispatch(RecordPayment(order_id, "cash", shop.ask(GetOrder(order_id)).total_cents))


def test_a_day_with_discounts_tax_included(utc, shop, catalog):
    set_tax(shop, 2000, True)
    set_cost(shop, catalog.mug, 300)
    sell(shop, (catalog.mug, 2, Discount.percent(1000)))  # 2 x 8.50, 10% off

    r = report(shop)
    assert [row.key for row in r.rows] == ["2024-03-01"]
    assert figures(r.rows[0]) == {
        "orders": 1,
        "units": 2,
        "gross_cents": 1700,
        "discount_cents": 170,
        "net_cents": 1530,
        "tax_cents": 255,  # 1530 x 20/120
        "total_cents": 1530,
        "cost_cents": 600,
        "margin_cents": 675,  # 1530 - 255 - 600
        "units_without_cost": 0,
        "returned_units": 0,
        "refunded_cents": 0,
        "net_margin_cents": 675,
    }
    assert r.total == r.rows[0].__class__(**{**vars(r.rows[0]), "key": "", "label": "Total"})


def test_tax_excluded_and_an_order_discount(utc, shop, catalog):
    set_tax(shop, 2000, False)
    set_cost(shop, catalog.mug, 300)
    sell(shop, (catalog.mug, 2), (catalog.trowel, 1), discount=Discount.amount(290))

    total = report(shop).total
    assert (total.gross_cents, total.discount_cents, total.net_cents) == (2900, 290, 2610)
    assert total.tax_cents == 522  # 20% of 2610, shared over the lines
    assert total.total_cents == 3132  # net + tax when prices exclude it
    assert (total.cost_cents, total.units_without_cost) == (600, 1)  # the trowel has no cost
    assert total.margin_cents == 3132 - 522 - 600
    by_product = {row.key: row for row in report(shop, "product").rows}
    assert by_product["MUG-BLUE"].discount_cents + by_product["GRD-TRW"].discount_cents == 290
    assert sum(row.total_cents for row in by_product.values()) == 3132


def test_returns_count_on_the_day_they_are_taken(utc, shop, catalog, clock):
    set_tax(shop, 2000, True)
    set_cost(shop, catalog.mug, 300)
    order = sell(shop, (catalog.mug, 2))
    pay(shop, order)
    first_day = figures(report(shop).rows[0])
    clock.advance(days=2)
    shop.dispatch(ReturnItems(order, (ReturnLine(catalog.mug, 1),)))

    rows = {row.key: row for row in report(shop).rows}
    assert figures(rows["2024-03-01"]) == first_day  # never an earlier day
    back = rows["2024-03-03"]
    assert (back.orders, back.units, back.total_cents) == (0, 0, 0)
    assert (back.returned_units, back.refunded_cents) == (1, 850)
    assert back.net_margin_cents == -(850 - 142 - 300)  # the refund less its tax and the unit's cost
    total = report(shop).total
    assert total.net_margin_cents == (1700 - 283 - 600) - (850 - 142 - 300)
    assert total.orders == 1


def test_cancelled_orders_count_nowhere(utc, shop, catalog, clock):
    kept = sell(shop, (catalog.trowel, 1))
    cancelled = sell(shop, (catalog.mug, 3))
    pay(shop, cancelled)
    clock.advance(days=1)
    shop.dispatch(ReturnItems(cancelled, (ReturnLine(catalog.mug, 1),)))
    clock.advance(days=1)
    shop.dispatch(CancelOrder(cancelled))

    r = report(shop)
    assert [row.key for row in r.rows] == ["2024-03-01"]  # the return's day is empty again
    assert (r.total.orders, r.total.units, r.total.total_cents, r.total.returned_units) == (1, 1, 1200, 0)
    assert [row.key for row in report(shop, "product").rows] == ["GRD-TRW"]
    assert kept


def test_the_cost_in_force_at_each_sale(utc, shop, catalog, clock):
    set_cost(shop, catalog.mug, 300)
    sell(shop, (catalog.mug, 1))
    set_cost(shop, catalog.mug, 500)
    sell(shop, (catalog.mug, 2))
    set_cost(shop, catalog.mug, None)
    sell(shop, (catalog.mug, 1))

    row = report(shop, "product").rows[0]
    assert (row.units, row.cost_cents, row.units_without_cost) == (4, 300 + 2 * 500, 1)
    assert row.margin_cents == 4 * 850 - row.tax_cents - 1300


@pytest.mark.sqlite_only  # copies the catalog's folder, SQLite file and all
def test_days_follow_the_computers_time_zone(monkeypatch, data_dir, clock, catalog_template):
    zone(monkeypatch, "America/New_York")
    shutil.copytree(catalog_template[0], data_dir)
    ids = catalog_template[1]
    clock.now = datetime(2024, 3, 1, 3, 30, tzinfo=UTC)  # 22:30 the day before in New York
    shop = open_shop(data_dir, clock=clock)
    try:
        sell(shop, (ids.mug, 1))
        assert [r.key for r in report(shop, "day", date(2024, 2, 1), date(2024, 3, 31)).rows] == ["2024-02-29"]
        assert [r.key for r in report(shop, "hour", date(2024, 2, 29), date(2024, 2, 29)).rows] == ["22"]
        assert report(shop, "day", *MARCH).rows == ()
    finally:
        shop.close()
    # The same shop opened in another zone: its days are cut again.
    zone(monkeypatch, "Asia/Tokyo")
    shop = open_shop(data_dir, clock=clock)
    try:
        rows = report(shop, "hour", date(2024, 2, 1), date(2024, 3, 31)).rows
        assert [(r.key, r.units) for r in rows] == [("12", 1)]
        assert [r.key for r in report(shop, "day", date(2024, 2, 1), date(2024, 3, 31)).rows] == ["2024-03-01"]
    finally:
        shop.close()


def test_groupings_and_their_keys(utc, shop, catalog, clock):
    owner = shop.dispatch(AddStaff("Ann Owner", "owner", "1234"))
    shop.sign_in(owner, "1234")
    clock.now = datetime(2024, 3, 4, 9, 15, tzinfo=UTC)  # a Monday: ISO week 10
    sell(shop, (catalog.mug, 1), (catalog.teapot, 1))
    clock.now = datetime(2024, 3, 31, 17, 5, tzinfo=UTC)  # a Sunday: still week 13
    sell(shop, (catalog.mug, 2))
    clock.now = datetime(2024, 4, 1, 8, 0, tzinfo=UTC)
    sell(shop, (catalog.trowel, 1))
    # Names as they were at the sale, whatever they are called now.
    shop.dispatch(RenameCategory(catalog.mugs, "Cups"))
    shop.dispatch(UpdateStaff(owner, "Ann Smith", "owner", True))

    april = (date(2024, 3, 1), date(2024, 4, 30))
    assert [r.key for r in report(shop, "week", *april).rows] == ["2024-W10", "2024-W13", "2024-W14"]
    assert [(r.key, r.orders) for r in report(shop, "month", *april).rows] == [("2024-03", 2), ("2024-04", 1)]
    assert [(r.key, r.orders) for r in report(shop, "hour", *april).rows] == [("08", 1), ("09", 1), ("17", 1)]
    products = report(shop, "product", *april).rows
    assert [(r.key, r.label, r.units, r.orders) for r in products] == [
        ("MUG-BLUE", "Blue Enamel Mug", 3, 2),  # most units first
        ("GRD-TRW", "Hand Trowel", 1, 1),
        ("TEA-01", "Café Teapot", 1, 1),
    ]
    assert [r.key for r in report(shop, "product", *april, limit=1).rows] == ["MUG-BLUE"]
    assert report(shop, "product", *april, limit=1).total.orders == 3  # the period's, limit or not
    assert [r.key for r in report(shop, "category", *april).rows] == ["Garden", "Kitchen", "Kitchen/Mugs"]
    assert [(r.key, r.orders) for r in report(shop, "staff", *april).rows] == [("Ann Owner", 3)]
    assert [r.key for r in report(shop, "till", *april).rows] == ["Till 1"]
    # A period that cuts a month reads its days; whole months their sums: the same figures.
    part = report(shop, "product", date(2024, 3, 5), date(2024, 4, 30)).rows
    assert [(r.key, r.units) for r in part] == [("MUG-BLUE", 2), ("GRD-TRW", 1)]


def test_every_grouping_adds_up_to_the_total(utc, shop, catalog, clock):
    for day in range(3):
        sell(shop, (catalog.mug, 1 + day), (catalog.trowel, 1))
        clock.advance(days=1, hours=5)
    for group in ("day", "week", "month", "hour", "product", "category", "staff", "till"):
        r = report(shop, group)
        for field in ("units", "gross_cents", "total_cents", "tax_cents", "net_margin_cents"):
            assert sum(getattr(row, field) for row in r.rows) == getattr(r.total, field), (group, field)
    assert report(shop).total.orders == 3


@pytest.mark.parametrize(
    ("query", "words"),
    [
        (GetSalesReport(date(2024, 3, 2), date(2024, 3, 1)), "must end on or after"),
        (GetSalesReport("2024-03-01", date(2024, 3, 1)), "two days"),
        (GetSalesReport(datetime(2024, 3, 1), date(2024, 3, 1)), "two days"),
        (GetSalesReport(date(2024, 3, 1), date(2024, 3, 1), "year"), "grouped by one of"),
        (GetSalesReport(date(2024, 3, 1), date(2024, 3, 1), "product", 0), "at least 1"),
        (GetSalesReport(date(2000, 1, 1), date(2024, 3, 1)), "at most twelve years"),
    ],
)
def test_a_period_or_group_that_is_not_one_is_refused(utc, shop, query, words):
    with pytest.raises(ShopError, match=words):
        shop.ask(query)


def test_an_empty_period_has_no_rows_and_zero_totals(utc, shop):
    r = report(shop, "category")
    assert r.rows == ()
    assert r.total.orders == r.total.total_cents == 0


def test_the_top_seller_of_a_period_may_lead_no_month_of_it(utc, shop, catalog, clock):
    """Top N reads each month's ranking from its head: the mug, second in both
    months, is first over the two, ahead of each month's leader."""
    shop.dispatch(ReceiveStock(catalog.teapot, 10))
    sell(shop, (catalog.trowel, 5), (catalog.mug, 1))
    sell(shop, (catalog.mug, 3))
    clock.now = datetime(2024, 4, 10, 12, 0, tzinfo=UTC)
    sell(shop, (catalog.teapot, 6), (catalog.mug, 4))
    spring = (date(2024, 3, 1), date(2024, 4, 30))
    assert [(r.key, r.units) for r in report(shop, "product", *spring, limit=1).rows] == [("MUG-BLUE", 8)]
    assert [(r.key, r.units) for r in report(shop, "product", *spring, limit=2).rows] == [
        ("MUG-BLUE", 8),
        ("TEA-01", 6),
    ]
    assert report(shop, "product", *spring, limit=3).rows == report(shop, "product", *spring).rows
    # The rankings are kept, and made again when a sale changes the month.
    sell(shop, (catalog.trowel, 2))
    assert [(r.key, r.units) for r in report(shop, "product", *spring, limit=2).rows] == [
        ("MUG-BLUE", 8),
        ("GRD-TRW", 7),
    ]


def test_slow_movers_are_in_stock_and_sold_nothing_in_the_period(utc, shop, catalog, clock):
    sell(shop, (catalog.mug, 1))
    clock.now = datetime(2024, 4, 2, 10, 0, tzinfo=UTC)
    order = sell(shop, (catalog.trowel, 1))
    pay(shop, order)
    clock.now = datetime(2024, 4, 3, 10, 0, tzinfo=UTC)
    shop.dispatch(ReturnItems(order, (ReturnLine(catalog.trowel, 1),)))
    # The plate has no stock; the teapot never sold.
    assert [p.sku for p in shop.ask(GetSlowMovers(*MARCH))] == ["TEA-01", "GRD-TRW"]  # by name
    # A return is no sale: only the day of the sale takes the trowel off the list.
    assert [p.sku for p in shop.ask(GetSlowMovers(date(2024, 4, 3), date(2024, 4, 30)))] == [
        "MUG-BLUE",
        "TEA-01",
        "GRD-TRW",
    ]
    assert [p.sku for p in shop.ask(GetSlowMovers(date(2024, 3, 1), date(2024, 4, 30)))] == ["TEA-01"]
    with pytest.raises(ShopError, match="must end on or after"):
        shop.ask(GetSlowMovers(MARCH[1], MARCH[0]))


def test_stock_value_at_cost_and_at_price_by_category(utc, shop, catalog):
    set_cost(shop, catalog.mug, 300)
    value = shop.ask(GetStockValue())
    rows = {r.key: r for r in value.rows}
    assert set(rows) == {"Kitchen", "Kitchen/Mugs", "Garden"}  # the plate's Plates: no stock
    assert vars(rows["Kitchen/Mugs"]) == {
        "key": "Kitchen/Mugs",
        "products": 1,
        "units": 10,
        "cost_cents": 3000,
        "price_cents": 8500,
        "units_without_cost": 0,
    }
    assert (rows["Kitchen"].units, rows["Kitchen"].cost_cents, rows["Kitchen"].units_without_cost) == (3, 0, 3)
    assert rows["Kitchen"].price_cents == 3 * 2499
    assert value.total.units == 10 + 3 + 7
    assert value.total.price_cents == 8500 + 3 * 2499 + 7 * 1200
    assert value.total.products == 3


def test_every_product_over_months_follows_each_change_to_any_of_them(utc, shop, catalog, clock, reopen):
    """The sum of a period's months but its latest is kept between asks: a sale
    in the latest month, a cancellation in an earlier one, a return and a
    reopened shop each give what the orders say."""
    shop.dispatch(ReceiveStock(catalog.teapot, 20))
    shop.dispatch(ReceiveStock(catalog.mug, 20))
    spring = (date(2024, 3, 1), date(2024, 5, 31))

    def units(s):
        return {r.key: (r.units, r.returned_units) for r in report(s, "product", *spring).rows}

    sell(shop, (catalog.mug, 2), (catalog.trowel, 1))
    clock.now = datetime(2024, 4, 10, 12, 0, tzinfo=UTC)
    april = sell(shop, (catalog.teapot, 3), (catalog.mug, 1))
    clock.now = datetime(2024, 5, 2, 12, 0, tzinfo=UTC)
    may = sell(shop, (catalog.mug, 4))
    assert units(shop) == {"MUG-BLUE": (7, 0), "TEA-01": (3, 0), "GRD-TRW": (1, 0)}
    sell(shop, (catalog.trowel, 2))  # the latest month
    assert units(shop) == {"MUG-BLUE": (7, 0), "TEA-01": (3, 0), "GRD-TRW": (3, 0)}
    shop.dispatch(CancelOrder(april))  # a month of the kept sum
    assert units(shop) == {"MUG-BLUE": (6, 0), "GRD-TRW": (3, 0)}
    pay(shop, may)
    shop.dispatch(ReturnItems(may, (ReturnLine(catalog.mug, 1),), refund_method="cash"))
    assert units(shop) == {"MUG-BLUE": (6, 1), "GRD-TRW": (3, 0)}
    # Only March: a period whose months are all settled, then one that ends in April.
    assert {r.key: r.units for r in report(shop, "product", date(2024, 3, 1), date(2024, 3, 31)).rows} == {
        "MUG-BLUE": 2,
        "GRD-TRW": 1,
    }
    before = report(shop, "product", *spring)
    assert report(reopen(shop), "product", *spring) == before
