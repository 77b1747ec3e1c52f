"""The demo shop: a believable, valid, repeatable catalog added through commands."""

import pytest

from core import open_shop
from core.commands import AddCategory
from core.demo import seed_demo_shop
from core.errors import InvalidCommand
from core.queries import FindProductByCode, GetCategories, GetProducts


def ean13_is_valid(code: str) -> bool:
    # Written out again here rather than imported, so a wrong rule in the
    # generator cannot agree with itself.
    if len(code) != 13 or not code.isdigit():
        return False
    weighted = sum(int(d) * w for d, w in zip(code[:12], [1, 3] * 6))
    return (weighted + int(code[12])) % 10 == 0


def test_ean13_checker_knows_a_real_barcode():
    assert ean13_is_valid("4006381333931")
    assert not ean13_is_valid("4006381333932")


@pytest.fixture(scope="module")
def demo_shop(tmp_path_factory):
    shop = open_shop(tmp_path_factory.mktemp("demo"))
    seed_demo_shop(shop)
    yield shop
    shop.close()


@pytest.fixture(scope="module")
def products(demo_shop):
    return demo_shop.ask(GetProducts())


def test_categories_are_many_and_nested(demo_shop):
    categories = demo_shop.ask(GetCategories())
    assert len(categories) >= 8
    by_id = {c.id: c for c in categories}
    depth = {}
    for c in categories:  # parents come before children
        depth[c.id] = 0 if c.parent_id is None else depth[c.parent_id] + 1
    assert max(depth.values()) >= 2  # e.g. Home > Kitchen > Mugs
    assert sum(1 for c in categories if c.parent_id is None) >= 4
    top_level_total = sum(c.product_count for c in categories if c.parent_id is None)
    assert top_level_total == len(demo_shop.ask(GetProducts()))
    assert all(c.product_count > 0 for c in by_id.values())


def test_enough_products_with_unique_codes(products):
    assert 300 <= len(products) <= 400
    assert len({p.sku for p in products}) == len(products)
    assert len({p.barcode for p in products}) == len(products)
    assert len({p.name for p in products}) == len(products)


def test_barcodes_are_valid_ean13(products):
    bad = [p.barcode for p in products if not ean13_is_valid(p.barcode or "")]
    assert bad == []


def test_skus_follow_one_scheme(products):
    import re

    assert all(re.fullmatch(r"[A-Z]{3}-\d{4}", p.sku) for p in products)


def test_prices_are_positive_whole_pence_with_shop_endings(products):
    assert all(type(p.price_cents) is int and p.price_cents > 0 for p in products)
    endings = {p.price_cents % 100 for p in products}
    assert endings <= {0, 49, 50, 99}
    assert {49, 99} <= endings


def test_stock_is_varied(products):
    assert all(2 <= p.reorder_level <= 10 for p in products)
    assert all(p.stock >= 0 for p in products)
    sold_out = [p for p in products if p.stock == 0]
    low = [p for p in products if p.low_stock]
    assert sold_out
    assert len(sold_out) < len(low)
    assert 0.05 * len(products) < len(low) < 0.35 * len(products)  # most are healthy


def test_non_ascii_names_are_found_without_accents(demo_shop, products):
    assert any(not p.name.isascii() for p in products)
    assert [p.name for p in demo_shop.ask(GetProducts(search="creme brulee"))] == ["Crème Brûlée Ramekin"]
    assert "Café Latte Glass" in [p.name for p in demo_shop.ask(GetProducts(search="cafe latte"))]


def test_a_barcode_finds_its_product(demo_shop, products):
    some = products[len(products) // 2]
    assert demo_shop.ask(FindProductByCode(some.barcode)) == some


def test_same_shop_every_time(tmp_path, products, demo_shop):
    other = open_shop(tmp_path / "again")
    try:
        seed_demo_shop(other)
        assert other.ask(GetProducts()) == products
        assert other.ask(GetCategories()) == demo_shop.ask(GetCategories())
    finally:
        other.close()


def test_refuses_a_shop_that_is_not_empty(tmp_path):
    shop = open_shop(tmp_path / "busy")
    try:
        shop.dispatch(AddCategory(name="Books"))
        categories, stock = shop.ask(GetCategories()), shop.ask(GetProducts())
        with pytest.raises(InvalidCommand, match="only be added to an empty shop"):
            seed_demo_shop(shop)
        assert shop.ask(GetCategories()) == categories
        assert shop.ask(GetProducts()) == stock == ()
    finally:
        shop.close()


def test_refuses_a_shop_already_seeded(demo_shop, products):
    categories = demo_shop.ask(GetCategories())
    with pytest.raises(InvalidCommand):
        seed_demo_shop(demo_shop)
    assert demo_shop.ask(GetCategories()) == categories
    assert demo_shop.ask(GetProducts()) == products
