"""Attribution evaluation against PolNeAR-format gold (../shared/eval/README.md).

Metrics follow the exact/overlap split used for quote extraction systems such as
BBC's Citron, so our numbers can sit next to theirs:

- exact, per attribution: a cue counts when a gold cue has the same span; a source
  (content) counts when a gold attribution whose cue overlaps ours has the very same
  source (content) spans; ``all`` needs cue, source and content all exact.
- overlap, token level: each predicted attribution is paired with at most one gold
  attribution (cue overlap first, then content overlap); precision is the share of
  predicted tokens that fall in the paired gold span, recall the share of gold tokens
  covered. ``all_overlap`` pools the three roles.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import EvalDataError

ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+|[^\w\s]")

Spans = list[tuple[int, int]]
Attribution = dict[str, Spans]


INLINE_SUFFIXES = (".txt", ".md")


def read_gold(
    path: str, limit: int | None = None, split: str | None = None
) -> Iterator[dict[str, Any]]:
    """Records of a PolNeAR-format JSONL file (or an inline-annotated ``.txt``, see
    :mod:`frontwire.eval.inline_gold`), checked for the fields we use; with ``split``,
    only the records whose ``split`` field has that value."""
    records = _read_inline(path) if path.endswith(INLINE_SUFFIXES) else _read_jsonl(path)
    count = 0
    for record in records:
        if split is not None and record.get("split") != split:
            continue
        if limit is not None and count >= limit:
            return
        count += 1
        yield record


def _read_inline(path: str) -> Iterator[dict[str, Any]]:
    from .inline_gold import read_inline

    return read_inline(path)


def _read_jsonl(path: str) -> Iterator[dict[str, Any]]:
    source = Path(path)
    if not source.is_file():
        raise EvalDataError(f"{path}: no such file")
    with source.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise EvalDataError(f"{path}:{number}: not JSON ({err.msg})") from err
            if not isinstance(record, dict) or "text" not in record:
                raise EvalDataError(f"{path}:{number}: record has no 'text'")
            if not isinstance(record.get("attributions"), list):
                raise EvalDataError(f"{path}:{number}: record has no 'attributions' list")
            yield record


def as_spans(attribution: dict[str, Any]) -> Attribution:
    """``{"source": [(start, end)...], ...}`` from a gold or predicted attribution."""
    return {
        role: sorted((int(s["start"]), int(s["end"])) for s in attribution.get(role, []))
        for role in ROLES
    }


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


class Counts:
    """Running totals for one evaluation."""

    def __init__(self) -> None:
        self.exact = {role: [0, 0, 0] for role in (*ROLES, "all")}  # tp, fp, fn
        self.overlap = {role: [0, 0, 0] for role in ROLES}  # shared, predicted, gold tokens
        self.n = 0
        self.predicted = 0
        self.gold = 0

    def add(self, text: str, pred: list[Attribution], gold: list[Attribution]) -> None:
        self.n += 1
        self.predicted += len(pred)
        self.gold += len(gold)
        for role in (*ROLES, "all"):
            tp, fp, fn = exact_counts(role, pred, gold)
            self.exact[role][0] += tp
            self.exact[role][1] += fp
            self.exact[role][2] += fn
        for role, (shared, p, g) in overlap_counts(text, pred, gold).items():
            self.overlap[role][0] += shared
            self.overlap[role][1] += p
            self.overlap[role][2] += g


def _same(role: str, p: Attribution, g: Attribution) -> bool:
    if role == "cue":
        return p["cue"] == g["cue"]
    if role == "all":
        return all(p[r] == g[r] for r in ROLES)
    return _overlaps(p["cue"], g["cue"]) and p[role] == g[role]


def exact_counts(role: str, pred: list[Attribution], gold: list[Attribution]) -> tuple[int, ...]:
    """(tp, fp, fn) of exact matches for one role in one document."""
    tp = sum(1 for p in pred if any(_same(role, p, g) for g in gold))
    fn = sum(1 for g in gold if not any(_same(role, p, g) for p in pred))
    return tp, len(pred) - tp, fn


def _token_sets(spans: Spans, ends: list[int], starts: list[int]) -> set[int]:
    """Indices of the words a set of character spans touches."""
    out: set[int] = set()
    for start, end in spans:
        out.update(range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)))
    return out


def pair(pred: list[Attribution], gold: list[Attribution]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index): cue overlap first, then content overlap."""
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    for role in ("cue", "content"):
        for i, p in enumerate(pred):
            if i in used_p:
                continue
            for j, g in enumerate(gold):
                if j not in used_g and _overlaps(p[role], g[role]):
                    pairs.append((i, j))
                    used_p.add(i)
                    used_g.add(j)
                    break
    return pairs


def overlap_counts(
    text: str, pred: list[Attribution], gold: list[Attribution]
) -> dict[str, tuple[int, int, int]]:
    """Per role: (shared tokens of paired attributions, predicted tokens, gold tokens)."""
    words = [m.span() for m in _WORD.finditer(text)]
    starts, ends = [w[0] for w in words], [w[1] for w in words]
    result = {}
    for role in ROLES:
        p_sets = [_token_sets(p[role], ends, starts) for p in pred]
        g_sets = [_token_sets(g[role], ends, starts) for g in gold]
        shared = sum(len(p_sets[i] & g_sets[j]) for i, j in pair(pred, gold))
        result[role] = (shared, sum(map(len, p_sets)), sum(map(len, g_sets)))
    return result


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def summarise(counts: Counts) -> dict[str, Any]:
    result: dict[str, Any] = {"n": counts.n, "predicted": counts.predicted, "gold": counts.gold}
    for role in (*ROLES, "all"):
        tp, fp, fn = counts.exact[role]
        result[f"{role}_p"], result[f"{role}_r"], result[f"{role}_f1"] = prf(tp, fp, fn)
    pooled = [0, 0, 0]
    for role in ROLES:
        shared, p, g = counts.overlap[role]
        pooled = [pooled[0] + shared, pooled[1] + p, pooled[2] + g]
        result[f"{role}_overlap_f1"] = prf(shared, p - shared, g - shared)[2]
    result["all_overlap_f1"] = prf(pooled[0], pooled[1] - pooled[0], pooled[2] - pooled[0])[2]
    return result


def evaluate(path: str, limit: int | None = None, split: str | None = None) -> dict[str, Any]:
    """Score :func:`frontwire.attribution.extract_attributions` on a gold JSONL file.

    path (str): PolNeAR-format JSONL (``text`` + ``attributions``) or inline ``.txt``.
    limit (int | None): only the first ``limit`` records.
    split (str | None): only the records of this split (``dev``, ``heldout``).
    RETURNS (dict): source/cue/content/all ``_p``, ``_r``, ``_f1`` (exact spans),
        ``<role>_overlap_f1`` and ``all_overlap_f1`` (token overlap), ``n`` documents.
    """
    from ..attribution import extract_attributions
    from ..nlp import load_spacy

    records = list(read_gold(path, limit, split))
    nlp = load_spacy()
    counts = Counts()
    stances = StanceCounts()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        pred = [as_spans(a) for a in extract_attributions(doc)]
        gold = [as_spans(a) for a in record["attributions"]]
        counts.add(record["text"], pred, gold)
        if any("stance" in a for a in record["attributions"]):
            stances.add(record, doc)
    result = summarise(counts)
    if stances.labelled:
        result.update(stances.summary())
    return result


class StanceCounts:
    """Stance of the claims the stage makes, against gold stance labels on cues.

    A gold attribution is matched to the claim whose cue overlaps its cue (or, for the
    outlet's own narration, whose words do). Accuracy is over the matched ones;
    ``stance_found`` says how many were matched.
    """

    def __init__(self) -> None:
        from ..attribution import Attributor

        self.stage = Attributor()
        self.labelled = 0
        self.pairs: list[tuple[str, str]] = []  # (gold, predicted)

    def add(self, record: dict[str, Any], doc: Any) -> None:
        from ..model import Document, Report
        from ..nlp import annotate

        text = record["text"]
        report = Report(document=Document(id=str(record.get("id", "")), text=text), text=text)
        claims = self.stage(annotate(report, doc)).claims
        for attribution in record["attributions"]:
            if "stance" not in attribution or not attribution["cue"]:
                continue
            self.labelled += 1
            cue = [(int(c["start"]), int(c["end"])) for c in attribution["cue"]]
            claim = _claim_at(claims, cue)
            if claim is not None:
                self.pairs.append((attribution["stance"], claim.stance))

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {"stance_labelled": self.labelled, "stance_found": len(self.pairs)}
        correct = sum(g == p for g, p in self.pairs)
        result["stance_accuracy"] = round(correct / len(self.pairs), 4) if self.pairs else 0.0
        for stance in STANCES:
            tp = sum(g == p == stance for g, p in self.pairs)
            fp = sum(p == stance != g for g, p in self.pairs)
            fn = sum(g == stance != p for g, p in self.pairs)
            result[f"stance_{stance}_n"] = tp + fn
            result[f"stance_{stance}_f1"] = prf(tp, fp, fn)[2]
        return result


STANCES = ("asserts", "denies", "unconfirmed", "hedged")


def _claim_at(claims: list[Any], cue: Spans) -> Any:
    """The claim whose cue overlaps ``cue``; failing that, a narration claim holding it."""
    for claim in claims:
        if claim.cue_start is not None and _overlaps([(claim.cue_start, claim.cue_end)], cue):
            return claim
    for claim in claims:
        if claim.narration and _overlaps([(claim.content_start, claim.content_end)], cue):
            return claim
    return None


def format_report(result: dict[str, Any]) -> str:
    """A small table of the scores :func:`evaluate` returns."""
    lines = [
        f"attribution: {result['n']} documents, {result.get('predicted', '?')} predicted, "
        f"{result.get('gold', '?')} gold attributions",
        f"{'role':<9}{'P':>8}{'R':>8}{'F1':>8}{'overlap F1':>12}",
    ]
    for role in (*ROLES, "all"):
        overlap = result.get(f"{role}_overlap_f1", float("nan"))
        lines.append(
            f"{role:<9}{result[f'{role}_p']:>8.3f}{result[f'{role}_r']:>8.3f}"
            f"{result[f'{role}_f1']:>8.3f}{overlap:>12.3f}"
        )
    if result.get("stance_labelled"):
        lines.append(
            f"stance: accuracy {result['stance_accuracy']:.3f} on {result['stance_found']} of "
            f"{result['stance_labelled']} labelled claims found; F1 "
            + ", ".join(
                f"{s} {result[f'stance_{s}_f1']:.3f} (n={result[f'stance_{s}_n']})"
                for s in STANCES
            )
        )
    return "\n".join(lines)
