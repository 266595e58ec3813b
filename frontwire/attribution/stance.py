"""Stance of a claim: asserts, denies, unconfirmed or hedged (issue 5)."""

from __future__ import annotations

import re

from ..model import ASSERTS
from .lexicon import StanceRule, load_stance

_WORD = re.compile(r"[\w'\u2019]+")


def stance_of(
    cue_words: list[str], texts: list[str], rules: tuple[StanceRule, ...] | None = None
) -> tuple[str, str]:
    """(stance, the words that set it) from the cue's words and the claim's texts.

    Rules are tried in priority order (denies, unconfirmed, hedged): "denied reports
    that groups may have entered" denies, even though it also hedges.
    """
    lowered = [w.lower() for w in cue_words]
    words = [set(_WORD.findall(text.lower())) for text in texts]
    for rule in rules if rules is not None else load_stance():
        for word in lowered:
            if word in rule.cues:
                return rule.stance, word
        for text, present in zip(texts, words, strict=True):
            if rule.anchors and not rule.anchors & present:
                continue
            for pattern in rule.phrases:
                match = pattern.search(text)
                if match:
                    return rule.stance, match.group(0)
    return ASSERTS, ""
