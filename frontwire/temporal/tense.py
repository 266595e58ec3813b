"""POS-free tense guess around an expression: is the text talking about the past or the future?

Used to resolve "on Tuesday" / "in June" against the document date. Cue words are
looked up in the same sentence, left of the expression first (the governing verb in
English news usually comes before its date: "said on Tuesday", "will meet on Thursday").
Auxiliaries and reporting verbs ("will", "said", "was") outrank weak cues such as a
word ending in -ed, which is often an adjective ("evacuated families").
"""

from __future__ import annotations

import re

PAST, FUTURE, PRESENT, NONE = "past", "future", "present", ""

# "could not be reached Wednesday": a report of a past attempt, not a plan
_COULD_PAST = (
    r"(?:\s+not|n't|\s+n't)|(?:\s+not)?\s+(?:immediately\s+)?be\s+"
    r"(?:reached|located|contacted)"
)
_STRONG_FUTURE = (
    r"will|won't|wo\s+n't|shall|'ll|going\s+to|gonna|is\s+to|are\s+to|set\s+to|due\s+to|"
    r"would\s+(?:still\s+)?be|to\s+be|"
    r"scheduled|expected\s+to|plans?\s+to|planning|"
    # a deadline moved or set: "postponed until Tuesday", "gave them until Friday"
    r"(?:postpone|delay|extend|adjourn|defer|put\s+off|give|gave|given)\w*\s+(?:\S+\s+){0,4}?until|"
    r"aims?\s+to|intend(?:s|ed)?\s+to|"
    r"hop(?:es|ed|ing)\s+to|(?:was|were)\s+(?:due\s+)?to|"
    rf"as\s+soon\s+as|as\s+early\s+as|tomorrow|may|might|could(?!{_COULD_PAST})|should|must|can|cannot|"
    r"need\s+to|has\s+to|have\s+to"
)
_STRONG_PAST = (
    r"(?:had\s+(?:been\s+)?|previously\s+|as\s+)(?:scheduled|planned|expected|due)|"
    rf"could(?={_COULD_PAST})|"
    r"said|says|told|was|were|had|did|has|have|ago|last|since|yesterday"
)
# "a pact effective June 1": a date something takes effect on, usually still to come
_WEAK_FUTURE = (
    r"would|next|upcoming|coming|effective(?=\s+(?:on\s+|from\s+|as\s+of\s+)?(?:$|(?-i:[A-Z0-9])))"
)
_WEAK_PAST = (
    r"been|came|went|took|made|began|fell|rose|saw|met|held|left|hit|struck|shot|killed|won|"
    r"lost|fled|fought|died|ran|drove|broke|blew|brought|caught|sent|spent|led|paid|kept|"
    r"threw|flew|tore|stole|sank|wrote|spoke|gave|got|found|knew|thought|felt|heard|"
    r"(?-i:(?!(?:hundred|indeed|need|speed|proceed|exceed|succeed|embed|planned)\b)[a-z]{3,}ed)"
)
# Present tense: a schedule for weekdays ("the vote opens on Friday"), else no direction.
_PRESENT = (
    r"is|are|am|remains?|continues?|holds|opens|begins|starts|meets?|ends|closes|visits|"
    r"travels|arrives|resumes|expires|takes\s+place|goes"
)
# Left of the date only: "protesters planned a rally on Saturday" (the rally lies ahead),
# but "On Friday, the government planned to pay" dates the planning itself.
_PLANNED = r"planned(?=\s+(?:to|a|an|the)\b)"
_CUE = re.compile(
    rf"\b(?:(?P<fl>{_PLANNED})|(?P<fs>{_STRONG_FUTURE})|(?P<ps>{_STRONG_PAST})|(?P<ns>{_PRESENT})|(?P<fw>{_WEAK_FUTURE})|"
    rf"(?P<pw>{_WEAK_PAST}))\b",
    re.I,
)
_BOUNDARY = re.compile(r"[.!?;][\"'\u201d\u2019)]*\s|\n")
# What may stand between a verb and its date: "made Friday", "hit on Friday and Saturday".
_ADJACENT = re.compile(
    r"\s+(?:(?:on|early|late|last)\s+)?(?:[A-Z][a-z]+day,?\s+(?:and|or)\s+(?:on\s+)?)?"
)
_WINDOW = 60  # characters on each side, cut at the sentence boundary


def tense_at(text: str, start: int, end: int) -> str:
    """``PAST``, ``FUTURE``, ``PRESENT`` or ``NONE`` for the expression at ``text[start:end]``."""
    return tense_and_strength(text, start, end)[0]


def tense_and_strength(text: str, start: int, end: int) -> tuple[str, bool]:
    """The tense and whether an auxiliary or reporting verb ("will", "said") showed it,
    rather than a weak cue such as a word in -ed."""
    left = text[max(0, start - _WINDOW) : start]
    cuts = list(_BOUNDARY.finditer(left))
    if cuts:
        left = left[cuts[-1].end() :]
    cues = list(_CUE.finditer(left))[::-1]
    kinds = [m.lastgroup or "" for m in cues]
    if kinds[:1] == ["pw"] and _ADJACENT.fullmatch(left, cues[0].end()):
        if len(kinds) == 1 or kinds[1] not in ("fs", "fw"):
            return PAST, False  # "statements made Friday", unless "will be released Friday"
    found = _decide(kinds)
    if found[0]:
        return found
    right = text[end : end + _WINDOW]
    stop = _BOUNDARY.search(right)
    if stop is not None:
        right = right[: stop.start()]
    return _decide([m.lastgroup or "" for m in _CUE.finditer(right) if m.lastgroup != "fl"])


def _decide(kinds: list[str]) -> tuple[str, bool]:
    """Nearest strong cue, else nearest weak cue (``kinds`` nearest first)."""
    for group in (("fs", "ps", "ns"), ("fw", "fl", "pw")):
        for kind in kinds:
            if kind in group:
                tense = FUTURE if kind[0] == "f" else PAST if kind[0] == "p" else PRESENT
                return tense, kind[1] == "s"
    return NONE, False
