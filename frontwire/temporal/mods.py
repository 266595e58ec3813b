"""TIMEX3 ``mod``: the modifier words in or just before an expression.

TimeML keeps some modifiers inside the extent ("more than three years") and leaves
others outside ("about two years ago"), so both the expression's own first words and
the words right before it are read. Values follow the TIMEX3 attribute:
START/MID/END for "early/mid/late", "the end of"; APPROX for "about/around"; LESS_THAN,
MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE for bounds on a length; BEFORE/AFTER for bounds
on a point ("more than two years ago" is before the date two years back).
"""

from __future__ import annotations

import re

_WORDS = (
    r"(?P<start>early|the\s+(?:beginning|start)\s+of|the\s+early)"
    r"|(?P<mid>mid|the\s+middle\s+of|the\s+mid)"
    r"|(?P<end>late|the\s+end\s+of|the\s+late|the\s+close\s+of)"
    r"|(?P<approx>about|around|approximately|roughly|some|circa|an\s+estimated|or\s+so)"
    r"|(?P<less>nearly|almost|less\s+than|fewer\s+than|just\s+under|not\s+quite|(?<=for\s)under)"
    r"|(?P<more>more\s+than|well\s+over|just\s+over|upwards\s+of|(?<=for\s)over)"
    r"|(?P<atmost>no\s+more\s+than|at\s+most|up\s+to|not\s+more\s+than)"
    r"|(?P<atleast>at\s+least|no\s+less\s+than|not\s+less\s+than|no\s+fewer\s+than)"
)
# The modifier as the expression's own first words ("early 2023", "more than a year").
_HEAD = re.compile(rf"(?:{_WORDS})(?:[\s-]+|(?<=mid)-?)", re.I)
# The modifier just before the expression ("about two years ago", "in early June").
_BEFORE = re.compile(rf"(?<![\w-])(?:{_WORDS})[\s-]*$", re.I)

_POINT = {"less": "AFTER", "more": "BEFORE", "atmost": "ON_OR_AFTER", "atleast": "ON_OR_BEFORE"}
_LENGTH = {
    "start": "START",
    "mid": "MID",
    "end": "END",
    "approx": "APPROX",
    "less": "LESS_THAN",
    "more": "MORE_THAN",
    "atmost": "EQUAL_OR_LESS",
    "atleast": "EQUAL_OR_MORE",
}
_AGO = re.compile(r"\b(?:ago|earlier|before)$", re.I)
_OR_SO = re.compile(r"\bor\s+so\b", re.I)


def timex_mod(text: str, start: int, end: int, kind: str) -> str:
    """TIMEX3 mod of the expression ``text[start:end]`` of type ``kind`` ("" when none)."""
    span = text[start:end]
    prefix = span[:5].lower()
    if kind == "DATE" and prefix.startswith(("pre-", "post-")):
        return "BEFORE" if prefix.startswith("pre-") else "AFTER"  # "post-1945", "pre-2022"
    m = _HEAD.match(text, start, end) or _BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return "APPROX" if _OR_SO.search(span) else ""
    group = m.lastgroup or ""
    if group in ("start", "mid", "end") and kind in ("DURATION", "SET"):
        return ""  # "late" before a length is not an edge of it
    if kind == "DATE" and group in _POINT and _AGO.search(span):
        return _POINT[group]  # "more than two years ago": before that date
    if kind in ("DATE", "TIME") and group in ("less", "more", "atmost", "atleast"):
        # "over the weekend", "under 2023 rules": prepositions, not bounds on a point
        return "" if not _AGO.search(span) else _POINT[group]
    return _LENGTH[group]
