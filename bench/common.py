"""Shared benchmark helpers: a corpus of >= 2,000 documents and a measuring harness."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def example_documents() -> list[Any]:
    """Every document the shipped examples hold, as the readers produce them."""
    from frontwire.ingest import read_paths

    return [d for d in read_paths([str(EXAMPLES)]) if not isinstance(d, Exception)]


def corpus(n: int = 2000) -> list[Any]:
    """``n`` distinct documents made by cycling the examples (each gets its own id)."""
    base = example_documents()
    if not base:
        raise SystemExit("no example documents found under examples/")
    docs = []
    for i in range(n):
        doc = base[i % len(base)]
        docs.append(replace(doc, id=f"{doc.id}-{i}", text=doc.text))
    return docs


def peak_memory_mb() -> float:
    """Peak resident memory of this process (and waited-for children) in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024.0


def measure(label: str, fn: Callable[[Any], Any], items: Iterable[Any]) -> dict[str, float]:
    """Run ``fn`` on each item; print and return articles/s and peak memory."""
    items = list(items)
    start = time.perf_counter()
    for item in items:
        fn(item)
    elapsed = time.perf_counter() - start
    result = {
        "articles": len(items),
        "seconds": round(elapsed, 3),
        "articles_per_s": round(len(items) / elapsed, 1) if elapsed else float("inf"),
        "peak_mb": round(peak_memory_mb(), 1),
    }
    print(
        f"{label:<28} {result['articles']:>6} articles  {result['articles_per_s']:>9.1f} articles/s"
        f"  peak {result['peak_mb']:.0f} MB",
        file=sys.stdout,
        flush=True,
    )
    return result


def annotated_reports(documents: list[Any]) -> list[Any]:
    """spaCy-annotated reports (clean text as read) for stage benchmarks that time only
    their own stage; documents with a text seen before reuse its annotation."""
    from frontwire.model import Report
    from frontwire.nlp import NLP

    nlp = NLP()
    done: dict[str, Any] = {}
    reports = []
    for document in documents:
        if document.text not in done:
            done[document.text] = nlp(Report(document=document, text=document.text))
        base = done[document.text]
        reports.append(replace(base, document=document, places=[], claims=[], events=[]))
    return reports


def long_corpus(n: int = 2000, words: int = 600, variants: int = 48) -> list[Any]:
    """``n`` documents of about ``words`` words each, made by joining distinct example
    documents as paragraphs (the shipped examples average 140 words; a news article
    runs to about 600). ``variants`` distinct texts are built and cycled, so spaCy
    annotates only that many; each document gets its own id and the outlet of the
    first report it starts with.
    """
    base = example_documents()
    if not base:
        raise SystemExit("no example documents found under examples/")
    made = [_joined(base, v, words) for v in range(min(n, variants))]
    return [replace(made[i % len(made)], id=f"{made[i % len(made)].id}-{i}") for i in range(n)]


def _joined(base: list[Any], variant: int, words: int) -> Any:
    """Distinct examples in an order fixed by ``variant``, joined to about ``words``."""
    import random

    order = list(range(len(base)))
    random.Random(variant).shuffle(order)
    parts: list[str] = []
    count = 0
    for k in order:
        if count >= words:
            break
        text = base[k].text.strip()
        size = len(text.split())
        if parts and count + size - words > words - count:
            continue  # it would overshoot more than it fills: try a shorter one
        parts.append(text)
        count += size
    first = base[order[0]]
    return replace(first, id=f"long{words}-{variant}", text="\n\n".join(parts) + "\n")
