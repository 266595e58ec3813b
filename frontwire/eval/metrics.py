"""Shared evaluation helpers: precision/recall/F1 and reading gold JSONL files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import EvalDataError


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    if min(tp, fp, fn) < 0:
        raise ValueError(f"counts must be >= 0, got tp={tp} fp={fp} fn={fn}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def read_jsonl(path: str | Path, required: tuple[str, ...] = (),
               limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file; raises EvalDataError naming the file and line when bad.

    path (str | Path): the file.
    required (tuple[str, ...]): keys every record must have.
    limit (int | None): stop after this many records.
    """
    for _, record in numbered_jsonl(path, required, limit):
        yield record


def numbered_jsonl(path: str | Path, required: tuple[str, ...] = (),
                   limit: int | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) of a JSONL file, for callers that report bad records by line."""
    file = Path(path)
    if not file.is_file():
        raise EvalDataError(f"{path}: evaluation file not found")
    count = 0
    with file.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise EvalDataError(f"{path}:{line_no}: not valid JSON ({err.msg})") from err
            if not isinstance(record, dict):
                raise EvalDataError(f"{path}:{line_no}: expected a JSON object")
            missing = [k for k in required if k not in record]
            if missing:
                raise EvalDataError(f"{path}:{line_no}: missing field(s) {', '.join(missing)}")
            count += 1
            yield line_no, record
    if count == 0:
        raise EvalDataError(f"{path}: no records")
