"""GetSalesReport: sums of the aggregates the projector keeps
(core/read_model/report_aggregates.py), never a scan of orders.

Days, weeks and months read the days' totals, always in memory; hours, staff
and tills read each month's time table; products and categories read one
document per whole month in the period and the days of the months it cuts.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from core.domain import report_periods as periods
from core.messages import queries as q
from core.read_model import report_aggregates as agg

if TYPE_CHECKING:
    from core.read_model.projector import ReadModel


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _view(key: str, label: str, row: list[int]) -> q.SalesReportRow:
    (orders, units, gross, discount, tax, total, cost, no_cost, returned, refunded, refund_tax, returned_cost) = row
    margin = total - tax - cost
    return q.SalesReportRow(
        key=key,
        label=label,
        orders=orders,
        units=units,
        gross_cents=gross,
        discount_cents=discount,
        net_cents=gross - discount,
        tax_cents=tax,
        total_cents=total,
        cost_cents=cost,
        margin_cents=margin,
        units_without_cost=no_cost,
        returned_units=returned,
        refunded_cents=refunded,
        net_margin_cents=margin - (refunded - refund_tax - returned_cost),
    )


def _sum(into: dict[str, list[int]], rows: dict[str, list[int]]) -> None:
    for key, row in rows.items():
        found = into.get(key)
        if found is None:
            into[key] = list(row)
        else:
            agg.add_into(found, row)


class _Period:
    """The period's days, month by month, and what the read model holds of them."""

    def __init__(self, rm: ReadModel, first: date, last: date):
        self.storage = rm.storage
        self.first, self.last = first, last
        self.day_keys = [d.isoformat() for d in _days(first, last)]

    def totals(self) -> dict[str, list[int]]:
        """Each day's totals (days with nothing sold or returned left out)."""
        kept = self.storage.get(agg.DAYS) or {}
        return {day: kept[day] for day in self.day_keys if day in kept}

    def months(self) -> Iterator[tuple[str, list[str], bool]]:
        """(``YYYY-MM``, its days in the period, whether all of its days are)."""
        by_month: dict[str, list[str]] = {}
        for day in self.day_keys:
            by_month.setdefault(day[:7], []).append(day)
        for month, days in by_month.items():
            first = date.fromisoformat(days[0])
            whole = first.day == 1 and (first + timedelta(days=len(days))).month != first.month
            yield month, days, whole

    def time_groups(self, group: str) -> dict[str, list[int]]:
        """Rows by hour, staff member or till (``group``: hours, staff, tills)."""
        found: dict[str, list[int]] = {}
        totals = self.storage.get(agg.DAYS) or {}
        for month, days, _whole in self.months():
            if not any(day in totals for day in days):
                continue  # nothing that month: its table is not even opened
            table = self.storage.get(agg.time_table(month)) or {}
            for day in days:
                doc = table.get(day)
                if doc is not None:
                    _sum(found, doc[group])
        return found

    def item_groups(self, group: str) -> dict[str, list[int]]:
        """Rows by product or category (``group``: products, categories)."""
        found: dict[str, list[int]] = {}
        totals = self.storage.get(agg.DAYS) or {}
        for month, days, whole in self.months():
            if not any(day in totals for day in days):
                continue
            if whole:
                for shard in range(agg.MONTH_SHARDS):
                    doc = (self.storage.get(agg.month_items_table(month, shard)) or {}).get(agg.MONTH_DOC)
                    if doc is not None:
                        _sum(found, doc[group])
                continue
            for day in days:
                day_doc = (self.storage.get(agg.items_table(day)) or {}).get(day)
                if day_doc is not None:
                    _sum(found, day_doc[group])
        return found

    def product_names(self, skus) -> dict[str, str]:
        names = {}
        for sku in skus:
            known = (self.storage.get(agg.names_table(sku)) or {}).get(sku)
            names[sku] = sku if known is None else known[0]
        return names


def _by_time(totals: dict[str, list[int]], key_of) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for day, row in totals.items():
        _sum(found, {key_of(date.fromisoformat(day)): row})
    return found


def get_sales_report(query: q.GetSalesReport, rm: ReadModel) -> q.SalesReport:
    first, last = periods.period(query.date_from, query.date_to)
    group = periods.group_by(query.group_by)
    limit = periods.limit(query.limit)
    period = _Period(rm, first, last)
    totals = period.totals()
    total = agg.zero()
    for row in totals.values():
        agg.add_into(total, row)

    if group == "day":
        rows = dict(totals)
    elif group == "week":
        rows = _by_time(totals, periods.week_key)
    elif group == "month":
        rows = _by_time(totals, periods.month_key)
    elif group in ("hour", "staff", "till"):
        rows = period.time_groups({"hour": "hours", "staff": "staff", "till": "tills"}[group])
    else:
        rows = period.item_groups("products" if group == "product" else "categories")

    if group == "product":
        # Most units sold first (then the SKU, so equal rows keep one order).
        order = [(-row[agg.UNITS], key) for key, row in rows.items()]
        keys = [key for _u, key in (heapq.nsmallest(limit, order) if limit else sorted(order))]
    else:
        keys = sorted(rows)
        if limit is not None and len(keys) > limit:
            kept = set(key for _u, key in heapq.nsmallest(limit, ((-rows[k][agg.UNITS], k) for k in keys)))
            keys = [key for key in keys if key in kept]
    names = period.product_names(keys) if group == "product" else {}
    views = tuple(_view(key, names.get(key, key), rows[key]) for key in keys)
    return q.SalesReport(first, last, group, views, _view("", "Total", total))
