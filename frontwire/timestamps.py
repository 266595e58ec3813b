"""Document timestamps (published / updated) from the strings outlets write.

``parse_timestamp("12/03/24, 5 a.m. ET", locale="US", context=article)`` returns a
:class:`~frontwire.model.Timestamp`. Regexes handle the common shapes (ISO 8601,
RFC 2822, "March 12, 2024", "12 March 2024", numeric dates with an optional
clock time and zone); dateparser (``languages=['en']``) is only a fallback,
because it reads "12/03/24" as 1924 and is slow on long strings.

A numeric date whose two first parts are both <= 12 has two readings. Both are
kept in ``Timestamp.readings``, ``ambiguous`` is set, and the chosen one is
picked by scoring evidence, strongest first: a weekday written next to the date,
the document's published date (an update cannot precede it), a date in the
future, the outlet's locale (frontwire/data/outlets.json; US writes month first),
dotted dates (European day first), weekdays named in the context and the nearest
explicit date in the context. ``evidence`` lists every reason that was weighed.
"""

from __future__ import annotations

import email.utils
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from importlib import resources
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from .model import Timestamp

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?\b"
)
_RFC2822 = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|[A-Z]{1,5}))?$"
)
_MONTH_DAY_YEAR = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I
)
_DAY_MONTH_YEAR = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I
)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I)
_NUMERIC = re.compile(
    r"\b(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})\b"
)
_YMD_SLASH = re.compile(r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b")
_TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?(?::\d{2})?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?", re.I
)
_TZ_RE = re.compile(
    r"(?P<tz>\b(?:Kyiv|Kiev|Moscow|Kharkiv|local)\s+time\b|"
    r"\b(?:UTC|GMT)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?(?![A-Za-z])|"
    r"\b(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|MSK|CET|CEST|EET|EEST|BST|EAT|CAT)\b)",
    re.I,
)
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)

# Named zones follow daylight saving; abbreviations that fix the offset stay fixed.
_ZONES: dict[str, str | int] = {
    "et": "America/New_York", "ct": "America/Chicago", "pt": "America/Los_Angeles",
    "est": -300, "edt": -240, "cst": -360, "cdt": -300, "pst": -480, "pdt": -420,
    "msk": "Europe/Moscow", "moscow time": "Europe/Moscow",
    "kyiv time": "Europe/Kyiv", "kiev time": "Europe/Kyiv", "kharkiv time": "Europe/Kyiv",
    "cet": 60, "cest": 120, "eet": 120, "eest": 180, "bst": 60, "eat": 180, "cat": 120,
    "utc": 0, "gmt": 0,
}  # fmt: skip


@dataclass
class _Parsed:
    """One reading of a date string before it becomes a Timestamp."""

    day: date
    precision: str
    clock: tuple[int, int] | None = None
    tz: tzinfo | None = None

    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.day.year:04d}"
        if self.precision == "month":
            return f"{self.day.year:04d}-{self.day.month:02d}"
        if self.clock is None:
            return self.day.isoformat()
        moment = datetime(self.day.year, self.day.month, self.day.day, *self.clock, tzinfo=self.tz)
        return moment.isoformat(timespec="seconds")


def parse_timestamp(
    text: str, locale: str | None = None, context: str = "", reference: str | None = None
) -> Timestamp | None:
    """Parse a document date string.

    text (str): the date as written ("12/03/24, 5 a.m. ET", "Tue, 12 Mar 2024 09:30:00 GMT").
    locale (str | None): country (or "en_US"-style locale) whose numeric date order applies.
    context (str): surrounding text (the article) used to settle day/month ambiguity.
    reference (str | None): ISO date the result should not precede (e.g. the published date
        when parsing an update note).
    RETURNS (Timestamp | None): the timestamp, or None when the text holds no date.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_timestamp expects a string, got {type(text).__name__}")
    text = " ".join(text.split())
    if not text:
        return None
    found = _parse_epoch(text) or _parse_iso(text) or _parse_rfc2822(text)
    if found:
        return Timestamp(value=found.iso(), precision=found.precision, source_text=text)
    readings, span, dotted = _parse_words(text)
    if not readings:
        fallback = _parse_with_dateparser(text)
        if fallback is None:
            return None
        return Timestamp(value=fallback.iso(), precision=fallback.precision, source_text=text,
                         evidence="dateparser fallback")
    _attach_clock(text, span, readings)
    if len(readings) == 1:
        one = readings[0]
        return Timestamp(value=one.iso(), precision=one.precision, source_text=text)
    index, evidence = _choose(text, readings, locale, context, reference, dotted)
    return Timestamp(
        value=readings[index].iso(),
        precision=readings[index].precision,
        readings=[r.iso() for r in readings],
        ambiguous=True,
        evidence=evidence,
        source_text=text,
    )


def _parse_epoch(text: str) -> _Parsed | None:
    """Unix time in seconds or milliseconds (feeds and exports), read as UTC."""
    if not text.isdigit() or len(text) not in (10, 13):
        return None
    moment = datetime.fromtimestamp(int(text[:10]), tz=UTC)
    return _Parsed(moment.date(), "minute", (moment.hour, moment.minute), UTC)


def _parse_iso(text: str) -> _Parsed | None:
    match = _ISO.match(text)
    if not match or match.end() < len(text.rstrip(" .")):
        return None
    year, month = int(match["y"]), int(match["m"])
    if not match["d"]:
        return _safe(year, month, 1, "month")
    parsed = _safe(year, month, int(match["d"]), "day")
    if parsed and match["H"]:
        parsed.clock = (int(match["H"]), int(match["M"]))
        parsed.precision = "minute"
        if match["tz"]:
            parsed.tz = _offset_zone(match["tz"])
    return parsed


def _parse_rfc2822(text: str) -> _Parsed | None:
    if not _RFC2822.match(text):
        return None
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return _Parsed(moment.date(), "minute", (moment.hour, moment.minute), moment.tzinfo)


def _parse_words(text: str) -> tuple[list[_Parsed], tuple[int, int], bool]:
    """Readings of a month-name or numeric date, the span it covers, and whether dotted."""
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        match = pattern.search(text)
        if match:
            month = MONTHS[match["month"][:3].lower()]
            one = _safe(int(match["year"]), month, int(match["day"]), "day")
            return ([one] if one else []), match.span(), False
    match = _YMD_SLASH.search(text)
    if match:
        one = _safe(int(match["y"]), int(match["m"]), int(match["d"]), "day")
        return ([one] if one else []), match.span(), False
    match = _NUMERIC.search(text)
    if match:
        return _numeric_readings(match), match.span(), match["sep"] == "."
    match = _MONTH_YEAR.search(text)
    if match:
        month = MONTHS[match["month"][:3].lower()]
        one = _safe(int(match["year"]), month, 1, "month")
        return ([one] if one else []), match.span(), False
    return [], (0, 0), False


def _numeric_readings(match: re.Match[str]) -> list[_Parsed]:
    """Month-first reading first, then day-first; only the valid, distinct ones."""
    a, b, year = int(match["a"]), int(match["b"]), _full_year(match["year"])
    readings = [_safe(year, a, b, "day"), _safe(year, b, a, "day")]
    unique: list[_Parsed] = []
    for reading in readings:
        if reading and all(reading.day != u.day for u in unique):
            unique.append(reading)
    return unique


def _full_year(digits: str) -> int:
    # Two-digit years in news are this century ("12/03/24" is 2024, not 1924).
    year = int(digits)
    if len(digits) == 2:
        return 2000 + year if year < 70 else 1900 + year
    return year


def _safe(year: int, month: int, day: int, precision: str) -> _Parsed | None:
    try:
        return _Parsed(date(year, month, day), precision)
    except ValueError:
        return None


def _attach_clock(text: str, span: tuple[int, int], readings: list[_Parsed]) -> None:
    """Add a clock time and zone written before or after the date to every reading."""
    rest = text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]
    clock = None
    for match in _TIME.finditer(rest):
        if match["mi"] or match["ampm"]:
            clock = _clock(match)
            break
    if clock is None:
        return
    zone_match = _TZ_RE.search(rest)
    for reading in readings:
        reading.clock = clock
        reading.precision = "minute" if ":" in text[span[1] :] + text[: span[0]] else "hour"
        if zone_match:
            reading.tz = _zone(zone_match["tz"])


def _clock(match: re.Match[str]) -> tuple[int, int] | None:
    hour, minute = int(match["h"]), int(match["mi"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _zone(name: str) -> tzinfo | None:
    key = " ".join(name.lower().split())
    gmt = re.match(r"(?:utc|gmt)\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?$", key)
    if gmt:
        minutes = int(gmt[2]) * 60 + int(gmt[3] or 0)
        return timezone(timedelta(minutes=minutes if gmt[1] == "+" else -minutes))
    zone = _ZONES.get(key)
    if zone is None:  # "local time": no offset known, the time stays naive
        return None
    if isinstance(zone, int):
        return UTC if zone == 0 else timezone(timedelta(minutes=zone))
    return ZoneInfo(zone)


def _offset_zone(text: str) -> tzinfo:
    if text == "Z":
        return UTC
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0)))


def _parse_with_dateparser(text: str) -> _Parsed | None:
    # Only short strings with a digit: dateparser reads "may" or "We" as dates in prose.
    if len(text) > 80 or not re.search(r"\d", text):
        return None
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None
    if re.search(r"\b\d{4}\b", text) is None and parsed.year < 1970:
        parsed = parsed.replace(year=parsed.year + 100)
    has_clock = bool(re.search(r"\d:\d{2}|[ap]\.?m\b", text, re.I))
    clock = (parsed.hour, parsed.minute) if has_clock else None
    return _Parsed(parsed.date(), "minute" if clock else "day", clock, parsed.tzinfo)


def _choose(
    text: str,
    readings: list[_Parsed],
    locale: str | None,
    context: str,
    reference: str | None,
    dotted: bool,
) -> tuple[int, str]:
    """Index of the best reading (0 = month first, 1 = day first) and the evidence."""
    scores = [0.0, 0.0]
    notes: list[str] = []
    days = [r.day for r in readings]
    _weigh_own_weekday(text, days, scores, notes)
    _weigh_reference(reference, days, scores, notes)
    for i, day in enumerate(days):
        if day > date.today():
            scores[i] -= 2.0
            notes.append(f"{day.isoformat()} is in the future")
    _weigh_locale(locale, scores, notes)
    if dotted:
        scores[1] += 1.0
        notes.append("dotted numeric date: day first")
    _weigh_context_weekdays(context, days, scores, notes)
    _weigh_context_dates(context, days, scores, notes)
    if scores[0] == scores[1]:
        index = 0 if _month_first(locale) else 1
        notes.append("tie: " + ("month first" if index == 0 else "day first (most outlets)"))
    else:
        index = 0 if scores[0] > scores[1] else 1
    return index, "; ".join(notes)


def _weigh_own_weekday(text: str, days: list[date], scores: list[float], notes: list[str]) -> None:
    match = _WEEKDAY_RE.search(text)
    if match:
        _weekday_vote(match[1], days, scores, notes, 3.0, "written weekday")


def _weigh_reference(
    reference: str | None, days: list[date], scores: list[float], notes: list[str]
) -> None:
    if not reference:
        return
    try:
        ref = date.fromisoformat(reference[:10])
    except ValueError:
        return
    gaps = [(day - ref).days for day in days]
    for i, gap in enumerate(gaps):
        if gap < 0:
            scores[i] -= 3.0
            notes.append(f"{days[i].isoformat()} precedes published date {ref.isoformat()}")
    if all(g >= 0 for g in gaps) and gaps[0] != gaps[1]:
        near = 0 if gaps[0] < gaps[1] else 1
        scores[near] += 2.0
        notes.append(f"{days[near].isoformat()} is nearer published date {ref.isoformat()}")


def _weigh_locale(locale: str | None, scores: list[float], notes: list[str]) -> None:
    country = _country(locale)
    if not country:
        return
    if _month_first(country):
        scores[0] += 1.0
        notes.append(f"outlet locale {country}: month first")
    else:
        scores[1] += 1.0
        notes.append(f"outlet locale {country}: day first")


def _weigh_context_weekdays(
    context: str, days: list[date], scores: list[float], notes: list[str]
) -> None:
    for name in dict.fromkeys(m.lower() for m in _WEEKDAY_RE.findall(context)):
        _weekday_vote(name, days, scores, notes, 0.75, "weekday")


def _weekday_vote(
    name: str, days: list[date], scores: list[float], notes: list[str], weight: float, label: str
) -> None:
    wanted = WEEKDAYS.index(name.lower())
    hits = [i for i, day in enumerate(days) if day.weekday() == wanted]
    title = name.capitalize()
    if len(hits) == 1:
        scores[hits[0]] += weight
        notes.append(f"{label} {title} matches {days[hits[0]].isoformat()}")
    elif len(hits) == len(days):
        notes.append(f"{label} {title} matches both readings")


def _weigh_context_dates(
    context: str, days: list[date], scores: list[float], notes: list[str]
) -> None:
    explicit = _explicit_dates(context)
    if not explicit:
        return
    gaps = [min(abs((day - other).days) for other, _ in explicit) for day in days]
    if abs(gaps[0] - gaps[1]) <= 30:
        return
    near = 0 if gaps[0] < gaps[1] else 1
    nearest = min(explicit, key=lambda item: abs((days[near] - item[0]).days))
    scores[near] += 0.5
    notes.append(f"explicit date {nearest[1]!r} in text is nearer {days[near].isoformat()}")


def _explicit_dates(context: str) -> list[tuple[date, str]]:
    """Unambiguous dates written out in the context (month names or ISO)."""
    found = []
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        for match in pattern.finditer(context):
            one = _safe(int(match["year"]), MONTHS[match["month"][:3].lower()],
                        int(match["day"]), "day")
            if one:
                found.append((one.day, match[0]))
    return found


def _country(locale: str | None) -> str:
    if not locale:
        return ""
    return re.split(r"[_\-]", locale.strip())[-1].upper()


def _month_first(locale: str | None) -> bool:
    return _country(locale) in set(_outlet_table()[1])


@lru_cache(maxsize=1)
def _outlet_table() -> tuple[dict[str, str], list[str]]:
    raw = resources.files("frontwire").joinpath("data/outlets.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return data["outlets"], data["month_first"]


_TLD_COUNTRY = {
    "uk": "GB", "ru": "RU", "ua": "UA", "ke": "KE", "de": "DE", "fr": "FR", "sd": "SD",
    "ng": "NG", "za": "ZA", "au": "AU", "ca": "CA", "in": "IN", "ph": "PH", "ie": "IE",
}  # fmt: skip


def outlet_locale(outlet: str = "", url: str = "") -> str | None:
    """Country code whose date habits an outlet follows ("US", "GB", ...), or None if unknown.

    outlet (str): outlet name as the reader found it ("Newsweek").
    url (str): the article URL; its domain (and then its country TLD) is the fallback.
    """
    table = _outlet_table()[0]
    name = " ".join(outlet.lower().split())
    if name in table:
        return table[name]
    host = urlparse(url).netloc.lower().split(":")[0]
    host = host.removeprefix("www.")
    parts = host.split(".")
    for i in range(len(parts) - 1):
        domain = ".".join(parts[i:])
        if domain in table:
            return table[domain]
    return _TLD_COUNTRY.get(parts[-1]) if host else None
