"""Giving back a payment taken by mistake (ReversePayment): the same way it
was paid, out of this till's session; the order is placed again with that
amount due. History is kept: the payment stays, marked reversed."""

from sqlalchemy import insert, select, update

from core.domain import validation as valid
from core.domain.order_status import PAID, PLACED
from core.errors import InvalidCommand
from core.handlers import till
from core.handlers.settings import read_settings
from core.i18n import N_
from core.messages.commands import ReversePayment
from core.messages.events import PaymentReversed
from core.write_model.schema import payment, payment_reversal, shop_order
from core.write_model.unit_of_work import UnitOfWork


def reverse_payment(command: ReversePayment, uow: UnitOfWork) -> int:
    """Returns the order's number."""
    payment_id = valid.identifier(command.payment_id, "Payment number")
    conn = uow.conn
    row = conn.execute(select(payment).where(payment.c.id == payment_id)).mappings().first()
    if row is None:
        raise InvalidCommand(N_("There is no payment number {payment}.", payment=payment_id))
    order_id, amount, method = row["order_id"], row["amount_cents"], row["method"]
    money = read_settings(uow).money
    if conn.execute(select(payment_reversal.c.payment_id).where(payment_reversal.c.payment_id == payment_id)).first():
        raise InvalidCommand(
            N_("The payment of {amount} for order {order} was reversed already.", amount=money(amount), order=order_id)
        )
    # Conditional: a return, a fulfilment or a cancellation at another till
    # meanwhile makes it a matter for Returns instead.
    after = conn.execute(
        update(shop_order)
        .where(
            shop_order.c.id == order_id,
            shop_order.c.status.in_((PLACED, PAID)),
            shop_order.c.refunded_cents == 0,
            shop_order.c.paid_cents >= amount,
        )
        .values(paid_cents=shop_order.c.paid_cents - amount, status=PLACED)
        .returning(shop_order.c.paid_cents, shop_order.c.status)
    ).first()
    if after is None:
        raise InvalidCommand(
            N_(
                "Order {order} was handed over, cancelled or has items taken back: its payment of "
                "{amount} cannot be reversed; take the items back instead.",
                order=order_id,
                amount=money(amount),
            )
        )
    at = uow.now()
    session_id = till.session_for_money(uow)
    conn.execute(
        insert(payment_reversal).values(
            payment_id=payment_id,
            order_id=order_id,
            at=at,
            method=method,
            amount_cents=amount,
            session_id=session_id,
            staff_id=uow.who.staff_id,
        )
    )
    uow.record(
        PaymentReversed(
            payment_id=payment_id,
            order_id=order_id,
            at=at,
            method=method,
            amount_cents=amount,
            paid_cents=after.paid_cents,
            status=after.status,
            session_id=session_id,
        )
    )
    return order_id
