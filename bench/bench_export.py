"""Benchmark of the exporters: events/s per format on a merged ledger, and peak memory.

.venv/bin/python -m bench.bench_export [REPORTS]     # default 5,000 reports

The ledger is built from hand-made synthetic reports (frontwire.store.synthetic), so this
times the exporters, not the analysis stages.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
from pathlib import Path

from bench.common import peak_memory_mb
from frontwire.export import EXPORTERS, export
from frontwire.ledger import Ledger
from frontwire.store.synthetic import synthetic_report


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Export every event of a ledger built from ``REPORTS`` reports in each format."""
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 5000
    rng = random.Random(11)
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "bench.db") as ledger:
        for i in range(n):
            ledger.add_report(synthetic_report(i, rng))
        events = ledger.merge()["events"]
        for fmt in sorted(EXPORTERS):
            start = time.perf_counter()
            written = export(ledger, fmt, io.StringIO())
            rate = written / (time.perf_counter() - start)
            result[f"{fmt}_events_per_s"] = round(rate, 1)
            print(f"export {fmt:<12} {written:>6} events  {rate:>9.1f} events/s"
                  f"  peak {peak_memory_mb():.0f} MB", flush=True)
    result["events"] = events
    return result


if __name__ == "__main__":
    main()
