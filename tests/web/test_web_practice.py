"""The practice page and API: a clinician practises MI on a simulated client, with live MITI feedback.

The web app must give exactly what ``oars.practice.PracticeSession`` gives for the same persona, seed and
turns (the feedback, the client's replies, the end-of-session summary), keep a session in the database so
that any process can carry it on, and show it to its clinician alone.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import func, select
from web_world import World, form_csrf, login

from oars.coder import Coder
from oars.practice import PracticeSession, find_persona
from oars.web import create_app
from oars.web.audit import Actor
from oars.web.errors import Conflict
from oars.web.models import PracticeRow, PracticeTurnRow
from oars.web.practice import MAX_TURN_CHARS, Practice, PracticeCache, practice_cache
from oars.web.repository import Repository

PERSONA, SEED = "heavy-drinking", 11
TURNS = (
    "What brings you in today?",
    "Do you drink every day?",
    "It sounds like part of you is worried about where this is heading.",
)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def bearer(app: FastAPI, token: str) -> TestClient:
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


def browser_for(app: FastAPI, email: str) -> TestClient:
    browser = TestClient(app, follow_redirects=False)
    login(browser, email)
    return browser


def expected_session(coder: Coder, turns: tuple[str, ...] = TURNS) -> PracticeSession:
    """What ``oars practice --persona heavy-drinking --seed 11`` gives for the same turns."""
    session = PracticeSession(find_persona(PERSONA), seed=SEED, coder=coder)
    for text in turns:
        session.respond(text)
    return session


def expected_exchange(session: PracticeSession, index: int) -> dict[str, Any]:
    exchange = session.exchanges[index - 1]
    feedback = exchange.feedback
    return {
        "index": index,
        "clinician": exchange.clinician.text,
        "feedback": {
            "codes": [code.value for code in feedback.codes],
            "question": feedback.question,
            "label": feedback.label,
            "description": feedback.description,
            "tip": feedback.tip,
        },
        "client": exchange.reply.text,
    }


def start(client: TestClient, persona: str = PERSONA, seed: int | None = SEED) -> str:
    response = client.post("/api/v1/practice/sessions", json={"persona": persona, "seed": seed})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def stored_turns(app: FastAPI, practice_id: str) -> int:
    with app.state.backend.reading() as db:
        return int(db.scalar(select(func.count()).where(PracticeTurnRow.session_id == practice_id)) or 0)


# -- the API -----------------------------------------------------------------------------------------------


def test_the_personas_are_listed_without_their_hidden_concern(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    listed = bearer(app, world.clinician_a.token).get("/api/v1/practice/personas").json()
    assert len(listed) >= 10
    drinking = next(p for p in listed if p["id"] == PERSONA)
    persona = find_persona(PERSONA)
    assert (drinking["name"], drinking["topic"], drinking["stage"]) == (persona.name, persona.topic, "contemplation")
    assert persona.hidden_concern.disclosure not in json.dumps(listed)


def test_practising_gives_the_feedback_and_replies_of_oars_practice(
    world_app: tuple[FastAPI, World], coder: Coder
) -> None:
    app, world = world_app
    client = bearer(app, world.clinician_a.token)
    practice_id = start(client)
    expected = expected_session(coder, TURNS[:2])
    for index, text in enumerate(TURNS[:2], 1):
        answer = client.post(f"/api/v1/practice/sessions/{practice_id}/turns", json={"text": text})
        assert answer.status_code == 200, answer.text
        assert answer.json() == expected_exchange(expected, index)
        assert answer.json()["feedback"]["codes"] and answer.json()["client"]
    detail = client.get(f"/api/v1/practice/sessions/{practice_id}").json()
    assert detail["status"] == "active" and detail["turns"] == 2 and detail["report"] is None
    assert detail["exchanges"] == [expected_exchange(expected, i) for i in (1, 2)]
    assert detail["persona"]["id"] == PERSONA and detail["seed"] == SEED
    assert find_persona(PERSONA).hidden_concern.disclosure not in json.dumps(detail)  # not before the end
    listed = client.get("/api/v1/practice/sessions").json()
    assert listed[0]["id"] == practice_id and listed[0]["turns"] == 2


def test_ending_gives_the_miti_summary_and_how_the_client_moved(world_app: tuple[FastAPI, World], coder: Coder) -> None:
    app, world = world_app
    client = bearer(app, world.clinician_a.token)
    practice_id = start(client)
    for text in TURNS:
        assert client.post(f"/api/v1/practice/sessions/{practice_id}/turns", json={"text": text}).status_code == 200
    assert client.get(f"/api/v1/practice/sessions/{practice_id}/report").status_code == 409  # not ended yet
    ended = client.post(f"/api/v1/practice/sessions/{practice_id}/end")
    assert ended.status_code == 200
    expected = expected_session(coder)
    summary = expected.end()
    report = ended.json()["report"]
    assert ended.json()["status"] == "ended" and ended.json()["ended_at"]
    assert report["summary"] == json.loads(json.dumps(summary.to_dict()))  # the summary `oars code` gives
    assert report["receptivity"] == list(expected.receptivity)
    assert report["change_talk"] == expected.change_shares()
    assert report["hidden_concern"] == expected.persona.hidden_concern.disclosure
    assert client.post(f"/api/v1/practice/sessions/{practice_id}/end").json() == ended.json()  # again: the same
    page = client.get(f"/api/v1/practice/sessions/{practice_id}/report")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Practice: how the client moved" in page.text and TURNS[2] in page.text
    assert "script-src 'none'" in page.headers["content-security-policy"]
    refused = client.post(f"/api/v1/practice/sessions/{practice_id}/turns", json={"text": "One more thing."})
    assert refused.status_code == 409 and "ended" in refused.json()["detail"]
    assert stored_turns(app, practice_id) == len(TURNS)


def test_bad_input_is_refused_with_a_clear_4xx_and_stores_nothing(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    client = bearer(app, world.clinician_a.token)
    unknown = client.post("/api/v1/practice/sessions", json={"persona": "heavy-drinker"})
    assert unknown.status_code == 400
    assert "unknown persona 'heavy-drinker'" in unknown.json()["detail"] and PERSONA in unknown.json()["detail"]
    path = client.post("/api/v1/practice/sessions", json={"persona": "../../etc/passwd.yaml"})
    assert path.status_code == 400  # only shipped personas: a request never names a file to read
    assert client.post("/api/v1/practice/sessions", json={"persona": PERSONA, "seed": -1}).status_code == 422
    assert client.post("/api/v1/practice/sessions", json={"persona": PERSONA, "seed": 2**31}).status_code == 422
    practice_id = start(client)
    turns = f"/api/v1/practice/sessions/{practice_id}/turns"
    assert client.post(turns, json={"text": ""}).status_code == 422
    blank = client.post(turns, json={"text": "  \n\t\x00 "})
    assert blank.status_code == 400 and "write your reply" in blank.json()["detail"]
    assert client.post(turns, json={"text": "x" * (MAX_TURN_CHARS + 1)}).status_code == 422
    assert client.post(turns, json={"text": "hi", "extra": 1}).status_code == 422
    assert stored_turns(app, practice_id) == 0
    longest = client.post(turns, json={"text": "x" * MAX_TURN_CHARS})
    assert longest.status_code == 200 and stored_turns(app, practice_id) == 1


def test_practice_is_for_clinicians_and_each_session_for_its_own_clinician(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    mine = world.practice_a
    assert TestClient(app).get(f"/api/v1/practice/sessions/{mine}").status_code == 401
    for person in (world.client_a, world.admin):
        assert bearer(app, person.token).get("/api/v1/practice/personas").status_code == 403
        assert bearer(app, person.token).get(f"/api/v1/practice/sessions/{mine}").status_code == 403
        assert bearer(app, person.token).post("/api/v1/practice/sessions", json={"persona": PERSONA}).status_code == 403
    other = bearer(app, world.clinician_b.token)
    for method, suffix, body in (
        ("GET", "", None),
        ("POST", "/turns", {"text": "Hello."}),
        ("POST", "/end", None),
        ("GET", "/report", None),
    ):
        response = other.request(method, f"/api/v1/practice/sessions/{mine}{suffix}", json=body)
        assert response.status_code == 404, (method, suffix)
        assert response.json()["detail"] == "no such practice session"
    assert other.get("/api/v1/practice/sessions/0123456789abcdef0123456789abcdef").status_code == 404
    assert mine not in {s["id"] for s in other.get("/api/v1/practice/sessions").json()}
    assert stored_turns(app, mine) == 0
    with app.state.backend.reading() as db:
        assert db.get(PracticeRow, mine).ended_at is None  # type: ignore[union-attr]


def test_starting_ending_and_denials_are_audited(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    client = bearer(app, world.clinician_a.token)
    practice_id = start(client)
    client.post(f"/api/v1/practice/sessions/{practice_id}/end")
    bearer(app, world.clinician_b.token).get(f"/api/v1/practice/sessions/{practice_id}")
    entries = bearer(app, world.admin.token).get(f"/api/v1/audit?object_id={practice_id}").json()
    seen = {(e["action"], e["actor_id"], e["outcome"], e["object_type"]) for e in entries}
    assert seen == {
        ("create", world.clinician_a.id, "ok", "practice_session"),
        ("end", world.clinician_a.id, "ok", "practice_session"),
        ("deny", world.clinician_b.id, "denied", "practice_session"),
    }
    assert {e["route"] for e in entries} >= {"POST /api/v1/practice/sessions"}


# -- kept in the database: any process carries on ----------------------------------------------------------


def test_a_session_rebuilt_from_the_database_is_the_same_session(
    world_app: tuple[FastAPI, World], coder: Coder
) -> None:
    """Another process (no cache) replays the stored turns: the same state, and the next turn goes on the same."""
    app, world = world_app
    client = bearer(app, world.clinician_a.token)
    practice_id = start(client)
    for text in TURNS[:2]:
        client.post(f"/api/v1/practice/sessions/{practice_id}/turns", json={"text": text})
    here = client.get(f"/api/v1/practice/sessions/{practice_id}").json()
    assert len(practice_cache(app)) == 1
    other = create_app(app.state.settings)
    try:
        there = bearer(other, world.clinician_a.token)
        assert there.get(f"/api/v1/practice/sessions/{practice_id}").json() == here
        third = there.post(f"/api/v1/practice/sessions/{practice_id}/turns", json={"text": TURNS[2]})
        assert third.json() == expected_exchange(expected_session(coder), 3)
    finally:
        other.state.backend.close()
    # Back in the first process: its cached session has two turns, the database three; it rebuilds.
    again = client.get(f"/api/v1/practice/sessions/{practice_id}").json()
    assert again["turns"] == 3 and again["exchanges"][2] == third.json()
    ended = client.post(f"/api/v1/practice/sessions/{practice_id}/end").json()
    practice_cache(app).take(practice_id, 3)  # dropped from the cache: the ended session is rebuilt as ended
    assert client.get(f"/api/v1/practice/sessions/{practice_id}").json() == ended


def test_a_turn_racing_another_on_the_same_session_is_refused_not_added(
    world_app: tuple[FastAPI, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two requests answer the same session at once: the second to store finds the turn count moved (409)."""
    app, world = world_app
    accounts = app.state.accounts
    clinician = accounts.token_login(world.clinician_a.token).user

    def service() -> Practice:
        return Practice(Repository(app.state.backend, accounts, Actor(clinician, "token")), PracticeCache(0))

    original, raced = PracticeSession.respond, []

    def another_request_first(self: PracticeSession, text: str) -> Any:
        if not raced:
            raced.append(True)
            service().respond(world.practice_a, "Someone else got in first.")
        return original(self, text)

    monkeypatch.setattr(PracticeSession, "respond", another_request_first)
    with pytest.raises(Conflict, match="changed while your reply"):
        service().respond(world.practice_a, "What brings you in?")
    monkeypatch.setattr(PracticeSession, "respond", original)
    view = service().get(world.practice_a)
    assert [e.clinician.text for e in view.exchanges] == ["Someone else got in first."]
    assert view.info.turns == 1


# -- the pages ---------------------------------------------------------------------------------------------


def test_the_practice_page_lists_the_personas_and_is_in_the_clinicians_menu(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.clinician_a.email)
    assert '<a href="/clinician/practice">Practise MI</a>' in browser.get("/clinician").text
    page = browser.get("/clinician/practice")
    assert page.status_code == 200
    persona = find_persona(PERSONA)
    assert f'value="{PERSONA}"' in page.text and persona.name in page.text and persona.topic in page.text
    assert "stage of change: contemplation" in page.text
    assert persona.hidden_concern.disclosure not in page.text
    assert browser_for(app, world.client_a.email).get("/clinician/practice").status_code == 403


def test_practising_without_javascript_posts_and_redirects(world_app: tuple[FastAPI, World], coder: Coder) -> None:
    app, world = world_app
    browser = browser_for(app, world.clinician_a.email)
    home = browser.get("/clinician/practice")
    started = browser.post(
        "/clinician/practice", data={"csrf_token": form_csrf(home.text), "persona": PERSONA, "seed": str(SEED)}
    )
    assert started.status_code == 303
    url = started.headers["location"]
    page = browser.get(url)
    assert page.status_code == 200 and "Practice with Tom" in page.text
    sent = browser.post(url + "/turns", data={"csrf_token": form_csrf(page.text), "text": TURNS[0]})
    assert sent.status_code == 303 and sent.headers["location"] == url + "#latest"
    after = browser.get(url).text
    expected = expected_session(coder, TURNS[:1]).exchanges[0]
    assert TURNS[0] in after and _html(expected.reply.text) in after
    assert 'class="practice-feedback"' in after and _html(expected.feedback.label) in after
    hidden = browser.get(url + "?feedback=off").text
    assert 'class="practice-feedback"' not in hidden and _html(expected.reply.text) in hidden
    assert 'name="feedback" value="off"' in hidden  # the next reply keeps it hidden
    quiet = browser.post(url + "/turns", data={"csrf_token": form_csrf(page.text), "text": TURNS[1], "feedback": "off"})
    assert quiet.headers["location"] == url + "?feedback=off#latest"
    ended = browser.post(url + "/end", data={"csrf_token": form_csrf(page.text)})
    assert ended.status_code == 303 and ended.headers["location"] == url + "#report"
    final = browser.get(url).text
    assert "Your MITI summary" in final and "Practice: how the client moved" in final
    assert _html(find_persona(PERSONA).hidden_concern.disclosure) in final
    assert 'id="reply"' not in final  # no form once ended
    report = browser.get(url + "/report")
    assert report.status_code == 200 and "script-src 'none'" in report.headers["content-security-policy"]


def test_practising_with_htmx_swaps_in_the_exchange_and_a_fresh_form(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.clinician_a.email)
    url = f"/clinician/practice/{world.practice_a}"
    page = browser.get(url)
    assert 'aria-live="polite"' in page.text and 'id="exchanges"' in page.text and 'hx-post="' in page.text
    fragment = browser.post(
        url + "/turns",
        data={"csrf_token": form_csrf(page.text), "text": "What brings you in today?"},
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert 'hx-swap-oob="beforeend:#exchanges"' in fragment.text and "autofocus" in fragment.text
    assert "What brings you in today?" in fragment.text and 'class="practice-feedback"' in fragment.text
    assert 'id="exchange-1"' in fragment.text and 'id="reply-1"' in fragment.text
    quiet = browser.post(
        url + "/turns",
        data={"csrf_token": form_csrf(page.text), "text": "Tell me more.", "feedback": "off"},
        headers={"HX-Request": "true"},
    )
    assert 'id="exchange-2"' in quiet.text and 'class="practice-feedback"' not in quiet.text
    empty = browser.post(
        url + "/turns", data={"csrf_token": form_csrf(page.text), "text": "   "}, headers={"HX-Request": "true"}
    )
    assert empty.status_code == 200 and 'role="alert"' in empty.text and "Write your reply first" in empty.text
    assert stored_turns(app, world.practice_a) == 2


def test_a_reply_the_page_cannot_take_comes_back_with_what_was_typed(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.clinician_a.email)
    url = f"/clinician/practice/{world.practice_a}"
    csrf = form_csrf(browser.get(url).text)
    essay = "I hear you. " * 200  # 2,400 characters
    too_long = browser.post(url + "/turns", data={"csrf_token": csrf, "text": essay})
    assert too_long.status_code == 400
    assert "at most 2000 characters" in too_long.text and essay.strip() in too_long.text
    htmx = browser.post(url + "/turns", data={"csrf_token": csrf, "text": essay}, headers={"HX-Request": "true"})
    assert htmx.status_code == 200 and essay.strip() in htmx.text and 'role="alert"' in htmx.text
    bad_seed = browser.post("/clinician/practice", data={"csrf_token": csrf, "persona": "gambling", "seed": "seven"})
    assert bad_seed.status_code == 400 and "The seed must be a whole number" in bad_seed.text
    assert 'value="gambling" checked' in bad_seed.text and 'value="seven"' in bad_seed.text
    unknown = browser.post("/clinician/practice", data={"csrf_token": csrf, "persona": "nobody"})
    assert unknown.status_code == 400 and "unknown persona" in unknown.text.lower()
    browser.post(url + "/end", data={"csrf_token": csrf})
    late = browser.post(url + "/turns", data={"csrf_token": csrf, "text": "Wait, one more thing."})
    assert late.status_code == 409 and "has ended" in late.text
    assert stored_turns(app, world.practice_a) == 0
    other = browser_for(app, world.clinician_b.email)
    assert other.get(url).status_code == 404
    other_csrf = form_csrf(other.get("/clinician").text)
    assert other.post(url + "/turns", data={"csrf_token": other_csrf, "text": "Hi"}).status_code == 404


def test_the_practice_pages_have_labels_and_one_h1(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.clinician_a.email)
    url = f"/clinician/practice/{world.practice_a}"
    csrf = form_csrf(browser.get(url).text)
    browser.post(url + "/turns", data={"csrf_token": csrf, "text": "What brings you in?"})
    for path in ("/clinician/practice", url):
        html = browser.get(path).text
        assert html.count("<h1") == 1, path
        for field_id in re.findall(r'<(?:input|textarea|select)[^>]*\bid="([^"]+)"', html):
            assert f'for="{field_id}"' in html, (path, field_id)
        unlabelled = re.findall(
            r'<(?:input|textarea|select)(?![^>]*type="(?:hidden|radio|checkbox)")(?![^>]*\bid=)[^>]*>', html
        )
        assert unlabelled == [], (path, unlabelled)


def _html(text: str) -> str:
    """``text`` as Jinja2 escapes it into a page."""
    return str(escape(text))
