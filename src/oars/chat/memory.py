"""The session-store interface the counsellor needs, and an in-memory implementation of it.

The in-memory store is for integrators who keep conversations themselves and for tests; it is never a
fallback for a database that failed (that is an error the caller sees).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from oars.errors import SessionNotFoundError, StoreError
from oars.events import Event, EventKind, now

__all__ = ["EventStore", "MemoryStore", "StoredEvents"]


class StoredEvents(Protocol):
    id: str
    events: tuple[Event, ...]


class EventStore(Protocol):
    """Where a session's events live. Every ``append`` is atomic and durable before it returns."""

    def create_session(
        self,
        *,
        topic: str | None,
        locale: str,
        channel: str,
        client_ref: str | None = None,
        events: Sequence[Event] = (),
    ) -> str: ...

    def append(self, session_id: str, events: Sequence[Event], *, expected_seq: int | None = None) -> int: ...

    def load(self, session_id: str) -> StoredEvents: ...


@dataclass
class _Session:
    id: str
    topic: str | None
    locale: str
    channel: str
    client_ref: str | None
    created_at: datetime = field(default_factory=now)
    events: tuple[Event, ...] = ()

    @property
    def flagged(self) -> bool:
        flagged = False
        for event in self.events:
            if event.kind is EventKind.CRISIS_FLAGGED:
                flagged = True
            elif event.kind is EventKind.FLAG_CLEARED:
                flagged = False
        return flagged


class MemoryStore:
    """Sessions kept in this process only (lost when it exits)."""

    def __init__(self) -> None:
        self._sessions: dict[str, _Session] = {}
        self._lock = threading.Lock()

    def create_session(
        self,
        *,
        topic: str | None,
        locale: str,
        channel: str,
        client_ref: str | None = None,
        events: Sequence[Event] = (),
    ) -> str:
        session = _Session(uuid.uuid4().hex, topic, locale, channel, client_ref, events=tuple(events))
        with self._lock:
            self._sessions[session.id] = session
        return session.id

    def append(self, session_id: str, events: Sequence[Event], *, expected_seq: int | None = None) -> int:
        with self._lock:
            session = self._get(session_id)
            if expected_seq is not None and expected_seq != len(session.events):
                raise StoreError(f"session {session_id} was changed by someone else")
            session.events = session.events + tuple(events)
            return len(session.events)

    def load(self, session_id: str) -> _Session:
        with self._lock:
            return self._get(session_id)

    def _get(self, session_id: str) -> _Session:
        try:
            return self._sessions[session_id]
        except KeyError:
            raise SessionNotFoundError(f"no session {session_id!r}") from None
