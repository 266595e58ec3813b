"""Plain functions behind ``frontwire serve`` and ``frontwire token create``."""

from __future__ import annotations

import ipaddress
import sys
from typing import Any

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


def get(db: str, path: str) -> tuple[int, str]:
    """Answer one GET in-process, no server (``frontwire serve --get /api/stats``).

    Calls the ASGI app directly, so it needs neither a port nor an HTTP client.
    RETURNS (tuple[int, str]): the HTTP status and the response body.
    """
    import asyncio

    from .app import create_app

    if not path.startswith("/"):
        from ..errors import FrontwireError

        raise FrontwireError(f"--get wants a path starting with '/', got {path!r}")
    app = create_app(db)
    try:
        return asyncio.run(_asgi_get(app, path))
    finally:
        app.state.desk.close()


async def _asgi_get(app: Any, path: str) -> tuple[int, str]:
    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http", "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": raw_path, "raw_path": raw_path.encode(), "query_string": query.encode(),
        "headers": [(b"host", b"localhost")], "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 80), "root_path": "",
    }  # fmt: skip
    status, chunks = 500, []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks).decode("utf-8", "replace")
