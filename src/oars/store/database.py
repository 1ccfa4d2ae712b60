"""Where the session database is, and how to connect to it safely.

The URL comes from, in order: the caller, the ``OARS_DB`` environment variable, or a SQLite file in the
user's data directory. ``postgresql://`` is read as the psycopg (v3) driver. An in-memory SQLite
database is refused: a store that forgets every session when the process ends is the silent data loss
the store exists to prevent.

SQLite is set up for a web app that may be killed at any moment: write-ahead logging with
``synchronous=FULL`` (a commit that returned is on disk), foreign keys enforced, and a busy timeout so
concurrent writers wait instead of failing. SQLAlchemy, not the ``sqlite3`` module, emits ``BEGIN``, so
every read is one consistent snapshot and a write transaction takes the write lock up front (``BEGIN
IMMEDIATE``): two writers to one session queue up instead of both reading the same next event number.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import URL, Engine, event, make_url
from sqlalchemy import create_engine as sqlalchemy_create_engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from oars.errors import StoreError

__all__ = [
    "ENV_VAR",
    "create_engine",
    "database_url",
    "describe",
    "reader",
    "reason",
    "session_factories",
    "writer",
]

ENV_VAR = "OARS_DB"
"""The environment variable that names the session database URL."""

# A writer waits up to 20 s for the lock: under load (many chat turns at once, each fsynced) 5 s was not
# always enough, and a turn that waits is better than one that fails.
_SQLITE_PRAGMAS = ("busy_timeout = 20000", "journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON")
_WRITE = "oars_write"  # execution option marking a connection that will write (SQLite: BEGIN IMMEDIATE)


def database_url(url: str | None = None) -> URL:
    """The URL to use: ``url``, else ``$OARS_DB``, else ``<user data dir>/oars.db`` (folder created)."""
    raw = url or os.environ.get(ENV_VAR) or None
    if raw is None:
        return URL.create("sqlite", database=str(_default_path()))
    try:
        parsed = make_url(raw)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise StoreError(
            f"not a database URL: {raw!r}; expected e.g. sqlite:////path/to/oars.db or postgresql://user@host/db"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite" and _in_memory(parsed):
        raise StoreError(f"{raw!r} is an in-memory database, which loses every session; give a file path")
    return parsed


def describe(url: URL) -> str:
    """The database named for a person: the file for SQLite, the URL without its password otherwise."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True)


def reason(exc: SQLAlchemyError) -> str:
    """What the database or its driver said, without SQLAlchemy's statement dump and help link."""
    return str(getattr(exc, "orig", None) or exc)


def create_engine(url: URL, *, pool_size: int | None = None) -> Engine:
    """An engine for ``url`` with the SQLite settings above; a missing driver is a StoreError.

    ``pool_size``: connections kept open (SQLAlchemy's default is 5). A web worker that runs more requests
    at once than its pool holds opens and closes an extra connection for every request beyond it, and a
    new connection costs more than the query it is for (SQLite: the pragmas and the schema read again).
    """
    pool = {"pool_size": pool_size} if pool_size is not None else {}
    try:
        if url.get_backend_name() == "sqlite":
            engine = sqlalchemy_create_engine(url, **pool)
            event.listen(engine, "connect", _configure_sqlite)
            event.listen(engine, "begin", _begin_sqlite)
            return engine
        return sqlalchemy_create_engine(url, pool_pre_ping=True, **pool)
    except ImportError as exc:
        hint = " (pip install 'psycopg[binary]')" if url.get_backend_name() == "postgresql" else ""
        raise StoreError(
            f"cannot open the session database at {describe(url)}: its driver is not installed: {exc}{hint}"
        ) from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open the session database at {describe(url)}: {reason(exc)}") from exc


def session_factories(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """Session factories for reading and for writing, sharing the engine's pool.

    Reads must see one snapshot (a session's row and its events agree): SQLite gives that to any
    transaction; PostgreSQL needs REPEATABLE READ. Writes must be serialised per session: SQLite by
    ``BEGIN IMMEDIATE``, PostgreSQL by the row lock the repository takes.
    """
    return sessionmaker(reader(engine), expire_on_commit=False), sessionmaker(writer(engine), expire_on_commit=False)


def reader(engine: Engine) -> Engine:
    """The engine for reads: each transaction one snapshot (PostgreSQL: REPEATABLE READ; SQLite always)."""
    return engine if engine.dialect.name == "sqlite" else engine.execution_options(isolation_level="REPEATABLE READ")


def writer(engine: Engine) -> Engine:
    """The engine, marked as writing: on SQLite its transactions take the write lock when they begin."""
    return engine.execution_options(**{_WRITE: True})


def _default_path() -> Path:
    folder = Path(platformdirs.user_data_dir("oars"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder for the session database at {folder}: {exc}") from exc
    return folder / "oars.db"


def _in_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _begin_sqlite)
    cursor = dbapi_connection.cursor()
    try:
        for pragma in _SQLITE_PRAGMAS:
            cursor.execute(f"PRAGMA {pragma}")
    finally:
        cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
