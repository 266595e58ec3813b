"""Cross-document clustering: which event reports tell the same incident.

Rules (issue 2): same event type, or any two violent types; background events only
with background events; date intervals overlap or lie within one day; places within
~25 km or in the same admin2 when both are precise, the same admin1 when either is
coarse; a shared actor when both reports name actors. Two event reports of one
document never merge (the event coder already split them on purpose).

Blocking keeps this far from O(n^2): reports are grouped by (background, country) and
swept in date order, so each report is compared only with reports whose interval is
still open.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

MERGE_KM = 25.0
DATE_SLACK_DAYS = 1
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
COARSE_FEATURES = frozenset({"country", "adm1", "region"})


@dataclass
class Item:
    """One event report as clustering sees it."""

    key: tuple[str, str]  # (doc_id, event_id)
    order: tuple[int, int]  # (document seq, event index): earliest report first
    event_type: str
    background: bool
    start: int | None  # date ordinal
    end: int | None
    country_code: str = ""
    admin1: str = ""
    admin2: str = ""
    lat: float | None = None
    lon: float | None = None
    feature: str = ""
    geo_precision: int = 3
    actors: frozenset[str] = field(default_factory=frozenset)

    @property
    def doc_id(self) -> str:
        return self.key[0]

    @property
    def precise(self) -> bool:
        """A point we trust to ~10 km: a town or part of one."""
        return (
            self.lat is not None
            and self.lon is not None
            and self.geo_precision <= 2
            and self.feature not in COARSE_FEATURES
        )


def to_ordinal(value: str | None, end: bool = False) -> int | None:
    """Day number of an ISO date, datetime, month (2024-03) or year (2024).

    end (bool): for a month or year, its last day instead of its first.
    RETURNS (int | None): None when absent or unreadable (the report then cannot merge).
    """
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) >= 10:
            return date.fromisoformat(text[:10]).toordinal()
        if len(text) == 7:  # YYYY-MM
            first = date(int(text[:4]), int(text[5:7]), 1)
            if not end:
                return first.toordinal()
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return following.toordinal() - 1
        if len(text) == 4 and text.isdigit():
            return date(int(text), 12, 31).toordinal() if end else date(int(text), 1, 1).toordinal()
    except ValueError:
        return None
    return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def types_compatible(a: Item, b: Item) -> bool:
    if a.background != b.background:
        return False
    return a.event_type == b.event_type or (a.event_type in VIOLENT and b.event_type in VIOLENT)


def dates_compatible(a: Item, b: Item) -> bool:
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    return a.start <= b.end + DATE_SLACK_DAYS and b.start <= a.end + DATE_SLACK_DAYS


def _same(x: str, y: str) -> bool:
    return bool(x) and x.casefold() == y.casefold()


def places_compatible(a: Item, b: Item) -> bool:
    if not a.country_code or a.country_code != b.country_code:
        return False
    if a.precise and b.precise:
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        if haversine_km(a.lat, a.lon, b.lat, b.lon) <= MERGE_KM:
            return True
        return _same(a.admin2, b.admin2) and _same(a.admin1, b.admin1)
    if a.admin1 or b.admin1:
        return _same(a.admin1, b.admin1)
    # Both known only to the country: the same country on the same days, by the same actors.
    return True


def actors_compatible(a: Item, b: Item) -> bool:
    return not a.actors or not b.actors or bool(a.actors & b.actors)


def compatible(a: Item, b: Item) -> bool:
    """True when two event reports may tell the same incident."""
    return (
        types_compatible(a, b)
        and dates_compatible(a, b)
        and places_compatible(a, b)
        and actors_compatible(a, b)
    )


class _Clusters:
    """Union-find that keeps every incident tight.

    Two clusters join only when they hold no common document and every report's dates
    still agree with every other's (the latest start within a day of the earliest end):
    without that, daily shelling of one town would chain into a single endless event.
    """

    def __init__(self, items: Sequence[Item]) -> None:
        self.parent = list(range(len(items)))
        self.docs: dict[int, set[str]] = {i: {it.doc_id} for i, it in enumerate(items)}
        # Per root: (latest start, earliest end) over its reports.
        self.span: dict[int, tuple[int, int]] = {
            i: (it.start, it.end)
            for i, it in enumerate(items)
            if it.start is not None and it.end is not None
        }

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj or self.docs[ri] & self.docs[rj]:
            return
        latest_start = max(self.span[ri][0], self.span[rj][0])
        earliest_end = min(self.span[ri][1], self.span[rj][1])
        if latest_start > earliest_end + DATE_SLACK_DAYS:
            return
        if len(self.docs[ri]) < len(self.docs[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.docs[ri] |= self.docs.pop(rj)
        self.span[ri] = (latest_start, earliest_end)
        del self.span[rj]


def _sort_key(items: Sequence[Item]) -> Callable[[int], tuple[int, tuple[int, int]]]:
    return lambda i: (items[i].start or 0, items[i].order)


def _sweep(indices: list[int], items: Sequence[Item], clusters: _Clusters) -> None:
    """Compare each report with the earlier ones whose interval is still open."""
    indices.sort(key=_sort_key(items))
    active: list[int] = []
    for i in indices:
        item = items[i]
        assert item.start is not None
        active = [j for j in active if (items[j].end or 0) + DATE_SLACK_DAYS >= item.start]
        for j in active:
            if compatible(items[j], item):
                clusters.union(j, i)
        active.append(i)


def _blocks(items: Sequence[Item]) -> tuple[dict[tuple[bool, str], list[int]], list[int]]:
    """Indices by (background, country), and the reports that cannot be matched at all."""
    blocks: dict[tuple[bool, str], list[int]] = {}
    loners = []
    for i, item in enumerate(items):
        if item.start is None or item.end is None or not item.country_code:
            loners.append(i)  # no date or no place: stays its own incident
        else:
            blocks.setdefault((item.background, item.country_code), []).append(i)
    return blocks, loners


def cluster(items: Sequence[Item]) -> list[list[Item]]:
    """Group event reports into incidents.

    items (Sequence[Item]): the event reports to cluster (all of them, or whole segments).
    RETURNS (list[list[Item]]): clusters, each sorted earliest report first, and the
        clusters ordered by their earliest report (so ids are assigned deterministically).
    """
    clusters = _Clusters(items)
    blocks, _ = _blocks(items)
    for indices in blocks.values():
        _sweep(indices, items, clusters)
    groups: dict[int, list[Item]] = {}
    for i, item in enumerate(items):
        groups.setdefault(clusters.find(i), []).append(item)
    result = [sorted(group, key=lambda it: it.order) for group in groups.values()]
    result.sort(key=lambda group: group[0].order)
    return result


def actor_keys(names: Iterable[str]) -> frozenset[str]:
    """Normalised actor names for comparison (case and surrounding spaces ignored).

    ACLED's "Unidentified Armed Group (X)" means the report does not know who acted, so
    it is left out: it must neither block nor make a match. "Civilians (X)" are left out
    too: one report naming the victims and another naming the armed parties can tell the
    same strike.
    """
    keys = (n.strip().casefold() for n in names if n and n.strip())
    return frozenset(k for k in keys if not k.startswith(("unidentified", "civilians")))
