"""The journal: every event, newest first, a page at a time, filtered by
kind, staff, till, date and what it is about (a product, an order, a
customer). Read from the outbox and its archive by position, so a page
costs the same after a year of events as after a day."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, and_, select

from core import json_codec
from core.write_model.schema import outbox, outbox_archive

SCAN_BATCH = 500  # rows read per step while looking for a page's matches


@dataclass(frozen=True)
class JournalFilter:
    """Every field left as it is matches everything."""

    kinds: tuple[str, ...] = ()  # event class names
    staff_id: int | None = None
    till: str | None = None
    since: str | None = None  # ISO UTC, inclusive
    until: str | None = None  # ISO UTC, exclusive
    product_id: int | None = None
    order_id: int | None = None
    customer_id: int | None = None

    def about(self) -> list[tuple[str, int]]:
        return [
            (key, value)
            for key, value in (
                ("product_id", self.product_id),
                ("order_id", self.order_id),
                ("customer_id", self.customer_id),
            )
            if value is not None
        ]


@dataclass(frozen=True)
class JournalRow:
    position: int
    event_type: str
    payload: dict
    recorded_at: str
    staff_id: int
    till: str
    approved_by: int | None


def _mentions(value, key: str, wanted: int) -> bool:
    """``key: wanted`` anywhere in a payload (an order's lines included)."""
    if isinstance(value, dict):
        return value.get(key) == wanted or any(_mentions(v, key, wanted) for v in value.values())
    if isinstance(value, list):
        return any(_mentions(v, key, wanted) for v in value)
    return False


def _conditions(table, f: JournalFilter, before: int | None) -> Iterable:
    if before is not None:
        yield table.c.position < before
    if f.kinds:
        yield table.c.event_type.in_(f.kinds)
    if f.staff_id is not None:
        yield table.c.staff_id == f.staff_id
    if f.till is not None:
        yield table.c.till == f.till
    if f.since is not None:
        yield table.c.recorded_at >= f.since
    if f.until is not None:
        yield table.c.recorded_at < f.until
    for key, value in f.about():
        yield table.c.payload.like(f'%"{key}":{int(value)}%')  # then checked exactly, decoded


def journal_page(conn: Connection, f: JournalFilter, before: int | None, limit: int) -> tuple[list[JournalRow], bool]:
    """Up to ``limit`` events matching ``f`` with positions below ``before``
    (None: from the newest), newest first; and whether older ones match too."""
    found: list[JournalRow] = []
    for table in (outbox, outbox_archive):
        cursor = before
        while len(found) <= limit:
            columns = [table.c[name] for name in ("position", "event_type", "payload", "recorded_at")]
            statement = (
                select(*columns, table.c.staff_id, table.c.till, table.c.approved_by)
                .where(and_(True, *_conditions(table, f, cursor)))
                .order_by(table.c.position.desc())
                .limit(SCAN_BATCH)
            )
            rows = conn.execute(statement).all()
            for row in rows:
                data = json_codec.loads(row.payload)
                if all(_mentions(data, key, value) for key, value in f.about()):
                    found.append(
                        JournalRow(
                            row.position, row.event_type, data, row.recorded_at, row.staff_id, row.till, row.approved_by
                        )
                    )
            if len(rows) < SCAN_BATCH:
                break
            cursor = rows[-1][0]
        if len(found) > limit:
            break  # (the archive's positions are all older than the outbox's)
    return found[:limit], len(found) > limit
