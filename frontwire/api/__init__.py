"""The analyst's desk over HTTP (issue 7): JSON API, web page, review, tokens.

``create_app(db)`` builds the FastAPI app; ``frontwire serve`` runs it with uvicorn.
The OpenAPI document is at ``/api/openapi.json`` (browsable at ``/api/docs``).

Reads (open on loopback; token needed when served on another address):
    GET  /api/events            filters: date_from, date_to (YYYY-MM-DD), bbox=w,s,e,n,
                                country, admin1, event_type, actor, text, stance,
                                contradicted; limit (<= 5000), offset; view=full|compact
    GET  /api/events/{id}       reports, claims (source, chain, stance, spans, sentence),
                                contradictions, corroborations; review overlay applied
    GET  /api/events/{id}/audit, GET /api/audit
    GET  /api/documents, /api/documents/{id} (cleaned text, removed lines with reasons)
    GET  /api/places, /api/stats, /api/health
    GET  /api/export/acled.csv | events.geojson | events.jsonl   (same filters)
Writes (``Authorization: Bearer <token>`` from ``frontwire token create``):
    POST /api/ingest                 {"documents": [{"text", "title", "outlet", "url",
                                     "published"}]}
    POST /api/ingest/file?filename=  the file as the raw body (its suffix picks the reader)
    POST /api/events/{id}/confirm | correct {"fields": {...}} | merge {"into"} | unmerge
         | split {"reports": ["doc_id:event_id", ...]}
    POST /api/claims/{doc_id:claim_id}/mark  {"stance"?, "verdict"?, "note"?}
Every error is JSON: ``{"error": "<message>", "status": <code>}``.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
