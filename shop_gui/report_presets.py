"""The periods the Reports tab offers, as (first day, last day), both
included, in the computer's calendar (weeks start on Monday, as ISO weeks)."""

from datetime import date, timedelta

CUSTOM = "custom"
PRESETS = (
    ("today", "Today"),
    ("yesterday", "Yesterday"),
    ("this_week", "This week"),
    ("last_week", "Last week"),
    ("this_month", "This month"),
    ("last_month", "Last month"),
    ("this_year", "This year"),
    (CUSTOM, "Custom..."),
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
