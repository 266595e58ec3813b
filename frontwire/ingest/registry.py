"""The reader registry: format detection by file extension, then by sniffing content."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import IngestError
from ..model import Document
from .feeds import read_feed
from .html import read_html
from .jsonl import read_json_list, read_jsonl
from .telegram import read_telegram
from .text import read_markdown, read_text

ReadFn = Callable[[bytes, str], Iterator[Document | IngestError]]


@dataclass(frozen=True)
class Reader:
    """A registered input format: its name, file extensions and reading function."""

    name: str
    extensions: tuple[str, ...]
    read: ReadFn


READERS: dict[str, Reader] = {}


def register(reader: Reader) -> None:
    """Add (or replace) a reader; later registrations win for shared extensions."""
    READERS[reader.name] = reader


for _reader in (
    Reader("text", (".txt", ".text"), read_text),
    Reader("markdown", (".md", ".markdown"), read_markdown),
    Reader("html", (".html", ".htm", ".xhtml"), read_html),
    Reader("feed", (".xml", ".rss", ".atom"), read_feed),
    Reader("jsonl", (".jsonl", ".ndjson"), read_jsonl),
    Reader("telegram", (), read_telegram),
    Reader("json-list", (), read_json_list),
):
    register(_reader)


def detect(path: str, data: bytes) -> Reader:
    """The reader for a file: by extension, else by content; IngestError when unknown."""
    lower = path.lower()
    if lower.endswith(".json"):
        return READERS[_json_kind(data)]
    for reader in reversed(list(READERS.values())):
        if any(lower.endswith(ext) for ext in reader.extensions):
            # A saved web page or feed named .txt is still markup: trust the content.
            if reader.name == "text" and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
                kind = sniff(path, data)
                return READERS[kind if kind in ("html", "feed") else "text"]
            return reader
    return READERS[sniff(path, data)]


def _json_kind(data: bytes) -> str:
    head = data.lstrip()[:1]
    return "json-list" if head == b"[" else "telegram"


def sniff(path: str, data: bytes) -> str:
    """Name of the reader that fits the content of a file with an unknown extension."""
    if not data.strip():
        raise IngestError(path, "empty file")
    head = data[:4096]
    if b"\x00" in head or _looks_binary(head):
        raise IngestError(path, "unknown binary format (not text, HTML, feed, JSON or JSONL)")
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n").lower()
    if re.match(r"(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:rdf)\b", text, re.S):
        return "feed"
    if text.startswith(("<!doctype html", "<html")) or "<body" in text:
        return "html"
    if text.startswith("["):
        return "json-list"
    if text.startswith("{"):
        return _sniff_json_object(data)
    return "text"


def _sniff_json_object(data: bytes) -> str:
    first = data.lstrip().split(b"\n", 1)[0]
    try:
        json.loads(first)
    except ValueError:
        return "telegram"  # a multi-line object: a whole-file JSON export
    return "jsonl"


def _looks_binary(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        # A multi-byte character cut at the 4 KB boundary is still text.
        return err.start < len(head) - 4
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 100
