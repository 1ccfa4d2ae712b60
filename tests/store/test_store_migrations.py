"""The shipped migrations: they run from code, create exactly the models' schema, and can run again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

import oars.web.models  # noqa: F401  (the web tables share the metadata; the migrations create them too)
from oars.store import open_store, upgrade
from oars.store.migrate import MIGRATIONS
from oars.store.models import Base


def test_the_migrations_ship_inside_the_package() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    assert (MIGRATIONS / "script.py.mako").is_file()
    assert (MIGRATIONS / "versions" / "0001_sessions_events.py").is_file()
    assert not (MIGRATIONS.parent / "alembic.ini").exists()


def test_upgrade_creates_the_tables_and_returns_the_revision(url: str, engine: Engine) -> None:
    assert upgrade(url) == "0003"
    assert upgrade(url) == "0003"  # nothing left to do the second time
    assert {"sessions", "events", "alembic_version"} <= set(inspect(engine).get_table_names())


def test_the_migrated_schema_matches_the_models(url: str, engine: Engine) -> None:
    """What ``alembic check`` does: autogenerate against the migrated database finds nothing to change."""
    upgrade(url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_opening_an_upgraded_database_again_keeps_its_sessions(url: str) -> None:
    with open_store(url) as store:
        session_id = store.create_session(topic="smoking", locale="GB", channel="script")
    with open_store(url) as store:
        assert store.load(session_id).topic == "smoking"
