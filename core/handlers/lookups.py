"""Look-ups of many values at once (a bulk add, an import), in IN (...) lists
far below any database's limit on parameters."""

from collections.abc import Iterable, Iterator

from sqlalchemy import Column, Executable, select

from core.write_model.schema import product
from core.write_model.unit_of_work import UnitOfWork

IN_CHUNK = 500


def in_chunks(values: list) -> Iterator[list]:
    size = IN_CHUNK
    for start in range(0, len(values), size):
        yield values[start : start + size]


def values_found(uow: UnitOfWork, statement: Executable, codes: Iterable) -> set:
    """The ``codes`` that ``statement`` (one expanding ``codes`` parameter,
    one column) finds."""
    found: set = set()
    for chunk in in_chunks(list(codes)):
        found.update(uow.conn.execute(statement, {"codes": chunk}).scalars())
    return found


def products_by(uow: UnitOfWork, column: Column, values: list) -> dict:
    """The product rows whose ``column`` is one of ``values``, by that value."""
    found = {}
    for chunk in in_chunks(values):
        for row in uow.conn.execute(select(product).where(column.in_(chunk))).mappings():
            found[row[column.name]] = row
    return found
