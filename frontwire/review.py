"""Human review of the ledger: kept in :mod:`frontwire.ledger.review`, re-exported here."""

from __future__ import annotations

from .ledger.review import (
    CORRECTABLE,
    VERDICTS,
    ReviewError,
    ReviewStore,
    keep_reports,
    recount,
    report_key,
    split_parent,
)

__all__ = ["CORRECTABLE", "VERDICTS", "ReviewError", "ReviewStore", "keep_reports", "recount",
           "report_key", "split_parent"]  # fmt: skip
