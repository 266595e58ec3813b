"""Myanmar villages and towns from the MIMU place codes (optional gazetteer source).

GeoNames' cities500 lists few of Myanmar's villages and township towns, which conflict
reporting names all the time ("in Hpar Lan village (Mongkaing township, Loilen district,
Shan-South state)"). The ``mm-geo-coder`` package (MIT) ships the Myanmar Information
Management Unit's public place-code table as an SQLite file: about 55,000 villages with
coordinates and the wards of some 500 towns. Only that file is read (with the standard
library); the package's own code, which can fall back to an online geocoder, is never
imported. Without the package the gazetteer is built as before.

Entries get GeoNames id 0 (none), population 0 and the state and district they lie in,
matched by name to the GeoNames admin areas. A village or town that GeoNames already
lists within a few kilometres is not added twice.
"""

from __future__ import annotations

import importlib.util
import math
import re
import sqlite3
import statistics
from collections import defaultdict
from pathlib import Path

from rapidfuzz.fuzz import ratio

from .names import name_key

PACKAGE = "mm_geo_coder"
_DB = Path("database") / "mimu_geo_data_public.db"
_SAME_PLACE_KM = 5.0
_MIN_KEY = 4  # "Ma", "Sin", "Kin": too short to be told from words and other places
_CLOSE_SPELLING = 80.0


def mimu_path() -> Path | None:
    """The packaged MIMU database, found without importing the package, or None."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / _DB
    return path if path.is_file() else None


def read_places(path: Path) -> list[tuple[str, float, float, str, str]]:
    """(name, lat, lon, state, district) of villages with coordinates and of towns (the
    median point of their wards), from the MIMU SQLite file."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT village_eng, latitude, longitude, state_eng, district_eng FROM villages "
            "WHERE latitude IS NOT NULL AND latitude != 0").fetchall()
        wards = con.execute(
            "SELECT town_eng, latitude, longitude, state_eng, district_eng FROM wards "
            "WHERE latitude IS NOT NULL AND latitude != 0 AND town_eng IS NOT NULL").fetchall()
    finally:
        con.close()
    places = [(str(n), float(la), float(lo), str(s or ""), str(d or ""))
              for n, la, lo, s, d in rows if n]
    towns: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for name, lat, lon, state, district in wards:
        towns[(re.sub(r"\s+Town$", "", str(name)), str(state or ""), str(district or ""))].append(
            (float(lat), float(lon)))
    for (name, state, district), points in towns.items():
        places.append((name, statistics.median(p[0] for p in points),
                       statistics.median(p[1] for p in points), state, district))
    return places


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
    """The admin area a MIMU state or district name means ('Shan (South)' is Shan), by
    exact key, else by the closest spelling ('Loilen' ~ Loilem) among ``within``."""
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
    return len(key.replace(" ", "")) >= _MIN_KEY and not key.isdigit()


def near_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough to find duplicates a few km apart."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def is_duplicate(name: str, lat: float, lon: float,
                 known: dict[str, list[tuple[float, float]]]) -> bool:
    return any(near_km(lat, lon, la, lo) <= _SAME_PLACE_KM for la, lo in known.get(name_key(name),
                                                                                    []))
