"""One event filter, written once: its SQL form and its Python form side by side.

:class:`EventFilter` is what the CLI options, the API parameters, the exports and the
review overlay all use. ``.where()`` filters the machine rows in SQLite; ``.matches()``
filters an event dict in Python (a reviewed event, whose corrected values are not in
any table). Both read the same fields the same way, and a property test holds them
to it (tests/test_filters.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from ..countries import country_code
from ..errors import FrontwireError
from ..model import STANCES
from .countries import acled_code


class LedgerQueryError(FrontwireError, ValueError):
    """A query filter has a value the ledger cannot use (shown to the user as is)."""


def _spec(flag: str, kind: str, help: str) -> dict[str, str]:
    """Field metadata the CLI options and API parameters are generated from."""
    return {"flag": flag, "kind": kind, "help": help}


def _ascii_lower(text: str) -> str:
    """Lower-case A-Z only: what SQLite's LIKE and NOCASE fold, and nothing more."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with wildcards in it taken literally."""
    escaped = value.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(haystack: Any, needle: str) -> bool:
    """Python twin of ``haystack LIKE '%needle%'`` with a case-folded needle."""
    return isinstance(haystack, str) and needle.casefold() in _ascii_lower(haystack)


def _iso_date(name: str, value: Any) -> str:
    text = str(value)[:10]
    try:
        date.fromisoformat(text)
    except ValueError:
        raise LedgerQueryError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from None
    return text


def _bbox(value: Any) -> tuple[float, float, float, float]:
    """(west, south, east, north) from a tuple or 'W,S,E,N' text, checked."""
    parts = value.split(",") if isinstance(value, str) else value
    try:
        west, south, east, north = (float(v) for v in parts)
    except (TypeError, ValueError):
        raise LedgerQueryError(
            f"bbox must be west,south,east,north in degrees, got {value!r}"
        ) from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise LedgerQueryError(f"bbox out of range or south > north: {value!r}")
    return west, south, east, north


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        if value.strip().lower() not in ("1", "0", "true", "false", "yes", "no"):
            raise LedgerQueryError(f"contradicted must be true or false, got {value!r}")
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


def resolve_country(value: str) -> str:
    """The ISO alpha-2 code of a country given by code, ISO name or ACLED name ('' if none)."""
    return acled_code(value) or country_code(value)


# Above this many candidate rows, scanning events newest first (and stopping at ``limit``)
# beats collecting the candidates through their own index and sorting them.
MANY = 5000


def _many(conn: sqlite3.Connection | None, sql: str, *params: Any) -> bool:
    """Whether an index-only count says a filter keeps many rows (cheap: ~ms at 100k)."""
    if conn is None:
        return False
    return bool(conn.execute(f"SELECT count(*) > {MANY} FROM ({sql} LIMIT {MANY + 1})",
                             params).fetchone()[0])  # fmt: skip


@dataclass(frozen=True)
class EventFilter:
    """Which ledger events to read; every field None means no condition.

    date_from, date_to (str): ISO dates; an event matches when its span touches them.
    country (str): a name or ISO code ('Uganda', 'UG', 'UGA', 'Russia').
    admin1 (str): first-level admin area, exactly as stored.
    bbox (tuple): (west, south, east, north); west > east crosses the antimeridian.
    event_type (str): an ACLED event type or sub-event type, exactly.
    actor, text (str): case-insensitive substrings of an actor name / the event's words.
    stance (str): events with at least one claim of this stance.
    contradicted (bool): only (or only not) contradicted events.
    """

    date_from: str | None = field(default=None, metadata=_spec(
        "--from", "date", "Events on or after this date (YYYY-MM-DD)."))
    date_to: str | None = field(default=None, metadata=_spec(
        "--to", "date", "Events on or before this date (YYYY-MM-DD)."))
    country: str | None = field(default=None, metadata=_spec(
        "--country", "text", "Country name or ISO code."))
    admin1: str | None = field(default=None, metadata=_spec(
        "--admin1", "text", "First-level admin area (region, oblast, province)."))
    bbox: tuple[float, float, float, float] | None = field(default=None, metadata=_spec(
        "--bbox", "bbox", "Bounding box WEST,SOUTH,EAST,NORTH in degrees."))
    event_type: str | None = field(default=None, metadata=_spec(
        "--type", "text", "ACLED event or sub-event type."))
    actor: str | None = field(default=None, metadata=_spec(
        "--actor", "text", "Actor name (substring, any case)."))
    text: str | None = field(default=None, metadata=_spec(
        "--text", "text", "Free text in the reports (substring, any case)."))
    stance: str | None = field(default=None, metadata=_spec(
        "--stance", "stance", f"Events with a claim of this stance ({', '.join(STANCES)})."))
    contradicted: bool | None = field(default=None, metadata=_spec(
        "--contradicted", "flag", "Only contradicted events."))  # fmt: skip

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str) and not value.strip():
                value = None
            if value is not None:
                value = _NORMALISE[f.metadata["kind"]](f.name, value)
            object.__setattr__(self, f.name, value)
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise LedgerQueryError("date_from is after date_to")

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> EventFilter:
        """A filter from CLI options or query parameters (unknown names are an error)."""
        unknown = set(params) - set(FILTER_NAMES)
        if unknown:
            raise LedgerQueryError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
        return cls(**dict(params))

    def active(self) -> dict[str, Any]:
        """The fields that hold a condition."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) is not None}  # fmt: skip

    # ------------------------------------------------------------------ SQL form

    def where(self, conn: sqlite3.Connection | None = None) -> tuple[str, list[Any]]:
        """SQL WHERE text (possibly empty) and its parameters over ``ledger_events``.

        conn (Connection): when given, filters that keep many rows are written so the
            planner walks the date index instead (a hand-made plan: SQLite has no histograms).
        RETURNS (tuple): (" WHERE ..." or "", parameters).
        """
        parts: list[tuple[str, list[Any]]] = []
        if self.date_from is not None:
            parts.append(("coalesce(date_end, date_start) >= ?", [self.date_from]))
        if self.date_to is not None:
            parts.append(("date_start <= ?", [self.date_to]))
        if self.country is not None:
            parts.append(self._country_sql())
        if self.admin1 is not None:
            parts.append(("admin1 = ?", [self.admin1]))
        if self.bbox is not None:
            parts.append(self._bbox_sql(conn))
        if self.event_type is not None:
            parts.append(("(event_type = ? OR sub_event_type = ?)", [self.event_type] * 2))
        if self.actor is not None:
            parts.append(("id IN (SELECT ledger_event_id FROM ledger_event_actors"
                          " WHERE actor_key LIKE ? ESCAPE '\\')", [_like(self.actor)]))  # fmt: skip
        if self.text is not None:
            parts.append(("id IN (SELECT ledger_event_id FROM ledger_event_text"
                          " WHERE text LIKE ? ESCAPE '\\')", [_like(self.text)]))  # fmt: skip
        if self.stance is not None:
            parts.append(self._stance_sql(conn))
        if self.contradicted is not None:
            parts.append(("contradicted = ?", [int(self.contradicted)]))
        if not parts:
            return "", []
        return " WHERE " + " AND ".join(p[0] for p in parts), [v for p in parts for v in p[1]]

    def _country_sql(self) -> tuple[str, list[Any]]:
        assert self.country is not None
        code = resolve_country(self.country)
        if code:
            return "(country_code = ? OR country = ? COLLATE NOCASE)", [code, self.country]
        return "country = ? COLLATE NOCASE", [self.country]

    def _bbox_sql(self, conn: sqlite3.Connection | None) -> tuple[str, list[Any]]:
        assert self.bbox is not None
        west, south, east, north = self.bbox
        # Crossing the antimeridian (west 170, east -170): either side of it.
        lon = "lon BETWEEN ? AND ?" if west <= east else "(lon >= ? OR lon <= ?)"
        lat = "lat"
        if _many(conn, "SELECT 1 FROM ledger_events WHERE lat BETWEEN ? AND ?", south, north):
            lat = "+lat"  # unary plus: same test, but the lat index is not used
        return f"{lat} BETWEEN ? AND ? AND {lon}", [south, north, west, east]

    def _stance_sql(self, conn: sqlite3.Connection | None) -> tuple[str, list[Any]]:
        rows = "SELECT 1 FROM ledger_event_stances WHERE stance = ?"
        if _many(conn, rows, self.stance):
            return ("EXISTS (SELECT 1 FROM ledger_event_stances s WHERE s.ledger_event_id ="
                    " ledger_events.id AND s.stance = ? AND s.n > 0)", [self.stance])  # fmt: skip
        return ("id IN (SELECT ledger_event_id FROM ledger_event_stances WHERE stance = ?"
                " AND n > 0)", [self.stance])  # fmt: skip

    # ------------------------------------------------------------------ Python form

    def matches(self, event: Mapping[str, Any]) -> bool:
        """Whether an event dict (as ``Ledger.events`` returns it) passes the filter.

        The text filter reads ``event["search_text"]``, the words the ledger keeps for it.
        event (Mapping): a ledger event, machine or reviewed.
        RETURNS (bool): what ``where()`` would say of the same values.
        """
        return all(check(self, event) for name, check in _CHECKS if getattr(self, name) is not None)

    def _date_ok(self, event: Mapping[str, Any]) -> bool:
        start, end = event.get("date_start"), event.get("date_end")
        end = start if end is None else end  # coalesce: only NULL falls back, not ''
        if self.date_from is not None and (end is None or end < self.date_from):
            return False
        return self.date_to is None or (start is not None and start <= self.date_to)

    def _country_ok(self, event: Mapping[str, Any]) -> bool:
        assert self.country is not None
        code = resolve_country(self.country)
        if code and event.get("country_code") == code:
            return True
        name = event.get("country")
        return isinstance(name, str) and _ascii_lower(name) == _ascii_lower(self.country)

    def _bbox_ok(self, event: Mapping[str, Any]) -> bool:
        assert self.bbox is not None
        west, south, east, north = self.bbox
        lat, lon = event.get("lat"), event.get("lon")
        if lat is None or lon is None or not south <= lat <= north:
            return False
        return west <= lon <= east if west <= east else (lon >= west or lon <= east)

    def _actor_ok(self, event: Mapping[str, Any]) -> bool:
        assert self.actor is not None
        return any(_contains(str(a).casefold(), self.actor) for a in event.get("actors") or [])

    def _stance_ok(self, event: Mapping[str, Any]) -> bool:
        summary = event.get("stance_summary") or {}
        return bool(summary.get(self.stance, 0) > 0)


def _check_stance(name: str, value: Any) -> str:
    if value not in STANCES:
        raise LedgerQueryError(f"stance must be one of {', '.join(STANCES)}")
    return str(value)


_NORMALISE = {
    "date": _iso_date,
    "text": lambda _name, value: str(value).strip(),
    "bbox": lambda _name, value: _bbox(value),
    "stance": _check_stance,
    "flag": lambda _name, value: _flag(value),
}

# One Python check per field, in the order of the dataclass (date_to shares _date_ok).
_CHECKS: tuple[tuple[str, Any], ...] = (
    ("date_from", EventFilter._date_ok),
    ("date_to", EventFilter._date_ok),
    ("country", EventFilter._country_ok),
    ("admin1", lambda f, e: e.get("admin1") == f.admin1),
    ("bbox", EventFilter._bbox_ok),
    ("event_type", lambda f, e: f.event_type in (e.get("event_type"), e.get("sub_event_type"))),
    ("actor", EventFilter._actor_ok),
    ("text", lambda f, e: _contains(e.get("search_text"), f.text)),
    ("stance", EventFilter._stance_ok),
    ("contradicted", lambda f, e: bool(e.get("contradicted")) == f.contradicted),
)

FILTER_NAMES: tuple[str, ...] = tuple(f.name for f in fields(EventFilter))
FILTERS = frozenset(FILTER_NAMES)


def filter_fields() -> list[tuple[str, dict[str, Any]]]:
    """(name, metadata: flag, kind, help) of every filter: what CLI and API are built from."""
    return [(f.name, dict(f.metadata)) for f in fields(EventFilter)]


def where_clause(conn: sqlite3.Connection | None = None, **filters: Any) -> tuple[str, list[Any]]:
    """SQL WHERE text and parameters for keyword filters (``EventFilter(**filters).where``)."""
    return EventFilter.from_params(filters).where(conn)
