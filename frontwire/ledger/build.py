"""Rebuilding the ledger events from the stored event reports (what Ledger.merge runs).

Ledger events hold machine fields only. Review decisions (issue 7) live in ``reviews``
and are to be laid over these fields when read, so a re-merge never overwrites a
reviewer. Ids derive from each incident's earliest stored report, so a re-merge keeps
them; ``updated_at`` only moves when an event's fields change.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from typing import Any

from ..store import now_iso
from .aggregate import Incident, aggregate
from .merge import cluster
from .stored import load_items, load_reports

_JSON_FIELDS = ("fatality_figures", "stance_summary", "source_stances")


def event_id(doc_id: str, event_index: str, taken: set[str]) -> str:
    """Stable id from the earliest report; a longer digest on the rare 32-bit collision."""
    digest = hashlib.sha1(f"{doc_id}:{event_index}".encode()).hexdigest()
    for size in (8, 12, 40):
        candidate = f"FW-{digest[:size]}"
        if candidate not in taken:
            return candidate
    raise RuntimeError(f"duplicate event report {doc_id}:{event_index}")


def _fingerprint(fields: dict[str, Any], reports: list[tuple[str, str]]) -> str:
    text = json.dumps([fields, sorted(reports)], sort_keys=True, default=str)
    return hashlib.sha1(text.encode()).hexdigest()


def _row(fields: dict[str, Any]) -> dict[str, Any]:
    row = dict(fields)
    for key in _JSON_FIELDS:
        row[key] = json.dumps(row[key], ensure_ascii=False, sort_keys=True)
    row["actors"] = json.dumps(row.pop("actors_list"), ensure_ascii=False)
    return row


_LEDGER_TABLES = ("claim_relations", "ledger_event_stances", "ledger_event_actors",
                  "ledger_event_text", "ledger_event_reports", "ledger_events")  # fmt: skip
BATCH = 1000  # incidents aggregated per round: memory stays flat on big ledgers


def _insert(conn: sqlite3.Connection, ledger_id: str, incident: Incident,
            previous: dict[str, str], stamp: str) -> None:  # fmt: skip
    row = _row({**incident.fields, "actors_list": incident.actors})
    search_text = row.pop("search_text")
    row["id"] = ledger_id
    row["fingerprint"] = _fingerprint(row, incident.reports)
    row["updated_at"] = previous.get(row["fingerprint"], stamp)
    names = ", ".join(row)
    marks = ", ".join(f":{k}" for k in row)
    conn.execute(f"INSERT INTO ledger_events ({names}) VALUES ({marks})", row)
    conn.execute("INSERT INTO ledger_event_text (ledger_event_id, text) VALUES (?, ?)",
                 (ledger_id, search_text))  # fmt: skip
    conn.executemany(
        "INSERT INTO ledger_event_reports (ledger_event_id, doc_id, event_id) VALUES (?, ?, ?)",
        [(ledger_id, doc, ev) for doc, ev in incident.reports],
    )
    conn.executemany(
        "INSERT INTO ledger_event_actors (ledger_event_id, actor, actor_key) VALUES (?, ?, ?)",
        [(ledger_id, a, a.casefold()) for a in dict.fromkeys(incident.actors)],
    )
    conn.executemany(
        "INSERT INTO ledger_event_stances (ledger_event_id, stance, n) VALUES (?, ?, ?)",
        [(ledger_id, s, n) for s, n in incident.stances.items()],
    )
    conn.executemany(
        "INSERT INTO claim_relations (ledger_event_id, doc_a, claim_a, doc_b, claim_b,"
        " relation, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(ledger_id, *rel) for rel in incident.relations],
    )


def rebuild(conn: sqlite3.Connection) -> dict[str, Any]:
    """Cluster every event report into ledger events and rewrite the ledger tables.

    Clustering sees every report in a small form; the full reports and claims are then
    read a batch of incidents at a time. The caller owns the transaction (Ledger.merge
    runs this inside one).
    RETURNS (dict): counts of event reports, ledger events, merged reports, contradicted
        events, claim relations, and the seconds it took.
    """
    began = time.perf_counter()
    items = load_items(conn)
    groups = cluster(items)
    previous = dict(conn.execute("SELECT fingerprint, updated_at FROM ledger_events").fetchall())
    for table in _LEDGER_TABLES:
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    stamp = now_iso()
    taken: set[str] = set()
    contradicted = relations = 0
    for start in range(0, len(groups), BATCH):
        batch = groups[start : start + BATCH]
        doc_ids = sorted({item.doc_id for group in batch for item in group})
        stored = load_reports(conn, doc_ids)
        for group in batch:
            ledger_id = event_id(group[0].key[0], group[0].key[1], taken)
            taken.add(ledger_id)
            incident = aggregate([stored[item.key] for item in group])
            _insert(conn, ledger_id, incident, previous, stamp)
            contradicted += incident.fields["contradicted"]
            relations += len(incident.relations)
    conn.execute("DELETE FROM ledger_meta WHERE key = 'merged_at'")
    conn.execute("INSERT INTO ledger_meta (key, value) VALUES ('merged_at', ?)", (stamp,))
    return {
        "event_reports": len(items),
        "events": len(groups),
        "merged_reports": len(items) - len(groups),
        "contradicted": contradicted,
        "relations": relations,
        "seconds": round(time.perf_counter() - began, 3),
    }
