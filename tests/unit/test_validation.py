"""Every refused command raises the right ShopError subclass with a sentence a
shop assistant can read, and changes nothing in either store (queries, SQLite
rows and read-model files are compared before and after)."""

from decimal import Decimal

import pytest

from core.commands import (
    AddCategory,
    AddProduct,
    AddProducts,
    CancelOrder,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
)
from core.domain.money import MAX_PRICE_CENTS
from core.domain.pricing import Discount
from core.errors import (
    DuplicateBarcode,
    DuplicateSku,
    InvalidCommand,
    OrderNotCancellable,
    OutOfStock,
    ShopError,
    UnknownCategory,
    UnknownOrder,
    UnknownProduct,
)
from core.queries import GetProductsByIds

NOT_WHOLE = [1.5, "2", True, False, 2.0, None, Decimal("3")]


def case(id_, build, error, fragment):
    return pytest.param(build, error, fragment, id=id_)


def product(c, **overrides):
    fields = dict(sku="NEW-1", name="New Thing", category_id=c.kitchen, price_cents=100)
    fields.update(overrides)
    return AddProduct(**fields)


CATEGORY_CASES = [
    case("empty name", lambda c: AddCategory(""), InvalidCommand, "Category name cannot be empty"),
    case("blank name", lambda c: AddCategory("   "), InvalidCommand, "cannot be empty"),
    case("whitespace name", lambda c: AddCategory("\t \n"), InvalidCommand, "cannot be empty"),
    case("name None", lambda c: AddCategory(None), InvalidCommand, "cannot be empty"),
    case("name not text", lambda c: AddCategory(42), InvalidCommand, "cannot be empty"),
    case("name too long", lambda c: AddCategory("x" * 201), InvalidCommand, "too long"),
    case("name on two lines", lambda c: AddCategory("Mugs\nCups"), InvalidCommand, "one line"),
    case("duplicate top level", lambda c: AddCategory("kitchen"), InvalidCommand, "already exists"),
    case("duplicate sibling", lambda c: AddCategory(" MUGS ", parent_id=c.kitchen), InvalidCommand, "already exists"),
    case(
        "unknown parent",
        lambda c: AddCategory("Cups", parent_id=999),
        UnknownCategory,
        "There is no category number 999.",
    ),
    case(
        "parent id as text",
        lambda c: AddCategory("Cups", parent_id=str(c.kitchen)),
        InvalidCommand,
        "Parent category must be a whole number",
    ),
    case("parent id True", lambda c: AddCategory("Cups", parent_id=True), InvalidCommand, "whole number"),
    case("parent id float", lambda c: AddCategory("Cups", parent_id=float(c.kitchen)), InvalidCommand, "whole number"),
]

PRODUCT_CASES = [
    case("empty sku", lambda c: product(c, sku=""), InvalidCommand, "SKU cannot be empty"),
    case("blank sku", lambda c: product(c, sku="   "), InvalidCommand, "SKU cannot be empty"),
    case("sku None", lambda c: product(c, sku=None), InvalidCommand, "SKU cannot be empty"),
    case("sku leading space", lambda c: product(c, sku=" NEW-1"), InvalidCommand, "space"),
    case("sku trailing space", lambda c: product(c, sku="NEW-1 "), InvalidCommand, "space"),
    case("sku with tab", lambda c: product(c, sku="NEW\t1"), InvalidCommand, "one line"),
    case("sku too long", lambda c: product(c, sku="S" * 65), InvalidCommand, "too long"),
    case(
        "duplicate sku",
        lambda c: product(c, sku="MUG-BLUE"),
        DuplicateSku,
        'Another product already has the SKU "MUG-BLUE".',
    ),
    case(
        "duplicate barcode",
        lambda c: product(c, barcode="5012345678900"),
        DuplicateBarcode,
        'Another product already has the barcode "5012345678900".',
    ),
    case("barcode with spaces around", lambda c: product(c, barcode=" 501 "), InvalidCommand, "Barcode"),
    case("empty name", lambda c: product(c, name=""), InvalidCommand, "Product name cannot be empty"),
    case("blank name", lambda c: product(c, name="  \t "), InvalidCommand, "Product name cannot be empty"),
    case("name None", lambda c: product(c, name=None), InvalidCommand, "Product name cannot be empty"),
    case(
        "unknown category", lambda c: product(c, category_id=999), UnknownCategory, "There is no category number 999."
    ),
    case("category None", lambda c: product(c, category_id=None), InvalidCommand, "whole number"),
    case("category as text", lambda c: product(c, category_id="1"), InvalidCommand, "whole number"),
    case("negative price", lambda c: product(c, price_cents=-1), InvalidCommand, "Price cannot be negative."),
    case(
        "price too high",
        lambda c: product(c, price_cents=MAX_PRICE_CENTS + 1),
        InvalidCommand,
        "Price cannot be more than",
    ),
    case("negative stock", lambda c: product(c, stock=-1), InvalidCommand, "Stock cannot be negative."),
    case(
        "negative reorder level",
        lambda c: product(c, reorder_level=-3),
        InvalidCommand,
        "Reorder level cannot be negative.",
    ),
    *[
        case(f"price {v!r}", lambda c, v=v: product(c, price_cents=v), InvalidCommand, "Price must be a whole number")
        for v in NOT_WHOLE
    ],
    *[
        case(f"stock {v!r}", lambda c, v=v: product(c, stock=v), InvalidCommand, "Stock must be a whole number")
        for v in NOT_WHOLE
    ],
    *[
        case(
            f"reorder level {v!r}",
            lambda c, v=v: product(c, reorder_level=v),
            InvalidCommand,
            "Reorder level must be a whole number",
        )
        for v in (1.5, "2", True)
    ],
]

BULK_PRODUCT_CASES = [
    case("no products", lambda c: AddProducts(()), InvalidCommand, "no products"),
    case("products not a tuple", lambda c: AddProducts(None), InvalidCommand, "no products"),
    case(
        "item not a product", lambda c: AddProducts((product(c), "NEW-2")), InvalidCommand, "Item 2 is not a product."
    ),
    case(
        "last one has a known sku",
        lambda c: AddProducts((product(c, sku="NEW-1"), product(c, sku="NEW-2"), product(c, sku="TEA-01"))),
        DuplicateSku,
        "Product 3 ('TEA-01')",
    ),
    case(
        "same sku twice in the batch",
        lambda c: AddProducts((product(c, sku="NEW-1"), product(c, sku="NEW-1"))),
        DuplicateSku,
        "Product 2",
    ),
    case(
        "same barcode twice in the batch",
        lambda c: AddProducts((product(c, sku="NEW-1", barcode="123"), product(c, sku="NEW-2", barcode="123"))),
        DuplicateBarcode,
        "Product 2",
    ),
    case(
        "one unknown category",
        lambda c: AddProducts((product(c, sku="NEW-1"), product(c, sku="NEW-2", category_id=999))),
        UnknownCategory,
        "There is no category number 999.",
    ),
    case(
        "one negative price",
        lambda c: AddProducts((product(c, sku="NEW-1"), product(c, sku="NEW-2", price_cents=-5))),
        InvalidCommand,
        "Price cannot be negative.",
    ),
]

ORDER_CASES = [
    case("empty order", lambda c: PlaceOrder(()), InvalidCommand, "The order is empty"),
    case("empty list", lambda c: PlaceOrder([]), InvalidCommand, "The order is empty"),
    case("lines None", lambda c: PlaceOrder(None), InvalidCommand, "list of order lines"),
    case("line not an OrderLine", lambda c: PlaceOrder(((c.mug, 1),)), InvalidCommand, "Not an order line"),
    case("quantity 0", lambda c: PlaceOrder((OrderLine(c.mug, 0),)), InvalidCommand, "Quantity must be at least 1."),
    case("quantity -1", lambda c: PlaceOrder((OrderLine(c.mug, -1),)), InvalidCommand, "Quantity must be at least 1."),
    case(
        "quantity too big",
        lambda c: PlaceOrder((OrderLine(c.mug, 1_000_001),)),
        InvalidCommand,
        "Quantity cannot be more than 1,000,000.",
    ),
    *[
        case(
            f"quantity {v!r}",
            lambda c, v=v: PlaceOrder((OrderLine(c.mug, v),)),
            InvalidCommand,
            "Quantity must be a whole number",
        )
        for v in NOT_WHOLE
    ],
    case(
        "a bad quantity after a good line",
        lambda c: PlaceOrder((OrderLine(c.trowel, 1), OrderLine(c.mug, 0))),
        InvalidCommand,
        "at least 1",
    ),
    case(
        "unknown product", lambda c: PlaceOrder((OrderLine(999, 1),)), UnknownProduct, "There is no product number 999."
    ),
    case(
        "unknown product after a good line",
        lambda c: PlaceOrder((OrderLine(c.mug, 2), OrderLine(999, 1))),
        UnknownProduct,
        "There is no product number 999.",
    ),
    case(
        "product id as text",
        lambda c: PlaceOrder((OrderLine(str(c.mug), 1),)),
        InvalidCommand,
        "Product number must be a whole number",
    ),
    case("out of stock", lambda c: PlaceOrder((OrderLine(c.plate, 1),)), OutOfStock, "Dinner Plate is out of stock."),
    case(
        "fewer left than wanted",
        lambda c: PlaceOrder((OrderLine(c.teapot, 4),)),
        OutOfStock,
        "Only 3 left of Café Teapot.",
    ),
    case(
        "second line short after the first was taken",
        lambda c: PlaceOrder((OrderLine(c.mug, 5), OrderLine(c.teapot, 4))),
        OutOfStock,
        "Only 3 left of Café Teapot.",
    ),
    case(
        "merged lines exceed the stock",
        lambda c: PlaceOrder((OrderLine(c.mug, 6), OrderLine(c.mug, 5))),
        OutOfStock,
        "Only 10 left of Blue Enamel Mug.",
    ),
    # Stock is taken first; what else is wrong with an order still comes first in the message.
    case(
        "an unknown product is named before a short one",
        lambda c: PlaceOrder((OrderLine(c.plate, 1), OrderLine(999, 1))),
        UnknownProduct,
        "There is no product number 999.",
    ),
    case(
        "lines that do not merge are named before a short one",
        lambda c: PlaceOrder(
            (
                OrderLine(c.plate, 1),
                OrderLine(c.mug, 1, Discount.percent(1000)),
                OrderLine(c.mug, 1, Discount.percent(2000)),
            )
        ),
        InvalidCommand,
        "Blue Enamel Mug is on two lines with different discounts",
    ),
]

STOCK_CASES = [
    case("quantity 0", lambda c: ReceiveStock(c.mug, 0), InvalidCommand, "at least 1"),
    case("quantity negative", lambda c: ReceiveStock(c.mug, -5), InvalidCommand, "at least 1"),
    *[
        case(
            f"quantity {v!r}", lambda c, v=v: ReceiveStock(c.mug, v), InvalidCommand, "Quantity must be a whole number"
        )
        for v in NOT_WHOLE
    ],
    case("unknown product", lambda c: ReceiveStock(999, 5), UnknownProduct, "There is no product number 999."),
    case("product id None", lambda c: ReceiveStock(None, 5), InvalidCommand, "whole number"),
]

CANCEL_CASES = [
    case("unknown order", lambda c: CancelOrder(999), UnknownOrder, "There is no order number 999."),
    case("order id as text", lambda c: CancelOrder("1"), InvalidCommand, "Order number must be a whole number"),
    case("order id True", lambda c: CancelOrder(True), InvalidCommand, "whole number"),
]

ALL_CASES = CATEGORY_CASES + PRODUCT_CASES + BULK_PRODUCT_CASES + ORDER_CASES + STOCK_CASES + CANCEL_CASES


@pytest.mark.parametrize("build, error, fragment", ALL_CASES)
def test_refused_command_raises_a_readable_error_and_changes_nothing(
    shop, catalog, unchanged, readable, build, error, fragment
):
    command = build(catalog)
    with unchanged(shop):
        with pytest.raises(ShopError) as raised:
            shop.dispatch(command)
    assert type(raised.value) is error, f"{type(raised.value).__name__}: {raised.value}"
    assert fragment in str(raised.value)
    readable(raised.value)


PARTLY_DONE_BEFORE_REFUSAL = {  # the handler had already written something
    "unknown product after a good line",
    "second line short after the first was taken",
    "merged lines exceed the stock",
    "last one has a known sku",
    "one unknown category",
}


@pytest.mark.parametrize("build, error, fragment", [c for c in ALL_CASES if c.id in PARTLY_DONE_BEFORE_REFUSAL])
def test_refused_command_leaves_nothing_behind_after_reopening(
    shop, catalog, reopen, store_state, build, error, fragment
):
    before = store_state(shop)
    with pytest.raises(error):
        shop.dispatch(build(catalog))
    reopened = reopen(shop)
    assert store_state(reopened) == before


def test_out_of_stock_names_the_product_and_what_is_left(shop, catalog):
    with pytest.raises(OutOfStock) as raised:
        shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1), OrderLine(catalog.teapot, 5))))
    assert raised.value.product_id == catalog.teapot
    assert raised.value.available == 3
    assert str(raised.value) == "Only 3 left of Café Teapot."


def test_out_of_stock_at_zero_says_so(shop, catalog):
    with pytest.raises(OutOfStock) as raised:
        shop.dispatch(PlaceOrder((OrderLine(catalog.plate, 2),)))
    assert (raised.value.product_id, raised.value.available) == (catalog.plate, 0)
    assert str(raised.value) == "Dinner Plate is out of stock."


def test_cancelling_twice_is_refused_and_changes_nothing(shop, catalog, unchanged, readable):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 4),)))
    shop.dispatch(CancelOrder(order_id))
    with unchanged(shop):
        with pytest.raises(OrderNotCancellable) as raised:
            shop.dispatch(CancelOrder(order_id))
    assert str(raised.value) == f"Order {order_id} is already cancelled."
    readable(raised.value)
    # Stock went back once, not twice.
    (mug,) = shop.ask(GetProductsByIds((catalog.mug,)))
    assert mug.stock == 10


def test_unknown_command_is_refused(shop, catalog, unchanged, readable):
    with unchanged(shop):
        with pytest.raises(InvalidCommand) as raised:
            shop.dispatch(object())
    assert "Unknown command" in str(raised.value)
    readable(raised.value)


def test_unknown_query_is_refused(shop, readable):
    with pytest.raises(InvalidCommand) as raised:
        shop.ask(object())
    readable(raised.value)


def test_refused_command_tells_no_listener(shop, catalog):
    heard = []
    shop.add_listener(heard.append)
    for command in (
        PlaceOrder(()),
        PlaceOrder((OrderLine(catalog.plate, 1),)),
        AddProduct("MUG-BLUE", "Copy", catalog.mugs, 1),
        CancelOrder(12345),
    ):
        with pytest.raises(ShopError):
            shop.dispatch(command)
    assert heard == []


def test_error_hierarchy():
    for error in (
        InvalidCommand,
        DuplicateSku,
        DuplicateBarcode,
        UnknownProduct,
        UnknownCategory,
        UnknownOrder,
        OutOfStock,
        OrderNotCancellable,
    ):
        assert issubclass(error, ShopError)
    assert issubclass(DuplicateSku, InvalidCommand)
    assert issubclass(DuplicateBarcode, InvalidCommand)
