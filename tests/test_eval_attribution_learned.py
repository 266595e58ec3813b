"""The learned-cue baseline: a tagger trained and scored inside one evaluation run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from frontwire.eval import attribution, attribution_learned
from frontwire.nlp import load_spacy

REPORTS = [
    ("The regional governor said that three drones were shot down over the city.",
     "The regional governor", "said", "that three drones were shot down over the city"),
    ("A ministry spokesman denied that troops had crossed the border.",
     "A ministry spokesman", "denied", "that troops had crossed the border"),
    ("The militia claimed it had captured two villages near the river.",
     "The militia", "claimed", "it had captured two villages near the river"),
    ("Local officials told reporters the bridge was hit twice overnight.",
     "Local officials", "told", "the bridge was hit twice overnight"),
    ("The mayor warned that more strikes on the power plant were likely.",
     "The mayor", "warned", "that more strikes on the power plant were likely"),
    ("Aid workers reported that the convoy reached the town on Tuesday.",
     "Aid workers", "reported", "that the convoy reached the town on Tuesday"),
]  # fmt: skip


def _span(text: str, words: str) -> dict:
    start = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text).start()
    return {"start": start, "end": start + len(words), "text": words}


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "own-gold.jsonl"
    lines = []
    for n, (text, source, cue, content) in enumerate(REPORTS):
        attribution_ = {"source": [_span(text, source)], "cue": [_span(text, cue)],
                        "content": [_span(text, content)]}  # fmt: skip
        lines.append(json.dumps({"id": f"own-{n}", "corpus": "test", "text": text,
                                 "attributions": [attribution_]}))  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bio_tags_mark_each_fragment_of_a_cue():
    doc = load_spacy()("He has repeatedly said, according to aides, that talks failed.")
    text = doc.text
    has_said = (text.index("has"), text.index("has") + len("has repeatedly said"))
    according = (text.index("according"), text.index("according") + len("according to"))
    tags = attribution_learned.bio_tags(doc, [(has_said,), (according,)])
    assert [t.text for t, tag in zip(doc, tags, strict=True) if tag == "B"] == ["has", "according"]
    assert [t.text for t, tag in zip(doc, tags, strict=True) if tag == "I"] == [
        "repeatedly", "said", "to"]  # fmt: skip


def test_decode_splits_cues_at_a_confident_begin():
    offsets = [(0, 2), (3, 6), (7, 11), (12, 16)]
    inside_b = {"O": 0.1, "B": 0.8, "I": 0.1}
    inside_i = {"O": 0.1, "B": 0.2, "I": 0.7}
    outside = {"O": 0.9, "B": 0.05, "I": 0.05}
    cues = attribution_learned.decode(offsets, [inside_b, inside_i, inside_b, outside])
    assert cues == {((0, 6),), ((7, 11),)}


def test_learned_baseline_scores_rules_learned_and_hybrid(gold_file: Path):
    result = attribution_learned.evaluate(str(gold_file), train=str(gold_file))
    assert result["n"] == result["n_train"] == len(REPORTS)
    rules_cue_f1 = attribution.evaluate(str(gold_file))["cue_f1"]
    assert result["rules"]["f1"] == rules_cue_f1
    # Trained on these very reports, the tagger must find most of their cues again.
    assert result["learned"]["f1"] >= 0.5
    assert 0.0 <= result["hybrid"]["f1"] <= 1.0
    assert "hybrid" in attribution_learned.format_report(result)


def test_cli_names_a_missing_training_file(gold_file: Path, tmp_path: Path):
    from click.testing import CliRunner

    from frontwire.cli import cli

    missing = tmp_path / "no-such-train.jsonl"
    result = CliRunner().invoke(
        cli, ["eval", "attribution-learned", str(gold_file), "--train", str(missing)]
    )
    assert result.exit_code != 0
    assert "no-such-train.jsonl: no such file" in result.output
    assert "Traceback" not in result.output
