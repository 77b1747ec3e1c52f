"""Handlers that move stock outside orders: deliveries and corrections."""

from sqlalchemy import select, update

from core.domain import validation as valid
from core.domain.command_values import shown
from core.domain.stock_moves import MovementKind
from core.errors import InvalidCommand
from core.handlers.products_state import product_row
from core.handlers.stock_ledger import record_movements
from core.i18n import N_
from core.messages.commands import ADJUSTMENT_REASONS, AdjustStock, ReceiveStock
from core.messages.events import StockAdjusted, StockReceived
from core.write_model import statements as sql
from core.write_model.schema import product
from core.write_model.unit_of_work import UnitOfWork

MAX_NOTE_LENGTH = 200


def note(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidCommand(N_("A note must be text, not {value}.", value=shown(value)))
    value = " ".join(value.split())  # one line
    if len(value) > MAX_NOTE_LENGTH:
        raise InvalidCommand(
            N_("The note is too long (at most {MAX_NOTE_LENGTH} characters).", MAX_NOTE_LENGTH=MAX_NOTE_LENGTH)
        )
    return value


def receive_stock(command: ReceiveStock, uow: UnitOfWork) -> int:
    """Adds units to stock; returns the new stock level."""
    product_id = valid.identifier(command.product_id, N_("Product number"))
    quantity = valid.quantity(command.quantity)
    text = note(command.note)
    stock_after = uow.conn.execute(
        sql.RECEIVE_STOCK, {"product_id": product_id, "quantity": quantity, "max_stock": valid.MAX_QUANTITY}
    ).scalar()
    if stock_after is None:
        row = product_row(uow, product_id)  # raises UnknownProduct
        raise InvalidCommand(
            N_("Stock of {name} cannot go above {MAX_QUANTITY:,}.", name=row["name"], MAX_QUANTITY=valid.MAX_QUANTITY)
        )
    record_movements(
        uow,
        [
            {
                "product_id": product_id,
                "kind": MovementKind.RECEIVED,
                "quantity": quantity,
                "stock_after": stock_after,
                "note": text or None,
            }
        ],
    )
    uow.record(StockReceived(product_id=product_id, quantity=quantity, stock_after=stock_after, note=text))
    return stock_after


def adjust_stock(command: AdjustStock, uow: UnitOfWork) -> int:
    """Sets stock to a counted level or changes it by a signed amount, with a
    reason; returns the new stock level."""
    if command.reason not in ADJUSTMENT_REASONS:
        raise InvalidCommand(
            N_("Choose a reason for the adjustment: {choices}.", choices=", ".join(ADJUSTMENT_REASONS))
        )
    if (command.counted is None) == (command.change is None):
        raise InvalidCommand(N_("Give either the counted quantity or the change, not both."))
    text = note(command.note)
    # 42.0 == 42 in Python: without this a float would pass for the level seen.
    seen = None if command.seen_stock is None else valid.stock_level(command.seen_stock, N_("The stock seen"))
    row = product_row(uow, command.product_id)
    product_id = row["id"]
    if seen is not None and seen != row["stock"]:
        raise InvalidCommand(
            N_(
                "Stock of {name} changed from {seen} to {stock} while you counted; please count again.",
                name=row["name"],
                seen=seen,
                stock=row["stock"],
            )
        )
    if command.counted is not None:
        counted = valid.stock_level(command.counted, N_("Counted quantity"))
        # Conditional on the level we read: a sale at another till meanwhile
        # makes the count stale, and the person should count again.
        stock_after = uow.conn.execute(
            update(product)
            .where(product.c.id == product_id, product.c.stock == row["stock"])
            .values(stock=counted)
            .returning(product.c.stock)
        ).scalar()
        if stock_after is None:
            raise InvalidCommand(N_("Stock of {name} changed while you counted; please count again.", name=row["name"]))
        change = counted - row["stock"]
    else:
        change = valid.whole_number(command.change, "Change", minimum=-valid.MAX_QUANTITY, maximum=valid.MAX_QUANTITY)
        if change == 0:
            raise InvalidCommand(N_("A change of 0 changes nothing."))
        stock_after = uow.conn.execute(
            update(product)
            .where(
                product.c.id == product_id,
                product.c.stock + change >= 0,
                product.c.stock + change <= valid.MAX_QUANTITY,
            )
            .values(stock=product.c.stock + change)
            .returning(product.c.stock)
        ).scalar()
        if stock_after is None:
            available = uow.conn.execute(select(product.c.stock).where(product.c.id == product_id)).scalar_one()
            if available + change < 0:
                raise InvalidCommand(
                    N_(
                        "Only {available} of {name} in stock: cannot take away {change}.",
                        available=available,
                        name=row["name"],
                        change=-change,
                    )
                )
            raise InvalidCommand(
                N_(
                    "Stock of {name} cannot go above {MAX_QUANTITY:,}.",
                    name=row["name"],
                    MAX_QUANTITY=valid.MAX_QUANTITY,
                )
            )
    if change == 0:
        raise InvalidCommand(
            N_(
                "{name} already has {stock_after} in stock: nothing to adjust.",
                name=row["name"],
                stock_after=stock_after,
            )
        )
    record_movements(
        uow,
        [
            {
                "product_id": product_id,
                "kind": MovementKind.ADJUSTED,
                "quantity": change,
                "stock_after": stock_after,
                "reason": command.reason,
                "note": text or None,
            }
        ],
    )
    uow.record(
        StockAdjusted(product_id=product_id, change=change, stock_after=stock_after, reason=command.reason, note=text)
    )
    return stock_after
