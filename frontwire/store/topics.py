"""Crude topic keys of a text: enough to tell whether two statements talk about one thing."""

from __future__ import annotations

import re
from functools import lru_cache

_STOP = frozenset(
    "that this with from have were been their there they said says would could about after"
    " into over than which while when where what also some more most such only other being"
    " them these those because against during reports report reported according".split()
)


@lru_cache(maxsize=65536)
def content_keys(text: str) -> frozenset[str]:
    """Five-letter stems of the words of four letters or more, minus function words."""
    words = re.findall(r"[^\W\d_]{4,}", text.lower())
    return frozenset(w[:5] for w in words if w not in _STOP)
