"""The reports' aggregates kept event by event equal a rebuild from the write
model, and a replay of every event over them changes nothing, after random
sequences of sales, payments, returns and cancellations over several days
(hypothesis). They also equal the figures summed straight from the orders."""

import json
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import open_shop
from core.commands import CancelOrder, OrderLine, PlaceOrder, RecordPayment, ReturnItems, ReturnLine
from core.domain.pricing import Discount
from core.domain.report_periods import GROUPS, local_day_hour
from core.errors import ShopError
from core.queries import GetOrder, GetOrders, GetSalesReport
from core.read_model import report_aggregates as agg
from tests.helpers import FakeClock

PERIOD = (date(2024, 2, 1), date(2024, 4, 30))

actions = st.lists(
    st.one_of(
        st.tuples(
            st.just("sell"),
            st.lists(st.tuples(st.integers(0, 3), st.integers(1, 2)), min_size=1, max_size=3),
            st.sampled_from([None, Discount.percent(1000), Discount.amount(150)]),
        ),
        st.tuples(st.just("pay"), st.integers(0, 20), st.none()),
        st.tuples(st.just("return"), st.integers(0, 20), st.integers(0, 3)),
        st.tuples(st.just("cancel"), st.integers(0, 20), st.none()),
        st.tuples(st.just("later"), st.integers(1, 40), st.none()),
    ),
    max_size=25,
)


def report_documents(folder: Path) -> dict:
    return {
        path.stem: json.loads(path.read_bytes())["documents"]
        for path in sorted((folder / "read_model").glob(f"{agg.DAYS[:7]}*.json"))
    }


def answers(shop) -> dict:
    return {group: shop.ask(GetSalesReport(*PERIOD, group)) for group in GROUPS}


def straight_from_orders(shop) -> dict[str, tuple[int, int, int]]:
    """Per day: (orders, units, refunded), summed from every order's details."""
    days: dict[str, list[int]] = {}
    for summary in shop.ask(GetOrders()):
        order = shop.ask(GetOrder(summary.id))
        if order.status == "cancelled":
            continue
        day = days.setdefault(local_day_hour(order.placed_at)[0], [0, 0, 0])
        day[0] += 1
        day[1] += sum(line.quantity for line in order.lines)
    for summary in shop.ask(GetOrders()):
        order = shop.ask(GetOrder(summary.id))
        if order.status == "cancelled":
            continue
        for entry in order.history:
            if entry.kind == "return":
                days.setdefault(local_day_hour(entry.at)[0], [0, 0, 0])[2] += entry.amount_cents
    return {day: tuple(v) for day, v in days.items()}


@pytest.fixture(scope="module")
def utc_zone():
    import os

    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=actions)
def test_aggregates_equal_a_rebuild_and_a_replay(utc_zone, catalog_template, steps):
    template, ids = catalog_template
    products = [ids.mug, ids.teapot, ids.trowel, ids.mug]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "shop"
        shutil.copytree(template, folder)
        clock = FakeClock()
        shop = open_shop(folder, clock=clock)
        try:
            orders: list[int] = []
            for kind, a, b in steps:
                try:
                    if kind == "sell":
                        lines = tuple(OrderLine(products[i], q) for i, q in a)
                        orders.append(shop.dispatch(PlaceOrder(lines, order_discount=b)))
                    elif kind == "later":
                        clock.advance(hours=a)
                    elif orders:
                        order = orders[a % len(orders)]
                        if kind == "pay":
                            due = shop.ask(GetOrder(order))
                            shop.dispatch(RecordPayment(order, "card", due.total_cents - due.paid_cents))
                        elif kind == "cancel":
                            shop.dispatch(CancelOrder(order))
                        else:
                            line = shop.ask(GetOrder(order)).lines[b % len(shop.ask(GetOrder(order)).lines)]
                            shop.dispatch(ReturnItems(order, (ReturnLine(line.product_id, 1),)))
                except ShopError:
                    pass  # refused (out of stock, not paid...): changes nothing
            incremental = answers(shop)
            # Top N (ranked by month, the threshold algorithm) = the first N of every row,
            # over whole months and over a period that cuts two.
            for period in (PERIOD, (date(2024, 3, 2), date(2024, 4, 1))):
                every_product = shop.ask(GetSalesReport(*period, "product")).rows
                every_category = shop.ask(GetSalesReport(*period, "category")).rows
                for limit in (1, 2, 3):
                    assert shop.ask(GetSalesReport(*period, "product", limit)).rows == every_product[:limit]
                    kept = sorted(every_category, key=lambda r: (-r.units, r.key))[:limit]
                    top = shop.ask(GetSalesReport(*period, "category", limit)).rows
                    assert top == tuple(r for r in every_category if r in kept)
            daily = {r.key: (r.orders, r.units, r.refunded_cents) for r in incremental["day"].rows}
            assert daily == straight_from_orders(shop)
            shop.save_read_model()
            kept = report_documents(folder)

            shop._read_model._applied = 0  # every event again, over what it already holds
            shop.sync()
            assert answers(shop) == incremental
            shop.save_read_model()
            assert report_documents(folder) == kept

            shop.rebuild_read_model()
            assert answers(shop) == incremental
            assert report_documents(folder) == kept
        finally:
            shop.close()
