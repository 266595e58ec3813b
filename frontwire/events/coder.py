"""The ``events`` stage: sentences that report an incident become ACLED-coded events.

Find, then write (style note, pattern 2): :func:`find_candidates` picks the sentences
with a clear event cue that really happened (not threats, plans or denials), then
:class:`EventCoder` merges sentences telling the same incident, and fills actors,
place, date, fatalities and the claims that speak about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..model import DENIES, HEDGED, UNCONFIRMED, Actor, Event, Report, Sentence
from . import actors as actor_lib
from .classify import active_model, classify
from .fatalities import count_fatalities, quantities
from .rules import PROTEST_GROUP, decide, load_rules, mask_grievance
from .taxonomy import PLOVER, disorder_type_of, event_type_of

MIN_SCORE = 3  # one clear cue ("shelled", "protest", "abducted") makes an event sentence
NEGATION = re.compile(r"(?:\bno\b|\bnot\b|\bnever\b|n't\b|\bdenied\b|\bwithout\b|\bfalse\b)"
                      r"[^,.;:]{0,30}$", re.I)
BACKGROUND_CUE = re.compile(
    r"\b(?:last|previous|past) (?:summer|winter|spring|autumn|fall|year|month|years)\b|"
    r"\b(?:earlier this year|a year ago|years ago|in the past|at the time|back in|"
    r"since the start of the war|in (?:19|20)\d\d)\b", re.I)
BACKGROUND_DAYS = 30  # older than this before the report's date: a historical mention
NO_FATALITIES = ("Peaceful protest", "Protest with intervention")
CLAUSE_START = re.compile(r"[,;:—–]|\b(?:and|but|while|when|after|as)\b", re.I)


@dataclass
class Candidate:
    """One sentence that reports an event, before merging."""

    sentence: int
    start: int
    end: int
    sub_event_type: str
    confidence: float
    trigger: tuple[int, int]
    background: bool = False
    denied: bool = False
    sentences: list[int] = field(default_factory=list)


def _sentences(report: Report) -> list[Sentence]:
    if report.sentences:
        return report.sentences
    # No nlp stage ran: split on sentence-final punctuation so the stage still works.
    spans, start = [], 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z\"“])|\n\s*\n", report.text):
        spans.append(Sentence(start, m.end()))
        start = m.end()
    if start < len(report.text.rstrip()):
        spans.append(Sentence(start, len(report.text)))
    return [s for s in spans if report.text[s.start:s.end].strip()]


def _happened(text: str, trigger_start: int) -> tuple[bool, bool]:
    """(happened, denied): threats, plans and negated mentions did not happen."""
    clause_from = 0
    for m in CLAUSE_START.finditer(text, 0, trigger_start):
        clause_from = m.end()
    before = text[clause_from:trigger_start]
    if load_rules().threat.search(before) and not re.search(r"\b(?:may|might|could) have\b",
                                                             before):
        return False, False
    if NEGATION.search(text[max(0, trigger_start - 40):trigger_start]):
        return False, True
    return True, False


def _claims_in(report: Report, start: int, end: int) -> list[Any]:
    return [c for c in report.claims
            if c.content_start < end and c.content_end > start]


def find_candidates(report: Report) -> tuple[list[Candidate], list[Candidate]]:
    """Event sentences that happened, and those only denied or negated (kept for links)."""
    happened, denied = [], []
    for i, sent in enumerate(_sentences(report)):
        text = report.text[sent.start:sent.end]
        decision = decide(text)
        top = max(decision.scores.values(), default=0)
        if decision.trigger is None or top < MIN_SCORE:
            continue
        cand = Candidate(i, sent.start, sent.end, decision.sub_event_type, decision.confidence,
                         (sent.start + decision.trigger[0], sent.start + decision.trigger[1]),
                         sentences=[i])
        real, negated = _happened(text, decision.trigger[0])
        claims = _claims_in(report, sent.start, sent.end)
        if claims and all(c.stance == DENIES for c in claims):
            real, negated = False, True
        if real:
            cand.background = bool(BACKGROUND_CUE.search(text))
            happened.append(cand)
        elif negated:
            cand.denied = True
            denied.append(cand)
    return happened, denied


def whole_candidate(report: Report) -> Candidate:
    """The whole text as one event (``one_event`` mode): always coded, even weakly."""
    text = report.text
    decision = decide(text)
    trigger = decision.trigger or (0, 0)
    n = len(_sentences(report))
    return Candidate(0, 0, len(text), decision.sub_event_type, max(decision.confidence, 0.2),
                     trigger, sentences=list(range(n)))


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """Neighbouring sentences of one event type and period tell one incident."""
    merged: list[Candidate] = []
    for cand in cands:
        last = merged[-1] if merged else None
        if (last and cand.sentence - last.sentences[-1] <= 2
                and event_type_of(cand.sub_event_type) == event_type_of(last.sub_event_type)
                and cand.background == last.background):
            last.end = cand.end
            last.sentences.append(cand.sentence)
            if cand.confidence > last.confidence:
                last.sub_event_type, last.confidence = cand.sub_event_type, cand.confidence
                last.trigger = cand.trigger
            continue
        merged.append(cand)
    return merged


def locate(report: Report, start: int, end: int) -> tuple[Any, int, int]:
    """Place, ACLED geo_precision and UCDP where_prec from the geo stage (or a fallback)."""
    try:
        from ..geo import event_location
    except ImportError:
        return _place_in_span(report, start, end)
    return event_location(report, start, end)  # type: ignore[no-any-return]


FEATURE_RANK = {"city": 0, "adm2": 1, "region": 2, "adm1": 3, "country": 4}


def _place_in_span(report: Report, start: int, end: int) -> tuple[Any, int, int]:
    """Without geo's ``event_location``: the most local resolved place in the span."""
    inside = [p for p in report.places
              if p.start >= start and p.end <= end and p.lat is not None]
    if not inside:
        return None, 3, 6
    # "in Tetkino (Kursk region)": a local place followed by its admin areas is the spot.
    qualified = [p for p in inside if FEATURE_RANK.get(p.feature, 5) <= 2
                 and re.match(r"\s*\(", report.text[p.end:p.end + 3])]
    best = min(qualified or inside, key=lambda p: (FEATURE_RANK.get(p.feature, 5), p.start))
    rank = FEATURE_RANK.get(best.feature, 5)
    # ACLED geo_precision: 1 the town itself, 2 a part of a region, 3 a whole region.
    return best, 1 if rank == 0 else 2 if rank <= 2 else 3, 1 if rank == 0 else 4



def date_of(report: Report, start: int, end: int) -> dict[str, Any]:
    """Event dates from the time stage; without it, the report's date at week precision."""
    try:
        from ..temporal import event_date
    except ImportError:
        dct = report.dct
        return {"date_start": dct, "date_end": dct, "time_precision": 2, "date_prec": 2,
                "date_text": ""}
    return event_date(report, start, end)  # type: ignore[no-any-return]


def _is_old(dates: dict[str, Any], dct: str | None) -> bool:
    end = dates.get("date_end") or dates.get("date_start")
    if not end or not dct:
        return False
    try:
        return date.fromisoformat(end[:10]) < date.fromisoformat(dct[:10]) - timedelta(
            days=BACKGROUND_DAYS)
    except ValueError:
        return False


class EventCoder:
    """Pipeline stage: fills ``report.events`` and links ``report.claims`` to them.

    min_confidence (float): drop events the classifier is less sure of than this.
    one_event (bool): the text describes exactly one event (an ACLED note, a coder's
        summary): code it whole instead of detecting events sentence by sentence.
    """

    name = "events"

    def __init__(self, min_confidence: float = 0.2, one_event: bool = False) -> None:
        if not 0.0 <= min_confidence <= 1.0:
            raise ValueError("min_confidence must be between 0 and 1")
        self.min_confidence = min_confidence
        self.one_event = one_event

    def __call__(self, report: Report) -> Report:
        if self.one_event:
            happened, denied = [whole_candidate(report)], []
        else:
            happened, denied = find_candidates(report)
        model, model_name = active_model()
        events = []
        for cand in _merge(happened):
            if model is not None:  # the user's model types the event; the rules detect it
                _, cand.sub_event_type, cand.confidence = classify(
                    [report.text[cand.start:cand.end]])[0]
            if cand.confidence < self.min_confidence:
                continue
            events.append(self._code(report, cand, f"e{len(events) + 1}", model_name))
        report.events = events
        _link_claims(report, events, denied)
        return report

    def _code(self, report: Report, cand: Candidate, event_id: str, model_name: str) -> Event:
        sub = cand.sub_event_type
        place, geo_precision, where_prec = locate(report, cand.start, cand.end)
        dates = date_of(report, cand.start, cand.end)
        event = Event(
            id=event_id, event_type=event_type_of(sub), sub_event_type=sub,
            disorder_type=disorder_type_of(sub), plover=PLOVER.get(sub, ""),
            start=cand.start, end=cand.end,
            trigger=report.text[cand.trigger[0]:cand.trigger[1]],
            trigger_start=cand.trigger[0], trigger_end=cand.trigger[1],
            place=place, geo_precision=geo_precision, where_prec=where_prec,
            date_start=dates.get("date_start"), date_end=dates.get("date_end"),
            time_precision=dates.get("time_precision", 3), date_prec=dates.get("date_prec", 5),
            date_text=dates.get("date_text", ""),
            background=cand.background or _is_old(dates, report.dct),
            confidence=cand.confidence,
            model="builtin" if model_name == "builtin" else model_name,
        )
        country = actor_lib.load_actors().country_name(
            getattr(place, "country", "") or None, getattr(place, "country_code", "") or None)
        assign_actors(event, report.text, country)
        _fill_counts(event, report)
        return event


def _fill_counts(event: Event, report: Report) -> None:
    text = report.text[event.start:event.end]
    if event.sub_event_type in PROTEST_GROUP or event.event_type == "Riots":
        text = mask_grievance(text)  # "protested the killing of two" reports no deaths
    dead = count_fatalities(text, event.start)
    if event.sub_event_type not in NO_FATALITIES and event.event_type != "Strategic developments":
        event.fatalities = dead.value
        event.fatalities_text = dead.text
        event.fatalities_start, event.fatalities_end = dead.start, dead.end
    skip = [(dead.start, dead.end)] if dead.start is not None and dead.end is not None else []
    event.quantities = quantities(report.text[event.start:event.end], event.start, skip)


def _generic(template: str, country: str | None, inter: int, words: str = "") -> Actor:
    name = actor_lib.load_actors().fill(template, country)
    return Actor(name=name, inter=inter, text=words)


def assign_actors(event: Event, text: str, country: str | None) -> None:
    """actor1 (who acted), actor2 (on whom) and associated actors, ACLED style."""
    span = text[event.start:event.end]
    found = actor_lib.load_actors().find(span, event.start, country, event.date_start)
    by_at = re.search(r"\bby\s+(?:the\s+)?", span)
    agents = [m for m in found if m.inter not in (actor_lib.CIVILIANS,)]
    if by_at:  # passive voice: "was shelled by Russian forces" names the actor after "by"
        after = [m for m in agents if m.start >= event.start + by_at.start()]
        agents = after[:1] + [m for m in agents if m not in after[:1]]
    civilians = [m for m in found if m.inter == actor_lib.CIVILIANS]
    sub, kind = event.sub_event_type, event.event_type
    if kind == "Protests":
        _crowd(event, found, "Protesters ({country})", actor_lib.PROTESTERS, country)
        if sub != "Peaceful protest":
            police = [m for m in found if m.inter == 1]
            event.actor2 = police[0].to_actor() if police else None
        return
    if kind == "Riots":
        _crowd(event, found, "Rioters ({country})", actor_lib.RIOTERS, country)
        event.actor2 = civilians[0].to_actor() if civilians else None
        return
    if agents:
        _sides(event, agents, by_at is not None)
    elif kind in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        event.actor1 = _generic("Unidentified Armed Group ({country})", country, 3)
    if kind == "Violence against civilians":
        event.civilian_targeting = True
        victim = civilians[0] if civilians else None
        event.actor2 = victim.to_actor() if victim else _generic("Civilians ({country})",
                                                                  country, 7)
    elif event.actor2 is None and civilians and kind != "Strategic developments":
        event.actor2 = civilians[0].to_actor()


def _sides(event: Event, agents: list[Any], passive: bool) -> None:
    """Who is on which side: those before the trigger acted, those after were acted upon."""
    pivot = event.trigger_end or event.start
    before = [m for m in agents if m.end <= pivot]
    after = [m for m in agents if m.end > pivot]
    if passive or not before:
        before, after = agents[:1], agents[1:]
    first = before[0]
    event.actor1 = first.to_actor()
    event.assoc_actor_1 = _distinct(before[1:], {first.name})
    targets = [m for m in after if m.name != first.name]
    if targets:
        event.actor2 = targets[0].to_actor()
        event.assoc_actor_2 = _distinct(targets[1:], {first.name, targets[0].name})


def _distinct(mentions: list[Any], taken: set[str]) -> list[Actor]:
    out = []
    for m in mentions:
        if m.name not in taken:
            taken.add(m.name)
            out.append(m.to_actor())
    return out


def _crowd(event: Event, found: list[Any], template: str, inter: int, country: str | None
           ) -> None:
    crowd = [m for m in found if m.inter == inter]
    event.actor1 = crowd[0].to_actor() if crowd else _generic(template, country, inter)
    # Named organisers and groups in the crowd are associated actors.
    event.assoc_actor_1 = [m.to_actor() for m in found if m.named and m.inter not in (1, inter)]


def _link_claims(report: Report, events: list[Event], denied: list[Candidate]) -> None:
    """Claims overlapping an event's span speak about it; a denial joins what it denies."""
    for event in events:
        for claim in _claims_in(report, event.start, event.end):
            _link(event, claim)
    for cand in denied:
        same = [e for e in events if e.event_type == event_type_of(cand.sub_event_type)]
        target = same[0] if same else (events[0] if len(events) == 1 else None)
        if target is None:
            continue
        for claim in _claims_in(report, cand.start, cand.end):
            _link(target, claim)
    for event in events:  # doubt from the sources lowers confidence
        stances = [c.stance for c in report.claims if c.id in event.claim_ids]
        if stances and all(s in (HEDGED, UNCONFIRMED, DENIES) for s in stances):
            event.confidence = round(event.confidence * 0.7, 3)


def _link(event: Event, claim: Any) -> None:
    if claim.id not in event.claim_ids:
        event.claim_ids.append(claim.id)
    if event.id not in claim.event_ids:
        claim.event_ids.append(event.id)
