"""Relations between claims across reports, for the ledger's merge step.

Two claims are about the same thing when they are linked to a shared event or when
their contents share enough content words; then opposite stances contradict, equal
stances corroborate, and different casualty figures contradict whatever the stance.
"""

from __future__ import annotations

import re

from ..model import ASSERTS, DENIES, Claim
from .lexicon import side_of

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the of in on at to for from by with and or but that this these those it its is was "
    "were are be been has have had not no did do does said says say told reported according "
    "he she they we i you his her their our there as after before about into over than then "
    "also will would could may might can".split()
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20,
}  # fmt: skip
_CASUALTY = re.compile(
    r"\b(\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")\s+(?:\w+\s+){0,3}?"
    r"(killed|dead|died|deaths|wounded|injured|casualties)\b",
    re.IGNORECASE,
)
_KIND = {"killed": "dead", "dead": "dead", "died": "dead", "deaths": "dead",
         "wounded": "hurt", "injured": "hurt", "casualties": "casualties"}  # fmt: skip
SAME_TOPIC = 0.2


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def casualty_figures(text: str) -> dict[str, int]:
    """{"dead": 5, "hurt": 12, ...} from phrases like '5 people were killed'."""
    out: dict[str, int] = {}
    for number, word in _CASUALTY.findall(text):
        value = _NUMBER_WORDS.get(number.lower())
        if value is None:
            value = int(number.replace(",", ""))
        out.setdefault(_KIND[word.lower()], value)
    return out


def related(a: Claim, b: Claim) -> bool:
    """Do two claims speak about the same thing?"""
    if set(a.event_ids) & set(b.event_ids):
        return True
    wa, wb = _content_words(a.content), _content_words(b.content)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= SAME_TOPIC


def compare_claims(a: Claim, b: Claim) -> str | None:
    """How claim ``b`` bears on claim ``a``.

    a, b (Claim): claims, usually from different reports.
    RETURNS (str | None): "contradicts" when one asserts what the other denies or
        their casualty figures differ; "corroborates" when both assert (or both deny)
        it; None when they are unrelated or their stances say nothing either way.
    """
    if not isinstance(a, Claim) or not isinstance(b, Claim):
        raise TypeError("compare_claims needs two Claim objects")
    if not related(a, b):
        return None
    fa, fb = casualty_figures(a.content), casualty_figures(b.content)
    if any(fa[k] != fb[k] for k in fa.keys() & fb.keys()):
        return "contradicts"
    if {a.stance, b.stance} == {ASSERTS, DENIES}:
        return "contradicts"
    if a.stance == b.stance and a.stance in (ASSERTS, DENIES):
        return "corroborates"
    return None


def origin_key(claim: Claim) -> str:
    """Normalised name of where a claim first came from (its chain's origin)."""
    name = claim.chain[0].name if claim.chain else claim.source
    canonical = side_of(name)[1]
    name = canonical or name
    name = re.sub(r"^(the|a|an)\s+", "", name.strip().lower())
    return re.sub(r"[\s\u2019']+s?\b", " ", name).strip()


def independent_origins(claims: list[Claim]) -> int:
    """Number of distinct origins among ``claims``: one origin re-reported by several
    relays or outlets counts once."""
    if not isinstance(claims, list | tuple):
        raise TypeError("independent_origins needs a list of Claim objects")
    return len({origin_key(c) for c in claims if isinstance(c, Claim)})
