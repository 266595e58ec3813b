"""``frontwire eval ledger``: the whole pipeline on clustered news, scored against the clusters.

Reads a JSONL file of articles, each with a ``cluster`` label (the format of RUWA's
Event Registry clusters: ``id, cluster, incident, url, outlet, published, title, text``),
ingests it into a ledger (a temporary one unless ``ledger_path`` is given, which then
keeps the analysed reports so a re-run only re-merges), merges it in full and measures:

- coverage: per cluster, the share of its articles that have a report in its largest
  ledger event; the mean over clusters;
- purity: for ledger events built from two or more clustered articles, the share of
  their articles from the event's main cluster (weighted by articles);
- fragments: events holding at least 3 articles of a cluster other than that cluster's
  largest event (0 means each story is one event);
- contradictions per event (median over events with 2+ reports, max over all);
- origins per report: an event's independent origins over its reports (mean, max).

Clusters are a noisy reference (an article also mentions other incidents), so these are
measures of shattering and over-merging, not coreference F1.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import EvalDataError, StoreError
from .metrics import numbered_jsonl

FRAGMENT_MIN = 3


def _documents(path: str | Path, limit: int | None) -> Iterator[tuple[Any, str]]:
    from ..ingest.jsonl import record_document

    for line_no, record in numbered_jsonl(path, limit=limit):
        cluster = record.get("cluster")
        if not isinstance(cluster, str) or not cluster:
            raise EvalDataError(f"{path}:{line_no}: a record needs a 'cluster' string")
        try:
            yield record_document(record, str(path)), cluster
        except ValueError as err:
            raise EvalDataError(f"{path}:{line_no}: {err}") from None


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, kids) / 1024, 1)  # ru_maxrss is in KiB on Linux


def evaluate(
    path: str | Path,
    limit: int | None = None,
    workers: int | None = None,
    ledger_path: str | None = None,
) -> dict[str, Any]:
    """Ingest a clustered news file and score the ledger's events against the clusters.

    path (str | Path): JSONL with ``cluster`` (and ``text``, ``published``...) per line.
    limit (int | None): only the first N records.
    workers (int | None): analysis processes (default: all cores).
    ledger_path (str | None): keep (and reuse) the ledger here instead of a temporary one.
    RETURNS (dict): n_docs, events, seconds, cpu_seconds, articles_per_cpu_second,
        peak_mb, errors, coverage, purity, fragments, contradictions_median,
        contradictions_max, origins_per_report, origins_per_report_max, clusters.
    """
    from ..ledger import Ledger

    with tempfile.TemporaryDirectory(prefix="frontwire-eval-") as tmp:
        db = ledger_path or os.path.join(tmp, "ledger.db")
        began, cpu_began = time.perf_counter(), _cpu_seconds()
        with Ledger(db) as ledger:
            clusters, errors = _ingest(ledger, path, limit, workers or os.cpu_count() or 1)
            merge_began = time.perf_counter()
            try:
                merged = ledger.merge(full=True)
            except StoreError as err:  # reported, not raised: the measure says it aborted
                errors.append(str(err))
                merged = {"events": 0, "event_reports": 0}
            merge_seconds = time.perf_counter() - merge_began
            seconds, cpu = time.perf_counter() - began, _cpu_seconds() - cpu_began
            result = score(ledger.conn, clusters)
    n_docs = len(clusters)
    return {
        "n_docs": n_docs,
        "events": merged["events"],
        "event_reports": merged["event_reports"],
        "seconds": round(seconds, 1),
        "merge_seconds": round(merge_seconds, 2),
        "cpu_seconds": round(cpu, 1),
        "articles_per_cpu_second": round(n_docs / cpu, 2) if cpu else 0.0,
        "peak_mb": _peak_mb(),
        "errors": errors,
        **result,
    }


def _ingest(
    ledger: Any, path: str | Path, limit: int | None, workers: int
) -> tuple[dict[str, str], list[str]]:
    """Analyse and store what the ledger does not hold yet; doc id -> cluster for all."""
    from ..pipeline import Pipeline

    clusters: dict[str, str] = {}
    known = ledger.known_document_ids()
    fresh = []
    for document, cluster in _documents(path, limit):
        if document.id not in clusters and document.id not in known:
            fresh.append(document)
        clusters[document.id] = cluster
    errors: list[str] = []
    if fresh:
        reports = Pipeline().analyse_many(fresh, workers=max(1, min(workers, len(fresh))))
        for report in reports:
            if isinstance(report, Exception):
                errors.append(str(report))
            else:
                ledger.add_report(report)
    return clusters, errors


def score(conn: Any, clusters: dict[str, str]) -> dict[str, Any]:
    """The cluster measures over a merged ledger (see the module docstring)."""
    docs_of: dict[str, set[str]] = defaultdict(set)
    rows = conn.execute("SELECT ledger_event_id, doc_id FROM ledger_event_reports")
    for event_id, doc_id in rows:
        if doc_id in clusters:
            docs_of[event_id].add(doc_id)
    size = Counter(clusters.values())
    per_cluster: dict[str, Counter[str]] = defaultdict(Counter)
    for event_id, docs in docs_of.items():
        for doc_id in docs:
            per_cluster[clusters[doc_id]][event_id] += 1
    coverage, largest, fragments = {}, {}, 0
    for cluster, n in size.items():
        held = per_cluster.get(cluster, Counter())
        if held:
            top, count = held.most_common(1)[0]
            largest[cluster] = top
            coverage[cluster] = count / n
            fragments += sum(1 for e, k in held.items() if k >= FRAGMENT_MIN and e != top)
        else:
            coverage[cluster] = 0.0
    pure = total = 0
    for docs in docs_of.values():
        if len(docs) >= 2:
            pure += Counter(clusters[d] for d in docs).most_common(1)[0][1]
            total += len(docs)
    contradictions = _per_event(conn, "SELECT ledger_event_id, count(*) FROM claim_relations"
                                " WHERE relation = 'contradicts' GROUP BY ledger_event_id")
    events = _events(conn)
    multi = [e for e in events.values() if e["n_reports"] >= 2]
    ratios = [e["origins"] / e["n_reports"] for e in events.values() if e["n_reports"]]
    return {
        "coverage": round(statistics.fmean(coverage.values()), 3) if coverage else 0.0,
        "purity": round(pure / total, 3) if total else 1.0,
        "fragments": fragments,
        "contradictions_median": statistics.median(
            [contradictions.get(e["id"], 0) for e in multi]) if multi else 0,
        "contradictions_max": max(contradictions.values(), default=0),
        "origins_per_report": round(statistics.fmean(ratios), 2) if ratios else 0.0,
        "origins_per_report_max": round(max(ratios), 2) if ratios else 0.0,
        "clusters": {
            c: {"articles": size[c], "coverage": round(coverage[c], 3),
                "event": _summary(events.get(largest.get(c, ""), {}),
                                  contradictions.get(largest.get(c, ""), 0))}
            for c in sorted(size)
        },
    }  # fmt: skip


def _per_event(conn: Any, sql: str) -> dict[str, int]:
    return {row[0]: int(row[1]) for row in conn.execute(sql)}


def _events(conn: Any) -> dict[str, dict[str, Any]]:
    out = {}
    for row in conn.execute(
        "SELECT id, date_start, date_end, location, admin1, lat, lon, event_type,"
        " sub_event_type, fatalities, contradicted, n_reports, origins_by_stance FROM ledger_events"
    ):
        by_stance = json.loads(row[12] or "{}")
        origins = {name.casefold() for names in by_stance.values() for name in names}
        out[row[0]] = {
            "id": row[0], "date": row[1], "date_end": row[2], "location": row[3],
            "admin1": row[4], "lat": row[5], "lon": row[6], "type": row[8] or row[7],
            "fatalities": row[9], "contradicted": bool(row[10]), "n_reports": row[11],
            "origins": len(origins),
        }  # fmt: skip
    return out


def _summary(event: dict[str, Any], contradictions: int) -> dict[str, Any]:
    if not event:
        return {}
    keep = ("id", "date", "date_end", "location", "admin1", "lat", "lon", "type",
            "fatalities", "contradicted", "n_reports", "origins")  # fmt: skip
    return {**{k: event[k] for k in keep}, "contradictions": contradictions}


def format_report(result: dict[str, Any]) -> str:
    """The readable report: totals, the cluster measures, then each cluster's largest event."""
    lines = [
        f"documents {result['n_docs']}  events {result['events']}  event reports "
        f"{result['event_reports']}  errors {len(result['errors'])}",
        f"seconds {result['seconds']} (merge {result['merge_seconds']})  cpu seconds "
        f"{result['cpu_seconds']}  articles per cpu-second {result['articles_per_cpu_second']}"
        f"  peak {result['peak_mb']} MB",
        f"coverage {result['coverage']}  purity {result['purity']}  fragments "
        f"{result['fragments']}",
        f"contradictions per event: median {result['contradictions_median']}, max "
        f"{result['contradictions_max']}",
        f"origins per report: mean {result['origins_per_report']}, max "
        f"{result['origins_per_report_max']}",
        "",
        f"{'cluster':<14} {'arts':>5} {'cover':>6}  largest event",
    ]
    for cluster, row in result["clusters"].items():
        e = row["event"]
        where = f"{e.get('location', '')} ({e.get('admin1', '')})" if e else "-"
        what = "-"
        if e:
            what = (f"{e['date']} {e['type']} {where} dead={e['fatalities']} "
                    f"disputed={int(e['contradicted'])} reports={e['n_reports']}")
        lines.append(f"{cluster:<14} {row['articles']:>5} {row['coverage']:>6.2f}  {what}")
    for error in result["errors"][:10]:
        lines.append(f"error: {error}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - python -m frontwire.eval.ledger FILE
    print(format_report(evaluate(sys.argv[1])))
