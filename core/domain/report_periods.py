"""When a sale counts in a report: its day, hour, ISO week and month in the
computer's time zone, and the groupings a sales report may ask for.

Shared by the projector (which files each sale under its local day and hour)
and the report query (which sums the days of a period). Pure: no I/O.
"""

import time
from datetime import date, datetime

from core.errors import InvalidCommand
from core.i18n import N_

TIME_GROUPS = ("day", "week", "month", "hour")
NAME_GROUPS = ("staff", "till")
ITEM_GROUPS = ("product", "category")
GROUPS = TIME_GROUPS + ("product", "category") + NAME_GROUPS

# A report of one period over at most this many days (a decade and a bit):
# a mistyped year is refused rather than summed day by day.
MAX_DAYS = 366 * 12


def local_day_hour(timestamp: str) -> tuple[str, str]:
    """(``2011-03-04``, ``09``): the local day and hour of an ISO timestamp
    as the write model records it (UTC with its offset)."""
    moment = datetime.fromisoformat(timestamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # the computer's zone
    return moment.strftime("%Y-%m-%d"), f"{moment.hour:02d}"


def zone_fingerprint() -> str:
    """What identifies the computer's time zone, as far as days go: its
    names and offsets. Aggregates made under another are rebuilt."""
    return f"{'/'.join(time.tzname)} {time.timezone} {time.altzone} {time.daylight}"


def week_key(day: date) -> str:
    """``2011-W09``: the ISO week (Monday first) a day belongs to."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def group_by(value) -> str:
    """A grouping a sales report understands, or a ShopError sentence."""
    if not isinstance(value, str) or value not in GROUPS:
        raise InvalidCommand(N_("A report is grouped by one of: {choices}.", choices=", ".join(GROUPS)))
    return value


def period(date_from, date_to) -> tuple[date, date]:
    """Both ends of a report's period (days, included), or a ShopError sentence."""
    for value in (date_from, date_to):
        # datetime is a date too: a time of day has no place in a period of days.
        if not isinstance(value, date) or isinstance(value, datetime):
            raise InvalidCommand(N_("A report's period is given as two days (dates)."))
    if date_to < date_from:
        raise InvalidCommand(N_("A report's period must end on or after the day it starts."))
    if (date_to - date_from).days >= MAX_DAYS:
        raise InvalidCommand(N_("A report covers at most twelve years."))
    return date_from, date_to


def limit(value) -> int | None:
    """How many rows a top-N report keeps (None: all), or a ShopError sentence."""
    if value is None:
        return None
    if type(value) is not int or value < 1:
        raise InvalidCommand(N_("A report's limit is a whole number of rows, at least 1."))
    return value


def months_between(first: date, last: date) -> list[str]:
    """Every ``YYYY-MM`` from ``first``'s month to ``last``'s, in order."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
