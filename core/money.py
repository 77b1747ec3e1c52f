"""Money is an int of minor units (pence, cents). Never a float."""

MAX_PRICE_CENTS = 10_000_000_00  # 10 million in major units: far above any till item


def format_money(cents: int, symbol: str = "£") -> str:
    """``1234`` -> ``"£12.34"``; ``-5`` -> ``"-£0.05"``. Exact: integer arithmetic only."""
    sign = "-" if cents < 0 else ""
    major, minor = divmod(abs(cents), 100)
    return f"{sign}{symbol}{major:,}.{minor:02d}"


def parse_money(text: str) -> int:
    """``"12.3"`` -> ``1230``. Raises ValueError for anything that is not an
    amount with at most two decimals. Exact: no float on the way."""
    cleaned = text.strip().replace(",", "").lstrip("£$€")
    if not cleaned:
        raise ValueError("empty amount")
    negative = cleaned.startswith("-")
    if negative:
        cleaned = cleaned[1:]
    major, _, minor = cleaned.partition(".")
    if not major:
        major = "0"
    if not (major.isdigit() and (minor == "" or (minor.isdigit() and len(minor) <= 2))):
        raise ValueError(f"not an amount: {text!r}")
    cents = int(major) * 100 + int(minor.ljust(2, "0") or 0)
    return -cents if negative else cents
