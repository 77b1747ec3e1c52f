"""Receiving and adjusting stock, and the Low stock list following every kind
of stock change.

The catalog fixture: Blue Enamel Mug (10 in stock, reorders at 2), Café
Teapot (3, reorder 0), Dinner Plate (0, reorder 0: low), Hand Trowel (7, 0).
"""

import pytest

from core.commands import (
    ADJUSTMENT_REASONS,
    AdjustStock,
    ArchiveProduct,
    CancelOrder,
    DeleteProduct,
    ImportProducts,
    OrderLine,
    PlaceOrder,
    ProductRecord,
    ReceiveStock,
    RestoreProduct,
    UpdateProduct,
)
from core.errors import InvalidCommand, UnknownProduct
from core.queries import GetLowStock, GetProduct, GetStockHistory
from tests.unit.helpers import refused


def stock_of(shop, product_id) -> int:
    return shop.ask(GetProduct(product_id)).stock


def last_move(shop, product_id):
    return shop.ask(GetStockHistory(product_id))[-1]


def low(shop) -> list[int]:
    return [p.id for p in shop.ask(GetLowStock())]


def reorder_at(shop, product_id: int, level: int) -> None:
    p = shop.ask(GetProduct(product_id))
    shop.dispatch(UpdateProduct(p.id, p.sku, p.name, p.category_id, p.price_cents, p.barcode, reorder_level=level))


# -- ReceiveStock -------------------------------------------------------------------


def test_receive_with_a_note(shop, catalog):
    assert shop.dispatch(ReceiveStock(catalog.mug, 5, note="Delivery 4471 from Potter & Sons")) == 15
    move = last_move(shop, catalog.mug)
    assert (move.kind, move.quantity, move.stock_after, move.reason, move.note, move.order_id) == (
        "received",
        5,
        15,
        None,
        "Delivery 4471 from Potter & Sons",
        None,
    )


def test_a_note_is_kept_on_one_line(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.mug, 1, note="  Potter\n& Sons\t "))
    assert last_move(shop, catalog.mug).note == "Potter & Sons"


def test_receive_without_a_note(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.mug, 1))
    assert last_move(shop, catalog.mug).note is None


def test_receive_tells_listeners(shop, catalog):
    heard = []
    shop.add_listener(heard.append)
    shop.dispatch(ReceiveStock(catalog.plate, 4, note="x"))
    assert heard[0].products == {catalog.plate}


@pytest.mark.parametrize(
    "make, error, fragment",
    [
        (lambda c: ReceiveStock(c.mug, 1, note=5), InvalidCommand, "A note must be text"),
        (lambda c: ReceiveStock(c.mug, 1, note="x" * 201), InvalidCommand, "The note is too long"),
        (lambda c: ReceiveStock(c.mug, 0), InvalidCommand, "Quantity must be at least 1."),
        (lambda c: ReceiveStock(c.mug, -3), InvalidCommand, "Quantity must be at least 1."),
        (lambda c: ReceiveStock(c.mug, 2.0), InvalidCommand, "Quantity must be a whole number"),
        (lambda c: ReceiveStock(c.mug, 1_000_000), InvalidCommand, "cannot go above 1,000,000."),
        (lambda c: ReceiveStock(999, 1), UnknownProduct, "There is no product number 999."),
    ],
)
def test_receive_refuses(shop, catalog, unchanged, readable, make, error, fragment):
    assert fragment in refused(shop, unchanged, readable, make(catalog), error)


# -- AdjustStock: counted -------------------------------------------------------------


@pytest.mark.parametrize("reason", ADJUSTMENT_REASONS)
def test_adjust_to_a_counted_level(shop, catalog, reason):
    assert shop.dispatch(AdjustStock(catalog.mug, reason, counted=6, note="Shelf B")) == 6
    assert stock_of(shop, catalog.mug) == 6
    move = last_move(shop, catalog.mug)
    assert (move.kind, move.quantity, move.stock_after, move.reason, move.note, move.order_id) == (
        "adjusted",
        -4,
        6,
        reason,
        "Shelf B",
        None,
    )


def test_a_count_above_the_level_adds(shop, catalog):
    assert shop.dispatch(AdjustStock(catalog.plate, "stock-take", counted=12)) == 12
    move = last_move(shop, catalog.plate)
    assert (move.quantity, move.stock_after, move.note) == (12, 12, None)


def test_a_count_of_zero_empties_the_shelf(shop, catalog):
    assert shop.dispatch(AdjustStock(catalog.trowel, "lost", counted=0)) == 0
    assert stock_of(shop, catalog.trowel) == 0


def test_a_count_equal_to_the_level_is_refused_as_changing_nothing(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, AdjustStock(catalog.mug, "stock-take", counted=10))
    assert message == "Blue Enamel Mug already has 10 in stock: nothing to adjust."


# -- AdjustStock: change ----------------------------------------------------------------


def test_adjust_by_a_negative_change(shop, catalog):
    assert shop.dispatch(AdjustStock(catalog.mug, "damaged", change=-3, note="Dropped a box")) == 7
    move = last_move(shop, catalog.mug)
    assert (move.kind, move.quantity, move.stock_after, move.reason, move.note) == (
        "adjusted",
        -3,
        7,
        "damaged",
        "Dropped a box",
    )


def test_adjust_by_a_positive_change(shop, catalog):
    assert shop.dispatch(AdjustStock(catalog.plate, "other", change=5)) == 5


def test_adjust_down_to_exactly_zero(shop, catalog):
    assert shop.dispatch(AdjustStock(catalog.teapot, "lost", change=-3)) == 0


def test_a_change_below_zero_is_refused_with_what_is_available(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, AdjustStock(catalog.teapot, "lost", change=-4))
    assert message == "Only 3 of Café Teapot in stock: cannot take away 4."


def test_a_change_of_zero_is_refused(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, AdjustStock(catalog.mug, "other", change=0))
    assert message == "A change of 0 changes nothing."


def test_an_adjustment_may_not_go_above_the_maximum(shop, catalog, unchanged, readable):
    assert "cannot go above" in refused(shop, unchanged, readable, AdjustStock(catalog.mug, "other", change=999_995))


# -- AdjustStock: what is refused ------------------------------------------------------


@pytest.mark.parametrize("reason", [None, "", "Damaged", "theft", " lost", 1])
def test_a_reason_from_the_list_is_required(shop, catalog, unchanged, readable, reason):
    message = refused(shop, unchanged, readable, AdjustStock(catalog.mug, reason, change=-1))
    assert message == "Choose a reason for the adjustment: damaged, lost, stock-take, other."


@pytest.mark.parametrize("counted, change", [(None, None), (5, -1), (10, 0)])
def test_exactly_one_of_counted_and_change(shop, catalog, unchanged, readable, counted, change):
    message = refused(shop, unchanged, readable, AdjustStock(catalog.mug, "other", counted=counted, change=change))
    assert message == "Give either the counted quantity or the change, not both."


@pytest.mark.parametrize(
    "counted, fragment",
    [
        (1.5, "Counted quantity must be a whole number"),
        (6.0, "Counted quantity must be a whole number"),
        ("6", "Counted quantity must be a whole number"),
        (True, "Counted quantity must be a whole number"),
        (-1, "Counted quantity cannot be negative."),
        (1_000_001, "Counted quantity cannot be more than 1,000,000."),
    ],
)
def test_a_bad_count_is_refused(shop, catalog, unchanged, readable, counted, fragment):
    assert fragment in refused(shop, unchanged, readable, AdjustStock(catalog.mug, "stock-take", counted=counted))


@pytest.mark.parametrize("change", [1.5, -1.0, "-1", True, False])
def test_a_change_that_is_not_a_whole_number_is_refused(shop, catalog, unchanged, readable, change):
    assert "Change must be a whole number" in refused(
        shop, unchanged, readable, AdjustStock(catalog.mug, "other", change=change)
    )


@pytest.mark.parametrize("product_id, error", [(999, UnknownProduct), ("1", InvalidCommand), (None, InvalidCommand)])
def test_adjust_refuses_an_unknown_product(shop, catalog, unchanged, readable, product_id, error):
    refused(shop, unchanged, readable, AdjustStock(product_id, "other", change=1), error)


def test_adjust_refuses_a_bad_note(shop, catalog, unchanged, readable):
    refused(shop, unchanged, readable, AdjustStock(catalog.mug, "other", change=1, note=b"bytes"))
    refused(shop, unchanged, readable, AdjustStock(catalog.mug, "other", change=1, note="n" * 201))


def test_an_archived_product_can_be_adjusted(shop, catalog):
    shop.dispatch(ArchiveProduct(catalog.mug))
    assert shop.dispatch(AdjustStock(catalog.mug, "stock-take", counted=0)) == 0
    assert catalog.mug not in low(shop)  # archived products are never "low"


# -- GetLowStock follows every kind of stock change ---------------------------------------


def test_a_product_without_a_reorder_level_is_never_low(shop, catalog):
    # The plate: none in stock, no reorder level. Out of stock, not "low".
    plate = shop.ask(GetProduct(catalog.plate))
    assert plate.out_of_stock and not plate.low_stock
    assert low(shop) == []
    shop.dispatch(ReceiveStock(catalog.plate, 1))
    reorder_at(shop, catalog.plate, 1)
    assert low(shop) == [catalog.plate]
    assert all(p.low_stock for p in shop.ask(GetLowStock()))


def test_low_stock_follows_a_sale_and_its_cancellation(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 8),)))  # 2 left, reorder at 2
    assert catalog.mug in low(shop)
    shop.dispatch(CancelOrder(order_id))
    assert catalog.mug not in low(shop)


def test_low_stock_follows_receiving(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.plate, 1))
    assert catalog.plate not in low(shop)


def test_low_stock_follows_adjustments(shop, catalog):
    shop.dispatch(AdjustStock(catalog.mug, "damaged", change=-8))
    assert catalog.mug in low(shop)
    shop.dispatch(AdjustStock(catalog.mug, "stock-take", counted=3))
    assert catalog.mug not in low(shop)
    shop.dispatch(AdjustStock(catalog.mug, "lost", counted=2))
    assert catalog.mug in low(shop)
    shop.dispatch(AdjustStock(catalog.mug, "other", change=1))
    assert catalog.mug not in low(shop)


def test_low_stock_follows_the_reorder_level(shop, catalog):
    mug = shop.ask(GetProduct(catalog.mug))

    def reorder_at(level):
        shop.dispatch(
            UpdateProduct(
                mug.id, mug.sku, mug.name, mug.category_id, mug.price_cents, barcode=mug.barcode, reorder_level=level
            )
        )

    reorder_at(10)
    assert catalog.mug in low(shop)
    reorder_at(9)
    assert catalog.mug not in low(shop)


def test_low_stock_follows_archive_restore_and_delete(shop, catalog):
    reorder_at(shop, catalog.plate, 1)
    shop.dispatch(ArchiveProduct(catalog.plate))
    assert catalog.plate not in low(shop)
    shop.dispatch(RestoreProduct(catalog.plate))
    assert catalog.plate in low(shop)
    shop.dispatch(DeleteProduct(catalog.plate))
    assert low(shop) == []


def test_low_stock_follows_an_import(shop, catalog):
    shop.dispatch(
        ImportProducts(
            (
                ProductRecord(2, "GRD-TRW", "Hand Trowel", "Garden", 1200, stock=0, reorder_level=1),
                ProductRecord(3, "PLT-9", "Dinner Plate", "Kitchen/Plates", 425, stock=4, reorder_level=1),
            )
        )
    )
    assert low(shop) == [catalog.trowel]


def test_low_stock_is_in_name_order_and_survives_a_rebuild(shop, catalog, reopen):
    for product_id in (catalog.trowel, catalog.teapot, catalog.plate):
        reorder_at(shop, product_id, 1)
    shop.dispatch(AdjustStock(catalog.trowel, "lost", counted=0))
    shop.dispatch(AdjustStock(catalog.teapot, "lost", counted=0))
    expected = [catalog.teapot, catalog.plate, catalog.trowel]  # Café, Dinner, Hand
    assert low(shop) == expected
    shop = reopen(shop)
    assert low(shop) == expected
    shop.rebuild_read_model()
    assert low(shop) == expected


def test_a_count_made_while_stock_moved_is_refused(tmp_path):
    from core import open_shop
    from core.commands import AddCategory, AddProduct, AdjustStock, OrderLine, PlaceOrder
    from core.errors import InvalidCommand
    from core.queries import GetProduct

    shop = open_shop(tmp_path)
    category = shop.dispatch(AddCategory("Kitchen"))
    mug = shop.dispatch(AddProduct("MUG-1", "Blue Enamel Mug", category, 899, stock=10))
    seen = shop.ask(GetProduct(mug)).stock
    shop.dispatch(PlaceOrder((OrderLine(mug, 3),)))  # sold while someone counted
    with pytest.raises(InvalidCommand, match="changed from 10 to 7 while you counted"):
        shop.dispatch(AdjustStock(mug, "stock-take", counted=9, seen_stock=seen))
    assert shop.ask(GetProduct(mug)).stock == 7
    assert shop.dispatch(AdjustStock(mug, "stock-take", counted=6, seen_stock=7)) == 6
    shop.close()
