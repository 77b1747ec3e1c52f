"""Fast path: what the dispatcher keeps between commands on its own thread.

Switch: ``FastPaths.dispatcher_cache`` (core/fast_paths.py). Design note,
with the measured gain and what guards it: docs/adr/0002-dispatcher-cache.md.

Two things, one after the other:

- The connection. One is kept open for the thread that made the dispatcher
  (the window's) and lent to each unit of work, instead of taking one from the
  pool and giving it back, with its reset, for every command. No transaction
  stays open between commands. Other threads (an import worker, a new one per
  import) take one from the pool per command and give it back: a connection
  kept per thread would stay checked out after its thread ended, and the pool
  would run dry.
- Rarely changing rows read on that connection (the shop's settings, the
  category tax tree: ``UnitOfWork.cached``). They are kept while nobody else
  could have changed them: on SQLite while nobody else has committed
  (``PRAGMA data_version`` on this connection, which changes when another
  connection commits); on PostgreSQL while the ``cache_version`` row is the
  same (every command recording an event outside ``KEEPS_CACHE`` raises it,
  at any till; the unit of work reads it in the round trip that begins its
  transaction). And while this dispatcher's commands record only events of
  ``KEEPS_CACHE``. A refused or failed command empties them too.

The plain way (switch off): every command takes a pooled connection, and
reads the settings and the tax tree afresh.
"""

import threading
from collections.abc import Callable

from sqlalchemy import Connection, Engine

# Events that change neither the shop's settings nor any category: after a
# command that recorded only these, the kept rows stay.
KEEPS_CACHE = frozenset(
    {
        "OrderPlaced",
        "PaymentRecorded",
        "OrderFulfilled",
        "OrderCancelled",
        "ItemsReturned",
        "StockReceived",
        "StockAdjusted",
        "CustomerAdded",
        "CustomerUpdated",
        "TillOpened",
        "TillFloatSet",
        "TillClosed",
        "CashMoved",
        "DrawerOpened",
    }
)


class CommandCache:
    """The dispatcher's kept connection and the rows kept on it."""

    def __init__(self, engine: Engine):
        self._engine = engine
        self._owner = threading.get_ident()
        self._conn: Connection | None = None
        self._rows: dict = {}  # key -> value, and "_version": the version they were read at

    def lend(self) -> tuple[Connection | None, "CachedReads | None"]:
        """The connection and the cached reads for one command: both None on
        a thread other than the owner's (the unit of work then takes a
        pooled connection and reads everything)."""
        if threading.get_ident() != self._owner:
            return None, None
        conn = self._conn
        if conn is None or conn.closed or conn.invalidated:
            conn = self._conn = self._engine.connect()
            self._rows.clear()  # SQLite's data_version is only comparable on one connection
        return conn, CachedReads(self._rows)

    def after_command(self, events: list | None) -> None:
        """After a command run with what ``lend`` gave: ``events`` it
        committed, or None if it was refused or failed. Keeps the rows only
        if every event is one of ``KEEPS_CACHE``."""
        if events is None or not all(type(e).__name__ in KEEPS_CACHE for e in events):
            self._rows.clear()

    def drop_connection(self) -> None:
        """After a database error: start afresh with the next command."""
        if threading.get_ident() != self._owner:
            return
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:
                conn.invalidate()

    @property
    def connection(self) -> Connection | None:
        """The connection kept open, if any (for tests)."""
        return self._conn

    def close(self) -> None:
        """Give back the connection kept open (before the engine is disposed)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # closed from another thread
                conn.invalidate()


class CachedReads:
    """One unit of work's use of the kept rows: whether another connection
    has committed is asked once, when the first row is wanted."""

    __slots__ = ("_checked", "_rows")

    def __init__(self, rows: dict):
        self._rows: dict | None = rows
        self._checked = False

    def get(self, version_of: Callable[[], int | None], key: str, load: Callable[[], object]):
        """``version_of()``: the number that changes when someone else changed
        the rows (None: keep nothing)."""
        rows = self._rows
        if rows is None:
            return load()
        if not self._checked:
            version = version_of()
            if version is None:  # nothing to compare with: nothing is kept
                self._rows = None
                return load()
            if rows.get("_version") != version:
                rows.clear()
                rows["_version"] = version
            self._checked = True
        try:
            return rows[key]
        except KeyError:
            value = rows[key] = load()
            return value
