"""Editing, archiving, restoring and deleting products through the dispatcher.

The catalog fixture: Blue Enamel Mug (MUG-BLUE, Kitchen > Mugs, £8.50, 10 in
stock, reorders at 2, barcode 5012345678900), Café Teapot (TEA-01, Kitchen,
£24.99, 3), Dinner Plate (PLT-9, Kitchen > Plates, £4.25, 0), Hand Trowel
(GRD-TRW, Garden, £12.00, 7, barcode 4006381333931).
"""

import pytest

from core.commands import (
    AddProduct,
    ArchiveProduct,
    CancelOrder,
    DeleteProduct,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
    RestoreProduct,
    UpdateProduct,
)
from core.errors import (
    DuplicateBarcode,
    DuplicateSku,
    InvalidCommand,
    UnknownCategory,
    UnknownProduct,
)
from core.queries import (
    FindProductByCode,
    GetLowStock,
    GetOrder,
    GetOrders,
    GetProduct,
    GetProducts,
    GetProductsByIds,
    GetStockHistory,
    ProductView,
)
from tests.helpers import WriteModelDatabase
from tests.unit.helpers import counts, dispatch_and_hear, refused


def edit(view: ProductView, **fields) -> UpdateProduct:
    """An UpdateProduct that keeps everything of ``view`` but ``fields``."""
    current = dict(
        sku=view.sku,
        name=view.name,
        category_id=view.category_id,
        price_cents=view.price_cents,
        barcode=view.barcode,
        reorder_level=view.reorder_level,
        cost_price_cents=view.cost_price_cents,
        tax_rate_bp=view.tax_rate_bp,
        active=view.active,
    )
    current.update(fields)
    return UpdateProduct(view.id, **current)


def product(shop, product_id) -> ProductView:
    return shop.ask(GetProduct(product_id))


# -- UpdateProduct ------------------------------------------------------------------


def test_update_every_field(shop, catalog):
    command = UpdateProduct(
        catalog.mug,
        sku="MUG-RED",
        name="Red Enamel Mug",
        category_id=catalog.garden,
        price_cents=999,
        barcode="5000000000001",
        reorder_level=5,
        cost_price_cents=420,
        tax_rate_bp=2000,
        active=True,
    )
    assert shop.dispatch(command) is None
    expected = ProductView(
        catalog.mug, "MUG-RED", "Red Enamel Mug", catalog.garden, 999, 10, "5000000000001", 5, 420, 2000, True
    )
    assert product(shop, catalog.mug) == expected
    assert shop.ask(FindProductByCode("MUG-RED")) == expected
    assert shop.ask(FindProductByCode("5000000000001")) == expected
    assert shop.ask(FindProductByCode("MUG-BLUE")) is None
    assert shop.ask(FindProductByCode("5012345678900")) is None
    assert shop.ask(GetProducts(search="red enamel")) == (expected,)
    assert shop.ask(GetProducts(search="blue")) == ()


def test_update_never_touches_stock(shop, catalog):
    shop.dispatch(edit(product(shop, catalog.mug), price_cents=1))
    assert product(shop, catalog.mug).stock == 10
    assert len(shop.ask(GetStockHistory(catalog.mug))) == 1  # the opening stock only


def test_update_tells_listeners_about_the_product_and_both_categories(shop, catalog):
    _, changes = dispatch_and_hear(shop, edit(product(shop, catalog.mug), category_id=catalog.garden))
    assert changes.products == {catalog.mug}
    assert {catalog.mugs, catalog.kitchen, catalog.garden} <= changes.categories
    assert counts(shop) == {catalog.kitchen: 2, catalog.mugs: 0, catalog.plates: 1, catalog.garden: 2}


def test_update_keeps_its_own_sku_and_barcode(shop, catalog):
    shop.dispatch(edit(product(shop, catalog.mug), name="Blue Mug"))
    view = product(shop, catalog.mug)
    assert (view.sku, view.barcode, view.name) == ("MUG-BLUE", "5012345678900", "Blue Mug")


def test_update_refuses_another_product_s_sku(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, edit(product(shop, catalog.mug), sku="TEA-01"), DuplicateSku)
    assert message == 'Another product already has the SKU "TEA-01".'


def test_update_refuses_another_product_s_barcode(shop, catalog, unchanged, readable):
    message = refused(
        shop, unchanged, readable, edit(product(shop, catalog.mug), barcode="4006381333931"), DuplicateBarcode
    )
    assert message == 'Another product already has the barcode "4006381333931".'


def test_update_refuses_an_archived_product_s_sku_too(shop, catalog, unchanged, readable):
    shop.dispatch(ArchiveProduct(catalog.teapot))
    refused(shop, unchanged, readable, edit(product(shop, catalog.mug), sku="TEA-01"), DuplicateSku)


def test_skus_differing_by_case_are_distinct(shop, catalog):
    shop.dispatch(edit(product(shop, catalog.teapot), sku="mug-blue"))
    assert shop.ask(FindProductByCode("mug-blue")).id == catalog.teapot
    assert shop.ask(FindProductByCode("MUG-BLUE")).id == catalog.mug


def test_a_cleared_barcode_is_free_for_another_product(shop, catalog):
    shop.dispatch(edit(product(shop, catalog.mug), barcode="  "))
    assert product(shop, catalog.mug).barcode is None
    shop.dispatch(edit(product(shop, catalog.teapot), barcode="5012345678900"))
    assert shop.ask(FindProductByCode("5012345678900")).id == catalog.teapot


def test_a_changed_sku_is_free_for_another_product(shop, catalog):
    shop.dispatch(edit(product(shop, catalog.mug), sku="MUG-OLD"))
    new_id = shop.dispatch(AddProduct("MUG-BLUE", "New Blue Mug", catalog.mugs, 900))
    assert shop.ask(FindProductByCode("MUG-BLUE")).id == new_id
    assert shop.ask(FindProductByCode("MUG-OLD")).id == catalog.mug


def test_a_price_change_never_alters_past_orders(shop, catalog, clock, reopen):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(catalog.teapot, 1))))
    before = shop.ask(GetOrder(order_id))
    clock.advance(days=1)
    shop.dispatch(edit(product(shop, catalog.mug), price_cents=1000, name="Blue Mug (new)", sku="MUG-B2"))
    shop.dispatch(edit(product(shop, catalog.teapot), price_cents=1))
    after = shop.ask(GetOrder(order_id))
    assert after == before
    lines = {l.product_id: l for l in after.lines}
    assert (lines[catalog.mug].unit_price_cents, lines[catalog.mug].total_cents) == (850, 1700)
    assert (lines[catalog.mug].sku, lines[catalog.mug].name) == ("MUG-BLUE", "Blue Enamel Mug")
    assert lines[catalog.teapot].unit_price_cents == 2499
    assert after.total_cents == 1700 + 2499
    assert shop.ask(GetOrders())[0].total_cents == 1700 + 2499
    # A new order takes the new price.
    new_order = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    assert shop.ask(GetOrder(new_order)).total_cents == 1000
    # And so it stays after reopening and after a rebuild.
    shop = reopen(shop)
    assert shop.ask(GetOrder(order_id)) == before
    shop.rebuild_read_model()
    assert shop.ask(GetOrder(order_id)) == before


def test_cancelling_an_old_order_after_a_price_change_keeps_its_total(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
    shop.dispatch(edit(product(shop, catalog.mug), price_cents=5))
    shop.dispatch(CancelOrder(order_id))
    order = shop.ask(GetOrder(order_id))
    assert (order.status, order.total_cents, order.lines[0].unit_price_cents) == ("cancelled", 1700, 850)


@pytest.mark.parametrize("tax", [0, 1, 550, 2000, 10000, None])
def test_tax_rate_within_bounds_is_kept(shop, catalog, tax):
    shop.dispatch(edit(product(shop, catalog.mug), tax_rate_bp=tax))
    assert product(shop, catalog.mug).tax_rate_bp == tax


@pytest.mark.parametrize("tax", [-1, 10001, 20.0, "2000", True, False, [2000]])
def test_tax_rate_out_of_bounds_or_not_a_whole_number_is_refused(shop, catalog, unchanged, readable, tax):
    message = refused(shop, unchanged, readable, edit(product(shop, catalog.mug), tax_rate_bp=tax))
    assert message == "Tax rate must be a percentage from 0 to 100."


@pytest.mark.parametrize("cost", [0, 1, 850, None])
def test_cost_price_is_kept(shop, catalog, cost):
    shop.dispatch(edit(product(shop, catalog.mug), cost_price_cents=cost))
    assert product(shop, catalog.mug).cost_price_cents == cost


@pytest.mark.parametrize(
    "cost, fragment",
    [
        (-1, "Cost price cannot be negative."),
        (1.5, "Cost price must be a whole number"),
        ("3", "Cost price must be a whole number"),
        (True, "Cost price must be a whole number"),
    ],
)
def test_bad_cost_price_is_refused(shop, catalog, unchanged, readable, cost, fragment):
    assert fragment in refused(shop, unchanged, readable, edit(product(shop, catalog.mug), cost_price_cents=cost))


@pytest.mark.parametrize("active", [1, 0, "yes", None, "False"])
def test_active_must_be_a_bool(shop, catalog, unchanged, readable, active):
    message = refused(shop, unchanged, readable, edit(product(shop, catalog.mug), active=active))
    assert message.startswith("Active must be yes or no")


@pytest.mark.parametrize(
    "fields, error, fragment",
    [
        ({"sku": ""}, InvalidCommand, "SKU cannot be empty."),
        ({"sku": " MUG"}, InvalidCommand, "must not start or end with a space"),
        ({"name": "  "}, InvalidCommand, "Product name cannot be empty."),
        ({"price_cents": -1}, InvalidCommand, "Price cannot be negative."),
        ({"price_cents": 8.5}, InvalidCommand, "Price must be a whole number"),
        ({"reorder_level": -1}, InvalidCommand, "Reorder level cannot be negative."),
        ({"reorder_level": "2"}, InvalidCommand, "Reorder level must be a whole number"),
        ({"category_id": 999}, UnknownCategory, "There is no category number 999."),
        ({"category_id": None}, InvalidCommand, "Category must be a whole number"),
    ],
)
def test_update_refuses_bad_details(shop, catalog, unchanged, readable, fields, error, fragment):
    assert fragment in refused(shop, unchanged, readable, edit(product(shop, catalog.mug), **fields), error)


@pytest.mark.parametrize("product_id, error", [(999, UnknownProduct), ("1", InvalidCommand), (None, InvalidCommand)])
def test_update_refuses_an_unknown_product(shop, catalog, unchanged, readable, product_id, error):
    command = UpdateProduct(product_id, "X-1", "Anything", catalog.kitchen, 100)
    refused(shop, unchanged, readable, command, error)


def test_update_with_active_false_archives(shop, catalog):
    shop.dispatch(edit(product(shop, catalog.mug), active=False))
    assert catalog.mug not in {p.id for p in shop.ask(GetProducts())}
    assert [p.id for p in shop.ask(GetProducts(archived=True))] == [catalog.mug]


# -- ArchiveProduct / RestoreProduct --------------------------------------------------


def test_archive_takes_a_product_out_of_browsing(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 8),)))  # 2 left: low stock
    assert catalog.mug in {p.id for p in shop.ask(GetLowStock())}
    order_before = shop.ask(GetOrder(order_id))
    _, changes = dispatch_and_hear(shop, ArchiveProduct(catalog.mug))
    assert changes.products == {catalog.mug}
    assert {catalog.mugs, catalog.kitchen} <= changes.categories

    assert catalog.mug not in {p.id for p in shop.ask(GetProducts())}
    assert shop.ask(GetProducts(category_id=catalog.mugs)) == ()
    assert shop.ask(GetProducts(search="enamel")) == ()
    assert shop.ask(GetProducts(search="5012345678900")) == ()
    assert catalog.mug not in {p.id for p in shop.ask(GetLowStock())}
    assert counts(shop) == {catalog.kitchen: 2, catalog.mugs: 0, catalog.plates: 1, catalog.garden: 1}
    (archived,) = shop.ask(GetProducts(archived=True))
    assert (archived.id, archived.active, archived.stock) == (catalog.mug, False, 2)
    assert shop.ask(GetProducts(archived=True, search="ENAMEL")) == (archived,)
    assert shop.ask(GetProducts(archived=True, category_id=catalog.kitchen)) == (archived,)
    assert shop.ask(GetProducts(archived=True, category_id=catalog.garden)) == ()
    assert product(shop, catalog.mug) == archived
    assert shop.ask(GetOrder(order_id)) == order_before


def test_an_archived_product_cannot_be_sold(shop, catalog, unchanged, readable):
    shop.dispatch(ArchiveProduct(catalog.mug))
    message = refused(shop, unchanged, readable, PlaceOrder((OrderLine(catalog.teapot, 1), OrderLine(catalog.mug, 1))))
    assert message == "Blue Enamel Mug is archived: restore it before selling it."


def test_an_archived_product_can_still_be_cancelled_back_into_stock(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 3),)))
    shop.dispatch(ArchiveProduct(catalog.mug))
    shop.dispatch(CancelOrder(order_id))
    assert product(shop, catalog.mug).stock == 10
    assert shop.ask(GetOrder(order_id)).status == "cancelled"


def test_archiving_twice_is_refused(shop, catalog, unchanged, readable):
    shop.dispatch(ArchiveProduct(catalog.mug))
    message = refused(shop, unchanged, readable, ArchiveProduct(catalog.mug))
    assert message == "Blue Enamel Mug is already archived."


def test_restoring_an_active_product_is_refused(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, RestoreProduct(catalog.mug))
    assert message == "Blue Enamel Mug is already active."


@pytest.mark.parametrize("command", [ArchiveProduct, RestoreProduct, DeleteProduct])
@pytest.mark.parametrize("product_id, error", [(999, UnknownProduct), ("1", InvalidCommand), (True, InvalidCommand)])
def test_archive_restore_delete_refuse_an_unknown_product(
    shop, catalog, unchanged, readable, command, product_id, error
):
    refused(shop, unchanged, readable, command(product_id), error)


def test_restore_brings_it_all_back(shop, catalog):
    before = {
        "products": shop.ask(GetProducts()),
        "counts": counts(shop),
        "low": shop.ask(GetLowStock()),
        "search": shop.ask(GetProducts(search="mug")),
    }
    shop.dispatch(ArchiveProduct(catalog.plate))
    shop.dispatch(ArchiveProduct(catalog.mug))
    shop.dispatch(RestoreProduct(catalog.mug))
    _, changes = dispatch_and_hear(shop, RestoreProduct(catalog.plate))
    assert changes.products == {catalog.plate}
    assert {catalog.plates, catalog.kitchen} <= changes.categories
    after = {
        "products": shop.ask(GetProducts()),
        "counts": counts(shop),
        "low": shop.ask(GetLowStock()),
        "search": shop.ask(GetProducts(search="mug")),
    }
    assert after == before
    assert shop.ask(GetProducts(archived=True)) == ()
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))


def test_archive_survives_reopening_and_rebuild(shop, catalog, reopen):
    shop.dispatch(ArchiveProduct(catalog.trowel))
    state = (shop.ask(GetProducts()), shop.ask(GetProducts(archived=True)), counts(shop))
    shop = reopen(shop)
    assert (shop.ask(GetProducts()), shop.ask(GetProducts(archived=True)), counts(shop)) == state
    shop.rebuild_read_model()
    assert (shop.ask(GetProducts()), shop.ask(GetProducts(archived=True)), counts(shop)) == state


# -- DeleteProduct ------------------------------------------------------------------


def test_delete_a_never_sold_product(shop, catalog, data_dir):
    shop.dispatch(ReceiveStock(catalog.plate, 4))  # history, but never sold
    _, changes = dispatch_and_hear(shop, DeleteProduct(catalog.plate))
    assert changes.products == {catalog.plate}
    assert {catalog.plates, catalog.kitchen} <= changes.categories
    assert catalog.plate not in {p.id for p in shop.ask(GetProducts())}
    assert shop.ask(GetProducts(archived=True)) == ()
    assert shop.ask(GetProducts(search="dinner")) == ()
    assert shop.ask(GetProductsByIds((catalog.plate,))) == ()
    assert shop.ask(FindProductByCode("PLT-9")) is None
    assert catalog.plate not in {p.id for p in shop.ask(GetLowStock())}
    assert counts(shop)[catalog.plates] == 0
    assert counts(shop)[catalog.kitchen] == 2
    with pytest.raises(UnknownProduct):
        shop.ask(GetProduct(catalog.plate))
    with pytest.raises(UnknownProduct):
        shop.ask(GetStockHistory(catalog.plate))
    conn = WriteModelDatabase(data_dir)
    try:
        assert conn.execute("SELECT count(*) FROM product WHERE id = ?", (catalog.plate,)).fetchone() == (0,)
        assert conn.execute(
            "SELECT count(*) FROM stock_movement WHERE product_id = ?", (catalog.plate,)
        ).fetchone() == (0,)
    finally:
        conn.close()


def test_delete_an_archived_never_sold_product(shop, catalog):
    shop.dispatch(ArchiveProduct(catalog.trowel))
    shop.dispatch(DeleteProduct(catalog.trowel))
    assert shop.ask(GetProducts(archived=True)) == ()


def test_a_deleted_product_s_sku_and_barcode_can_be_used_again(shop, catalog, reopen):
    shop.dispatch(DeleteProduct(catalog.trowel))
    new_id = shop.dispatch(AddProduct("GRD-TRW", "Trowel v2", catalog.garden, 1300, stock=2, barcode="4006381333931"))
    assert shop.ask(FindProductByCode("4006381333931")).id == new_id
    # The new product's history starts afresh, even if the id was reused.
    assert [(m.kind, m.quantity, m.stock_after) for m in shop.ask(GetStockHistory(new_id))] == [("received", 2, 2)]
    shop = reopen(shop)
    assert [(m.kind, m.quantity) for m in shop.ask(GetStockHistory(new_id))] == [("received", 2)]


@pytest.mark.parametrize("cancel", [False, True])
def test_a_sold_product_cannot_be_deleted(shop, catalog, unchanged, readable, cancel):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    if cancel:  # a cancelled order is still a past order
        shop.dispatch(CancelOrder(order_id))
    message = refused(shop, unchanged, readable, DeleteProduct(catalog.mug))
    assert message == ("Blue Enamel Mug has been sold, so it stays in past orders: archive it instead of deleting it.")
    shop.dispatch(ArchiveProduct(catalog.mug))  # as suggested
