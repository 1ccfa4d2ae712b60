"""A real HTTP server for the web app on a free loopback port, and the headless Chromium that drives it.

Shared by the browser tests (``test_web_browser.py``) and the screenshot script (``docs/screenshots.py``):

* ``LiveServer(app)`` runs uvicorn — the server ``oars serve`` runs — in a background thread, on a
  socket bound to ``127.0.0.1`` port 0, so the browser talks HTTP to the app as it would in a clinic.
* ``chromium_problem()`` says why no browser test can run here (``OARS_TEST_CHROMIUM`` unset, Playwright
  missing), or None; ``launch_chromium`` starts that executable headless. Playwright's own browser
  downloads are never used: CI installs Debian's ``chromium`` and names it in ``OARS_TEST_CHROMIUM``.
* ``ApiSeed`` sets up people and data through the JSON API (what a browser need not click through).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx
import uvicorn
from fastapi import FastAPI

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

__all__ = ["CHROMIUM_ENV", "ApiSeed", "LiveServer", "chromium_problem", "launch_chromium"]

CHROMIUM_ENV = "OARS_TEST_CHROMIUM"


class LiveServer:
    """``with LiveServer(app) as server:`` — uvicorn serving ``app`` at ``server.url`` until the block ends."""

    def __init__(self, app: FastAPI, *, startup_seconds: float = 60) -> None:
        self.app = app
        self.startup_seconds = startup_seconds
        self.url = ""
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> LiveServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        # The app's own start-up runs (as under `oars serve`); log_config None leaves the caller's logging alone.
        config = uvicorn.Config(
            self.app, lifespan="on", log_config=None, access_log=False, server_header=False, log_level="warning"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + self.startup_seconds
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        assert self._server is not None and self._thread is not None
        self._server.should_exit = True
        self._thread.join(timeout=30)


def chromium_problem() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not os.environ.get(CHROMIUM_ENV):
        return f"{CHROMIUM_ENV} is not set (e.g. {CHROMIUM_ENV}=/usr/bin/chromium; .ci/run sets it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    return None


def launch_chromium(playwright: Playwright) -> Browser:
    """Headless Chromium from ``OARS_TEST_CHROMIUM`` (never a browser Playwright downloaded)."""
    return playwright.chromium.launch(executable_path=os.environ[CHROMIUM_ENV], headless=True)


class ApiSeed:
    """People and data made through the JSON API of a running server (as a program would)."""

    def __init__(self, base_url: str, password: str) -> None:
        self.base_url = base_url
        self.password = password

    def invite_client(self, clinician_token: str, email: str, name: str, locale: str | None = None) -> str:
        """A new client of the token's clinician; returns the one-time invitation URL."""
        body: dict[str, Any] = {"email": email, "name": name}
        if locale:
            body["locale"] = locale
        with self._client(token=clinician_token) as http:
            created = http.post("/api/v1/clients", json=body)
            created.raise_for_status()
            return str(created.json()["invite"]["url"])

    def join(self, invite_url: str) -> None:
        """Use the invitation link: the client's password becomes ``self.password``."""
        with self._client() as http:
            accepted = http.post(
                "/api/v1/invites/accept", json={"token": invite_url.rsplit("/", 1)[1], "password": self.password}
            )
            accepted.raise_for_status()

    def new_client(self, clinician_token: str, email: str, name: str) -> str:
        """Invite and join a client in one go; returns their id."""
        self.join(self.invite_client(clinician_token, email, name))
        with self.logged_in(email) as http:
            return str(http.get("/api/v1/auth/me").json()["user"]["id"])

    @contextmanager
    def logged_in(self, email: str) -> Iterator[httpx.Client]:
        """``with seed.logged_in(email) as http:`` — a cookie session for ``email`` that sends the CSRF header."""
        with self._client() as http:
            response = http.post("/api/v1/auth/login", json={"email": email, "password": self.password})
            response.raise_for_status()
            http.headers["X-CSRF-Token"] = response.json()["csrf_token"]
            yield http

    def _client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.base_url, headers=headers, timeout=60)
