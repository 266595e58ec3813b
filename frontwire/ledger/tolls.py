"""Death tolls as UCDP keeps them: low, best and high deaths of one ledger event.

Every event report that codes a death count gives one *figure*: the count, the claim that
carries it, who it comes from (origin and side) and when it was reported. Reporting on a
strike is a timeline, not a vote: a toll rising through the day (2, 12, 20, 22, 23 dead)
is one count being updated, so a higher figure of the same reporting *supersedes* the
lower ones, whether they came before it (the count rose) or after it (a stale relay of
an earlier count). Figures of opposed parties (each side's ministry) are competing
claims: each party keeps its own current figure, and those widen the range.

- ``low`` / ``high``: the lowest and highest current (asserted, not superseded) figure.
- ``best``: the current figure of the latest credible reporting; with two parties at odds
  the independent reporting's figure if there is one, else the lower party figure
  (ACLED's conservative rule). It is what ``ledger_events.fatalities`` holds.
- A toll dispute exists only between two parties' current figures that differ, never
  against a superseded count.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import ASSERTS, Claim
from .relations import CONTRADICTS
from .stored import StoredEvent

DATA = Path(__file__).resolve().parent / "data" / "tolls.json"
INDEPENDENT = ""  # the line of reporting by no party: outlets, wires, monitors
TOLL_KIND = "toll"  # the kind of a contradiction between two parties' death tolls

Relation = tuple[str, str, str, str, str, str]


@lru_cache(maxsize=1)
def non_party_sides() -> frozenset[str]:
    """Sides whose figures are independent reporting (``ledger/data/tolls.json``).

    RETURNS (frozenset[str]): casefolded side names, "" included.
    """
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return frozenset(s.casefold() for s in data["non_party_sides"])


@dataclass
class Toll:
    """One event's death toll: the range, the best figure and the timeline behind it."""

    low: int = 0
    best: int = 0
    high: int = 0
    figures: list[dict[str, Any]] = field(default_factory=list)
    disputes: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def _carrier(report: StoredEvent) -> Claim | None:
    """The claim whose content holds the report's fatality figure."""
    at = report.row["fatalities_start"]
    if at is None:
        return None
    return next((c for c in report.claims if c.content_start <= at < c.content_end), None)


def _origin(claim: Claim | None, outlet: str) -> str:
    """Who a figure comes from: the claim chain's first link, its speaker, or the outlet."""
    if claim is None or claim.narration:
        return outlet
    first = claim.chain[0].name if claim.chain else ""
    return first or claim.source or outlet


def _line(claim: Claim | None) -> str:
    """The party a figure speaks for, or INDEPENDENT."""
    side = (claim.side if claim else "") or ""
    return INDEPENDENT if side.casefold() in non_party_sides() else side


def _row(report: StoredEvent, name: str) -> Any:
    keys = report.row.keys()
    return report.row[name] if name in keys else None


def fatality_figures(reports: Sequence[StoredEvent]) -> list[dict[str, Any]]:
    """Every positive death figure of an incident, in time order, with its claim, origin,
    side and time (the publication time of the report that gives it).

    reports (Sequence[StoredEvent]): the incident's event reports, earliest first.
    RETURNS (list[dict]): one figure per report with a death count.
    """
    figures = []
    for report in reports:
        n = report.row["fatalities"]
        if not n or n <= 0:
            continue
        claim = _carrier(report)
        outlet = _row(report, "outlet") or report.key[0]
        figures.append({
            "doc_id": report.key[0], "event_id": report.key[1], "fatalities": n,
            "claim_id": claim.id if claim else None,
            "asserted": claim is None or claim.stance == ASSERTS,
            "origin": _origin(claim, outlet), "side": _line(claim), "outlet": outlet,
            "time": _row(report, "published"), "text": _row(report, "fatalities_text") or "",
            "start": _row(report, "fatalities_start"), "end": _row(report, "fatalities_end"),
            "superseded": False, "superseded_by": None,
        })  # fmt: skip
    figures.sort(key=lambda f: (f["time"] or "", f["fatalities"]))
    return figures


def _strands(figures: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The lines of reporting that update one count. With at most one party giving
    figures, everything is one strand (independent outlets relay that party's officials);
    with opposed parties each party and the independent reporting is a strand of its own."""
    asserted = [f for f in figures if f["asserted"]]
    parties = {f["side"] for f in asserted if f["side"] != INDEPENDENT}
    if len(parties) <= 1:
        return {next(iter(parties), INDEPENDENT): asserted} if asserted else {}
    strands: dict[str, list[dict[str, Any]]] = {}
    for figure in asserted:
        strands.setdefault(figure["side"], []).append(figure)
    return strands


def _supersede(strand: list[dict[str, Any]]) -> dict[str, Any]:
    """Mark every figure below the strand's highest as superseded; return the highest
    (the earliest report of it, so the timeline shows when the count got there)."""
    top = max(strand, key=lambda f: f["fatalities"])  # figures are in time order
    for figure in strand:
        if figure["fatalities"] < top["fatalities"]:
            figure["superseded"] = True
            later = (top["time"] or "") >= (figure["time"] or "")
            figure["superseded_by"] = {"doc_id": top["doc_id"], "fatalities": top["fatalities"],
                                       "why": "rising toll" if later else "stale count"}
    return top


def toll(reports: Sequence[StoredEvent]) -> Toll:
    """The death toll of one incident from its event reports.

    reports (Sequence[StoredEvent]): the incident's event reports, earliest first.
    RETURNS (Toll): low, best and high deaths, the figure timeline and the toll disputes.
    """
    figures = fatality_figures(reports)
    strands = _strands(figures)
    if not strands:
        return Toll(figures=figures)
    current = {line: _supersede(strand) for line, strand in strands.items()}
    values = [f["fatalities"] for f in current.values()]
    parties = [f for line, f in current.items() if line != INDEPENDENT]
    if len(current) == 1:
        best = values[0]
    elif INDEPENDENT in current:  # opposed parties: independent reporting is the credible one
        best = current[INDEPENDENT]["fatalities"]
    else:
        best = min(values)
    disputes = [(a, b) for i, a in enumerate(parties) for b in parties[i + 1:]
                if a["fatalities"] != b["fatalities"]]  # fmt: skip
    return Toll(min(values), best, max(values), figures, disputes)


def toll_relations(result: Toll) -> list[Relation]:
    """(doc_a, claim_a, doc_b, claim_b, relation, reason) for each toll dispute whose two
    figures are carried by claims (a relation links claims)."""
    out = []
    for a, b in result.disputes:
        for fa in _current_of(result, a):
            for fb in _current_of(result, b):
                if fa["claim_id"] and fb["claim_id"]:
                    why = (f"fatalities {fa['fatalities']} ({fa['side']}) vs"
                           f" {fb['fatalities']} ({fb['side']})")
                    out.append((fa["doc_id"], fa["claim_id"], fb["doc_id"], fb["claim_id"],
                                CONTRADICTS, why))
                    break  # one pair per dispute is enough to show the two sides
            else:
                continue
            break
    return out


def _current_of(result: Toll, top: dict[str, Any]) -> list[dict[str, Any]]:
    """Every current figure of top's line with top's count (top first)."""
    same = [f for f in result.figures if f is not top and f["asserted"] and not f["superseded"]
            and f["side"] == top["side"] and f["fatalities"] == top["fatalities"]]
    return [top, *same]


def superseded_claims(result: Toll) -> set[tuple[str, str]]:
    """(doc_id, claim_id) of claims whose death count was superseded: their count is an
    earlier stage of the toll, never a contradiction of the current one."""
    return {(f["doc_id"], f["claim_id"]) for f in result.figures
            if f["superseded"] and f["claim_id"]}  # fmt: skip


__all__ = ["TOLL_KIND", "Toll", "fatality_figures", "superseded_claims", "toll",
           "toll_relations"]
