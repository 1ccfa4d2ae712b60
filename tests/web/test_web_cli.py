"""``oars db upgrade``, ``oars admin create`` and ``oars serve`` (started for real, on a free port)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from oars.cli import app

runner = CliRunner()


@pytest.fixture
def development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OARS_ENV", "development")
    monkeypatch.setenv("OARS_PASSWORD_MEMORY_KIB", "8")
    monkeypatch.setenv("OARS_PASSWORD_PARALLELISM", "1")


def test_db_upgrade_creates_the_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'oars.db'}"
    result = runner.invoke(app, ["db", "upgrade", "--db", url])
    assert result.exit_code == 0, result.output
    assert "revision 0003" in result.output


def test_admin_create_takes_the_password_from_stdin_or_twice_at_the_prompt(tmp_path: Path, development: None) -> None:
    url = f"sqlite:///{tmp_path / 'oars.db'}"
    piped = runner.invoke(
        app,
        ["admin", "create", "--email", "boss@example.org", "--db", url, "--password-stdin"],
        input="long enough pw\n",
    )
    assert piped.exit_code == 0, piped.output
    prompted = runner.invoke(
        app, ["admin", "create", "--email", "two@example.org", "--db", url], input="pw number two\n" * 2
    )
    assert prompted.exit_code == 0, prompted.output
    again = runner.invoke(
        app,
        ["admin", "create", "--email", "boss@example.org", "--db", url, "--password-stdin"],
        input="long enough pw\n",
    )
    assert again.exit_code == 2 and "already exists" in again.output
    short = runner.invoke(
        app, ["admin", "create", "--email", "s@example.org", "--db", url, "--password-stdin"], input="x\n"
    )
    assert short.exit_code == 2 and "at least 10 characters" in short.output


def test_serve_refuses_to_start_with_the_default_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OARS_ENV", raising=False)
    monkeypatch.delenv("OARS_SECRET_KEY", raising=False)
    result = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'oars.db'}"])
    assert result.exit_code == 2 and "OARS_SECRET_KEY" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_serve_prints_its_url_when_ready_and_answers(tmp_path: Path, workers: int) -> None:
    # With several workers the URL is printed before they have loaded their models: the first request
    # must wait for one, not be refused.
    env = {**os.environ, "OARS_ENV": "development"}
    command = [sys.executable, "-c", "from oars.cli import main; main()", "serve", "--port", "0"]
    server = subprocess.Popen(
        [*command, "--workers", str(workers), "--db", f"sqlite:///{tmp_path / 'oars.db'}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = _ready_url(server, deadline=time.monotonic() + 120)
        response = httpx.get(url + "crisis", timeout=30)
        assert response.status_code == 200 and "988" in response.text
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stdout is not None:
            server.stdout.close()


def _ready_url(server: subprocess.Popen[str], deadline: float) -> str:
    assert server.stdout is not None
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        if line.startswith("oars serve: ready at "):
            return line.removeprefix("oars serve: ready at ").strip()
        if not line and server.poll() is not None:
            break
    raise AssertionError("oars serve did not print its URL")
