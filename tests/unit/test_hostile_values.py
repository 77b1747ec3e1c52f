"""The hostile values an attack run found, one test each: raw exceptions
that reached the caller, and bad values that were stored. Each is refused
with a readable sentence and changes nothing in either store (``refused``),
or, for an import, the bad record alone is rejected with its line."""

import pytest

from core.commands import (
    AddCategory,
    AddCustomer,
    AddProduct,
    AddProducts,
    AddStaff,
    AdjustStock,
    CancelOrder,
    ImportProducts,
    MoveCategory,
    OrderLine,
    PlaceOrder,
    ProductRecord,
    ReceiveStock,
    RecordPayment,
    RenameCategory,
    ReturnItems,
    ReturnLine,
    UpdateShopSettings,
)
from core.domain.order_lines import MAX_ORDER_LINES
from core.domain.validation import MAX_CATEGORY_DEPTH
from core.errors import InvalidCommand
from core.handlers import orders
from core.queries import GetCategories, GetOrder, GetShopSettings
from tests.unit.helpers import by_sku, refused, stock_of


@pytest.mark.parametrize("number", [2**63, -(2**63) - 1, 2**64, 10**30])
def test_numbers_past_64_bits_are_refused(shop, catalog, unchanged, readable, number):
    for command in (
        CancelOrder(number),
        ReceiveStock(number, 1),
        AddCategory("Cups", parent_id=number),
        AddProduct("NEW-1", "New", number, 100),
        PlaceOrder((OrderLine(number, 1),)),
        RenameCategory(number, "Cups"),
    ):
        message = refused(shop, unchanged, readable, command)
        assert "large" in message or "whole number" in message, message


def test_a_number_just_inside_64_bits_is_an_unknown_id(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, CancelOrder(2**63 - 1), error=type(_unknown_order(shop)))
    assert message == f"There is no order number {2**63 - 1}."


def _unknown_order(shop):
    try:
        shop.dispatch(CancelOrder(10**9))
    except Exception as exc:  # the class a plain unknown order raises
        return exc
    raise AssertionError("order 10**9 exists")


@pytest.mark.parametrize(
    "command",
    [
        AddCategory("Mug\udcff"),
        AddCategory("\ud800"),
        AddProduct("SKU\udcff", "Mug", 1, 100),
        AddProduct("SKU-1", "Mug", 1, 100, barcode="\udcff"),
        AddCustomer("Jane", email="jane\udcff@example.com"),
        AddCustomer("Jane", note="Note \udcff"),
        ReceiveStock(1, 1, note="\udcff"),
    ],
)
def test_lone_surrogates_are_refused(shop, catalog, unchanged, readable, command):
    assert "not text" in refused(shop, unchanged, readable, command)


@pytest.mark.parametrize(
    "name",
    [
        "Esc\x1b[31m",
        "Bell\x07",
        "Del\x7f",
        "C1\x9b",
        "Nul\x00",
        "Line\u2028Sep",
        "Para\u2029Sep",
        "Vt\x0bx",
        "Ff\x0cx",
        "Nel\x85x",
        "\u200b",
        "\u200b\u2060\u200c",
    ],
)
def test_control_characters_separators_and_invisible_names_are_refused(shop, catalog, unchanged, readable, name):
    refused(shop, unchanged, readable, AddCategory(name))
    refused(shop, unchanged, readable, AddProduct("NEW-1", name, catalog.mugs, 100))
    refused(shop, unchanged, readable, AddProduct(name, "New", catalog.mugs, 100))
    refused(shop, unchanged, readable, AddCustomer(name))


def test_a_control_character_in_a_multi_line_address_is_refused(shop, catalog, unchanged, readable):
    settings = shop.ask(GetShopSettings())
    refused(shop, unchanged, readable, UpdateShopSettings.based_on(settings, address="1 High St\n\x1b[2JTown"))
    shop.dispatch(UpdateShopSettings.based_on(settings, address="1 High St\nTown"))  # line breaks are fine there
    assert shop.ask(GetShopSettings()).address == "1 High St\nTown"


def test_text_is_stored_in_nfc(shop, catalog, unchanged, readable):
    decomposed = "Cafe\u0301"
    category_id = shop.dispatch(AddCategory(decomposed))
    [stored] = [c for c in shop.ask(GetCategories()) if c.id == category_id]
    assert stored.name == "Caf\u00e9"
    # The same name typed the other way is the same name.
    refused(shop, unchanged, readable, AddCategory("Caf\u00e9"))


def test_a_long_value_is_quoted_shortened(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, AddProduct(" " + "S" * 10_000, "Mug", catalog.mugs, 100))
    assert len(message) < 200, len(message)
    message = refused(shop, unchanged, readable, ReceiveStock(catalog.mug, "9" * 10_000))
    assert len(message) < 200, len(message)


def test_a_float_is_not_taken_for_the_stock_seen(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, AdjustStock(catalog.mug, "stock-take", counted=9, seen_stock=10.0))
    assert "whole number" in message


def test_an_order_of_too_many_lines_is_refused(shop, catalog, unchanged, readable):
    lines = tuple(OrderLine(catalog.mug, 1) for _ in range(MAX_ORDER_LINES + 1))
    message = refused(shop, unchanged, readable, PlaceOrder(lines))
    assert message == f"An order can have at most {MAX_ORDER_LINES:,} lines; this one has {MAX_ORDER_LINES + 1:,}."


def test_a_record_without_a_line_number_is_refused(shop, catalog, unchanged, readable):
    records = (
        ProductRecord(2, "A-1", "Mug", "Home", 100),
        ProductRecord(None, "A-2", "Mug", "Home", 100),
        ProductRecord(3, "A-3", "Mug\x1b", "Home", 100),
    )
    assert "line number" in refused(shop, unchanged, readable, ImportProducts(records))


def test_bad_records_are_rejected_by_line_and_the_good_ones_imported(shop, catalog):
    records = (
        ProductRecord(2, "A-1", "Mug", "Home", 100),
        ProductRecord(3, "A-2", "Mug\x1b", "Home", 100),
        ProductRecord(4, "A-3", "Mug", "Home", 100, barcode=5012345678917),
        ProductRecord(5, "A-4", "Mug\udcff", "Home", 100),
        ProductRecord(6, "A-5", "Mug", "/".join(["Deep"] * (MAX_CATEGORY_DEPTH + 1)), 100),
        ProductRecord(7, "A-6", "Mug", "x/" * 5_000, 100),
        ProductRecord(8, "A-7", "\u200b", "Home", 100),
        ProductRecord(9, "A-8", "Mug", "/".join(["Deep"] * MAX_CATEGORY_DEPTH), 100),
    )
    outcome = shop.dispatch(ImportProducts(records))
    assert outcome.created == 2
    assert [r.line for r in outcome.rejected] == [3, 4, 5, 6, 7, 8]
    reasons = {r.line: r.reason for r in outcome.rejected}
    assert reasons[4] == "Barcode must be text, not 5012345678917."
    assert "too deep" in reasons[6] and len(reasons[7]) < 200
    assert by_sku(shop, "A-8").name == "Mug"
    assert max(_depth(c, shop) for c in shop.ask(GetCategories())) == MAX_CATEGORY_DEPTH


def _depth(category, shop) -> int:
    by_id = {c.id: c for c in shop.ask(GetCategories())}
    depth = 1
    while category.parent_id is not None:
        category, depth = by_id[category.parent_id], depth + 1
    return depth


def test_invalid_command_is_what_the_screen_raises(shop, catalog):
    with pytest.raises(InvalidCommand, match="far too large"):
        shop.dispatch(CancelOrder(2**70))


def test_categories_go_no_deeper_than_the_limit(shop, unchanged, readable):
    parent = None
    for level in range(1, MAX_CATEGORY_DEPTH + 1):
        parent = shop.dispatch(AddCategory(f"Level {level}", parent_id=parent))
    message = refused(shop, unchanged, readable, AddCategory("Too deep", parent_id=parent))
    assert message == f'Categories go at most {MAX_CATEGORY_DEPTH} levels deep: "Too deep" there would make 11.'

    # A category with a sub-category moved under level 9 would make 11 levels.
    top = shop.dispatch(AddCategory("Top"))
    shop.dispatch(AddCategory("Below", parent_id=top))
    level_9 = next(c.id for c in shop.ask(GetCategories()) if c.name == "Level 9")
    assert "would make 11" in refused(shop, unchanged, readable, MoveCategory(top, level_9))
    level_8 = next(c.id for c in shop.ask(GetCategories()) if c.name == "Level 8")
    shop.dispatch(MoveCategory(top, level_8))  # 10 levels: fine


def test_a_large_order_takes_its_stock_in_statements_of_bounded_size(shop, catalog, monkeypatch):
    """The cost of an order grows with its lines, not with their square: no
    statement takes the stock of more than SELL_CHUNK products (a statement's
    CASE is looked through for every row it updates)."""
    category = shop.dispatch(AddCategory("Bulk"))
    ids = shop.dispatch(
        AddProducts(tuple(AddProduct(f"BULK-{i}", f"Bulk {i}", category, 100, stock=5) for i in range(300)))
    )
    sizes = []
    real = orders.sql.sell_stock
    monkeypatch.setattr(orders.sql, "sell_stock", lambda lines, *pg: (sizes.append(lines), real(lines, *pg))[1])

    shop.dispatch(PlaceOrder(tuple(OrderLine(i, 2) for i in ids)))

    assert sum(sizes) == 300 and max(sizes) <= orders.SELL_CHUNK
    assert stock_of(shop, *ids) == (3,) * 300


def test_an_orders_history_follows_its_life_when_the_clock_is_set_back(shop, catalog, clock):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
    clock.advance(days=-365)  # someone sets the till's clock back a year
    shop.dispatch(RecordPayment(order_id, "card", 1700))
    clock.advance(days=-30)
    shop.dispatch(ReturnItems(order_id, (ReturnLine(catalog.mug, 1),)))
    clock.advance(days=-1)
    shop.dispatch(ReturnItems(order_id, (ReturnLine(catalog.mug, 1),)))
    kinds = [entry.kind for entry in shop.ask(GetOrder(order_id)).history]
    assert kinds == ["placed", "payment", "return", "return"]
    shop.rebuild_read_model()
    assert [entry.kind for entry in shop.ask(GetOrder(order_id)).history] == kinds


@pytest.mark.parametrize("role", [[], {}, ["owner"], None, 1])
def test_a_role_that_is_not_text_is_refused(shop, unchanged, readable, role):
    assert refused(shop, unchanged, readable, AddStaff("Olive", role, "52719384")).startswith("Choose a role")
