"""Exporters: ledger events out as ACLED-compatible CSV, GeoJSON or JSONL.

Each format is a function ``(ledger, events, out) -> rows`` registered in
:data:`EXPORTERS` with :func:`register_exporter`, so a new format plugs in without
touching :func:`export`. Exporters read through the Ledger's public methods
(``iter_events`` and ``event``), which carry the analysts' review.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from itertools import islice
from typing import Any, TextIO

from .errors import FrontwireError
from .ledger.countries import REGION_OF
from .ledger.filters import EventFilter

Exporter = Callable[[Any, Iterator[dict[str, Any]], TextIO], int]
EXPORTERS: dict[str, Exporter] = {}

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

class ExportError(FrontwireError, ValueError):
    """An unknown export format or unusable export options."""


def register_exporter(name: str) -> Callable[[Exporter], Exporter]:
    """Decorator adding an exporter under ``name`` (a later registration replaces it)."""

    def add(fn: Exporter) -> Exporter:
        EXPORTERS[name] = fn
        return fn

    return add


def export(ledger: Any, fmt: str, out: TextIO, where: EventFilter | None = None,
           limit: int | None = None, offset: int = 0, **filters: Any) -> int:  # fmt: skip
    """Write the ledger's reviewed events, filtered, in one format and one read snapshot.

    The whole export reads one committed state of the ledger: an ingest or a merge
    committing meanwhile shows in the next export, never half in this one.
    ledger (Ledger): the ledger to read.
    fmt (str): a key of EXPORTERS: "acled-csv", "geojson", "jsonl".
    out (TextIO): where to write (text mode; CSV wants newline="" on files).
    where (EventFilter): which events; or give its fields as keywords.
    limit (int | None): at most this many events (None = all); offset: skip that many.
    RETURNS (int): events written.
    """
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown export format {fmt!r}; known: {', '.join(sorted(EXPORTERS))}")
    flt = where or EventFilter.from_params(filters)
    with ledger.snapshot():
        skip = offset or 0
        events = islice(ledger.iter_events(flt), skip, None if limit is None else skip + limit)
        return EXPORTERS[fmt](ledger, events, out)


# --------------------------------------------------------------------- ACLED CSV


def interaction(inter1: int, inter2: int) -> int:
    """ACLED interaction code: both inter codes, smaller first (3 and 1 -> 13; 1 alone -> 10)."""
    codes = sorted(c for c in (int(inter1 or 0), int(inter2 or 0)) if c)
    if not codes:
        return 0
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def notes(event: dict[str, Any], most: int = 6) -> str:
    """The event summary and who says what: "... Sources: TASS (denies); AP (asserts)."""
    said = [f"{s['source']} ({s['stance']})" for s in event.get("source_stances") or []]
    text = event.get("summary") or ""
    if said:
        more = f"; and {len(said) - most} more" if len(said) > most else ""
        text += " Sources: " + "; ".join(said[:most]) + more + "."
    return text.strip()


def tags(event: dict[str, Any]) -> str:
    out = []
    if event.get("contradicted"):
        out.append("contradicted")
    figures = {f["fatalities"] for f in event.get("fatality_figures") or []
               if f.get("asserted") and not f.get("superseded")}  # a rising toll is no dispute
    if len(figures) > 1:
        out.append("fatalities disputed")
    stances = event.get("stance_summary") or {}
    if stances.get("denies"):
        out.append("denied")
    if stances and not stances.get("asserts"):
        out.append("unconfirmed")
    if event.get("background"):
        out.append("background")
    return "; ".join(out)


def _unix(iso: str | None) -> int:
    if not iso:
        return 0
    return int(datetime.fromisoformat(iso).timestamp())


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One ledger event as an ACLED CSV row (ACLED's column names and conventions)."""
    date = event.get("date_start") or ""
    code = event.get("country_code") or ""
    return {
        "event_id_cnty": event["id"], "event_date": date[:10], "year": date[:4],
        "time_precision": event.get("time_precision", 3),
        "disorder_type": event.get("disorder_type", ""), "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"], "actor1": event.get("actor1", ""),
        "assoc_actor_1": event.get("assoc_actor_1", ""), "inter1": event.get("inter1") or 0,
        "actor2": event.get("actor2", ""), "assoc_actor_2": event.get("assoc_actor_2", ""),
        "inter2": event.get("inter2") or 0,
        "interaction": interaction(event.get("inter1") or 0, event.get("inter2") or 0),
        "civilian_targeting": "Civilian targeting" if event.get("civilian_targeting") else "",
        "iso": event.get("iso") or 0, "region": REGION_OF.get(code, ""),
        "country": event.get("country", ""), "admin1": event.get("admin1", ""),
        "admin2": event.get("admin2", ""), "admin3": "", "location": event.get("location", ""),
        "latitude": _coord(event.get("lat")), "longitude": _coord(event.get("lon")),
        "geo_precision": event.get("geo_precision", 3), "source": event.get("sources", ""),
        "source_scale": "", "notes": notes(event), "fatalities": event.get("fatalities") or 0,
        "tags": tags(event), "timestamp": _unix(event.get("updated_at")),
    }  # fmt: skip


@register_exporter("acled-csv")
def export_acled_csv(ledger: Any, events: Iterator[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = 0
    for event in events:
        writer.writerow(acled_row(event))
        rows += 1
    return rows


# --------------------------------------------------------------------- GeoJSON, JSONL


def feature(event: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature: a Point at the event (null geometry when it has no coordinates)."""
    lat, lon = event.get("lat"), event.get("lon")
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
    props = {k: v for k, v in event.items() if k not in ("lat", "lon", "latitude", "longitude")}
    return {"type": "Feature", "id": event["id"], "geometry": geometry, "properties": props}


@register_exporter("geojson")
def export_geojson(ledger: Any, events: Iterator[dict[str, Any]], out: TextIO) -> int:
    # Streamed feature by feature so a large ledger never sits in memory as one object.
    out.write('{"type": "FeatureCollection", "features": [')
    rows = 0
    for event in events:
        out.write(("," if rows else "") + "\n" + json.dumps(feature(event), ensure_ascii=False))
        rows += 1
    out.write("\n]}\n")
    return rows


@register_exporter("jsonl")
def export_jsonl(ledger: Any, events: Iterator[dict[str, Any]], out: TextIO) -> int:
    """One event per line with its reports and their claims (Ledger.event)."""
    rows = 0
    for event in events:
        full = ledger.event(event["id"]) or event
        out.write(json.dumps(full, ensure_ascii=False) + "\n")
        rows += 1
    return rows
