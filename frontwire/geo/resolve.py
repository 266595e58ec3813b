"""Resolve toponym mentions to gazetteer entries using priors and document context.

Each mention's candidates get a base score from the mention alone: name match
(primary name, alternate, transliteration variant), population, feature level,
national capital, an admin-word hint ("Kursk region" wants a region) and a
qualifier ("Dublin, Ohio", "Tetkino (Kursk region)"). Then, over a few passes,
each candidate gains from the other names of the document that can be read as
lying in the same country, first-level region or district (soft support: a
plausible second reading counts too, so "Paris" and "Henry County" settle on
Tennessee together). A name never supports itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ..model import Place
from .build import ADM1, ADM2, ALTERNATE, CITY, COUNTRY, DEMONYM, PRIMARY, REGION
from .detect import Mention
from .gazetteer import Gazetteer, Hit
from .names import ADMIN_WORDS, name_key

MAX_CANDIDATES = 60
PASSES = 3
MAX_VOTERS = 80
# Weights of the scoring terms (chosen on the LGL dev file as whole-corpus settings).
W_POP = 0.5
W_COUNTRY = 1.5
W_ADM1_ANY = 0.5
W_ADM1_SHARE = 2.5
W_ADM2_ANY = 1.0
W_CAPITAL = 0.5
# Upper bound of context_bonus, with a margin.
_MAX_CONTEXT = W_COUNTRY + W_ADM1_ANY + W_ADM1_SHARE + W_ADM2_ANY + 0.5
_KIND_SCORE = {PRIMARY: 1.0, ALTERNATE: 0.75, DEMONYM: 0.9}
_FEATURE_PRIOR = {COUNTRY: 1.0, ADM1: 0.0, ADM2: -0.3, CITY: 0.0, REGION: 1.0}


@dataclass
class Candidate:
    entry: int
    name_score: float
    score: float = 0.0


def candidates(gaz: Gazetteer, mention: Mention, demonyms: bool = False) -> list[Candidate]:
    """Scored-by-name candidates for a mention (exact keys, then variants, then skeletons)."""
    hits = [h for h in mention.hits if demonyms or h.kind != DEMONYM]
    text = mention.text
    if not hits:
        text, hits = _variant_hits(gaz, mention, demonyms)
    found = {h.entry: Candidate(h.entry, _KIND_SCORE.get(h.kind, 0.6)) for h in hits}
    if not found:
        found = _skeleton_candidates(gaz, text)
        mention.guessed = bool(found)
    if mention.hint in (ADM1, ADM2):
        _add_admin_parents(gaz, found, mention.hint)
    # A few admin areas have no point (no member city, no parent): not a usable answer.
    usable = [c for c in found.values() if not math.isnan(gaz.lat[c.entry])]
    ranked = sorted(usable, key=lambda c: -int(gaz.pop[c.entry]))
    return ranked[:MAX_CANDIDATES]


def _variant_hits(gaz: Gazetteer, mention: Mention, demonyms: bool) -> tuple[str, list[Hit]]:
    """Strip 'the', possessives, admin words and plurals until the gazetteer knows the name."""
    text = mention.text.strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    text = text.removesuffix("'s").removesuffix("’s")
    words = text.split()
    if len(words) > 1 and words[-1].lower().rstrip("s") in ADMIN_WORDS | {"district", "raion"}:
        last = words[-1].lower().rstrip("s")
        mention.hint = ADM2 if last in ("district", "raion", "rayon", "county") else ADM1
        text = " ".join(words[:-1])
    hits = [h for h in gaz.lookup(text) if demonyms or h.kind != DEMONYM]
    if not hits and text.endswith("s"):
        hits = [h for h in gaz.lookup(text[:-1]) if h.kind == DEMONYM and demonyms]
    return text, hits


def _skeleton_candidates(gaz: Gazetteer, text: str) -> dict[int, Candidate]:
    """Transliteration variants: same consonant skeleton and a close spelling."""
    return {entry: Candidate(entry, 0.75 * sim) for entry, sim in gaz.fuzzy(text)}


def _add_admin_parents(gaz: Gazetteer, found: dict[int, Candidate], hint: int) -> None:
    """'the Belgorod region': the region around the city of that name is a candidate too,
    unless the name itself already names an area of that level ('Donetsk' is an alias of
    Donetsk Oblast; the Donetsk in Rostov oblast must not bring Rostov oblast in)."""
    if any(gaz.feature[c.entry] == hint for c in found.values()):
        return
    for cand in list(found.values()):
        if gaz.feature[cand.entry] != CITY:
            continue
        parent = int(gaz.adm1[cand.entry]) if hint == ADM1 else int(gaz.adm2[cand.entry])
        if parent >= 0 and parent not in found:
            found[parent] = Candidate(parent, cand.name_score * 0.95)
        elif parent < 0 and hint == ADM2:
            for district in gaz.districts_named_after(cand.entry):
                found.setdefault(district, Candidate(district, cand.name_score * 0.9))


def base_score(gaz: Gazetteer, cand: Candidate, mention: Mention, qualifier: set[int]) -> float:
    """Score from the mention alone: name match, population, feature level, hint, qualifier."""
    entry = cand.entry
    feature = int(gaz.feature[entry])
    value = 3.0 * cand.name_score + W_POP * math.log10(int(gaz.pop[entry]) + 1)
    value += _FEATURE_PRIOR[feature]
    if entry in gaz.capitals:
        value += W_CAPITAL
    if mention.hint >= 0:
        value += 2.5 if feature == mention.hint else (-1.5 if feature == CITY else -0.5)
    if qualifier and _inside(gaz, entry, qualifier):
        value += 3.0
    if mention.names_its_area and feature == CITY:
        value += 2.0  # "Djibouti (Djibouti, Djibouti)": the town outside, its areas inside
    return value


def _inside(gaz: Gazetteer, entry: int, containers: set[int]) -> bool:
    """Whether entry lies in one of the given country/adm1 entries."""
    country = gaz.country_entry(gaz.country_code(entry))
    region = gaz.admin1_entry(entry)
    if region in containers or country in containers or gaz.admin2_entry(entry) in containers:
        return True
    # A town filed without its district ('Halba (Akkar)'): a district of its region counts.
    return (gaz.admin2_entry(entry) < 0 <= region
            and any(gaz.feature[c] == ADM2 and int(gaz.adm1[c]) == region for c in containers))


_BORDER_KM = 15.0


def _borders(gaz: Gazetteer, entry: int, containers: set[int]) -> bool:
    """Whether a town lies within a short distance of a town of one of the areas."""
    lat, lon = float(gaz.lat[entry]), float(gaz.lon[entry])
    for area in containers:
        feature = int(gaz.feature[area])
        if feature not in (ADM1, ADM2):
            continue
        members = np.flatnonzero((gaz.adm1 if feature == ADM1 else gaz.adm2) == area)
        if len(members) and _min_km(gaz, members, lat, lon) <= _BORDER_KM:
            return True
    return False


def _min_km(gaz: Gazetteer, entries: np.ndarray, lat: float, lon: float) -> float:
    la, lo = np.radians(gaz.lat[entries]), np.radians(gaz.lon[entries])
    p, q = math.radians(lat), math.radians(lon)
    h = np.sin((la - p) / 2) ** 2 + math.cos(p) * np.cos(la) * np.sin((lo - q) / 2) ** 2
    return float(12742.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))).min())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _qualifier_entries(gaz: Gazetteer, mention: Mention) -> set[int]:
    """Countries and admin areas named as the mention's qualifier ('|'-separated)."""
    found: set[int] = set()
    for name in mention.context_after.split("|") if mention.context_after else []:
        words = name.split()
        if len(words) > 1 and words[-1].lower().rstrip("s") in ADMIN_WORDS:
            name = " ".join(words[:-1])
        hits = gaz.lookup(name)
        areas = {h.entry for h in hits if gaz.feature[h.entry] <= ADM2}
        found.update(areas)
        if areas or not mention.paren:
            continue  # "(Hangu, KPK)": the Hangu district, not the areas of every Hangu town
        for hit in hits:
            if gaz.feature[hit.entry] == CITY:
                # "(Gazipur)": a town names the district or province it lies in.
                found.update(a for a in (int(gaz.adm2[hit.entry]), int(gaz.adm1[hit.entry]))
                             if a >= 0)
    return found


@dataclass
class Support:
    """What one distinct name in the document allows: the best weight per area.

    A weight is exp(score - top score) of the name's candidates, so a reading that is
    plausible but not first (Paris, Tennessee) still lends support to its area.
    """

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[int, float] = field(default_factory=dict)
    admin2: dict[int, float] = field(default_factory=dict)


def _support(gaz: Gazetteer, pool: list[Candidate]) -> Support:
    found = Support()
    top = max(c.score for c in pool)
    for cand in pool:
        weight = math.exp(cand.score - top)
        if weight < 0.05:
            continue
        _raise(found.countries, gaz.country_code(cand.entry), weight)
        _raise(found.admin1, gaz.admin1_entry(cand.entry), weight)
        _raise(found.admin2, gaz.admin2_entry(cand.entry), weight)
    return found


def _raise(table: dict, key: object, weight: float) -> None:
    if key != -1 and key != "" and weight > table.get(key, 0.0):
        table[key] = weight


def context_bonus(gaz: Gazetteer, entry: int, others: list[Support]) -> float:
    """Agreement of a candidate with the other names of the document."""
    if not others:
        return 0.0
    n = len(others)
    code = gaz.country_code(entry)
    bonus = W_COUNTRY * sum(s.countries.get(code, 0.0) for s in others) / n
    a1 = gaz.admin1_entry(entry)
    if a1 >= 0:
        weights = [s.admin1.get(a1, 0.0) for s in others]
        bonus += W_ADM1_ANY * max(weights) + W_ADM1_SHARE * sum(weights) / n
    a2 = gaz.admin2_entry(entry)
    if a2 >= 0:
        bonus += W_ADM2_ANY * max(s.admin2.get(a2, 0.0) for s in others)
    return bonus


def _prune(pool: list[Candidate], values: list[float]) -> tuple[list[Candidate], list[float]]:
    """Drop candidates that no document context could lift to the top (saves time)."""
    if not pool:
        return pool, values
    floor = max(values) - _MAX_CONTEXT
    kept = [(c, v) for c, v in zip(pool, values, strict=True) if v >= floor]
    for cand, value in kept:
        cand.score = value
    return [c for c, _ in kept], [v for _, v in kept]


def _prefer_city_over_its_region(gaz: Gazetteer, pool: list[Candidate],
                                 values: list[float]) -> None:
    """'Kiev', 'Moscow': a big city named like the region around it is the city itself."""
    for k, cand in enumerate(pool):
        if gaz.feature[cand.entry] != ADM1:
            continue
        region_pop = int(gaz.pop[cand.entry])
        for other in pool:
            if (gaz.feature[other.entry] == CITY and gaz.adm1[other.entry] == cand.entry
                    and int(gaz.pop[other.entry]) >= 0.3 * region_pop
                    and other.name_score >= cand.name_score - 0.3):
                values[k] -= 2.0
                break


def resolve_mentions(gaz: Gazetteer, mentions: list[Mention], demonyms: bool = False,
                     text: str = "") -> list[Place]:
    """Places for mentions (unresolvable mentions get a Place without geonameid).

    text (str): the document, for rules that read the words between mentions (optional).
    """
    pools = [candidates(gaz, m, demonyms) for m in mentions]
    # Spelling-variant guesses ("Ruchill" ~ Rock Hill) neither vote for the others nor
    # stand against the note's exactly named places (see _drop_stray_guesses).
    guessed = {name_key(m.text) for m in mentions if m.guessed}
    base: list[list[float]] = []
    for k, (mention, pool) in enumerate(zip(mentions, pools, strict=True)):
        qualifier = _qualifier_entries(gaz, mention)
        if mention.paren and qualifier and not any(_inside(gaz, c.entry, qualifier)
                                                   for c in pool):
            # "Pescador (Cauca)" with no Pescador in Cauca: a place the gazetteer lacks,
            # not a namesake abroad; the areas in the parenthesis place it. A town just
            # across the area's edge stays: admin links differ between sources and years
            # ("Acornhoek (Ehlanzeni, Mpumalanga)", filed under Limpopo).
            pool = pools[k] = [c for c in pool if _borders(gaz, c.entry, qualifier)]
        base.append([base_score(gaz, c, mention, qualifier) for c in pool])
        for cand, value in zip(pool, base[-1], strict=True):
            cand.score = value
    for k, (pool, values) in enumerate(zip(pools, base, strict=True)):
        _prefer_city_over_its_region(gaz, pool, values)
        pools[k], base[k] = _prune(pool, values)
    keys = [name_key(m.text) for m in mentions]
    # Each pass re-scores every candidate with the support of the other names as the
    # previous pass scored them; repeats of the same name are left out, so a wrong
    # first guess for "Dublin" cannot vote for itself.
    # Long documents: the most repeated names carry the context (bounds the work).
    voters = {k for k, _ in Counter(keys).most_common(MAX_VOTERS)} - guessed
    for _ in range(PASSES):
        support: dict[str, Support] = {}
        for key, pool in zip(keys, pools, strict=True):
            if pool and key not in support and key in voters:
                support[key] = _support(gaz, pool)
        for key, pool, values in zip(keys, pools, base, strict=True):
            others = [s for k, s in support.items() if k != key]
            for cand, value in zip(pool, values, strict=True):
                cand.score = value + context_bonus(gaz, cand.entry, others)
    ranked = [sorted(pool, key=lambda c: -c.score) for pool in pools]
    _drop_stray_guesses(gaz, keys, ranked, guessed, support)
    if text:
        _follow_areas_after(gaz, text, mentions, ranked)
    return [to_place(gaz, m, r) for m, r in zip(mentions, ranked, strict=True)]


def _drop_stray_guesses(gaz: Gazetteer, keys: list[str], ranked: list[list[Candidate]],
                        guessed: set[str], support: dict[str, Support]) -> None:
    """A spelling-variant guess in a country none of the exactly named places supports is
    a name the gazetteer lacks ('Tambongou' in a note on Burkina Faso is not Tambong in
    the Philippines): leave it unresolved."""
    for k, key in enumerate(keys):
        countries = {code for other, s in support.items() if other != key
                     for code, w in s.countries.items() if w >= 0.5}
        if not countries:
            continue
        if key in guessed and ranked[k] and gaz.country_code(ranked[k][0].entry) not in countries:
            ranked[k] = []
        elif key in guessed and ranked[k] and _outside_named_regions(gaz, ranked[k][0].entry,
                                                                      key, support):
            ranked[k] = []
        elif ranked[k] and _listed_village(gaz, ranked[k][0].entry):
            # A village from a national list (Myanmar, Nigeria) needs its country in the
            # note: "Gire" in a note on Duhok is a Kurdish area, not the Nigerian village.
            ranked[k] = [c for c in ranked[k] if not _listed_village(gaz, c.entry)
                         or gaz.country_code(c.entry) in countries]


_GUESS_VILLAGE_POP = 10_000


def _outside_named_regions(gaz: Gazetteer, entry: int, key: str,
                           support: dict[str, Support]) -> bool:
    """A spelling-variant guess outside every first-level area the document's exact names
    place in the guess's country: 'the village of Robotyne in the Zaporizhzhia region' is
    a village the gazetteer lacks, not Rybotyn in Chernihiv, 500 km away. Areas and
    towns are left alone: a look-alike that large is rarely a chance match."""
    if gaz.feature[entry] != CITY or int(gaz.pop[entry]) >= _GUESS_VILLAGE_POP:
        return False
    code = gaz.country_code(entry)
    regions = {a1 for other, s in support.items() if other != key
               for a1, w in s.admin1.items() if w >= 0.5 and a1 >= 0
               and gaz.country_code(a1) == code}
    return bool(regions) and gaz.admin1_entry(entry) not in regions


def _listed_village(gaz: Gazetteer, entry: int) -> bool:
    """A town of an optional national list: no GeoNames id, no population."""
    return int(gaz.gid[entry]) == 0 and int(gaz.pop[entry]) == 0 and gaz.feature[entry] == CITY


_AREA_AFTER_CHARS = 80
_SMALL_TOWN = 100_000


def _follow_areas_after(gaz: Gazetteer, text: str, mentions: list[Mention],
                        ranked: list[list[Candidate]]) -> None:
    """'Keles in Zangiata district of Tashkent region', '[coded to Pana], Ghazni': an area
    named right after a small town, in the same clause, says which country the town is in.
    The town's namesake there wins; with none, the town is one the gazetteer lacks and is
    left unresolved rather than placed abroad."""
    for k in range(len(mentions)):
        if not ranked[k] or gaz.feature[ranked[k][0].entry] != CITY:
            continue
        top = ranked[k][0].entry
        if int(gaz.pop[top]) >= _SMALL_TOWN:
            continue
        code = _area_country_after(gaz, text, mentions, ranked, k)
        if code is None or code == gaz.country_code(top):
            continue
        ranked[k] = [c for c in ranked[k] if gaz.country_code(c.entry) == code]


# What may stand between a town and the areas that place it: names, commas, brackets and
# the words of "in the Zangiata district of", "[coded to X],".
_PLACING_GAP = re.compile(
    r"(?:[\s,()\[\]]|\b(?:in|of|the|near|coded|to|as|district|region|province|state|county"
    r"|township|governorate|municipality|village|town|city|area|countryside)\b"
    r"|\b[A-Z][\w'-]*)*")


def _area_country_after(gaz: Gazetteer, text: str, mentions: list[Mention],
                        ranked: list[list[Candidate]], k: int) -> str | None:
    """Country of the admin areas or country named after mention k, with only placing
    words between (None when there is none)."""
    end, code = mentions[k].end, None
    for j in range(k + 1, len(mentions)):
        start = mentions[j].start
        if start < end or start - end > _AREA_AFTER_CHARS:
            break
        if not _PLACING_GAP.fullmatch(text, end, start):
            break
        if (ranked[j] and gaz.feature[ranked[j][0].entry] in (COUNTRY, ADM1, ADM2)
                and _confidence(ranked[j]) >= 0.5):
            # The last, broadest area of the run decides: "(Rumbek Centre, Lakes state)";
            # an ambiguous one ("Northern") does not.
            code = gaz.country_code(ranked[j][0].entry)
        end = mentions[j].end
    return code


def to_place(gaz: Gazetteer, mention: Mention, ranked: list[Candidate]) -> Place:
    place = Place(start=mention.start, end=mention.end, text=mention.text)
    if not ranked:
        return place
    top = ranked[0].entry
    gid = int(gaz.gid[top])
    place.geonameid = str(gid) if gid > 0 else None  # our own regions have no GeoNames id
    place.name = gaz.english_name(top)
    place.lat, place.lon = float(gaz.lat[top]), float(gaz.lon[top])
    place.feature = gaz.feature_name(top)
    place.country_code = gaz.country_code(top)
    place.country = gaz.country_name(top)
    place.admin1 = gaz.admin1_name(top) if place.feature != "country" else ""
    place.admin2 = gaz.admin2_name(top) if place.feature in ("adm2", "city") else ""
    place.population = int(gaz.pop[top])
    place.confidence = round(_confidence(ranked), 3)
    place.alternatives = [_alternative(gaz, c) for c in ranked[1:6]]
    return place


def _confidence(ranked: list[Candidate]) -> float:
    top = ranked[0].score
    total = sum(math.exp(min(0.0, c.score - top)) for c in ranked)
    return 1.0 / total


def _alternative(gaz: Gazetteer, cand: Candidate) -> dict[str, object]:
    return {
        "geonameid": str(int(gaz.gid[cand.entry])) if gaz.gid[cand.entry] > 0 else None,
        "name": gaz.english_name(cand.entry),
        "lat": float(gaz.lat[cand.entry]),
        "lon": float(gaz.lon[cand.entry]),
        "country_code": gaz.country_code(cand.entry),
        "admin1": gaz.admin1_name(cand.entry),
        "score": round(cand.score, 3),
    }
