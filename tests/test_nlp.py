"""The nlp stage: spaCy without the parser, POS from the compiled tag table."""

from __future__ import annotations

import pytest

from frontwire.nlp import MODEL, PosTable, load_spacy

REPORT = (
    "KYIV, Ukraine (AP) — Russian forces shelled the town of Nikopol overnight, the regional "
    "governor said on Tuesday, adding that nobody had been killed. \"It is not over,\" he "
    "told reporters, while Moscow's Defence Ministry denied that its troops were there. "
    "There were at least 12 explosions, and it's unclear whether anything was hit.\n\n"
    "Ukraine's military said it had downed 9 of 11 drones; officials didn't say where."
)


@pytest.fixture(scope="module")
def pipelines() -> tuple[object, object]:
    import spacy

    reference = spacy.load(MODEL, exclude=["lemmatizer", "parser"])
    reference.enable_pipe("senter")
    return load_spacy(), reference


def test_pos_table_gives_the_attribute_rulers_pos(pipelines: tuple[object, object]) -> None:
    ours, reference = pipelines
    got = [(t.text, t.tag_, t.pos_) for t in ours(REPORT)]  # type: ignore[operator]
    want = [(t.text, t.tag_, t.pos_) for t in reference(REPORT)]  # type: ignore[operator]
    assert got == want
    assert ("nobody", "NN", "PRON") in got  # a word-level exception of the rules
    assert ("had", "VBD", "AUX") in got


def test_pipeline_runs_no_attribute_ruler(pipelines: tuple[object, object]) -> None:
    ours, _ = pipelines
    assert "attribute_ruler" not in ours.pipe_names  # type: ignore[attr-defined]
    assert "pos" in ours.pipe_names  # type: ignore[attr-defined]


def test_table_rules_override_in_order() -> None:
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["nothing", "anyone"]}}]],
         "attrs": {"POS": "PRON"}},
        {"patterns": [[{"TAG": "IN", "DEP": "mark"}]], "attrs": {"POS": "SCONJ"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    ]
    table = PosTable.from_ruler(patterns)
    assert table.pos_of("shell", "NN", False) == "NOUN"
    assert table.pos_of("nothing", "NN", False) == "PRON"
    assert table.pos_of("that", "IN", False) == ""  # needs a parse: never fires here
    assert table.pos_of("\n\n", "_SP", True) == "SPACE"


# Two outlets carry one wire story: each adds its own headline and a closing line.
WIRE = ("Russian forces shelled the town of Nikopol overnight, the regional governor said.\n\n"
        "Two people were wounded and a school was damaged, he wrote on Telegram.\n\n")
OUTLET_A = "Nikopol shelled again\n\n" + WIRE + "Our correspondent in Kyiv contributed."
OUTLET_B = "Shelling hits Nikopol, two hurt\n\n" + WIRE + "Reuters contributed reporting."


def _report(text: str):
    from frontwire.model import Document, Report

    return Report(document=Document(id=str(hash(text)), text=text), text=text)


def test_repeated_lines_are_read_once_and_joined_back() -> None:
    from frontwire.nlp import NLP

    stage = NLP()
    seen: list[str] = []
    real_pipe = stage.spacy.pipe

    def counting_pipe(texts, **kw):
        texts = list(texts)
        seen.extend(texts)
        return real_pipe(texts, **kw)

    stage.spacy.pipe = counting_pipe  # type: ignore[method-assign]
    try:
        first = stage(_report(OUTLET_A))
        second = stage(_report(OUTLET_B))
    finally:
        stage.spacy.pipe = real_pipe  # type: ignore[method-assign]
    assert first.tokens.text == OUTLET_A and second.tokens.text == OUTLET_B
    assert second.tokens.tensor.shape[0] == len(second.tokens)
    wire_lines = [line for line in WIRE.split("\n\n") if line]
    assert all(sum(line in s for s in seen) == 1 for line in wire_lines)
    # The shared lines carry the same entities in both reports, at their own offsets.
    assert _wire_entities(first, OUTLET_A) == _wire_entities(second, OUTLET_B) != set()


def _wire_entities(report, text: str) -> set[tuple[int, str, str]]:
    begin = text.index(WIRE)
    return {(e.start - begin, e.text, e.label) for e in report.entities
            if begin <= e.start < begin + len(WIRE)}


def test_cache_gives_what_a_fresh_read_gives_and_stays_bounded() -> None:
    from frontwire.nlp import NLP

    cached, fresh = NLP(cache_size=3), NLP(cache_size=0)
    reports = [OUTLET_A, OUTLET_B, OUTLET_A]
    got = [cached(_report(t)) for t in reports]
    want = [fresh(_report(t)) for t in reports]
    for g, w in zip(got, want, strict=True):
        assert [(e.start, e.end, e.label) for e in g.entities] == [
            (e.start, e.end, e.label) for e in w.entities]
        assert [(s.start, s.end) for s in g.sentences] == [(s.start, s.end) for s in w.sentences]
    assert len(cached._cache) <= 3


def test_entities_never_hold_line_breaks_at_their_ends() -> None:
    from frontwire.nlp import NLP

    text = "Fighting at Azovstal\n\nIllia Samoilenko: There were no more supplies left."
    report = NLP()(_report(text))
    assert all(e.text == e.text.strip() and text[e.start:e.end] == e.text
               for e in report.entities)


def test_a_batch_larger_than_the_cache_keeps_every_line() -> None:
    from frontwire.nlp import NLP

    stage = NLP(cache_size=2)
    texts = [OUTLET_A, OUTLET_B, f"Kharkiv was quiet.\n\n{WIRE}", OUTLET_A]
    stage(_report(OUTLET_A))  # its lines are cached, then evicted inside the next batch
    got = list(stage.pipe([_report(t) for t in texts]))
    assert [r.tokens.text for r in got] == texts
