"""The ``oars`` command line: a thin Typer layer over the Python API."""

from oars.cli import chat, code, practice, serve  # noqa: F401  (registers the commands)
from oars.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
