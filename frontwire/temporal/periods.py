"""Handlers for calendar periods: quarters and halves of (fiscal) years, holidays, "the
year" and "year-earlier" as results reporting uses them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar_rules import capitalised, month_number, value_span, year_of
from .context import Context, Norm
from .dates import add_quarters, quarter_of, week_value
from .grammar import MONTH
from .lexicon import HOLIDAYS, ORDINAL_WORDS

_ENDED = re.compile(rf"\s+(?:that\s+)?(?:ended|ending|ends|through)\s+(?P<month>{MONTH})", re.I)

_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    rels = [r.lower() for r in re.findall(r"[\w-]+", m.group(0)[: m.start("q") - m.start()])]
    rels = [r for r in rels if r not in _ORD and r not in ("the", "fiscal", "year", "s", "year's")]
    rels = [r for r in rels if not r.isdigit()]
    ordinal = _ORD.get((m["ord"] or "").lower())
    half = m["q"].lower() == "half"
    of_year = bool(m["year"] or m["ofrel"])
    if half and ordinal is None and of_year and rels[-1:] in (["last"], ["latter"]):
        ordinal, rels = 2, rels[:-1]  # "the last half of 1989": its second half
    if ordinal is None and not rels and not (m["the"] and not half):
        return None
    if (
        (ctx.text[m.end() : m.end() + 3] == " of" and not _of_amount(m, ctx, ordinal))
        or (half and ordinal is None)
        or (half and ordinal and ordinal > 2)
    ):
        return None
    if ctx.dct is None and not m["year"]:
        return Norm("DATE", f"XXXX-{'H' if half else 'Q'}{ordinal or 'X'}")
    year, q = _quarter_of_text(m, ctx, rels, ordinal, half)
    if m["ago"]:  # "the quarter a year ago": the same quarter of the year before
        year -= 1
    value = f"{year}-H{q}" if half else f"{year}-Q{q}"
    if not half and not ctx.probe and not m["ago"] and not any(r.startswith("year-") for r in rels):
        if not _forecast(value, m, ctx):
            ctx.last_quarter = value  # the quarter a results report is about
    start = None
    if m["the"] and ctx.text[m.start("q") - 1] == "-" and len(rels) == 0:
        start = m.start("ord") if m["ord"] else None  # "the [third-quarter] results"
    elif rels[:1] == ["that"] and m["ord"]:
        start = m.start("ord")  # "said that [third-quarter] results": a conjunction
    return Norm("DATE", value, *value_span(value), start=start)


def _forecast(value: str, m: re.Match[str], ctx: Context) -> bool:
    """A quarter still to come, or the current one in the future tense: not the quarter a
    results report is about ("losses will continue into the fourth quarter")."""
    begin, finish = value_span(value)
    if ctx.dct is None or begin is None or finish is None:
        return False
    if begin > ctx.dct:
        return True
    return finish >= ctx.dct and ctx.direction(m.start(), m.end(), default=0) > 0


_AMOUNT = re.compile(r" of (?:about |nearly |some )?[$£€\d]")


def _of_amount(m: re.Match[str], ctx: Context, ordinal: int | None) -> bool:
    """ "net income for the second quarter of $8.6 million": "of" gives an amount."""
    return ordinal is not None and bool(_AMOUNT.match(ctx.text, m.end()))


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
        month_ = month_number(ended["month"]) or 1
        year_ = year_of(ctx, month_, None, m.start(), ended.end()) or dct.year
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
    return Norm("DATE", value, *value_span(value))


def holiday(m: re.Match[str], ctx: Context) -> Norm | None:
    name = re.sub(r"\s+", " ", m["name"].lower())
    if not capitalised(m["name"]):
        return None
    if name in MOVABLE:
        return _movable(name, m, ctx)
    month_, day = HOLIDAYS[name]
    if m["year"]:
        y: int | None = int(m["year"])
    elif ctx.dct is None:
        y = None
    else:
        y = _holiday_year(ctx, (m["rel"] or "").lower(), month_, day, m)
    if y is None:
        return Norm("DATE", f"XXXX-{month_:02d}-{day:02d}")
    return _holiday_norm(date(y, month_, day), m)


def _holiday_norm(d: date, m: re.Match[str]) -> Norm:
    """The holiday's day, or its week for "Easter week"."""
    if m["week"]:
        monday = d - timedelta(days=d.weekday())
        return Norm("DATE", week_value(d), monday, monday + timedelta(days=6))
    return Norm("DATE", d.isoformat(), d, d)


def _close(ctx: Context, d: date, m: re.Match[str]) -> bool:
    """ "as Easter week began": a holiday week that holds the document date is that one,
    whatever the tense."""
    assert ctx.dct is not None
    return bool(m["week"]) and 0 <= (ctx.dct - (d - timedelta(days=d.weekday()))).days < 7


MOVABLE = frozenset(
    [
        "thanksgiving",
        "thanksgiving day",
        "easter",
        "easter sunday",
        "election day",
        "orthodox easter",
    ]
)


def _movable_date(name: str, year: int) -> date:
    if name.startswith("thanksgiving"):  # fourth Thursday of November (US)
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "election day":  # US: the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    if name == "orthodox easter":
        return _orthodox_easter(year)
    return _easter(year)


def _orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month_, day = divmod(d + e + 114, 31)
    julian_gap = year // 100 - year // 400 - 2  # 13 days in 1900-2099
    return date(year, month_, day + 1) + timedelta(days=julian_gap)


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
        return _holiday_norm(_movable_date(name, int(m["year"])), m)
    if ctx.dct is None:
        return Norm("DATE", "XXXX-XX-XX")
    rel = (m["rel"] or "").lower()
    this_year = _movable_date(name, ctx.dct.year)
    if not rel and _close(ctx, this_year, m):
        return _holiday_norm(this_year, m)
    past = rel == "last" or (not rel and ctx.direction(m.start(), m.end()) < 0)
    if past and this_year > ctx.dct:
        this_year = _movable_date(name, ctx.dct.year - 1)
    elif not past and rel != "this" and this_year < ctx.dct:
        this_year = _movable_date(name, ctx.dct.year + 1)
    return _holiday_norm(this_year, m)


_ENDING = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends|through|to)\s+(?!the\b)\w", re.I)


def the_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the year": the year under discussion (the narrative's, else the document's).

    "the (fiscal) year ended March 31" is a twelve-month stretch, which TimeBank marks
    as a length (P1Y), not a calendar year.
    """
    if _ENDING.match(ctx.text, m.end()):
        return Norm("DURATION", "P1Y")
    year_ = ctx.narrative_year(m.start()) or (ctx.dct.year if ctx.dct else None)
    value = str(year_) if year_ else "XXXX"
    return Norm("DATE", value, *value_span(value))


def week_of(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the week of March 6": the ISO week holding that day."""
    month_ = month_number(m["month"])
    if month_ is None or not capitalised(m["month"]):
        return None
    day = int(m["day"])
    year_ = int(m["year"]) if m["year"] else year_of(ctx, month_, day, m.start(), m.end())
    if year_ is None:
        return Norm("DATE", "XXXX-WXX")
    try:
        value = week_value(date(year_, month_, day))
    except ValueError:
        return None
    return Norm("DATE", value, *value_span(value))


def period(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the latest period" in a results report: the quarter it is about, if one was named."""
    if ctx.probe:
        return Norm("DATE", "XXXX-QX")  # the quarter is known only in the second pass
    back = 1 if m["ly"] else 0
    if not ctx.last_quarter:
        if back and ctx.dct:  # no quarter named: the year before
            return Norm("DATE", str(ctx.dct.year - 1), *value_span(str(ctx.dct.year - 1)))
        return None
    year_ = int(ctx.last_quarter[:4]) - back
    value = f"{year_}-Q{ctx.last_quarter[-1]}"
    return Norm("DATE", value, *value_span(value))


def year_ago(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "year-earlier", "the year-ago period": the same quarter (or year) a year back."""
    if m["months"]:  # "the year-earlier nine months": a stretch, as "the first nine months"
        n = {"three": 3, "six": 6, "nine": 9}.get(m["months"].lower()) or int(m["months"])
        return Norm("DURATION", f"P{n}M")
    if ctx.last_quarter:
        value = "{}-Q{}".format(
            *add_quarters(int(ctx.last_quarter[:4]), int(ctx.last_quarter[-1]), -4)
        )
    elif ctx.dct is not None:
        value = str(ctx.dct.year - 1)
    else:
        value = "XXXX"
    return Norm("DATE", value, *value_span(value))


def _holiday_year(ctx: Context, rel: str, month_: int, day: int, m: re.Match[str]) -> int:
    start, end = m.start(), m.end()
    assert ctx.dct is not None
    this_year = date(ctx.dct.year, month_, day)
    if not rel and _close(ctx, this_year, m):
        return ctx.dct.year
    if rel == "last" or (not rel and ctx.direction(start, end) < 0):
        return ctx.dct.year if this_year <= ctx.dct else ctx.dct.year - 1
    if rel == "next" or not rel:
        return ctx.dct.year if this_year >= ctx.dct else ctx.dct.year + 1
    return ctx.dct.year


def century(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the 20th century": TIMEX3 writes the century's first two digits, ``19``."""
    word = re.sub(r"\s+", " ", m["n"].lower())
    number = int(word[:-2]) if word[:1].isdigit() else ORDINAL_WORDS.get(word)
    if not number or number > 21:
        return None
    value = f"{number - 1:02d}"
    return Norm("DATE", value, *value_span(value), start=m.start("n"))


_YEAR_END_PREPS = frozenset(
    "by at around until till before after since near toward towards".split()
)


def year_end(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "by year-end": the end of the year the text is on; "since year-end", the last one.

    Only after a preposition: "year-end results" and "year-end net" name a reporting
    period's figures, not a time.
    """
    before = ctx.word_before(m.start())
    if before not in _YEAR_END_PREPS:
        return None
    if ctx.dct is None:
        return Norm("DATE", "XXXX")
    year = ctx.narrative_year(m.start()) or ctx.dct.year - (before == "since")
    return Norm("DATE", str(year), *value_span(str(year)))
