"""Acceptance on real data: the sales of 40,000 invoice lines of a UK gift
shop (../shared/datasets/online_retail_40k.csv, see its README) replayed
with their own dates give daily and monthly report totals equal to the
sums computed here from the CSV with ``decimal``.

Sales are the lines with Quantity > 0 and a price (in whole pence); prices
include tax (20%);
times are UTC and the test's time zone is UTC. A StockCode sold at several
prices becomes one product per price (PlaceOrder sells at today's price).
Skipped when the data set is not there.
"""

import csv
import time
from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct, AddProducts, OrderLine, PlaceOrder, UpdateShopSettings
from core.queries import GetSalesReport, GetShopSettings
from tests.helpers import FakeClock

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "online_retail_40k.csv"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DATA.exists(), reason=f"the online-retail sample is not at {DATA}"),
]


def pence(price: str) -> int | None:
    """The price in pence; None for a fraction of a penny (0.001: no price a till can sell at)."""
    value = Decimal(price) * 100
    return int(value) if value == value.to_integral_value() else None


def sales_lines():
    """(invoice, code, description, quantity, price in pence, when) of each sale line."""
    with open(DATA, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            quantity = int(row["Quantity"])
            price = pence(row["UnitPrice"])
            if quantity > 0 and price:
                when = datetime.fromisoformat(row["InvoiceDate"]).replace(tzinfo=UTC)
                yield row["InvoiceNo"], row["StockCode"], row["Description"].strip(), quantity, price, when


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_daily_and_monthly_totals_equal_the_csvs(utc, tmp_path):
    lines = list(sales_lines())
    invoices: dict[str, list] = defaultdict(list)
    for line in lines:
        invoices[line[0]].append(line)
    # What the CSV says, day by day and month by month: (orders, units, pence).
    expected_days: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for invoice in invoices.values():
        day = expected_days[invoice[0][5].date().isoformat()]
        day[0] += 1
        for _no, _code, _name, quantity, price, _when in invoice:
            day[1] += quantity
            day[2] += quantity * price
    expected_months: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for day, figures in expected_days.items():
        for i, value in enumerate(figures):
            expected_months[day[:7]][i] += value

    clock = FakeClock()
    shop = open_shop(tmp_path / "shop", clock=clock)
    shop.save_after_each_command = False
    try:
        shop.dispatch(
            UpdateShopSettings.based_on(shop.ask(GetShopSettings()), default_tax_rate_bp=2000, prices_include_tax=True)
        )
        category = shop.dispatch(AddCategory("Gifts"))
        sold: dict[tuple[str, int], int] = defaultdict(int)
        names = {}
        for _no, code, name, quantity, price, _when in lines:
            sold[code, price] += quantity
            names.setdefault((code, price), name or code)
        keys = sorted(sold)
        ids = shop.dispatch(
            AddProducts(
                tuple(
                    AddProduct(f"{code}@{price}", names[code, price], category, price, stock=sold[code, price])
                    for code, price in keys
                )
            )
        )
        product = dict(zip(keys, ids))
        for invoice in sorted(invoices.values(), key=lambda lines: (lines[0][5], lines[0][0])):
            clock.now = invoice[0][5]
            shop.dispatch(
                PlaceOrder(tuple(OrderLine(product[code, price], q) for _n, code, _d, q, price, _w in invoice))
            )
        shop.save_read_model()

        period = (date(2010, 12, 1), date(2011, 12, 31))
        by_day = shop.ask(GetSalesReport(*period, "day"))
        assert {r.key: [r.orders, r.units, r.total_cents] for r in by_day.rows} == expected_days
        by_month = shop.ask(GetSalesReport(*period, "month"))
        assert {r.key: [r.orders, r.units, r.total_cents] for r in by_month.rows} == expected_months
        assert by_day.total.orders == len(invoices)
        assert by_month.total.total_cents == sum(q * p for _i, _c, _d, q, p, _w in lines)
        assert by_month.total.net_cents == by_month.total.total_cents  # no discounts; tax included
        # The same figures by product, after a rebuild from the write model.
        top = shop.ask(GetSalesReport(*period, "product", limit=10))
        shop.rebuild_read_model()
        assert shop.ask(GetSalesReport(*period, "month")) == by_month
        assert shop.ask(GetSalesReport(*period, "product", limit=10)) == top
    finally:
        shop.close()
