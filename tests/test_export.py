"""Exporters: ACLED CSV with ACLED's columns and codes, GeoJSON, JSONL, the registry."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontwire.export import ACLED_COLUMNS, EXPORTERS, ExportError, export, interaction
from frontwire.ledger import Ledger
from frontwire.ledger.countries import REGION_OF, acled_country, iso_numeric
from frontwire.model import Event, Report
from frontwire.store.synthetic import make_report, sample_reports

HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)


def _unplaced() -> Report:
    """A Telegram post with an event the geoparser could not place."""
    text = "Explosions were heard in the city tonight, residents wrote."
    report = make_report("tg-unplaced", text, "Telegram: local news", "2024-04-02")
    report.events = [Event(id="e1", event_type="Explosions/Remote violence",
                           sub_event_type="Remote explosive/landmine/IED", start=0,
                           end=len(text), date_start="2024-04-02", date_end="2024-04-02")]
    return report  # fmt: skip


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    led = Ledger(tmp_path_factory.mktemp("export") / "ledger.db")
    for report in [*sample_reports(), _unplaced()]:
        led.add_report(report)
    led.merge()
    yield led
    led.close()


def rows(ledger: Ledger, **filters: Any) -> list[dict[str, str]]:
    out = io.StringIO()
    written = export(ledger, "acled-csv", out, **filters)
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert written == len(parsed)
    return parsed


def test_acled_csv_header_is_exact(ledger: Ledger) -> None:
    out = io.StringIO()
    export(ledger, "acled-csv", out, limit=None)
    assert out.getvalue().splitlines()[0] == HEADER == ",".join(ACLED_COLUMNS)


def test_acled_csv_row_follows_acled_conventions(ledger: Ledger) -> None:
    shelling = next(r for r in rows(ledger, country="Ukraine") if r["fatalities"] != "0")
    assert shelling["event_date"] == "2024-03-12" and shelling["year"] == "2024"
    assert (shelling["inter1"], shelling["inter2"], shelling["interaction"]) == ("8", "7", "78")
    assert shelling["iso"] == "804" and shelling["region"] == "Europe"
    assert shelling["admin1"] == "Dnipropetrovsk" and shelling["admin2"] == "Nikopol Raion"
    assert (shelling["latitude"], shelling["longitude"]) == ("47.5667", "34.3964")
    assert shelling["fatalities"] == "5"  # the raised toll: the best figure
    assert shelling["source"] == "Kyiv Independent; Reuters"
    assert shelling["tags"].split("; ")[:3] == ["contradicted", "denied"]
    assert shelling["notes"].startswith("On 2024-03-12, shelling/artillery/missile attack")
    assert "Russia's Defence Ministry (denies)" in shelling["notes"]
    assert int(shelling["timestamp"]) > 1_700_000_000
    (protest,) = rows(ledger, country="Kenya")
    assert protest["interaction"] == "16" and protest["inter1"] == "6"
    assert (protest["region"], protest["iso"]) == ("Eastern Africa", "404")
    (clash,) = rows(ledger, event_type="Battles")
    assert clash["interaction"] == "12" and clash["disorder_type"] == "Political violence"


@pytest.mark.parametrize(
    ("inter1", "inter2", "code"),
    [(1, 2, 12), (3, 1, 13), (8, 7, 78), (6, 1, 16), (2, 0, 20), (0, 0, 0), (7, 7, 77)],
)
def test_interaction_codes(inter1: int, inter2: int, code: int) -> None:
    assert interaction(inter1, inter2) == code


def test_geojson_is_a_valid_feature_collection(ledger: Ledger) -> None:
    out = io.StringIO()
    written = export(ledger, "geojson", out, limit=None)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == written == 5
    by_place = {f["properties"]["location"]: f for f in data["features"]}
    nairobi = by_place["Nairobi"]
    assert nairobi["geometry"] == {"type": "Point", "coordinates": [36.8167, -1.2833]}
    assert nairobi["properties"]["event_type"] == "Protests"
    assert by_place[""]["geometry"] is None  # the unplaced Telegram report


def test_jsonl_has_one_event_per_line_with_claims(ledger: Ledger) -> None:
    out = io.StringIO()
    written = export(ledger, "jsonl", out, contradicted=True, country="Ukraine")
    lines = out.getvalue().splitlines()
    assert written == len(lines) == 1
    event = json.loads(lines[0])
    assert [r["outlet"] for r in event["reports"]] == ["Kyiv Independent", "Reuters"]
    assert any(c["stance"] == "denies" for r in event["reports"] for c in r["claims"])
    assert event["contradictions"]


def test_limit_offset_and_empty_results(ledger: Ledger) -> None:
    everything = [r["event_id_cnty"] for r in rows(ledger)]
    assert len(everything) == 5 and len(rows(ledger, limit=3)) == 3
    assert [r["event_id_cnty"] for r in rows(ledger, limit=2, offset=2)] == everything[2:4]
    assert rows(ledger, country="Sudan") == []


class _WritesMidway(io.StringIO):
    """An output that, after the first event, lets another process ingest and re-merge."""

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db, self.done = db, False

    def write(self, text: str) -> int:
        if not self.done and self.tell() > 0:
            self.done = True
            with Ledger(self.db) as other:  # its own connection, as a second process has
                other.add_report(make_report(
                    "late-wire", "Drones hit a fuel depot in Kherson on Friday, officials said.",
                    "Wire", "2024-03-12"))  # fmt: skip
                for event in other.events(limit=None):
                    other.review.correct(event["id"], {"fatalities": 99}, "night.desk")
                other.merge(full=True)
        return super().write(text)


@pytest.mark.parametrize("fmt", ["jsonl", "acled-csv"])
def test_export_reads_one_snapshot_while_another_connection_writes(
    tmp_path: Path, fmt: str
) -> None:
    db = tmp_path / "busy.db"
    with Ledger(db) as led:
        for report in sample_reports():
            led.add_report(report)
        led.merge()
        before = io.StringIO()
        export(led, fmt, before)
        during = _WritesMidway(db)
        written = export(led, fmt, during)
        assert during.done, "the concurrent write did not run"
        assert during.getvalue() == before.getvalue()  # no event twice, none missing or changed
        after = io.StringIO()
        export(led, fmt, after)
    assert written == len(led_rows(before, fmt))
    assert after.getvalue() != before.getvalue()  # the next export sees the write
    assert "99" in after.getvalue()


def led_rows(out: io.StringIO, fmt: str) -> list[Any]:
    text = out.getvalue()
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    return list(csv.DictReader(io.StringIO(text)))


def test_unknown_format_and_new_exporters(ledger: Ledger, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format 'kml'"):
        export(ledger, "kml", io.StringIO())

    def ids_only(led: Any, events: Iterator[dict[str, Any]], out: Any) -> int:
        written = [event["id"] for event in events]
        out.write("\n".join(written))
        return len(written)

    EXPORTERS["ids"] = ids_only
    try:
        with (tmp_path / "ids.txt").open("w", encoding="utf-8") as out:
            assert export(ledger, "ids", out, country="Russia") == 1
    finally:
        del EXPORTERS["ids"]


@pytest.mark.parametrize(
    ("code", "gazetteer", "name", "region", "iso"),
    [
        ("RU", "Russian Federation", "Russia", "Europe", 643),
        ("PS", "Palestine, State of", "Palestine", "Middle East", 275),
        ("SD", "Sudan", "Sudan", "Northern Africa", 729),
        ("CD", "DR Congo", "Democratic Republic of Congo", "Middle Africa", 180),
        ("XK", "Kosovo", "Kosovo", "Europe", 0),
        ("", "Somewhere", "Somewhere", "", 0),
    ],
)
def test_acled_country_names_regions_and_codes(
    code: str, gazetteer: str, name: str, region: str, iso: int
) -> None:
    assert acled_country(code, gazetteer) == name
    assert REGION_OF.get(code, "") == region and iso_numeric(code) == iso
