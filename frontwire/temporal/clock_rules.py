"""Handlers for clock times ("5 a.m. ET", "14:30 local time", "noon") and sets
("every week", "twice a day", "annually").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Context, Norm
from .dates import weekday_near
from .lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    WEEKDAYS,
)
from .relative_rules import duration_value, parse_number


def clock(m: re.Match[str], ctx: Context) -> Norm | None:
    if m["hm"]:
        hour, minute = int(m["hm"][:2]), int(m["hm"][2:])
        if hour > 24:
            return None
    elif m["h24"] is not None:
        hour, minute = int(m["h24"]), int(m["mi24"])
        if not (
            m["tz24"]
            or len(m["h24"]) == 2
            or ctx.word_before(m.start())
            in ("at", "by", "until", "from", "since", "around", "about")
        ):
            return None
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if not 1 <= hour <= 12:
            return None
        pm = m["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    day = _clock_day(m, ctx)
    stamp = f"T{hour:02d}:{minute:02d}"
    end = None
    if m.group().endswith(".") and re.match(
        r"\s*(?:$|\n|[A-Z\"'])", ctx.text[m.end() : m.end() + 2]
    ):
        end = m.end() - 1  # "at 6 a.m. Police said": the period also ends the sentence
    if day is None:
        return Norm("TIME", "XXXX-XX-XX" + stamp, end=end)
    return Norm("TIME", day.isoformat() + stamp, day, day, end=end)


def clock_words(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["hw"].lower()
    hour = int(word) if word.isdigit() else int(NUMBER_WORDS[word])
    part = (m["dp"] or ("night" if m["night"] else "")).lower()
    if part in ("afternoon", "evening") or (part == "night" and hour >= 6):
        hour = hour % 12 + 12
    elif part == "morning":
        hour %= 12
    day = _clock_day(m, ctx)
    stamp = f"T{hour:02d}:00"
    if day is None:
        return Norm("TIME", "XXXX-XX-XX" + stamp)
    return Norm("TIME", day.isoformat() + stamp, day, day)


def _clock_day(m: re.Match[str], ctx: Context) -> date | None:
    groups = m.groupdict()
    if groups.get("cmonth") and ctx.dct is not None:  # "5 p.m. EST Nov. 9"
        month = MONTHS.get(groups["cmonth"].lower().rstrip("."))
        try:
            return date(ctx.dct.year, month or 0, int(groups["cday"]))
        except ValueError:
            return None
    word = (groups.get("day") or "").lower()
    if word and ctx.dct is not None:
        if word in WEEKDAYS:
            number = WEEKDAYS[word]
            same = number == ctx.dct.isoweekday()
            return weekday_near(ctx.dct, number, 0 if same else ctx.direction(m.start(), m.end()))
        return ctx.dct + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[word])
    if ctx.anchor_day is not None and 0 <= m.start() - ctx.anchor_end < 40:
        return ctx.anchor_day  # "on Tuesday at 5 a.m.", "12/03/24, 5 a.m."
    return ctx.dct


def noon(m: re.Match[str], ctx: Context) -> Norm | None:
    if ctx.word_before(m.start()) == "high":
        return None
    stamp = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[m["word"].lower()]
    day = _clock_day(m, ctx)
    if day is None:
        return Norm("TIME", "XXXX-XX-XX" + stamp)
    return Norm("TIME", day.isoformat() + stamp, day, day)


def set_every(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = m["unit"].lower()
    if unit in WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[unit]}")
    if unit in PARTS_OF_DAY:
        return Norm("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}")
    if unit in SEASONS:
        return Norm("SET", f"XXXX-{SEASONS[unit]}")
    if unit in MONTHS:  # "each July"
        if not m["unit"][:1].isupper() or unit in MONTH_ABBREVIATIONS:
            return None
        return Norm("SET", f"XXXX-{MONTHS[unit]:02d}")
    n = parse_number(m["num"]) if m["num"] else 1.0
    if m["other"]:
        n = 2.0
    return Norm("SET", duration_value(n, unit))


def set_times(m: re.Match[str], ctx: Context) -> Norm | None:
    return Norm("SET", duration_value(1, m["unit"]))


_FUNCTION_WORDS = frozenset(
    "in at on to for and or since until from with by as but after before during of "
    "through over the a an this that".split()
)


# Frequency adjectives of activities ("daily shelling", "nightly drone raids", "his weekly
# address") are sets; the longer periods mostly name reports and payments instead
# ("the quarterly dividend", "monthly salaries"), so those count only as adverbs.
_ACTIVITY_ADJECTIVES = frozenset(["daily", "nightly", "weekly", "hourly"])
# A publication or a market statistic: "a daily newspaper", "average daily volume";
# a verb after it makes "daily" the noun: "the daily said".
_NOT_ACTIVITY = frozenset(
    "newspaper newspapers paper papers magazine edition editions publication bulletin "
    "report reports dividend dividends volume volumes turnover said says reported reports "
    "wrote quoted published cited added".split()
)


def set_adverb(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["word"].lower()
    if re.match(r" (?:[A-Z]|newspapers?\b|papers?\b)", ctx.text[m.end() : m.end() + 12]):
        return None  # a newspaper: "the Communist Party daily Granma"
    after = re.match(r" ([a-z]+)\b", ctx.text[m.end() : m.end() + 20])
    if after and after.group(1) not in _FUNCTION_WORDS:
        if word not in _ACTIVITY_ADJECTIVES or after.group(1) in _NOT_ACTIVITY:
            return None  # "the quarterly dividend", "a daily newspaper"
    return Norm("SET", SET_ADVERBS[word])
