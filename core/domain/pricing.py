"""What an order costs: discounts, tax and totals, exact to the minor unit.

Pure functions on integers (no float anywhere, no database), used by the
handler that places an order, by the quote the order form shows, and by
returns. Rounding is half-up to the minor unit, once per line.

For each line, in order:

1. ``gross = unit_price * quantity``;
2. the line's own discount: a percentage of ``gross`` (rounded half-up) or an
   amount, never more than ``gross``;
3. its share of the order discount. The order discount is a percentage of the
   lines' value after their own discounts (rounded half-up once, for the
   whole order) or an amount, never more than that value; it is spread over
   the lines in proportion to their value after line discounts, by largest
   remainder, so the shares add up to it exactly and none exceeds its line;
4. ``net = gross - line discount - order discount share``;
5. tax on ``net`` at the line's rate: with tax-inclusive prices ``net``
   contains it (``tax = net * rate / (10000 + rate)``) and the line's total is
   ``net``; with tax-exclusive prices it is added (``tax = net * rate / 10000``,
   total ``net + tax``).

Rates are basis points: 2000 is 20%, 3333 is 33.33%, 10000 is 100%.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

PERCENT = "percent"
AMOUNT = "amount"
DISCOUNT_KINDS = (PERCENT, AMOUNT)
FULL_BP = 10_000  # 100% in basis points


@dataclass(frozen=True)
class Discount:
    """A discount on a line or on a whole order.

    ``kind`` is ``"percent"`` (``value`` in basis points: 3333 is 33.33%, at
    most 10000) or ``"amount"`` (``value`` in minor units, taken off the whole
    line or order, not per unit)."""

    kind: str
    value: int

    @classmethod
    def percent(cls, basis_points: int) -> "Discount":
        return cls(PERCENT, basis_points)

    @classmethod
    def amount(cls, cents: int) -> "Discount":
        return cls(AMOUNT, cents)


@dataclass(frozen=True)
class PriceLine:
    unit_price_cents: int
    quantity: int
    tax_rate_bp: int
    discount: Discount | None = None


@dataclass(frozen=True)
class PricedLine:
    gross: int  # unit price x quantity
    line_discount: int  # the line's own discount
    order_discount_share: int  # its part of the order discount
    net: int  # gross - both discounts (contains the tax when prices include it)
    tax: int
    total: int  # what the customer pays for the line

    @property
    def discount(self) -> int:
        return self.line_discount + self.order_discount_share


class TaxBand(NamedTuple):
    """Tax at one rate: ``taxable`` is the amount before tax (for tax-inclusive
    prices, the lines' net less the tax it contains), so ``taxable + tax`` is
    what the customer pays at that rate."""

    rate_bp: int
    taxable: int
    tax: int


@dataclass(frozen=True)
class PricedOrder:
    lines: tuple[PricedLine, ...]
    subtotal: int  # sum of gross
    discount_total: int  # line discounts + the order discount
    tax_by_rate: tuple[TaxBand, ...]  # by rate, lowest first
    total: int  # sum of the lines' totals

    @property
    def order_discount(self) -> int:
        return sum(line.order_discount_share for line in self.lines)

    @property
    def line_discounts(self) -> int:
        return sum(line.line_discount for line in self.lines)

    @property
    def tax_total(self) -> int:
        return sum(line.tax for line in self.lines)


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` to the nearest integer, exact halves away
    from zero (up, for the non-negative amounts prices are made of)."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    if numerator < 0:
        return -round_half_up(-numerator, denominator)
    return (2 * numerator + denominator) // (2 * denominator)


def discount_amount(discount: Discount | None, value: int) -> int:
    """What ``discount`` takes off ``value`` (never more than ``value``)."""
    if discount is None:
        return 0
    check_discount(discount)
    if discount.kind == PERCENT:
        return round_half_up(value * discount.value, FULL_BP)  # at most value: rate <= 100%
    return min(discount.value, value)


def check_discount(discount: Discount) -> None:
    """ValueError unless ``discount`` is well formed (handlers check commands
    with readable messages first; this guards the arithmetic)."""
    if (
        not isinstance(discount, Discount)
        or discount.kind not in DISCOUNT_KINDS
        or type(discount.value) is not int
        or discount.value < 0
        or (discount.kind == PERCENT and discount.value > FULL_BP)
    ):
        raise ValueError(f"not a discount: {discount!r}")


def allocate(amount: int, weights: Iterable[int]) -> list[int]:
    """Split ``amount`` over ``weights`` in proportion, by largest remainder:
    the parts add up to ``amount`` exactly; equal remainders favour the earlier
    weight. With ``0 <= amount <= sum(weights)`` no part exceeds its weight."""
    weights = list(weights)
    whole = sum(weights)
    if whole == 0:
        if amount:
            raise ValueError("cannot spread an amount over nothing")
        return [0] * len(weights)
    parts, remainders = [], []
    for index, weight in enumerate(weights):
        part, remainder = divmod(amount * weight, whole)
        parts.append(part)
        remainders.append((-remainder, index))
    for _key, index in sorted(remainders)[: amount - sum(parts)]:
        parts[index] += 1
    return parts


def unit_share(amount: int, units: int, before: int, after: int) -> int:
    """The part of ``amount`` that belongs to units ``before + 1 .. after`` of
    ``units``, when ``amount`` is spread over equal units by largest remainder
    (the first ``amount % units`` units carry one minor unit more). Summed over
    any sequence of returns that ends with every unit back, it is ``amount``."""
    if not 0 <= before <= after <= units or units <= 0:
        raise ValueError("units out of range")
    base, extra = divmod(amount, units)

    def cumulative(count: int) -> int:
        return count * base + min(count, extra)

    return cumulative(after) - cumulative(before)


def line_total(net_cents: int, tax_cents: int, prices_include_tax: bool) -> int:
    """What the customer pays for a line: its net, plus its tax when prices exclude it."""
    return net_cents if prices_include_tax else net_cents + tax_cents


def line_tax(net: int, rate_bp: int, prices_include_tax: bool) -> int:
    if prices_include_tax:
        return round_half_up(net * rate_bp, FULL_BP + rate_bp)
    return round_half_up(net * rate_bp, FULL_BP)


def price_order(
    lines: Iterable[PriceLine], order_discount: Discount | None = None, prices_include_tax: bool = True
) -> PricedOrder:
    lines = tuple(lines)
    for line in lines:
        if (
            type(line.unit_price_cents) is not int
            or line.unit_price_cents < 0
            or type(line.quantity) is not int
            or line.quantity < 0
            or type(line.tax_rate_bp) is not int
            or not 0 <= line.tax_rate_bp <= FULL_BP
        ):
            raise ValueError(f"not a price line: {line!r}")
    grosses = [line.unit_price_cents * line.quantity for line in lines]
    line_discounts = [discount_amount(line.discount, gross) for line, gross in zip(lines, grosses)]
    after_lines = [gross - off for gross, off in zip(grosses, line_discounts)]
    shares = allocate(discount_amount(order_discount, sum(after_lines)), after_lines)

    priced = []
    bands: dict[int, list[int]] = {}
    for line, gross, off, after, share in zip(lines, grosses, line_discounts, after_lines, shares):
        net = after - share
        tax = line_tax(net, line.tax_rate_bp, prices_include_tax)
        total = net if prices_include_tax else net + tax
        priced.append(PricedLine(gross, off, share, net, tax, total))
        band = bands.setdefault(line.tax_rate_bp, [0, 0])
        band[0] += total - tax
        band[1] += tax
    return PricedOrder(
        lines=tuple(priced),
        subtotal=sum(grosses),
        discount_total=sum(line_discounts) + sum(shares),
        tax_by_rate=tuple(TaxBand(rate, taxable, tax) for rate, (taxable, tax) in sorted(bands.items())),
        total=sum(line.total for line in priced),
    )


def resolve_tax_rate(
    product_rate_bp: int | None,
    category_id: int | None,
    categories: Mapping[int, tuple[int | None, int | None]],
    default_bp: int,
) -> int:
    """A product's tax rate: its own, else its category's, else the nearest
    ancestor category's, else the shop's default. ``categories`` maps a
    category id to ``(parent_id, tax_rate_bp or None)``."""
    if product_rate_bp is not None:
        return product_rate_bp
    seen = set()
    while category_id is not None and category_id not in seen:  # a guard against a cycle
        seen.add(category_id)
        parent_id, rate = categories.get(category_id, (None, None))
        if rate is not None:
            return rate
        category_id = parent_id
    return default_bp
