"""``event_date``: the date of an event described by a span of a report's text.

The events stage codes ACLED and UCDP GED precisions from it:
ACLED ``time_precision`` 1 exact day, 2 a few days or a week, 3 only the month (or worse);
UCDP ``date_prec`` 1 exact day, 2 two to six days, 3 a week, 4 a month, 5 longer.

Which expression dates the event: the one attached to the event's own clause, not the
date of the statement that reports it ("the ministry said on Monday that the strike
overnight ..." dates the strike by "overnight"), not a reference point ("the worst since
2014"), and not the moment of writing ("Today the prison lies in ruins"). An event is
told as past: a bare month or weekday resolved after the report's date is moved to its
most recent past occurrence ("in May" in a July article is this May).

With no date phrase of its own the event gets a weak prior, never a day: the interval of
``prior_days`` before the reference (the statement's date when a dated statement reports
it, else the publication date) up to it, time_precision 2, date_prec 2 and an empty
``date_text``. Convention for the ledger: ``date_text == ""`` means the dates are this
prior, not evidence.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Report, TimeExpression
from .dates import parse_dct
from .lexicon import MONTHS
from .tagger import tag

DATA = Path(__file__).parent / "data" / "event_dates.json"

_REFERENCE = re.compile(
    r"\b(?:since|before|after|until|till|ahead\s+of|prior\s+to|compared\s+with|than)\s+"
    r"(?:the\s+)?(?:early\s+|late\s+|mid-?)?$",
    re.I,
)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:early\s+|late\s+)?$", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")
_YEAR_WORDS = re.compile(r"\b(?:\d{4}|'\d\d)\b|\b(?:year|years)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_MONTH_VALUE = re.compile(r"^\d{4}-\d{2}$")
_MONTH_NAME = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b", re.I)


class DateWords:
    """The per-language word lists of ``data/event_dates.json``, compiled."""

    def __init__(self, table: dict[str, Any]) -> None:
        verbs = "|".join(map(re.escape, table["reporting_verbs"]))
        fillers = "|".join(map(re.escape, table["statement_words"]))
        # "said on Monday", "told reporters late Tuesday", "said in a Telegram post Friday"
        self.after_verb = re.compile(
            rf"\b(?:{verbs})\b(?:[\s,]+(?:{fillers}))*[\s,]*$", re.I)
        # "on Monday said", "Monday told reporters"
        self.before_verb = re.compile(rf"^[\s,]*(?:{verbs})\b", re.I)
        self.deictic = frozenset(w.lower() for w in table["deictic"])
        self.prior_days = int(table["prior_days"])


@lru_cache(maxsize=4)
def date_words(language: str = "en") -> DateWords:
    """The compiled word lists of ``language`` (English when the language has none)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return DateWords(data.get(language) or data["en"])


def event_date(report: Report, start: int, end: int,
               trigger: tuple[int, int] | None = None) -> dict[str, Any]:
    """Date of the event told in ``report.text[start:end]``.

    Uses the time expressions inside the span that frame the event itself (framing
    before reference points, the trigger's sentence first, then the narrowest, then the
    nearest to the trigger),
    else the nearest earlier framing one in the same paragraph, else a prior interval
    ending at the statement's date or the document date (see the module notes).
    "Since Sunday" runs to the DCT.

    report (Report): the analysed report; its ``times`` are tagged here if empty.
    start (int): first character of the event description.
    end (int): end (exclusive) of the event description.
    trigger (tuple[int, int] | None): the event word's span; defaults to the span start.
    RETURNS (dict): date_start, date_end (ISO dates or None), time_precision (ACLED 1-3),
        date_prec (UCDP 1-5), date_text (the words the date came from; "" for the prior).
    """
    if not isinstance(report, Report):
        raise TypeError(f"event_date expects a Report, not {type(report).__name__}")
    text = report.text or ""
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start!r}:{end!r} is outside the report text (0:{len(text)})")
    words = date_words(report.document.language or "en")
    dct = parse_dct(report.dct)
    times = report.times if report.times else tag(text, report.dct)
    dated = [t for t in times if t.begin and t.finish and t.type in ("DATE", "TIME")]
    pivot = trigger[0] if trigger else start
    statements = [t for t in dated if _dates_statement(report, t, pivot, words)]
    own = [t for t in dated if t not in statements]
    inside = [t for t in own if t.start >= start and t.end <= end
              and not _deictic_elsewhere(t, text, pivot, words)]
    if inside:
        best = min(inside, key=lambda t: _rank(t, text, pivot))
        return _from_expression(best, text, dct)
    paragraph = text.rfind("\n", 0, start) + 1
    before = [t for t in own if paragraph <= t.start and t.end <= start
              and not _deictic(t, words) and not _is_reference(t, text)]
    if before:
        return _from_expression(before[-1], text, dct)
    near = [t for t in statements if paragraph <= t.start and t.end <= end]
    if near:  # reported in a dated statement: the event came before the statement
        stated = _past(near[-1], dct)
        if stated is not None:
            return _prior(stated[1], words.prior_days)
    return _prior(dct, words.prior_days)


def _rank(t: TimeExpression, text: str, pivot: int) -> tuple[int, int, int, int]:
    """Dates that frame the event before reference points ("since 2014", used only when
    nothing else dates it), then the trigger's own sentence, the narrowest, the nearest."""
    assert t.begin and t.finish
    elsewhere = 0 if _same_sentence(text, t.start, pivot) else 1
    width = (date.fromisoformat(t.finish) - date.fromisoformat(t.begin)).days
    return int(_is_reference(t, text)), elsewhere, width, abs(t.start - pivot)


def _is_reference(t: TimeExpression, text: str) -> bool:
    """"the worst since 24 February 2022", "two days before the vote": a reference
    point, which frames nothing."""
    return bool(_REFERENCE.search(text, max(0, t.start - 30), t.start))


def _same_sentence(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not _SENTENCE_END.search(text, lo, hi) and "\n" not in text[lo:hi]


def _deictic(t: TimeExpression, words: DateWords) -> bool:
    return t.text.lower().strip() in words.deictic


def _deictic_elsewhere(t: TimeExpression, text: str, pivot: int, words: DateWords) -> bool:
    """"Today the prison lies in ruins. The blast killed 50": the time of writing, told
    outside the event's own sentence, does not date it."""
    return _deictic(t, words) and not _same_sentence(text, t.start, pivot)


def _dates_statement(report: Report, t: TimeExpression, pivot: int, words: DateWords) -> bool:
    """Does ``t`` date the statement that reports the event rather than the event?

    Lexically: a reporting verb right before ("said on Monday", "told reporters late
    Tuesday") or right after ("on Monday said"). From the attribution stage: the event
    word lies in a claim's content and ``t`` in the same claim's frame, outside the
    content ("On Monday, the ministry said the strike killed five").
    """
    text = report.text
    if words.after_verb.search(text, max(0, t.start - 60), t.start):
        return True
    if words.before_verb.match(text[t.end:t.end + 20]):
        return True
    for claim in report.claims:
        if claim.narration or claim.cue_start is None:
            continue
        if not claim.content_start <= pivot < claim.content_end:
            continue
        outside = not claim.content_start <= t.start < claim.content_end
        if outside and _same_sentence(text, t.start, claim.cue_start):
            return True
    return False


def _past(t: TimeExpression, dct: date | None) -> tuple[date, date] | None:
    """The days of ``t``, moved to the past when a bare month or weekday was resolved
    after the report's date (news tells events that happened); None when ``t`` names
    an explicit later date, which cannot be when a reported event happened."""
    assert t.begin and t.finish
    first, last = date.fromisoformat(t.begin), date.fromisoformat(t.finish)
    if dct is None or first <= dct:
        return first, last
    if _YEAR_WORDS.search(t.text):
        return None
    if _WEEKDAY.search(t.text) and (first - dct).days <= 7:
        return first - timedelta(days=7), last - timedelta(days=7)
    if _MONTH_VALUE.match(t.value) or _MONTH_NAME.search(t.text):
        return _year_before(first), _year_before(last)
    return None


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _from_expression(t: TimeExpression, text: str, dct: date | None) -> dict[str, Any]:
    span = _past(t, dct)
    if span is None:
        return _prior(dct, date_words().prior_days)
    first, last = span
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


def _prior(reference: date | None, days: int) -> dict[str, Any]:
    """No date phrase: the event lies in the ``days`` before ``reference`` (the
    publication or statement date), a weak prior marked by an empty date_text."""
    if reference is None:
        return {
            "date_start": None,
            "date_end": None,
            "time_precision": 3,
            "date_prec": 5,
            "date_text": "",
        }
    return {
        "date_start": (reference - timedelta(days=days)).isoformat(),
        "date_end": reference.isoformat(),
        "time_precision": 2,
        "date_prec": _ucdp(days + 1),
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
