"""The EAN-13 check digit (against python-barcode's), the shop's own range,
and GiveBarcode: one click gives a product without a barcode the next one."""

import pytest
from barcode import EAN13

from core.commands import AddProduct, GiveBarcode, GiveBarcodes, UpdateProduct
from core.domain.barcodes import INTERNAL_LAST, ean13_check_digit, internal_ean13, is_ean13, next_internal
from core.errors import InvalidCommand, UnknownProduct
from core.queries import FindProductByCode, GetProduct
from tests.unit.helpers import refused


@pytest.mark.parametrize("body", ["400638133393", "501234500001", "200000000001", "978020137962", "000000000000"])
def test_the_check_digit_is_python_barcodes(body):
    assert str(ean13_check_digit(body)) == EAN13(body).get_fullcode()[-1]
    assert is_ean13(body + str(ean13_check_digit(body)))


def test_what_is_not_an_ean13():
    assert not is_ean13("4006381333932")  # wrong check digit
    assert not is_ean13("400638133393")  # 12 digits
    assert not is_ean13("40063813339３1")  # a full-width digit
    assert not is_ean13("ABCDEFGHIJKLM")


def test_the_shops_own_range():
    assert next_internal([]) == "2000000000015"
    assert next_internal(["2000000000015", "5012345000017", "2000000000992"]) == internal_ean13(200000000100)
    assert next_internal(["2000000000016"]) == "2000000000015"  # not an EAN-13: ignored
    assert next_internal([internal_ean13(INTERNAL_LAST)]) is None


def test_a_product_without_a_barcode_gets_the_next_one(shop, catalog):
    first = shop.dispatch(GiveBarcode(catalog.teapot))
    second = shop.dispatch(GiveBarcode(catalog.plate))
    assert (first, second) == ("2000000000015", "2000000000022")
    assert shop.ask(GetProduct(catalog.teapot)).barcode == first
    assert shop.ask(FindProductByCode(second)).id == catalog.plate


def test_a_code_typed_by_hand_in_the_range_is_never_given_again(shop, catalog):
    mug = shop.ask(GetProduct(catalog.mug))
    shop.dispatch(UpdateProduct(mug.id, mug.sku, mug.name, mug.category_id, mug.price_cents, barcode="2000000001005"))
    assert shop.dispatch(GiveBarcode(catalog.teapot)) == "2000000001012"


def test_refusals_change_nothing(shop, catalog, unchanged, readable):
    shop.dispatch(GiveBarcode(catalog.teapot))
    message = refused(shop, unchanged, readable, GiveBarcode(catalog.teapot))
    assert message == 'Café Teapot already has the barcode "2000000000015".'
    refused(shop, unchanged, readable, GiveBarcode(9999), UnknownProduct)
    refused(shop, unchanged, readable, GiveBarcode("1"), InvalidCommand)
    with pytest.raises(InvalidCommand):
        shop.dispatch(AddProduct("X-1", "X", catalog.mugs, 100, barcode="2000000000015"))


def test_many_products_get_barcodes_in_one_command(shop, catalog):
    heard = []
    shop.add_listener(heard.append)
    given = shop.dispatch(GiveBarcodes((catalog.plate, catalog.mug, catalog.teapot, catalog.plate)))
    # The mug has its maker's barcode: passed over; the plate asked for twice gets one.
    assert given == ((catalog.plate, "2000000000015"), (catalog.teapot, "2000000000022"))
    assert shop.ask(GetProduct(catalog.teapot)).barcode == "2000000000022"
    assert shop.ask(FindProductByCode("2000000000015")).id == catalog.plate
    assert shop.ask(GetProduct(catalog.mug)).barcode == "5012345678900"
    assert len(heard) == 1  # one change told to the window, as one command


def test_giving_many_barcodes_is_all_or_none(shop, catalog, unchanged, readable):
    mug = shop.ask(GetProduct(catalog.mug))
    last_but_one = internal_ean13(INTERNAL_LAST - 1)
    shop.dispatch(UpdateProduct(mug.id, mug.sku, mug.name, mug.category_id, mug.price_cents, barcode=last_but_one))
    message = refused(shop, unchanged, readable, GiveBarcodes((catalog.teapot, catalog.plate)))
    assert message == (
        "The shop's own barcodes would run out after 1 of these 2 products: give the others their makers' barcodes."
    )
    assert refused(shop, unchanged, readable, GiveBarcodes(())) == "Choose the products to give barcodes to."
    assert refused(shop, unchanged, readable, GiveBarcodes((catalog.mug, catalog.trowel))) == (
        "Each of these products already has a barcode."
    )
    refused(shop, unchanged, readable, GiveBarcodes((catalog.teapot, 9999)), UnknownProduct)
    refused(shop, unchanged, readable, GiveBarcodes((catalog.teapot, "1")), InvalidCommand)
    refused(shop, unchanged, readable, GiveBarcodes(catalog.teapot), InvalidCommand)


def test_giving_many_barcodes_needs_a_manager():
    from core.domain.permissions import needed_role
    from core.domain.staff import Role

    assert needed_role("GiveBarcodes") == Role.MANAGER  # as GiveBarcode: the shop's own numbers
