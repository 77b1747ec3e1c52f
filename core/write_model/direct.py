"""Fast path: the statements of a sale, run straight on the driver's cursor.

Switch: ``FastPaths.direct_sql`` (core/fast_paths.py). Design note, with the
measured gain and what guards it: docs/adr/0001-direct-sql.md.

SQLAlchemy's ``Connection.execute`` does work on every call beyond what
SQLite takes to run the statement (an execution context, result metadata,
events), and a sale runs several statements plus its outbox row. A
``Direct`` statement is still SQLAlchemy Core, compiled by SQLAlchemy once
per dialect (so the SQL stays portable: qmark for SQLite, named for
PostgreSQL), and then run on the DBAPI cursor of the same connection, inside
the same transaction.

Only what needs no help from SQLAlchemy qualifies: fixed parameters (no
expanding ``IN``) and results that need no conversion; bind conversions (a
Boolean for SQLite) are applied. Driver errors are wrapped as SQLAlchemy's
(``IntegrityError``, ``OperationalError``...), as ``Connection.execute``
would, so callers handle one kind of error.

The plain way: a connection whose execution option ``DIRECT_SQL_OPTION`` is
False (the unit of work sets it when the switch is off) runs the same
statement objects through ``Connection.execute``, with the same refusals and
the same results (plain tuples).
"""

from collections.abc import Callable
from typing import Any, NamedTuple, cast

from sqlalchemy import Connection, bindparam
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError

# A connection with this execution option set to False runs Direct statements
# through Connection.execute (FastPaths.direct_sql off).
DIRECT_SQL_OPTION = "shop_direct_sql"


class _Compiled(NamedTuple):
    sql: str
    names: list[str]  # the parameters in the order the SQL takes them
    converters: dict[str, Callable]  # parameter -> bind conversion
    positional: bool  # qmark (SQLite) rather than named (PostgreSQL)
    returns_rows: bool


class Direct:
    def __init__(self, statement, columns: tuple[str, ...] | None = None):
        """``columns``: for an INSERT, the columns every parameter set gives
        (the others take their server defaults)."""
        self.statement = statement
        self.columns = columns
        self._compiled: dict = {}  # (dialect class, paramstyle, many) -> _Compiled
        self._multirow: dict[int, Direct] = {}  # rows -> the INSERT of that many rows at once

    def all_at_once(self, rows: list[dict]) -> tuple["Direct", dict]:
        """For an INSERT with ``columns``: one statement inserting every one
        of ``rows`` (multi-row VALUES), and its parameters: one statement to
        send rather than one per row (a pipeline's cost is per statement)."""
        columns = self.columns
        if columns is None:
            raise TypeError("all_at_once needs the INSERT's columns")
        statement = self._multirow.get(len(rows))
        if statement is None:
            values: list[dict[str, Any]] = [{c: bindparam(f"{c}_{i}") for c in columns} for i in range(len(rows))]
            statement = self._multirow[len(rows)] = Direct(self.statement.values(values))
        return statement, {f"{c}_{i}": row[c] for i, row in enumerate(rows) for c in columns}

    def _compile(self, dialect, many: bool = False) -> _Compiled:
        key = (type(dialect), dialect.paramstyle, many)
        found = self._compiled.get(key)
        if found is not None:
            return found
        # for_executemany: else PostgreSQL's compiler adds a RETURNING of the
        # new ids to an INSERT (for its "insertmanyvalues"), which a plain
        # executemany cannot take.
        compiled = self.statement.compile(dialect=dialect, column_keys=self.columns, for_executemany=many)
        if any(p.expanding for p in compiled.binds.values()):
            raise TypeError("a Direct statement cannot have an expanding IN")
        results = getattr(compiled, "_result_columns", None) or ()
        for column in results:
            if column[3].result_processor(dialect, None) is not None:
                raise TypeError(f"a Direct statement's result {column[0]!r} needs converting")
        names = list(compiled.positiontup) if compiled.positional else list(compiled.binds)
        converters = {name: compiled._bind_processors[name] for name in names if name in compiled._bind_processors}
        found = self._compiled[key] = _Compiled(str(compiled), names, converters, compiled.positional, bool(results))
        return found

    @staticmethod
    def _arguments(compiled: _Compiled, params: dict):
        if compiled.converters:
            params = {**params, **{n: f(params[n]) for n, f in compiled.converters.items()}}
        if compiled.positional:
            return [params[name] for name in compiled.names]
        return {name: params[name] for name in compiled.names}

    def _run(self, conn: Connection, params, many: bool):
        compiled = self._compile(conn.dialect, many)
        if many and compiled.returns_rows:
            raise TypeError("a Direct statement that returns rows runs once per parameter set")
        if not conn.get_execution_options().get(DIRECT_SQL_OPTION, True):
            return _PlainCursor(conn.execute(self.statement, params))
        # Optional in the stubs (None once given back to the pool); ours is checked out.
        cursor = cast(DBAPIConnection, conn.connection.driver_connection).cursor()
        try:
            if many:
                cursor.executemany(compiled.sql, [self._arguments(compiled, p) for p in params])
            else:
                cursor.execute(compiled.sql, self._arguments(compiled, params))
            return cursor
        except conn.dialect.loaded_dbapi.Error as exc:
            cursor.close()
            raise DBAPIError.instance(
                compiled.sql, params, exc, conn.dialect.loaded_dbapi.Error, dialect=conn.dialect
            ) from exc

    def rows(self, conn: Connection, params: dict) -> list[tuple]:
        """Every row the statement returns (plain tuples, in the statement's column order)."""
        cursor = self._run(conn, params, many=False)
        try:
            return cursor.fetchall()
        finally:
            cursor.close()

    def one_value(self, conn: Connection, params: dict):
        """The first column of the one row it returns."""
        rows = self.rows(conn, params)
        if len(rows) != 1:
            raise ValueError(f"expected one row, got {len(rows)}")
        return rows[0][0]

    def many(self, conn: Connection, params: list[dict]) -> None:
        """Run once per parameter set (an INSERT of several rows; no RETURNING)."""
        if params:
            self._run(conn, params, many=True).close()


def pipelined(conn: Connection, steps: list, commit: Callable[[], None] | None = None) -> list:
    """Run ``steps`` ((Direct, a parameter dict, or a list of dicts for one
    executemany) in order), then ``commit()`` (the transaction's), and give
    each step's rows (None for an executemany).

    On PostgreSQL they go in one psycopg pipeline: sent together, answered
    together, one round trip instead of one each (each statement still runs
    after the one before has finished, with its own snapshot); the COMMIT
    too, so that ``commit()`` then finds nothing left to send. Elsewhere, or
    with the fast path off, one after the other as ``rows``/``many`` would."""
    use_pipeline = conn.dialect.name == "postgresql" and conn.get_execution_options().get(DIRECT_SQL_OPTION, True)
    if not use_pipeline:
        found: list = []
        for statement, params in steps:
            if isinstance(params, list):
                statement.many(conn, params)
                found.append(None)
            elif statement._compile(conn.dialect).returns_rows:
                found.append(statement.rows(conn, params))
            else:
                statement._run(conn, params, many=False).close()
                found.append(None)
        if commit is not None:
            commit()
        return found
    driver: Any = conn.connection.driver_connection  # psycopg's Connection
    cursors = []
    sql = ""
    try:
        with driver.pipeline():
            for statement, params in steps:
                many = isinstance(params, list)
                if many and not params:
                    continue
                compiled = statement._compile(conn.dialect, many)
                sql, cursor = compiled.sql, driver.cursor()
                cursors.append((cursor, compiled.returns_rows and not many))
                if many:
                    cursor.executemany(sql, [statement._arguments(compiled, p) for p in params])
                else:
                    cursor.execute(sql, statement._arguments(compiled, params))
            if commit is not None:
                # Sent in the pipeline: connection.commit() would wait for the
                # statements before sending it, a round trip more.
                sql, cursor = "COMMIT", driver.cursor()
                cursors.append((cursor, False))
                cursor.execute(sql)
        rows = iter([cursor.fetchall() if returns else None for cursor, returns in cursors])
    except conn.dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(sql, {}, exc, conn.dialect.loaded_dbapi.Error, dialect=conn.dialect) from exc
    finally:
        for cursor, _returns in cursors:
            cursor.close()
    if commit is not None:
        commit()  # the transaction's bookkeeping; the server has committed (the driver sends nothing)
    return [None if isinstance(params, list) and not params else next(rows) for _statement, params in steps]


class _PlainCursor:
    """The plain way's result, read as ``_run``'s callers read a DBAPI cursor."""

    def __init__(self, result):
        self._result = result

    def fetchall(self) -> list[tuple]:
        return [tuple(row) for row in self._result]

    def close(self) -> None:
        self._result.close()
