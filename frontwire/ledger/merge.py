"""Cross-document clustering: which event reports tell the same incident.

Two event reports may tell one incident when their coded fields are compatible:

- type: the same event type, or two of one family (any two violent types: a missile
  strike and a shelling); background events only with background events;
- date: intervals overlap or lie within a day. A report with no date phrase of its own
  only has its publication date, a weak prior: its interval reaches ``WEAK_DATE_DAYS``
  back from it. Reports dated only to a month or a year cannot be told apart from every
  other report of that month and stay apart;
- place: within ``MERGE_KM`` (or the same admin2) when both are towns; a report known
  only to its oblast (admin1) inside an event of that oblast; a report known only to the
  country inside any event of the country;
- actors: a shared actor when both reports name actors.

What the reports share in text (named entities, numbers, key nouns of the event span,
see ``similarity``) then decides: the weaker the coded match (a weak date, a coarse
place, no actors, two different types), the more text the pair must share, and two
reports coded alike with rich text that shares nothing are kept apart.

The clustering is a function of the reports' content, never of their ingest order:
compatible pairs are joined strongest first, ties broken by content-derived keys, and a
join is refused when the two clusters hold a common document (the event coder split
them on purpose) or when the joined cluster would no longer be tight in time or space
(daily shelling of one town must not chain into one endless event). Because a join
only ever looks at the two clusters of its pair, each connected component of the
compatibility graph is clustered on its own, so re-clustering only the components that
new reports touch gives exactly what a full re-merge gives (see ``components``).

Blocking keeps this sub-quadratic: reports are indexed by (background, country), place
bucket (a grid cell, an admin1, the country) and day, and each report is compared only
with those whose bucket and days it can reach.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..geo.resolve import haversine_km

MERGE_KM = 25.0
SPREAD_KM = 60.0  # widest an incident's precise places may lie apart (chaining guard)
DATE_SLACK_DAYS = 1
WEAK_DATE_DAYS = 3  # an undated report tells of the last few days before publication
LONGEST_DAYS = 10  # reports with a longer date interval (a month, a year) stay apart
COARSE_FEATURES = frozenset({"country", "adm1", "region"})
# Cells of the spatial index: 0.25 degrees of latitude (~28 km) by 0.5 of longitude
# (>= 25 km up to 60 degrees north), so the 3x3 cells around a point hold every point
# within MERGE_KM of it.
CELL_LAT, CELL_LON = 0.25, 0.5
DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=4)
def word_lists(language: str = "en") -> dict[str, Any]:
    """Stopwords, generic war words and evidence entity labels of one language (JSON)."""
    path = DATA / f"merge_{language}.json"
    if not path.exists():
        path = DATA / "merge_en.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {
        "stopwords": frozenset(raw["stopwords"]),
        "generic": frozenset(raw["generic"]),
        "entity_labels": frozenset(raw["entity_labels"]),
    }


TYPE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Protests", "Riots"}),
)
VIOLENT = TYPE_FAMILIES[0]

# How much text two reports must share (similarity) by how weak their coded match is:
# index = weakness points (a weak date 1, an oblast-level place 1, a country-level place
# 2, two types of one family 1), capped at the last entry. One weak field alone is
# carried by the others; each further one needs more shared text.
SIMILARITY_FLOOR = (0.0, 0.0, 0.15, 0.25, 0.35)
RICH_WEIGHT = 10  # a signature this heavy that shares nothing is a different incident


@dataclass
class Item:
    """One event report as clustering sees it.

    ``order`` is content-derived (publication time, document id, event index), so the
    reports of a cluster and the clusters themselves sort alike whatever the ingest order.
    ``strong`` and ``words`` are the report's text signature: named entities and numbers,
    and the other content words of its span.
    """

    key: tuple[str, str]  # (doc_id, event_id)
    order: tuple[str, str, int]  # (published, doc_id, event index)
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
    weak_date: bool = False
    strong: frozenset[str] = field(default_factory=frozenset)
    words: frozenset[str] = field(default_factory=frozenset)

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

    @property
    def weight(self) -> int:
        return 2 * len(self.strong) + len(self.words)

    @property
    def matchable(self) -> bool:
        """Dated (to at most LONGEST_DAYS) and placed in a country: it can join others."""
        return (
            self.start is not None
            and self.end is not None
            and self.end - self.start <= LONGEST_DAYS
            and bool(self.country_code)
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


# ----------------------------------------------------------------------- text signature

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,]\d+)*")


def _norm(token: str) -> str:
    token = token.casefold().replace("’", "'")
    if token.endswith("'s"):
        token = token[:-2]
    if len(token) > 4 and token.endswith("s") and not token.endswith("ss"):
        token = token[:-1]  # crude plural folding: "missiles" meets "missile"
    return token


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2100


def signature(
    span: str, entities: Iterable[tuple[str, str]], language: str = "en"
) -> tuple[frozenset[str], frozenset[str]]:
    """What an event report's text says that could identify its incident.

    span (str): the event's text (its sentence or sentences).
    entities (Iterable[tuple[str, str]]): (text, label) of the named entities in the span.
    language (str): which word lists to use.
    RETURNS (tuple[frozenset[str], frozenset[str]]): strong evidence (entity names and
        their words, numbers other than years) and the other content words; stopwords and
        words every war report uses are left out.
    """
    lists = word_lists(language)
    skip = lists["stopwords"] | lists["generic"]
    strong: set[str] = set()
    for text, label in entities:
        if label not in lists["entity_labels"]:
            continue
        parts = [_norm(t) for t in _TOKEN.findall(text)]
        parts = [p for p in parts if p not in skip and len(p) > 2 and not p.isdigit()]
        strong.update(parts)
        if len(parts) > 1:
            strong.add(" ".join(parts))
    words: set[str] = set()
    for raw in _TOKEN.findall(span):
        token = _norm(raw)
        if token[0].isdigit():
            if not _is_year(token) and token not in ("0", "1"):
                strong.add(token)
        elif len(token) > 2 and token not in skip:
            words.add(token)
    return frozenset(strong), frozenset(words - strong)


def similarity(a: Item, b: Item) -> float:
    """Share of the lighter report's text signature found in the other (0..1).

    Entities and numbers weigh twice a plain word. The overlap coefficient rather than
    Jaccard: a one-line wire item and a long feature about one strike still match.
    """
    lighter = min(a.weight, b.weight)
    if not lighter:
        return 0.0
    shared = 2 * len(a.strong & b.strong) + len(a.words & b.words)
    shared += len(a.strong & b.words) + len(a.words & b.strong)  # "Lysak" named vs written
    return min(1.0, shared / lighter)


# ----------------------------------------------------------------------- coded fields


def types_compatible(a: Item, b: Item) -> bool:
    if a.background != b.background:
        return False
    if a.event_type == b.event_type:
        return True
    return any(a.event_type in f and b.event_type in f for f in TYPE_FAMILIES)


def dates_compatible(a: Item, b: Item) -> bool:
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    return a.start <= b.end + DATE_SLACK_DAYS and b.start <= a.end + DATE_SLACK_DAYS


def _same(x: str, y: str) -> bool:
    return bool(x) and x.casefold() == y.casefold()


def place_weakness(a: Item, b: Item) -> int | None:
    """0 for two nearby towns, 1 for an oblast holding the other, 2 for a country-level
    report inside the other; None when the places exclude each other."""
    if not a.country_code or a.country_code != b.country_code:
        return None
    if a.precise and b.precise:
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        if haversine_km(a.lat, a.lon, b.lat, b.lon) <= MERGE_KM:
            return 0
        return 0 if _same(a.admin2, b.admin2) and _same(a.admin1, b.admin1) else None
    if not a.admin1 or not b.admin1:
        return 2  # one known only to the country
    return 1 if _same(a.admin1, b.admin1) else None


def places_compatible(a: Item, b: Item) -> bool:
    return place_weakness(a, b) is not None


def actors_compatible(a: Item, b: Item) -> bool:
    return not a.actors or not b.actors or bool(a.actors & b.actors)


def affinity(a: Item, b: Item) -> float | None:
    """How strongly two event reports look like one incident; None when they cannot be.

    RETURNS (float | None): coded strength (fewer weak points is stronger) plus text
        similarity, used to join the strongest pairs first.
    """
    if not (types_compatible(a, b) and dates_compatible(a, b) and actors_compatible(a, b)):
        return None
    place = place_weakness(a, b)
    if place is None:
        return None
    weak = place + int(a.weak_date or b.weak_date) + int(a.event_type != b.event_type)
    sim = similarity(a, b)
    if sim < SIMILARITY_FLOOR[min(weak, len(SIMILARITY_FLOOR) - 1)]:
        return None
    if sim == 0.0 and min(a.weight, b.weight) >= RICH_WEIGHT:
        return None  # coded alike, but two full accounts with nothing in common
    return (len(SIMILARITY_FLOOR) - weak) + sim


def compatible(a: Item, b: Item) -> bool:
    """True when two event reports may tell the same incident."""
    return affinity(a, b) is not None


# ----------------------------------------------------------------------- blocking


def _cell(item: Item) -> tuple[int, int]:
    assert item.lat is not None and item.lon is not None
    return math.floor(item.lat / CELL_LAT), math.floor(item.lon / CELL_LON)


def _registered(item: Item) -> list[tuple[Any, ...]]:
    """The buckets an item is filed under."""
    if item.precise:
        keys: list[tuple[Any, ...]] = [("cell", *_cell(item))]
        if item.admin2 and item.admin1:
            keys.append(("a2", item.admin1.casefold(), item.admin2.casefold()))
    elif item.admin1:
        keys = [("a1coarse", item.admin1.casefold())]
    else:
        keys = [("country",)]
    if item.admin1:
        keys.append(("a1", item.admin1.casefold()))
    return [*keys, ("all",)]


def _queried(item: Item) -> list[tuple[Any, ...]]:
    """The buckets holding every item this one could be compatible with."""
    if not item.admin1 and not item.precise:
        return [("all",)]  # country level: anything in the country
    if not item.precise:
        return [("a1", item.admin1.casefold()), ("country",)]
    row, col = _cell(item)
    keys: list[tuple[Any, ...]] = [("cell", row + dr, col + dc) for dr in (-1, 0, 1)
                                   for dc in (-1, 0, 1)]  # fmt: skip
    if item.admin2 and item.admin1:
        keys.append(("a2", item.admin1.casefold(), item.admin2.casefold()))
    if item.admin1:
        keys.append(("a1coarse", item.admin1.casefold()))
    return [*keys, ("country",)]


class _Bucket:
    """Items of one bucket sorted by start day, for 'whose days can reach mine' queries."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, int]] = []  # (start, index)
        self.longest = 0

    def add(self, start: int, end: int, index: int) -> None:
        self.rows.append((start, index))
        self.longest = max(self.longest, end - start)

    def reaching(self, start: int, end: int) -> list[int]:
        """Indices whose start lies in the only range their interval could overlap from."""
        lo = bisect.bisect_left(self.rows, (start - DATE_SLACK_DAYS - self.longest, -1))
        hi = bisect.bisect_right(self.rows, (end + DATE_SLACK_DAYS, math.inf))
        return [index for _, index in self.rows[lo:hi]]


class Index:
    """Blocking index over matchable items: candidates without comparing every pair."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.items = items
        self.buckets: dict[tuple[Any, ...], _Bucket] = {}
        for i, item in enumerate(items):
            if not item.matchable:
                continue
            assert item.start is not None and item.end is not None
            block = (item.background, item.country_code)
            for key in _registered(item):
                self.buckets.setdefault((*block, *key), _Bucket()).add(item.start, item.end, i)
        for bucket in self.buckets.values():
            bucket.rows.sort()

    def candidates(self, i: int) -> set[int]:
        """Items that share a bucket and a reachable day range with item ``i``."""
        item = self.items[i]
        if not item.matchable:
            return set()
        assert item.start is not None and item.end is not None
        block = (item.background, item.country_code)
        found: set[int] = set()
        for key in _queried(item):
            bucket = self.buckets.get((*block, *key))
            if bucket is not None:
                found.update(bucket.reaching(item.start, item.end))
        found.discard(i)
        return found

    def edges(self, indices: Iterable[int]) -> list[tuple[float, int, int]]:
        """(affinity, i, j) of every compatible pair with ``i`` among ``indices``."""
        out = {}
        for i in indices:
            for j in self.candidates(i):
                pair = (i, j) if i < j else (j, i)
                if pair in out:
                    continue
                score = affinity(self.items[pair[0]], self.items[pair[1]])
                out[pair] = score
        return [(s, i, j) for (i, j), s in out.items() if s is not None]


# ----------------------------------------------------------------------- clustering


class _Clusters:
    """Union-find that keeps every incident tight.

    Two clusters join only when they hold no common document, every report's dates
    still agree with every other's (the latest start within a day of the earliest end)
    and their precise places stay within SPREAD_KM: without that, daily shelling of one
    town, or strikes on a line of villages, would chain into a single endless event.
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
        # Per root: (south, north, west, east) of its precise places, when it has any.
        self.box: dict[int, tuple[float, float, float, float]] = {}
        for i, it in enumerate(items):
            if it.precise:
                assert it.lat is not None and it.lon is not None
                self.box[i] = (it.lat, it.lat, it.lon, it.lon)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _joined_box(self, ri: int, rj: int) -> tuple[float, float, float, float] | None:
        a, b = self.box.get(ri), self.box.get(rj)
        if a is None or b is None:
            return a or b
        return (min(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), max(a[3], b[3]))

    def union(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj or self.docs[ri] & self.docs[rj]:
            return False
        latest_start = max(self.span[ri][0], self.span[rj][0])
        earliest_end = min(self.span[ri][1], self.span[rj][1])
        if latest_start > earliest_end + DATE_SLACK_DAYS:
            return False
        box = self._joined_box(ri, rj)
        if box is not None and haversine_km(box[0], box[2], box[1], box[3]) > SPREAD_KM:
            return False
        if len(self.docs[ri]) < len(self.docs[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.docs[ri] |= self.docs.pop(rj)
        self.span[ri] = (latest_start, earliest_end)
        del self.span[rj]
        self.box.pop(rj, None)
        if box is not None:
            self.box[ri] = box
        return True


def canonical(items: Sequence[Item]) -> list[Item]:
    """Items in an order that depends on their content only (publication, doc, event)."""
    return sorted(items, key=lambda it: (it.order, it.key))


def cluster(items: Sequence[Item]) -> list[list[Item]]:
    """Group event reports into incidents.

    items (Sequence[Item]): the event reports to cluster (all of them, or whole
        components, see ``components``); their order does not matter.
    RETURNS (list[list[Item]]): clusters, each sorted earliest report first, and the
        clusters ordered by their earliest report (so ids are assigned deterministically).
    """
    ordered = canonical(items)
    index = Index(ordered)
    edges = index.edges(range(len(ordered)))
    # Strongest pairs first; ties by position in the canonical order: no ingest order.
    edges.sort(key=lambda edge: (-edge[0], edge[1], edge[2]))
    clusters = _Clusters(ordered)
    for _, i, j in edges:
        clusters.union(i, j)
    groups: dict[int, list[Item]] = {}
    for i, item in enumerate(ordered):
        groups.setdefault(clusters.find(i), []).append(item)
    result = list(groups.values())  # members already in canonical order
    result.sort(key=lambda group: (group[0].order, group[0].key))
    return result


def components(items: Sequence[Item], seeds: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Keys of every item connected to a seed through compatible pairs.

    Clustering never joins across components, so re-clustering these (and only these)
    after an ingest gives the same partition as re-clustering everything.

    items (Sequence[Item]): all event reports of the ledger.
    seeds (Iterable[tuple[str, str]]): keys of the new (or otherwise changed) reports.
    RETURNS (set[tuple[str, str]]): the seeds and every report reachable from them.
    """
    index = Index(items)
    position = {item.key: i for i, item in enumerate(items)}
    frontier = [position[key] for key in seeds if key in position]
    seen = set(frontier)
    while frontier:
        edges = index.edges(frontier)
        reached = {j for _, a, b in edges for j in (a, b)} - seen
        seen |= reached
        frontier = sorted(reached)
    return {items[i].key for i in seen}


def actor_keys(names: Iterable[str]) -> frozenset[str]:
    """Normalised actor names for comparison (case and surrounding spaces ignored).

    ACLED's "Unidentified Armed Group (X)" means the report does not know who acted, so
    it is left out: it must neither block nor make a match. "Civilians (X)" are left out
    too: one report naming the victims and another naming the armed parties can tell the
    same strike.
    """
    keys = (n.strip().casefold() for n in names if n and n.strip())
    return frozenset(k for k in keys if not k.startswith(("unidentified", "civilians")))
