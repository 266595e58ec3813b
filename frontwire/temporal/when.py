"""``event_date``: the date of an event described by a span of a report's text.

The events stage codes ACLED and UCDP GED precisions from it:
ACLED ``time_precision`` 1 exact day, 2 a few days or a week, 3 only the month (or worse);
UCDP ``date_prec`` 1 exact day, 2 two to six days, 3 a week, 4 a month, 5 longer.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from ..model import Report, TimeExpression
from .dates import parse_dct
from .tagger import tag

_REFERENCE = re.compile(
    r"\b(?:since|before|after|until|till|ahead\s+of|prior\s+to|compared\s+with|than)\s+"
    r"(?:the\s+)?(?:early\s+|late\s+|mid-?)?$",
    re.I,
)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:early\s+|late\s+)?$", re.I)


def event_date(report: Report, start: int, end: int) -> dict[str, Any]:
    """Date of the event told in ``report.text[start:end]``.

    Uses the time expressions inside the span (one that frames the event before one
    that is a reference point, like "since 2014"; then the narrowest), else the nearest
    earlier framing one in the same paragraph, else the document date with precision 2
    (news reports events of the day before or so). "Since Sunday" runs to the DCT.

    report (Report): the analysed report; its ``times`` are tagged here if empty.
    start (int): first character of the event description.
    end (int): end (exclusive) of the event description.
    RETURNS (dict): date_start, date_end (ISO dates or None), time_precision (ACLED 1-3),
        date_prec (UCDP 1-5), date_text (the words the date came from).
    """
    if not isinstance(report, Report):
        raise TypeError(f"event_date expects a Report, not {type(report).__name__}")
    text = report.text or ""
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start!r}:{end!r} is outside the report text (0:{len(text)})")
    dct = parse_dct(report.dct)
    times = report.times if report.times else tag(text, report.dct)
    dated = [t for t in times if t.begin and t.finish and t.type in ("DATE", "TIME")]
    inside = [t for t in dated if t.start >= start and t.end <= end]
    if inside:
        return _from_expression(min(inside, key=lambda t: _rank(t, text)), text, dct)
    paragraph = text.rfind("\n", 0, start) + 1
    # Reference points ("the worst since 2014") frame nothing that follows them.
    before = [t for t in dated if paragraph <= t.start and t.end <= start and not _rank(t, text)[0]]
    if before:
        return _from_expression(before[-1], text, dct)
    return _from_dct(dct)


def _rank(t: TimeExpression, text: str) -> tuple[int, int, int]:
    """Dates that frame the event ("on Tuesday") before reference points ("the worst since
    24 February 2022", "two days before the vote"), then the narrowest, then the first."""
    assert t.begin and t.finish
    framing = 1 if _REFERENCE.search(text, max(0, t.start - 30), t.start) else 0
    return framing, (date.fromisoformat(t.finish) - date.fromisoformat(t.begin)).days, t.start


def _from_expression(t: TimeExpression, text: str, dct: date | None) -> dict[str, Any]:
    assert t.begin and t.finish
    first, last = date.fromisoformat(t.begin), date.fromisoformat(t.finish)
    words = t.text
    since = _SINCE.search(text, max(0, t.start - 20), t.start)
    if since and dct is not None and dct > last:
        last, words = dct, text[since.start() : t.end]
    days = (last - first).days + 1
    night = t.value.endswith("TNI") and days == 2
    return {
        "date_start": first.isoformat(),
        "date_end": last.isoformat(),
        "time_precision": 1 if days == 1 or night else 2 if days <= 7 else 3,
        "date_prec": _ucdp(days),
        "date_text": words,
    }


def _from_dct(dct: date | None) -> dict[str, Any]:
    if dct is None:
        return {
            "date_start": None,
            "date_end": None,
            "time_precision": 3,
            "date_prec": 5,
            "date_text": "",
        }
    return {
        "date_start": (dct - timedelta(days=1)).isoformat(),
        "date_end": dct.isoformat(),
        "time_precision": 2,
        "date_prec": 2,
        "date_text": "",
    }


def _ucdp(days: int) -> int:
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days <= 7:
        return 3
    return 4 if days <= 31 else 5
