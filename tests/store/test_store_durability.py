"""What was acknowledged survives: a writer killed with SIGKILL loses nothing it reported as stored.

The child process appends one event at a time and prints each event's seq only after ``append`` has
returned; the test kills it without warning part-way through, then checks that every printed seq is in
the database and that the database is intact.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy.engine import make_url

from oars.store import Store

WRITER = textwrap.dedent(
    """
    import sys
    from oars.events import Event, EventKind
    from oars.store import open_store

    store = open_store(sys.argv[1])
    for n in range(100_000):
        event = Event(EventKind.CLIENT_SAID, {"text": f"message {n}", "padding": "x" * 2000})
        print(store.append(sys.argv[2], [event]) - 1, flush=True)
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("acknowledged_before_kill", [1, 40, 150])
def test_every_acknowledged_append_survives_sigkill(url: str, store: Store, acknowledged_before_kill: int) -> None:
    session_id = store.create_session(topic=None, locale="US", channel="web")
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, url, session_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    printed = [int(child.stdout.readline()) for _ in range(acknowledged_before_kill)]
    child.send_signal(signal.SIGKILL)
    remaining, errors = child.communicate(timeout=30)
    printed += [int(line) for line in remaining.splitlines()]  # printed before the kill landed
    assert child.returncode == -signal.SIGKILL, errors

    stored = store.load(session_id)

    assert printed == list(range(len(printed)))
    assert len(stored.events) in (len(printed), len(printed) + 1)  # +1: committed, killed before printing
    assert stored.turns == len(stored.events)
    assert [event.data["text"] for event in stored.events[: len(printed)]] == [f"message {n}" for n in printed]
    if url.startswith("sqlite"):
        with sqlite3.connect(str(make_url(url).database)) as plain:
            assert plain.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
