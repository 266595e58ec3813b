"""The desk: ledger reads with the human review overlaid, and the one write door.

The :class:`Desk` owns one :class:`~frontwire.ledger.Ledger` per worker thread
(SQLite connections stay in the thread that opened them; WAL lets readers run
beside the writer) and one :class:`~frontwire.review.ReviewStore`. Writes to the
ledger (ingest) go through a lock so there is a single writer, as the ledger
requires.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..review import ReviewStore, keep_reports, recount, split_parent
from .auth import check_token

FILTER_KEYS = (
    "date_from",
    "date_to",
    "country",
    "admin1",
    "bbox",
    "event_type",
    "actor",
    "text",
    "stance",
    "contradicted",
)


# Which corrected fields each filter reads (a correction elsewhere cannot change the match).
_ACTORS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
FILTER_FIELDS: dict[str, tuple[str, ...]] = {
    "date_from": ("date_start", "date_end"),
    "date_to": ("date_start", "date_end"),
    "country": ("country",),
    "admin1": ("admin1",),
    "bbox": ("lat", "lon"),
    "event_type": ("event_type", "sub_event_type"),
    "actor": _ACTORS,
    "text": ("location", "event_type", "sub_event_type", "country", "admin1", *_ACTORS),
}


class NotFound(LookupError):
    """An id that is not in the ledger."""


class Desk:
    """Everything the API routes need, built once per app."""

    def __init__(self, db: str | Path, analyse: Callable[[Any], Any] | None = None) -> None:
        self.db = str(db)
        self._analyse = analyse
        self._pipeline_lock = threading.Lock()
        self._local = threading.local()
        self._opened: list[Any] = []
        self._write_lock = threading.Lock()
        self.ledger()  # creates and migrates the file before the review tables go in
        self.review = ReviewStore(self.db)

    def ledger(self) -> Any:
        led = getattr(self._local, "ledger", None)
        if led is None:
            from ..ledger import Ledger

            led = Ledger(self.db)
            self._local.ledger = led
            self._opened.append(led)
        return led

    def close(self) -> None:
        for led in self._opened:
            try:
                led.close()
            except Exception:  # noqa: BLE001 - a connection owned by another thread; it dies with it
                pass
        self.review.close()

    def token_owner(self, token: str) -> str | None:
        with self.review._lock:
            return check_token(self.review._conn, token)

    # -- events ----------------------------------------------------------------

    def events(
        self, filters: dict[str, Any], limit: int | None, offset: int
    ) -> list[dict[str, Any]]:
        """Filtered events with reviews applied (merged-away hidden, split children added)."""
        return self.page(filters, limit, offset)[0]

    def page(
        self, filters: dict[str, Any], limit: int | None, offset: int
    ) -> tuple[list[dict[str, Any]], int]:
        """(reviewed rows, machine rows read): callers page on the machine offsets."""
        active = {k: v for k, v in filters.items() if v is not None and k in FILTER_KEYS}
        rows = self.ledger().events(**active, limit=limit, offset=offset)
        reviewed = self.review.reviewed_event_ids()
        if not reviewed:
            return list(rows), len(rows)
        merged = self.review.merged_map()
        special = reviewed | set(merged.values())
        out: list[dict[str, Any]] = []
        for row in rows:
            rid = row["id"]
            if rid in merged:
                continue
            if rid not in special:
                out.append(row)
                continue
            ev = self._reviewed_summary(rid, row, merged)
            if matches(ev, _touched(ev, active)):
                out.append(ev)
                out.extend(self._split_rows(rid))
        if offset == 0:
            seen = {r["id"] for r in rows}
            out[:0] = self._corrected_into_filter(reviewed - seen - set(merged), active)
        return out, len(rows)

    def iter_events(self, filters: dict[str, Any], size: int = 1000) -> Iterator[dict[str, Any]]:
        """Every matching reviewed event, a page at a time (for exports)."""
        offset = 0
        while True:
            rows, read = self.page(filters, size, offset)
            yield from rows
            if read < size:
                return
            offset += read

    def _reviewed_summary(
        self, rid: str, row: dict[str, Any], merged: dict[str, str]
    ) -> dict[str, Any]:
        if rid in merged.values() or self.review.splits(rid):
            return _summary(self.event(rid))  # counts and figures of the merged/split event
        return self.review.overlay_event(row)

    def _split_rows(self, rid: str) -> list[dict[str, Any]]:
        groups = self.review.splits(rid)
        return [_summary(self.event(f"{rid}.{i}")) for i in range(1, len(groups) + 1)]

    def _corrected_into_filter(self, ids: set[str], active: dict[str, Any]) -> list[dict[str, Any]]:
        """Events a human correction moved into the filter (the machine row is outside it)."""
        fields = {f for key in active for f in FILTER_FIELDS.get(key, ())}
        if not fields:
            return []
        found = []
        # Only events whose corrections touch a filtered field can have moved into it.
        for eid in sorted(ids & self.review.corrected_ids(fields)):
            row = self.ledger().event(eid)
            if row is None:
                continue
            ev = self.review.overlay_event(_summary(row))
            if matches(ev, active):
                found.append(ev)
        return found

    def event(self, event_id: str) -> dict[str, Any]:
        """One event with reports, claims and relations; merges and splits applied."""
        child = split_parent(event_id)
        if child and self.ledger().event(event_id) is None:
            parent, n = child
            groups = self.review.splits(parent)
            if not 1 <= n <= len(groups):
                raise NotFound(f"no event {event_id!r}")
            base = self._merged_detail(parent)
            ev = keep_reports(base, groups[n - 1], keep=True)
            ev["id"] = event_id
            ev["review"] = dict(ev.get("review", {}), split_from=parent)
            return ev
        ev = self._merged_detail(event_id)
        groups = self.review.splits(event_id)
        if groups:
            ev = keep_reports(ev, [k for g in groups for k in g], keep=False)
            ev["review"]["split_into"] = [f"{event_id}.{i}" for i in range(1, len(groups) + 1)]
        return ev

    def _merged_detail(self, event_id: str) -> dict[str, Any]:
        row = self.ledger().event(event_id)
        if row is None:
            raise NotFound(f"no event {event_id!r}")
        ev = self.review.overlay_event(row)
        absorbed = self.review.absorbed_into(event_id)
        for other_id in absorbed:
            other = self.ledger().event(other_id)
            if other is not None:
                _absorb(ev, self.review.overlay_event(other))
        if absorbed:
            ev["review"]["merged_from"] = absorbed
        return ev

    def exists(self, event_id: str) -> bool:
        try:
            self.event(event_id)
        except NotFound:
            return False
        return True

    # -- ingest ----------------------------------------------------------------

    def analyse(self, document: Any) -> Any:
        """Run the pipeline on one document (built on first use; one at a time: 2 cores)."""
        with self._pipeline_lock:
            if self._analyse is None:
                from ..pipeline import Pipeline

                self._analyse = Pipeline().analyse
            report = self._analyse(document)
        report.tokens = None
        return report

    def store_reports(self, reports: list[Any]) -> dict[str, Any]:
        """Add analysed reports and re-merge, as the single writer."""
        with self._write_lock:
            led = self.ledger()
            added = [r.document.id for r in reports if led.add_report(r)]
            merged = led.merge() if added else {}
        skipped = [r.document.id for r in reports if r.document.id not in added]
        return {"added": added, "already_stored": skipped, "merge": merged}


class ReviewedLedger:
    """A ledger stand-in for the exporters whose reads carry the human review."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def __getattr__(self, name: str) -> Any:
        return getattr(self._desk.ledger(), name)

    def events(self, limit: int = 100, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
        return self._desk.events(filters, limit=limit, offset=offset)

    def event(self, event_id: str) -> dict[str, Any] | None:
        try:
            return self._desk.event(event_id)
        except NotFound:
            return None


_DETAIL_ONLY = ("reports", "relations", "contradictions", "corroborations", "places", "times")


def _summary(detail: dict[str, Any]) -> dict[str, Any]:
    """The listing row of an event detail (the detail minus its nested report data)."""
    return {k: v for k, v in detail.items() if k not in _DETAIL_ONLY}


def _absorb(ev: dict[str, Any], other: dict[str, Any]) -> None:
    """Fold a merged-away event's reports, claims and relations into ``ev``."""
    for key in ("reports", "relations", "contradictions", "corroborations", "places", "times"):
        if isinstance(other.get(key), list):
            ev[key] = list(ev.get(key) or []) + other[key]
    recount(ev)


_TYPE_KEYS = ("event_type", "sub_event_type")


def _touched(ev: dict[str, Any], active: dict[str, Any]) -> dict[str, Any]:
    """The filters a human correction of ``ev`` could change (the ledger checked the rest)."""
    corrected = set((ev.get("review") or {}).get("corrected", {}))
    # Free text also matched the report texts, which no correction changes: keep that match.
    return {
        k: v for k, v in active.items() if k != "text" and corrected & set(FILTER_FIELDS.get(k, ()))
    }


def matches(ev: dict[str, Any], f: dict[str, Any]) -> bool:
    """The ledger's filters, re-checked in Python on a (corrected) event."""
    start, end = ev.get("date_start") or "", ev.get("date_end") or ev.get("date_start") or ""
    if f.get("date_from") and (not end or end < f["date_from"]):
        return False
    if f.get("date_to") and (not start or start > f["date_to"]):
        return False
    for key in ("country", "admin1"):
        if f.get(key) and str(ev.get(key, "")).lower() != str(f[key]).lower():
            return False
    wanted = str(f.get("event_type") or "").lower()
    if wanted and wanted not in (str(ev.get(k, "")).lower() for k in _TYPE_KEYS):
        return False
    if f.get("contradicted") is not None and bool(ev.get("contradicted")) != f["contradicted"]:
        return False
    if f.get("bbox"):
        west, south, east, north = f["bbox"]
        lat, lon = ev.get("lat"), ev.get("lon")
        if lat is None or lon is None or not (south <= lat <= north and west <= lon <= east):
            return False
    if f.get("actor"):
        names = " ".join(str(ev.get(k) or "") for k in ("actor1", "actor2", "actors"))
        if f["actor"].lower() not in names.lower():
            return False
    if f.get("text"):
        blob = " ".join(str(v) for v in ev.values() if isinstance(v, str))
        if f["text"].lower() not in blob.lower():
            return False
    if f.get("stance"):
        summary = ev.get("stance_summary") or {}
        if isinstance(summary, dict) and not summary.get(f["stance"]):
            return False
    return True
