"""Filling in translated sentences: Qt's %1, %2 ... placeholders (which a
translation may reorder), since PySide6's tr() returns a Python str without
QString's arg()."""

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from core.i18n import Text

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(text: str, *args) -> str:
    """``fill("Refund %1 by %2", "£5.00", "cash")`` -> ``"Refund £5.00 by cash"``.
    One pass: a value holding "%2" is never filled in again."""
    return _PLACEHOLDER.sub(
        lambda m: str(args[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(args) else m.group(0), text
    )


def word(text: str) -> str:
    """A text marked QT_TRANSLATE_NOOP("words", ...) where it is defined (a
    column heading, a payment method, a role...), in the window's language."""
    return QCoreApplication.translate("words", text) if text else text


# Words the core stores as data (statuses, roles), as people read them.
STATUS_WORDS = (
    QT_TRANSLATE_NOOP("status", "Placed"),
    QT_TRANSLATE_NOOP("status", "Paid"),
    QT_TRANSLATE_NOOP("status", "Fulfilled"),
    QT_TRANSLATE_NOOP("status", "Cancelled"),
)
ROLE_WORDS = (
    QT_TRANSLATE_NOOP("words", "Owner"),
    QT_TRANSLATE_NOOP("words", "Manager"),
    QT_TRANSLATE_NOOP("words", "Cashier"),
)


# Reasons the core stores as data: returns (RETURN_REASONS), stock
# adjustments (ADJUSTMENT_REASONS), as people read them.
REASON_WORDS = (
    QT_TRANSLATE_NOOP("reason", "Unwanted"),
    QT_TRANSLATE_NOOP("reason", "Faulty"),
    QT_TRANSLATE_NOOP("reason", "Wrong item"),
    QT_TRANSLATE_NOOP("reason", "Other"),
    QT_TRANSLATE_NOOP("reason", "Damaged"),
    QT_TRANSLATE_NOOP("reason", "Lost"),
    QT_TRANSLATE_NOOP("reason", "Stock-take"),
)


def reason_name(reason: str) -> str:
    """``"wrong item"`` -> ``"Wrong item"`` (``"Не тот товар"``)."""
    return QCoreApplication.translate("reason", reason.capitalize())


def status_name(status: str) -> str:
    """``"paid"`` -> ``"Paid"`` (``"Оплачен"``)."""
    return QCoreApplication.translate("status", status.capitalize())


def describe(error) -> str:
    """A core sentence in the window's language: an error whose message is a
    core ``Text`` (core/i18n.py: its English template and values), or such
    a Text itself; the template is translated (the .ts context "" holds the
    core's sentences) and the values filled in. Anything else: str()."""
    text = error.args[0] if isinstance(error, BaseException) and error.args else error
    if isinstance(text, Text):
        return translated(text)
    return str(error)


def translated(text: Text) -> str:
    template = QCoreApplication.translate("", text.template)
    if not text.values:
        return template
    values = {name: translated(v) if isinstance(v, Text) else v for name, v in text.values.items()}
    # A grouped number ({count:,}) grouped the locale's way: 1 234 in Russian.
    template = _GROUPED_FIELD.sub(lambda m: _locale_number(m, values), template)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a mistyped placeholder
        return str(text)


_GROUPED_FIELD = re.compile(r"\{(\w+):,\}")


def _locale_number(match, values) -> str:
    value = values.get(match.group(1))
    if not isinstance(value, int):
        return match.group(0)
    return QLocale().toString(value).replace("{", "{{").replace("}", "}}")
