"""Load benchmark of the clinic web app: ``oars serve`` on SQLite, many clients chatting at once.

    python bench/bench_serve_load.py [--sessions 100] [--rate 50] [--seconds 60] [--workers 2] [--saturate]

Starts the real CLI (``oars serve``, a subprocess, SQLite in a temporary folder, on 127.0.0.1), makes an
admin (``oars admin create``), a clinician and ``--sessions`` clients through the API, logs every client in
(a cookie session with its CSRF token, as a browser has), then runs the load: each client chats through
the JSON API, one message at a time, waiting for the reply before the next — the lines of the scripted
clients in ``data/scripts`` (a new conversation when a script runs out). Each client sends a message
every ``sessions / rate`` seconds (2 s for 100 clients at 50 turns/s; at once when a reply came later
than that), starting at random offsets, so the offered load is ``--rate`` turns/s. ``--saturate`` adds a
second run without pauses: the most turns/s the server gives, and the latency then.

A turn is one ``POST /api/v1/sessions/{id}/messages``: the client's message and the counsellor's reply,
both committed to the database before the response. Printed: turns/s sustained (turns completed in the
measured window, after a warm-up), latency p50 / p95 / p99 of those turns as the load generator saw
them, errors (any non-2xx or failed request, warm-up included), and the server's CPU time per turn in
the window (from /proc), which says what the server could do on its cores alone even when other work
shares the machine. The load generator (httpx, asyncio) runs on the same machine and takes some CPU.

Set for the run: a random ``OARS_SECRET_KEY`` (production mode), cheap argon2 settings (only the set-up's
logins hash passwords; no chat turn does) and per-account / per-address limits the run cannot reach (every
client comes from 127.0.0.1).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "data" / "scripts"
PASSWORD = "bench password 1"
CLI = [sys.executable, "-c", "from oars.cli import main; main()"]
TARGET_RATE, TARGET_P95_MS = 50.0, 200.0


def client_scripts() -> list[list[str]]:
    """Every session of every scripted client except the crisis ones (a crisis reply ends nothing, but a
    clinic's load is mostly ordinary conversation); whitespace-only lines dropped."""
    sessions = []
    for path in sorted(SCRIPTS.glob("*.txt")):
        if path.stem == "crisis":
            continue
        for block in path.read_text().split("\n---\n"):
            lines = [line.strip() for line in block.splitlines() if line.strip() and line.strip() != "---"]
            if lines:
                sessions.append(lines)
    return sessions


def server_env(db_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "OARS_ENV": "production",
        "OARS_SECRET_KEY": secrets.token_urlsafe(48),
        "OARS_DB": db_url,
        "OARS_PASSWORD_TIME_COST": "1",
        "OARS_PASSWORD_MEMORY_KIB": "8192",
        "OARS_PASSWORD_PARALLELISM": "1",
        "OARS_LOGIN_PER_IP": "1000000",
        "OARS_LOGIN_PER_ACCOUNT": "1000000",
        "OARS_MESSAGES_PER_ACCOUNT": "1000000",
    }


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """``oars serve`` as a subprocess in its own process group (so kill -9 reaches every worker)."""

    def __init__(self, env: dict[str, str], port: int, workers: int, log: Path) -> None:
        self.env, self.port, self.workers, self.log = env, port, workers, log
        self.process: subprocess.Popen[str] | None = None
        self.url = f"http://127.0.0.1:{port}"

    def start(self, timeout: float = 120) -> float:
        """Start it and wait for its "ready" line; returns the seconds that took."""
        started = time.perf_counter()
        command = [*CLI, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers)]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                command, env=self.env, stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True
            )
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if line.startswith("oars serve: ready at "):
                self._wait_until_answering(deadline)  # with --workers > 1 the line comes before a worker listens
                return time.perf_counter() - started
            if not line and self.process.poll() is not None:
                break
        raise RuntimeError(f"oars serve did not start; see {self.log}")

    def _wait_until_answering(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/static/oars.css", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"oars serve said it was ready but does not answer; see {self.log}")

    def kill(self) -> None:
        """kill -9, every process of the server at once."""
        assert self.process is not None
        os.killpg(self.process.pid, 9)
        self.process.wait()
        self._close()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        self._close()

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by every live process of the server (its process group)."""
        assert self.process is not None
        tick, total = os.sysconf("SC_CLK_TCK"), 0.0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[2]) == self.process.pid:  # the process group the server leads
                total += (int(fields[11]) + int(fields[12])) / tick
        return total

    def _close(self) -> None:
        if self.process is not None and self.process.stdout is not None:
            self.process.stdout.close()


@contextmanager
def clinic(workers: int, folder: Path | None = None) -> Iterator[tuple[Server, str]]:
    """A fresh database with an admin, and ``oars serve`` on it; yields the server and the database URL."""
    with tempfile.TemporaryDirectory(prefix="oars-bench-") as tmp:
        base = folder or Path(tmp)
        db_url = f"sqlite:///{base / 'oars.db'}"
        env = server_env(db_url)
        created = subprocess.run(
            [*CLI, "admin", "create", "--email", "admin@bench.example", "--password-stdin"],
            env=env,
            input=PASSWORD + "\n",
            capture_output=True,
            text=True,
            check=False,
        )
        if created.returncode != 0:
            raise RuntimeError(created.stdout + created.stderr)
        server = Server(env, free_port(), workers, base / "server.log")
        try:
            server.start()  # inside: a server that started but never answered is stopped too
            yield server, db_url
        finally:
            server.stop()


def make_clients(url: str, count: int) -> list[str]:
    """A clinician and ``count`` clients who have joined; returns the clients' e-mail addresses."""
    with httpx.Client(base_url=url, timeout=60) as http:
        admin = _login(http, "admin@bench.example")
        invite = http.post("/api/v1/clinicians", json={"email": "dr@bench.example", "name": "Dr Bench"}, headers=admin)
        invite.raise_for_status()
        _accept(http, invite.json()["invite"]["url"])
        http.cookies.clear()
        clinician = _login(http, "dr@bench.example")
        emails = []
        for index in range(count):
            email = f"client{index}@bench.example"
            made = http.post("/api/v1/clients", json={"email": email, "name": f"Client {index}"}, headers=clinician)
            made.raise_for_status()
            _accept(http, made.json()["invite"]["url"])
            emails.append(email)
    return emails


def _login(http: httpx.Client, email: str) -> dict[str, str]:
    response = http.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    response.raise_for_status()
    return {"X-CSRF-Token": response.json()["csrf_token"]}


def _accept(http: httpx.Client, invite_url: str) -> None:
    token = invite_url.rsplit("/", 1)[1]
    http.post("/api/v1/invites/accept", json={"token": token, "password": PASSWORD}).raise_for_status()


@dataclass
class Turn:
    started: float  # perf_counter when sent
    seconds: float
    status: int  # 0: the request failed (no response)
    session_id: str = ""
    text: str = ""
    reply: str = ""


@dataclass
class Chatter:
    """One client's conversation loop against the JSON API."""

    url: str
    email: str
    lines: list[str]
    interval: float
    turns: list[Turn] = field(default_factory=list)
    session_id: str | None = None
    position: int = 0

    async def run(self, until: float, rng: random.Random, start_after: float = 0.0) -> None:
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(base_url=self.url, timeout=120, limits=limits) as http:
            headers = await self._log_in(http)
            await asyncio.sleep(start_after + rng.uniform(0, self.interval))
            next_at = time.perf_counter()
            while time.perf_counter() < until:
                await self.turn(http, headers)
                next_at += self.interval
                now = time.perf_counter()
                if next_at > now:
                    await asyncio.sleep(next_at - now)
                else:
                    next_at = now  # a late reply: send the next at once, build no backlog

    async def turn(self, http: httpx.AsyncClient, headers: dict[str, str]) -> Turn:
        if self.session_id is None or self.position >= len(self.lines):
            sent = time.perf_counter()
            try:
                started = await http.post("/api/v1/sessions", json={}, headers=headers)
            except httpx.HTTPError:
                started = None
            if started is None or not started.is_success:  # counted as a failed turn; tried again next time
                turn = Turn(sent, time.perf_counter() - sent, started.status_code if started is not None else 0)
                self.turns.append(turn)
                return turn
            self.session_id, self.position = started.json()["session_id"], 0
        text = self.lines[self.position]
        self.position += 1
        sent = time.perf_counter()
        try:
            response = await http.post(
                f"/api/v1/sessions/{self.session_id}/messages", json={"text": text}, headers=headers
            )
        except httpx.HTTPError:
            turn = Turn(sent, time.perf_counter() - sent, 0, self.session_id, text)
        else:
            reply = ""
            if response.is_success:
                reply = next((t["text"] for t in response.json()["turns"] if t["speaker"] == "counsellor"), "")
            turn = Turn(sent, time.perf_counter() - sent, response.status_code, self.session_id, text, reply)
        self.turns.append(turn)
        return turn

    async def _log_in(self, http: httpx.AsyncClient) -> dict[str, str]:
        response = await http.post("/api/v1/auth/login", json={"email": self.email, "password": PASSWORD})
        response.raise_for_status()
        return {"X-CSRF-Token": response.json()["csrf_token"]}


def machine_busy_seconds() -> float:
    """CPU time the whole machine has spent busy (every CPU, every process: /proc/stat), in seconds."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def load(server: Server, emails: list[str], interval: float, warmup: float, seconds: float) -> dict[str, Any]:
    """Run the chatters; figures for the turns that completed in the measured window (after ``warmup``)."""
    scripts = client_scripts()
    rng = random.Random(7)
    chatters = [Chatter(server.url, email, scripts[i % len(scripts)], interval) for i, email in enumerate(emails)]
    began = time.perf_counter()
    measure_from = began + warmup
    until = measure_from + seconds
    cpu: list[float] = []
    own: list[float] = []
    busy: list[float] = []

    async def sample_cpu() -> None:  # CPU time of the server, the load generator and the machine, at the window's ends
        for at in (measure_from, until):
            await asyncio.sleep(at - time.perf_counter())
            cpu.append(server.cpu_seconds())
            own.append(time.process_time())
            busy.append(machine_busy_seconds())

    await asyncio.gather(sample_cpu(), *(c.run(until, random.Random(rng.random())) for c in chatters))
    every = [t for c in chatters for t in c.turns]
    measured = [t for t in every if measure_from <= t.started + t.seconds <= until]
    ok = [t for t in measured if 200 <= t.status < 300]
    latencies = [t.seconds * 1000 for t in ok]
    return {
        "turns": len(ok),
        "turns_per_s": len(ok) / seconds,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "mean": statistics.fmean(latencies) if latencies else float("nan"),
        "errors": sum(1 for t in every if not 200 <= t.status < 300),
        "error_statuses": dict(Counter(t.status for t in every if not 200 <= t.status < 300)),
        "all_turns": len(every),
        "server_cpu_ms_per_turn": (cpu[1] - cpu[0]) * 1000 / len(ok) if ok else float("nan"),
        "server_cpu_share": (cpu[1] - cpu[0]) / seconds,
        "generator_cpu_share": (own[1] - own[0]) / seconds,
        "others_cpu_share": max(0.0, (busy[1] - busy[0]) - (cpu[1] - cpu[0]) - (own[1] - own[0])) / seconds,
    }


def report(label: str, figures: dict[str, Any], offered: str) -> None:
    print(
        f"{label}: {figures['turns_per_s']:.1f} turns/s sustained ({figures['turns']:.0f} turns in the measured "
        f"window; offered {offered}), latency p50 {figures['p50']:.0f} ms, p95 {figures['p95']:.0f} ms, "
        f"p99 {figures['p99']:.0f} ms (mean {figures['mean']:.0f} ms), errors {figures['errors']:.0f} "
        f"of {figures['all_turns']:.0f} requests"
        + (f" (by status, 0 = no response: {figures['error_statuses']})" if figures["errors"] else ""),
        flush=True,
    )
    cores = os.cpu_count() or 1
    print(
        f"{label}: the server used {figures['server_cpu_share']:.2f} of the {cores} CPUs in the window, "
        f"{figures['server_cpu_ms_per_turn']:.0f} ms of CPU per turn (at most "
        f"{cores * 1000 / figures['server_cpu_ms_per_turn']:.1f} turns/s if it had all {cores} to itself); "
        f"the load generator used {figures['generator_cpu_share']:.2f}, everything else on the machine "
        f"{figures['others_cpu_share']:.2f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100, help="concurrent client sessions (default 100)")
    parser.add_argument("--rate", type=float, default=TARGET_RATE, help="offered turns/s in all (default 50)")
    parser.add_argument("--seconds", type=float, default=60, help="measured window (default 60)")
    parser.add_argument("--warmup", type=float, default=10, help="unmeasured start (default 10)")
    parser.add_argument("--workers", type=int, default=2, help="oars serve --workers (default 2: one per core)")
    parser.add_argument("--saturate", action="store_true", help="then run again without pauses between turns")
    parser.add_argument("--keep", type=Path, help="put the database and the server's log here (kept)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)

    print(f"oars serve load: {args.sessions} client sessions, SQLite, {args.workers} worker(s), {os.cpu_count()} CPUs")
    with clinic(args.workers, args.keep) as (server, _db):
        set_up = time.perf_counter()
        emails = make_clients(server.url, args.sessions)
        print(f"set-up: {len(emails)} clients joined in {time.perf_counter() - set_up:.1f} s", flush=True)
        interval = args.sessions / args.rate
        paced = asyncio.run(load(server, emails, interval, args.warmup, args.seconds))
        report("paced", paced, f"{args.rate:g} turns/s: each session every {interval:g} s")
        met = paced["turns_per_s"] >= TARGET_RATE * 0.98 and paced["p95"] <= TARGET_P95_MS and paced["errors"] == 0
        print(
            f"target (>= {TARGET_RATE:g} turns/s, p95 <= {TARGET_P95_MS:g} ms, 0 errors): {'met' if met else 'MISSED'}"
        )
        if args.saturate:
            flat_out = asyncio.run(load(server, emails, 0.0, args.warmup, args.seconds))
            report("saturated", flat_out, "no pauses: each session sends as soon as its reply arrives")


if __name__ == "__main__":
    main()
