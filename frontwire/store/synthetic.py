"""Hand-built reports for tests and benchmarks: spans located in the text, never guessed.

The builders find each phrase in the report text and fill in the offsets, so a test
reads like the report it models. ``synthetic_report`` makes varied, plausible reports
in bulk for bench/bench_store.py.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from ..model import (
    ASSERTS,
    Actor,
    ChainLink,
    Claim,
    Document,
    Event,
    Place,
    RemovedLine,
    Report,
    Sentence,
    Timestamp,
)


def find(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    """(start, end) of ``phrase`` in ``text`` at or after ``after``; ValueError if absent."""
    start = text.find(phrase, after)
    if start < 0:
        raise ValueError(f"phrase not in text: {phrase!r}")
    return start, start + len(phrase)


def sentences(text: str) -> list[Sentence]:
    """Naive sentence spans (". " and newlines) -- enough for hand-built text."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        end_here = ch == "\n" or (ch == "." and text[i + 1 : i + 2] in (" ", "\n", ""))
        if end_here:
            if text[start : i + 1].strip():
                spans.append(Sentence(start, i + 1))
            start = i + 1
            while start < len(text) and text[start] in " \n":
                start += 1
    if text[start:].strip():
        spans.append(Sentence(start, len(text)))
    return spans


def make_place(text: str, phrase: str, name: str, lat: float | None, lon: float | None,
               country_code: str, country: str, admin1: str = "", admin2: str = "",
               feature: str = "city", geonameid: str | None = None) -> Place:  # fmt: skip
    start, end = find(text, phrase)
    return Place(
        start=start, end=end, text=phrase, geonameid=geonameid, name=name, lat=lat, lon=lon,
        feature=feature, country_code=country_code, country=country, admin1=admin1,
        admin2=admin2, confidence=0.9,
    )  # fmt: skip


def make_claim(text: str, claim_id: str, content: str, stance: str = ASSERTS,
               source: str = "", cue: str = "", chain: Sequence[str] = (),
               narration: bool = False, event_ids: Sequence[str] = ()) -> Claim:  # fmt: skip
    """A claim; ``chain`` lists names origin first, the outlet last."""
    start, end = find(text, content)
    links = [
        ChainLink(name, "origin" if i == 0 else "outlet" if i == len(chain) - 1 else "relay")
        for i, name in enumerate(chain)
    ]
    claim = Claim(
        id=claim_id, content_start=start, content_end=end, content=content, stance=stance,
        source=source, chain=links, narration=narration, event_ids=list(event_ids),
    )  # fmt: skip
    if source and source in text:
        claim.source_start, claim.source_end = find(text, source)
        claim.source_text = source
    if cue and cue in text:
        claim.cue = cue
        claim.cue_start, claim.cue_end = find(text, cue)
    for i, sent in enumerate(sentences(text)):
        if sent.start <= start < sent.end:
            claim.sentence = i
    return claim


def make_event(text: str, event_id: str, span: str, event_type: str, sub_event_type: str,
               place: Place | None, date: str | None, actor1: Actor | None = None,
               actor2: Actor | None = None, fatalities: int = 0, fatalities_text: str = "",
               claim_ids: Sequence[str] = (), background: bool = False,
               geo_precision: int = 1, time_precision: int = 1) -> Event:  # fmt: skip
    start, end = find(text, span)
    event = Event(
        id=event_id, event_type=event_type, sub_event_type=sub_event_type, start=start,
        end=end, actor1=actor1, actor2=actor2, place=place, date_start=date, date_end=date,
        fatalities=fatalities, claim_ids=list(claim_ids), background=background,
        geo_precision=geo_precision, time_precision=time_precision, confidence=0.8,
        disorder_type=_DISORDER.get(event_type, ""), model="hand-built",
    )  # fmt: skip
    if fatalities_text:
        event.fatalities_text = fatalities_text
        event.fatalities_start, event.fatalities_end = find(text, fatalities_text)
    return event


_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def make_report(doc_id: str, text: str, outlet: str, published: str, title: str = "",
                url: str = "", removed: Sequence[RemovedLine] = ()) -> Report:  # fmt: skip
    """A report with its document and sentences; add places, claims and events after."""
    document = Document(
        id=doc_id, text=text, title=title, outlet=outlet, url=url,
        published=Timestamp(value=published, precision="day" if len(published) == 10 else "minute"),
    )  # fmt: skip
    return Report(document=document, text=text, removed=list(removed), sentences=sentences(text))


# ----------------------------------------------------------------------- bulk, for benches

_TOWNS = [  # (name, lat, lon, country code, country, admin1)
    ("Nikopol", 47.567, 34.396, "UA", "Ukraine", "Dnipropetrovsk"),
    ("Kherson", 46.636, 32.617, "UA", "Ukraine", "Kherson"),
    ("Kupiansk", 49.711, 37.614, "UA", "Ukraine", "Kharkiv"),
    ("Avdiivka", 48.139, 37.743, "UA", "Ukraine", "Donetsk"),
    ("Shebekino", 50.409, 36.894, "RU", "Russia", "Belgorod"),
    ("Tetkino", 51.281, 34.294, "RU", "Russia", "Kursk"),
    ("El Fasher", 13.628, 25.349, "SD", "Sudan", "North Darfur"),
    ("Omdurman", 15.644, 32.478, "SD", "Sudan", "Khartoum"),
    ("Mandera", 3.937, 41.867, "KE", "Kenya", "Mandera"),
    ("Rafah", 31.297, 34.245, "PS", "Palestine", "Gaza Strip"),
]
_KINDS = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled"),
    ("Explosions/Remote violence", "Air/drone strike", "struck with drones"),
    ("Battles", "Armed clash", "clashed with defenders in"),
    ("Violence against civilians", "Attack", "attacked villagers in"),
]
_OUTLETS = ["Reuters", "AP", "AFP", "Kyiv Independent", "TASS", "Sudan Tribune", "Nation"]


def synthetic_report(i: int, rng: random.Random, days: int = 365) -> Report:
    """A plausible one-incident report; about a third retell an earlier incident."""
    town, lat, lon, cc, country, admin1 = rng.choice(_TOWNS)
    etype, sub, verb = rng.choice(_KINDS)
    day = 738_886 + rng.randrange(days)  # 2024-01-01 onwards
    from datetime import date

    iso = date.fromordinal(day).isoformat()
    dead = rng.choice([0, 0, 1, 2, 3, 5, 8])
    text = (
        f"Armed forces {verb} {town} on {iso}, killing {dead} people, officials said.\n"
        f"The claim could not be independently verified. Local residents described heavy"
        f" damage to homes near the centre of {town}."
    )
    report = make_report(f"syn-{i:07d}", text, rng.choice(_OUTLETS), iso, title=f"{town} hit")
    place = make_place(text, town, town, lat + rng.uniform(-0.02, 0.02),
                       lon + rng.uniform(-0.02, 0.02), cc, country, admin1)  # fmt: skip
    claim = make_claim(text, "c1", text.split(", officials")[0], source="officials", cue="said",
                       chain=["officials", report.document.outlet])  # fmt: skip
    actor = Actor(name=f"Military Forces of {'Russia' if cc == 'UA' else country}", inter=8)
    victims = Actor(name=f"Civilians ({country})", inter=7)
    event = make_event(text, "e1", text.split("\n")[0], etype, sub, place, iso, actor, victims,
                       fatalities=dead, fatalities_text=f"killing {dead} people",
                       claim_ids=["c1"])  # fmt: skip
    report.places, report.claims, report.events = [place], [claim], [event]
    return report
