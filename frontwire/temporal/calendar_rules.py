"""Handlers for calendar expressions: explicit dates, months, years, decades and seasons.

Each takes the rule's match and the :class:`Context` and returns a :class:`Norm`, or
None when the candidate is not a time expression.
"""

from __future__ import annotations

import re
from datetime import date

from .context import Context, Norm
from .dates import (
    interval,
    last_season,
    month_value,
    next_season,
    season_of,
)
from .lexicon import MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS, SEASONS, WEEKDAYS

# Words after which "May", "March" or a bare year are dates, not verbs or counts.
TEMPORAL_PREPS = frozenset(
    "in since of by until till from to before after during through throughout early late "
    "mid and or between the this last next fiscal around circa spring summer autumn fall "
    "winter end beginning start middle as ended ending on year".split()
)
_AMBIGUOUS_MONTHS = frozenset(["may", "march"])
_COUNT_NOUN = re.compile(
    r"^\s+(?:[a-z]+s|people|men|women|children|km|kg|mm|feet|metres|meters|miles|calibre|"
    r"caliber|rounds|tonnes|tons|hectares)\b"
)
_NOT_YEAR_BEFORE = frozenset(
    "no number page flight route resolution article fm highway hwy road room suite box unit "
    "interstate bus train regiment brigade battalion division squad".split()
)
_STREET_AFTER = re.compile(
    r"\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]+\s+(?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Dr|Drive|"
    r"Lane|Ln|Way|Place|Pl|Court|Ct)\b"
)
_NOT_PLURAL = frozenset(["was", "is", "has", "does", "as", "its", "this", "his", "plus", "us"])


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def capitalised(word: str) -> bool:
    return word[:1].isupper()


_DEADLINE_PREPS = frozenset(["by", "until", "till"])


def _sibling_year(ctx: Context, month: int, start: int) -> int | None:
    """With no tense cue, a month named right after another in the same sentence is the
    occurrence nearest to it ("in June from $29.75 in March"; "payable Jan. 2 to holders
    of record Dec. 15": December of the year before)."""
    value = ctx.anchor_value or ""
    if not (len(value) >= 7 and value[:4].isdigit() and value[4] == "-" and value[5:7].isdigit()):
        return None
    if ctx.anchor_end < 0 or start - ctx.anchor_end > 60:
        return None
    if not ctx.same_sentence(ctx.anchor_end, start):
        return None
    base = int(value[:4]) * 12 + int(value[5:7]) - 1
    years = (int(value[:4]) + d for d in (0, -1, 1))
    return min(years, key=lambda y: abs(y * 12 + month - 1 - base))


def year_of(ctx: Context, month: int, day: int | None, start: int, end: int) -> int | None:
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
    else:
        try:
            ahead = (date(dct.year, month, day) - dct).days / 30.0
        except ValueError:
            ahead = (month - dct.month) / 1.0
    # Weak cues ("unspecified", "planned") only move dates that are far on the wrong side.
    limit = (2.0 if day is None else 1.5) if ctx.strong_tense(start, end) else 2.0
    direction = ctx.direction(start, end, default=0)
    strong_past = direction < 0 and ctx.strong_tense(start, end)
    if ctx.word_before(start) in _DEADLINE_PREPS and not strong_past:
        direction = 1  # "double its flights by August": a deadline lies ahead
    if direction > 0:
        return dct.year + 1 if ahead <= -limit else dct.year
    if direction < 0:
        return dct.year - 1 if ahead >= limit else dct.year
    sibling = _sibling_year(ctx, month, start)
    if sibling is not None:
        return sibling  # "rose in June from $29.75 in March": the same year as June
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
    if not capitalised(m["month"]):
        return None
    month = month_number(m["month"])
    day = int(m["day"])
    if month is None:
        return None
    year = int(m["year"]) if m["year"] else year_of(ctx, month, day, m.start(), m.end())
    if m["wd"] and not m["year"] and year is not None:
        year = _year_of_weekday(year, month, day, WEEKDAYS[m["wd"].lower()])
    return _day_norm(year, month, day)


date_dmy = date_mdy


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year near ``year`` in which month/day falls on ``weekday`` ("Tuesday, March 17")."""
    for candidate in (year, year + 1, year - 1):
        try:
            if date(candidate, month, day).isoweekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def date_iso(m: re.Match[str], ctx: Context) -> Norm | None:
    norm = _day_norm(int(m["year"]), int(m["month"]), int(m["day"]))
    if norm is not None and m["hh"]:
        norm.type, norm.value = "TIME", f"{norm.value}T{m['hh']}:{m['mm']}"
    return norm


def date_range(m: re.Match[str], ctx: Context) -> Norm | None:
    """A span of days in one month: the value is the month, begin/finish the days."""
    word = m["month1"] or m["month2"]
    month_ = month_number(word)
    first, last = int(m["d1"] or m["d3"]), int(m["d2"] or m["d4"])
    if month_ is None or not capitalised(word) or not 1 <= first < last <= 31:
        return None
    if m["year"]:
        year_: int | None = int(m["year"])
    else:
        year_ = year_of(ctx, month_, first, m.start(), m.end())
    if year_ is None:
        return Norm("DATE", f"XXXX-{month_:02d}")
    try:
        begin, finish = date(year_, month_, first), date(year_, month_, last)
    except ValueError:
        return None
    if m["night"] and last == first + 1:
        return Norm("TIME", f"{begin.isoformat()}TNI", begin, finish)
    return Norm("DATE", month_value(year_, month_), begin, finish)




def spelled_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """Years said in words, as in broadcast transcripts: "nineteen ninety-six"."""
    follow = _COUNT_NOUN.match(ctx.text[m.end() : m.end() + 40])
    if follow and follow.group(0).strip() not in _NOT_PLURAL:
        return None  # "two thousand people", but not "the year two thousand has ..."
    value = _spelled_value(m)
    return Norm("DATE", str(value), *value_span(str(value)))


def _spelled_value(m: re.Match[str]) -> int:
    if m["c"]:
        words = re.split(r"[\s-]+", m["rest"].lower())
        century = 19 if m["c"].lower() == "nineteen" else 20
        return century * 100 + sum(int(NUMBER_WORDS[w]) for w in words)
    return 2000 + (int(NUMBER_WORDS[m["tail"].lower()]) if m["tail"] else 0)


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
    month = month_number(m["month"])
    if month is None or not capitalised(m["month"]):
        return None
    year = int(m["year"]) if m["year"] else _spelled_value(m)  # "January nineteen ninety-seven"
    return Norm("DATE", month_value(year, month), *value_span(month_value(year, month)))


_NAMED_AFTER = re.compile(r"\s+of\s+the\s+[A-Z]")


def month(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["month"]
    key = word.lower()
    if not capitalised(word) or key in MONTH_ABBREVIATIONS:
        return None
    if key in _AMBIGUOUS_MONTHS and not (m["rel"] or m["edge"]) and not _dated_context(m, ctx):
        return None
    if _NAMED_AFTER.match(ctx.text, m.end()):
        return None  # a name: "the March of the Combatant Mothers", "May of the Year award"
    number = MONTHS[key]
    rel = (m["rel"] or "").lower()
    if m["yrel"]:  # "June last year"
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-{number:02d}")
        shift = {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
        value = month_value(ctx.dct.year + shift, number)
        return Norm("DATE", value, *value_span(value))
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
        year = year_of(ctx, number, None, m.start(), m.end())  # type: ignore[assignment]
    if year is None:
        return Norm("DATE", f"XXXX-{number:02d}")
    value = month_value(year, number)
    return Norm("DATE", value, *value_span(value))


def _dated_context(m: re.Match[str], ctx: Context) -> bool:
    """True when a capitalised May/March sits where a date does ("in May", "May, when")."""
    if ctx.word_before(m.start()) in TEMPORAL_PREPS:
        return True
    after = ctx.text[m.end() : m.end() + 2]
    return after[:1] in (",", ".", ";", ")", ":", "") or after == "\n"


def year(m: re.Match[str], ctx: Context) -> Norm | None:
    digits = m["year"]
    if m["decade"]:
        return Norm("DATE", digits[:3], *value_span(digits[:3]))
    before = ctx.word_before(m.start())
    # "post-1945", "pre-2014": the year is a time however the phrase goes on
    if not (m["edge"] or m["fiscal"] or m["prepost"] or before in TEMPORAL_PREPS):
        after = ctx.text[m.end() : m.end() + 40]
        follow = _COUNT_NOUN.match(after)
        if follow and follow.group(0).strip() not in _NOT_PLURAL:
            return None
        if before in _NOT_YEAR_BEFORE or _STREET_AFTER.match(after):
            return None  # "Resolution 2334", "FM 2071", "2031 Monument Ave."
    return Norm("DATE", digits, *value_span(digits))


def short_decade(m: re.Match[str], ctx: Context) -> Norm | None:
    # The latest such decade that begins by a few years after the document date: "the
    # '80s" is the 1980s in 1989 and in 2024, "the '20s" the 1920s in 1989 but the 2020s in
    # 2024, and "by the mid-'90s" written in 1989 looks ahead to the 1990s.
    now = ctx.dct.year if ctx.dct else 2025
    year = now // 100 * 100 + int(m["yy"])
    if year > now + 5:
        year -= 100
    value = str(year // 10)
    return Norm(
        "DATE", value, *value_span(value), start=m.start("yy") - 1 if not m["edge"] else None
    )


def season(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["season"].lower()
    code = SEASONS[word]
    rel = (m["rel"] or "").lower()
    after = ctx.text[m.end() : m.end() + 4]
    if m["year"] or m["spelled"]:  # "the winter of nineteen ninety-four"
        value = f"{m['year'] or _spelled_value(m)}-{code}"
        return Norm("DATE", value, *value_span(value))
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
    return Norm("DATE", value, *value_span(value))


def _season_by_tense(ctx: Context, code: str, start: int, end: int) -> int:
    assert ctx.dct is not None
    current_year, current = season_of(ctx.dct)
    if current == code:
        return current_year
    if ctx.direction(start, end) > 0:
        return next_season(ctx.dct, code)
    return last_season(ctx.dct, code)


def value_span(value: str) -> tuple[date | None, date | None]:
    span = interval(value)
    return (span[0], span[1]) if span else (None, None)


_DECADE_WORDS = {
    w: i
    for i, w in enumerate(
        "twenties thirties forties fifties sixties seventies eighties nineties".split(), 2
    )
}


def decade_word(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the nineties": the decade of the last century (TIMEX3 writes the 1990s "199")."""
    value = f"19{_DECADE_WORDS[m['dw'].lower()]}"
    return Norm("DATE", value, *value_span(value))
