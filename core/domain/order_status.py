"""An order's life cycle: placed, then paid, then fulfilled; cancelled from
placed or paid. What each action needs the status to be, and the sentence
that says why it is refused otherwise.

The handlers guard their UPDATEs with ``allowed_from``, the read model and the
Orders view ask ``allows``: the rule is written here once.
"""

from enum import StrEnum

from core.i18n import N_, Text


class OrderStatus(StrEnum):
    PLACED = "placed"
    PAID = "paid"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"


class OrderAction(StrEnum):
    PAY = "pay"
    FULFIL = "fulfil"
    CANCEL = "cancel"
    RETURN = "return"


PLACED, PAID, FULFILLED, CANCELLED = OrderStatus
ORDER_STATUSES = tuple(OrderStatus)

_ALLOWED_FROM: dict[OrderAction, tuple[OrderStatus, ...]] = {
    OrderAction.PAY: (PLACED,),
    OrderAction.FULFIL: (PAID,),
    OrderAction.CANCEL: (PLACED, PAID),
    OrderAction.RETURN: (PAID, FULFILLED),
}

# Why an action is refused in a status it does not allow. ``{id}``: the order
# number; ``{due}``: what is still to pay, as money.
_REFUSALS: dict[OrderAction, dict[OrderStatus, Text]] = {
    OrderAction.PAY: {
        PAID: N_("Order {id} is already paid."),
        FULFILLED: N_("Order {id} is already paid and fulfilled."),
        CANCELLED: N_("Order {id} is cancelled: it cannot be paid."),
    },
    OrderAction.FULFIL: {
        PLACED: N_("Order {id} is not paid yet: {due} is still due."),
        FULFILLED: N_("Order {id} is already fulfilled."),
        CANCELLED: N_("Order {id} is cancelled: it cannot be fulfilled."),
    },
    OrderAction.CANCEL: {
        FULFILLED: N_("Order {id} is already fulfilled: take a return instead."),
        CANCELLED: N_("Order {id} is already cancelled."),
    },
    OrderAction.RETURN: {
        PLACED: N_("Order {id} is not paid yet, so nothing can be returned: cancel it instead."),
        CANCELLED: N_("Order {id} is cancelled: its items are already back in stock."),
    },
}


def allowed_from(action: OrderAction) -> tuple[OrderStatus, ...]:
    """The statuses in which ``action`` may be taken (for SQL guards)."""
    return _ALLOWED_FROM[action]


def allows(status: str, action: OrderAction) -> bool:
    """May ``action`` be taken on an order in ``status``?"""
    return status in _ALLOWED_FROM[action]


def refusal(action: OrderAction, status: str, order_id: int, due: str = "") -> str:
    """The sentence that says why ``action`` is refused in ``status``."""
    template = _REFUSALS[action].get(status, N_("Order {id} cannot be changed now."))  # type: ignore[call-overload]
    return Text(template.template, {"id": order_id, "due": due})


def amount_due(status: str, total_cents: int, paid_cents: int) -> int:
    """What is still to pay: nothing once paid, and nothing on a cancelled order."""
    return total_cents - paid_cents if status == PLACED else 0
