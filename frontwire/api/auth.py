"""API tokens: created once, shown once, stored only as a SHA-256 hash.

Tokens are 32 random bytes, so an unsalted hash is enough (nothing to brute
force); a lookup compares hashes in constant time through the unique index.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from pathlib import Path

from ..ledger import Ledger
from ..ledger.review import ReviewError

PREFIX = "fw_"
NAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


class TokenError(ValueError):
    """A token name is invalid or already taken."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(db: str | Path, name: str) -> str:
    """Create a token for ``name`` (the reviewer shown in the audit log); returns it once."""
    if not NAME_RE.match(name or ""):
        raise TokenError("token name: 1-64 letters, digits or _ . @ -")
    token = PREFIX + secrets.token_urlsafe(32)
    with Ledger(db) as ledger:
        try:
            ledger.review.add_token(name, _hash(token))
        except ReviewError as err:
            raise TokenError(str(err)) from None
    return token


def revoke_token(db: str | Path, name: str) -> bool:
    with Ledger(db) as ledger:
        return ledger.review.revoke_token(name)


def check_token(ledger: Ledger, token: str) -> str | None:
    """The name behind a live token, or None."""
    if not token or not token.startswith(PREFIX):
        return None
    digest = _hash(token)
    found = ledger.review.token_owner(digest)
    if found and hmac.compare_digest(found[1], digest):
        return found[0]
    return None
