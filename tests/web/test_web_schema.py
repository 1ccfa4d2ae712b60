"""The web tables: migrations 0002 and 0003 create exactly what ``oars.web.models`` declares, on top of 0001."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from oars.store import upgrade
from oars.store.database import create_engine, database_url
from oars.store.models import Base
from oars.web import models

WEB_TABLES = {
    "users",
    "login_sessions",
    "access_tokens",
    "invites",
    "rate_counters",
    "audit_log",
    "practice_sessions",
    "practice_turns",
}


def test_the_web_tables_share_the_store_metadata() -> None:
    assert {table.name for table in Base.metadata.sorted_tables} >= WEB_TABLES | {"sessions", "events"}
    assert models.User.__table__.metadata is Base.metadata


def test_the_migrated_schema_matches_the_models(db_url: str) -> None:
    assert upgrade(db_url) == "0003"
    engine = create_engine(database_url(db_url))
    try:
        with engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) >= WEB_TABLES
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        engine.dispose()
