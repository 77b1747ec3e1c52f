"""Refunds by method: a return's or a cancellation's money, split over the
ways the order was paid (core.domain.refunds), one row per method."""

from sqlalchemy import BigInteger, cast, func, insert, select

from core.domain.refunds import split_refund
from core.messages.events import RefundPart
from core.write_model.schema import payment, refund
from core.write_model.unit_of_work import UnitOfWork


# cast: PostgreSQL's sum of a BIGINT is a NUMERIC (a Decimal to Python); money stays int.
def paid_by_method(uow: UnitOfWork, order_id: int) -> dict[str, int]:
    """What the order's payments hold by method, less what went back that way."""
    conn = uow.conn
    paid: dict[str, int] = dict(
        conn.execute(
            select(payment.c.method, cast(func.sum(payment.c.amount_cents), BigInteger))
            .where(payment.c.order_id == order_id)
            .group_by(payment.c.method)
        ).all()
    )
    given: dict[str, int] = dict(
        conn.execute(
            select(refund.c.method, cast(func.sum(refund.c.amount_cents), BigInteger))
            .where(refund.c.order_id == order_id)
            .group_by(refund.c.method)
        ).all()
    )
    return {method: cents - given.get(method, 0) for method, cents in paid.items()}


def record_refunds(
    uow: UnitOfWork,
    order_id: int,
    amount_cents: int,
    method: str | None,
    session_id: int | None,
    return_id: int | None = None,
) -> tuple[RefundPart, ...]:
    """Give back ``amount_cents`` of the order by ``method`` (None: the way it
    was paid) in till session ``session_id``; one refund row per method.
    Returns the parts."""
    parts = split_refund(amount_cents, method, paid_by_method(uow, order_id) if method is None else {})
    if parts:
        at, who = uow.now(), uow.who
        uow.conn.execute(
            insert(refund),
            [
                {
                    "order_id": order_id,
                    "return_id": return_id,
                    "at": at,
                    "method": name,
                    "amount_cents": cents,
                    "session_id": session_id,
                    "staff_id": who.staff_id,
                }
                for name, cents in parts
            ],
        )
    return tuple(RefundPart(name, cents) for name, cents in parts)
