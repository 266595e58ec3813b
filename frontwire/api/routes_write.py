"""Write endpoints (token required): ingest over HTTP and analyst review."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from .app import get_desk, require_writer
from .service import Desk, NotFound

router = APIRouter()
DeskDep = Annotated[Desk, Depends(get_desk)]
Writer = Annotated[str, Depends(require_writer)]
MAX_TEXT = 1_000_000
SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


class TextDocument(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: str = Field("", max_length=1000)
    outlet: str = Field("", max_length=200)
    url: str = Field("", max_length=2000)
    published: str | None = Field(None, max_length=40, description="ISO date or datetime")


class IngestRequest(BaseModel):
    documents: list[TextDocument] = Field(min_length=1, max_length=50)


class Note(BaseModel):
    note: str = Field("", max_length=2000)


class Correction(Note):
    fields: dict[str, Any] = Field(description="event field -> corrected value (null reverts)")


class MergeRequest(Note):
    into: str = Field(min_length=1, max_length=100)


class SplitRequest(Note):
    reports: list[str] = Field(min_length=1, max_length=500, description="doc_id:event_id keys")


class ClaimMark(Note):
    stance: str | None = None
    verdict: str | None = None


def _ingest(desk: Desk, documents: list[Any]) -> dict[str, Any]:
    if not documents:
        raise HTTPException(400, "no document could be read from the request")
    reports = [desk.analyse(doc) for doc in documents]
    return desk.store_reports(reports)


@router.post("/ingest", status_code=201)
def ingest_json(desk: DeskDep, who: Writer, body: IngestRequest) -> dict:
    """Analyse posted texts (header lines allowed) and add them to the ledger."""
    from ..ingest import document_from_text

    docs = [
        document_from_text(d.text, published=d.published, outlet=d.outlet, url=d.url, title=d.title)
        for d in body.documents
    ]
    return dict(_ingest(desk, docs), by=who)


@router.post("/ingest/file", status_code=201)
async def ingest_file(
    request: Request,
    desk: DeskDep,
    who: Writer,
    filename: Annotated[str, Query(min_length=1, max_length=200)],
) -> dict:
    """Upload one file as the raw request body (.txt, .html, .rss/.xml, .json/.jsonl ...).

    ``filename`` picks the reader by its suffix, as ``frontwire ingest`` does.
    """
    from fastapi.concurrency import run_in_threadpool

    data = await request.body()
    if not data:
        raise HTTPException(400, "empty upload: send the file as the request body")
    name = SAFE_NAME.sub("_", Path(filename).name).lstrip(".") or "upload.txt"
    return await run_in_threadpool(_ingest_bytes, desk, name, data, who)


def _ingest_bytes(desk: Desk, name: str, data: bytes, who: str) -> dict[str, Any]:
    """Read the upload in memory (its name picks the reader); good records go in."""
    from ..errors import IngestError
    from ..ingest import read_bytes

    docs: list[Any] = []
    problems: list[Any] = []
    for item in read_bytes(data, name):
        (problems if isinstance(item, IngestError) else docs).append(item)
    if not docs:
        reasons = "; ".join(str(p) for p in problems) or "no document found"
        raise HTTPException(400, f"nothing could be read from {name}: {reasons}")
    result = _ingest(desk, docs)
    return dict(result, by=who, filename=name, problems=[str(p) for p in problems])


def _reviewed(desk: Desk, event_id: str) -> dict[str, Any]:
    return {"event": desk.event(event_id), "audit": desk.review.audit(event_id, limit=20)}


@router.post("/events/{event_id}/confirm")
def confirm(desk: DeskDep, who: Writer, event_id: str, body: Note) -> dict:
    desk.event(event_id)
    desk.review.confirm(event_id, who, body.note)
    return _reviewed(desk, event_id)


@router.post("/events/{event_id}/correct")
def correct(desk: DeskDep, who: Writer, event_id: str, body: Correction) -> dict:
    """Pin corrected values (type, place, date, actors, fatalities); null drops a pin."""
    desk.event(event_id)
    desk.review.correct(event_id, body.fields, who, body.note)
    return _reviewed(desk, event_id)


@router.post("/events/{event_id}/merge")
def merge(desk: DeskDep, who: Writer, event_id: str, body: MergeRequest) -> dict:
    """Merge this event into ``into``: it disappears from listings, its reports move over."""
    desk.event(event_id)
    desk.event(body.into)
    desk.review.merge(event_id, body.into, who, body.note)
    return _reviewed(desk, body.into)


@router.post("/events/{event_id}/unmerge")
def unmerge(desk: DeskDep, who: Writer, event_id: str, body: Note) -> dict:
    desk.review.unmerge(event_id, who, body.note)
    return _reviewed(desk, event_id)


@router.post("/events/{event_id}/split")
def split(desk: DeskDep, who: Writer, event_id: str, body: SplitRequest) -> dict:
    """Move the listed reports of this event into a new event ``<id>.<n>``."""
    from ..ledger.review import report_key

    current = desk.event(event_id)
    keys = {report_key(r) for r in current.get("reports", [])}
    unknown = sorted(set(body.reports) - keys)
    if unknown:
        raise HTTPException(400, f"not reports of {event_id}: {unknown}")
    if set(body.reports) == keys:
        raise HTTPException(400, "a split must leave at least one report in the event")
    child = desk.review.split(event_id, body.reports, who, body.note)
    return dict(_reviewed(desk, event_id), new_event=desk.event(child))


@router.post("/claims/{claim_key}/mark")
def mark_claim(desk: DeskDep, who: Writer, claim_key: str, body: ClaimMark) -> dict:
    """Mark a claim ``<doc_id>:<claim_id>``: corrected stance and/or verdict, with a note."""
    doc_id = claim_key.partition(":")[0]
    if desk.ledger().document(doc_id) is None:
        raise NotFound(f"no document {doc_id!r} for claim {claim_key!r}")
    desk.review.mark_claim(claim_key, who, stance=body.stance, verdict=body.verdict, note=body.note)
    return {"claim": claim_key, "audit": desk.review.audit(claim_key, limit=20)}
