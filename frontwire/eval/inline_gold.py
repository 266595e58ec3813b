"""Attribution gold written inline, so a person can annotate a report in a text editor.

    === ua-01 | split: dev | genre: wire
    [[S1 The governor]] [[C1 said]] [[Q1 that two drones were shot down]].

``S`` marks the source, ``C`` the cue, ``Q`` the content (quoted material), each with the
number of its attribution. A cue may carry the claim's stance: ``[[C2=denies denied]]``.
Markers nest (a content may hold another attribution) but never cross. A role may come
in several fragments: a quote interrupted by "he said" is two ``Q`` spans with one
number. :func:`read_inline` yields the same records as the PolNeAR-format JSONL that
:func:`frontwire.eval.attribution.read_gold` reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import EvalDataError

ROLE_NAMES = {"S": "source", "C": "cue", "Q": "content"}
ROLES = tuple(ROLE_NAMES.values())
_MARK = re.compile(r"\[\[([SCQ])(\d+)(?:=([a-z]+))? |\]\]")
STANCES = ("asserts", "denies", "unconfirmed", "hedged")
_HEADER = re.compile(r"^=== *(?P<id>[^|\n]+?) *(?:\|(?P<rest>.*))?$")


def parse_annotated(annotated: str) -> tuple[str, list[dict[str, Any]]]:
    """The plain text and its attributions (spans in plain-text offsets).

    Raises ValueError on a marker that is not closed, a closing with no marker, or an
    attribution without a cue.
    """
    plain: list[str] = []
    length = 0
    last = 0
    open_marks: list[tuple[str, str, int]] = []
    spans: dict[str, dict[str, list[tuple[int, int]]]] = {}
    stances: dict[str, str] = {}
    for match in _MARK.finditer(annotated):
        piece = annotated[last : match.start()]
        plain.append(piece)
        length += len(piece)
        last = match.end()
        if match.group(1):
            open_marks.append((match.group(1), match.group(2), length))
            if match.group(3):
                stances[match.group(2)] = _stance(match.group(1), match.group(3))
            continue
        if not open_marks:
            raise ValueError(f"']]' at character {match.start()} closes nothing")
        role, number, start = open_marks.pop()
        spans.setdefault(number, {}).setdefault(ROLE_NAMES[role], []).append((start, length))
    if open_marks:
        role, number, start = open_marks[-1]
        raise ValueError(f"'[[{role}{number}' is never closed")
    plain.append(annotated[last:])
    text = "".join(plain)
    attributions = []
    for number in sorted(spans, key=int):
        roles = spans[number]
        if "cue" not in roles:
            raise ValueError(f"attribution {number} has no cue")
        attribution: dict[str, Any] = {role: _spans(text, roles.get(role, [])) for role in ROLES}
        if number in stances:
            attribution["stance"] = stances[number]
        attributions.append(attribution)
    return text, attributions


def _stance(role: str, label: str) -> str:
    if role != "C":
        raise ValueError(f"a stance belongs on the cue, not on {role!r}")
    if label not in STANCES:
        raise ValueError(f"unknown stance {label!r} (one of {', '.join(STANCES)})")
    return label


def _spans(text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    return [{"start": s, "end": e, "text": text[s:e]} for s, e in sorted(spans)]


def _header_fields(rest: str | None) -> dict[str, str]:
    fields = {}
    for part in (rest or "").split("|"):
        key, sep, value = part.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


def read_inline(path: str) -> Iterator[dict[str, Any]]:
    """Records of an inline-annotated file: ``id``, ``split``, ``genre``, ``text``,
    ``attributions``. Errors name the file and the document."""
    source = Path(path)
    if not source.is_file():
        raise EvalDataError(f"{path}: no such file")
    header: re.Match[str] | None = None
    body: list[str] = []
    for line in [*source.read_text(encoding="utf-8").splitlines(), "=== end"]:
        match = _HEADER.match(line)
        if match is None:
            if header is None and line.strip():
                raise EvalDataError(f"{path}: text before the first '=== id' header")
            body.append(line)
            continue
        if header is not None:
            yield _record(path, header, "\n".join(body).strip())
        header, body = match, []


def _record(path: str, header: re.Match[str], annotated: str) -> dict[str, Any]:
    doc_id = header.group("id")
    try:
        text, attributions = parse_annotated(annotated)
    except ValueError as err:
        raise EvalDataError(f"{path}: document {doc_id}: {err}") from err
    fields = _header_fields(header.group("rest"))
    return {"id": doc_id, "corpus": "inline", "split": fields.get("split", ""),
            "genre": fields.get("genre", ""), "text": text,
            "attributions": attributions}  # fmt: skip
