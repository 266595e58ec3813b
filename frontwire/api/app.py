"""The FastAPI application: JSON API under /api, the analyst page at /.

Security choices (issue 7): reads are open unless ``read_token_required`` (set
when serving beyond loopback); every write needs a ``Bearer`` token; request
bodies are bounded; every error is JSON ``{"error": ..., "status": ...}``; the
page is served with a strict Content-Security-Policy (no inline script), and the
page builds its DOM with textContent only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import FrontwireError
from ..ledger.review import ReviewError
from .service import Desk, NotFound

PACKAGE = Path(__file__).resolve().parents[1]
WEB_DIR = PACKAGE / "web"
STATIC_DIR = PACKAGE / "static"
MAX_BODY = 5 * 1024 * 1024  # 5 MB: a long article as HTML fits many times over

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def error_body(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` (declared or streamed) with a JSON 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._reject(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise _TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._reject(scope, receive, send)

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        msg = f"request body too large (limit {self.max_bytes} bytes)"
        await error_body(413, msg)(scope, receive, send)


class _TooLarge(Exception):
    pass


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_body(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_body(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return error_body(404, str(exc.args[0]) if exc.args else "not found")

    @app.exception_handler(ReviewError)
    async def bad_review(_: Request, exc: ReviewError) -> JSONResponse:
        return error_body(400, str(exc))

    @app.exception_handler(FrontwireError)
    async def ours(_: Request, exc: FrontwireError) -> JSONResponse:
        return error_body(400, str(exc))

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:
        return error_body(500, f"internal error: {type(exc).__name__}: {exc}")


def _install_pages(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if not request.url.path.startswith("/api/"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    app.mount("/web", StaticFiles(directory=WEB_DIR), name="web")
    # Vendor files appear after scripts/build_web.sh; check_dir=False keeps the API usable.
    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")


def create_app(
    db: str | Path,
    *,
    read_token_required: bool = False,
    max_body: int = MAX_BODY,
    analyse: Callable[[Any], Any] | None = None,
) -> FastAPI:
    """The Frontwire web app on the ledger at ``db`` (created if missing).

    Args:
        db (str | Path): the ledger SQLite file.
        read_token_required (bool): also require a token for reads (off on localhost).
        max_body (int): the largest request body accepted, in bytes.
        analyse (Callable | None): Document -> Report for ingest (default: the pipeline).
    RETURNS (FastAPI): the ASGI app (``app.state.desk`` holds the ledger access).
    """
    desk = Desk(db, analyse)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        desk.close()

    app = FastAPI(
        title="Frontwire",
        version="0.1.0",
        description="Conflict event ledger: events, claims, sources, review.",
        lifespan=lifespan,
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.desk = desk
    app.state.read_token_required = read_token_required
    _install_errors(app)
    from .routes_read import router as read_router
    from .routes_write import router as write_router

    app.include_router(read_router, prefix="/api")
    app.include_router(write_router, prefix="/api")
    _install_pages(app)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    return app


def get_desk(request: Request) -> Desk:
    return request.app.state.desk  # type: ignore[no-any-return]


def bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def require_writer(request: Request) -> str:
    """The reviewer name behind the request's token; 401 without a valid one."""
    token = bearer(request)
    if not token:
        raise StarletteHTTPException(401, "this endpoint needs 'Authorization: Bearer <token>'")
    name = get_desk(request).token_owner(token)
    if name is None:
        raise StarletteHTTPException(401, "unknown or revoked token")
    return name


def require_reader(request: Request) -> None:
    if request.app.state.read_token_required:
        require_writer(request)
