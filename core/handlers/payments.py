"""Handlers that move an order on: taking payment, fulfilling it."""

from sqlalchemy import case, insert, update

from core.domain import validation as valid
from core.domain.order_status import FULFILLED, PAID, OrderAction, allowed_from, allows
from core.errors import InvalidCommand
from core.handlers import till
from core.handlers.orders import order_row, refuse
from core.handlers.settings import read_settings
from core.i18n import N_
from core.messages.commands import CASH, PAYMENT_METHODS, FulfilOrder, RecordPayment
from core.messages.events import OrderFulfilled, PaymentRecorded
from core.results import PaymentOutcome
from core.write_model.schema import payment, shop_order
from core.write_model.unit_of_work import UnitOfWork, inserted_id

# An order may total more than the dearest product (many of them): a payment
# is bounded by what is due, and this only keeps the sums far inside BIGINT.
MAX_PAYMENT_CENTS = 10**15


def record_payment(command: RecordPayment, uow: UnitOfWork) -> PaymentOutcome:
    order = order_row(uow, command.order_id)
    order_id = order["id"]
    method = command.method
    if method not in PAYMENT_METHODS:
        raise InvalidCommand(N_("Choose how the order is paid: cash, card or other."))
    amount = valid.whole_number(command.amount_cents, "The amount paid", minimum=0, maximum=MAX_PAYMENT_CENTS)
    tendered = command.tendered_cents
    if tendered is not None:
        if method != CASH:
            raise InvalidCommand(N_("Only a cash payment has an amount tendered."))
        tendered = valid.whole_number(tendered, "The amount tendered", minimum=0, maximum=MAX_PAYMENT_CENTS)
    if not allows(order["status"], OrderAction.PAY):
        raise refuse(uow, order_id, OrderAction.PAY)
    money = read_settings(uow).money
    due = order["total_cents"] - order["paid_cents"]
    if amount > due:
        raise InvalidCommand(
            N_(
                "Order {order_id} has only {money} left to pay, not {money2}.",
                order_id=order_id,
                money=money(due),
                money2=money(amount),
            )
        )
    if amount == 0 and due > 0:
        raise InvalidCommand(N_("Enter the amount paid: {money} is due.", money=money(due)))
    if method == CASH:
        if tendered is None:
            tendered = amount  # the exact money
        elif tendered < amount:
            raise InvalidCommand(
                N_("The cash tendered ({money}) does not cover {money2}.", money=money(tendered), money2=money(amount))
            )
        change = tendered - amount
    else:
        change = None

    # Conditional, so that two tills cannot both take the last payment.
    paid = shop_order.c.paid_cents + amount
    after = uow.conn.execute(
        update(shop_order)
        .where(
            shop_order.c.id == order_id,
            shop_order.c.status.in_(allowed_from(OrderAction.PAY)),
            paid <= shop_order.c.total_cents,
        )
        .values(paid_cents=paid, status=case((paid == shop_order.c.total_cents, PAID), else_=shop_order.c.status))
        .returning(shop_order.c.paid_cents, shop_order.c.status, shop_order.c.total_cents)
    ).first()
    if after is None:
        raise refuse(uow, order_id, OrderAction.PAY)
    at = uow.now()
    session_id = till.session_for_money(uow)
    payment_id = inserted_id(
        uow.conn.execute(
            insert(payment).values(
                order_id=order_id,
                at=at,
                method=method,
                amount_cents=amount,
                tendered_cents=tendered,
                change_cents=change,
                staff_id=uow.who.staff_id,
                session_id=session_id,
            )
        )
    )
    uow.record(
        PaymentRecorded(
            payment_id=payment_id,
            order_id=order_id,
            at=at,
            method=method,
            amount_cents=amount,
            tendered_cents=tendered,
            change_cents=change,
            paid_cents=after.paid_cents,
            status=after.status,
            session_id=session_id,
        )
    )
    return PaymentOutcome(
        payment_id=payment_id,
        change_cents=change or 0,
        due_cents=after.total_cents - after.paid_cents,
        status=after.status,
    )


def fulfil_order(command: FulfilOrder, uow: UnitOfWork) -> None:
    order_id = order_row(uow, command.order_id)["id"]
    fulfilled_at = uow.now()
    changed = uow.conn.execute(
        update(shop_order)
        .where(shop_order.c.id == order_id, shop_order.c.status.in_(allowed_from(OrderAction.FULFIL)))
        .values(status=FULFILLED, fulfilled_at=fulfilled_at, fulfilled_by=uow.who.staff_id)
    ).rowcount
    if changed != 1:
        raise refuse(uow, order_id, OrderAction.FULFIL)
    uow.record(OrderFulfilled(order_id=order_id, fulfilled_at=fulfilled_at))
