"""Writing one analysed report into the store, in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..errors import StoreError
from ..model import Claim, Event, Place, Report, Timestamp, to_dict
from .db import now_iso
from .topics import content_keys


def dumps(value: Any) -> str:
    """JSON text for a TEXT column (model objects become plain dicts)."""
    return json.dumps(to_dict(value), ensure_ascii=False, separators=(",", ":"))


def validate(report: Report) -> None:
    """Raise StoreError for a report the store cannot hold faithfully."""
    if not isinstance(report, Report):
        kind = type(report).__name__
        raise StoreError(f"add_report expects a frontwire.model.Report, got {kind}")
    if not report.document.id:
        raise StoreError("report has no document id")
    for kind, ids in (
        ("claim", [c.id for c in report.claims]),
        ("event", [e.id for e in report.events]),
    ):
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise StoreError(f"document {report.document.id}: duplicate {kind} ids {sorted(dupes)}")


def insert_report(conn: sqlite3.Connection, report: Report) -> None:
    """Insert every row of one report. The caller owns the transaction."""
    doc_id = report.document.id
    _insert_document(conn, report)
    conn.executemany(
        "INSERT INTO removed_lines (doc_id, idx, line_no, text, reason) VALUES (?, ?, ?, ?, ?)",
        [(doc_id, i, r.line_no, r.text, r.reason) for i, r in enumerate(report.removed)],
    )
    conn.executemany(
        "INSERT INTO sentences (doc_id, idx, start_off, end_off) VALUES (?, ?, ?, ?)",
        [(doc_id, i, s.start, s.end) for i, s in enumerate(report.sentences)],
    )
    conn.executemany(
        "INSERT INTO entities (doc_id, idx, start_off, end_off, text, label)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(doc_id, i, e.start, e.end, e.text, e.label) for i, e in enumerate(report.entities)],
    )
    _insert_places(conn, doc_id, report.places)
    conn.executemany(
        "INSERT INTO times (doc_id, idx, start_off, end_off, text, type, value, begin_date,"
        " finish_date, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc_id, i, t.start, t.end, t.text, t.type, t.value, t.begin, t.finish, t.anchor)
            for i, t in enumerate(report.times)
        ],
    )
    _insert_claims(conn, report)
    _insert_events(conn, report)
    _insert_links(conn, report)


def _stamp(stamp: Timestamp | None) -> tuple[str | None, str | None]:
    return (stamp.value, dumps(stamp)) if stamp else (None, None)


def _insert_document(conn: sqlite3.Connection, report: Report) -> None:
    doc = report.document
    # seq = ingestion order; ledger event ids derive from the first-stored report.
    seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0]
    conn.execute(
        "INSERT INTO documents (id, seq, title, outlet, url, language, raw_format, published,"
        " published_json, updated, updated_json, source_path, raw_text, text, meta, warnings,"
        " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc.id, seq, doc.title, doc.outlet, doc.url, doc.language, doc.raw_format,
            *_stamp(doc.published), *_stamp(doc.updated), doc.source_path, doc.text,
            report.text, dumps(doc.meta), dumps(report.warnings), now_iso(),
        ),
    )  # fmt: skip


def _insert_places(conn: sqlite3.Connection, doc_id: str, places: Iterable[Place]) -> None:
    conn.executemany(
        "INSERT INTO places (doc_id, idx, start_off, end_off, text, geonameid, name, lat, lon,"
        " feature, country_code, country, admin1, admin2, population, confidence, alternatives)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                doc_id, i, p.start, p.end, p.text, p.geonameid, p.name, p.lat, p.lon, p.feature,
                p.country_code.upper(), p.country, p.admin1, p.admin2, p.population,
                p.confidence, dumps(p.alternatives),
            )
            for i, p in enumerate(places)
        ],
    )  # fmt: skip


def _insert_claims(conn: sqlite3.Connection, report: Report) -> None:
    conn.executemany(
        "INSERT INTO claims (doc_id, claim_id, idx, content_start, content_end, content, stance,"
        " source, source_start, source_end, source_text, cue, cue_start, cue_end, chain, side,"
        " stance_cue, sentence, narration, event_ids)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                report.document.id, c.id, i, c.content_start, c.content_end, c.content, c.stance,
                c.source, c.source_start, c.source_end, c.source_text, c.cue, c.cue_start,
                c.cue_end, dumps(c.chain), c.side, c.stance_cue, c.sentence, int(c.narration),
                dumps(c.event_ids),
            )
            for i, c in enumerate(report.claims)
        ],
    )  # fmt: skip


def _event_row(doc_id: str, i: int, e: Event) -> tuple[Any, ...]:
    p = e.place or Place(start=0, end=0, text="")
    actors = {
        "actor1": e.actor1, "assoc_actor_1": e.assoc_actor_1,
        "actor2": e.actor2, "assoc_actor_2": e.assoc_actor_2,
    }  # fmt: skip
    return (
        doc_id, e.id, i, e.event_type, e.sub_event_type, e.disorder_type, e.plover, e.start,
        e.end, e.trigger, e.trigger_start, e.trigger_end,
        e.actor1.name if e.actor1 else "", e.actor1.inter if e.actor1 else 0,
        e.actor2.name if e.actor2 else "", e.actor2.inter if e.actor2 else 0,
        dumps(actors), int(e.civilian_targeting), dumps(e.place) if e.place else None,
        p.name or p.text, p.lat, p.lon, p.geonameid, p.feature, p.country_code.upper(),
        p.country, p.admin1, p.admin2, e.geo_precision, e.where_prec, e.date_start, e.date_end,
        e.time_precision, e.date_prec, e.date_text, int(e.fatalities or 0), e.fatalities_text,
        e.fatalities_start, e.fatalities_end, dumps(e.quantities), int(e.background),
        dumps(e.claim_ids), e.confidence, e.model,
    )  # fmt: skip


def _insert_events(conn: sqlite3.Connection, report: Report) -> None:
    columns = (
        "doc_id, event_id, idx, event_type, sub_event_type, disorder_type, plover, start_off,"
        " end_off, event_trigger, trigger_start, trigger_end, actor1, inter1, actor2, inter2,"
        " actors_json, civilian_targeting, place_json, location, lat, lon, geonameid, feature,"
        " country_code, country, admin1, admin2, geo_precision, where_prec, date_start,"
        " date_end, time_precision, date_prec, date_text, fatalities, fatalities_text,"
        " fatalities_start, fatalities_end, quantities, background, claim_ids, confidence, model"
    )
    marks = ", ".join("?" * (columns.count(",") + 1))
    conn.executemany(
        f"INSERT INTO event_reports ({columns}) VALUES ({marks})",
        [_event_row(report.document.id, i, e) for i, e in enumerate(report.events)],
    )


def claim_links(report: Report) -> list[tuple[str, str, str]]:
    """(claim id, event id, via) for every claim that speaks about an event of the report.

    Explicit links from either side win ("claim", "event"). A claim with none is linked to
    the events whose span it overlaps ("span"), else to the document's only current
    (non-background) event ("sole-event"): most reports tell one incident, and a denial is
    often a separate paragraph. With several current events, it goes to the one whose
    words it shares most, if it shares at least two ("topic").
    """
    events = {e.id: e for e in report.events}
    links: dict[tuple[str, str], str] = {}
    for claim in report.claims:
        for event_id in claim.event_ids:
            if event_id in events:
                links[(claim.id, event_id)] = "claim"
    claim_ids = {c.id for c in report.claims}
    for event in report.events:
        for claim_id in event.claim_ids:
            if claim_id in claim_ids:
                links.setdefault((claim_id, event.id), "event")
    linked = {claim_id for claim_id, _ in links}
    current = [e for e in report.events if not e.background]
    for claim in report.claims:
        if claim.id not in linked:
            for event_id, via in _infer(report, claim, current):
                links[(claim.id, event_id)] = via
    return [(c, e, via) for (c, e), via in links.items()]


def _infer(report: Report, claim: Claim, current: list[Event]) -> list[tuple[str, str]]:
    """Events an unlinked claim is about, with how that was decided."""
    hits = [
        e.id for e in report.events if claim.content_start < e.end and e.start < claim.content_end
    ]
    if hits:
        return [(event_id, "span") for event_id in hits]
    if len(current) == 1:
        return [(current[0].id, "sole-event")]
    words = content_keys(claim.content)
    scored = [(len(words & content_keys(report.text[e.start : e.end])), e.id) for e in current]
    best = max(scored, default=(0, ""))
    return [(best[1], "topic")] if best[0] >= 2 else []


def _insert_links(conn: sqlite3.Connection, report: Report) -> None:
    conn.executemany(
        "INSERT INTO claim_events (doc_id, claim_id, event_id, via) VALUES (?, ?, ?, ?)",
        [(report.document.id, c, e, via) for c, e, via in claim_links(report)],
    )
