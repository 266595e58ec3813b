"""SQLite storage of analysed reports: schema, migrations and the single writer door.

The query layer on top of it is :class:`frontwire.ledger.Ledger`.
"""

from __future__ import annotations

from .db import connect, migrate, now_iso, schema_version
from .schema import MIGRATIONS, SCHEMA_VERSION
from .write import claim_links, insert_report, validate

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "claim_links",
    "connect",
    "insert_report",
    "migrate",
    "now_iso",
    "schema_version",
    "validate",
]
