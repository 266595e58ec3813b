"""Inline attribution gold: markers to spans, nesting, fragments, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwire.errors import EvalDataError
from frontwire.eval.attribution import evaluate, format_report, read_gold
from frontwire.eval.inline_gold import parse_annotated

CHAIN = (
    "[[S1 TASS]] [[C1 reported]], [[C2 citing]] [[S2 the FSB]], "
    "[[Q1 [[Q2 that the raid near Tyotkino had been repelled]]]]."
)
INTERRUPTED = (
    "[[Q1 \u201cWe held the line,\u201d]] [[S1 the commander]] [[C1 said]]. "
    "[[Q1 \u201cThey lost two tanks.\u201d]]"
)


def _texts(text: str, spans: list[dict]) -> list[str]:
    return [text[s["start"] : s["end"]] for s in spans]


def test_nested_chain_gives_two_attributions_sharing_a_content():
    text, attributions = parse_annotated(CHAIN)
    assert text == "TASS reported, citing the FSB, that the raid near Tyotkino had been repelled."
    tass, fsb = attributions
    assert _texts(text, tass["source"]) == ["TASS"]
    assert _texts(text, tass["cue"]) == ["reported"]
    assert _texts(text, fsb["cue"]) == ["citing"]
    assert _texts(text, fsb["source"]) == ["the FSB"]
    assert tass["content"] == fsb["content"]
    assert _texts(text, fsb["content"]) == ["that the raid near Tyotkino had been repelled"]


def test_an_interrupted_quote_is_one_attribution_with_two_content_fragments():
    text, (quote,) = parse_annotated(INTERRUPTED)
    assert _texts(text, quote["content"]) == [
        "\u201cWe held the line,\u201d", "\u201cThey lost two tanks.\u201d"]  # fmt: skip
    assert [s["text"] for s in quote["source"]] == ["the commander"]


@pytest.mark.parametrize(
    ("annotated", "problem"),
    [
        ("[[S1 The governor]] said [[Q1 nothing", "never closed"),
        ("The governor said]] nothing", "closes nothing"),
        ("[[S1 The governor]] said [[Q1 nothing]]", "has no cue"),
    ],
)
def test_malformed_markup_is_refused(annotated: str, problem: str):
    with pytest.raises(ValueError, match=problem):
        parse_annotated(annotated)


def test_file_records_carry_split_and_errors_name_the_document(tmp_path: Path):
    path = tmp_path / "gold.txt"
    path.write_text(
        f"=== ua-01 | split: dev | genre: wire\n{CHAIN}\n\n"
        f"=== ua-02 | split: heldout | genre: quote\n{INTERRUPTED}\n",
        encoding="utf-8",
    )
    records = list(read_gold(str(path)))
    assert [(r["id"], r["split"], r["genre"]) for r in records] == [
        ("ua-01", "dev", "wire"), ("ua-02", "heldout", "quote")]  # fmt: skip
    assert [r["id"] for r in read_gold(str(path), split="heldout")] == ["ua-02"]
    assert evaluate(str(path), split="dev")["n"] == 1

    path.write_text("=== ua-03 | split: dev\n[[C1 said]] [[Q1 oops\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match=r"gold\.txt: document ua-03: .*never closed"):
        list(read_gold(str(path)))


def test_text_before_the_first_header_is_an_error(tmp_path: Path):
    path = tmp_path / "gold.txt"
    path.write_text("stray line\n=== ua-01\n[[C1 said]]\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="before the first"):
        list(read_gold(str(path)))


def test_a_cue_carries_the_stance_label():
    text, (claim,) = parse_annotated("[[S1 Kyiv]] [[C1=denies denied]] [[Q1 the strike]].")
    assert text == "Kyiv denied the strike."
    assert claim["stance"] == "denies"
    with pytest.raises(ValueError, match="unknown stance 'doubts'"):
        parse_annotated("[[S1 Kyiv]] [[C1=doubts doubted]] [[Q1 it]].")
    with pytest.raises(ValueError, match="belongs on the cue"):
        parse_annotated("[[S1=denies Kyiv]] [[C1 denied]] [[Q1 it]].")


def test_stance_of_the_stage_is_scored_against_the_labels(tmp_path: Path):
    path = tmp_path / "stance.txt"
    path.write_text(
        "=== t-01 | split: dev\n"
        "[[S1 The militia]] [[C1=asserts said]] [[Q1 it had captured the village of Bara]]. "
        "[[S2 The army]] [[C2=denies denied]] [[Q2 that the village had fallen]].\n\n"
        "[[S3 We]] [[C3=unconfirmed have not been able to verify]] [[Q3 this]].\n",
        encoding="utf-8",
    )
    result = evaluate(str(path))
    assert (result["stance_labelled"], result["stance_found"]) == (3, 3)
    assert result["stance_accuracy"] == 1.0
    assert result["stance_denies_n"] == 1 and result["stance_denies_f1"] == 1.0
    assert "stance: accuracy 1.000" in format_report(result)
