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
