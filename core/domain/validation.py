"""Checks shared by handlers. Each failure is an InvalidCommand whose message
names the field the way the window labels it."""

import unicodedata

from core.domain.command_values import INT64_MAX, INT64_MIN, shown
from core.domain.money import MAX_PRICE_CENTS, format_money
from core.errors import InvalidCommand
from core.i18n import N_

MAX_QUANTITY = 1_000_000
MAX_NAME_LENGTH = 200
MAX_CODE_LENGTH = 64
# The category tree: a shop's departments, a few levels deep. Limited so that
# a runaway path cannot make every listing walk thousands of levels.
MAX_CATEGORY_DEPTH = 10
MAX_CATEGORY_PATH_LENGTH = MAX_CATEGORY_DEPTH * (MAX_NAME_LENGTH + 1)


def whole_number(value, label: str, *, minimum: int, maximum: int) -> int:
    # bool is an int subclass, and 1.5 or "2" must never be taken for a count.
    if type(value) is not int:
        raise InvalidCommand(N_("{label} must be a whole number, not {value}.", label=label, value=shown(value)))
    if value < minimum:
        if minimum == 0:
            raise InvalidCommand(N_("{label} cannot be negative.", label=label))
        raise InvalidCommand(N_("{label} must be at least {minimum}.", label=label, minimum=minimum))
    if value > maximum:
        raise InvalidCommand(N_("{label} cannot be more than {maximum:,}.", label=label, maximum=maximum))
    return value


def quantity(value, label: str = N_("Quantity")) -> int:
    return whole_number(value, label, minimum=1, maximum=MAX_QUANTITY)


def stock_level(value, label: str = N_("Stock")) -> int:
    return whole_number(value, label, minimum=0, maximum=MAX_QUANTITY)


def price(value, label: str = N_("Price")) -> int:
    if type(value) is int and value > MAX_PRICE_CENTS:  # say it in money, not in pence
        raise InvalidCommand(
            N_("{label} cannot be more than {amount}.", label=label, amount=format_money(MAX_PRICE_CENTS, ""))
        )
    return whole_number(value, label, minimum=0, maximum=MAX_PRICE_CENTS)


def identifier(value, label: str) -> int:
    if type(value) is not int:
        raise InvalidCommand(N_("{label} must be a whole number, not {value}.", label=label, value=shown(value)))
    if not INT64_MIN <= value <= INT64_MAX:  # no row has it, and SQLite cannot even look
        raise InvalidCommand(N_("{label} {value} is far too large a number.", label=label, value=shown(value)))
    return value


# Characters that break a one-line value in two (or look as if they did).
_LINE_BREAKS = frozenset("\r\n\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\x00")
# Characters that show nothing on their own: a name made only of them looks
# empty on the screen and on a receipt.
_INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"))


def _one_line(value: str, label: str) -> None:
    """Refuses line breaks, control characters, and a value made only of
    characters that show nothing; cheap for ordinary printable text."""
    if value.isprintable():
        return
    if any(ch in _LINE_BREAKS for ch in value):
        raise InvalidCommand(N_("{label} must be on one line.", label=label))
    for ch in value:
        if unicodedata.category(ch) == "Cc":
            raise InvalidCommand(
                N_("{label} holds a control character (U+{ord:04X}), which cannot be stored.", label=label, ord=ord(ch))
            )
    if all(unicodedata.category(ch) in _INVISIBLE_CATEGORIES for ch in value):
        raise InvalidCommand(N_("{label} cannot be empty: it holds only characters that show nothing.", label=label))


def name(value, label: str = N_("Name")) -> str:
    """A name with its surrounding spaces removed; quotes and the like are kept."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidCommand(N_("{label} cannot be empty.", label=label))
    value = value.strip()
    if len(value) > MAX_NAME_LENGTH:
        raise InvalidCommand(
            N_(
                "{label} is too long (at most {MAX_NAME_LENGTH} characters).",
                label=label,
                MAX_NAME_LENGTH=MAX_NAME_LENGTH,
            )
        )
    _one_line(value, label)
    return value


def code(value, label: str) -> str:
    """A SKU or barcode: kept exactly as typed, so surrounding spaces are refused
    rather than silently removed."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidCommand(N_("{label} cannot be empty.", label=label))
    if value != value.strip():
        raise InvalidCommand(N_("{label} {value} must not start or end with a space.", label=label, value=shown(value)))
    if len(value) > MAX_CODE_LENGTH:
        raise InvalidCommand(
            N_(
                "{label} is too long (at most {MAX_CODE_LENGTH} characters).",
                label=label,
                MAX_CODE_LENGTH=MAX_CODE_LENGTH,
            )
        )
    # (Printable ASCII has no whitespace but the space, and no NUL: the
    # character-by-character look is for everything else.)
    if not (value.isascii() and value.isprintable()):
        if any(ch.isspace() and ch != " " for ch in value):
            raise InvalidCommand(N_("{label} must be on one line.", label=label))
        _one_line(value, label)
    return value
