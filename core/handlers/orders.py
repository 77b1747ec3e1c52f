"""Handlers for orders: placing one takes stock, cancelling one puts it back."""

from sqlalchemy import insert, select, update

from core.commands import CancelOrder, OrderLine, PlaceOrder
from core.errors import InvalidCommand, OrderNotCancellable, OutOfStock, UnknownOrder, UnknownProduct
from core.events import OrderCancelled, OrderPlaced, Restocked, SoldLine
from core.handlers import validation as valid
from core.handlers import stock_ledger
from core.write_model.schema import order_line, product, shop_order
from core.write_model.unit_of_work import UnitOfWork

PLACED = "placed"
CANCELLED = "cancelled"


def _merged_lines(lines) -> dict[int, int]:
    """Quantities by product id, lines naming one product added together."""
    if not isinstance(lines, (tuple, list)):
        raise InvalidCommand("An order's lines must be a list of order lines.")
    merged: dict[int, int] = {}
    for line in lines:
        if not isinstance(line, OrderLine):
            raise InvalidCommand(f"Not an order line: {line!r}.")
        product_id = valid.identifier(line.product_id, "Product number")
        merged[product_id] = merged.get(product_id, 0) + valid.quantity(line.quantity)
    for quantity in merged.values():
        valid.quantity(quantity)
    return merged


def _out_of_stock(name: str, product_id: int, available: int) -> OutOfStock:
    if available == 0:
        return OutOfStock(f"{name} is out of stock.", product_id, 0)
    return OutOfStock(f"Only {available} left of {name}.", product_id, available)


def place_order(command: PlaceOrder, uow: UnitOfWork) -> int:
    wanted = _merged_lines(command.lines)
    if not wanted:
        raise InvalidCommand("The order is empty: add at least one product.")
    sold: list[SoldLine] = []
    # Ascending ids: two tills always lock rows in the same order (no deadlock
    # on a server database).
    for product_id in sorted(wanted):
        quantity = wanted[product_id]
        row = uow.conn.execute(
            select(product.c.sku, product.c.name, product.c.price_cents, product.c.stock, product.c.active)
            .where(product.c.id == product_id)).first()
        if row is None:
            raise UnknownProduct(f"There is no product number {product_id}.")
        if not row.active:
            raise InvalidCommand(f"{row.name} is archived: restore it before selling it.")
        # The database decides: two tills can never both take the last unit.
        stock_after = uow.conn.execute(
            update(product)
            .where(product.c.id == product_id, product.c.stock >= quantity)
            .values(stock=product.c.stock - quantity)
            .returning(product.c.stock)).scalar()
        if stock_after is None:
            available = uow.conn.execute(
                select(product.c.stock).where(product.c.id == product_id)).scalar_one()
            raise _out_of_stock(row.name, product_id, available)
        sold.append(SoldLine(product_id=product_id, sku=row.sku, name=row.name, quantity=quantity,
                             unit_price_cents=row.price_cents, stock_after=stock_after))

    placed_at = uow.now()
    total_cents = sum(line.quantity * line.unit_price_cents for line in sold)
    order_id = uow.conn.execute(insert(shop_order).values(
        placed_at=placed_at, status=PLACED, total_cents=total_cents)).inserted_primary_key[0]
    uow.conn.execute(insert(order_line), [
        {"order_id": order_id, "product_id": line.product_id, "sku": line.sku, "name": line.name,
         "quantity": line.quantity, "unit_price_cents": line.unit_price_cents}
        for line in sold
    ])
    stock_ledger.record_movements(uow, [
        {"product_id": line.product_id, "kind": stock_ledger.SOLD, "quantity": -line.quantity,
         "stock_after": line.stock_after, "order_id": order_id} for line in sold])
    uow.record(OrderPlaced(order_id=order_id, placed_at=placed_at, total_cents=total_cents,
                           lines=tuple(sold)))
    return order_id


def cancel_order(command: CancelOrder, uow: UnitOfWork) -> None:
    order_id = valid.identifier(command.order_id, "Order number")
    status = uow.conn.execute(select(shop_order.c.status).where(shop_order.c.id == order_id)).scalar()
    if status is None:
        raise UnknownOrder(f"There is no order number {order_id}.")
    # Conditional, like taking stock: of two tills cancelling at once, one wins.
    changed = uow.conn.execute(
        update(shop_order).where(shop_order.c.id == order_id, shop_order.c.status == PLACED)
        .values(status=CANCELLED)).rowcount
    if changed != 1:
        raise OrderNotCancellable(f"Order {order_id} is already cancelled.")
    lines = uow.conn.execute(
        select(order_line.c.product_id, order_line.c.quantity)
        .where(order_line.c.order_id == order_id).order_by(order_line.c.product_id)).all()
    restocked = []
    for product_id, quantity in lines:
        stock_after = uow.conn.execute(
            update(product).where(product.c.id == product_id)
            .values(stock=product.c.stock + quantity).returning(product.c.stock)).scalar_one()
        restocked.append(Restocked(product_id=product_id, quantity=quantity, stock_after=stock_after))
    stock_ledger.record_movements(uow, [
        {"product_id": r.product_id, "kind": stock_ledger.CANCELLED, "quantity": r.quantity,
         "stock_after": r.stock_after, "order_id": order_id} for r in restocked])
    uow.record(OrderCancelled(order_id=order_id, cancelled_at=uow.now(), restocked=tuple(restocked)))
