"""The analysis pipeline: clean -> nlp -> geo -> time -> attribution -> events.

Each stage is a callable ``stage(report) -> report`` with a ``name`` (spaCy's
component contract). Analysis is a pure function of the document, so
:meth:`Pipeline.analyse_many` can fan documents out to worker processes (and a
cluster engine such as Dask could do the same with :func:`analyse_document`).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from .errors import AnalysisError
from .model import Document, Report

BATCH_SIZE = 16  # documents per spaCy batch and per task sent to a worker

STAGE_ORDER = ("clean", "nlp", "geo", "time", "attribution", "events")

# What each stage reads from the report besides ``text``; ``check`` reports gaps.
REQUIRES: dict[str, tuple[str, ...]] = {
    "clean": (),
    "nlp": ("clean",),
    "geo": ("nlp",),
    "time": ("clean",),
    "attribution": ("nlp",),
    "events": ("nlp", "geo", "time", "attribution"),
}


class Stage(Protocol):
    name: str

    def __call__(self, report: Report) -> Report: ...


@dataclass(frozen=True)
class PipelineConfig:
    """Which stages run and the keyword options each stage's factory receives."""

    stages: tuple[str, ...] = STAGE_ORDER
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def for_stage(self, name: str) -> dict[str, Any]:
        return dict(self.options.get(name, {}))


def _make_clean(**options: Any) -> Stage:
    from .clean import Cleaner

    return Cleaner(**options)


def _make_nlp(**options: Any) -> Stage:
    from .nlp import NLP

    return NLP(**options)


def _make_geo(**options: Any) -> Stage:
    from .geo import Geoparser

    return Geoparser(**options)


def _make_time(**options: Any) -> Stage:
    from .temporal import TimeTagger

    return TimeTagger(**options)


def _make_attribution(**options: Any) -> Stage:
    from .attribution import Attributor

    return Attributor(**options)


def _make_events(**options: Any) -> Stage:
    from .events import EventCoder

    return EventCoder(**options)


FACTORIES: dict[str, Callable[..., Stage]] = {
    "clean": _make_clean,
    "nlp": _make_nlp,
    "geo": _make_geo,
    "time": _make_time,
    "attribution": _make_attribution,
    "events": _make_events,
}


def check(stages: Iterable[str]) -> list[str]:
    """Unmet requirements of a stage list, as readable lines (empty when fine)."""
    problems, seen = [], set()
    for name in stages:
        if name not in FACTORIES:
            problems.append(f"unknown stage {name!r}")
            continue
        missing = [r for r in REQUIRES[name] if r not in seen]
        if missing:
            problems.append(f"{name} needs {', '.join(missing)} to run before it")
        seen.add(name)
    return problems


class Pipeline:
    """Build the stages once, then analyse documents with them."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        problems = check(self.config.stages)
        if problems:
            raise ValueError("; ".join(problems))
        self.stages: list[Stage] = [
            FACTORIES[name](**self.config.for_stage(name)) for name in self.config.stages
        ]

    def analyse(self, document: Document) -> Report:
        """Run every stage on one document."""
        report = Report(document=document, text=document.text)
        for stage in self.stages:
            report = stage(report)
        return report

    def analyse_batch(self, documents: list[Document]) -> list[Report | AnalysisError]:
        """Analyse a batch: stages with a ``pipe`` method (spaCy) see the whole batch.

        Results keep input order, without their (unpicklable) spaCy docs. A document
        that makes a stage fail becomes an :class:`AnalysisError` and leaves the batch;
        the others go on.
        """
        results: list[Report | AnalysisError] = [
            Report(document=d, text=d.text) for d in documents
        ]
        for stage in self.stages:
            live = [(i, r) for i, r in enumerate(results) if isinstance(r, Report)]
            batched = _run_batched(stage, [r for _, r in live]) if live else []
            if batched:
                for (i, _), result in zip(live, batched, strict=True):
                    results[i] = result
            else:
                for i, report in live:
                    results[i] = _run_one(stage, report)
        for result in results:
            if isinstance(result, Report):
                result.tokens = None
        return results

    def analyse_many(
        self, documents: Iterable[Document], workers: int = 1, batch_size: int = BATCH_SIZE
    ) -> Iterator[Report | AnalysisError]:
        """Analyse documents in batches, in ``workers`` processes when more than one."""
        batches = _batches(documents, batch_size)
        if workers <= 1:
            for batch in batches:
                yield from self.analyse_batch(batch)
            return
        ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(self.config,)) as pool:
            for results in pool.imap(_analyse_in_worker, batches):
                yield from results


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run_batched(stage: Stage, reports: list[Report]) -> list[Report | AnalysisError]:
    """The stage's own batch method when it has one and it succeeds; else [] (go one by one)."""
    pipe = getattr(stage, "pipe", None)
    if pipe is None:
        return []
    try:
        return list(pipe(reports))
    except Exception:  # one bad document spoils a batch: retry one by one to find it
        return []


def _run_one(stage: Stage, report: Report) -> Report | AnalysisError:
    try:
        return stage(report)
    except Exception as err:  # a bug in one stage must not lose the rest of the run
        document = report.document
        where = document.source_path or document.id
        return AnalysisError(f"{where}: {stage.name} failed ({type(err).__name__}: {err})")


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(config)


def _analyse_in_worker(batch: list[Document]) -> list[Report | AnalysisError]:
    assert _WORKER_PIPELINE is not None
    return _WORKER_PIPELINE.analyse_batch(batch)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """A process-wide pipeline with default settings (models load once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def analyse_document(document: Document) -> Report:
    """Analyse one document with the default pipeline (a pure function of the document)."""
    return default_pipeline().analyse(document)
