"""``train``: fit a fast classifier on the user's own coded events and save it.

The model is TF-IDF over word 1-2-grams and character 2-5-grams with a linear SVM:
seconds on a CPU for thousands of notes. It is saved to the user's data folder
($XDG_DATA_HOME or ~/.local/share, then frontwire/events-model/), never into the
package: the shipped classifier stays the hand-written rules.
"""

from __future__ import annotations

import csv
import json
import os
import pickle
import time
from pathlib import Path
from typing import Any

from ..errors import FrontwireError
from .taxonomy import SUB_TO_TYPE

MODEL_FILE = "model.pkl"
META_FILE = "meta.json"


class TrainingDataError(FrontwireError):
    """The training file cannot be read or holds no usable labelled rows."""


def data_home() -> Path:
    """The user's data folder for Frontwire ($XDG_DATA_HOME/frontwire)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "frontwire"


MODEL_ENV = "FRONTWIRE_EVENTS_MODEL"


def model_dir() -> Path:
    """Where the pipeline looks for a trained model: $FRONTWIRE_EVENTS_MODEL, else the
    user data folder (a model saved elsewhere with ``train -o`` is used via the variable)."""
    chosen = os.environ.get(MODEL_ENV)
    return Path(chosen) if chosen else data_home() / "events-model"


def read_training_rows(data_path: str) -> list[tuple[str, str]]:
    """(text, sub_event_type) pairs from an ACLED CSV export or a JSONL file."""
    path = Path(data_path)
    if not path.is_file():
        raise TrainingDataError(f"{path}: no such training file")
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        rows = _jsonl_rows(path)
    else:
        rows = _csv_rows(path)
    if len(rows) < 2 or len({label for _, label in rows}) < 2:
        raise TrainingDataError(f"{path}: need at least two labelled rows of two different "
                                "sub-event types")
    return rows


def _check_label(path: Path, where: int, label: str) -> str:
    label = label.strip()
    if label not in SUB_TO_TYPE:
        raise TrainingDataError(f"{path}:{where}: {label!r} is not an ACLED sub-event type")
    return label


def _jsonl_rows(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise TrainingDataError(f"{path}:{line_no}: not JSON ({err.msg})") from None
        text = record.get("text") or record.get("notes")
        label = record.get("label") or record.get("sub_event_type")
        if not isinstance(text, str) or not isinstance(label, str):
            raise TrainingDataError(f"{path}:{line_no}: needs 'text' and 'label' strings")
        rows.append((text, _check_label(path, line_no, label)))
    return rows


def _csv_rows(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = set(reader.fieldnames or [])
        if not {"notes", "sub_event_type"} <= fields:
            raise TrainingDataError(f"{path}: an ACLED CSV needs 'notes' and 'sub_event_type' "
                                    f"columns (found: {', '.join(sorted(fields)) or 'none'})")
        return [(row["notes"] or "", _check_label(path, i, row["sub_event_type"] or ""))
                for i, row in enumerate(reader, 2) if (row["notes"] or "").strip()]


def fit(texts: list[str], labels: list[str]) -> Any:
    """A fitted scikit-learn pipeline (TF-IDF word+char n-grams, linear SVM)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.svm import LinearSVC

    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True,
                                  max_features=200_000)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                  sublinear_tf=True, max_features=300_000)),
    ])
    model = make_pipeline(features, LinearSVC(C=0.5, class_weight="balanced"))
    model.fit(texts, labels)
    return model


def train(data_path: str, out: str | None = None) -> dict[str, Any]:
    """Fit a classifier on the user's coded events and save it for the pipeline to use.

    data_path (str): ACLED export CSV (notes, sub_event_type columns) or JSONL (text, label).
    out (str): folder to save to; default the user's data folder (events-model/).
    RETURNS (dict): path, n (rows), labels (sorted), seconds.
    """
    started = time.perf_counter()
    rows = read_training_rows(data_path)
    model = fit([t for t, _ in rows], [label for _, label in rows])
    folder = Path(out) if out else model_dir()
    folder.mkdir(parents=True, exist_ok=True)
    labels = sorted({label for _, label in rows})
    with (folder / MODEL_FILE).open("wb") as handle:
        pickle.dump(model, handle)
    meta = {"n": len(rows), "labels": labels, "source": str(Path(data_path).resolve()),
            "trained": time.strftime("%Y-%m-%dT%H:%M:%S")}
    (folder / META_FILE).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return {"path": str(folder), "n": len(rows), "labels": labels,
            "seconds": round(time.perf_counter() - started, 2)}


def load_user_model(folder: Path | None = None) -> Any | None:
    """The user's trained model, or None when there is none."""
    path = (folder or model_dir()) / MODEL_FILE
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        # The file is the user's own, written by ``train`` above.
        return pickle.load(handle)  # noqa: S301
