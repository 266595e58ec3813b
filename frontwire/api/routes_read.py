"""Read endpoints: events, documents, places, stats, exports, audit log."""

from __future__ import annotations

import inspect
import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import JSONResponse, Response

from ..ledger.filters import EventFilter, filter_fields
from .app import get_desk, require_reader
from .service import Desk, NotFound

router = APIRouter(dependencies=[Depends(require_reader)])
MAX_LIMIT = 5000
DeskDep = Annotated[Desk, Depends(get_desk)]


def _query_parameter(name: str, meta: dict[str, Any]) -> inspect.Parameter:
    """One API query parameter for an EventFilter field (its help, its kind)."""
    kind, help_text = meta["kind"], meta["help"]
    annotation: Any = bool | None if kind == "flag" else str | None
    extra: dict[str, Any] = {"pattern": r"^\d{4}-\d{2}-\d{2}$"} if kind == "date" else {}
    if kind in ("text", "stance"):
        extra["max_length"] = 200
    default = Query(None, description=help_text, **extra)
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=annotation)  # fmt: skip


def event_filters(**params: Any) -> EventFilter:
    """The ledger's event filter from the query string (a bad value is a 400)."""
    return EventFilter.from_params({k: v for k, v in params.items() if v is not None})


# The parameters are the EventFilter's fields, so the API and the CLI cannot drift.
event_filters.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [_query_parameter(name, meta) for name, meta in filter_fields()],
    return_annotation=EventFilter,
)

Filters = Annotated[EventFilter, Depends(event_filters)]
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
    # One more row than asked says whether a next page exists, from the same snapshot.
    rows = desk.ledger().events(filters, limit=limit + 1, offset=offset)
    more, rows = len(rows) > limit, rows[:limit]
    if view == "compact":
        rows = [{k: r[k] for k in COMPACT if k in r} for r in rows]
    # A plain JSONResponse: the rows are JSON types already, skip FastAPI's re-encoding.
    return JSONResponse(
        {
            "events": rows,
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if more else None,
            "filters": filters.active(),
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
    return desk.ledger().stats()


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
    from ..export import export as write_export

    fmt, media = EXPORT_TYPES[name]
    buf = io.StringIO()
    write_export(desk.ledger(), fmt, buf, where=filters)  # reviewed, in one snapshot
    headers = {"Content-Disposition": f'attachment; filename="frontwire-{name}"'}
    return Response(buf.getvalue(), media_type=media, headers=headers)
