"""Fatalities (ACLED's conservative death count, with its span) and other counts.

Deaths only: the injured are not fatalities. A range counts at its lowest figure and
vague words follow :mod:`frontwire.events.numbers`. Counts that are not deaths
("about 50 people", "two armored vehicles") are kept as quantities.

News text mixes the event's toll with figures that are not it; the word lists in
``data/fatalities_en.json`` keep those out: totals over a period ("14,000 civilians over
eight years", "since February"), counts of objects ("remains of a missile", "two
missiles killed"), dates read as counts ("May 20 that ... killed"), the toll of another
incident ("weeks after a strike ... killed 52") and allegations ("accused of killing").
A running toll ("the death toll rose to 23") is the total, not one more group of dead.
A toll told in the sentence after the event ("A civilian was killed.") is found by
:func:`next_sentence_fatalities`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
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
    rf"(?:death |casualty )?toll(?: (?:from|in|of) [\w'’-]+(?: [\w'’-]+){{0,2}}?)?"
    rf" (?:has |had )?(?:rose|risen|climbed|increased|jumped|grew|grown)"
    rf"(?: from {COUNT})? to|(?:bringing|raising) the (?:death )?toll to|"
    rf"death toll (?:has |had )?(?:reached|stood at|stands at|of|is|was|at))\s+"
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


DATA = Path(__file__).resolve().parent / "data" / "fatalities_en.json"
AUX = {"were", "was", "have", "has", "had", "been", "are", "is", "reportedly", "reported",
       "later", "all", "also", "allegedly", "confirmed", "found", "left", "being", "be",
       "feared", "believed", "thought", "said", "to", "now", "since", "who"}
VAGUE_ONE = {"a", "an", "one", "some", "a few", "few"}  # a count that needs its noun said
BODIES = ("bodies of", "corpses of", "remains of")
TOTAL = re.compile(r"toll|bringing|raising", re.I)  # a running total, not one more group
YEAR = re.compile(r"(?:19|20)\d\d")
MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.? $", re.I)
MONTH_AFTER = re.compile(rf"^ (?:{MONTHS})\b", re.I)
_WINDOW = 90  # characters of the clause read on each side of a figure


@dataclass(frozen=True)
class _Rules:
    person: frozenset[str]
    objects: frozenset[str]
    period: re.Pattern[str]
    other_event: re.Pattern[str]
    not_this_event: re.Pattern[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = json.loads(DATA.read_text(encoding="utf-8"))

    def joined(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in data[key]), re.I)

    return _Rules(frozenset(data["person_nouns"]), frozenset(data["object_nouns"]),
                  joined("period"), joined("other_event"), joined("not_this_event"))


@dataclass
class Fatalities:
    value: int
    text: str
    start: int | None
    end: int | None


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text)]


def _counts_people(raw: str, verb: str, nouns: list[str], before: bool) -> bool:
    """Whether the words around a count say it counts people: a person noun, or (for
    "12 were killed", "killing three") no noun at all; never an object."""
    rules = _rules()
    if any(w in rules.objects for w in nouns):
        return False  # "two missiles killed", "remains of a missile"
    if any(w in rules.person for w in nouns):
        return True
    if raw.lower() in ("he", "she"):
        return not nouns  # "he was killed", not "he said ... remove killed fighters"
    if before and nouns:
        return False  # "20 that the bombardment had killed": the count is not the subject
    if verb.lower() in BODIES or raw.lower() in VAGUE_ONE:
        return False  # "bodies of" and "a"/"one" need their noun: "killing a civilian"
    return True


def _head_nouns(regex: re.Pattern[str], m: re.Match[str]) -> list[str]:
    """The words naming what is counted: between count and verb, or after the verb."""
    if regex is BEFORE:
        gap = m.string[m.end("count"):m.start("verb")]
        return [w for w in _words(gap) if w not in AUX]
    return _words(m.group("tail") or "")[:3]


def _is_date(text: str, m: re.Match[str]) -> bool:
    """"May 20 that ... killed", "21 May killed", "2015 that killed": a date, not a count."""
    raw = m.group("count")
    if not raw[:1].isdigit():
        return False
    after = text[m.end("count"):m.end("count") + 12]
    before = text[max(0, m.start("count") - 12):m.start("count")]
    return bool(YEAR.fullmatch(raw) or MONTH_BEFORE.search(before) or MONTH_AFTER.match(after))


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence before a figure starts and its clause after it ends."""
    head = text[max(0, start - _WINDOW):start]
    begin = start - len(re.split(r"[.;!?\n]", head)[-1])
    tail = re.split(r"[,;.!?\n]| and | while | bringing | as ", text[end:end + _WINDOW])[0]
    return begin, end + len(tail)


def not_this_toll(text: str, start: int, end: int) -> bool:
    """Whether a death figure is a period total, another incident's toll or an allegation.

    text (str): the text the figure is in.
    start (int): the figure's start offset in ``text``.
    end (int): its end offset.
    RETURNS (bool): True when the figure is not the toll of the event being told.
    """
    rules = _rules()
    begin, finish = _clause(text, start, end)
    if rules.period.search(text[begin:finish]):
        return True  # "since February", "over eight years": the war's background
    if rules.other_event.search(text[begin:start]):
        return True
    return bool(rules.not_this_event.search(text[max(0, start - 25):start]))


def _acceptable(text: str, regex: re.Pattern[str], m: re.Match[str]) -> bool:
    if _is_date(text, m) or not _counts_people(m.group("count"), m.group("verb"),
                                               _head_nouns(regex, m), regex is BEFORE):
        return False
    return not not_this_toll(text, m.start(), m.end())


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
            if not _acceptable(text, regex, m):
                continue
            total = regex is AFTER and bool(TOTAL.search(m.group("verb")))
            found.append((value, m.start(), m.end(), "total" if total else str(value)))
    found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
    kept: list[tuple[int, int, int, str]] = []
    for f in found:
        if all(f[2] <= k[1] or f[1] >= k[2] for k in kept):
            kept.append(f)
    return kept


def count_fatalities(text: str, offset: int = 0) -> Fatalities:
    """ACLED-style fatality count of an event description, with the words it rests on.

    text (str): the event's text.
    offset (int): where ``text`` starts in the report, added to the span.
    RETURNS (Fatalities): the count and the span of the figures it rests on.
    """
    explicit = list(EXPLICIT.finditer(text))
    if explicit:  # an ACLED note states its own coded figure: trust it
        m = explicit[-1]
        return Fatalities(int(m.group("n") or m.group("m")), m.group(0), m.start() + offset,
                          m.end() + offset)
    mentions = _death_mentions(text)
    if not mentions:
        him = HIM.search(text)  # "beat him and killed him": one victim, named earlier
        if him and not not_this_toll(text, him.start(), him.end()):
            return Fatalities(1, him.group(0), him.start() + offset, him.end() + offset)
        return Fatalities(0, "", None, None)
    totals = [m for m in mentions if m[3] == "total"]
    if totals:  # "the death toll rose to 23" counts everyone, earlier figures included
        value, start, end, _ = max(totals)
        return Fatalities(value, text[start:end], start + offset, end + offset)
    total, seen = 0, set()
    for value, _, _, key in mentions:
        if key not in seen:  # the same figure repeated later is the same dead
            seen.add(key)
            total += value
    start, end = mentions[0][1], mentions[-1][2]
    return Fatalities(total, text[start:end], start + offset, end + offset)


def next_sentence_fatalities(text: str, end: int, sentences: Sequence[tuple[int, int]],
                             elsewhere: Sequence[tuple[int, int]] = ()) -> Fatalities:
    """The toll told in the sentence right after an event, in the same paragraph
    ("Russian shelling hit a bus stop in Kherson. A civilian was killed.").

    text (str): the report's text.
    end (int): where the event's span ends.
    sentences (Sequence[tuple[int, int]]): (start, end) of the report's sentences.
    elsewhere (Sequence[tuple[int, int]]): spans of places other than the event's: a next
        sentence naming one tells another incident ("A strike on Odesa killed three.").
    RETURNS (Fatalities): the count, 0 when the next sentence gives none.
    """
    none = Fatalities(0, "", None, None)
    following = next(((a, b) for a, b in sentences if a >= end), None)
    if following is None or "\n" in text[end:following[0]]:
        return none
    a, b = following
    if any(a <= start < b for start, _ in elsewhere):
        return none
    return count_fatalities(text[a:b], a)


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


__all__ = ["Fatalities", "count_fatalities", "next_sentence_fatalities", "not_this_toll",
           "quantities"]
