"""Order numbers (a receipt's number) are gapless: an order refused, or
rolled back after its row went in, leaves no hole, on PostgreSQL too, where
a sequence would have skipped it (four processes racing:
tests/integration/test_postgres_shop.py). Times come from the database
server on PostgreSQL, not the till's clock, unless a clock was given."""

from datetime import UTC, datetime

import pytest

import core.write_model.unit_of_work as unit_of_work
from core import open_shop
from core.commands import OrderLine, PlaceOrder
from core.errors import InvalidCommand, OutOfStock
from core.handlers import orders
from core.queries import GetOrder, GetOrders
from tests.conftest import ON_POSTGRES
from tests.unit.conftest import build_catalog


def test_a_refused_order_leaves_no_gap(shop, catalog, unchanged):
    first = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    with unchanged(shop), pytest.raises(OutOfStock):
        shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 50),)))
    assert shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),))) == first + 1


def test_an_order_rolled_back_after_its_row_went_in_leaves_no_gap(shop, catalog, monkeypatch):
    first = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    real = orders.stock_ledger.record_movements

    def fails_once(uow, movements, **kw):
        monkeypatch.setattr(orders.stock_ledger, "record_movements", real)
        raise InvalidCommand("A refusal after the order's row was inserted.")

    monkeypatch.setattr(orders.stock_ledger, "record_movements", fails_once)
    with pytest.raises(InvalidCommand):
        shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    second = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    assert second == first + 1
    assert [o.id for o in shop.ask(GetOrders())] == [second, first]


class _TillClock:
    """The till's own clock, far off (stands for datetime in unit_of_work)."""

    @staticmethod
    def now(tz=None):
        return datetime(2001, 2, 3, 4, 5, 6, tzinfo=UTC)


def test_times_come_from_the_server_on_postgresql_and_from_the_till_on_sqlite(data_dir, monkeypatch):
    monkeypatch.setattr(unit_of_work, "datetime", _TillClock)
    shop = open_shop(data_dir)  # no clock given: the shop's own way of telling the time
    try:
        catalog = build_catalog(shop)
        order = shop.ask(GetOrder(shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))))
        placed = datetime.fromisoformat(order.placed_at)
    finally:
        shop.close()
    if ON_POSTGRES:
        assert abs((placed - datetime.now(UTC)).total_seconds()) < 600  # the server's clock, not 2001
    else:
        assert placed == datetime(2001, 2, 3, 4, 5, 6, tzinfo=UTC)


def test_a_clock_given_to_the_shop_wins_over_the_servers(shop, catalog, clock):
    clock.advance(days=3)
    order = shop.ask(GetOrder(shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))))
    assert datetime.fromisoformat(order.placed_at) == datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
