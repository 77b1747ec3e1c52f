"""Money is an int of minor units (pence, cents). Never a float.

Most currencies have two decimal places; ``minor_digits`` knows the common
exceptions (yen: none, dinars: three). Formatting for the person's locale is
the window's job; these give a plain, exact text for receipts and messages.
"""

import re

MAX_PRICE_CENTS = 10_000_000_00  # 10 million in major units: far above any till item

# ISO 4217 currencies whose minor unit is not a hundredth.
_MINOR_DIGITS = {
    "BIF": 0,
    "CLP": 0,
    "DJF": 0,
    "GNF": 0,
    "ISK": 0,
    "JPY": 0,
    "KMF": 0,
    "KRW": 0,
    "PYG": 0,
    "RWF": 0,
    "UGX": 0,
    "UYI": 0,
    "VND": 0,
    "VUV": 0,
    "XAF": 0,
    "XOF": 0,
    "XPF": 0,
    "BHD": 3,
    "IQD": 3,
    "JOD": 3,
    "KWD": 3,
    "LYD": 3,
    "OMR": 3,
    "TND": 3,
}


def minor_digits(currency_code: str) -> int:
    """Decimal places of the currency's minor unit: 2 for GBP, 0 for JPY."""
    return _MINOR_DIGITS.get(currency_code.upper(), 2)


def format_money(cents: int, symbol: str = "£", digits: int = 2) -> str:
    """``1234`` -> ``"£12.34"``; ``-5`` -> ``"-£0.05"``; with ``digits=0``,
    ``1234`` -> ``"£1,234"``. Exact: integer arithmetic only."""
    sign = "-" if cents < 0 else ""
    if digits == 0:
        return f"{sign}{symbol}{abs(cents):,}"
    major, minor = divmod(abs(cents), 10**digits)
    return f"{sign}{symbol}{major:,}.{minor:0{digits}d}"


_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d*)?$")
_DECIMAL_COMMA = re.compile(r"^-?\d*,\d+$")


def _without_grouping(cleaned: str, original: str) -> str:
    """Commas as thousands separators ("1,234.50") are dropped; a lone decimal
    comma ("2,55") becomes a point. Anything else with a comma is ambiguous
    ("1,23,4") and refused rather than guessed: "2,55" must never be 255.00."""
    if "," not in cleaned:
        return cleaned
    if _THOUSANDS.match(cleaned):
        return cleaned.replace(",", "")
    if _DECIMAL_COMMA.match(cleaned) and len(cleaned.split(",")[1]) != 3:
        return cleaned.replace(",", ".")
    raise ValueError(f"not an amount: {original!r}")


def parse_money(text: str, digits: int = 2) -> int:
    """``"12.3"`` -> ``1230``. Raises ValueError for anything that is not an
    amount with at most ``digits`` decimals. Exact: no float on the way."""
    cleaned = _without_grouping(text.strip().lstrip("£$€¥").strip(), text)
    if not cleaned:
        raise ValueError("empty amount")
    negative = cleaned.startswith("-")
    if negative:
        cleaned = cleaned[1:]
    major, _, minor = cleaned.partition(".")
    if not major:
        major = "0"
    if not (major.isdigit() and (minor == "" or (minor.isdigit() and len(minor) <= digits))):
        raise ValueError(f"not an amount: {text!r}")
    cents = int(major) * 10**digits + int(minor.ljust(digits, "0") or 0)
    return -cents if negative else cents


def format_percent(basis_points: int) -> str:
    """``2000`` -> ``"20%"``; ``3333`` -> ``"33.33%"``; ``550`` -> ``"5.5%"``."""
    major, minor = divmod(basis_points, 100)
    if not minor:
        return f"{major}%"
    return f"{major}.{minor:02d}".rstrip("0") + "%"


def parse_percent(text: str) -> int:
    """``"20"`` or ``"20%"`` -> ``2000``; ``"33.33"`` -> ``3333``, in basis
    points. ValueError for anything else (more than two decimals included)."""
    cleaned = text.strip().removesuffix("%").strip()
    major, dot, minor = cleaned.partition(".")
    if not major:
        major = "0"
    if not cleaned or not major.isdigit() or (dot and not (minor.isdigit() and len(minor) <= 2)):
        raise ValueError(f"not a percentage: {text!r}")
    return int(major) * 100 + int(minor.ljust(2, "0") or 0)
