"""A till's cash-up: what the drawer should hold, and how far the count is off."""


def expected_cash(
    opening_float_cents: int, cash_taken_cents: int, cash_refunded_cents: int, paid_in_cents: int, paid_out_cents: int
) -> int:
    """The float, plus cash taken (payments less change), less cash given
    back, plus pay-ins, less pay-outs."""
    return opening_float_cents + cash_taken_cents - cash_refunded_cents + paid_in_cents - paid_out_cents


def difference(counted_cash_cents: int | None, expected_cash_cents: int) -> int | None:
    """Counted less expected (negative: short), or None before the count."""
    return None if counted_cash_cents is None else counted_cash_cents - expected_cash_cents
