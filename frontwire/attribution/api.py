"""Raw attribution spans of a spaCy Doc, in the gold evaluation format."""

from __future__ import annotations

from typing import Any

from .extract import Extractor, RawAttribution
from .parse import reparse_sources
from .tokens import from_doc


def find(doc: Any, parse: bool = True) -> list[RawAttribution]:
    """Attributions of a spaCy Doc as :class:`RawAttribution` records.

    parse (bool): take verb cues' sources from a dependency parse of their sentences.
    """
    toks = from_doc(doc)
    raws = Extractor(toks).run()
    if parse:
        reparse_sources(doc, toks, raws)
    return raws


def extract_attributions(doc: Any, parse: bool = True) -> list[dict[str, list[dict[str, Any]]]]:
    """Source, cue and content spans of every attribution in ``doc``.

    doc (spacy.tokens.Doc): text with POS tags, sentences and entities.
    parse (bool): parse the sentences of verb cues for their sources (slower, better).
    RETURNS (list[dict]): one ``{"source": [...], "cue": [...], "content": [...]}`` per
        attribution, each span ``{"start", "end", "text"}`` (character offsets), the
        shape of the PolNeAR gold file; a missing role is an empty list.
    """
    found = find(doc, parse)  # raises TypeError on anything but a spaCy Doc
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
