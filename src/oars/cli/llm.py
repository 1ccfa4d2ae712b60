"""The ``--llm`` options shared by ``oars chat`` and ``oars practice``, and what they build."""

from __future__ import annotations

from typing import Annotated

import typer

from oars.llm import ChatClient, LLMConfig

__all__ = ["LLMAllowRemote", "LLMModel", "LLMTimeout", "LLMUrl", "llm_client"]

LLMUrl = Annotated[
    str | None,
    typer.Option(
        "--llm",
        metavar="URL",
        help="Let a language model at this OpenAI-compatible URL word the replies (default: $OARS_LLM_URL); "
        "every reply still passes the guard, and the built-in wording is the fallback. Key: $OARS_LLM_API_KEY.",
    ),
]
LLMModel = Annotated[
    str | None,
    typer.Option(
        "--llm-model", metavar="NAME", help="The model's name (default: $OARS_LLM_MODEL, else the server's first)."
    ),
]
LLMAllowRemote = Annotated[
    bool,
    typer.Option(
        "--llm-allow-remote",
        help="Allow sending client messages to a model that is not on this machine (default: loopback only).",
    ),
]
LLMTimeout = Annotated[
    float | None,
    typer.Option("--llm-timeout", metavar="SECONDS", min=0.1, help="Longest wait for one model reply (default 15)."),
]


def llm_client(url: str | None, model: str | None, allow_remote: bool, timeout: float | None) -> ChatClient | None:
    """The client for the configured model, or ``None`` when none is configured (built-in wording only).
    Raises :class:`~oars.errors.ConfigError` for a bad URL or an endpoint the privacy switch refuses."""
    config = LLMConfig.from_env(url=url, model=model, allow_remote=allow_remote, timeout=timeout)
    return ChatClient(config) if config is not None else None
