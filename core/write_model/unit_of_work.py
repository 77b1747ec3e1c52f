"""One command, one transaction: the change and its events commit together."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine

from core.domain.staff import DEFAULT_TILL, Who
from core.messages import event_codec
from core.messages.events import Event
from core.write_model import journal_chain, locks
from core.write_model.command_cache import CachedReads
from core.write_model.direct import DIRECT_SQL_OPTION
from core.write_model.reading import StoredEvent
from core.write_model.statements import INSERT_EVENT, INSERT_EVENTS


def utc_now() -> datetime:
    return datetime.now(UTC)


def inserted_id(result: CursorResult[Any]) -> int:
    """The id of the row a single-row ``insert()`` (without RETURNING) added:
    its primary key's one column."""
    key = result.inserted_primary_key
    if key is None:  # typed Optional, though such an INSERT always has its key
        raise TypeError("the INSERT gave no primary key")  # as key[0] would have
    return key[0]


class AlreadyDone(Exception):
    """Raised by a handler that finds its command was carried out before (a
    repeated request): the unit of work rolls back whatever the handler did,
    and the dispatcher answers with ``result``, the first time's answer."""

    def __init__(self, result):
        super().__init__(result)
        self.result = result


class UnitOfWork:
    """Context manager around a write transaction. Rolls back unless
    ``commit`` was called, so a handler that raises leaves nothing behind."""

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime] = utc_now,
        connection: Connection | None = None,
        cache: CachedReads | None = None,
        direct_sql: bool = True,
        who: Who | None = None,
    ):
        self._engine = engine
        # Who does the command, at which till: stamped on every outbox row.
        self.who = who if who is not None else Who(DEFAULT_TILL)
        self._clock = clock
        self.events: list[Event] = []
        # After commit: the events as stored (positions and payloads), for the
        # read model, which then need not read them back (fast path:
        # FastPaths.committed_events, core/read_model/committed_events.py).
        self.stored: list[StoredEvent] = []
        self._conn: Connection | None = None
        self._now: str | None = None
        # Fast path (FastPaths.dispatcher_cache, core/write_model/command_cache.py):
        # a connection lent by the dispatcher, which keeps it open, is left
        # open at the end, and ``cache`` holds rows kept between commands on
        # it. The plain way: a pooled connection, given back; no cache.
        self._lent = connection
        self._cache = cache
        # Fast path (FastPaths.direct_sql, core/write_model/direct.py): False
        # runs the Direct statements through Connection.execute.
        self._direct_sql = direct_sql

    @property
    def conn(self) -> Connection:
        """The transaction's connection (inside ``with``)."""
        conn = self._conn
        if conn is None:
            raise RuntimeError("the unit of work is used outside its with block")
        return conn

    def __enter__(self) -> "UnitOfWork":
        conn = self._conn = self._lent if self._lent is not None else self._engine.connect()
        if not self._direct_sql:
            conn.execution_options(**{DIRECT_SQL_OPTION: False})
        try:
            self._txn = conn.begin()
        except BaseException:
            if self._lent is None:
                conn.close()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            if self._txn.is_active:
                self._txn.rollback()
        finally:
            if self._lent is None and self._conn is not None:
                self._conn.close()

    def now(self) -> str:
        """The command's time as stored: ISO 8601, UTC, to the second. One
        value per unit of work, so its rows and events all agree."""
        if self._now is None:
            self._now = self._clock().astimezone(UTC).isoformat(timespec="seconds")
        return self._now

    def cached(self, key: str, load: Callable[[], object]):
        """``load()``, or what it returned in an earlier command if the
        dispatcher keeps it (see core/write_model/command_cache.py)."""
        if self._cache is None:
            return load()
        return self._cache.get(self.conn, key, load)

    def record(self, event: Event) -> None:
        self.events.append(event)

    def commit(self) -> None:
        rows = []
        if self.events:
            now = self.now()
            who = self.who
            rows = [
                {
                    "event_type": type(e).__name__,
                    "payload": event_codec.encode(e),
                    "recorded_at": now,
                    "staff_id": who.staff_id,
                    "till": who.till,
                    "approved_by": who.approved_by,
                }
                for e in self.events
            ]
            # Positions become visible in commit order: the lock is held from
            # the first outbox row to COMMIT, so no till can commit a higher
            # position while a lower one is still uncommitted (a reader that
            # saw 5 and moved its checkpoint there would never see 4).
            # docs/adr/0009-postgresql-outbox-order.md; a no-op on SQLite.
            locks.take(self.conn, locks.OUTBOX)
            if len(rows) == 1:
                positions = [INSERT_EVENT.one_value(self.conn, rows[0])]
            else:
                # An import's thousands of events in multi-row INSERTs (a
                # thousand rows a statement), positions in the rows' order:
                # the lock above is held for a few round trips, not one per event.
                positions = list(self.conn.execute(INSERT_EVENTS, rows).scalars())
            journal_chain.link_committed(self.conn, rows, positions)  # each event's link, in this transaction
        self._txn.commit()
        # The events themselves: what a reader of the outbox decodes them to
        # (event_codec's round trip, tested for every event class).
        self.stored = (
            [
                StoredEvent(position, event, now, self.who.staff_id, self.who.till, self.who.approved_by)
                for position, event in zip(positions, self.events)
            ]
            if rows
            else []
        )
