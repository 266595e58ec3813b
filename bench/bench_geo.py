"""Benchmark of the place stage alone: articles/s and peak memory.

.venv/bin/python -m bench.bench_geo [N]

spaCy runs first, outside the timing (the geo stage reads its entities and
tags); only :class:`frontwire.geo.Geoparser` is timed. The distinct example
documents are analysed once by spaCy and the annotated reports are reused for
the N timed runs.
"""

from __future__ import annotations

import sys
import time

from bench.common import annotated_reports, corpus, measure
from frontwire.geo import Geoparser, get_gazetteer
from frontwire.model import Report


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Run the geo stage on ``N`` (default 2,000) spaCy-annotated reports; print the rate."""
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 2000
    documents = corpus(n)
    start = time.perf_counter()
    get_gazetteer()
    print(f"gazetteer load {time.perf_counter() - start:.2f} s", flush=True)
    annotated = annotated_reports(documents)
    geo = Geoparser()

    def run(report: Report) -> Report:
        return geo(report)

    run(annotated[0])
    result = measure("geo stage (after spaCy)", run, annotated)
    words = sum(len(r.text.split()) for r in annotated) / len(annotated)
    places = sum(len(r.places) for r in annotated) / len(annotated)
    print(f"mean article length {words:.0f} words, {places:.1f} places/article", flush=True)
    return result


if __name__ == "__main__":
    main()
