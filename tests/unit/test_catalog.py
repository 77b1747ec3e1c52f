"""Building the catalog through the dispatcher: categories, products, bulk adds."""

import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct, AddProducts
from core.errors import DuplicateSku
from core.queries import (
    FindProductByCode,
    GetCategories,
    GetProducts,
    GetProductsByIds,
    ProductView,
)
from tests.helpers import WriteModelDatabase

TRICKY_NAMES = [
    "Robert'); DROP TABLE product;--",
    'The "Good" Mug',
    "O'Brien's Tea",
    "50% off_sale \\ back-slash",
    "Crème brûlée dish — 日本 🍵",
    "<b>bold</b> & {json}: [1]",
]


def test_add_category_returns_its_id_and_is_listed(shop):
    kitchen = shop.dispatch(AddCategory("Kitchen"))
    assert isinstance(kitchen, int)
    (view,) = shop.ask(GetCategories())
    assert (view.id, view.name, view.parent_id, view.product_count) == (kitchen, "Kitchen", None, 0)


def test_add_sub_category(shop):
    kitchen = shop.dispatch(AddCategory("Kitchen"))
    mugs = shop.dispatch(AddCategory("Mugs", parent_id=kitchen))
    views = {c.id: c for c in shop.ask(GetCategories())}
    assert views[mugs].parent_id == kitchen


def test_category_name_is_trimmed(shop):
    shop.dispatch(AddCategory("  Garden  "))
    assert [c.name for c in shop.ask(GetCategories())] == ["Garden"]


def test_same_category_name_under_different_parents_is_allowed(shop):
    kitchen = shop.dispatch(AddCategory("Kitchen"))
    garden = shop.dispatch(AddCategory("Garden"))
    a = shop.dispatch(AddCategory("Sale", parent_id=kitchen))
    b = shop.dispatch(AddCategory("Sale", parent_id=garden))
    assert a != b
    assert [c.name for c in shop.ask(GetCategories())].count("Sale") == 2


def test_add_product_stores_every_field(shop, catalog):
    new_id = shop.dispatch(
        AddProduct("NEW-1", "Oven Glove", catalog.kitchen, 799, stock=12, barcode="9780201379624", reorder_level=4)
    )
    assert isinstance(new_id, int)
    (view,) = shop.ask(GetProductsByIds((new_id,)))
    assert view == ProductView(new_id, "NEW-1", "Oven Glove", catalog.kitchen, 799, 12, "9780201379624", 4)


def test_add_product_defaults(shop, catalog):
    new_id = shop.dispatch(AddProduct("NEW-1", "Oven Glove", catalog.kitchen, 0))
    (view,) = shop.ask(GetProductsByIds((new_id,)))
    assert (view.stock, view.barcode, view.reorder_level, view.price_cents) == (0, None, 0, 0)


@pytest.mark.parametrize("blank", ["", "   "])
def test_blank_barcode_means_no_barcode(shop, catalog, blank):
    a = shop.dispatch(AddProduct("NEW-1", "One", catalog.kitchen, 100, barcode=blank))
    b = shop.dispatch(AddProduct("NEW-2", "Two", catalog.kitchen, 100, barcode=blank))
    views = shop.ask(GetProductsByIds((a, b)))
    assert [v.barcode for v in views] == [None, None]


def test_skus_differing_only_in_case_are_two_products(shop, catalog):
    upper = shop.dispatch(AddProduct("85123A", "White Hanging Heart", catalog.kitchen, 255))
    lower = shop.dispatch(AddProduct("85123a", "White Hanging Heart (small)", catalog.kitchen, 195))
    assert upper != lower
    assert shop.ask(FindProductByCode("85123A")).id == upper
    assert shop.ask(FindProductByCode("85123a")).id == lower
    # ... but the exact same SKU again is refused.
    with pytest.raises(DuplicateSku):
        shop.dispatch(AddProduct("85123a", "Copy", catalog.kitchen, 1))


@pytest.mark.parametrize("name", TRICKY_NAMES)
def test_names_with_quotes_and_sql_are_stored_as_typed(shop, data_dir, reopen, name):
    # "/" separates the levels of a category path (Home/Kitchen), so a
    # category cannot have it in its name; a product can.
    category_id = shop.dispatch(AddCategory(name.replace("/", "|")))
    product_id = shop.dispatch(AddProduct("SKU-'\";--", name, category_id, 100))
    for s in (shop, reopen(shop)):  # the read model, then a fresh one from the files
        (category,) = s.ask(GetCategories())
        assert category.name == name.replace("/", "|")
        (product,) = s.ask(GetProductsByIds((product_id,)))
        assert (product.name, product.sku) == (name, "SKU-'\";--")
        assert s.ask(FindProductByCode("SKU-'\";--")).id == product_id
    conn = WriteModelDatabase(data_dir)
    try:
        assert conn.execute("SELECT name FROM product").fetchall() == [(name,)]
        assert conn.execute("SELECT count(*) FROM product").fetchone() == (1,)  # the table is still there
    finally:
        conn.close()


def test_product_search_finds_a_tricky_name(shop, catalog):
    shop.dispatch(AddProduct("X-1", "Robert'); DROP TABLE product;--", catalog.kitchen, 1))
    assert [p.name for p in shop.ask(GetProducts(search="drop table"))] == ["Robert'); DROP TABLE product;--"]


def test_add_products_adds_all_and_returns_ids_in_order(shop, catalog):
    ids = shop.dispatch(
        AddProducts(
            (
                AddProduct("B-1", "Bulk One", catalog.garden, 100, stock=1),
                AddProduct("B-2", "Bulk Two", catalog.garden, 200, stock=2, barcode="222"),
                AddProduct("B-3", "Bulk Three", catalog.mugs, 300, stock=3),
            )
        )
    )
    assert isinstance(ids, tuple) and len(ids) == 3 and len(set(ids)) == 3
    views = shop.ask(GetProductsByIds(ids))
    assert [(v.sku, v.price_cents, v.stock) for v in views] == [("B-1", 100, 1), ("B-2", 200, 2), ("B-3", 300, 3)]
    assert shop.ask(FindProductByCode("222")).id == ids[1]


def test_add_products_accepts_a_list(shop, catalog):
    ids = shop.dispatch(AddProducts([AddProduct("B-1", "Bulk One", catalog.garden, 100)]))
    assert len(ids) == 1


def test_add_products_is_all_or_nothing(shop, catalog):
    before = shop.ask(GetProducts())
    with pytest.raises(DuplicateSku):
        shop.dispatch(
            AddProducts(
                (
                    AddProduct("B-1", "Bulk One", catalog.garden, 100),
                    AddProduct("MUG-BLUE", "Clash", catalog.garden, 100),
                )
            )
        )
    assert shop.ask(GetProducts()) == before
    assert shop.ask(FindProductByCode("B-1")) is None
    # The refused batch did not burn the SKU: it can be added now.
    shop.dispatch(AddProduct("B-1", "Bulk One", catalog.garden, 100))


def test_category_counts_follow_new_products(shop, catalog):
    counts = {c.id: c.product_count for c in shop.ask(GetCategories())}
    assert counts == {catalog.kitchen: 3, catalog.mugs: 1, catalog.plates: 1, catalog.garden: 1}
    shop.dispatch(AddProduct("MUG-RED", "Red Mug", catalog.mugs, 850))
    counts = {c.id: c.product_count for c in shop.ask(GetCategories())}
    assert counts == {catalog.kitchen: 4, catalog.mugs: 2, catalog.plates: 1, catalog.garden: 1}


class TestListeners:
    def test_new_category_is_named(self, shop):
        heard = []
        shop.add_listener(heard.append)
        kitchen = shop.dispatch(AddCategory("Kitchen"))
        assert len(heard) == 1
        assert heard[0].categories == {kitchen}
        assert not heard[0].products and not heard[0].orders and not heard[0].rebuilt

    def test_new_product_names_it_and_its_categories(self, shop, catalog):
        heard = []
        shop.add_listener(heard.append)
        new_id = shop.dispatch(AddProduct("MUG-RED", "Red Mug", catalog.mugs, 850))
        (changes,) = heard
        assert changes.products == {new_id}
        assert catalog.mugs in changes.categories
        assert not changes.orders

    def test_new_product_names_ancestor_categories_whose_count_changed(self, shop, catalog):
        # Kitchen's product_count includes Mugs': a list refreshing only the
        # named rows must be told that Kitchen changed too.
        heard = []
        shop.add_listener(heard.append)
        shop.dispatch(AddProduct("MUG-RED", "Red Mug", catalog.mugs, 850))
        (changes,) = heard
        assert changes.categories == {catalog.mugs, catalog.kitchen}

    def test_bulk_add_is_one_notification(self, shop, catalog):
        heard = []
        shop.add_listener(heard.append)
        ids = shop.dispatch(
            AddProducts((AddProduct("B-1", "One", catalog.garden, 1), AddProduct("B-2", "Two", catalog.plates, 1)))
        )
        (changes,) = heard
        assert changes.products == set(ids)
        assert {catalog.garden, catalog.plates} <= changes.categories

    def test_removed_listener_hears_nothing(self, shop):
        heard = []
        shop.add_listener(heard.append)
        shop.remove_listener(heard.append)
        shop.dispatch(AddCategory("Kitchen"))
        assert heard == []

    def test_every_listener_is_told(self, shop):
        first, second = [], []
        shop.add_listener(first.append)
        shop.add_listener(second.append)
        shop.dispatch(AddCategory("Kitchen"))
        assert len(first) == len(second) == 1


def test_other_tills_new_sub_category_and_product_name_all_ancestors(shop, catalog, data_dir):
    # Both events reach this till in one catch-up.
    other = open_shop(data_dir)
    try:
        enamel = other.dispatch(AddCategory("Enamel", parent_id=catalog.mugs))
        other.dispatch(AddProduct("EN-1", "Speckled Mug", enamel, 900))
    finally:
        other.close()
    changes = shop.sync()
    assert changes.categories == {enamel, catalog.mugs, catalog.kitchen}


def test_rebuilding_the_read_model_tells_listeners_everything_changed(shop, catalog):
    before = (shop.ask(GetCategories()), shop.ask(GetProducts()))
    heard = []
    shop.add_listener(heard.append)
    shop.rebuild_read_model()
    assert [c.rebuilt for c in heard] == [True]
    assert (shop.ask(GetCategories()), shop.ask(GetProducts())) == before
