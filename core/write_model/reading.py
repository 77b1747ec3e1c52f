"""Reads of the write model that feed the read model: new outbox events, and a
consistent snapshot of everything for a rebuild."""

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, RowMapping, bindparam, func, select

from core import json_codec
from core.domain.staff import DEFAULT_TILL, UNKNOWN_STAFF_ID
from core.messages import event_codec
from core.messages.events import Event
from core.write_model.engine import snapshot_connection
from core.write_model.schema import (
    cash_move,
    category,
    customer,
    drawer_open,
    journal_link,
    order_line,
    order_return,
    order_return_line,
    outbox,
    payment,
    payment_reversal,
    product,
    refund,
    shop_order,
    shop_setting,
    staff,
    stock_movement,
    till_close_link,
    till_session,
)
from core.write_model.statements import ARCHIVED_EVENTS_AFTER, EVENTS_AFTER, EVENTS_AFTER_LIMITED, LAST_POSITION
from core.write_model.undo_log import undo_links_with_subjects


@dataclass(frozen=True)
class StoredEvent:
    """An event as the outbox holds it: where, what, and when it was recorded."""

    position: int
    event: Event
    recorded_at: str
    staff_id: int = UNKNOWN_STAFF_ID  # who did it (core.domain.staff)
    till: str = DEFAULT_TILL
    approved_by: int | None = None  # the manager who approved it
    link: str | None = None  # its journal link, where known

    @property
    def event_type(self) -> str:
        return type(self.event).__name__


def _stored(rows) -> list[StoredEvent]:
    loads, decode = json_codec.loads, event_codec.decode
    return [
        StoredEvent(pos, decode(etype, loads(payload)), at, staff_id, till, approved_by, link)
        for pos, etype, payload, at, staff_id, till, approved_by, link in rows
    ]


def last_order_id(engine: Engine) -> int:
    """The highest order number (0 in a shop with no order)."""
    with engine.connect().execution_options(write=False) as conn:
        return conn.execute(select(func.coalesce(func.max(shop_order.c.id), 0))).scalar_one()


LINK_AT = select(journal_link.c.link).where(journal_link.c.position == bindparam("position"))


def link_at(engine: Engine, position: int) -> str | None:
    """The journal's link of the event at ``position`` (None: no such event, or not linked)."""
    with engine.connect().execution_options(write=False) as conn:
        return conn.execute(LINK_AT, {"position": position}).scalar()


def last_position(engine: Engine) -> int:
    with engine.connect().execution_options(write=False) as conn:
        return conn.execute(LAST_POSITION).scalar_one()


class OutboxReader:
    """The projector's reads of new events, after every command: on one
    connection kept open (no pool checkout, no BEGIN/ROLLBACK per read: a good
    part of what a read costs), each a single statement in autocommit, so each
    sees everything committed before it. One connection per thread; ``close``
    gives it back."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._conn: Connection | None = None
        self._thread: int | None = None  # the thread that opened _conn

    def _connection(self) -> Connection:
        if self._conn is None or self._thread != threading.get_ident():
            self.close()
            self._conn = self.engine.connect().execution_options(write=None)
            self._thread = threading.get_ident()
        return self._conn

    def events_after(self, position: int, limit: int | None = None) -> list[StoredEvent]:
        """The events after ``position``, oldest first (at most ``limit``): from
        the outbox, and from its archive for a till that is far behind."""
        conn = self._connection()
        try:
            if limit:
                rows = conn.execute(EVENTS_AFTER_LIMITED, {"position": position, "limit": limit}).all()
            else:
                rows = conn.execute(EVENTS_AFTER, {"position": position}).all()
            if rows and rows[0][0] > position + 1:
                # A gap: the events between were archived (the outbox keeps
                # its newest events, so with no gap there is nothing to find).
                archived = conn.execute(ARCHIVED_EVENTS_AFTER, {"position": position, "until": rows[0][0]}).all()
                both = [*archived, *rows]
                rows = both[:limit] if limit else both
            conn.rollback()  # ends SQLAlchemy's transaction; nothing to undo in SQLite
        except BaseException:
            self.close()  # a fresh connection next time
            raise
        return _stored(rows)

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
    categories: Sequence[RowMapping]
    products: Sequence[RowMapping]
    orders: Sequence[RowMapping]
    lines: Sequence[RowMapping]
    movements: Sequence[RowMapping]
    customers: Sequence[RowMapping] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)  # key -> text, as kept in shop_setting
    payments: Sequence[RowMapping] = field(default_factory=list)
    returns: Sequence[RowMapping] = field(default_factory=list)
    return_lines: Sequence[RowMapping] = field(default_factory=list)
    refunds: Sequence[RowMapping] = field(default_factory=list)
    till_sessions: Sequence[RowMapping] = field(default_factory=list)
    cash_moves: Sequence[RowMapping] = field(default_factory=list)
    staff: Sequence[RowMapping] = field(default_factory=list)  # never the PIN hash
    drawer_opens: Sequence[RowMapping] = field(default_factory=list)
    undo_links: Sequence[dict] = field(default_factory=list)  # with what each undone event was about
    payment_reversals: Sequence[RowMapping] = field(default_factory=list)
    till_close_links: Sequence[RowMapping] = field(default_factory=list)


def read_snapshot(engine: Engine) -> Snapshot:
    # One transaction, one snapshot, so the rows and the position agree.
    with snapshot_connection(engine) as conn, conn.begin():
        position = conn.execute(select(func.coalesce(func.max(outbox.c.position), 0))).scalar_one()
        categories = conn.execute(select(category).order_by(category.c.id)).mappings().all()
        products = conn.execute(select(product).order_by(product.c.id)).mappings().all()
        orders = conn.execute(select(shop_order).order_by(shop_order.c.id)).mappings().all()
        lines = conn.execute(select(order_line).order_by(order_line.c.id)).mappings().all()
        movements = conn.execute(select(stock_movement).order_by(stock_movement.c.id)).mappings().all()
        customers = conn.execute(select(customer).order_by(customer.c.id)).mappings().all()
        settings = dict(conn.execute(select(shop_setting.c.key, shop_setting.c.value)).all())
        payments = conn.execute(select(payment).order_by(payment.c.id)).mappings().all()
        returns = conn.execute(select(order_return).order_by(order_return.c.id)).mappings().all()
        return_lines = conn.execute(select(order_return_line).order_by(order_return_line.c.id)).mappings().all()
        refunds = conn.execute(select(refund).order_by(refund.c.id)).mappings().all()
        till_sessions = conn.execute(select(till_session).order_by(till_session.c.id)).mappings().all()
        cash_moves = conn.execute(select(cash_move).order_by(cash_move.c.id)).mappings().all()
        staff_rows = read_staff(conn)
        drawer_opens = conn.execute(select(drawer_open).order_by(drawer_open.c.id)).mappings().all()
        undo_links = undo_links_with_subjects(conn)
        reversals = conn.execute(select(payment_reversal).order_by(payment_reversal.c.payment_id)).mappings().all()
        close_links = conn.execute(select(till_close_link).order_by(till_close_link.c.session_id)).mappings().all()
    return Snapshot(
        position,
        categories,
        products,
        orders,
        lines,
        movements,
        customers,
        settings,
        payments,
        returns,
        return_lines,
        refunds,
        till_sessions,
        cash_moves,
        staff_rows,
        drawer_opens,
        undo_links,
        reversals,
        close_links,
    )


def read_staff(conn: Connection) -> Sequence[RowMapping]:
    """The staff's rows, never their PIN hashes."""
    statement = select(staff.c.id, staff.c.name, staff.c.role, staff.c.active, staff.c.added_at).order_by(staff.c.id)
    return conn.execute(statement).mappings().all()
