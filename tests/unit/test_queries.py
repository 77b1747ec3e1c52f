"""Queries through Shop.ask: what they return, in which order, and that the
values handed out are immutable snapshots, never live documents."""

import dataclasses

import pytest

from core.commands import AddCategory, AddProduct, CancelOrder, OrderLine, PlaceOrder, ReceiveStock
from core.errors import UnknownOrder
from core.queries import (
    CategoryView,
    FindProductByCode,
    GetCategories,
    GetOrder,
    GetOrders,
    GetProducts,
    GetProductsByIds,
    ProductView,
)


def names(products):
    return [p.name for p in products]


class TestGetCategories:
    def test_empty_shop(self, shop):
        assert shop.ask(GetCategories()) == ()

    def test_parents_before_children_and_siblings_by_name(self, shop, catalog):
        views = shop.ask(GetCategories())
        assert [(c.name, c.parent_id) for c in views] == [
            ("Garden", None),
            ("Kitchen", None),
            ("Mugs", catalog.kitchen),
            ("Plates", catalog.kitchen),
        ]
        assert all(isinstance(c, CategoryView) for c in views)

    def test_siblings_sort_ignoring_case(self, shop):
        for name in ("beta", "Alpha", "gamma"):
            shop.dispatch(AddCategory(name))
        assert [c.name for c in shop.ask(GetCategories())] == ["Alpha", "beta", "gamma"]

    def test_product_count_includes_every_descendant(self, shop, catalog):
        enamel = shop.dispatch(AddCategory("Enamel", parent_id=catalog.mugs))
        shop.dispatch(AddProduct("EN-1", "Speckled Mug", enamel, 900))
        shop.dispatch(AddProduct("EN-2", "Camp Mug", enamel, 900))
        counts = {c.name: c.product_count for c in shop.ask(GetCategories())}
        assert counts == {"Kitchen": 5, "Mugs": 3, "Enamel": 2, "Plates": 1, "Garden": 1}
        order = [c.name for c in shop.ask(GetCategories())]
        assert order.index("Mugs") < order.index("Enamel")


class TestGetProducts:
    def test_all_products_by_name(self, shop, catalog):
        assert names(shop.ask(GetProducts())) == ["Blue Enamel Mug", "Café Teapot", "Dinner Plate", "Hand Trowel"]

    def test_names_sort_ignoring_case(self, shop, catalog):
        shop.dispatch(AddProduct("L-1", "apron", catalog.kitchen, 1))
        assert names(shop.ask(GetProducts()))[:2] == ["apron", "Blue Enamel Mug"]

    def test_category_includes_its_descendants(self, shop, catalog):
        assert names(shop.ask(GetProducts(category_id=catalog.kitchen))) == [
            "Blue Enamel Mug",
            "Café Teapot",
            "Dinner Plate",
        ]
        assert names(shop.ask(GetProducts(category_id=catalog.mugs))) == ["Blue Enamel Mug"]
        assert names(shop.ask(GetProducts(category_id=catalog.garden))) == ["Hand Trowel"]

    def test_grandchild_products_are_in_the_grandparent(self, shop, catalog):
        enamel = shop.dispatch(AddCategory("Enamel", parent_id=catalog.mugs))
        shop.dispatch(AddProduct("EN-1", "Speckled Mug", enamel, 900))
        assert "Speckled Mug" in names(shop.ask(GetProducts(category_id=catalog.kitchen)))

    def test_empty_or_unknown_category(self, shop, catalog):
        empty = shop.dispatch(AddCategory("Empty"))
        assert shop.ask(GetProducts(category_id=empty)) == ()
        assert shop.ask(GetProducts(category_id=999)) == ()

    @pytest.mark.parametrize(
        "search, expected",
        [
            ("mug", ["Blue Enamel Mug"]),
            ("MUG", ["Blue Enamel Mug"]),
            ("enamel m", ["Blue Enamel Mug"]),
            ("café", ["Café Teapot"]),
            ("cafe", ["Café Teapot"]),  # accent typed without
            ("CAFÉ", ["Café Teapot"]),
            ("tea-01", ["Café Teapot"]),  # SKU, any case
            ("grd-", ["Hand Trowel"]),  # part of a SKU
            ("4006381333931", ["Hand Trowel"]),  # barcode
            ("501234", ["Blue Enamel Mug"]),  # part of a barcode
            ("  plate  ", ["Dinner Plate"]),  # surrounding spaces ignored
            ("a", ["Blue Enamel Mug", "Café Teapot", "Dinner Plate", "Hand Trowel"]),
            ("zebra", []),
        ],
    )
    def test_search_matches_name_sku_or_barcode(self, shop, catalog, search, expected):
        assert names(shop.ask(GetProducts(search=search))) == expected

    def test_search_ignores_accents_in_the_stored_name(self, shop, catalog):
        shop.dispatch(AddProduct("CR-1", "Crème Brûlée Dish", catalog.kitchen, 1500))
        assert names(shop.ask(GetProducts(search="creme brulee"))) == ["Crème Brûlée Dish"]

    @pytest.mark.parametrize("blank", ["", "   ", None])
    def test_blank_search_lists_everything(self, shop, catalog, blank):
        assert len(shop.ask(GetProducts(search=blank))) == 4

    def test_search_within_a_category(self, shop, catalog):
        assert names(shop.ask(GetProducts(category_id=catalog.kitchen, search="e"))) == [
            "Blue Enamel Mug",
            "Café Teapot",
            "Dinner Plate",
        ]
        assert names(shop.ask(GetProducts(category_id=catalog.garden, search="mug"))) == []
        assert names(shop.ask(GetProducts(category_id=catalog.mugs, search="blue"))) == ["Blue Enamel Mug"]

    def test_renamed_sort_order_includes_new_products(self, shop, catalog):
        shop.dispatch(AddProduct("Z-1", "Zinc Bucket", catalog.garden, 1))
        shop.dispatch(AddProduct("A-1", "Apple Crate", catalog.garden, 1))
        assert names(shop.ask(GetProducts(category_id=catalog.garden))) == ["Apple Crate", "Hand Trowel", "Zinc Bucket"]
        assert names(shop.ask(GetProducts(search="zinc"))) == ["Zinc Bucket"]


class TestGetProductsByIds:
    def test_in_the_order_asked(self, shop, catalog):
        views = shop.ask(GetProductsByIds((catalog.trowel, catalog.mug)))
        assert [v.id for v in views] == [catalog.trowel, catalog.mug]
        assert all(isinstance(v, ProductView) for v in views)

    def test_unknown_ids_are_left_out(self, shop, catalog):
        views = shop.ask(GetProductsByIds((999, catalog.plate, -1)))
        assert [v.id for v in views] == [catalog.plate]

    def test_no_ids(self, shop, catalog):
        assert shop.ask(GetProductsByIds(())) == ()


class TestFindProductByCode:
    def test_by_sku(self, shop, catalog):
        assert shop.ask(FindProductByCode("MUG-BLUE")).id == catalog.mug

    def test_by_barcode(self, shop, catalog):
        assert shop.ask(FindProductByCode("5012345678900")).id == catalog.mug

    def test_scanner_spaces_are_ignored(self, shop, catalog):
        assert shop.ask(FindProductByCode(" 4006381333931 ")).id == catalog.trowel

    @pytest.mark.parametrize("code", ["MUG", "mug-blue", "501234567890", "", "999"])
    def test_only_exact_codes_match(self, shop, catalog, code):
        assert shop.ask(FindProductByCode(code)) is None


class TestOrders:
    def test_no_orders_yet(self, shop, catalog):
        assert shop.ask(GetOrders()) == ()

    def test_unknown_order(self, shop, catalog, readable):
        with pytest.raises(UnknownOrder) as raised:
            shop.ask(GetOrder(42))
        assert str(raised.value) == "There is no order number 42."
        readable(raised.value)


class TestValuesAreSnapshots:
    def test_a_product_view_does_not_change_under_the_caller(self, shop, catalog):
        before = shop.ask(FindProductByCode("MUG-BLUE"))
        listed = shop.ask(GetProducts())
        shop.dispatch(ReceiveStock(catalog.mug, 5))
        assert before.stock == 10
        assert [p.stock for p in listed if p.id == catalog.mug] == [10]
        assert shop.ask(FindProductByCode("MUG-BLUE")).stock == 15

    def test_an_order_detail_does_not_change_under_the_caller(self, shop, catalog):
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
        before = shop.ask(GetOrder(order_id))
        summaries = shop.ask(GetOrders())
        shop.dispatch(CancelOrder(order_id))
        assert before.status == "placed"
        assert summaries[0].status == "placed"

    def test_values_are_immutable(self, shop, catalog):
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
        product = shop.ask(FindProductByCode("MUG-BLUE"))
        with pytest.raises(AttributeError):
            product.stock = 99
        for value in (
            shop.ask(GetOrder(order_id)),
            shop.ask(GetOrder(order_id)).lines[0],
            shop.ask(GetOrders())[0],
            shop.ask(GetCategories())[0],
        ):
            with pytest.raises(dataclasses.FrozenInstanceError):
                value.id = 99  # type: ignore[misc]
        for result in (
            shop.ask(GetProducts()),
            shop.ask(GetOrders()),
            shop.ask(GetCategories()),
            shop.ask(GetOrder(order_id)).lines,
        ):
            assert isinstance(result, tuple)

    def test_asking_twice_gives_equal_answers(self, shop, catalog):
        assert shop.ask(GetProducts()) == shop.ask(GetProducts())
        assert shop.ask(GetCategories()) == shop.ask(GetCategories())
