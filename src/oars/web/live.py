"""Counsellors kept between a session's chat turns in this process, so a turn does not rebuild its session.

Rebuilding a conversation for every web turn (read every event, replay the state, step the coder over
every utterance, build a realiser, a guard and an understander) cost over a quarter of the turn's CPU.
A worker keeps the counsellors of its recent sessions here instead; it is only a cache, and the
database stays the truth:

* a cached counsellor is used only if it holds exactly as many events as the database says the session
  has (``next_seq``, read with the request's ownership check). Another worker or machine that appended in
  the meantime (a turn of the same client, a clinician clearing a flag) makes the counts differ, and the
  session is rebuilt from the database. Events are append-only and every append names the seq it expects,
  so equal counts mean equal events: the counsellor's own events are the ones it stored.
* a request takes the counsellor *out* while it uses it and puts it back only when its act succeeded. A
  turn that failed or lost a race may have half-changed the counsellor's state; it is dropped, never
  reused, and two requests never share one object.
* at most ``capacity`` sessions are kept (the least recently used go first); one idle for ``max_idle``
  seconds is dropped at the cache's next use; a deleted session is forgotten at once (in this process;
  another worker drops it by age, and never serves it: the ownership check fails first).

A per-request ``SessionEvents`` also lets the caller put its own rows (audit entry, message count) in
the transaction that stores the turn, so a turn costs one write transaction.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from oars.chat import Counsellor
from oars.events import Event
from oars.store import Store, StoredSession
from oars.store.repository import WithEvents

__all__ = ["Lending", "Live", "LiveSessions", "SessionEvents", "WithTurn"]

V = TypeVar("V")

WithTurn = WithEvents
"""Work that must commit with a turn's events or not at all: ``(connection, session_id)``, in their transaction."""


class SessionEvents:
    """The session store as one counsellor sees it (its ``EventStore``).

    It remembers how many events the session has (``next_seq``: what the database said at the last read
    or write), serves the session it was built from without reading it again (``Counsellor.resume`` asks
    twice), and passes the work given to ``arm`` to the next write, in its transaction.
    """

    def __init__(self, store: Store, loaded: StoredSession | None = None) -> None:
        self._store = store
        self._loaded = loaded
        self.next_seq = len(loaded.events) if loaded is not None else 0
        self._with_turn: WithTurn | None = None

    def arm(self, with_turn: WithTurn | None) -> None:
        """Run ``with_turn`` in the transaction of the next write (once)."""
        self._with_turn = with_turn

    def disarm(self) -> WithTurn | None:
        """What ``arm`` was given if no write has used it (the act stored nothing), and forget it."""
        left, self._with_turn = self._with_turn, None
        return left

    def create_session(
        self,
        *,
        topic: str | None,
        locale: str,
        channel: str,
        client_ref: str | None = None,
        events: Sequence[Event] = (),
    ) -> str:
        session_id = self._store.create_session(
            topic=topic, locale=locale, channel=channel, client_ref=client_ref, events=events, also=self.disarm()
        )
        self.next_seq = len(events)
        return session_id

    def append(self, session_id: str, events: Sequence[Event], *, expected_seq: int | None = None) -> int:
        self._loaded = None
        self.next_seq = self._store.append(session_id, events, expected_seq=expected_seq, also=self.disarm())
        return self.next_seq

    def load(self, session_id: str) -> StoredSession:
        if self._loaded is None or self._loaded.id != session_id:
            self._loaded = self._store.load(session_id)
        self.next_seq = len(self._loaded.events)
        return self._loaded


@dataclass
class Live:
    """A counsellor and its view of the store, as the cache holds them."""

    counsellor: Counsellor
    events: SessionEvents

    @property
    def session_id(self) -> str:
        return self.counsellor.session_id


class Lending(Generic[V]):
    """Objects lent to one request at a time, by key (thread-safe): the least recently used are dropped
    first beyond ``capacity``, and one idle for ``max_idle`` seconds at the cache's next use.

    ``take`` removes what it returns, so two requests never work on one object; the request puts it back
    only when its work succeeded. What ``take`` finds but ``fits`` rejects (it no longer matches the
    database) is dropped.
    """

    def __init__(self, capacity: int, max_idle: float = math.inf, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = capacity
        self.max_idle = max_idle
        self.clock = clock
        self._idle: OrderedDict[str, tuple[V, float]] = OrderedDict()  # value and when it was put back
        self._lock = threading.Lock()

    def lend(self, key: str, fits: Callable[[V], bool]) -> V | None:
        with self._lock:
            found = self._idle.pop(key, None)
            self._expire()
        return found[0] if found is not None and fits(found[0]) else None

    def keep(self, key: str, value: V) -> None:
        if self.capacity <= 0:
            return
        with self._lock:
            self._idle[key] = (value, self.clock())
            self._idle.move_to_end(key)
            while len(self._idle) > self.capacity:
                self._idle.popitem(last=False)
            self._expire()

    def forget(self, key: str) -> None:
        """Drop what is kept under ``key`` (its object was deleted)."""
        with self._lock:
            self._idle.pop(key, None)

    def __len__(self) -> int:
        return len(self._idle)

    def __contains__(self, key: object) -> bool:
        return key in self._idle

    def _expire(self) -> None:
        """Drop what has been idle longer than ``max_idle`` (the oldest are first; the lock is held)."""
        oldest = self.clock() - self.max_idle
        while self._idle:
            _value, used_at = next(iter(self._idle.values()))
            if used_at >= oldest:
                break
            self._idle.popitem(last=False)


class LiveSessions(Lending[Live]):
    """The process's recently used counsellors, by session id (see the module's docstring)."""

    def __init__(
        self, capacity: int = 512, max_idle: float = 1800.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(capacity, max_idle, clock)

    def take(self, session_id: str, next_seq: int) -> Live | None:
        """The session's counsellor if one is kept and it holds exactly ``next_seq`` events; it leaves the
        cache (``put`` it back after a successful turn). A stale one is dropped and None returned."""
        return self.lend(session_id, lambda live: live.events.next_seq == next_seq)

    def put(self, live: Live) -> None:
        """Keep ``live`` (after a turn that succeeded) as the session's most recently used counsellor."""
        self.keep(live.session_id, live)
