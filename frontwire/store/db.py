"""Opening a ledger database: pragmas, schema_version and migrations."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from ..errors import StoreError
from .schema import MIGRATIONS

# Readers (the API of issue 7) wait this long for the single writer instead of failing.
BUSY_TIMEOUT_MS = 10_000


def now_iso() -> str:
    """Current UTC time, ISO 8601 to the second (how every *_at column is written)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (or create) a ledger database with WAL, foreign keys and a busy timeout.

    path (str | Path): the SQLite file, or ":memory:".
    RETURNS (sqlite3.Connection): in autocommit mode; callers open transactions explicitly.
    """
    target = str(path)
    if target != ":memory:":
        parent = Path(target).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot open ledger {target}: folder {parent} does not exist")
    try:
        # check_same_thread=False: the API serves from a thread pool; Ledger serialises access.
        conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if target != ":memory:":
            _enable_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as err:
        raise StoreError(f"cannot open ledger {target}: {err}") from err
    return conn


def _enable_wal(conn: sqlite3.Connection, attempts: int = 50) -> None:
    """Switch to WAL, retrying: SQLite answers "locked" at once, without the busy handler,
    when another process is switching the same new file at that moment."""
    for attempt in range(attempts):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or attempt == attempts - 1:
                raise
            time.sleep(0.05)


def schema_version(conn: sqlite3.Connection) -> int:
    """The version a database is at (0 for a new, empty file)."""
    try:
        # One read, one snapshot: another process may be creating the tables right now.
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as err:
        raise StoreError(f"not a ledger database: {err}") from err
    if "schema_version" not in tables:
        if tables:
            raise StoreError("not a ledger database: it has tables but no schema_version")
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, migrations: list[str] | None = None) -> int:
    """Apply every migration the database lacks, each in its own transaction.

    migrations (list[str]): the SQL scripts (default: the shipped ones); tests pass a prefix
        to build an old-version database.
    RETURNS (int): the schema version after migrating.
    """
    scripts = MIGRATIONS if migrations is None else migrations
    current = schema_version(conn)
    if current > len(MIGRATIONS):
        raise StoreError(
            f"ledger schema version {current} is newer than this Frontwire knows"
            f" ({len(MIGRATIONS)}); upgrade Frontwire"
        )
    if current == 0:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version"
            " (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
    for version, script in enumerate(scripts, start=1):
        if version <= current:
            continue
        _apply(conn, version, script)
    return schema_version(conn)


def statements(script: str) -> list[str]:
    """The SQL statements of a script, split where SQLite says a statement is complete."""
    out, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in buffer.splitlines()
    ):
        raise StoreError(f"incomplete SQL statement in migration: {buffer.strip()[:60]!r}")
    return out


def _apply(conn: sqlite3.Connection, version: int, script: str) -> None:
    """Run one migration script and record it, all or nothing.

    The version is re-read under the write lock, so two processes opening a new ledger
    at once do not both migrate it.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
        done = conn.execute("SELECT 1 FROM schema_version WHERE version = ?", (version,))
        if done.fetchone() is None:
            for statement in statements(script):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                (version, now_iso()),
            )
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as err:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"migration to schema version {version} failed: {err}") from err
