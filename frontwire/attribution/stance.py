"""Stance of a claim: asserts, denies, unconfirmed or hedged (issue 5)."""

from __future__ import annotations

import re

from ..model import ASSERTS
from .lexicon import StanceRule, load_stance

_WORD = re.compile(r"[\w'\u2019]+")
UNCONFIRMED = "unconfirmed"
NEGATORS = {"not", "n't", "never", "no"}
WITHHOLDING = {"declined", "declines", "declining", "refused", "refuses", "refusing"}
# Verbs whose negation leaves a matter open: 'did not say who fired', 'did not name the port'.
SILENT_VERBS = {
    "say", "said", "says", "mention", "mentioned", "name", "named", "specify", "specified",
    "disclose", "disclosed", "give", "gave", "comment", "commented", "identify", "identified",
    "elaborate", "elaborated", "reveal", "revealed", "detail", "detailed",
}  # fmt: skip
_SAID_NOTHING = re.compile(
    r"[\s\"\u201c]*nothing(?:\s+(?:about|on|regarding|of|further|more)\b|\s*$)", re.IGNORECASE
)
# What a source may decline to do: 'declined to comment', 'refused to confirm'.
REFUSABLE = SILENT_VERBS | {"confirm"}
INTERROGATIVES = {"whether", "if", "who", "what", "when", "where", "how", "why", "which"}


def withheld(cue_words: list[str], content: str) -> bool:
    """'would not confirm whether drones were used', 'did not say who fired', 'declined to
    name the unit': a source that leaves the matter open neither asserts nor denies it.
    (A plain 'did not confirm the incursion' stays a denial: it answers a claim.)"""
    if not cue_words:
        return False
    said_nothing = _SAID_NOTHING.match(content)
    if said_nothing and any(w in SILENT_VERBS for w in cue_words):
        return True  # 'The spokesman said nothing about casualties' (not 'nothing was hit')
    negated = cue_words[0] in WITHHOLDING or any(
        w in NEGATORS or w.endswith(("n't", "n\u2019t")) for w in cue_words
    )
    if not negated:
        return False
    if cue_words[0] in WITHHOLDING and any(w in ("confirm", "verify") for w in cue_words):
        return True  # 'refused to confirm the strike'
    lead = content.lstrip(" \"\u201c").lower().split()[:2]
    if lead[:1] == ["to"] and lead[1:] and lead[1] in REFUSABLE:
        return True  # 'declined to comment on the reports', 'refused to confirm'
    return bool(lead) and lead[0] in INTERROGATIVES or any(w in SILENT_VERBS for w in cue_words)


def stance_of(
    cue_words: list[str], texts: list[str], rules: tuple[StanceRule, ...] | None = None
) -> tuple[str, str]:
    """(stance, the words that set it) from the cue's words and the claim's texts.

    Rules are tried in priority order (denies, unconfirmed, hedged): "denied reports
    that groups may have entered" denies, even though it also hedges.
    """
    lowered = [w.lower() for w in cue_words]
    if withheld(lowered, texts[-1] if texts else ""):
        return UNCONFIRMED, " ".join(cue_words)
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
