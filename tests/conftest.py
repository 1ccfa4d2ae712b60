"""Fixtures shared by the store and web tests: a throw-away PostgreSQL schema on the CI server."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from uuid import uuid4

import pytest
from sqlalchemy import text

from oars.store.database import create_engine, database_url

POSTGRES_ENV = "OARS_TEST_POSTGRES_URL"


@contextmanager
def _schema(prefix: str) -> Iterator[str]:
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    schema = f"{prefix}_{uuid4().hex[:12]}"
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


@pytest.fixture(scope="session")
def postgres_schema() -> Callable[[str], AbstractContextManager[str]]:
    """``with postgres_schema("prefix") as url:`` — a URL whose connections use a new, empty schema,
    dropped afterwards; the test is skipped when no PostgreSQL server is configured."""
    return _schema
