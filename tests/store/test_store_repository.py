"""The repository API: sessions as event lists, the summary row kept in step, lists, find, delete."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, func, insert, select, text

from oars.errors import SessionNotFoundError, StoreError
from oars.events import Event, EventKind
from oars.store import Store, open_store
from oars.store.models import EventRow, SessionRow

STARTED = Event(EventKind.SESSION_STARTED, {"topic": "drinking", "locale": "US", "seed": 7})


def said(text: str) -> Event:
    return Event(EventKind.CLIENT_SAID, {"text": text, "talk": "change", "darn_cat": ["desire"]})


def reply(text: str) -> Event:
    return Event(EventKind.COUNSELLOR_SAID, {"text": text, "move": "reflect", "acts": ["complex_reflection"]})


def new(store: Store, *, events: tuple[Event, ...] = (STARTED,), **columns: str | None) -> str:
    settings: dict[str, str | None] = {"topic": "drinking", "locale": "US", "channel": "cli", **columns}
    return store.create_session(
        topic=settings["topic"],
        locale=str(settings["locale"]),
        channel=str(settings["channel"]),
        client_ref=settings.get("client_ref"),
        events=events,
    )


def test_create_append_load_round_trip(store: Store) -> None:
    events = [
        STARTED,
        reply("What brings you here today?"),
        Event(
            EventKind.CLIENT_SAID,
            {
                "text": "Ich möchte weniger trinken 🍺",
                "score": 0.75,
                "none": None,
                "ok": True,
                "nested": {"a": [1]},
            },
        ),
        Event(
            EventKind.RULER_ANSWERED,
            {"kind": "importance", "value": 7},
            datetime(2024, 5, 1, 9, 30, tzinfo=UTC),
        ),
    ]
    session_id = store.create_session(topic="drinking", locale="DE", channel="web", events=events[:2])
    assert store.append(session_id, events[2:]) == 4

    loaded = store.load(session_id)

    assert loaded.events == tuple(events)
    assert [event.to_dict() for event in loaded.events] == [event.to_dict() for event in events]
    assert (loaded.id, loaded.topic, loaded.locale, loaded.channel) == (session_id, "drinking", "DE", "web")
    assert (loaded.status, loaded.flagged, loaded.turns, loaded.client_ref) == ("active", False, 1, None)
    assert loaded.created_at.tzinfo is UTC
    assert loaded.updated_at >= loaded.created_at
    assert loaded.preview == "Ich möchte weniger trinken 🍺"


def test_event_times_come_back_as_the_same_moment_in_utc(store: Store) -> None:
    at = datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=timezone(timedelta(hours=-5)))
    session_id = new(store, events=(Event(EventKind.SESSION_STARTED, {}, at),))

    (event,) = store.load(session_id).events

    assert event.at == at
    assert event.at.tzinfo is UTC
    assert event.at.hour == 8


def test_ids_are_uuid4_hex(store: Store) -> None:
    session_id = new(store)
    assert len(session_id) == 32
    assert int(session_id, 16) >= 0
    assert session_id != new(store)


def test_seq_numbers_each_sessions_events_from_zero(store: Store, engine: Engine) -> None:
    first, second = new(store), new(store, events=())
    assert store.append(first, [reply("Hello."), said("hi")]) == 3
    assert store.append(second, [said("one")]) == 1
    assert store.append(first, []) == 3
    assert store.append(first, [reply("Tell me more.")]) == 4

    with engine.connect() as connection:
        seqs = connection.execute(
            select(EventRow.session_id, EventRow.seq).order_by(EventRow.session_id, EventRow.seq)
        ).all()
    assert sorted(seq for session_id, seq in seqs if session_id == first) == [0, 1, 2, 3]
    assert [seq for session_id, seq in seqs if session_id == second] == [0]


def test_turns_count_client_messages_only(store: Store) -> None:
    session_id = new(store)
    store.append(session_id, [reply("Hi."), said("one"), reply("Mm."), said("two")])
    store.append(session_id, [said("three")])
    assert store.load(session_id).turns == 3


def test_a_crisis_flag_stays_open_until_cleared(store: Store) -> None:
    session_id = new(store)
    raised = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    store.append(session_id, [Event(EventKind.CRISIS_FLAGGED, {"categories": ["suicide"]}, raised)])
    store.append(session_id, [Event(EventKind.CRISIS_FLAGGED, {"categories": ["self_harm", "suicide"]})])
    store.append(session_id, [Event(EventKind.CRISIS_FLAGGED, {"categories": "abuse"})])

    flagged = store.load(session_id)
    assert flagged.flagged
    assert flagged.flag_categories == ("suicide", "self_harm", "abuse")
    assert flagged.flag_raised_at == raised  # when the open flag was first raised

    store.append(session_id, [Event(EventKind.FLAG_CLEARED, {"by": "dr x", "note": "safety plan made"})])
    cleared = store.load(session_id)
    assert (cleared.flagged, cleared.flag_categories, cleared.flag_raised_at) == (False, (), None)


def test_session_ended_ends_the_session(store: Store) -> None:
    session_id = new(store)
    store.append(session_id, [said("bye"), Event(EventKind.SESSION_ENDED, {"reason": "client left"})])
    assert store.load(session_id).status == "ended"


def test_expected_seq_refuses_an_append_after_someone_elses(store: Store) -> None:
    session_id = new(store)
    seen = len(store.load(session_id).events)
    assert store.append(session_id, [said("worker one")], expected_seq=seen) == seen + 1

    with pytest.raises(StoreError, match="session was changed by someone else"):
        store.append(session_id, [said("worker two")], expected_seq=seen)

    assert [event.data.get("text") for event in store.load(session_id).events] == [None, "worker one"]


def test_unknown_sessions_are_not_found(store: Store) -> None:
    missing = "0" * 32
    for call in (
        lambda: store.load(missing),
        lambda: store.append(missing, [said("hello")]),
        lambda: store.delete_session(missing),
    ):
        with pytest.raises(SessionNotFoundError, match=missing):
            call()


def test_a_failing_append_writes_nothing(store: Store) -> None:
    session_id = new(store)
    unstorable = Event(EventKind.PLAN_UPDATED, {"field": "steps", "value": {"not", "json"}})

    with pytest.raises(StoreError, match="not JSON serializable"):
        store.append(session_id, [said("this one is fine"), unstorable])

    loaded = store.load(session_id)
    assert loaded.events == (STARTED,)
    assert loaded.turns == 0


def test_misuse_is_refused_before_the_database(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown channel 'sms'"):
        store.create_session(topic=None, locale="US", channel="sms")
    with pytest.raises(ValueError, match="naive time"):
        store.create_session(
            topic=None,
            locale="US",
            channel="cli",
            events=[Event(EventKind.SESSION_STARTED, {}, datetime(2024, 1, 1))],
        )
    with pytest.raises(ValueError, match="unknown status"):
        store.list_sessions(status="paused")
    with pytest.raises(ValueError, match="cannot be negative"):
        store.list_sessions(limit=-1)
    assert store.list_sessions() == []


def test_list_is_newest_updated_first_with_filters(store: Store) -> None:
    oldest = new(store, channel="web", client_ref="client-a")
    middle = new(store, channel="web", client_ref="client-b")
    newest = new(store, channel="api", client_ref="client-a")
    store.append(oldest, [said("I keep thinking about stopping.")])  # now the most recently updated
    store.append(middle, [Event(EventKind.CRISIS_FLAGGED, {"categories": ["suicide"]})])
    store.append(newest, [Event(EventKind.SESSION_ENDED, {"reason": "done"})])

    assert [info.id for info in store.list_sessions()] == [newest, middle, oldest]
    assert [info.id for info in store.list_sessions(flagged=True)] == [middle]
    assert [info.id for info in store.list_sessions(flagged=False)] == [newest, oldest]
    assert [info.id for info in store.list_sessions(client_ref="client-a")] == [newest, oldest]
    assert [info.id for info in store.list_sessions(status="ended")] == [newest]
    assert [info.id for info in store.list_sessions(status="active", client_ref="client-a")] == [oldest]
    info = store.list_sessions(flagged=True)[0]
    assert (info.channel, info.client_ref, info.flag_categories) == ("web", "client-b", ("suicide",))


def test_list_pages_through_every_session_once(store: Store) -> None:
    ids = [new(store) for _ in range(7)]
    pages = [store.list_sessions(limit=3, offset=offset) for offset in (0, 3, 6, 9)]
    assert [len(page) for page in pages] == [3, 3, 1, 0]
    assert [info.id for page in pages for info in page] == ids[::-1]
    assert store.list_sessions(limit=0) == []


def test_preview_is_the_first_client_message_shortened(store: Store) -> None:
    short = new(store, events=(STARTED, reply("Hi, what brings you?"), said("My  wife\nworries."), said("later")))
    long_text = "I have been drinking more than I would like to since the new job started, mostly " * 3
    long = new(store, events=(said(long_text),))
    silent = new(store)

    previews = {info.id: info.preview for info in store.list_sessions()}

    assert previews[short] == "My wife worries."
    assert len(previews[long]) == 80
    assert previews[long].endswith("…")
    assert long_text.startswith(previews[long][:-1])
    assert previews[silent] == ""
    assert store.load(long).preview == previews[long]


def test_find_resolves_a_unique_prefix(store: Store, engine: Engine) -> None:
    session_id = new(store)
    other = new(store)
    assert store.find(session_id[:6]) == session_id
    assert store.find(f"  {session_id[:8].upper()} ") == session_id
    assert store.find(session_id) == session_id
    assert store.find(other[:10]) == other

    twin = session_id[:6] + ("0" * 26 if session_id[6:] != "0" * 26 else "1" * 26)
    with engine.begin() as connection:  # a session whose id shares the first six characters
        row = connection.execute(select(SessionRow).where(SessionRow.id == session_id)).mappings().one()
        connection.execute(insert(SessionRow), [{**row, "id": twin}])
    with pytest.raises(SessionNotFoundError, match="more than one session"):
        store.find(session_id[:6])
    assert store.find(session_id) == session_id
    assert store.find(twin) == twin


@pytest.mark.parametrize(
    ("prefix", "message"),
    [("3fa2b", "at least 6 characters"), ("", "at least 6 characters"), ("zzzzzz", "hexadecimal")],
)
def test_find_refuses_short_or_impossible_prefixes(store: Store, prefix: str, message: str) -> None:
    with pytest.raises(SessionNotFoundError, match=message):
        store.find(prefix)


def test_find_without_a_match(store: Store) -> None:
    session_id = new(store)
    absent = "abcdef" if not session_id.startswith("abcdef") else "fedcba"
    with pytest.raises(SessionNotFoundError, match=f"no session id starts with '{absent}'"):
        store.find(absent)


def test_delete_removes_the_session_and_its_events(store: Store, engine: Engine) -> None:
    doomed, kept = new(store), new(store)
    store.append(doomed, [said("please forget me")])
    store.append(kept, [said("keep me")])

    store.delete_session(doomed)

    with pytest.raises(SessionNotFoundError):
        store.load(doomed)
    with engine.connect() as connection:
        left = connection.execute(select(EventRow.session_id, func.count()).group_by(EventRow.session_id)).all()
    assert [tuple(row) for row in left] == [(kept, 2)]
    assert [info.id for info in store.list_sessions()] == [kept]


def test_a_broken_database_is_a_store_error(store: Store, engine: Engine) -> None:
    session_id = new(store)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE events"))
    with pytest.raises(StoreError, match=r"the session database at .* failed"):
        store.load(session_id)
    with pytest.raises(StoreError):
        store.append(session_id, [said("hello")])


def test_an_event_kind_from_a_newer_oars_is_a_store_error(store: Store, engine: Engine) -> None:
    session_id = new(store)
    with engine.begin() as connection:
        connection.execute(text("UPDATE events SET kind = 'telepathy' WHERE session_id = :id"), {"id": session_id})
    with pytest.raises(StoreError, match="'telepathy'"):
        store.load(session_id)


def test_a_closed_store_refuses_work(url: str) -> None:
    store = open_store(url)
    session_id = new(store)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.load(session_id)
    with open_store(url) as reopened:
        assert reopened.load(session_id).events == (STARTED,)
