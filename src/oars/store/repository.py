"""The session store: every read and write of stored sessions goes through ``Store``.

A session is its events, appended in order and numbered 0, 1, 2, … (``seq``); the session row beside
them is a summary the store keeps in step (client turns, the open crisis flag, ended or not) so lists
and filters never replay events. Each call is one short transaction: it happens entirely or not at all,
and any failure of the database is raised as ``StoreError``, never hidden. One ``Store`` may be shared
by threads; two processes may share one database, and ``expected_seq`` lets a writer insist that
nobody appended since it last read the session (two web workers must never interleave one session).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from string import hexdigits
from types import TracebackType
from typing import Any, Self
from uuid import uuid4

from sqlalchemy import Engine, and_, delete, func, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from oars.errors import SessionNotFoundError, StoreError
from oars.events import Event, EventKind, now
from oars.store.database import create_engine, database_url, describe, reason, session_factories
from oars.store.migrate import migrate
from oars.store.models import EventRow, SessionRow

__all__ = ["CHANNELS", "STATUSES", "SessionInfo", "Store", "StoredSession", "open_store"]

CHANNELS = ("cli", "web", "api", "script")
"""Where a session was held."""
STATUSES = ("active", "ended")
"""A session is active until a ``SESSION_ENDED`` event is appended."""
PREVIEW_LENGTH = 80
"""The longest preview (the client's first message) a list shows."""
MIN_PREFIX = 6
"""The fewest characters of a session id that ``find`` accepts; fewer would too often be ambiguous."""


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
        self._closed = False

    def create_session(
        self,
        *,
        topic: str | None,
        locale: str,
        channel: str,
        client_ref: str | None = None,
        events: Sequence[Event] = (),
    ) -> str:
        """Store a new session, with its first ``events`` if any, and return its id (uuid4 hex)."""
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}")
        _check(events)
        stamp = now()
        row = SessionRow(
            id=uuid4().hex,
            created_at=stamp,
            updated_at=stamp,
            topic=topic,
            locale=locale,
            channel=channel,
            client_ref=client_ref,
            status="active",
            flagged=False,
            turns=0,
        )
        with self._transaction(self._writes) as db:
            db.add(row)
            db.flush()  # the session row must exist before its events refer to it
            _append(db, row, 0, events)
        return row.id

    def append(self, session_id: str, events: Sequence[Event], *, expected_seq: int | None = None) -> int:
        """Append ``events`` to the session in one transaction and return the next ``seq``.

        With ``expected_seq`` (the next seq the caller saw when it read the session), the append happens
        only if nobody appended since; otherwise StoreError, and the caller reloads.
        """
        _check(events)
        with self._transaction(self._writes) as db:
            row = _get(db, session_id, lock=True)
            last = db.scalar(select(func.max(EventRow.seq)).where(EventRow.session_id == session_id))
            next_seq = 0 if last is None else last + 1
            if expected_seq is not None and expected_seq != next_seq:
                raise StoreError(
                    f"session was changed by someone else: {session_id} is at event {next_seq}, "
                    f"not {expected_seq}; reload it and try again"
                )
            if events:
                row.updated_at = now()
            return _append(db, row, next_seq, events)

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


def _append(db: Session, row: SessionRow, seq: int, events: Sequence[Event]) -> int:
    """Insert ``events`` numbered from ``seq``, fold them into the session row, and return the next seq."""
    if events:
        db.execute(
            insert(EventRow),
            [
                {
                    "session_id": row.id,
                    "seq": seq + offset,
                    "kind": event.kind.value,
                    "data": event.data,
                    "at": event.at,
                }
                for offset, event in enumerate(events)
            ],
        )
    for event in events:
        _summarise(row, event)
    return seq + len(events)


def _summarise(row: SessionRow, event: Event) -> None:
    """Keep the session row's summary in step with one more event."""
    match event.kind:
        case EventKind.CLIENT_SAID:
            row.turns += 1
        case EventKind.CRISIS_FLAGGED:
            # The flag stays raised until cleared; a further signal adds its categories to the open flag.
            categories = event.data.get("categories") or ()
            raised = [*_split(row.flag_categories), *([categories] if isinstance(categories, str) else categories)]
            row.flag_categories = ",".join(dict.fromkeys(raised)) or None
            if not row.flagged:
                row.flag_raised_at = event.at
            row.flagged = True
        case EventKind.FLAG_CLEARED:
            row.flagged, row.flag_categories, row.flag_raised_at = False, None, None
        case EventKind.SESSION_ENDED:
            row.status = "ended"


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
