"""Did the incident a cue names happen? News tells far more than what happened.

A cue word ("shelled", "missiles", "agreement") is found by the rules; this module
reads the grammar around it: the clause before it (modals, conditionals, plans,
warnings, hopes, speculation, questions), negation on either side, an infinitive
("to strike"), a participle used as an adjective of a place ("in occupied Kherson"),
a weapon or an arrangement named with no occurrence ("Ukraine needs more HIMARS"),
and a stretch of fighting that is background ("after weeks of fighting"). The word
lists are data, per language, in ``data/factuality.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "factuality.json"

HAPPENED, DENIED, UNREAL = "happened", "denied", "unreal"
# Where a clause starts: the irrealis words of one clause do not reach into the next
# ("Russia said it would retaliate after missiles struck Kyiv").
CLAUSE_START = re.compile(r"[,;:—–()]|\s-\s|\b(?:and|but|while|when|after|as|before|because|"
                          r"since|although|though|whereas|then)\b", re.I)
HEDGED_PAST = re.compile(r"\b(?:may|might|could|must) have\b", re.I)  # hedged, but happened
QUOTE_END = "\"'”’»)] "
NEGATION_WINDOW = 40  # characters before the cue read for "not", "denied", "no"
# Shapes that are not a verb's base form after "to" ("due to shelling", "to missiles").
NOT_BASE_FORM = re.compile(r"[A-Za-z]*(?:ed|ing|s|ion|ment|ery|ry)$", re.I)
WORD = re.compile(r"[A-Za-z0-9'’-]+")


@dataclass(frozen=True)
class Cues:
    """The compiled word lists of one language."""

    irrealis: re.Pattern[str]
    question_lead: re.Pattern[str]
    negation_before: re.Pattern[str]
    negation_after: re.Pattern[str]
    duration_of: re.Pattern[str]
    attributive_before: re.Pattern[str]
    not_noun: re.Pattern[str]
    participle: re.Pattern[str]
    infinitive_factive: re.Pattern[str]
    not_infinitive: re.Pattern[str]
    nominal_cue: re.Pattern[str]
    occurrence: re.Pattern[str]
    new_incident: re.Pattern[str]


def _words(items: list[str]) -> str:
    return "|".join(f"(?:{item})" for item in items)


@lru_cache(maxsize=4)
def load_cues(language: str = "en") -> Cues:
    """The cue lists of ``language`` (English when the language has none), compiled once.

    language (str): ISO 639-1 code of the text.
    RETURNS (Cues): the compiled patterns.
    """
    data = json.loads(DATA.read_text(encoding="utf-8"))
    lists = data.get(language) or data["en"]
    bounded = {key: rf"(?<![A-Za-z0-9])(?:{_words(value)})(?![A-Za-z0-9])"
               for key, value in lists.items()}
    return Cues(
        irrealis=re.compile(bounded["irrealis"], re.I),
        question_lead=re.compile(bounded["question_lead"], re.I),
        negation_before=re.compile(rf"{bounded['negation_before']}[^,.;:]{{0,30}}$", re.I),
        negation_after=re.compile(rf"^[^,.;:]{{0,30}}?{bounded['negation_after']}", re.I),
        duration_of=re.compile(rf"{bounded['duration_of']}(?:\s+[\w'’-]+){{0,3}}\s*$", re.I),
        attributive_before=re.compile(rf"{bounded['attributive_before']}\s+$", re.I),
        not_noun=re.compile(rf"^\s*{bounded['not_noun']}", re.I),
        participle=re.compile(_words(lists["participle"]), re.I),
        infinitive_factive=re.compile(rf"{bounded['infinitive_factive']}\s+to\s+$", re.I),
        not_infinitive=re.compile(rf"{bounded['not_infinitive']}\s+to\s+$", re.I),
        nominal_cue=re.compile(rf"(?:{_words(lists['nominal_cue'])})", re.I),
        occurrence=re.compile(bounded["occurrence"], re.I),
        new_incident=re.compile(bounded["new_incident"], re.I),
    )


def clause_start(text: str, at: int) -> int:
    """Offset where the clause holding offset ``at`` starts."""
    start = 0
    for match in CLAUSE_START.finditer(text, 0, at):
        start = match.end()
    return start


def is_question(text: str) -> bool:
    """A sentence that asks ("Was everyone evacuated?") reports nothing as having happened."""
    return text.rstrip(QUOTE_END).endswith("?")


def assess(text: str, trigger: tuple[int, int], language: str = "en") -> str:
    """Whether the incident the cue at ``trigger`` names is told as having happened.

    text (str): the sentence.
    trigger (tuple[int, int]): offsets of the cue in ``text``.
    language (str): the text's language, for its word lists.
    RETURNS (str): HAPPENED, DENIED (negated or denied) or UNREAL (possible, planned,
        feared, asked about, or only named).
    """
    cues = load_cues(language)
    begin, end = trigger
    clause = text[clause_start(text, begin):begin]
    if is_question(text) or cues.question_lead.search(clause):
        return UNREAL
    if cues.irrealis.search(clause) and not HEDGED_PAST.search(clause):
        return UNREAL
    if (cues.negation_before.search(text[max(0, begin - NEGATION_WINDOW):begin])
            or cues.negation_after.search(text[end:end + NEGATION_WINDOW])):
        return DENIED
    if _infinitive(text, begin, cues) or _attributive(text, trigger, cues):
        return UNREAL
    if cues.nominal_cue.fullmatch(text[begin:end]) and not _occurs(text, trigger, cues):
        return UNREAL
    return HAPPENED


def is_duration(text: str, trigger: tuple[int, int], language: str = "en") -> bool:
    """The cue names a stretch of fighting, not one incident ("after weeks of shelling",
    "since the start of the invasion"): background to the sentence's news."""
    return load_cues(language).duration_of.search(text, 0, trigger[0]) is not None


def starts_new_incident(text: str, language: str = "en") -> bool:
    """Does the writer mark a new incident ("In a separate attack", "Elsewhere")?"""
    return load_cues(language).new_incident.search(text) is not None


def _infinitive(text: str, begin: int, cues: Cues) -> bool:
    """'to strike', 'to capture': a purpose or an aim, unless the verb before says it was
    done ("managed to capture") or 'to' is a preposition ("due to shelling")."""
    before = text[max(0, begin - 40):begin]
    if not re.search(r"(?<![A-Za-z])to\s+$", before, re.I):
        return False
    word = WORD.match(text, begin)
    if word is None or NOT_BASE_FORM.fullmatch(word.group(0)):
        return False
    return not (cues.infinitive_factive.search(before) or cues.not_infinitive.search(before))


def _attributive(text: str, trigger: tuple[int, int], cues: Cues) -> bool:
    """A participle that describes the next noun ("in occupied Kherson", "the temporarily
    captured districts", "around the shelled plant") names a place, not an incident."""
    begin = trigger[0]
    word = WORD.match(text, begin)
    if word is None or not cues.participle.fullmatch(word.group(0)):
        return False
    if not cues.attributive_before.search(text, max(0, begin - 20), begin):
        return False
    after = text[word.end():word.end() + 30]
    return re.match(r"\s+[A-Za-z]", after) is not None and not cues.not_noun.match(after)


def _occurs(text: str, trigger: tuple[int, int], cues: Cues) -> bool:
    """Is there a word of occurrence ("fired", "hit", "signed") outside the cue itself?"""
    return any(not (m.start() >= trigger[0] and m.end() <= trigger[1])
               for m in cues.occurrence.finditer(text))
