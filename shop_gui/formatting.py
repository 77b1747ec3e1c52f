"""How values look on screen."""

from datetime import datetime

from core.money import format_money

CURRENCY_SYMBOL = "£"


def money(cents: int) -> str:
    return format_money(cents, CURRENCY_SYMBOL)


def local_time(iso_utc: str) -> str:
    """``2026-11-26T22:31:47+00:00`` -> ``26 Nov 2026 22:31`` in local time."""
    try:
        return datetime.fromisoformat(iso_utc).astimezone().strftime("%d %b %Y %H:%M")
    except ValueError:
        return iso_utc
