"""``write_report`` replaces the file in one step: a failure leaves the old report or none, never half."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from oars.coder import CodedTranscript
from oars.report import html as report_html
from oars.report import render_report, write_report

WHEN = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


def test_writes_the_rendered_page(tmp_path: Path, session: CodedTranscript) -> None:
    path = tmp_path / "report.html"
    write_report(path, session, generated_at=WHEN, title="Review")
    assert path.read_text(encoding="utf-8") == render_report(session, generated_at=WHEN, title="Review")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_replaces_an_existing_report(tmp_path: Path, session: CodedTranscript) -> None:
    path = tmp_path / "report.html"
    path.write_text("old", encoding="utf-8")
    write_report(str(path), [session], generated_at=WHEN)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _boom(*_: object, **__: object) -> None:
    raise RuntimeError("simulated failure")


@pytest.mark.parametrize("existing", [True, False], ids=["previous report", "no previous report"])
@pytest.mark.parametrize("where", ["render_report", "fsync"])
def test_a_failure_leaves_the_previous_file_or_none(
    tmp_path: Path, session: CodedTranscript, monkeypatch: pytest.MonkeyPatch, where: str, existing: bool
) -> None:
    path = tmp_path / "report.html"
    if existing:
        path.write_text("previous report", encoding="utf-8")
    if where == "fsync":  # fails after the temporary file has been created and written
        monkeypatch.setattr(os, "fsync", _boom)
    else:
        monkeypatch.setattr(report_html, "render_report", _boom)
    with pytest.raises(RuntimeError, match="simulated failure"):
        write_report(path, session)
    if existing:
        assert path.read_text(encoding="utf-8") == "previous report"
        assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    else:
        assert list(tmp_path.iterdir()) == []
