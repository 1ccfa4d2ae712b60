"""``oars personas``, ``oars practice`` and ``oars simulate`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from oars.cli import app
from oars.practice import shipped_personas


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_personas_lists_every_shipped_persona(runner: CliRunner) -> None:
    result = runner.invoke(app, ["personas"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for persona in shipped_personas().values():
        assert persona.id in result.output and persona.name in result.output


def test_practice_with_piped_input(runner: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "session.html"
    script = "What brings you in today?\nDo you drink every day?\n/feedback off\nWhat else?\n/help\n/end\n"
    result = runner.invoke(
        app, ["practice", "--persona", "heavy-drinking", "--seed", "2", "--report", str(report)], input=script
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Tom, 47" in out and "Self-employed electrician" in out  # the persona card
    card = out.split("You are the clinician")[0]
    assert "drive home" not in card and "Emma up from a party" not in card  # the hidden concern stays hidden
    assert out.count("Tom:") == 3
    assert "That was a closed question" in out
    assert out.count("↳") == 2  # feedback under the first two turns, then switched off
    assert "Feedback off." in out and "/feedback on|off" in out
    assert "MITI summary" in out and "How the client moved" in out
    assert report.exists() and "Practice: how the client moved" in report.read_text(encoding="utf-8")


def test_practice_ends_at_end_of_input_and_with_no_turns(runner: CliRunner) -> None:
    result = runner.invoke(app, ["practice", "--persona", "gambling"], input="/end\n")
    assert result.exit_code == 0, result.output
    assert "Aaron" in result.output and "No turns to summarise." in result.output
    result = runner.invoke(app, ["practice", "--persona", "gambling"], input="")
    assert result.exit_code == 0, result.output


def test_practice_with_a_persona_file(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load((Path(__file__).parents[2] / "src/oars/practice/personas/gambling.yaml").read_text())
    data["name"] = "Zed"
    path = tmp_path / "zed.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(app, ["practice", "--persona", str(path)], input="/end\n")
    assert result.exit_code == 0, result.output
    assert "Zed, 31" in result.output


def test_unknown_persona_is_a_clear_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["practice", "--persona", "nobody"], input="/end\n")
    assert result.exit_code == 2
    assert "error: unknown persona 'nobody'" in result.output
    assert "heavy-drinking" in result.output and "social-anxiety" in result.output


def test_bad_persona_file_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("name: Zed\nage: lots\n", encoding="utf-8")
    result = runner.invoke(app, ["simulate", "--persona", str(path)])
    assert result.exit_code == 2
    assert f"{path}, line 2: age: expected a whole number" in result.output
    assert "Traceback" not in result.output


def test_simulate_json_shape(runner: CliRunner) -> None:
    result = runner.invoke(app, ["simulate", "--persona", "vaping-parent", "--turns", "2", "--seed", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (session,) = data["sessions"]
    assert set(session) >= {"id", "crisis", "turns", "persona", "receptivity"}
    assert session["persona"] == "vaping-parent" and len(session["receptivity"]) == 3
    assert {tuple(sorted(t)) for t in session["turns"]} == {
        ("move", "process", "speaker", "text"),
        ("crisis", "speaker", "talk", "text"),
    }


def test_simulate_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["simulate", "--persona", "gambling", "--turns", "1", "--format", "text"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# selfplay-gambling-0 (Aaron")
    assert "Aaron:" in result.stdout and "receptivity: 0.40" in result.stdout


def test_report_folder_is_checked_before_the_session(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "session.html"
    result = runner.invoke(app, ["practice", "--persona", "gambling", "--report", str(target)], input="Hi\n/end\n")
    assert result.exit_code == 2
    assert "the folder for the report does not exist" in result.output
    assert "Aaron:" not in result.output
