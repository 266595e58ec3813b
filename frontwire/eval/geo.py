"""Toponym resolution (and detection) scores on the gold geo JSONL format.

Metrics over gold toponyms that have coordinates: accuracy within 161 km, mean
and median error, the AUC of the log error curve (Gritta et al. 2018: area under
the sorted log(1 + km) curve normalised by log(20039); lower is better), exact
GeoNames id accuracy, country and admin1 accuracy. Without gold spans the place
stage's own detection runs first; a gold toponym it misses counts at the maximum
error (20,039 km), and detection precision/recall/F1 use overlapping spans.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from typing import Any

from ..errors import EvalDataError
from ..model import Place
from .metrics import prf, read_jsonl

MAX_KM = 20039.0
ACC_KM = 161.0


@dataclass
class _Tally:
    errors: list[float] = field(default_factory=list)
    exact: list[bool] = field(default_factory=list)
    country: list[bool] = field(default_factory=list)
    admin1: list[bool] = field(default_factory=list)
    tp: int = 0
    fp: int = 0
    fn: int = 0


def evaluate(path: str, gold_spans: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Score the place stage on a geo JSONL file.

    path (str): JSONL with ``text`` and ``toponyms`` per record (shared/eval/README.md).
    gold_spans (bool): resolve the gold spans only (no detection).
    limit (int | None): evaluate the first ``limit`` records.
    RETURNS (dict): acc_161km, mean_km, median_km, auc, exact, country_acc, admin1_acc, n
        and, without gold spans, detection_p, detection_r, detection_f1.
    """
    from ..geo import get_gazetteer

    records = list(read_jsonl(path, required=("text", "toponyms"), limit=limit))
    gaz = get_gazetteer()
    tally = _Tally()
    predict = _gold_span_predictor() if gold_spans else _detector()
    for record in records:
        gold = [_check_toponym(path, record, t) for t in record["toponyms"]]
        predicted = predict(record["text"], gold)
        _score_record(gaz, gold, predicted, tally, gold_spans)
    return _summary(tally, gold_spans)


def _check_toponym(path: str, record: dict[str, Any], top: Any) -> dict[str, Any]:
    if not isinstance(top, dict) or not {"start", "end"} <= top.keys():
        raise EvalDataError(f"{path}: record {record.get('id')!r}: toponym without start/end")
    return top


def _gold_span_predictor() -> Any:
    from ..geo import resolve_spans

    def predict(text: str, gold: list[dict[str, Any]]) -> list[Place]:
        return resolve_spans(text, [(int(t["start"]), int(t["end"])) for t in gold])

    return predict


def _detector() -> Any:
    from ..geo import Geoparser
    from ..nlp import annotate as nlp_annotate
    from ..nlp import load_spacy

    nlp = load_spacy()
    geo = Geoparser()

    def predict(text: str, gold: list[dict[str, Any]]) -> list[Place]:
        from ..model import Document, Report

        report = nlp_annotate(Report(document=Document(id="eval", text=text), text=text), nlp(text))
        return geo(report).places

    return predict


def _score_record(gaz: Any, gold: list[dict[str, Any]], predicted: list[Place], tally: _Tally,
                  gold_spans: bool) -> None:
    matched = _align(gold, predicted) if not gold_spans else dict(enumerate(predicted))
    if not gold_spans:
        tally.tp += len(matched)
        tally.fn += len(gold) - len(matched)
        tally.fp += len(predicted) - len(matched)
    for i, top in enumerate(gold):
        if top.get("lat") is None or top.get("lon") is None:
            continue
        place = matched.get(i)
        tally.errors.append(_error_km(top, place))
        if top.get("geonameid"):
            tally.exact.append(place is not None and place.geonameid == str(top["geonameid"]))
        if top.get("country"):
            tally.country.append(place is not None and _same_country(gaz, top["country"], place))
        # The admin1 of a country's point is an artefact of where the point fell: skip it.
        if top.get("admin1") and str(top.get("geonameid")) not in _country_ids(gaz):
            tally.admin1.append(place is not None and _same_admin1(gaz, top["admin1"], place))


_COUNTRY_IDS: set[str] = set()


def _country_ids(gaz: Any) -> set[str]:
    if not _COUNTRY_IDS:
        _COUNTRY_IDS.update(str(int(g)) for g in gaz.gid[gaz.feature == 0])
    return _COUNTRY_IDS


def _align(gold: list[dict[str, Any]], predicted: list[Place]) -> dict[int, Place]:
    """One-to-one matching of gold toponyms to predicted places by overlapping spans."""
    matched: dict[int, Place] = {}
    used: set[int] = set()
    for i, top in enumerate(gold):
        for k, place in enumerate(predicted):
            if k not in used and place.start < int(top["end"]) and int(top["start"]) < place.end:
                matched[i] = place
                used.add(k)
                break
    return matched


def _error_km(top: dict[str, Any], place: Place | None) -> float:
    from ..geo.resolve import haversine_km

    if place is None or place.lat is None or place.lon is None:
        return MAX_KM
    return haversine_km(float(top["lat"]), float(top["lon"]), place.lat, place.lon)


def _same_country(gaz: Any, gold_country: str, place: Place) -> bool:
    hits = gaz.lookup(gold_country)
    codes = {gaz.country_code(h.entry) for h in hits if gaz.feature[h.entry] == 0}
    if codes:
        return place.country_code in codes
    return _norm(gold_country) == _norm(place.country)


def _same_admin1(gaz: Any, gold_admin1: str, place: Place) -> bool:
    if not place.admin1:
        return False
    if _norm(gold_admin1) == _norm(place.admin1):
        return True
    gold_ids = {h.entry for h in gaz.lookup(gold_admin1) if gaz.feature[h.entry] == 1}
    pred_ids = {h.entry for h in gaz.lookup(place.admin1) if gaz.feature[h.entry] == 1}
    return bool(gold_ids & pred_ids)


def _norm(name: str) -> str:
    from ..geo.names import name_key

    return name_key(name)


def auc(errors: list[float]) -> float:
    """Area under the sorted log-error curve, normalised to 0..1 (lower is better)."""
    if not errors:
        return 0.0
    points = sorted(min(1.0, math.log(1.0 + e) / math.log(MAX_KM)) for e in errors)
    if len(points) == 1:
        return points[0]
    area = sum((a + b) / 2.0 for a, b in zip(points, points[1:], strict=False))
    return area / (len(points) - 1)


def _summary(tally: _Tally, gold_spans: bool) -> dict[str, Any]:
    errors = tally.errors

    def share(values: list[bool]) -> float | None:
        # None when the gold file has no such field (GeoVirus has no GeoNames ids).
        return round(sum(values) / len(values), 4) if values else None

    result: dict[str, Any] = {
        "n": len(errors),
        "acc_161km": share([e <= ACC_KM for e in errors]) or 0.0,
        "mean_km": round(statistics.fmean(errors), 1) if errors else 0.0,
        "median_km": round(statistics.median(errors), 1) if errors else 0.0,
        "auc": round(auc(errors), 4),
        "exact": share(tally.exact),
        "country_acc": share(tally.country),
        "admin1_acc": share(tally.admin1),
        "gold_spans": gold_spans,
    }
    if not gold_spans:
        scores = prf(tally.tp, tally.fp, tally.fn)
        result["detection_p"] = round(scores["precision"], 4)
        result["detection_r"] = round(scores["recall"], 4)
        result["detection_f1"] = round(scores["f1"], 4)
    return result


_LABELS = (
    ("n", "gold toponyms with coordinates"),
    ("acc_161km", "accuracy @161 km"),
    ("mean_km", "mean error (km)"),
    ("median_km", "median error (km)"),
    ("auc", "AUC of log error (lower is better)"),
    ("exact", "exact GeoNames id"),
    ("country_acc", "country accuracy"),
    ("admin1_acc", "admin1 accuracy (sub-country)"),
    ("detection_p", "detection precision"),
    ("detection_r", "detection recall"),
    ("detection_f1", "detection F1"),
)


def format_report(result: dict[str, Any]) -> str:
    """A human-readable table of :func:`evaluate`'s result."""
    mode = "gold spans" if result.get("gold_spans") else "detection + resolution"
    lines = [f"geo evaluation ({mode})"]
    for key, label in _LABELS:
        if key in result:
            value = "n/a" if result[key] is None else result[key]
            lines.append(f"  {label:<36} {value}")
    return "\n".join(lines)
