"""The demo shop in Russian (--demo --language ru): Russian names and
categories, a shop selling in roubles, and Cyrillic search that ignores
case and ё/е."""

from core import open_shop
from core.demo import demo_category_paths, demo_products
from core.demo_trading import build_demo_shop
from core.queries import GetCategories, GetCustomers, GetProducts, GetShopSettings


def test_the_russian_catalog_is_in_russian_and_in_whole_roubles():
    products = demo_products("ru")
    assert len(products) > 100
    assert all(any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in p.name) for p in products)
    assert all(p.price_cents % 100 == 0 for p in products)
    assert ("Дом", "Кухня", "Кружки") in demo_category_paths("ru")
    assert len({p.sku for p in products}) == len(products)
    assert demo_products("ru") == products  # the same shop every time


def test_the_english_demo_is_unchanged_by_the_russian_one():
    assert demo_products()[0].name == demo_products("en")[0].name
    assert all(not any("а" <= ch <= "я" for ch in p.name) for p in demo_products())


def test_a_russian_demo_shop_trades_in_roubles_and_finds_cyrillic_any_case(tmp_path):
    build_demo_shop(tmp_path / "shop", days=3, orders_per_day=5, language="ru")
    shop = open_shop(tmp_path / "shop")
    try:
        settings = shop.ask(GetShopSettings())
        assert (settings.currency_code, settings.currency_symbol) == ("RUB", "₽")
        assert settings.name == "Лавка подарков «Берёзка»"
        assert "Ёлочные игрушки" in {c.name for c in shop.ask(GetCategories())}
        customers = shop.ask(GetCustomers())
        assert customers and all(" " in c.name and not c.name.isascii() for c in customers)
        # Search ignores case and the dots of ё: "ШАР ЕЛОЧНЫЙ" finds "Шар ёлочный ...".
        found = {p.name for p in shop.ask(GetProducts(search="ШАР ЕЛОЧНЫЙ"))}
        assert found and all(name.startswith("Шар ёлочный") for name in found)
        assert found == {p.name for p in shop.ask(GetProducts(search="шар ёлочный"))}
    finally:
        shop.close()
