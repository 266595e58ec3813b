"""One incident from its event reports: the ledger event's fields and claim relations."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import ASSERTS, STANCES, Claim
from .countries import acled_country, iso_numeric
from .origins import OriginIndex, index_claims
from .relations import CONTRADICTS, relate, voices
from .relations import Relation as ClaimRelation
from .stored import StoredEvent, fallback_date
from .tolls import TOLL_KIND, Relation, toll, toll_relations


@dataclass
class Incident:
    """A ledger event's machine fields, its reports, actors, stances and claim relations."""

    fields: dict[str, Any]
    reports: list[tuple[str, str]]
    actors: list[str]
    stances: dict[str, int]
    relations: list[ClaimRelation] = field(default_factory=list)


def majority(values: Sequence[str]) -> str:
    """Most frequent non-empty value; ties go to the earliest report."""
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    best = max(counts.values())
    return next(v for v in values if v and counts[v] == best)


def _claims(reports: Sequence[StoredEvent]) -> list[tuple[str, Claim]]:
    """Distinct (doc_id, claim) pairs of an incident, earliest report first."""
    seen: set[tuple[str, str]] = set()
    out = []
    for report in reports:
        for claim in report.claims:
            key = (report.key[0], claim.id)
            if key not in seen:
                seen.add(key)
                out.append((report.key[0], claim))
    return out


def claim_relations(
    claims: Sequence[tuple[str, Claim]], toll_disputes: Sequence[Relation],
    index: OriginIndex | None = None,
) -> list[ClaimRelation]:
    """(doc_a, claim_a, doc_b, claim_b, relation, reason, kind) for the incident's
    disputes and agreements: one per kind and pair of parties (see ``relations.relate``).

    claims (Sequence[tuple[str, Claim]]): (doc_id, claim) of the incident.
    toll_disputes (Sequence[Relation]): the toll contradictions of the incident
        (:func:`frontwire.ledger.tolls.toll_relations`: opposed parties' current figures).
    index (OriginIndex | None): the incident's origins (built from ``claims`` if None).
    """
    if index is None:
        index = index_claims((doc, claim, doc) for doc, claim in claims)
    found: dict[tuple[str, str, str, str], ClaimRelation] = {}
    # Toll disputes come from the toll timeline: a rising count is no contradiction.
    for doc_a, claim_a, doc_b, claim_b, relation, why in toll_disputes:
        found[(doc_a, claim_a, doc_b, claim_b)] = (doc_a, claim_a, doc_b, claim_b, relation,
                                                   why, TOLL_KIND)  # fmt: skip
    for rel in relate(voices(claims, index)):
        found.setdefault(rel[:4], rel)
    return _few_per_kind(list(found.values()))


MAX_DISPUTES_PER_KIND = 4  # the earliest pairs show a dispute; more pairs repeat it


def _few_per_kind(relations: list[ClaimRelation]) -> list[ClaimRelation]:
    """At most a few contradictions of each kind, the earliest first: a dispute is shown
    by its two sides, not by every pair of the dozens of origins that repeat it."""
    kept, per_kind = [], Counter[str]()
    for rel in relations:
        if rel[4] == CONTRADICTS:
            per_kind[rel[6]] += 1
            if per_kind[rel[6]] > MAX_DISPUTES_PER_KIND:
                continue
        kept.append(rel)
    return kept


def origin_name(first_link: str, source: str, outlet: str, narration: bool = False) -> str:
    """Who a claim first came from, for display: the chain's origin, the speaker, or the
    outlet itself for its own narration. Plain values, so stored claims (dicts) and
    analysed ones (Claim) name their origins alike."""
    if narration:
        return outlet
    return first_link or source or outlet


def origins_by_stance(
    claims: Sequence[tuple[str, Claim]], index: OriginIndex
) -> dict[str, list[str]]:
    """One name per origin behind each stance, in report order.

    Counting per stance is what corroboration means: three outlets relaying one ministry
    statement are one origin, and a denial does not corroborate an assertion. A claim
    whose source is no origin ("he", "a document") is not counted.
    claims (Sequence[tuple[str, Claim]]): (doc_id, claim) of the incident.
    index (OriginIndex): their origins, name variants merged.
    RETURNS (dict[str, list[str]]): stance -> origin names.
    """
    keys: dict[str, list[str]] = {}
    for doc_id, claim in claims:
        origin = index.origin(doc_id, claim)
        group = keys.setdefault(claim.stance, [])
        if origin is not None and origin.key not in group:
            group.append(origin.key)
    return {s: [index.by_key[k].name for k in keys[s]] for s in STANCES if keys.get(s)}


def _index(reports: Sequence[StoredEvent]) -> OriginIndex:
    """The incident's origins, from every claim of its reports in report order."""
    seen: set[tuple[str, str]] = set()
    triples = []
    for report in reports:
        outlet = report.row["outlet"] or report.key[0]
        for claim in report.claims:
            if (report.key[0], claim.id) not in seen:
                seen.add((report.key[0], claim.id))
                triples.append((report.key[0], claim, outlet))
    return index_claims(triples)


def _best_place(reports: Sequence[StoredEvent]) -> StoredEvent:
    return min(
        reports,
        key=lambda r: (
            not r.row["country_code"],  # a report that placed the event at all comes first
            r.row["geo_precision"],
            r.row["lat"] is None,
            -(r.row["confidence"] or 0),
        ),
    )


def _best_date(reports: Sequence[StoredEvent]) -> StoredEvent:
    dated = [r for r in reports if r.row["date_start"]] or list(reports)
    return min(dated, key=lambda r: (r.row["time_precision"], r.row["date_end"] or ""))


def _actors(reports: Sequence[StoredEvent]) -> dict[str, Any]:
    rows = [r.row for r in reports]
    actor1 = majority([r["actor1"] for r in rows])
    actor2 = majority([r["actor2"] for r in rows if r["actor2"] != actor1])
    inter = {r["actor1"]: r["inter1"] for r in rows} | {r["actor2"]: r["inter2"] for r in rows}
    assoc: dict[str, list[str]] = {"assoc_actor_1": [], "assoc_actor_2": []}
    for r in rows:
        parsed = json.loads(r["actors_json"])
        for key, names in assoc.items():
            for actor in parsed.get(key) or []:
                name = actor.get("name", "")
                if name and name not in names and name not in (actor1, actor2):
                    names.append(name)
    return {
        "actor1": actor1, "inter1": inter.get(actor1, 0) if actor1 else 0,
        "actor2": actor2, "inter2": inter.get(actor2, 0) if actor2 else 0,
        "assoc_actor_1": "; ".join(assoc["assoc_actor_1"]),
        "assoc_actor_2": "; ".join(assoc["assoc_actor_2"]),
        "all": [a for a in [actor1, actor2, *assoc["assoc_actor_1"], *assoc["assoc_actor_2"]] if a],
    }  # fmt: skip


def _outlets(reports: Sequence[StoredEvent]) -> list[str]:
    outlets: list[str] = []
    for report in reports:
        name = report.row["outlet"] or report.key[0]
        if name not in outlets:
            outlets.append(name)
    return outlets


def source_stances(
    reports: Sequence[StoredEvent], index: OriginIndex
) -> list[dict[str, str]]:
    """Who says what about the incident: one entry per (origin, stance), in report order,
    with the origin's side and the outlet that first carried it."""
    seen: dict[tuple[str, str], dict[str, str]] = {}
    for report in reports:
        outlet = report.row["outlet"] or report.key[0]
        for claim in report.claims:
            origin = index.origin(report.key[0], claim)
            if origin is not None:
                seen.setdefault((origin.key, claim.stance), {
                    "source": origin.name, "stance": claim.stance, "outlet": outlet,
                    "side": origin.side})  # fmt: skip
    return list(seen.values())


def aggregate(reports: Sequence[StoredEvent]) -> Incident:
    """The ledger event of one cluster of event reports (earliest report first)."""
    rows = [r.row for r in reports]
    etype = majority([r["event_type"] for r in rows])
    typed = [r for r in rows if r["event_type"] == etype]
    place, when = _best_place(reports).row, _best_date(reports).row
    actors = _actors(reports)
    claims = _claims(reports)
    deaths = toll(reports)
    index = _index(reports)
    relations = claim_relations(claims, toll_relations(deaths), index)
    outlets = _outlets(reports)
    stances = Counter(c.stance for _, c in claims)
    by_stance = origins_by_stance(claims, index)
    fields = {
        "event_type": etype,
        "sub_event_type": majority([r["sub_event_type"] for r in typed]),
        "disorder_type": majority([r["disorder_type"] for r in typed]),
        "date_start": fallback_date(when),
        "date_end": when["date_end"] or fallback_date(when),
        "time_precision": min(r["time_precision"] for r in rows),
        "location": place["location"], "lat": place["lat"], "lon": place["lon"],
        "geonameid": place["geonameid"],
        "country": acled_country(place["country_code"], place["country"]),
        "country_code": place["country_code"], "iso": iso_numeric(place["country_code"]),
        "admin1": place["admin1"], "admin2": place["admin2"],
        "geo_precision": place["geo_precision"],
        **{k: v for k, v in actors.items() if k != "all"},
        "civilian_targeting": int(any(r["civilian_targeting"] for r in rows)),
        # UCDP's low, best and high; best is what the ACLED export writes.
        "fatalities": deaths.best, "fatalities_low": deaths.low, "fatalities_high": deaths.high,
        "fatality_figures": deaths.figures,
        "n_reports": len(reports), "n_sources": len(outlets),
        # Independent origins of what is asserted: the corroboration an analyst weighs.
        "independent_origins": len(by_stance.get(ASSERTS, [])) if claims else len(outlets),
        "origins_by_stance": by_stance,
        "contradicted": int(bool(deaths.disputes)
                            or any(r[4] == CONTRADICTS for r in relations)),
        "stance_summary": {s: stances[s] for s in STANCES if stances[s]},
        "background": int(rows[0]["background"]),
        "sources": "; ".join(outlets),
        "source_stances": source_stances(reports, index),
        "first_doc_id": reports[0].key[0], "first_event_id": reports[0].key[1],
    }  # fmt: skip
    fields["summary"] = summarise(fields)
    fields["search_text"] = _search_text(fields, reports)
    return Incident(fields, [r.key for r in reports], actors["all"], dict(stances), relations)


def summarise(fields: dict[str, Any]) -> str:
    """One ACLED-style sentence: when, what, who, where, and the death toll."""
    when = fields["date_start"] or "an unknown date"
    who = " and ".join(a for a in (fields["actor1"], fields["actor2"]) if a)
    where = fields["location"] or fields["country"] or "an unknown place"
    if fields["admin1"] and fields["admin1"] != where:
        where += f" ({fields['admin1']})"
    what = (fields["sub_event_type"] or fields["event_type"] or "event").lower()
    text = f"On {when}, {what}" + (f" involving {who}" if who else "") + f" in {where}."
    if fields["fatalities"]:
        text += f" {fields['fatalities']} reported fatalities."
    return text


def _search_text(fields: dict[str, Any], reports: Sequence[StoredEvent]) -> str:
    """What the text filter searches: titles, event spans, claims and sources, each once
    (a claim usually lies inside its event's span, and retellings repeat titles)."""
    parts = [fields["summary"], fields["admin2"], fields["sources"]]
    for report in reports:
        span = report.row["span_text"] or ""
        parts += [report.row["title"] or "", span]
        parts += [c.content for c in report.claims if c.content not in span]
        parts += [c.source for c in report.claims]
    return " | ".join(dict.fromkeys(p.casefold() for p in parts if p))
