"""Builds the engine for the write model: SQLite (a file in the shop's
folder, one computer) or PostgreSQL (a shared server, several computers)."""

from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, insert, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from core.errors import StorageError
from core.i18n import N_
from core.write_model import locks
from core.write_model.db_errors import begin_or_refuse
from core.write_model.migrations import migrate
from core.write_model.schema import ADDED_INDEXES, SCHEMA_VERSION, metadata, schema_info

BUSY_TIMEOUT_MS = 10_000
_BEGIN_WRITE = "BEGIN IMMEDIATE"
_BEGIN_READ = "BEGIN DEFERRED"


def sqlite_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """``busy_timeout_ms``: how long a command waits for another till's
    write lock before it is refused with DatabaseBusy (a window passes a
    short one and tries again itself, so that it never freezes)."""
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's begin event decide when a transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        # FULL: a committed order survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the write lock up front (IMMEDIATE), so a reader that
        # later wants to write can never deadlock with another process; the
        # busy timeout then simply queues the tills one after another.
        # execution_options(write=None): single-statement reads, no BEGIN at
        # all (SQLite runs each statement as its own transaction).
        # (Straight to the driver: this runs once per command, and going
        # through exec_driver_sql costs more than SQLite takes to begin.)
        write = conn.get_execution_options().get("write", True)
        if write is not None:
            begin_or_refuse(conn.connection.driver_connection, _BEGIN_WRITE if write else _BEGIN_READ)

    return engine


POSTGRES_DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_SECONDS = 10
# A server the network lost without a word (a link down between switches):
# a connection waiting on it is given up after about 20 seconds, not the
# system's TCP default of a quarter of an hour, so a command says so and the
# listener (core/write_model/listener.py) starts retrying. libpq ignores
# them on a Unix socket.
TCP_OPTIONS = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 20_000,
}


def postgres_url(url: str) -> URL:
    """``url`` parsed, with psycopg as its driver; a sentence (StorageError)
    when it is no address, or not a PostgreSQL server's."""
    try:
        parsed = make_url(str(url).strip())
    except ArgumentError as exc:
        raise StorageError(
            N_(
                "That is not a database address ({reason}): it looks like {driver}://user@server/shop.",
                reason=str(exc),
                driver=POSTGRES_DRIVER,
            )
        ) from exc
    if parsed.get_backend_name() != "postgresql":
        raise StorageError(
            N_(
                "Only PostgreSQL servers can hold a shared shop: the address starts with {driver}://.",
                driver=POSTGRES_DRIVER,
            )
        )
    return parsed.set(drivername=POSTGRES_DRIVER)


def postgres_engine(url: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """The engine of a shop kept on a PostgreSQL server (``url``:
    postgresql+psycopg://user:password@host/database). READ COMMITTED, the
    server's default: the conditional UPDATEs of the handlers decide (two
    tills can never both take the last unit); the locks that SQLite's single
    writer made unnecessary are in core/write_model/locks.py.
    ``busy_timeout_ms``: how long a statement waits for another till's lock
    (lock_timeout) before it is refused with a sentence."""
    parsed = postgres_url(url)
    try:
        import psycopg  # noqa: F401  (SQLAlchemy imports it only at the first connection)
    except ImportError as exc:
        raise StorageError(
            N_(
                "This copy of Shop Manager cannot reach a shared server (the psycopg library is missing): "
                "install the full package, or open a shop kept in a folder."
            )
        ) from exc
    return create_engine(
        parsed,
        pool_pre_ping=True,  # a connection the server or the network dropped is replaced, not used
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "application_name": "shop-manager",
            "options": f"-c lock_timeout={int(busy_timeout_ms)}",
            **TCP_OPTIONS,
        },
    )


def snapshot_connection(engine: Engine) -> Connection:
    """A connection whose transaction reads one consistent snapshot (a
    rebuild's rows agree with its outbox position): REPEATABLE READ on
    PostgreSQL, where READ COMMITTED sees each statement's own; on SQLite a
    read transaction already is one snapshot."""
    conn = engine.connect().execution_options(write=False)
    if conn.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def changes_by_others(conn) -> int | None:
    """A number that changes whenever another connection (another till, a
    worker thread) commits to the database: SQLite's ``data_version``, read
    straight from the driver. None on another database (then nothing is cached)."""
    if conn.dialect.name != "sqlite":
        return None
    cursor = conn.connection.driver_connection.execute("PRAGMA data_version")
    try:
        return cursor.fetchone()[0]
    finally:
        cursor.close()


def create_schema(engine: Engine) -> None:
    """Create missing tables and stamp the schema version (idempotent)."""
    with engine.begin() as conn:
        create_schema_in(conn)


def create_schema_in(conn: Connection) -> None:
    """``create_schema`` inside the caller's transaction (a move to a server
    creates the tables and copies the rows in one)."""
    # Several tills opening an older database at once: one migrates, the
    # others wait and find it done (SQLite's BEGIN IMMEDIATE does the same).
    locks.take(conn, locks.SCHEMA)
    metadata.create_all(conn)
    found = conn.execute(select(schema_info.c.version)).scalar()
    if found is None:
        conn.execute(insert(schema_info).values(version=SCHEMA_VERSION))
    elif found < SCHEMA_VERSION:
        migrate(conn, found, SCHEMA_VERSION)
    elif found > SCHEMA_VERSION:
        raise StorageError(
            N_(
                "This shop was last used by a newer Shop Manager (data version {found}); please install that version.",
                found=found,
            )
        )
    # Indexes added to tables that already existed (create_all makes them
    # only with a new table): made once, found there after.
    for index in ADDED_INDEXES:
        index.create(conn, checkfirst=True)


def not_durable(engine: Engine) -> None:
    """Commits no longer wait for the disk (``PRAGMA synchronous=OFF``): a power
    cut may lose the last ones. Only for a shop built to be thrown away (the
    demo's months of trading: seconds instead of a minute of fsyncs)."""

    # After sqlite_engine's FULL (listeners run in order); on PostgreSQL the
    # server still flushes, only this session's commits stop waiting for it.
    setting = "SET synchronous_commit = off" if engine.dialect.name == "postgresql" else "PRAGMA synchronous=OFF"

    @event.listens_for(engine, "connect")
    def _no_flush(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute(setting)
        cursor.close()
        if engine.dialect.name == "postgresql":
            dbapi_connection.commit()  # psycopg opened a transaction for the SET

    engine.dispose()  # pooled connections made before go; new ones have it
