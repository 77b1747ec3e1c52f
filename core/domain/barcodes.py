"""Barcode rules: the EAN-13 check digit, and the shop's own EAN-13 range
for products that came without a barcode.

GS1 keeps EAN-13s starting with 2 for use inside a shop ("restricted
circulation"); the shop's own codes start with 200, as 21-29 are what
scales print weight- and price-embedded codes with."""

INTERNAL_PREFIX = "200"
INTERNAL_FIRST = int(INTERNAL_PREFIX + "0" * 9)  # the 12 digits before the check digit
INTERNAL_LAST = int(INTERNAL_PREFIX + "9" * 9)


def ean13_check_digit(first_twelve: str) -> int:
    """The check digit of the 12 digits ``first_twelve``: weights 1, 3, 1, 3...
    from the left, then what brings the sum to a multiple of 10."""
    total = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(first_twelve))
    return (10 - total % 10) % 10


def is_ean13(code: str) -> bool:
    """13 digits whose last is their check digit."""
    return len(code) == 13 and code.isascii() and code.isdigit() and ean13_check_digit(code[:12]) == int(code[12])


def is_internal(code: str) -> bool:
    return is_ean13(code) and code.startswith(INTERNAL_PREFIX)


def internal_ean13(number: int) -> str:
    """The shop's EAN-13 whose first 12 digits are ``number``."""
    body = f"{number:012d}"
    return body + str(ean13_check_digit(body))


def next_internal(taken: list[str]) -> str | None:
    """The shop's next EAN-13 after the highest of ``taken`` in its range
    (the first when none is), or None when the range is used up."""
    highest = max((int(code[:12]) for code in taken if is_internal(code)), default=INTERNAL_FIRST)
    following = highest + 1
    return internal_ean13(following) if following <= INTERNAL_LAST else None
