"""API benchmark: filtered /api/events on a ledger of 100,000 events (issue 7: < 200 ms).

    .venv/bin/python -m bench.bench_api                  # 100,000 events
    .venv/bin/python -m bench.bench_api --events 20000

The ledger is built like bench.bench_store's (hand-built reports merged, then grown by
copying merged events), a few review decisions are added so the overlay path runs,
and each query goes through the whole ASGI app (routing, validation, review overlay,
JSON) with the in-process test client.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_store import grow, write_and_merge
from bench.common import peak_memory_mb

QUERIES: list[dict[str, Any]] = [
    {},
    {"country": "Ukraine", "date_from": "2024-03-01", "date_to": "2024-03-31"},
    {"bbox": "30,44,40,52.5", "date_from": "2024-06-01"},
    {"event_type": "Battles"},
    {"actor": "forces of sudan"},
    {"text": "omdurman"},
    {"stance": "denies"},
    {"contradicted": "true", "date_from": "2023-01-01"},
    {"event_type": "Battles", "limit": 5000, "view": "compact"},  # what the page asks for
]


def _review_some(client: Any, token: str) -> None:
    """Correct, confirm and merge a few events so reads pay for the overlay."""
    auth = {"Authorization": f"Bearer {token}"}
    ids = [e["id"] for e in client.get("/api/events", params={"limit": 6}).json()["events"]]
    client.post(f"/api/events/{ids[0]}/correct", json={"fields": {"fatalities": 1}}, headers=auth)
    client.post(f"/api/events/{ids[1]}/confirm", json={}, headers=auth)
    client.post(f"/api/events/{ids[2]}/merge", json={"into": ids[3]}, headers=auth)


def measure(client: Any, repeat: int = 5) -> dict[str, float]:
    timings = []
    for params in QUERIES:
        params = {"limit": 100, **params}
        runs, n = [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            resp = client.get("/api/events", params=params)
            runs.append((time.perf_counter() - start) * 1000)
            resp.raise_for_status()
            n = len(resp.json()["events"])
        timings.append(statistics.median(runs))
        print(f"  {statistics.median(runs):7.1f} ms  {n:5d} events  GET /api/events {params}")
    one = client.get("/api/events", params={"limit": 1}).json()["events"][0]["id"]
    start = time.perf_counter()
    client.get(f"/api/events/{one}").raise_for_status()
    detail = (time.perf_counter() - start) * 1000
    return {"median_ms": statistics.median(timings), "max_ms": max(timings), "event_ms": detail}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="bench.bench_api", description=__doc__)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args(argv if argv is not None else [])

    from fastapi.testclient import TestClient

    from frontwire.api import create_app
    from frontwire.api.auth import create_token

    with tempfile.TemporaryDirectory(prefix="fw-bench-api-") as folder:
        path = Path(folder) / "ledger.db"
        write_and_merge(path, args.reports)
        total = grow(path, args.events)
        token = create_token(path, "bench")
        with TestClient(create_app(path)) as client:
            _review_some(client, token)
            print(f"api: ledger of {total} events, 3 reviewed", flush=True)
            result = measure(client)
    print(
        f"api: filtered GET /api/events median {result['median_ms']:.1f} ms, worst"
        f" {result['max_ms']:.1f} ms (target < 200 ms); GET /api/events/<id>"
        f" {result['event_ms']:.1f} ms; peak {peak_memory_mb():.0f} MB",
        flush=True,
    )
    return result


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
