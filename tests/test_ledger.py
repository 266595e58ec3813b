"""Cross-document merge, claim relations and the query layer, on hand-written reports."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from frontwire.ledger import Ledger, LedgerQueryError
from frontwire.ledger.aggregate import claim_relations
from frontwire.ledger.merge import to_ordinal
from frontwire.model import Actor, ChainLink, Claim, Report
from frontwire.store.synthetic import (
    make_claim,
    make_event,
    make_place,
    make_report,
    sample_reports,
    synthetic_report,
)


@pytest.fixture
def ledger(ledger_path: Path) -> Iterator[Ledger]:
    led = Ledger(ledger_path)
    for report in sample_reports():
        led.add_report(report)
    led.merge()
    yield led
    led.close()


def by_location(ledger: Ledger, location: str, background: bool = False) -> dict:
    found = [e for e in ledger.events(limit=None) if e["location"] == location
             and e["background"] == background]  # fmt: skip
    assert len(found) == 1, found
    return found[0]


def test_two_outlets_on_one_shelling_become_one_event(ledger: Ledger) -> None:
    nikopol = by_location(ledger, "Nikopol")
    assert nikopol["event_type"] == "Explosions/Remote violence"
    assert nikopol["n_reports"] == 2 and nikopol["n_sources"] == 2
    assert nikopol["sources"] == "Kyiv Independent; Reuters"
    assert nikopol["date_start"] == "2024-03-12" and nikopol["time_precision"] == 1
    assert nikopol["country"] == "Ukraine" and nikopol["iso"] == 804
    assert nikopol["actor1"] == "Military Forces of Russia (2000-)"
    # The governor, the rescuers and the wire assert it; Moscow's denial is its own origin.
    assert nikopol["independent_origins"] == 3
    assert nikopol["origins_by_stance"] == {
        "asserts": ["Serhii Lysak", "State Emergency Service", "Reuters"],
        "denies": ["Russia's Defence Ministry"],
    }
    # Both sides of the border clash are one event too; 6 event reports -> 4 events.
    tetkino = by_location(ledger, "Tyotkino")
    assert tetkino["n_reports"] == 2
    assert set(tetkino["actors"]) == {
        "Military Forces of Russia (2000-)",
        "Russian Volunteer Corps",
    }
    assert ledger.stats()["events"] == 4


def test_denial_and_assertion_are_a_contradiction(ledger: Ledger) -> None:
    nikopol = ledger.event(by_location(ledger, "Nikopol")["id"])
    assert nikopol is not None and nikopol["contradicted"]
    pairs = {(r["a"], r["b"]): r["reason"] for r in nikopol["contradictions"]}
    # Within the Kyiv report (the governor against the ministry) and across to the wire.
    assert pairs[("kyiv-nikopol-0312:c1", "kyiv-nikopol-0312:c3")] == (
        "occurred: Serhii Lysak says yes, Russia's Defence Ministry says no")
    assert ("kyiv-nikopol-0312:c3", "wire-nikopol-0313:c1") in pairs
    assert set(nikopol["disputes"]) == {"occurred"}
    (first, _) = nikopol["disputes"]["occurred"]
    assert [s["stance"] for s in first["sides"]] == ["asserts", "denies"]
    assert nikopol["stance_summary"]["denies"] == 1
    assert {"source": "Russia's Defence Ministry", "stance": "denies", "side": "Russia",
            "outlet": "Kyiv Independent"} in nikopol["source_stances"]  # fmt: skip


def test_a_raised_toll_supersedes_the_first_figure_and_is_no_dispute(ledger: Ledger) -> None:
    nikopol = ledger.event(by_location(ledger, "Nikopol")["id"])
    assert nikopol is not None
    # The emergency service "raising an earlier toll" of three: best is the later figure.
    assert nikopol["fatalities"] == 5
    assert sorted(f["fatalities"] for f in nikopol["fatality_figures"]) == [3, 5]
    assert "toll" not in nikopol["disputes"]


def test_event_detail_carries_reports_claims_spans_places_times(ledger: Ledger) -> None:
    nikopol = ledger.event(by_location(ledger, "Nikopol")["id"])
    assert nikopol is not None
    kyiv, wire = nikopol["reports"]
    assert (kyiv["outlet"], wire["outlet"]) == ("Kyiv Independent", "Reuters")
    assert wire["url"] == "https://example.org/wire/nikopol"
    assert wire["published"] == "2024-03-13T09:10:00+00:00"
    assert kyiv["text"].startswith("Russian forces shelled the town of Nikopol")
    denial = next(c for c in kyiv["claims"] if c["stance"] == "denies")
    assert denial["source"] == "Russia's Defence Ministry" and denial["cue"] == "denied"
    assert denial["sentence_text"].startswith("Russia's Defence Ministry denied")
    assert denial["via"] == "sole-event"
    assert {p["geonameid"] for p in nikopol["places"]} == {"700051"}
    assert nikopol["latitude"] == nikopol["lat"]
    assert ledger.event("FW-00000000") is None


def test_ids_are_stable_across_re_merges_and_new_documents(ledger: Ledger) -> None:
    before = {e["id"]: (e["location"], e["n_reports"]) for e in ledger.events(limit=None)}
    assert all(re.fullmatch(r"FW-[0-9a-f]{8}", i) for i in before)
    stamps = {e["id"]: e["updated_at"] for e in ledger.events(limit=None)}
    again = ledger.merge()
    assert again["events"] == 4 and again["merged_reports"] == 2
    assert {e["id"]: e["updated_at"] for e in ledger.events(limit=None)} == stamps
    text = "Shelling damaged a school in Kherson on Wednesday, the regional governor said."
    extra = make_report("kherson-0313", text, "Ukrinform", "2024-03-13")
    kherson = make_place(text, "Kherson", "Kherson", 46.6354, 32.6169, "UA", "Ukraine", "Kherson")
    extra.events = [make_event(text, "e1", text, "Explosions/Remote violence",
                               "Shelling/artillery/missile attack", kherson, "2024-03-13")]
    ledger.add_report(extra)
    ledger.merge()
    after = {e["id"]: (e["location"], e["n_reports"]) for e in ledger.events(limit=None)}
    assert before.items() <= after.items() and len(after) == 5


def _battle(doc_id: str, outlet: str, town: str, lat: float, lon: float, day: str,
            event_type: str = "Battles", background: bool = False,
            actor: str = "Military Forces of Ukraine (2019-)") -> Report:  # fmt: skip
    text = f"Heavy fighting was reported around {town} on {day}, the general staff said."
    report = make_report(doc_id, text, outlet, day)
    place = make_place(text, town, town, lat, lon, "UA", "Ukraine", "Donetsk", f"{town} Raion")
    sub = "Armed clash" if event_type == "Battles" else "Shelling/artillery/missile attack"
    report.events = [make_event(text, "e1", text.split(",")[0], event_type, sub, place, day,
                                Actor(actor, inter=1), background=background)]  # fmt: skip
    return report


@pytest.mark.parametrize(
    ("other", "merged"),
    [
        ({}, True),  # same place, same day, other outlet
        ({"lat": 48.20, "lon": 37.75}, True),  # ~7 km away
        ({"day": "2024-02-18"}, True),  # the next day
        ({"event_type": "Explosions/Remote violence"}, True),  # violent types merge
        ({"lat": 48.70, "lon": 37.75}, False),  # ~62 km away, other raion
        ({"day": "2024-02-20"}, False),  # three days later
        ({"event_type": "Protests"}, False),
        ({"background": True}, False),
        ({"actor": "Military Forces of Russia (2000-)"}, False),  # no shared actor
    ],
)
def test_merge_rules(ledger_path: Path, other: dict, merged: bool) -> None:
    first = _battle("avdiivka-a", "Ukrinform", "Avdiivka", 48.139, 37.743, "2024-02-17")
    args = {"lat": 48.139, "lon": 37.743, "day": "2024-02-17"} | other
    town = "Avdiivka" if "lat" not in other else "Sieverne"
    second = _battle("avdiivka-b", "AP", town, args.pop("lat"), args.pop("lon"), args.pop("day"),
                     **args)  # fmt: skip
    with Ledger(ledger_path) as led:
        led.add_report(first)
        led.add_report(second)
        assert led.merge()["events"] == (1 if merged else 2)


def test_two_events_of_one_document_never_merge(ledger_path: Path) -> None:
    report = _battle("two-in-one", "AP", "Avdiivka", 48.139, 37.743, "2024-02-17")
    report.events.append(replace(report.events[0], id="e2"))
    with Ledger(ledger_path) as led:
        led.add_report(report)
        assert led.merge()["events"] == 2


def test_filters(ledger: Ledger) -> None:
    def ids(**filters: object) -> set[str]:
        return {e["location"] for e in ledger.events(limit=None, **filters)}

    assert ids(country="Kenya") == ids(country="KE") == {"Nairobi"}
    assert ids(country="Russia") == {"Tyotkino"}
    assert ids(admin1="Kursk") == {"Tyotkino"}
    assert ids(date_from="2024-06-01") == {"Nairobi"}
    assert ids(date_to="2024-03-31") == {"Nikopol", "Tyotkino"}
    assert ids(bbox=(30.0, 45.0, 40.0, 52.0)) == {"Nikopol", "Tyotkino"}
    assert ids(event_type="Battles") == ids(event_type="Armed clash") == {"Tyotkino"}
    assert ids(actor="volunteer corps") == {"Tyotkino"}
    assert ids(text="tear gas") == {"Nairobi"}
    assert ids(text="100%") == set()  # wildcards are literal
    assert ids(stance="denies") == {"Nikopol"}
    assert ids(contradicted=True) == {"Nikopol", "Tyotkino"}  # a denial; "no breakthrough"
    assert len(ledger.events(contradicted=False, limit=None)) == 2
    assert len(ledger.events(limit=2)) == 2 and len(ledger.events(limit=2, offset=3)) == 1
    assert ledger.count_events(country="Ukraine") == 2


@pytest.mark.parametrize(
    "bad",
    [{"date_from": "12/03/2024"}, {"bbox": (1, 2, 3)}, {"stance": "claims"},
     {"bbox": (30, 60, 40, 50)}],
)  # fmt: skip
def test_bad_filters_raise(ledger: Ledger, bad: dict) -> None:
    with pytest.raises(LedgerQueryError):
        ledger.events(**bad)


def test_stats_and_places(ledger: Ledger) -> None:
    stats = ledger.stats()
    assert stats["documents"] == 5 and stats["event_reports"] == 6 and stats["events"] == 4
    # Two on Nikopol (the ministry's denial), one on the outcome at Tyotkino.
    assert stats["claims"] == 10 and stats["contradictions"] == 3
    assert stats["contradicted_events"] == 2 and stats["unmerged_reports"] == 0
    assert stats["by_country"] == {"Ukraine": 2, "Russia": 1, "Kenya": 1}
    assert stats["date_range"] == {"from": "2024-03-12", "to": "2024-06-25"}
    places = {p["name"]: p for p in ledger.places()}
    assert places["Nikopol"]["mentions"] == 2 and places["Nikopol"]["documents"] == 2
    assert places["Tyotkino"]["events"] == 1


def test_daily_shelling_of_one_town_does_not_chain_into_one_event(ledger_path: Path) -> None:
    days = [f"2024-02-{d:02d}" for d in range(10, 16)]
    with Ledger(ledger_path) as led:
        for i, day in enumerate(days):
            led.add_report(_battle(f"daily-{i}", f"Outlet {i}", "Avdiivka", 48.139, 37.743, day))
        led.merge()
        events = led.events(limit=None)
    assert len(events) == 3  # pairs of neighbouring days at most
    assert all(e["n_reports"] == 2 for e in events)


def test_unidentified_armed_group_does_not_block_a_merge(ledger_path: Path) -> None:
    named = _battle("named", "AP", "Avdiivka", 48.139, 37.743, "2024-02-17")
    unknown = _battle("unknown", "AFP", "Avdiivka", 48.139, 37.743, "2024-02-17",
                      actor="Unidentified Armed Group (Ukraine)")  # fmt: skip
    with Ledger(ledger_path) as led:
        led.add_report(named)
        led.add_report(unknown)
        assert led.merge()["events"] == 1


def _oblast_report(doc_id: str, oblast: str) -> Report:
    """A report that only knows the region: '... in the Donetsk region'."""
    text = f"Fighting continued in the {oblast} region on Saturday, the general staff said."
    report = make_report(doc_id, text, "Ukrinform", "2024-02-17")
    region = make_place(text, oblast, oblast, 48.0, 37.8, "UA", "Ukraine", oblast,
                        feature="adm1")  # fmt: skip
    report.events = [make_event(text, "e1", text.split(",")[0], "Battles", "Armed clash",
                                region, "2024-02-17", geo_precision=3)]  # fmt: skip
    return report


@pytest.mark.parametrize(("oblast", "merged"), [("Donetsk", True), ("Zaporizhzhia", False)])
def test_a_region_level_report_merges_within_its_region(
    ledger_path: Path, oblast: str, merged: bool
) -> None:
    with Ledger(ledger_path) as led:
        led.add_report(_battle("town", "AP", "Avdiivka", 48.139, 37.743, "2024-02-17"))
        led.add_report(_oblast_report("region", oblast))
        assert led.merge()["events"] == (1 if merged else 2)
        # The merged event keeps the most precise place.
        places = {e["location"] for e in led.events()}
        assert places == ({"Avdiivka"} if merged else {"Avdiivka", "Zaporizhzhia"})


def test_two_sources_asserting_the_same_thing_corroborate(ledger: Ledger) -> None:
    text = ("Police fired tear gas at protesters marching against the Finance Bill in Nairobi"
            " on Tuesday, a rights group said.")  # fmt: skip
    report = make_report("rights-nairobi-0625", text, "Rights Watch Kenya", "2024-06-25")
    nairobi = make_place(text, "Nairobi", "Nairobi", -1.2833, 36.8167, "KE", "Kenya", "Nairobi",
                         geonameid="184745")  # fmt: skip
    content = text.split(", a rights")[0]
    report.claims = [make_claim(text, "c1", content, source="a rights group", cue="said",
                                chain=["a rights group", "Rights Watch Kenya"])]  # fmt: skip
    report.events = [make_event(text, "e1", content, "Protests", "Protest with intervention",
                                nairobi, "2024-06-25", Actor("Protesters (Kenya)", inter=6),
                                claim_ids=["c1"])]  # fmt: skip
    ledger.add_report(report)
    ledger.merge()
    (protest,) = ledger.events(country="Kenya")
    detail = ledger.event(protest["id"])
    assert detail is not None and protest["n_sources"] == 2 and not protest["contradicted"]
    assert ("nation-nairobi-0625:c1", "rights-nairobi-0625:c1") in {
        (r["a"], r["b"]) for r in detail["corroborations"]
    }


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2024-03-05", "2024-03-05", "2024-03-05"),
    ("2024-03-05T23:10:00+02:00", "2024-03-05", "2024-03-05"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2023", "2023-01-01", "2023-12-31"),
])  # fmt: skip
def test_partial_dates_become_intervals(value: str, first: str, last: str) -> None:
    assert to_ordinal(value) == date.fromisoformat(first).toordinal()
    assert to_ordinal(value, end=True) == date.fromisoformat(last).toordinal()
    assert to_ordinal("2024-W11") is None and to_ordinal("") is None


def _snapshot(led: Ledger) -> dict[str, tuple]:
    rows = led.conn.execute(
        "SELECT ledger_event_id, doc_id, event_id FROM ledger_event_reports"
    ).fetchall()
    reports: dict[str, list] = {}
    for lid, doc, ev in rows:
        reports.setdefault(lid, []).append((doc, ev))
    return {
        e["id"]: (sorted(reports[e["id"]]), e["fatalities"], e["contradicted"], e["date_start"])
        for e in led.events(limit=None)
    }


def test_incremental_merges_stay_consistent_with_a_full_rebuild(ledger_path: Path) -> None:
    rng = random.Random(5)
    reports = [synthetic_report(i, rng, days=60) for i in range(240)]
    with Ledger(ledger_path) as led:
        for start in range(0, 240, 60):
            for report in reports[start : start + 60]:
                led.add_report(report)
            result = led.merge()
            assert result["mode"] == "incremental" and result["rebuilt_events"] > 0
        assert led.merge()["rebuilt_events"] == 0  # nothing new: nothing rebuilt
        incremental = _snapshot(led)
        assert led.merge(full=True)["mode"] == "full"
        full = _snapshot(led)
    # Every report sits in exactly one event, and the local re-merges end close to (on
    # this data: exactly at) what clustering everything at once gives.
    keys = [key for reports_, *_ in incremental.values() for key in reports_]
    assert len(keys) == len(set(keys)) == 240
    assert incremental == full


def test_a_later_report_joins_its_incident_and_keeps_the_id(ledger_path: Path) -> None:
    kyiv, wire, *_ = sample_reports()
    with Ledger(ledger_path) as led:
        led.add_report(kyiv)
        led.merge()
        (first,) = led.events(country="UA", limit=None, contradicted=True)
        assert first["n_reports"] == 1  # contradicted already: the ministry's denial
        led.add_report(wire)
        assert led.merge()["rebuilt_events"] == 1
        (joined,) = led.events(country="UA", limit=None, contradicted=True)
    assert joined["id"] == first["id"] and joined["n_reports"] == 2
    assert joined["fatalities"] == 5 and joined["updated_at"] >= first["updated_at"]


def _claim(cid: str, content: str, stance: str, chain: list[str]) -> Claim:
    roles = ["origin", *["relay"] * (len(chain) - 2), "outlet"]
    links = [ChainLink(name, role) for name, role in zip(chain, roles, strict=True)]
    return Claim(cid, 0, len(content), content, stance=stance, source=chain[0], chain=links)


def test_one_origin_relayed_twice_is_neither_corroboration_nor_two_origins() -> None:
    text = "drones struck the oil depot in Tuapse overnight and started a fire"
    fsb_tass = _claim("c1", text, "asserts", ["FSB", "TASS", "Eastline Wire"])
    fsb_ria = _claim("c2", text, "asserts", ["the FSB", "RIA Novosti", "Eastline Wire"])
    governor = _claim("c3", text, "asserts", ["Veniamin Kondratyev", "Eastline Wire"])
    denial = _claim("c4", text, "denies", ["Ukraine's navy", "Eastline Wire"])
    claims = [(f"d{i}", c) for i, c in enumerate((fsb_tass, fsb_ria, governor, denial), 1)]
    kinds = {(a, b): kind for _, a, _, b, kind, _, _ in claim_relations(claims, [])}
    assert ("c1", "c2") not in kinds  # the FSB relayed twice does not corroborate itself
    assert kinds[("c1", "c3")] == "corroborates"
    assert kinds[("c1", "c4")] == "contradicts"


def test_named_victims_do_not_block_a_merge_with_named_perpetrators(ledger_path: Path) -> None:
    victims = _battle("victims", "AP", "Avdiivka", 48.139, 37.743, "2024-02-17",
                      actor="Civilians (Ukraine)")  # fmt: skip
    shooters = _battle("shooters", "AFP", "Avdiivka", 48.139, 37.743, "2024-02-17")
    with Ledger(ledger_path) as led:
        led.add_report(victims)
        led.add_report(shooters)
        assert led.merge()["events"] == 1
