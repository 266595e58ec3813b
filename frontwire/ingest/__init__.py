"""Readers: files, folders and stdin in, :class:`~frontwire.model.Document` objects out.

Formats (one module each, registered in :mod:`frontwire.ingest.registry`):
plain text and Markdown with optional header lines (text.py), web pages
(html.py), RSS/Atom feeds (feeds.py), Telegram Desktop exports (telegram.py)
and JSON Lines (jsonl.py). Detection goes by file extension, then by content.

``read_paths`` is tolerant: a broken file (or one broken line of a JSONL file)
becomes an :class:`~frontwire.errors.IngestError` in the stream and reading goes
on. ``read_file`` is strict and raises the first error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import IngestError
from ..model import Document
from .common import content_id
from .registry import READERS, Reader, detect, register
from .text import document_from_text

__all__ = [
    "READERS",
    "IngestError",
    "Reader",
    "content_id",
    "document_from_text",
    "read_bytes",
    "read_file",
    "read_paths",
    "register",
]

# Documentation inside a corpus folder, not reports (read when named explicitly).
_FOLDER_SKIP = {"readme", "readme.md", "readme.txt", "license", "license.txt"}


def read_paths(paths: Iterable[str]) -> Iterator[Document | IngestError]:
    """Documents from files, folders (recursive, sorted, hidden files skipped) and "-" (stdin).

    paths (Iterable[str]): file or folder paths; "-" reads standard input.
    RETURNS (Iterator[Document | IngestError]): documents, with an IngestError in place of
        each file (or JSONL line) that could not be read.
    """
    if isinstance(paths, str):
        raise TypeError("read_paths expects a list of paths, not a single string")
    for path in paths:
        if path == "-":
            yield from _guarded("<stdin>", lambda: sys.stdin.buffer.read())
        elif os.path.isdir(path):
            for file in _walk(Path(path)):
                yield from _guarded(str(file), file.read_bytes)
        elif os.path.exists(path):
            yield from _guarded(path, Path(path).read_bytes)
        else:
            yield IngestError(path, "no such file or folder")


def read_file(path: str) -> list[Document]:
    """Every document of one file; raises IngestError on the first problem."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise IngestError(path, err.strerror or str(err)) from None
    docs = []
    for item in read_bytes(data, path):
        if isinstance(item, IngestError):
            raise item
        docs.append(item)
    return docs


def read_bytes(data: bytes, path: str) -> Iterator[Document | IngestError]:
    """Documents of a file's content (an upload, say); ``path`` names it and its extension
    picks the format. Tolerant like ``read_paths``: problems come back as IngestErrors."""
    return _guarded(path, lambda: data)


def _read(data: bytes, path: str) -> Iterator[Document | IngestError]:
    return detect(path, data).read(data, path)


def _guarded(path: str, load: Callable[[], bytes]) -> Iterator[Document | IngestError]:
    """Read one source, turning any failure into an IngestError for that source."""
    try:
        data = load()
        yield from _read(data, path)
    except IngestError as err:
        yield err
    except OSError as err:
        yield IngestError(path, err.strerror or str(err))
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        # A reader met input it did not expect: report the file, keep going.
        yield IngestError(path, f"unreadable ({type(err).__name__}: {err})")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower() not in _FOLDER_SKIP:
                yield Path(root) / name
