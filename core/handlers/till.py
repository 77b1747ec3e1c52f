"""Till sessions and the cash in the drawer: opening (with a float), pay-ins
and pay-outs, closing with the counted cash.

Every payment, refund, sale and cash move is stamped with this till's open
session in its own transaction; with none open, one opens by itself (float 0,
``opened_automatically``), so a shop that never opens its till still gets a
correct cash-up.
"""

from typing import cast

from sqlalchemy import bindparam, insert, select, update

from core.domain import validation as valid
from core.errors import InvalidCommand, TillAlreadyOpen, TillNotOpen
from core.handlers.stock import note as one_line_note
from core.i18n import N_
from core.messages.commands import CloseTill, OpenDrawer, OpenTill, PayIn, PayOut
from core.messages.events import CashMoved, DrawerOpened, TillClosed, TillFloatSet, TillOpened
from core.write_model.direct import Direct
from core.write_model.journal_chain import latest as latest_link_in
from core.write_model.schema import cash_move, drawer_open, till_close_link, till_session
from core.write_model.unit_of_work import UNKNOWN, UnitOfWork, inserted_id

# A drawer's float, count or cash move: bounded like a payment, far inside BIGINT.
MAX_CASH_CENTS = 10**15
MAX_REASON_LENGTH = 200


_OPEN = (till_session.c.till == bindparam("till"), till_session.c.closed_at.is_(None))
_OPEN_SESSION = select(
    till_session.c.id, till_session.c.opened_automatically, till_session.c.opening_float_cents
).where(*_OPEN)
# Every sale and payment asks for the session's id: built once, run on the
# driver (core/write_model/statements.py says why).
_OPEN_SESSION_ID = Direct(select(till_session.c.id).where(*_OPEN))


def _open_row(uow: UnitOfWork):
    return uow.conn.execute(_OPEN_SESSION, {"till": uow.who.till}).first()


def _open_id(uow: UnitOfWork) -> int | None:
    # Read with the transaction's first round trip (PostgreSQL). None is read
    # again: another process of this till may have opened one since, while
    # this command waited for its rows.
    known = uow.open_session
    if known is not UNKNOWN and known is not None:
        return cast(int, known)
    rows = _OPEN_SESSION_ID.rows(uow.conn, {"till": uow.who.till})
    return rows[0][0] if rows else None


def session_for_money(uow: UnitOfWork) -> int:
    """This till's open session, opened by itself (float 0) if none is."""
    session_id = _open_id(uow)
    return session_id if session_id is not None else _open(uow, 0, automatically=True)


def open_session_if_any(uow: UnitOfWork) -> int | None:
    """This till's open session, or None (nothing is opened for this)."""
    return _open_id(uow)


def _open(uow: UnitOfWork, float_cents: int, *, automatically: bool) -> int:
    who, at = uow.who, uow.now()
    session_id = inserted_id(
        uow.conn.execute(
            insert(till_session).values(
                till=who.till,
                opened_at=at,
                opened_by=who.staff_id,
                opened_by_name=who.staff_name,
                opening_float_cents=float_cents,
                opened_automatically=automatically,
            )
        )
    )
    uow.open_session = session_id
    uow.record(
        TillOpened(
            session_id=session_id,
            till=who.till,
            opened_at=at,
            opened_by=who.staff_id,
            opened_by_name=who.staff_name,
            opening_float_cents=float_cents,
            opened_automatically=automatically,
        )
    )
    return session_id


def _cents(value, label: str, minimum: int) -> int:
    return valid.whole_number(value, label, minimum=minimum, maximum=MAX_CASH_CENTS)


def open_till(command: OpenTill, uow: UnitOfWork) -> int:
    float_cents = _cents(command.opening_float_cents, N_("The float"), 0)
    row = _open_row(uow)
    if row is None:
        return _open(uow, float_cents, automatically=False)
    if not row.opened_automatically or row.opening_float_cents:
        raise TillAlreadyOpen(N_("{till} is already open: close it before opening it again.", till=uow.who.till))
    # It opened by itself (a sale or payment came first): the float counted now is its float.
    uow.conn.execute(update(till_session).where(till_session.c.id == row.id).values(opening_float_cents=float_cents))
    uow.record(TillFloatSet(session_id=row.id, opening_float_cents=float_cents))
    return row.id


def close_till(command: CloseTill, uow: UnitOfWork) -> int:
    counted = _cents(command.counted_cash_cents, N_("The counted cash"), 0)
    text = one_line_note(command.note)
    row = _open_row(uow)
    if row is None:
        raise TillNotOpen(N_("{till} is not open: there is nothing to close.", till=uow.who.till))
    who, at = uow.who, uow.now()
    uow.conn.execute(
        update(till_session)
        .where(till_session.c.id == row.id, till_session.c.closed_at.is_(None))
        .values(
            closed_at=at, closed_by=who.staff_id, closed_by_name=who.staff_name, counted_cash_cents=counted, note=text
        )
    )
    # The journal as it stands now (this transaction holds the write lock,
    # so nothing is recorded between): the Z report prints it for good.
    journal_position, journal_link = latest_link_in(uow.conn)
    uow.conn.execute(insert(till_close_link).values(session_id=row.id, position=journal_position, link=journal_link))
    uow.open_session = None
    uow.record(
        TillClosed(
            session_id=row.id,
            closed_at=at,
            closed_by=who.staff_id,
            closed_by_name=who.staff_name,
            counted_cash_cents=counted,
            note=text,
            journal_position=journal_position,
            journal_link=journal_link,
        )
    )
    return row.id


def _move(uow: UnitOfWork, kind: str, amount, reason) -> int:
    amount = _cents(amount, N_("The amount"), 1)
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidCommand("Say why the cash goes " + ("in." if kind == "in" else "out."))
    reason = " ".join(reason.split())
    if len(reason) > MAX_REASON_LENGTH:
        raise InvalidCommand(
            N_("The reason is too long (at most {MAX_REASON_LENGTH} characters).", MAX_REASON_LENGTH=MAX_REASON_LENGTH)
        )
    session_id = session_for_money(uow)
    who, at = uow.who, uow.now()
    move_id = inserted_id(
        uow.conn.execute(
            insert(cash_move).values(
                session_id=session_id,
                at=at,
                kind=kind,
                amount_cents=amount,
                reason=reason,
                staff_id=who.staff_id,
                staff_name=who.staff_name,
            )
        )
    )
    uow.record(
        CashMoved(
            move_id=move_id,
            session_id=session_id,
            at=at,
            kind=kind,
            amount_cents=amount,
            reason=reason,
            staff_id=who.staff_id,
            staff_name=who.staff_name,
        )
    )
    return move_id


def pay_in(command: PayIn, uow: UnitOfWork) -> int:
    return _move(uow, "in", command.amount_cents, command.reason)


def pay_out(command: PayOut, uow: UnitOfWork) -> int:
    return _move(uow, "out", command.amount_cents, command.reason)


def open_drawer(command: OpenDrawer, uow: UnitOfWork) -> int:
    """Record a "No sale" in this till's session (opened by itself if none
    is: the drawer belongs to a session's cash-up); the window kicks the
    drawer once this is stored."""
    session_id = session_for_money(uow)
    who, at = uow.who, uow.now()
    open_id = inserted_id(
        uow.conn.execute(
            insert(drawer_open).values(session_id=session_id, at=at, staff_id=who.staff_id, staff_name=who.staff_name)
        )
    )
    uow.record(
        DrawerOpened(open_id=open_id, session_id=session_id, at=at, staff_id=who.staff_id, staff_name=who.staff_name)
    )
    return open_id
