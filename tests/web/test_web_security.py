"""Security: CSRF, session expiry and logout, rate limits, size limits, hostile input, logs, invites, headers."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import select
from web_world import PASSWORD, Clock, World, form_csrf, login, make_settings

from oars.web import Settings, create_app
from oars.web.models import User
from oars.web.security import SESSION_COOKIE


def bearer(app: FastAPI, token: str) -> TestClient:
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


# -- CSRF ----------------------------------------------------------------------------------------------


def test_a_cookie_request_without_the_csrf_token_is_refused(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = TestClient(app)
    csrf = login(browser, world.clinician_a.email)
    body = {"email": "new@example.org", "name": "New"}
    assert browser.post("/api/v1/clients", json=body).status_code == 403
    assert browser.post("/api/v1/clients", json=body, headers={"X-CSRF-Token": "0" * 64}).status_code == 403
    assert browser.post("/api/v1/clients", json=body, headers={"X-CSRF-Token": csrf}).status_code == 201


def test_a_page_form_without_its_csrf_field_is_refused(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = TestClient(app, follow_redirects=False)
    login(browser, world.client_a.email)
    page = browser.get("/me/rulers")
    assert browser.post("/me/rulers", data={"importance": "9"}).status_code == 403
    saved = browser.post("/me/rulers", data={"importance": "9", "csrf_token": form_csrf(page.text)})
    assert saved.status_code == 303


def test_token_requests_need_no_csrf_token_and_a_bad_token_is_401(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    assert (
        bearer(app, world.client_a.token).post("/api/v1/rulers", json={"kind": "readiness", "value": 3}).status_code
        == 201
    )
    assert bearer(app, "oars_pat_not-a-token").get("/api/v1/auth/me").status_code == 401
    assert TestClient(app, headers={"Authorization": "Basic abc"}).get("/api/v1/auth/me").status_code == 401


def test_the_login_form_needs_its_pre_session_token(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = TestClient(app, follow_redirects=False)
    credentials = {"email": world.client_a.email, "password": PASSWORD}
    assert browser.post("/login", data=credentials).status_code == 403  # a cross-site form has no token
    token = form_csrf(browser.get("/login").text)
    response = browser.post("/login", data={**credentials, "csrf_token": token, "next": "//evil.example/"})
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_the_api_login_takes_json_only(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    form = TestClient(app).post("/api/v1/auth/login", data={"email": world.client_a.email, "password": PASSWORD})
    assert form.status_code == 422


# -- login sessions ------------------------------------------------------------------------------------


def test_a_session_ends_after_idle_time(world_app: tuple[FastAPI, World], clock: Clock) -> None:
    app, world = world_app
    browser = TestClient(app)
    login(browser, world.client_a.email)
    clock.advance(minutes=29)
    assert browser.get("/api/v1/auth/me").status_code == 200  # activity resets the idle timer
    clock.advance(minutes=29)
    assert browser.get("/api/v1/auth/me").status_code == 200
    clock.advance(minutes=31)
    assert browser.get("/api/v1/auth/me").status_code == 401


def test_a_session_ends_after_the_absolute_limit_however_active(world_app: tuple[FastAPI, World], clock: Clock) -> None:
    app, world = world_app
    browser = TestClient(app)
    login(browser, world.client_a.email)
    for _ in range(24):  # 11 h 36 min of a request every 29 minutes: never idle
        clock.advance(minutes=29)
        assert browser.get("/api/v1/auth/me").status_code == 200
    clock.advance(minutes=29)  # 12 h 5 min after logging in
    assert browser.get("/api/v1/auth/me").status_code == 401


def test_logout_ends_the_session_on_the_server(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = TestClient(app)
    csrf = login(browser, world.client_a.email)
    cookie = browser.cookies[SESSION_COOKIE]
    assert browser.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
    copied = TestClient(app, cookies={SESSION_COOKIE: cookie})
    assert copied.get("/api/v1/auth/me").status_code == 401


def test_the_session_cookie_is_httponly_lax_and_secure_over_https(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    plain = TestClient(app).post("/api/v1/auth/login", json={"email": world.client_a.email, "password": PASSWORD})
    header = plain.headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=lax" in header and "secure" not in header
    https = TestClient(app, base_url="https://clinic.example")
    secure = https.post("/api/v1/auth/login", json={"email": world.client_a.email, "password": PASSWORD})
    assert "secure" in secure.headers["set-cookie"].lower()
    assert "max-age=31536000" in secure.headers["strict-transport-security"]


# -- rate limits ---------------------------------------------------------------------------------------


def test_failed_logins_lock_the_account_for_the_window(world_app: tuple[FastAPI, World], clock: Clock) -> None:
    app, world = world_app
    anonymous = TestClient(app)
    wrong = {"email": world.client_a.email, "password": "not the password"}
    statuses = [anonymous.post("/api/v1/auth/login", json=wrong).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    right = anonymous.post("/api/v1/auth/login", json={"email": world.client_a.email, "password": PASSWORD})
    assert right.status_code == 429 and int(right.headers["retry-after"]) > 0
    clock.advance(minutes=16)
    assert (
        anonymous.post("/api/v1/auth/login", json={"email": world.client_a.email, "password": PASSWORD}).status_code
        == 200
    )


def test_logins_from_one_address_are_limited(db_url: str, clock: Clock) -> None:
    app = create_app(make_settings(db_url, login_per_ip=3), clock=clock)
    try:
        anonymous = TestClient(app)
        statuses = [
            anonymous.post("/api/v1/auth/login", json={"email": f"nobody{i}@example.org", "password": "x"}).status_code
            for i in range(4)
        ]
    finally:
        app.state.backend.close()
    assert statuses == [401, 401, 401, 429]


def test_chat_messages_are_limited_per_account(db_url: str, clock: Clock, sqlite_template: object) -> None:
    app = create_app(make_settings(db_url, messages_per_account=1), clock=clock)
    try:
        accounts = app.state.accounts
        from oars.web.audit import Actor
        from oars.web.repository import Repository

        admin = accounts.create_admin("a@example.org", "A", PASSWORD)
        clinician_repo = Repository(app.state.backend, accounts, Actor(admin, "token"))
        _c, token = clinician_repo.add_clinician("c@example.org", "C")
        clinician = accounts.accept_invite(Actor(None), token, PASSWORD)
        _client, token = Repository(app.state.backend, accounts, Actor(clinician, "token")).add_client(
            "k@example.org", "K"
        )
        client = accounts.accept_invite(Actor(None), token, PASSWORD)
        repo = Repository(app.state.backend, accounts, Actor(client, "token"))
        session_id, _ = repo.start_session()
        _row, pat = accounts.create_token(Actor(client, "token"), "t")
        api = bearer(app, pat)
        first = api.post(f"/api/v1/sessions/{session_id}/messages", json={"text": "hello"})
        second = api.post(f"/api/v1/sessions/{session_id}/messages", json={"text": "hello again"})
    finally:
        app.state.backend.close()
    assert (first.status_code, second.status_code) == (200, 429)


# -- size limits and hostile input ---------------------------------------------------------------------


def test_a_huge_json_body_is_refused_with_413(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    huge = {"text": "x" * 1_100_000}
    response = bearer(app, world.client_a.token).post(f"/api/v1/sessions/{world.session_a}/messages", json=huge)
    assert response.status_code == 413


def test_a_body_streamed_without_a_length_is_cut_off_at_the_limit(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(200):
            yield b"x" * 10_000
        yield b'"}'

    response = bearer(app, world.client_a.token).post(
        f"/api/v1/sessions/{world.session_a}/messages", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_an_upload_over_the_limit_is_refused(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    big = b"Client: " + b"word " * 1_100_000 + b"\n"  # about 5.5 MB
    response = bearer(app, world.clinician_a.token).post(
        "/api/v1/transcripts/code", files={"file": ("big.txt", big, "text/plain")}
    )
    assert response.status_code == 413


def test_malformed_json_is_a_422(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    response = bearer(app, world.client_a.token).post(
        f"/api/v1/sessions/{world.session_a}/messages",
        content=b'{"text": ',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    extra = bearer(app, world.client_a.token).post(
        "/api/v1/rulers", json={"kind": "readiness", "value": 3, "role": "admin"}
    )
    assert extra.status_code == 422


def test_script_in_a_chat_message_is_shown_as_text(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    bearer(app, world.client_a.token).post(f"/api/v1/sessions/{world.session_a}/messages", json={"text": hostile})
    browser = TestClient(app)
    login(browser, world.client_a.email)
    page = browser.get(f"/me/sessions/{world.session_a}").text
    assert hostile not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    clinician = TestClient(app)
    login(clinician, world.clinician_a.email)
    assert hostile not in clinician.get(f"/clinician/sessions/{world.session_a}").text


def test_ids_of_any_shape_are_just_not_found(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    clinician = bearer(app, world.clinician_a.token)
    for weird in ("' OR 1=1 --", "x" * 500, "%00", "../../etc/passwd", world.client_a.id.upper()):
        assert clinician.get(f"/api/v1/clients/{weird}").status_code == 404
        assert clinician.get(f"/api/v1/sessions/{weird}").status_code == 404
        assert clinician.delete(f"/api/v1/auth/tokens/{weird}").status_code == 404
    audit = bearer(app, world.admin.token).get("/api/v1/audit", params={"actor_id": "\x00", "action": "deny"})
    assert audit.status_code == 200


def test_control_characters_in_text_are_dropped_not_fatal(world_app: tuple[FastAPI, World]) -> None:
    """PostgreSQL refuses NUL in text: a message holding one is stored without it, not answered 503."""
    app, world = world_app
    client = bearer(app, world.client_a.token)
    sent = client.post(f"/api/v1/sessions/{world.session_a}/messages", json={"text": "I drink\u0000 a lot\u0007"})
    assert sent.status_code == 200 and sent.json()["turns"][0]["text"] == "I drink a lot"
    login = TestClient(app).post("/api/v1/auth/login", json={"email": "a\u0000@example.org", "password": "x"})
    assert login.status_code == 401
    made = bearer(app, world.clinician_a.token).post(
        "/api/v1/clients", json={"email": "n\u0000@example.org", "name": "N"}
    )
    assert made.status_code == 400


# -- logs ----------------------------------------------------------------------------------------------


def test_no_clinical_text_reaches_the_logs(world_app: tuple[FastAPI, World], caplog: pytest.LogCaptureFixture) -> None:
    app, world = world_app
    secret = "my brother Tobias hides vodka in the garage"
    with caplog.at_level(logging.DEBUG):
        client = bearer(app, world.client_a.token)
        client.post(f"/api/v1/sessions/{world.session_a}/messages", json={"text": secret})
        client.post(f"/api/v1/sessions/{world.session_a}/messages", json={"text": "x" * 2_000_000})
        client.get(f"/api/v1/sessions/{world.session_a}")
        bearer(app, world.clinician_a.token).get(f"/api/v1/sessions/{world.session_a}/coded")
    logged = caplog.text + " ".join(str(record.args) for record in caplog.records)
    assert "/api/v1/sessions/{session_id}/messages" in logged  # the route is logged ...
    assert "Tobias" not in logged and "vodka" not in logged  # ... what was said is not


# -- invites -------------------------------------------------------------------------------------------


def test_an_invite_expires(world_app: tuple[FastAPI, World], clock: Clock) -> None:
    app, world = world_app
    clock.advance(hours=73)
    response = TestClient(app).post("/api/v1/invites/accept", json={"token": world.invite_token, "password": PASSWORD})
    assert response.status_code == 404


def test_a_new_invite_replaces_the_old_one(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    fresh = bearer(app, world.clinician_a.token).post(f"/api/v1/clients/{world.pending_id}/invite")
    assert fresh.status_code == 201
    anonymous = TestClient(app)
    assert (
        anonymous.post("/api/v1/invites/accept", json={"token": world.invite_token, "password": PASSWORD}).status_code
        == 404
    )
    token = fresh.json()["url"].rsplit("/", 1)[1]
    assert anonymous.post("/api/v1/invites/accept", json={"token": token, "password": PASSWORD}).status_code == 200


def test_an_invite_needs_a_long_enough_password(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    response = TestClient(app).post("/api/v1/invites/accept", json={"token": world.invite_token, "password": "short"})
    assert response.status_code == 422


# -- secrets, passwords, headers -----------------------------------------------------------------------


def test_the_default_secret_is_refused_outside_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OARS_ENV", raising=False)
    monkeypatch.delenv("OARS_SECRET_KEY", raising=False)
    with pytest.raises(ValidationError, match="OARS_SECRET_KEY"):
        Settings()
    with pytest.raises(ValidationError):
        Settings(secret_key="short")
    assert Settings(secret_key="k" * 40).env == "production"
    monkeypatch.setenv("OARS_ENV", "development")
    assert Settings().env == "development"


def test_passwords_are_stored_as_argon2id(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    with app.state.backend.reading() as db:
        stored = db.scalar(select(User.password_hash).where(User.id == world.client_a.id))
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored


def test_every_response_has_the_security_headers(client: TestClient) -> None:
    for path in ("/login", "/api/v1/questionnaires", "/static/oars.css", "/nope"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
    assert client.get("/login").headers["cache-control"] == "no-store"
