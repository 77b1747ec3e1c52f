"""How values look on screen.

Money is shown in the shop's currency (``use_settings`` is given the shop's
settings at start and whenever they change) and laid out by the person's
locale: its digit grouping, decimal mark and where the symbol goes
(``£1,234.50`` in the UK, ``1.234,50 €`` in Germany). Amounts are ints of
the minor unit and stay ints: the text is built from the whole and the minor
part, never through a float. Under the "C" locale (no language set) the
plain form of ``core.domain.money.format_money`` is used.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QObject, QTime

from core.domain.money import format_money, minor_digits, parse_money

WALK_IN = "Walk-in"  # an order in no customer's name (its English text; walk_in() shows it)


def walk_in() -> str:
    return QCoreApplication.translate("formatting", "Walk-in")


@dataclass(frozen=True)
class Currency:
    code: str = "GBP"
    symbol: str = "£"
    digits: int = 2  # decimal places of the minor unit


_currency = Currency()


def use_settings(settings) -> bool:
    """Show money in the currency of these ``ShopSettings``; True if that changed it."""
    global _currency
    currency = Currency(settings.currency_code, settings.currency_symbol, minor_digits(settings.currency_code))
    changed = currency != _currency
    _currency = currency
    return changed


def currency() -> Currency:
    return _currency


def currency_symbol() -> str:
    return _currency.symbol.strip()


def _locale_digits(locale: QLocale, number: int, width: int = 0) -> str:
    text = locale.toString(number).replace(locale.groupSeparator(), "")
    return text.rjust(width, locale.zeroDigit()) if width else text


def money(cents: int, symbol: str | None = None, digits: int | None = None) -> str:
    """``1234`` -> ``"£12.34"`` (in the UK; ``"12,34 £"`` in Germany). Exact."""
    symbol = _currency.symbol if symbol is None else symbol
    digits = _currency.digits if digits is None else digits
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return format_money(cents, symbol, digits)
    major, minor = divmod(abs(cents), 10**digits)
    number = locale.toString(major)  # grouped: 1,234 / 1.234 / 1 234
    if digits:
        number += locale.decimalPoint() + _locale_digits(locale, minor, digits)
    # Where the locale puts the symbol: "¤1", "1 ¤"... (its pattern for one unit).
    pattern = locale.toCurrencyString(1, "\u00a4")
    one = locale.toString(1)
    if "\u00a4" not in pattern or one not in pattern:
        pattern = "\u00a41"
    if "\u00a4" + one not in pattern and one + "\u00a4" not in pattern:
        symbol = symbol.strip()  # the locale puts a space of its own: "12,34 CHF"
    text = pattern.replace(one, "\x00", 1).replace("\u00a4", symbol).replace("\x00", number)
    return f"{locale.negativeSign()}{text}" if cents < 0 else text


def face_value(cents: int) -> str:
    """A note or coin's face: ``5000`` -> ``"£50"`` (no pence on a whole
    amount), ``50`` -> ``"£0.50"``."""
    scale = 10**_currency.digits
    if cents % scale == 0:
        return money(cents // scale, digits=0)
    return money(cents)


def parse_amount(text: str, digits: int | None = None) -> int:
    """What a person typed in an amount field, in minor units: ``"2.50"``,
    ``"£2.50"``, ``"1,234.50"``; where the locale's decimal mark is a comma
    also ``"2,50"`` and ``"1.234,50"``. Exact; raises ValueError for anything
    else, including a grouping that could be a mistyped decimal (``"2,50"``
    in the UK)."""
    digits = _currency.digits if digits is None else digits
    cleaned = text.strip()
    symbol = currency_symbol()
    if symbol and symbol in cleaned:
        cleaned = cleaned.replace(symbol, "").strip()
    for space in ("\u00a0", "\u202f", " ", "'"):
        cleaned = cleaned.replace(space, ",")  # a grouping mark, checked below
    decimal = "," if QLocale().decimalPoint() == "," else "."
    if (
        decimal == ","
        and "." in cleaned
        and "," not in cleaned
        and not _GROUPED.fullmatch(cleaned.lstrip("-").replace(".", ","))
    ):
        decimal = "."  # "2.50" typed on a keypad
    group = "." if decimal == "," else ","
    sign = "-" if cleaned.startswith("-") else ""
    whole, _, fraction = cleaned.removeprefix("-").partition(decimal)
    if group in whole and not _GROUPED.fullmatch(whole.replace(group, ",")):
        raise ValueError(f"not an amount: {text!r}")
    if group in fraction:
        raise ValueError(f"not an amount: {text!r}")
    return parse_money(sign + whole.replace(group, "") + ("." + fraction if _ else ""), digits)


_GROUPED = re.compile(r"\d{1,3}(,\d{3})+")


def local_time(iso_utc: str) -> str:
    """``2026-11-26T22:31:47+00:00`` -> ``26 Nov 2026 22:31`` in local time, in
    the locale's words and order (``26 нояб. 2026 г., 22:31`` in Russian)."""
    try:
        moment = datetime.fromisoformat(iso_utc).astimezone()
    except ValueError:
        return iso_utc
    return _dates_locale().toString(to_qdatetime(moment), _MEDIUM)


def long_date(day: date) -> str:
    """``2026-12-07`` -> ``7 December 2026`` (``7 декабря 2026 г.``): the
    locale's long date without the weekday."""
    locale = _dates_locale()
    pattern = re.sub(r"d{4}\W*", "", locale.dateFormat(QLocale.FormatType.LongFormat)).strip()
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second))


def _dates_locale() -> QLocale:
    """The locale's month names; under the "C" locale (no language set), UK English's."""
    return QLocale("en_GB") if _is_c() else QLocale()


def _is_c() -> bool:
    return QLocale().language() == QLocale.Language.C


# A day with the month's short name, and the time: 26 Nov 2026 22:31 / 26 нояб. 2026 г., 22:31.
_MEDIUM = "d MMM yyyy HH:mm"


def plain_amount(cents: int | None, digits: int | None = None) -> str:
    """``899`` -> ``"8.99"``: what an amount field shows for editing (exact)."""
    if cents is None:
        return ""
    digits = _currency.digits if digits is None else digits
    sign = "-" if cents < 0 else ""
    if digits == 0:
        return f"{sign}{abs(cents)}"
    major, minor = divmod(abs(cents), 10**digits)
    return f"{sign}{major}.{minor:0{digits}d}"


def percent(basis_points: int | None) -> str:
    """``2000`` -> ``"20"``, ``1750`` -> ``"17.5"``, None -> ``""`` (inherited)."""
    if basis_points is None:
        return ""
    whole, fraction = divmod(basis_points, 100)
    return f"{whole}.{fraction:02d}".rstrip("0").rstrip(".") if fraction else str(whole)


class Counted(QObject):
    """The context of the counted nouns' plural forms (lupdate sees a
    numerus message in a class's tr(), not in QCoreApplication.translate)."""


def count_of(count: int, noun: str) -> str:
    """``1, "item"`` -> ``"1 item"``, ``1234, "item"`` -> ``"1,234 items"``; in
    Russian «1 товар», «2 товара», «5 товаров» (the translation's plural forms;
    English's own are in shop_manager_en.ts)."""
    text = _counted(count, noun)
    if _is_c() and count >= 1000:  # the "C" locale groups no digits: 1,234 as before translations
        text = text.replace(str(count), f"{count:,}", 1)
    return text


def _counted(count: int, noun: str) -> str:
    # Each noun with its plural forms, as literals lupdate reads.
    if noun == "item":
        return Counted.tr("%Ln item(s)", "", count)
    if noun == "order":
        return Counted.tr("%Ln order(s)", "", count)
    if noun == "product":
        return Counted.tr("%Ln product(s)", "", count)
    if noun == "archived product":
        return Counted.tr("%Ln archived product(s)", "", count)
    if noun == "SKU":
        return Counted.tr("%Ln SKU(s)", "", count)
    if noun == "return":
        return Counted.tr("%Ln return(s)", "", count)
    if noun == "rejected row":
        return Counted.tr("%Ln rejected row(s)", "", count)
    if noun == "closed session":
        return Counted.tr("%Ln closed session(s)", "", count)
    if noun == "minute":
        return Counted.tr("%Ln minute(s)", "", count)
    if noun == "second":
        return Counted.tr("%Ln second(s)", "", count)
    if noun == "movement":
        return Counted.tr("%Ln movement(s)", "", count)
    if noun == "day":
        return Counted.tr("%Ln day(s)", "", count)
    if noun == "label":
        return Counted.tr("%Ln label(s)", "", count)
    if noun == "event":
        return Counted.tr("%Ln event(s)", "", count)
    if noun == "time":
        return Counted.tr("%Ln time(s)", "", count)
    if noun == "sheet":
        return Counted.tr("%Ln sheet(s)", "", count)
    if noun == "delivery":
        return Counted.tr("%Ln delivery(s)", "", count)
    raise ValueError(f"no plural forms for {noun!r}")  # a noun to add here, and to translate


def refund_way(methods: str | None) -> str:
    """How a refund went back (``OrderHistoryEntry.method``: "card", "card +
    cash"), to end a sentence: ``" by card + cash"``; "" when not recorded."""
    if not methods:
        return ""
    # "card + cash": each method in the window's words ("Cash" is a "words" text).
    named = " + ".join(QCoreApplication.translate("words", m.strip().capitalize()).lower() for m in methods.split("+"))
    return QCoreApplication.translate("formatting", " by %1").replace("%1", named)


def signed(quantity: int) -> str:
    """``5`` -> ``"+5"``, ``-2`` -> ``"-2"``, ``0`` -> ``"0"``."""
    return f"+{QLocale().toString(quantity)}" if quantity > 0 else QLocale().toString(quantity)


def category_paths(categories) -> dict[int, str]:
    """Each category's full path, ``"Kitchen / Mugs"``, from GetCategories()
    (parents come before their children)."""
    paths: dict[int, str] = {}
    for category in categories:
        parent = paths.get(category.parent_id)
        paths[category.id] = f"{parent} / {category.name}" if parent else category.name
    return paths


# A name in a heading of rich text (which cannot be elided to a width) is cut here.
NAME_IN_TEXT_LIMIT = 60


def shortened(text: str, limit: int = NAME_IN_TEXT_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" if it was longer:
    a 200-character name in a sentence must not widen the pane that shows it
    (the whole of it goes in a tooltip)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
