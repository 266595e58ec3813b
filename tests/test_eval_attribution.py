"""Attribution evaluation: the metrics on a small hand-made gold file, and on PolNeAR dev."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from frontwire.errors import EvalDataError
from frontwire.eval.attribution import evaluate, exact_counts, format_report, overlap_counts

TEXT = (
    "The regional governor said that three drones were shot down over the city. "
    "\u201cThe situation is under control,\u201d he told reporters."
)


def span(text: str, words: str) -> dict:
    start = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text).start()
    return {"start": start, "end": start + len(words), "text": words}


def gold_record() -> dict:
    return {
        "id": "own-1",
        "corpus": "test",
        "text": TEXT,
        "attributions": [
            {
                "source": [span(TEXT, "The regional governor")],
                "cue": [span(TEXT, "said")],
                "content": [span(TEXT, "that three drones were shot down over the city")],
            },
            {
                "source": [span(TEXT, "he")],
                "cue": [span(TEXT, "told")],
                "content": [span(TEXT, "\u201cThe situation is under control,\u201d")],
            },
        ],
    }


def test_evaluate_scores_a_perfect_document(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_record()) + "\n", encoding="utf-8")
    result = evaluate(str(path))
    assert result["n"] == 1
    for key in ("source_f1", "cue_f1", "content_f1", "all_f1", "all_overlap_f1"):
        assert result[key] == 1.0, key
    table = format_report(result)
    assert "content" in table and "1.000" in table


def test_partial_spans_score_exact_zero_but_overlap_above_zero():
    text = "Officials said the bridge was hit twice."
    gold = [{"source": [(0, 9)], "cue": [(10, 14)], "content": [(15, 39)]}]
    pred = [{"source": [(0, 9)], "cue": [(10, 14)], "content": [(15, 29)]}]
    assert exact_counts("content", pred, gold) == (0, 1, 1)
    assert exact_counts("source", pred, gold) == (1, 0, 0)
    shared, predicted, gold_tokens = overlap_counts(text, pred, gold)["content"]
    assert (shared, predicted, gold_tokens) == (3, 3, 5)


def test_bad_files_raise_eval_data_error(tmp_path: Path):
    with pytest.raises(EvalDataError, match="no such file"):
        evaluate(str(tmp_path / "missing.jsonl"))
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="not JSON"):
        evaluate(str(broken))
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="attributions"):
        evaluate(str(wrong))


def test_polnear_dev_floor(shared_dir: Path):
    path = shared_dir / "eval" / "attribution-polnear-dev.jsonl"
    if not path.exists():
        pytest.skip("PolNeAR dev file not present")
    result = evaluate(str(path), limit=12)
    assert result["n"] == 12
    # Floors a little under what the rules score on these 12 documents.
    assert result["cue_f1"] >= 0.5
    assert result["source_f1"] >= 0.4
    assert result["content_overlap_f1"] >= 0.6


@pytest.mark.parametrize("name", ["attribution_conflict_a.txt", "attribution_conflict_b.txt"])
def test_own_conflict_reports_heldout_floor(name: str):
    """Our own annotated conflict reports (inline gold), the half never used for rules."""
    path = Path(__file__).parent / "data" / name
    result = evaluate(str(path), split="heldout")
    assert result["n"] == 15
    assert result["cue_f1"] >= 0.84, result
    assert result["source_f1"] >= 0.76, result
    assert result["content_overlap_f1"] >= 0.82, result
