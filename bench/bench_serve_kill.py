"""Crash benchmark of the clinic web app: kill -9 ``oars serve`` again and again while clients chat.

    python bench/bench_serve_kill.py [--kills 20] [--sessions 10] [--seed 1]

Starts the real CLI (``oars serve``, SQLite in a temporary folder, one worker, on 127.0.0.1; the set-up
of ``bench_serve_load.py``) and lets ``--sessions`` clients chat through the JSON API without pauses. While
they do, the server's whole process group is killed with SIGKILL ``--kills`` times, each 1–3 s after the
server (re)started answering turns, and started again on the same port and database; the clients keep
their cookie sessions (those live in the database) and carry on in the same conversations, counting a
request that got no answer as not acknowledged (a refused connection is sent again once the server is
up). Every turn the server acknowledged — a 2xx response with the counsellor's reply — is recorded.

Afterwards the database is opened directly and checked: ``PRAGMA integrity_check`` must say ``ok``, and
every acknowledged turn must be in its session, the client's message followed by exactly the reply that
was returned. Printed: kills, restart times, turns acknowledged / not, acknowledged turns missing (must
be 0), turns stored although their answer never arrived (allowed: the commit came first), the integrity
check, and how many conversations went on after a kill.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import sqlite3
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field

import httpx
from sqlalchemy import make_url

from bench_serve_load import PASSWORD, Server, client_scripts, clinic, make_clients
from oars.chat.turn import turns_from_events
from oars.store import Store
from oars.store.database import create_engine, database_url


@dataclass
class Sent:
    session_id: str
    text: str
    at: float
    status: int  # 0: no answer (connection refused, reset, timed out)
    reply: str = ""
    kills_before: int = 0


@dataclass
class Chat:
    url: str
    email: str
    lines: list[str]
    sent: list[Sent] = field(default_factory=list)
    session_id: str | None = None
    position: int = 0
    refused: int = 0  # messages not sent because the server was down (sent again once it is up)

    async def run(self, stop: asyncio.Event, kills: list[float]) -> None:
        async with httpx.AsyncClient(base_url=self.url, timeout=60) as http:
            headers = await self._retry(lambda: self._log_in(http), stop)
            while not stop.is_set():
                if self.session_id is None or self.position >= len(self.lines):
                    self.session_id = await self._retry(lambda: self._start(http, headers), stop)
                    self.position = 0
                    if self.session_id is None:
                        return
                text = self.lines[self.position]
                record = Sent(self.session_id, text, time.perf_counter(), 0, kills_before=len(kills))
                try:
                    response = await http.post(
                        f"/api/v1/sessions/{self.session_id}/messages", json={"text": text}, headers=headers
                    )
                except httpx.ConnectError:
                    self.refused += 1  # the server is down and nothing was sent: the same line again shortly
                    await asyncio.sleep(0.2)
                    continue
                except httpx.HTTPError:
                    await asyncio.sleep(0.2)  # sent, but the server died before answering: the next line
                else:
                    record.status = response.status_code
                    if response.is_success:
                        turns = response.json()["turns"]
                        record.reply = next(t["text"] for t in turns if t["speaker"] == "counsellor")
                self.position += 1
                self.sent.append(record)

    async def _log_in(self, http: httpx.AsyncClient) -> dict[str, str]:
        response = await http.post("/api/v1/auth/login", json={"email": self.email, "password": PASSWORD})
        response.raise_for_status()
        return {"X-CSRF-Token": response.json()["csrf_token"]}

    async def _start(self, http: httpx.AsyncClient, headers: dict[str, str]) -> str:
        response = await http.post("/api/v1/sessions", json={}, headers=headers)
        response.raise_for_status()
        return str(response.json()["session_id"])

    async def _retry(self, attempt, stop: asyncio.Event):  # type: ignore[no-untyped-def]
        while not stop.is_set():
            try:
                return await attempt()
            except httpx.HTTPError:
                await asyncio.sleep(0.2)
        return None


async def crash_run(
    server: Server, emails: list[str], kills: int, rng: random.Random
) -> tuple[list[Chat], list[float]]:
    scripts = client_scripts()
    chats = [Chat(server.url, email, scripts[(i * 7) % len(scripts)]) for i, email in enumerate(emails)]
    stop = asyncio.Event()
    killed_at: list[float] = []
    restarts: list[float] = []
    tasks = [asyncio.create_task(chat.run(stop, killed_at)) for chat in chats]
    loop = asyncio.get_running_loop()
    for _ in range(kills):
        acknowledged = _acknowledged(chats)
        while _acknowledged(chats) == acknowledged:  # the restarted server answers turns again (its first
            await asyncio.sleep(0.05)  # request loads the coder model), then 1-3 s of load before the kill
        await asyncio.sleep(rng.uniform(1.0, 3.0))
        await loop.run_in_executor(None, server.kill)
        killed_at.append(time.perf_counter())
        restarts.append(await loop.run_in_executor(None, server.start))
    await asyncio.sleep(2.0)  # a last stretch of turns after the last restart
    stop.set()
    await asyncio.gather(*tasks)
    return chats, restarts


def _acknowledged(chats: list[Chat]) -> int:
    return sum(1 for chat in chats for s in chat.sent if s.reply)


def verify(db_url: str, sent: list[Sent]) -> tuple[str, int, int]:
    """(integrity_check, acknowledged turns missing, unacknowledged turns that were stored all the same)."""
    path = make_url(db_url).database
    assert path is not None
    with sqlite3.connect(path) as connection:
        integrity = "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    engine = create_engine(database_url(db_url))
    store = Store(engine)
    try:
        pairs: dict[str, list[tuple[str, str]]] = {}
        for session_id in {s.session_id for s in sent}:
            turns = turns_from_events(list(store.load(session_id).events))
            pairs[session_id] = [
                (a.text, b.text)
                for a, b in itertools.pairwise(turns)
                if a.speaker.value == "client" and b.speaker.value == "counsellor"
            ]
        stored_texts = {sid: [client for client, _ in found] for sid, found in pairs.items()}
    finally:
        store.close()
    missing = sum(1 for s in sent if s.reply and (s.text, s.reply) not in pairs[s.session_id])
    stored_anyway = sum(1 for s in sent if not s.reply and s.text in stored_texts[s.session_id])
    return integrity, missing, stored_anyway


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=10, help="clients chatting without pauses (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    print(f"oars serve kill -9: {args.kills} kills, {args.sessions} clients chatting without pauses, SQLite, 1 worker")
    with clinic(workers=1) as (server, db_url):
        emails = make_clients(server.url, args.sessions)
        began = time.perf_counter()
        chats, restarts = asyncio.run(crash_run(server, emails, args.kills, rng))
        elapsed = time.perf_counter() - began
        server.stop()
        sent = [s for chat in chats for s in chat.sent]
        integrity, missing, stored_anyway = verify(db_url, sent)

    acknowledged = [s for s in sent if s.reply]
    unanswered = [s for s in sent if not s.status]
    refused = [s for s in sent if s.status and not s.reply]
    by_session: dict[str, set[int]] = defaultdict(set)
    for s in acknowledged:
        by_session[s.session_id].add(s.kills_before)
    resumed = sum(1 for kills_seen in by_session.values() if len(kills_seen) > 1)
    print(
        f"kills: {len(restarts)} in {elapsed:.0f} s; restart to ready: median {statistics.median(restarts):.1f} s, "
        f"max {max(restarts):.1f} s"
    )
    print(
        f"turns: {len(sent)} sent, {len(acknowledged)} acknowledged (2xx with the reply), {len(unanswered)} "
        f"without an answer (the server was killed mid-turn), {len(refused)} answered with an error status; "
        f"{sum(chat.refused for chat in chats)} connections refused while it was down (sent again later)"
    )
    print(
        f"after the kills: {missing} acknowledged turns missing from the database (must be 0); "
        f"{stored_anyway} unanswered turns were stored all the same (committed before the kill)"
    )
    print(f"PRAGMA integrity_check: {integrity}")
    print(f"conversations that went on after a kill: {resumed} of {len(by_session)}")
    verdict = missing == 0 and integrity == "ok" and len(restarts) == args.kills
    print(f"result: {'every acknowledged turn is there and the database is sound' if verdict else 'FAILED'}")


if __name__ == "__main__":
    main()
