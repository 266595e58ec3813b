"""End-to-end benchmark: the full pipeline beside spaCy alone, on the same >= 2,000 texts.

Run: .venv/bin/python -m bench.bench_pipeline [N]
The ratio full/spaCy says what our own stages cost on top of the language model.
"""

from __future__ import annotations

import os
import sys
import time

from bench.common import corpus, peak_memory_mb


def main(n: int = 2000) -> dict[str, float]:
    from frontwire.nlp import load_spacy
    from frontwire.pipeline import Pipeline

    docs = corpus(n)
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    print(f"corpus: {len(docs)} documents, {words:.0f} words per document on average")
    pipeline = Pipeline()
    pipeline.analyse(docs[0])  # load models and gazetteer before timing

    nlp = load_spacy()
    start = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=16):
        pass
    spacy_rate = len(docs) / (time.perf_counter() - start)
    print(f"{'spaCy alone (1 process)':<28} {len(docs):>6} articles  {spacy_rate:>9.1f} articles/s")

    start = time.perf_counter()
    for _ in pipeline.analyse_many(docs, workers=1):
        pass
    serial = len(docs) / (time.perf_counter() - start)
    full = {"articles_per_s": round(serial, 1)}
    print(
        f"{'full pipeline (1 process)':<28} {len(docs):>6} articles  {serial:>9.1f} articles/s"
        f"  peak {peak_memory_mb():.0f} MB"
    )
    print(f"ratio full/spaCy: {full['articles_per_s'] / spacy_rate:.2f}")
    per_600 = full["articles_per_s"] * words / 600
    print(f"full pipeline, 1 process, in 600-word articles: {per_600:.1f} articles/s")

    workers = os.cpu_count() or 1
    start = time.perf_counter()
    for _ in pipeline.analyse_many(docs, workers=workers):
        pass
    rate = len(docs) / (time.perf_counter() - start)
    label = f"full pipeline ({workers} workers)"
    print(
        f"{label:<28} {len(docs):>6} articles  {rate:>9.1f} articles/s"
        f"  peak {peak_memory_mb():.0f} MB (largest process)"
    )
    return {"spacy": spacy_rate, "full": full["articles_per_s"], "parallel": rate}


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
