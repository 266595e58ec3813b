"""The reviewed ledger: machine events with the analysts' decisions applied, paged as one.

Reviewed events are few (each is a human decision), so they are built in Python and
filtered with :meth:`EventFilter.matches`; every other event is filtered in SQL with
:meth:`EventFilter.where`. One listing merges both in the ledger's order (newest
first, then id). Callers hold one read snapshot around a whole listing or export.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Iterator
from functools import total_ordering
from typing import Any

from . import queries
from .filters import EventFilter
from .review import EVENT, ReviewStore, keep_reports, recount, split_parent

_DETAIL_ONLY = ("reports", "relations", "contradictions", "corroborations", "places", "times")


class NotFound(LookupError):
    """An event id that is not in the (reviewed) ledger."""


@total_ordering
class _Order:
    """The listing order of SQL ``ORDER BY date_start DESC, id`` (NULL dates last)."""

    def __init__(self, event: dict[str, Any]) -> None:
        self.date, self.id = event.get("date_start"), str(event["id"])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Order) and (self.date, self.id) == (other.date, other.id)

    def __lt__(self, other: _Order) -> bool:
        if self.date != other.date:
            if self.date is None or other.date is None:
                return other.date is None
            return bool(self.date > other.date)
        return self.id < other.id


def summary(detail: dict[str, Any]) -> dict[str, Any]:
    """The listing row of an event detail (the detail minus its nested report data)."""
    return {k: v for k, v in detail.items() if k not in _DETAIL_ONLY}


class ReviewedEvents:
    """Reads of one ledger connection with the review overlay applied."""

    def __init__(self, conn: sqlite3.Connection, review: ReviewStore) -> None:
        self.conn, self.review = conn, review

    # ---------------------------------------------------------------- details

    def event(self, event_id: str) -> dict[str, Any]:
        """One event with reports, claims and relations; merges and splits applied."""
        child = split_parent(event_id)
        if child and queries.get_event(self.conn, event_id) is None:
            return self._split_child(event_id, *child)
        ev = self._merged_detail(event_id)
        groups = self.review.splits(event_id)
        if groups:
            ev = keep_reports(ev, [k for g in groups for k in g], keep=False)
            ev["review"]["split_into"] = [f"{event_id}.{i}" for i in range(1, len(groups) + 1)]
        return ev

    def _split_child(self, event_id: str, parent: str, n: int) -> dict[str, Any]:
        groups = self.review.splits(parent)
        if not 1 <= n <= len(groups):
            raise NotFound(f"no event {event_id!r}")
        ev = keep_reports(self._merged_detail(parent), groups[n - 1], keep=True)
        ev["id"] = event_id
        parent_review = dict(ev.get("review", {}), split_from=parent)
        ev = self.review.overlay_event(ev)  # the child's own corrections, if any
        ev["review"] = {**parent_review, **{k: v for k, v in ev["review"].items() if v}}
        return ev

    def _merged_detail(self, event_id: str) -> dict[str, Any]:
        row = queries.get_event(self.conn, event_id)
        if row is None:
            raise NotFound(f"no event {event_id!r}")
        ev = self.review.overlay_event(row)
        absorbed = self.review.absorbed_into(event_id)
        for other_id in absorbed:
            other = queries.get_event(self.conn, other_id)
            if other is not None:
                _absorb(ev, self.review.overlay_event(other))
        if absorbed:
            ev["review"]["merged_from"] = absorbed
        return ev

    # ---------------------------------------------------------------- listings

    def _reviewed(self, flt: EventFilter) -> tuple[list[dict[str, Any]], set[str]]:
        """(reviewed rows passing the filter in listing order, machine ids they replace)."""
        merged = self.review.merged_map()
        targets = self.review.reviewed_event_ids() | set(merged.values())
        # Split children are listed with their parent; merged-away events inside their target.
        children = {t for t in targets
                    if split_parent(t) and queries.get_event(self.conn, t) is None}  # fmt: skip
        base = sorted(t for t in targets - children if t not in merged)
        rows: list[dict[str, Any]] = []
        for eid in base:
            rows.extend(self._rows_of(eid, merged))
        hidden = set(targets) | set(merged)
        kept = [r for r in rows if flt.matches(r)]
        for row in kept:
            row.pop("search_text", None)
        return sorted(kept, key=_Order), hidden

    def _rows_of(self, eid: str, merged: dict[str, str]) -> list[dict[str, Any]]:
        """The listing rows standing for one reviewed event (itself and its split children)."""
        machine = self.conn.execute("SELECT * FROM ledger_events WHERE id = ?", (eid,)).fetchone()
        if machine is None:
            return []  # a decision about an event a re-merge no longer makes
        words = self._search_text([eid, *self.review.absorbed_into(eid)])
        groups = self.review.splits(eid)
        if eid in merged.values() or groups:
            rows = [summary(self.event(eid))]
            rows += [summary(self.event(f"{eid}.{i}")) for i in range(1, len(groups) + 1)]
        else:
            rows = [self.review.overlay_event(queries.event_dict(machine))]
        for row in rows:
            row["search_text"] = words
        return rows

    def _search_text(self, ids: list[str]) -> str:
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT text FROM ledger_event_text WHERE ledger_event_id IN ({marks})", ids)
        return " ".join(r[0] for r in rows)

    def _machine_sql(self, flt: EventFilter, hidden: set[str]) -> tuple[str, list[Any]]:
        where, params = flt.where(self.conn)
        if hidden:
            marks = ",".join("?" * len(hidden))
            where += (" AND " if where else " WHERE ") + f"id NOT IN ({marks})"
            params += sorted(hidden)
        return f"SELECT * FROM ledger_events{where} ORDER BY date_start DESC, id", params

    def _machine(self, flt: EventFilter, hidden: set[str], limit: int | None,
                 offset: int) -> list[dict[str, Any]]:  # fmt: skip
        sql, params = self._machine_sql(flt, hidden)
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if limit is None else int(limit), int(offset)]
        return [queries.event_dict(r) for r in self.conn.execute(sql, params)]

    def page(self, flt: EventFilter, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:  # noqa: E501
        """One page of the reviewed listing, in the ledger's order.

        The machine rows of the page lie at most ``len(reviewed)`` places before it,
        so one window of them, merged with the reviewed rows, holds the page exactly.
        """
        reviewed, hidden = self._reviewed(flt)
        end = None if limit is None else offset + limit
        start = 0 if end is None else max(0, offset - len(reviewed))
        machine = self._machine(flt, hidden, None if end is None else end - start, start)
        if not machine and start:  # past the machine rows: their count decides positions
            start, machine = 0, self._machine(flt, hidden, end, 0)
        first = _Order(machine[0]) if machine else None
        before = [r for r in reviewed if first is None or _Order(r) < first]
        rest = reviewed[len(before):]
        ordered = before + list(heapq.merge(machine, rest, key=_Order))
        # ``ordered[0]`` sits at listing position ``start`` (or before it, for reviewed
        # rows that precede the window: those are before ``offset`` in any case).
        lo = offset - start
        return ordered[lo:] if limit is None else ordered[lo : lo + limit]

    def count(self, flt: EventFilter) -> int:
        reviewed, hidden = self._reviewed(flt)
        sql, params = self._machine_sql(flt, hidden)
        total = self.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        return int(total) + len(reviewed)

    def iterate(self, flt: EventFilter) -> Iterator[dict[str, Any]]:
        """Every matching reviewed event in listing order, streamed from one query."""
        reviewed, hidden = self._reviewed(flt)
        sql, params = self._machine_sql(flt, hidden)
        machine = (queries.event_dict(r) for r in self.conn.execute(sql, params))
        yield from heapq.merge(machine, reviewed, key=_Order)

    def reviewed_count(self) -> int:
        return len(self.review.reviewed_event_ids())


def _absorb(ev: dict[str, Any], other: dict[str, Any]) -> None:
    """Fold a merged-away event's reports, claims and relations into ``ev``."""
    for key in _DETAIL_ONLY:
        if isinstance(other.get(key), list):
            ev[key] = list(ev.get(key) or []) + other[key]
    recount(ev)


__all__ = ["EVENT", "NotFound", "ReviewedEvents", "summary"]
