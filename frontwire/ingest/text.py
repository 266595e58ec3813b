"""Plain text and Markdown reports, with optional leading header lines.

A file may start with header lines (``Title:``, ``Source:``, ``URL:``, ``Date:``,
``Updated:``, ``Language:``, ``Author:``; Markdown may use a ``---`` front-matter
block instead). Without a title header, a first line that looks like a headline
(short, no final full stop, followed by a blank line) becomes the title. The
title is never left inside ``Document.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import IngestError
from ..model import Document
from .common import content_id, decode, stamp, tidy

_HEADER = re.compile(
    r"^(title|headline|source|outlet|publisher|url|link|date|published|updated|language|"
    r"lang|author|byline)\s*:\s*(.*?)\s*$",
    re.I,
)
_KEYS = {
    "title": "title", "headline": "title", "source": "outlet", "outlet": "outlet",
    "publisher": "outlet", "url": "url", "link": "url", "date": "published",
    "published": "published", "updated": "updated", "language": "language", "lang": "language",
    "author": "author", "byline": "author",
}  # fmt: skip


def document_from_text(
    text: str, published: str | None = None, outlet: str = "", url: str = "", title: str = ""
) -> Document:
    """A Document from report text that may start with header lines.

    text (str): the report; leading ``Title:``/``Source:``/``URL:``/``Date:`` lines are read.
    published (str | None): publication date as written; overrides a ``Date:`` header.
    outlet, url, title (str): metadata; each overrides the matching header when given.
    RETURNS (Document): with raw_format "text" and a content id.
    """
    if not isinstance(text, str):
        raise TypeError(f"document_from_text expects a string, got {type(text).__name__}")
    overrides = {"published": published or "", "outlet": outlet, "url": url, "title": title}
    return _build(text, "text", "", overrides)


def read_text(data: bytes, path: str) -> Iterator[Document | IngestError]:
    """Reader for .txt files."""
    yield _build(_non_empty(data, path), "text", path, {})


def read_markdown(data: bytes, path: str) -> Iterator[Document | IngestError]:
    """Reader for .md files: front matter or header lines, then Markdown flattened to text."""
    text = _non_empty(data, path)
    fields, body = _front_matter(text)
    body = markdown_to_text(body)
    yield _build(body, "markdown", path, {}, fields)


def _non_empty(data: bytes, path: str) -> str:
    text = decode(data, path)
    if not text.strip():
        raise IngestError(path, "empty file")
    return text


def _build(
    text: str,
    fmt: str,
    path: str,
    overrides: dict[str, str],
    fields: dict[str, str] | None = None,
) -> Document:
    headers, body = split_headers(text)
    if not headers:
        headers, body = _headline_then_headers(text)
    headers.update(fields or {})
    headers.update({k: v for k, v in overrides.items() if v})
    body = tidy(body)
    if not headers.get("title"):
        headline, body = split_headline(body)
        headers["title"] = headline
    elif body.split("\n", 1)[0].strip() == headers["title"].strip():
        body = body.split("\n", 1)[1].strip() if "\n" in body else ""
    if not body:
        raise IngestError(path or "<text>", "no report text after the header lines")
    outlet, url = headers.get("outlet", ""), headers.get("url", "")
    meta = {"author": headers["author"]} if headers.get("author") else {}
    return Document(
        id=content_id(body, outlet, url),
        text=body,
        title=headers.get("title", ""),
        outlet=outlet,
        url=url,
        language=headers.get("language") or "en",
        raw_format=fmt,
        published=stamp(headers.get("published"), outlet, url, body),
        updated=stamp(headers.get("updated"), outlet, url, body),
        source_path=path,
        meta=meta,
    )


def split_headers(text: str) -> tuple[dict[str, str], str]:
    """Leading ``Key: value`` header lines as a dict, and the text after them."""
    lines = text.replace("\r\n", "\n").split("\n")
    headers: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip() and not headers:
        i += 1
    while i < len(lines):
        match = _HEADER.match(lines[i].strip())
        if not match:
            break
        headers[_KEYS[match[1].lower()]] = match[2]
        i += 1
    return headers, "\n".join(lines[i:])


def split_headline(body: str) -> tuple[str, str]:
    """(title, rest) when the first paragraph is a one-line headline, else ("", body)."""
    first, _, rest = body.partition("\n\n")
    first = first.strip()
    if "\n" not in first and rest.strip() and looks_like_headline(first):
        return first, rest.strip()
    return "", body


def looks_like_headline(line: str) -> bool:
    """Short, a few words, no closing full stop: a headline rather than a sentence."""
    words = line.split()
    return 3 <= len(words) <= 25 and len(line) <= 160 and not line.endswith((".", ":", ";", ","))


def _headline_then_headers(text: str) -> tuple[dict[str, str], str]:
    """A headline line followed by header lines ("Source:", "Date:" ...), if that is the shape."""
    first, _, rest = text.strip().partition("\n")
    headers, body = split_headers(rest)
    if not headers or "title" in headers or not looks_like_headline(first.strip()):
        return {}, text
    return {**headers, "title": first.strip()}, body


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-like ``---`` front matter (flat ``key: value`` lines only)."""
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("---\n"):
        return {}, text
    end = stripped.find("\n---", 4)
    if end < 0:
        return {}, text
    headers, _ = split_headers(stripped[4:end])
    return {k: v.strip("\"'") for k, v in headers.items()}, stripped[end + 4 :].lstrip("-\n")


_MD_RULES = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images: markup, not report text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
]
_MD_LINE = [
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$"), r"\1"),  # headings
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quotes
    (re.compile(r"^\s{0,3}[-*+]\s+"), ""),  # bullets
    (re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$"), ""),  # rules
]


def markdown_to_text(text: str) -> str:
    """Markdown flattened to plain paragraphs (headings, emphasis, links, images)."""
    out = []
    for line in text.split("\n"):
        for pattern, repl in _MD_LINE:
            line = pattern.sub(repl, line)
        for pattern, repl in _MD_RULES:
            line = pattern.sub(repl, line)
        out.append(line)
    return "\n".join(out)
