"""Benchmark of the claims stage alone: articles/s, words/s and peak memory.

.venv/bin/python -m bench.bench_attribution [N] [--words W] [--batch B]

spaCy runs first, outside the timing (the stage reads its tags, sentences and
entities); only :class:`frontwire.attribution.Attributor` is timed, two ways: one
report at a time (``stage(report)``) and in batches of ``B`` (default 16, the
pipeline's) through ``stage.pipe``, which sends one parser call per batch, as the
pipeline runs it. ``--words W`` (default 600) joins distinct example reports into
documents of about W words, the length of a typical news article; ``--words 0``
times the shipped examples as they are (140 words on average). The distinct texts
are analysed once by spaCy and the annotated reports are reused for the N timed runs.
Target (issue 5): >= 100 articles/s on one core for 600-word articles.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable
from typing import Any

from bench.common import annotated_reports, corpus, long_corpus, peak_memory_mb
from frontwire.attribution import Attributor
from frontwire.pipeline import BATCH_SIZE


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    """Time the stage on ``N`` (default 2,000) spaCy-annotated reports, both paths."""
    args = _parser().parse_args(argv)
    documents = long_corpus(args.n, args.words) if args.words else corpus(args.n)
    annotated = annotated_reports(documents)
    stage = Attributor()
    stage(annotated[0])  # load the lexicons and the parser outside the timing
    words = sum(len(r.text.split()) for r in annotated)
    print(f"{len(annotated)} articles of {words / len(annotated):.0f} words on average"
          f" ({len({r.text for r in annotated})} distinct texts)", flush=True)
    results = {
        "one": timed("attribution, one at a time", _one_by_one(stage), annotated, words),
        "batched": timed(
            f"attribution, batches of {args.batch}", _batched(stage, args.batch), annotated, words
        ),
    }
    claims = sum(len(r.claims) for r in annotated) / len(annotated)
    print(f"{claims:.1f} claims/article", flush=True)
    return results


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_attribution")
    parser.add_argument("n", nargs="?", type=int, default=2000, help="articles to time")
    parser.add_argument("--words", type=int, default=600,
                        help="words per article (0: the shipped examples as they are)")
    parser.add_argument("--batch", type=int, default=BATCH_SIZE, help="reports per stage.pipe")
    return parser


def _one_by_one(stage: Attributor) -> Callable[[list[Any]], None]:
    def run(reports: list[Any]) -> None:
        for report in reports:
            stage(report)

    return run


def _batched(stage: Attributor, size: int) -> Callable[[list[Any]], None]:
    def run(reports: list[Any]) -> None:
        for k in range(0, len(reports), size):
            for _ in stage.pipe(reports[k : k + size]):
                pass

    return run


def timed(
    label: str, run: Callable[[list[Any]], None], reports: Iterable[Any], words: int
) -> dict[str, float]:
    """Run ``run`` on all ``reports``; print and return articles/s (per wall-clock and
    per CPU second), words/s and peak memory."""
    reports = list(reports)
    start, cpu = time.perf_counter(), time.process_time()
    run(reports)
    elapsed = time.perf_counter() - start
    # CPU time says what one core does when other processes share the machine.
    cpu = time.process_time() - cpu
    result = {
        "articles": len(reports),
        "seconds": round(elapsed, 3),
        "articles_per_s": round(len(reports) / elapsed, 1),
        "articles_per_cpu_s": round(len(reports) / cpu, 1),
        "words_per_s": round(words / elapsed),
        "peak_mb": round(peak_memory_mb(), 1),
    }
    print(
        f"{label:<30} {result['articles']:>6} articles  {result['articles_per_s']:>8.1f} articles/s"
        f"  {result['words_per_s']:>8,} words/s  ({result['articles_per_cpu_s']:.1f}/CPU-s)"
        f"  peak {result['peak_mb']:.0f} MB",
        flush=True,
    )
    return result


if __name__ == "__main__":
    main()
