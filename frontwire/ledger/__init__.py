"""The event ledger: stored reports merged across documents into incidents, and queries.

    >>> from frontwire.ledger import Ledger
    >>> with Ledger("frontwire.db") as ledger:
    ...     ledger.add_report(report)
    ...     ledger.merge()
    ...     ledger.events(country="Ukraine", event_type="Battles")
"""

from __future__ import annotations

from .core import Ledger
from .filters import LedgerQueryError

__all__ = ["Ledger", "LedgerQueryError"]
