"""Handlers for calendar expressions: explicit dates, months, years, decades, seasons,
quarters and holidays. Each takes the rule's match and the :class:`Context` and
returns a :class:`Norm`, or None when the candidate is not a time expression.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Context, Norm
from .dates import (
    add_quarters,
    interval,
    last_season,
    month_value,
    next_season,
    quarter_of,
    season_of,
)
from .grammar import MONTH
from .lexicon import HOLIDAYS, MONTH_ABBREVIATIONS, MONTHS, SEASONS

# Words after which "May", "March" or a bare year are dates, not verbs or counts.
TEMPORAL_PREPS = frozenset(
    "in since of by until till from to before after during through throughout early late "
    "mid and or between the this last next fiscal around circa spring summer autumn fall "
    "winter end beginning start middle as ended ending on year".split()
)
_ENDED = re.compile(rf"\s+(?:that\s+)?(?:ended|ending|ends|through)\s+(?P<month>{MONTH})", re.I)
_AMBIGUOUS_MONTHS = frozenset(["may", "march"])
_COUNT_NOUN = re.compile(
    r"^\s+(?:[a-z]+s|people|men|women|children|km|kg|mm|feet|metres|meters|miles|calibre|"
    r"caliber|rounds|tonnes|tons|hectares)\b"
)
_NOT_PLURAL = frozenset(["was", "is", "has", "does", "as", "its", "this", "his", "plus", "us"])


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _year_of(ctx: Context, month: int, day: int | None, start: int, end: int) -> int | None:
    """Year of a month (and day) written without one: narrative year, else by tense.

    A past-tense "in June" written in March is last June; a future "in January"
    written in October is next January. Dates close to the DCT keep its year; with
    no tense cue at all the occurrence nearest the DCT wins.
    """
    if ctx.narrative_year(start) is not None:
        return ctx.narrative_year(start)
    if ctx.dct is None:
        return None
    dct = ctx.dct
    if day is None:
        ahead = (month - dct.month) / 1.0
        limit = 2.0
    else:
        try:
            ahead = (date(dct.year, month, day) - dct).days / 30.0
        except ValueError:
            ahead = (month - dct.month) / 1.0
        limit = 1.5
    direction = ctx.direction(start, end, default=0)
    if direction > 0:
        return dct.year + 1 if ahead <= -limit else dct.year
    if direction < 0:
        return dct.year - 1 if ahead >= limit else dct.year
    if ahead > 6:
        return dct.year - 1
    return dct.year + 1 if ahead < -6 else dct.year


def _day_norm(year: int | None, month: int, day: int, wd: str | None = None) -> Norm | None:
    if not 1 <= day <= 31:
        return None
    if year is None:
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}")
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return Norm("DATE", d.isoformat(), d, d)


def date_mdy(m: re.Match[str], ctx: Context) -> Norm | None:
    if not _capitalised(m["month"]):
        return None
    month = _month_number(m["month"])
    day = int(m["day"])
    if month is None:
        return None
    year = int(m["year"]) if m["year"] else _year_of(ctx, month, day, m.start(), m.end())
    return _day_norm(year, month, day)


date_dmy = date_mdy


def date_iso(m: re.Match[str], ctx: Context) -> Norm | None:
    norm = _day_norm(int(m["year"]), int(m["month"]), int(m["day"]))
    if norm is not None and m["hh"]:
        norm.type, norm.value = "TIME", f"{norm.value}T{m['hh']}:{m['mm']}"
    return norm


def date_range(m: re.Match[str], ctx: Context) -> Norm | None:
    """A span of days in one month: the value is the month, begin/finish the days."""
    word = m["month1"] or m["month2"]
    month_ = _month_number(word)
    first, last = int(m["d1"] or m["d3"]), int(m["d2"] or m["d4"])
    if month_ is None or not _capitalised(word) or not 1 <= first < last <= 31:
        return None
    if m["year"]:
        year_: int | None = int(m["year"])
    else:
        year_ = _year_of(ctx, month_, first, m.start(), m.end())
    if year_ is None:
        return Norm("DATE", f"XXXX-{month_:02d}")
    try:
        begin, finish = date(year_, month_, first), date(year_, month_, last)
    except ValueError:
        return None
    if m["night"] and last == first + 1:
        return Norm("TIME", f"{begin.isoformat()}TNI", begin, finish)
    return Norm("DATE", month_value(year_, month_), begin, finish)


_SPELLED = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}


def spelled_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """Years said in words, as in broadcast transcripts: "nineteen ninety-six"."""
    if _COUNT_NOUN.match(ctx.text[m.end() : m.end() + 40]):
        return None  # "two thousand people"
    if m["c"]:
        words = re.split(r"[\s-]+", m["rest"].lower())
        value = (19 if m["c"].lower() == "nineteen" else 20) * 100 + sum(_SPELLED[w] for w in words)
    else:
        value = 2000 + (_SPELLED[m["tail"].lower()] if m["tail"] else 0)
    return Norm("DATE", str(value), *_span(str(value)))


def date_slash(m: re.Match[str], ctx: Context) -> Norm | None:
    """03/12/24: day-month order from the number sizes, else the text's habit, else the DCT."""
    a, b, yy = int(m["a"]), int(m["b"]), m["year"]
    year = int(yy) if len(yy) == 4 else 2000 + int(yy) if int(yy) < 70 else 1900 + int(yy)
    readings = []
    for order, (mo, d) in (("mdy", (a, b)), ("dmy", (b, a))):
        if 1 <= mo <= 12 and 1 <= d <= 31:
            readings.append((order, mo, d))
    if not readings:
        return None
    if len(readings) == 2 and a != b:
        readings.sort(key=lambda r: _slash_rank(r[0], year, r[1], r[2], ctx))
    _, mo, d = readings[0]
    return _day_norm(year, mo, d)


def _slash_rank(order: str, year: int, month: int, day: int, ctx: Context) -> tuple[int, int]:
    """Prefer the order other dates of the text use, then the reading nearest the DCT."""
    habit = 0 if (order == ctx.order or not ctx.order_known) else 1
    if ctx.dct is None:
        return (habit if ctx.order_known else 0 if order == ctx.order else 1), 0
    try:
        distance = abs((date(year, month, day) - ctx.dct).days)
    except ValueError:
        distance = 10**6
    return habit, distance


def month_year(m: re.Match[str], ctx: Context) -> Norm | None:
    month = _month_number(m["month"])
    if month is None or not _capitalised(m["month"]):
        return None
    year = int(m["year"])
    return Norm("DATE", month_value(year, month), *_span(month_value(year, month)))


def month(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["month"]
    key = word.lower()
    if not _capitalised(word) or key in MONTH_ABBREVIATIONS:
        return None
    if key in _AMBIGUOUS_MONTHS and not (m["rel"] or m["edge"]) and not _dated_context(m, ctx):
        return None
    number = MONTHS[key]
    rel = (m["rel"] or "").lower()
    if m["yrel"]:  # "June last year"
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-{number:02d}")
        shift = {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
        value = month_value(ctx.dct.year + shift, number)
        return Norm("DATE", value, *_span(value))
    if ctx.dct is None and rel:
        return Norm("DATE", f"XXXX-{number:02d}")
    if rel in ("last", "past"):
        # "last February" said in March is a year back; "last January" said in October is not
        year = ctx.dct.year if number < ctx.dct.month - 1 else ctx.dct.year - 1  # type: ignore[union-attr]
    elif rel in ("next", "coming"):
        year = ctx.dct.year if number > ctx.dct.month else ctx.dct.year + 1  # type: ignore[union-attr]
    elif rel == "this":
        year = ctx.dct.year  # type: ignore[union-attr]
    else:
        year = _year_of(ctx, number, None, m.start(), m.end())  # type: ignore[assignment]
    if year is None:
        return Norm("DATE", f"XXXX-{number:02d}")
    value = month_value(year, number)
    return Norm("DATE", value, *_span(value))


def _dated_context(m: re.Match[str], ctx: Context) -> bool:
    """True when a capitalised May/March sits where a date does ("in May", "May, when")."""
    if ctx.word_before(m.start()) in TEMPORAL_PREPS:
        return True
    after = ctx.text[m.end() : m.end() + 2]
    return after[:1] in (",", ".", ";", ")", ":", "") or after == "\n"


def year(m: re.Match[str], ctx: Context) -> Norm | None:
    digits = m["year"]
    if m["decade"]:
        return Norm("DATE", digits[:3], *_span(digits[:3]))
    before = ctx.word_before(m.start())
    if not (m["edge"] or m["fiscal"] or before in TEMPORAL_PREPS):
        after = ctx.text[m.end() : m.end() + 40]
        follow = _COUNT_NOUN.match(after)
        if follow and follow.group(0).strip() not in _NOT_PLURAL:
            return None
        if before in ("no", "number", "page", "flight", "route", "resolution", "article"):
            return None
    return Norm("DATE", digits, *_span(digits))


def short_decade(m: re.Match[str], ctx: Context) -> Norm | None:
    yy = int(m["yy"])
    now = ctx.dct.year % 100 if ctx.dct else 30
    century = "20" if yy <= now else "19"
    value = f"{century}{m['yy'][0]}"
    return Norm("DATE", value, *_span(value), start=m.start("yy") - 1 if not m["edge"] else None)


def season(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["season"].lower()
    code = SEASONS[word]
    rel = (m["rel"] or "").lower()
    after = ctx.text[m.end() : m.end() + 4]
    if m["year"]:
        value = f"{m['year']}-{code}"
        return Norm("DATE", value, *_span(value))
    if not rel and not m["edge"]:
        if word == "fall" or ctx.word_before(m.start()) not in (
            "in",
            "during",
            "since",
            "until",
            "by",
            "over",
            "through",
            "throughout",
        ):
            return None
    if after.startswith(" of") or (word == "fall" and rel in ("the", "")):
        return None  # "the fall of Kabul", "in the fall" is kept only with a year
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{code}")
    if rel in ("last", "past"):
        y = last_season(ctx.dct, code)
    elif rel in ("next", "coming"):
        y = next_season(ctx.dct, code)
    elif ctx.narrative_year(m.start()) is not None and rel != "this":
        y = ctx.narrative_year(m.start())  # type: ignore[assignment]
    else:
        y = _season_by_tense(ctx, code, m.start(), m.end())
    value = f"{y}-{code}"
    return Norm("DATE", value, *_span(value))


def _season_by_tense(ctx: Context, code: str, start: int, end: int) -> int:
    assert ctx.dct is not None
    current_year, current = season_of(ctx.dct)
    if current == code:
        return current_year
    if ctx.direction(start, end) > 0:
        return next_season(ctx.dct, code)
    return last_season(ctx.dct, code)


_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    rels = [r.lower() for r in re.findall(r"[\w-]+", m.group(0)[: m.start("q") - m.start()])]
    rels = [r for r in rels if r not in _ORD and r not in ("the", "fiscal", "year", "s", "year's")]
    rels = [r for r in rels if not r.isdigit()]
    ordinal = _ORD.get((m["ord"] or "").lower())
    half = m["q"].lower() == "half"
    if ordinal is None and not rels and not (m["the"] and not half):
        return None
    if (
        ctx.text[m.end() : m.end() + 3] == " of"
        or (half and ordinal is None)
        or (half and ordinal and ordinal > 2)
    ):
        return None
    if ctx.dct is None and not m["year"]:
        return Norm("DATE", f"XXXX-{'H' if half else 'Q'}{ordinal or 'X'}")
    year, q = _quarter_of_text(m, ctx, rels, ordinal, half)
    value = f"{year}-H{q}" if half else f"{year}-Q{q}"
    if not half and not ctx.probe and not any(r.startswith("year-") for r in rels):
        ctx.last_quarter = value  # the quarter a results report is about
    start = None
    if m["the"] and ctx.text[m.start("q") - 1] == "-" and len(rels) == 0:
        start = m.start("ord") if m["ord"] else None  # "the [third-quarter] results"
    return Norm("DATE", value, *_span(value), start=start)


def _quarter_of_text(
    m: re.Match[str], ctx: Context, rels: list[str], ordinal: int | None, half: bool
) -> tuple[int, int]:
    if m["year"]:
        return int(m["year"]), ordinal or 1
    dct = ctx.dct
    assert dct is not None
    if m["pyear"] or m["prel"]:  # "the 1988 third quarter", "last year's quarter"
        if m["pyear"]:
            year_ = int(m["pyear"])
        else:
            year_ = dct.year + {"this": 0, "last": -1, "next": 1}[m["prel"].lower()]
        return year_, ordinal or _anchor_quarter(ctx)[1]
    if m["ofrel"]:
        shift = {"this": 0, "last": -1, "next": 1}[m["ofrel"].lower()]
        return dct.year + shift, ordinal or 1
    ended = _ENDED.match(ctx.text, m.end())
    if ended and not half and not ordinal:  # "the quarter ended Sept. 30"
        month_ = _month_number(ended["month"]) or 1
        year_ = _year_of(ctx, month_, None, m.start(), ended.end()) or dct.year
        return year_, (month_ - 1) // 3 + 1
    if half:
        year = ctx.narrative_year(m.start()) or dct.year
        if ordinal == 2 and dct.month <= 6 and ctx.direction(m.start(), m.end()) < 0:
            year -= 1
        return year, ordinal or 1
    base_year, base_q = _anchor_quarter(ctx)
    if any(r.startswith("year-") for r in rels):
        return add_quarters(base_year, ordinal or base_q, -4)
    if ordinal is not None:
        year = ctx.narrative_year(m.start()) or dct.year
        current = quarter_of(dct)
        if (
            ordinal > current
            and ctx.direction(m.start(), m.end()) < 0
            and not ctx.narrative_year(m.start())
        ):
            year -= 1
        return year, ordinal
    if "next" in rels or "coming" in rels:
        return add_quarters(dct.year, quarter_of(dct), 1)
    if "current" in rels or "this" in rels:
        return dct.year, quarter_of(dct)
    if any(r in rels for r in ("latest", "recent", "just-ended", "just-completed", "last")):
        return add_quarters(dct.year, quarter_of(dct), -1)  # the last completed quarter
    return base_year, base_q  # "the quarter", "the same quarter": the one under discussion


def _anchor_quarter(ctx: Context) -> tuple[int, int]:
    """The quarter under discussion: the last one named, else the last one completed."""
    value = ctx.last_quarter or ""
    if re.fullmatch(r"\d{4}-Q[1-4]", value):
        return int(value[:4]), int(value[-1])
    assert ctx.dct is not None
    return add_quarters(ctx.dct.year, quarter_of(ctx.dct), -1)


def q_code(m: re.Match[str], ctx: Context) -> Norm | None:
    code = m["ord"].upper()
    if m["ord"][0].islower():
        return None
    year = (
        int(m["year"])
        if m["year"]
        else ctx.narrative_year(m.start()) or (ctx.dct.year if ctx.dct else None)
    )
    value = f"{year if year else 'XXXX'}-{code}"
    return Norm("DATE", value, *_span(value))


def holiday(m: re.Match[str], ctx: Context) -> Norm | None:
    name = re.sub(r"\s+", " ", m["name"].lower())
    if not _capitalised(m["name"]):
        return None
    if name in MOVABLE:
        return _movable(name, m, ctx)
    month_, day = HOLIDAYS[name]
    if m["year"]:
        y: int | None = int(m["year"])
    elif ctx.dct is None:
        y = None
    else:
        y = _holiday_year(ctx, (m["rel"] or "").lower(), month_, day, m.start(), m.end())
    if y is None:
        return Norm("DATE", f"XXXX-{month_:02d}-{day:02d}")
    d = date(y, month_, day)
    return Norm("DATE", d.isoformat(), d, d)


MOVABLE = frozenset(["thanksgiving", "thanksgiving day", "easter", "easter sunday", "election day"])


def _movable_date(name: str, year: int) -> date:
    if name.startswith("thanksgiving"):  # fourth Thursday of November (US)
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "election day":  # US: the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    return _easter(year)


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l_) // 451
    month_ = (h + l_ - 7 * mm + 114) // 31
    return date(year, month_, (h + l_ - 7 * mm + 114) % 31 + 1)


def _movable(name: str, m: re.Match[str], ctx: Context) -> Norm:
    if m["year"]:
        d = _movable_date(name, int(m["year"]))
        return Norm("DATE", d.isoformat(), d, d)
    if ctx.dct is None:
        return Norm("DATE", "XXXX-XX-XX")
    rel = (m["rel"] or "").lower()
    this_year = _movable_date(name, ctx.dct.year)
    past = rel == "last" or (not rel and ctx.direction(m.start(), m.end()) < 0)
    if past and this_year > ctx.dct:
        this_year = _movable_date(name, ctx.dct.year - 1)
    elif not past and rel != "this" and this_year < ctx.dct:
        this_year = _movable_date(name, ctx.dct.year + 1)
    return Norm("DATE", this_year.isoformat(), this_year, this_year)


def the_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the year": the year under discussion (the narrative's, else the document's)."""
    year_ = ctx.narrative_year(m.start()) or (ctx.dct.year if ctx.dct else None)
    value = str(year_) if year_ else "XXXX"
    return Norm("DATE", value, *_span(value))


def year_ago(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "year-earlier", "the year-ago period": the same quarter (or year) a year back."""
    if ctx.last_quarter:
        value = "{}-Q{}".format(
            *add_quarters(int(ctx.last_quarter[:4]), int(ctx.last_quarter[-1]), -4)
        )
    elif ctx.dct is not None:
        value = str(ctx.dct.year - 1)
    else:
        value = "XXXX"
    return Norm("DATE", value, *_span(value))


def _holiday_year(ctx: Context, rel: str, month_: int, day: int, start: int, end: int) -> int:
    assert ctx.dct is not None
    this_year = date(ctx.dct.year, month_, day)
    if rel == "last" or (not rel and ctx.direction(start, end) < 0):
        return ctx.dct.year if this_year <= ctx.dct else ctx.dct.year - 1
    if rel == "next" or not rel:
        return ctx.dct.year if this_year >= ctx.dct else ctx.dct.year + 1
    return ctx.dct.year


def _span(value: str) -> tuple[date | None, date | None]:
    span = interval(value)
    return (span[0], span[1]) if span else (None, None)


def days_between(first: date, last: date) -> int:
    return (last - first).days + 1


def day_before(d: date) -> date:
    return d - timedelta(days=1)
