"""``frontwire eval events``: sub-event classification of labelled snippets.

Reads the CASE 2021 Task 2 format (``text``, ``label`` = ACLED sub-event type name,
``seen``) and, through a small adapter, ACLED rows (``text`` = notes,
``sub_event_type``), so the shipped classifier can be measured on either.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import EvalDataError
from .metrics import numbered_jsonl


def snippet_rows(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Rows as {text, label, seen}; ACLED rows (``sub_event_type``) are adapted."""
    rows = []
    for line_no, record in numbered_jsonl(path, limit=limit):
        label = record.get("label", record.get("sub_event_type"))
        text = record.get("text", record.get("notes"))
        if not isinstance(text, str) or not isinstance(label, str):
            raise EvalDataError(f"{path}:{line_no}: needs 'text' and 'label' (or ACLED "
                                "'notes'/'sub_event_type') strings")
        rows.append({"text": text, "label": label, "seen": bool(record.get("seen", True))})
    if not rows:
        raise EvalDataError(f"{path}: no records")
    return rows


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    """Accuracy, macro-F1 and support-weighted F1 over the gold labels' classes."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    if not gold:
        return {"accuracy": 0.0, "macro_f1": 0.0, "weighted_f1": 0.0}
    support = Counter(gold)
    hits = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    guessed = Counter(predicted)
    f1s = {}
    for label in support:
        precision = hits[label] / guessed[label] if guessed[label] else 0.0
        recall = hits[label] / support[label]
        f1s[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": sum(hits.values()) / len(gold),
        "macro_f1": sum(f1s.values()) / len(f1s),
        "weighted_f1": sum(f1s[k] * n for k, n in support.items()) / len(gold),
    }


def per_label(gold: Iterable[str], predicted: Iterable[str]) -> dict[str, dict[str, int]]:
    """Support and hits per gold label (for the readable report)."""
    table: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, predicted, strict=True):
        row = table.setdefault(g, {"n": 0, "hit": 0})
        row["n"] += 1
        row["hit"] += int(g == p)
    return table


def evaluate(path: str, limit: int | None = None) -> dict[str, Any]:
    """Classify every snippet of ``path`` with the active model and score it.

    path (str): JSONL of {text, label, seen} (CASE 2021) or ACLED rows.
    limit (int): read at most this many records.
    RETURNS (dict): weighted_f1, macro_f1, accuracy, n over seen rows; all_* over all rows.
    """
    from ..events import classify
    from ..events.classify import active_model_name

    rows = snippet_rows(path, limit)
    predicted = [sub for _, sub, _ in classify([r["text"] for r in rows])]
    gold = [r["label"] for r in rows]
    seen = [i for i, r in enumerate(rows) if r["seen"]]
    seen_scores = scores([gold[i] for i in seen], [predicted[i] for i in seen])
    all_scores = scores(gold, predicted)
    return {
        **seen_scores,
        "n": len(seen),
        "all_weighted_f1": all_scores["weighted_f1"],
        "all_macro_f1": all_scores["macro_f1"],
        "all_accuracy": all_scores["accuracy"],
        "all_n": len(rows),
        "model": active_model_name(),
        "per_label": per_label([gold[i] for i in seen], [predicted[i] for i in seen]),
    }


def format_report(result: dict[str, Any]) -> str:
    """Human-readable summary of :func:`evaluate`."""
    lines = [
        f"model: {result.get('model', '?')}",
        f"seen rows: {result['n']}  accuracy {result['accuracy']:.3f}  "
        f"macro-F1 {result['macro_f1']:.3f}  weighted-F1 {result['weighted_f1']:.3f}",
        f"all rows:  {result['all_n']}  accuracy {result.get('all_accuracy', 0.0):.3f}  "
        f"macro-F1 {result.get('all_macro_f1', 0.0):.3f}  "
        f"weighted-F1 {result['all_weighted_f1']:.3f}",
    ]
    for label, row in sorted(result.get("per_label", {}).items(), key=lambda kv: -kv[1]["n"]):
        lines.append(f"  {label:<40} {row['hit']:>5}/{row['n']:<5} "
                     f"recall {row['hit'] / row['n']:.2f}")
    return "\n".join(lines)
