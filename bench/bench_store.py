"""Store benchmark: write N hand-built reports, merge, and time filtered queries.

    .venv/bin/python -m bench.bench_store                # 5,000 reports, 100,000-event ledger
    .venv/bin/python -m bench.bench_store --reports 1000 --events 0

Issue 7's target: a filtered event query under 200 ms on a 100,000-event ledger. That
ledger is grown by copying merged events with shifted dates and coordinates (running
the merge on 100,000 reports would measure the merge, not the queries).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.common import peak_memory_mb
from frontwire.ledger import Ledger
from frontwire.store.synthetic import synthetic_report

QUERIES: list[dict[str, Any]] = [
    {},
    {"country": "Ukraine", "date_from": "2024-03-01", "date_to": "2024-03-31"},
    {"admin1": "Kursk"},
    {"bbox": (30.0, 44.0, 40.0, 52.5), "date_from": "2024-06-01"},
    {"event_type": "Battles", "country": "SD"},
    {"actor": "forces of sudan"},
    {"text": "omdurman"},
    {"stance": "asserts", "contradicted": True},
    # Worst cases: filters that match nothing cannot stop early.
    {"bbox": (10.0, 0.0, 10.5, 0.5)},
    {"text": "no such words"},
    {"stance": "denies"},
    {"actor": "no such actor"},
]


def write_and_merge(path: Path, n: int) -> dict[str, float]:
    rng = random.Random(7)
    reports = [synthetic_report(i, rng) for i in range(n)]
    with Ledger(path) as ledger:
        start = time.perf_counter()
        for report in reports:
            ledger.add_report(report)
        wrote = time.perf_counter() - start
        merged = ledger.merge()
        # An ingest of 50 more reports, as the API does per request: a local re-merge.
        for i in range(n, n + 50):
            ledger.add_report(synthetic_report(i, rng))
        again = ledger.merge()
    result = {"reports": n, "write_s": wrote, "reports_per_s": n / wrote,
              "merge_s": merged["seconds"], "events": merged["events"],
              "incremental_merge_s": again["seconds"]}  # fmt: skip
    print(
        f"store: wrote {n} reports in {wrote:.2f} s ({result['reports_per_s']:.0f} reports/s);"
        f" merge {merged['seconds']:.2f} s -> {merged['events']} events,"
        f" {merged['contradicted']} contradicted; +50 reports re-merged in"
        f" {again['seconds']:.2f} s ({again['rebuilt_events']} events rebuilt);"
        f" peak {peak_memory_mb():.0f} MB",
        flush=True,
    )
    return result


def grow(path: Path, target: int) -> int:
    """Copy merged events (with their actors and stances) until the ledger holds ``target``."""
    with Ledger(path) as ledger:
        conn = ledger.conn
        base = [dict(r) for r in conn.execute("SELECT * FROM ledger_events")]
        actors = {}
        sql = "SELECT ledger_event_id, actor, actor_key FROM ledger_event_actors"
        for row in conn.execute(sql):
            actors.setdefault(row[0], []).append((row[1], row[2]))
        stances = {}
        for row in conn.execute("SELECT ledger_event_id, stance, n FROM ledger_event_stances"):
            stances.setdefault(row[0], []).append((row[1], row[2]))
        texts = dict(conn.execute("SELECT ledger_event_id, text FROM ledger_event_text"))
        rng = random.Random(11)
        conn.execute("BEGIN")
        have = len(base)
        for i in range(have, target):
            row = dict(rng.choice(base))
            source = row["id"]
            row["id"] = f"FW-bench{i:08d}"
            day = date(2022, 1, 1) + timedelta(days=rng.randrange(1095))
            row["date_start"] = row["date_end"] = day.isoformat()
            row["lat"] += rng.uniform(-0.5, 0.5)
            row["lon"] += rng.uniform(-0.5, 0.5)
            conn.execute(
                f"INSERT INTO ledger_events ({', '.join(row)})"
                f" VALUES ({', '.join(':' + k for k in row)})",
                row,
            )
            conn.execute("INSERT INTO ledger_event_text VALUES (?, ?)", (row["id"], texts[source]))
            conn.executemany("INSERT INTO ledger_event_actors VALUES (?, ?, ?)",
                             [(row["id"], *a) for a in actors.get(source, [])])  # fmt: skip
            conn.executemany("INSERT INTO ledger_event_stances VALUES (?, ?, ?)",
                             [(row["id"], *s) for s in stances.get(source, [])])  # fmt: skip
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        return int(conn.execute("SELECT count(*) FROM ledger_events").fetchone()[0])


def query_latency(path: Path, repeat: int = 5) -> dict[str, float]:
    with Ledger(path) as ledger:
        timings = []
        for filters in QUERIES:
            runs = []
            for _ in range(repeat):
                start = time.perf_counter()
                ledger.events(limit=100, **filters)
                runs.append((time.perf_counter() - start) * 1000)
            timings.append(statistics.median(runs))
            print(f"  {statistics.median(runs):7.1f} ms  events(limit=100, {filters})", flush=True)
        one = ledger.events(limit=1)[0]["id"]
        start = time.perf_counter()
        ledger.event(one)
        detail = (time.perf_counter() - start) * 1000
    result = {"median_ms": statistics.median(timings), "max_ms": max(timings), "event_ms": detail}
    print(
        f"store: filtered query median {result['median_ms']:.1f} ms, worst {result['max_ms']:.1f}"
        f" ms (target < 200 ms); event() {detail:.1f} ms",
        flush=True,
    )
    return result


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="bench.bench_store", description=__doc__)
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--events", type=int, default=100_000, help="0 skips the query bench")
    args = parser.parse_args(argv if argv is not None else [])
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as folder:
        path = Path(folder) / "ledger.db"
        result: dict[str, Any] = write_and_merge(path, args.reports)
        if args.events:
            total = grow(path, args.events)
            print(f"store: query ledger of {total} events", flush=True)
            result |= query_latency(path)
    return result


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
