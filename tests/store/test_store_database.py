"""Finding and opening the database: URLs, the default location, SQLite settings, plain errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError

from oars.errors import StoreError
from oars.events import now
from oars.store import open_store
from oars.store.database import ENV_VAR, create_engine, database_url
from oars.store.models import EventRow


@pytest.fixture(autouse=True)
def _own_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the default database out of the real user data directory, and $OARS_DB out of the tests."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_the_default_is_sqlite_in_the_user_data_dir(tmp_path: Path) -> None:
    url = database_url()
    assert url.get_backend_name() == "sqlite"
    assert Path(str(url.database)) == tmp_path / "data" / "oars" / "oars.db"
    assert (tmp_path / "data" / "oars").is_dir()


def test_open_store_without_a_url_uses_the_default(tmp_path: Path) -> None:
    with open_store() as store:
        store.create_session(topic=None, locale="US", channel="cli")
    assert (tmp_path / "data" / "oars" / "oars.db").is_file()


def test_the_environment_overrides_the_default_and_an_explicit_url_overrides_both(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_VAR, f"sqlite:///{tmp_path / 'from-env.db'}")
    assert database_url().database == str(tmp_path / "from-env.db")
    assert database_url(f"sqlite:///{tmp_path / 'given.db'}").database == str(tmp_path / "given.db")


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgresql://oars:secret@db.example/oars", "postgresql+psycopg"),
        ("postgres://oars@db.example/oars", "postgresql+psycopg"),
        ("postgresql+psycopg://oars@db.example/oars", "postgresql+psycopg"),
        ("postgresql+psycopg2://oars@db.example/oars", "postgresql+psycopg2"),
    ],
)
def test_postgresql_urls_use_psycopg_3(given: str, driver: str) -> None:
    url = database_url(given)
    assert url.drivername == driver
    assert (url.host, url.database) == ("db.example", "oars")


@pytest.mark.parametrize("given", ["sqlite://", "sqlite:///:memory:", "sqlite:///file:x?mode=memory&uri=true"])
def test_an_in_memory_database_is_refused(given: str) -> None:
    with pytest.raises(StoreError, match="in-memory database"):
        database_url(given)


@pytest.mark.parametrize("given", ["not a url", "postgresql://oars@db.example:port/oars"])
def test_a_malformed_url_is_a_store_error(given: str) -> None:
    with pytest.raises(StoreError, match=f"not a database URL: '{given}'"):
        open_store(given)


def test_an_unwritable_path_is_a_store_error_naming_it(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    path = blocker / "oars.db"
    with pytest.raises(StoreError, match=f"cannot open the session database at {path}: unable to open"):
        open_store(f"sqlite:///{path}")


def test_a_folder_in_place_of_the_file_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=f"cannot open the session database at {tmp_path}"):
        open_store(f"sqlite:///{tmp_path}")


def test_an_unreachable_server_is_a_store_error_without_the_password() -> None:
    with pytest.raises(
        StoreError, match=r"cannot open the session database at postgresql\+psycopg://oars:\*\*\*@"
    ) as error:
        open_store("postgresql://oars:hunter2@127.0.0.1:9/oars")
    assert "hunter2" not in str(error.value)


def test_sqlite_connections_are_durable_and_strict(tmp_path: Path) -> None:
    path = tmp_path / "oars.db"
    open_store(f"sqlite:///{path}").close()
    engine = create_engine(database_url(f"sqlite:///{path}"))
    try:
        with engine.connect() as connection:
            settings = {
                pragma: connection.execute(text(f"PRAGMA {pragma}")).scalar()
                for pragma in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
    finally:
        engine.dispose()
    assert settings == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 20000}
    with sqlite3.connect(path) as plain:  # WAL is a property of the file, not only of our connections
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'oars.db'}"
    open_store(url).close()
    engine = create_engine(database_url(url))
    try:
        orphan = insert(EventRow).values(session_id="nobody", seq=0, kind="client_said", data={}, at=now())
        with pytest.raises(IntegrityError, match="FOREIGN KEY constraint"), engine.begin() as connection:
            connection.execute(orphan)
    finally:
        engine.dispose()
