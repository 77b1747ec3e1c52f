"""Filling in translated sentences: Qt's %1, %2 ... placeholders (which a
translation may reorder), since PySide6's tr() returns a Python str without
QString's arg()."""

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

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
    QT_TRANSLATE_NOOP("words", "Placed"),
    QT_TRANSLATE_NOOP("words", "Paid"),
    QT_TRANSLATE_NOOP("words", "Fulfilled"),
    QT_TRANSLATE_NOOP("words", "Cancelled"),
)
ROLE_WORDS = (
    QT_TRANSLATE_NOOP("words", "Owner"),
    QT_TRANSLATE_NOOP("words", "Manager"),
    QT_TRANSLATE_NOOP("words", "Cashier"),
)


def status_name(status: str) -> str:
    """``"paid"`` -> ``"Paid"`` (``"Оплачен"``)."""
    return word(status.capitalize())


def describe(error) -> str:
    """A core error's sentence in the window's language: the core keeps its
    sentence's English template and values (core/i18n.py), translated here
    (the .ts context "" holds the core's sentences). Anything else: str()."""
    template = getattr(error, "template", None)
    if template is None:
        return str(error)
    text = QCoreApplication.translate("", template, "", error.count if error.count is not None else -1)
    return _filled(text, error.values, error.count)


def _filled(text: str, values: dict, count: int | None) -> str:
    if count is not None:
        text = text.replace("%Ln", QLocale().toString(count)).replace("%n", str(count))
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a mistyped placeholder
        return text
