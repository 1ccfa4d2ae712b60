"""The privacy switch and the settings: client text goes to this machine unless the clinic says otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from oars.cli import app
from oars.errors import ConfigError
from oars.llm import LLMConfig, is_loopback


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.8.9.10", "localhost", "LOCALHOST", "::1", "[::1]", "::ffff:127.0.0.1"]
)
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize(
    "host",
    ["example.org", "10.0.0.1", "192.168.1.5", "0.0.0.0", "::", "127.0.0.1.nip.io", "localhost.example.org", ""],
)
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


@pytest.mark.parametrize("url", ["https://api.example.org/v1", "http://10.1.2.3:8000/v1", "http://0.0.0.0:8080"])
def test_a_remote_endpoint_is_refused_by_default_and_says_why(url: str) -> None:
    with pytest.raises(ConfigError) as error:
        LLMConfig(url)
    message = str(error.value)
    assert "not a loopback address" in message and "what the client wrote" in message
    assert "--llm-allow-remote" in message and "OARS_LLM_ALLOW_REMOTE=1" in message


def test_a_remote_endpoint_is_accepted_when_the_clinic_allows_it() -> None:
    assert LLMConfig("https://api.example.org/v1", allow_remote=True).host == "api.example.org"


@pytest.mark.parametrize(
    ("given", "base"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/v1"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/v1"),
        ("http://localhost:11434/v1/", "http://localhost:11434/v1"),
        ("http://127.0.0.1:8000/v1/chat/completions", "http://127.0.0.1:8000/v1"),
        ("http://[::1]:9000/openai/v1", "http://[::1]:9000/openai/v1"),
    ],
)
def test_base_url_normalised(given: str, base: str) -> None:
    assert LLMConfig(given).url == base


@pytest.mark.parametrize("url", ["127.0.0.1:8080", "ftp://127.0.0.1/v1", "http:///v1", ""])
def test_bad_urls(url: str) -> None:
    with pytest.raises(ConfigError, match="http:// or https://"):
        LLMConfig(url)


@pytest.mark.parametrize("options", [{"timeout": 0}, {"attempts": 0}, {"retries": -1}])
def test_bad_numbers(options: dict[str, float]) -> None:
    with pytest.raises(ConfigError):
        LLMConfig("http://127.0.0.1:1/v1", **options)  # type: ignore[arg-type]


def test_from_env_reads_oars_llm_settings_and_the_key_only_from_the_environment() -> None:
    env = {
        "OARS_LLM_URL": "http://localhost:11434",
        "OARS_LLM_MODEL": "qwen",
        "OARS_LLM_API_KEY": "sk-secret",
        "OARS_LLM_TIMEOUT": "4.5",
        "OARS_LLM_ATTEMPTS": "3",
    }
    config = LLMConfig.from_env(env)
    assert config is not None
    assert (config.url, config.model, config.api_key, config.timeout, config.attempts) == (
        "http://localhost:11434/v1",
        "qwen",
        "sk-secret",
        4.5,
        3,
    )
    assert LLMConfig.from_env({}) is None  # nothing configured: the built-in realiser only
    overridden = LLMConfig.from_env(env, url="http://127.0.0.1:9/v1", model="other", timeout=None)
    assert overridden is not None and (overridden.url, overridden.model, overridden.timeout) == (
        "http://127.0.0.1:9/v1",
        "other",
        4.5,
    )


def test_from_env_privacy_switch() -> None:
    remote = {"OARS_LLM_URL": "https://api.example.org/v1"}
    with pytest.raises(ConfigError, match="not a loopback address"):
        LLMConfig.from_env(remote)
    assert LLMConfig.from_env({**remote, "OARS_LLM_ALLOW_REMOTE": "1"}) is not None
    assert LLMConfig.from_env(remote, allow_remote=True) is not None
    with pytest.raises(ConfigError, match="must be 1 or 0"):
        LLMConfig.from_env({**remote, "OARS_LLM_ALLOW_REMOTE": "maybe"})
    with pytest.raises(ConfigError, match="OARS_LLM_TIMEOUT must be a number"):
        LLMConfig.from_env({"OARS_LLM_URL": "http://127.0.0.1:1", "OARS_LLM_TIMEOUT": "soon"})
    with pytest.raises(ConfigError, match="need --llm URL"):
        LLMConfig.from_env({}, model="x")


def test_the_cli_refuses_a_remote_model_before_anything_is_sent(tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_text("I drink too much.\n", encoding="utf-8")
    for command in (
        ["chat", "--script", str(script), "--db", "memory", "--llm", "https://api.example.org/v1"],
        ["practice", "--persona", "gambling", "--llm", "http://192.168.0.10:8080/v1"],
    ):
        result = CliRunner().invoke(app, command, input="/end\n", env={"OARS_LLM_ALLOW_REMOTE": ""})
        assert result.exit_code == 2, result.output
        assert "not a loopback address" in result.output and "--llm-allow-remote" in result.output
        assert "Counsellor" not in result.output and "sessions" not in result.output
