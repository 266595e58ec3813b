"""Origins of claims: who an incident's claims really come from, one entry per source.

Only people, organisations, governments, media and described sources ("a source in the
security services") are origins; "117 people", "Quote", "document" or "he" are not. The
name variants and titles of one person or body are one origin: "Ukraine's defence minister
Oleksii Reznikov", "Defence Minister Oleksiy Reznikov" and "Reznikov" share a key. An
outlet speaking in its own voice is an origin too, except that the same sentence printed by
several outlets (syndicated wire copy) is one origin, the first outlet that printed it.

The word lists live in ``frontwire/ledger/data/origins.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Claim

DATA = Path(__file__).parent / "data" / "origins.json"
PERSON, BODY, DESCRIBED, MEDIA = "person", "body", "described", "media"

_TOKEN = re.compile(r"[\w.'\u2019-]+")
_NUMBER = re.compile(r"^(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
                     r"hundreds?|thousands?|scores?)$")  # fmt: skip


@dataclass(frozen=True)
class Lexicon:
    """The origin word lists (see ``origins.json``)."""

    pronouns: frozenset[str]
    not_sources: frozenset[str]
    source_nouns: frozenset[str]
    body_words: frozenset[str]
    titles: frozenset[str]
    cut_always: tuple[str, ...]
    cut_after_names: tuple[str, ...]
    places: dict[str, str]
    spellings: dict[str, str]
    sides: dict[str, str]
    stop: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists, loaded once.

    RETURNS (Lexicon): the lists of ``origins.json``.
    """
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    sets = {k: frozenset(data[k]) for k in ("pronouns", "not_sources", "source_nouns",
                                            "body_words", "titles", "stop")}  # fmt: skip
    cuts = data["cut_before"]
    return Lexicon(cut_always=tuple(cuts["always"]), cut_after_names=tuple(cuts["after_names"]),
                   places=data["places"], spellings=data["spellings"], sides=data["sides"],
                   **sets)  # fmt: skip


@dataclass
class Origin:
    """One source behind claims: a key shared by its name variants, a name, a side."""

    key: str
    name: str
    kind: str
    side: str = ""


def fold(text: str) -> str:
    """Lower case ASCII ("Zelenskyy" -> "zelenskyy", "Мир" stays letters)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def skeleton(word: str) -> str:
    """A spelling-blind key for a transliterated name: the first letter and the consonants,
    with g/h and kh folded and doubles collapsed ("Zelenskyy", "Zelenskiy" -> "zlnsk";
    "Haidai", "Gaidai" -> "hd"). Ukrainian and Russian names reach English in several
    transliterations, and those differ in vowels, y/i/j and g/h."""
    letters = re.sub(r"[^a-z]", "", fold(word)).replace("kh", "h").replace("g", "h")
    if not letters:
        return fold(word)
    rest = re.sub(r"[aeiouyhjw]", "", letters[1:])
    return re.sub(r"(.)\1+", r"\1", letters[0] + rest)


def _cut_at(name: str, markers: tuple[str, ...]) -> str:
    padded = f" {name.strip()} "
    end = len(padded)
    for marker in markers:
        at = padded.find(marker, 1)
        if 0 < at < end:
            end = at
    return padded[:end].strip(" \"'\u201c\u201d")


def _cut(name: str) -> str:
    """The name without what follows it ("Kremlin on August 8" -> "Kremlin";
    "Fatih Birol, executive director of the IEA" -> "Fatih Birol"). A description keeps
    its place words: "a source in the security services" is that source."""
    lex = lexicon()
    name = _cut_at(name, lex.cut_always)
    if any(w[:1].isupper() for w in _words(name)):
        name = _cut_at(name, lex.cut_after_names)
    return name


def _words(name: str) -> list[str]:
    return [w.strip(".'\u2019") for w in _TOKEN.findall(name) if w.strip(".'\u2019")]


def _plain(word: str) -> str:
    """A word without its possessive ("Ukraine's" -> "ukraine's" stays a place key)."""
    return fold(word).replace("\u2019", "'")


def _is_title(word: str) -> bool:
    lex = lexicon()
    plain = _plain(word)
    return plain in lex.titles or plain in lex.places or plain.removesuffix("'s") in lex.titles


def _body_key(words: list[str]) -> str:
    """Order- and spelling-blind key of a body's name: "Russia's Ministry of Defence" and
    "Russian Defense Ministry" -> "b:defense ministry russia"."""
    lex = lexicon()
    text = " ".join(lex.places.get(_plain(w), _plain(w).removesuffix("'s")) for w in words)
    for variant, standard in lex.spellings.items():
        text = re.sub(rf"\b{re.escape(variant)}\b", standard, text)
    return "b:" + " ".join(sorted({w for w in text.split() if w not in lex.stop}))


def _after_titles(words: list[str]) -> list[str]:
    """The words after the last title ("Donetsk regional governor Pavlo Kyrylenko" ->
    "Pavlo Kyrylenko"; "Defence Minister Oleksii Reznikov" -> "Oleksii Reznikov"), or the
    words without their leading titles when no name follows a later one."""
    last = max((i for i, w in enumerate(words) if _is_title(w)), default=-1)
    tail = words[last + 1:]
    if 0 < len(tail) <= 3 and all(w[:1].isupper() for w in tail):
        return tail
    rest = list(words)
    while rest and _is_title(rest[0]):
        rest.pop(0)
    return rest


def classify(name: str) -> tuple[str, str, str] | None:
    """(kind, key, display name) of a source's words, or None when they name no source.

    name (str): the words of a claim's origin ("Defence Minister Oleksii Reznikov").
    RETURNS (tuple | None): e.g. ("person", "n:rznkv", "Oleksii Reznikov").
    """
    lex = lexicon()
    cut = _cut(name)
    words = _words(cut)
    lowered = [_plain(w) for w in words]
    if not words or all(w in lex.pronouns for w in lowered):
        return None
    head = [w for w in lowered if w not in lex.stop]
    plural_head = lowered[-1].removesuffix("s")
    if not head or {head[0], head[-1], plural_head} & lex.not_sources:
        return None  # "Quote", "document", "older ... ballistic missile", "117 people"
    if _NUMBER.match(lowered[0]) and not lex.source_nouns & set(lowered):
        return None
    rest = _after_titles(words)
    named = [w for w in rest if w[:1].isupper()]
    if rest and len(named) == len(rest) <= 3 and not lex.body_words & {_plain(w) for w in rest}:
        # A proper name once the titles are gone: the surname is the key, so the short
        # and long forms of one person meet ("Reznikov", "Oleksii Reznikov").
        kind = PERSON if len(rest) > 1 else BODY
        return kind, "n:" + skeleton(rest[-1]), " ".join(rest)
    if not any(w[:1].isupper() for w in words) and not lex.source_nouns & set(lowered):
        return None  # lower-case words that describe no source
    kind = BODY if any(w[:1].isupper() for w in words) else DESCRIBED
    return kind, _body_key(words), re.sub(r"^(the|a|an)\s+", "", cut, flags=re.I)


def side_of_name(name: str) -> str:
    """The party a body's own name places it in ("Russian Defense Ministry" -> "Russia").

    RETURNS (str): a side from ``origins.json``, or "" when the name does not say.
    """
    lex = lexicon()
    for word in _words(name)[:2]:
        place = lex.places.get(_plain(word))
        if place and place in lex.sides:
            return lex.sides[place]
    return ""


def claim_origin_words(claim: Claim) -> str:
    """The words naming a claim's first source: the chain's origin, else the speaker."""
    for link in claim.chain:
        if link.role == "origin" and link.name:
            return link.name
    return claim.source


def _content_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


@dataclass
class OriginIndex:
    """The origins of one incident's claims, with name variants merged.

    Add claims in report order; ``origin(doc_id, claim)`` then gives each claim's origin
    (None for a claim whose source is no origin).
    """

    by_key: dict[str, Origin] = field(default_factory=dict)
    _of_claim: dict[tuple[str, str], str] = field(default_factory=dict)
    _sides: dict[str, Counter[str]] = field(default_factory=dict)
    _printed: dict[str, str] = field(default_factory=dict)  # narration text -> first outlet key

    def add(self, doc_id: str, claim: Claim, outlet: str) -> Origin | None:
        """Record one claim of a report by ``outlet``; returns its origin."""
        found = self._classify(claim, outlet)
        if found is None:
            return None
        kind, key, name = found
        origin = self.by_key.get(key)
        if origin is None:
            origin = self.by_key[key] = Origin(key, name, kind)
        elif len(name) > len(origin.name) and kind != MEDIA:
            origin.name = name  # the fullest form names the origin ("Oleksii Reznikov")
        side = claim.side or (side_of_name(claim_origin_words(claim)) if kind != MEDIA else "")
        if side:
            votes = self._sides.setdefault(key, Counter())
            votes[side] += 1
            origin.side = votes.most_common(1)[0][0]
        self._of_claim[(doc_id, claim.id)] = key
        return origin

    def _classify(self, claim: Claim, outlet: str) -> tuple[str, str, str] | None:
        if claim.narration or not claim_origin_words(claim):
            # The same sentence printed by several outlets is one wire story.
            own = "m:" + fold(outlet)
            key = self._printed.setdefault(_content_key(claim.content), own)
            name = self.by_key[key].name if key in self.by_key else outlet
            return MEDIA, key, name
        return classify(claim_origin_words(claim))

    def origin(self, doc_id: str, claim: Claim) -> Origin | None:
        """The origin of a claim already added, None when it has none."""
        key = self._of_claim.get((doc_id, claim.id))
        return self.by_key[key] if key else None

    def origins(self) -> list[Origin]:
        """Every origin, in the order first seen."""
        return list(self.by_key.values())


def index_claims(claims: Iterable[tuple[str, Claim, str]]) -> OriginIndex:
    """An OriginIndex of (doc_id, claim, outlet) triples, in the order given.

    RETURNS (OriginIndex): each claim's origin with variants merged.
    """
    index = OriginIndex()
    for doc_id, claim, outlet in claims:
        index.add(doc_id, claim, outlet)
    return index
