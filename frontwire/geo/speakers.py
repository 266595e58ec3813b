"""Place mentions that stand for a party, not a scene: "Kyiv said", "Russia's defence
ministry", "accused Kyiv of". The event locator skips them while anything else places the
event; the detector reads the same speech verbs ("Flores told" is a person). Words are
data, per language, in ``data/speakers.json``.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..model import Place, Report

_LOOKBEHIND = 60

SPEAKERS = Path(__file__).parent / "data" / "speakers.json"


class SpeakerCues(NamedTuple):
    after: re.Pattern[str]  # right after a place: "said", "has repeatedly denied"
    body: re.Pattern[str]  # after a possessive place: "'s defence ministry"
    before: re.Pattern[str]  # right before a place: "accused", "according to"
    analogy_before: re.Pattern[str]  # "worse than", "another"
    analogy_after: re.Pattern[str]  # "-style", "-like"


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)  # the longest phrase wins
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=8)
def speaker_cues(language: str = "en") -> SpeakerCues | None:
    """The compiled cues of ``data/speakers.json`` for a language (None: none written)."""
    table = json.loads(SPEAKERS.read_text(encoding="utf-8")).get(language)
    if not table:
        return None
    adverbs, verbs = _alternation(table["adverbs"]), _alternation(table["speech_verbs"])
    after = rf"\s+(?:(?:{adverbs})\s+){{0,3}}(?:{verbs})\b"
    body = rf"\s+(?:[\w-]+\s+)?(?:{_alternation(table['bodies'])})\b"
    before = rf"\b(?:{_alternation(table['actor_before'])})\s+(?:the\s+)?$"
    analogy_before = rf"\b(?:{_alternation(table['analogy_before'])})\s+(?:the\s+)?$"
    analogy_after = rf"(?:{_alternation(table['analogy_after'])})\b"
    return SpeakerCues(re.compile(after, re.I), re.compile(body, re.I),
                       re.compile(before, re.I), re.compile(analogy_before, re.I),
                       re.compile(analogy_after, re.I))


def speech_verbs(language: str = "en") -> frozenset[str]:
    """The verbs after which a name is a speaker ('Kyiv said', 'Flores told')."""
    table = json.loads(SPEAKERS.read_text(encoding="utf-8")).get(language) or {}
    return frozenset(w.lower() for w in table.get("speech_verbs", []))


_AND = re.compile(r"\s*(?:,|and|&)\s*(?:the\s+)?")


def speaker_places(report: Report, places: list[Place]) -> tuple[set[int], set[int]]:
    """Starts of the place mentions that are no scene: (parties, comparisons).

    A party is the source of a claim ("Russia said", "Kyiv and Moscow traded blame"), a
    possessive before one of its bodies ("Russia's defence ministry"), the accused or
    addressed ("accused Kyiv of"); a comparison is "worse than Chernobyl", "another Bucha".
    """
    text = report.text
    inside = _in_source_spans(report)
    cues = speaker_cues(report.document.language or "en")
    found: set[int] = set()
    compared: set[int] = set()
    ordered = sorted(places, key=lambda p: p.start)
    for k in range(len(ordered) - 1, -1, -1):
        place = ordered[k]
        if cues is not None and _compared(text, place, cues):
            compared.add(place.start)
        elif inside(place) or (cues is not None and _names_party(text, place, cues)):
            found.add(place.start)
        elif k + 1 < len(ordered) and ordered[k + 1].start in found and _AND.fullmatch(
                text, place.end, ordered[k + 1].start):
            found.add(place.start)  # "Kyiv and Moscow have traded blame": both are parties
    return found, compared


def _in_source_spans(report: Report) -> Callable[[Place], bool]:
    """A test: does a place lie inside the words naming a claim's source or relay?"""
    spans = [(c.source_start, c.source_end) for c in report.claims
             if c.source_start is not None and c.source_end is not None and not c.narration]
    spans += [(link.start, link.end) for c in report.claims for link in c.chain
              if link.start is not None and link.end is not None and link.role != "outlet"]
    spans.sort()
    starts = [s for s, _ in spans]

    def inside(place: Place) -> bool:
        k = bisect.bisect_right(starts, place.start)
        # Source spans are short and rarely nest: the few starting just before will do.
        return any(spans[i][1] >= place.end for i in range(max(0, k - 3), k))

    return inside


def _names_party(text: str, place: Place, cues: SpeakerCues) -> bool:
    if cues.after.match(text, place.end):
        return True
    possessive = place.text.endswith(("'s", "’s")) or text.startswith(("'s", "’s"), place.end)
    if possessive and cues.body.match(text, place.end + (0 if place.text.endswith("s") else 2)):
        return True
    return bool(cues.before.search(text, max(0, place.start - _LOOKBEHIND), place.start))


def _compared(text: str, place: Place, cues: SpeakerCues) -> bool:
    """'worse than Chernobyl', 'a Chornobyl-style disaster': a comparison, not a scene."""
    lead = max(0, place.start - _LOOKBEHIND)
    return bool(cues.analogy_before.search(text, lead, place.start)
                or cues.analogy_after.match(text, place.end))
