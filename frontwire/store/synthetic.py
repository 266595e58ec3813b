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
               geo_precision: int = 1, time_precision: int = 1,
               date_text: str | None = None) -> Event:  # fmt: skip
    """An event report. ``date_text`` is the date phrase the date was read from (by
    default the date itself: dated by its text); "" makes the date a publication-date
    prior, as the time stage leaves a report with no date phrase."""
    start, end = find(text, span)
    event = Event(
        id=event_id, event_type=event_type, sub_event_type=sub_event_type, start=start,
        end=end, actor1=actor1, actor2=actor2, place=place, date_start=date, date_end=date,
        fatalities=fatalities, claim_ids=list(claim_ids), background=background,
        geo_precision=geo_precision, time_precision=time_precision, confidence=0.8,
        disorder_type=_DISORDER.get(event_type, ""), model="hand-built",
        date_text=(date or "") if date_text is None else date_text,
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


# ----------------------------------------------------------------------- hand-written samples

RUSSIA = Actor(name="Military Forces of Russia (2000-)", inter=8)
CIVILIANS_UA = Actor(name="Civilians (Ukraine)", inter=7)


def _nikopol_kyiv() -> Report:
    text = (
        "Russian shelling kills three in Nikopol\n"
        "Russian forces shelled the town of Nikopol in Dnipropetrovsk Oblast on the morning of"
        " March 12, killing three civilians, Governor Serhii Lysak said on Telegram. A"
        " residential building and a power line were damaged, he added. Russia's Defence"
        " Ministry denied that its forces had shelled Nikopol, calling the reports a"
        " provocation. Russian troops have shelled Nikopol across the Dnipro River almost"
        " daily since 2022."
    )
    r = make_report("kyiv-nikopol-0312", text, "Kyiv Independent", "2024-03-12",
                    title="Russian shelling kills three in Nikopol",
                    url="https://example.org/kyiv/nikopol-0312",
                    removed=[RemovedLine("Photo: regional administration", "photo-credit", 2)])
    nikopol = make_place(text, "Nikopol", "Nikopol", 47.5667, 34.3964, "UA", "Ukraine",
                         "Dnipropetrovsk", "Nikopol Raion", geonameid="700051")  # fmt: skip
    lysak = ["Serhii Lysak", "Kyiv Independent"]
    ministry = ["Russia's Defence Ministry", "Kyiv Independent"]
    r.claims = [
        make_claim(text, "c1", "Russian forces shelled the town of Nikopol in Dnipropetrovsk"
                   " Oblast on the morning of March 12, killing three civilians",
                   source="Serhii Lysak", cue="said", chain=lysak),
        make_claim(text, "c2", "A residential building and a power line were damaged",
                   source="Serhii Lysak", cue="added", chain=lysak),
        make_claim(text, "c3", "its forces had shelled Nikopol", stance="denies",
                   source="Russia's Defence Ministry", cue="denied", chain=ministry),
    ]  # fmt: skip
    first = text.split("\n")[1].split(" A residential")[0]
    r.events = [
        make_event(text, "e1", first, "Explosions/Remote violence",
                   "Shelling/artillery/missile attack", nikopol, "2024-03-12", RUSSIA,
                   CIVILIANS_UA, fatalities=3, fatalities_text="killing three civilians",
                   claim_ids=["c1", "c2"]),
        make_event(text, "e2", "Russian troops have shelled Nikopol across the Dnipro River",
                   "Explosions/Remote violence", "Shelling/artillery/missile attack", nikopol,
                   None, RUSSIA, background=True, time_precision=3),
    ]  # fmt: skip
    r.places = [nikopol]
    return r


def _nikopol_wire() -> Report:
    text = (
        "Five killed in Russian artillery strike on Ukraine's Nikopol, officials say\n"
        "Five people were killed when Russian artillery struck the Ukrainian town of Nikopol"
        " on Tuesday, Ukraine's State Emergency Service said on Wednesday, raising an earlier"
        " toll. Rescuers worked through the night at a damaged apartment block. Moscow did not"
        " comment on the strike."
    )
    r = make_report("wire-nikopol-0313", text, "Reuters", "2024-03-13T09:10:00+00:00",
                    title="Five killed in Russian artillery strike on Ukraine's Nikopol",
                    url="https://example.org/wire/nikopol")  # fmt: skip
    nikopol = make_place(text, "Nikopol", "Nikopol", 47.571, 34.389, "UA", "Ukraine",
                         "Dnipropetrovsk", "Nikopol Raion", geonameid="700051")  # fmt: skip
    content = ("Five people were killed when Russian artillery struck the Ukrainian town of"
               " Nikopol on Tuesday")  # fmt: skip
    r.claims = [
        make_claim(text, "c1", content, source="State Emergency Service", cue="said",
                   chain=["State Emergency Service", "Reuters"]),
        make_claim(text, "c2", "Rescuers worked through the night at a damaged apartment block",
                   source="Reuters", narration=True, chain=["Reuters"]),
    ]  # fmt: skip
    r.events = [
        make_event(text, "e1", content, "Explosions/Remote violence",
                   "Shelling/artillery/missile attack", nikopol, "2024-03-12", RUSSIA,
                   CIVILIANS_UA, fatalities=5, fatalities_text="Five people were killed",
                   claim_ids=["c1"]),
    ]  # fmt: skip
    r.places = [nikopol]
    return r


def _tetkino(doc_id: str, text: str, outlet: str, phrase: str, actors: tuple[Actor, Actor],
             claims: list[tuple[str, str, str, bool]]) -> Report:  # fmt: skip
    r = make_report(doc_id, text, outlet, "2024-03-12", title=text.split("\n")[0])
    tetkino = make_place(text, phrase, "Tyotkino", 51.2813, 34.2938, "RU", "Russia", "Kursk",
                         "Glushkovsky District", geonameid="483166")  # fmt: skip
    r.claims = [
        make_claim(text, f"c{i}", content, source=source, cue=cue, narration=narration,
                   chain=[source, outlet] if source != outlet else [outlet])
        for i, (content, source, cue, narration) in enumerate(claims, start=1)
    ]  # fmt: skip
    body = text.split("\n")[1]
    r.events = [make_event(text, "e1", body.split(". ")[0], "Battles", "Armed clash", tetkino,
                           "2024-03-12", *actors)]  # fmt: skip
    r.places = [tetkino]
    return r


def _tetkino_reports() -> list[Report]:
    state = Actor("Military Forces of Russia (2000-)", inter=1)
    rvc = Actor("Russian Volunteer Corps", inter=2)
    tass = (
        "Border guards repel sabotage group near Tetkino\n"
        "Russian border guards and army units repelled an attempt by a Ukrainian sabotage and"
        " reconnaissance group to enter the village of Tetkino in the Kursk Region on Tuesday,"
        " the Federal Security Service said. There was an exchange of fire, but no"
        " breakthrough, regional governor Roman Starovoit wrote on Telegram."
    )
    channel = (
        "Volunteer Corps statement\n"
        "Our fighters entered Tyotkino in the Kursk region this morning and destroyed an"
        " armoured vehicle of the Russian army. Fighting continues."
    )
    return [
        _tetkino("tass-tetkino-0312", tass, "TASS", "Tetkino", (state, rvc), [
            ("Russian border guards and army units repelled an attempt by a Ukrainian sabotage"
             " and reconnaissance group to enter the village of Tetkino",
             "Federal Security Service", "said", False),
            ("There was an exchange of fire, but no breakthrough", "Roman Starovoit", "wrote",
             False),
        ]),
        _tetkino("rvc-tetkino-0312", channel, "Russian Volunteer Corps (Telegram)", "Tyotkino",
                 (rvc, state), [
            ("Our fighters entered Tyotkino in the Kursk region this morning",
             "Russian Volunteer Corps (Telegram)", "", True),
        ]),
    ]  # fmt: skip


def _nairobi() -> Report:
    text = (
        "Police fire tear gas at Finance Bill protesters in Nairobi\n"
        "Police fired tear gas and water cannon at thousands of protesters marching against"
        " the Finance Bill in central Nairobi on Tuesday, witnesses said. The Interior Ministry"
        " said officers acted with restraint."
    )
    r = make_report("nation-nairobi-0625", text, "Daily Nation", "2024-06-25",
                    title=text.split("\n")[0], url="https://example.org/nation/nairobi")
    nairobi = make_place(text, "Nairobi", "Nairobi", -1.2833, 36.8167, "KE", "Kenya",
                         "Nairobi", geonameid="184745")  # fmt: skip
    first = text.split("\n")[1].split(", witnesses")[0]
    r.claims = [
        make_claim(text, "c1", first, source="witnesses", cue="said",
                   chain=["witnesses", "Daily Nation"]),
        make_claim(text, "c2", "officers acted with restraint", source="The Interior Ministry",
                   cue="said", chain=["The Interior Ministry", "Daily Nation"]),
    ]  # fmt: skip
    r.events = [
        make_event(text, "e1", first, "Protests", "Protest with intervention", nairobi,
                   "2024-06-25", Actor("Protesters (Kenya)", inter=6),
                   Actor("Police Forces of Kenya (2022-)", inter=1), claim_ids=["c1"]),
    ]  # fmt: skip
    r.places = [nairobi]
    return r


def sample_reports() -> list[Report]:
    """Five hand-written reports: one shelling told by two outlets (with a denial and two
    death tolls), one border clash told by both sides, one protest in Kenya."""
    return [_nikopol_kyiv(), _nikopol_wire(), *_tetkino_reports(), _nairobi()]
