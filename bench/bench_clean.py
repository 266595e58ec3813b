"""Benchmark of the clean stage alone (line filter, boilerplate removal): articles/s and peak
memory.

.venv/bin/python -m bench.bench_clean [N]
"""

from __future__ import annotations

import sys
from typing import Any

from bench.common import corpus, measure
from frontwire.clean import Cleaner
from frontwire.model import Report


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Clean ``N`` (default 2,000) example documents and print the rate."""
    args = sys.argv[1:] if argv is None else argv
    documents = corpus(int(args[0]) if args else 2000)
    cleaner = Cleaner()

    def run(document: Any) -> Report:
        return cleaner(Report(document=document, text=document.text))

    run(documents[0])  # compile patterns outside the timing
    return measure("clean stage", run, documents)


if __name__ == "__main__":
    main()
