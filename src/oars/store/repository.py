"""The session store: every read and write of stored sessions goes through ``Store``.

A session is its events, appended in order and numbered 0, 1, 2, … (``seq``); the session row beside
them is a summary the store keeps in step (client turns, the open crisis flag, ended or not) so lists
and filters never replay events. Each call is one short transaction: it happens entirely or not at all,
and any failure of the database is raised as ``StoreError``, never hidden. One ``Store`` may be shared
by threads; two processes may share one database, and ``expected_seq`` lets a writer insist that
nobody appended since it last read the session (two web workers must never interleave one session).
``also`` lets a caller put its own rows in the transaction that stores events (the web app's audit entry
and message count are committed with the chat turn or not at all, and cost no transaction of their own).
Writes use SQLAlchemy Core statements built once, not the ORM: an append is every web chat turn's one
write, and through the ORM, with statements built per call, it cost three times the CPU (about 3 ms
against 1 ms on SQLite) for nothing the few explicit statements lack.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from string import hexdigits
from types import TracebackType
from typing import Any, ClassVar, Self
from uuid import uuid4

from sqlalchemy import Connection, Engine, and_, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from oars.errors import SessionNotFoundError, StoreError
from oars.events import Event, EventKind, now
from oars.store.database import create_engine, database_url, describe, reader, reason, session_factories, writer
from oars.store.migrate import migrate
from oars.store.models import EventRow, SessionRow

__all__ = ["CHANNELS", "STATUSES", "SessionInfo", "Store", "StoredSession", "WithEvents", "open_store"]

CHANNELS = ("cli", "web", "api", "script")
"""Where a session was held."""
STATUSES = ("active", "ended")
"""A session is active until a ``SESSION_ENDED`` event is appended."""
PREVIEW_LENGTH = 80
"""The longest preview (the client's first message) a list shows."""
MIN_PREFIX = 6
"""The fewest characters of a session id that ``find`` accepts; fewer would too often be ambiguous."""

WithEvents = Callable[[Connection, str], object]
"""A caller's own work in the transaction that stores events: ``(connection, session_id)``."""

_SESSIONS = SessionRow.__table__
_EVENTS = EventRow.__table__


@dataclass(frozen=True)
class SessionInfo:
    """A stored session as lists show it: its columns and a preview, without its events."""

    id: str
    created_at: datetime
    updated_at: datetime
    topic: str | None
    locale: str
    channel: str
    client_ref: str | None
    status: str
    flagged: bool  # a crisis flag is open: raised and not yet cleared
    flag_categories: tuple[str, ...]  # of the open flag; empty when not flagged
    flag_raised_at: datetime | None
    turns: int  # client turns so far
    title: str | None
    preview: str  # the client's first message, at most PREVIEW_LENGTH characters; "" before it


@dataclass(frozen=True)
class StoredSession(SessionInfo):
    """A stored session with all its events, in the order they were appended."""

    events: tuple[Event, ...]


class Store:
    """Sessions kept in a database. Make one with ``open_store``, which brings the tables up to date."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._where = describe(engine.url)
        self._reads, self._writes = session_factories(engine)
        self._read_engine, self._write_engine = reader(engine), writer(engine)
        self._closed = False

    def create_session(
        self,
        *,
        topic: str | None,
        locale: str,
        channel: str,
        client_ref: str | None = None,
        events: Sequence[Event] = (),
        also: WithEvents | None = None,
    ) -> str:
        """Store a new session, with its first ``events`` if any, and return its id (uuid4 hex).

        ``also(connection, session_id)`` runs in the same transaction after the session is stored.
        """
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}")
        _check(events)
        stamp, session_id = now(), uuid4().hex
        summary = _Summary()
        for event in events:
            summary.add(event)
        row = {"id": session_id, "created_at": stamp, "updated_at": stamp, "topic": topic, "locale": locale}
        row.update(channel=channel, client_ref=client_ref, **summary.columns())
        with self._connection(self._write_engine) as conn:
            # the session row first: its events refer to it
            conn.execute(_INSERT_SESSION, row)
            _insert(conn, session_id, 0, events)
            if also is not None:
                also(conn, session_id)
        return session_id

    def append(
        self,
        session_id: str,
        events: Sequence[Event],
        *,
        expected_seq: int | None = None,
        also: WithEvents | None = None,
    ) -> int:
        """Append ``events`` to the session in one transaction and return the next ``seq``.

        With ``expected_seq`` (the next seq the caller saw when it read the session), the append happens
        only if nobody appended since; otherwise StoreError, and the caller reloads. ``also(connection,
        session_id)`` runs in the same transaction after the events are inserted; if it raises, nothing
        is stored and its error reaches the caller.
        """
        _check(events)
        with self._connection(self._write_engine) as conn:
            summary = _Summary.of(_locked_summary_row(conn, session_id))
            next_seq = _next_seq(conn, session_id)
            if expected_seq is not None and expected_seq != next_seq:
                raise StoreError(
                    f"session was changed by someone else: {session_id} is at event {next_seq}, "
                    f"not {expected_seq}; reload it and try again"
                )
            if events:
                _insert(conn, session_id, next_seq, events)
                for event in events:
                    summary.add(event)
                conn.execute(_UPDATE_SUMMARY, {"session": session_id, "updated_at": now(), **summary.columns()})
            if also is not None:
                also(conn, session_id)
            return next_seq + len(events)

    def load(self, session_id: str) -> StoredSession:
        """The session with every event, in ``seq`` order."""
        with self._transaction(self._reads) as db:
            row = _get(db, session_id)
            stored = db.execute(
                select(EventRow.kind, EventRow.data, EventRow.at)
                .where(EventRow.session_id == session_id)
                .order_by(EventRow.seq)
            ).all()
        events = tuple(_event(session_id, kind, data, at) for kind, data, at in stored)
        first = next((event.data for event in events if event.kind is EventKind.CLIENT_SAID), None)
        return StoredSession(**_columns(row), preview=_preview(first), events=events)

    def list_sessions(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        flagged: bool | None = None,
        client_ref: str | None = None,
        status: str | None = None,
    ) -> list[SessionInfo]:
        """Sessions, most recently updated first, optionally only flagged / one client's / one status."""
        if limit < 0 or offset < 0:
            raise ValueError(f"limit and offset cannot be negative (got limit={limit}, offset={offset})")
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
        query = select(SessionRow).order_by(SessionRow.updated_at.desc(), SessionRow.id.desc())
        if flagged is not None:
            query = query.where(SessionRow.flagged == flagged)
        if client_ref is not None:
            query = query.where(SessionRow.client_ref == client_ref)
        if status is not None:
            query = query.where(SessionRow.status == status)
        with self._transaction(self._reads) as db:
            rows = db.scalars(query.limit(limit).offset(offset)).all()
            firsts = _first_client_messages(db, [row.id for row in rows])
        return [SessionInfo(**_columns(row), preview=_preview(firsts.get(row.id))) for row in rows]

    def delete_session(self, session_id: str) -> None:
        """Remove the session and all its events (a client's right to deletion)."""
        with self._transaction(self._writes) as db:
            _get(db, session_id, lock=True)
            db.execute(delete(EventRow).where(EventRow.session_id == session_id))
            db.execute(delete(SessionRow).where(SessionRow.id == session_id))

    def next_seq(self, session_id: str) -> int:
        """How many events the session holds (the ``seq`` its next event gets), without reading them."""
        with self._connection(self._read_engine) as conn:
            if conn.scalar(_SESSION_EXISTS, {"session": session_id}) is None:
                raise SessionNotFoundError(f"no stored session has the id {session_id!r}")
            return _next_seq(conn, session_id)

    def find(self, prefix: str) -> str:
        """The id of the one session whose id starts with ``prefix`` (at least MIN_PREFIX characters)."""
        wanted = prefix.strip().lower()
        if len(wanted) < MIN_PREFIX:
            raise SessionNotFoundError(
                f"give at least {MIN_PREFIX} characters of the session id to find it (got {prefix!r})"
            )
        if not all(char in hexdigits for char in wanted):
            raise SessionNotFoundError(f"no session id starts with {prefix!r} (ids are hexadecimal)")
        with self._transaction(self._reads) as db:
            ids = db.scalars(select(SessionRow.id).where(SessionRow.id.startswith(wanted)).limit(2)).all()
        if not ids:
            raise SessionNotFoundError(f"no session id starts with {prefix!r}")
        if len(ids) > 1:
            raise SessionNotFoundError(f"more than one session id starts with {prefix!r}; give more of it")
        return ids[0]

    def close(self) -> None:
        """Close every connection; the store cannot be used afterwards."""
        self._closed = True
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _connection(self, engine: Engine) -> Iterator[Connection]:
        """One Core transaction on ``engine`` (the reading or the writing one), as ``_transaction``."""
        if self._closed:
            raise StoreError(f"the session store for {self._where} is closed")
        try:
            with engine.connect() as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"the session database at {self._where} failed: {reason(exc)}") from exc

    @contextmanager
    def _transaction(self, factory: sessionmaker[Session]) -> Iterator[Session]:
        """One transaction: committed if the block completes, rolled back otherwise."""
        if self._closed:
            raise StoreError(f"the session store for {self._where} is closed")
        try:
            with factory() as db, db.begin():
                yield db
        except SQLAlchemyError as exc:
            raise StoreError(f"the session database at {self._where} failed: {reason(exc)}") from exc


def open_store(url: str | None = None) -> Store:
    """Open the session database (``url``, else ``$OARS_DB``, else the user's own) at the newest schema."""
    engine = create_engine(database_url(url))
    try:
        migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    return Store(engine)


def _check(events: Sequence[Event]) -> None:
    """Refuse, before any write, what neither database can store. psycopg serialises JSON itself and raises
    a bare TypeError, where SQLite's driver is wrapped by SQLAlchemy: checking here gives both one error."""
    for event in events:
        if event.at.utcoffset() is None:
            raise ValueError(f"event {event.kind.value} has a naive time {event.at}; events need aware times")
        try:
            json.dumps(event.data)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"event {event.kind.value} cannot be stored: {exc}") from exc


def _get(db: Session, session_id: str, *, lock: bool = False) -> SessionRow:
    """The session's row; ``lock`` holds it until the transaction ends (PostgreSQL; SQLite locks on BEGIN)."""
    row = db.get(SessionRow, session_id, with_for_update=lock)
    if row is None:
        raise SessionNotFoundError(f"no stored session has the id {session_id!r}")
    return row


def _locked_summary_row(conn: Connection, session_id: str) -> Any:
    """The session row's summary columns, the row locked until the transaction ends (PostgreSQL; SQLite
    locks the whole database on BEGIN IMMEDIATE)."""
    row = conn.execute(_LOCKED_SUMMARY, {"session": session_id}).one_or_none()
    if row is None:
        raise SessionNotFoundError(f"no stored session has the id {session_id!r}")
    return row


def _next_seq(conn: Connection, session_id: str) -> int:
    last = conn.scalar(_LAST_SEQ, {"session": session_id})
    return 0 if last is None else last + 1


def _insert(conn: Connection, session_id: str, seq: int, events: Sequence[Event]) -> None:
    """Insert ``events`` numbered from ``seq``."""
    if events:
        conn.execute(
            _INSERT_EVENTS,
            [
                {"session_id": session_id, "seq": seq + offset, "kind": e.kind.value, "data": e.data, "at": e.at}
                for offset, e in enumerate(events)
            ],
        )


@dataclass
class _Summary:
    """The session row's summary of its events, kept in step as events are stored."""

    COLUMNS: ClassVar[tuple[str, ...]] = ("turns", "flagged", "flag_categories", "flag_raised_at", "status")

    turns: int = 0
    flagged: bool = False
    flag_categories: str | None = None
    flag_raised_at: datetime | None = None
    status: str = "active"

    @classmethod
    def of(cls, row: Any) -> _Summary:
        return cls(*row)

    def columns(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.COLUMNS}

    def add(self, event: Event) -> None:
        """Fold one more event into the summary."""
        match event.kind:
            case EventKind.CLIENT_SAID:
                self.turns += 1
            case EventKind.CRISIS_FLAGGED:
                # The flag stays raised until cleared; a further signal adds its categories to the open flag.
                categories = event.data.get("categories") or ()
                added = [categories] if isinstance(categories, str) else categories
                self.flag_categories = ",".join(dict.fromkeys([*_split(self.flag_categories), *added])) or None
                if not self.flagged:
                    self.flag_raised_at = event.at
                self.flagged = True
            case EventKind.FLAG_CLEARED:
                self.flagged, self.flag_categories, self.flag_raised_at = False, None, None
            case EventKind.SESSION_ENDED:
                self.status = "ended"


# The statements of every append, built once: building a statement and its cache key cost more CPU than
# running it on SQLite. Bound by name when executed.
_SESSION = bindparam("session")
_INSERT_SESSION = insert(_SESSIONS)
_INSERT_EVENTS = insert(_EVENTS)
_SESSION_EXISTS = select(_SESSIONS.c.id).where(_SESSIONS.c.id == _SESSION)
_LOCKED_SUMMARY = select(*(_SESSIONS.c[name] for name in _Summary.COLUMNS)).where(_SESSIONS.c.id == _SESSION)
_LOCKED_SUMMARY = _LOCKED_SUMMARY.with_for_update()
_LAST_SEQ = select(func.max(_EVENTS.c.seq)).where(_EVENTS.c.session_id == _SESSION)
_UPDATE_SUMMARY = update(_SESSIONS).where(_SESSIONS.c.id == _SESSION)  # SET: the other parameters given


def _first_client_messages(db: Session, session_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The data of each session's first CLIENT_SAID event, for the sessions that have one."""
    first = (
        select(EventRow.session_id, func.min(EventRow.seq).label("seq"))
        .where(EventRow.session_id.in_(session_ids), EventRow.kind == EventKind.CLIENT_SAID.value)
        .group_by(EventRow.session_id)
        .subquery()
    )
    rows = db.execute(
        select(EventRow.session_id, EventRow.data).join(
            first, and_(EventRow.session_id == first.c.session_id, EventRow.seq == first.c.seq)
        )
    )
    return {row.session_id: row.data for row in rows}


def _columns(row: SessionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
        "topic": row.topic,
        "locale": row.locale,
        "channel": row.channel,
        "client_ref": row.client_ref,
        "status": row.status,
        "flagged": row.flagged,
        "flag_categories": _split(row.flag_categories),
        "flag_raised_at": row.flag_raised_at,
        "turns": row.turns,
        "title": row.title,
    }


def _split(categories: str | None) -> tuple[str, ...]:
    return tuple(categories.split(",")) if categories else ()


def _preview(data: dict[str, Any] | None) -> str:
    text = " ".join(str((data or {}).get("text", "")).split())
    return text if len(text) <= PREVIEW_LENGTH else text[: PREVIEW_LENGTH - 1].rstrip() + "…"


def _event(session_id: str, kind: str, data: dict[str, Any], at: datetime) -> Event:
    try:
        return Event(EventKind(kind), dict(data), at)
    except ValueError:
        raise StoreError(
            f"session {session_id} holds an event of a kind this version of oars does not know: {kind!r}"
        ) from None
