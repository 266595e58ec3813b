"""Raw attribution spans of a spaCy Doc, in the gold evaluation format."""

from __future__ import annotations

from typing import Any

from .extract import Extractor, RawAttribution
from .tokens import from_doc


def find(doc: Any) -> list[RawAttribution]:
    """Attributions of a spaCy Doc as :class:`RawAttribution` records."""
    return Extractor(from_doc(doc)).run()


def extract_attributions(doc: Any) -> list[dict[str, list[dict[str, Any]]]]:
    """Source, cue and content spans of every attribution in ``doc``.

    doc (spacy.tokens.Doc): text with POS tags, sentences and entities.
    RETURNS (list[dict]): one ``{"source": [...], "cue": [...], "content": [...]}`` per
        attribution, each span ``{"start", "end", "text"}`` (character offsets), the
        shape of the PolNeAR gold file; a missing role is an empty list.
    """
    found = find(doc)  # raises TypeError on anything but a spaCy Doc
    text = doc.text
    out = []
    for att in found:
        out.append(
            {
                "source": [_span(text, att.source)] if att.source else [],
                "cue": [_span(text, att.cue)],
                "content": [_span(text, c) for c in att.content],
            }
        )
    return out


def _span(text: str, span: tuple[int, int]) -> dict[str, Any]:
    return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}
