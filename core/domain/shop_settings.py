"""The shop's settings: what they are, their defaults (a UK shop) and how they
are kept as text in the write model's ``shop_setting`` table."""

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from core.domain.money import format_money, minor_digits

# The languages a shop may print its receipts and reports in (the window's
# own language is each computer's: shop_gui/language.py).
SHOP_LANGUAGES = ("en", "ru")


@dataclass(frozen=True)
class ShopSettings:
    """The shop's details for receipts, its currency and how it charges tax."""

    name: str = "My Shop"
    address: str = ""  # lines separated by "\n"
    currency_code: str = "GBP"
    currency_symbol: str = "£"
    default_tax_rate_bp: int = 2000  # for products and categories without a rate of their own
    prices_include_tax: bool = True  # prices as entered already contain the tax
    language: str = "en"  # what receipts and reports are printed in: SHOP_LANGUAGES

    @property
    def minor_digits(self) -> int:
        """Decimal places of the currency: amounts are ints of its minor unit."""
        return minor_digits(self.currency_code)

    def money(self, cents: int) -> str:
        """``1234`` -> ``"£12.34"`` in the shop's currency (not localised)."""
        return format_money(cents, self.currency_symbol, self.minor_digits)


FIELD_NAMES = tuple(f.name for f in fields(ShopSettings))


def to_rows(settings: ShopSettings) -> dict[str, str]:
    """The settings as the ``shop_setting`` table keeps them: text by key."""
    rows = {}
    for name in FIELD_NAMES:
        value = getattr(settings, name)
        rows[name] = ("1" if value else "0") if isinstance(value, bool) else str(value)
    return rows


def from_rows(rows: Mapping[str, str]) -> ShopSettings:
    """Settings from the table's rows; a missing key has its default."""
    values: dict[str, Any] = {}  # field name -> value, of the field's type
    for f in fields(ShopSettings):
        if f.name not in rows:
            continue
        text = rows[f.name]
        if f.type is bool or f.type == "bool":
            values[f.name] = text == "1"
        elif f.type is int or f.type == "int":
            values[f.name] = int(text)
        else:
            values[f.name] = text
    return ShopSettings(**values)
