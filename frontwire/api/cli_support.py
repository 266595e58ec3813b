"""Plain functions behind ``frontwire serve`` and ``frontwire token create``."""

from __future__ import annotations

import ipaddress
import sys

from . import auth


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API and page on ``host:port`` until interrupted.

    Reads are open on loopback only; on any other address every request needs a token.
    """
    import uvicorn

    from .app import STATIC_DIR, create_app

    if not (STATIC_DIR / "vendor" / "d3.min.js").exists():
        print("warning: page libraries missing; run scripts/build_web.sh", file=sys.stderr)

    app = create_app(db, read_token_required=not _is_loopback(host))
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)


def create_token(db: str, name: str) -> str:
    """Create an API token for reviewer ``name``; it is shown once and stored hashed."""
    try:
        return auth.create_token(db, name)
    except auth.TokenError as err:
        from ..errors import FrontwireError

        raise FrontwireError(str(err)) from None
