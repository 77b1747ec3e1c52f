"""Who does things at a till: staff roles, the two people every shop has
without being told (its owner before it has staff, and whoever did what was
recorded before staff existed), PINs, and tills' names."""

from enum import StrEnum

from core.errors import InvalidCommand
from core.i18n import N_


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    CASHIER = "cashier"


ROLES = tuple(Role)
_RANK = {Role.CASHIER: 0, Role.MANAGER: 1, Role.OWNER: 2}

# Fixed ids, never rows of the staff table.
UNKNOWN_STAFF_ID = 0  # history recorded before staff existed
OWNER_STAFF_ID = -1  # the shop's owner, while it has no staff
UNKNOWN_STAFF_NAME = "Unknown"
OWNER_STAFF_NAME = "Owner"
FIXED_NAMES = {UNKNOWN_STAFF_ID: UNKNOWN_STAFF_NAME, OWNER_STAFF_ID: OWNER_STAFF_NAME}

DEFAULT_TILL = "Till 1"
MAX_TILL_NAME_LENGTH = 64
MIN_PIN_LENGTH, MAX_PIN_LENGTH = 4, 8
MAX_PIN_FAILURES = 5  # wrong PINs in a row at a till before sign-in pauses
PIN_PAUSE_SECONDS = 30


def at_least(role: str, needed: Role) -> bool:
    """Does ``role`` have at least ``needed``'s rights (owner > manager > cashier)?"""
    return _RANK.get(Role(role), -1) >= _RANK[needed] if role in _RANK else False


def role(value) -> Role:
    if not isinstance(value, str) or value not in _RANK:  # (a list is not even hashable)
        raise InvalidCommand(N_("Choose a role: {choices}.", choices=", ".join(ROLES)))
    return Role(value)


def pin(value) -> str:
    """A PIN as typed: 4 to 8 digits."""
    if (
        not isinstance(value, str)
        or not value.isascii()
        or not value.isdigit()
        or not MIN_PIN_LENGTH <= len(value) <= MAX_PIN_LENGTH
    ):
        raise InvalidCommand(
            N_(
                "A PIN is {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits.",
                MIN_PIN_LENGTH=MIN_PIN_LENGTH,
                MAX_PIN_LENGTH=MAX_PIN_LENGTH,
            )
        )
    return value


def till_name(value) -> str:
    if not isinstance(value, str) or not value.strip() or not value.isprintable():
        raise InvalidCommand(N_("A till's name must be one line of text."))
    value = value.strip()
    if len(value) > MAX_TILL_NAME_LENGTH:
        raise InvalidCommand(
            N_("A till's name is at most {MAX_TILL_NAME_LENGTH} characters.", MAX_TILL_NAME_LENGTH=MAX_TILL_NAME_LENGTH)
        )
    return value


class Who:
    """Who does a command, and where: the staff member (a fixed id when the
    shop has no staff), their name then, the till, and the manager who
    approved it, if anyone."""

    __slots__ = ("approved_by", "staff_id", "staff_name", "till")

    def __init__(
        self,
        till: str,
        staff_id: int = OWNER_STAFF_ID,
        staff_name: str = OWNER_STAFF_NAME,
        approved_by: int | None = None,
    ):
        self.till, self.staff_id, self.staff_name, self.approved_by = till, staff_id, staff_name, approved_by

    def __repr__(self) -> str:
        return f"Who({self.till!r}, {self.staff_id}, {self.staff_name!r}, approved_by={self.approved_by})"
