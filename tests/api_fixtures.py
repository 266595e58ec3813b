"""Hand-built analysed reports for the API and browser tests (no spaCy needed).

Four short reports written for these tests: two outlets tell one drone strike on
Kupiansk (the governor asserts three dead, the defence ministry denies hitting
civilians), one tells a clash near Pokrovsk, and one carries a ``<script>`` tag in
its title and text to prove the page escapes report text.
"""

from __future__ import annotations

from pathlib import Path

from frontwire.model import (
    ASSERTS,
    DENIES,
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

XSS = "<script>window.__pwned = 1</script>"


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] in " \n"):
            out.append(Sentence(start, i + 1))
            start = i + 2
    return out


def _place(name: str, lat: float, lon: float, admin1: str, feature: str = "city") -> Place:
    return Place(
        start=0, end=0, text=name, geonameid=None, name=name, lat=lat, lon=lon,
        feature=feature, country_code="UA", country="Ukraine", admin1=admin1, confidence=0.9,
    )  # fmt: skip


def _claim(text: str, cid: str, content: str, source: str, stance: str, outlet: str) -> Claim:
    start, end = _span(text, content)
    chain = [ChainLink(source, "origin"), ChainLink(outlet, "outlet")]
    return Claim(
        id=cid, content_start=start, content_end=end, content=content, stance=stance,
        source=source, chain=chain, sentence=0, event_ids=["e1"],
    )  # fmt: skip


def _report(
    doc_id: str, outlet: str, title: str, published: str, text: str, claims: list[Claim],
    event: Event,
) -> Report:  # fmt: skip
    doc = Document(
        id=doc_id, text=text, title=title, outlet=outlet, url=f"https://example.org/{doc_id}",
        published=Timestamp(published),
    )  # fmt: skip
    event.start, event.end = 0, len(text)
    event.claim_ids = [c.id for c in claims]
    sents = _sentences(text)
    rep = Report(document=doc, text=text, sentences=sents, claims=claims, events=[event])
    for claim in claims:
        claim.sentence = rep.sentence_index(claim.content_start)
    return rep


def strike_governor() -> Report:
    text = (
        "Three civilians were killed and five wounded when a Russian drone hit an apartment "
        "block in Kupiansk on Thursday morning, regional governor Oleh Syniehubov said. "
        "Rescuers were still searching the rubble by midday."
    )
    outlet = "Dnipro Herald"
    claim = _claim(
        text, "c1", "Three civilians were killed and five wounded when a Russian drone hit an "
        "apartment block in Kupiansk on Thursday morning", "Oleh Syniehubov", ASSERTS, outlet,
    )  # fmt: skip
    event = Event(
        id="e1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        disorder_type="Political violence", actor1=Actor("Military Forces of Russia (2000-)", 8),
        actor2=Actor("Civilians (Ukraine)", 7), civilian_targeting=True,
        place=_place("Kupiansk", 49.7106, 37.6156, "Kharkiv Oblast"), geo_precision=1,
        date_start="2026-03-12", date_end="2026-03-12", time_precision=1, fatalities=3,
    )  # fmt: skip
    rep = _report("doc-kup-a", outlet, "Drone strike kills three in Kupiansk", "2026-03-12",
                  text, [claim], event)  # fmt: skip
    rep.removed = [RemovedLine("See also: Kharkiv region under fire", "see-also", 3)]
    return rep


def strike_denial() -> Report:
    text = (
        "Russia's defence ministry denied that its forces had struck civilian buildings in "
        "Kupiansk, saying a Ukrainian ammunition depot near the town was destroyed on Thursday."
    )
    outlet = "Volga Wire"
    claim = _claim(
        text, "c1", "its forces had struck civilian buildings in Kupiansk",
        "Russian Ministry of Defence", DENIES, outlet,
    )  # fmt: skip
    event = Event(
        id="e1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        disorder_type="Political violence", actor1=Actor("Military Forces of Russia (2000-)", 8),
        place=_place("Kupiansk", 49.7106, 37.6156, "Kharkiv Oblast"), geo_precision=1,
        date_start="2026-03-12", date_end="2026-03-12", time_precision=1, fatalities=0,
    )  # fmt: skip
    return _report("doc-kup-b", outlet, "Moscow denies Kupiansk strike", "2026-03-12", text,
                   [claim], event)  # fmt: skip


def clash_pokrovsk() -> Report:
    text = (
        "Ukrainian troops pushed back an assault near Pokrovsk on Sunday, the General Staff "
        "said, adding that two soldiers were killed in the fighting."
    )
    outlet = "Donbas Daily"
    claim = _claim(
        text, "c1", "Ukrainian troops pushed back an assault near Pokrovsk on Sunday",
        "General Staff of Ukraine", ASSERTS, outlet,
    )  # fmt: skip
    event = Event(
        id="e1", event_type="Battles", sub_event_type="Armed clash",
        disorder_type="Political violence", actor1=Actor("Military Forces of Russia (2000-)", 8),
        actor2=Actor("Military Forces of Ukraine (2019-)", 8),
        place=_place("Pokrovsk", 48.282, 37.1758, "Donetsk Oblast"), geo_precision=2,
        date_start="2026-03-08", date_end="2026-03-08", time_precision=1, fatalities=2,
    )  # fmt: skip
    return _report("doc-pok", outlet, "Assault repelled near Pokrovsk", "2026-03-09", text,
                   [claim], event)  # fmt: skip


def shelling_kherson() -> Report:
    text = (
        f"Shelling hit villages across Kherson region on Tuesday {XSS} and one man was "
        "killed, the regional administration said."
    )
    outlet = "Steppe Monitor"
    claim = _claim(
        text, "c1", f"Shelling hit villages across Kherson region on Tuesday {XSS}",
        "Kherson regional administration", ASSERTS, outlet,
    )  # fmt: skip
    event = Event(
        id="e1", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        disorder_type="Political violence", actor1=Actor("Military Forces of Russia (2000-)", 8),
        place=_place("Kherson Oblast", 46.75, 33.35, "Kherson Oblast", "adm1"), geo_precision=3,
        date_start="2026-03-10", date_end="2026-03-10", time_precision=1, fatalities=1,
    )  # fmt: skip
    return _report("doc-khe", outlet, f"{XSS} Shelling in Kherson region", "2026-03-10", text,
                   [claim], event)  # fmt: skip


def all_reports() -> list[Report]:
    return [strike_governor(), strike_denial(), clash_pokrovsk(), shelling_kherson()]


def build_ledger(path: Path) -> Path:
    """A ledger file holding the four reports, merged."""
    from frontwire.ledger import Ledger

    with Ledger(path) as ledger:
        for rep in all_reports():
            ledger.add_report(rep)
        ledger.merge()
    return path


# Places for the demo ledger (approximate town centres).
_DEMO_PLACES = [
    ("Kharkiv", 49.9935, 36.2304, "Ukraine", "UA", "Kharkiv Oblast"),
    ("Izium", 49.2128, 37.2564, "Ukraine", "UA", "Kharkiv Oblast"),
    ("Kramatorsk", 48.7232, 37.5563, "Ukraine", "UA", "Donetsk Oblast"),
    ("Sloviansk", 48.8526, 37.6055, "Ukraine", "UA", "Donetsk Oblast"),
    ("Kostiantynivka", 48.5277, 37.7069, "Ukraine", "UA", "Donetsk Oblast"),
    ("Zaporizhzhia", 47.8388, 35.1396, "Ukraine", "UA", "Zaporizhzhia Oblast"),
    ("Orikhiv", 47.5674, 35.7854, "Ukraine", "UA", "Zaporizhzhia Oblast"),
    ("Nikopol", 47.5712, 34.3964, "Ukraine", "UA", "Dnipropetrovsk Oblast"),
    ("Kherson", 46.6354, 32.6169, "Ukraine", "UA", "Kherson Oblast"),
    ("Odesa", 46.4825, 30.7233, "Ukraine", "UA", "Odesa Oblast"),
    ("Mykolaiv", 46.975, 31.9946, "Ukraine", "UA", "Mykolaiv Oblast"),
    ("Sumy", 50.9077, 34.7981, "Ukraine", "UA", "Sumy Oblast"),
    ("Dnipro", 48.4647, 35.0462, "Ukraine", "UA", "Dnipropetrovsk Oblast"),
    ("Kyiv", 50.4501, 30.5234, "Ukraine", "UA", "Kyiv City"),
    ("Belgorod", 50.5954, 36.5873, "Russia", "RU", "Belgorod Oblast"),
    ("Shebekino", 50.4, 36.9, "Russia", "RU", "Belgorod Oblast"),
    ("Tetkino", 51.2813, 34.2938, "Russia", "RU", "Kursk Oblast"),
]
_DEMO_KINDS = [  # (event type, sub-event type, report template)
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Artillery fire hit {place} on {day}, killing {n} people, {src} said.",
    ),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        "A drone struck an industrial site in {place} on {day}; {n} people died, {src} reported.",
    ),
    (
        "Battles",
        "Armed clash",
        "Fighting broke out on the outskirts of {place} on {day}, with {n} soldiers killed, "
        "{src} said.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "Gunmen fired on a bus near {place} on {day}, killing {n} passengers, {src} said.",
    ),
    (
        "Protests",
        "Peaceful protest",
        "Several hundred people rallied in central {place} on {day} to demand news of missing "
        "soldiers, {src} reported.",
    ),
]
_DEMO_SOURCES = ["the regional governor", "local police", "the military administration",
                 "emergency services", "the defence ministry"]  # fmt: skip


def demo_reports(n: int = 60, seed: int = 7) -> list[Report]:
    """``n`` varied one-event reports over February and March 2026 (for the screenshot)."""
    import random
    from datetime import date, timedelta

    rng = random.Random(seed)
    out = []
    for i in range(n):
        name, lat, lon, country, cc, admin1 = rng.choice(_DEMO_PLACES)
        etype, sub, template = rng.choice(_DEMO_KINDS)
        day = date(2026, 2, 1) + timedelta(days=rng.randrange(40))
        deaths = 0 if etype == "Protests" else rng.choice([0, 1, 1, 2, 3, 5, 8, 14])
        src = rng.choice(_DEMO_SOURCES)
        text = template.format(place=name, day=day.strftime("%A"), n=deaths, src=src)
        text = text[0].upper() + text[1:]
        outlet = rng.choice(["Dnipro Herald", "Volga Wire", "Steppe Monitor", "Black Sea Post"])
        content = text.split(",")[0].split(";")[0]
        claim = _claim(text, "c1", content, src.replace("the ", "").title(), ASSERTS, outlet)
        place = Place(start=0, end=0, text=name, name=name, lat=lat, lon=lon, feature="city",
                      country_code=cc, country=country, admin1=admin1, confidence=0.8)  # fmt: skip
        event = Event(
            id="e1", event_type=etype, sub_event_type=sub, place=place,
            geo_precision=rng.choice([1, 1, 1, 2]), date_start=day.isoformat(),
            date_end=day.isoformat(), time_precision=1, fatalities=deaths,
            actor1=Actor("Military Forces of Russia (2000-)", 8),
        )  # fmt: skip
        out.append(_report(f"demo-{i:03d}", outlet, f"{sub} in {name}", day.isoformat(), text,
                           [claim], event))  # fmt: skip
    return out
