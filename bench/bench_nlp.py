"""Benchmark of the spaCy stage alone (tagger, sentences, entities; no parser), batched as
the pipeline runs it: articles/s, words/s and peak memory.

.venv/bin/python -m bench.bench_nlp [N]
"""

from __future__ import annotations

import sys
import time

from bench.common import corpus, peak_memory_mb
from frontwire.model import Report
from frontwire.nlp import NLP


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Annotate ``N`` (default 1,000) example documents with spaCy and print the rate."""
    args = sys.argv[1:] if argv is None else argv
    documents = corpus(int(args[0]) if args else 1000)
    nlp = NLP()
    nlp(Report(document=documents[0], text=documents[0].text))  # load the model first
    reports = [Report(document=d, text=d.text) for d in documents]
    start = time.perf_counter()
    for _ in nlp.pipe(reports):
        pass
    elapsed = time.perf_counter() - start
    words = sum(len(r.text.split()) for r in reports)
    result = {
        "articles": len(reports),
        "articles_per_s": round(len(reports) / elapsed, 1),
        "words_per_s": round(words / elapsed),
        "peak_mb": round(peak_memory_mb(), 1),
    }
    print(f"{'nlp stage (spaCy, batched)':<28} {len(reports):>6} articles"
          f"  {result['articles_per_s']:>9.1f} articles/s  {result['words_per_s']:,} words/s"
          f"  peak {result['peak_mb']:.0f} MB", flush=True)
    return result


if __name__ == "__main__":
    main()
