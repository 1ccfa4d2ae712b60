"""The small clinic the web tests run against, and helpers to talk to it (imported by tests and conftest)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient

from oars.events import now
from oars.web import Settings
from oars.web.accounts import Accounts
from oars.web.audit import Actor, UserView
from oars.web.practice import Practice, PracticeCache
from oars.web.repository import Repository

PASSWORD = "correct horse battery"


class Clock:
    """A clock the test moves forward (login sessions expire by it)."""

    def __init__(self) -> None:
        self.at = now()

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@dataclass
class Person:
    id: str
    email: str
    role: str
    token: str = ""  # personal access token
    token_id: str = ""


@dataclass
class World:
    admin: Person
    clinician_a: Person
    clinician_b: Person
    client_a: Person
    client_b: Person
    session_a: str
    session_b: str
    invite_token: str  # a valid, unused invite (a third client of clinician A who has not joined)
    pending_id: str
    people: dict[str, Person] = field(default_factory=dict)
    practice_a: str = ""  # a practice session of clinician A (active, no turns yet)
    practice_b: str = ""  # and one of clinician B

    def person(self, role: str) -> Person:
        return self.people[role]


def make_settings(url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "env": "development",
        "db": url,
        "password_time_cost": 1,
        "password_memory_kib": 8,
        "password_parallelism": 1,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def build_world(app: FastAPI) -> World:
    """The small clinic, made through the accounts module and the repository (as the routes would)."""
    accounts: Accounts = app.state.accounts
    backend = app.state.backend
    admin_view = accounts.create_admin("admin@example.org", "Ada Admin", PASSWORD)

    def repo(user: UserView) -> Repository:
        return Repository(backend, accounts, Actor(user, "token", "127.0.0.1", "test"))

    def join(token: str) -> UserView:
        return accounts.accept_invite(Actor(None, ip="127.0.0.1"), token, PASSWORD)

    clinicians = {}
    for side in ("a", "b"):
        _summary, token = repo(admin_view).add_clinician(f"clinician-{side}@example.org", f"Clinician {side.upper()}")
        clinicians[side] = join(token)
    clients, sessions = {}, {}
    for side in ("a", "b"):
        _summary, token = repo(clinicians[side]).add_client(f"client-{side}@example.org", f"Client {side.upper()}")
        clients[side] = join(token)
        _result, _turns, sessions[side] = repo(clients[side]).record_measure("phq9", [1, 1, 1, 1, 1, 1, 1, 1, 1], 1)
        repo(clients[side]).record_ruler("importance", 7)
    pending, invite_token = repo(clinicians["a"]).add_client("pending@example.org", "Pending Client")
    practice = {side: Practice(repo(clinicians[side]), PracticeCache(0)).start("heavy-drinking", 7) for side in "ab"}
    people = {
        "admin": admin_view,
        "clinician_a": clinicians["a"],
        "clinician_b": clinicians["b"],
        "client_a": clients["a"],
        "client_b": clients["b"],
    }
    persons = {}
    for role, user in people.items():
        row, plain = accounts.create_token(Actor(user, "token"), f"{role} token")
        persons[role] = Person(user.id, user.email, user.role, plain, row.id)
    return World(
        admin=persons["admin"],
        clinician_a=persons["clinician_a"],
        clinician_b=persons["clinician_b"],
        client_a=persons["client_a"],
        client_b=persons["client_b"],
        session_a=sessions["a"],
        session_b=sessions["b"],
        invite_token=invite_token,
        pending_id=pending.id,
        people=persons,
        practice_a=practice["a"].info.id,
        practice_b=practice["b"].info.id,
    )


def login(client: TestClient, email: str, password: str = PASSWORD) -> str:
    """Log the test client in through the API; return the CSRF token for its unsafe requests."""
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    return str(response.json()["csrf_token"])


def form_csrf(html: str) -> str:
    """The csrf_token hidden field of the first form on a page."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)
