"""Human review of the ledger: decisions, their audit log, and the overlay on reads.

An analyst confirms or corrects a ledger event (type, place, date, actors,
fatalities), merges two events, splits reports off an event, or marks a claim.
Decisions live in the store's review tables (migration 5), keyed by the stable
ledger event id (``FW-...``) and the claim key ``<doc_id>:<claim_id>``, written
through the Ledger's one write door. The machine output in ``ledger_events`` is
never written to: every read of the Ledger goes through
:meth:`ReviewStore.overlay_event`, so a human decision wins over any later
re-ingest or re-merge, and the audit log keeps who changed what and when.

What is applied on read:
- corrections replace the machine value (the machine value is kept beside it);
- ``confirm`` sets ``review.status`` to ``"confirmed"``;
- merge: the absorbed event disappears from listings and its reports, claims and
  contradictions are shown inside the surviving event (``n_reports`` added up,
  fatalities = the lower non-zero figure, as ACLED's conservative rule);
- split: the named reports leave the event and form a child event ``<id>.<n>``
  that can be fetched and is listed next to its parent;
- claim marks (stance correction, verdict) are shown on the claim.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..errors import FrontwireError
from ..model import STANCES
from .aggregate import origin_name
from .countries import iso_numeric

if TYPE_CHECKING:
    import sqlite3

    from .core import Ledger

EVENT = "event"
CLAIM = "claim"

# Correctable event fields and the Python type each value must have.
CORRECTABLE: dict[str, tuple[type, ...]] = {
    "event_type": (str,),
    "sub_event_type": (str,),
    "disorder_type": (str,),
    "location": (str,),
    "lat": (int, float),
    "lon": (int, float),
    "country": (str,),
    "admin1": (str,),
    "admin2": (str,),
    "geo_precision": (int,),
    "date_start": (str,),
    "date_end": (str,),
    "time_precision": (int,),
    "actor1": (str,),
    "actor2": (str,),
    "assoc_actor_1": (str,),
    "assoc_actor_2": (str,),
    "fatalities": (int,),
    "civilian_targeting": (bool,),
}
VERDICTS = ("verified", "false", "misattributed", "irrelevant", "unverifiable")
SPLIT_SEP = "."


class ReviewError(FrontwireError, ValueError):
    """A review request that cannot be applied (unknown field, bad value, cycle...)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _check_value(field: str, value: Any) -> None:
    if field not in CORRECTABLE:
        raise ReviewError(f"field {field!r} cannot be corrected; allowed: {sorted(CORRECTABLE)}")
    types = CORRECTABLE[field]
    if isinstance(value, bool) and bool not in types:
        raise ReviewError(f"{field} must be {types[0].__name__}, got a boolean")
    if not isinstance(value, types):
        raise ReviewError(f"{field} must be {types[0].__name__}, got {type(value).__name__}")
    _check_range(field, value)


def _check_range(field: str, value: Any) -> None:
    if isinstance(value, str) and len(value) > 500:
        raise ReviewError(f"{field} is too long (500 characters at most)")
    if field in ("date_start", "date_end"):
        try:
            datetime.strptime(value, "%Y-%m-%d")
        except ValueError:
            raise ReviewError(f"{field} must be an ISO date YYYY-MM-DD, got {value!r}") from None
    if field == "fatalities" and value < 0:
        raise ReviewError("fatalities cannot be negative")
    if field == "lat" and not -90 <= value <= 90 or field == "lon" and not -180 <= value <= 180:
        raise ReviewError(f"{field} out of range: {value}")


class ReviewStore:
    """Review decisions, audit log and API tokens of one Ledger (its connection and lock).

    ledger (Ledger): the ledger whose events the decisions are about.
    """

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._ledger.snapshot() as conn:
            yield conn

    # -- writing -------------------------------------------------------------

    def _set(
        self, kind: str, target: str, field: str, value: Any, who: str, action: str, note: str
    ) -> None:
        """Upsert one decision and append its audit line, in one transaction."""
        if not who:
            raise ReviewError("every review decision needs a reviewer name")
        new = json.dumps(value)
        with self._ledger._write(f"review of {target}") as conn:
            row = conn.execute(
                "SELECT value FROM review_decisions "
                "WHERE target_kind=? AND target_id=? AND field=?",
                (kind, target, field),
            ).fetchone()
            now = _now()
            if value is None:
                conn.execute(
                    "DELETE FROM review_decisions WHERE target_kind=? AND target_id=? AND field=?",
                    (kind, target, field),
                )
            else:
                conn.execute(
                    "INSERT INTO review_decisions VALUES (?,?,?,?,?,?,?) "
                    "ON CONFLICT (target_kind, target_id, field) DO UPDATE SET "
                    "value=excluded.value, reviewer=excluded.reviewer, note=excluded.note, "
                    "updated_at=excluded.updated_at",
                    (kind, target, field, new, who, note, now),
                )
            conn.execute(
                "INSERT INTO review_audit (at, reviewer, action, target_kind, target_id, field,"
                " old_value, new_value, note) VALUES (?,?,?,?,?,?,?,?,?)",
                (now, who, action, kind, target, field, row[0] if row else None, new, note),
            )

    def confirm(self, event_id: str, who: str, note: str = "") -> None:
        self._set(EVENT, event_id, "status", "confirmed", who, "confirm", note)

    def correct(self, event_id: str, fields: dict[str, Any], who: str, note: str = "") -> None:
        """Pin corrected values of an event; ``None`` as a value drops the pin."""
        if not fields:
            raise ReviewError("a correction needs at least one field")
        for field, value in fields.items():
            if value is not None:
                _check_value(field, value)
            elif field not in CORRECTABLE:
                raise ReviewError(f"field {field!r} cannot be corrected")
        for field, value in fields.items():
            action = "correct" if value is not None else "revert"
            self._set(EVENT, event_id, f"set:{field}", value, who, action, note)

    def merge(self, event_id: str, into: str, who: str, note: str = "") -> None:
        """Absorb ``event_id`` into ``into`` (both must exist: the caller checks)."""
        if event_id == into:
            raise ReviewError("cannot merge an event into itself")
        if self.resolve(into) == event_id:
            raise ReviewError(f"{into} is already merged into {event_id}")
        self._set(EVENT, event_id, "merged_into", into, who, "merge", note)

    def unmerge(self, event_id: str, who: str, note: str = "") -> None:
        self._set(EVENT, event_id, "merged_into", None, who, "unmerge", note)

    def split(self, event_id: str, report_keys: list[str], who: str, note: str = "") -> str:
        """Move reports (``doc_id:event_id`` keys) into a new child event; returns its id."""
        if not report_keys:
            raise ReviewError("a split needs at least one report key")
        groups = self.splits(event_id)
        taken = {k for g in groups for k in g}
        overlap = taken.intersection(report_keys)
        if overlap:
            raise ReviewError(f"reports already split off: {sorted(overlap)}")
        groups.append(list(report_keys))
        self._set(EVENT, event_id, "split", groups, who, "split", note)
        return f"{event_id}{SPLIT_SEP}{len(groups)}"

    def mark_claim(
        self,
        claim_key: str,
        who: str,
        stance: str | None = None,
        verdict: str | None = None,
        note: str = "",
    ) -> None:
        """Mark a claim (``doc_id:claim_id``): a corrected stance and/or a verdict."""
        if ":" not in claim_key:
            raise ReviewError("a claim key is '<doc_id>:<claim_id>'")
        if stance is None and verdict is None and not note:
            raise ReviewError("a claim mark needs a stance, a verdict or a note")
        if stance is not None and stance not in STANCES:
            raise ReviewError(f"stance must be one of {list(STANCES)}")
        if verdict is not None and verdict not in VERDICTS:
            raise ReviewError(f"verdict must be one of {list(VERDICTS)}")
        if stance is not None:
            self._set(CLAIM, claim_key, "stance", stance, who, "mark", note)
        if verdict is not None:
            self._set(CLAIM, claim_key, "verdict", verdict, who, "mark", note)
        if stance is None and verdict is None:
            self._set(CLAIM, claim_key, "note", note, who, "mark", note)

    # -- reading -------------------------------------------------------------

    def decisions(self, kind: str, target: str) -> dict[str, Any]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT field, value, reviewer, updated_at, note FROM review_decisions "
                "WHERE target_kind=? AND target_id=?",
                (kind, target),
            ).fetchall()
        return {f: {"value": json.loads(v), "by": w, "at": t, "note": n} for f, v, w, t, n in rows}

    def reviewed_event_ids(self) -> set[str]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT DISTINCT target_id FROM review_decisions WHERE target_kind=?", (EVENT,)
            ).fetchall()
        return {r[0] for r in rows}

    def corrected_ids(self, fields: set[str]) -> set[str]:
        """Events with a human correction of any of ``fields``."""
        names = sorted(f"set:{f}" for f in fields)
        marks = ",".join("?" * len(names))
        sql = "SELECT DISTINCT target_id FROM review_decisions WHERE target_kind=?"
        sql += f" AND field IN ({marks})"
        with self._read() as conn:
            rows = conn.execute(sql, (EVENT, *names)).fetchall()
        return {r[0] for r in rows}

    def merged_map(self) -> dict[str, str]:
        """absorbed event id -> the event it was merged into (direct links)."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT target_id, value FROM review_decisions "
                "WHERE target_kind=? AND field='merged_into'",
                (EVENT,),
            ).fetchall()
        return {a: json.loads(b) for a, b in rows}

    def resolve(self, event_id: str) -> str:
        """The event an id ends up in after following merges (cycle-safe)."""
        links, seen = self.merged_map(), {event_id}
        while event_id in links and links[event_id] not in seen:
            event_id = links[event_id]
            seen.add(event_id)
        return event_id

    def absorbed_into(self, event_id: str) -> list[str]:
        """Every event merged (directly or through others) into ``event_id``."""
        links = self.merged_map()
        out, frontier = [], [event_id]
        while frontier:
            cur = frontier.pop()
            kids = [a for a, b in links.items() if b == cur and a != event_id and a not in out]
            out.extend(kids)
            frontier.extend(kids)
        return out

    def splits(self, event_id: str) -> list[list[str]]:
        got = self.decisions(EVENT, event_id).get("split")
        return [list(g) for g in got["value"]] if got else []

    def audit(self, target: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        sql = "SELECT id, at, reviewer, action, target_kind, target_id, field, old_value, "
        sql += "new_value, note FROM review_audit"
        args: tuple[Any, ...] = ()
        if target:
            sql += " WHERE target_id = ? OR target_id LIKE ?"
            args = (target, f"{target}:%")
        sql += " ORDER BY id DESC LIMIT ?"
        with self._read() as conn:
            rows = conn.execute(sql, (*args, limit)).fetchall()
        keys = ("id", "at", "who", "action", "kind", "target", "field", "old", "new", "note")
        out = []
        for row in rows:
            item = dict(zip(keys, row, strict=True))
            for k in ("old", "new"):
                item[k] = json.loads(item[k]) if item[k] is not None else None
            out.append(item)
        return out

    # -- API tokens (stored hashed; hashing is the API's business) ----------------

    def add_token(self, name: str, token_hash: str) -> None:
        """Store a token hash for reviewer ``name`` (a revoked token of that name is replaced)."""
        with self._ledger._write(f"creating token {name}") as conn:
            if conn.execute("SELECT 1 FROM api_tokens WHERE name=? AND revoked=0",
                            (name,)).fetchone():  # fmt: skip
                raise ReviewError(f"a token named {name!r} exists; revoke it first")
            conn.execute("DELETE FROM api_tokens WHERE name=?", (name,))
            conn.execute("INSERT INTO api_tokens (name, token_hash, created_at, revoked)"
                         " VALUES (?,?,?,0)", (name, token_hash, _now()))  # fmt: skip

    def revoke_token(self, name: str) -> bool:
        with self._ledger._write(f"revoking token {name}") as conn:
            cur = conn.execute("UPDATE api_tokens SET revoked=1 WHERE name=?", (name,))
            return cur.rowcount > 0

    def token_owner(self, token_hash: str) -> tuple[str, str] | None:
        """(name, stored hash) of the live token with this hash, or None."""
        with self._read() as conn:
            row = conn.execute("SELECT name, token_hash FROM api_tokens WHERE token_hash=?"
                               " AND revoked=0", (token_hash,)).fetchone()  # fmt: skip
        return (str(row[0]), str(row[1])) if row else None

    # -- overlay ---------------------------------------------------------------

    def overlay_event(self, event: dict[str, Any]) -> dict[str, Any]:
        """A copy of a ledger event (summary or detail) with human decisions applied."""
        out = dict(event)
        dec = self.decisions(EVENT, str(event.get("id", "")))
        review: dict[str, Any] = {"status": "machine", "corrected": {}}
        for field, d in dec.items():
            if field.startswith("set:"):
                name = field[4:]
                review["corrected"][name] = {
                    "machine": event.get(name),
                    "human": d["value"],
                    "by": d["by"],
                    "at": d["at"],
                }
                out[name] = d["value"]
        if review["corrected"]:
            review["status"] = "corrected"
            _follow_corrections(out, review["corrected"])
        if "status" in dec:
            review["status"] = dec["status"]["value"]
            review["confirmed_by"] = dec["status"]["by"]
        if "merged_into" in dec:
            review["merged_into"] = dec["merged_into"]["value"]
        out["review"] = review
        for key in ("claims", "reports"):
            if isinstance(out.get(key), list):
                out[key] = [self._overlay_nested(key, x) for x in out[key]]
        return out

    def _overlay_nested(self, key: str, item: Any) -> Any:
        if not isinstance(item, dict):
            return item
        if key == "reports" and isinstance(item.get("claims"), list):
            item = dict(item)
            item["claims"] = [self.overlay_claim(c, item) for c in item["claims"]]
            return item
        if key == "claims":
            return self.overlay_claim(item, {})
        return item

    def overlay_claim(self, claim: dict[str, Any], report: dict[str, Any]) -> dict[str, Any]:
        """A claim with its human marks (``review``: stance, verdict, note)."""
        doc = claim.get("doc_id") or report.get("doc_id") or report.get("document_id") or ""
        cid = claim.get("claim_id") or claim.get("id") or ""
        key = f"{doc}:{cid}"
        out = dict(claim)
        out["key"] = key
        dec = self.decisions(CLAIM, key)
        if dec:
            marks = {f: d["value"] for f, d in dec.items()}
            marks["by"] = next(iter(dec.values()))["by"]
            if "stance" in marks:
                marks["machine_stance"] = claim.get("stance")
                out["stance"] = marks["stance"]
            out["review"] = marks
        return out


_ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")


def _follow_corrections(event: dict[str, Any], corrected: dict[str, Any]) -> None:
    """Fields derived from a corrected one follow it, so filters and exports agree.

    A corrected country brings its ISO code (``country=UG`` finds an event corrected
    to Uganda); a corrected actor replaces the machine name in the actor list.
    """
    from .filters import resolve_country

    if "country" in corrected and "country_code" not in corrected:
        code = resolve_country(str(event.get("country") or ""))
        event["country_code"], event["iso"] = code, iso_numeric(code)
    swapped = {str(corrected[f]["machine"]): str(corrected[f]["human"])
               for f in _ACTOR_FIELDS if f in corrected}  # fmt: skip
    if swapped and isinstance(event.get("actors"), list):
        names = [swapped.get(a, a) for a in event["actors"]]
        names += [h for h in swapped.values() if h and h not in names]
        event["actors"] = [a for a in dict.fromkeys(names) if a]


def report_key(report: dict[str, Any]) -> str:
    """``doc_id:event_id`` of an event report dict as the ledger returns it."""
    doc = report.get("doc_id") or report.get("document_id") or ""
    ev = report.get("event_id") or report.get("event_report_id") or report.get("id") or ""
    return f"{doc}:{ev}"


def split_parent(event_id: str) -> tuple[str, int] | None:
    """(parent id, group number) for a split child id like ``FW-1a2b3c4d.2``."""
    head, sep, tail = event_id.rpartition(SPLIT_SEP)
    if sep and head and tail.isdigit():
        return head, int(tail)
    return None


def keep_reports(event: dict[str, Any], keys: Iterable[str], keep: bool) -> dict[str, Any]:
    """Copy of an event detail with only (or without) the given reports and their claims."""
    keyset = set(keys)
    out = dict(event)
    reports = [r for r in event.get("reports", []) if (report_key(r) in keyset) == keep]
    out["reports"] = reports
    docs = {r.get("doc_id") or r.get("document_id") for r in reports}
    for rel in ("relations", "contradictions", "corroborations"):
        if isinstance(event.get(rel), list):
            out[rel] = [x for x in event[rel] if _relation_docs(x) <= docs]
    return recount(out)


def _origins_by_stance(reports: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Distinct origin names per stance across the claims of the given reports."""
    out: dict[str, list[str]] = {}
    for rep in reports:
        for claim in rep.get("claims") or []:
            chain = claim.get("chain") or []
            name = origin_name(chain[0].get("name", "") if chain else "",
                               claim.get("source") or "",
                               str(rep.get("outlet") or rep.get("doc_id") or ""),
                               bool(claim.get("narration")))
            names = out.setdefault(str(claim.get("stance", "")), [])
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return out


def recount(event: dict[str, Any]) -> dict[str, Any]:
    """Re-derive an event's counts from its reports after a merge or split (in place).

    Fatalities follow ACLED's conservative rule (the lowest non-zero report figure)
    unless a human pinned them; dates span the reports unless pinned.
    """
    reports = event.get("reports") or []
    pinned = (event.get("review") or {}).get("corrected", {})
    outlets = sorted({r.get("outlet") for r in reports if r.get("outlet")})
    event["n_reports"] = len(reports)
    event["n_sources"] = len(outlets) or len({r.get("doc_id") for r in reports})
    event["sources"] = "; ".join(outlets)
    if "fatalities" not in pinned:
        figures = [int(r.get("fatalities") or 0) for r in reports]
        event["fatalities"] = min((f for f in figures if f), default=0)
    stances: dict[str, int] = {}
    for rep in reports:
        for claim in rep.get("claims") or []:
            stances[claim.get("stance", "")] = stances.get(claim.get("stance", ""), 0) + 1
    event["stance_summary"] = stances
    event["origins_by_stance"] = _origins_by_stance(reports)
    event["independent_origins"] = len(event["origins_by_stance"].get("asserts", []))
    event["contradicted"] = bool(event.get("contradictions"))
    for key, pick in (("date_start", min), ("date_end", max)):
        dates = [r.get(key) for r in reports if r.get(key)]
        if dates and key not in pinned:
            event[key] = pick(dates)
    return event


def _relation_docs(rel: Any) -> set[Any]:
    """Documents a claim relation touches (``a``/``b`` are ``doc_id:claim_id`` keys)."""
    if not isinstance(rel, dict):
        return set()
    return {str(rel.get(side, "")).rpartition(":")[0] for side in ("a", "b")}
