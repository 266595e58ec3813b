"""Resolve toponym mentions to gazetteer entries using priors and document context.

Each mention's candidates are scored on name match, population, feature level,
an admin-word hint ("Kursk region" wants a region), a comma qualifier
("Dublin, Ohio") and the rest of the document: countries and regions that other
mentions resolve to, and closeness to other places. Resolution runs twice: the
first pass (no context) gives the document context for the second.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from ..model import Place
from .build import ADM1, ADM2, ALTERNATE, CITY, COUNTRY, DEMONYM, PRIMARY, REGION
from .detect import Mention
from .gazetteer import Gazetteer, Hit
from .names import ADMIN_WORDS, name_key, translit_form

MAX_CANDIDATES = 60
PASSES = 3
_KIND_SCORE = {PRIMARY: 1.0, ALTERNATE: 0.85, DEMONYM: 0.9}
_FEATURE_PRIOR = {COUNTRY: 1.0, ADM1: 0.6, ADM2: -0.3, CITY: 0.0, REGION: 1.0}
_NEAR_KM = 150.0


@dataclass
class Candidate:
    entry: int
    name_score: float
    score: float = 0.0


@dataclass
class Context:
    """Countries, regions and points the document's mentions resolve to."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[int] = field(default_factory=Counter)
    points: list[tuple[float, float]] = field(default_factory=list)
    total: int = 0


def candidates(gaz: Gazetteer, mention: Mention, demonyms: bool = False) -> list[Candidate]:
    """Scored-by-name candidates for a mention (exact keys, then variants, then skeletons)."""
    hits = [h for h in mention.hits if demonyms or h.kind != DEMONYM]
    text = mention.text
    if not hits:
        text, hits = _variant_hits(gaz, mention, demonyms)
    found = {h.entry: Candidate(h.entry, _KIND_SCORE.get(h.kind, 0.6)) for h in hits}
    if not found:
        found = _skeleton_candidates(gaz, text)
    if mention.hint in (ADM1, ADM2):
        _add_admin_parents(gaz, found, mention.hint)
    ranked = sorted(found.values(), key=lambda c: -int(gaz.pop[c.entry]))
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
    form = translit_form(text)
    found = {}
    for hit in gaz.lookup_skeleton(text):
        sim = ratio(form, translit_form(gaz.name(hit.entry))) / 100.0
        if sim >= 0.7:
            found[hit.entry] = Candidate(hit.entry, 0.75 * sim)
    return found


def _add_admin_parents(gaz: Gazetteer, found: dict[int, Candidate], hint: int) -> None:
    """'the Belgorod region': the region around the city of that name is a candidate too."""
    for cand in list(found.values()):
        if gaz.feature[cand.entry] != CITY:
            continue
        parent = int(gaz.adm1[cand.entry]) if hint == ADM1 else int(gaz.adm2[cand.entry])
        if parent >= 0 and parent not in found:
            found[parent] = Candidate(parent, cand.name_score * 0.95)


def score(gaz: Gazetteer, cand: Candidate, mention: Mention, ctx: Context | None,
          qualifier: set[int] | None) -> float:
    entry = cand.entry
    feature = int(gaz.feature[entry])
    value = 3.0 * cand.name_score + 0.35 * math.log10(int(gaz.pop[entry]) + 1)
    value += _FEATURE_PRIOR[feature]
    if mention.hint >= 0:
        value += 2.5 if feature == mention.hint else (-1.5 if feature == CITY else -0.5)
    if qualifier and _inside(gaz, entry, qualifier):
        value += 3.0
    if ctx is not None and ctx.total:
        value += 1.5 * ctx.countries[gaz.country_code(entry)] / ctx.total
        a1 = gaz.admin1_entry(entry)
        if a1 >= 0 and feature != ADM1 and ctx.admin1[a1]:
            value += 1.0 + 1.5 * ctx.admin1[a1] / ctx.total
        near = _near(float(gaz.lat[entry]), float(gaz.lon[entry]), ctx.points)
        if feature in (ADM2, CITY) and near:
            value += 0.7
    return value


def _inside(gaz: Gazetteer, entry: int, containers: set[int]) -> bool:
    """Whether entry lies in one of the given country/adm1 entries."""
    country = gaz.country_entry(gaz.country_code(entry))
    return gaz.admin1_entry(entry) in containers or country in containers


def _near(lat: float, lon: float, points: list[tuple[float, float]]) -> bool:
    return any(haversine_km(lat, lon, p[0], p[1]) < _NEAR_KM for p in points)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _qualifier_entries(gaz: Gazetteer, mention: Mention) -> set[int]:
    if not mention.context_after:
        return set()
    return {h.entry for h in gaz.lookup(mention.context_after) if gaz.feature[h.entry] <= ADM1}


def _rank(gaz: Gazetteer, mention: Mention, cands: list[Candidate],
          ctx: Context | None) -> list[Candidate]:
    qualifier = _qualifier_entries(gaz, mention)
    for cand in cands:
        cand.score = score(gaz, cand, mention, ctx, qualifier)
    return sorted(cands, key=lambda c: -c.score)


def _context(gaz: Gazetteer, best: list[int | None], keys: list[str], skip: int) -> Context:
    """Context from the other mentions; repeats of the same name are left out, so a
    wrong first guess for "Dublin" cannot vote for itself."""
    ctx = Context()
    for i, entry in enumerate(best):
        if entry is None or keys[i] == keys[skip]:
            continue
        ctx.total += 1
        ctx.countries[gaz.country_code(entry)] += 1
        a1 = gaz.admin1_entry(entry)
        if a1 >= 0:
            ctx.admin1[a1] += 1
        if gaz.feature[entry] in (ADM2, CITY):
            ctx.points.append((float(gaz.lat[entry]), float(gaz.lon[entry])))
    return ctx


def resolve_mentions(gaz: Gazetteer, mentions: list[Mention],
                     demonyms: bool = False) -> list[Place]:
    """Places for mentions (unresolvable mentions get a Place without geonameid)."""
    pools = [candidates(gaz, m, demonyms) for m in mentions]
    best: list[int | None] = []
    for mention, pool in zip(mentions, pools, strict=True):
        ranked = _rank(gaz, mention, pool, None)
        best.append(ranked[0].entry if ranked else None)
    keys = [name_key(m.text) for m in mentions]
    ranked_all: list[list[Candidate]] = [[] for _ in mentions]
    # Each pass re-ranks with the context of the previous one; two passes settle
    # documents whose places support each other (Huntsville and Walker County, Texas).
    for _ in range(PASSES):
        for i, (mention, pool) in enumerate(zip(mentions, pools, strict=True)):
            if pool:
                ranked_all[i] = _rank(gaz, mention, pool, _context(gaz, best, keys, i))
        best = [r[0].entry if r else None for r in ranked_all]
    return [to_place(gaz, m, r) for m, r in zip(mentions, ranked_all, strict=True)]


def to_place(gaz: Gazetteer, mention: Mention, ranked: list[Candidate]) -> Place:
    place = Place(start=mention.start, end=mention.end, text=mention.text)
    if not ranked:
        return place
    top = ranked[0].entry
    place.geonameid = str(int(gaz.gid[top]))
    place.name = gaz.name(top)
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
        "geonameid": str(int(gaz.gid[cand.entry])),
        "name": gaz.name(cand.entry),
        "lat": float(gaz.lat[cand.entry]),
        "lon": float(gaz.lon[cand.entry]),
        "country_code": gaz.country_code(cand.entry),
        "admin1": gaz.admin1_name(cand.entry),
        "score": round(cand.score, 3),
    }
