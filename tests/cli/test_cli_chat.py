"""``oars chat --script``, interactive chat with piped input, and ``oars sessions``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oars.cli import app

SCRIPT = """I've been smoking more since the baby came.
My partner hates it.

I know I should stop but it's the only break I get.
---
I keep skipping my tablets when I feel okay.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'oars.db'}"


def test_script_json_contract(runner: CliRunner, tmp_path: Path, db: str) -> None:
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    result = runner.invoke(app, ["chat", "--script", str(script), "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    sessions = json.loads(result.stdout)["sessions"]
    assert len(sessions) == 2
    first = sessions[0]
    assert first["crisis"] is False and first["id"]
    assert [t["speaker"] for t in first["turns"]] == ["counsellor"] + ["client", "counsellor"] * 3
    opening, client, reply = first["turns"][:3]
    assert opening["move"] == "opening" and opening["process"] == "engaging"
    assert set(client) == {"speaker", "text", "talk", "crisis"} and client["talk"] in {"change", "neutral", "sustain"}
    assert {"speaker", "text", "move", "process"} <= set(reply)
    assert len(sessions[1]["turns"]) == 3


def test_script_text_format_and_memory_store(runner: CliRunner, tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text("I want to gamble less.\n", encoding="utf-8")
    result = runner.invoke(app, ["chat", "--script", str(script), "--format", "text", "--db", "memory"])
    assert result.exit_code == 0, result.output
    assert "Client: I want to gamble less." in result.stdout
    assert result.stdout.count("Counsellor:") == 2


def test_crisis_in_a_script_marks_the_session(runner: CliRunner, tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text("Work is hard.\nI have been thinking about ending my life.\n", encoding="utf-8")
    result = runner.invoke(app, ["chat", "--script", str(script), "--db", "memory"])
    session = json.loads(result.stdout)["sessions"][0]
    assert session["crisis"] is True
    assert session["turns"][-2]["crisis"] is True and "988" in session["turns"][-1]["text"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "no client lines"), (b"---\n\n---\n", "no client lines"), (b"caf\xe9\n", "not UTF-8")],
)
def test_bad_scripts(runner: CliRunner, tmp_path: Path, content: bytes, message: str) -> None:
    script = tmp_path / "script.txt"
    script.write_bytes(content)
    result = runner.invoke(app, ["chat", "--script", str(script), "--db", "memory"])
    assert result.exit_code == 2
    assert message in result.output


def test_unknown_format_and_locale(runner: CliRunner, tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text("hello\n", encoding="utf-8")
    assert "unknown --format" in runner.invoke(app, ["chat", "--script", str(script), "-f", "xml"]).output
    result = runner.invoke(app, ["chat", "--script", str(script), "--locale", "XX", "--db", "memory"])
    assert result.exit_code == 2 and "US" in result.output


def test_interactive_chat_with_commands_then_resume_and_sessions(runner: CliRunner, db: str) -> None:
    typed = "I drink too much on weekends.\n/plan\n/help\n/bogus\n/quit\n"
    result = runner.invoke(app, ["chat", "--db", db], input=typed)
    assert result.exit_code == 0, result.output
    assert "automated program" in result.output
    assert "No change plan yet." in result.output
    assert "Unknown command" in result.output
    listing = runner.invoke(app, ["sessions", "--db", db])
    assert listing.exit_code == 0 and "I drink" in listing.output
    session_id = json.loads(
        runner.invoke(app, ["sessions", "show", _first_id(listing.output), "-f", "json", "--db", db]).stdout
    )["id"]
    shown = runner.invoke(app, ["sessions", "show", session_id[:8], "--db", db])
    assert "Client: I drink too much on weekends." in shown.stdout
    deleted = runner.invoke(app, ["sessions", "delete", session_id, "--yes", "--db", db])
    assert deleted.exit_code == 0
    assert "no session" in runner.invoke(app, ["sessions", "show", session_id, "--db", db]).output.lower()


def test_resume_unknown_session(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["chat", "--db", db, "--resume", "abcdef12"], input="/quit\n")
    assert result.exit_code == 2


def _first_id(listing: str) -> str:
    for line in listing.splitlines():
        cells = [c.strip() for c in line.split("│") if c.strip()]
        if cells and len(cells[0]) == 8 and all(ch in "0123456789abcdef" for ch in cells[0]):
            return cells[0]
    raise AssertionError(listing)


def test_interactive_chat_in_memory_says_nothing_was_saved(runner: CliRunner) -> None:
    result = runner.invoke(app, ["chat", "--db", "memory"], input="I smoke more than I'd like.\n/quit\n")
    assert result.exit_code == 0, result.output
    assert "Nothing was saved" in result.output and "Session saved" not in result.output
