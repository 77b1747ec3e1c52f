"""Receipts: the data (core.receipt.Receipt) and its fixed-width text."""

from datetime import UTC, timedelta, timezone

import pytest

from core.commands import (
    AddCustomer,
    CancelOrder,
    Discount,
    OrderLine,
    PlaceOrder,
    RecordPayment,
    ReturnItems,
    ReturnLine,
    UpdateShopSettings,
)
from core.domain.pricing import TaxBand
from core.errors import UnknownOrder
from core.queries import GetReceipt, GetShopSettings
from core.receipt import Receipt, ReceiptPayment, build_receipt, receipt_text


def settings(shop, **changes):
    shop.dispatch(UpdateShopSettings.based_on(shop.ask(GetShopSettings()), **changes))


@pytest.fixture
def gift_box_order(shop, catalog):
    """3 mugs less 10%, a teapot, £2 off the order; paid £10 by card, the rest in cash from £50.

    Mugs 2550 - 255 = 2295, teapot 2499; the £2 is spread 95.74 -> 96 and
    104.25 -> 104. Mugs' net 2199: tax 2199/6 = 366.5, a tie, rounds up to 367;
    the teapot's 2395/6 = 399.17 -> 399. Total 4594, tax 766."""
    settings(shop, name="The Gift Box", address="1 High Street\nLondon N1 1AA")
    jane = shop.dispatch(AddCustomer("Jane Smith"))
    order_id = shop.dispatch(
        PlaceOrder(
            (OrderLine(catalog.mug, 3, Discount.percent(1000)), OrderLine(catalog.teapot, 1)),
            customer_id=jane,
            order_discount=Discount.amount(200),
        )
    )
    shop.dispatch(RecordPayment(order_id, "card", 1000))
    shop.dispatch(RecordPayment(order_id, "cash", 3594, tendered_cents=5000))
    return order_id


GIFT_BOX_TEXT = """\
              The Gift Box
             1 High Street
             London N1 1AA
----------------------------------------
Order 1                 2024-03-01 09:00
Customer: Jane Smith
----------------------------------------
Blue Enamel Mug
  3 x £8.50                       £25.50
  10% off                         -£2.55
Café Teapot                       £24.99
----------------------------------------
Subtotal                          £47.94
Order discount (£2.00 off)        -£2.00
TOTAL                             £45.94
----------------------------------------
Tax included:
  20% on £38.28                    £7.66
----------------------------------------
Card                              £10.00
Cash                              £35.94
  Tendered                        £50.00
  Change                          £14.06
----------------------------------------
               Thank you
"""


def test_receipt_text(shop, gift_box_order):
    assert receipt_text(build_receipt(shop, gift_box_order, tz=UTC)) == GIFT_BOX_TEXT
    assert all(len(line) <= 40 for line in GIFT_BOX_TEXT.splitlines())


def test_receipt_data(shop, gift_box_order):
    receipt = build_receipt(shop, gift_box_order, tz=UTC)
    assert isinstance(receipt, Receipt)
    assert (
        receipt.shop_name,
        receipt.shop_address,
        receipt.order_number,
        receipt.local_time,
        receipt.customer_name,
    ) == ("The Gift Box", ("1 High Street", "London N1 1AA"), 1, "2024-03-01 09:00", "Jane Smith")
    assert [
        (l.name, l.quantity, l.gross_cents, l.discount_label, l.discount_cents, l.amount_cents) for l in receipt.lines
    ] == [("Blue Enamel Mug", 3, 2550, "10% off", 255, 2295), ("Café Teapot", 1, 2499, None, 0, 2499)]
    assert (
        receipt.subtotal_cents,
        receipt.order_discount_label,
        receipt.order_discount_cents,
        receipt.discount_cents,
        receipt.total_cents,
        receipt.tax_cents,
    ) == (4794, "£2.00 off", 200, 455, 4594, 766)
    assert receipt.tax_by_rate == (TaxBand(2000, 3828, 766),)
    assert receipt.payments == (ReceiptPayment("card", 1000, None, None), ReceiptPayment("cash", 3594, 5000, 1406))
    assert (receipt.paid_cents, receipt.change_cents, receipt.due_cents, receipt.refunded_cents) == (4594, 1406, 0, 0)
    assert (receipt.currency_symbol, receipt.money(4594)) == ("£", "£45.94")


def test_the_time_is_local(shop, gift_box_order):
    two_hours_east = timezone(timedelta(hours=2))
    assert build_receipt(shop, gift_box_order, tz=two_hours_east).local_time == "2024-03-01 11:00"


def test_the_query_gives_the_same_receipt(shop, gift_box_order):
    assert shop.ask(GetReceipt(gift_box_order)) == build_receipt(shop, gift_box_order)


def test_an_unknown_order_has_no_receipt(shop, catalog):
    with pytest.raises(UnknownOrder):
        build_receipt(shop, 9)
    with pytest.raises(UnknownOrder):
        shop.ask(GetReceipt(9))


def test_tax_exclusive_prices_add_the_tax_before_the_total(shop, catalog):
    settings(shop, prices_include_tax=False)
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(catalog.trowel, 1))))
    shop.dispatch(RecordPayment(order_id, "card", 3480))
    assert (
        receipt_text(build_receipt(shop, order_id, tz=UTC))
        == """\
                My Shop
----------------------------------------
Order 1                 2024-03-01 09:00
----------------------------------------
Blue Enamel Mug
  2 x £8.50                       £17.00
Hand Trowel                       £12.00
----------------------------------------
Subtotal                          £29.00
Tax 20% on £29.00                  £5.80
TOTAL                             £34.80
----------------------------------------
Card                              £34.80
----------------------------------------
               Thank you
"""
    )


def test_a_cancelled_and_an_unpaid_order(shop, catalog):
    settings(shop, currency_code="EUR", currency_symbol="€")
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 1),)))
    shop.dispatch(RecordPayment(order_id, "cash", 1000, tendered_cents=1000))
    text = receipt_text(build_receipt(shop, order_id, tz=UTC))
    assert "Still to pay                      €14.99" in text
    shop.dispatch(CancelOrder(order_id))
    text = receipt_text(build_receipt(shop, order_id, tz=UTC))
    assert "*** CANCELLED ***" in text.splitlines()[3]
    assert "Refunded                          €10.00" in text
    assert "Still to pay" not in text


def test_a_return_shows_the_refund(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
    shop.dispatch(RecordPayment(order_id, "card", 1700))
    shop.dispatch(ReturnItems(order_id, (ReturnLine(catalog.mug, 1),)))
    receipt = build_receipt(shop, order_id)
    assert receipt.lines[0].returned_quantity == 1 and receipt.refunded_cents == 850
    assert "Refunded                           £8.50" in receipt_text(receipt)


def test_long_names_are_cut_to_the_width(shop, catalog):
    from core.commands import AddProduct

    long_one = shop.dispatch(
        AddProduct("LONG", "Extra-Large Hand-Thrown Speckled Stoneware Serving Bowl", catalog.kitchen, 123456, stock=1)
    )
    order_id = shop.dispatch(PlaceOrder((OrderLine(long_one, 1),)))
    text = receipt_text(build_receipt(shop, order_id))
    assert "Extra-Large Hand-Thrown Speck… £1,234.56" in text
    assert all(len(line) <= 40 for line in text.splitlines())
    assert all(len(line) <= 32 for line in receipt_text(build_receipt(shop, order_id), width=32).splitlines())
