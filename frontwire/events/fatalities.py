"""Fatalities (ACLED's conservative death count, with its span) and other counts.

Deaths only: the injured are not fatalities. A range counts at its lowest figure and
vague words follow :mod:`frontwire.events.numbers`. Counts that are not deaths
("about 50 people", "two armored vehicles") are kept as quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .numbers import COUNT, COUNT_RE, parse_count

_DEATH = (r"(?:killed|dead|died|shot dead|slain|perished|lost their lives|lost his life|"
          r"lost her life|executed|beheaded|burned to death|burnt to death|beaten to death|"
          r"hacked to death|stabbed to death|lynched|massacred|murdered|fatalities|deaths)")
_GAP = r"(?:(?!injured|wounded|hurt|and|or|including)[A-Za-z'’()-]+ ){0,5}?"
BEFORE = re.compile(
    rf"(?<![\w-])(?P<count>{COUNT}|he|she)\s+{_GAP}(?:(?:were|was|have been|has been|had been|"
    rf"are|is|reportedly|reported|later|all|also|allegedly|confirmed|found|left) )*"
    rf"(?P<verb>{_DEATH})(?![\w])", re.I)
AFTER = re.compile(
    rf"(?<![\w-])(?P<verb>killed|killing|kills|leaving|left|claimed the lives of|shot dead|"
    rf"shooting dead|shot and killed|bodies of|corpses of|remains of|"
    rf"death toll (?:has )?(?:rose to|risen to|climbed to|reached|stood at|of|is|at))\s+"
    rf"(?P<count>{COUNT})(?![\w])(?P<tail>(?: (?!and\b|or\b|injur|wound)[A-Za-z'-]+){{0,3}})",
    re.I)
EXPLICIT = re.compile(r"(?<![\w-])(?:(?P<n>\d+) fatalit(?:y|ies)(?! (?:split|spread))|"
                      r"fatalities (?:were |are )?(?:coded|estimated|recorded) as (?P<m>\d+))",
                      re.I)
HIM = re.compile(r"(?<![\w-])(?:killed|killing|shot dead|murdered|lynched|beat to death) "
                 r"(?:him|her)(?![\w-])", re.I)
ANIMALS = re.compile(r"\b(?:donkeys?|cows?|cattle|goats?|sheep|camels?|animals?|livestock|dogs?|"
                     r"horses?|pigs?|chickens?)\b", re.I)
NONE = re.compile(r"(?<![\w-])(?:no (?:one|fatalities|deaths|casualties|one was killed)|"
                  r"nobody (?:was|were) killed|no reported (?:fatalities|deaths|casualties)|"
                  r"without (?:casualties|fatalities))", re.I)
SUBSET = re.compile(r"(?:including|among them|of whom|among the dead|of them|among those)\s*$",
                    re.I)
NEGATED = re.compile(r"(?:not|never|no)\s*$", re.I)
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
NOT_QUANTITY = re.compile(rf"^\s*(?:{MONTHS}|a\.m|p\.m|am\b|pm\b|o'clock|percent|%)", re.I)
VAGUE_SINGLES = {"a", "an", "one", "some", "no", "few"}


@dataclass
class Fatalities:
    value: int
    text: str
    start: int | None
    end: int | None


def _death_mentions(text: str) -> list[tuple[int, int, int, str]]:
    """(value, start, end, key) for each death count, subsets and negations left out."""
    found = []
    for regex in (BEFORE, AFTER):
        for m in regex.finditer(text):
            raw = m.group("count")
            if raw.lower() in ("he", "she"):
                value: int | None = 1
            else:
                value = parse_count(raw)
            head = text[max(0, m.start() - 25):m.start()]
            if value is None or SUBSET.search(head) or NEGATED.search(head):
                continue
            if ANIMALS.search(m.group(0)) or (regex is AFTER and ANIMALS.search(m.group("tail"))):
                continue  # "a donkey killed" is not a fatality
            if regex is AFTER and m.group("verb").lower() in ("leaving", "left") and not re.search(
                    r"\b(?:dead|killed)\b", m.group("tail") or "", re.I):
                continue  # "leaving two injured" is not a death
            if regex is AFTER and re.match(r"\s*(?:injured|wounded|hurt)", m.group("tail") or ""):
                continue
            noun = (m.group("tail") or "").split()[:1] if regex is AFTER else []
            found.append((value, m.start(), m.end(), f"{value}:{' '.join(noun).lower()}"))
    found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
    kept: list[tuple[int, int, int, str]] = []
    for f in found:
        if all(f[2] <= k[1] or f[1] >= k[2] for k in kept):
            kept.append(f)
    return kept


def count_fatalities(text: str, offset: int = 0) -> Fatalities:
    """ACLED-style fatality count of an event description, with the words it rests on."""
    explicit = list(EXPLICIT.finditer(text))
    if explicit:  # an ACLED note states its own coded figure: trust it
        m = explicit[-1]
        return Fatalities(int(m.group("n") or m.group("m")), m.group(0), m.start() + offset,
                          m.end() + offset)
    mentions = _death_mentions(text)
    if not mentions:
        him = HIM.search(text)  # "beat him and killed him": one victim, named earlier
        if him:
            return Fatalities(1, him.group(0), him.start() + offset, him.end() + offset)
        return Fatalities(0, "", None, None)
    total, seen = 0, set()
    for value, _, _, key in mentions:
        if key not in seen:  # the same figure repeated later is the same dead
            seen.add(key)
            total += value
    start, end = mentions[0][1], mentions[-1][2]
    return Fatalities(total, text[start:end], start + offset, end + offset)


STOP = {"were", "was", "are", "is", "in", "the", "and", "or", "to", "at", "on", "by", "for",
        "from", "with", "had", "have", "has", "been", "who", "which", "that", "of", "after",
        "before", "during", "per", "into", "near", "their", "his", "her", "its", "a", "an"}


def _unit_words(after: str) -> list[str]:
    """Up to three words after a count, stopping at a function word: "armored vehicles"."""
    words = []
    tokens = re.findall(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]", after.lstrip().removeprefix("of "))
    for word in tokens[:3]:
        if not word[0].isalpha() or word.lower() in STOP:
            break
        words.append(word)
        if word.endswith("s") and len(word) > 3:  # a plural noun ends the unit
            break
    return words


def quantities(text: str, offset: int = 0, skip: list[tuple[int, int]] | None = None
               ) -> list[dict[str, Any]]:
    """Counted things that are not deaths: {text, start, end, value, unit}."""
    skip = skip or []
    out = []
    for m in COUNT_RE.finditer(text):
        raw = m.group(0)
        if raw.lower() in VAGUE_SINGLES or re.fullmatch(r"(?:19|20)\d\d", raw):
            continue
        start, end = m.start() + offset, m.end() + offset
        if any(s <= start < e for s, e in skip):
            continue
        after = text[m.end():m.end() + 40]
        if NOT_QUANTITY.match(after) or (m.start() > 0 and re.search(
                rf"(?:{MONTHS})\s*$", text[max(0, m.start() - 12):m.start()], re.I)):
            continue
        words = _unit_words(after)
        value = parse_count(raw)
        if value is None or not words:
            continue
        length = after.index(words[-1]) + len(words[-1])
        out.append({"text": raw + after[:length], "start": start, "end": end + length,
                    "value": value, "unit": words[-1].lower()})
    return out


__all__ = ["Fatalities", "count_fatalities", "quantities"]
