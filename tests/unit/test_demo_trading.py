"""The demo shop's months of trading (core/demo_trading.py): every kind of
order, the tills cashed up, stock never below zero, and a rebuild of the
read model gives exactly what projection gave."""

from collections import Counter
from datetime import date

import pytest

from core import open_shop
from core.demo_trading import build_demo_shop
from core.errors import InvalidCommand
from core.queries import GetCustomers, GetOrders, GetProducts, GetTillSessions
from tests.helpers import everything

TODAY = date(2026, 9, 7)  # a Monday

# The demo is built once for the module, before any test's database exists.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-trading")
    build_demo_shop(folder, days=14, today=TODAY)
    return folder


@pytest.fixture
def demo(demo_folder):
    shop = open_shop(demo_folder)
    yield shop
    shop.close()


def test_about_thirty_orders_a_day_of_every_kind(demo):
    orders = demo.ask(GetOrders())
    assert 14 * 20 <= len(orders) <= 14 * 40
    statuses = Counter(order.status for order in orders)
    assert {"paid", "placed", "fulfilled", "cancelled"} <= set(statuses)
    assert statuses["paid"] > len(orders) / 2
    days = {order.placed_at[:10] for order in orders}
    assert len(days) == 14 and max(days) == "2026-09-06" and min(days) == "2026-08-24"  # up to yesterday
    assert any(order.customer_name for order in orders)


def test_the_tills_are_cashed_up_each_evening(demo):
    sessions = demo.ask(GetTillSessions())
    assert len(sessions) == 14
    assert all(s.closed_at is not None and s.difference_cents == 0 for s in sessions)


def test_customers_returns_and_stock(demo):
    assert len(demo.ask(GetCustomers())) == 40
    details = everything(demo)["details"]
    assert any(detail.returns for detail in details)
    assert all(p.stock >= 0 for p in demo.ask(GetProducts()))


def test_a_rebuild_gives_what_projection_gave(demo):
    before = everything(demo)
    demo.rebuild_read_model()
    assert everything(demo) == before


def test_only_an_empty_shop_is_made_a_demo(demo_folder):
    with pytest.raises(InvalidCommand):
        build_demo_shop(demo_folder, days=1, today=TODAY)
