"""A tiny OpenAI-compatible server on loopback with scripted replies (a real HTTP server, not a mock).

``FakeServer(script)`` answers ``POST /v1/chat/completions`` with ``script(request)`` — a reply text, or a
:class:`Scripted` with a delay, an HTTP status or a finish reason — and ``GET /v1/models`` with one model. It
records every request, so a test can prove what the model was (and was not) asked.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Scripted:
    """One scripted answer: ``text`` after ``delay`` seconds, or an HTTP ``status`` error."""

    text: str = ""
    delay: float = 0.0
    status: int = 200
    finish: str = "stop"
    raw: dict[str, Any] | None = None  # sent as the whole body instead of a chat completion


Script = Callable[[dict[str, Any]], "str | Scripted"]


class FakeServer:
    """``with FakeServer(script) as server: server.url`` — stopped (and its thread joined) on exit."""

    def __init__(self, script: Script, *, model: str = "fake-model") -> None:
        self.script = script
        self.model = model
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._http.daemon_threads = True
        self._thread = threading.Thread(target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def completions(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r for r in self.requests if "messages" in r]

    def __enter__(self) -> FakeServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=5)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/") == "/v1/models":
                    self._send(200, {"object": "list", "data": [{"id": server.model, "object": "model"}]})
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                request["_authorization"] = self.headers.get("Authorization")
                with server._lock:
                    server.requests.append(request)
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._send(404, {"error": "not found"})
                    return
                answer = server.script(request)
                scripted = answer if isinstance(answer, Scripted) else Scripted(answer)
                if scripted.delay:
                    time.sleep(scripted.delay)
                if scripted.status != 200 or scripted.raw is not None:
                    self._send(scripted.status, scripted.raw or {"error": {"message": scripted.text or "failure"}})
                    return
                self._send(
                    200,
                    {
                        "id": "chatcmpl-fake",
                        "object": "chat.completion",
                        "model": server.model,
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": scripted.text},
                                "finish_reason": scripted.finish,
                            }
                        ],
                    },
                )

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                body = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

        return Handler


@contextmanager
def fake_server(script: Script, **options: Any) -> Iterator[FakeServer]:
    with FakeServer(script, **options) as server:
        yield server


def user_prompt(request: dict[str, Any]) -> str:
    """The last user message of a chat-completions request: this turn's data and move (the first is the
    fixed worked example)."""
    return [m["content"] for m in request["messages"] if m["role"] == "user"][-1]
