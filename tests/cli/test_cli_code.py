"""``oars code`` end to end through the CLI: formats, many files, errors that write nothing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oars.cli import app

SESSION = """Counsellor: Hi, what would you like to talk about today?
Client: My drinking, I guess. My wife is worried about it.
Counsellor: Your wife's worry is part of what brought you here.
Client: Yeah. And I want to be around for my kids.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "session.txt"
    path.write_text(SESSION, encoding="utf-8")
    return path


def test_table_output_shows_codes_and_summary(runner: CliRunner, session: Path) -> None:
    result = runner.invoke(app, ["code", str(session)])
    assert result.exit_code == 0, result.output
    assert "coded utterances" in result.output
    assert "Reflection : question" in result.output
    assert "Estimated globals" in result.output


def test_json_output_follows_the_contract(runner: CliRunner, session: Path) -> None:
    result = runner.invoke(app, ["code", str(session), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (transcript,) = data["transcripts"]
    assert transcript["id"] == "session.txt"
    assert [u["speaker"] for u in transcript["utterances"]] == ["counsellor", "client"] * 2
    assert transcript["summary"]["globals"]["estimated"] is True


def test_csv_output_has_one_row_per_utterance(runner: CliRunner, session: Path) -> None:
    result = runner.invoke(app, ["code", str(session), "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4
    assert rows[1]["speaker"] == "client" and rows[1]["talk"] in {"change", "neutral", "sustain"}


def test_output_file_and_html_report(runner: CliRunner, session: Path, tmp_path: Path) -> None:
    out, report = tmp_path / "codes.json", tmp_path / "report.html"
    result = runner.invoke(app, ["code", str(session), "-f", "json", "-o", str(out), "--html", str(report)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["transcripts"][0]["id"] == "session.txt"
    assert "<svg" in report.read_text(encoding="utf-8")


def test_many_files_get_a_summary_table(runner: CliRunner, session: Path, tmp_path: Path) -> None:
    second = tmp_path / "second.jsonl"
    second.write_text('{"speaker": "counsellor", "text": "How are you?"}\n{"speaker": "client", "text": "Fine."}\n')
    result = runner.invoke(app, ["code", str(session), str(second)])
    assert result.exit_code == 0, result.output
    assert "2 transcripts" in result.output
    assert "session.txt" in result.output and "second.jsonl" in result.output


def test_glob_patterns_are_expanded(runner: CliRunner, session: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", str(tmp_path / "*.txt"), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["transcripts"]) == 1


def test_a_bad_file_stops_everything_and_writes_nothing(runner: CliRunner, session: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"speaker": "counsellor", "text": "Hi"}\n{not json\n', encoding="utf-8")
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["code", str(session), str(bad), "-f", "json", "-o", str(out)])
    assert result.exit_code == 2
    assert "bad.jsonl, line 2" in result.output
    assert not out.exists()


def test_skip_bad_codes_the_rest_and_still_fails(runner: CliRunner, session: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Client: caf\xe9\n")
    result = runner.invoke(app, ["code", str(session), str(bad), "-f", "json", "--skip-bad"])
    assert result.exit_code == 2
    assert "not UTF-8" in result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["code", "missing.txt"], "no such file"),
        (["code", "{dir}/nothing-*.vtt"], "no files match"),
        (["code", "{session}", "--input-format", "docx"], "unknown --input-format"),
        (["code", "{session}", "-o", "out.json"], "--output needs --format json or csv"),
    ],
)
def test_usage_errors(runner: CliRunner, session: Path, arguments: list[str], message: str) -> None:
    filled = [a.format(dir=session.parent, session=session) for a in arguments]
    result = runner.invoke(app, filled)
    assert result.exit_code == 2
    assert message in result.output


def test_empty_file_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.vtt"
    empty.write_text("WEBVTT\n\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(empty)])
    assert result.exit_code == 2
    assert "empty.vtt" in result.output
