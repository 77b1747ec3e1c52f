"""An order's life through the dispatcher: placed with discounts and tax,
paid, fulfilled, cancelled, items returned. Every refused step says why and
changes nothing in either store.

The catalog (tests/unit/conftest.py): Blue Enamel Mug £8.50 (10 in stock),
Café Teapot £24.99 (3), Dinner Plate £4.25 (0), Hand Trowel £12.00 (7). The
shop has its default settings: prices include 20% tax.
"""

import pytest

from core.commands import (
    CancelOrder,
    Discount,
    FulfilOrder,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
    RecordPayment,
    ReturnItems,
    ReturnLine,
    UpdateShopSettings,
)
from core.errors import InvalidCommand, InvalidTransition, OrderNotCancellable, ShopError, UnknownOrder
from core.queries import (
    GetOrder,
    GetOrders,
    GetShopSettings,
    GetStockHistory,
    OrderHistoryEntry,
    PaymentView,
    StockMovement,
)
from core.results import PaymentOutcome, ReturnOutcome
from tests.helpers import WriteModelDatabase
from tests.unit.helpers import BY_OWNER, stock_of


def order(shop, order_id):
    return shop.ask(GetOrder(order_id))


@pytest.fixture
def placed(shop, catalog):
    """Order 1: 2 mugs and a trowel, £29.00 (tax 283 + 200)."""
    return shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(catalog.trowel, 1))))


@pytest.fixture
def paid(shop, placed):
    shop.dispatch(RecordPayment(placed, "card", 2900))
    return placed


def refused(shop, unchanged, readable, command, error=InvalidCommand):
    """Dispatch ``command``, expecting it refused with ``error`` and nothing changed; returns the message."""
    with unchanged(shop):
        with pytest.raises(ShopError) as raised:
            shop.dispatch(command)
    assert isinstance(raised.value, error), f"{type(raised.value).__name__}: {raised.value}"
    readable(raised.value)
    return str(raised.value)


class TestPlacing:
    def test_a_placed_order_is_priced_with_tax_and_unpaid(self, shop, catalog, placed):
        detail = order(shop, placed)
        assert (
            detail.status,
            detail.total_cents,
            detail.subtotal_cents,
            detail.discount_cents,
            detail.tax_cents,
            detail.paid_cents,
            detail.due_cents,
        ) == ("placed", 2900, 2900, 0, 483, 0, 2900)
        assert [(l.product_id, l.tax_rate_bp, l.tax_cents, l.total_cents) for l in detail.lines] == [
            (catalog.mug, 2000, 283, 1700),
            (catalog.trowel, 2000, 200, 1200),
        ]
        assert detail.history == (OrderHistoryEntry("2024-03-01T09:00:00+00:00", "placed", 2900, **BY_OWNER),)
        assert (detail.customer_id, detail.customer_name, detail.payments, detail.returns) == (None, None, (), ())

    def test_line_and_order_discounts(self, shop, catalog):
        # Mugs 3 x 850 = 2550 less 10% (255) = 2295; trowel 1200. £5 off the order,
        # spread 5 x 2295/3495 = 328.33 -> 328 and 171.67 -> 172 (largest remainder).
        order_id = shop.dispatch(
            PlaceOrder(
                (OrderLine(catalog.mug, 3, Discount.percent(1000)), OrderLine(catalog.trowel, 1)),
                order_discount=Discount.amount(500),
            )
        )
        detail = order(shop, order_id)
        mug, trowel = detail.lines
        assert (mug.gross_cents, mug.line_discount_cents, mug.order_discount_cents, mug.net_cents, mug.tax_cents) == (
            2550,
            255,
            328,
            1967,
            328,
        )  # 1967/6 = 327.83
        assert (
            trowel.gross_cents,
            trowel.line_discount_cents,
            trowel.order_discount_cents,
            trowel.net_cents,
            trowel.tax_cents,
        ) == (1200, 0, 172, 1028, 171)  # 1028/6 = 171.33
        assert (detail.subtotal_cents, detail.discount_cents, detail.total_cents, detail.tax_cents) == (
            3750,
            755,
            2995,
            499,
        )
        assert mug.discount == Discount.percent(1000) and detail.order_discount == Discount.amount(500)
        (summary,) = shop.ask(GetOrders())
        assert summary.total_cents == 2995

    def test_lines_of_one_product_merge_their_amount_discounts(self, shop, catalog):
        order_id = shop.dispatch(
            PlaceOrder(
                (
                    OrderLine(catalog.mug, 1, Discount.amount(100)),
                    OrderLine(catalog.mug, 2),
                    OrderLine(catalog.mug, 1, Discount.amount(50)),
                )
            )
        )
        (line,) = order(shop, order_id).lines
        assert (line.quantity, line.discount, line.line_discount_cents, line.total_cents) == (
            4,
            Discount.amount(150),
            150,
            3250,
        )

    def test_lines_of_one_product_with_the_same_percentage_merge(self, shop, catalog):
        order_id = shop.dispatch(
            PlaceOrder(
                (OrderLine(catalog.mug, 1, Discount.percent(2500)), OrderLine(catalog.mug, 1, Discount.percent(2500)))
            )
        )
        (line,) = order(shop, order_id).lines
        assert (line.quantity, line.line_discount_cents, line.total_cents) == (2, 425, 1275)

    def test_a_hundred_percent_discount_makes_a_free_order(self, shop, catalog):
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 1),), order_discount=Discount.percent(10000)))
        detail = order(shop, order_id)
        assert (detail.total_cents, detail.tax_cents, detail.discount_cents, detail.due_cents) == (0, 0, 2499, 0)
        assert stock_of(shop, catalog.teapot) == (2,)

    def test_tax_exclusive_prices_add_the_tax(self, shop, catalog):
        shop.dispatch(UpdateShopSettings.based_on(shop.ask(GetShopSettings()), prices_include_tax=False))
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(catalog.trowel, 1))))
        detail = order(shop, order_id)
        assert (detail.subtotal_cents, detail.tax_cents, detail.total_cents, detail.prices_include_tax) == (
            2900,
            580,
            3480,
            False,
        )
        assert [l.total_cents for l in detail.lines] == [2040, 1440]

    def test_an_order_keeps_the_tax_setting_it_was_placed_with(self, shop, catalog, placed):
        shop.dispatch(
            UpdateShopSettings.based_on(shop.ask(GetShopSettings()), prices_include_tax=False, default_tax_rate_bp=500)
        )
        detail = order(shop, placed)
        assert (detail.total_cents, detail.tax_cents, detail.prices_include_tax) == (2900, 483, True)


class TestPayments:
    def test_a_card_payment_of_the_total_makes_the_order_paid(self, shop, placed):
        outcome = shop.dispatch(RecordPayment(placed, "card", 2900))
        assert outcome == PaymentOutcome(payment_id=1, change_cents=0, due_cents=0, status="paid")
        detail = order(shop, placed)
        assert (detail.status, detail.paid_cents, detail.due_cents) == ("paid", 2900, 0)
        assert detail.payments == (PaymentView(1, "2024-03-01T09:00:00+00:00", "card", 2900, None, None),)
        assert [(h.kind, h.amount_cents, h.method) for h in detail.history] == [
            ("placed", 2900, None),
            ("payment", 2900, "card"),
        ]
        (summary,) = shop.ask(GetOrders())
        assert (summary.status, summary.paid_cents, summary.due_cents) == ("paid", 2900, 0)

    def test_cash_gives_change(self, shop, placed):
        outcome = shop.dispatch(RecordPayment(placed, "cash", 2900, tendered_cents=5000))
        assert (outcome.change_cents, outcome.status) == (2100, "paid")
        (payment,) = order(shop, placed).payments
        assert (payment.method, payment.amount_cents, payment.tendered_cents, payment.change_cents) == (
            "cash",
            2900,
            5000,
            2100,
        )

    def test_exact_cash_without_a_tendered_amount(self, shop, placed):
        outcome = shop.dispatch(RecordPayment(placed, "cash", 2900))
        assert outcome.change_cents == 0
        (payment,) = order(shop, placed).payments
        assert (payment.tendered_cents, payment.change_cents) == (2900, 0)

    def test_part_payments_until_the_total_is_covered(self, shop, placed, clock):
        first = shop.dispatch(RecordPayment(placed, "card", 1000))
        assert (first.status, first.due_cents) == ("placed", 1900)
        assert order(shop, placed).due_cents == 1900
        clock.advance(minutes=1)
        second = shop.dispatch(RecordPayment(placed, "cash", 1900, tendered_cents=2000))
        assert (second.payment_id, second.status, second.due_cents, second.change_cents) == (2, "paid", 0, 100)
        detail = order(shop, placed)
        assert [(p.method, p.amount_cents) for p in detail.payments] == [("card", 1000), ("cash", 1900)]
        assert detail.paid_cents == 2900
        assert detail.change_cents == 100

    def test_an_order_dearer_than_any_product_can_be_paid(self, shop, catalog):
        from core.commands import AddProduct
        from core.domain.money import MAX_PRICE_CENTS

        yacht = shop.dispatch(AddProduct("BIG", "Yacht", catalog.garden, MAX_PRICE_CENTS, stock=3))
        order_id = shop.dispatch(PlaceOrder((OrderLine(yacht, 3),)))
        outcome = shop.dispatch(RecordPayment(order_id, "cash", 3 * MAX_PRICE_CENTS, 3 * MAX_PRICE_CENTS + 1))
        assert (outcome.status, outcome.change_cents) == ("paid", 1)

    def test_a_free_order_is_settled_with_a_payment_of_nothing(self, shop, catalog):
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), order_discount=Discount.percent(10000)))
        outcome = shop.dispatch(RecordPayment(order_id, "other", 0))
        assert outcome.status == "paid"
        shop.dispatch(FulfilOrder(order_id))
        assert order(shop, order_id).status == "fulfilled"

    @pytest.mark.parametrize(
        "command, message",
        [
            (lambda o: RecordPayment(o, "card", 3000), "Order 1 has only £29.00 left to pay, not £30.00."),
            (
                lambda o: RecordPayment(o, "cash", 2900, tendered_cents=2000),
                "The cash tendered (£20.00) does not cover £29.00.",
            ),
            (
                lambda o: RecordPayment(o, "card", 2900, tendered_cents=3000),
                "Only a cash payment has an amount tendered.",
            ),
            (lambda o: RecordPayment(o, "cheque", 2900), "Choose how the order is paid: cash, card or other."),
            (lambda o: RecordPayment(o, "card", 0), "Enter the amount paid: £29.00 is due."),
            (lambda o: RecordPayment(o, "card", -5), "The amount paid cannot be negative."),
            (lambda o: RecordPayment(o, "card", 29.0), "The amount paid must be a whole number, not 29.0."),
            (lambda o: RecordPayment(o, "card", "2900"), "The amount paid must be a whole number, not '2900'."),
            (lambda o: RecordPayment(o, "cash", 2900, tendered_cents=-1), "The amount tendered cannot be negative."),
            (lambda o: RecordPayment("1", "card", 2900), "Order number must be a whole number, not '1'."),
        ],
    )
    def test_refused_payments(self, shop, placed, unchanged, readable, command, message):
        assert refused(shop, unchanged, readable, command(placed)) == message

    def test_paying_an_unknown_order(self, shop, catalog, unchanged, readable):
        assert (
            refused(shop, unchanged, readable, RecordPayment(7, "card", 100), UnknownOrder)
            == "There is no order number 7."
        )

    def test_paying_a_paid_order_is_refused(self, shop, paid, unchanged, readable):
        assert (
            refused(shop, unchanged, readable, RecordPayment(paid, "card", 1), InvalidTransition)
            == "Order 1 is already paid."
        )

    def test_paying_a_fulfilled_order_is_refused(self, shop, paid, unchanged, readable):
        shop.dispatch(FulfilOrder(paid))
        assert (
            refused(shop, unchanged, readable, RecordPayment(paid, "card", 1), InvalidTransition)
            == "Order 1 is already paid and fulfilled."
        )

    def test_paying_a_cancelled_order_is_refused(self, shop, placed, unchanged, readable):
        shop.dispatch(CancelOrder(placed))
        assert (
            refused(shop, unchanged, readable, RecordPayment(placed, "card", 2900), InvalidTransition)
            == "Order 1 is cancelled: it cannot be paid."
        )

    def test_the_database_refuses_more_than_the_total(self, shop, placed, data_dir):
        conn = WriteModelDatabase(data_dir)
        with pytest.raises(conn.IntegrityError):
            conn.execute("UPDATE shop_order SET paid_cents = total_cents + 1")
        conn.close()


class TestFulfilment:
    def test_a_paid_order_is_fulfilled(self, shop, paid, clock):
        clock.advance(minutes=5)
        assert shop.dispatch(FulfilOrder(paid)) is None
        detail = order(shop, paid)
        assert (detail.status, detail.fulfilled_at) == ("fulfilled", "2024-03-01T09:05:00+00:00")
        assert detail.history[-1] == OrderHistoryEntry("2024-03-01T09:05:00+00:00", "fulfilled", **BY_OWNER)

    def test_an_unpaid_order_cannot_be_fulfilled(self, shop, placed, unchanged, readable):
        shop.dispatch(RecordPayment(placed, "card", 900))
        assert (
            refused(shop, unchanged, readable, FulfilOrder(placed), InvalidTransition)
            == "Order 1 is not paid yet: £20.00 is still due."
        )

    def test_fulfilling_twice_is_refused(self, shop, paid, unchanged, readable):
        shop.dispatch(FulfilOrder(paid))
        assert (
            refused(shop, unchanged, readable, FulfilOrder(paid), InvalidTransition) == "Order 1 is already fulfilled."
        )

    def test_a_cancelled_order_cannot_be_fulfilled(self, shop, paid, unchanged, readable):
        shop.dispatch(CancelOrder(paid))
        assert (
            refused(shop, unchanged, readable, FulfilOrder(paid), InvalidTransition)
            == "Order 1 is cancelled: it cannot be fulfilled."
        )

    def test_an_unknown_order(self, shop, catalog, unchanged, readable):
        assert refused(shop, unchanged, readable, FulfilOrder(99), UnknownOrder) == "There is no order number 99."


class TestCancelling:
    def test_a_placed_order_puts_its_stock_back_and_refunds_nothing(self, shop, catalog, placed, clock):
        clock.advance(minutes=2)
        shop.dispatch(CancelOrder(placed))
        detail = order(shop, placed)
        assert (detail.status, detail.cancelled_at, detail.refunded_cents) == (
            "cancelled",
            "2024-03-01T09:02:00+00:00",
            0,
        )
        assert detail.history[-1] == OrderHistoryEntry(
            "2024-03-01T09:02:00+00:00", "cancelled", 0, quantity=3, **BY_OWNER
        )
        assert stock_of(shop, catalog.mug, catalog.trowel) == (10, 7)

    def test_a_paid_order_is_refunded_what_was_paid(self, shop, catalog, paid):
        shop.dispatch(CancelOrder(paid))
        detail = order(shop, paid)
        assert (detail.status, detail.paid_cents, detail.refunded_cents) == ("cancelled", 2900, 2900)
        assert detail.history[-1].amount_cents == 2900
        assert stock_of(shop, catalog.mug, catalog.trowel) == (10, 7)
        (summary,) = shop.ask(GetOrders())
        assert (summary.refunded_cents, summary.due_cents) == (2900, 0)

    def test_a_part_paid_order_is_refunded_the_part(self, shop, placed):
        shop.dispatch(RecordPayment(placed, "cash", 1000))
        shop.dispatch(CancelOrder(placed))
        assert (order(shop, placed).paid_cents, order(shop, placed).refunded_cents) == (1000, 1000)

    def test_after_a_return_only_the_rest_comes_back(self, shop, catalog, paid):
        shop.dispatch(ReturnItems(paid, (ReturnLine(catalog.mug, 1),)))  # refund 850
        assert stock_of(shop, catalog.mug) == (9,)
        shop.dispatch(CancelOrder(paid))
        detail = order(shop, paid)
        assert stock_of(shop, catalog.mug, catalog.trowel) == (10, 7)
        assert detail.refunded_cents == 2900
        assert [(h.kind, h.amount_cents, h.quantity) for h in detail.history] == [
            ("placed", 2900, None),
            ("payment", 2900, None),
            ("return", 850, 1),
            ("cancelled", 2050, 2),
        ]

    def test_a_fulfilled_order_cannot_be_cancelled(self, shop, paid, unchanged, readable):
        shop.dispatch(FulfilOrder(paid))
        assert (
            refused(shop, unchanged, readable, CancelOrder(paid), OrderNotCancellable)
            == "Order 1 is already fulfilled: take a return instead."
        )

    def test_cancelling_twice_is_refused(self, shop, paid, unchanged, readable):
        shop.dispatch(CancelOrder(paid))
        assert (
            refused(shop, unchanged, readable, CancelOrder(paid), OrderNotCancellable)
            == "Order 1 is already cancelled."
        )


class TestReturns:
    @pytest.fixture
    def three_mugs(self, shop, catalog):
        """3 mugs less £1 off the order: 2450, refunded 817, 817, 816 unit by unit."""
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 3),), order_discount=Discount.amount(100)))
        shop.dispatch(RecordPayment(order_id, "card", 2450))
        return order_id

    def test_a_return_refunds_the_units_share_and_restocks(self, shop, catalog, three_mugs, clock):
        clock.advance(minutes=10)
        outcome = shop.dispatch(ReturnItems(three_mugs, (ReturnLine(catalog.mug, 1),), "faulty", "Chipped rim"))
        assert outcome == ReturnOutcome(return_id=1, refund_cents=817)
        assert stock_of(shop, catalog.mug) == (8,)
        detail = order(shop, three_mugs)
        (line,) = detail.lines
        assert (line.returned_quantity, line.refunded_cents, line.returnable_quantity) == (1, 817, 2)
        assert detail.refunded_cents == 817 and detail.status == "paid"
        (ret,) = detail.returns
        assert (ret.id, ret.at, ret.reason, ret.note, ret.refund_cents) == (
            1,
            "2024-03-01T09:10:00+00:00",
            "faulty",
            "Chipped rim",
            817,
        )
        (item,) = ret.items
        assert (item.product_id, item.sku, item.name, item.quantity, item.refund_cents, item.tax_cents) == (
            catalog.mug,
            "MUG-BLUE",
            "Blue Enamel Mug",
            1,
            817,
            136,
        )  # tax 408 over 3 units: 136 each
        assert detail.history[-1] == OrderHistoryEntry(
            "2024-03-01T09:10:00+00:00", "return", 817, "card", quantity=1, reason="faulty", **BY_OWNER
        )
        assert shop.ask(GetStockHistory(catalog.mug))[-1] == StockMovement(
            "2024-03-01T09:10:00+00:00", "returned", 1, 8, "faulty", "Chipped rim", three_mugs, **BY_OWNER
        )

    def test_returns_add_up_to_exactly_what_the_line_cost(self, shop, catalog, three_mugs):
        refunds = [shop.dispatch(ReturnItems(three_mugs, (ReturnLine(catalog.mug, 1),))).refund_cents for _ in range(3)]
        assert refunds == [817, 817, 816]
        detail = order(shop, three_mugs)
        assert detail.refunded_cents == 2450 == detail.paid_cents
        assert sum(i.tax_cents for r in detail.returns for i in r.items) == detail.tax_cents
        assert stock_of(shop, catalog.mug) == (10,)

    def test_two_then_one(self, shop, catalog, three_mugs):
        assert shop.dispatch(ReturnItems(three_mugs, (ReturnLine(catalog.mug, 2),))).refund_cents == 1634
        assert shop.dispatch(ReturnItems(three_mugs, (ReturnLine(catalog.mug, 1),))).refund_cents == 816

    def test_lines_naming_one_product_are_added_together(self, shop, catalog, three_mugs):
        outcome = shop.dispatch(ReturnItems(three_mugs, (ReturnLine(catalog.mug, 1), ReturnLine(catalog.mug, 1))))
        assert outcome.refund_cents == 1634
        (ret,) = order(shop, three_mugs).returns
        assert [i.quantity for i in ret.items] == [2]

    def test_a_fulfilled_order_takes_returns(self, shop, catalog, paid):
        shop.dispatch(FulfilOrder(paid))
        outcome = shop.dispatch(ReturnItems(paid, (ReturnLine(catalog.trowel, 1), ReturnLine(catalog.mug, 2))))
        assert outcome.refund_cents == 2900
        detail = order(shop, paid)
        assert (detail.status, detail.refunded_cents) == ("fulfilled", 2900)
        assert stock_of(shop, catalog.mug, catalog.trowel) == (10, 7)

    def test_tax_exclusive_refunds_include_the_tax_paid(self, shop, catalog):
        shop.dispatch(UpdateShopSettings.based_on(shop.ask(GetShopSettings()), prices_include_tax=False))
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))  # 1700 + 340 tax
        shop.dispatch(RecordPayment(order_id, "card", 2040))
        outcome = shop.dispatch(ReturnItems(order_id, (ReturnLine(catalog.mug, 1),)))
        assert outcome.refund_cents == 1020
        (ret,) = order(shop, order_id).returns
        assert ret.items[0].tax_cents == 170

    def test_more_than_sold_is_refused(self, shop, catalog, three_mugs, unchanged, readable):
        assert (
            refused(shop, unchanged, readable, ReturnItems(three_mugs, (ReturnLine(catalog.mug, 4),)))
            == "Only 3 of Blue Enamel Mug from order 1 can still be returned."
        )

    def test_never_more_than_sold_across_returns(self, shop, catalog, three_mugs, unchanged, readable):
        shop.dispatch(ReturnItems(three_mugs, (ReturnLine(catalog.mug, 2),)))
        assert (
            refused(shop, unchanged, readable, ReturnItems(three_mugs, (ReturnLine(catalog.mug, 2),)))
            == "Only 1 of Blue Enamel Mug from order 1 can still be returned."
        )
        shop.dispatch(ReturnItems(three_mugs, (ReturnLine(catalog.mug, 1),)))
        assert (
            refused(shop, unchanged, readable, ReturnItems(three_mugs, (ReturnLine(catalog.mug, 1),)))
            == "Every Blue Enamel Mug from order 1 has already been returned."
        )

    def test_a_refused_line_refuses_the_whole_return(self, shop, catalog, paid, unchanged, readable):
        command = ReturnItems(paid, (ReturnLine(catalog.mug, 1), ReturnLine(catalog.trowel, 2)))
        assert (
            refused(shop, unchanged, readable, command) == "Only 1 of Hand Trowel from order 1 can still be returned."
        )

    @pytest.mark.parametrize(
        "command, message",
        [
            (lambda c, o: ReturnItems(o, (ReturnLine(c.teapot, 1),)), "Order 1 has no Café Teapot."),
            (lambda c, o: ReturnItems(o, (ReturnLine(999, 1),)), "Order 1 has no product number 999."),
            (lambda c, o: ReturnItems(o, ()), "Choose at least one item to return."),
            (lambda c, o: ReturnItems(o, None), "A return's lines must be a list of return lines."),
            (lambda c, o: ReturnItems(o, (OrderLine(c.mug, 1),)), "Not a return line"),
            (lambda c, o: ReturnItems(o, (ReturnLine(c.mug, 0),)), "Quantity must be at least 1."),
            (lambda c, o: ReturnItems(o, (ReturnLine(c.mug, 1.0),)), "Quantity must be a whole number, not 1.0."),
            (
                lambda c, o: ReturnItems(o, (ReturnLine(c.mug, 1),), "changed my mind"),
                "Choose a reason for the return: unwanted, faulty, wrong item, other.",
            ),
            (lambda c, o: ReturnItems(o, (ReturnLine(c.mug, 1),), note="x" * 201), "The note is too long"),
            (lambda c, o: ReturnItems(42, (ReturnLine(c.mug, 1),)), "There is no order number 42."),
        ],
    )
    def test_refused_returns(self, shop, catalog, paid, unchanged, readable, command, message):
        with unchanged(shop):
            with pytest.raises(ShopError) as raised:
                shop.dispatch(command(catalog, paid))
        assert str(raised.value).startswith(message)
        readable(raised.value)

    def test_an_unpaid_order_takes_no_returns(self, shop, catalog, placed, unchanged, readable):
        shop.dispatch(RecordPayment(placed, "card", 100))
        assert (
            refused(shop, unchanged, readable, ReturnItems(placed, (ReturnLine(catalog.mug, 1),)), InvalidTransition)
            == "Order 1 is not paid yet, so nothing can be returned: cancel it instead."
        )

    def test_a_cancelled_order_takes_no_returns(self, shop, catalog, paid, unchanged, readable):
        shop.dispatch(CancelOrder(paid))
        assert (
            refused(shop, unchanged, readable, ReturnItems(paid, (ReturnLine(catalog.mug, 1),)), InvalidTransition)
            == "Order 1 is cancelled: its items are already back in stock."
        )

    def test_the_database_refuses_returning_more_than_sold(self, shop, catalog, paid, data_dir):
        conn = WriteModelDatabase(data_dir)
        with pytest.raises(conn.IntegrityError):
            conn.execute("UPDATE order_line SET returned_quantity = quantity + 1")
        with pytest.raises(conn.IntegrityError):
            conn.execute("UPDATE shop_order SET refunded_cents = paid_cents + 1")
        conn.close()

    def test_returns_restock_after_deliveries(self, shop, catalog, paid):
        shop.dispatch(ReceiveStock(catalog.trowel, 5))
        shop.dispatch(ReturnItems(paid, (ReturnLine(catalog.trowel, 1),)))
        assert stock_of(shop, catalog.trowel) == (12,)


class TestListeners:
    def test_a_payment_names_the_order(self, shop, placed):
        heard = []
        shop.add_listener(heard.append)
        shop.dispatch(RecordPayment(placed, "card", 2900))
        (changes,) = heard
        assert changes.orders == {placed} and not changes.products

    def test_a_return_names_the_order_and_its_products(self, shop, catalog, paid):
        heard = []
        shop.add_listener(heard.append)
        shop.dispatch(ReturnItems(paid, (ReturnLine(catalog.mug, 1),)))
        (changes,) = heard
        assert changes.orders == {paid} and changes.products == {catalog.mug}
