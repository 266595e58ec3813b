"""A flat, read-only view of a spaCy Doc, plus quotation regions.

The extractor walks tokens left and right many times per cue; reading plain Python
lists is several times faster than asking spaCy token objects each time, and the
stage has a budget of 10 ms per article (issue 5: >= 100 articles/s/core).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

OPEN_QUOTES = {"\u201c", "``", "\u00ab"}
CLOSE_QUOTES = {"\u201d", "''", "\u00bb"}
STRAIGHT = '"'


@dataclass
class Tokens:
    """Token attributes as parallel lists; ``sent`` is each token's sentence index."""

    text: list[str]
    lower: list[str]
    tag: list[str]
    pos: list[str]
    start: list[int]
    end: list[int]
    ent: list[str]
    sent: list[int]
    sents: list[tuple[int, int]]  # token ranges [start, end) of the sentences
    quoted: list[bool]  # inside a quotation (not the marks themselves)
    doc_text: str
    regions: list[tuple[int, int]]  # quotations, see quote_regions

    def __len__(self) -> int:
        return len(self.text)

    def index_at(self, offset: int) -> int:
        """Index of the token that contains (or last starts before) character ``offset``."""
        return max(0, bisect_right(self.start, offset) - 1)

    def chars(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens [i, j)."""
        return self.start[i], self.end[j - 1]


# Strings of tag, POS and entity-label hashes. A hash names one string in every
# vocabulary (spaCy hashes the string itself), so one table serves all Docs.
_NAMES: dict[int, str] = {0: ""}


def from_doc(doc: Any, text: str | None = None) -> Tokens:
    """Flatten a spaCy Doc (needs POS tags and sentence boundaries).

    text (str | None): the Doc's text when the caller has it; spaCy rebuilds
        ``doc.text`` from the tokens on every access, which costs milliseconds.
    """
    from spacy.tokens import Doc

    if not isinstance(doc, Doc):
        raise TypeError(f"expected a spaCy Doc, got {type(doc).__name__}")
    # One array read instead of a Python object per token and attribute (3x faster),
    # taken column by column: a list per attribute is what Tokens holds.
    array = doc.to_array(["IDX", "LENGTH", "TAG", "POS", "ENT_TYPE", "SENT_START"])
    starts, lengths, tags, pos_keys, ents, sent_starts = array.T.tolist()
    ends = [a + n for a, n in zip(starts, lengths, strict=True)]
    doc_text = doc.text if text is None else text
    if starts and text is not None and not _matches(doc, starts, ends, text):
        raise ValueError("the spaCy Doc does not match the text (stale report.tokens?)")
    names = _names(doc.vocab.strings, tags, pos_keys, ents)
    words = [doc_text[a:b] for a, b in zip(starts, ends, strict=True)]
    pos = list(map(names.__getitem__, pos_keys))
    regions = quote_regions(doc_text)
    sents = _sentences(words, pos, sent_starts)
    sents = _move_opening_quotes(sents, words, starts, {r[0] for r in regions})
    sent = [0] * len(words)
    for number, (a, b) in enumerate(sents):
        sent[a:b] = [number] * (b - a)
    return Tokens(
        text=words,
        lower=list(map(str.lower, words)),
        tag=list(map(names.__getitem__, tags)),
        pos=pos,
        start=starts,
        end=ends,
        ent=list(map(names.__getitem__, ents)),
        sent=sent,
        sents=sents,
        quoted=_mark_quoted(starts, regions),
        doc_text=doc_text,
        regions=regions,
    )


def _names(strings: Any, *columns: list[int]) -> dict[int, str]:
    """:data:`_NAMES`, first filled with any key of ``columns`` it lacks."""
    for column in columns:
        for key in set(column).difference(_NAMES):
            _NAMES[key] = strings[key]
    return _NAMES


def _sentences(words: list[str], pos: list[str], starts: list[int]) -> list[tuple[int, int]]:
    """Token ranges of sentences: the senter's, cut at paragraph breaks, and never
    starting on a lower-case word ('(I-Vt.) called him': a split after an abbreviation)."""
    sents: list[tuple[int, int]] = []
    begin = 0
    for k in range(1, len(words)):
        paragraph = pos[k - 1] == "SPACE" and "\n" in words[k - 1]
        if paragraph or (starts[k] == 1 and not words[k][:1].islower()):
            sents.append((begin, k))
            begin = k
    if words:
        sents.append((begin, len(words)))
    return sents


def _move_opening_quotes(
    sents: list[tuple[int, int]], text: list[str], start: list[int], openings: set[int]
) -> list[tuple[int, int]]:
    """The senter leaves an opening '' at the end of the sentence before: move it on."""
    out = list(sents)
    for n in range(len(out) - 1):
        a, b = out[n]
        k = b - 1
        while k > a and text[k].isspace():
            k -= 1
        if k > a and start[k] in openings and not any(c.isalnum() for c in text[k]):
            out[n] = (a, k)
            out[n + 1] = (k, out[n + 1][1])
    return out


def _matches(doc: Any, starts: list[int], ends: list[int], text: str) -> bool:
    """Cheap check that ``doc`` was made from ``text``: first and last token in place."""
    return (
        text[starts[0] : ends[0]] == doc[0].text
        and text[starts[-1] : ends[-1]] == doc[-1].text
        and (len(text) - ends[-1] <= len(doc[-1].whitespace_))
    )


_QUOTE_MARK = re.compile("``|''|[\u201c\u201d\u00ab\u00bb\"]|\n\n")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, marks included.

    A quotation left open at a paragraph break is closed there: news style reopens
    a quote at the start of each paragraph of a long quotation.
    """
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _QUOTE_MARK.finditer(text):
        i, mark = match.start(), match.group()
        if mark in ("``", "''"):
            # Some wires open with '' as well as close with it: an unopened '' opens.
            opened = _toggle(regions, opened, i, 2, mark == "``" or opened is None)
        elif mark in "\u201c\u00ab":
            opened = i if opened is None else opened
        elif mark in "\u201d\u00bb":
            if opened is not None:
                regions.append((opened, i + 1))
                opened = None
        elif mark == STRAIGHT:
            opened = _toggle(regions, opened, i, 1, opened is None)
        elif opened is not None:  # paragraph break
            regions.append((opened, i))
            opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


def _toggle(
    regions: list[tuple[int, int]], opened: int | None, i: int, width: int, opening: bool
) -> int | None:
    if opening and opened is None:
        return i
    if not opening and opened is not None:
        regions.append((opened, i + width))
        return None
    return opened


def _mark_quoted(starts: list[int], regions: list[tuple[int, int]]) -> list[bool]:
    """Tokens starting strictly inside a quotation, between its marks. The regions are
    sorted and disjoint, so each is a run of tokens found by bisection."""
    quoted = [False] * len(starts)
    for a, b in regions:
        first, stop = bisect_right(starts, a), bisect_left(starts, b - 1)
        if first < stop:
            quoted[first:stop] = [True] * (stop - first)
    return quoted


def region_at(regions: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The quotation whose opening mark is at ``offset``, or that contains it."""
    for region in regions:
        if region[0] <= offset < region[1]:
            return region
        if region[0] > offset:
            break
    return None
