"""Fixtures shared by all tests: a private data directory, and for the store and web tests a throw-away
PostgreSQL schema on the CI server."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from uuid import uuid4

import pytest
from sqlalchemy import text

from oars.store.database import create_engine, database_url

POSTGRES_ENV = "OARS_TEST_POSTGRES_URL"


@pytest.fixture(autouse=True, scope="session")
def _private_data_directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point the default session database (``platformdirs``' user data directory) and ``OARS_DB`` away from
    the user's own: a test that forgets ``--db`` must neither read nor migrate a real database."""
    saved = {name: os.environ.get(name) for name in ("XDG_DATA_HOME", "OARS_DB")}
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data-home"))
    os.environ.pop("OARS_DB", None)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


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
