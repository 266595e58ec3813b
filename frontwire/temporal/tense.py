"""POS-free tense guess around an expression: is the text talking about the past or the future?

Used to resolve "on Tuesday" / "in June" against the document date: the nearest cue
word in the same sentence wins, looking left first (the governing verb in English
news usually comes before its date: "said on Tuesday", "will meet on Thursday").
"""

from __future__ import annotations

import re

PAST, FUTURE, NONE = "past", "future", ""

_FUTURE = (
    r"will|won't|wo\s+n't|shall|'ll|going\s+to|gonna|is\s+to|are\s+to|expected|expects?|"
    r"scheduled|schedules?|plans?|planned|planning|set\s+to|due|would|next|upcoming|coming|"
    r"aims?\s+to|intends?\s+to|hopes?\s+to|tomorrow|as\s+soon\s+as|as\s+early\s+as"
)
_PAST = (
    r"said|told|was|were|had|did|ago|last|been|came|went|took|made|began|fell|rose|saw|"
    r"met|held|left|hit|struck|shot|killed|won|lost|since|"
    r"(?-i:(?!(?:hundred|indeed|need|speed|proceed|exceed|succeed|embed)\b)[a-z]{3,}ed)"
)
_CUE = re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b", re.I)
_BOUNDARY = re.compile(r"[.!?;]\s|\n")
_WINDOW = 60  # characters on each side; news clauses are short


def tense_at(text: str, start: int, end: int) -> str:
    """``PAST``, ``FUTURE`` or ``NONE`` for the expression at ``text[start:end]``."""
    left = text[max(0, start - _WINDOW) : start]
    cut = None
    for cut in _BOUNDARY.finditer(left):
        pass
    if cut is not None:
        left = left[cut.end() :]
    cues = list(_CUE.finditer(left))
    if cues:
        return FUTURE if cues[-1].lastgroup == "future" else PAST
    right = text[end : end + _WINDOW]
    stop = _BOUNDARY.search(right)
    if stop is not None:
        right = right[: stop.start()]
    first = _CUE.search(right)
    if first is not None:
        return FUTURE if first.lastgroup == "future" else PAST
    return NONE
