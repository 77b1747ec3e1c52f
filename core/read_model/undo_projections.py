"""Which events were undone (and redone): one document per undone event's
outbox position, so every history can say "Undone by ... at ...". Built
by the appliers from ActionUndone / ActionRedone, and by a rebuild from the
write model's ``undo_link`` rows: the same documents either way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.messages.events import ActionRedone, ActionUndone
from core.messages.queries import UndoMark
from core.read_model.changes import ChangeCollector
from core.write_model.reading import StoredEvent

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from core.messages.events import Event
    from core.read_model.projector import ReadModel

UNDO_LINKS = "undo_links"


SUBJECT = ("product_id", "order_id", "payment_id", "stock_after")


def link_doc(undone_at: str, undone_by: int, till: str, redone_at: str | None, kind, done_at: str, about) -> dict:
    """``kind``: the undone event's class name; ``done_at``: when it was
    recorded; ``about``: its ids (undo_log.subject_of)."""
    return {
        "undone_at": undone_at,
        "undone_by": undone_by,
        "till": till,
        "redone_at": redone_at,
        "kind": kind,
        "done_at": done_at,
        **{key: about[key] for key in SUBJECT},
    }


def action_undone(rm: ReadModel, e: ActionUndone, origin: StoredEvent, changes: ChangeCollector) -> None:
    about = {key: getattr(e, key) for key in SUBJECT}
    doc = link_doc(origin.recorded_at, origin.staff_id, origin.till, None, e.undone_type, e.done_at, about)
    rm.documents.put(UNDO_LINKS, e.undone_position, doc)
    rm.undo_links[e.undone_position] = doc
    _marked(rm, doc, changes)


def _marked(rm: ReadModel, doc: dict, changes: ChangeCollector) -> None:
    """The histories that show this mark are news."""
    if doc["product_id"] is not None:
        changes.products.add(doc["product_id"])
    if doc["order_id"] is not None:
        rm.orders.forget_detail(doc["order_id"])
        changes.orders.add(doc["order_id"])


def marks_about(rm: ReadModel, key: str, value: int) -> list[dict]:
    """The undo links of events about ``key`` == ``value`` (a product, an
    order). Undos are few beside sales: a scan of them is quick."""
    return [doc for doc in rm.undo_links.values() if doc.get(key) == value]


def action_redone(rm: ReadModel, e: ActionRedone, origin: StoredEvent, changes: ChangeCollector) -> None:
    old = rm.undo_links.get(e.redone_position)
    if old is None:
        raise KeyError(f"undo of {e.redone_position}")  # never seen: the projector rebuilds
    doc = {**old, "redone_at": origin.recorded_at}
    rm.documents.put(UNDO_LINKS, e.redone_position, doc)
    rm.undo_links[e.redone_position] = doc
    _marked(rm, doc, changes)


def mark_of(rm: ReadModel, doc: dict) -> UndoMark:
    return UndoMark(doc["undone_at"], doc["undone_by"], rm.staff_name(doc["undone_by"]) or "", doc["redone_at"])


def order_marks(rm: ReadModel, order_id: int) -> dict:
    """An order's undone events: "placed" (the order, cancelled by the
    undo) and each reversed payment's id -> its UndoMark."""
    marks: dict = {}
    for doc in marks_about(rm, "order_id", order_id):
        if doc["kind"] == "OrderPlaced":
            marks["placed"] = mark_of(rm, doc)
        elif doc["kind"] == "PaymentRecorded":
            marks[doc["payment_id"]] = mark_of(rm, doc)
    return marks


MOVEMENT_EVENTS = {"StockReceived": "received", "StockAdjusted": "adjusted"}


def movement_marks(rm: ReadModel, product_id: int) -> dict[tuple, list[UndoMark]]:
    """A product's undone deliveries and adjustments, keyed as its stock
    movements can be found: (kind, time, stock after), oldest first. A key
    can repeat within a second (a delivery undone, redone and undone again):
    its marks go to its movements in order, as undo only ever takes the
    last action back."""
    found: dict[tuple, list[UndoMark]] = {}
    for position in sorted(rm.undo_links):
        doc = rm.undo_links[position]
        if doc["product_id"] == product_id and doc["kind"] in MOVEMENT_EVENTS:
            key = (MOVEMENT_EVENTS[doc["kind"]], doc["done_at"], doc["stock_after"])
            found.setdefault(key, []).append(mark_of(rm, doc))
    return found


def documents_from_snapshot(snap) -> Iterator[tuple[str, int, dict]]:
    for row in snap.undo_links:
        doc = link_doc(
            row["undone_at"], row["undone_by"], row["till"], row["redone_at"], row["kind"], row["done_at"], row
        )
        yield UNDO_LINKS, row["position"], doc


def index_tables(rm: ReadModel, tables: dict) -> None:
    rm.undo_links = {int(doc_id): doc for doc_id, doc in tables.get(UNDO_LINKS, {}).items()}


APPLIERS: dict[type[Event], Callable[..., None]] = {
    ActionUndone: action_undone,
    ActionRedone: action_redone,
}
