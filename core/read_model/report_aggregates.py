"""The sales reports' aggregates: what each sale and each return adds to the
day it counts on, kept in the read model so that a report over a year reads a
few hundred small sums, never the orders.

Tables (documents keyed by the day, ``2011-03-04``, unless said otherwise):

- ``report_days`` (always in memory): each day's totals, plus ``zone``: the
  time zone the days were cut in (``report_periods.zone_fingerprint``).
- ``report_t_2011_03`` (parsed when first needed): each day's totals, by
  hour, staff member and till, with the ids of the orders and returns in it.
- ``report_p_2011_03_04`` (parsed when first needed): one day's products
  and categories, with the ids of the orders and returns in it (a table a
  day: a sale rewrites its day's products, not its month's).
- ``report_pm_2011_03_0`` .. ``_15`` (parsed when first needed): one
  document each, ``month``: the month's products and categories (the sum of
  its days), spread over ``MONTH_SHARDS`` tables by key, so a report over
  whole months reads a few documents per month and a sale rewrites only the
  shards of what it sold, not the month's whole catalog.
- ``report_names_0`` .. ``_255``: each SKU's name at its latest sale, by SKU
  (many small shards: a top-20 report reads at most 20).

A row is a list of ``FIELDS`` (integers, minor units for money). Adding a
sale or a return twice must change nothing (the projector may replay
events), and sums cannot say whether they hold something already: each day
document lists the ids of the orders and returns it counts, a change is made
only when that list says it is not made yet, and everything derived
(``report_days``, the months) is set from the days, never added to.
Rows and days that hold nothing are removed, so that what a rebuild makes
from the write model equals what the events made, key for key.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from zlib import crc32

from core.domain.pricing import line_total
from core.domain.report_periods import local_day_hour, zone_fingerprint

DAYS = "report_days"
ZONE_KEY = "zone"
TIME_PREFIX = "report_t_"
ITEMS_PREFIX = "report_p_"
MONTH_ITEMS_PREFIX = "report_pm_"
NAMES_PREFIX = "report_names_"
NAME_SHARDS = 256
MONTH_SHARDS = 16
MONTH_DOC = "month"
# Parsed when a report (or a sale of that month) first needs them.
LAZY_PREFIXES = (TIME_PREFIX, ITEMS_PREFIX, MONTH_ITEMS_PREFIX, NAMES_PREFIX)

FIELDS = (
    "orders",
    "units",
    "gross",
    "discount",
    "tax",
    "total",
    "cost",
    "units_without_cost",
    "returned_units",
    "refunded",
    "refund_tax",
    "returned_cost",
)
(ORDERS, UNITS, GROSS, DISCOUNT, TAX, TOTAL, COST, NO_COST, RETURNED, REFUNDED, REFUND_TAX, RETURNED_COST) = range(
    len(FIELDS)
)
WIDTH = len(FIELDS)

# What a day's documents hold, by table kind.
TIME_GROUPS = ("hours", "staff", "tills")
ITEM_GROUPS = ("products", "categories")


def time_table(month: str) -> str:
    """``report_t_2011_03`` for month ``2011-03``."""
    return TIME_PREFIX + month.replace("-", "_")


def items_table(day: str) -> str:
    """``report_p_2011_03_04`` for day ``2011-03-04``."""
    return ITEMS_PREFIX + day.replace("-", "_")


def month_items_table(month: str, shard: int) -> str:
    """``report_pm_2011_03_5``: shard 5 of month ``2011-03``'s products and categories."""
    return f"{MONTH_ITEMS_PREFIX}{month.replace('-', '_')}_{shard}"


def month_shard(group: str, key: str) -> int:
    """Which of a month's item tables holds ``key`` of ``group`` (products, categories)."""
    return crc32(f"{group}:{key}".encode()) % MONTH_SHARDS


def names_table(sku: str) -> str:
    return f"{NAMES_PREFIX}{crc32(sku.encode()) % NAME_SHARDS}"


def zero() -> list[int]:
    return [0] * WIDTH


def add_into(row: list[int], other: list[int], sign: int = 1) -> None:
    for i in range(WIDTH):
        row[i] += sign * other[i]


# -- what one sale or one return counts --------------------------------------------------
@dataclass(frozen=True)
class Counted:
    """One sale (``kind`` "orders") or one return ("returns") as reports see
    it: the id it is counted by, where it counts, and its rows."""

    kind: str
    id: int
    day: str
    hour: str
    staff: str
    till: str
    total: list[int]
    products: dict[str, list[int]]
    categories: dict[str, list[int]]


def _key(value: str | None) -> str:
    return "" if value is None else value


def sale(
    order_id: int, placed_at: str, staff: str | None, till: str | None, include_tax: bool, lines: Iterable[Mapping]
) -> Counted:
    """An order's sale; ``lines``: mappings with the keys of an order line
    (sku, quantity, unit_price_cents, line_discount_cents,
    order_discount_cents, tax_cents, cost_price_cents, category_path)."""
    day, hour = local_day_hour(placed_at)
    total = zero()
    products: dict[str, list[int]] = {}
    categories: dict[str, list[int]] = {}
    for line in lines:
        units = line["quantity"]
        gross = line["unit_price_cents"] * units
        discount = line["line_discount_cents"] + line["order_discount_cents"]
        tax = line["tax_cents"]
        cost = line["cost_price_cents"]
        row = [
            1,
            units,
            gross,
            discount,
            tax,
            line_total(gross - discount, tax, include_tax),
            0 if cost is None else cost * units,
            units if cost is None else 0,
            0,
            0,
            0,
            0,
        ]
        add_into(total, row)
        for group, key in ((products, line["sku"]), (categories, _key(line["category_path"]))):
            if key in group:
                add_into(group[key], row)
                group[key][ORDERS] = 1  # an order counts once per row, however many lines
            else:
                group[key] = list(row)
    if total[ORDERS]:
        total[ORDERS] = 1
    return Counted("orders", order_id, day, hour, _key(staff), _key(till), total, products, categories)


def a_return(
    return_id: int, at: str, staff: str | None, till: str | None, lines: Iterable[tuple[Mapping, Mapping]]
) -> Counted:
    """A return, counted on the day it was taken, for the sale's staff member
    and till; ``lines``: (the order line sold, the returned line: quantity,
    refund_cents, tax_cents)."""
    day, hour = local_day_hour(at)
    total = zero()
    products: dict[str, list[int]] = {}
    categories: dict[str, list[int]] = {}
    for sold, back in lines:
        units, cost = back["quantity"], sold["cost_price_cents"]
        row = zero()
        row[RETURNED], row[REFUNDED], row[REFUND_TAX] = units, back["refund_cents"], back["tax_cents"]
        row[RETURNED_COST] = 0 if cost is None else cost * units
        add_into(total, row)
        for group, key in ((products, sold["sku"]), (categories, _key(sold["category_path"]))):
            if key in group:
                add_into(group[key], row)
            else:
                group[key] = list(row)
    return Counted("returns", return_id, day, hour, _key(staff), _key(till), total, products, categories)


# -- the tables ----------------------------------------------------------------------------
class Tables:
    """Where the aggregates live: plain dicts by table name (a rebuild).
    The projector's subclass works on the read model's storage instead."""

    def __init__(self, tables: dict[str, dict] | None = None):
        self.tables: dict[str, dict] = {} if tables is None else tables

    def table(self, name: str) -> dict:
        """Table ``name``'s documents, made empty if there is none."""
        return self.tables.setdefault(name, {})

    def get(self, name: str) -> dict | None:
        return self.tables.get(name)

    def touch(self, name: str) -> None:
        """Table ``name`` was changed in place."""

    def drop(self, name: str) -> None:
        self.tables.pop(name, None)


def _month(day: str) -> str:
    return day[:7]


def _add_rows(group: dict, rows: Mapping[str, list[int]], sign: int) -> None:
    for key, row in rows.items():
        found = group.get(key)
        if found is None:
            group[key] = found = zero()
        add_into(found, row, sign)
        if not any(found):
            del group[key]


def _mark(doc: dict, counted: Counted, sign: int) -> bool:
    """Record (sign 1) or forget (-1) that ``doc`` counts ``counted``; False
    if that is so already (a replayed event), and nothing is to be done."""
    ids = doc[counted.kind]
    at = bisect_left(ids, counted.id)
    present = at < len(ids) and ids[at] == counted.id
    if sign > 0:
        if present:
            return False
        insort(ids, counted.id)
    else:
        if not present:
            return False
        del ids[at]
    return True


def _empty(doc: dict) -> bool:
    return not doc["orders"] and not doc["returns"]


def count(tables: Tables, counted: Counted, sign: int = 1, derive: bool = True) -> None:
    """Add ``counted`` to its day (sign 1), or take it away (-1: the order
    was cancelled), unless that is done already. ``derive``: set the day's
    totals and the month's rows too (a rebuild sets them once at the end)."""
    day, month = counted.day, _month(counted.day)
    name = time_table(month)
    doc = (tables.get(name) or {}).get(day) or {
        "total": zero(),
        "hours": {},
        "staff": {},
        "tills": {},
        "orders": [],
        "returns": [],
    }
    if _mark(doc, counted, sign):
        add_into(doc["total"], counted.total, sign)
        _add_rows(doc["hours"], {counted.hour: counted.total}, sign)
        _add_rows(doc["staff"], {counted.staff: counted.total}, sign)
        _add_rows(doc["tills"], {counted.till: counted.total}, sign)
        _put_day(tables, name, day, doc)
    if derive:
        _set_day_totals(tables, day)

    name = items_table(day)
    doc = (tables.get(name) or {}).get(day) or {"products": {}, "categories": {}, "orders": [], "returns": []}
    if _mark(doc, counted, sign):
        _add_rows(doc["products"], counted.products, sign)
        _add_rows(doc["categories"], counted.categories, sign)
        _put_day(tables, name, day, doc)
    if derive:
        _sum_month(tables, month, {"products": counted.products, "categories": counted.categories})


def _set_day_totals(tables: Tables, day: str) -> None:
    """The day's totals, set from the day (never added to): right after a replay too."""
    totals = tables.table(DAYS)
    kept = (tables.get(time_table(_month(day))) or {}).get(day)
    if kept is None:
        if totals.pop(day, None) is not None:
            tables.touch(DAYS)
    elif totals.get(day) != kept["total"]:
        totals[day] = list(kept["total"])
        tables.touch(DAYS)


def _put_day(tables: Tables, name: str, day: str, doc: dict) -> None:
    days = tables.table(name)
    if _empty(doc):
        days.pop(day, None)
    else:
        days[day] = doc
    if days:
        tables.touch(name)
    else:
        tables.drop(name)


def _sum_month(tables: Tables, month: str, touched: Mapping[str, Iterable[str]]) -> None:
    """Set the month's rows of the ``touched`` products and categories (by
    group) to the sum of its days."""
    days: list[dict] = []
    for number in range(1, 32):
        found = tables.get(items_table(f"{month}-{number:02d}"))
        if found is not None:
            days.extend(found.values())
    shards: dict[int, dict] = {}
    for group, keys in touched.items():
        for key in keys:
            shard = month_shard(group, key)
            doc = shards.get(shard)
            if doc is None:
                found_doc = (tables.get(month_items_table(month, shard)) or {}).get(MONTH_DOC)
                doc = shards[shard] = found_doc or {"products": {}, "categories": {}}
            row = zero()
            for day_doc in days:
                found = day_doc[group].get(key)
                if found is not None:
                    add_into(row, found)
            if any(row):
                doc[group][key] = row
            else:
                doc[group].pop(key, None)
    for shard, doc in shards.items():
        name = month_items_table(month, shard)
        if doc["products"] or doc["categories"]:
            tables.table(name)[MONTH_DOC] = doc
            tables.touch(name)
        else:
            tables.drop(name)


def name_sold(tables: Tables, sku: str, name: str, order_id: int) -> None:
    """Remember ``name`` as the SKU's if no later order named it (cancelled
    orders too: a name is a fact of the sale, not a figure)."""
    table_name = names_table(sku)
    names = tables.table(table_name)
    known = names.get(sku)
    if known is None or known[1] < order_id:
        names[sku] = [name, order_id]
        tables.touch(table_name)


# -- a rebuild ----------------------------------------------------------------------------
def tables_from_snapshot(snap) -> dict[str, dict]:
    """Every aggregate table, from the write model's rows (core/write_model/reading.Snapshot)."""
    tables = Tables({DAYS: {ZONE_KEY: zone_fingerprint()}})
    lines_by_order: dict[int, list] = {}
    line_by_id = {}
    for line in snap.lines:
        lines_by_order.setdefault(line["order_id"], []).append(line)
        line_by_id[line["id"]] = line
    orders = {}
    latest: dict[str, list] = {}  # SKU -> [name, order id]: orders come by id, the last one stays
    for o in snap.orders:
        orders[o["id"]] = o
        lines = lines_by_order.get(o["id"], ())
        for line in lines:
            latest[line["sku"]] = [line["name"], o["id"]]
        if o["status"] == "cancelled":
            continue  # counts nowhere
        count(
            tables,
            sale(o["id"], o["placed_at"], o["staff_name"], o["till"], o["prices_include_tax"], lines),
            derive=False,
        )
    returned: dict[int, list] = {}
    for item in snap.return_lines:
        returned.setdefault(item["return_id"], []).append((line_by_id[item["order_line_id"]], item))
    for r in snap.returns:
        o = orders[r["order_id"]]
        if o["status"] == "cancelled":
            continue
        count(tables, a_return(r["id"], r["at"], o["staff_name"], o["till"], returned.get(r["id"], ())), derive=False)
    for sku, known in latest.items():  # as name_sold would have kept them
        tables.table(names_table(sku))[sku] = known
    _derive_all(tables)
    return tables.tables


def _derive_all(tables: Tables) -> None:
    """Every day's totals and every month's rows, from the days."""
    for name in sorted(tables.tables):
        if name.startswith(TIME_PREFIX):
            for day in tables.tables[name]:
                _set_day_totals(tables, day)
    months: dict[str, dict[str, dict[str, list[int]]]] = {}
    for name in sorted(tables.tables):
        if name.startswith(ITEMS_PREFIX):
            for day, day_doc in tables.tables[name].items():
                rows = months.setdefault(_month(day), {"products": {}, "categories": {}})
                for group, found in rows.items():
                    _add_rows(found, day_doc[group], 1)
    for month, rows in months.items():
        for group, found in rows.items():
            for key, row in found.items():
                name = month_items_table(month, month_shard(group, key))
                doc = tables.tables.setdefault(name, {MONTH_DOC: {"products": {}, "categories": {}}})
                doc[MONTH_DOC][group][key] = row
