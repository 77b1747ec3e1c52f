"""Handlers for orders: placing one prices it and takes stock; cancelling one
puts back what was not returned and refunds what was paid.

An order is placed, then paid (payments.py), then fulfilled; until it is
fulfilled it can be cancelled; once paid, items can be returned (returns.py).
"""

from sqlalchemy import select, update

from core.domain import order_lines
from core.domain import validation as valid
from core.domain.order_status import CANCELLED, PLACED, OrderAction, allowed_from, refusal
from core.domain.pricing import PriceLine, price_order
from core.domain.refunds import refund_method
from core.domain.stock_moves import MovementKind
from core.errors import InvalidTransition, OrderNotCancellable, OutOfStock, UnknownOrder
from core.handlers import stock_ledger, till
from core.handlers.customers import require_customer
from core.handlers.refunds import record_refunds
from core.handlers.settings import product_tax_rates, read_settings
from core.i18n import N_
from core.messages.commands import CancelOrder, PlaceOrder
from core.messages.events import OrderCancelled, OrderPlaced, Restocked, SoldLine
from core.write_model import locks
from core.write_model import statements as sql
from core.write_model.direct import pipelined
from core.write_model.schema import shop_order
from core.write_model.unit_of_work import AlreadyDone, UnitOfWork

# Products whose stock one statement takes (see place_order).
SELL_CHUNK = 32


def order_row(uow: UnitOfWork, order_id):
    """The order's row; UnknownOrder if there is none."""
    order_id = valid.identifier(order_id, N_("Order number"))
    # Locked (on PostgreSQL; SQLite's writer holds everything already): every
    # handler that changes an order takes it before its products, so a cancel
    # and a return of one order can never wait for each other in a circle.
    row = uow.conn.execute(sql.ORDER_FOR_UPDATE, {"order_id": order_id}).mappings().first()
    if row is None:
        raise UnknownOrder(N_("There is no order number {order_id}.", order_id=order_id))
    return row


def refuse(uow: UnitOfWork, order_id: int, action: OrderAction) -> InvalidTransition:
    """The error that says why ``action`` is not possible in the order's
    status (read again: another till may have changed it meanwhile)."""
    row = order_row(uow, order_id)
    due = read_settings(uow).money(row["total_cents"] - row["paid_cents"])
    message = refusal(action, row["status"], order_id, due)
    return (OrderNotCancellable if action == OrderAction.CANCEL else InvalidTransition)(message)


def _out_of_stock(name: str, product_id: int, available: int) -> OutOfStock:
    if available == 0:
        return OutOfStock(N_("{name} is out of stock.", name=name), product_id, 0)
    return OutOfStock(N_("Only {available} left of {name}.", available=available, name=name), product_id, available)


def _order_by_request(uow: UnitOfWork, request_id: str) -> int | None:
    return uow.conn.execute(select(shop_order.c.id).where(shop_order.c.request_id == request_id)).scalar()


def _insert_order(uow: UnitOfWork, values: dict) -> int:
    conn = uow.conn
    statement = sql.insert_order(conn.dialect.name)
    if locks.is_postgres(conn):
        # The order number: taken under the ORDERS lock, held to COMMIT
        # (statements.insert_order says why), the lock and the row in one round trip.
        _locked, inserted = pipelined(conn, [(locks.LOCK, {"key": locks.ORDERS}), (statement, values)])
    else:
        inserted = statement.rows(conn, values)
    if inserted:
        return inserted[0][0]
    # Another till placed this very request since we looked: its order is the answer.
    existing = _order_by_request(uow, values["request_id"])
    if existing is None:  # the conflict was there, so the order is: never
        raise AssertionError("an order's request id conflicted with no order")
    raise AlreadyDone(existing)


def _refuse_sale(uow: UnitOfWork, wanted: dict, taken: dict) -> None:
    """Raise why an order could not take all its stock: what QuoteOrder would
    say (order_lines.sellable_line, product by product), else the first
    product with too few."""
    rows = {row.id: row for row in uow.conn.execute(sql.PRODUCT_STATES, {"ids": sorted(wanted)})}
    for product_id in sorted(wanted):
        order_lines.sellable_line(product_id, rows.get(product_id), wanted[product_id])
    short = min(product_id for product_id in wanted if product_id not in taken)
    raise _out_of_stock(rows[short].name, short, rows[short].stock)


def category_paths(uow: UnitOfWork, category_ids) -> dict[int, str]:
    """Each category's full path ("Home/Kitchen/Mugs"), kept with a sold
    line so reports group it as it was filed when sold."""
    tree = uow.cached(
        "category_names",
        lambda: {cid: (parent, name) for cid, parent, name in uow.conn.execute(sql.CATEGORY_NAME_TREE)},
    )
    paths = {}
    for category_id in category_ids:
        names: list[str] = []
        at = category_id
        while at is not None and len(names) <= len(tree):  # a cycle cannot loop forever
            parent, name = tree[at]
            names.append(name)
            at = parent
        paths[category_id] = "/".join(reversed(names))
    return paths


def place_order(command: PlaceOrder, uow: UnitOfWork) -> int:
    request_id = order_lines.request_id(command.request_id)
    if request_id is not None:
        existing = _order_by_request(uow, request_id)
        if existing is not None:
            raise AlreadyDone(existing)  # a repeated request: the same order, nothing new
    wanted = order_lines.grouped_lines(command.lines)
    order_discount = order_lines.discount(command.order_discount, N_("The order discount"))
    customer_id = None if command.customer_id is None else require_customer(uow, command.customer_id)
    conn = uow.conn
    ids = sorted(wanted)
    postgres = locks.is_postgres(conn)  # rows then locked in id order by the same statement
    # Stock first, in statements that also read what pricing needs: the
    # database decides, so two tills can never both take the last unit. One
    # statement per SELL_CHUNK products: a statement's CASE is looked through
    # for every row it updates, so one statement for all the lines would cost
    # the square of their number.
    taken: dict[int, sql.SoldProduct] = {}
    for start in range(0, len(ids), SELL_CHUNK):
        chunk = ids[start : start + SELL_CHUNK]
        params = {}
        for i, product_id in enumerate(chunk):
            params[f"p{i}"], params[f"q{i}"] = product_id, sum(quantity for quantity, _d in wanted[product_id])
        sold_rows = sql.sell_stock(len(chunk), postgres).rows(conn, params)
        taken.update((row[0], sql.SoldProduct._make(row)) for row in sold_rows)
    if len(taken) < len(ids):
        _refuse_sale(uow, wanted, taken)  # raises; the transaction rolls back what was taken
    chosen = [(taken[i], *order_lines.merged_line(taken[i].name, wanted[i])) for i in ids]
    settings = read_settings(uow)
    rates = product_tax_rates(uow, [row for row, _q, _d in chosen], settings.default_tax_rate_bp)
    priced = price_order(
        [PriceLine(row.price_cents, quantity, rates[row.id], discount) for row, quantity, discount in chosen],
        order_discount,
        settings.prices_include_tax,
    )

    paths = category_paths(uow, {row.category_id for row, _q, _d in chosen})
    placed_at = uow.now()
    session_id = till.session_for_money(uow)
    order_id = _insert_order(
        uow,
        {
            "placed_at": placed_at,
            "status": PLACED,
            "total_cents": priced.total,
            "customer_id": customer_id,
            "request_id": request_id,
            "prices_include_tax": settings.prices_include_tax,
            "subtotal_cents": priced.subtotal,
            "discount_cents": priced.discount_total,
            "tax_cents": priced.tax_total,
            "discount_kind": order_discount.kind if order_discount else None,
            "discount_value": order_discount.value if order_discount else None,
            "staff_id": uow.who.staff_id,
            "till": uow.who.till,
            "session_id": session_id,
            "staff_name": uow.who.staff_name,
        },
    )
    sold = [
        SoldLine(
            product_id=row.id,
            sku=row.sku,
            name=row.name,
            quantity=quantity,
            unit_price_cents=row.price_cents,
            stock_after=row.stock,
            discount=discount,
            line_discount_cents=line.line_discount,
            order_discount_cents=line.order_discount_share,
            tax_rate_bp=rates[row.id],
            tax_cents=line.tax,
            cost_price_cents=row.cost_price_cents,
            category_id=row.category_id,
            category_path=paths[row.category_id],
        )
        for (row, quantity, discount), line in zip(chosen, priced.lines)
    ]
    # Written with the COMMIT's first round trip on PostgreSQL (nothing reads them before).
    uow.write_later(
        sql.INSERT_ORDER_LINES,
        [
            {
                "order_id": order_id,
                "product_id": s.product_id,
                "sku": s.sku,
                "name": s.name,
                "quantity": s.quantity,
                "unit_price_cents": s.unit_price_cents,
                "discount_kind": s.discount.kind if s.discount else None,
                "discount_value": s.discount.value if s.discount else None,
                "line_discount_cents": s.line_discount_cents,
                "order_discount_cents": s.order_discount_cents,
                "tax_rate_bp": s.tax_rate_bp,
                "tax_cents": s.tax_cents,
                "cost_price_cents": s.cost_price_cents,
                "category_id": s.category_id,
                "category_path": s.category_path,
            }
            for s in sold
        ],
    )
    stock_ledger.record_movements(
        uow,
        later=True,
        movements=[
            {
                "product_id": s.product_id,
                "kind": MovementKind.SOLD,
                "quantity": -s.quantity,
                "stock_after": s.stock_after,
                "order_id": order_id,
            }
            for s in sold
        ],
    )
    uow.record(
        OrderPlaced(
            order_id=order_id,
            placed_at=placed_at,
            total_cents=priced.total,
            lines=tuple(sold),
            customer_id=customer_id,
            prices_include_tax=settings.prices_include_tax,
            subtotal_cents=priced.subtotal,
            discount_cents=priced.discount_total,
            tax_cents=priced.tax_total,
            order_discount=order_discount,
            session_id=session_id,
            staff_name=uow.who.staff_name,
        )
    )
    return order_id


def cancel_order(command: CancelOrder, uow: UnitOfWork) -> None:
    order_id = order_row(uow, command.order_id)["id"]
    method = refund_method(command.refund_method)
    conn = uow.conn
    cancelled_at = uow.now()
    # Conditional, like taking stock: of two tills cancelling at once, one
    # wins. Whatever was paid and not yet refunded is refunded now.
    money = conn.execute(
        update(shop_order)
        .where(shop_order.c.id == order_id, shop_order.c.status.in_(allowed_from(OrderAction.CANCEL)))
        .values(
            status=CANCELLED,
            cancelled_at=cancelled_at,
            cancelled_by=uow.who.staff_id,
            refunded_cents=shop_order.c.paid_cents,
            cancel_refund_cents=shop_order.c.paid_cents - shop_order.c.refunded_cents,
        )
        .returning(shop_order.c.refunded_cents, shop_order.c.cancel_refund_cents)
    ).first()
    if money is None:
        raise refuse(uow, order_id, OrderAction.CANCEL)
    # Money going back needs the till's session (opened by itself if need be).
    refund = money.cancel_refund_cents
    session_id = till.session_for_money(uow) if refund else till.open_session_if_any(uow)
    conn.execute(
        update(shop_order)
        .where(shop_order.c.id == order_id)
        .values(cancel_session_id=session_id, cancel_approved_by=uow.who.approved_by)
    )
    refunds = record_refunds(uow, order_id, refund, method, session_id)
    # Units already returned are back in stock: only the rest goes back now.
    lines = conn.execute(sql.UNRETURNED_LINES_OF_ORDER, {"order_id": order_id}).all()
    restocked = []
    for product_id, quantity in lines:
        if quantity <= 0:
            continue
        stock_after = conn.execute(sql.PUT_BACK_STOCK, {"product_id": product_id, "quantity": quantity}).scalar_one()
        restocked.append(Restocked(product_id=product_id, quantity=quantity, stock_after=stock_after))
    stock_ledger.record_movements(
        uow,
        [
            {
                "product_id": r.product_id,
                "kind": MovementKind.ORDER_CANCELLED,
                "quantity": r.quantity,
                "stock_after": r.stock_after,
                "order_id": order_id,
            }
            for r in restocked
        ],
    )
    uow.record(
        OrderCancelled(
            order_id=order_id,
            cancelled_at=cancelled_at,
            restocked=tuple(restocked),
            refund_cents=money.cancel_refund_cents,
            refunded_cents=money.refunded_cents,
            refunds=refunds,
            session_id=session_id,
        )
    )
