"""The root Typer application and the error convention every command shares."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

from oars import __version__

app = typer.Typer(
    name="oars",
    help="Offline Motivational Interviewing: MITI coding, an MI counsellor, practice clients, a clinic app.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

USAGE_ERROR = 2  # bad input or options: the user can fix it


def error_console() -> Console:
    """stderr, never wrapping lines: an error message must stay one greppable line."""
    return Console(stderr=True, soft_wrap=True)


def fail(message: str, *, code: int = USAGE_ERROR, already_shown: bool = False) -> NoReturn:
    """Stop with ``error: message`` on stderr and exit ``code`` (2 = bad input, 1 = oars failed)."""
    if not already_shown or message:
        error_console().print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"oars {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """oars — Motivational Interviewing that runs offline on an ordinary laptop."""
