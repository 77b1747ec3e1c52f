"""How sales events change the sales reports' aggregates
(core/read_model/report_aggregates.py): a sale adds to the day it was
placed, a return to the day it was taken, and a cancellation takes the
order's sale and returns away again (cancelled orders count nowhere).

These appliers run after sales_projections' (projector.APPLIERS keeps module
order), so the order's document already holds what the event changed; that
applier also names the order in ``changes``, which is what tells the window
that reports may have changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.domain.report_periods import zone_fingerprint
from core.messages.events import ItemsReturned, OrderCancelled, OrderPlaced
from core.read_model import documents as docs
from core.read_model import report_aggregates as agg
from core.read_model.changes import ChangeCollector
from core.read_model.storage import CorruptReadModel
from core.write_model.reading import StoredEvent

if TYPE_CHECKING:
    from collections.abc import Callable

    from core.messages.events import Event
    from core.read_model.projector import ReadModel


class StoredTables(agg.Tables):
    """The aggregates as the read model's storage keeps them: a table not
    parsed yet is parsed when a change needs it (a month's tables, once)."""

    def __init__(self, rm: ReadModel):
        super().__init__()
        self._rm = rm

    def table(self, name: str) -> dict:
        return self._rm.storage.table(name)

    def get(self, name: str) -> dict | None:
        return self._rm.storage.get(name)

    def touch(self, name: str) -> None:
        self._rm.storage.touch(name)
        self._changed(name)

    def drop(self, name: str) -> None:
        if self._rm.storage.get(name) is not None:
            self._rm.db.drop_table(name)
            self._changed(name)

    def _changed(self, name: str) -> None:
        """What report_queries ranked from this table is out of date."""
        versions = self._rm.report_versions
        versions[name] = versions.get(name, 0) + 1
        if len(self._rm.report_rankings) > MAX_RANKINGS:
            self._rm.report_rankings.clear()


def _order(rm: ReadModel, order_id: int) -> dict:
    doc = rm.documents.get(docs.orders_table(order_id), order_id)
    if doc is None:
        raise KeyError(f"order {order_id}")  # an order we never saw: the projector rebuilds
    return doc


def _returns_of(doc: dict, returns) -> list[agg.Counted]:
    lines = {line["product_id"]: line for line in doc["lines"]}
    return [
        agg.a_return(
            r["id"], r["at"], doc["staff_name"], doc["till"], [(lines[x["product_id"]], x) for x in r["lines"]]
        )
        for r in returns
    ]


def order_placed(rm: ReadModel, e: OrderPlaced, origin: StoredEvent, changes: ChangeCollector) -> None:
    tables = StoredTables(rm)
    lines = [vars(line) for line in e.lines]
    for line in lines:
        agg.name_sold(tables, line["sku"], line["name"], e.order_id)
    agg.count(tables, agg.sale(e.order_id, e.placed_at, e.staff_name, origin.till, e.prices_include_tax, lines))


def items_returned(rm: ReadModel, e: ItemsReturned, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _order(rm, e.order_id)
    if doc["status"] == "cancelled":
        return  # (cannot happen today: a cancelled order takes no returns) counts nowhere
    returned = [{"id": e.return_id, "at": e.at, "lines": [vars(line) for line in e.lines]}]
    for counted in _returns_of(doc, returned):
        agg.count(StoredTables(rm), counted)


def order_cancelled(rm: ReadModel, e: OrderCancelled, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _order(rm, e.order_id)
    tables = StoredTables(rm)
    agg.count(
        tables,
        agg.sale(doc["id"], doc["placed_at"], doc["staff_name"], doc["till"], doc["prices_include_tax"], doc["lines"]),
        sign=-1,
    )
    for counted in _returns_of(doc, doc["returns"]):
        agg.count(tables, counted, sign=-1)


def documents_from_snapshot(snap):
    """(table name, documents) of every aggregate table, for a rebuild."""
    return agg.tables_from_snapshot(snap).items()


LAZY_PREFIXES = agg.LAZY_PREFIXES
MAX_RANKINGS = 256  # months (or cut months) ranked and kept by report_queries; past it, forgotten


def check_zone(tables: dict) -> None:
    """Aggregates cut into days in another time zone than the computer's
    now cannot be trusted: the read model is rebuilt (days follow the zone
    the computer is in, so a shop's reports move with it)."""
    stored = tables.get(agg.DAYS, {}).get(agg.ZONE_KEY)
    if stored != zone_fingerprint():
        raise CorruptReadModel(f"the reports' days were cut in time zone {stored!r}")


# Each takes (read model, event of its class, the event as stored, changes).
APPLIERS: dict[type[Event], Callable[..., None]] = {
    OrderPlaced: order_placed,
    ItemsReturned: items_returned,
    OrderCancelled: order_cancelled,
}
