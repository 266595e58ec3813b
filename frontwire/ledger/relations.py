"""Relations between claims about one incident: contradictions and corroborations.

The attribution stage owns the real judgement (``frontwire.attribution.compare_claims``
and ``independent_origins``); it is imported lazily and, where it is absent or has no
verdict, a simple rule stands in: an assertion and a denial about the same thing contradict, two
different death tolls contradict, two assertions from different sources sharing
content corroborate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..model import ASSERTS, DENIES, Claim
from ..store.topics import content_keys

CONTRADICTS = "contradicts"
CORROBORATES = "corroborates"

Compare = Callable[[Claim, Claim], "str | None"]
Origins = Callable[[list[Claim]], int]

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12, "dozens": 24,
}  # fmt: skip
_NUM = r"(\d[\d,]*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_DEATH = r"(?:killed|dead|died|deaths|fatalities|lives|bodies|slain)"
_TOLL_PATTERNS = [
    re.compile(_NUM + r"\s+(?:\w+\s+){0,3}?" + _DEATH, re.I),
    re.compile(r"(?:killed|killing|killing of|death toll (?:rose to|of|at))\s+(?:at least\s+)?"
               + _NUM, re.I),
]
@lru_cache(maxsize=65536)
def death_toll(text: str) -> int | None:
    """The first death figure a claim states ("12 people were killed" -> 12), if any."""
    for pattern in _TOLL_PATTERNS:
        match = pattern.search(text)
        if match:
            raw = match.group(1).lower().replace(",", "")
            return int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    return None


def source_key(claim: Claim) -> str:
    """Who a claim ultimately comes from: the chain's origin, else the speaker."""
    for link in claim.chain:
        if link.role == "origin" and link.name:
            return link.name.casefold()
    if claim.chain and claim.chain[0].name:
        return claim.chain[0].name.casefold()
    return claim.source.casefold()


def fallback_compare(a: Claim, b: Claim) -> str | None:
    """The stand-in rule used until (or when) the attribution stage offers compare_claims."""
    shared = content_keys(a.content) & content_keys(b.content)
    if {a.stance, b.stance} == {ASSERTS, DENIES} and shared:
        return CONTRADICTS
    toll_a, toll_b = death_toll(a.content), death_toll(b.content)
    if toll_a is not None and toll_b is not None and toll_a != toll_b:
        return CONTRADICTS
    if a.stance == b.stance == ASSERTS and source_key(a) != source_key(b) and len(shared) >= 2:
        return CORROBORATES
    return None


def reason(a: Claim, b: Claim, relation: str) -> str:
    """A short why for a relation, shown beside it ("asserts vs denies", "fatalities 3 vs 5")."""
    if relation == CORROBORATES:
        return f"both {a.stance}" if a.stance == b.stance else f"{a.stance} and {b.stance}"
    if a.stance != b.stance:
        return f"{a.stance} vs {b.stance}"
    toll_a, toll_b = death_toll(a.content), death_toll(b.content)
    if toll_a is not None and toll_b is not None and toll_a != toll_b:
        return f"fatalities {toll_a} vs {toll_b}"
    return "figures differ"


def fallback_origins(claims: Sequence[Claim]) -> int:
    """Distinct origins among the claims (an outlet relaying TASS is not a new origin)."""
    return len({source_key(c) for c in claims if source_key(c)})


@lru_cache(maxsize=1)
def judges() -> tuple[Compare, Origins]:
    """compare_claims and independent_origins, the attribution stage's first.

    The attribution stage's verdict wins when it gives one; when it has none (or is
    missing), the stand-in rule still links assertion vs denial and differing tolls,
    which the ledger promises whatever the stage can do.
    """
    theirs_compare: Compare | None = None
    theirs_origins: Origins | None = None
    try:
        from ..attribution import compare_claims as theirs_compare
    except ImportError:
        pass
    try:
        from ..attribution import independent_origins as theirs_origins
    except ImportError:
        pass

    def compare(a: Claim, b: Claim) -> str | None:
        verdict = theirs_compare(a, b) if theirs_compare is not None else None
        return verdict or fallback_compare(a, b)

    def origins(claims: list[Claim]) -> int:
        counted = theirs_origins(list(claims)) if theirs_origins is not None else 0
        # Claims always come from somewhere: 0 means the stage could not tell.
        return int(counted) if counted else fallback_origins(claims)

    return compare, origins
