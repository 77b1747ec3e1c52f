"""Undo and redo of a till's last action, by commands that compensate it:
history is never deleted. Received stock goes out again as a correction, an
adjustment is reversed, a product or category gets its previous values back,
a placed and unpaid order is cancelled. Each undo records the compensation's
events and then ActionUndone, naming the event it reverses.

The world may have moved on: stock received and partly sold, a product
edited again at another till. Then the undo is refused with a sentence and
nothing changes (the same optimistic checks as AdjustStock's).

Who may: the role of the compensating command (a cashier's undo of a sale is
a cancellation: a manager approves it), unless it is the same person's own
action in this till's open session.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import insert, select, update

from core.domain.order_status import FULFILLED, PAID, PLACED
from core.domain.payment_methods import CARD, CASH, OTHER
from core.domain.permissions import may, refusal
from core.domain.stock_moves import MovementKind
from core.errors import InvalidCommand, NotAllowed
from core.handlers import categories, orders, products, reversals, stock
from core.handlers.permissions import acting_role, roster
from core.handlers.products_state import product_event_state, product_row
from core.handlers.settings import read_settings
from core.handlers.stock_ledger import record_movements
from core.i18n import N_, Text
from core.messages.commands import (
    CancelOrder,
    MoveCategory,
    ReceiveStock,
    RedoAction,
    RenameCategory,
    ReversePayment,
    UndoAction,
    UpdateProduct,
)
from core.messages.events import (
    ActionRedone,
    ActionUndone,
    CategoryMoved,
    CategoryRenamed,
    Event,
    OrderPlaced,
    PaymentRecorded,
    ProductUpdated,
    StockAdjusted,
    StockReceived,
)
from core.write_model.schema import category, product, shop_order, till_session, undo_link
from core.write_model.undo_log import Recorded, last_action, last_undo, state_before, subject_of
from core.write_model.unit_of_work import UnitOfWork

UNDO_NOTE = "Undo"
TAKE_AGAIN = N_("A reversed payment is not taken again by Redo: take it from the Orders tab.")
REDO_NOTE = "Redo"
PRODUCT_FIELDS = (
    "sku",
    "name",
    "category_id",
    "price_cents",
    "barcode",
    "reorder_level",
    "cost_price_cents",
    "tax_rate_bp",
    "active",
)
PRODUCT_EVENTS = ("ProductAdded", "ProductUpdated")

# What other actions are called when they cannot be undone.
_METHOD_WORDS = {CASH: N_("cash"), CARD: N_("card"), OTHER: N_("other")}
ACTION_WORDS = {
    "CategoryAdded": N_("adding a category"),
    "CategoryDeleted": N_("deleting a category"),
    "ProductAdded": N_("adding a product"),
    "ProductDeleted": N_("deleting a product"),
    "CategoryTaxRateSet": N_("setting a category's tax rate"),
    "PaymentRecorded": N_("taking a payment"),
    "OrderFulfilled": N_("fulfilling an order"),
    "OrderCancelled": N_("cancelling an order"),
    "ItemsReturned": N_("taking items back"),
    "CustomerAdded": N_("adding a customer"),
    "CustomerUpdated": N_("changing a customer"),
    "ShopSettingsUpdated": N_("changing the shop's settings"),
    "StaffAdded": N_("adding staff"),
    "StaffUpdated": N_("changing staff details"),
    "TillOpened": N_("opening the till"),
    "TillFloatSet": N_("counting the float"),
    "TillClosed": N_("closing the till"),
    "CashMoved": N_("paying cash in or out"),
}


@dataclass(frozen=True)
class Offer:
    """What Edit > Undo (or Redo) would do now. ``position``: the event to
    name in UndoAction / RedoAction (None: nothing can be done, and
    ``refusal`` says why, or there is nothing at all when it is None too)."""

    position: int | None
    description: str = ""
    refusal: str | None = None


# -- describing ---------------------------------------------------------------------------
def _product_name(uow: UnitOfWork, product_id: int) -> str:
    return product_row(uow, product_id)["name"]


def _category_name(uow: UnitOfWork, category_id: int) -> str:
    name = uow.conn.execute(select(category.c.name).where(category.c.id == category_id)).scalar()
    return name if name is not None else f"category {category_id}"


def describe(uow: UnitOfWork, event: Event) -> Text:
    """The action in a few words, as the menu item names it after "Undo"."""
    if isinstance(event, StockReceived):
        return N_("receive {quantity:,} × {name}", quantity=event.quantity, name=_product_name(uow, event.product_id))
    if isinstance(event, StockAdjusted):
        return N_(
            "stock adjustment {change:+,} × {name}", change=event.change, name=_product_name(uow, event.product_id)
        )
    if isinstance(event, ProductUpdated):
        return N_("changes to {name}", name=event.name)
    if isinstance(event, CategoryRenamed):
        return N_("rename to “{name}”", name=event.name)
    if isinstance(event, CategoryMoved):
        return N_("move of “{name}”", name=_category_name(uow, event.category_id))
    if isinstance(event, OrderPlaced):
        return N_("order {order}", order=event.order_id)
    if isinstance(event, PaymentRecorded):
        money = read_settings(uow).money
        return N_(
            "payment {amount} by {method} for order {order}",
            amount=money(event.amount_cents),
            method=_METHOD_WORDS.get(event.method, event.method),
            order=event.order_id,
        )
    return ACTION_WORDS.get(type(event).__name__) or Text(type(event).__name__, {})  # an event named as its class


def undo_offer(uow: UnitOfWork) -> Offer:
    found = last_action(uow.conn, uow.who.till)
    if found is None:
        return Offer(None)
    description = describe(uow, found.event)
    if type(found.event) not in COMPENSATIONS:
        return Offer(
            None, description, N_("The last thing done at this till ({action}) cannot be undone.", action=description)
        )
    return Offer(found.position, description)


def redo_offer(uow: UnitOfWork) -> Offer:
    found = last_undo(uow.conn, uow.who.till)
    if found is None:
        return Offer(None)
    undone, marker = found
    description = _stored_words(uow, undone, marker.description)
    if isinstance(undone.event, OrderPlaced):
        return Offer(
            None,
            description,
            N_("An undone order is not placed again: place {action} anew.", action=description),
        )
    if isinstance(undone.event, PaymentRecorded):
        return Offer(None, description, TAKE_AGAIN)
    return Offer(undone.position, description)


def _stored_words(uow: UnitOfWork, recorded: Recorded, stored: str) -> str:
    """The undo's stored words, as a translatable Text while today's words
    for the action are still the same (a product renamed since: as stored)."""
    now = describe(uow, recorded.event)
    return now if now == stored else stored


# -- who may ------------------------------------------------------------------------------
def _own_in_this_session(uow: UnitOfWork, recorded: Recorded) -> bool:
    """The same person's action, in this till's open session (or a shop without staff)."""
    if not roster(uow):
        return True
    if recorded.staff_id != uow.who.staff_id:
        return False
    opened = uow.conn.execute(
        select(till_session.c.opened_at).where(till_session.c.till == uow.who.till, till_session.c.closed_at.is_(None))
    ).scalar()
    return opened is not None and opened <= recorded.recorded_at


def _authorize(uow: UnitOfWork, recorded: Recorded, command_name: str) -> None:
    if not _own_in_this_session(uow, recorded) and not may(acting_role(uow), command_name):
        raise NotAllowed(refusal(command_name))


# -- compensations ------------------------------------------------------------------------
def _move_stock(
    uow: UnitOfWork, product_id: int, change: int, reason: str, note: str, refusal: Callable[[str, int], Text]
) -> None:
    """Stock changes by ``change`` (signed) unless it would go negative
    (sold meanwhile): a correction movement and StockAdjusted."""
    row = product_row(uow, product_id)
    stock_after = uow.conn.execute(
        update(product)
        .where(product.c.id == product_id, product.c.stock + change >= 0)
        .values(stock=product.c.stock + change)
        .returning(product.c.stock)
    ).scalar()
    if stock_after is None:
        raise InvalidCommand(refusal(row["name"], row["stock"]))
    record_movements(
        uow,
        [
            {
                "product_id": product_id,
                "kind": MovementKind.ADJUSTED,
                "quantity": change,
                "stock_after": stock_after,
                "reason": reason,
                "note": note,
            }
        ],
    )
    uow.record(StockAdjusted(product_id=product_id, change=change, stock_after=stock_after, reason=reason, note=note))


def _undo_receipt(uow: UnitOfWork, e: StockReceived, recorded: Recorded) -> None:
    _authorize(uow, recorded, "AdjustStock")
    _move_stock(
        uow,
        e.product_id,
        -e.quantity,
        "other",
        f"{UNDO_NOTE}: received {e.quantity:,}",
        lambda name, left: N_(
            "Only {stock} of {name} left, fewer than the {received:,} received (some were sold since): "
            "the delivery cannot be undone; adjust the stock instead.",
            stock=left,
            name=name,
            received=e.quantity,
        ),
    )


def _undo_adjustment(uow: UnitOfWork, e: StockAdjusted, recorded: Recorded) -> None:
    _authorize(uow, recorded, "AdjustStock")
    _move_stock(
        uow,
        e.product_id,
        -e.change,
        e.reason,
        f"{UNDO_NOTE}: {e.change:+,}",
        lambda name, left: N_(
            "Only {stock} of {name} left (some were sold since): the adjustment of {change:+,} cannot be undone.",
            stock=left,
            name=name,
            change=e.change,
        ),
    )


def _product_state(e) -> dict:
    return {field: getattr(e, field) for field in PRODUCT_FIELDS}


def _set_product(uow: UnitOfWork, product_id: int, expected: dict, wanted: dict, what: Callable[[str], Text]) -> None:
    """The product's details become ``wanted``, if they are still ``expected``."""
    now = product_event_state(uow, product_id)
    if {field: now[field] for field in PRODUCT_FIELDS} != expected:
        raise InvalidCommand(what(now["name"]))
    products.update_product(UpdateProduct(product_id=product_id, **wanted), uow)


def _undo_product_edit(uow: UnitOfWork, e: ProductUpdated, recorded: Recorded) -> None:
    _authorize(uow, recorded, "UpdateProduct")
    before = state_before(uow.conn, recorded.position, PRODUCT_EVENTS, "product_id", e.product_id)
    if before is None:
        raise InvalidCommand(
            N_("The details {name} had before this change are no longer known: it cannot be undone.", name=e.name)
        )
    _set_product(
        uow,
        e.product_id,
        _product_state(e),
        _product_state(before),
        lambda name: N_("{name} was changed again since: undoing it would overwrite that change.", name=name),
    )


def _previous_category(uow: UnitOfWork, recorded: Recorded, types: tuple[str, ...], category_id: int):
    before = state_before(uow.conn, recorded.position, ("CategoryAdded", *types), "category_id", category_id)
    if before is None:
        raise InvalidCommand(N_("What the category was before this change is no longer known: it cannot be undone."))
    return before


def _current_category(uow: UnitOfWork, category_id: int):
    row = uow.conn.execute(select(category.c.name, category.c.parent_id).where(category.c.id == category_id)).first()
    if row is None:
        raise InvalidCommand(N_("That category was deleted since: the change cannot be undone."))
    return row


def _undo_rename(uow: UnitOfWork, e: CategoryRenamed, recorded: Recorded) -> None:
    _authorize(uow, recorded, "RenameCategory")
    if _current_category(uow, e.category_id).name != e.name:
        raise InvalidCommand(
            N_("“{name}” was renamed again since: undoing the rename would overwrite that.", name=e.name)
        )
    before = _previous_category(uow, recorded, ("CategoryRenamed",), e.category_id)
    categories.rename_category(RenameCategory(e.category_id, before.name), uow)


def _undo_move(uow: UnitOfWork, e: CategoryMoved, recorded: Recorded) -> None:
    _authorize(uow, recorded, "MoveCategory")
    now = _current_category(uow, e.category_id)
    if now.parent_id != e.parent_id:
        raise InvalidCommand(
            N_("“{name}” was moved again since: undoing the move would overwrite that.", name=now.name)
        )
    before = _previous_category(uow, recorded, ("CategoryMoved",), e.category_id)
    categories.move_category(MoveCategory(e.category_id, before.parent_id), uow)


def _undo_order(uow: UnitOfWork, e: OrderPlaced, recorded: Recorded) -> None:
    _authorize(uow, recorded, "CancelOrder")
    row = uow.conn.execute(
        select(shop_order.c.status, shop_order.c.paid_cents).where(shop_order.c.id == e.order_id)
    ).first()
    if row is None or row.status != PLACED:
        if row is None:
            raise InvalidCommand(N_("Order {order} is gone now: placing it cannot be undone.", order=e.order_id))
        if row.status == PAID:
            raise InvalidCommand(N_("Order {order} is paid now: placing it cannot be undone.", order=e.order_id))
        if row.status == FULFILLED:
            raise InvalidCommand(N_("Order {order} is fulfilled now: placing it cannot be undone.", order=e.order_id))
        raise InvalidCommand(N_("Order {order} is cancelled now: placing it cannot be undone.", order=e.order_id))
    if row.paid_cents:
        raise InvalidCommand(
            N_(
                "Order {order} has been paid: placing it cannot be undone; cancel it or take the items back instead.",
                order=e.order_id,
            )
        )
    orders.cancel_order(CancelOrder(e.order_id), uow)


def _undo_payment(uow: UnitOfWork, e: PaymentRecorded, recorded: Recorded) -> None:
    _authorize(uow, recorded, "ReversePayment")
    reversals.reverse_payment(ReversePayment(e.payment_id), uow)


COMPENSATIONS: dict[type, Callable] = {
    StockReceived: _undo_receipt,
    StockAdjusted: _undo_adjustment,
    ProductUpdated: _undo_product_edit,
    CategoryRenamed: _undo_rename,
    CategoryMoved: _undo_move,
    OrderPlaced: _undo_order,
    PaymentRecorded: _undo_payment,
}


# -- redoing ------------------------------------------------------------------------------
def _redo(uow: UnitOfWork, recorded: Recorded) -> None:
    e = recorded.event
    if isinstance(e, StockReceived):
        _authorize(uow, recorded, "ReceiveStock")
        note = f"{REDO_NOTE}: {e.note}" if e.note else REDO_NOTE
        stock.receive_stock(ReceiveStock(e.product_id, e.quantity, note[: stock.MAX_NOTE_LENGTH]), uow)
    elif isinstance(e, StockAdjusted):
        _authorize(uow, recorded, "AdjustStock")
        _move_stock(
            uow,
            e.product_id,
            e.change,
            e.reason,
            f"{REDO_NOTE}: {e.change:+,}",
            lambda name, left: N_(
                "Only {stock} of {name} left: the adjustment of {change:+,} cannot be made again.",
                stock=left,
                name=name,
                change=e.change,
            ),
        )
    elif isinstance(e, ProductUpdated):
        _authorize(uow, recorded, "UpdateProduct")
        before = state_before(uow.conn, recorded.position, PRODUCT_EVENTS, "product_id", e.product_id)
        if before is None:
            raise InvalidCommand(N_("The change to {name} cannot be made again.", name=e.name))
        _set_product(
            uow,
            e.product_id,
            _product_state(before),
            _product_state(e),
            lambda name: N_("{name} was changed again since: redoing it would overwrite that change.", name=name),
        )
    elif isinstance(e, CategoryRenamed):
        _authorize(uow, recorded, "RenameCategory")
        categories.rename_category(RenameCategory(e.category_id, e.name), uow)
    elif isinstance(e, CategoryMoved):
        _authorize(uow, recorded, "MoveCategory")
        categories.move_category(MoveCategory(e.category_id, e.parent_id), uow)
    elif isinstance(e, PaymentRecorded):
        raise InvalidCommand(TAKE_AGAIN)
    else:
        raise InvalidCommand(N_("An undone order is not placed again: place it anew."))


# -- the commands -------------------------------------------------------------------------
def undo_action(command: UndoAction, uow: UnitOfWork) -> str:
    """Returns what was undone, in words ("receive 24 × Blue Enamel Mug")."""
    found = last_action(uow.conn, uow.who.till)
    if found is None:
        raise InvalidCommand(N_("Nothing done at this till can be undone."))
    if found.position != command.position:
        raise InvalidCommand(
            N_(
                "Something else was done at this till since ({action}): undo that first.",
                action=describe(uow, found.event),
            )
        )
    compensate = COMPENSATIONS.get(type(found.event))
    description = describe(uow, found.event)
    if compensate is None:
        raise InvalidCommand(N_("The last thing done at this till ({action}) cannot be undone.", action=description))
    before = len(uow.events)
    compensate(uow, found.event, found)
    link = {"undone_at": uow.now(), "undone_by": uow.who.staff_id, "till": uow.who.till, "redone_at": None}
    updated = uow.conn.execute(update(undo_link).where(undo_link.c.position == found.position).values(**link))
    if updated.rowcount == 0:
        uow.conn.execute(insert(undo_link).values(position=found.position, **link))
    uow.record(
        ActionUndone(
            found.position,
            found.event_type,
            str(description),
            len(uow.events) - before,
            found.recorded_at,
            **subject_of(found.event),
        )
    )
    return description


def redo_action(command: RedoAction, uow: UnitOfWork) -> str:
    """Returns what was done again, in words."""
    found = last_undo(uow.conn, uow.who.till)
    if found is None or found[0].position != command.position:
        raise InvalidCommand(N_("There is nothing to redo at this till: something else was done since the undo."))
    undone, marker = found
    before = len(uow.events)
    _redo(uow, undone)
    uow.conn.execute(update(undo_link).where(undo_link.c.position == undone.position).values(redone_at=uow.now()))
    uow.record(ActionRedone(undone.position, marker.description, len(uow.events) - before))
    return _stored_words(uow, undone, marker.description)
