"""The ``events`` stage: sentences that report an incident become ACLED-coded events.

Find, then write (style note, pattern 2): :func:`find_candidates` picks the sentences
with a clear event cue that really happened (not threats, plans or denials), then
:class:`EventCoder` merges sentences telling the same incident, and fills actors,
place, date, fatalities and the claims that speak about it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..model import DENIES, HEDGED, UNCONFIRMED, Actor, Event, Report, Sentence
from . import actors as actor_lib
from . import factuality
from .classify import active_model, classify
from .fatalities import count_fatalities, next_sentence_fatalities, quantities
from .rules import PROTEST_GROUP, decide, load_rules, mask_grievance
from .taxonomy import PLOVER, disorder_type_of, event_type_of

MIN_SCORE = 3  # one clear cue ("shelled", "protest", "abducted") makes an event sentence
BACKGROUND_CUE = re.compile(
    r"\b(?:last|previous|past) (?:summer|winter|spring|autumn|fall|year|month|years)\b|"
    r"\b(?:earlier this year|a year ago|years ago|in the past|at the time|back in|"
    r"since the start of the war|in (?:19|20)\d\d)\b", re.I)
BACKGROUND_DAYS = 30  # older than this before the report's date: a historical mention
NO_FATALITIES = ("Peaceful protest", "Protest with intervention")


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
    """Sentences, never across a line break (a headline or a paragraph ends there), trimmed."""
    base = report.sentences
    if not base:  # no nlp stage ran: split on sentence-final punctuation
        base, start = [], 0
        for m in re.finditer(r"[.!?](?=\s+[A-Z\"“])", report.text):
            base.append(Sentence(start, m.end()))
            start = m.end()
        base.append(Sentence(start, len(report.text)))
    out = []
    for sent in base:
        for line in re.finditer(r"[^\n]+", report.text[sent.start:sent.end]):
            text = line.group(0)
            if text.strip():
                lead = len(text) - len(text.lstrip())
                out.append(Sentence(sent.start + line.start() + lead,
                                    sent.start + line.start() + len(text.rstrip())))
    return out


def _context(report: Report, sentences: list[Sentence], first: int) -> int:
    """Start of up to two sentences before sentence ``first`` within its paragraph."""
    start = sentences[first].start
    for prev in (first - 1, first - 2):
        if prev < 0 or "\n\n" in report.text[sentences[prev].end:start]:
            break
        start = sentences[prev].start
    return start


def _happened(text: str, trigger: tuple[int, int], language: str = "en") -> tuple[bool, bool]:
    """(happened, denied): threats, plans, questions, speculation and negated mentions
    did not happen (see :mod:`frontwire.events.factuality`)."""
    verdict = factuality.assess(text, trigger, language)
    return verdict == factuality.HAPPENED, verdict == factuality.DENIED


def _denies_before(claim: Any, text: str, trigger: int) -> bool:
    """The denial words come before the event word: "denied that its jets bombed ..."
    ("there was an exchange of fire, but no breakthrough" denies something else)."""
    cue = (claim.stance_cue or "").strip().lower()
    return not cue or cue in text[:trigger].lower()


def _claims_in(report: Report, start: int, end: int) -> list[Any]:
    return [c for c in report.claims
            if c.content_start < end and c.content_end > start]


MAX_CUES = 3  # cues read per sentence: an unreal one is blanked and the next one tried


def _decide_real(text: str, language: str) -> tuple[Any, bool, bool]:
    """The sentence's strongest cue that tells an incident, with (happened, denied).

    A cue that is only possible, planned or a stretch of earlier fighting ("after weeks
    of fighting") is blanked and the sentence read again: its other cues may still tell
    what happened ("the city fell after weeks of fighting")."""
    real, negated = False, False
    for _ in range(MAX_CUES):
        decision = decide(text)
        if decision.trigger is None or max(decision.scores.values(), default=0) < MIN_SCORE:
            return None, False, negated
        real, denied = _happened(text, decision.trigger, language)
        negated = negated or denied
        if real and not factuality.is_duration(text, decision.trigger, language):
            return decision, True, False
        if denied:
            return decision, False, True
        begin, end = decision.trigger
        text = text[:begin] + " " * (end - begin) + text[end:]
    return None, False, negated


def find_candidates(report: Report) -> tuple[list[Candidate], list[Candidate]]:
    """Event sentences that happened, and those only denied or negated (kept for links)."""
    happened, denied = [], []
    language = report.document.language or "en"
    for i, sent in enumerate(_sentences(report)):
        text = report.text[sent.start:sent.end]
        decision, real, negated = _decide_real(text, language)
        if decision is None:
            continue
        cand = Candidate(i, sent.start, sent.end, decision.sub_event_type, decision.confidence,
                         (sent.start + decision.trigger[0], sent.start + decision.trigger[1]),
                         sentences=[i])
        claims = _claims_in(report, sent.start, sent.end)
        if claims and all(c.stance == DENIES for c in claims) and any(
                _denies_before(c, text, decision.trigger[0]) for c in claims):
            real, negated = False, True
        if real:
            cand.background = _looks_back(text)
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


# "A separate drone strike ...", "In another attack ...": the writer says a new incident starts.
NEW_INCIDENT = re.compile(r"\b(?:separate(?:ly)?|another|elsewhere|in a second)\b", re.I)


def _merge(cands: list[Candidate], text: str = "") -> list[Candidate]:
    """Neighbouring sentences of one event type and period tell one incident, unless the
    writer marks a new one."""
    merged: list[Candidate] = []
    for cand in cands:
        last = merged[-1] if merged else None
        if (last and cand.sentence - last.sentences[-1] <= 2
                and not NEW_INCIDENT.search(text, cand.start, cand.end)
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


Locate = Callable[[int, int], tuple[Any, int, int]]


def locator(report: Report) -> Locate:
    """Place, ACLED geo_precision and UCDP where_prec of a span of ``report``, from the
    geo stage's locator (or, when geo is missing or broken, from ``report.places``)."""
    try:
        from ..geo import EventLocator
    except Exception as err:  # noqa: BLE001 - geo missing or broken: fall back, and say so
        _warn(report, f"events: geo.EventLocator unavailable ({err}); using report.places")
        return lambda start, end: _place_in_span(report, start, end)
    return EventLocator(report)  # type: ignore[no-any-return]


def _warn(report: Report, message: str) -> None:
    if message not in report.warnings:
        report.warnings.append(message)


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



def date_of(report: Report, start: int, end: int,
            trigger: tuple[int, int] | None = None) -> dict[str, Any]:
    """Event dates from the time stage, read from the words attached to ``trigger`` (the
    event word); without the time stage, the report's date as a weak prior (the two days
    before it, empty date_text, as ``temporal.event_date`` codes a report with no date)."""
    try:
        from ..temporal import event_date
    except Exception as err:  # noqa: BLE001 - time stage missing or broken: fall back
        _warn(report, f"events: temporal.event_date unavailable ({err}); using the report date")
        dct = report.dct
        before = (date.fromisoformat(dct[:10]) - timedelta(days=2)).isoformat() if dct else None
        return {"date_start": before, "date_end": dct, "time_precision": 2, "date_prec": 2,
                "date_text": ""}
    return event_date(report, start, end, trigger)  # type: ignore[no-any-return]


# "to mark a year since the start of the war": the occasion of today's event, not an old one.
OCCASION = re.compile(r"\b(?:mark(?:s|ed|ing)?|commemorat\w+|anniversary)\b[^.;]{0,40}$", re.I)


def _looks_back(text: str) -> bool:
    """Does the sentence tell of an earlier incident ('last summer', 'back in 2022')?"""
    return any(not OCCASION.search(text, 0, m.start()) for m in BACKGROUND_CUE.finditer(text))


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
        denied: list[Candidate] = []
        if self.one_event:
            happened = [whole_candidate(report)]
        else:
            happened, denied = find_candidates(report)
        model, model_name = active_model()
        events: list[Event] = []
        locate: Locate | None = None
        for cand in _merge(happened, report.text):
            if model is not None:  # the user's model types the event; the rules detect it
                _, cand.sub_event_type, cand.confidence = classify(
                    [report.text[cand.start:cand.end]])[0]
            if cand.confidence < self.min_confidence and not self.one_event:
                continue
            if locate is None:
                locate = locator(report)
            events.append(self._code(report, cand, f"e{len(events) + 1}", model_name, locate))
        _link_claims(report, events, denied)
        report.events = _same_incident(report, events)
        return report

    def _code(self, report: Report, cand: Candidate, event_id: str, model_name: str,
              locate: Locate) -> Event:
        sub = cand.sub_event_type
        place, geo_precision, where_prec = locate(cand.start, cand.end)
        context = _context(report, _sentences(report), cand.sentences[0])
        if place is None and context < cand.start:  # "There was an exchange of fire."
            place, geo_precision, where_prec = locate(context, cand.end)
        dates = date_of(report, cand.start, cand.end, cand.trigger)
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
        actors = actor_lib.load_actors()
        country = actors.country_name(
            getattr(place, "country", "") or None, getattr(place, "country_code", "") or None)
        if country is None:  # no place resolved: the country the text names, if any
            country = actors.country_in_text(report.text)
        if getattr(place, "admin1", None) in actors.own_name_regions:
            country = place.admin1  # ACLED: "Protesters (Northern Ireland)"
        assign_actors(event, report.text, country)
        if (event.actor1 is None or event.actor1.start is None) and context < cand.start:
            assign_actors(event, report.text, country, context)
        _fill_counts(event, report)
        return event


def _fill_counts(event: Event, report: Report) -> None:
    text = report.text[event.start:event.end]
    if event.sub_event_type in PROTEST_GROUP or event.event_type == "Riots":
        text = mask_grievance(text)  # "protested the killing of two" reports no deaths
    dead = count_fatalities(text, event.start)
    if not dead.value and event.sub_event_type not in PROTEST_GROUP:  # "... A civilian was killed."
        dead = next_sentence_fatalities(
            report.text, event.end, [(s.start, s.end) for s in report.sentences],
            [(p.start, p.end) for p in report.places if not _same_place(p, event.place)])
    if event.sub_event_type not in NO_FATALITIES and event.event_type != "Strategic developments":
        event.fatalities = dead.value
        event.fatalities_text = dead.text
        event.fatalities_start, event.fatalities_end = dead.start, dead.end
    skip = [(dead.start, dead.end)] if dead.start is not None and dead.end is not None else []
    event.quantities = quantities(report.text[event.start:event.end], event.start, skip)


def _same_place(place: Any, other: Any) -> bool:
    """One place, or the event has none to compare with."""
    return other is None or place.name == other.name or (
        bool(place.geonameid) and place.geonameid == other.geonameid)


CUE_WINDOW = 300  # characters after the event read for the perpetrator's motive ("drug debt")


def _generic(template: str, country: str | None, inter: int, words: str = "") -> Actor:
    name = actor_lib.load_actors().fill(template, country)
    return Actor(name=name, inter=inter, text=words)


DISPLACED = re.compile(r"\b(?:displaced|displacement|forced to flee|fled (?:their|from their) "
                       r"homes|fled (?:the|their) villages?)\b", re.I)
GOVERNMENT_MEASURES = re.compile(
    r"\b(?:lockdowns?|curfews?|state of (?:emergency|siege)|martial law|placed under|"
    r"social control measures|travel ban|internet (?:shutdown|blackout)|banned)\b", re.I)


def assign_actors(event: Event, text: str, country: str | None, start: int | None = None
                  ) -> None:
    """actor1 (who acted), actor2 (on whom) and associated actors, ACLED style.

    start (int): read actors from here (earlier context) instead of the event's start.
    """
    begin = event.start if start is None else start
    event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2 = None, None, [], []
    span = _without_label(text[begin:event.end])
    found = actor_lib.load_actors().find(span, begin, country, event.date_start)
    by_at = _passive_by(span, event.trigger_start - begin if event.trigger_start is not None
                        else None)
    agents = [m for m in found if m.inter not in (actor_lib.CIVILIANS,)]
    if by_at:  # passive voice: "was shelled by Russian forces" names the actor after "by"
        after = [m for m in agents if m.start >= begin + by_at.start()]
        agents = after[:1] + [m for m in agents if m not in after[:1]]
    civilians = [m for m in found if m.inter == actor_lib.CIVILIANS]
    sub, kind = event.sub_event_type, event.event_type
    defenders: list[Any] = []
    if kind == "Explosions/Remote violence" and sub != "Disrupted weapons use":
        # "the ministry said its air defences destroyed 10 rockets": the side that was hit.
        defenders = [m for m in agents if DEFENDER_AFTER.match(text, m.end)]
        agents = [m for m in agents if m not in defenders]
    if kind == "Protests":
        _crowd(event, found, "Protesters ({country})", actor_lib.PROTESTERS, country)
        if sub != "Peaceful protest":
            police = [m for m in found if m.inter == 1]
            event.actor2 = police[0].to_actor() if police else None
        return
    if kind == "Riots":
        # "Palestinian rioters", "Israeli settlers": the crowd's own nationality names it.
        _crowd(event, found, "Rioters ({country})", actor_lib.RIOTERS,
               actor_lib.load_actors().crowd_nationality(span) or country)
        event.actor2 = civilians[0].to_actor() if civilians else None
        return
    if agents:
        _sides(event, agents, by_at is not None, text, country)
    elif kind in ("Battles", "Explosions/Remote violence", "Violence against civilians") \
            or sub == "Looting/property destruction":  # ACLED: damage by no one named
        event.actor1 = _generic("Unidentified Armed Group ({country})", country, 3)
    elif GOVERNMENT_MEASURES.search(span):  # lockdowns, curfews: the government acts
        event.actor1 = _generic("Government of {country}{period}", country, 1)
    elif civilians and sub == "Other":  # displacement, mass graves: civilians concerned
        event.actor1 = civilians[0].to_actor()
    if sub == "Other" and civilians and DISPLACED.search(span):
        # ACLED codes displacement with the displaced civilians as actor1, whoever drove them.
        event.actor1, event.actor2, event.assoc_actor_1 = civilians[0].to_actor(), None, []
    if kind == "Violence against civilians":
        event.civilian_targeting = True
        victim = civilians[0] if civilians else None
        event.actor2 = victim.to_actor() if victim else _generic("Civilians ({country})",
                                                                  country, 7)
    elif event.actor2 is None and civilians and kind != "Strategic developments":
        event.actor2 = civilians[0].to_actor()
    if defenders and event.actor2 is None:
        event.actor2 = defenders[0].to_actor()
    _unidentified_convention(event, text[begin:event.end + CUE_WINDOW], country)


NOTE_LABEL = re.compile(r"^\s*([A-Za-z/ -]{3,40}):\s")


def _without_label(span: str) -> str:
    """Blank an ACLED note's label ("Change to armed group: ..."): it names no actor."""
    label = NOTE_LABEL.match(span)
    if label and any(p.match(label.group(1).strip()) for p, _ in load_rules().prefixes):
        return " " * label.end() + span[label.end():]
    return span


def _unidentified_convention(event: Event, words: str, country: str | None) -> None:
    """Rename an unnamed perpetrator by the country's convention (gangs in Mexico ...)."""
    actors = actor_lib.load_actors()
    unknown = actors.fill("Unidentified Armed Group ({country})", country)
    for role in ("actor1", "actor2"):
        actor = getattr(event, role)
        if actor is not None and actor.name == unknown:
            name = actors.unidentified_name(country, words, event.date_start)
            if name:
                actor.name = name


# "by" after these names helpers or sources, not the doer of a passive verb.
NOT_AGENT_BY = re.compile(
    r"\b(?:supported|backed|aided|assisted|accompanied|led|escorted|reinforced|joined|"
    r"followed|coded|reported|claimed|organi[sz]ed|called|sponsored|owned|run|guarded|"
    r"operated|hosted|surrounded|organised|convened|attended|mediated|brokered)\s+by\s", re.I)
PASSIVE_BY = re.compile(r"\bby\s+(?:the\s+)?", re.I)


def _passive_by(span: str, trigger: int | None = None) -> re.Match[str] | None:
    """The first "by" that names the doer of the trigger ("was shelled by Russian forces");
    a "by" in another sentence belongs to another verb ("It had been burned by militants")."""
    for match in PASSIVE_BY.finditer(span):
        if trigger is not None and ". " in span[min(trigger, match.start()):match.start()]:
            continue
        if not NOT_AGENT_BY.search(span, max(0, match.start() - 20), match.end() + 1):
            return match
    return None


# Between the cue and an actor, these make the actor the target ("a bomb exploded at the
# police checkpoint", "an attack against the army post"), not the doer.
# After an actor's name: it defended against the strike ("said its air defences had
# destroyed 10 rockets", "shot down two drones"), so it is not the side that struck.
DEFENDER_AFTER = re.compile(
    r"[\s,]*(?:(?:said|says|reported|claimed)\s+(?:that\s+)?)?(?:its\s+|their\s+|it\s+|they\s+)?"
    r"(?:(?:air[- ]defen[cs]es?|anti-aircraft\s+\w+)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:intercepted|shot\s+down|downed|destroyed|repelled|neutrali[sz]ed)"
    r"|(?:had\s+|have\s+|has\s+)?(?:intercepted|shot\s+down|downed|repelled))\b", re.I)
TARGET_GAP = re.compile(r"\b(?:at|against|on|targeting|targeted|toward|towards|into)\b", re.I)
PARTIES_GAP = re.compile(r"\b(?:between|among|with|by)\b", re.I)


def _sides(event: Event, agents: list[Any], passive: bool, text: str = "",
           country: str | None = None) -> None:
    """Who is on which side: those before the trigger acted, those after were acted upon."""
    pivot = event.trigger_start if event.trigger_start is not None else event.start
    before = [m for m in agents if m.end <= pivot]
    after = [m for m in agents if m.end > pivot]
    if not passive and not before and text and event.event_type in UNNAMED_DOER:
        gap = text[event.trigger_end or pivot:after[0].start]
        if TARGET_GAP.search(gap) and not PARTIES_GAP.search(gap):
            event.actor1 = _generic("Unidentified Armed Group ({country})", country, 3)
            event.actor2 = after[0].to_actor()
            return
    if passive or not before:
        before, after = agents[:1], agents[1:]
    first = before[0]
    event.actor1 = first.to_actor()
    event.assoc_actor_1 = _distinct(before[1:], {first.name})
    targets = [m for m in after if m.name != first.name]
    if targets:
        event.actor2 = targets[0].to_actor()
        event.assoc_actor_2 = _distinct(targets[1:], {first.name, targets[0].name})


UNNAMED_DOER = ("Battles", "Explosions/Remote violence", "Violence against civilians")


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
    if crowd and not crowd[0].named:  # generic crowd words: named after the given country
        crowd[0].name = actor_lib.load_actors().fill(template, country)
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
    _link_stray_denials(report, events)
    for event in events:  # doubt from the sources lowers confidence
        stances = [c.stance for c in report.claims if c.id in event.claim_ids]
        if stances and all(s in (HEDGED, UNCONFIRMED, DENIES) for s in stances):
            event.confidence = round(event.confidence * 0.7, 3)


INCURSION_WORDS = re.compile(r"\b(?:enter(?:ed)?|cross(?:ed|ing)?|penetrat\w*|incursions?|"
                             r"break ?through|violate|infiltrat\w*|attack\w*)\b", re.I)


def _link_stray_denials(report: Report, events: list[Event]) -> None:
    """A denial with no event of its own ("denied that armed groups had entered the
    region") speaks about the nearest current event of the kind it names."""
    current = [e for e in events if not e.background]
    for claim in report.claims:
        if claim.stance != DENIES or claim.event_ids or not current:
            continue
        decision = decide(claim.content)
        if max(decision.scores.values(), default=0) >= 1:
            kind = event_type_of(decision.sub_event_type)
        elif INCURSION_WORDS.search(claim.content):
            kind = "Battles"
        else:
            continue
        pool = [e for e in current if e.event_type == kind] or current
        _link(min(pool, key=lambda e: abs(e.start - claim.content_start)), claim)


def _incident_key(event: Event) -> tuple[Any, ...] | None:
    place = event.place
    if place is None or place.feature not in ("city", "adm2"):
        return None  # a region or a country is too coarse to call two mentions one incident
    return (event.sub_event_type, place.geonameid or place.name, event.background)


def _dates_agree(a: Event, b: Event) -> bool:
    """One day, or a vague stretch ("in recent days", the report's date) holding the other's."""
    if a.date_start == b.date_start:
        return True
    if not (a.date_start and b.date_start) or max(a.time_precision, b.time_precision) == 1:
        return False  # two exact, different days: two incidents
    a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
    return a.date_start <= b_end and b.date_start <= a_end


def _same_incident(report: Report, events: list[Event]) -> list[Event]:
    """Events of one sub-type at one town on one day are one incident told twice: keep the
    first mention, gather the claims, and number the survivors e1, e2, ..."""
    kept: list[Event] = []
    first: dict[tuple[Any, ...], list[Event]] = {}
    into: dict[str, Event] = {}  # every old id -> the event that survives for it
    for event in events:
        key = _incident_key(event)
        earlier = first.get(key, []) if key is not None else []
        target = next((e for e in earlier if _dates_agree(e, event)), None)
        if target is not None:
            target.fatalities = max(target.fatalities, event.fatalities)
            target.claim_ids += [c for c in event.claim_ids if c not in target.claim_ids]
            names = {a.name for a in target.assoc_actor_1}
            target.assoc_actor_1 += [a for a in event.assoc_actor_1 if a.name not in names]
            target.actor2 = target.actor2 or event.actor2
            into[event.id] = target
            continue
        if key is not None:
            first.setdefault(key, []).append(event)
        into[event.id] = event
        kept.append(event)
    new_ids = {event.id: f"e{i}" for i, event in enumerate(kept, 1)}
    mapping = {old: new_ids[target.id] for old, target in into.items()}
    for event in kept:
        event.id = new_ids[event.id]
    for claim in report.claims:
        claim.event_ids = list(dict.fromkeys(mapping.get(e, e) for e in claim.event_ids))
    return kept


def _link(event: Event, claim: Any) -> None:
    if claim.id not in event.claim_ids:
        event.claim_ids.append(claim.id)
    if event.id not in claim.event_ids:
        claim.event_ids.append(event.id)
