"""``oars code``: MITI 4.2.1 coding of counselling transcripts from the command line."""

from __future__ import annotations

import glob
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from oars.cli.app import app, error_console, fail
from oars.cli.render import coded_table, summary_panel, transcripts_table
from oars.coder import CodedTranscript, Coder
from oars.coder.formats import to_csv, to_json
from oars.errors import OarsError, TranscriptError
from oars.files import write_atomic
from oars.transcript import FORMATS, Transcript, read_transcripts

__all__ = ["code"]

_PROGRESS_FROM = 400  # utterances: below this, coding is over before a bar would be worth drawing


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class ContextMode(StrEnum):
    FULL = "full"
    PAST = "past"


@app.command()
def code(
    files: Annotated[list[str], typer.Argument(help="Transcript files (.txt .jsonl .csv .vtt .srt) or glob patterns.")],
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="table (terminal), json, or csv (one row per utterance)."),
    ] = OutputFormat.TABLE,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write json / csv here instead of the terminal.")
    ] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Also write a self-contained HTML report.")] = None,
    input_format: Annotated[
        str | None, typer.Option("--input-format", help=f"Override detection: {', '.join(FORMATS)}.")
    ] = None,
    counsellor: Annotated[
        str | None,
        typer.Option("--counsellor", help="VTT/SRT: the counsellor's name (default: first speaker)."),
    ] = None,
    context: Annotated[
        ContextMode,
        typer.Option(help="full: read each utterance in the whole conversation; past: only what came before."),
    ] = ContextMode.FULL,
    details: Annotated[bool, typer.Option(help="With several transcripts, show each one's coded table.")] = False,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Code the readable files even if some cannot be read.")
    ] = False,
) -> None:
    """Code counselling transcripts with MITI 4.2.1 behaviour codes and client talk types."""
    if input_format is not None and input_format not in FORMATS:
        fail(f"unknown --input-format {input_format!r}; choose one of {', '.join(FORMATS)}")
    transcripts, problems = _read_all(_expand(files), input_format, counsellor)
    err = error_console()
    for problem in problems:
        err.print(f"[red]error:[/red] {problem}", highlight=False)
    if problems and not (skip_bad and transcripts):
        fail(f"{len(problems)} file(s) could not be read; nothing was written", already_shown=True)
    coded = _code(transcripts, context.value, err)
    _emit(coded, output_format, output, details)
    if html is not None:
        from oars.report import write_report

        write_report(html, coded)
        err.print(f"HTML report written to {html}", highlight=False)
    if problems:
        raise typer.Exit(2)


def _expand(patterns: list[str]) -> list[Path]:
    """Paths, expanding glob patterns the shell left alone (Windows, or quoted patterns)."""
    paths: list[Path] = []
    for pattern in patterns:
        if glob.has_magic(pattern) and not Path(pattern).exists():
            matches = sorted(glob.glob(pattern, recursive=True))  # noqa: PTH207  (absolute patterns too)
            if not matches:
                fail(f"no files match {pattern!r}")
            paths.extend(Path(m) for m in matches)
        else:
            paths.append(Path(pattern))
    return paths


def _read_all(
    paths: list[Path], input_format: str | None, counsellor: str | None
) -> tuple[list[Transcript], list[str]]:
    transcripts: list[Transcript] = []
    problems: list[str] = []
    for path in paths:
        try:
            transcripts.extend(read_transcripts(path, input_format=input_format, counsellor=counsellor))
        except (TranscriptError, OarsError) as error:
            problems.append(str(error))
    return transcripts, problems


def _code(transcripts: list[Transcript], context: str, err: Console) -> list[CodedTranscript]:
    try:
        coder = Coder()
    except OarsError as error:
        fail(str(error), code=1)
    total = sum(len(t) for t in transcripts)
    if total < _PROGRESS_FROM or not err.is_terminal:
        return coder.code_many(transcripts, context=context)  # type: ignore[arg-type]
    columns = (
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("utterances"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("coding", total=total)
        coded = []
        for batch in _batches(transcripts):
            coded.extend(
                coder.code_many(batch, context=context, on_progress=lambda n: progress.advance(task, n))  # type: ignore[arg-type]
            )
    return coded


def _batches(transcripts: list[Transcript], size: int = 2000) -> list[list[Transcript]]:
    """Groups of about ``size`` utterances: big enough to batch well, small enough to show progress."""
    batches: list[list[Transcript]] = [[]]
    count = 0
    for transcript in transcripts:
        if count >= size:
            batches.append([])
            count = 0
        batches[-1].append(transcript)
        count += len(transcript)
    return batches


def _emit(coded: list[CodedTranscript], output_format: OutputFormat, output: Path | None, details: bool) -> None:
    if output_format is OutputFormat.TABLE:
        if output is not None:
            fail("--output needs --format json or csv (the table is for the terminal)")
        _print_tables(coded, details)
        return
    text = to_json(coded) if output_format is OutputFormat.JSON else to_csv(coded)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)


def _print_tables(coded: list[CodedTranscript], details: bool) -> None:
    console = Console()
    if len(coded) == 1 or details:
        for c in coded:
            console.print(coded_table(c))
            console.print(summary_panel(c.summary, f"{c.id} — MITI summary"))
    if len(coded) > 1:
        console.print(transcripts_table(coded))
