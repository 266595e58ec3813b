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
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..store import now_iso
from .aggregate import Incident, aggregate
from .merge import Item, cluster, components
from .stored import StoredEvent, load_items, load_reports

_JSON_FIELDS = ("fatality_figures", "stance_summary", "source_stances", "origins_by_stance")


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
        " relation, reason, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        _relation_rows(ledger_id, incident.relations),
    )


def _relation_rows(ledger_id: str, relations: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """One row per claim pair of an event (the first judgement wins): a pair found twice,
    e.g. by the claims and again by the coded tolls, is not a key collision.

    relations: (doc_a, claim_a, doc_b, claim_b, relation, reason[, kind]).
    """
    rows: dict[tuple[str, ...], tuple[str, ...]] = {}
    for rel in relations:
        kind = rel[6] if len(rel) > 6 else ""
        rows.setdefault(tuple(rel[:4]), (ledger_id, *rel[:6], kind))
    return list(rows.values())


def _chosen(items: list[Item], merged: dict[tuple[str, str], str]) -> list[Item]:
    """The reports to re-cluster after an ingest.

    Every report connected to a new one through compatible pairs (its component: the
    clustering never joins across components, so the result equals a full re-merge there)
    and all reports of the ledger events those already belong to (an event is rebuilt
    whole or not at all), repeated until nothing more is drawn in. Incidents elsewhere
    keep their events untouched; ``merge(full=True)`` re-clusters everything.
    """
    seeds = {it.key for it in items if it.key not in merged}
    if not seeds:
        return []
    members: dict[str, list[tuple[str, str]]] = {}
    for key, lid in merged.items():
        members.setdefault(lid, []).append(key)
    keys: set[tuple[str, str]] = set()
    while seeds:
        keys |= components(items, seeds)
        stale = {merged[key] for key in keys if key in merged}
        drawn = {key for lid in stale for key in members[lid]}
        seeds = drawn - keys
    return [it for it in items if it.key in keys]


def _delete(conn: sqlite3.Connection, ledger_ids: list[str]) -> None:
    for start in range(0, len(ledger_ids), 500):
        chunk = ledger_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for table in _LEDGER_TABLES:
            column = "id" if table == "ledger_events" else "ledger_event_id"
            conn.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", chunk)  # noqa: S608


def rebuild(conn: sqlite3.Connection, full: bool = False) -> dict[str, Any]:
    """Cluster event reports into ledger events and rewrite the ledger tables.

    full (bool): re-cluster everything. Otherwise only the neighbourhood of the new
        reports is re-clustered (see ``_chosen``), so merging after a small ingest stays
        fast on a big ledger.
    Clustering sees the reports in a small form; full reports and claims are then read a
    batch of incidents at a time. The caller owns the transaction.
    RETURNS (dict): totals (event_reports, events, merged_reports, contradicted,
        relations), what this merge rebuilt, and the seconds it took.
    """
    began = time.perf_counter()
    if not full and not _unmerged(conn):
        return {**_totals(conn), "mode": "incremental", "rebuilt_events": 0,
                "seconds": round(time.perf_counter() - began, 3)}  # fmt: skip
    items = load_items(conn)
    merged = {(d, e): lid for d, e, lid in conn.execute(
        "SELECT doc_id, event_id, ledger_event_id FROM ledger_event_reports")}  # fmt: skip
    chosen = items if full else _chosen(items, merged)
    stale = sorted({merged[it.key] for it in chosen if it.key in merged})
    previous = _fingerprints(conn, stale if not full else None)
    if full:
        for table in _LEDGER_TABLES:
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    else:
        _delete(conn, stale)
    taken = {row[0] for row in conn.execute("SELECT id FROM ledger_events")}
    groups = cluster(chosen)
    ids = assign_ids(groups, merged, taken)
    stamp = now_iso()
    failed: list[str] = []
    for start in range(0, len(groups), BATCH):
        batch = groups[start : start + BATCH]
        stored = load_reports(conn, sorted({item.doc_id for group in batch for item in group}))
        for group, ledger_id in zip(batch, ids[start : start + BATCH], strict=True):
            failed += _write_incident(conn, ledger_id, [stored[it.key] for it in group],
                                      previous, stamp, taken)  # fmt: skip
    conn.execute("DELETE FROM ledger_meta WHERE key = 'merged_at'")
    conn.execute("INSERT INTO ledger_meta (key, value) VALUES ('merged_at', ?)", (stamp,))
    return {
        **_totals(conn),
        "mode": "full" if full else "incremental",
        "rebuilt_events": len(groups),
        "failed": failed,
        "seconds": round(time.perf_counter() - began, 3),
    }


def assign_ids(groups: list[list[Item]], merged: dict[tuple[str, str], str],
               taken: set[str]) -> list[str]:  # fmt: skip
    """A ledger id per cluster: the id of the previous event holding most of its reports
    (so a re-merge, or a report joining, keeps the id reviews are keyed by), else a new
    one from its earliest report. Each previous id goes to one cluster only; ``taken``
    (ids of events kept as they are) is extended with the ids given out."""
    votes = []
    for g, group in enumerate(groups):
        held = Counter(merged[it.key] for it in group if it.key in merged)
        votes += [(-n, lid, g) for lid, n in held.items()]
    chosen: dict[int, str] = {}
    for _, lid, g in sorted(votes):
        if g not in chosen and lid not in taken:
            chosen[g] = lid
            taken.add(lid)
    ids = []
    for g, group in enumerate(groups):
        if g not in chosen:
            chosen[g] = event_id(group[0].key[0], group[0].key[1], taken)
            taken.add(chosen[g])
        ids.append(chosen[g])
    return ids


def _write_incident(
    conn: sqlite3.Connection, ledger_id: str, reports: list[StoredEvent],
    previous: dict[str, str], stamp: str, taken: set[str],
) -> list[str]:  # fmt: skip
    """Aggregate and insert one incident inside a savepoint.

    One incident that cannot be written (a bad row, a collision nobody foresaw) must not
    lose the ledger: it is rolled back and its reports are written as events of their
    own; a report that fails even alone stays unmerged and is named in the result.
    RETURNS (list[str]): "doc_id:event_id: error" for every report left unmerged.
    """
    try:
        _in_savepoint(conn, lambda: _insert(conn, ledger_id, aggregate(reports), previous,
                                            stamp))  # fmt: skip
        return []
    except (sqlite3.DatabaseError, ValueError, TypeError, KeyError) as err:
        if len(reports) == 1:
            return [f"{reports[0].key[0]}:{reports[0].key[1]}: {err}"]
    failed = []
    for i, report in enumerate(reports):
        lid = ledger_id if i == 0 else event_id(report.key[0], report.key[1], taken)
        taken.add(lid)
        failed += _write_incident(conn, lid, [report], previous, stamp, taken)
    return failed


def _in_savepoint(conn: sqlite3.Connection, work: Callable[[], None]) -> None:
    conn.execute("SAVEPOINT incident")
    try:
        work()
    except BaseException:
        conn.execute("ROLLBACK TO incident")
        conn.execute("RELEASE incident")
        raise
    conn.execute("RELEASE incident")


def _fingerprints(conn: sqlite3.Connection, ledger_ids: list[str] | None) -> dict[str, str]:
    """fingerprint -> updated_at of the events about to be rebuilt (all when None)."""
    if ledger_ids is None:
        return dict(conn.execute("SELECT fingerprint, updated_at FROM ledger_events").fetchall())
    out: dict[str, str] = {}
    for start in range(0, len(ledger_ids), 500):
        chunk = ledger_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        out.update(conn.execute(
            f"SELECT fingerprint, updated_at FROM ledger_events WHERE id IN ({marks})", chunk
        ).fetchall())  # fmt: skip
    return out


def _unmerged(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM event_reports er WHERE NOT EXISTS (SELECT 1 FROM ledger_event_reports l"
        " WHERE l.doc_id = er.doc_id AND l.event_id = er.event_id) LIMIT 1"
    ).fetchone() is not None


def _totals(conn: sqlite3.Connection) -> dict[str, int]:
    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    reports, events = one("SELECT count(*) FROM event_reports"), one(
        "SELECT count(*) FROM ledger_events")  # fmt: skip
    return {
        "event_reports": reports,
        "events": events,
        "merged_reports": reports - events,
        "contradicted": one("SELECT count(*) FROM ledger_events WHERE contradicted = 1"),
        "relations": one("SELECT count(*) FROM claim_relations"),
    }
