"""The event filters of Ledger.events as SQL: validated, parameterised, index-friendly."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from ..countries import names_of
from ..errors import FrontwireError
from ..model import STANCES


class LedgerQueryError(FrontwireError, ValueError):
    """A query filter has a value the ledger cannot use (shown to the user as is)."""


def _iso_date(name: str, value: Any) -> str:
    text = str(value)[:10]
    try:
        date.fromisoformat(text)
    except ValueError:
        raise LedgerQueryError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from None
    return text


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with wildcards in it taken literally."""
    escaped = value.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def country_codes(value: str) -> tuple[str, str]:
    """(alpha-2 code, name) to match a country filter given as a code or a name."""
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        return text.upper(), text
    import pycountry

    country: Any
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        key = text.casefold()
        matches = [c for c in pycountry.countries if any(n.startswith(key) for n in names_of(c))]
        country = matches[0] if len(matches) == 1 else None
    return (country.alpha_2 if country else ""), text


def _bbox(value: Any) -> tuple[str, list[Any]]:
    try:
        west, south, east, north = (float(v) for v in value)
    except (TypeError, ValueError):
        raise LedgerQueryError(f"bbox must be (west, south, east, north), got {value!r}") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise LedgerQueryError(f"bbox out of range or south > north: {value!r}")
    if west <= east:
        return "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?", [south, north, west, east]
    # Crossing the antimeridian: west 170, east -170.
    return "lat BETWEEN ? AND ? AND (lon >= ? OR lon <= ?)", [south, north, west, east]


# Above this many candidate rows, scanning events newest first (and stopping at ``limit``)
# beats collecting the candidates through their own index and sorting them.
MANY = 5000


def _many(conn: sqlite3.Connection | None, sql: str, *params: Any) -> bool:
    """Whether an index-only count says a filter keeps many rows (cheap: ~ms at 100k)."""
    if conn is None:
        return False
    return bool(conn.execute(f"SELECT count(*) > {MANY} FROM ({sql} LIMIT {MANY + 1})",
                             params).fetchone()[0])  # fmt: skip


def where_clause(conn: sqlite3.Connection | None = None, **filters: Any) -> tuple[str, list[Any]]:
    """SQL WHERE text (possibly empty) and its parameters for Ledger.events filters.

    conn (Connection): when given, filters that keep many rows are written so the
        planner walks the date index instead (a hand-made plan: SQLite has no histograms).
    """
    unknown = set(filters) - FILTERS
    if unknown:
        raise LedgerQueryError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
    parts: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        parts.append(sql)
        params.extend(values)

    f = {k: v for k, v in filters.items() if v is not None and v != ""}
    if "date_from" in f:
        add("coalesce(date_end, date_start) >= ?", _iso_date("date_from", f["date_from"]))
    if "date_to" in f:
        add("date_start <= ?", _iso_date("date_to", f["date_to"]))
    if "country" in f:
        code, name = country_codes(str(f["country"]))
        add("(country_code = ? OR country = ?)", code, name)
    if "admin1" in f:
        add("admin1 = ?", f["admin1"])
    if "bbox" in f:
        sql, values = _bbox(f["bbox"])
        lat_rows = "SELECT 1 FROM ledger_events WHERE lat BETWEEN ? AND ?"
        if _many(conn, lat_rows, *values[:2]):
            sql = "+" + sql  # unary plus: same test, but the lat index is not used
        add(sql, *values)
    if "event_type" in f:
        add("(event_type = ? OR sub_event_type = ?)", f["event_type"], f["event_type"])
    if "actor" in f:
        add("id IN (SELECT ledger_event_id FROM ledger_event_actors WHERE actor_key LIKE ?"
            " ESCAPE '\\')", _like(str(f["actor"])))  # fmt: skip
    if "text" in f:
        add("id IN (SELECT ledger_event_id FROM ledger_event_text WHERE text LIKE ?"
            " ESCAPE '\\')", _like(str(f["text"])))  # fmt: skip
    if "stance" in f:
        if f["stance"] not in STANCES:
            raise LedgerQueryError(f"stance must be one of {', '.join(STANCES)}")
        stance_rows = "SELECT 1 FROM ledger_event_stances WHERE stance = ?"
        if _many(conn, stance_rows, f["stance"]):
            add("EXISTS (SELECT 1 FROM ledger_event_stances s WHERE s.ledger_event_id ="
                " ledger_events.id AND s.stance = ?)", f["stance"])  # fmt: skip
        else:
            add("id IN (SELECT ledger_event_id FROM ledger_event_stances WHERE stance = ?)",
                f["stance"])  # fmt: skip
    if "contradicted" in f:
        add("contradicted = ?", int(bool(f["contradicted"])))
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


FILTERS = frozenset({
    "date_from", "date_to", "country", "admin1", "bbox", "event_type", "actor", "text",
    "stance", "contradicted",
})  # fmt: skip
