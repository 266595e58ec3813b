"""Benchmark of the time stage alone: articles/s and peak memory.

.venv/bin/python -m bench.bench_time [N]
"""

from __future__ import annotations

import sys
from typing import Any

from bench.common import corpus, measure
from frontwire.model import Report
from frontwire.temporal import TimeTagger


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Tag ``N`` (default 2,000) example documents with the time stage and print the rate."""
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 2000
    documents = corpus(n)
    tagger = TimeTagger()

    def run(document: Any) -> Report:
        return tagger(Report(document=document, text=document.text))

    run(documents[0])  # compile the grammar outside the timing
    result = measure("time stage (regex tagger)", run, documents)
    words = sum(len(d.text.split()) for d in documents) / len(documents)
    print(f"mean article length {words:.0f} words", flush=True)
    return result


if __name__ == "__main__":
    main()
