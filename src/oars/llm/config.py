"""Where the optional language model lives, and whether client text may be sent there.

oars is offline by default. A clinic that runs a model server (llama.cpp, Ollama, vLLM) or pays for a
hosted OpenAI-compatible API can point oars at it; the model then only *words* moves the MI policy chose
(``oars.say.llm``). Every message the client writes is part of the prompt, so the endpoint decides where
client text goes: by default only a loopback address (this machine) is accepted, and anything else needs
an explicit ``allow_remote`` from the clinic — a data-protection decision, not a default.

Settings come from the command line (``--llm URL``, ``--llm-model``, ``--llm-allow-remote``,
``--llm-timeout``) or from the environment (``OARS_LLM_URL``, ``OARS_LLM_MODEL``, ``OARS_LLM_ALLOW_REMOTE``,
``OARS_LLM_TIMEOUT``, ``OARS_LLM_ATTEMPTS``); the API key only ever from the environment
(``OARS_LLM_API_KEY``), so that it appears in no shell history, process list or stored session.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from oars.errors import ConfigError

__all__ = ["API_KEY_ENV", "LLMConfig", "is_loopback"]

API_KEY_ENV = "OARS_LLM_API_KEY"
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


@dataclass(frozen=True)
class LLMConfig:
    """One model endpoint and how to use it.

    ``url`` is the OpenAI-compatible base URL (``http://127.0.0.1:8080/v1``; a URL without a path gets
    ``/v1``, one ending in ``/chat/completions`` loses it). ``model`` may be ``None`` when the server serves
    one model: it is asked for its list once. ``timeout`` bounds one request (seconds); ``retries`` more
    tries after a refused connection, a 429 or a 5xx, waiting ``backoff``, then twice that, … between them.
    ``attempts`` is how many replies the realiser asks for before it keeps the built-in wording.
    ``pause_after`` turns in a row that failed on the server's side stop the realiser asking for
    ``pause_s`` seconds, so that a dead server does not slow every turn.
    """

    url: str
    model: str | None = None
    api_key: str | None = None
    allow_remote: bool = False
    timeout: float = 15.0
    retries: int = 2
    backoff: float = 0.25
    attempts: int = 2
    temperature: float = 0.4
    pause_after: int = 2
    pause_s: float = 60.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", normalise_url(self.url))
        if not self.timeout > 0:
            raise ConfigError(f"the language-model timeout must be above 0 seconds, got {self.timeout}")
        if self.retries < 0 or self.attempts < 1 or self.pause_after < 1:
            raise ConfigError(
                f"language-model retries must be 0 or more and attempts / pause_after 1 or more, got "
                f"retries={self.retries}, attempts={self.attempts}, pause_after={self.pause_after}"
            )
        self.check_privacy()

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    def check_privacy(self) -> None:
        """Refuse an endpoint off this machine unless the clinic allowed it: it would receive client text."""
        if self.allow_remote or is_loopback(self.host):
            return
        raise ConfigError(
            f"refusing to use the language model at {self.url}: {self.host!r} is not a loopback address, and "
            "every prompt carries what the client wrote. Run the model on this machine (127.0.0.1 / localhost), "
            "or, if your clinic's data-protection rules allow sending client messages to that server, say so "
            "with --llm-allow-remote or OARS_LLM_ALLOW_REMOTE=1"
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> LLMConfig | None:
        """The configuration in ``OARS_LLM_*`` with ``overrides`` (options given on the command line, ``None``
        meaning "not given") on top; ``None`` when no URL is set anywhere (the built-in realiser only)."""
        env = os.environ if environ is None else environ
        given = {k: v for k, v in overrides.items() if v is not None}
        url = given.pop("url", None) or env.get("OARS_LLM_URL") or None
        if url is None:
            if given.get("allow_remote") or given.get("model"):
                raise ConfigError("--llm-model and --llm-allow-remote need --llm URL (or OARS_LLM_URL)")
            return None
        settings: dict[str, object] = {"url": url, "api_key": env.get(API_KEY_ENV) or None}
        if env.get("OARS_LLM_MODEL"):
            settings["model"] = env["OARS_LLM_MODEL"]
        settings["allow_remote"] = _flag(env.get("OARS_LLM_ALLOW_REMOTE", ""), "OARS_LLM_ALLOW_REMOTE")
        for name, kind in (("timeout", float), ("attempts", int)):
            raw = env.get(f"OARS_LLM_{name.upper()}")
            if raw:
                try:
                    settings[name] = kind(raw)
                except ValueError:
                    raise ConfigError(f"OARS_LLM_{name.upper()} must be a number, got {raw!r}") from None
        if given.get("allow_remote") is False:
            given.pop("allow_remote")  # a flag left off on the command line does not undo the environment
        return cls(**{**settings, **given})  # type: ignore[arg-type]


def normalise_url(url: str) -> str:
    """The base URL the ``/chat/completions`` and ``/models`` paths are added to."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"the language-model URL must be http:// or https:// with a host, got {url!r}")
    path = parts.path.rstrip("/").removesuffix("/chat/completions")
    return urlunsplit((parts.scheme, parts.netloc, path or "/v1", "", ""))


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine: ``localhost`` or an address in 127.0.0.0/8 or ::1.

    Decided from the name as written, never from DNS: a name that merely resolves to 127.0.0.1 today is
    not trusted with client text.
    """
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def _flag(raw: str, name: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name} must be 1 or 0 (true / false), got {raw!r}")
