"""Handlers for orders: placing one takes stock, cancelling one puts it back."""

from core.commands import CancelOrder, OrderLine, PlaceOrder
from core.errors import InvalidCommand, OrderNotCancellable, OutOfStock, UnknownOrder, UnknownProduct
from core.events import OrderCancelled, OrderPlaced, Restocked, SoldLine
from core.handlers import validation as valid
from core.write_model import statements as sql
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
    conn = uow.conn
    # Ascending ids: two tills always lock rows in the same order (no deadlock
    # on a server database).
    for product_id in sorted(wanted):
        quantity = wanted[product_id]
        # The database decides: two tills can never both take the last unit.
        # One round trip per line: the UPDATE returns the name and price too.
        taken = conn.execute(sql.TAKE_STOCK, {"product_id": product_id, "quantity": quantity}).first()
        if taken is None:
            row = conn.execute(sql.NAME_AND_STOCK, {"product_id": product_id}).first()
            if row is None:
                raise UnknownProduct(f"There is no product number {product_id}.")
            raise _out_of_stock(row.name, product_id, row.stock)
        sku, name, price_cents, stock_after = taken
        sold.append(SoldLine(product_id=product_id, sku=sku, name=name, quantity=quantity,
                             unit_price_cents=price_cents, stock_after=stock_after))

    placed_at = uow.now()
    total_cents = sum(line.quantity * line.unit_price_cents for line in sold)
    order_id = conn.execute(sql.INSERT_ORDER, {
        "placed_at": placed_at, "status": PLACED, "total_cents": total_cents}).inserted_primary_key[0]
    conn.execute(sql.INSERT_ORDER_LINES, [
        {"order_id": order_id, "product_id": line.product_id, "sku": line.sku, "name": line.name,
         "quantity": line.quantity, "unit_price_cents": line.unit_price_cents}
        for line in sold
    ])
    uow.record(OrderPlaced(order_id=order_id, placed_at=placed_at, total_cents=total_cents,
                           lines=tuple(sold)))
    return order_id


def cancel_order(command: CancelOrder, uow: UnitOfWork) -> None:
    order_id = valid.identifier(command.order_id, "Order number")
    conn = uow.conn
    status = conn.execute(sql.ORDER_STATUS, {"order_id": order_id}).scalar()
    if status is None:
        raise UnknownOrder(f"There is no order number {order_id}.")
    # Conditional, like taking stock: of two tills cancelling at once, one wins.
    changed = conn.execute(sql.CHANGE_ORDER_STATUS, {
        "order_id": order_id, "from_status": PLACED, "to_status": CANCELLED}).rowcount
    if changed != 1:
        raise OrderNotCancellable(f"Order {order_id} is already cancelled.")
    lines = conn.execute(sql.LINES_OF_ORDER, {"order_id": order_id}).all()
    restocked = []
    for product_id, quantity in lines:
        stock_after = conn.execute(
            sql.PUT_BACK_STOCK, {"product_id": product_id, "quantity": quantity}).scalar_one()
        restocked.append(Restocked(product_id=product_id, quantity=quantity, stock_after=stock_after))
    uow.record(OrderCancelled(order_id=order_id, cancelled_at=uow.now(), restocked=tuple(restocked)))
