"""Claims and attribution (issue 5): who says what, through whom, with what stance.

- :class:`Attributor` is the pipeline stage that fills ``report.claims``.
- :func:`extract_attributions` gives the raw source/cue/content spans of a spaCy Doc.
- :func:`compare_claims` and :func:`independent_origins` serve the ledger when it
  merges claims across documents.
"""

from __future__ import annotations

from .api import extract_attributions
from .compare import compare_claims, independent_origins
from .stage import Attributor

__all__ = ["Attributor", "extract_attributions", "compare_claims", "independent_origins"]
