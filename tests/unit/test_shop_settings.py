"""The shop's settings, tax rates by product, category and shop, and quotes:
what an order would cost, worked out exactly as placing it would."""

import pytest

from core.commands import (
    AddCategory,
    AddProduct,
    Discount,
    MoveCategory,
    OrderLine,
    PlaceOrder,
    SetCategoryTaxRate,
    UpdateProduct,
    UpdateShopSettings,
)
from core.domain.pricing import TaxBand
from core.errors import InvalidCommand, ShopError, UnknownCategory, UnknownProduct
from core.queries import GetCategories, GetOrder, GetShopSettings, OrderQuote, QuotedLine, QuoteOrder, ShopSettings


def settings_of(shop) -> ShopSettings:
    return shop.ask(GetShopSettings())


def change(shop, **changes) -> None:
    shop.dispatch(UpdateShopSettings.based_on(settings_of(shop), **changes))


class TestSettings:
    def test_defaults_for_a_uk_shop(self, shop):
        settings = settings_of(shop)
        assert settings == ShopSettings("My Shop", "", "GBP", "£", 2000, True)
        assert settings.minor_digits == 2 and settings.money(123456) == "£1,234.56"

    def test_update_and_read_back(self, shop, reopen):
        shop.dispatch(
            UpdateShopSettings("The Gift Box", " 1 High Street \n\n  London   N1 1AA\n", "eur", "€", 1750, False)
        )
        expected = ShopSettings("The Gift Box", "1 High Street\nLondon N1 1AA", "EUR", "€", 1750, False)
        assert settings_of(shop) == expected
        assert settings_of(reopen(shop)) == expected

    def test_listeners_hear_of_it(self, shop):
        heard = []
        shop.add_listener(heard.append)
        change(shop, name="Corner Shop")
        assert heard[0].settings and not heard[0].orders

    def test_a_currency_without_decimals(self, shop):
        change(shop, currency_code="JPY", currency_symbol="¥")
        assert settings_of(shop).minor_digits == 0 and settings_of(shop).money(1500) == "¥1,500"

    def test_currency_decimals_cannot_change_under_existing_prices(self, shop, catalog, unchanged, readable):
        with unchanged(shop):
            with pytest.raises(InvalidCommand) as raised:
                change(shop, currency_code="JPY", currency_symbol="¥")
        assert str(raised.value) == (
            "JPY has 0 decimal places and GBP has 2: the prices already entered would "
            "change, so the currency cannot be changed now."
        )
        readable(raised.value)
        change(shop, currency_code="EUR", currency_symbol="€")  # same decimals: fine
        assert settings_of(shop).currency_code == "EUR"

    @pytest.mark.parametrize(
        "changes, message",
        [
            ({"name": " "}, "Shop name cannot be empty."),
            ({"address": 5}, "The address must be text, not 5."),
            ({"address": "x" * 501}, "The address is too long (at most 500 characters)."),
            ({"currency_code": "POUND"}, "The currency code must be three letters, such as GBP or EUR."),
            ({"currency_code": None}, "The currency code must be three letters"),
            ({"currency_symbol": ""}, "The currency symbol cannot be empty."),
            ({"currency_symbol": "£\n"}, "The currency symbol must be one line of at most 8 characters."),
            ({"default_tax_rate_bp": 10001}, "The default tax rate must be a percentage from 0 to 100."),
            ({"default_tax_rate_bp": 20.0}, "The default tax rate must be a percentage from 0 to 100."),
            ({"default_tax_rate_bp": None}, "The default tax rate must be a percentage from 0 to 100."),
            ({"prices_include_tax": "yes"}, "Prices include tax must be yes or no, not 'yes'."),
        ],
    )
    def test_refused(self, shop, unchanged, readable, changes, message):
        with unchanged(shop):
            with pytest.raises(InvalidCommand) as raised:
                change(shop, **changes)
        assert str(raised.value).startswith(message)
        readable(raised.value)


class TestTaxRates:
    """Kitchen > Mugs, Kitchen > Plates, Garden; the shop's default is 20%."""

    def rate_of(self, shop, product_id) -> int:
        order_id = shop.dispatch(PlaceOrder((OrderLine(product_id, 1),)))
        return shop.ask(GetOrder(order_id)).lines[0].tax_rate_bp

    def test_the_shop_default(self, shop, catalog):
        assert self.rate_of(shop, catalog.mug) == 2000
        change(shop, default_tax_rate_bp=1750)
        assert self.rate_of(shop, catalog.mug) == 1750

    def test_a_category_rate_covers_its_sub_categories(self, shop, catalog):
        shop.dispatch(SetCategoryTaxRate(catalog.kitchen, 500))
        assert self.rate_of(shop, catalog.mug) == 500  # Mugs has none: Kitchen's
        assert self.rate_of(shop, catalog.teapot) == 500  # in Kitchen itself
        assert self.rate_of(shop, catalog.trowel) == 2000  # Garden: the shop's

    def test_the_nearest_category_wins_and_zero_is_a_rate(self, shop, catalog):
        shop.dispatch(SetCategoryTaxRate(catalog.kitchen, 500))
        shop.dispatch(SetCategoryTaxRate(catalog.mugs, 0))
        assert self.rate_of(shop, catalog.mug) == 0
        shop.dispatch(SetCategoryTaxRate(catalog.mugs, None))
        assert self.rate_of(shop, catalog.mug) == 500

    def test_the_products_own_rate_wins(self, shop, catalog):
        shop.dispatch(SetCategoryTaxRate(catalog.mugs, 500))
        shop.dispatch(
            UpdateProduct(
                catalog.mug,
                "MUG-BLUE",
                "Blue Enamel Mug",
                catalog.mugs,
                850,
                barcode="5012345678900",
                reorder_level=2,
                tax_rate_bp=0,
            )
        )
        assert self.rate_of(shop, catalog.mug) == 0

    def test_moving_a_category_changes_what_it_inherits(self, shop, catalog):
        shop.dispatch(SetCategoryTaxRate(catalog.garden, 1000))
        shop.dispatch(MoveCategory(catalog.mugs, catalog.garden))
        assert self.rate_of(shop, catalog.mug) == 1000

    def test_categories_show_their_own_rate(self, shop, catalog, reopen):
        shop.dispatch(SetCategoryTaxRate(catalog.mugs, 500))
        rates = {c.name: c.tax_rate_bp for c in shop.ask(GetCategories())}
        assert rates == {"Garden": None, "Kitchen": None, "Mugs": 500, "Plates": None}
        shop = reopen(shop)
        assert {c.name: c.tax_rate_bp for c in shop.ask(GetCategories())}["Mugs"] == 500
        shop.rebuild_read_model()
        assert {c.name: c.tax_rate_bp for c in shop.ask(GetCategories())}["Mugs"] == 500

    def test_renaming_keeps_the_rate(self, shop, catalog):
        from core.commands import RenameCategory

        shop.dispatch(SetCategoryTaxRate(catalog.mugs, 500))
        shop.dispatch(RenameCategory(catalog.mugs, "Cups"))
        assert {c.name: c.tax_rate_bp for c in shop.ask(GetCategories())}["Cups"] == 500

    def test_listeners_hear_of_the_category(self, shop, catalog):
        heard = []
        shop.add_listener(heard.append)
        shop.dispatch(SetCategoryTaxRate(catalog.mugs, 500))
        assert heard[0].categories == {catalog.mugs}

    @pytest.mark.parametrize(
        "command, error, message",
        [
            (lambda c: SetCategoryTaxRate(999, 500), UnknownCategory, "There is no category number 999."),
            (lambda c: SetCategoryTaxRate(c.mugs, -1), InvalidCommand, "Tax rate must be a percentage from 0 to 100."),
            (lambda c: SetCategoryTaxRate(c.mugs, 10001), InvalidCommand, "Tax rate must be a percentage"),
            (lambda c: SetCategoryTaxRate(c.mugs, "5"), InvalidCommand, "Tax rate must be a percentage"),
            (lambda c: SetCategoryTaxRate("1", 5), InvalidCommand, "Category must be a whole number"),
        ],
    )
    def test_refused(self, shop, catalog, unchanged, readable, command, error, message):
        with unchanged(shop):
            with pytest.raises(ShopError) as raised:
                shop.dispatch(command(catalog))
        assert type(raised.value) is error and str(raised.value).startswith(message)
        readable(raised.value)


class TestQuotes:
    def test_a_quote_is_what_the_order_costs(self, shop, catalog):
        shop.dispatch(SetCategoryTaxRate(catalog.garden, 500))
        lines = (
            OrderLine(catalog.trowel, 2, Discount.percent(3333)),
            OrderLine(catalog.mug, 3),
            OrderLine(catalog.teapot, 1, Discount.amount(99)),
            OrderLine(catalog.mug, 1),
        )
        quote = shop.ask(QuoteOrder(lines, Discount.percent(1250)))
        # By product id: mug (4 x 850 = 3400), teapot (2499 - 99 = 2400), trowel (2400 - 33.33% = 1600.08 -> 1600).
        # 12.5% of 7400 = 925, spread 425, 300, 200 exactly.
        assert quote == OrderQuote(
            lines=(
                QuotedLine(
                    catalog.mug, "MUG-BLUE", "Blue Enamel Mug", 4, 850, None, 2000, 3400, 0, 425, 2975, 496, 2975
                ),  # 2975/6 = 495.83
                QuotedLine(
                    catalog.teapot,
                    "TEA-01",
                    "Café Teapot",
                    1,
                    2499,
                    Discount.amount(99),
                    2000,
                    2499,
                    99,
                    300,
                    2100,
                    350,
                    2100,
                ),
                QuotedLine(
                    catalog.trowel,
                    "GRD-TRW",
                    "Hand Trowel",
                    2,
                    1200,
                    Discount.percent(3333),
                    500,
                    2400,
                    800,
                    200,
                    1400,
                    67,
                    1400,
                ),
            ),  # 1400 x 500/10500 = 66.67
            subtotal_cents=8299,
            discount_cents=1824,
            tax_cents=913,
            tax_by_rate=(TaxBand(500, 1333, 67), TaxBand(2000, 4229, 846)),
            total_cents=6475,
            prices_include_tax=True,
        )

        order_id = shop.dispatch(PlaceOrder(lines, order_discount=Discount.percent(1250)))
        detail = shop.ask(GetOrder(order_id))
        assert (
            detail.total_cents,
            detail.tax_cents,
            detail.discount_cents,
            detail.subtotal_cents,
            detail.tax_by_rate,
        ) == (6475, 913, 1824, 8299, quote.tax_by_rate)
        assert [
            (l.product_id, l.quantity, l.discount, l.net_cents, l.tax_cents, l.total_cents) for l in detail.lines
        ] == [(q.product_id, q.quantity, q.discount, q.net_cents, q.tax_cents, q.total_cents) for q in quote.lines]

    def test_a_quote_changes_nothing(self, shop, catalog, unchanged):
        with unchanged(shop):
            shop.ask(QuoteOrder((OrderLine(catalog.mug, 2),)))

    def test_a_quote_ignores_stock(self, shop, catalog):
        assert shop.ask(QuoteOrder((OrderLine(catalog.plate, 3),))).total_cents == 1275

    @pytest.mark.parametrize(
        "lines, error, message",
        [
            ((), InvalidCommand, "The order is empty"),
            ((OrderLine(999, 1),), UnknownProduct, "There is no product number 999."),
            ((OrderLine(1, 0),), InvalidCommand, "Quantity must be at least 1."),
            (
                (OrderLine(1, 1, Discount.percent(1000)), OrderLine(1, 1)),
                InvalidCommand,
                "Blue Enamel Mug is on two lines with different discounts: put it on one line.",
            ),
        ],
    )
    def test_a_quote_refuses_what_the_order_would(self, shop, catalog, lines, error, message):
        for attempt in (lambda: shop.ask(QuoteOrder(lines)), lambda: shop.dispatch(PlaceOrder(lines))):
            with pytest.raises(ShopError) as raised:
                attempt()
            assert type(raised.value) is error and str(raised.value).startswith(message)


DISCOUNT_CASES = [
    (
        lambda c: PlaceOrder((OrderLine(c.mug, 1, Discount.percent(10001)),)),
        "A line discount must be a percentage from 0 to 100.",
    ),
    (
        lambda c: PlaceOrder((OrderLine(c.mug, 1, Discount.percent(-1)),)),
        "A line discount must be a percentage from 0 to 100.",
    ),
    (
        lambda c: PlaceOrder((OrderLine(c.mug, 1, Discount.percent(10.5)),)),
        "A line discount must be a percentage from 0 to 100.",
    ),
    (
        lambda c: PlaceOrder((OrderLine(c.mug, 1, Discount("fraction", 3)),)),
        "A line discount must be a percentage or an amount, not 'fraction'.",
    ),
    (lambda c: PlaceOrder((OrderLine(c.mug, 1, Discount.amount(-1)),)), "A line discount cannot be negative."),
    (
        lambda c: PlaceOrder((OrderLine(c.mug, 1, Discount.amount(1.5)),)),
        "A line discount must be a whole number, not 1.5.",
    ),
    (lambda c: PlaceOrder((OrderLine(c.mug, 1, 10),)), "A line discount must be a percentage or an amount, not 10."),
    (
        lambda c: PlaceOrder((OrderLine(c.mug, 1),), order_discount=Discount.percent(20000)),
        "The order discount must be a percentage from 0 to 100.",
    ),
    (
        lambda c: PlaceOrder((OrderLine(c.mug, 1),), order_discount="10%"),
        "The order discount must be a percentage or an amount, not '10%'.",
    ),
    (
        lambda c: PlaceOrder((OrderLine(c.mug, 1, Discount.amount(100)), OrderLine(c.mug, 1, Discount.percent(100)))),
        "Blue Enamel Mug is on two lines with different discounts: put it on one line.",
    ),
    (
        lambda c: PlaceOrder((OrderLine(c.mug, 1, Discount.percent(500)), OrderLine(c.mug, 1, Discount.percent(100)))),
        "Blue Enamel Mug is on two lines with different discounts: put it on one line.",
    ),
    (
        lambda c: PlaceOrder((OrderLine(c.mug, 1, Discount.percent(500)), OrderLine(c.mug, 1))),
        "Blue Enamel Mug is on two lines with different discounts: put it on one line.",
    ),
]


@pytest.mark.parametrize("build, message", DISCOUNT_CASES)
def test_refused_discounts(shop, catalog, unchanged, readable, build, message):
    with unchanged(shop):
        with pytest.raises(InvalidCommand) as raised:
            shop.dispatch(build(catalog))
    assert str(raised.value) == message
    readable(raised.value)


def test_a_zero_discount_is_no_discount(shop, catalog):
    order_id = shop.dispatch(
        PlaceOrder(
            (OrderLine(catalog.mug, 1, Discount.percent(0)), OrderLine(catalog.mug, 1)),
            order_discount=Discount.amount(0),
        )
    )
    detail = shop.ask(GetOrder(order_id))
    assert (detail.lines[0].discount, detail.order_discount, detail.total_cents) == (None, None, 1700)


def test_an_archived_product_is_not_quoted(shop, catalog):
    from core.commands import ArchiveProduct

    shop.dispatch(ArchiveProduct(catalog.mug))
    with pytest.raises(InvalidCommand, match="archived"):
        shop.ask(QuoteOrder((OrderLine(catalog.mug, 1),)))


def test_a_new_product_in_a_taxed_category(shop, catalog):
    books = shop.dispatch(AddCategory("Books"))
    shop.dispatch(SetCategoryTaxRate(books, 0))
    book = shop.dispatch(AddProduct("BK-1", "Cookery Book", books, 1999, stock=2))
    quote = shop.ask(QuoteOrder((OrderLine(book, 1),)))
    assert (quote.tax_cents, quote.total_cents, quote.tax_by_rate) == (0, 1999, (TaxBand(0, 1999, 0),))
