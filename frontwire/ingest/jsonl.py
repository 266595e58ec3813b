"""JSON Lines: one report per line.

Each line is an object with ``text`` and optionally ``title``, ``outlet`` (or
``source``), ``url``, ``published`` (or ``date``), ``updated`` and ``language``;
any other keys go to ``Document.meta``. A broken line becomes an IngestError
naming its line number and the other lines still come through. A ``.json`` file
holding a list of such objects is read the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import IngestError
from ..model import Document
from .common import content_id, decode, stamp, tidy

_KNOWN = {"text", "title", "outlet", "source", "url", "published", "date", "updated", "language"}


def read_jsonl(data: bytes, path: str) -> Iterator[Document | IngestError]:
    """Reader for .jsonl / .ndjson files."""
    text = decode(data, path)
    if not text.strip():
        raise IngestError(path, "empty file")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield IngestError(path, f"invalid JSON: {err.msg}", line=number)
            continue
        yield _record_or_error(record, path, number)


def read_json_list(data: bytes, path: str) -> Iterator[Document | IngestError]:
    """Reader for a .json file holding a list of report objects."""
    try:
        records = json.loads(decode(data, path))
    except json.JSONDecodeError as err:
        raise IngestError(path, f"invalid JSON: {err.msg}", line=err.lineno) from None
    if not isinstance(records, list):
        raise IngestError(path, "JSON is neither a list of reports nor a Telegram export")
    for number, record in enumerate(records, start=1):
        result = _record_or_error(record, path, None)
        if isinstance(result, IngestError):
            result = IngestError(path, f"record {number}: {result.reason}")
        yield result


def _record_or_error(record: Any, path: str, line: int | None) -> Document | IngestError:
    try:
        return record_document(record, path)
    except ValueError as err:
        return IngestError(path, str(err), line=line)


def record_document(record: Any, path: str = "") -> Document:
    """A Document from one JSON object (raises ValueError on a bad record)."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise ValueError("record has no 'text' string")
    body = tidy(body)
    outlet = _string(record, "outlet") or _string(record, "source")
    url = _string(record, "url")
    published = record.get("published") or record.get("date")
    return Document(
        id=content_id(body, outlet, url),
        text=body,
        title=_string(record, "title"),
        outlet=outlet,
        url=url,
        language=_string(record, "language") or "en",
        raw_format="jsonl",
        published=stamp(published, outlet, url, body),
        updated=stamp(record.get("updated"), outlet, url, body),
        source_path=path,
        meta={k: v for k, v in record.items() if k not in _KNOWN},
    )


def _string(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be a string, got {type(value).__name__}")
    return value.strip()
