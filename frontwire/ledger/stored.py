"""Event reports as stored, read back for merging."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import ChainLink, Claim
from .merge import WEAK_DATE_DAYS, Item, actor_keys, signature, to_ordinal


@dataclass
class StoredEvent:
    """One stored event report with the row, its claims and its span text."""

    row: sqlite3.Row
    claims: list[Claim] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.row["doc_id"], self.row["event_id"])


def _claim(row: sqlite3.Row) -> Claim:
    chain = [ChainLink(**link) for link in json.loads(row["chain"])]
    return Claim(
        id=row["claim_id"], content_start=row["content_start"], content_end=row["content_end"],
        content=row["content"], stance=row["stance"], source=row["source"],
        source_start=row["source_start"], source_end=row["source_end"],
        source_text=row["source_text"], cue=row["cue"], cue_start=row["cue_start"],
        cue_end=row["cue_end"], chain=chain, side=row["side"], stance_cue=row["stance_cue"],
        sentence=row["sentence"], narration=bool(row["narration"]),
        event_ids=json.loads(row["event_ids"]),
    )  # fmt: skip


_ITEM_COLUMNS = (
    "er.doc_id, er.event_id, er.idx, d.seq, d.published, d.language, er.event_type,"
    " er.background, er.date_start, er.date_end, er.date_text, er.country_code, er.admin1,"
    " er.admin2, er.lat, er.lon, er.feature, er.geo_precision, er.actor1, er.actor2,"
    " er.actors_json, substr(d.text, er.start_off + 1, er.end_off - er.start_off) AS span_text"
)
_JOIN = " FROM event_reports er JOIN documents d ON d.id = er.doc_id"
_SPAN_ENTITIES = (
    "SELECT er.doc_id, er.event_id, en.text, en.label FROM event_reports er JOIN entities en"
    " ON en.doc_id = er.doc_id AND en.start_off >= er.start_off AND en.end_off <= er.end_off"
)


def load_items(conn: sqlite3.Connection) -> list[Item]:
    """Every event report, reduced to what clustering needs (small, so 100k fit easily):
    coded fields and the text signature of its span (entities, numbers, key words)."""
    entities: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for doc_id, event_id, text, label in conn.execute(_SPAN_ENTITIES):
        entities.setdefault((doc_id, event_id), []).append((text, label))
    return [
        to_item(row, entities.get((row["doc_id"], row["event_id"]), ()))
        for row in conn.execute(f"SELECT {_ITEM_COLUMNS}{_JOIN}")
    ]


def load_reports(
    conn: sqlite3.Connection, doc_ids: Sequence[str]
) -> dict[tuple[str, str], StoredEvent]:
    """Full event reports of some documents, with their linked claims."""
    reports: dict[tuple[str, str], StoredEvent] = {}
    for start in range(0, len(doc_ids), _CHUNK):
        chunk = list(doc_ids[start : start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(
            "SELECT er.*, d.seq, d.outlet, d.published, d.title,"
            " substr(d.text, er.start_off + 1, er.end_off - er.start_off) AS span_text"
            f"{_JOIN} WHERE er.doc_id IN ({marks})",
            chunk,
        ):
            reports[(row["doc_id"], row["event_id"])] = StoredEvent(row)
        for row in conn.execute(
            "SELECT ce.event_id AS linked_event, c.* FROM claim_events ce JOIN claims c"
            " ON c.doc_id = ce.doc_id AND c.claim_id = ce.claim_id"
            f" WHERE ce.doc_id IN ({marks}) ORDER BY c.doc_id, c.idx",
            chunk,
        ):
            report = reports.get((row["doc_id"], row["linked_event"]))
            if report is not None:
                report.claims.append(_claim(row))
    return reports


_CHUNK = 500  # documents per IN (...) list, well under SQLite's parameter limit


def fallback_date(row: sqlite3.Row) -> str | None:
    """The document's date for an undated current event (news of the day); None for an
    undated background event, which may lie years back."""
    if row["date_start"] or row["background"] or not row["published"]:
        return row["date_start"]
    return str(row["published"])[:10]


def _interval(row: sqlite3.Row) -> tuple[int | None, int | None, bool]:
    """(first day, last day, weak) of an event report for matching.

    A current event with no date phrase of its own is dated by its publication: a weak
    prior, so its interval reaches WEAK_DATE_DAYS back (news tells of the last few days,
    never of tomorrow).
    """
    start = to_ordinal(fallback_date(row))
    end = to_ordinal(row["date_end"] or fallback_date(row), end=True)
    if start is not None and end is not None and end < start:
        start, end = end, start
    weak = start is not None and not row["background"] and not (row["date_text"] or "").strip()
    if weak and start is not None and end is not None:
        start = min(start, end - WEAK_DATE_DAYS)  # idempotent if the stage gave a prior
    return start, end, weak


def to_item(row: sqlite3.Row, entities: Iterable[tuple[str, str]] = ()) -> Item:
    """The clustering view of one stored event report (see ``_ITEM_COLUMNS``)."""
    start, end, weak = _interval(row)
    actors = json.loads(row["actors_json"])
    names = [row["actor1"], row["actor2"]]
    for key in ("assoc_actor_1", "assoc_actor_2"):
        names += [a.get("name", "") for a in actors.get(key) or []]
    strong, words = signature(row["span_text"] or "", entities, row["language"] or "en")
    return Item(
        key=(row["doc_id"], row["event_id"]),
        order=(str(row["published"] or ""), row["doc_id"], row["idx"]),
        event_type=row["event_type"],
        background=bool(row["background"]), start=start, end=end,
        country_code=row["country_code"], admin1=row["admin1"], admin2=row["admin2"],
        lat=row["lat"], lon=row["lon"], feature=row["feature"],
        geo_precision=row["geo_precision"], actors=actor_keys(names), weak_date=weak,
        strong=strong, words=words,
    )  # fmt: skip
