"""``frontwire eval acled``: code ACLED notes end to end and compare with ACLED's coding.

Each note goes through the full pipeline as a document of its own with no document
date (the gold ``event_date`` must not leak in; the notes state their date). The
events stage runs in ``one_event`` mode because an ACLED note describes one event.
With ``train_fraction`` a temporary model is trained on that share of the file (a
deterministic split by id hash) and the rest is evaluated, saving nothing.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from typing import Any

from ..errors import EvalDataError
from .events import scores
from .metrics import numbered_jsonl

NEEDED = ("id", "text", "event_type", "sub_event_type", "event_date", "fatalities", "actor1")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(math.sqrt(min(1.0, a)))


def norm_name(name: str | None) -> str:
    """Case-, accent- and punctuation-blind form of a name for equality tests."""
    from anyascii import anyascii

    text = anyascii(name or "").lower()
    return re.sub(r"[^a-z0-9()]+", " ", text).strip()


def loose_actor(name: str | None) -> str:
    """An actor name without its period ("(2000-)"), for the lenient actor score."""
    return norm_name(re.sub(r"\s*\(\d{4}-(?:\d{4})?\)", "", name or ""))


ADMIN_WORDS = re.compile(
    r"\b(?:province|provincia|region|regiao|region de|oblast|oblysy|oblys|kray|krai|state|"
    r"governorate|muhafazat|county|lan|city|special city|metropolitan city|capital|district|"
    r"division|department|prefecture|do|si|teukbyeolsi|gwangyeoksi|comunidad|communaute|"
    r"kabupaten|provinsi|wilayah|ostan|e|of|the|de|la|del)\b")


def loose_admin(name: str | None) -> str:
    """An admin1 name without its kind ("Western Province" -> "western"), for the lenient score."""
    return re.sub(r"\s+", " ", ADMIN_WORDS.sub(" ", norm_name(name).replace("-", " "))).strip()


def admin_match(ours: str | None, gold: str | None) -> bool:
    """Lenient admin1 equality: kind words dropped, small spelling differences allowed."""
    from rapidfuzz import fuzz

    a, b = loose_admin(ours), loose_admin(gold)
    return bool(a and b) and (a == b or fuzz.ratio(a, b) >= 85)


def in_train(record_id: str, fraction: float) -> bool:
    """Deterministic split: the id's hash decides, whatever the file order."""
    digest = hashlib.sha1(str(record_id).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < fraction


def load_rows(path: str, limit: int | None = None) -> list[dict[str, Any]]:
    rows = []
    for line_no, record in numbered_jsonl(path):
        missing = [k for k in NEEDED if k not in record]
        if missing:
            raise EvalDataError(f"{path}:{line_no}: not an ACLED row (missing "
                                f"{', '.join(missing)})")
        rows.append(record)
    if not rows:
        raise EvalDataError(f"{path}: no records")
    return rows[:limit] if limit is not None else rows


def build_pipeline() -> tuple[Any, list[str]]:
    """The full pipeline with the events stage coding one event per note."""
    from ..pipeline import Pipeline, PipelineConfig

    return Pipeline(PipelineConfig(options={"events": {"one_event": True}})), []


def _primary(report: Any) -> Any:
    current = [e for e in report.events if not e.background]
    return (current or report.events or [None])[0]


def _compare(row: dict[str, Any], event: Any) -> dict[str, Any]:
    place = event.place if event else None
    near = None
    if place is not None and place.lat is not None and row.get("latitude") is not None:
        near = haversine_km(place.lat, place.lon, float(row["latitude"]),
                            float(row["longitude"])) <= 10.0
    return {
        "event_type": bool(event) and event.event_type == row["event_type"],
        "sub": event.sub_event_type if event else "None",
        "date": bool(event) and event.date_start == row["event_date"],
        "loc": bool(near),
        "admin1": place is not None and norm_name(place.admin1) == norm_name(row.get("admin1")),
        "admin1_loose": place is not None and admin_match(place.admin1, row.get("admin1")),
        "fatalities": (event.fatalities if event else 0) == int(row["fatalities"] or 0),
        "actor1": bool(event and event.actor1)
        and norm_name(event.actor1.name) == norm_name(row["actor1"]),
        "actor1_loose": bool(event and event.actor1)
        and loose_actor(event.actor1.name) == loose_actor(row["actor1"]),
    }


def evaluate(path: str, limit: int | None = None, train_fraction: float | None = None
             ) -> dict[str, Any]:
    """Score the pipeline's coding of ACLED notes against ACLED's own.

    path (str): JSONL of ACLED rows (../shared/eval/acled-notes.jsonl format).
    limit (int): evaluate at most this many rows (after the train split).
    train_fraction (float): train a temporary model on this share of rows, test on the rest.
    RETURNS (dict): event_type_acc, sub_event_type_wf1, date_acc, loc_10km, admin1_acc,
        fatalities_acc, actor1_acc, n (and actor1_loose_acc, model, missing_stages, seconds).
    """
    from ..events.classify import active_model_name, using_model
    from ..events.learn import fit
    from ..model import Document

    if train_fraction is not None and not 0.0 < train_fraction < 1.0:
        raise EvalDataError(f"train fraction {train_fraction} must be between 0 and 1")
    rows = load_rows(path)
    model, model_name, trained_on = None, active_model_name(), 0
    if train_fraction is not None:
        train = [r for r in rows if in_train(r["id"], train_fraction)]
        rows = [r for r in rows if not in_train(r["id"], train_fraction)]
        model = fit([r["text"] for r in train], [r["sub_event_type"] for r in train])
        model_name, trained_on = f"trained on {len(train)} rows ({train_fraction:.0%})", len(train)
    rows = rows[:limit] if limit is not None else rows
    if not rows:
        raise EvalDataError(f"{path}: no rows left to evaluate")
    pipeline, missing = build_pipeline()
    started = time.perf_counter()
    results = []
    with using_model(model) if model is not None else _nothing():
        for row in rows:
            report = pipeline.analyse(Document(id=str(row["id"]), text=row["text"]))
            results.append(_compare(row, _primary(report)))
    return _summarise(rows, results, model_name, missing, trained_on,
                      time.perf_counter() - started)


class _nothing:  # noqa: N801 - a do-nothing context manager
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _summarise(rows: list[dict[str, Any]], results: list[dict[str, Any]], model_name: str,
               missing: list[str], trained_on: int, seconds: float) -> dict[str, Any]:
    n = len(results)

    def rate(key: str) -> float:
        return sum(1 for r in results if r[key]) / n

    wf1 = scores([r["sub_event_type"] for r in rows], [r["sub"] for r in results])
    return {
        "event_type_acc": rate("event_type"),
        "sub_event_type_wf1": wf1["weighted_f1"],
        "sub_event_type_acc": wf1["accuracy"],
        "date_acc": rate("date"),
        "loc_10km": rate("loc"),
        "admin1_acc": rate("admin1"),
        "admin1_loose_acc": rate("admin1_loose"),
        "fatalities_acc": rate("fatalities"),
        "actor1_acc": rate("actor1"),
        "actor1_loose_acc": rate("actor1_loose"),
        "n": n,
        "trained_on": trained_on,
        "model": model_name,
        "missing_stages": missing,
        "notes_per_s": round(n / seconds, 1) if seconds else 0.0,
    }


def format_report(result: dict[str, Any]) -> str:
    """Human-readable summary of :func:`evaluate`."""
    lines = [f"ACLED notes: {result['n']}  model: {result['model']}  "
             f"({result['notes_per_s']} notes/s)"]
    if result.get("missing_stages"):
        lines.append(f"stages not available (scored as misses): "
                     f"{', '.join(result['missing_stages'])}")
    for key, label in (("event_type_acc", "event type accuracy"),
                       ("sub_event_type_wf1", "sub-event type weighted F1"),
                       ("date_acc", "event date exact"), ("loc_10km", "location within 10 km"),
                       ("admin1_acc", "admin1 accuracy"),
                       ("admin1_loose_acc", "admin1, kind words ignored"),
                       ("fatalities_acc", "fatalities exact"),
                       ("actor1_acc", "actor1 match"),
                       ("actor1_loose_acc", "actor1 match, period ignored")):
        lines.append(f"  {label:<30} {result[key]:.3f}")
    return "\n".join(lines)
