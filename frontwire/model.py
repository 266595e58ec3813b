"""The one data model that flows through every stage.

A reader yields a :class:`Document`; :func:`frontwire.pipeline.Pipeline.analyse`
wraps it in a :class:`Report` and each stage adds its annotations to the report
(doc in, doc out, as in spaCy). Every annotation carries ``start``/``end``
character offsets into ``Report.text`` (the cleaned text), so every field of the
ledger points back to the words it came from.

Everything here is a plain dataclass made of JSON types, so a report can cross a
process boundary (multiprocessing, Dask) and be stored or printed as JSON with
:func:`to_dict`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

# Claim stances (issue 5).
ASSERTS = "asserts"
DENIES = "denies"
UNCONFIRMED = "unconfirmed"
HEDGED = "hedged"
STANCES = (ASSERTS, DENIES, UNCONFIRMED, HEDGED)


@dataclass
class Timestamp:
    """A document timestamp (published/updated) with its precision and ambiguity.

    ``value`` is ISO 8601 (``2024-03-12`` or ``2024-03-12T05:00:00-05:00``).
    When the source text allowed several readings (``12/03/24``: 12 March or
    3 December), ``readings`` lists them all, ``value`` is the chosen one and
    ``evidence`` says why it was chosen.
    """

    value: str
    precision: str = "day"  # "minute" | "hour" | "day" | "month" | "year"
    readings: list[str] = field(default_factory=list)
    ambiguous: bool = False
    evidence: str = ""
    source_text: str = ""


@dataclass
class RemovedLine:
    """A line the cleaner took out of the analysed text, kept with its reason."""

    text: str
    reason: str  # "see-also" | "photo-credit" | "caption" | "updated-note" | "contact-note" | ...
    line_no: int  # 0-based line number in the raw text


@dataclass
class Document:
    """One report as a reader produced it, before analysis."""

    id: str  # content hash (stable across re-ingest)
    text: str  # text as read (cleaning happens in the clean stage)
    title: str = ""
    outlet: str = ""
    url: str = ""
    language: str = "en"
    raw_format: str = "text"  # text | html | rss | atom | telegram | jsonl
    published: Timestamp | None = None
    updated: Timestamp | None = None
    source_path: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, DATE, ...


@dataclass
class Place:
    """A toponym mention and its resolution to a gazetteer entry."""

    start: int
    end: int
    text: str
    geonameid: str | None = None
    name: str = ""
    lat: float | None = None
    lon: float | None = None
    feature: str = ""  # "country" | "adm1" | "adm2" | "city" | "region"
    country_code: str = ""  # ISO 3166-1 alpha-2
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    confidence: float = 0.0
    alternatives: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class TimeExpression:
    """A TIMEX3-style temporal expression normalised against the document date."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2024-03-12, 2024-W11, 2023-SU, P3D, PRESENT_REF, ...
    begin: str | None = None  # ISO date the expression starts (for DATE/TIME), if known
    finish: str | None = None  # ISO date the expression ends (inclusive)
    anchor: str = ""  # what it was resolved against: "dct" or a previous expression's value
    mod: str = ""  # TIMEX3 mod: START | MID | END | APPROX | BEFORE | AFTER ...


@dataclass
class ChainLink:
    """One hop of a source chain: origin first, the reporting outlet last."""

    name: str
    role: str  # "origin" | "relay" | "outlet"
    start: int | None = None
    end: int | None = None


@dataclass
class Claim:
    """An attributed statement: who says what, through whom, with what stance."""

    id: str  # unique within the report, e.g. "c3"
    content_start: int
    content_end: int
    content: str
    stance: str = ASSERTS
    source: str = ""  # resolved speaker name ("Roman Starovoit"), or the outlet for narration
    source_start: int | None = None
    source_end: int | None = None
    source_text: str = ""  # the words used ("he", "the governor")
    cue: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    chain: list[ChainLink] = field(default_factory=list)
    side: str = ""  # party the claimant belongs to, e.g. "Russia", "Ukraine", "independent media"
    stance_cue: str = ""  # the words that set the stance ("denied", "may have")
    sentence: int = 0  # index into Report.sentences
    narration: bool = False  # True when the outlet speaks in its own voice
    event_ids: list[str] = field(default_factory=list)


@dataclass
class Actor:
    name: str  # canonical name, e.g. "Military Forces of Russia (2000-)"
    inter: int = 0  # ACLED inter code 1..8
    text: str = ""  # words in the report
    start: int | None = None
    end: int | None = None


@dataclass
class Event:
    """One coded incident as one report tells it."""

    id: str  # unique within the report, e.g. "e1"
    event_type: str
    sub_event_type: str
    disorder_type: str = ""
    plover: str = ""
    start: int = 0  # span of the sentence(s) describing the event
    end: int = 0
    trigger: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None
    actor1: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    actor2: Actor | None = None
    assoc_actor_2: list[Actor] = field(default_factory=list)
    civilian_targeting: bool = False
    place: Place | None = None
    geo_precision: int = 3  # ACLED: 1 town, 2 near town / part of region, 3 region
    where_prec: int = 6  # UCDP GED where_prec 1..7
    date_start: str | None = None  # ISO date
    date_end: str | None = None
    time_precision: int = 3  # ACLED: 1 day, 2 week/few days, 3 month
    date_prec: int = 5  # UCDP GED date_prec 1..5
    date_text: str = ""
    fatalities: int = 0
    fatalities_text: str = ""
    fatalities_start: int | None = None
    fatalities_end: int | None = None
    quantities: list[dict[str, Any]] = field(default_factory=list)
    background: bool = False  # a historical mention, not the news of the day
    claim_ids: list[str] = field(default_factory=list)
    confidence: float = 0.0
    model: str = ""  # which classifier coded it


@dataclass
class Report:
    """A document with everything the stages found in it."""

    document: Document
    text: str = ""  # cleaned text that all spans refer to
    removed: list[RemovedLine] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The spaCy Doc of ``text`` (tokens, POS tags, entities) for stages that run in the
    # same process. Transient: never serialised, None after a report crosses processes.
    tokens: Any = field(default=None, repr=False, compare=False, metadata={"transient": True})

    @property
    def dct(self) -> str | None:
        """Document creation time (ISO date) used to anchor relative dates."""
        stamp = self.document.published or self.document.updated
        return stamp.value[:10] if stamp else None

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the last one before it)."""
        found = 0
        for i, sent in enumerate(self.sentences):
            if sent.start <= offset:
                found = i
            else:
                break
        return found


def to_dict(obj: Any) -> Any:
    """JSON-ready dict of any model object (dataclasses, lists, dicts)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_dict(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if not f.metadata.get("transient")
        }
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def _build(cls: type, data: Any) -> Any:
    if data is None:
        return None
    kwargs = {}
    hints = {f.name: f for f in dataclasses.fields(cls)}
    nested = _NESTED.get(cls, {})
    for name, value in data.items():
        if name not in hints:
            continue
        if name in nested:
            sub, many = nested[name]
            value = [_build(sub, v) for v in value] if many else _build(sub, value)
        kwargs[name] = value
    return cls(**kwargs)


_NESTED: dict[type, dict[str, tuple[type, bool]]] = {
    Document: {"published": (Timestamp, False), "updated": (Timestamp, False)},
    Claim: {"chain": (ChainLink, True)},
    Event: {
        "actor1": (Actor, False),
        "actor2": (Actor, False),
        "assoc_actor_1": (Actor, True),
        "assoc_actor_2": (Actor, True),
        "place": (Place, False),
    },
    Report: {
        "document": (Document, False),
        "removed": (RemovedLine, True),
        "sentences": (Sentence, True),
        "entities": (Entity, True),
        "places": (Place, True),
        "times": (TimeExpression, True),
        "claims": (Claim, True),
        "events": (Event, True),
    },
}


def report_from_dict(data: dict[str, Any]) -> Report:
    """Inverse of :func:`to_dict` for a report."""
    return _build(Report, data)  # type: ignore[no-any-return]


def document_from_dict(data: dict[str, Any]) -> Document:
    return _build(Document, data)  # type: ignore[no-any-return]
