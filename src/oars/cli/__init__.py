"""The ``oars`` command line: a thin Typer layer over the Python API."""

from oars.cli.app import app, main

__all__ = ["app", "main"]
