"""The dispatcher keeps the shop's settings and the category tax tree between
commands on its connection; a change by this shop or by another till (another
connection) is seen by the very next order. On SQLite and on PostgreSQL
(where the cache_version row, read with BEGIN, says whether they changed)."""

from core import open_shop
from core.commands import OrderLine, PlaceOrder, SetCategoryTaxRate, UpdateShopSettings
from core.handlers import settings as settings_handlers
from core.queries import GetOrder


def _tax(shop, product_id) -> int:
    return shop.ask(GetOrder(shop.dispatch(PlaceOrder((OrderLine(product_id, 1),))))).tax_cents


def _settings(default_bp, include=False):
    return UpdateShopSettings("Test", "", "GBP", "£", default_bp, include)


def test_settings_and_tax_tree_are_read_once_while_nothing_changes(shop, catalog, monkeypatch):
    reads = []
    real = settings_handlers.from_rows
    monkeypatch.setattr(settings_handlers, "from_rows", lambda rows: reads.append(1) or real(rows))
    for _ in range(3):
        shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    assert len(reads) == 1


def test_a_change_at_this_till_is_used_by_the_next_order(shop, catalog):
    shop.dispatch(_settings(0))
    assert _tax(shop, catalog.mug) == 0
    shop.dispatch(_settings(2000))
    assert _tax(shop, catalog.mug) == 170  # 20% of £8.50
    shop.dispatch(SetCategoryTaxRate(catalog.mugs, 1000))
    assert _tax(shop, catalog.mug) == 85
    shop.dispatch(SetCategoryTaxRate(catalog.mugs, None))
    assert _tax(shop, catalog.mug) == 170


def test_a_change_at_another_till_is_used_by_the_next_order(shop, catalog, data_dir, clock):
    shop.dispatch(_settings(2000))
    assert _tax(shop, catalog.mug) == 170
    other = open_shop(data_dir, clock=clock)
    try:
        other.dispatch(_settings(0))
        assert _tax(shop, catalog.mug) == 0
        other.dispatch(SetCategoryTaxRate(catalog.kitchen, 500))
        assert _tax(shop, catalog.mug) == 43  # 5% of £8.50, rounded half up
    finally:
        other.close()
