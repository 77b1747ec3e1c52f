"""What a till may undo or redo, read from the outbox (and its archive): the
till's own events, newest first, skipping what undo and redo themselves
recorded and what is undone already.

An undo records its compensation's events and then ActionUndone (with how
many events it made) in one transaction; on SQLite a transaction's positions
are consecutive, so reading a till's events backwards, a marker says how
many events before it to pass over.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, and_, select

from core import json_codec
from core.messages import event_codec
from core.messages.events import (
    ActionRedone,
    ActionUndone,
    Event,
    OrderPlaced,
    PaymentRecorded,
    ProductUpdated,
    StockAdjusted,
    StockReceived,
    TillOpened,
)
from core.write_model.schema import outbox, outbox_archive, undo_link

MARKERS = frozenset({"ActionUndone", "ActionRedone"})
BATCH = 200


@dataclass(frozen=True)
class Recorded:
    """An event as stored, decoded."""

    position: int
    event: Event
    recorded_at: str
    staff_id: int
    till: str

    @property
    def event_type(self) -> str:
        return type(self.event).__name__


def _rows(conn: Connection, where, limit: int = BATCH) -> list:
    """Up to ``limit`` rows matching ``where(table)``, newest first: from the
    outbox, then (only if it runs short) from the archive, whose positions
    are all older. One table at a time: a union would sort the whole archive."""
    found: list = []
    for table in (outbox, outbox_archive):
        columns = (table.c.position, table.c.event_type, table.c.payload, table.c.recorded_at)
        statement = (
            select(*columns, table.c.staff_id, table.c.till)
            .where(where(table))
            .order_by(table.c.position.desc())
            .limit(limit - len(found))
        )
        found += conn.execute(statement).all()
        if len(found) >= limit:
            break
    return found


def _decoded(row) -> Recorded:
    position, event_type, payload, recorded_at, staff_id, till = row
    return Recorded(position, event_codec.decode(event_type, json_codec.loads(payload)), recorded_at, staff_id, till)


def till_events(conn: Connection, till: str) -> Iterator[Recorded]:
    """This till's events, newest first: the outbox's, then the archive's
    (a till idle while others recorded thousands of events has its last
    action there). Both are read by till through an index, so a till with
    nothing to undo costs two lookups, not a scan of a year of events."""
    for table in (outbox, outbox_archive):
        before = None
        while True:
            where = [table.c.till == till, *([table.c.position < before] if before is not None else [])]
            columns = (table.c.position, table.c.event_type, table.c.payload, table.c.recorded_at)
            statement = (
                select(*columns, table.c.staff_id, table.c.till)
                .where(and_(*where))
                .order_by(table.c.position.desc())
                .limit(BATCH)
            )
            rows = conn.execute(statement).all()
            for row in rows:
                yield _decoded(row)
            if len(rows) < BATCH:
                break
            before = rows[-1][0]


def event_at(conn: Connection, position: int) -> Recorded | None:
    rows = _rows(conn, lambda t: t.c.position == position, limit=1)
    return _decoded(rows[0]) if rows else None


def is_undone(conn: Connection, position: int) -> bool:
    return (
        conn.execute(
            select(undo_link.c.position).where(undo_link.c.position == position, undo_link.c.redone_at.is_(None))
        ).first()
        is not None
    )


def neutral(recorded: Recorded) -> bool:
    """Recorded on the way, never an action of its own: a session the sale opened."""
    return isinstance(recorded.event, TillOpened) and recorded.event.opened_automatically


def last_action(conn: Connection, till: str) -> Recorded | None:
    """The till's last action that is not undone (None: nothing was done here)."""
    skip = 0
    for recorded in till_events(conn, till):
        if skip:
            skip -= 1
        elif isinstance(recorded.event, (ActionUndone, ActionRedone)):
            skip = recorded.event.events
        elif not neutral(recorded) and not is_undone(conn, recorded.position):
            return recorded
    return None


def last_undo(conn: Connection, till: str) -> tuple[Recorded, ActionUndone] | None:
    """The undone event that redo would do again: this till's last undo,
    if nothing but other undos and redos came after it and it is still
    undone. Returns (the undone event, its undo's marker)."""
    skip = 0
    for recorded in till_events(conn, till):
        if skip:
            skip -= 1
            continue
        event = recorded.event
        if isinstance(event, ActionUndone) and is_undone(conn, event.undone_position):
            undone = event_at(conn, event.undone_position)
            return (undone, event) if undone is not None else None
        if isinstance(event, (ActionUndone, ActionRedone)):
            skip = event.events
        elif not neutral(recorded):
            return None  # something was done after the undo: nothing to redo
    return None


def state_before(conn: Connection, position: int, event_types: tuple[str, ...], key: str, value: int) -> Event | None:
    """The newest event before ``position`` of one of ``event_types`` whose
    ``key`` is ``value`` (a product's or a category's state before a change).
    The payload text is looked through first (orjson writes ``"key":value``
    compactly), then each match decoded and checked."""
    needle = f'%"{key}":{int(value)}%'
    before = position
    while True:
        rows = _rows(
            conn,
            lambda t, b=before: and_(t.c.position < b, t.c.event_type.in_(event_types), t.c.payload.like(needle)),
        )
        if not rows:
            return None
        for row in rows:
            found = _decoded(row)
            if getattr(found.event, key) == value:
                return found.event
        before = rows[-1][0]


def subject_of(event: Event | None) -> dict:
    """What an undone event was about, as ActionUndone and the read model's
    undo links record it: the ids a history is kept by (a stock movement is
    known by its product, time and the stock after it)."""
    found: dict = {"product_id": None, "order_id": None, "payment_id": None, "stock_after": None}
    if isinstance(event, (StockReceived, StockAdjusted)):
        found.update(product_id=event.product_id, stock_after=event.stock_after)
    elif isinstance(event, ProductUpdated):
        found.update(product_id=event.product_id)
    elif isinstance(event, OrderPlaced):
        found.update(order_id=event.order_id)
    elif isinstance(event, PaymentRecorded):
        found.update(order_id=event.order_id, payment_id=event.payment_id)
    return found


def undo_links_with_subjects(conn: Connection) -> list[dict]:
    """Every undo_link row, with what its undone event was about (its type,
    when it was recorded, subject_of): a rebuild's undo links. The undone
    events are read by position, from the outbox or the archive."""
    links = [dict(row) for row in conn.execute(select(undo_link).order_by(undo_link.c.position)).mappings()]
    found: dict[int, Recorded] = {}
    positions = [link["position"] for link in links]
    for start in range(0, len(positions), BATCH):
        chunk = positions[start : start + BATCH]
        for row in _rows(conn, lambda t, c=chunk: t.c.position.in_(c), limit=len(chunk)):
            recorded = _decoded(row)
            found[recorded.position] = recorded
    for link in links:
        undone = found.get(link["position"])
        link["kind"] = undone.event_type if undone is not None else None
        link["done_at"] = undone.recorded_at if undone is not None else ""
        link.update(subject_of(undone.event if undone is not None else None))
    return links
