"""One store shared by threads: appends never get lost, never share a seq, never interleave a turn."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from oars.errors import StoreError
from oars.events import Event, EventKind
from oars.store import Store

THREADS = 8
APPENDS = 25


def said(text: str) -> Event:
    return Event(EventKind.CLIENT_SAID, {"text": text})


def reply(text: str) -> Event:
    return Event(EventKind.COUNSELLOR_SAID, {"text": text})


def together(work: Callable[[int], None]) -> None:
    """Run ``work(0)`` … ``work(THREADS - 1)`` on as many threads, all starting at once; re-raise failures."""
    start = threading.Barrier(THREADS)

    def run(worker: int) -> None:
        start.wait()
        work(worker)

    with ThreadPoolExecutor(THREADS) as pool:
        for future in [pool.submit(run, worker) for worker in range(THREADS)]:
            future.result()


def test_threads_appending_to_their_own_sessions_all_land(store: Store) -> None:
    sessions = [store.create_session(topic=None, locale="US", channel="web") for _ in range(THREADS)]

    def work(worker: int) -> None:
        for n in range(APPENDS):
            store.append(sessions[worker], [said(f"{worker}:{n}")])

    together(work)

    for worker, session_id in enumerate(sessions):
        stored = store.load(session_id)
        assert [event.data["text"] for event in stored.events] == [f"{worker}:{n}" for n in range(APPENDS)]
        assert stored.turns == APPENDS


def test_threads_appending_to_one_session_get_distinct_seqs(store: Store) -> None:
    session_id = store.create_session(topic=None, locale="US", channel="web")
    returned: list[int] = []

    def work(worker: int) -> None:
        for n in range(APPENDS):
            returned.append(store.append(session_id, [said(f"{worker}:{n}"), reply(f"{worker}:{n}")]))

    together(work)

    stored = store.load(session_id)
    assert sorted(returned) == list(range(2, 2 * THREADS * APPENDS + 1, 2))
    assert stored.turns == THREADS * APPENDS
    texts = [event.data["text"] for event in stored.events]
    assert texts[0::2] == texts[1::2]  # each client message directly followed by its own reply


def test_expected_seq_lets_exactly_one_of_racing_writers_win(store: Store) -> None:
    session_id = store.create_session(topic=None, locale="US", channel="web")
    seen = len(store.load(session_id).events)
    outcomes: list[str] = []

    def work(worker: int) -> None:
        try:
            store.append(session_id, [said(f"worker {worker}")], expected_seq=seen)
            outcomes.append("stored")
        except StoreError as error:
            assert "changed by someone else" in str(error)
            outcomes.append("refused")

    together(work)

    assert sorted(outcomes) == ["refused"] * (THREADS - 1) + ["stored"]
    assert len(store.load(session_id).events) == 1
