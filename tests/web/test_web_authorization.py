"""The authorization matrix: every route × every role × their own / someone else's object → the status.

The table below is the specification: for each route, which kinds of account may use it and what they get.
Everything else follows from three rules:

* anonymous → 401 (API) or a redirect to the login page (pages), unless the route is public;
* a role not listed → 403 (the role may never use the route, which tells nothing about any object);
* a listed role asking for someone else's object → 404, exactly like an object that does not exist.

Each (route, role) pair that writes runs on a fresh copy of the small clinic in ``conftest.World`` (the reads
share one copy): the request for the
other side's object first (it must change nothing), then for the actor's own. ``test_every_route_is_in_the_matrix``
fails when a route is added to the app without a row here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from web_world import PASSWORD, World, form_csrf, make_settings

ROLES = ("anonymous", "admin", "clinician_a", "clinician_b", "client_a", "client_b")
TRANSCRIPT = b"Counsellor: What brings you here today?\nClient: I want to cut down on drinking.\n"

Body = Callable[[World], dict[str, Any]]


@dataclass(frozen=True)
class Row:
    """One route: who may use it (role kind -> status on their own object) and what to send."""

    method: str
    path: str
    ok: dict[str, int]
    json: Body | None = None
    form: Body | None = None
    upload: bool = False
    shared: bool = False  # the role sees every object of the kind (the admin, any clinician)
    page_form: str | None = None  # a pre-login form: fetch this page first for its CSRF token

    @property
    def api(self) -> bool:
        return self.path.startswith("/api/")

    @property
    def objects(self) -> bool:
        return any(
            f"{{{name}}}" in self.path
            for name in ("client_id", "session_id", "clinician_id", "token_id", "token", "practice_id")
        )

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


ALL = {"admin": 200, "clinician": 200, "client": 200}
CLINICIAN, CLIENT, ADMIN = {"clinician": 200}, {"client": 200}, {"admin": 200}
BOTH = {"clinician": 200, "client": 200}
PUBLIC = {"anonymous": 200, **ALL}


def _every(status: int, *, anonymous: int | None = None) -> dict[str, int]:
    found = dict.fromkeys(("admin", "clinician", "client"), status)
    return {**found, "anonymous": anonymous} if anonymous is not None else found


MATRIX: tuple[Row, ...] = (
    # -- the JSON API ----------------------------------------------------------------------------------
    Row("GET", "/api/v1/openapi.json", PUBLIC),
    Row("POST", "/api/v1/auth/login", PUBLIC, json=lambda w: {"email": w.client_a.email, "password": PASSWORD}),
    Row("POST", "/api/v1/auth/logout", _every(204)),
    Row("GET", "/api/v1/auth/me", ALL),
    Row("GET", "/api/v1/auth/tokens", ALL),
    Row("POST", "/api/v1/auth/tokens", _every(201), json=lambda w: {"name": "another"}),
    Row("DELETE", "/api/v1/auth/tokens/{token_id}", _every(204)),
    Row("GET", "/api/v1/clinicians", ADMIN),
    Row("POST", "/api/v1/clinicians", {"admin": 201}, json=lambda w: {"email": "new@example.org", "name": "New"}),
    Row("GET", "/api/v1/clinicians/{clinician_id}", ADMIN, shared=True),
    Row("PATCH", "/api/v1/clinicians/{clinician_id}", ADMIN, json=lambda w: {"name": "Renamed"}, shared=True),
    Row("POST", "/api/v1/clinicians/{clinician_id}/invite", {"admin": 201}, shared=True),
    Row("GET", "/api/v1/clients", CLINICIAN),
    Row("POST", "/api/v1/clients", {"clinician": 201}, json=lambda w: {"email": "new@example.org", "name": "New"}),
    Row("GET", "/api/v1/clients/{client_id}", BOTH),
    Row("DELETE", "/api/v1/clients/{client_id}", {"clinician": 204}),
    Row("POST", "/api/v1/clients/{client_id}/invite", {"clinician": 201}),
    Row("POST", "/api/v1/invites/accept", PUBLIC, json=lambda w: {"token": w.invite_token, "password": PASSWORD}),
    Row("GET", "/api/v1/clients/{client_id}/sessions", BOTH),
    Row("POST", "/api/v1/sessions", {"client": 201}, json=lambda w: {"topic": "drinking"}),
    Row("GET", "/api/v1/sessions/{session_id}", BOTH),
    Row("POST", "/api/v1/sessions/{session_id}/messages", CLIENT, json=lambda w: {"text": "I want to drink less."}),
    Row("POST", "/api/v1/sessions/{session_id}/end", CLIENT),
    Row("GET", "/api/v1/sessions/{session_id}/coded", CLINICIAN),
    Row("POST", "/api/v1/sessions/{session_id}/flag/clear", CLINICIAN, json=lambda w: {"note": "Called; safe."}),
    Row("GET", "/api/v1/flags", CLINICIAN),
    Row("GET", "/api/v1/questionnaires", PUBLIC),
    Row("GET", "/api/v1/questionnaires/{questionnaire_id}", PUBLIC),
    Row("POST", "/api/v1/measures", {"client": 201}, json=lambda w: {"questionnaire": "gad7", "answers": [1] * 7}),
    Row("GET", "/api/v1/clients/{client_id}/measures", BOTH),
    Row("POST", "/api/v1/rulers", {"client": 201}, json=lambda w: {"kind": "confidence", "value": 4}),
    Row("GET", "/api/v1/clients/{client_id}/rulers", BOTH),
    Row("GET", "/api/v1/clients/{client_id}/plans", BOTH),
    Row("GET", "/api/v1/clients/{client_id}/export", BOTH),
    Row("POST", "/api/v1/transcripts/code", CLINICIAN, upload=True),
    Row("POST", "/api/v1/transcripts/report", CLINICIAN, upload=True),
    Row("GET", "/api/v1/audit", ADMIN),
    # practice with simulated clients: a clinician's own sessions only; the report exists once a session has
    # ended (the world's sessions are active, so the owner gets 409: past authorization, refused for its state)
    Row("GET", "/api/v1/practice/personas", CLINICIAN),
    Row("GET", "/api/v1/practice/sessions", CLINICIAN),
    Row("POST", "/api/v1/practice/sessions", {"clinician": 201}, json=lambda w: {"persona": "gambling", "seed": 3}),
    Row("GET", "/api/v1/practice/sessions/{practice_id}", CLINICIAN),
    Row("POST", "/api/v1/practice/sessions/{practice_id}/turns", CLINICIAN, json=lambda w: {"text": "Hello."}),
    Row("POST", "/api/v1/practice/sessions/{practice_id}/end", CLINICIAN),
    Row("GET", "/api/v1/practice/sessions/{practice_id}/report", {"clinician": 409}),
    # -- the pages -------------------------------------------------------------------------------------
    Row("GET", "/", _every(303, anonymous=303)),
    Row("GET", "/login", PUBLIC),
    Row(
        "POST",
        "/login",
        _every(303, anonymous=303),
        form=lambda w: {"email": w.client_a.email, "password": PASSWORD},
        page_form="/login",
    ),
    Row("POST", "/logout", _every(303)),
    Row("GET", "/invite/{token}", PUBLIC),
    Row(
        "POST",
        "/invite/{token}",
        _every(303, anonymous=303),
        form=lambda w: {"password": PASSWORD, "confirm": PASSWORD},
        page_form="/invite/{token}",
    ),
    Row("GET", "/crisis", PUBLIC),
    Row("GET", "/account/tokens", ALL),
    Row("POST", "/account/tokens", ALL, form=lambda w: {"name": "another"}),
    Row("POST", "/account/tokens/{token_id}/revoke", _every(303)),
    Row("GET", "/me", CLIENT),
    Row("POST", "/me/sessions", {"client": 303}, form=lambda w: {"topic": ""}),
    Row("GET", "/me/sessions/{session_id}", CLIENT),
    Row(
        "POST", "/me/sessions/{session_id}/messages", {"client": 303}, form=lambda w: {"text": "I want to drink less."}
    ),
    Row("POST", "/me/sessions/{session_id}/end", {"client": 303}),
    Row("GET", "/me/measures/{questionnaire_id}", CLIENT),
    Row("POST", "/me/measures/{questionnaire_id}", CLIENT, form=lambda w: {f"item{i}": "0" for i in range(1, 10)}),
    Row("GET", "/me/rulers", CLIENT),
    Row("POST", "/me/rulers", {"client": 303}, form=lambda w: {"importance": "8"}),
    Row("GET", "/me/plan", CLIENT),
    Row("GET", "/clinician", CLINICIAN),
    Row("POST", "/clinician/clients", CLINICIAN, form=lambda w: {"email": "new@example.org", "name": "New"}),
    Row("GET", "/clinician/clients/{client_id}", CLINICIAN),
    Row("POST", "/clinician/clients/{client_id}/invite", CLINICIAN),
    Row("POST", "/clinician/clients/{client_id}/delete", {"clinician": 303}, form=lambda w: {"confirm": "yes"}),
    Row("GET", "/clinician/sessions/{session_id}", CLINICIAN),
    Row("POST", "/clinician/sessions/{session_id}/clear-flag", {"clinician": 303}, form=lambda w: {"note": "Called."}),
    Row("GET", "/clinician/flags", CLINICIAN),
    Row("GET", "/clinician/upload", CLINICIAN),
    Row("POST", "/clinician/upload", CLINICIAN, upload=True),
    Row("GET", "/clinician/practice", CLINICIAN),
    Row("POST", "/clinician/practice", {"clinician": 303}, form=lambda w: {"persona": "gambling", "seed": "3"}),
    Row("GET", "/clinician/practice/{practice_id}", CLINICIAN),
    Row("POST", "/clinician/practice/{practice_id}/turns", {"clinician": 303}, form=lambda w: {"text": "Hello."}),
    Row("POST", "/clinician/practice/{practice_id}/end", {"clinician": 303}),
    Row("GET", "/clinician/practice/{practice_id}/report", {"clinician": 409}),
    Row("GET", "/admin", ADMIN),
    Row("POST", "/admin/clinicians", ADMIN, form=lambda w: {"email": "new@example.org", "name": "New"}),
    Row(
        "POST",
        "/admin/clinicians/{clinician_id}/active",
        {"admin": 303},
        form=lambda w: {"active": "false"},
        shared=True,
    ),
    Row("POST", "/admin/clinicians/{clinician_id}/invite", ADMIN, shared=True),
    Row("GET", "/admin/audit", ADMIN),
)


def expected(row: Row, role: str, side: str) -> int:
    """The status the rules above give ``role`` on ``row`` for its own (``side="own"``) or another's object."""
    if side == "other" and row.objects and "{token}" in row.path:
        return 404  # a made-up invitation token: nobody can use it
    if role == "anonymous":
        return row.ok.get("anonymous", 401 if row.api else 303)
    kind = role.split("_")[0]
    if kind not in row.ok:
        return 403
    if side == "other" and row.objects and not row.shared:
        return 404
    return row.ok[kind]


def resolve(row: Row, world: World, role: str, side: str) -> str:
    """The row's path with its ids filled in: the actor's own objects, or the other side's."""
    mine = "b" if role.endswith("_b") else "a"
    theirs = "a" if mine == "b" else "b"
    pick = mine if side == "own" else theirs
    counterpart = {"admin": "clinician_a", "anonymous": "client_a"}.get(role, role[:-1] + theirs)
    token_owner = role if side == "own" and role != "anonymous" else counterpart
    values = {
        "client_id": getattr(world, f"client_{pick}").id,
        "session_id": getattr(world, f"session_{pick}"),
        "clinician_id": getattr(world, f"clinician_{pick}").id,
        "token_id": world.person(token_owner).token_id,
        "questionnaire_id": "phq9",
        "token": world.invite_token if side == "own" else "not-a-real-invitation-token",
        "practice_id": getattr(world, f"practice_{pick}"),
    }
    path = row.path
    for name, value in values.items():
        path = path.replace(f"{{{name}}}", value)
    return path


def send(app: FastAPI, world: World, row: Row, role: str, side: str) -> int:
    """Make the row's request as ``role``: API routes with the role's access token, pages with a login cookie."""
    client = TestClient(app, follow_redirects=False)
    headers: dict[str, str] = {}
    csrf = ""
    if role != "anonymous":
        person = world.person(role)
        if row.api:
            headers["Authorization"] = f"Bearer {person.token}"
        else:
            response = client.post("/api/v1/auth/login", json={"email": person.email, "password": PASSWORD})
            csrf = response.json()["csrf_token"]
    path = resolve(row, world, role, side)
    form = dict(row.form(world)) if row.form else {}
    if row.page_form:
        page = client.get(resolve(Row("GET", row.page_form, {}), world, role, side))
        if page.status_code != 200:
            return page.status_code
        form["csrf_token"] = form_csrf(page.text)
    elif not row.api and row.method != "GET":
        form["csrf_token"] = csrf
    files = {"file": ("session.txt", TRANSCRIPT, "text/plain")} if row.upload else None
    response = client.request(
        row.method,
        path,
        headers=headers,
        json=row.json(world) if row.json else None,
        data=form or None,
        files=files,
    )
    return response.status_code


def _cases(reads: bool) -> list[Any]:
    return [
        pytest.param(row, role, id=f"{row.method} {row.path} as {role}")
        for row in MATRIX
        if (row.method == "GET") is reads
        for role in ROLES
    ]


@pytest.mark.parametrize(("row", "role"), _cases(reads=False))
def test_route_answers_each_role_as_the_matrix_says(world_app: tuple[FastAPI, World], row: Row, role: str) -> None:
    _check(world_app, row, role)


@pytest.mark.parametrize(("row", "role"), _cases(reads=True))
def test_reading_route_answers_each_role_as_the_matrix_says(
    shared_world_app: tuple[FastAPI, World], row: Row, role: str
) -> None:
    """The GET routes change nothing, so they share one copy of the clinic (a fresh copy costs ~0.5 s)."""
    _check(shared_world_app, row, role)


def _check(world_app: tuple[FastAPI, World], row: Row, role: str) -> None:
    app, world = world_app
    sides = ("other", "own") if row.objects else ("own",)
    got = {side: send(app, world, row, role, side) for side in sides}
    assert got == {side: expected(row, role, side) for side in sides}


def test_every_route_is_in_the_matrix(tmp_path: object) -> None:
    app = _app(tmp_path)
    try:
        routes = {
            (method, ctx.path_format)
            for ctx in iter_route_contexts(app.routes)
            if ctx.path_format and not ctx.path_format.startswith("/static")
            for method in (ctx.methods or ()) - {"HEAD"}
        }
    finally:
        app.state.backend.close()
    table = {(row.method, row.path) for row in MATRIX}
    assert routes - table == set(), "routes missing from MATRIX (add a row saying who may use them)"
    assert table - routes == set(), "MATRIX rows for routes that no longer exist"


def _app(tmp_path: Any) -> FastAPI:
    from oars.web import create_app

    return create_app(make_settings(f"sqlite:///{tmp_path / 'routes.db'}"))
