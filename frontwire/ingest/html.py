"""Web pages: the article's main text and metadata through trafilatura.

trafilatura drops navigation, share bars, footers and comments
(``include_comments=False``). Its date is day-precise only, so the page's own
``article:published_time`` / ``article:modified_time`` meta tags are read first
when present.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from ..errors import IngestError
from ..model import Document
from .common import content_id, decode, stamp, tidy

_FIELDS = ("text", "title", "sitename", "url", "date", "language", "author")
_META = re.compile(r"<meta\s+[^>]*>", re.I)
_ATTR = re.compile(r"""(\w[\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TIME_KEYS = {
    "published": ("article:published_time", "datepublished", "pubdate", "date"),
    "updated": ("article:modified_time", "datemodified", "og:updated_time"),
}


def read_html(data: bytes, path: str) -> Iterator[Document | IngestError]:
    """Reader for .html pages: one document per page."""
    import trafilatura

    page = decode(data, path)
    if not page.strip():
        raise IngestError(path, "empty file")
    result: Any = trafilatura.bare_extraction(page, include_comments=False, with_metadata=True)
    if isinstance(result, dict):  # only with as_dict=True; kept for older trafilatura
        result = SimpleNamespace(**{k: result.get(k) for k in _FIELDS})
    if result is None or not (result.text or "").strip():
        raise IngestError(path, "no article text found in the HTML page")
    meta = page_meta(page)
    title = (result.title or meta.get("og:title", "")).strip()
    outlet = (result.sitename or meta.get("og:site_name", "")).strip()
    url = (result.url or meta.get("og:url", "")).strip()
    body = _body(result.text, title)
    published = _first(meta, "published") or result.date
    yield Document(
        id=content_id(body, outlet, url),
        text=body,
        title=title,
        outlet=outlet,
        url=url,
        language=(result.language or meta.get("lang") or "en")[:2].lower(),
        raw_format="html",
        published=stamp(published, outlet, url, body),
        updated=stamp(_first(meta, "updated"), outlet, url, body),
        source_path=path,
        meta={"author": result.author} if result.author else {},
    )


def _body(text: str, title: str) -> str:
    """Paragraphs one per line from trafilatura, apart by blank lines, without the headline."""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return tidy("\n\n".join(paragraphs))


def page_meta(page: str) -> dict[str, str]:
    """``<meta>`` name/property -> content (lower-cased keys), plus ``lang`` of <html>."""
    found: dict[str, str] = {}
    for tag in _META.findall(page):
        attrs = {k.lower(): (a if a else b) for k, a, b in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs and key not in found:
            found[key] = attrs["content"]
    for key, name in (("datepublished", "datePublished"), ("datemodified", "dateModified")):
        found.setdefault(key, _json_ld(page, name))
    stamp_tag = re.search(r"<time[^>]*\sdatetime=[\"']([^\"']+)", page, re.I)
    if stamp_tag:
        found.setdefault("pubdate", stamp_tag[1])
    lang = re.search(r"<html[^>]*\slang=[\"']?([\w-]+)", page, re.I)
    if lang:
        found["lang"] = lang[1]
    return found


def _json_ld(page: str, name: str) -> str:
    """A date property of the page's JSON-LD (``"datePublished": "..."``), or ""."""
    match = re.search(r'"' + name + r'"\s*:\s*"([^"]+)"', page)
    return match[1] if match else ""


def _first(meta: dict[str, str], kind: str) -> str:
    return next((meta[k] for k in _TIME_KEYS[kind] if meta.get(k)), "")
