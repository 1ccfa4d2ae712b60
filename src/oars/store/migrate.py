"""Bringing a session database's tables up to date, with Alembic driven from code.

The migrations ship inside the package (``oars/store/migrations``), so an installed oars can create or
upgrade its own database: ``open_store`` does it on every open, ``oars db upgrade`` calls ``upgrade``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from oars.errors import StoreError
from oars.store.database import create_engine, database_url, describe, reason, writer

__all__ = ["MIGRATIONS", "alembic_config", "migrate", "upgrade"]

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection) -> Config:
    """An Alembic configuration for the shipped migrations that runs them on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> str:
    """Upgrade the database behind ``engine`` to the newest revision, in one transaction; return it.

    Any failure (unreachable server, unwritable file, a revision that fails) is a StoreError naming the
    database, and nothing of a failed upgrade remains.
    """
    try:
        with writer(engine).begin() as connection:
            command.upgrade(alembic_config(connection), "head")
            revision = MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as exc:
        where = describe(engine.url)
        raise StoreError(f"cannot open the session database at {where}: {reason(exc)}") from exc
    return str(revision)


def upgrade(url: str | None = None) -> str:
    """Upgrade the database at ``url`` (default: ``$OARS_DB`` or the user's one) and return its revision."""
    engine = create_engine(database_url(url))
    try:
        return migrate(engine)
    finally:
        engine.dispose()
