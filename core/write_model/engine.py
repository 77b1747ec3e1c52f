"""Builds the engine for the write model: the one place with SQLite specifics."""

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, insert, select

from core.errors import StorageError
from core.i18n import N_
from core.write_model.db_errors import begin_or_refuse
from core.write_model.migrations import migrate
from core.write_model.schema import SCHEMA_VERSION, metadata, schema_info

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
        metadata.create_all(conn)
        found = conn.execute(select(schema_info.c.version)).scalar()
        if found is None:
            conn.execute(insert(schema_info).values(version=SCHEMA_VERSION))
        elif found < SCHEMA_VERSION:
            migrate(conn, found, SCHEMA_VERSION)
        elif found > SCHEMA_VERSION:
            raise StorageError(
                N_(
                    "This shop was last used by a newer Shop Manager (data version {found}); please install that "
                    "version.",
                    found=found,
                )
            )


def not_durable(engine: Engine) -> None:
    """Commits no longer wait for the disk (``PRAGMA synchronous=OFF``): a power
    cut may lose the last ones. Only for a shop built to be thrown away (the
    demo's months of trading: seconds instead of a minute of fsyncs)."""

    @event.listens_for(engine, "connect")
    def _no_flush(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")  # after sqlite_engine's FULL: listeners run in order
        cursor.close()

    engine.dispose()  # pooled connections made before go; new ones have it
