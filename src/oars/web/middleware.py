"""Plain ASGI middleware: body size limits, security headers, and request logs without clinical text.

* ``BodyLimit`` refuses a body over the limit with 413 — at once when ``Content-Length`` says so, and
  while it streams in otherwise (chunked uploads cannot sneak past). Multipart uploads get
  ``max_upload_bytes``, everything else ``max_body_bytes``.
* ``SecurityHeaders`` adds the CSP (unless a route set its own), nosniff, no framing, no referrer (an
  invite link must not leak through it), and ``Cache-Control: no-store`` on everything but static files,
  so a shared computer's browser cache keeps no clinical page.
* ``RequestLog`` logs one line per request: method, route template, status, time and the account id.
  Never the raw URL, the query, the body or an exception's message — those can hold clinical text or
  secrets. An unhandled exception is logged as its type and traceback frames only, and answered 500.
"""

from __future__ import annotations

import logging
import time
import traceback
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from oars.web.routing import route_template
from oars.web.security import content_security_policy
from oars.web.settings import Settings

__all__ = ["BodyLimit", "RequestLog", "SecurityHeaders"]

log = logging.getLogger("oars.web")


class BodyLimit:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        multipart = headers.get(b"content-type", b"").startswith(b"multipart/form-data")
        limit = self.settings.max_upload_bytes if multipart else self.settings.max_body_bytes
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await _too_large(scope, send, limit)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise HTTPException(413, f"the request body is larger than the {limit:,} bytes allowed")
            return message

        await self.app(scope, limited, send)


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    """Answer 413 without reading the body (the server closes the connection rather than drain it)."""
    api = scope["path"].startswith("/api/")
    body = (
        b'{"detail":"the request body is larger than the %d bytes allowed"}' % limit
        if api
        else b"<!doctype html><title>Too large</title><h1>That was too large</h1><p>Go back and send less.</p>"
    )
    content_type = b"application/json" if api else b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.csp = content_security_policy().encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")
        https = scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                added = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
                ]
                if b"content-security-policy" not in present:
                    added.append((b"content-security-policy", self.csp))
                if not static and b"cache-control" not in present:
                    added.append((b"cache-control", b"no-store"))
                if https:
                    added.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = [*message.get("headers", []), *added]
            await send(message)

        await self.app(scope, receive, with_headers)


class RequestLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: dict[str, Any] = {"code": 500, "sent": False}

        async def noting(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"], status["sent"] = message["status"], True
            await send(message)

        try:
            await self.app(scope, receive, noting)
        except Exception as error:
            frames = "".join(traceback.format_tb(error.__traceback__))
            log.error("unhandled %s in %s:\n%s", type(error).__name__, _route(scope), frames)
            if not status["sent"]:
                await _server_error(send)
        finally:
            log.info(
                "%s %s %s %.0fms account=%s",
                scope["method"],
                _route(scope),
                status["code"],
                (time.perf_counter() - started) * 1000,
                scope.get("state", {}).get("account_id", "-"),
            )


def _route(scope: Scope) -> str:
    """The matched route's template ("/api/v1/sessions/{session_id}"), or a placeholder: never the raw path."""
    template = route_template(scope)
    if template is not None:
        return template
    return "/static/…" if scope["path"].startswith("/static/") else "(no route)"


async def _server_error(send: Send) -> None:
    body = b'{"detail":"internal error; it has been logged"}'
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
