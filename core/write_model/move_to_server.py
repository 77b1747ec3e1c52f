"""Moving a shop from its folder's SQLite file to an empty database on a
PostgreSQL server (``shop-manager --move-to-database URL``).

Everything happens in one transaction on the server: the tables (the same
``create_schema`` path a till's first opening takes), every table's rows,
the sequences set past the highest ids, the shop's identity given a new
store id, then the counts and totals of both sides compared. A difference,
a refusal or a dropped connection rolls it all back: the server is left as
it was found. The SQLite file is only read, through a read-only connection,
in one read transaction (one snapshot), so it is left byte for byte as it was.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, create_engine, event, func, insert, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from core.errors import StorageError
from core.i18n import N_
from core.write_model import locks
from core.write_model.db_errors import storage_error
from core.write_model.engine import create_schema_in, postgres_engine
from core.write_model.identity import Identity, give_new_store_id, where_found_on_server
from core.write_model.journal_chain import verify_in
from core.write_model.schema import (
    SCHEMA_VERSION,
    metadata,
    outbox,
    outbox_archive,
    product,
    schema_info,
    shop_order,
)

BATCH = 5_000  # rows read and inserted at a time: memory stays flat on a year of orders

# Tables whose ids continue another's: the outbox's positions go on past
# those of the events moved to its archive.
_SHARES_IDS = {"outbox": (outbox_archive.c.position,)}


@dataclass(frozen=True)
class Totals:
    """What a shop holds, counted the same way on either database."""

    rows: tuple[tuple[str, int], ...]  # every table's row count, by name
    products: int
    orders: int
    order_total_cents: int
    paid_cents: int
    refunded_cents: int
    stock: int
    events: int  # in the outbox and its archive
    last_position: int
    journal_events: int  # events the journal's chain checked
    journal_last_link: str
    journal_broken_at: int | None  # None: the chain is whole
    journal_problem: str  # its sentence


@dataclass(frozen=True)
class Moved:
    totals: Totals  # the same on both sides (checked)
    identity: Identity | None  # the server's copy's (None: the shop had none yet)
    server: str  # the database and server, without the password


def read_only_engine(db_file: Path) -> Engine:
    """An engine that only reads ``db_file`` (``query_only``); its
    transactions begin at once (BEGIN), so every read in one sees the same
    snapshot. A file no till has open (no -wal file beside it) is opened as
    usual, so that closing removes the -wal and -shm files any reader of a
    WAL database makes; else read-only (``mode=ro``), which never writes to
    the file, not even a checkpoint of another till's -wal file."""
    wal = db_file.with_name(db_file.name + "-wal")
    mode = "ro" if wal.exists() else "rw"
    engine = create_engine(f"sqlite:///file:{db_file.resolve().as_posix()}?mode={mode}&uri=true")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # the begin event below decides
        dbapi_connection.execute("PRAGMA query_only=ON").close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine


def move_to_server(db_file: Path, database_url: str) -> Moved:
    """Copy the shop in ``db_file`` into the empty database at
    ``database_url`` and check the copy. Raises StorageError, with a
    sentence, having changed neither side, when it cannot."""
    db_file = Path(db_file)
    if not db_file.is_file() or db_file.stat().st_size == 0:
        raise StorageError(N_("There is no shop database at {path} to move.", path=str(db_file)))
    target = postgres_engine(database_url)
    server = _server_name(target)
    source = read_only_engine(db_file)
    try:
        with source.connect() as src, src.begin():
            _refuse_unless_current(src)
            with target.connect() as dst, dst.begin():
                locks.take(dst, locks.SCHEMA)  # a till opening the new database waits for the move
                _refuse_unless_empty(dst, server)
                create_schema_in(dst)
                present = set(inspect(src).get_table_names())  # a table made since its last opening: empty
                for table in metadata.sorted_tables:
                    if table is not schema_info and table.name in present:
                        _copy(src, dst, table)
                _set_sequences(src, dst)
                identity = give_new_store_id(dst, where_found_on_server(dst))
                before, after = totals(src), totals(dst)
                if before != after:
                    raise StorageError(
                        N_(
                            "The copy on the server did not add up ({what}), so nothing was moved: the shop stays "
                            "in its folder as it was.",
                            what=_differences(before, after),
                        )
                    )
                # Committed here, on leaving the block; a failure before rolls everything back.
        return Moved(after, identity, server)
    except SQLAlchemyError as exc:
        raise storage_error(exc, "opened") from exc
    finally:
        source.dispose()
        target.dispose()


def _server_name(engine: Engine) -> str:
    url = engine.url
    where = url.host or url.query.get("host") or "localhost"
    return f"{url.database} on {where}" if url.port is None else f"{url.database} on {where}:{url.port}"


def _refuse_unless_current(src: Connection) -> None:
    tables = set(inspect(src).get_table_names())
    if not {"schema_info", "outbox", "product"} <= tables:
        raise StorageError(N_("That file holds no shop, so there is nothing to move."))
    found = src.execute(select(schema_info.c.version)).scalar()
    if found != SCHEMA_VERSION:
        raise StorageError(
            N_(
                "The shop's database is of data version {found}, this Shop Manager's is {version}: open the shop "
                "once with this version (it brings the data up to date), then move it.",
                found=found,
                version=SCHEMA_VERSION,
            )
        )


def _refuse_unless_empty(dst: Connection, server: str) -> None:
    """Only an empty database takes a shop: no tables, or only this shop's
    tables with no rows (a database a till opened but never used)."""
    found = set(inspect(dst).get_table_names())
    others = sorted(found - set(metadata.tables))
    if others:
        raise StorageError(
            N_(
                "The database {server} already holds other tables ({tables}), so nothing was moved or changed: "
                "move the shop into a new, empty database.",
                server=server,
                tables=", ".join(others[:5]),
            )
        )
    for name in sorted(found - {schema_info.name}):
        if dst.execute(text(f'SELECT 1 FROM "{name}" LIMIT 1')).first() is not None:
            raise StorageError(
                N_(
                    "The database {server} already holds a shop, so nothing was moved or changed: move this shop "
                    "into a new, empty database (or connect this till to that shop instead).",
                    server=server,
                )
            )


def _copy(src: Connection, dst: Connection, table: Table) -> None:
    columns = [c.name for c in table.columns]
    statement = insert(table)
    for rows in _rows(src, table):
        dst.execute(statement, [dict(zip(columns, row, strict=True)) for row in rows])


def _rows(src: Connection, table: Table) -> Iterator[Sequence]:
    """The table's rows in batches, by primary key; a table whose rows refer
    to each other (categories: a parent) parents first, as the server checks
    each row's reference when it is inserted."""
    chosen = select(*table.columns).order_by(*table.primary_key.columns)
    parents = [fk for fk in table.foreign_keys if fk.column.table is table]
    if not parents:
        yield from src.execute(chosen).partitions(BATCH)
        return
    key, parent = parents[0].column.name, parents[0].parent.name
    waiting = [tuple(row) for row in src.execute(chosen)]
    at_key, at_parent = table.columns.keys().index(key), table.columns.keys().index(parent)
    placed: set = set()
    while waiting:
        ready = [row for row in waiting if row[at_parent] is None or row[at_parent] in placed]
        if not ready:  # a cycle or a dangling parent: the server's foreign key says which
            ready = waiting
        placed.update(row[at_key] for row in ready)
        waiting = [row for row in waiting if row[at_key] not in placed]
        yield ready


def _sqlite_sequences(src: Connection) -> dict[str, int]:
    """SQLite's AUTOINCREMENT counters: an outbox whose newest events were
    archived (or rolled back) must never give their positions again."""
    if src.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")).first() is None:
        return {}
    return {name: int(seq) for name, seq in src.execute(text("SELECT name, seq FROM sqlite_sequence"))}


def _set_sequences(src: Connection, dst: Connection) -> None:
    """Each id sequence past the highest id taken, so the next order, event
    or product gets the next number."""
    counters = _sqlite_sequences(src)
    for table in metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1:
            continue
        column = keys[0]
        sequence = dst.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"), {"table": table.name, "column": column.name}
        ).scalar()
        if sequence is None:
            continue
        highest = max(
            counters.get(table.name, 0),
            *(
                dst.execute(select(func.coalesce(func.max(c), 0))).scalar_one()
                for c in (column, *_SHARES_IDS.get(table.name, ()))
            ),
        )
        if highest > 0:
            dst.execute(
                text("SELECT setval(CAST(:sequence AS regclass), :value)"), {"sequence": sequence, "value": highest}
            )


def totals(conn: Connection) -> Totals:
    """The counts and sums a move compares (inside the caller's transaction)."""
    present = set(inspect(conn).get_table_names())
    rows = tuple(
        (t.name, int(conn.execute(select(func.count()).select_from(t)).scalar_one()) if t.name in present else 0)
        for t in metadata.sorted_tables
    )
    money = conn.execute(
        select(
            func.coalesce(func.sum(shop_order.c.total_cents), 0),
            func.coalesce(func.sum(shop_order.c.paid_cents), 0),
            func.coalesce(func.sum(shop_order.c.refunded_cents), 0),
        )
    ).one()
    counted = dict(rows)
    last = max(
        conn.execute(select(func.coalesce(func.max(t.c.position), 0))).scalar_one() for t in (outbox, outbox_archive)
    )
    verdict = verify_in(conn)
    return Totals(
        rows=rows,
        products=counted[product.name],
        orders=counted[shop_order.name],
        # PostgreSQL sums BIGINTs as NUMERIC: compared as whole numbers.
        order_total_cents=int(money[0]),
        paid_cents=int(money[1]),
        refunded_cents=int(money[2]),
        stock=int(conn.execute(select(func.coalesce(func.sum(product.c.stock), 0))).scalar_one()),
        events=counted[outbox.name] + counted[outbox_archive.name],
        last_position=int(last),
        journal_events=verdict.events,
        journal_last_link=verdict.last_link,
        journal_broken_at=verdict.broken_at,
        journal_problem=verdict.problem,
    )


def _differences(before: Totals, after: Totals) -> str:
    """What differs, in the words a log or a support call can use."""
    found = [
        f"{name} {getattr(before, name)} / {getattr(after, name)}"
        for name in Totals.__dataclass_fields__
        if name != "rows" and getattr(before, name) != getattr(after, name)
    ]
    rows_after = dict(after.rows)
    found += [f"{name} rows {n} / {rows_after.get(name)}" for name, n in before.rows if rows_after.get(name) != n]
    return "; ".join(found)
