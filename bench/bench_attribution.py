"""Benchmark of the claims stage alone: articles/s and peak memory.

.venv/bin/python -m bench.bench_attribution [N]

spaCy runs first, outside the timing (the stage reads its tags, sentences and
entities); only :class:`frontwire.attribution.Attributor` is timed. The distinct
example documents are analysed once by spaCy and the annotated reports are reused
for the N timed runs. Target (issue 5): >= 100 articles/s on one core.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Any

from bench.common import corpus, measure
from frontwire.attribution import Attributor
from frontwire.model import Report
from frontwire.nlp import NLP


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Run the attribution stage on ``N`` (default 2,000) spaCy-annotated reports."""
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 2000
    annotated = _annotate_distinct(corpus(n))
    stage = Attributor()
    stage(annotated[0])  # load the lexicons outside the timing
    result = measure("attribution stage (after spaCy)", stage, annotated)
    words = sum(len(r.text.split()) for r in annotated) / len(annotated)
    claims = sum(len(r.claims) for r in annotated) / len(annotated)
    print(f"mean article length {words:.0f} words, {claims:.1f} claims/article", flush=True)
    return result


def _annotate_distinct(documents: list[Any]) -> list[Report]:
    """spaCy-annotated reports for each document; texts seen before reuse their annotation."""
    nlp = NLP()
    done: dict[str, Report] = {}
    reports = []
    for document in documents:
        if document.text not in done:
            done[document.text] = nlp(Report(document=document, text=document.text))
        base = done[document.text]
        reports.append(replace(base, document=document, claims=[]))
    return reports


if __name__ == "__main__":
    main()
