"""Fixtures for the web app tests: a fresh database per test (SQLite always, PostgreSQL when asked).

PostgreSQL runs only when ``OARS_TEST_POSTGRES_URL`` names a server (e.g.
``postgresql://postgres@127.0.0.1:5433/oars_test``); each test then gets a schema of its own, dropped after.

``world_app`` holds a small clinic (``web_world.World``): an admin, clinicians A and B, a client of each
(with a flagged session holding a PHQ-9), and a personal access token for everyone. Building it runs the
counsellor, so it is built once per test run into a template (a SQLite file, a PostgreSQL schema) that
each test copies into its own fresh database.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import make_url, text
from web_world import Clock, World, build_world, make_settings

from oars.store.database import create_engine, database_url
from oars.store.models import Base
from oars.web import Settings, create_app


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, postgres_schema) -> Iterator[str]:
    """The URL of an empty database of the parametrised kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'oars.db'}"
        return
    with postgres_schema("oars_web") as url:
        yield url


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def settings(db_url: str) -> Settings:
    return make_settings(db_url)


@pytest.fixture
def app(settings: Settings, clock: Clock) -> Iterator[FastAPI]:
    application = create_app(settings, clock=clock)
    yield application
    application.state.backend.close()


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, World]:
    """A seeded SQLite database file, built once; tests copy it."""
    path = tmp_path_factory.mktemp("template") / "oars.db"
    application = create_app(make_settings(f"sqlite:///{path}"))
    try:
        world = build_world(application)
    finally:
        application.state.backend.close()  # checkpoints the WAL into the file
    return path, world


@pytest.fixture(scope="session")
def postgres_template(postgres_schema) -> Iterator[tuple[str, World]]:
    """A seeded PostgreSQL schema, built once; tests copy its rows into their own schema."""
    with postgres_schema("oars_template") as url:
        application = create_app(make_settings(url))
        try:
            world = build_world(application)
        finally:
            application.state.backend.close()
        yield url, world


@pytest.fixture
def world_app(
    request: pytest.FixtureRequest, db_url: str, clock: Clock, tmp_path: Path
) -> Iterator[tuple[FastAPI, World]]:
    """An app on a fresh database that already holds the small clinic (``World``), copied from a template."""
    with _world_app(request, db_url, clock, tmp_path) as world_app:
        yield world_app


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_world_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, postgres_schema
) -> Iterator[tuple[FastAPI, World]]:
    """As ``world_app``, but one app per module and database kind: only for requests that change nothing a
    later test looks at (reads; their audit entries and login sessions are harmless). Its login rate limits
    are lifted, since every test logs in again (the limits have tests of their own)."""
    folder = tmp_path_factory.mktemp("shared-world")
    lifted = {"login_per_account": 1_000_000, "login_per_ip": 1_000_000}
    if request.param == "sqlite":
        with _world_app(request, f"sqlite:///{folder / 'oars.db'}", Clock(), folder, **lifted) as world_app:
            yield world_app
        return
    with postgres_schema("oars_web") as url, _world_app(request, url, Clock(), folder, **lifted) as world_app:
        yield world_app


@contextmanager
def _world_app(
    request: pytest.FixtureRequest, db_url: str, clock: Clock, folder: Path, **settings: object
) -> Iterator[tuple[FastAPI, World]]:
    if db_url.startswith("sqlite"):
        template, world = request.getfixturevalue("sqlite_template")
        copy = folder / "world.db"
        shutil.copyfile(template, copy)
        application = create_app(make_settings(f"sqlite:///{copy}", migrate_on_start=False, **settings), clock=clock)
    else:
        template_url, world = request.getfixturevalue("postgres_template")
        application = create_app(make_settings(db_url, **settings), clock=clock)
        _copy_rows(template_url, db_url)
    try:
        yield application, world
    finally:
        application.state.backend.close()


# Every table the migrations make, parents before children (alembic_version is written by the migrations).
_TABLES = tuple(table.name for table in Base.metadata.sorted_tables)


def _copy_rows(source_url: str, target_url: str) -> None:
    """Copy every row of the template schema into a freshly migrated one (same migrations, same columns)."""
    source = make_url(source_url).query["options"].removeprefix("-csearch_path=")
    target = make_url(target_url).query["options"].removeprefix("-csearch_path=")
    engine = create_engine(database_url(target_url))
    try:
        with engine.begin() as connection:
            for table in _TABLES:
                connection.execute(text(f"INSERT INTO {target}.{table} SELECT * FROM {source}.{table}"))
            for table in ("events", "audit_log"):  # serial ids continue after the copied rows
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{target}.{table}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {target}.{table}), false)"
                    )
                )
    finally:
        engine.dispose()
