"""Checks shared by handlers. Each failure is an InvalidCommand whose message
names the field the way the window labels it."""

from core.domain.money import MAX_PRICE_CENTS, format_money
from core.errors import InvalidCommand

MAX_QUANTITY = 1_000_000
MAX_NAME_LENGTH = 200
MAX_CODE_LENGTH = 64


def whole_number(value, label: str, *, minimum: int, maximum: int) -> int:
    # bool is an int subclass, and 1.5 or "2" must never be taken for a count.
    if type(value) is not int:
        raise InvalidCommand(f"{label} must be a whole number, not {value!r}.")
    if value < minimum:
        if minimum == 0:
            raise InvalidCommand(f"{label} cannot be negative.")
        raise InvalidCommand(f"{label} must be at least {minimum}.")
    if value > maximum:
        raise InvalidCommand(f"{label} cannot be more than {maximum:,}.")
    return value


def quantity(value, label: str = "Quantity") -> int:
    return whole_number(value, label, minimum=1, maximum=MAX_QUANTITY)


def stock_level(value, label: str = "Stock") -> int:
    return whole_number(value, label, minimum=0, maximum=MAX_QUANTITY)


def price(value, label: str = "Price") -> int:
    if type(value) is int and value > MAX_PRICE_CENTS:  # say it in money, not in pence
        raise InvalidCommand(f"{label} cannot be more than {format_money(MAX_PRICE_CENTS, '')}.")
    return whole_number(value, label, minimum=0, maximum=MAX_PRICE_CENTS)


def identifier(value, label: str) -> int:
    if type(value) is not int:
        raise InvalidCommand(f"{label} must be a whole number, not {value!r}.")
    return value


def name(value, label: str = "Name") -> str:
    """A name with its surrounding spaces removed; quotes and the like are kept."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidCommand(f"{label} cannot be empty.")
    value = value.strip()
    if len(value) > MAX_NAME_LENGTH:
        raise InvalidCommand(f"{label} is too long (at most {MAX_NAME_LENGTH} characters).")
    if not value.isprintable() and any(ch in value for ch in "\r\n\t\x00"):
        raise InvalidCommand(f"{label} must be on one line.")
    return value


def code(value, label: str) -> str:
    """A SKU or barcode: kept exactly as typed, so surrounding spaces are refused
    rather than silently removed."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidCommand(f"{label} cannot be empty.")
    if value != value.strip():
        raise InvalidCommand(f"{label} {value!r} must not start or end with a space.")
    if len(value) > MAX_CODE_LENGTH:
        raise InvalidCommand(f"{label} is too long (at most {MAX_CODE_LENGTH} characters).")
    # (Printable ASCII has no whitespace but the space, and no NUL: the
    # character-by-character look is for everything else.)
    if not (value.isascii() and value.isprintable()) and (
        any(ch.isspace() and ch != " " for ch in value) or "\x00" in value
    ):
        raise InvalidCommand(f"{label} must be on one line.")
    return value
