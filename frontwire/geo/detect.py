"""Find toponym mentions: gazetteer matching, with spaCy NER/POS and context as evidence.

Every capitalised word sequence that names a gazetteer entry is a candidate. A
candidate is kept when the evidence adds up: an NER place label, a preposition or
"village of" before it, an admin word after it ("Kursk region"), a ", State"
qualifier, or a strong prior (a country, a first-level region, a large city).
Common words that are also places (Of, Police, Mobile, Reading, March) need that
support; demonyms (Russian, Ukrainian) are never mentions here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from .build import ADM1, ADM2, ALTERNATE, CITY, COUNTRY, DEMONYM, PRIMARY, REGION
from .gazetteer import Gazetteer, Hit
from .names import name_key
from .speakers import speech_verbs

# Abbreviations first: "U.S.", "W.Va." / "W. Va." (state abbreviations), then words.
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.\s?[A-Z][a-z]{1,3}\.(?!\w)|[^\W\d_](?:[\w'’\-]*\w)?", re.UNICODE
)
_MAX_WORDS = 5
_ABBREVIATED = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})  # "St. Gallen", "Ft. Worth"
_CONNECTORS = frozenset({"of", "de", "del", "la", "le", "el", "al", "upon", "on", "du", "da",
                         # Arabic and Persian names: Dar es Salaam, Beit ed Dine, Nur ash
                         # Shams, Khost wa Firing, Shahr e Kord
                         "es", "ed", "ez", "ash", "as", "ad", "ar", "az", "an", "wa", "e",
                         "ul", "ud", "us",
                         # Neustadt in Holstein, Frankfurt am Main, San Pedro de las Colonias
                         "in", "im", "am", "bei", "las", "los", "y", "sur", "sous",
                         "dos", "das", "do", "des", "di", "della", "der", "den", "van", "von"})
_PREPOSITIONS = frozenset(
    "in at near from to into outside across towards toward around through throughout via over on "
    "inside within outskirts entered between downtown".split()
)
_STRONG_LOCATIVE = frozenset({"in", "near", "outside", "into", "downtown", "through"})
_PLACE_NOUNS = frozenset(
    "village town city region outskirts district province capital settlement suburb hamlet "
    "villages towns cities regions districts provinces settlements suburbs hamlets "
    "port county state governor mayor residents people area areas centre center east west "
    "north south hospital prison streets beach inhabitants citizens municipality".split()
)
_SETTLEMENT_NOUNS = frozenset(
    "village town city settlement hamlet suburb outskirts township".split()
)
# Month and weekday names are places too (March, Cambridgeshire); a lone one needs support.
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_DEMONYM_LIKE = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ics)$")
_OFFICE_HOLDERS = frozenset("governor mayor authorities officials administration".split())
_OFFICES = frozenset(
    "governor mayor authorities officials police administration council city airport "
    "residents army department fire sheriff public school schools board court municipal "
    "regional".split()
)
_HONORIFICS = frozenset(
    "mr mrs ms miss dr coach officer sgt sergeant gov governor sen senator rep president "
    "judge mayor lt lieutenant capt captain col colonel gen general pastor rev father "
    "detective deputy chief minister spokesman spokeswoman".split()
)
_DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest midwest".split()
)
_ADM1_WORDS = frozenset({"region", "regions", "oblast", "oblasts", "province", "provinces",
                         "state", "governorate", "krai", "kray", "republic", "territory"})
_ADM2_WORDS = frozenset({"district", "districts", "raion", "rayon", "county", "counties",
                         "municipality", "okrug", "parish", "division"})
# Nouns after a name that say it is a settlement or a small area ("Nseh village",
# "Ramgati upazila"): evidence of a place without an admin level to look for.
_PLACE_AFTER = frozenset("village town city upazila tehsil subdistrict commune corregimiento "
                         "vereda locality neighbourhood neighborhood hill valley".split())
# Nouns after a name that make it a facility named after its region: the Zaporizhzhia
# nuclear plant lies in Enerhodar, the Kursk plant in Kurchatov, not in the cities so named.
_FACILITY_AFTER = frozenset("nuclear npp power plant dam hydroelectric hydropower refinery "
                            "reservoir".split())
# Lower-case nouns after a name that say it is a settlement, not the area named like it.
_SETTLEMENT_HINT = frozenset({"city", "town"})
# Words that are alternate names of some hamlet but never a place on their own in news:
# the Arabic and Romance articles of longer names ("Al Jadeed market") and armed groups.
_NEVER_ALONE = frozenset({"al", "el", "la", "le", "ad", "ar", "as", "an", "at", "az", "ash",
                          "taliban", "hamas", "hezbollah", "houthi", "houthis", "isis"})
_ARTICLES = frozenset({"Al", "El", "Ar", "As", "Ad", "An", "Ash", "At", "Az", "Ed", "Es", "Ez",
                       "Ech", "Er"})
# Capitalised nouns that make a country's name part of an institution's name.
_NAMED_FACILITIES = frozenset("Hospital Clinic University School College Embassy Consulate "
                              "Mosque Church Bank Charity Foundation Institute Centre Center "
                              "Airlines Airways Red".split())
_GOOD_LABELS = frozenset({"GPE", "LOC", "FAC"})
_BAD_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
                         "LAW", "LANGUAGE"})
ACCEPT = 1.0


@dataclass
class Mention:
    """A candidate toponym span and what the gazetteer and context say about it."""

    start: int
    end: int
    text: str
    hits: list[Hit]
    hint: int = -1  # build.ADM1 / ADM2 when an admin word follows, else -1
    evidence: float = 0.0
    context_after: str = ""  # the qualifier after a comma ("Texas" in "Paris, Texas")
    paren: bool = False  # the qualifier is a parenthesis of areas: "Anori (Antioquia)"
    names_its_area: bool = False  # "Valparaiso (Valparaiso)": the town, not the area
    guessed: bool = False  # resolved by spelling variants only (set by resolve.candidates)
    reasons: list[str] = field(default_factory=list)


class Token(NamedTuple):
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _pos_tags(doc: Any) -> dict[int, str] | None:
    """Coarse POS tag by token start offset ("PROPN"/"OTHER"), read as arrays for speed."""
    if doc is None:
        return None
    try:
        from spacy.attrs import IDX, POS
        from spacy.symbols import PROPN
    except ImportError:
        return None
    if len(doc) == 0:
        return {}
    table = doc.to_array([IDX, POS])
    return {int(i): ("PROPN" if p == PROPN else "OTHER") for i, p in table.tolist()}


def find_mentions(text: str, gaz: Gazetteer, entities: Sequence[Any] | None = None,
                  doc: Any = None) -> list[Mention]:
    """Toponym mentions in ``text`` (spaCy ``entities``/``doc`` are optional evidence)."""
    tokens = tokenize(text)
    pos = _pos_tags(doc)
    lower_words = {t.text for t in tokens if t.text[:1].islower()}
    ents = sorted((e.start, e.end, e.label) for e in (entities or ()))
    people = _person_names(text, ents)
    found: list[Mention] = []
    doubtful: list[tuple[Mention, int, int]] = []  # rejected, but maybe a town in context
    i = 0
    while i < len(tokens):
        if tokens[i].text[0].islower():
            i += 1
            continue
        mention, used = _longest_match(text, tokens, i, gaz)
        if mention is None:
            mention, used = _fuzzy_match(text, tokens, i, gaz)
        if mention is None:
            i += 1
            continue
        _attach_hint(text, tokens, i + used, mention)
        _score(text, tokens, i, i + used, mention, gaz, pos, ents, lower_words)
        if _not_a_place_word(tokens, i, i + used, mention):
            mention.evidence -= _NOT_A_PLACE
            mention.reasons.append("not-a-place-word")
        person = used == 1 and _is_person(text, tokens, i, people)
        if person:
            mention.evidence -= 2.5
        if mention.evidence >= ACCEPT:
            found.append(mention)
        elif not person and mention.evidence >= _RESCUE_FLOOR:
            doubtful.append((mention, i, i + used))
        i += used
    found = _rescue_towns(text, tokens, gaz, found, doubtful, pos, lower_words, ents)
    found = _without_far_hamlets(tokens, gaz, found)
    _share_plural_hints(found, text)
    return found


NOT_PLACES = Path(__file__).parent / "data" / "not_places.json"
_NOT_A_PLACE = 6.0  # below the rescue floor: context elsewhere does not bring it back


class NotPlaceWords(NamedTuple):
    weapons: frozenset[str]
    common: frozenset[str]
    weapon_nouns: frozenset[str]


@lru_cache(maxsize=1)
def not_place_words() -> NotPlaceWords:
    """Weapon names, common words and weapon nouns of every language in
    ``data/not_places.json``, as name keys (names are names whatever the language)."""
    data = json.loads(NOT_PLACES.read_text(encoding="utf-8"))
    tables = [t for lang, t in data.items() if not lang.startswith("_")]
    return NotPlaceWords(
        frozenset(name_key(w) for t in tables for w in t["weapons"]),
        frozenset(name_key(w) for t in tables for w in t["common_words"]),
        frozenset(w.lower() for t in tables for w in t["weapon_nouns"]))


def _not_a_place_word(tokens: list[Token], i: int, j: int, mention: Mention) -> bool:
    """A weapon's or a common word's name (Grad, Neptune, Aus, White House) is not a place
    unless the words around it make it one ('the village of Grad', 'in Aus'); a weapon
    noun after it ('Grad rockets', 'Neptune anti-ship missiles') rules a place out."""
    words = not_place_words()
    key = name_key(mention.text.removesuffix("'s").removesuffix("’s"))
    if key not in words.weapons and key not in words.common:
        return False
    after = tokens[j].text.lower() if j < len(tokens) else ""
    if key in words.weapons and (after in words.weapon_nouns
                                 or after.split("-")[0] in words.weapon_nouns):
        return True
    return not _place_context(tokens, i, j, mention)


def _place_context(tokens: list[Token], i: int, j: int, mention: Mention) -> bool:
    """The words say the name is a place: 'in X', 'near X', 'the village of X', 'X region',
    'X village', 'X, Kherson region'. An article between ('in the Baltic') does not count:
    a town rarely takes one."""
    if mention.hint >= 0 or mention.context_after:
        return True
    prev = tokens[i - 1].text.lower() if i > 0 else ""
    prev2 = tokens[i - 2].text.lower() if i > 1 else ""
    if prev in _STRONG_LOCATIVE or prev == "at":
        return True
    if prev == "of" and prev2 in _SETTLEMENT_NOUNS | _ADM1_WORDS | _ADM2_WORDS:
        return True
    return j < len(tokens) and tokens[j].text in _PLACE_AFTER


_FAR_MAX_POP = 100_000  # a town this small, far from the story, needs place context


def _without_far_hamlets(tokens: list[Token], gaz: Gazetteer,
                         found: list[Mention]) -> list[Mention]:
    """Drop a name that only a small town in a country foreign to the story bears, named
    with no place context: 'Grad' (Slovenia) or 'Aus' (Namibia) in a story about Ukraine
    is a word. The story's countries are those of its countries, regions and large
    cities; a story that names none keeps everything."""
    story = _story_countries(gaz, found) | _demonym_countries(tokens, gaz)
    if not story:
        return found
    starts = {t.start: k for k, t in enumerate(tokens)}
    kept = []
    for mention in found:
        hits = [h for h in mention.hits if h.kind != DEMONYM]
        far = bool(hits) and all(
            int(gaz.feature[h.entry]) == CITY and int(gaz.pop[h.entry]) < _FAR_MAX_POP
            and gaz.country_code(h.entry) not in story for h in hits)
        i = starts.get(mention.start, -1)
        if far and i >= 0:
            j = i + max(1, len(mention.text.split()))
            prev = tokens[i - 1].text.lower() if i > 0 else ""
            if prev not in _PREPOSITIONS and not _place_context(tokens, i, j, mention):
                mention.reasons.append("far-from-story")
                continue
        kept.append(mention)
    return kept


def _story_countries(gaz: Gazetteer, found: list[Mention]) -> set[str]:
    """Countries of the mentions that are countries, regions or large cities."""
    codes: set[str] = set()
    for mention in found:
        for hit in mention.hits:
            feature, pop = int(gaz.feature[hit.entry]), int(gaz.pop[hit.entry])
            if hit.kind != DEMONYM and (feature <= ADM1 or pop >= _FAR_MAX_POP):
                codes.add(gaz.country_code(hit.entry))
    return codes - {""}


# A rejected candidate this weak was ruled out by strong evidence (a month, a direction, an
# acronym, a common word): context does not bring it back.
_RESCUE_FLOOR = -2.0
_SPEECH_VERBS = speech_verbs()  # "Flores told": a name before a speech verb is a person
_CONTEXT_MIN_POP = 2_000  # a settlement in a country or region the document is about
_ALONE_MIN_POP = 15_000  # a town in a document that names no other place
_MIN_LETTERS = 6  # short names (Clark, Webb, Ada) are too often people or words
# Holidays, laws and works named like hamlets (Christmas, Passover, Congress).
_NOT_TOWN_LABELS = frozenset({"DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "MONEY",
                              "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
# Verbs of attack and capture take the place as their object: "is shelling Tyotkino".
_ATTACK_VERBS = frozenset("shelling shelled shells struck striking hit hitting attacked "
                          "attacking bombed bombing stormed storming captured capturing "
                          "liberated liberating retook recaptured seized seizing "
                          "besieged besieging encircled encircling".split())
_WEAK_CUES = _PREPOSITIONS | _ATTACK_VERBS | {"for", "of", "about", "by"}
_NO_CUE, _WEAK_CUE, _SUBJECT = 0, 1, 2
_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "bin", "ibn",
                             "ben", "al", "el", "la", "le", "dos", "das"})


def _rescue_towns(text: str, tokens: list[Token], gaz: Gazetteer, found: list[Mention],
                  doubtful: list[tuple[Mention, int, int]], pos: dict[int, str] | None,
                  lower_words: set[str], ents: list[tuple[int, int, str]]) -> list[Mention]:
    """'Another difficult day for Shebekino': a town named without a locative cue, which
    the small NER model calls a person. A human reader takes a distinctive town name as
    the town when the document is about that town's country (another place there, or
    its demonym: 'Ukrainian forces'), or when the document names no other place."""
    if not doubtful:
        return found
    demonyms = _demonym_countries(tokens, gaz)
    rescued = []
    for mention, i, j in doubtful:
        # Other names only: a name does not vouch for itself by its own earlier mention.
        others = [m for m in found if name_key(m.text) != name_key(mention.text)]
        countries, regions = _context_areas(gaz, others)
        countries |= demonyms
        label = _entity(ents, mention.start, mention.end)[0]
        if label in _NOT_TOWN_LABELS or not _town_shape(text, tokens, i, j, pos, lower_words):
            continue
        # An organisation's or a creed's name (Stevens, Angels, Christian) that is also a
        # hamlet's: context is not enough.
        cue = _NO_CUE if label in ("ORG", "NORP") else _cue(text, tokens, i, found)
        # A weak cue needs the country; a bare subject needs the region of another place.
        context = {_WEAK_CUE: countries, _SUBJECT: regions}.get(cue, set())
        # A name the model reads as a person and that many places share (Ashley, Harvey)
        # is a person far more often than a town.
        unique = label != "PERSON" or sum(
            int(gaz.feature[h.entry]) == CITY for h in mention.hits) == 1
        if unique and _settlement_in_context(gaz, mention, context, alone=not found):
            rescued.append(mention)
    for mention in rescued:
        mention.evidence = ACCEPT
        mention.reasons.append("doc-context")
    return sorted(found + rescued, key=lambda m: m.start) if rescued else found


def _context_areas(gaz: Gazetteer, found: list[Mention]) -> tuple[set[str], set[str]]:
    """Countries and first-level areas ('RU', 'RU:<entry>') of the document's accepted
    places (an area, else the most populous reading of a town)."""
    codes: set[str] = set()
    regions: set[str] = set()
    for mention in found:
        hits = [h for h in mention.hits if h.kind != DEMONYM]
        if hits:
            top = max(hits, key=lambda h: (int(gaz.feature[h.entry]) <= ADM1,
                                           int(gaz.pop[h.entry])))
            codes.add(gaz.country_code(top.entry))
            regions.add(_region_key(gaz, top.entry))
    return codes, regions


def _demonym_countries(tokens: list[Token], gaz: Gazetteer) -> set[str]:
    """Countries named by the document's demonyms ('Ukrainian forces')."""
    codes: set[str] = set()
    for token in tokens:
        if token.text[0].isupper() and _DEMONYM_LIKE.search(token.text):
            demonyms = [h for h in gaz.lookup(token.text) if h.kind == DEMONYM]
            if len(demonyms) == 1:  # "American" names two countries: no vote
                codes.add(gaz.country_code(demonyms[0].entry))
    return codes


def _region_key(gaz: Gazetteer, entry: int) -> str:
    return f"{gaz.country_code(entry)}:{gaz.admin1_entry(entry)}"


def _cue(text: str, tokens: list[Token], i: int, found: list[Mention]) -> int:
    """A preposition before the name ('a difficult day for Shebekino', 'news on Sudzha')
    or the next item of a list that began with a place ('Nikolskoye and Novaya
    Tavolzhanka') is a weak cue; so, more weakly, is the name as a sentence's subject
    ('Shebekino came under fire')."""
    if i == 0:
        return _NO_CUE
    prev = tokens[i - 1].text.lower()
    prev2 = tokens[i - 2].text if i > 1 else ""
    if prev == "of" and prev2[:1].isupper():
        return _NO_CUE  # "Department of Commerce", "Library of Congress": an institution
    if prev == "to" and prev2.lower() == "according":
        return _NO_CUE  # "according to Dennis ...": a source, most often a person
    start = tokens[i].start
    if prev in _WEAK_CUES or any(text[m.end:start] in (" and ", ", ", " or ") for m in found):
        return _WEAK_CUE
    if (_sentence_initial(text, start) and i + 1 < len(tokens)
            and tokens[i + 1].text[0].islower()):
        return _SUBJECT
    return _NO_CUE


def _town_shape(text: str, tokens: list[Token], i: int, j: int, pos: dict[int, str] | None,
                lower_words: set[str]) -> bool:
    """A name that reads as a proper name of a town, not a word, a surname or part of a
    longer name: long enough, never written in lower case here, not all capitals, no
    possessive, no speech verb after ('Flores told'), no capitalised neighbour."""
    words = [t.text for t in tokens[i:j]]
    name = " ".join(words)
    if len(name.replace(" ", "")) < _MIN_LETTERS or any(w.isupper() for w in words):
        return False
    if any(w.lower() in lower_words or w.lower() in _CALENDAR for w in words):
        return False
    if words[-1].endswith(("'s", "’s")):
        return False
    if j < len(tokens) and (tokens[j].text.lower() in _SPEECH_VERBS
                            or _continues_name(text, tokens[j - 1], tokens[j])):
        return False
    if (j + 1 < len(tokens) and tokens[j].text in _NAME_PARTICLES
            and tokens[j + 1].text[0].isupper()):
        return False  # "Dennis van Engelsdorp", "Ahmed bin Ali": a person's name
    if i > 0 and _extends_name(text, tokens[i - 1], tokens[i]):
        return False
    # The tagger guesses a common noun for an unknown capitalised word opening a sentence.
    if (pos is not None and not _sentence_initial(text, tokens[i].start)
            and all(pos.get(t.start) not in ("PROPN", None) for t in tokens[i:j])):
        return False
    return True


def _settlement_in_context(gaz: Gazetteer, mention: Mention, context: set[str],
                           alone: bool) -> bool:
    """A settlement of the name in a context country or region, or a sizeable town when the
    document names no other place."""
    for hit in mention.hits:
        # Only an exact name or alternate name: a spelling-skeleton match is a guess.
        if hit.kind not in (PRIMARY, ALTERNATE) or int(gaz.feature[hit.entry]) != CITY:
            continue
        pop = int(gaz.pop[hit.entry])
        where = (gaz.country_code(hit.entry), _region_key(gaz, hit.entry))
        if pop >= _CONTEXT_MIN_POP and any(key in context for key in where):
            return True
        if alone and pop >= _ALONE_MIN_POP:
            return True
    return False


def _person_names(text: str, ents: list[tuple[int, int, str]]) -> set[str]:
    """Words of the document's full personal names ("Darren Ripley" gives "Ripley")."""
    names: set[str] = set()
    for start, end, label in ents:
        words = text[start:end].split()
        if label == "PERSON" and len(words) >= 2:
            names.update(w.removesuffix("'s").removesuffix("’s") for w in words[1:])
    return names


def _is_person(text: str, tokens: list[Token], i: int, people: set[str]) -> bool:
    """A lone surname of someone named in full elsewhere, or a word after a title."""
    word = tokens[i].text.removesuffix("'s").removesuffix("’s")
    if word in people:
        return True
    prev = tokens[i - 1].text.lower().rstrip(".") if i > 0 else ""
    return prev in _HONORIFICS


def _longest_match(text: str, tokens: list[Token], i: int,
                   gaz: Gazetteer) -> tuple[Mention | None, int]:
    first = tokens[i].text
    if first[0].islower():  # scripts without case (Arabic, CJK) count as capitalised
        return None, 0
    for n in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
        last = tokens[i + n - 1]
        if not _joinable(text, tokens, i, n):
            continue
        named = _name_with_river(text, tokens[i].start, last.end, gaz)
        if named is not None:
            return named, n + 1
        span = text[tokens[i].start:last.end]
        hits = _hits(gaz, span)
        if not hits and n == 2 and not _lower_connector(tokens[i + 1].text):
            # "Asad Abad" for Asadabad, "Mazar Sharif" style splits of one-word names
            hits = [h for h in gaz.lookup(tokens[i].text + tokens[i + 1].text.lower())
                    if gaz.feature[h.entry] != COUNTRY]
        if n == 1 and span.lower() in _NEVER_ALONE:
            return None, 0
        if not hits and n > 1 and tokens[i].text in _ARTICLES:
            # "Ar Raqqa", "As Sweida": GeoNames often files the name without its article.
            hits = [h for h in gaz.lookup(text[tokens[i + 1].start:last.end])
                    if gaz.feature[h.entry] in (ADM1, ADM2) or gaz.pop[h.entry] >= 20_000]
        if hits and any(h.kind != DEMONYM for h in hits):
            return Mention(tokens[i].start, last.end, span, hits), n
    return None, 0


_RIVER = re.compile(r" \(([A-Z][\w-]+)\)")


def _name_with_river(text: str, start: int, end: int, gaz: Gazetteer) -> Mention | None:
    """'Frankfurt (Oder)', 'Homberg (Ohm)': towns whose name includes a bracketed river or
    region, as GeoNames spells them."""
    m = _RIVER.match(text, end)
    if not m:
        return None
    span = text[start:m.end()]
    hits = gaz.lookup(span)
    return Mention(start, m.end(), span, hits) if hits else None


def _lower_connector(word: str) -> bool:
    return word[:1].islower()


def _fuzzy_match(text: str, tokens: list[Token], i: int,
                 gaz: Gazetteer) -> tuple[Mention | None, int]:
    """A spelling variant (Tyutkino) after a strong cue: 'village of X', 'near X'."""
    token = tokens[i]
    if len(token.text) < 5 or not token.text[0].isupper() or token.text.isupper() or i < 2:
        return None, 0
    prev, prev2 = tokens[i - 1].text.lower(), tokens[i - 2].text.lower()
    strong = (prev == "of" and prev2 in _SETTLEMENT_NOUNS) or prev in ("near", "outside")
    if not strong or _sentence_initial(text, token.start):
        return None, 0
    if not gaz.fuzzy(token.text):
        return None, 0
    mention = Mention(token.start, token.end, token.text, [])
    mention.reasons.append("fuzzy")
    return mention, 1


def _joinable(text: str, tokens: list[Token], i: int, n: int) -> bool:
    """Tokens i..i+n-1 form one name: single spaces between, capitalised ends."""
    if n > 1 and tokens[i + n - 1].text[0].islower():
        return False
    for k in range(i + 1, i + n):
        gap = text[tokens[k - 1].end:tokens[k].start]
        if gap not in (" ", "-") and not (gap == ". " and tokens[k - 1].text in _ABBREVIATED):
            return False
        word = tokens[k].text
        if word[0].islower() and word.lower() not in _CONNECTORS:
            return False
    return True


def _hits(gaz: Gazetteer, span: str) -> list[Hit]:
    hits = gaz.lookup(span)
    if not hits and span.endswith(("'s", "’s")):
        hits = gaz.lookup(span[:-2])
    return hits


def _attach_hint(text: str, tokens: list[Token], j: int, mention: Mention) -> None:
    """'Kursk region' / 'Glushkovsky district': extend the span over the admin word."""
    if j >= len(tokens) or text[tokens[j - 1].end:tokens[j].start] != " ":
        return
    word = tokens[j].text.lower()
    if mention.text.endswith(("'s", "’s")):
        return  # "Russia's state media", "Kyiv's city council": a possessive, not "X region"
    if tokens[j].text in _SETTLEMENT_HINT and mention.hint < 0:
        mention.hint = CITY  # "Amara city", "Hangu town": the town, not the area so named
        return
    if word in _ADM1_WORDS or word in _ADM2_WORDS:
        mention.hint = ADM1 if word in _ADM1_WORDS else ADM2
        if not word.endswith("s"):
            mention.end = tokens[j].end
            mention.text = text[mention.start:mention.end]
        if word.endswith("s"):
            mention.reasons.append("plural-admin")


def _share_plural_hints(mentions: list[Mention], text: str) -> None:
    """'the Kursk and Belgorod regions': the first name gets the plural's admin level."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        between = text[a.end:b.start].strip(" ,")
        if a.hint < 0 and b.hint >= 0 and between in ("and", "or", "&"):
            a.hint = b.hint


def _score(text: str, tokens: list[Token], i: int, j: int, mention: Mention, gaz: Gazetteer,
           pos: dict[int, str] | None, ents: list[tuple[int, int, str]],
           lower_words: set[str]) -> None:
    ev, why = 0.0, mention.reasons
    prev = tokens[i - 1].text.lower() if i > 0 else ""
    prev2 = tokens[i - 2].text.lower() if i > 1 else ""
    # "the village of X", "X district": the text itself says X is a place, whatever NER says.
    place_cue = (prev == "of" and prev2 in _PLACE_NOUNS) or mention.hint >= 0
    label, exact, inside = _entity(ents, tokens[i].start, tokens[j - 1].end)
    # "demonstrated in Neustrelitz": the small model often calls a small town after "in" a
    # person; a person is rarely "in" or "near" anything.
    coded = prev in ("to", "as") and prev2 == "coded"  # "[coded to Bad Schandau]" (ACLED)
    listed = _in_area_list(text, mention.start)  # "(Matiacoali, Gourma)"
    locative = (prev in _STRONG_LOCATIVE or coded or listed > 0) and not tokens[
        j - 1].text.endswith(("'s", "’s"))
    if place_cue and label not in _GOOD_LABELS:
        label = ""
    ent_start = _ent_start(ents, tokens[i].start)
    head = text[max(ent_start, 0):tokens[i].start].lower().replace("-", " ").split()
    head = head if ent_start >= 0 else []
    # Tail of a longer name ("Sea" of "the Black Sea"), but "East Texas" is still Texas.
    tail = any(w != "the" and w not in _DIRECTIONS for w in head)
    if label in _GOOD_LABELS and not tail:
        ev += 2.0
        why.append(f"ner:{label}")
    elif label in _GOOD_LABELS:
        ev -= 1.0  # the tail of a longer place name: "Sea" of "the Black Sea"
    elif label == "NORP" and _DEMONYM_LIKE.search(mention.text):
        ev -= 1.0  # NORP on "Rylsk" or "Belgorod" is the small model's error: no penalty
    elif label in _BAD_LABELS:
        ev -= 0.5 if locative else 1.5  # "in Shebekino" tagged LANGUAGE: the model errs
    elif label in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT") and not exact and inside:
        ev -= _inside_name_penalty(text, tokens, i, j, label, ent_start)
    elif label == "PERSON" and exact and not locative:
        ev -= 0.5  # "Clark said", "Flores told": surnames that are also towns
    if coded:
        ev += 1.5
        why.append("coded-to")
    if prev in _PREPOSITIONS or (prev == "the" and prev2 in _PREPOSITIONS):
        ev += 1.0
        why.append("prep")
    elif prev == "of" and prev2 in _PLACE_NOUNS:
        ev += 1.5
        why.append("place-of")
    elif prev.endswith(("'s", "’s")) and _owned_by_area(gaz, mention, tokens[i - 1].text[:-2]):
        ev += 1.5  # "Ukraine's Kramatorsk", "Russia's Belgorod": the owner places the name
        why.append("owner-area")
    if mention.hint >= 0:
        ev += 2.0
    elif j < len(tokens) and tokens[j].text in _PLACE_AFTER and text[tokens[j - 1].end] == " ":
        ev += 1.5
        why.append("place-noun")
    if (mention.hint < 0 and j < len(tokens) and tokens[j].text.lower() in _FACILITY_AFTER
            and any(int(gaz.feature[h.entry]) == ADM1 for h in mention.hits)):
        mention.hint = ADM1  # "the Zaporizhzhia nuclear plant": in the region, not the city
        ev += 2.0  # as much as "Zaporizhzhia region" says
        why.append("facility-of-area")
    if j < len(tokens) and tokens[j].text.lower() in _OFFICE_HOLDERS:
        ev += 1.0  # "Kursk Governor", "Belgorod authorities"
        why.append("office")
        if tokens[j].text.lower() == "governor" and mention.hint < 0:
            mention.hint = ADM1  # a governor governs a region, not the city of that name
    ev += _qualifier(text, mention, gaz)
    ev += listed
    prior = _prior(gaz, mention)
    ev += prior
    if label == "PERSON" and exact and prior < 1.0 and not locative:
        ev -= 1.0  # small towns named like people: Ripley, Clark, Webb
    if listed > 0 and j - i == 1 and tokens[i].text.lower() in _DIRECTIONS:
        mention.hint = ADM1  # "(Maligawatte, Western)": a direction naming a province
    ev += _form_penalty(text, tokens, i, j, pos, lower_words, strong=prior >= 1.5,
                        area_list=listed > 0)
    if _names_a_facility(text, tokens, j, mention, gaz):
        ev -= 5.0  # outweighs NER's FAC label, which covers the whole institution
        why.append("facility-named-after-country")
    mention.evidence = ev


def _owned_by_area(gaz: Gazetteer, mention: Mention, owner: str) -> bool:
    """The word before "'s" is a country holding one of the mention's candidates."""
    codes = {gaz.country_code(h.entry) for h in gaz.lookup(owner)
             if int(gaz.feature[h.entry]) == COUNTRY}
    return bool(codes) and any(gaz.country_code(h.entry) in codes for h in mention.hits)


def _names_a_facility(text: str, tokens: list[Token], j: int, mention: Mention,
                      gaz: Gazetteer) -> bool:
    """'the Saudi Hospital', 'the Turkish Embassy': institutions named after a country
    (often its donor) stand in a city of another country, so the country is not the scene.
    A town's name on a facility ('Kharkiv Airport') still places it, so only countries."""
    if j >= len(tokens) or tokens[j].text not in _NAMED_FACILITIES:
        return False
    if text[tokens[j - 1].end:tokens[j].start] != " ":
        return False
    return bool(mention.hits) and all(int(gaz.feature[h.entry]) == COUNTRY for h in mention.hits)


def _inside_name_penalty(text: str, tokens: list[Token], i: int, j: int, label: str,
                         ent_start: int) -> float:
    """A place inside a person's or organisation's name. An institution named after the
    place ("Gainesville Police Department", "Kursk Regional Administration") still
    mentions the place."""
    if label == "ORG" and j < len(tokens) and tokens[j].text.lower() in _OFFICES:
        return 0.0
    return 1.0 if tokens[i].start == ent_start and label != "ORG" else 0.5


def _entity(ents: list[tuple[int, int, str]], start: int, end: int) -> tuple[str, bool, bool]:
    """Label of the entity overlapping [start, end): (label, exact span, contains the span)."""
    for s, e, label in ents:
        if s >= end:
            break
        if e > start:
            return label, (s == start and e == end), (s <= start and e >= end)
    return "", False, False


def _ent_start(ents: list[tuple[int, int, str]], start: int) -> int:
    for s, e, _ in ents:
        if s <= start < e:
            return s
    return -1


# "Koalma (Pissila, Sanmatenga)", "Kerawa village (Kolofata, Mayo-Sava)".
# "Koalma (Pissila, Sanmatenga)", "Kerawa village (Kolofata, Mayo-Sava)",
# "Sao Paulo - East Zone (Sao Paulo)".
_PAREN = re.compile(r"(?:\s[a-z]+|\s-\s[^()\[\],.]{1,30}?)?\s?[(\[]([^()\[\]]{2,80})[)\]]")


# "Paris, Texas", "Asad Abad city, Kunar", "[coded to Pana], Ghazni".
_COMMA_QUALIFIER = re.compile(
    r"(?:\s(?:city|town|village))?[)\]]?(?:,\s+|\s\()((?:[A-Z][\w.]*\.?\s?){1,3})")


def _qualifier(text: str, mention: Mention, gaz: Gazetteer) -> float:
    """'Paris, Texas' / 'Tetkino, Kursk' / 'Koalma (Pissila, Sanmatenga)': a comma and a
    region or country name after, or a parenthesis listing the areas the place lies in."""
    rest = text[mention.end:mention.end + 90]
    paren = _PAREN.match(rest)
    if paren:
        items = [i.strip() for i in paren.group(1).split(",")]
        found = [i for i in items if i[:1].isupper() and _is_area(gaz, i, CITY)]
        if found:
            mention.context_after = "|".join(found)
            mention.paren = True
            # "Valparaiso (Valparaiso)": a town named like the area it lies in.
            mention.names_its_area = any(name_key(i) == name_key(mention.text) for i in found)
            return 1.5
    m = _COMMA_QUALIFIER.match(rest)
    if not m:
        return 0.0
    words = m.group(1).strip().split()
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n]).rstrip(".,")
        if _is_area(gaz, cand, ADM1):
            mention.context_after = cand
            return 1.5
    return 0.0


_AREA_LIST = re.compile(r"[A-Z][\w'.-]*(?:\s[a-z]+)?\s?[(\[](?:[^()\[\],]{2,40},\s*)*$")


def _in_area_list(text: str, start: int) -> float:
    """'Koalma (Pissila, Sanmatenga)': a name inside a parenthesis that follows a name and
    lists several items is an area the place lies in (no NER needed)."""
    before = text[max(0, start - 90):start]
    m = _AREA_LIST.search(before)
    if not m:
        return 0.0
    close = text.find(")", start)
    inside = text[m.end() - len(before) + start - 1:close if close > 0 else start]
    return 1.5 if "," in before[m.start():] or "," in inside else 0.5


def _is_area(gaz: Gazetteer, name: str, level: int) -> bool:
    """Whether a name (kind word allowed: 'Kursk region') names a country or admin area."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _ADM1_WORDS | _ADM2_WORDS:
        name = " ".join(words[:-1])
    return any(gaz.feature[h.entry] <= level for h in gaz.lookup(name))


def _prior(gaz: Gazetteer, mention: Mention) -> float:
    """How likely the name is a place on its own: countries, regions, big cities."""
    best = 0.0
    for hit in mention.hits:
        if hit.kind == DEMONYM:
            continue
        feature, pop = int(gaz.feature[hit.entry]), int(gaz.pop[hit.entry])
        score = 0.0
        if feature in (COUNTRY, REGION):
            score = 2.0
        elif feature == ADM1:
            score = 1.5 if hit.kind == PRIMARY else 0.8
        elif pop >= 1_000_000:
            score = 1.5
        elif pop >= 100_000:
            score = 1.0
        elif pop >= 10_000:
            score = 0.5
        if hit.kind == ALTERNATE and pop < 1_000_000:
            score -= 0.3
        best = max(best, score)
    if " " in mention.text.strip():
        best += 0.5
    return best


def _form_penalty(text: str, tokens: list[Token], i: int, j: int, pos: dict[int, str] | None,
                  lower_words: set[str], strong: bool = False, area_list: bool = False
                  ) -> float:
    """Evidence against: a common word capitalised at a sentence start or tagged non-PROPN,
    or a word inside a longer name (weaker for countries, regions and big cities, which
    stay places inside names: "U.S. Army", "East Texas")."""
    penalty = 0.0
    if j - i == 1:
        word = tokens[i].text
        if word.lower() in lower_words:
            penalty -= 1.0
        if word.lower() in _CALENDAR:
            penalty -= 2.0
        if word.lower().rstrip("'s’") in _DIRECTIONS and not area_list:
            penalty -= 10.0  # "South", "West": never a place on their own (but see _score)
        if word.endswith(("'s", "’s")) and not strong:
            penalty -= 1.0
        if _sentence_initial(text, tokens[i].start) and not strong:
            penalty -= 0.5
        if word.isupper() and len(word) > 3:
            penalty -= 0.5
        if word.isupper() and len(word) <= 3 and not strong:
            penalty -= 2.0  # acronyms: UN, AP, FSB are not the towns Un, Ap, ...
    inside_name = 0.5 if strong else 1.5
    if j < len(tokens) and _continues_name(text, tokens[j - 1], tokens[j]):
        penalty -= inside_name
    elif j + 1 < len(tokens) and _of_name(text, tokens[j - 1], tokens[j], tokens[j + 1]):
        penalty -= inside_name
    if i > 0 and _extends_name(text, tokens[i - 1], tokens[i]):
        penalty -= inside_name
    if pos is not None:
        tags = [pos.get(t.start) for t in tokens[i:j]]
        if tags and all(t not in ("PROPN", None) for t in tags):
            penalty -= 1.5
    return penalty


def _continues_name(text: str, last: Token, nxt: Token) -> bool:
    """'Vladimir Putin', 'War Gonzo': a capitalised word right after is part of a longer name."""
    if text[last.end:nxt.start] != " " or not nxt.text[0].isupper():
        return False
    word = nxt.text.lower()
    return word not in _ADM1_WORDS | _ADM2_WORDS | _OFFICES and not nxt.text.isupper()


def _of_name(text: str, last: Token, of: Token, nxt: Token) -> bool:
    """'University of Texas', 'Bank of America': the candidate heads an 'X of Y' name."""
    return (of.text == "of" and text[last.end:of.start] == " " and nxt.text[0].isupper()
            and text[of.end:nxt.start] == " ")


def _extends_name(text: str, prev: Token, first: Token) -> bool:
    """'Black Sea', 'Putin Kursk'? A capitalised word right before (not opening a sentence)."""
    if text[prev.end:first.start] != " " or not prev.text[0].isupper():
        return False
    if prev.text.lower() in _DIRECTIONS:
        return False  # "East Texas", "Northern Ireland" keep the place
    return not _sentence_initial(text, prev.start) and prev.text.lower() not in _CALENDAR


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n:"
