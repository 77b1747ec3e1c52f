"""ReturnItems: units of a paid order come back to stock and their share of
what was paid goes back to the customer.

A line's refund is its total (what the customer paid for it, discounts and
tax included) spread over its units by largest remainder: 3 units for 1000
refund 334, 333 and 333, one after another, so returning every unit, in any
number of returns, gives back exactly what the line cost. The database keeps
count of the units returned and refuses more than were sold (``UPDATE ...
WHERE returned_quantity + :q <= quantity``), as it refuses to oversell.
"""

from sqlalchemy import insert, select, update

from core.domain import validation as valid
from core.domain.command_values import shown
from core.domain.order_status import OrderAction, allowed_from, allows
from core.domain.pricing import unit_share
from core.domain.refunds import refund_method
from core.domain.stock_moves import MovementKind
from core.errors import InvalidCommand
from core.handlers import stock_ledger, till
from core.handlers.orders import order_row, refuse
from core.handlers.refunds import record_refunds
from core.handlers.stock import note as one_line_note
from core.i18n import N_
from core.messages.commands import RETURN_REASONS, ReturnItems, ReturnLine
from core.messages.events import ItemsReturned, ReturnedLine
from core.results import ReturnOutcome
from core.write_model.schema import order_line, order_return, order_return_line, product, shop_order
from core.write_model.unit_of_work import UnitOfWork, inserted_id


def _wanted(lines) -> dict[int, int]:
    if not isinstance(lines, (tuple, list)):
        raise InvalidCommand(N_("A return's lines must be a list of return lines."))
    wanted: dict[int, int] = {}
    for line in lines:
        if not isinstance(line, ReturnLine):
            raise InvalidCommand(N_("Not a return line: {value}.", value=shown(line)))
        product_id = valid.identifier(line.product_id, N_("Product number"))
        wanted[product_id] = wanted.get(product_id, 0) + valid.quantity(line.quantity)
    if not wanted:
        raise InvalidCommand(N_("Choose at least one item to return."))
    return wanted


def _product_name(uow: UnitOfWork, product_id: int) -> str:
    name = uow.conn.execute(select(product.c.name).where(product.c.id == product_id)).scalar()
    return name or f"product number {product_id}"


def return_items(command: ReturnItems, uow: UnitOfWork) -> ReturnOutcome:
    order = order_row(uow, command.order_id)
    order_id = order["id"]
    wanted = _wanted(command.lines)
    if command.reason not in RETURN_REASONS:
        raise InvalidCommand(N_("Choose a reason for the return: {choices}.", choices=", ".join(RETURN_REASONS)))
    text = one_line_note(command.note)
    method = refund_method(command.refund_method)
    if not allows(order["status"], OrderAction.RETURN):
        raise refuse(uow, order_id, OrderAction.RETURN)
    conn = uow.conn
    sold = {
        row["product_id"]: row
        for row in conn.execute(select(order_line).where(order_line.c.order_id == order_id)).mappings()
    }

    returned: list[tuple[int, ReturnedLine]] = []  # (order line id, line)
    for product_id in sorted(wanted):
        quantity = wanted[product_id]
        line = sold.get(product_id)
        if line is None:
            raise InvalidCommand(
                N_(
                    "Order {order_id} has no {product_name}.",
                    order_id=order_id,
                    product_name=_product_name(uow, product_id),
                )
            )
        # The database counts: never more units back than were sold, however many returns.
        after = conn.execute(
            update(order_line)
            .where(order_line.c.id == line["id"], order_line.c.returned_quantity + quantity <= order_line.c.quantity)
            .values(returned_quantity=order_line.c.returned_quantity + quantity)
            .returning(order_line.c.returned_quantity)
        ).scalar()
        if after is None:
            left = conn.execute(
                select(order_line.c.quantity - order_line.c.returned_quantity).where(order_line.c.id == line["id"])
            ).scalar_one()
            if left == 0:
                raise InvalidCommand(
                    N_(
                        "Every {name} from order {order_id} has already been returned.",
                        name=line["name"],
                        order_id=order_id,
                    )
                )
            raise InvalidCommand(
                N_(
                    "Only {left} of {name} from order {order_id} can still be returned.",
                    left=left,
                    name=line["name"],
                    order_id=order_id,
                )
            )
        before = after - quantity
        net = line["quantity"] * line["unit_price_cents"] - line["line_discount_cents"] - line["order_discount_cents"]
        paid_for_line = net if order["prices_include_tax"] else net + line["tax_cents"]
        refund = unit_share(paid_for_line, line["quantity"], before, after)
        tax = unit_share(line["tax_cents"], line["quantity"], before, after)
        line_refunded = conn.execute(
            update(order_line)
            .where(order_line.c.id == line["id"])
            .values(refunded_cents=order_line.c.refunded_cents + refund)
            .returning(order_line.c.refunded_cents)
        ).scalar_one()
        stock_after = conn.execute(
            update(product)
            .where(product.c.id == product_id)
            .values(stock=product.c.stock + quantity)
            .returning(product.c.stock)
        ).scalar_one()
        returned.append(
            (
                line["id"],
                ReturnedLine(
                    product_id=product_id,
                    quantity=quantity,
                    refund_cents=refund,
                    tax_cents=tax,
                    returned_quantity=after,
                    refunded_cents=line_refunded,
                    stock_after=stock_after,
                ),
            )
        )

    refund_total = sum(r.refund_cents for _id, r in returned)
    refunded = conn.execute(
        update(shop_order)
        .where(
            shop_order.c.id == order_id,
            shop_order.c.status.in_(allowed_from(OrderAction.RETURN)),
            shop_order.c.refunded_cents + refund_total <= shop_order.c.paid_cents,
        )
        .values(refunded_cents=shop_order.c.refunded_cents + refund_total)
        .returning(shop_order.c.refunded_cents)
    ).scalar()
    if refunded is None:  # cancelled by another till meanwhile
        raise refuse(uow, order_id, OrderAction.RETURN)
    at = uow.now()
    # Money going back needs the till's session (opened by itself if need be).
    session_id = till.session_for_money(uow) if refund_total else till.open_session_if_any(uow)
    return_id = inserted_id(
        conn.execute(
            insert(order_return).values(
                order_id=order_id,
                at=at,
                reason=command.reason,
                note=text or None,
                refund_cents=refund_total,
                staff_id=uow.who.staff_id,
                session_id=session_id,
                approved_by=uow.who.approved_by,
            )
        )
    )
    conn.execute(
        insert(order_return_line),
        [
            {
                "return_id": return_id,
                "order_line_id": line_id,
                "product_id": r.product_id,
                "quantity": r.quantity,
                "refund_cents": r.refund_cents,
                "tax_cents": r.tax_cents,
            }
            for line_id, r in returned
        ],
    )
    stock_ledger.record_movements(
        uow,
        [
            {
                "product_id": r.product_id,
                "kind": MovementKind.RETURNED,
                "quantity": r.quantity,
                "stock_after": r.stock_after,
                "reason": command.reason,
                "note": text or None,
                "order_id": order_id,
            }
            for _id, r in returned
        ],
    )
    uow.record(
        ItemsReturned(
            return_id=return_id,
            order_id=order_id,
            at=at,
            reason=command.reason,
            note=text,
            refund_cents=refund_total,
            refunded_cents=refunded,
            lines=tuple(r for _id, r in returned),
            refunds=record_refunds(uow, order_id, refund_total, method, session_id, return_id),
            session_id=session_id,
        )
    )
    return ReturnOutcome(return_id=return_id, refund_cents=refund_total)
