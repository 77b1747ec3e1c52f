"""One command, one transaction: the change and its events commit together."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, RootTransaction, bindparam, func, literal_column, select

from core.domain.staff import DEFAULT_TILL, Who
from core.messages import event_codec
from core.messages.events import Event
from core.write_model import journal_chain, locks, requests
from core.write_model.command_cache import KEEPS_CACHE, CachedReads
from core.write_model.direct import DIRECT_SQL_OPTION, Direct, pipelined
from core.write_model.engine import changes_by_others
from core.write_model.reading import StoredEvent
from core.write_model.schema import cache_version, till_session
from core.write_model.statements import BUMP_CACHE_VERSION, INSERT_EVENT, INSERT_EVENTS


def utc_now() -> datetime:
    return datetime.now(UTC)


def inserted_id(result: CursorResult[Any]) -> int:
    """The id of the row a single-row ``insert()`` (without RETURNING) added:
    its primary key's one column."""
    key = result.inserted_primary_key
    if key is None:  # typed Optional, though such an INSERT always has its key
        raise TypeError("the INSERT gave no primary key")  # as key[0] would have
    return key[0]


# PostgreSQL: what a unit of work reads first, in the round trip that begins
# its transaction: the server's time (every till's rows then agree, whatever
# their own clocks say), the settings' cache version, and this till's open
# session (which every sale and payment is stamped with).
_PROLOGUE = Direct(
    select(
        func.now(),
        func.coalesce(
            select(cache_version.c.version).where(cache_version.c.id == literal_column("1")).scalar_subquery(),
            literal_column("0"),
        ),
        select(till_session.c.id)
        .where(till_session.c.till == bindparam("till"), till_session.c.closed_at.is_(None))
        .scalar_subquery(),
    )
)

# Journal links a statement (PostgreSQL), far inside its 65,535 parameters.
LINKS_A_STATEMENT = 500

# The open session is not known yet (SQLite; or the unit of work changed it).
UNKNOWN = object()


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
        request_id: str | None = None,
    ):
        self._engine = engine
        # Stored with the commit (core/write_model/requests.py); None: not stored.
        self.request_id = request_id
        # True once the COMMIT may have reached the server: a broken
        # connection from then on leaves it unknown whether it was done.
        self.commit_sent = False
        # The till's open session as the prologue found it (PostgreSQL), until
        # the unit of work opens or closes one (core/handlers/till.py).
        self.open_session: object = UNKNOWN
        self._version: int | None = None
        self._later: list = []  # (Direct, rows): see write_later
        # Who does the command, at which till: stamped on every outbox row.
        self.who = who if who is not None else Who(DEFAULT_TILL)
        self._clock = clock
        self.events: list[Event] = []
        # After commit: the events as stored (positions and payloads), for the
        # read model, which then need not read them back (fast path:
        # FastPaths.committed_events, core/read_model/committed_events.py).
        self.stored: list[StoredEvent] = []
        self._conn: Connection | None = None
        self._txn: RootTransaction | None = None
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
        # The server's clock on PostgreSQL, unless a clock was given (tests,
        # the demo, a replay of old orders): then that one wins.
        self._server_time: datetime | None = None
        self._clock_given = clock is not utc_now

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
            if locks.is_postgres(conn):
                # With BEGIN, in one round trip (psycopg sends both in its pipeline).
                [[(at, version, session_id)]] = pipelined(conn, [(_PROLOGUE, {"till": self.who.till})])
                self._server_time, self._version, self.open_session = at, version, session_id
        except BaseException:
            if self._txn is not None and self._txn.is_active:
                self._txn.rollback()
            if self._lent is None:
                conn.close()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            if self._txn is not None and self._txn.is_active:
                self._txn.rollback()
        finally:
            if self._lent is None and self._conn is not None:
                self._conn.close()

    def now(self) -> str:
        """The command's time as stored: ISO 8601, UTC, to the second. One
        value per unit of work, so its rows and events all agree."""
        if self._now is None:
            at = self._server_time if self._server_time is not None and not self._clock_given else self._clock()
            self._now = at.astimezone(UTC).isoformat(timespec="seconds")
        return self._now

    def cached(self, key: str, load: Callable[[], object]):
        """``load()``, or what it returned in an earlier command if the
        dispatcher keeps it (see core/write_model/command_cache.py)."""
        if self._cache is None:
            return load()
        return self._cache.get(self._cache_version, key, load)

    def _cache_version(self) -> int | None:
        """A number that changes whenever another till or thread changed the
        settings or a category (None: keep nothing): the prologue's on
        PostgreSQL, SQLite's data_version there."""
        if self._version is not None:
            return self._version
        return changes_by_others(self.conn)

    def write_later(self, statement: Direct, rows: list[dict]) -> None:
        """INSERT ``rows`` (an executemany of ``statement``) that nothing in
        this transaction reads again: on PostgreSQL sent with the COMMIT's
        first round trip (before the outbox lock is taken), elsewhere now."""
        if self._version is not None and self._direct_sql:
            if rows:
                self._later.append(statement.all_at_once(rows))
        else:
            statement.many(self.conn, rows)

    def record(self, event: Event) -> None:
        self.events.append(event)

    def commit(self, result=None) -> None:
        """Record the events and the request id (with ``result``, the
        command's answer), and COMMIT."""
        conn = self.conn
        rows = []
        now = self.now()
        if self.events:
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
        # Sent with the COMMIT, in its round trip on PostgreSQL.
        last: list = []
        if self.request_id is not None:
            last.append(
                (
                    requests.INSERT_REQUEST,
                    {"request_id": self.request_id, "result": requests.encode(result), "recorded_at": now},
                )
            )
        if self._version is not None and any(row["event_type"] not in KEEPS_CACHE for row in rows):
            last.append((BUMP_CACHE_VERSION, {}))  # every till reads the settings afresh
        first, self._later = self._later, []
        if rows:
            # Positions become visible in commit order: the lock is held from
            # the first outbox row to COMMIT, so no till can commit a higher
            # position while a lower one is still uncommitted (a reader that
            # saw 5 and moved its checkpoint there would never see 4).
            # docs/adr/0009-postgresql-outbox-order.md; a no-op on SQLite.
            if len(rows) == 1 and locks.is_postgres(conn):
                # The lock (with the other tills' wake-up), the row and the last
                # link in one round trip (each statement runs after the one
                # before: the link is read under the lock).
                *_written, _locked, inserted, latest = pipelined(
                    conn,
                    [
                        *first,
                        (locks.OUTBOX_LOCK, locks.outbox_lock_values(conn)),
                        (INSERT_EVENT, rows[0]),
                        (journal_chain.LATEST, {}),
                    ],
                )
                positions = [inserted[0][0]]
            else:
                pipelined(conn, first)
                locks.take(conn, locks.OUTBOX)
                if len(rows) == 1:
                    positions = [INSERT_EVENT.one_value(conn, rows[0])]
                else:
                    # An import's thousands of events in multi-row INSERTs (a
                    # thousand rows a statement), positions in the rows' order:
                    # the lock above is held for a few round trips, not one per event.
                    positions = list(conn.execute(INSERT_EVENTS, rows).scalars())
                latest = journal_chain.LATEST.rows(conn, {})
            # Each event's link, in this transaction.
            links = journal_chain.links_after(latest, rows, positions)
            if links is None:
                journal_chain.extend_in(conn)
            elif self._version is not None and self._direct_sql:
                # Multi-row INSERTs: an import's thousands of links in a few
                # statements while the outbox lock is held, not one each.
                last[:0] = [
                    journal_chain.INSERT_LINKS.all_at_once(links[start : start + LINKS_A_STATEMENT])
                    for start in range(0, len(links), LINKS_A_STATEMENT)
                ]
            else:
                last.insert(0, (journal_chain.INSERT_LINKS, links))
        else:
            last[:0] = first
        self.commit_sent = True
        assert self._txn is not None  # begun in __enter__
        pipelined(conn, last, commit=self._txn.commit)
        # The events themselves: what a reader of the outbox decodes them to
        # (event_codec's round trip, tested for every event class).
        linked = {row["position"]: row["link"] for row in links or ()} if rows else {}
        self.stored = (
            [
                StoredEvent(
                    position, event, now, self.who.staff_id, self.who.till, self.who.approved_by, linked.get(position)
                )
                for position, event in zip(positions, self.events)
            ]
            if rows
            else []
        )
