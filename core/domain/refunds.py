"""How money goes back: by the method asked for, or, when none is asked for,
the way the order was paid, card and other first and cash last (a drawer is
emptied only for what was really paid in cash)."""

from core.domain.payment_methods import CARD, CASH, OTHER, PAYMENT_METHODS
from core.errors import InvalidCommand
from core.i18n import N_

_REFUND_ORDER = (CARD, OTHER, CASH)


def refund_method(value) -> str | None:
    if value is not None and value not in PAYMENT_METHODS:
        raise InvalidCommand(N_("Choose how the money goes back: cash, card or other."))
    return value


def split_refund(amount_cents: int, method: str | None, paid_by_method: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """``amount_cents`` as (method, cents) parts. ``paid_by_method``: what the
    order's payments less its earlier refunds hold, by method."""
    if amount_cents <= 0:
        return ()
    if method is not None:
        return ((method, amount_cents),)
    parts, left = [], amount_cents
    for name in _REFUND_ORDER:
        share = min(left, max(paid_by_method.get(name, 0), 0))
        if share:
            parts.append((name, share))
            left -= share
    if left:  # more than the payments hold (cannot happen): the last way it was paid
        last = parts[-1][0] if parts else CASH
        parts = [(m, c + left) if m == last else (m, c) for m, c in parts] or [(last, left)]
    return tuple(parts)
