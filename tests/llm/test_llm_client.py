"""The chat-completions client against a real HTTP server on loopback: answers, retries, timeouts, a dead port."""

from __future__ import annotations

import itertools
import socket
import time

import pytest
from fake_server import Scripted, fake_server

from oars.errors import LanguageModelError
from oars.llm import ChatClient, LLMConfig

MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello."}]


def dead_url() -> str:
    """A loopback port nobody listens on (bound, then closed): connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def test_a_completion_and_the_model_name_from_the_server() -> None:
    with fake_server(lambda request: "Hello.", model="tiny") as server:
        client = ChatClient(LLMConfig(server.url))
        done = client.complete(MESSAGES, max_tokens=20, seed=7)
        assert (done.text, done.finish, done.tries) == ("Hello.", "stop", 1)
        assert client.model == "tiny"
        sent = server.completions[0]
        assert sent["model"] == "tiny" and sent["messages"] == MESSAGES and sent["max_tokens"] == 20
        assert sent["seed"] == 7 and sent["stream"] is False
        assert sent["_authorization"] is None  # no key configured: no header


def test_the_api_key_goes_in_the_authorization_header() -> None:
    with fake_server(lambda request: "Hi.") as server:
        ChatClient(LLMConfig(server.url, model="m", api_key="sk-test")).complete(MESSAGES, max_tokens=5)
        assert server.completions[0]["_authorization"] == "Bearer sk-test"


def test_server_errors_are_retried_with_back_off_then_succeed() -> None:
    answers = itertools.chain([Scripted(status=503), Scripted(status=500)], itertools.repeat(Scripted("Fine.")))
    with fake_server(lambda request: next(answers)) as server:
        client = ChatClient(LLMConfig(server.url, model="m", retries=2, backoff=0.05))
        started = time.perf_counter()
        done = client.complete(MESSAGES, max_tokens=5)
        assert done.text == "Fine." and done.tries == 3
        assert time.perf_counter() - started >= 0.05 + 0.1  # waited 0.05 s, then 0.1 s


def test_a_client_error_is_not_retried_and_says_what_to_check() -> None:
    with fake_server(lambda request: Scripted("bad key", status=401)) as server:
        client = ChatClient(LLMConfig(server.url, model="m", retries=3, backoff=0.01))
        with pytest.raises(LanguageModelError, match=r"HTTP 401 \(check OARS_LLM_API_KEY\): .*bad key"):
            client.complete(MESSAGES, max_tokens=5)
        assert len(server.completions) == 1


def test_persistent_server_errors_give_up_after_the_retries() -> None:
    with fake_server(lambda request: Scripted(status=500)) as server:
        client = ChatClient(LLMConfig(server.url, model="m", retries=2, backoff=0.01))
        with pytest.raises(LanguageModelError, match=r"HTTP 500.*after 3 tries"):
            client.complete(MESSAGES, max_tokens=5)
        assert len(server.completions) == 3


def test_a_timeout_fails_fast_and_is_not_retried() -> None:
    with fake_server(lambda request: Scripted("late", delay=2.0)) as server:
        client = ChatClient(LLMConfig(server.url, model="m", timeout=0.3, retries=2))
        started = time.perf_counter()
        with pytest.raises(LanguageModelError, match=r"within 0.3 s \(timed out\)"):
            client.complete(MESSAGES, max_tokens=5)
        assert time.perf_counter() - started < 1.5
        assert len(server.completions) == 1


def test_a_dead_server_is_reported_quickly() -> None:
    client = ChatClient(LLMConfig(dead_url(), model="m", retries=2, backoff=0.05))
    started = time.perf_counter()
    with pytest.raises(LanguageModelError, match=r"cannot connect to .*\(connection refused\) after 3 tries"):
        client.complete(MESSAGES, max_tokens=5)
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("raw", [{"choices": []}, {"choices": [{"message": {"content": None}}]}, {"id": "x"}])
def test_an_answer_that_is_not_a_chat_completion(raw: dict[str, object]) -> None:
    with fake_server(lambda request: Scripted(raw=raw)) as server:
        client = ChatClient(LLMConfig(server.url, model="m", retries=0))
        with pytest.raises(LanguageModelError, match="not a chat completion"):
            client.complete(MESSAGES, max_tokens=5)


def test_a_wrong_path_is_an_http_error() -> None:
    with fake_server(lambda request: "x") as server:
        client = ChatClient(LLMConfig(server.url.replace("/v1", "/nope"), model="m", retries=0))
        with pytest.raises(LanguageModelError, match="HTTP 404"):
            client.complete(MESSAGES, max_tokens=5)


def test_a_server_without_models_needs_a_model_name() -> None:
    with fake_server(lambda request: "x") as server:
        client = ChatClient(LLMConfig(server.url.replace("/v1", "/empty"), retries=0))
        with pytest.raises(LanguageModelError, match="HTTP 404"):
            _ = client.model
