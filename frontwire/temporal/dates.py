"""Calendar arithmetic for TIMEX3 values: shifts, ISO weeks, seasons, value -> day interval."""

from __future__ import annotations

import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_SEASON_ORDER = ("WI", "SP", "SU", "FA")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})$")


def parse_dct(dct: str | None) -> date | None:
    """The document date as a ``date``; raises ValueError on anything but ISO ``YYYY-MM-DD...``."""
    if dct is None or dct == "":
        return None
    if not isinstance(dct, str):
        raise TypeError(f"dct must be an ISO date string or None, not {type(dct).__name__}")
    try:
        return date.fromisoformat(dct[:10])
    except ValueError:
        raise ValueError(f"dct must be an ISO date (YYYY-MM-DD), got {dct!r}") from None


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_quarters(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def season_of(d: date) -> tuple[int, str]:
    """(year, code) of the season containing ``d``; winter belongs to the year it starts in."""
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, _SEASON_ORDER[(d.month - 3) // 3 + 1]


def season_span(year: int, code: str) -> tuple[date, date]:
    first, last = SEASON_MONTHS[code]
    start = date(year, first, 1)
    end_year = year + 1 if code == "WI" else year
    return start, _month_end(end_year, last)


def last_season(dct: date, code: str) -> int:
    """Year of the most recent ``code`` season that ended before ``dct`` ("last summer")."""
    year = dct.year
    while season_span(year, code)[1] >= dct:
        year -= 1
    return year


def next_season(dct: date, code: str) -> int:
    """Year of the first ``code`` season starting after ``dct`` ("next winter")."""
    year = dct.year - 1
    while season_span(year, code)[0] <= dct:
        year += 1
    return year


def weekday_near(dct: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (ISO 1-7) nearest ``dct``: -1 before, +1 after, 0 the same day if it is."""
    diff = weekday - dct.isoweekday()
    if direction == 0 and diff == 0:
        return dct
    if direction >= 0:
        return dct + timedelta(days=diff % 7 or 7)
    return dct - timedelta(days=(-diff) % 7 or 7)


def _month_end(year: int, month: int) -> date:
    ny, nm = add_months(year, month, 1)
    return date(ny, nm, 1) - timedelta(days=1)


def interval(value: str) -> tuple[date, date] | None:
    """First and last day covered by a calendar TIMEX3 value, None when not a calendar value."""
    try:
        return _interval(value)
    except ValueError:  # impossible day numbers (Feb 30) read from text
        return None


def _interval(value: str) -> tuple[date, date] | None:
    if m := _DAY.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), _month_end(y, mo)
    if m := _YEAR.match(value):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31)
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if m := _QUARTER.match(value):
        y, q = int(m[1]), int(m[2])
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    if m := _HALF.match(value):
        y, h = int(m[1]), int(m[2])
        return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
    if m := _SEASON.match(value):
        return season_span(int(m[1]), m[2])
    if m := _DECADE.match(value):
        y = int(m[1]) * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    if m := _CENTURY.match(value):
        y = int(m[1]) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    return None
