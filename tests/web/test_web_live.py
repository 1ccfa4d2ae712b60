"""The per-worker cache of live counsellors (``oars.web.live``): a turn on a cached counsellor answers exactly
as one rebuilt from the database would, anything appended elsewhere is noticed before a turn runs, and a
turn that fails leaves nothing half-changed behind."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from web_world import PASSWORD, Clock, make_settings

from oars.chat import Counsellor, Turn
from oars.errors import StoreError
from oars.events import EventKind
from oars.store import Store
from oars.web import create_app
from oars.web.audit import Actor, UserView
from oars.web.errors import RateLimited
from oars.web.live import Live, LiveSessions, SessionEvents
from oars.web.models import AuditEntry, RateCounter
from oars.web.repository import Repository

MESSAGES = (
    "I drink most nights and my wife is worried.",
    "It helps me unwind after work, honestly.",
    "But I've been sleeping badly and I feel rough in the mornings.",
    "Maybe I could have a few nights off in the week.",
    "I'd like to feel sharper at work.",
    "I'm not sure I can do it on my own though.",
)


def clinic(app: FastAPI) -> tuple[UserView, UserView]:
    """An admin, a clinician and one client who has joined; returns the clinician and the client."""
    accounts = app.state.accounts
    admin = accounts.create_admin("admin@example.org", "Admin", PASSWORD)
    _summary, token = repo(app, admin).add_clinician("dr@example.org", "Dr")
    clinician = accounts.accept_invite(Actor(None), token, PASSWORD)
    _summary, token = repo(app, clinician).add_client("client@example.org", "Client")
    return clinician, accounts.accept_invite(Actor(None), token, PASSWORD)


def repo(app: FastAPI, user: UserView) -> Repository:
    return Repository(app.state.backend, app.state.accounts, Actor(user, "token", "127.0.0.1", "test"))


@pytest.fixture
def chat(db_url: str, clock: Clock) -> Iterator[Chat]:
    """An app (its cache on), its clinician and client, and a session the client has started."""
    app = create_app(make_settings(db_url), clock=clock)
    try:
        clinician, client = clinic(app)
        session_id, _opening = repo(app, client).start_session()
        yield Chat(app, clinician, client, session_id)
    finally:
        app.state.backend.close()


@dataclass
class Chat:
    app: FastAPI
    clinician: UserView
    client: UserView
    session_id: str

    def say(self, text: str) -> list[Turn]:
        return repo(self.app, self.client).say(self.session_id, text)

    @property
    def store(self) -> Store:
        return self.app.state.backend.store  # type: ignore[no-any-return]

    @property
    def live(self) -> LiveSessions:
        return self.app.state.backend.live  # type: ignore[no-any-return]


def test_a_cached_counsellor_answers_exactly_as_one_rebuilt_from_the_database(tmp_path: Path) -> None:
    """Two copies of one database: one app keeps its counsellor between turns, the other rebuilds it from the
    database for every turn (``live_sessions=0``, the old way). Every reply is the same."""
    cached = create_app(make_settings(f"sqlite:///{tmp_path / 'cached.db'}"))
    rebuilt = None
    try:
        _clinician, client = clinic(cached)
        session_id, _opening = repo(cached, client).start_session()
        assert session_id in cached.state.backend.live
        with sqlite3.connect(tmp_path / "cached.db") as source, sqlite3.connect(tmp_path / "rebuilt.db") as copy:
            source.backup(copy)
        rebuilt = create_app(make_settings(f"sqlite:///{tmp_path / 'rebuilt.db'}", live_sessions=0))
        apps = (cached, rebuilt)
        for message in MESSAGES:
            from_cache = repo(cached, client).say(session_id, message)
            from_store = repo(rebuilt, client).say(session_id, message)
            assert [(t.speaker, t.text, t.move, t.process) for t in from_cache] == [
                (t.speaker, t.text, t.move, t.process) for t in from_store
            ]
        assert len(rebuilt.state.backend.live) == 0
        stored = [[(e.kind, e.data.get("text")) for e in a.state.backend.store.load(session_id).events] for a in apps]
        assert stored[0] == stored[1]
    finally:
        cached.state.backend.close()
        if rebuilt is not None:
            rebuilt.state.backend.close()


def test_turns_after_the_first_use_the_cached_counsellor(chat: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    rebuilt: list[str] = []
    original = Counsellor.resume.__func__  # type: ignore[attr-defined]

    def counting_resume(cls: type[Counsellor], sid: str, *args: object, **options: object) -> Counsellor:
        rebuilt.append(sid)
        return original(cls, sid, *args, **options)  # type: ignore[no-any-return]

    monkeypatch.setattr(Counsellor, "resume", classmethod(counting_resume))
    for message in MESSAGES[:3]:
        chat.say(message)
    assert rebuilt == []
    chat.live.forget(chat.session_id)  # as after a restart, or on another worker
    chat.say(MESSAGES[3])
    assert rebuilt == [chat.session_id]


def test_a_turn_stored_by_another_process_is_noticed_before_the_next_turn_runs(chat: Chat, db_url: str) -> None:
    """Another worker (here: another process) answers a turn of the same session; this worker's cached
    counsellor is stale, the count check sees it, and the next turn runs on the session rebuilt from the
    database, with no conflict and nothing lost."""
    session_id, store = chat.session_id, chat.store
    chat.say(MESSAGES[0])
    appends: list[int] = []
    original_append = store.append

    def counting_append(*args: object, **options: object) -> int:
        appends.append(1)
        return original_append(*args, **options)  # type: ignore[arg-type]

    other_worker = f"""
from oars.events import Event, EventKind
from oars.store import Store
from oars.store.database import create_engine, database_url
store = Store(create_engine(database_url({db_url!r})))
seq = store.next_seq({session_id!r})
store.append({session_id!r}, [Event(EventKind.CLIENT_SAID, {{"text": "Said on the other worker."}}),
    Event(EventKind.COUNSELLOR_SAID, {{"text": "Answered on the other worker.", "move": "simple_reflection"}})],
    expected_seq=seq)
store.close()
"""
    subprocess.run([sys.executable, "-c", other_worker], check=True, timeout=120)
    store.append = counting_append  # type: ignore[method-assign]
    try:
        turns = chat.say(MESSAGES[1])
    finally:
        store.append = original_append  # type: ignore[method-assign]
    assert appends == [1]  # stored at the first try: the stale counsellor was never used
    assert [t.speaker.value for t in turns] == ["client", "counsellor"]
    assert turns[0].index == 5  # opening, message 0 and its reply, the other worker's two turns, then this one
    events = store.load(session_id).events
    said = [e.data["text"] for e in events if e.kind is EventKind.CLIENT_SAID]
    assert said == [MESSAGES[0], "Said on the other worker.", MESSAGES[1]]
    assert chat.live.take(session_id, len(events)) is not None  # the fresh one is cached now


def test_a_flag_cleared_by_the_clinician_is_seen_by_the_next_turn(chat: Chat) -> None:
    assert chat.say("I want to kill myself.")[-1].crisis
    repo(chat.app, chat.clinician).clear_flag(chat.session_id, "Called them; they are safe and have a plan.")
    chat.say("Thanks for listening. I'm safe now.")
    live = chat.live.take(chat.session_id, chat.store.next_seq(chat.session_id))
    assert live is not None
    assert not live.counsellor.flagged
    assert EventKind.FLAG_CLEARED in [e.kind for e in live.counsellor.events]


def test_a_turn_that_fails_half_way_leaves_no_counsellor_behind(chat: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    """The message count is over the limit only when the turn is stored (a racing request of the same
    account): the turn is refused, nothing of it is stored, and its half-changed counsellor is dropped."""
    session_id, store, live = chat.session_id, chat.store, chat.live
    chat.say(MESSAGES[0])
    before = store.next_seq(session_id)

    def over_the_limit(*_args: object, **_options: object) -> int:
        return 10**9

    monkeypatch.setattr("oars.web.ratelimit.bump", over_the_limit)
    with pytest.raises(RateLimited):
        chat.say(MESSAGES[1])
    monkeypatch.undo()
    assert store.next_seq(session_id) == before
    assert session_id not in live
    turns = chat.say(MESSAGES[2])
    assert turns[0].text == MESSAGES[2]
    events = store.load(session_id).events
    assert [e.data["text"] for e in events if e.kind is EventKind.CLIENT_SAID] == [MESSAGES[0], MESSAGES[2]]
    cached = live.take(session_id, len(events))
    assert cached is not None
    assert [t.text for t in cached.counsellor.turns] == [t.text for t in Counsellor.resume(session_id, store).turns]


def test_a_database_failure_during_a_turn_drops_the_counsellor(chat: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_append(*_args: object, **_options: object) -> int:
        raise StoreError("the disk is full")

    monkeypatch.setattr(chat.store, "append", failing_append)
    with pytest.raises(StoreError):
        chat.say(MESSAGES[0])
    monkeypatch.undo()
    assert chat.session_id not in chat.live
    turns = chat.say(MESSAGES[0])
    assert turns[0].index == 1  # right after the opening: the failed turn left nothing behind


def test_a_turn_and_its_audit_entry_and_message_count_are_one_write(
    chat: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend, writes = chat.app.state.backend, []
    original_append, original_writing, original_connect = backend.store.append, backend.writing, backend.connect

    def append(*args: object, **options: object) -> int:
        writes.append("append")
        return original_append(*args, **options)  # type: ignore[arg-type]

    def writing() -> object:
        writes.append("writing")
        return original_writing()

    def connect(*, write: bool = False) -> object:
        if write:
            writes.append("connect")
        return original_connect(write=write)

    monkeypatch.setattr(backend.store, "append", append)
    monkeypatch.setattr(backend, "writing", writing)
    monkeypatch.setattr(backend, "connect", connect)
    chat.say(MESSAGES[0])
    monkeypatch.undo()
    assert writes == ["append"]
    with backend.reading() as db:
        audited = db.scalars(
            select(AuditEntry.action).where(
                AuditEntry.object_id == chat.session_id, AuditEntry.actor_id == chat.client.id
            )
        ).all()
        counted = db.scalar(select(RateCounter.count).where(RateCounter.key == f"message:account:{chat.client.id}"))
    assert sorted(audited) == ["create", "update"]
    assert counted == 1


def test_deleting_a_client_forgets_their_cached_sessions(chat: Chat) -> None:
    assert chat.session_id in chat.live
    repo(chat.app, chat.clinician).delete_client(chat.client.id)
    assert chat.session_id not in chat.live


# -- the cache itself ----------------------------------------------------------------------------------


class _Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _live(session_id: str, next_seq: int) -> Live:
    """A stand-in for a cached counsellor: only its session id and event count matter to the cache."""
    events = SessionEvents(Store.__new__(Store))
    events.next_seq = next_seq
    counsellor = Counsellor.__new__(Counsellor)
    counsellor.session_id = session_id
    return Live(counsellor, events)


def test_take_hands_a_counsellor_out_once_and_only_with_the_stored_event_count() -> None:
    cache = LiveSessions(capacity=4)
    cache.put(_live("a", 3))
    assert cache.take("a", 4) is None  # someone appended elsewhere: stale, and dropped
    assert "a" not in cache
    cache.put(_live("a", 3))
    taken = cache.take("a", 3)
    assert taken is not None and taken.session_id == "a"
    assert cache.take("a", 3) is None  # out while a request uses it


def test_the_least_recently_used_go_first_and_idle_ones_expire() -> None:
    ticks = _Ticks()
    cache = LiveSessions(capacity=2, max_idle=60.0, clock=ticks)
    cache.put(_live("a", 1))
    cache.put(_live("b", 1))
    cache.put(_live("a", 1))  # a used again: b is now the oldest
    cache.put(_live("c", 1))
    assert "b" not in cache and "a" in cache and "c" in cache
    ticks.now = 61.0
    cache.put(_live("d", 1))
    assert len(cache) == 1 and "d" in cache


def test_capacity_zero_keeps_nothing() -> None:
    cache = LiveSessions(capacity=0)
    cache.put(_live("a", 1))
    assert len(cache) == 0
