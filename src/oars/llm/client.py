"""A small client for the OpenAI-compatible chat-completions protocol (llama.cpp, Ollama, vLLM, hosted APIs).

Only what oars needs: one non-streaming ``POST {base}/chat/completions`` per call, the model's name from
``GET {base}/models`` when none was configured, a bounded wait, and a few quick retries for the failures
that a retry can fix (a refused connection while a server restarts, 429, 5xx), spaced by exponential
back-off. A request that timed out is not retried: a server too slow once is slow again, and the client is
waiting. Every failure is a :class:`~oars.errors.LanguageModelError` whose message says what happened and
never contains the prompt (it holds client text).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from oars.errors import ConfigError, LanguageModelError
from oars.llm.config import LLMConfig

if TYPE_CHECKING:
    import httpx

__all__ = ["ChatClient", "Completion"]

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_CONNECT_TIMEOUT = 3.0  # seconds: a loopback server that does not accept a connection in 3 s is not there
_ERROR_BODY_CHARS = 200


@dataclass(frozen=True)
class Completion:
    """The model's reply: its text, why it stopped (``"stop"``, ``"length"``…), and what it cost."""

    text: str
    finish: str | None
    ms: float
    tries: int


class ChatClient:
    """Talks to one endpoint. Safe to share between threads (one ``httpx.Client`` underneath)."""

    def __init__(self, config: LLMConfig, *, transport: httpx.BaseTransport | None = None) -> None:
        try:
            import httpx
        except ImportError:  # pragma: no cover - httpx is a dependency; a broken install says so plainly
            raise ConfigError("the language-model realiser needs httpx: pip install httpx") from None
        self.config = config
        self._httpx = httpx
        headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}
        self._http = httpx.Client(
            headers=headers,
            timeout=httpx.Timeout(config.timeout, connect=min(config.timeout, _CONNECT_TIMEOUT)),
            transport=transport,
            trust_env=False,  # no proxy from the environment: client text goes where the URL says, nowhere else
            follow_redirects=False,  # nor where a redirect says (the privacy check saw only the URL)
        )
        self._model = config.model
        self._lock = threading.Lock()

    @property
    def model(self) -> str:
        """The model's name: the configured one, else the first the server lists (asked once)."""
        with self._lock:
            if self._model is None:
                listed = self._request("GET", "/models", None).get("data") or []
                names = [m.get("id") for m in listed if isinstance(m, Mapping) and isinstance(m.get("id"), str)]
                if not names:
                    raise LanguageModelError(f"{self.config.url}/models lists no model: name one with --llm-model")
                self._model = names[0]
            return self._model

    def complete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        max_tokens: int,
        temperature: float | None = None,
        seed: int | None = None,
        stop: Sequence[str] = (),
    ) -> Completion:
        """One chat completion (no streaming). Raises :class:`LanguageModelError` on any failure."""
        started = time.perf_counter()
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [dict(m) for m in messages],
            "max_tokens": max_tokens,
            "temperature": self.config.temperature if temperature is None else temperature,
            "stream": False,
        }
        if seed is not None:
            body["seed"] = seed
        if stop:
            body["stop"] = list(stop)
        answer, tries = self._request_counted("POST", "/chat/completions", body)
        try:
            choice = answer["choices"][0]
            text = choice["message"]["content"]
            if not isinstance(text, str):
                raise TypeError(type(text).__name__)
        except (KeyError, IndexError, TypeError) as error:
            raise LanguageModelError(
                f"the server's answer is not a chat completion (no choices[0].message.content: {error})"
            ) from None
        return Completion(text, choice.get("finish_reason"), (time.perf_counter() - started) * 1000, tries)

    def close(self) -> None:
        """Close the connections (also done when the client is garbage-collected)."""
        self._http.close()

    def __enter__(self) -> ChatClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:  # a dropped client must not leave sockets for the garbage collector to warn about
        http = getattr(self, "_http", None)
        if http is not None:
            http.close()

    # -- transport ----------------------------------------------------------------------------------------------

    def _request(self, method: str, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
        return self._request_counted(method, path, body)[0]

    def _request_counted(self, method: str, path: str, body: dict[str, Any] | None) -> tuple[dict[str, Any], int]:
        """The decoded JSON answer and the number of tries it took; retries what a retry can fix."""
        httpx = self._httpx
        url = self.config.url + path
        problem = ""
        for attempt in range(self.config.retries + 1):
            if attempt:
                time.sleep(self.config.backoff * 2 ** (attempt - 1))
            try:
                response = self._http.request(method, url, json=body)
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                problem = f"cannot connect to {self.config.url} ({_reason(error)})"
                continue
            except httpx.TimeoutException:
                raise LanguageModelError(
                    f"no answer from {self.config.url} within {self.config.timeout:g} s (timed out)"
                ) from None
            except httpx.HTTPError as error:
                raise LanguageModelError(f"request to {self.config.url} failed: {_reason(error)}") from None
            if response.status_code in _RETRY_STATUS:
                problem = f"{self.config.url} answered HTTP {response.status_code}: {_excerpt(response)}"
                continue
            if response.status_code >= 400:
                hint = " (check OARS_LLM_API_KEY)" if response.status_code in (401, 403) else ""
                raise LanguageModelError(
                    f"{self.config.url} answered HTTP {response.status_code}{hint}: {_excerpt(response)}"
                )
            try:
                decoded = response.json()
            except ValueError:
                raise LanguageModelError(f"{self.config.url} answered something that is not JSON") from None
            if not isinstance(decoded, dict):
                raise LanguageModelError(f"{self.config.url} answered JSON that is not an object")
            return decoded, attempt + 1
        tries = self.config.retries + 1
        raise LanguageModelError(f"{problem} after {tries} tr{'y' if tries == 1 else 'ies'}")


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return "connection refused" if "refused" in text.lower() else text[:_ERROR_BODY_CHARS]


def _excerpt(response: httpx.Response) -> str:
    return " ".join(response.text.split())[:_ERROR_BODY_CHARS] or "(empty body)"
