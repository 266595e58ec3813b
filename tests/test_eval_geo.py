"""Geo evaluation on a tiny gold file written here, plus the shared metric helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwire.errors import EvalDataError
from frontwire.eval.geo import auc, evaluate, format_report
from frontwire.eval.metrics import prf, read_jsonl

RECORDS = [
    {
        "id": "1",
        "text": ("Shelling hit the village of Tetkino in the Kursk region, officials in "
                 "Moscow said."),
        "toponyms": [
            {"start": 28, "end": 35, "text": "Tetkino", "lat": 51.28128, "lon": 34.29382,
             "geonameid": "483166", "country": "Russia", "admin1": "Kursk Oblast"},
            {"start": 43, "end": 48, "text": "Kursk", "lat": 51.75, "lon": 36.0,
             "geonameid": None, "country": "Russia", "admin1": None},
            {"start": 75, "end": 81, "text": "Moscow", "lat": 55.75222, "lon": 37.61556,
             "geonameid": "524901", "country": "Russia", "admin1": None},
        ],
    },
    {
        "id": "2",
        "text": "Floods closed roads in Paris, Texas, and across Lamar County on Friday.",
        "toponyms": [
            {"start": 23, "end": 28, "text": "Paris", "lat": 33.66094, "lon": -95.55551,
             "geonameid": "4717560", "country": "United States", "admin1": "Texas"},
            {"start": 30, "end": 35, "text": "Texas", "lat": None, "lon": None,
             "geonameid": None, "country": None, "admin1": None},
        ],
    },
]


def _with_offsets(record: dict) -> dict:
    """Fill each toponym's start/end from its text (first occurrence)."""
    for top in record["toponyms"]:
        top["start"] = record["text"].index(top["text"])
        top["end"] = top["start"] + len(top["text"])
    return record


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    for record in RECORDS:
        _with_offsets(record)
    path = tmp_path / "geo.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_gold_span_evaluation(gold_file: Path) -> None:
    result = evaluate(str(gold_file), gold_spans=True)
    assert result["n"] == 4  # toponyms with coordinates
    assert result["acc_161km"] == 1.0
    assert result["exact"] == 1.0
    assert result["country_acc"] == 1.0
    assert result["median_km"] < 161
    assert 0.0 <= result["auc"] < 0.3
    assert "detection_f1" not in result
    table = format_report(result)
    assert "accuracy @161 km" in table and "gold spans" in table


def test_detection_evaluation_and_limit(gold_file: Path) -> None:
    result = evaluate(str(gold_file), gold_spans=False, limit=1)
    assert result["n"] == 3
    assert {"detection_p", "detection_r", "detection_f1"} <= result.keys()
    assert result["detection_r"] >= 2 / 3
    assert result["acc_161km"] >= 2 / 3
    assert "detection F1" in format_report(result)


def test_missing_and_bad_files(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="not found"):
        evaluate(str(tmp_path / "absent.jsonl"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "toponyms": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(EvalDataError, match=":2:"):
        evaluate(str(bad), gold_spans=True)
    missing = tmp_path / "missing.jsonl"
    missing.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(EvalDataError, match="toponyms"):
        list(read_jsonl(missing, required=("text", "toponyms")))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="no records"):
        list(read_jsonl(empty))


def test_prf_and_auc() -> None:
    assert prf(8, 2, 2) == pytest.approx({"precision": 0.8, "recall": 0.8, "f1": 0.8})
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    with pytest.raises(ValueError):
        prf(-1, 0, 0)
    assert auc([0.0, 0.0]) == 0.0
    assert auc([20039.0]) == pytest.approx(1.0)
    assert auc([1.0, 10.0, 100.0]) < auc([10.0, 100.0, 1000.0])
