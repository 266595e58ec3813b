"""Cue, stance and side lexicons, loaded once from frontwire/data/attribution/.

The words live in data files (style note: keep data apart from logic) so an analyst
can add a cue verb or map a new Telegram channel to a side without touching code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "attribution"

_SIBILANT = ("s", "sh", "ch", "x", "z", "o")
_VOWELS = "aeiou"


def _third_person(base: str) -> str:
    if base.endswith(_SIBILANT):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        return base[:-1] + "ies"
    return base + "s"


def _past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        return base[:-1] + "ied"
    return base + "ed"


def _gerund(base: str) -> str:
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    if base.endswith("ie"):
        return base[:-2] + "ying"
    return base + "ing"


def inflect(fields: list[str]) -> set[str]:
    """All forms of one verb line: base [past [participle [gerund]]]."""
    base = fields[0]
    past = fields[1] if len(fields) > 1 else _past(base)
    participle = fields[2] if len(fields) > 2 else past
    gerund = fields[3] if len(fields) > 3 else _gerund(base)
    return {base, _third_person(base), past, participle, gerund}


@dataclass(frozen=True)
class CueLexicon:
    """Verb forms that introduce an attribution (``strong``) or do so only before
    ``that``/a quotation (``weak``)."""

    strong: frozenset[str]
    weak: frozenset[str]


@dataclass(frozen=True)
class StanceRule:
    stance: str
    cues: frozenset[str]
    phrases: tuple[re.Pattern[str], ...]
    # The longest word of each phrase: a text without any of them cannot match, and a
    # set lookup is far cheaper than the regex (the stage's time budget is 10 ms).
    anchors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SideRule:
    pattern: re.Pattern[str]
    side: str
    name: str


def _data_lines(path: Path) -> list[str]:
    if not path.exists():
        raise FileNotFoundError(f"attribution lexicon missing: {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> CueLexicon:
    """Cue verbs from ``cues.txt`` (or ``path``), every inflected form, lower case."""
    strong: set[str] = set()
    weak: set[str] = set()
    removed: set[str] = set()
    for line in _data_lines(Path(path) if path else DATA_DIR / "cues.txt"):
        if line.startswith("~"):
            removed.update(line[1:].lower().split())
            continue
        if line.startswith("="):
            strong.update(line[1:].lower().split())  # exact forms, no inflection
            continue
        target = weak if line.startswith("!") else strong
        fields = line.lstrip("!").lower().split()
        target |= inflect(fields)
    return CueLexicon(frozenset(strong - removed), frozenset(weak - strong - removed))


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as a word-bounded regex; ``...`` matches up to four words."""
    parts = []
    for word in phrase.split():
        parts.append(r"(?:\S+\s+){0,4}?" if word == "..." else re.escape(word) + r"\s+")
    body = "".join(parts)
    body = body[: -len(r"\s+")] if body.endswith(r"\s+") else body
    return re.compile(r"(?<![\w'])" + body + r"(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_stance(path: str | None = None) -> tuple[StanceRule, ...]:
    """Stance rules in priority order: denies, unconfirmed, hedged."""
    source = Path(path) if path else DATA_DIR / "stance.json"
    if not source.exists():
        raise FileNotFoundError(f"stance lexicon missing: {source}")
    data = json.loads(source.read_text(encoding="utf-8"))
    rules = []
    for stance in ("denies", "unconfirmed", "hedged"):
        entry = data.get(stance)
        if not isinstance(entry, dict):
            raise ValueError(f"{source}: no {stance!r} section")
        raw = entry.get("phrases", [])
        cues = frozenset(c.lower() for c in entry.get("cues", []))
        # Phrases anchored on a word most claims contain ('is said to', 'no civilians')
        # get an alternation of their own: otherwise the anchor test would let the whole
        # stance's alternation run on nearly every claim.
        rare = [p for p in raw if _anchor(p) not in COMMON_WORDS]
        common = [p for p in raw if _anchor(p) in COMMON_WORDS]
        rules.append(_stance_rule(stance, cues, rare))
        if common:
            rules.append(_stance_rule(stance, frozenset(), common))
    return tuple(rules)


# Words in most conflict reports' claims: poor anchors for a phrase search.
COMMON_WORDS = frozenset(
    "said says say reported report civilians could may might rise killed people forces".split()
)


ANCHOR_STOP = frozenset("is are was were be been has have had the a an to not no of it".split())


def _anchor(phrase: str) -> str:
    """The longest word of a phrase that is not a function word ('were lies' -> 'lies'):
    a text without it cannot match, and few texts have it."""
    words = [w for w in phrase.lower().split() if w != "..."]
    content = [w for w in words if w not in ANCHOR_STOP] or words
    return max(content, key=len)


def _stance_rule(stance: str, cues: frozenset[str], raw: list[str]) -> StanceRule:
    # One alternation per rule: a claim is checked with a few searches, not ninety.
    joined = re.compile("|".join(f"(?:{phrase_pattern(p).pattern})" for p in raw), re.IGNORECASE)
    return StanceRule(stance, cues, (joined,), frozenset(_anchor(p) for p in raw))


@lru_cache(maxsize=4)
def load_sides(path: str | None = None) -> tuple[SideRule, ...]:
    """Side rules from ``sides.tsv``: pattern, side, optional canonical name."""
    source = Path(path) if path else DATA_DIR / "sides.tsv"
    rules = []
    for number, line in enumerate(_data_lines(source), 1):
        fields = line.split("\t")
        if len(fields) < 2:
            raise ValueError(f"{source}: line {number} needs pattern<TAB>side")
        name = fields[2].strip() if len(fields) > 2 else ""
        rules.append(SideRule(re.compile(fields[0], re.IGNORECASE), fields[1].strip(), name))
    return tuple(rules)


def side_of(*texts: str, rules: tuple[SideRule, ...] | None = None) -> tuple[str, str]:
    """(side, canonical name) of the first rule matching any of ``texts``; ("", "") if none."""
    for rule in rules if rules is not None else load_sides():
        for text in texts:
            if text and rule.pattern.search(text):
                return rule.side, rule.name
    return "", ""
