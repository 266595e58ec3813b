"""Telegram Desktop channel exports (``result.json``): one document per message.

Message text is either a string or a list of strings and ``{"type", "text"}``
entities (bold, links, hashtags...); both are flattened to plain text. Service
messages (channel created, message pinned) and messages without text (a photo
with no caption) carry no report and are skipped. The channel name is the
outlet. Exports rarely hold the channel's public username; when one is present
(``username`` beside the chat's ``name``) each message gets ``https://t.me/<username>/<id>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import IngestError
from ..model import Document
from .common import content_id, decode, stamp, tidy


def read_telegram(data: bytes, path: str) -> Iterator[Document | IngestError]:
    """Reader for Telegram Desktop ``result.json`` exports."""
    for chat in load_export(data, path):
        yield from _chat_documents(chat, path)


def _chat_documents(chat: dict[str, Any], path: str) -> Iterator[Document | IngestError]:
    channel = str(chat.get("name") or "").strip()
    username = str(chat.get("username") or "").strip().lstrip("@")
    for message in chat["messages"]:
        if not isinstance(message, dict):
            yield IngestError(path, "a message is not a JSON object")
            continue
        if message.get("type") != "message":
            continue
        try:
            doc = message_document(message, channel, username, path)
        except (TypeError, ValueError) as err:
            yield IngestError(path, f"message {message.get('id')}: {err}")
            continue
        if doc is not None:
            yield doc


def load_export(data: bytes, path: str) -> list[dict[str, Any]]:
    """The chats of an export: one for a single-channel export, several for a full
    account export (``{"chats": {"list": [...]}}``), each with a message list."""
    text = decode(data, path)
    if not text.strip():
        raise IngestError(path, "empty file")
    try:
        export = json.loads(text)
    except json.JSONDecodeError as err:
        raise IngestError(path, f"invalid JSON: {err.msg}", line=err.lineno) from None
    if isinstance(export, dict) and isinstance(export.get("messages"), list):
        return [export]
    chats = export.get("chats", {}).get("list") if isinstance(export, dict) else None
    if isinstance(chats, list):
        return [c for c in chats if isinstance(c, dict) and isinstance(c.get("messages"), list)]
    raise IngestError(path, "JSON is not a Telegram export (no 'messages' list)")


def flatten_text(value: Any) -> str:
    """Plain text of a Telegram message ``text`` field (string or list of entities)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(_piece(part) for part in value)
    raise TypeError(f"text is a {type(value).__name__}, expected a string or a list")


def _piece(part: Any) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, dict) and isinstance(part.get("text"), str):
        return str(part["text"])
    raise TypeError("text entity is neither a string nor a {'type', 'text'} object")


def message_url(username: str, message_id: Any) -> str:
    """Public link of a channel message, or "" when the username is unknown."""
    if not username or message_id in (None, ""):
        return ""
    return f"https://t.me/{username.lstrip('@')}/{message_id}"


def message_document(
    message: dict[str, Any], channel: str, username: str, path: str
) -> Document | None:
    """One message as a Document (None for messages without text)."""
    raw = message.get("text")
    if raw is None and "text_entities" in message:
        raw = message["text_entities"]
    body = tidy(flatten_text(raw))
    if not body:
        return None
    url = message_url(username, message.get("id"))
    when = message.get("date_unixtime") or message.get("date")
    if isinstance(when, str) and when.isdigit():
        when = int(when)
    edited = message.get("edited_unixtime") or message.get("edited")
    if isinstance(edited, str) and edited.isdigit():
        edited = int(edited)
    meta = {
        k: message[k]
        for k in ("id", "forwarded_from", "reply_to_message_id", "photo", "media_type")
        if message.get(k) not in (None, "")
    }
    return Document(
        id=content_id(body, channel, url or f"{channel}#{message.get('id')}"),
        text=body,
        title="",
        outlet=channel,
        url=url,
        raw_format="telegram",
        published=stamp(when, channel),
        updated=stamp(edited, channel),
        source_path=path,
        meta=meta,
    )
