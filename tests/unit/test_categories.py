"""Reshaping the category tree: rename, move, delete. Every refusal leaves both
stores exactly as they were; product counts and Changes follow every change.

The catalog fixture: Kitchen (Café Teapot) > Mugs (Blue Enamel Mug),
Kitchen > Plates (Dinner Plate), Garden (Hand Trowel).
"""

import pytest

from core.commands import (
    AddCategory,
    AddProduct,
    ArchiveProduct,
    DeleteCategory,
    MoveCategory,
    RenameCategory,
)
from core.errors import InvalidCommand, UnknownCategory
from core.queries import GetCategories, GetProduct, GetProducts, GetStockHistory
from tests.unit.helpers import counts, dispatch_and_hear, refused


def tree(shop) -> dict:
    """{id: (name, parent_id, product_count)}"""
    return {c.id: (c.name, c.parent_id, c.product_count) for c in shop.ask(GetCategories())}


# -- RenameCategory -------------------------------------------------------------------


def test_rename_category(shop, catalog):
    _, changes = dispatch_and_hear(shop, RenameCategory(catalog.mugs, "Cups & Mugs"))
    assert tree(shop)[catalog.mugs] == ("Cups & Mugs", catalog.kitchen, 1)
    assert catalog.mugs in changes.categories
    assert not changes.products and not changes.orders


def test_rename_trims_the_name_and_keeps_products(shop, catalog):
    shop.dispatch(RenameCategory(catalog.garden, "  Garden & Patio  "))
    assert tree(shop)[catalog.garden] == ("Garden & Patio", None, 1)
    assert [p.id for p in shop.ask(GetProducts(category_id=catalog.garden))] == [catalog.trowel]


def test_rename_to_a_different_case_of_its_own_name_is_allowed(shop, catalog):
    shop.dispatch(RenameCategory(catalog.kitchen, "KITCHEN"))
    assert tree(shop)[catalog.kitchen][0] == "KITCHEN"


def test_same_name_under_another_parent_is_allowed(shop, catalog):
    shop.dispatch(RenameCategory(catalog.plates, "Garden"))  # Kitchen > Garden
    assert tree(shop)[catalog.plates] == ("Garden", catalog.kitchen, 1)


@pytest.mark.parametrize(
    "name, fragment",
    [
        ("", "Category name cannot be empty."),
        ("   ", "Category name cannot be empty."),
        (None, "Category name cannot be empty."),
        ("Pots/Pans", 'Category name cannot contain "/".'),
        ("/", 'Category name cannot contain "/".'),
        ("Two\nlines", "must be on one line"),
        ("x" * 201, "too long"),
    ],
)
def test_rename_refuses_a_bad_name(shop, catalog, unchanged, readable, name, fragment):
    message = refused(shop, unchanged, readable, RenameCategory(catalog.mugs, name))
    assert fragment in message


@pytest.mark.parametrize("name", ["Plates", "plates", " PLATES "])
def test_rename_refuses_a_sibling_s_name_in_any_case(shop, catalog, unchanged, readable, name):
    message = refused(shop, unchanged, readable, RenameCategory(catalog.mugs, name))
    assert message == f'A category named "{name.strip()}" already exists there.'


def test_rename_refuses_a_top_level_sibling_s_name(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, RenameCategory(catalog.garden, "kitchen"))
    assert "already exists there" in message


def test_sibling_names_are_compared_ignoring_case_beyond_ascii(shop, catalog, unchanged, readable):
    # SQLite's lower() folds ASCII only: "Épicerie" must still clash with itself
    # and with "épicerie".
    shop.dispatch(AddCategory("Épicerie"))
    for name in ("Épicerie", "épicerie", "ÉPICERIE"):
        refused(shop, unchanged, readable, AddCategory(name))
        refused(shop, unchanged, readable, RenameCategory(catalog.garden, name))


@pytest.mark.parametrize(
    "category_id, error, fragment",
    [
        (999, UnknownCategory, "There is no category number 999."),
        (None, InvalidCommand, "Category must be a whole number"),
        ("1", InvalidCommand, "Category must be a whole number"),
        (True, InvalidCommand, "Category must be a whole number"),
    ],
)
def test_rename_refuses_an_unknown_category(shop, catalog, unchanged, readable, category_id, error, fragment):
    message = refused(shop, unchanged, readable, RenameCategory(category_id, "Anything"), error)
    assert fragment in message


# -- MoveCategory ---------------------------------------------------------------------


def test_move_to_the_top(shop, catalog):
    _, changes = dispatch_and_hear(shop, MoveCategory(catalog.mugs, None))
    t = tree(shop)
    assert t[catalog.mugs] == ("Mugs", None, 1)
    assert t[catalog.kitchen] == ("Kitchen", None, 2)  # the mug left with its category
    assert {catalog.mugs, catalog.kitchen} <= changes.categories


def test_move_under_another_category_moves_its_products_counts(shop, catalog):
    _, changes = dispatch_and_hear(shop, MoveCategory(catalog.mugs, catalog.garden))
    t = tree(shop)
    assert t[catalog.mugs] == ("Mugs", catalog.garden, 1)
    assert t[catalog.kitchen][2] == 2
    assert t[catalog.garden][2] == 2
    # The old parent and the new one both show a different count.
    assert {catalog.mugs, catalog.kitchen, catalog.garden} <= changes.categories
    assert {p.id for p in shop.ask(GetProducts(category_id=catalog.garden))} == {catalog.trowel, catalog.mug}
    assert {p.id for p in shop.ask(GetProducts(category_id=catalog.kitchen))} == {catalog.teapot, catalog.plate}


def test_move_names_every_ancestor_whose_count_changes(shop, catalog):
    deep = shop.dispatch(AddCategory("Tools", parent_id=catalog.garden))
    deeper = shop.dispatch(AddCategory("Hand tools", parent_id=deep))
    _, changes = dispatch_and_hear(shop, MoveCategory(catalog.mugs, deeper))
    assert {catalog.mugs, catalog.kitchen, catalog.garden, deep, deeper} <= changes.categories
    t = tree(shop)
    assert (t[catalog.kitchen][2], t[catalog.garden][2], t[deep][2], t[deeper][2]) == (2, 2, 1, 1)


def test_moving_a_category_takes_its_whole_subtree(shop, catalog):
    shop.dispatch(MoveCategory(catalog.kitchen, catalog.garden))
    t = tree(shop)
    assert t[catalog.kitchen] == ("Kitchen", catalog.garden, 3)
    assert t[catalog.mugs] == ("Mugs", catalog.kitchen, 1)
    assert t[catalog.garden][2] == 4
    # Parents before children, siblings by name.
    names = [c.name for c in shop.ask(GetCategories())]
    assert names == ["Garden", "Kitchen", "Mugs", "Plates"]


def test_move_refuses_under_itself(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, MoveCategory(catalog.kitchen, catalog.kitchen))
    assert message == '"Kitchen" cannot go under itself or one of its own sub-categories.'


def test_move_refuses_under_its_own_child(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, MoveCategory(catalog.kitchen, catalog.mugs))
    assert message == '"Kitchen" cannot go under itself or one of its own sub-categories.'


def test_move_refuses_under_a_deeper_descendant(shop, catalog, unchanged, readable):
    small = shop.dispatch(AddCategory("Small", parent_id=catalog.mugs))
    tiny = shop.dispatch(AddCategory("Tiny", parent_id=small))
    message = refused(shop, unchanged, readable, MoveCategory(catalog.kitchen, tiny))
    assert message == '"Kitchen" cannot go under itself or one of its own sub-categories.'


def test_move_refuses_a_duplicate_name_at_the_destination(shop, catalog, unchanged, readable):
    shop.dispatch(AddCategory("mugs", parent_id=catalog.garden))
    message = refused(shop, unchanged, readable, MoveCategory(catalog.mugs, catalog.garden))
    assert message == 'A category named "Mugs" already exists there.'
    shop.dispatch(AddCategory("MUGS"))
    refused(shop, unchanged, readable, MoveCategory(catalog.mugs, None))


def test_move_to_where_it_already_is_is_harmless(shop, catalog):
    before = tree(shop)
    shop.dispatch(MoveCategory(catalog.mugs, catalog.kitchen))
    assert tree(shop) == before


@pytest.mark.parametrize(
    "make",
    [
        lambda c: MoveCategory(999, None),
        lambda c: MoveCategory(c.mugs, 999),
    ],
)
def test_move_refuses_an_unknown_category(shop, catalog, unchanged, readable, make):
    message = refused(shop, unchanged, readable, make(catalog), UnknownCategory)
    assert message == "There is no category number 999."


def test_move_refuses_a_parent_that_is_not_a_number(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, MoveCategory(catalog.mugs, "Garden"))
    assert "must be a whole number" in message


# -- DeleteCategory -------------------------------------------------------------------


def test_delete_an_empty_category(shop, catalog):
    empty = shop.dispatch(AddCategory("Empty", parent_id=catalog.garden))
    _, changes = dispatch_and_hear(shop, DeleteCategory(empty))
    assert empty not in tree(shop)
    assert empty in changes.categories
    assert shop.ask(GetProducts(category_id=empty)) == ()


@pytest.mark.parametrize("extra, count", [(0, "1 product"), (1, "2 products")])
def test_delete_refuses_while_products_remain_and_says_how_many(shop, catalog, unchanged, readable, extra, count):
    for i in range(extra):
        shop.dispatch(AddProduct(f"GRD-{i}", f"Rake {i}", catalog.garden, 900))
    message = refused(shop, unchanged, readable, DeleteCategory(catalog.garden))
    assert message == f'"Garden" still holds {count}: choose a category to move them to.'


def test_delete_counts_only_its_own_products_not_its_sub_categories(shop, catalog, unchanged, readable):
    # Kitchen holds the teapot itself; the mug and the plate are in sub-categories.
    message = refused(shop, unchanged, readable, DeleteCategory(catalog.kitchen))
    assert "still holds 1 product:" in message


def test_delete_moving_products_elsewhere(shop, catalog):
    rake = shop.dispatch(AddProduct("GRD-RAKE", "Rake", catalog.garden, 900))
    _, changes = dispatch_and_hear(shop, DeleteCategory(catalog.garden, move_products_to=catalog.plates))
    t = tree(shop)
    assert catalog.garden not in t
    assert t[catalog.plates][2] == 3
    assert t[catalog.kitchen][2] == 5
    assert shop.ask(GetProduct(rake)).category_id == catalog.plates
    assert shop.ask(GetProduct(catalog.trowel)).category_id == catalog.plates
    assert {catalog.trowel, rake} <= changes.products
    assert {catalog.garden, catalog.plates, catalog.kitchen} <= changes.categories
    assert shop.ask(GetProducts(category_id=catalog.garden)) == ()


def test_delete_moves_archived_products_too(shop, catalog):
    shop.dispatch(ArchiveProduct(catalog.trowel))
    shop.dispatch(DeleteCategory(catalog.garden, move_products_to=catalog.kitchen))
    (trowel,) = shop.ask(GetProducts(archived=True))
    assert trowel.category_id == catalog.kitchen
    assert tree(shop)[catalog.kitchen][2] == 3  # archived products are not counted


def test_delete_keeps_the_products_stock_history(shop, catalog):
    before = shop.ask(GetStockHistory(catalog.trowel))
    shop.dispatch(DeleteCategory(catalog.garden, move_products_to=catalog.kitchen))
    assert shop.ask(GetStockHistory(catalog.trowel)) == before


def test_delete_moves_sub_categories_up_to_its_parent(shop, catalog):
    small = shop.dispatch(AddCategory("Small", parent_id=catalog.mugs))
    shop.dispatch(AddProduct("MUG-S", "Espresso Cup", small, 300))
    _, changes = dispatch_and_hear(shop, DeleteCategory(catalog.mugs, move_products_to=catalog.plates))
    t = tree(shop)
    assert catalog.mugs not in t
    assert t[small] == ("Small", catalog.kitchen, 1)
    assert t[catalog.plates][2] == 2
    assert t[catalog.kitchen][2] == 4
    assert {catalog.mugs, small} <= changes.categories


def test_delete_a_top_level_category_moves_its_children_to_the_top(shop, catalog):
    shop.dispatch(DeleteCategory(catalog.kitchen, move_products_to=catalog.garden))
    t = tree(shop)
    assert t[catalog.mugs] == ("Mugs", None, 1)
    assert t[catalog.plates] == ("Plates", None, 1)
    assert t[catalog.garden] == ("Garden", None, 2)


def test_delete_a_category_whose_child_has_the_same_name(shop, catalog):
    # Sale > Sale: the inner one moves up to where the outer one was.
    outer = shop.dispatch(AddCategory("Sale"))
    inner = shop.dispatch(AddCategory("sale", parent_id=outer))
    shop.dispatch(DeleteCategory(outer))
    t = tree(shop)
    assert outer not in t
    assert t[inner] == ("sale", None, 0)


def test_delete_refuses_when_a_sub_category_would_clash_at_the_parent(shop, catalog, unchanged, readable):
    # Deleting Mugs would bring its "Plates" up next to Kitchen's own "Plates".
    shop.dispatch(AddCategory("Plates", parent_id=catalog.mugs))
    message = refused(shop, unchanged, readable, DeleteCategory(catalog.mugs, move_products_to=catalog.kitchen))
    assert '"Plates"' in message


def test_delete_refuses_moving_products_into_itself(shop, catalog, unchanged, readable):
    message = refused(shop, unchanged, readable, DeleteCategory(catalog.garden, move_products_to=catalog.garden))
    assert message == 'The products cannot stay in "Garden" if it is deleted.'


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda c: DeleteCategory(999), "There is no category number 999."),
        (lambda c: DeleteCategory(c.garden, move_products_to=999), "There is no category number 999."),
    ],
)
def test_delete_refuses_an_unknown_category(shop, catalog, unchanged, readable, make, message):
    assert refused(shop, unchanged, readable, make(catalog), UnknownCategory) == message


def test_a_deleted_category_cannot_be_used(shop, catalog, unchanged, readable):
    shop.dispatch(DeleteCategory(catalog.garden, move_products_to=catalog.kitchen))
    refused(shop, unchanged, readable, AddProduct("NEW", "New", catalog.garden, 1), UnknownCategory)
    refused(shop, unchanged, readable, AddCategory("Child", parent_id=catalog.garden), UnknownCategory)
    refused(shop, unchanged, readable, RenameCategory(catalog.garden, "Back"), UnknownCategory)


# -- counts follow every change -----------------------------------------------------


def test_counts_follow_a_sequence_of_changes(shop, catalog):
    assert counts(shop) == {catalog.kitchen: 3, catalog.mugs: 1, catalog.plates: 1, catalog.garden: 1}
    shop.dispatch(ArchiveProduct(catalog.teapot))
    assert counts(shop) == {catalog.kitchen: 2, catalog.mugs: 1, catalog.plates: 1, catalog.garden: 1}
    shop.dispatch(MoveCategory(catalog.plates, catalog.garden))
    assert counts(shop) == {catalog.kitchen: 1, catalog.mugs: 1, catalog.plates: 1, catalog.garden: 2}
    shop.dispatch(DeleteCategory(catalog.plates, move_products_to=catalog.mugs))
    assert counts(shop) == {catalog.kitchen: 2, catalog.mugs: 2, catalog.garden: 1}
    shop.dispatch(RenameCategory(catalog.mugs, "Crockery"))
    assert counts(shop) == {catalog.kitchen: 2, catalog.mugs: 2, catalog.garden: 1}


def test_the_tree_survives_reopening(shop, catalog, reopen):
    shop.dispatch(RenameCategory(catalog.mugs, "Cups"))
    shop.dispatch(MoveCategory(catalog.plates, catalog.garden))
    shop.dispatch(DeleteCategory(catalog.kitchen, move_products_to=catalog.garden))
    before = shop.ask(GetCategories())
    assert before == reopen(shop).ask(GetCategories())
