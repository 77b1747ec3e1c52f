"""Locks that PostgreSQL needs where SQLite's single writer made them
unnecessary: transaction-scoped advisory locks, one key per purpose, released
by COMMIT or ROLLBACK. On SQLite every write transaction already holds the
whole database (BEGIN IMMEDIATE), so taking one is a no-op there.

Why the outbox has one: docs/adr/0009-postgresql-outbox-order.md."""

from sqlalchemy import Connection, bindparam, func, select, text

from core.write_model import wake_ups
from core.write_model.direct import Direct

# Keys: "SHOP" in ASCII, then the purpose. Any 64-bit number would do; these
# only need to differ from each other and from other software's on the server.
_BASE = 0x53484F50_00000000
OUTBOX = _BASE + 1  # held from a command's first outbox row to its COMMIT; wakes the other tills
SCHEMA = _BASE + 2  # creating or migrating the tables
CATEGORIES = _BASE + 3  # sibling names and the tree's shape (no cycles)
SETTINGS = _BASE + 4  # the shop's settings rows
ARCHIVE = _BASE + 5  # moving settled outbox events to the archive
ORDERS = _BASE + 6  # the next order number, from a sale's order row to its COMMIT

_TAKE = text("SELECT pg_advisory_xact_lock(:key)")
# The outbox's lock also queues the other tills' wake-up (core/write_model/
# wake_ups.py), in the same round trip: delivered at COMMIT, never on ROLLBACK.
_TAKE_AND_NOTIFY = text("SELECT pg_advisory_xact_lock(:key), pg_notify(:channel, :origin)")
# The same for a pipeline (core/write_model/direct.py: pipelined), parameter "key".
LOCK = Direct(select(func.pg_advisory_xact_lock(bindparam("key"))))
# The outbox's lock and the wake-up for a pipeline: parameters from ``outbox_lock_values``.
OUTBOX_LOCK = Direct(
    select(func.pg_advisory_xact_lock(bindparam("key")), func.pg_notify(bindparam("channel"), bindparam("origin")))
)


def outbox_lock_values(conn: Connection) -> dict:
    return {"key": OUTBOX, "channel": wake_ups.CHANNEL, "origin": wake_ups.origin(conn)}


def take(conn: Connection, key: int) -> None:
    """Hold lock ``key`` until the transaction ends (waits for another holder)."""
    if conn.dialect.name == "postgresql":
        if key == OUTBOX:
            conn.execute(_TAKE_AND_NOTIFY, outbox_lock_values(conn))
        else:
            conn.execute(_TAKE, {"key": key})


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"
