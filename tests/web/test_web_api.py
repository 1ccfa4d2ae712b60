"""The JSON API end to end: accounts and invites, chat, measures, the clinician's views, exports, the audit log."""

from __future__ import annotations

import csv
import io

from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_world import PASSWORD, World, login

from oars.events import Event, EventKind
from oars.web import Settings, create_app
from oars.web.audit import Actor
from oars.web.repository import Repository


def bearer(app: FastAPI, token: str) -> TestClient:
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


def test_the_start_up_builds_the_shared_engine_before_the_first_request(settings: Settings) -> None:
    """Built lazily, a burst of first requests built it once per request: 40 at once cost ~50 s of CPU."""
    app = create_app(settings)
    assert "coder" not in vars(app.state.backend)
    with TestClient(app) as client:  # runs the start-up, as `oars serve` does before it listens
        assert "coder" in vars(app.state.backend)
        assert client.get("/api/v1/questionnaires").status_code == 200


def test_an_invited_client_sets_a_password_once_and_can_then_log_in(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    clinician = bearer(app, world.clinician_a.token)
    created = clinician.post("/api/v1/clients", json={"email": "Sam@Example.org", "name": "Sam", "locale": "GB"})
    assert created.status_code == 201
    body = created.json()
    assert body["client"]["active"] is False and body["client"]["email"] == "sam@example.org"
    token = body["invite"]["url"].rsplit("/", 1)[1]
    anonymous = TestClient(app)
    assert (
        anonymous.post("/api/v1/auth/login", json={"email": "sam@example.org", "password": PASSWORD}).status_code == 401
    )
    accepted = anonymous.post("/api/v1/invites/accept", json={"token": token, "password": PASSWORD})
    assert accepted.status_code == 200 and accepted.json()["role"] == "client"
    assert anonymous.post("/api/v1/invites/accept", json={"token": token, "password": PASSWORD}).status_code == 404
    login(anonymous, "sam@example.org")
    me = anonymous.get("/api/v1/auth/me").json()
    assert me["user"]["locale"] == "GB" and me["csrf_token"]


def test_a_taken_email_address_is_a_conflict(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    clinician = bearer(app, world.clinician_a.token)
    response = clinician.post("/api/v1/clients", json={"email": world.client_b.email, "name": "Again"})
    assert response.status_code == 409


def test_a_country_without_crisis_resources_is_refused_with_400_not_a_server_error(
    world_app: tuple[FastAPI, World],
) -> None:
    app, world = world_app
    for token, path in ((world.clinician_a.token, "/api/v1/clients"), (world.admin.token, "/api/v1/clinicians")):
        response = bearer(app, token).post(path, json={"email": "fr@example.org", "name": "Fleur", "locale": "FR"})
        assert response.status_code == 400, path
        assert "no crisis resources for locale 'FR'" in response.json()["detail"] and "GB" in response.json()["detail"]
    browser = TestClient(app)
    login(browser, world.clinician_a.email)
    page = browser.post(
        "/clinician/clients",
        data={"email": "fr@example.org", "name": "Fleur", "locale": "FR"},
        headers={"X-CSRF-Token": browser.get("/api/v1/auth/me").json()["csrf_token"]},
    )
    assert page.status_code == 400 and "known locales" in page.text
    assert (
        bearer(app, world.clinician_a.token)
        .post("/api/v1/clients", json={"email": "gb@example.org", "name": "Gwen", "locale": "en-GB"})
        .is_success
    )


def test_a_client_chats_and_every_turn_is_stored_before_the_reply(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    client = bearer(app, world.client_a.token)
    started = client.post("/api/v1/sessions", json={"topic": "drinking"})
    assert started.status_code == 201
    session_id = started.json()["session_id"]
    assert "automated program" in started.json()["turns"][0]["text"]
    reply = client.post(f"/api/v1/sessions/{session_id}/messages", json={"text": "I drink most nights."})
    assert reply.status_code == 200
    turns = reply.json()["turns"]
    assert [t["speaker"] for t in turns] == ["client", "counsellor"]
    assert reply.json()["crisis"] is False
    # A second process on the same database (the first one could be dead) sees both turns.
    other = create_app(app.state.settings)
    try:
        stored = bearer(other, world.client_a.token).get(f"/api/v1/sessions/{session_id}").json()
    finally:
        other.state.backend.close()
    assert [t["text"] for t in stored["transcript"]][-2:] == ["I drink most nights.", turns[1]["text"]]


def test_a_crisis_message_gets_the_safety_reply_and_flags_the_session(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    client = bearer(app, world.client_a.token)
    session_id = client.post("/api/v1/sessions", json={}).json()["session_id"]
    reply = client.post(f"/api/v1/sessions/{session_id}/messages", json={"text": "I want to kill myself tonight"})
    assert reply.json()["crisis"] is True
    assert "988" in reply.json()["turns"][-1]["text"]
    flags = bearer(app, world.clinician_a.token).get("/api/v1/flags").json()
    assert session_id in {s["id"] for s in flags}


def test_an_ended_session_takes_no_more_messages(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    client = bearer(app, world.client_a.token)
    session_id = client.post("/api/v1/sessions", json={}).json()["session_id"]
    assert client.post(f"/api/v1/sessions/{session_id}/end").status_code == 200
    assert client.post(f"/api/v1/sessions/{session_id}/messages", json={"text": "hello"}).status_code == 409


def test_a_turn_that_loses_a_race_is_replayed_on_the_fresh_session(world_app: tuple[FastAPI, World]) -> None:
    """Another worker appends between our read and our append: the store refuses, the turn is redone once
    on the session rebuilt from the database (the cached counsellor, now stale, is not used again)."""
    app, world = world_app
    backend, store = app.state.backend, app.state.backend.store
    client_view = app.state.accounts.token_login(world.client_a.token).user
    repo = Repository(backend, app.state.accounts, Actor(client_view, "token"))
    session_id, _ = repo.start_session()
    original = store.append
    raced = []

    def someone_else_appends_first(sid: str, events, **options):  # type: ignore[no-untyped-def]
        if not raced:
            raced.append(True)
            original(sid, [Event(EventKind.RULER_ANSWERED, {"kind": "importance", "value": 5, "text": ""})])
        return original(sid, events, **options)

    store.append = someone_else_appends_first  # type: ignore[method-assign]
    try:
        turns = repo.say(session_id, "I want to cut down.")
    finally:
        store.append = original  # type: ignore[method-assign]
    assert [t.speaker.value for t in turns] == ["client", "counsellor"]
    kinds = [e.kind for e in store.load(session_id).events]
    assert kinds.count(EventKind.CLIENT_SAID) == 1
    assert EventKind.RULER_ANSWERED in kinds
    assert [t.speaker.value for t in repo.say(session_id, "Mostly at weekends.")] == ["client", "counsellor"]
    assert [e.kind for e in store.load(session_id).events].count(EventKind.CLIENT_SAID) == 2


def test_phq9_item_9_starts_the_safety_path_whatever_the_total(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    client = bearer(app, world.client_b.token)
    response = client.post("/api/v1/measures", json={"questionnaire": "phq9", "answers": [0] * 8 + [1]})
    assert response.status_code == 201
    body = response.json()
    assert body["result"]["total"] == 1 and body["result"]["band"] == "minimal"
    assert body["crisis"] is True and body["turns"][0]["crisis"] is True


def test_a_measure_with_a_wrong_answer_is_refused(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    client = bearer(app, world.client_b.token)
    too_few = client.post("/api/v1/measures", json={"questionnaire": "gad7", "answers": [1] * 6 + [7]})
    assert too_few.status_code == 400
    assert "item 7" in too_few.json()["detail"]


def test_questionnaires_are_served_with_their_exact_wording_and_credit(client: TestClient) -> None:
    phq9 = client.get("/api/v1/questionnaires/phq9").json()
    assert phq9["stem"] == "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    assert phq9["items"][8]["text"] == "Thoughts that you would be better off dead or of hurting yourself in some way"
    assert "Pfizer" in phq9["credit"]
    assert client.get("/api/v1/questionnaires/nope").status_code == 404


def test_clients_are_listed_most_in_need_first(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    clinician = bearer(app, world.clinician_a.token)
    calm = clinician.post("/api/v1/clients", json={"email": "calm@example.org", "name": "Aaron Calm"}).json()
    listed = clinician.get("/api/v1/clients").json()
    ids = [c["id"] for c in listed]
    assert ids[0] == world.client_a.id  # flagged by the PHQ-9 item 9 answer in the world
    assert listed[0]["open_flags"] == 1 and "open crisis flag" in listed[0]["need"][0]
    assert calm["client"]["id"] in ids
    assert world.client_b.id not in ids  # clinician B's client


def test_clearing_a_flag_needs_a_note_and_is_kept_in_the_session(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    clinician = bearer(app, world.clinician_a.token)
    path = f"/api/v1/sessions/{world.session_a}/flag/clear"
    assert clinician.post(path, json={"note": "   "}).status_code == 400
    cleared = clinician.post(path, json={"note": "Phoned; safe; plan agreed."})
    assert cleared.status_code == 200 and cleared.json()["flagged"] is False
    assert clinician.post(path, json={"note": "again"}).status_code == 409
    events = app.state.backend.store.load(world.session_a).events
    last = events[-1]
    assert last.kind is EventKind.FLAG_CLEARED
    assert last.data == {"by": world.clinician_a.id, "note": "Phoned; safe; plan agreed."}


def test_measures_rulers_and_plans_are_read_back(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    client = bearer(app, world.client_a.token)
    client.post("/api/v1/measures", json={"questionnaire": "phq9", "answers": [3] * 8 + [0]})
    measures = client.get(f"/api/v1/clients/{world.client_a.id}/measures").json()
    assert [m["total"] for m in measures] == [9, 24]
    rulers = bearer(app, world.clinician_a.token).get(f"/api/v1/clients/{world.client_a.id}/rulers").json()
    assert [(r["kind"], r["value"]) for r in rulers] == [("importance", 7)]
    assert client.get(f"/api/v1/clients/{world.client_a.id}/plans").json() == []


def test_a_coded_session_has_a_code_per_utterance_and_a_summary(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    bearer(app, world.client_a.token).post(
        f"/api/v1/sessions/{world.session_a}/messages", json={"text": "I smoke a lot."}
    )
    coded = bearer(app, world.clinician_a.token).get(f"/api/v1/sessions/{world.session_a}/coded").json()
    assert len(coded["utterances"]) == len(
        bearer(app, world.client_a.token).get(f"/api/v1/sessions/{world.session_a}").json()["transcript"]
    )
    assert "r_q" in coded["summary"]


def test_a_record_exports_as_json_and_spreadsheet_safe_csv(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    client = bearer(app, world.client_a.token)
    client.post(f"/api/v1/sessions/{world.session_a}/messages", json={"text": '=HYPERLINK("http://x")'})
    record = client.get(f"/api/v1/clients/{world.client_a.id}/export").json()
    assert record["client"]["id"] == world.client_a.id
    assert [s["id"] for s in record["sessions"]] == [world.session_a]
    exported = bearer(app, world.clinician_a.token).get(f"/api/v1/clients/{world.client_a.id}/export?format=csv")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    said = [r["text"] for r in rows if r["kind"] == "client_said"]
    assert said == ['\'=HYPERLINK("http://x")']


def test_deleting_a_client_removes_their_sessions_and_account(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    clinician = bearer(app, world.clinician_a.token)
    assert clinician.delete(f"/api/v1/clients/{world.client_a.id}").status_code == 204
    assert clinician.get(f"/api/v1/clients/{world.client_a.id}").status_code == 404
    assert app.state.backend.store.list_sessions(client_ref=world.client_a.id) == []
    assert bearer(app, world.client_a.token).get("/api/v1/auth/me").status_code == 401
    entries = bearer(app, world.admin.token).get(f"/api/v1/audit?client_id={world.client_a.id}&action=delete").json()
    assert [e["object_id"] for e in entries] == [world.client_a.id]


def test_an_uploaded_transcript_is_coded_and_reported(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    clinician = bearer(app, world.clinician_b.token)
    transcript = b"Counsellor: What brings you in today?\nClient: My drinking, I suppose.\n"
    coded = clinician.post("/api/v1/transcripts/code", files={"file": ("s1.txt", transcript, "text/plain")})
    assert coded.status_code == 200
    assert [u["speaker"] for u in coded.json()["transcripts"][0]["utterances"]] == ["counsellor", "client"]
    report = clinician.post("/api/v1/transcripts/report", files={"file": ("s1.txt", transcript, "text/plain")})
    assert report.status_code == 200
    assert report.headers["content-type"].startswith("text/html") and "My drinking, I suppose." in report.text
    assert "script-src 'none'" in report.headers["content-security-policy"]
    bad = clinician.post("/api/v1/transcripts/code", files={"file": ("s1.docx", b"PK\x03\x04", "application/zip")})
    assert bad.status_code == 400


def test_access_tokens_are_shown_once_and_stop_working_when_revoked(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    owner = bearer(app, world.clinician_a.token)
    made = owner.post("/api/v1/auth/tokens", json={"name": "nightly export"}).json()
    assert made["token"].startswith("oars_pat_")
    listed = owner.get("/api/v1/auth/tokens").json()
    assert all("token" not in t for t in listed)
    assert bearer(app, made["token"]).get("/api/v1/auth/me").status_code == 200
    assert owner.delete(f"/api/v1/auth/tokens/{made['id']}").status_code == 204
    assert bearer(app, made["token"]).get("/api/v1/auth/me").status_code == 401


def test_switching_a_clinician_off_ends_their_access_at_once(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    admin = bearer(app, world.admin.token)
    changed = admin.patch(f"/api/v1/clinicians/{world.clinician_b.id}", json={"active": False})
    assert changed.json()["active"] is False
    assert bearer(app, world.clinician_b.token).get("/api/v1/clients").status_code == 401


def test_the_audit_log_records_reads_and_denials_and_filters(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    bearer(app, world.clinician_a.token).get(f"/api/v1/clients/{world.client_a.id}")
    bearer(app, world.clinician_b.token).get(f"/api/v1/clients/{world.client_a.id}")
    admin = bearer(app, world.admin.token)
    reads = admin.get(f"/api/v1/audit?client_id={world.client_a.id}&action=read").json()
    assert reads[0]["actor_id"] == world.clinician_a.id
    assert reads[0]["route"] == "GET /api/v1/clients/{client_id}"
    denied = admin.get(f"/api/v1/audit?actor_id={world.clinician_b.id}&outcome=denied").json()
    assert denied[0]["object_id"] == world.client_a.id and denied[0]["action"] == "deny"
    assert admin.get("/api/v1/audit?since=2000-01-01T00:00:00").status_code == 422  # a time without a zone


def test_the_openapi_schema_documents_every_route_with_a_summary_and_errors(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert len(operations) >= 35
    assert all(op.get("summary") for op in operations)
    guarded = schema["paths"]["/api/v1/clients/{client_id}"]["get"]["responses"]
    assert {"401", "403", "404"} <= set(guarded)
    assert guarded["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    report = schema["paths"]["/api/v1/transcripts/report"]["post"]["responses"]
    assert set(report["200"]["content"]) == {"text/html"}
    for status in ("400", "401", "403", "413", "429"):  # errors are JSON even where success is a page
        assert set(report[status]["content"]) == {"application/json"}, status
        assert report[status]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    refusing = [  # each answers 400 for text that passes the schema but not the app's own checks
        ("/api/v1/clients", "post"),  # "not an e-mail address: '000'"
        ("/api/v1/clinicians", "post"),
        ("/api/v1/auth/tokens", "post"),  # a name that is blank once cleaned
        ("/api/v1/sessions/{session_id}/messages", "post"),
        ("/api/v1/sessions/{session_id}/flag/clear", "post"),
    ]
    for path, method in refusing:
        assert "400" in schema["paths"][path][method]["responses"], path
