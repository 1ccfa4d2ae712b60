"""Fixtures for the session store tests: a fresh database per test, SQLite always, PostgreSQL when asked.

PostgreSQL runs only when ``OARS_TEST_POSTGRES_URL`` names a server (e.g.
``postgresql://oars:oars@localhost/oars_test``); each test then gets a schema of its own, dropped after.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import Engine, text

from oars.store import Store, open_store
from oars.store.database import create_engine, database_url

POSTGRES_ENV = "OARS_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'oars.db'}"
        return
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    schema = f"oars_test_{uuid4().hex[:12]}"
    admin = create_engine(database_url(server))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        scoped = database_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


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
