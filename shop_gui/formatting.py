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


def plain_amount(cents: int | None) -> str:
    """``899`` -> ``"8.99"``: what an amount field shows for editing (exact)."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    major, minor = divmod(abs(cents), 100)
    return f"{sign}{major}.{minor:02d}"


def percent(basis_points: int | None) -> str:
    """``2000`` -> ``"20"``, ``1750`` -> ``"17.5"``, None -> ``""`` (inherited)."""
    if basis_points is None:
        return ""
    whole, fraction = divmod(basis_points, 100)
    return f"{whole}.{fraction:02d}".rstrip("0").rstrip(".") if fraction else str(whole)


def signed(quantity: int) -> str:
    """``5`` -> ``"+5"``, ``-2`` -> ``"-2"``, ``0`` -> ``"0"``."""
    return f"+{quantity:,}" if quantity > 0 else f"{quantity:,}"


def category_paths(categories) -> dict[int, str]:
    """Each category's full path, ``"Kitchen / Mugs"``, from GetCategories()
    (parents come before their children)."""
    paths: dict[int, str] = {}
    for category in categories:
        parent = paths.get(category.parent_id)
        paths[category.id] = f"{parent} / {category.name}" if parent else category.name
    return paths
