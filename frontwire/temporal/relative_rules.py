"""Handlers for deictic and relative expressions: weekdays, today/yesterday, parts of the
day, "last week", "three days ago", durations, sets and clock times.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Context, Norm, unit_code
from .dates import (
    add_months,
    add_quarters,
    interval,
    last_season,
    month_value,
    next_season,
    quarter_of,
    season_of,
    week_value,
    weekday_near,
)
from .lexicon import NUMBER_WORDS, PARTS_OF_DAY, REFERENCES, SEASONS, UNITS, WEEKDAYS

_VAGUE = re.compile(
    r"^(?:a\s+few|few|several|many|some|a\s+number\s+of|numerous|dozens\s+of|hundreds\s+of)$"
)
_MONEY_BEFORE = re.compile(
    r"(?:\d|%|\bcents?|\bdollars?|\bpercent|\bper|\btimes|\btwice|\bonce)\s*$", re.I
)
_DURATION_CODE = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "Y",
    "century": "Y",
}
_FACTOR = {"fortnight": 2, "decade": 10, "century": 100}
_TIME_UNITS = frozenset(["second", "minute", "hour"])


def parse_number(words: str) -> float | None:
    """Number written in digits or words ("24", "twenty four", "5 1/2"); None when vague."""
    text = re.sub(r"\s+", " ", words.strip().lower()).replace("-", " ")
    if _VAGUE.match(text):
        return None
    if text.endswith(" 1/2"):
        base = parse_number(text[:-4])
        return None if base is None else base + 0.5
    if re.fullmatch(r"\d+(?:,\d{3})*", text):
        return float(text.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    parts = text.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, PT5H30M, P10Y, PXW (vague)."""
    unit = unit_code(unit)
    code = _DURATION_CODE[unit]
    prefix = "PT" if unit in _TIME_UNITS else "P"
    if n is None:
        return f"{prefix}X{code}"
    n *= _FACTOR.get(unit, 1)
    if n != int(n):
        whole, frac = int(n), n - int(n)
        smaller = {
            "H": (60, "M"),
            "M": (60, "S") if unit == "minute" else (30, "D"),
            "D": (24, "H"),
            "Y": (12, "M"),
            "W": (7, "D"),
        }.get(code)
        if smaller is not None:
            extra = round(frac * smaller[0])
            sep = "T" if code == "D" else ""
            return f"{prefix}{whole}{code}{sep}{extra}{smaller[1]}"
    return f"{prefix}{int(n)}{code}"


def _day(d: date, kind: str = "DATE", part: str = "") -> Norm:
    if part:
        return Norm("TIME", f"{d.isoformat()}T{part}", d, d)
    return Norm(kind, d.isoformat(), d, d)


def _part_code(word: str | None) -> str:
    return PARTS_OF_DAY.get((word or "").lower().rstrip("s"), "") if word else ""


def weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    if not m["wd"][:1].isupper():
        return None
    number = WEEKDAYS[m["wd"].lower()]
    part = _part_code(m["part"])
    if m["plural"]:
        return Norm("SET", f"XXXX-WXX-{number}" + (f"T{part}" if part else ""))
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-WXX-{number}" + (f"T{part}" if part else ""))
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if rel.startswith("the "):  # "down 4.5% from the previous Friday": from the last date
        base = _anchor_date(ctx) or ctx.dct
        d = weekday_near(base, number, 1 if rel == "the following" else -1)
    elif rel in ("last", "past"):
        d = weekday_near(ctx.dct, number, -1)
    elif rel in ("next", "coming"):
        d = weekday_near(ctx.dct, number, +1)
    elif _range_end(m, ctx):  # "from Friday to Sunday": after the first day
        assert ctx.anchor_day is not None
        d = weekday_near(ctx.anchor_day, number, +1)
    elif number == ctx.dct.isoweekday():
        d = ctx.dct  # published on a Tuesday, "on Tuesday" is that day
    else:
        # Present tense with a weekday is a schedule: "the vote opens on Friday".
        d = weekday_near(ctx.dct, number, _weekday_direction(m, ctx))
    # TimeBank types "Friday night" a DATE (the day), keeping the part in the value.
    if part:
        return Norm("DATE", f"{d.isoformat()}T{part}", d, d)
    return _day(d)


def _weekday_direction(m: re.Match[str], ctx: Context) -> int:
    """Past or future for a weekday other than the DCT's own, from the verbs around it.

    Present tense with a weekday is a schedule ("the vote opens on Friday"), but a
    possessive names something that already happened ("follows Tuesday's ruling").
    """
    if ctx.text[m.end() : m.end() + 2] in ("'s", "\u2019s"):
        return ctx.direction(m.start(), m.end(), default=-1, present=-1)
    return ctx.direction(m.start(), m.end(), present=1)


_RANGE_LINK = re.compile(r"\s*(?:-|\u2013|to|until|till|through|and)\s*$")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)


def _range_end(m: re.Match[str], ctx: Context) -> bool:
    """True for the second weekday of "from Friday to Sunday" (or "between Friday and
    Sunday"), when the first day is within a week of the DCT; "made Friday and Thursday"
    is a list and "from Sept. 14 to Thursday" ends at the latest Thursday."""
    if ctx.anchor_day is None or not 0 <= m.start() - ctx.anchor_end <= 12:
        return False
    if ctx.dct is not None and abs((ctx.anchor_day - ctx.dct).days) > 7:
        return False
    link = _RANGE_LINK.match(ctx.text[ctx.anchor_end : m.start()])
    if link is None:
        return False
    if link.group().strip() == "and":
        first = ctx.anchor_start if ctx.anchor_start >= 0 else ctx.anchor_end
        return bool(_BETWEEN.search(ctx.text, max(0, first - 12), first))
    return True


_GENERIC_AGE = re.compile(
    r"'s\s+(?:world|youth|young|society|generation|children|kids|technology|standards)\b", re.I
)


# A noun "of tomorrow" is an era; "most of tomorrow", "the end of tomorrow" are the day.
_OF_TOMORROW = re.compile(
    r"\b(?!(?:most|all|rest|part|much|some|end|start|beginning|half|morning|evening|night)\b)"
    r"[a-z]+\s+of\s+$"
)


def relday(m: re.Match[str], ctx: Context) -> Norm | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    part = _part_code(m["part"])
    shift = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    if word == "tonight":
        part = "NI"
    if word in ("today", "tomorrow") and _GENERIC_AGE.match(ctx.text, m.end()):
        return None  # "today's youth", "today's world": an era, not a day
    if word == "tomorrow" and not part and _OF_TOMORROW.search(ctx.text, 0, m.start()):
        return None  # "the people of tomorrow", "the weapons of tomorrow": an era
    if ctx.dct is None:
        return Norm("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""))
    return _day(ctx.dct + timedelta(days=shift), part=part)


def partday(m: re.Match[str], ctx: Context) -> Norm | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    part = _part_code(m["part"])
    if rel in ("this", "last"):
        if ctx.dct is None:
            return Norm("TIME", f"XXXX-XX-XXT{part}")
        return _day(ctx.dct - timedelta(days=1 if rel == "last" else 0), part=part)
    base = _anchor_date(ctx)
    if base is None:
        return Norm("TIME", f"XXXX-XX-XXT{part}")
    shift = 1 if rel in ("the next", "the following") else 0
    return _day(base + timedelta(days=shift), part=part)


def part_alone(m: re.Match[str], ctx: Context) -> Norm | None:
    """A part of a day named alone: of the day given, else of the day the text is on."""
    part = _part_code(m["part"])
    after = ctx.word_after(m.end())
    if not m["day"] and after.lower() in ("hours", "of", "and"):
        return None  # "the early morning hours of Sunday": the day comes after
    if m["day"]:
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["day"].lower()]
        base = ctx.dct + timedelta(days=shift) if ctx.dct else None
    else:
        base = _anchor_date(ctx) or ctx.dct
    if base is None:
        return Norm("TIME", f"XXXX-XX-XXT{part}")
    return _day(base, part=part)


def overnight(m: re.Match[str], ctx: Context) -> Norm | None:
    """The night before the report (or before the weekday named): begin D-1, finish D."""
    if ctx.dct is None:
        return Norm("TIME", "XXXX-XX-XXTNI")
    end = ctx.dct
    if m["wd"] and m["wd"][:1].isupper():
        number = WEEKDAYS[m["wd"].lower()]
        end = weekday_near(ctx.dct, number, 0 if number == ctx.dct.isoweekday() else -1)
    elif ctx.anchor_day is not None and ctx.same_sentence(ctx.anchor_end, m.start()):
        end = ctx.anchor_day  # "on Tuesday ... overnight": the night into that day
    begin = end - timedelta(days=1)
    return Norm("TIME", f"{begin.isoformat()}TNI", begin, end)


def reference(m: re.Match[str], ctx: Context) -> Norm | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word == "now" and ctx.text[m.end() : m.end() + 1] == "-":
        return None
    if word == "soon" and ctx.word_before(m.start()) == "as":
        return None  # "as soon as": a conjunction
    last = m["word"].split()[-1]
    if last[:1].isupper() and (last != m["word"] or not _opens_sentence(ctx, m.start())):
        return None  # a name: "the Future Forum", "Current Affairs"
    if word == "current":
        if _NOT_TEMPORAL_CURRENT.match(ctx.text, m.end()):
            return None  # "current account", "ocean currents"
        if ctx.word_before(m.start()) == "then":  # "the then current price": a past present
            return Norm("DATE", "PAST_REF", start=ctx.text.rindex("then", 0, m.start()))
    return Norm("DATE", REFERENCES[word])


_NOT_TEMPORAL_CURRENT = re.compile(r"\s+(?:accounts?|affairs|flows?|density|draw)\b", re.I)
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'\u201d\u2019)]*\s+|\n\s*|[\"'\u201c\u2018(`]+)$")


def _opens_sentence(ctx: Context, start: int) -> bool:
    return bool(_SENTENCE_START.search(ctx.text, max(0, start - 4), start))


_ANCHORED = frozenset(["previous", "preceding", "following", "same", "that", "prior"])


def relunit(m: re.Match[str], ctx: Context) -> Norm | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = re.sub(r"\s+", " ", m["unit"].lower()).replace("fiscal ", "")
    if m["season"]:
        return _season_rel(m, ctx, rel, SEASONS[unit])
    if m["the"] and rel in ("past", "last") and unit == "year":
        rel = "last"  # TimeBank: "over the past year" is the year before, a DATE
    elif m["the"] and rel in ("past", "last", "next", "coming") and unit not in ("weekend",):
        return Norm("DURATION", duration_value(1, unit))
    if unit in PARTS_OF_DAY or unit == "day":
        return _day_rel(ctx, rel, _part_code(unit) if unit != "day" else "")
    base = ctx.dct
    if rel in _ANCHORED:
        base = _anchor_date(ctx) or ctx.last_start  # a paragraph may open on the anaphor
        if base is None:
            return Norm("DATE", _unknown(unit))
    if base is None:
        return Norm("DATE", _unknown(unit))
    shift = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "preceding": -1,
        "prior": -1,
        "next": 1,
        "coming": 1,
        "following": 1,
    }.get(rel, 0)
    if rel == "recent":
        return Norm("DATE", "PAST_REF")
    value = _shifted(base, unit, shift, ctx)
    span = interval(value)
    return Norm("DATE", value, *(span or (None, None)))


def _anchor_date(ctx: Context) -> date | None:
    """The day an anaphor ("that day", "the next morning") refers back to."""
    if ctx.anchor_day is not None:
        return ctx.anchor_day
    if ctx.anchor_value is None and ctx.last_day is not None:
        return ctx.last_day
    span = interval(ctx.anchor_value) if ctx.anchor_value else None
    return span[0] if span else None


def _unknown(unit: str) -> str:
    return {
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "year": "XXXX",
        "decade": "XXX",
        "century": "XX",
    }.get(unit, "XXXX-XX-XX")


def _shifted(base: date, unit: str, shift: int, ctx: Context) -> str:
    if unit == "week":
        return week_value(base + timedelta(weeks=shift))
    if unit == "weekend":
        saturday = weekday_near(
            base, 6, 0 if base.isoweekday() >= 6 and shift == 0 else shift or -1
        )
        return week_value(saturday) + "-WE"
    if unit == "month":
        return month_value(*add_months(base.year, base.month, shift))
    if unit == "quarter":
        return "{}-Q{}".format(*add_quarters(base.year, quarter_of(base), shift))
    if unit == "decade":
        return str(base.year // 10 + shift)
    if unit == "century":
        return str(base.year // 100 + shift)
    return str(base.year + shift)


def _day_rel(ctx: Context, rel: str, part: str) -> Norm:
    if rel in _ANCHORED or rel in ("next", "following"):
        base = _anchor_date(ctx)
        shift = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}.get(
            rel, 0
        )
    else:
        base = ctx.dct
        shift = {"last": -1, "past": -1}.get(rel, 0)
    if base is None:
        return Norm("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""))
    coarse = _coarse_anchor(ctx)
    if coarse and rel in _ANCHORED and shift == 0:
        # "in October ... that same day": a day of that month, not its first
        value = coarse + "-XX" * (3 - coarse.count("-") - 1) + (f"T{part}" if part else "")
        return Norm("TIME" if part else "DATE", value)
    return _day(base + timedelta(days=shift), part=part)


def _coarse_anchor(ctx: Context) -> str | None:
    """The anchor when it names only a month or a year ("2023-10", "2023")."""
    value = ctx.anchor_value
    if ctx.anchor_day is not None or not value or not re.fullmatch(r"\d{4}(?:-\d\d)?", value):
        return None
    return value


def _season_rel(m: re.Match[str], ctx: Context, rel: str, code: str) -> Norm | None:
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{code}")
    if rel in ("last", "past", "previous", "prior", "preceding"):
        year = last_season(ctx.dct, code)
    elif rel in ("next", "coming", "following"):
        year = next_season(ctx.dct, code)
    elif rel in ("that", "same") and ctx.narrative_year(m.start()):
        year = ctx.narrative_year(m.start())  # type: ignore[assignment]
    else:
        current_year, current = season_of(ctx.dct)
        year = current_year if current == code else ctx.dct.year
    value = f"{year}-{code}"
    span = interval(value)
    return Norm("DATE", value, *(span or (None, None)))


def edge_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = m["unit"].lower()
    base = ctx.dct
    if base is None:
        return Norm("DATE", _unknown(unit))
    year = ctx.narrative_year(m.start())
    if year is not None and unit == "year":
        base = date(year, 6, 30)
    value = _shifted(base, unit, 0, ctx)
    span = interval(value)
    return Norm("DATE", value, *(span or (None, None)))


def anaphor_day(m: re.Match[str], ctx: Context) -> Norm | None:
    base = _anchor_date(ctx)
    unit = m["unit"].lower()
    if base is None:
        return Norm("DATE", _unknown(unit))
    shift = -1 if m["dir"].lower() == "before" else 1
    if unit == "day":
        return _day(base + timedelta(days=shift))
    value = _shifted(base, unit, shift, ctx)
    span = interval(value)
    return Norm("DATE", value, *(span or (None, None)))


def ago(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = unit_code(m["unit"])
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    n = parse_number(m["num"])
    if direction in ("before", "after"):
        # "three days before the polls": TimeML marks only the length.
        return Norm("DURATION", duration_value(n, unit), end=m.end("unit"))
    if unit == "weekend":
        return None
    forward = direction in ("later", "from now", "hence")
    if n is None and direction in ("earlier", "later"):
        # "a few days later": no point can be counted, so TimeML keeps only the length
        return Norm("DURATION", duration_value(None, unit), end=m.end("unit"))
    if n is None or m["or"] or m["or2"] and unit not in ("week", "day"):
        return Norm("DATE", "FUTURE_REF" if forward else "PAST_REF")
    relative = direction in ("earlier", "later")
    base = (_anchor_date(ctx) if relative else None) or ctx.dct
    if base is None:
        return Norm("DATE", _unknown(unit))
    return _ago_value(base, unit, int(n) if forward else -int(n), ctx)


def _ago_value(base: date, unit: str, shift: int, ctx: Context) -> Norm:
    if unit in ("second", "minute", "hour"):
        return _day(base)
    if unit in ("day", "night"):
        return _day(base + timedelta(days=shift))
    if unit in ("week", "fortnight"):
        value = week_value(base + timedelta(weeks=shift * _FACTOR.get(unit, 1)))
    elif unit == "month":
        value = month_value(*add_months(base.year, base.month, shift))
    elif unit == "quarter":
        value = "{}-Q{}".format(*add_quarters(base.year, quarter_of(base), shift))
    elif unit == "year" and ctx.last_quarter:
        q = int(ctx.last_quarter[-1])  # "a year earlier" in a quarterly report: that quarter
        value = "{}-Q{}".format(*add_quarters(int(ctx.last_quarter[:4]), q, 4 * shift))
    else:
        value = str(base.year + shift * _FACTOR.get(unit, 1))
    span = interval(value)
    return Norm("DATE", value, *(span or (None, None)))


def duration(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = unit_code(m["unit"])
    num = m["num"].lower()
    after = ctx.text[m.end() : m.end() + 8]
    if m["adj"] and m["adj"].lower() == "-old" or re.match(r"\s+old\b", after):
        return None  # ages are not time expressions
    if num in ("a", "an") and m["unit"].lower().endswith(("s", "ies")):
        return None  # "a decades-long war": "a" belongs to the noun
    if num in ("a", "an") and _is_rate(m, ctx):
        return None  # "$5 a day", "twice a week" (a SET rule owns those)
    if unit in ("quarter", "half") and after.startswith(" of"):
        return None  # "a quarter of the population"
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", num) and unit in ("second", "quarter", "half"):
        return None  # "the 1988 second quarter": a year, not 1988 seconds
    if unit == "second" and num in ("a", "one") and re.match(r"\s+[a-z]", after):
        return None  # "a second betrayal": the ordinal
    if num == "one" and unit == "day" and not (m["rel"] or m["mod"] or m["the"]):
        if ctx.word_before(m.start()) in _SOMEDAY_BEFORE:
            return Norm("DATE", "FUTURE_REF")  # "Islam will one day be ...": some day
    n = parse_number(m["num"])
    if n is not None and m["frac"]:
        n += 0.5
    start = m.start("the") if m["the"] else None
    if m["rel"] and not m["the"] and (m["mod"] or _verb_last(m, ctx)):
        start = m.start("mod") if m["mod"] else m.start("num")  # "will last (at least) 3 days"
    if start is not None and not m["rel"] and ctx.text[m.end("num") : m.start("unit")] == "-":
        start = m.start("mod") if m["mod"] else m.start("num")  # "the [eight-year] truce"
    return Norm("DURATION", duration_value(n, unit), start=start)


_SOMEDAY_BEFORE = frozenset(
    "will would could can may might should shall he she they we i you it hope hopes".split()
)
_AUXILIARIES = frozenset(
    "will would could can may might must should shall to not n't does did do wo".split()
)


def _verb_last(m: re.Match[str], ctx: Context) -> bool:
    """ "the talks will last two days": "last" is the verb, not "the last two days"."""
    return m["rel"].lower() == "last" and ctx.word_before(m.start()) in _AUXILIARIES


_RATE_WORDS = frozenset(["million", "billion", "thousand", "hundred", "percent", "times", "twice"])
_NOT_PLURAL = frozenset(["was", "is", "has", "its", "this", "his", "as", "us", "always"])


def _is_rate(m: re.Match[str], ctx: Context) -> bool:
    """ "$5 a day", "700 seats a week", "twice a year": a rate, not a length of time."""
    if _MONEY_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()]):
        return True
    before = ctx.word_before(m.start())
    if before in _RATE_WORDS:
        return True
    return len(before) > 3 and before.endswith("s") and before not in _NOT_PLURAL


def vague_units(m: re.Match[str], ctx: Context) -> Norm | None:
    # "in recent weeks" is a stretch of unstated length ending now, like "the past few
    # weeks" (TIMEX2/TIMEX3 write it PXW, anchored at the document date)
    return Norm("DURATION", duration_value(None, m["unit"]))


def for_units(m: re.Match[str], ctx: Context) -> Norm | None:
    if m["while"]:
        return Norm("DURATION", "PXX")  # a length of no stated unit
    unit = m["unit"] or m["unit2"] or m["unit3"]
    single = unit.lower() in UNITS  # "a day-long meeting": one day
    return Norm("DURATION", duration_value(1 if single else None, unit))


def in_the_day(m: re.Match[str], ctx: Context) -> Norm | None:
    base = _anchor_date(ctx) or ctx.dct
    return _day(base) if base else Norm("DATE", "XXXX-XX-XX")


_IS_BEFORE = re.compile(r"(?:\bis|\bIs|'s|\u2019s|\bmarks|\bmarking)\s+$")
_WAS_BEFORE = re.compile(r"(?:\bwas|\bmarked)\s+$")


def nth_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "Today is the eighth day of the strike": the day the count reaches, which the verb
    dates (the DCT for "is", the day named before for "was"); otherwise no day is named."""
    head = ctx.text[max(0, m.start() - 12) : m.start()]
    if _IS_BEFORE.search(head):
        base = ctx.dct
    elif _WAS_BEFORE.search(head) and (ctx.probe or ctx.same_sentence(ctx.anchor_end, m.start())):
        base = ctx.anchor_day
    else:
        return None
    return _day(base) if base else Norm("DATE", "XXXX-XX-XX")


def units_ahead(m: re.Match[str], ctx: Context) -> Norm | None:
    return Norm("DURATION", duration_value(None, m["unit"]))


def the_weekend(m: re.Match[str], ctx: Context) -> Norm | None:
    if ctx.dct is None:
        return Norm("DATE", "XXXX-WXX-WE")
    dct = ctx.dct
    if dct.isoweekday() >= 6:
        saturday = dct - timedelta(days=dct.isoweekday() - 6)
    else:
        saturday = weekday_near(dct, 6, ctx.direction(m.start(), m.end()))
    value = week_value(saturday) + "-WE"
    span = interval(value)
    return Norm("DATE", value, *(span or (None, None)))
