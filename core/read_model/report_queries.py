"""GetSalesReport: sums of the aggregates the projector keeps
(core/read_model/report_aggregates.py), never a scan of orders.

Days, weeks and months read the days' totals, always in memory; hours, staff
and tills read each month's time table; products and categories read one
document per whole month in the period and the days of the months it cuts.
Every product over a year is about a hundred thousand rows from thirteen
months: the sum of all its months but the latest is kept until one of them
changes, so asking again after more sales adds one month, not thirteen.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import date, timedelta
from operator import add
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


_ROW_FIELDS = tuple(f.name for f in fields(q.SalesReportRow))
_new = object.__new__


def _view(key: str, label: str, row: list[int]) -> q.SalesReportRow:
    (orders, units, gross, discount, tax, total, cost, no_cost, returned, refunded, refund_tax, returned_cost) = row
    margin = total - tax - cost
    # What the frozen dataclass's __init__ would set, without its fifteen
    # object.__setattr__ calls: a report may hold every product sold in a year.
    view = _new(q.SalesReportRow)
    view.__dict__.update(
        zip(
            _ROW_FIELDS,
            (
                key,
                label,
                orders,
                units,
                gross,
                discount,
                gross - discount,
                tax,
                total,
                cost,
                margin,
                no_cost,
                returned,
                refunded,
                margin - (refunded - refund_tax - returned_cost),
            ),
        )
    )
    return view


def _sum(into: dict[str, list[int]], rows: dict[str, list[int]]) -> None:
    for key, row in rows.items():
        found = into.get(key)
        if found is None:
            into[key] = list(row)
        else:
            agg.add_into(found, row)


class Period:
    """The period's days, month by month, and what the read model holds of them."""

    def __init__(self, rm: ReadModel, first: date, last: date):
        self.storage = rm.storage
        self.versions = rm.report_versions
        self.ranked = rm.report_rankings
        self.summed = rm.report_sums
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

    def item_sources(self, group: str) -> list[_Source]:
        """What the period's product or category rows are summed from: one
        source per month (its sums for a whole month, its days' for a month
        the period cuts)."""
        sources = []
        totals = self.storage.get(agg.DAYS) or {}
        for month, days, whole in self.months():
            if not any(day in totals for day in days):
                continue
            if whole:
                names = [agg.month_items_table(month, shard) for shard in range(agg.MONTH_SHARDS)]
                tables = [(name, self.storage.get(name)) for name in names]
                parts = [t[agg.MONTH_DOC][group] for _n, t in tables if t is not None and agg.MONTH_DOC in t]
            else:
                tables = [(agg.items_table(day), self.storage.get(agg.items_table(day))) for day in days]
                parts = [t[day][group] for (_n, t), day in zip(tables, days) if t is not None and day in t]
            present = [(name, t) for name, t in tables if t is not None]
            key = (group, tuple((name, self.versions.get(name, 0)) for name, _t in present))
            sources.append(_Source(parts, key, tuple(t for _n, t in present), self.ranked))
        return sources

    def item_groups(self, group: str) -> dict[str, list[int]]:
        """Every product's or category's row (``group``: products, categories).
        The rows are shared with the kept sums: read them, never change them."""
        sources = self.item_sources(group)
        settled = self._settled_sums(group, sources[:-1])
        if not sources[-1:]:
            return settled
        latest: dict[str, list[int]] = {}
        for part in sources[-1].parts:
            _sum(latest, part)
        if not settled:
            return latest
        found = dict(settled)
        for key, row in latest.items():
            kept = found.get(key)
            found[key] = row if kept is None else list(map(add, kept, row))
        return found

    def _settled_sums(self, group: str, sources: list[_Source]) -> dict[str, list[int]]:
        """The rows summed over ``sources``, kept (one period per group) until
        any of their tables changes or is read again from disk."""
        key = tuple(source.key for source in sources)
        tables = tuple(table for source in sources for table in source.tables)
        kept = self.summed.get(group)
        if kept is not None and kept[0] == key and len(kept[1]) == len(tables):
            if all(a is b for a, b in zip(kept[1], tables)):
                return kept[2]
        found: dict[str, list[int]] = {}
        for source in sources:
            for part in source.parts:
                _sum(found, part)
        self.summed[group] = (key, tables, found)
        return found

    def top_items(self, group: str, limit: int) -> dict[str, list[int]]:
        """The ``limit`` products or categories with the most units (then the
        first keys), with their rows: the threshold algorithm (Fagin) over
        each month's keys ranked by units, so only the heads of the rankings
        are read, not every row of the year."""
        sources = self.item_sources(group)
        rankings = [source.ranking() for source in sources]
        units_of = [source.units() for source in sources]
        best: dict[str, int] = {}
        depth = 0
        while True:
            threshold, more = 0, False
            for ranking in rankings:
                if depth < len(ranking):
                    more = True
                    minus_units, key = ranking[depth]
                    threshold -= minus_units
                    if key not in best:
                        best[key] = sum(units.get(key, 0) for units in units_of)
            if not more:
                break
            if len(best) >= limit:
                kept = heapq.nsmallest(limit, ((-u, k) for k, u in best.items()))
                if -kept[-1][0] > threshold:
                    break  # nothing unseen can reach the last one kept
            depth += 1
        keys = [k for _u, k in heapq.nsmallest(limit, ((-u, k) for k, u in best.items()))]
        rows: dict[str, list[int]] = {}
        for source in sources:
            for part in source.parts:
                _sum(rows, {key: part[key] for key in keys if key in part})
        return rows

    def product_names(self, skus: Iterable[str]) -> dict[str, str]:
        by_table: dict[str, list[str]] = {}
        for sku in skus:
            by_table.setdefault(agg.names_table(sku), []).append(sku)
        names = {}
        for name, in_table in by_table.items():
            known = self.storage.get(name) or {}
            for sku in in_table:
                found = known.get(sku)
                names[sku] = sku if found is None else found[0]
        return names


class _Source:
    """One month of a period's product or category rows: ``parts`` (dicts
    by key, disjoint for a whole month's shards, by day otherwise) and, asked
    for once and kept until its tables change, its keys ranked by units."""

    def __init__(self, parts: list[dict[str, list[int]]], key: tuple, tables: tuple, kept: dict):
        self.parts, self.key, self.tables, self._kept = parts, key, tables, kept

    def _units_and_ranking(self) -> tuple[dict[str, int], list[tuple[int, str]]]:
        found = self._kept.get(self.key)
        # The very table objects too: a rebuild or a reading from disk makes new ones.
        if found is None or len(found[0]) != len(self.tables) or any(a is not b for a, b in zip(found[0], self.tables)):
            units: dict[str, int] = {}
            for part in self.parts:
                for key, row in part.items():
                    units[key] = units.get(key, 0) + row[agg.UNITS]
            found = self._kept[self.key] = (self.tables, units, sorted((-u, k) for k, u in units.items()))
        return found[1], found[2]

    def units(self) -> dict[str, int]:
        return self._units_and_ranking()[0]

    def ranking(self) -> list[tuple[int, str]]:
        """(-units, key), most units first."""
        return self._units_and_ranking()[1]


def _by_time(totals: dict[str, list[int]], key_of) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for day, row in totals.items():
        _sum(found, {key_of(date.fromisoformat(day)): row})
    return found


def get_sales_report(query: q.GetSalesReport, rm: ReadModel) -> q.SalesReport:
    first, last = periods.period(query.date_from, query.date_to)
    group = periods.group_by(query.group_by)
    limit = periods.limit(query.limit)
    period = Period(rm, first, last)
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
    elif limit is not None:
        rows = period.top_items("products" if group == "product" else "categories", limit)
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
