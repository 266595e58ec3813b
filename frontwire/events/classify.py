"""``classify``: snippets to (event_type, sub_event_type, confidence).

Uses the user's trained model when one is saved in the data folder (see
:mod:`frontwire.events.learn`), the shipped rules otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from . import learn
from .rules import decide
from .taxonomy import event_type_of

MARGIN_SCALE = 5.0
_OVERRIDE: list[Any] = []  # a model set by ``using_model`` (eval runs), innermost last
_CACHE: dict[str, Any] = {}


@contextmanager
def using_model(model: Any) -> Iterator[None]:
    """Classify with ``model`` (a fitted pipeline) inside the block, saving nothing."""
    _OVERRIDE.append(model)
    try:
        yield
    finally:
        _OVERRIDE.pop()


def _user_model() -> tuple[Any | None, str]:
    folder = learn.model_dir()
    path = folder / learn.MODEL_FILE
    if not path.is_file():
        return None, "builtin"
    stamp = f"{path}:{path.stat().st_mtime_ns}"
    if _CACHE.get("stamp") != stamp:
        _CACHE["model"], _CACHE["stamp"] = learn.load_user_model(folder), stamp
    return _CACHE["model"], f"user:{folder}"


def active_model() -> tuple[Any | None, str]:
    """The model in use and its name ("builtin", "user:<path>" or "override")."""
    if _OVERRIDE:
        return _OVERRIDE[-1], "override"
    return _user_model()


def active_model_name() -> str:
    return active_model()[1]


def _margin_confidence(margins: Any) -> float:
    """A 0..1 confidence from SVM margins (softmax over the class scores)."""
    # SVM margins sit around -1..1; scaling them before the softmax keeps a clear
    # winner near 1 instead of spreading mass over 25 classes.
    values = [MARGIN_SCALE * float(v) for v in margins]
    top = max(values)
    total = sum(math.exp(v - top) for v in values)
    return round(1.0 / total, 3)


def classify(texts: list[str]) -> list[tuple[str, str, float]]:
    """(event_type, sub_event_type, confidence) for each snippet.

    texts (list[str]): short event descriptions (a sentence or an ACLED note).
    RETURNS (list[tuple[str, str, float]]): one triple per snippet, in order.
    """
    if isinstance(texts, str) or not all(isinstance(t, str) for t in texts):
        raise TypeError("classify() takes a list of strings")
    model, _ = active_model()
    if model is None:
        out = []
        for text in texts:
            decision = decide(text)
            out.append((event_type_of(decision.sub_event_type), decision.sub_event_type,
                        decision.confidence))
        return out
    if not texts:
        return []
    labels = model.predict(texts)
    margins = model.decision_function(texts)
    if getattr(margins, "ndim", 2) == 1:  # two-class model: one margin per row
        margins = [[-m, m] for m in margins]
    return [(event_type_of(str(label)), str(label), _margin_confidence(row))
            for label, row in zip(labels, margins, strict=True)]
