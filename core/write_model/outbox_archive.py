"""Keeping the outbox's hot part small: each till records how far its read
model has read (its saved checkpoint), and events older than every till's
checkpoint, less a margin, move to ``outbox_archive``.

Why: the outbox is most of the database after a year of trading, and every
till reads it after every command; a table that holds only recent events
keeps those reads and the database's hot pages small. Nothing is lost: a
rebuild reads the write model's tables, not the outbox, and a till whose
read model is behind the archive boundary (an old copy put back, a till
away for months) reads the archived events (reading.OutboxReader).
"""

import logging
import time

from sqlalchemy import Engine, delete, func, insert, select, update

from core.write_model import locks
from core.write_model.schema import outbox, outbox_archive, till_checkpoint

log = logging.getLogger(__name__)

# Events kept in the outbox below the slowest till's checkpoint: a till a
# few busy days behind still reads only the outbox.
ARCHIVE_MARGIN = 10_000
# Events moved per transaction: each is short, so a sale at another till
# waits for at most one of them.
ARCHIVE_BATCH = 20_000

_COLUMNS = [c.name for c in outbox.columns]


def record_checkpoint(engine: Engine, till: str, position: int, at: str) -> None:
    """Till ``till``'s read model is saved up to outbox ``position``."""
    with engine.begin() as conn:
        found = conn.execute(
            update(till_checkpoint).where(till_checkpoint.c.till == till).values(position=position, recorded_at=at)
        )
        if found.rowcount == 0:
            conn.execute(insert(till_checkpoint).values(till=till, position=position, recorded_at=at))


def archive_boundary(engine: Engine, margin: int | None = None) -> int:
    """Events below this position may be archived (0: none may): every
    till has read them, and ``margin`` newer ones stay."""
    margin = ARCHIVE_MARGIN if margin is None else margin
    with engine.connect().execution_options(write=False) as conn:
        slowest = conn.execute(select(func.min(till_checkpoint.c.position))).scalar()
    return 0 if slowest is None else max(0, slowest - margin + 1)


def archive_settled_events(
    engine: Engine, *, margin: int | None = None, batch: int | None = None, seconds: float = 2.0
) -> int:
    """Move events every till has read (less ``margin``) to the archive, a
    batch per transaction, for at most about ``seconds``; returns how many
    moved. The rest moves next time."""
    boundary = archive_boundary(engine, margin)
    batch = ARCHIVE_BATCH if batch is None else batch
    moved, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        with engine.begin() as conn:
            locks.take(conn, locks.ARCHIVE)  # two tills closing at once on a server: one moves each batch
            lowest = conn.execute(select(func.min(outbox.c.position))).scalar()
            if lowest is None or lowest >= boundary:
                break
            upper = min(boundary, lowest + batch)
            chosen = select(*[outbox.c[name] for name in _COLUMNS]).where(outbox.c.position < upper)
            conn.execute(insert(outbox_archive).from_select(_COLUMNS, chosen))
            moved += conn.execute(delete(outbox).where(outbox.c.position < upper)).rowcount
    if moved:
        log.info("Archived %s outbox events below position %s", moved, boundary)
    return moved
