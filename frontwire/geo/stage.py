"""The ``geo`` pipeline stage and the gold-span entry point."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import Place, Report
from .detect import Mention, find_mentions
from .gazetteer import Gazetteer, get_gazetteer
from .resolve import resolve_mentions


class Geoparser:
    """Pipeline stage: fills ``report.places`` with resolved toponym mentions.

    Uses ``report.entities`` and ``report.tokens`` (spaCy) as evidence when the
    nlp stage ran; without them it works from the gazetteer and context alone.

    min_confidence (float): drop places resolved with less confidence than this.
    gazetteer (Gazetteer | None): a loaded gazetteer service (default: the shared one).
    """

    name = "geo"

    def __init__(self, min_confidence: float = 0.0, gazetteer: Gazetteer | None = None) -> None:
        if not 0.0 <= min_confidence <= 1.0:
            raise ValueError(f"geo: min_confidence must be within 0..1, got {min_confidence!r}")
        self.min_confidence = min_confidence
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer()
        return self._gazetteer

    def __call__(self, report: Report) -> Report:
        if not isinstance(report, Report):
            raise TypeError(f"geo stage expects a Report, got {type(report).__name__}")
        report.places = self.parse(report.text, report.entities, report.tokens)
        return report

    def parse(self, text: str, entities: Sequence[Any] | None = None,
              doc: Any = None) -> list[Place]:
        """Detected and resolved places of ``text``, in text order."""
        mentions = find_mentions(text, self.gazetteer, entities, doc)
        places = [p for p in resolve_mentions(self.gazetteer, mentions, text=text)
                  if p.lat is not None]
        places += border_areas(text, places)
        places.sort(key=lambda p: p.start)
        return [p for p in places if p.confidence >= self.min_confidence]


_BORDER_AREA = re.compile(
    r"\b(?:the\s+)?border\s+(?:areas?|regions?|districts?|villages?|zones?|settlements?)\b",
    re.IGNORECASE,
)
_AREA_WINDOW = 400


def border_areas(text: str, places: list[Place]) -> list[Place]:
    """'border areas', 'the border villages': a vague area, placed in the region or country
    named closest before it (within a few sentences), with feature "region"."""
    found = []
    areas = [p for p in places if p.feature in ("adm1", "adm2", "country")]
    for match in _BORDER_AREA.finditer(text):
        before = [p for p in areas if match.start() - _AREA_WINDOW <= p.end <= match.start()]
        after = [p for p in areas if match.end() <= p.start <= match.end() + 40]
        anchor = before[-1] if before else (after[0] if after else None)
        if anchor is None:
            continue
        place = replace(anchor, start=match.start(), end=match.end(), text=match.group(),
                        feature="region", name=f"border area of {anchor.name}",
                        confidence=round(min(anchor.confidence, 0.5), 3), alternatives=[])
        found.append(place)
    return found


def resolve_spans(text: str, spans: list[tuple[int, int]],
                  entities: Sequence[Any] | None = None) -> list[Place]:
    """Resolve given toponym spans (gold-span evaluation); one Place per span, in order.

    text (str): the document.
    spans (list[tuple[int, int]]): character offsets of the toponyms.
    entities: unused today; accepted so callers can pass spaCy entities.
    RETURNS (list[Place]): a Place per span; ``lat``/``lon`` are None when unresolved
        (``geonameid`` is also None for the few named regions that are not GeoNames entries).
    """
    del entities  # resolution with gold spans needs no NER
    gaz = get_gazetteer()
    mentions = []
    for start, end in spans:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span ({start}, {end}) is outside the text (length {len(text)})")
        surface = text[start:end]
        mentions.append(Mention(start, end, surface, gaz.lookup(surface)))
    _qualifiers(text, mentions, gaz)
    return resolve_mentions(gaz, mentions, demonyms=True, text=text)


def _qualifiers(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Set the ', Texas' qualifier and admin-word hint the detector would have set."""
    from .detect import _attach_hint, _qualifier, tokenize

    tokens = tokenize(text)
    starts = {t.start: k for k, t in enumerate(tokens)}
    for m in mentions:
        _qualifier(text, m, gaz)
        k = next((starts[s] for s in range(m.end, min(len(text), m.end + 2)) if s in starts), None)
        if k is not None:
            end = m.end
            _attach_hint(text, tokens, k, m)
            m.end, m.text = end, text[m.start:end]  # gold spans keep their offsets
