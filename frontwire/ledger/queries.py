"""Read side of the ledger: plain functions from a connection to JSON-ready dicts.

These are the machine values; :class:`~frontwire.ledger.Ledger` applies the review
overlay on top (ledger/reviewed.py) and filters with ledger/filters.py. Every value is
a JSON type and every span keeps its offsets into the document's cleaned text.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

_EVENT_JSON = ("actors", "stance_summary", "fatality_figures", "source_stances",
               "origins_by_stance")
_EVENT_BOOL = ("contradicted", "civilian_targeting", "background")
_HIDDEN = ("fingerprint",)


def event_dict(row: sqlite3.Row) -> dict[str, Any]:
    """A ledger event row as the API shows it (JSON parsed, flags as bools)."""
    event = {k: row[k] for k in row.keys() if k not in _HIDDEN}
    for key in _EVENT_JSON:
        event[key] = json.loads(event[key])
    for key in _EVENT_BOOL:
        event[key] = bool(event[key])
    # ACLED's column names, which exporters and the CLI use.
    event["latitude"], event["longitude"] = event["lat"], event["lon"]
    return event


def _sentence_text(conn: sqlite3.Connection, doc_id: str, index: int, text: str,
                   start: int, end: int) -> str:  # fmt: skip
    row = conn.execute(
        "SELECT start_off, end_off FROM sentences WHERE doc_id = ? AND idx = ?", (doc_id, index)
    ).fetchone()
    if row and row[0] <= start < row[1]:
        return text[row[0] : row[1]]
    # No stored sentences (or a stale index): widen the content to the nearest full stops.
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min(p for p in (text.find(". ", end), text.find("\n", end), len(text)) if p >= 0)
    return text[left : right + 1].strip()


def claim_dict(conn: sqlite3.Connection, row: sqlite3.Row, text: str) -> dict[str, Any]:
    return {
        "doc_id": row["doc_id"], "id": row["claim_id"], "stance": row["stance"],
        "source": row["source"], "source_text": row["source_text"],
        "source_start": row["source_start"], "source_end": row["source_end"],
        "cue": row["cue"], "cue_start": row["cue_start"], "cue_end": row["cue_end"],
        "chain": json.loads(row["chain"]), "side": row["side"],
        "stance_cue": row["stance_cue"], "narration": bool(row["narration"]),
        "content": row["content"], "content_start": row["content_start"],
        "content_end": row["content_end"], "sentence": row["sentence"],
        "sentence_text": _sentence_text(conn, row["doc_id"], row["sentence"], text,
                                        row["content_start"], row["content_end"]),
        "event_ids": json.loads(row["event_ids"]),
        **({"via": row["via"]} if "via" in row.keys() else {}),
    }  # fmt: skip


def _times(conn: sqlite3.Connection, doc_id: str, start: int, end: int,
           date_text: str) -> list[dict[str, Any]]:  # fmt: skip
    rows = conn.execute(
        "SELECT * FROM times WHERE doc_id = ? AND ((start_off < ? AND end_off > ?) OR text = ?)"
        " ORDER BY idx",
        (doc_id, end, start, date_text or "\0"),
    )
    return [_span_row(r) for r in rows]


def _span_row(row: sqlite3.Row) -> dict[str, Any]:
    """A row of places/times/entities with start/end named as in the model."""
    out = {k: row[k] for k in row.keys() if k not in ("start_off", "end_off")}
    out["start"], out["end"] = row["start_off"], row["end_off"]
    if "alternatives" in out:
        out["alternatives"] = json.loads(out["alternatives"])
    return out


def event_report_dict(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    """One event report with its document, span text, place, times and claims."""
    text = row["doc_text"]
    report = {
        "doc_id": row["doc_id"], "event_id": row["event_id"], "outlet": row["outlet"],
        "url": row["url"], "title": row["title"], "published": row["published"],
        "start": row["start_off"], "end": row["end_off"],
        "text": text[row["start_off"] : row["end_off"]],
        "event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
        "trigger": row["event_trigger"], "trigger_start": row["trigger_start"],
        "trigger_end": row["trigger_end"], "actors": json.loads(row["actors_json"]),
        "place": json.loads(row["place_json"]) if row["place_json"] else None,
        "geo_precision": row["geo_precision"], "date_start": row["date_start"],
        "date_end": row["date_end"], "time_precision": row["time_precision"],
        "date_text": row["date_text"], "fatalities": row["fatalities"],
        "fatalities_text": row["fatalities_text"], "fatalities_start": row["fatalities_start"],
        "fatalities_end": row["fatalities_end"], "background": bool(row["background"]),
        "confidence": row["confidence"], "model": row["model"],
        "times": _times(conn, row["doc_id"], row["start_off"], row["end_off"], row["date_text"]),
    }  # fmt: skip
    claims = conn.execute(
        "SELECT c.*, ce.via FROM claim_events ce JOIN claims c ON c.doc_id = ce.doc_id"
        " AND c.claim_id = ce.claim_id WHERE ce.doc_id = ? AND ce.event_id = ? ORDER BY c.idx",
        (row["doc_id"], row["event_id"]),
    )
    report["claims"] = [claim_dict(conn, c, text) for c in claims]
    return report


_REPORT_SQL = (
    "SELECT er.*, d.outlet, d.url, d.title, d.published, d.text AS doc_text"
    " FROM ledger_event_reports ler JOIN event_reports er ON er.doc_id = ler.doc_id"
    " AND er.event_id = ler.event_id JOIN documents d ON d.id = er.doc_id"
    " WHERE ler.ledger_event_id = ? ORDER BY d.seq, er.idx"
)


def disputes_by_kind(contradictions: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The contradictions grouped by what they are about (occurred, responsibility,
    target, outcome, toll), each with its two sides: who says what.

    contradictions (list[dict]): the event's contradictions, as ``get_event`` lists them.
    RETURNS (dict[str, list[dict]]): kind -> [{"reason", "sides": [side_a, side_b]}].
    """
    grouped: dict[str, list[dict[str, Any]]] = {}
    for rel in contradictions:
        sides = [{"claim": rel[k], "source": rel[f"{k}_source"], "stance": rel[f"{k}_stance"]}
                 for k in ("a", "b")]  # fmt: skip
        grouped.setdefault(rel["kind"] or "other", []).append(
            {"reason": rel["reason"], "sides": sides})
    return grouped


def get_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM ledger_events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    event = event_dict(row)
    event["reports"] = [event_report_dict(conn, r) for r in conn.execute(_REPORT_SQL, (event_id,))]
    claims = {(c["doc_id"], c["id"]): c for r in event["reports"] for c in r["claims"]}
    relations = []
    for rel in conn.execute(
        "SELECT * FROM claim_relations WHERE ledger_event_id = ? ORDER BY relation, doc_a, claim_a",
        (event_id,),
    ):
        a = claims.get((rel["doc_a"], rel["claim_a"]))
        b = claims.get((rel["doc_b"], rel["claim_b"]))
        relations.append({
            "relation": rel["relation"], "reason": rel["reason"], "kind": rel["kind"],
            "a": f"{rel['doc_a']}:{rel['claim_a']}", "b": f"{rel['doc_b']}:{rel['claim_b']}",
            "a_source": a["source"] if a else "", "b_source": b["source"] if b else "",
            "a_stance": a["stance"] if a else "", "b_stance": b["stance"] if b else "",
        })  # fmt: skip
    event["relations"] = relations
    event["contradictions"] = [r for r in relations if r["relation"] == "contradicts"]
    event["corroborations"] = [r for r in relations if r["relation"] == "corroborates"]
    event["disputes"] = disputes_by_kind(event["contradictions"])
    event["places"] = [r["place"] for r in event["reports"] if r["place"]]
    event["times"] = [t for r in event["reports"] for t in r["times"]]
    return event


def list_documents(conn: sqlite3.Connection, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:  # noqa: E501
    rows = conn.execute(
        "SELECT d.id, d.seq, d.title, d.outlet, d.url, d.language, d.raw_format, d.published,"
        " d.updated, d.source_path, d.added_at,"
        " (SELECT count(*) FROM event_reports er WHERE er.doc_id = d.id) AS n_events,"
        " (SELECT count(*) FROM claims c WHERE c.doc_id = d.id) AS n_claims"
        " FROM documents d ORDER BY d.seq LIMIT ? OFFSET ?",
        (int(limit), int(offset)),
    )
    return [dict(row) for row in rows]


def get_document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    doc = dict(row)
    for key in ("published_json", "updated_json"):
        value = doc.pop(key)
        doc[key.removesuffix("_json") + "_stamp"] = json.loads(value) if value else None
    doc["meta"], doc["warnings"] = json.loads(doc["meta"]), json.loads(doc["warnings"])

    def rows(table: str) -> list[sqlite3.Row]:
        sql = f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY idx"  # noqa: S608 - fixed names
        return conn.execute(sql, (doc_id,)).fetchall()

    doc["removed"] = [{k: r[k] for k in ("line_no", "text", "reason")} for r in rows("removed_lines")]  # noqa: E501
    doc["sentences"] = [{"start": r["start_off"], "end": r["end_off"]} for r in rows("sentences")]
    doc["entities"] = [_span_row(r) for r in rows("entities")]
    doc["places"] = [_span_row(r) for r in rows("places")]
    doc["times"] = [_span_row(r) for r in rows("times")]
    doc["claims"] = [claim_dict(conn, r, doc["text"]) for r in rows("claims")]
    doc["events"] = [_document_event(conn, r) for r in rows("event_reports")]
    return doc


def _document_event(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    ledger = conn.execute(
        "SELECT ledger_event_id FROM ledger_event_reports WHERE doc_id = ? AND event_id = ?",
        (row["doc_id"], row["event_id"]),
    ).fetchone()
    out = {k: row[k] for k in row.keys() if k not in ("actors_json", "place_json")}
    out["start"], out["end"] = out.pop("start_off"), out.pop("end_off")
    out["trigger"] = out.pop("event_trigger")
    out["actors"] = json.loads(row["actors_json"])
    out["place"] = json.loads(row["place_json"]) if row["place_json"] else None
    for key in ("quantities", "claim_ids"):
        out[key] = json.loads(out[key])
    out["background"], out["civilian_targeting"] = bool(out["background"]), bool(out["civilian_targeting"])  # noqa: E501
    out["ledger_event_id"] = ledger[0] if ledger else None
    return out


def list_places(conn: sqlite3.Connection, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:  # noqa: E501
    rows = conn.execute(
        "SELECT geonameid, min(name) AS name, min(lat) AS lat, min(lon) AS lon,"
        " min(feature) AS feature, min(country_code) AS country_code, min(country) AS country,"
        " min(admin1) AS admin1, min(admin2) AS admin2, count(*) AS mentions,"
        " count(DISTINCT doc_id) AS documents,"
        " (SELECT count(*) FROM ledger_events le WHERE le.geonameid = p.geonameid) AS events"
        " FROM places p WHERE geonameid IS NOT NULL GROUP BY geonameid"
        " ORDER BY mentions DESC, name LIMIT ? OFFSET ?",
        (int(limit), int(offset)),
    )
    return [dict(row) for row in rows]


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    def one(sql: str) -> Any:
        return conn.execute(sql).fetchone()[0]

    span = conn.execute("SELECT min(date_start), max(coalesce(date_end, date_start))"
                        " FROM ledger_events").fetchone()  # fmt: skip
    merged = conn.execute("SELECT value FROM ledger_meta WHERE key = 'merged_at'").fetchone()
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "events": one("SELECT count(*) FROM ledger_events"),
        "event_reports": one("SELECT count(*) FROM event_reports"),
        "claims": one("SELECT count(*) FROM claims"),
        "contradictions": one("SELECT count(*) FROM claim_relations WHERE relation = 'contradicts'"),  # noqa: E501
        "contradicted_events": one("SELECT count(*) FROM ledger_events WHERE contradicted = 1"),
        "corroborations": one("SELECT count(*) FROM claim_relations WHERE relation = 'corroborates'"),  # noqa: E501
        "places": one("SELECT count(DISTINCT geonameid) FROM places WHERE geonameid IS NOT NULL"),
        "by_event_type": dict(conn.execute(
            "SELECT event_type, count(*) FROM ledger_events GROUP BY event_type ORDER BY 2 DESC"
        ).fetchall()),
        "by_country": dict(conn.execute(
            "SELECT country, count(*) FROM ledger_events GROUP BY country ORDER BY 2 DESC"
        ).fetchall()),
        "date_range": {"from": span[0], "to": span[1]},
        "merged_at": merged[0] if merged else None,
        "unmerged_reports": one(
            "SELECT count(*) FROM event_reports er WHERE NOT EXISTS (SELECT 1 FROM"
            " ledger_event_reports l WHERE l.doc_id = er.doc_id AND l.event_id = er.event_id)"
        ),
    }  # fmt: skip
