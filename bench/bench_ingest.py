"""Ingest and clean throughput on the examples corpus.

Run: ``.venv/bin/python -m bench.bench_ingest``. Reads every example file
several times (every reader, including trafilatura and feedparser), then cleans
a 2,000-document corpus made from the examples, printing articles/s and peak
memory through :func:`bench.common.measure`.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.common import EXAMPLES, corpus, measure


def _example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and p.name != "README.md")


def main(rounds: int = 20, documents: int = 2000) -> dict[str, dict[str, float]]:
    """Measure reading and cleaning; returns both measurements."""
    from frontwire.clean import Cleaner
    from frontwire.ingest import read_file
    from frontwire.model import Report

    files = _example_files()
    per_round = sum(len(read_file(str(p))) for p in files)  # also warms the imports
    start = time.perf_counter()
    read = measure(f"ingest: files ({per_round} docs)", lambda p: read_file(str(p)),
                   files * rounds)
    elapsed = time.perf_counter() - start
    print(f"{'ingest: documents':<28} {per_round * rounds:>6} articles  "
          f"{per_round * rounds / elapsed:>9.1f} articles/s")
    cleaner = Cleaner()
    cleaned = measure("clean", lambda doc: cleaner(Report(document=doc)), corpus(documents))
    return {"ingest": read, "clean": cleaned}


if __name__ == "__main__":
    main()
