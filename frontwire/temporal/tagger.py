"""Find and normalise temporal expressions: ``tag(text, dct)`` and the ``TimeTagger`` stage.

Two passes over the rule matches: the first picks non-overlapping candidates,
longest first, dropping those a handler rejects ("May" the modal verb); the
second normalises the survivors left to right, so each one can use the
paragraph's previous expressions as its reference time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from typing import Any

from ..model import Report, TimeExpression
from . import calendar_rules as cal
from . import clock_rules as clk
from . import periods as per
from . import relative_rules as rel
from .context import Context, Norm
from .dates import parse_dct
from .grammar import CLASS_RULES, COMPILED, FIRST_WORDS, TOKEN, TRIGGER, WORD_CLASSES
from .mods import timex_mod

Handler = Callable[[re.Match[str], Context], Norm | None]

HANDLERS: dict[str, Handler] = {
    "date_mdy": cal.date_mdy,
    "date_dmy": cal.date_dmy,
    "date_iso": cal.date_iso,
    "date_slash": cal.date_slash,
    "month_year": cal.month_year,
    "month": cal.month,
    "weekday": rel.weekday,
    "relday": rel.relday,
    "partday": rel.partday,
    "overnight": rel.overnight,
    "part_alone": rel.part_alone,
    "reference": rel.reference,
    "relunit": rel.relunit,
    "the_weekend": rel.the_weekend,
    "edge_unit": rel.edge_unit,
    "anaphor_day": rel.anaphor_day,
    "ago": rel.ago,
    "duration": rel.duration,
    "vague_units": rel.vague_units,
    "for_units": rel.for_units,
    "units_ahead": rel.units_ahead,
    "in_the_day": rel.in_the_day,
    "nth_day": rel.nth_day,
    "year_end": per.year_end,
    "decade_word": cal.decade_word,
    "quarter": per.quarter,
    "q_code": per.q_code,
    "year": cal.year,
    "short_decade": cal.short_decade,
    "season": cal.season,
    "clock": clk.clock,
    "clock_words": clk.clock_words,
    "noon": clk.noon,
    "set_every": clk.set_every,
    "set_times": clk.set_times,
    "set_adverb": clk.set_adverb,
    "holiday": per.holiday,
    "the_year": per.the_year,
    "year_ago": per.year_ago,
    "week_of": per.week_of,
    "period": per.period,
    "century": per.century,
    "date_range": cal.date_range,
    "spelled_year": cal.spelled_year,
}
_PRIORITY = {name: i for i, name in enumerate(COMPILED)}
_SLASH = re.compile(r"(?<![\w/.])([0-3]?\d)[/.]([0-3]?\d)[/.](?:\d{4}|\d\d)(?![\w/])")

_KIND_CLASSES = {
    "#year4": ("year4",),
    "#slash": ("slash",),
    "#clock": ("clock",),
    "#decade": ("decade",),
}
Candidate = tuple[int, int, str, re.Match[str]]


def tag(text: str, dct: str | None, date_order: str | None = None) -> list[TimeExpression]:
    """Temporal expressions of ``text``, normalised against the document date.

    text (str): the text to tag.
    dct (str | None): document creation time, ISO ``YYYY-MM-DD`` (a datetime is cut
        to its date); None leaves relative expressions unresolved (``XXXX-XX-XX``).
    date_order (str | None): "dmy" or "mdy" for numeric dates like 03/04/24 when the
        outlet's habit is known; None infers it from the text, then the DCT.
    RETURNS (list[TimeExpression]): in text order, without overlaps.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if date_order not in (None, "dmy", "mdy"):
        raise ValueError(f"date_order must be 'dmy', 'mdy' or None, not {date_order!r}")
    ctx = Context(text=text, dct=parse_dct(dct))
    _read_date_order(text, ctx)
    if date_order is not None and not ctx.order_known:
        ctx.order, ctx.order_known = date_order, True
    chosen = _select(_candidates(text), ctx)
    return _normalise(chosen, ctx)


def _candidates(text: str) -> list[Candidate]:
    """Every match of every rule that starts a few words before one of its trigger words."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    starts: dict[str, set[int]] = {}
    for hit in TRIGGER.finditer(lowered):
        kind = hit.lastgroup or ""
        rules, back = _rules_for(hit.group() if kind == "word" else "#" + kind)
        pos = hit.start()
        words = [(pos, hit.group() if kind == "word" else "#")]
        if back:
            before = TOKEN.finditer(lowered, max(0, pos - 12 * back), pos)
            words[:0] = [(m.start(), "#" if (w := m.group())[0] <= "9" else w) for m in before]
        for rule, lookback in rules:
            bucket = starts.setdefault(rule, set())
            allowed = FIRST_WORDS.get(rule)
            for start, word in words[-1 - lookback :]:
                if allowed is None or word in allowed:
                    bucket.add(start)
            if kind == "decade":
                bucket.add(pos)  # the '90s: the match starts at the apostrophe
    found: list[Candidate] = []
    for rule, positions in starts.items():
        pattern = COMPILED[rule]
        for pos in positions:
            m = pattern.match(text, pos)
            if m is not None and m.end() > m.start():
                found.append((m.start(), m.end(), rule, m))
    return found


@cache
def _rules_for(key: str) -> tuple[tuple[tuple[str, int], ...], int]:
    """Rules a trigger word (or trigger kind) starts, and how far back any of them looks."""
    classes = _KIND_CLASSES.get(key) or WORD_CLASSES.get(key, ())
    rules = tuple(rb for cls in classes for rb in CLASS_RULES.get(cls, ()))
    return rules, max((b for _, b in rules), default=0)


def _select(candidates: list[Candidate], ctx: Context) -> list[tuple[Candidate, Norm]]:
    """Longest valid candidates first; a rejected one leaves room for shorter ones."""
    candidates.sort(key=lambda c: (c[0] - c[1], _PRIORITY[c[2]], c[0]))
    taken = bytearray(len(ctx.text) + 1)  # 1 where a chosen expression lies
    chosen: list[tuple[Candidate, Norm]] = []
    probe = Context(
        text=ctx.text, dct=ctx.dct, order=ctx.order, order_known=ctx.order_known, probe=True
    )
    for cand in candidates:
        start, end, name, m = cand
        if taken.find(1, start, end) >= 0:
            continue
        norm = HANDLERS[name](m, probe)
        if norm is None:
            continue
        s, e = _span(cand, norm)
        if taken.find(1, s, e) >= 0 or (name != "holiday" and _title(ctx.text, s, e)):
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((cand, norm))
    chosen.sort(key=lambda item: item[0][0])
    return chosen


# Common nouns of time that prose writes in lower case ("last week", "60 minutes").
_TITLE_NOUN = re.compile(
    r"(?:Seconds?|Minutes?|Hours?|Days|Weeks?|Months?|Years?|Decades?|Centuries|Nights|"
    r"Mornings?|Evenings?|Afternoons?|Ago)\b"
)


def _title(text: str, start: int, end: int) -> bool:
    """True for a title or headline in Title Case ("CBS's 60 Minutes", "This Week With David
    Brinkley", "Strikes Resumed Last Week"): a capitalised common noun of time that does not
    open its sentence."""
    for noun in _TITLE_NOUN.finditer(text, start, end):
        head = text[max(0, noun.start() - 3) : noun.start()]
        if noun.start() == 0 or re.search(r"(?:^|[.!?:\n\"'\u201c\u2018(]\s*)$", head):
            continue  # "Weeks later, ...", '"Years ago...': the sentence starts here
        return True
    return False


def _span(cand: Candidate, norm: Norm) -> tuple[int, int]:
    start = norm.start if norm.start is not None else cand[0]
    end = norm.end if norm.end is not None else cand[1]
    return start, end


def _normalise(chosen: list[tuple[Candidate, Norm]], ctx: Context) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    text = ctx.text
    for cand, _ in chosen:
        start, end, name, m = cand
        paragraph = text.rfind("\n", 0, start) + 1
        if paragraph != ctx.para_start:
            ctx.new_paragraph(paragraph)
        anchor = ctx.anchor_value or ("dct" if ctx.dct else "")
        norm = HANDLERS[name](m, ctx)
        if norm is None:
            continue
        s, e = _span(cand, norm)
        out.append(
            TimeExpression(
                start=s,
                end=e,
                text=text[s:e],
                type=norm.type,
                value=norm.value,
                begin=norm.begin.isoformat() if norm.begin else None,
                finish=norm.finish.isoformat() if norm.finish else None,
                anchor=anchor if _is_relative(name, m) else "",
                mod=timex_mod(text, s, e, norm.type),
            )
        )
        if norm.type in ("DATE", "TIME"):
            ctx.remember(norm.value, e, _names_year(name, m), start=s)
    _nights_before_named_days(out, ctx)
    _clock_dates_after(out, ctx)
    return out


_ON_LINK = re.compile(r",?\s*(?:on\s+|of\s+)?$")


_ASIDE = re.compile(r"\s*\([^()]{0,30}\)")


def _clock_dates_after(out: list[TimeExpression], ctx: Context) -> None:
    """ "As of 22:00 on 13.03.2024": the clock time takes the date written after it, also
    across an aside ("at 10:35 a.m. (0735 GMT) Friday": both clock times)."""
    for i, t in enumerate(out):
        if t.type != "TIME" or ":" not in t.value[10:]:
            continue
        after = next((a for a in out[i + 1 : i + 3] if a.type == "DATE"), None)
        if after is None or not after.begin or after.begin != after.finish:
            continue
        between = _ASIDE.sub("", ctx.text[t.end : after.start]).lstrip(")")
        if _ON_LINK.match(between):  # a clock time between them sits in the aside
            t.value = after.begin + t.value[t.value.index("T") :]
            t.begin = t.finish = after.begin


def _nights_before_named_days(out: list[TimeExpression], ctx: Context) -> None:
    """ "Drones struck overnight, the governor said on Monday": the night into Monday."""
    for i, t in enumerate(out):
        if not (t.text.lower() == "overnight" and t.begin and t.finish):
            continue
        if i and out[i - 1].begin and ctx.same_sentence(out[i - 1].end, t.start):
            continue  # already the night into the day named before it
        for later in out[i + 1 :]:
            if not ctx.same_sentence(t.end, later.start):
                break
            if later.type == "DATE" and later.begin and later.begin == later.finish:
                day = date.fromisoformat(later.begin)
                before = day - timedelta(days=1)
                t.value, t.begin, t.finish = (
                    f"{before.isoformat()}TNI",
                    before.isoformat(),
                    later.begin,
                )
                break


def _is_relative(name: str, m: re.Match[str]) -> bool:
    """True when the value came from a reference time rather than the words alone."""
    if name in ("date_iso", "date_slash", "month_year", "year", "short_decade", "spelled_year"):
        return False
    if name in ("date_mdy", "date_dmy", "date_range", "season", "quarter", "q_code", "holiday"):
        return not m.groupdict().get("year")
    return True


_YEAR_RULES = frozenset(["year", "month_year", "date_iso", "date_slash", "spelled_year"])
_SHIFTS = frozenset(["last", "next", "past", "coming", "previous", "following"])


def _names_year(name: str, m: re.Match[str]) -> bool:
    """True when the words set the year themselves: "in 2022", "last summer", "next June"."""
    groups = m.groupdict()
    if name in _YEAR_RULES or groups.get("year") or groups.get("yrel"):
        return True
    if name == "ago":  # "two years ago, in June": June of that year
        return (groups.get("unit") or "").lower().startswith("year")
    if name in ("relunit", "season", "month"):
        return (groups.get("rel") or "").lower() in _SHIFTS
    return False


def _read_date_order(text: str, ctx: Context) -> None:
    """Learn day-month order from an unambiguous numeric date of the same text (25/03/24)."""
    if "/" not in text and "." not in text:
        return
    for m in _SLASH.finditer(text):
        a, b = int(m[1]), int(m[2])
        if a > 12 >= b:
            ctx.order, ctx.order_known = "dmy", True
            return
        if b > 12 >= a:
            ctx.order, ctx.order_known = "mdy", True
            return


class TimeTagger:
    """Pipeline stage "time": fills ``report.times`` from ``report.text`` and ``report.dct``.

    date_order (str | None): "dmy" or "mdy" for numeric dates such as 03/04/24; None
        (default) reads the habit from the report itself: an unambiguous numeric date in
        the text, else the way the outlet wrote its own publication date.
    Unknown options raise, so a typo in a config is not silently ignored.
    """

    name = "time"

    def __init__(self, date_order: str | None = None, **options: Any) -> None:
        if options:
            raise TypeError(f"TimeTagger got unknown options: {', '.join(sorted(options))}")
        if date_order not in (None, "dmy", "mdy"):
            raise ValueError(f"date_order must be 'dmy', 'mdy' or None, not {date_order!r}")
        self.date_order = date_order

    def __call__(self, report: Report) -> Report:
        if not isinstance(report, Report):
            raise TypeError(f"TimeTagger expects a Report, not {type(report).__name__}")
        order = self.date_order or _stamp_order(report)
        report.times = tag(report.text or "", report.dct, date_order=order)
        return report


def _stamp_order(report: Report) -> str | None:
    """Day-month order shown by the publication stamp ("12/03/24" read as 2024-03-12)."""
    stamp = report.document.published or report.document.updated
    if stamp is None or stamp.ambiguous:
        return None
    m = _SLASH.search(stamp.source_text or "")
    if m is None or len(stamp.value) < 10:
        return None
    a, b = int(m[1]), int(m[2])
    month, day = int(stamp.value[5:7]), int(stamp.value[8:10])
    if (a, b) == (day, month) and a != b:
        return "dmy"
    if (a, b) == (month, day) and a != b:
        return "mdy"
    return None
