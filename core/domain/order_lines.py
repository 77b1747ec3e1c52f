"""An order's lines, and what a form sends for an order checked: its lines,
discounts and request id. Shared by PlaceOrder and the QuoteOrder query, so
that a quote and the order it becomes agree to the penny."""

from dataclasses import dataclass

from core.domain import validation as valid
from core.domain.command_values import shown
from core.domain.money import MAX_PRICE_CENTS
from core.domain.pricing import AMOUNT, FULL_BP, PERCENT, Discount
from core.errors import InvalidCommand, UnknownProduct
from core.i18n import N_

MAX_REQUEST_ID_LENGTH = 64
# Far above any basket at a till, and low enough that an order's total (a
# million units of the dearest item at 100% tax, on every line) stays within
# a 64-bit column, and that one order holds the write lock for well under a
# second.
MAX_ORDER_LINES = 1000


@dataclass(frozen=True)
class OrderLine:
    """A product and how many. Lines naming one product are added together
    (their discounts must agree: the same percentage, or amounts, which add)."""

    product_id: int
    quantity: int
    discount: Discount | None = None  # Discount.percent(1000): 10% off this line


def discount(value, label: str = N_("A discount")) -> Discount | None:
    """A well-formed discount, or None for none (a zero discount is none)."""
    if value is None:
        return None
    if not isinstance(value, Discount):
        raise InvalidCommand(
            N_("{label} must be a percentage or an amount, not {value}.", label=label, value=shown(value))
        )
    if value.kind == PERCENT:
        if type(value.value) is not int or not 0 <= value.value <= FULL_BP:
            raise InvalidCommand(N_("{label} must be a percentage from 0 to 100.", label=label))
    elif value.kind == AMOUNT:
        valid.whole_number(value.value, label, minimum=0, maximum=MAX_PRICE_CENTS)
    else:
        raise InvalidCommand(
            N_("{label} must be a percentage or an amount, not {value}.", label=label, value=shown(value.kind))
        )
    return value if value.value else None


def grouped_lines(lines) -> dict[int, list[tuple[int, Discount | None]]]:
    """Each product's (quantity, discount) entries, in the order given;
    raises InvalidCommand for anything that is not a list of good lines."""
    if not isinstance(lines, (tuple, list)):
        raise InvalidCommand(N_("An order's lines must be a list of order lines."))
    if len(lines) > MAX_ORDER_LINES:
        raise InvalidCommand(
            N_(
                "An order can have at most {MAX_ORDER_LINES:,} lines; this one has {count:,}.",
                MAX_ORDER_LINES=MAX_ORDER_LINES,
                count=len(lines),
            )
        )
    groups: dict[int, list[tuple[int, Discount | None]]] = {}
    for line in lines:
        if not isinstance(line, OrderLine):
            raise InvalidCommand(N_("Not an order line: {value}.", value=shown(line)))
        product_id = valid.identifier(line.product_id, N_("Product number"))
        groups.setdefault(product_id, []).append(
            (valid.quantity(line.quantity), discount(line.discount, N_("A line discount")))
        )
    if not groups:
        raise InvalidCommand(N_("The order is empty: add at least one product."))
    for entries in groups.values():
        valid.quantity(sum(quantity for quantity, _ in entries))
    return groups


def merged_line(name: str, entries: list[tuple[int, Discount | None]]) -> tuple[int, Discount | None]:
    """One product's lines as one (quantity, discount). Amounts off add up (no
    discount is an amount of 0); a percentage merges only with the same
    percentage, as anything else would change what the lines cost."""
    quantity = sum(q for q, _ in entries)
    discounts = [d for _, d in entries]
    if all(d is None for d in discounts):
        return quantity, None
    if all(d is None or d.kind == AMOUNT for d in discounts):
        return quantity, Discount.amount(sum(d.value for d in discounts if d is not None))
    if all(d == discounts[0] for d in discounts):
        return quantity, discounts[0]
    raise InvalidCommand(N_("{name} is on two lines with different discounts: put it on one line.", name=name))


def sellable_line(product_id: int, product, entries) -> tuple[int, Discount | None]:
    """The product's lines merged (``merged_line``), once it is known to be
    for sale; ``product``: anything with ``name`` and ``active``, or None.
    Raises why not, in this order: unknown, archived, lines that do not merge.
    PlaceOrder and QuoteOrder check each product so, by ascending id."""
    if product is None:
        raise UnknownProduct(N_("There is no product number {product_id}.", product_id=product_id))
    if not product.active:
        raise InvalidCommand(N_("{name} is archived: restore it before selling it.", name=product.name))
    return merged_line(product.name, entries)


def request_id(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidCommand(N_("The order's request id must be a text."))
    if len(value) > MAX_REQUEST_ID_LENGTH or value != value.strip() or not value.isprintable():
        raise InvalidCommand(
            N_(
                "The order's request id must be one line of at most {MAX_REQUEST_ID_LENGTH} characters, without "
                "surrounding spaces.",
                MAX_REQUEST_ID_LENGTH=MAX_REQUEST_ID_LENGTH,
            )
        )
    return value
