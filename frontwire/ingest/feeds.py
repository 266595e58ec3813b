"""RSS 2.0 and Atom feeds through feedparser: one document per entry.

Entry HTML (summary or full content, whichever is longer) is flattened to text;
the feed's title is the outlet.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import IngestError
from ..model import Document
from .common import content_id, html_to_text, stamp


def read_feed(data: bytes, path: str) -> Iterator[Document | IngestError]:
    """Reader for .xml/.rss/.atom feeds."""
    import feedparser

    if not data.strip():
        raise IngestError(path, "empty file")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable RSS/Atom feed ({problem})" if problem else "feed has no entries"
        raise IngestError(path, reason)
    version = parsed.get("version", "")
    fmt = "atom" if version.startswith("atom") else "rss"
    outlet = html_to_text(parsed.feed.get("title", ""))
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_document(entry, fmt, outlet, path)
        except IngestError as err:
            yield IngestError(path, f"entry {number}: {err.reason}")


def _entry_document(entry: Any, fmt: str, outlet: str, path: str) -> Document:
    body = _entry_text(entry)
    if not body:
        raise IngestError(path, "entry has no text")
    title = html_to_text(entry.get("title", ""))
    url = entry.get("link", "")
    source = entry.get("source", {}).get("title", "") if entry.get("source") else ""
    # dict.get: feedparser's own .get("updated") falls back to "published" with a warning.
    published, updated = dict.get(entry, "published"), dict.get(entry, "updated")
    meta: dict[str, Any] = {"entry_id": entry.get("id", "")}
    if entry.get("author"):
        meta["author"] = entry["author"]
    if source:
        meta["via"] = source
    return Document(
        id=content_id(body, outlet, url),
        text=body,
        title=title,
        outlet=outlet,
        url=url,
        language=(entry.get("language") or "en")[:2].lower(),
        raw_format=fmt,
        published=stamp(published or updated, outlet, url, body),
        updated=stamp(updated if published else None, outlet, url, body),
        source_path=path,
        meta=meta,
    )


def _entry_text(entry: Any) -> str:
    candidates = [c.get("value", "") for c in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    return max((html_to_text(c) for c in candidates), key=len, default="")
