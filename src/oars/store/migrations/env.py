"""Alembic environment for the session store, run only through ``oars.store.migrate``.

There is no ``alembic.ini``: ``oars.store.migrate.alembic_config`` builds the configuration in code and
hands over an open connection (in ``config.attributes["connection"]``) whose transaction already holds
the write lock, so two processes opening the same new database never both create the tables. To write a
new revision against a scratch database::

    from alembic import command
    from oars.store.database import create_engine, database_url, writer
    from oars.store.migrate import alembic_config

    with writer(create_engine(database_url("sqlite:////tmp/scratch.db"))).begin() as connection:
        command.upgrade(alembic_config(connection), "head")
        command.revision(alembic_config(connection), "what changed", autogenerate=True)

then rename the file to ``NNNN_what_changed.py`` and read it through: revisions are hand-checked.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

import oars.web.models  # noqa: F401  (registers the web tables on the same metadata)
from oars.store.models import Base

_LOCK = 7_411_530_119  # any fixed number: the PostgreSQL advisory lock taken while migrating


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("oars migrations need a connection: run them with oars.store.upgrade()")
    # Batch mode lets later revisions alter SQLite tables (which SQLite cannot ALTER in place).
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        context.run_migrations()


run()
