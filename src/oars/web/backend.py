"""The one connection to the database a web process holds: the session store and the web tables share it.

Both use the store's engine settings (SQLite WAL + ``synchronous=FULL``, write transactions that take
the lock up front; PostgreSQL with REPEATABLE READ reads), so a web write is as durable as a chat turn.
The coder model and the crisis detector's rule index are built once per process (building them takes
most of a second), at start-up (``warm_up``): both are read-only, so sharing them keeps nothing that
matters in memory. ``live`` keeps recently used counsellors between turns; it is a cache checked against
the database on every turn (``oars.web.live``), never the only copy of anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, cached_property

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from oars.coder import Coder
from oars.errors import StoreError
from oars.events import now
from oars.safety import CrisisDetector
from oars.say import grammar
from oars.store import Store
from oars.store.database import create_engine, database_url, describe, reader, reason, session_factories, writer
from oars.store.migrate import migrate
from oars.web import models  # noqa: F401  (registers the web tables on the shared metadata)
from oars.web.live import LiveSessions
from oars.web.settings import Settings

__all__ = ["Backend", "Clock"]

Clock = Callable[[], datetime]
"""What time it is (aware UTC). Tests pass their own to move time forward."""


@dataclass
class Backend:
    """The engine, the session store on it, transaction factories for the web tables, the clock, and the
    process's cache of live counsellors."""

    engine: Engine
    settings: Settings
    clock: Clock = now
    store: Store = field(init=False)
    live: LiveSessions = field(init=False)

    def __post_init__(self) -> None:
        self.store = Store(self.engine)
        self.live = LiveSessions(capacity=self.settings.live_sessions, max_idle=self.settings.idle_minutes * 60.0)
        self._reads, self._writes = session_factories(self.engine)
        self._read_engine, self._write_engine = reader(self.engine), writer(self.engine)

    @classmethod
    def open(cls, settings: Settings, clock: Clock = now) -> Backend:
        """Connect to ``settings.db`` (migrating it first when ``migrate_on_start``)."""
        # as many pooled connections as requests run at once (settings.request_threads), and one for luck
        engine = create_engine(database_url(settings.db), pool_size=settings.request_threads + 1)
        try:
            if settings.migrate_on_start:
                migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        return cls(engine, settings, clock)

    @cached_property
    def coder(self) -> Coder:
        return Coder()

    @property
    def detector(self) -> CrisisDetector:
        return _detector()

    def warm_up(self) -> None:
        """Build the shared engine parts now, once, before the first request (``oars serve`` start-up).

        Built lazily instead, every request of the first burst builds them again: the detector's cache
        and lemminflect's tables (the realiser's grammar) do not stop concurrent threads from each
        building their own, so 40 first chat requests arriving together cost ~50 s of CPU instead of ~3.
        """
        _ = self.coder, self.detector.load()
        grammar.warm_up()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """One consistent read-only snapshot."""
        with self._transaction(self._reads) as db:
            yield db

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction: committed if the block completes, rolled back otherwise."""
        with self._transaction(self._writes) as db:
            yield db

    @contextmanager
    def connect(self, *, write: bool = False) -> Iterator[Connection]:
        """A read snapshot (or, with ``write``, a write transaction) for SQLAlchemy Core statements.

        For what every request does (the login check, a chat turn's read): a Core statement costs about
        half of the same statement through an ORM session.
        """
        try:
            with (self._write_engine if write else self._read_engine).connect() as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"the database at {describe(self.engine.url)} failed: {reason(exc)}") from exc

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def _transaction(self, factory: sessionmaker[Session]) -> Iterator[Session]:
        try:
            with factory() as db, db.begin():
                yield db
        except SQLAlchemyError as exc:
            raise StoreError(f"the database at {describe(self.engine.url)} failed: {reason(exc)}") from exc


@cache
def _detector() -> CrisisDetector:
    """One crisis detector per process: its rules never change while it runs."""
    return CrisisDetector()
