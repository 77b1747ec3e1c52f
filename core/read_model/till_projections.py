"""How till events, and the sales events that carry a till session, change
the session documents (core/read_model/till_sessions.py). Keyed by the write
model's ids, so applying an event twice changes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.messages.events import (
    CashMoved,
    DrawerOpened,
    ItemsReturned,
    OrderCancelled,
    OrderPlaced,
    PaymentRecorded,
    PaymentReversed,
    TillClosed,
    TillFloatSet,
    TillOpened,
)
from core.read_model.changes import ChangeCollector
from core.read_model.till_sessions import (
    index_table_of,
    order_entry,
    refund_key,
    reversal_key,
    session_doc,
    table_of,
)
from core.write_model.reading import StoredEvent

if TYPE_CHECKING:
    from core.read_model.projector import ReadModel


def _session(rm: ReadModel, session_id: int | None) -> dict | None:
    if session_id is None:
        return None
    doc = rm.documents.get(table_of(session_id), session_id)
    if doc is None:
        raise KeyError(f"till session {session_id}")  # never seen: the projector rebuilds
    return doc


def _changed(rm: ReadModel, doc: dict, changes: ChangeCollector) -> None:
    rm.documents.changed(table_of(doc["id"]))
    _index(rm, doc)
    changes.till_sessions.add(doc["id"])


def _index(rm: ReadModel, doc: dict) -> None:
    rm.documents.put(index_table_of(doc["id"]), doc["id"], rm.till_sessions.put(doc))


def till_opened(rm: ReadModel, e: TillOpened, origin: StoredEvent, changes: ChangeCollector) -> None:
    if rm.documents.get(table_of(e.session_id), e.session_id) is not None:
        return  # replayed
    doc = session_doc(
        e.session_id, e.till, e.opened_at, e.opened_by_name, e.opened_automatically, e.opening_float_cents
    )
    rm.documents.put(table_of(e.session_id), e.session_id, doc)
    _index(rm, doc)
    changes.till_sessions.add(e.session_id)


def till_float_set(rm: ReadModel, e: TillFloatSet, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _session(rm, e.session_id)
    assert doc is not None
    doc["float"] = e.opening_float_cents
    _changed(rm, doc, changes)


def till_closed(rm: ReadModel, e: TillClosed, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _session(rm, e.session_id)
    assert doc is not None
    doc["closed_at"], doc["closed_by"] = e.closed_at, e.closed_by_name
    doc["counted"], doc["note"] = e.counted_cash_cents, e.note or None
    # None when no link was known (a closing recorded before links were kept with it)
    doc["journal"] = [e.journal_position, e.journal_link] if e.journal_position else None
    _changed(rm, doc, changes)


def cash_moved(rm: ReadModel, e: CashMoved, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _session(rm, e.session_id)
    assert doc is not None
    doc["moves"][str(e.move_id)] = [e.at, e.kind, e.amount_cents, e.reason, e.staff_name]
    _changed(rm, doc, changes)


def drawer_opened(rm: ReadModel, e: DrawerOpened, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _session(rm, e.session_id)
    assert doc is not None
    doc["drawer"][str(e.open_id)] = [e.at, e.staff_name]
    _changed(rm, doc, changes)


def order_placed(rm: ReadModel, e: OrderPlaced, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _session(rm, e.session_id)
    if doc is not None:
        lines = [vars(line) for line in e.lines]
        doc["orders"][str(e.order_id)] = order_entry(lines, e.prices_include_tax, e.total_cents, e.discount_cents)
        _changed(rm, doc, changes)


def payment_recorded(rm: ReadModel, e: PaymentRecorded, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _session(rm, e.session_id)
    if doc is not None:
        doc["payments"][str(e.payment_id)] = [e.method, e.amount_cents]
        _changed(rm, doc, changes)


def payment_reversed(rm: ReadModel, e: PaymentReversed, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _session(rm, e.session_id)
    if doc is not None:
        doc["refunds"][reversal_key(e.payment_id, e.method)] = [e.method, e.amount_cents]
        _changed(rm, doc, changes)


def order_cancelled(rm: ReadModel, e: OrderCancelled, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _session(rm, e.session_id)
    if doc is not None:
        doc["cancels"][str(e.order_id)] = rm.orders.total_of(e.order_id)
        for part in e.refunds:
            doc["refunds"][refund_key(None, e.order_id, part.method)] = [part.method, part.amount_cents]
        _changed(rm, doc, changes)


def items_returned(rm: ReadModel, e: ItemsReturned, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _session(rm, e.session_id)
    if doc is not None:
        doc["returns"][str(e.return_id)] = e.refund_cents
        for part in e.refunds:
            doc["refunds"][refund_key(e.return_id, e.order_id, part.method)] = [part.method, part.amount_cents]
        _changed(rm, doc, changes)


# Each takes (read model, event of its class, the event as stored, changes).
APPLIERS = {
    TillOpened: till_opened,
    TillFloatSet: till_float_set,
    TillClosed: till_closed,
    CashMoved: cash_moved,
    DrawerOpened: drawer_opened,
    OrderPlaced: order_placed,
    PaymentRecorded: payment_recorded,
    PaymentReversed: payment_reversed,
    OrderCancelled: order_cancelled,
    ItemsReturned: items_returned,
}
