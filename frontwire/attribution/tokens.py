"""A flat, read-only view of a spaCy Doc, plus quotation regions.

The extractor walks tokens left and right many times per cue; reading plain Python
lists is several times faster than asking spaCy token objects each time, and the
stage has a budget of 10 ms per article (issue 5: >= 100 articles/s/core).
"""

from __future__ import annotations

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

    def __len__(self) -> int:
        return len(self.text)

    def chars(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens [i, j)."""
        return self.start[i], self.end[j - 1]


def from_doc(doc: Any) -> Tokens:
    """Flatten a spaCy Doc (needs POS tags and sentence boundaries)."""
    if not hasattr(doc, "sents") or not hasattr(doc, "text"):
        raise TypeError(f"expected a spaCy Doc, got {type(doc).__name__}")
    text, lower, tag, pos, start, end, ent, sent = [], [], [], [], [], [], [], []
    sents: list[tuple[int, int]] = []
    for tok in doc:
        # A paragraph break always ends a sentence; the senter sometimes runs across.
        if tok.is_sent_start or (text and "\n" in text[-1] and pos[-1] == "SPACE"):
            if text:
                sents.append((sents[-1][1] if sents else 0, len(text)))
        text.append(tok.text)
        lower.append(tok.lower_)
        tag.append(tok.tag_)
        pos.append(tok.pos_)
        start.append(tok.idx)
        end.append(tok.idx + len(tok.text))
        ent.append(tok.ent_type_)
        sent.append(len(sents))
    if text:
        sents.append((sents[-1][1] if sents else 0, len(text)))
    regions = quote_regions(doc.text)
    quoted = _mark_quoted(start, regions)
    return Tokens(text, lower, tag, pos, start, end, ent, sent, sents, quoted, doc.text)


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, marks included.

    A quotation left open at a paragraph break is closed there: news style reopens
    a quote at the start of each paragraph of a long quotation.
    """
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        two = text[i : i + 2]
        if two in ("``", "''"):
            opened, i = _toggle(regions, opened, i, 2, two == "``"), i + 2
            continue
        if ch in "\u201c\u00ab":
            opened = i if opened is None else opened
        elif ch in "\u201d\u00bb":
            if opened is not None:
                regions.append((opened, i + 1))
                opened = None
        elif ch == STRAIGHT:
            opened = _toggle(regions, opened, i, 1, opened is None)
        elif ch == "\n" and text[i + 1 : i + 2] == "\n" and opened is not None:
            regions.append((opened, i))
            opened = None
        i += 1
    if opened is not None:
        regions.append((opened, n))
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
    quoted = [False] * len(starts)
    r = 0
    for i, s in enumerate(starts):
        while r < len(regions) and regions[r][1] <= s:
            r += 1
        if r < len(regions) and regions[r][0] < s < regions[r][1] - 1:
            quoted[i] = True
    return quoted


def region_at(regions: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The quotation whose opening mark is at ``offset``, or that contains it."""
    for region in regions:
        if region[0] <= offset < region[1]:
            return region
        if region[0] > offset:
            break
    return None
