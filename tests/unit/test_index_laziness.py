"""What the catalog index builds lazily (SKU and barcode lookups, search keys,
category positions, the names for binary search) gives the same answers as
building it all at once, before and after Shop.warm_up, and stays current."""

import pytest

from core.commands import AddProduct, AddProducts, CancelOrder, OrderLine, PlaceOrder, ReceiveStock
from core.domain import validation as valid
from core.errors import InvalidCommand
from core.queries import FindProductByCode, GetProducts, GetProductsByIds
from core.read_model.indexes import fold, fold_all


def answers(shop, catalog) -> tuple:
    return (
        shop.ask(GetProducts()),
        shop.ask(GetProducts(category_id=catalog.kitchen)),
        shop.ask(GetProducts(search="mug")),
        shop.ask(GetProducts(search="cafe")),
        shop.ask(FindProductByCode("MUG-BLUE")),
        shop.ask(FindProductByCode("4006381333931")),
    )


def test_the_same_answers_before_and_after_warming_up(shop, catalog, reopen):
    cold = reopen(shop)  # freshly opened: nothing built beyond the name order
    first = answers(cold, catalog)
    cold.warm_up()
    assert answers(cold, catalog) == first
    warm = reopen(cold)
    warm.warm_up()
    assert answers(warm, catalog) == first


def test_lookups_built_late_still_see_new_and_sold_products(shop, catalog, reopen):
    shop = reopen(shop)
    new = shop.dispatch(AddProduct("NEW-1", "New Mug", catalog.mugs, 500, stock=4, barcode="2000000000015"))
    assert shop.ask(FindProductByCode("2000000000015")).id == new  # built now, with the new one
    newer = shop.dispatch(AddProduct("NEW-2", "Newer Mug", catalog.mugs, 500, stock=4, barcode="2000000000022"))
    assert shop.ask(FindProductByCode("NEW-2")).id == newer  # kept current once built
    shop.dispatch(PlaceOrder((OrderLine(new, 3),)))
    assert shop.ask(FindProductByCode("NEW-1")).stock == 1


def test_stock_patches_find_products_that_share_a_name(shop, catalog):
    ids = shop.dispatch(
        AddProducts(
            tuple(
                AddProduct(f"SAME-{i}", "Same Name" if i % 2 else "same name", catalog.garden, 100, stock=10)
                for i in range(1, 7)
            )
        )
    )
    shop.warm_up()
    shop.dispatch(PlaceOrder((OrderLine(ids[3], 4), OrderLine(ids[0], 1))))
    order_id = shop.dispatch(PlaceOrder((OrderLine(ids[5], 2),)))
    shop.dispatch(CancelOrder(order_id))
    shop.dispatch(ReceiveStock(ids[2], 5))
    listed = [p for p in shop.ask(GetProducts(category_id=catalog.garden)) if p.sku.startswith("SAME-")]
    assert [p.id for p in listed] == list(ids)  # name ignoring case, then id
    assert [p.stock for p in listed] == [9, 10, 15, 6, 10, 10]
    assert [p.stock for p in shop.ask(GetProductsByIds(ids))] == [9, 10, 15, 6, 10, 10]


@pytest.mark.parametrize(
    "texts",
    [
        [],
        ["Blue Enamel Mug"],
        ["Café Teapot", "MUG", "Straße", "ΣΊΣΥΦΟΣ", "\u212a Kelvin", "İstanbul"],
        ["plain", "Crème Brûlée\n12\n", "x" * 300, ""],
    ],
)
def test_folding_many_at_once_folds_each(texts):
    assert fold_all(texts) == [fold(t) for t in texts]


@pytest.mark.parametrize("code", ["A\u00a0B", "A\u2028B", "A\u3000B", "A\x1fB", "A\x00B", "A\tB"])
def test_codes_with_any_whitespace_but_the_space_are_still_refused(code):
    with pytest.raises(InvalidCommand, match="must be on one line"):
        valid.code(code, "SKU")


@pytest.mark.parametrize("code", ["85123A", "A B", "Café-1", "~!@#$%^&*()"])
def test_ordinary_codes_are_accepted(code):
    assert valid.code(code, "SKU") == code


@pytest.mark.parametrize(
    "name", ["two\nlines", "tab\there", "nul\x00here", "c\rr", "Line\u2028Separator", "Para\u2029graph", "v\x0bt"]
)
def test_names_on_two_lines_are_still_refused(name):
    with pytest.raises(InvalidCommand, match="must be on one line"):
        valid.name(name)


@pytest.mark.parametrize("name", ["Zero\u200bWidth", "Café", "\u200fRTL mark"])
def test_names_with_other_unprintable_characters_are_accepted_as_before(name):
    assert valid.name(name) == name
