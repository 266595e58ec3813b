"""TempEval-3 style scores of the time tagger on a gold TIMEX3 JSONL file.

Each line: ``{"id", "dct", "text", "timexes": [{"start", "end", "text", "type", "value"}]}``
(the format of ``../shared/eval/time-timebank.jsonl``).

Span precision/recall/F1 strict (same offsets) and relaxed (any overlap, one to one);
type and value accuracy over the relaxed matches; value F1 counts relaxed matches with
the right value against the system and gold totals.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import EvalDataError

Span = tuple[int, int, str, str]  # start, end, type, value


def load(path: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Gold records of a time JSONL file; raises EvalDataError on a missing file or bad line."""
    file = Path(path)
    if not file.is_file():
        raise EvalDataError(f"{path}: no such file")
    records: list[dict[str, Any]] = []
    with file.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            records.append(_record(path, number, line))
    return records


def _record(path: str, number: int, line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise EvalDataError(f"{path}:{number}: not JSON ({err.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise EvalDataError(f"{path}:{number}: a record needs a 'text' string")
    if not isinstance(record.get("timexes"), list):
        raise EvalDataError(f"{path}:{number}: a record needs a 'timexes' list")
    for timex in record["timexes"]:
        if not all(k in timex for k in ("start", "end", "type", "value")):
            raise EvalDataError(f"{path}:{number}: a timex needs start, end, type and value")
    return record


def match(gold: list[Span], system: list[Span]) -> tuple[int, list[tuple[Span, Span]]]:
    """Strict match count and the one-to-one relaxed (overlap) pairs of gold and system."""
    strict = len({(g[0], g[1]) for g in gold} & {(s[0], s[1]) for s in system})
    pairs: list[tuple[Span, Span]] = []
    used: set[int] = set()
    for g in sorted(gold):
        best = None
        for i, s in enumerate(system):
            if i in used or not (s[0] < g[1] and g[0] < s[1]):
                continue
            exact = (s[0], s[1]) == (g[0], g[1])
            if best is None or exact:
                best = i
                if exact:
                    break
        if best is not None:
            used.add(best)
            pairs.append((g, system[best]))
    return strict, pairs


def _prf(hits: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_system if n_system else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(path: str, limit: int | None = None) -> dict[str, Any]:
    """Score ``frontwire.temporal.tag`` on the first ``limit`` records of ``path``.

    RETURNS (dict): strict_p/r/f1, relaxed_p/r/f1, type_acc, value_acc, value_f1, n
        (documents), plus gold and system counts.
    """
    from ..temporal import tag

    records = load(path, limit)
    n_gold = n_system = strict = relaxed = same_type = same_value = 0
    for record in records:
        gold = [(t["start"], t["end"], t["type"], t["value"]) for t in record["timexes"]]
        system = [(t.start, t.end, t.type, t.value) for t in tag(record["text"], record.get("dct"))]
        hits, pairs = match(gold, system)
        n_gold, n_system, strict = n_gold + len(gold), n_system + len(system), strict + hits
        relaxed += len(pairs)
        same_type += sum(g[2] == s[2] for g, s in pairs)
        same_value += sum(g[3] == s[3] for g, s in pairs)
    sp, sr, sf = _prf(strict, n_system, n_gold)
    rp, rr, rf = _prf(relaxed, n_system, n_gold)
    return {
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "relaxed_p": rp,
        "relaxed_r": rr,
        "relaxed_f1": rf,
        "type_acc": same_type / relaxed if relaxed else 0.0,
        "value_acc": same_value / relaxed if relaxed else 0.0,
        "value_f1": _prf(same_value, n_system, n_gold)[2],
        "n": len(records),
        "gold": n_gold,
        "system": n_system,
    }


def format_report(result: dict[str, Any]) -> str:
    """Readable table of an :func:`evaluate` result."""
    lines = [
        f"documents {result['n']}  gold timexes {result.get('gold', '?')}  "
        f"system timexes {result.get('system', '?')}",
        f"{'':<10}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for kind in ("strict", "relaxed"):
        lines.append(
            f"{kind:<10}{result[kind + '_p']:>8.3f}{result[kind + '_r']:>8.3f}"
            f"{result[kind + '_f1']:>8.3f}"
        )
    lines.append(f"type accuracy  {result['type_acc']:.3f}  (over relaxed matches)")
    lines.append(f"value accuracy {result['value_acc']:.3f}  (over relaxed matches)")
    lines.append(f"value F1       {result['value_f1']:.3f}")
    return "\n".join(lines)
