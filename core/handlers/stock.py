"""Handlers that move stock outside orders."""

from core.commands import ReceiveStock
from core.errors import UnknownProduct
from core.events import StockReceived
from core.handlers import validation as valid
from core.write_model import statements as sql
from core.write_model.unit_of_work import UnitOfWork


def receive_stock(command: ReceiveStock, uow: UnitOfWork) -> int:
    """Adds units to stock; returns the new stock level."""
    product_id = valid.identifier(command.product_id, "Product number")
    quantity = valid.quantity(command.quantity)
    stock_after = uow.conn.execute(
        sql.PUT_BACK_STOCK, {"product_id": product_id, "quantity": quantity}).scalar()
    if stock_after is None:
        raise UnknownProduct(f"There is no product number {product_id}.")
    uow.record(StockReceived(product_id=product_id, quantity=quantity, stock_after=stock_after))
    return stock_after
