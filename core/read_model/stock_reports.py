"""Stock reports beside the sales reports: what the stock on hand is worth by
category (from the catalog index in memory), and the slow movers: products
in stock that sold nothing in a period (the period's product keys, from the
sales aggregates' rankings, never the orders)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.domain import report_periods as periods
from core.messages import queries as q
from core.read_model.report_queries import Period

if TYPE_CHECKING:
    from core.read_model.projector import ReadModel


def _paths(rm: ReadModel) -> dict[int, str]:
    tree = {c.id: (c.name, c.parent_id) for c in rm.catalog.category_views()}
    paths: dict[int, str] = {}
    for category_id in tree:
        names: list[str] = []
        node: int | None = category_id
        seen = set()
        while node is not None and node in tree and node not in seen:
            seen.add(node)
            name, node = tree[node]
            names.append(name)
        paths[category_id] = "/".join(reversed(names))
    return paths


def get_stock_value(query: q.GetStockValue, rm: ReadModel) -> q.StockValue:
    paths = _paths(rm)
    sums: dict[str, list[int]] = {}
    for p in rm.catalog.products.values():
        if not p.active or p.stock <= 0:
            continue
        row = sums.setdefault(paths.get(p.category_id, ""), [0, 0, 0, 0, 0])
        row[0] += 1
        row[1] += p.stock
        if p.cost_price_cents is None:
            row[4] += p.stock
        else:
            row[2] += p.stock * p.cost_price_cents
        row[3] += p.stock * p.price_cents
    rows = tuple(q.StockValueRow(key, *sums[key]) for key in sorted(sums))
    total = [sum(column) for column in zip(*sums.values())] if sums else [0] * 5
    return q.StockValue(rows, q.StockValueRow("", *total))


def get_slow_movers(query: q.GetSlowMovers, rm: ReadModel) -> tuple[q.ProductView, ...]:
    first, last = periods.period(query.date_from, query.date_to)
    sold: set[str] = set()
    for source in Period(rm, first, last).item_sources("products"):
        sold.update(key for key, units in source.units().items() if units > 0)
    return tuple(p for p in rm.catalog.product_views(None, None) if p.stock > 0 and p.sku not in sold)
