"""Merge benchmark: is the ledger merge sub-quadratic in the number of reports?

    .venv/bin/python -m bench.bench_merge                       # 2,000 and 20,000 reports
    .venv/bin/python -m bench.bench_merge --sizes 2000 20000 200000

Each size writes generated reports (overlapping incidents in a year of dates and a few
dozen places) into a fresh ledger and runs a full merge. The ratio column compares the
time per report with the smallest size of the same run: a quadratic merge would grow it
tenfold per tenfold size, a blocked one keeps it near 1.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from bench.common import peak_memory_mb
from frontwire.ledger import Ledger
from frontwire.store.synthetic import synthetic_report


def merge_once(n: int, folder: Path) -> dict[str, float]:
    """Write ``n`` generated reports and time one full merge."""
    rng = random.Random(11)
    with Ledger(folder / f"merge-{n}.db") as ledger:
        for i in range(n):
            ledger.add_report(synthetic_report(i, rng))
        start = time.perf_counter()
        merged = ledger.merge(full=True)
        seconds = time.perf_counter() - start
    return {"reports": n, "merge_s": seconds, "events": merged["events"],
            "reports_per_s": n / seconds if seconds else 0.0}  # fmt: skip


def main(argv: list[str] | None = None) -> list[dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(args.sizes):
            result = merge_once(n, Path(tmp))
            base = results[0] if results else result
            ratio = (result["merge_s"] / n) / (base["merge_s"] / base["reports"])
            print(f"merge: {n:>7} reports -> {result['events']:.0f} events in "
                  f"{result['merge_s']:.2f} s ({result['reports_per_s']:.0f} reports/s); "
                  f"time per report x{ratio:.2f} of {base['reports']:.0f}; "
                  f"peak {peak_memory_mb():.0f} MB", flush=True)
            results.append(result)
    return results


if __name__ == "__main__":
    main()
