"""Tamper evidence for the journal (every event, in the outbox and its
archive): a hash chain. Each event's link is the SHA-256 of the previous
link and of the whole row (position, type, payload, when, who, till,
approver), so a row altered, deleted or moved breaks the chain from there
on; ``verify`` names the first position where it breaks. Rewriting the
whole chain is caught against the latest link kept elsewhere (every backup
manifest holds it).

The links live in their own table (created by create_all: no migration),
written in the transaction that records the events; an event recorded
without its link (by an older version at another till, or by a tool) is
linked by the next command, or by ``extend`` at opening.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, insert, select

from core import json_codec
from core.i18n import N_
from core.write_model import locks
from core.write_model.direct import Direct
from core.write_model.schema import journal_link, outbox, outbox_archive

GENESIS = ""  # the link before the first event
BATCH = 5_000

_ROW = (
    "position",
    "event_type",
    "payload",
    "recorded_at",
    "staff_id",
    "till",
    "approved_by",
)


def link(previous: str, row) -> str:
    """The link of ``row`` (position, type, payload, when, who, till, approver) after ``previous``."""
    data = json_codec.dumps([previous, *row])
    return hashlib.sha256(data).hexdigest()


def _events(conn: Connection, after: int, limit: int) -> list:
    """Events after position ``after``, oldest first: the archive's, then the outbox's."""
    found: list = []
    for table in (outbox_archive, outbox):
        statement = (
            select(*[table.c[name] for name in _ROW])
            .where(table.c.position > after)
            .order_by(table.c.position)
            .limit(limit - len(found))
        )
        found += [tuple(row) for row in conn.execute(statement)]
        if len(found) >= limit:
            break
    return sorted(found)[:limit]


def latest(conn: Connection) -> tuple[int, str]:
    """The last linked position (0: none) and its link."""
    row = conn.execute(
        select(journal_link.c.position, journal_link.c.link).order_by(journal_link.c.position.desc()).limit(1)
    ).first()
    return (row.position, row.link) if row is not None else (0, GENESIS)


# The commit path's two statements, straight on the driver (core/write_model/direct.py).
_NEWEST = select(func.max(journal_link.c.position)).scalar_subquery()
LATEST = Direct(select(journal_link.c.position, journal_link.c.link).where(journal_link.c.position == _NEWEST))
INSERT_LINKS = Direct(insert(journal_link), columns=("position", "link"))


def links_after(latest_rows: list, rows: list[dict], positions: list[int]) -> list[dict] | None:
    """The links of the events a unit of work just inserted (``rows`` as
    inserted, at ``positions``) after the last link (``latest_rows``: what
    LATEST gave, read after the outbox lock was taken); None if anything
    before them is unlinked (an older version's events: ``extend_in`` then)."""
    position, previous = (latest_rows[0][0], latest_rows[0][1]) if latest_rows else (0, GENESIS)
    if not positions or position != positions[0] - 1:
        return None
    links = []
    for at, row in zip(positions, rows, strict=True):
        previous = link(
            previous,
            (
                at,
                row["event_type"],
                row["payload"],
                row["recorded_at"],
                row["staff_id"],
                row["till"],
                row["approved_by"],
            ),
        )
        links.append({"position": at, "link": previous})
    return links


def link_committed(conn: Connection, rows: list[dict], positions: list[int]) -> None:
    """Link the events a unit of work just inserted, inside its transaction:
    one read of the last link, one insert, nothing read back. Should
    anything be unlinked before them (an older version's events),
    everything unlinked is linked instead."""
    links = links_after(LATEST.rows(conn, {}), rows, positions)
    if links is None:
        extend_in(conn)
    else:
        INSERT_LINKS.many(conn, links)


def extend_in(conn: Connection, limit: int = BATCH) -> int:
    """Link the events recorded since the last link (inside the caller's
    transaction); returns how many were linked."""
    position, previous = latest(conn)
    rows = _events(conn, position, limit)
    links = []
    for row in rows:
        previous = link(previous, row)
        links.append({"position": row[0], "link": previous})
    if links:
        conn.execute(insert(journal_link), links)
    return len(links)


def extend(engine: Engine) -> int:
    """Link every unlinked event, a batch per transaction (at opening: a
    shop made before the journal had links is linked once)."""
    total = 0
    while True:
        with engine.begin() as conn:
            # Under the outbox lock, as a command links its events: two tills
            # opening at once would otherwise both link the same events.
            locks.take(conn, locks.OUTBOX)
            linked = extend_in(conn)
        total += linked
        if linked < BATCH:
            return total


def latest_link(engine: Engine) -> str:
    with engine.connect().execution_options(write=False) as conn:
        return latest(conn)[1]


@dataclass(frozen=True)
class Verdict:
    events: int  # events checked
    last_link: str
    broken_at: int | None  # the first position where the chain breaks (None: whole)
    problem: str  # a sentence: what is wrong there, or that it is whole

    @property
    def whole(self) -> bool:
        return self.broken_at is None


def _paged(fetch) -> Iterator[tuple]:
    """Every row ``fetch(after)`` gives, page after page (rows start with their position)."""
    after = 0
    while rows := fetch(after):
        yield from rows
        after = rows[-1][0]


def _pairs(conn: Connection) -> Iterator[tuple[tuple | None, tuple | None]]:
    """(event row, its link row) in position order; None where one has no partner."""
    events = _paged(lambda after: _events(conn, after, BATCH))
    links = _paged(
        lambda after: [
            tuple(row)
            for row in conn.execute(
                select(journal_link.c.position, journal_link.c.link)
                .where(journal_link.c.position > after)
                .order_by(journal_link.c.position)
                .limit(BATCH)
            )
        ]
    )
    row, linked = next(events, None), next(links, None)
    while row is not None or linked is not None:
        if linked is None or (row is not None and row[0] < linked[0]):
            yield row, None
            row = next(events, None)
        elif row is None or linked[0] < row[0]:
            yield None, linked
            linked = next(links, None)
        else:
            yield row, linked
            row, linked = next(events, None), next(links, None)


def verify(engine: Engine) -> Verdict:
    """Check every event's link, oldest first, and name the first break: a
    row altered (its link no longer matches), deleted (a link without its
    event), moved (the links after it no longer follow), or put in (an
    event without a link)."""
    with engine.connect().execution_options(write=False) as conn, conn.begin():
        return verify_in(conn)


def verify_in(conn: Connection) -> Verdict:
    """``verify`` inside the caller's transaction (a move to a server checks
    the copy before it commits)."""
    previous, checked = GENESIS, 0
    for row, linked in _pairs(conn):
        if row is None:
            assert linked is not None  # _pairs never yields two Nones
            position = linked[0]
            return Verdict(
                checked, previous, position, N_("Event {position} was deleted from the journal.", position=position)
            )
        position = row[0]
        if linked is None:
            return Verdict(
                checked,
                previous,
                position,
                N_(
                    "Event {position} has no link: it was put in from outside Shop Manager "
                    "(or by an older version: opening the shop links it).",
                    position=position,
                ),
            )
        if link(previous, row) != linked[1]:
            return Verdict(
                checked,
                previous,
                position,
                N_("Event {position} was altered, or an event before it was deleted or moved.", position=position),
            )
        previous = linked[1]
        checked += 1
    return Verdict(checked, previous, None, N_("The journal is whole: {checked:,} events checked.", checked=checked))
