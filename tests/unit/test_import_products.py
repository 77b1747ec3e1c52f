"""ImportProducts, the command (the CSV file layer is tested elsewhere):
create or update products by SKU, create category paths, reject bad records
with their line and reason while applying the good ones, and change nothing
the second time the same records are imported.

The catalog fixture: Kitchen > Mugs (MUG-BLUE, 10 in stock, reorder 2,
barcode 5012345678900), Kitchen (TEA-01), Kitchen > Plates (PLT-9), Garden
(GRD-TRW, barcode 4006381333931).
"""

import pytest

from core.commands import ArchiveProduct, ImportProducts, OrderLine, PlaceOrder, ProductRecord
from core.errors import InvalidCommand
from core.queries import (
    FindProductByCode,
    GetCategories,
    GetOrder,
    GetProduct,
    GetProducts,
    GetStockHistory,
    ProductView,
)
from core.results import ImportOutcome, RejectedRecord
from tests.helpers import WriteModelDatabase
from tests.unit.helpers import by_sku

R = ProductRecord


def outbox_size(data_dir) -> int:
    conn = WriteModelDatabase(data_dir)
    try:
        return conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    finally:
        conn.close()


def movement_count(data_dir) -> int:
    conn = WriteModelDatabase(data_dir)
    try:
        return conn.execute("SELECT count(*) FROM stock_movement").fetchone()[0]
    finally:
        conn.close()


def category_paths(shop) -> dict[str, tuple[int, int]]:
    """{"Kitchen/Mugs": (id, product_count)}"""
    views = {c.id: c for c in shop.ask(GetCategories())}

    def path(c):
        return c.name if c.parent_id is None else f"{path(views[c.parent_id])}/{c.name}"

    return {path(c): (c.id, c.product_count) for c in views.values()}


GOOD = (
    R(2, "NEW-1", "Oven Glove", "Kitchen/Textiles", 799, stock=12, barcode="9780201379624", reorder_level=4),
    R(3, "NEW-2", "Tea Towel", "Kitchen/Textiles", 350),
    R(4, "NEW-3", "Seed Tray", "Garden/Propagation/Trays", 199, stock=0, reorder_level=10),
)


# -- creating -----------------------------------------------------------------------


def test_import_creates_products_and_their_category_paths(shop, catalog):
    heard = []
    shop.add_listener(heard.append)
    outcome = shop.dispatch(ImportProducts(GOOD))
    assert outcome == ImportOutcome(created=3, updated=0, unchanged=0, rejected=())
    paths = category_paths(shop)
    assert {"Kitchen/Textiles", "Garden/Propagation", "Garden/Propagation/Trays"} <= paths.keys()
    assert paths["Kitchen/Textiles"][1] == 2
    assert paths["Kitchen"][1] == 5
    assert paths["Garden"][1] == 2
    assert paths["Garden/Propagation/Trays"][1] == 1
    glove = by_sku(shop, "NEW-1")
    assert glove == ProductView(
        glove.id, "NEW-1", "Oven Glove", paths["Kitchen/Textiles"][0], 799, 12, "9780201379624", 4, None, None, True
    )
    towel = by_sku(shop, "NEW-2")
    assert (towel.stock, towel.barcode, towel.reorder_level) == (0, None, 0)
    assert shop.ask(FindProductByCode("9780201379624")).id == glove.id
    assert [p.sku for p in shop.ask(GetProducts(search="glove"))] == ["NEW-1"]
    # Opening stock is recorded like a product added by hand.
    assert [(m.kind, m.quantity, m.stock_after, m.note) for m in shop.ask(GetStockHistory(glove.id))] == [
        ("received", 12, 12, "Opening stock")
    ]
    assert shop.ask(GetStockHistory(towel.id)) == ()
    # Listeners hear of every new product and category.
    (changes,) = heard
    new_ids = {glove.id, towel.id, by_sku(shop, "NEW-3").id}
    assert new_ids <= changes.products
    assert {
        paths[p][0] for p in ("Kitchen/Textiles", "Garden/Propagation/Trays", "Kitchen", "Garden")
    } <= changes.categories


def test_existing_category_names_are_reused_ignoring_case_and_spaces(shop, catalog):
    shop.dispatch(
        ImportProducts(
            (
                R(2, "NEW-1", "Big Mug", "kitchen/MUGS", 900),
                R(3, "NEW-2", "Spade", " GARDEN ", 2500),
                R(4, "NEW-3", "Espresso Cup", "Kitchen / mugs / Small", 300),
            )
        )
    )
    paths = category_paths(shop)
    assert by_sku(shop, "NEW-1").category_id == catalog.mugs
    assert by_sku(shop, "NEW-2").category_id == catalog.garden
    assert by_sku(shop, "NEW-3").category_id == paths["Kitchen/Mugs/Small"][0]
    assert len(paths) == 5  # only "Small" is new
    assert paths["Kitchen/Mugs"] == (catalog.mugs, 3)


def test_a_new_category_is_created_once_for_many_records(shop, catalog):
    shop.dispatch(ImportProducts(tuple(R(n, f"S-{n}", f"Item {n}", "Sale/Last chance", 100) for n in range(2, 12))))
    paths = category_paths(shop)
    assert paths["Sale/Last chance"][1] == 10
    assert sorted(p for p in paths if p.startswith("Sale")) == ["Sale", "Sale/Last chance"]


def test_same_name_differing_by_accent_case_is_reused(shop, catalog):
    shop.dispatch(ImportProducts((R(2, "E-1", "Jam", "Épicerie", 300),)))
    shop.dispatch(ImportProducts((R(2, "E-2", "Honey", "ÉPICERIE", 400), R(3, "E-3", "Tea", "épicerie", 500))))
    assert category_paths(shop)["Épicerie"][1] == 3


# -- updating -----------------------------------------------------------------------


def test_import_updates_an_existing_sku(shop, catalog):
    heard = []
    shop.add_listener(heard.append)
    outcome = shop.dispatch(
        ImportProducts(
            (
                R(
                    2,
                    "MUG-BLUE",
                    "Blue Mug (large)",
                    "Garden/Outdoor",
                    900,
                    stock=15,
                    barcode="5000000000017",
                    reorder_level=5,
                ),
            )
        )
    )
    assert outcome == ImportOutcome(created=0, updated=1, unchanged=0)
    outdoor = category_paths(shop)["Garden/Outdoor"][0]
    assert shop.ask(GetProduct(catalog.mug)) == ProductView(
        catalog.mug, "MUG-BLUE", "Blue Mug (large)", outdoor, 900, 15, "5000000000017", 5, None, None, True
    )
    assert shop.ask(FindProductByCode("5012345678900")) is None
    # Stock moved to the file's level as a stock-take.
    last = shop.ask(GetStockHistory(catalog.mug))[-1]
    assert (last.kind, last.quantity, last.stock_after, last.reason, last.note) == (
        "adjusted",
        5,
        15,
        "stock-take",
        "Imported from a catalog file",
    )
    paths = category_paths(shop)
    assert paths["Kitchen/Mugs"][1] == 0
    assert paths["Garden"][1] == 2
    (changes,) = heard
    assert catalog.mug in changes.products
    assert {catalog.mugs, catalog.kitchen, catalog.garden, outdoor} <= changes.categories


def test_an_update_without_stock_or_reorder_level_leaves_them_alone(shop, catalog):
    shop.dispatch(ImportProducts((R(2, "MUG-BLUE", "Blue Enamel Mug", "Kitchen/Mugs", 999, barcode="5012345678900"),)))
    mug = shop.ask(GetProduct(catalog.mug))
    assert (mug.price_cents, mug.stock, mug.reorder_level) == (999, 10, 2)
    assert len(shop.ask(GetStockHistory(catalog.mug))) == 1


def test_an_update_keeps_cost_tax_and_archived_state(shop, catalog):
    shop.dispatch(ArchiveProduct(catalog.trowel))
    shop.dispatch(ImportProducts((R(2, "GRD-TRW", "Trowel", "Garden", 1300, stock=7, barcode="4006381333931"),)))
    trowel = shop.ask(GetProduct(catalog.trowel))
    assert (trowel.name, trowel.price_cents, trowel.active) == ("Trowel", 1300, False)
    assert [p.id for p in shop.ask(GetProducts(archived=True))] == [catalog.trowel]


def test_an_update_never_alters_past_orders(shop, catalog):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
    before = shop.ask(GetOrder(order_id))
    shop.dispatch(ImportProducts((R(2, "MUG-BLUE", "Renamed", "Kitchen", 1, barcode="5012345678900"),)))
    assert shop.ask(GetOrder(order_id)) == before


def test_skus_differing_by_case_are_distinct_products(shop, catalog):
    outcome = shop.dispatch(ImportProducts((R(2, "mug-blue", "Lower-case mug", "Kitchen", 100),)))
    assert (outcome.created, outcome.updated) == (1, 0)
    assert shop.ask(GetProduct(catalog.mug)).name == "Blue Enamel Mug"
    assert by_sku(shop, "mug-blue").name == "Lower-case mug"


def test_a_barcode_can_move_within_one_import(shop, catalog):
    # The mug gives up its barcode on line 2; the new product takes it on line 3.
    outcome = shop.dispatch(
        ImportProducts(
            (
                R(2, "MUG-BLUE", "Blue Enamel Mug", "Kitchen/Mugs", 850, barcode=None),
                R(3, "NEW-1", "New Mug", "Kitchen/Mugs", 900, barcode="5012345678900"),
            )
        )
    )
    assert outcome.rejected == ()
    assert shop.ask(FindProductByCode("5012345678900")).sku == "NEW-1"
    assert shop.ask(GetProduct(catalog.mug)).barcode is None


# -- importing twice ------------------------------------------------------------------


def test_importing_the_same_records_twice_changes_nothing_the_second_time(shop, catalog, data_dir, unchanged):
    records = GOOD + (
        R(5, "MUG-BLUE", "Blue Enamel Mug", "Kitchen/Mugs", 850, stock=10, barcode="5012345678900", reorder_level=2),
        R(6, "TEA-01", "Café Teapot", "kitchen", 2600, stock=8),
        R(7, "BAD", "", "Kitchen", 100),
    )
    first = shop.dispatch(ImportProducts(records))
    assert (first.created, first.updated, first.unchanged, len(first.rejected)) == (3, 1, 1, 1)
    heard = []
    shop.add_listener(heard.append)
    events, movements = outbox_size(data_dir), movement_count(data_dir)
    with unchanged(shop):
        second = shop.dispatch(ImportProducts(records))
    assert (second.created, second.updated, second.unchanged) == (0, 0, 5)
    assert second.rejected == first.rejected
    assert (outbox_size(data_dir), movement_count(data_dir)) == (events, movements)
    assert heard == []


def test_a_blank_barcode_matches_a_product_without_one(shop, catalog, data_dir):
    shop.dispatch(ImportProducts((R(2, "NEW-1", "A", "Kitchen", 100, barcode=""),)))
    events = outbox_size(data_dir)
    outcome = shop.dispatch(
        ImportProducts(
            (R(2, "NEW-1", "A", "Kitchen", 100, barcode="  "), R(3, "PLT-9", "Dinner Plate", "Kitchen/Plates", 425))
        )
    )
    assert (outcome.unchanged, outcome.updated) == (2, 0)
    assert outbox_size(data_dir) == events


# -- rejecting ------------------------------------------------------------------------


def test_bad_records_are_rejected_with_line_and_reason_and_good_ones_applied(shop, catalog):
    outcome = shop.dispatch(
        ImportProducts(
            (
                R(2, "OK-1", "Good One", "Kitchen", 100),
                R(3, "BAD-NAME", "   ", "Kitchen", 100),
                R(4, "BAD-PRICE", "Bad price", "Kitchen", -5),
                R(5, "BAD-PRICE2", "Bad price", "Kitchen", 1.5),
                R(6, "BAD-STOCK", "Bad stock", "Kitchen", 100, stock=-1),
                R(7, "OK-1", "Same SKU again", "Kitchen", 100),
                R(8, "BAD-BARCODE", "Taken barcode", "Kitchen", 100, barcode="4006381333931"),
                R(9, "BAD-PATH", "Empty segment", "Home//Mugs", 100),
                R(10, "BAD-PATH2", "Trailing slash", "Home/Mugs/", 100),
                R(11, "BAD-PATH3", "No category", "  ", 100),
                R(12, "", "No SKU", "Kitchen", 100),
                R(13, "BAD-REORDER", "Bad reorder", "Kitchen", 100, reorder_level=-2),
                R(14, "OK-2", "Good Two", "Home/Mugs", 200, stock=3),
            )
        )
    )
    assert (outcome.created, outcome.updated, outcome.unchanged) == (2, 0, 0)
    reasons = {r.line: (r.sku, r.reason) for r in outcome.rejected}
    assert [r.line for r in outcome.rejected] == list(range(3, 14))
    assert reasons[3] == ("BAD-NAME", "Name cannot be empty.")
    assert reasons[4] == ("BAD-PRICE", "Price cannot be negative.")
    assert reasons[5][1].startswith("Price must be a whole number")
    assert reasons[6] == ("BAD-STOCK", "Stock cannot be negative.")
    assert reasons[7] == ("OK-1", 'SKU "OK-1" is already on line 2.')
    assert reasons[8] == ("BAD-BARCODE", 'Barcode "4006381333931" already belongs to SKU "GRD-TRW".')
    assert reasons[9] == ("BAD-PATH", "Each category in the path cannot be empty.")
    assert reasons[10] == ("BAD-PATH2", "Each category in the path cannot be empty.")
    assert reasons[11] == ("BAD-PATH3", "Category cannot be empty.")
    assert reasons[12] == ("", "SKU cannot be empty.")
    assert reasons[13] == ("BAD-REORDER", "Reorder level cannot be negative.")
    for r in outcome.rejected:
        assert r.reason.endswith(".") and "\n" not in r.reason
    assert by_sku(shop, "OK-1").name == "Good One"
    assert by_sku(shop, "OK-2").stock == 3
    assert "Home/Mugs" in category_paths(shop)  # made by the good line 14 only
    assert shop.ask(FindProductByCode("BAD-PATH")) is None


def test_a_barcode_used_twice_in_one_batch_names_its_first_owner(shop, catalog):
    outcome = shop.dispatch(
        ImportProducts(
            (
                R(2, "NEW-1", "One", "Kitchen", 100, barcode="1111111111116"),
                R(3, "NEW-2", "Two", "Kitchen", 100, barcode="1111111111116"),
            )
        )
    )
    assert outcome.created == 1
    assert outcome.rejected == (RejectedRecord(3, "NEW-2", 'Barcode "1111111111116" already belongs to SKU "NEW-1".'),)


def test_a_duplicate_sku_in_a_batch_is_rejected_even_if_it_exists(shop, catalog):
    outcome = shop.dispatch(
        ImportProducts(
            (
                R(5, "MUG-BLUE", "First", "Kitchen/Mugs", 850, barcode="5012345678900"),
                R(9, "MUG-BLUE", "Second", "Kitchen/Mugs", 850, barcode="5012345678900"),
            )
        )
    )
    assert outcome.updated == 1
    assert outcome.rejected == (RejectedRecord(9, "MUG-BLUE", 'SKU "MUG-BLUE" is already on line 5.'),)
    assert shop.ask(GetProduct(catalog.mug)).name == "First"


@pytest.mark.parametrize("path", ["/Kitchen", "Kitchen/", "Home//Mugs", "a/ /b", "Kitchen/" + "x" * 201])
def test_a_wholly_bad_batch_changes_nothing(shop, catalog, unchanged, path):
    records = (
        R(2, "X-1", "", "Kitchen", 100),
        R(3, "X-2", "Bad path", path, 100),
        R(4, "MUG-BLUE", "Mug", "Kitchen/Mugs", -1),
        R(5, "X-3", "Taken", "New/Category", 100, barcode="5012345678900"),
    )
    heard = []
    shop.add_listener(heard.append)
    with unchanged(shop):
        outcome = shop.dispatch(ImportProducts(records))
    assert (outcome.created, outcome.updated, outcome.unchanged) == (0, 0, 0)
    assert [r.line for r in outcome.rejected] == [2, 3, 4, 5]
    assert heard == []


def test_an_empty_import_changes_nothing(shop, catalog, unchanged):
    with unchanged(shop):
        assert shop.dispatch(ImportProducts(())) == ImportOutcome()


@pytest.mark.parametrize("records", [None, "records", (("SKU", "Name"),), [R(2, "A", "A", "K", 1), object()]])
def test_an_import_takes_product_records(shop, catalog, unchanged, readable, records):
    with unchanged(shop):
        with pytest.raises(InvalidCommand) as raised:
            shop.dispatch(ImportProducts(records))
    readable(raised.value)


def test_an_import_accepts_a_list(shop, catalog):
    outcome = shop.dispatch(ImportProducts([R(2, "L-1", "From a list", "Kitchen", 100)]))
    assert outcome.created == 1


def test_rejected_records_are_reported_in_line_order(shop, catalog):
    outcome = shop.dispatch(
        ImportProducts(
            (
                R(2, "A", "A", "Kitchen", 100, barcode="4006381333931"),  # rejected late (barcode check)
                R(3, "B", "", "Kitchen", 100),  # rejected early (validation)
            )
        )
    )
    assert [r.line for r in outcome.rejected] == [2, 3]


def test_import_survives_reopening_and_rebuild(shop, catalog, reopen):
    shop.dispatch(ImportProducts(GOOD + (R(9, "MUG-BLUE", "Mug", "Garden/Mugs", 1, stock=1),)))
    state = (
        shop.ask(GetCategories()),
        shop.ask(GetProducts()),
        {p.id: shop.ask(GetStockHistory(p.id)) for p in shop.ask(GetProducts())},
    )
    shop = reopen(shop)
    assert (
        shop.ask(GetCategories()),
        shop.ask(GetProducts()),
        {p.id: shop.ask(GetStockHistory(p.id)) for p in shop.ask(GetProducts())},
    ) == state
    shop.rebuild_read_model()
    assert (
        shop.ask(GetCategories()),
        shop.ask(GetProducts()),
        {p.id: shop.ask(GetStockHistory(p.id)) for p in shop.ask(GetProducts())},
    ) == state
