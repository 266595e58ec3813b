"""Read endpoints: events, documents, places, stats, exports, audit log."""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import JSONResponse, Response

from ..model import STANCES
from .app import get_desk, require_reader
from .service import Desk, NotFound, ReviewedLedger

router = APIRouter(dependencies=[Depends(require_reader)])
MAX_LIMIT = 5000
DeskDep = Annotated[Desk, Depends(get_desk)]


def _bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    if not raw:
        return None
    try:
        west, south, east, north = (float(x) for x in raw.split(","))
    except ValueError:
        raise HTTPException(400, "bbox is 'west,south,east,north' in degrees") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(400, "bbox out of range (west,south,east,north)")
    return west, south, east, north


def event_filters(
    date_from: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    date_to: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
    country: Annotated[str | None, Query(max_length=100)] = None,
    admin1: Annotated[str | None, Query(max_length=100)] = None,
    event_type: Annotated[str | None, Query(max_length=100)] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    text: Annotated[str | None, Query(max_length=200)] = None,
    stance: Annotated[str | None, Query(max_length=20)] = None,
    contradicted: bool | None = None,
) -> dict[str, Any]:
    """The ledger's event filters, validated."""
    if stance and stance not in STANCES:
        raise HTTPException(400, f"stance must be one of {list(STANCES)}")
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, "date_from is after date_to")
    return {
        "date_from": date_from,
        "date_to": date_to,
        "bbox": _bbox(bbox),
        "country": country or None,
        "admin1": admin1 or None,
        "event_type": event_type or None,
        "actor": actor or None,
        "text": text or None,
        "stance": stance or None,
        "contradicted": contradicted,
    }


Filters = Annotated[dict[str, Any], Depends(event_filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0)]


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


# What the map page needs of each event (``view=compact`` keeps big listings light).
COMPACT = (
    "id", "event_type", "sub_event_type", "date_start", "date_end", "location", "country",
    "admin1", "lat", "lon", "geo_precision", "fatalities", "n_reports", "n_sources",
    "contradicted", "actor1", "actor2", "background", "review",
)  # fmt: skip


@router.get("/events")
def list_events(
    desk: DeskDep,
    filters: Filters,
    limit: Limit = 100,
    offset: Offset = 0,
    view: Annotated[str, Query(pattern="^(full|compact)$")] = "full",
) -> JSONResponse:
    """Ledger events matching the filters, newest first, with human review applied.

    ``view=compact`` returns only the fields the map needs (id, type, date, place,
    coordinates, precision, fatalities, reports, contradicted, actors, review).
    """
    rows, read = desk.page(filters, limit=limit, offset=offset)
    if view == "compact":
        rows = [{k: r[k] for k in COMPACT if k in r} for r in rows]
    # A plain JSONResponse: the rows are JSON types already, skip FastAPI's re-encoding.
    return JSONResponse(
        {
            "events": rows,
            "limit": limit,
            "offset": offset,
            "next_offset": offset + read if read >= limit else None,
            "filters": {k: v for k, v in filters.items() if v is not None},
        }
    )


@router.get("/events/{event_id}")
def get_event(desk: DeskDep, event_id: str) -> dict:
    """One event: reports, claims by source with stance and chain, contradictions, spans."""
    return desk.event(event_id)


@router.get("/events/{event_id}/audit")
def event_audit(desk: DeskDep, event_id: str) -> dict:
    return {"event_id": event_id, "audit": desk.review.audit(event_id)}


@router.get("/audit")
def audit(desk: DeskDep, limit: Limit = 200) -> dict:
    """The review audit log, newest first: who changed what, when, from what to what."""
    return {"audit": desk.review.audit(None, limit=limit)}


@router.get("/documents")
def list_documents(desk: DeskDep, limit: Limit = 100, offset: Offset = 0) -> dict:
    return {"documents": desk.ledger().documents(limit=limit, offset=offset), "offset": offset}


@router.get("/documents/{doc_id}")
def get_document(desk: DeskDep, doc_id: str) -> dict:
    """A document with its cleaned text and the lines the cleaner removed (with reasons)."""
    doc = desk.ledger().document(doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id!r}")
    return doc  # type: ignore[no-any-return]


@router.get("/places")
def list_places(desk: DeskDep, limit: Limit = 100, offset: Offset = 0) -> dict:
    return {"places": desk.ledger().places(limit=limit, offset=offset), "offset": offset}


@router.get("/stats")
def stats(desk: DeskDep) -> dict:
    out = dict(desk.ledger().stats())
    out["reviewed_events"] = len(desk.review.reviewed_event_ids())
    return out


EXPORT_TYPES = {
    "acled.csv": ("acled-csv", "text/csv; charset=utf-8"),
    "events.geojson": ("geojson", "application/geo+json"),
    "events.jsonl": ("jsonl", "application/x-ndjson"),
}


@router.get("/export/{name}")
def export(desk: DeskDep, name: str, filters: Filters) -> Response:
    """Export the filtered ledger: ``acled.csv``, ``events.geojson`` or ``events.jsonl``.

    Exports go through the review overlay: corrected fields, merges and splits
    are what the analyst approved, not the raw machine output.
    """
    if name not in EXPORT_TYPES:
        raise HTTPException(404, f"unknown export {name!r}; try one of {sorted(EXPORT_TYPES)}")
    from ..export import EXPORTERS

    fmt, media = EXPORT_TYPES[name]
    buf = io.StringIO()
    # The store's exporters, fed the reviewed events (paged on the machine offsets).
    EXPORTERS[fmt](ReviewedLedger(desk), desk.iter_events(filters), buf)
    headers = {"Content-Disposition": f'attachment; filename="frontwire-{name}"'}
    return Response(buf.getvalue(), media_type=media, headers=headers)
