"""The periods the Reports tab offers, as (first day, last day), both
included, in the computer's calendar (weeks start on Monday, as ISO weeks)."""

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP

CUSTOM = "custom"
PRESETS = (
    ("today", QT_TRANSLATE_NOOP("words", "Today")),
    ("yesterday", QT_TRANSLATE_NOOP("words", "Yesterday")),
    ("this_week", QT_TRANSLATE_NOOP("words", "This week")),
    ("last_week", QT_TRANSLATE_NOOP("words", "Last week")),
    ("this_month", QT_TRANSLATE_NOOP("words", "This month")),
    ("last_month", QT_TRANSLATE_NOOP("words", "Last month")),
    ("this_year", QT_TRANSLATE_NOOP("words", "This year")),
    (CUSTOM, QT_TRANSLATE_NOOP("words", "Custom...")),
)


def period_of(preset: str, today: date) -> tuple[date, date]:
    """The days ``preset`` covers, ``today`` being today (the current week,
    month or year runs to today)."""
    if preset == "today":
        return today, today
    if preset == "yesterday":
        day = today - timedelta(days=1)
        return day, day
    monday = today - timedelta(days=today.weekday())
    if preset == "this_week":
        return monday, today
    if preset == "last_week":
        return monday - timedelta(days=7), monday - timedelta(days=1)
    first = today.replace(day=1)
    if preset == "this_month":
        return first, today
    if preset == "last_month":
        last = first - timedelta(days=1)
        return last.replace(day=1), last
    if preset == "this_year":
        return today.replace(month=1, day=1), today
    raise ValueError(f"no preset {preset!r}")
