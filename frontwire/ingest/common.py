"""Helpers every reader shares: content ids, decoding, HTML-to-text, timestamps."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from html.parser import HTMLParser

from ..errors import IngestError
from ..model import Timestamp
from ..timestamps import outlet_locale, parse_timestamp


def content_id(text: str, outlet: str = "", url: str = "") -> str:
    """Stable id of a document's content: 16 hex chars of a SHA-1.

    Text is NFKC-normalised and whitespace-collapsed first, so re-reading the same
    report (even re-wrapped) gives the same id and a re-ingest is an upsert.
    """
    if not isinstance(text, str):
        raise TypeError(f"content_id expects a string, got {type(text).__name__}")
    norm = " ".join(unicodedata.normalize("NFKC", text).split())
    key = "\x1f".join((" ".join(outlet.lower().split()), url.strip(), norm))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes, path: str) -> str:
    """UTF-8 text of a file (BOM tolerated), or an IngestError naming the file."""
    if b"\x00" in data[:4096]:
        raise IngestError(path, "binary data, not a text format frontwire reads")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise IngestError(path, f"not UTF-8 text (byte {err.start})") from None


def stamp(value: object, outlet: str = "", url: str = "", context: str = "") -> Timestamp | None:
    """A Timestamp from a reader's raw date value (None when absent or unreadable)."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        from datetime import UTC, datetime

        iso = datetime.fromtimestamp(value, tz=UTC).isoformat(timespec="seconds")
        return Timestamp(value=iso, precision="minute", source_text=str(value))
    return parse_timestamp(str(value), outlet_locale(outlet, url), context)


_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "tr", "table", "section", "article", "figure", "figcaption", "hr", "pre",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template"}


class _TextCollector(HTMLParser):
    """Flattens an HTML fragment: block elements become paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries), paragraphs kept apart by blank lines."""
    if "<" not in fragment:
        return tidy(html.unescape(fragment))
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return tidy("".join(collector.parts))


def tidy(text: str) -> str:
    """Collapse spaces inside lines and runs of blank lines; keep paragraph breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip()
