"""Fixtures for the session store tests: a fresh database per test, SQLite always, PostgreSQL when asked.

PostgreSQL runs only when ``OARS_TEST_POSTGRES_URL`` names a server (e.g.
``postgresql://oars:oars@localhost/oars_test``); each test then gets a schema of its own, dropped after.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from oars.store import Store, open_store
from oars.store.database import create_engine, database_url


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path, postgres_schema) -> Iterator[str]:
    """The URL of an empty database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'oars.db'}"
        return
    with postgres_schema("oars_test") as schema_url:
        yield schema_url


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    """A store on an empty database, closed after the test."""
    with open_store(url) as opened:
        yield opened


@pytest.fixture
def engine(url: str) -> Iterator[Engine]:
    """A second way into the test's database, for checking what the store wrote (not through it)."""
    opened = create_engine(database_url(url))
    yield opened
    opened.dispose()
