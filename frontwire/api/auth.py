"""API tokens: created once, shown once, stored only as a SHA-256 hash.

Tokens are 32 random bytes, so an unsalted hash is enough (nothing to brute
force); a lookup compares hashes in constant time through the unique index.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from ..review import SCHEMA

PREFIX = "fw_"
NAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


class TokenError(ValueError):
    """A token name is invalid or already taken."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _connect(db: str | Path) -> sqlite3.Connection:
    from ..review import ensure_ledger

    ensure_ledger(db)
    conn = sqlite3.connect(str(db), timeout=30)
    with conn:
        conn.executescript(SCHEMA)
    return conn


def create_token(db: str | Path, name: str) -> str:
    """Create a token for ``name`` (the reviewer shown in the audit log); returns it once."""
    if not NAME_RE.match(name or ""):
        raise TokenError("token name: 1-64 letters, digits or _ . @ -")
    token = PREFIX + secrets.token_urlsafe(32)
    conn = _connect(db)
    try:
        with conn:
            taken = conn.execute(
                "SELECT 1 FROM api_tokens WHERE name=? AND revoked=0", (name,)
            ).fetchone()
            if taken:
                raise TokenError(f"a token named {name!r} exists; revoke it first")
            conn.execute(
                "INSERT OR REPLACE INTO api_tokens (name, token_hash, created_at, revoked) "
                "VALUES (?,?,?,0)",
                (name, _hash(token), datetime.now(UTC).isoformat(timespec="seconds")),
            )
    finally:
        conn.close()
    return token


def revoke_token(db: str | Path, name: str) -> bool:
    conn = _connect(db)
    try:
        with conn:
            cur = conn.execute("UPDATE api_tokens SET revoked=1 WHERE name=?", (name,))
        return cur.rowcount > 0
    finally:
        conn.close()


def check_token(conn: sqlite3.Connection, token: str) -> str | None:
    """The name behind a live token, or None."""
    if not token or not token.startswith(PREFIX):
        return None
    digest = _hash(token)
    row = conn.execute(
        "SELECT name, token_hash FROM api_tokens WHERE token_hash=? AND revoked=0", (digest,)
    ).fetchone()
    if row and hmac.compare_digest(row[1], digest):
        return str(row[0])
    return None
