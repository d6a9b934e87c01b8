"""The FastAPI application: the REST API under /api, the web UI pages, static files.

Every failure answers one JSON shape, ``{"error": {"code": ..., "message": ...}}`` (pages answer HTML
with the same code). Request bodies are limited in size. Writing (``POST /api/extract?store=true``)
needs the token whenever the server binds beyond localhost, or whenever a token is set."""

from __future__ import annotations

import hmac
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import __version__
from newsgraph.errors import InputError, NewsgraphError, StoreError

HERE = Path(__file__).parent
MAX_BODY = 2_000_000


@dataclass
class Settings:
    db: str | None
    token: str | None
    host: str
    max_body: int = MAX_BODY

    @property
    def loopback(self) -> bool:
        if self.host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def may_write(self, supplied: str | None) -> bool:
        if self.token:
            return supplied is not None and hmac.compare_digest(supplied, self.token)
        return self.loopback


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def create_app(db: str | None = None, token: str | None = None, host: str = "127.0.0.1", max_body: int = MAX_BODY) -> FastAPI:
    from newsgraph.store import Store
    from newsgraph.web import charts, pages, rest

    settings = Settings(db, token or os.environ.get("NEWSGRAPH_TOKEN") or None, host, max_body)
    app = FastAPI(title="newsgraph", version=__version__, description="French news coded as political event data.")
    app.state.settings = settings
    app.state.store = Store(db)
    from newsgraph.web.cache import ChartCache

    app.state.chart_cache = ChartCache(app.state.store)

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > settings.max_body):
            return JSONResponse(error_body("payload_too_large", f"request bodies are limited to {settings.max_body} bytes"), 413)
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # ECharts sets inline styles on its tooltips and toolbox, hence 'unsafe-inline' for styles only;
        # scripts stay 'self' (no inline script, no eval), and all text from the store is escaped.
        response.headers.setdefault("Content-Security-Policy",
                                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'")
        return response

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")

    def respond(request: Request, status: int, code: str, message: str) -> Any:
        if wants_html(request):
            return pages.render_error(request, status, message)
        return JSONResponse(error_body(code, message), status)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Any:
        return respond(request, exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 403: "forbidden"}.get(exc.status_code, "http_error")
        return respond(request, exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Any:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", []))
        return respond(request, 422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Any:
        return respond(request, 400, "bad_query", str(exc))

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Any:
        return respond(request, 422, "unprocessable_text", exc.reason)

    @app.exception_handler(NewsgraphError)
    async def ng_error(request: Request, exc: NewsgraphError) -> Any:
        return respond(request, 400, "error", str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Any:
        return respond(request, 500, "internal_error", f"{type(exc).__name__}")

    app.include_router(charts.router)
    app.include_router(rest.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
