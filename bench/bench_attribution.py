"""Benchmark of the claims stage alone: articles/s and peak memory.

.venv/bin/python -m bench.bench_attribution [N]

spaCy runs first, outside the timing (the stage reads its tags, sentences and
entities); only :class:`frontwire.attribution.Attributor` is timed. The distinct
example documents are analysed once by spaCy and the annotated reports are reused
for the N timed runs. Target (issue 5): >= 100 articles/s on one core.
"""

from __future__ import annotations

import sys

from bench.common import annotated_reports, corpus, measure
from frontwire.attribution import Attributor


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Run the attribution stage on ``N`` (default 2,000) spaCy-annotated reports."""
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 2000
    annotated = annotated_reports(corpus(n))
    stage = Attributor()
    stage(annotated[0])  # load the lexicons outside the timing
    result = measure("attribution stage (after spaCy)", stage, annotated)
    words = sum(len(r.text.split()) for r in annotated) / len(annotated)
    claims = sum(len(r.claims) for r in annotated) / len(annotated)
    print(f"mean article length {words:.0f} words, {claims:.1f} claims/article", flush=True)
    return result


if __name__ == "__main__":
    main()
