"""State shared by the handlers while one text is normalised left to right."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .dates import interval
from .tense import FUTURE, PAST, PRESENT, tense_and_strength, tense_at

_WORD_BEFORE = re.compile(r"([A-Za-z']+)\W*$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")
_WORD_AFTER = re.compile(r"^\W*?([A-Za-z']+)")


@dataclass
class Norm:
    """A normalised expression; ``start``/``end`` override the match span when set."""

    type: str
    value: str
    begin: date | None = None
    finish: date | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Context:
    """Reference times for the expression being resolved.

    ``dct`` is the document date. ``anchor_*`` is the last calendar expression of the
    current paragraph (the reference for "a year earlier", "the next day").
    ``year_shift`` is set when the narrative moved to another year ("last summer ...
    in June" is June of last year).
    """

    text: str
    dct: date | None
    order: str = "mdy"  # how to read 03/04/24
    order_known: bool = False  # True when the text itself wrote an unambiguous d/m/y date
    para_start: int = 0
    anchor_value: str | None = None
    anchor_day: date | None = None
    anchor_end: int = -1
    anchor_start: int = -1
    last_day: date | None = None  # the last day named anywhere before, for "the next day"
    last_start: date | None = None  # start of the last period named anywhere before
    # ("In March, ... \n\nThe following month, ...": April)
    year_shift: int | None = None
    shift_end: int = -1
    shift_frames: bool = False  # the shift opened its sentence, so it frames all of it
    last_quarter: str | None = None  # the quarter a (financial) report is about
    probe: bool = False  # validation pass: anchors are not yet known
    seen: list[str] = field(default_factory=list)

    def tense(self, start: int, end: int) -> str:
        return tense_at(self.text, start, end)

    def strong_tense(self, start: int, end: int) -> bool:
        """True when an auxiliary or reporting verb, not a weak cue, set the tense."""
        return not self.probe and tense_and_strength(self.text, start, end)[1]

    def direction(self, start: int, end: int, default: int = -1, present: int | None = None) -> int:
        """-1 past, +1 future, from the verbs around the span; ``default`` when no cue,
        ``present`` (else ``default``) for the present tense."""
        if self.probe:  # the validation pass needs no values
            return default
        tense = self.tense(start, end)
        if tense == PRESENT:
            return default if present is None else present
        return 1 if tense == FUTURE else -1 if tense == PAST else default

    def word_before(self, start: int) -> str:
        m = _WORD_BEFORE.search(self.text, max(0, start - 30), start)
        return m.group(1).lower() if m else ""

    def word_after(self, end: int) -> str:
        m = _WORD_AFTER.match(self.text[end : end + 30])
        return m.group(1) if m else ""

    def char_after(self, end: int) -> str:
        return self.text[end : end + 1]

    def reference_day(self, start: int) -> date | None:
        """The date a bare clock time or anaphor ("that day") refers to."""
        if self.anchor_day is not None:
            return self.anchor_day
        return None

    def remember(self, value: str, end: int, names_year: bool = True, start: int = -1) -> None:
        """Make ``value`` the anchor for the following expressions of the paragraph.

        ``names_year``: the words themselves set the year ("in 2022", "last summer"),
        so later expressions of the sentence without a year belong to it.
        """
        span = interval(value)
        if span is None:
            return
        self.anchor_value = value
        self.last_start = span[0]
        self.anchor_end = end
        self.anchor_start = start
        if span[0] == span[1]:
            self.anchor_day = self.last_day = span[0]
        year = value[:4]
        if not names_year or self.dct is None or not year.isdigit() or value[4:5] not in ("", "-"):
            return
        # Only a move away from the document's year shifts the narrative.
        self.year_shift = int(year) if int(year) != self.dct.year else None
        self.shift_end = end
        self.shift_frames = start >= 0 and self._opens_sentence(start)

    def _opens_sentence(self, start: int) -> bool:
        """True for a sentence-opening adverbial ("Last summer, ...", "In 2022, ...")."""
        head = self.text[max(0, start - 40) : start]
        cut = max((m.end() for m in _SENTENCE_END.finditer(head)), default=-1)
        if cut < 0 and start > 40 and "\n" not in head:
            return False
        head = head[max(cut, head.rfind("\n") + 1, 0) :]
        return len(head.split()) <= 2

    def same_sentence(self, first: int, second: int) -> bool:
        """True when no sentence ends between offsets ``first`` and ``second``."""
        return 0 <= first <= second and not _SENTENCE_END.search(self.text, first, second)

    def narrative_year(self, start: int) -> int | None:
        """The year the sentence moved to ("Last summer, ... in June"), if any.

        Only within one sentence (across sentences news returns to the document date),
        and not against the tense: "joined in July 1997 and will meet on March 12" is
        about the coming March 12.
        """
        if self.year_shift is None or _SENTENCE_END.search(self.text, self.shift_end, start):
            return None
        if not self.shift_frames and start - self.shift_end > 40:
            return None  # "a program approved in 1987 ... bought shares through Sept. 29"
        if self.dct is not None and not self.probe:
            tense = self.tense(start, start)
            earlier = self.year_shift < self.dct.year
            if (tense == FUTURE and earlier) or (tense == PAST and not earlier):
                return None
        return self.year_shift

    def new_paragraph(self, start: int) -> None:
        self.para_start = start
        self.anchor_value = None
        self.anchor_day = None
        self.anchor_end = -1
        self.anchor_start = -1
        self.year_shift = None


def unit_code(unit: str) -> str:
    """Normalised singular unit word of a plural or singular unit."""
    unit = unit.lower()
    if unit == "centuries":
        return "century"
    return unit[:-1] if unit.endswith("s") else unit
