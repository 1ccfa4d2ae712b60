"""Builds the web app; nothing else. ``create_app(Settings(...))`` is what tests and ``oars serve`` call.

The app holds no state that matters in memory: login sessions, rate limits and chat sessions live in the
database, so several processes (``--workers``, or several machines on PostgreSQL) serve one clinic. (A
worker caches the counsellors of recent conversations, checked against the database on every turn:
``oars.web.live``.)
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import quote

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from oars import __version__
from oars.errors import SessionEndedError, StoreError
from oars.events import now
from oars.web.accounts import Accounts
from oars.web.audit import Actor
from oars.web.backend import Backend, Clock
from oars.web.errors import NotAuthenticated, RateLimited, WebError
from oars.web.middleware import BodyLimit, RequestLog, SecurityHeaders
from oars.web.pages import pages_router
from oars.web.pages.common import STATIC, render
from oars.web.routes import api_router
from oars.web.routing import index_routes, route_template
from oars.web.security import Passwords
from oars.web.settings import Settings

__all__ = ["app_from_environment", "create_app"]

log = logging.getLogger("oars.web")

DESCRIPTION = """The oars clinic: clients talk with an automated Motivational Interviewing counsellor and fill in
the PHQ-9, GAD-7 and readiness rulers; their clinician sees them ordered by need, reads coded sessions and
clears crisis flags; an admin manages clinicians and reads the audit log.

Authenticate programs with a personal access token (`Authorization: Bearer oars_pat_…`, made at
`POST /api/v1/auth/tokens` or on the Access tokens page). Browsers use the session cookie from
`POST /api/v1/auth/login` and must send the returned `csrf_token` as `X-CSRF-Token` on unsafe requests.
Objects that are not yours answer 404, exactly like objects that do not exist."""


def create_app(settings: Settings | None = None, *, clock: Clock = now) -> FastAPI:
    """The app for ``settings`` (default: from the environment), on a migrated database."""
    settings = settings or Settings()
    backend = Backend.open(settings, clock)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        backend.warm_up()  # before the server listens: its first requests find the engine built, once
        # Every sync route and dependency runs in anyio's thread pool (40 threads by default): bounded here,
        # the requests beyond it wait in line (FIFO) instead of all running at once at a fraction of the speed.
        to_thread.current_default_thread_limiter().total_tokens = settings.request_threads
        yield
        backend.close()

    app = FastAPI(
        title="oars clinic API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads from a CDN, which an offline app must not; the schema is served
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.settings = settings
    app.state.backend = backend
    app.state.accounts = Accounts(backend, Passwords.from_settings(settings))
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    index_routes(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, settings=settings)
    app.add_middleware(RequestLog)  # outermost of ours: it sees every status, including 413 and crashes
    app.add_exception_handler(WebError, _web_error)  # type: ignore[arg-type]
    app.add_exception_handler(SessionEndedError, _session_ended)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, _store_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    return app


def app_from_environment() -> FastAPI:
    """The factory ``oars serve`` gives uvicorn: every worker process builds its app from ``OARS_*``."""
    return create_app(Settings())


def _api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _api(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    if status == NotAuthenticated.status:
        target = "/login?next=" + quote(request.url.path) if request.method == "GET" else "/login"
        if request.headers.get("hx-request"):
            return Response(status_code=401, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)
    actor = Actor(None)
    return render(request, "error.html", actor, status=status, message=message, headers=headers)


async def _web_error(request: Request, error: WebError) -> Response:
    headers = {"Retry-After": str(error.retry_after)} if isinstance(error, RateLimited) else None
    return _error(request, error.status, str(error), headers)


async def _session_ended(request: Request, error: SessionEndedError) -> Response:
    return _error(request, 409, "this conversation has ended; start a new one")


async def _store_error(request: Request, error: StoreError) -> Response:
    """The database failed: nothing was done. The message names the database, so it is logged, not shown."""
    route = route_template(request.scope) or "(no route)"
    log.error("database error (%s) in %s %s", type(error.__cause__).__name__, request.method, route)
    return _error(request, 503, "the database is not available; nothing was saved — try again shortly")


async def _http_error(request: Request, error: HTTPException) -> Response:
    return _error(request, error.status_code, str(error.detail), dict(error.headers or {}) or None)


async def _invalid_request(request: Request, error: RequestValidationError) -> Response:
    """FastAPI's 422 for the API (it says which field); a page gets a plain explanation."""
    if _api(request):
        errors = [{k: v for k, v in e.items() if k in ("type", "loc", "msg")} for e in error.errors()]
        return JSONResponse({"detail": errors}, status_code=422)
    return _error(request, 422, "some of what was sent is missing or not valid; go back and check the form")
