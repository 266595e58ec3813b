"""Contradictions and corroborations between the origins of one incident's claims.

A claim takes *positions* on the incident's propositions: that it happened
(``occurred``), who did it (``responsibility``), what was hit (``target``), how an assault
ended (``outcome``: advanced or repelled); how many died
is the tolls' business (``frontwire.ledger.tolls``, kind ``toll``). Two claims contradict
when they hold incompatible positions on one proposition and come from different origins
of different sides: never two halves of one sentence, never one origin or one party's
voices against each other. Contradictions are kept one per kind and pair of opposing
parties (an origin without a known side is its own party), each shown by the earliest
pair of claims: the two sides of a dispute, not every pair of claims that repeat it.

The word lists live in ``frontwire/ledger/data/propositions.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import ASSERTS, DENIES, Claim
from ..store.topics import content_keys
from .origins import Origin, OriginIndex, fold

CONTRADICTS = "contradicts"
CORROBORATES = "corroborates"
OCCURRED, RESPONSIBILITY, TARGET, OUTCOME = "occurred", "responsibility", "target", "outcome"
KINDS = (OCCURRED, RESPONSIBILITY, TARGET, OUTCOME, "toll")
DATA = Path(__file__).parent / "data" / "propositions.json"
NOT = "not "  # prefix of a denied value: "not Russia" (Moscow denies it did it)
TRIES = 40  # claims tried per position and party when looking for a valid pair

# (doc_a, claim_a, doc_b, claim_b, relation, reason, kind)
Relation = tuple[str, str, str, str, str, str, str]


def _alternation(phrases: Collection[str]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(re.escape(p) for p in ordered)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w-])")


@dataclass(frozen=True)
class Lexicon:
    """Compiled word lists of ``propositions.json``."""

    agent: dict[str, re.Pattern[str]]  # party -> "<party> <agent noun or verb>"
    by_party: dict[str, re.Pattern[str]]  # party -> "by <party>"
    attack: re.Pattern[str]
    responsibility: re.Pattern[str]
    civilian: re.Pattern[str]
    military: re.Pattern[str]
    not_denials: re.Pattern[str]
    self_reference: re.Pattern[str]
    advanced: re.Pattern[str]
    repelled: re.Pattern[str]
    background: re.Pattern[str]
    topic_words: frozenset[str]  # stems that say nothing about which act is meant


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The proposition word lists, compiled once.

    RETURNS (Lexicon): patterns for parties, acts, targets and stance cues.
    """
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    acts = _alternation([*data["agent_nouns"], *data["agent_verbs"]]).pattern
    agent, by_party = {}, {}
    for party, names in data["parties"].items():
        who = _alternation(names).pattern
        # "Russian shelling", "Ukrainian forces struck", "Kyiv has repeatedly shelled"
        agent[party] = re.compile(rf"{who}\s+(?:(?:has|have|had|again|also|repeatedly|"
                                  rf"allegedly|deliberately)\s+){{0,2}}{acts}")
        by_party[party] = re.compile(rf"\bby\s+(?:the\s+)?{who}")
    topic = set(data["attack"]) | set(data["agent_nouns"]) | set(data["responsibility"])
    for names in data["parties"].values():
        topic |= set(names)
    return Lexicon(
        agent=agent, by_party=by_party,
        attack=_alternation(data["attack"]),
        responsibility=_alternation(data["responsibility"]),
        civilian=_alternation(data["civilian"]),
        military=_alternation(data["military"]),
        not_denials=_alternation(data["not_denials"]),
        self_reference=_alternation(data["self_reference"]),
        advanced=_alternation(data["advanced"]),
        repelled=_alternation(data["repelled"]),
        background=_alternation(data["background"]),
        topic_words=frozenset(w[:5] for p in topic for w in p.split() if len(w) >= 4),
    )  # fmt: skip


@dataclass(frozen=True)
class Position:
    """What a claim holds on one proposition: ("responsibility", "Ukraine")."""

    kind: str
    value: str


def perpetrators(text: str) -> set[str]:
    """The parties a text names as having acted ("Ukrainian shelling of the plant" ->
    {"Ukraine"}; "shelling by Russian forces" -> {"Russia"}).

    text (str): a claim's content.
    RETURNS (set[str]): party names from ``propositions.json``.
    """
    lex, folded = lexicon(), fold(text)
    return {party for party, pattern in lex.agent.items()
            if pattern.search(folded) or lex.by_party[party].search(folded)}  # fmt: skip


def _is_denial(claim: Claim) -> bool:
    """A denial of a proposition, not a stance cue like "repelled an attack"."""
    if claim.stance != DENIES:
        return False
    cues = fold(f"{claim.stance_cue} {claim.cue}")
    return not lexicon().not_denials.search(cues)


def _target(text: str) -> str:
    lex = lexicon()
    civilian, military = bool(lex.civilian.search(text)), bool(lex.military.search(text))
    return "civilian" if civilian and not military else "military" if military and not civilian \
        else ""  # fmt: skip


def positions(claim: Claim, side: str = "") -> frozenset[Position]:
    """The positions a claim takes on the incident.

    claim (Claim): an attributed claim linked to the incident.
    side (str): the side of the claim's origin, for a denial that names no one ("Moscow
        denied responsibility" -> not Russia).
    RETURNS (frozenset[Position]): empty for a background statement ("has repeatedly
        denied targeting civilians") or a claim about nothing the incident turns on.
    """
    lex, text = lexicon(), fold(claim.content)
    if lex.background.search(text) or lex.background.search(fold(claim.cue)):
        return frozenset()
    acted = perpetrators(claim.content)
    culprit = next(iter(acted)) if len(acted) == 1 else ""  # "each other" names no one
    attack, target = bool(lex.attack.search(text)), _target(text)
    found: set[Position] = set()
    if _is_denial(claim):
        own_side = bool(lex.self_reference.search(text))  # "denied that its forces shelled"
        if lex.responsibility.search(text) or culprit or (own_side and side):
            who = culprit or side
            if who:
                found.add(Position(RESPONSIBILITY, NOT + who))
            if own_side and attack:  # denying its own forces' attack denies the attack
                found.add(Position(OCCURRED, "no"))
        elif target == "civilian":
            found.add(Position(TARGET, NOT + "civilian"))
        elif attack:
            found.add(Position(OCCURRED, "no"))
    elif claim.stance == ASSERTS:
        if culprit:
            found.add(Position(RESPONSIBILITY, culprit))
        if attack and target:
            found.add(Position(TARGET, target))
        if attack:
            found.add(Position(OCCURRED, "yes"))
        outcome = _outcome(text)
        if outcome:
            found.add(Position(OUTCOME, outcome))
    return frozenset(found)


def _outcome(text: str) -> str:
    """How an assault ended as the claim tells it: "repelled" ("repelled an attempt to
    enter", "no breakthrough") or "advanced" ("entered the village"); "" when neither.
    Repelling wins: "repelled an attempt to enter" names the entry it stopped."""
    lex = lexicon()
    if lex.repelled.search(text):
        return "repelled"
    return "advanced" if lex.advanced.search(text) else ""


def incompatible(a: Position, b: Position) -> bool:
    """Do two positions on one proposition exclude each other?

    ("responsibility", "Russia") and ("responsibility", "Ukraine") do, as do "Russia" and
    "not Russia"; "not Russia" and "Ukraine" do not (Moscow denying is not Kyiv admitting).
    """
    if a.kind != b.kind or a.value == b.value:
        return False
    denied_a, denied_b = a.value.startswith(NOT), b.value.startswith(NOT)
    if denied_a and denied_b:
        return False
    if denied_a or denied_b:
        return a.value.removeprefix(NOT) == b.value.removeprefix(NOT)
    return True


def _objects(claim: Claim) -> frozenset[str]:
    """What a claim is about, minus the words of acts and parties ("the plant", "bridge")."""
    return content_keys(claim.content) - lexicon().topic_words


def same_act(a: Claim, b: Claim) -> bool:
    """Could two claims be about one act? Yes unless both name objects and share none
    ("shelled the plant" and "shelled a village" are two acts of one big story)."""
    oa, ob = _objects(a), _objects(b)
    return not oa or not ob or bool(oa & ob)


@dataclass
class Voice:
    """One claim with its document, origin and positions."""

    doc_id: str
    claim: Claim
    origin: Origin
    positions: frozenset[Position]

    @property
    def party(self) -> str:
        """Whose voice this is: its side, else the origin itself."""
        return self.origin.side or self.origin.key


def voices(claims: Sequence[tuple[str, Claim]], index: OriginIndex) -> list[Voice]:
    """The claims that have an origin and take positions, in order.

    claims (Sequence[tuple[str, Claim]]): (doc_id, claim), already added to ``index``.
    index (OriginIndex): the incident's origins.
    RETURNS (list[Voice]): one per usable claim.
    """
    out = []
    for doc_id, claim in claims:
        origin = index.origin(doc_id, claim)
        # A claim whose count was superseded still says the strike happened: counts are
        # the tolls' business, never a position here.
        if origin is None:
            continue
        held = positions(claim, origin.side)
        if held:
            out.append(Voice(doc_id, claim, origin, held))
    return out


def may_relate(a: Voice, b: Voice) -> bool:
    """Two voices may bear on each other: different origins of different parties, not two
    halves of one sentence, and about the same act."""
    if a.doc_id == b.doc_id and a.claim.sentence == b.claim.sentence:
        return False
    if a.origin.key == b.origin.key or a.party == b.party:
        return False
    return same_act(a.claim, b.claim)


def _reason(a: Voice, pa: Position, b: Voice, pb: Position) -> str:
    return f"{pa.kind}: {a.origin.name} says {pa.value}, {b.origin.name} says {pb.value}"


def _buckets(found: list[Voice]) -> dict[tuple[Position, str], list[Voice]]:
    """Voices per (position, party), in order."""
    buckets: dict[tuple[Position, str], list[Voice]] = {}
    for voice in found:
        # A fixed order of positions, so the pairs kept never depend on set iteration.
        for position in sorted(voice.positions, key=_rank):
            buckets.setdefault((position, voice.party), []).append(voice)
    return buckets


def _rank(position: Position) -> tuple[int, str]:
    return KINDS.index(position.kind), position.value


def _first_pair(left: list[Voice], right: list[Voice]) -> tuple[Voice, Voice] | None:
    for a in left[:TRIES]:
        for b in right[:TRIES]:
            if may_relate(a, b):
                return (a, b) if (a.doc_id, a.claim.id) <= (b.doc_id, b.claim.id) else (b, a)
    return None


def relate(found: list[Voice]) -> list[Relation]:
    """One contradiction per kind and pair of parties at odds, one corroboration per
    position and pair of parties agreeing.

    found (list[Voice]): the incident's voices (see ``voices``).
    RETURNS (list[Relation]): (doc_a, claim_a, doc_b, claim_b, relation, reason, kind).
    """
    buckets = _buckets(found)
    keys = list(buckets)
    out: dict[tuple[str, str, str, str], Relation] = {}
    seen: set[tuple[str, str, frozenset[str]]] = set()
    for i, (pa, party_a) in enumerate(keys):
        for pb, party_b in keys[i + 1 :]:
            if pa.kind != pb.kind or party_a == party_b:
                continue
            clash = incompatible(pa, pb)
            if not clash and pa != pb:
                continue
            relation = CONTRADICTS if clash else CORROBORATES
            group = (relation, pa.kind if clash else f"{pa.kind}={pa.value}",
                     frozenset((party_a, party_b)))  # fmt: skip
            if group in seen:
                continue
            pair = _first_pair(buckets[(pa, party_a)], buckets[(pb, party_b)])
            if pair is None:
                continue
            seen.add(group)
            a, b = pair
            first, second = (pa, pb) if a.party == party_a else (pb, pa)
            key = (a.doc_id, a.claim.id, b.doc_id, b.claim.id)
            if key not in out or (relation == CONTRADICTS and out[key][4] != CONTRADICTS):
                out[key] = (*key, relation, _reason(a, first, b, second), pa.kind)
    return list(out.values())
