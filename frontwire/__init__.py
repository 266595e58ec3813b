"""Frontwire: conflict reporting in, an event ledger out.

>>> import frontwire
>>> report = frontwire.extract("Shelling hit Kharkiv on Tuesday, the governor said.",
...                            published="2024-03-12")
>>> ledger = frontwire.Ledger("frontwire.db")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Report

__version__ = "0.1.0"
__all__ = ["extract", "Ledger", "Report", "__version__"]

if TYPE_CHECKING:
    from .ledger import Ledger


def extract(
    text: str,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Report:
    """Analyse one text without touching any ledger.

    text (str): the report, plain text.
    published (str): publication date or datetime (ISO, or as the outlet wrote it).
    RETURNS (Report): the document with sentences, entities, places, times, claims, events.
    """
    from .ingest import document_from_text
    from .pipeline import analyse_document

    document = document_from_text(
        text, published=published, outlet=outlet or "", url=url or "", title=title or ""
    )
    return analyse_document(document)


def __getattr__(name: str) -> Any:
    # Lazy: importing frontwire must not load the store (or spaCy) until asked.
    if name == "Ledger":
        from .ledger import Ledger

        return Ledger
    raise AttributeError(name)
