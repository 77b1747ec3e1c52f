"""Reads of the write model that feed the read model: new outbox events, and a
consistent snapshot of everything for a rebuild."""

import json
import threading
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from core.write_model.schema import category, order_line, outbox, product, shop_order
from core.write_model.statements import EVENTS_AFTER, EVENTS_AFTER_LIMITED, LAST_POSITION


@dataclass(frozen=True)
class StoredEvent:
    position: int
    event_type: str
    payload: dict


def read_events_after(engine: Engine, position: int, limit: int | None = None) -> list[StoredEvent]:
    with engine.connect().execution_options(write=False) as conn:
        if limit:
            rows = conn.execute(EVENTS_AFTER_LIMITED, {"position": position, "limit": limit}).all()
        else:
            rows = conn.execute(EVENTS_AFTER, {"position": position}).all()
    loads = json.loads
    return [StoredEvent(pos, etype, loads(payload)) for pos, etype, payload in rows]


def last_position(engine: Engine) -> int:
    with engine.connect().execution_options(write=False) as conn:
        return conn.execute(LAST_POSITION).scalar_one()


class OutboxReader:
    """The projector's reads of new events, after every command: on one
    connection kept open (no pool checkout, no BEGIN/ROLLBACK per read; a
    third of the cost of the read), each a single statement in autocommit, so
    each sees everything committed before it. One connection per thread;
    ``close`` gives it back."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._conn = None
        self._thread = None

    def _connection(self):
        if self._conn is None or self._thread != threading.get_ident():
            self.close()
            self._conn = self.engine.connect().execution_options(write=None)
            self._thread = threading.get_ident()
        return self._conn

    def events_after(self, position: int, limit: int | None = None) -> list[StoredEvent]:
        conn = self._connection()
        try:
            if limit:
                rows = conn.execute(EVENTS_AFTER_LIMITED, {"position": position, "limit": limit}).all()
            else:
                rows = conn.execute(EVENTS_AFTER, {"position": position}).all()
            conn.rollback()  # ends SQLAlchemy's transaction; nothing to undo in SQLite
        except BaseException:
            self.close()  # a fresh connection next time
            raise
        loads = json.loads
        return [StoredEvent(pos, etype, loads(payload)) for pos, etype, payload in rows]

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # another thread's connection, or already broken
                conn.invalidate()


@dataclass(frozen=True)
class Snapshot:
    """Everything the read model shows, as of outbox ``position``."""

    position: int
    categories: list
    products: list
    orders: list
    lines: list


def read_snapshot(engine: Engine) -> Snapshot:
    # One transaction, so the rows and the position agree.
    with engine.connect().execution_options(write=False) as conn, conn.begin():
        position = conn.execute(select(func.coalesce(func.max(outbox.c.position), 0))).scalar_one()
        categories = conn.execute(select(category).order_by(category.c.id)).mappings().all()
        products = conn.execute(select(product).order_by(product.c.id)).mappings().all()
        orders = conn.execute(select(shop_order).order_by(shop_order.c.id)).mappings().all()
        lines = conn.execute(select(order_line).order_by(order_line.c.id)).mappings().all()
    return Snapshot(position, categories, products, orders, lines)
