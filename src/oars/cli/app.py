"""The root Typer application; each command group lives in its own module."""

from __future__ import annotations

import typer

from oars import __version__

app = typer.Typer(
    name="oars",
    help="Offline Motivational Interviewing: MITI coding, an MI counsellor, practice clients, a clinic app.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"oars {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """oars — Motivational Interviewing that runs offline on an ordinary laptop."""


def main() -> None:
    """Console-script entry point."""
    app()
