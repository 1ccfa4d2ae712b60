"""The HTML pages: the chat with and without htmx, forms, the clinician's views, and accessibility basics."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_world import PASSWORD, World, form_csrf, login

from oars.measures import GAD7, PHQ9


def browser_for(app: FastAPI, email: str) -> TestClient:
    browser = TestClient(app, follow_redirects=False)
    login(browser, email)
    return browser


def test_the_front_door_sends_each_role_home_and_strangers_to_the_login(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    assert TestClient(app, follow_redirects=False).get("/").headers["location"] == "/login"
    for person, home in ((world.client_a, "/me"), (world.clinician_a, "/clinician"), (world.admin, "/admin")):
        assert browser_for(app, person.email).get("/").headers["location"] == home
    protected = TestClient(app, follow_redirects=False).get("/clinician/flags")
    assert protected.status_code == 303 and protected.headers["location"] == "/login?next=/clinician/flags"


def test_logging_in_through_the_form_goes_where_the_person_was_going(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = TestClient(app, follow_redirects=False)
    token = form_csrf(browser.get("/login?next=/me/plan").text)
    wrong = browser.post("/login", data={"email": world.client_a.email, "password": "nope", "csrf_token": token})
    assert wrong.status_code == 401 and "wrong e-mail or password" in wrong.text.lower()
    token = form_csrf(wrong.text)
    right = browser.post(
        "/login", data={"email": world.client_a.email, "password": PASSWORD, "csrf_token": token, "next": "/me/plan"}
    )
    assert right.status_code == 303 and right.headers["location"] == "/me/plan"
    assert browser.get("/me/plan").status_code == 200


def test_the_chat_works_with_plain_form_posts(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.client_a.email)
    home = browser.get("/me")
    started = browser.post("/me/sessions", data={"csrf_token": form_csrf(home.text), "topic": "smoking"})
    assert started.status_code == 303
    chat_url = started.headers["location"].split("#")[0]
    page = browser.get(chat_url)
    sent = browser.post(
        chat_url + "/messages", data={"csrf_token": form_csrf(page.text), "text": "I smoke twenty a day."}
    )
    assert sent.status_code == 303 and sent.headers["location"].endswith("#latest")
    after = browser.get(chat_url).text
    assert "I smoke twenty a day." in after
    assert after.count('class="turn counsellor') == 2


def test_the_chat_with_htmx_swaps_in_the_new_turns_and_a_fresh_form(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.client_a.email)
    page = browser.get(f"/me/sessions/{world.session_a}")
    assert 'aria-live="polite"' in page.text and 'id="transcript"' in page.text
    fragment = browser.post(
        f"/me/sessions/{world.session_a}/messages",
        data={"csrf_token": form_csrf(page.text), "text": "I feel stuck."},
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert 'hx-swap-oob="beforeend:#transcript"' in fragment.text
    assert "I feel stuck." in fragment.text and "autofocus" in fragment.text
    empty = browser.post(
        f"/me/sessions/{world.session_a}/messages",
        data={"csrf_token": form_csrf(page.text), "text": "  "},
        headers={"HX-Request": "true"},
    )
    assert empty.status_code == 200 and 'role="alert"' in empty.text


def test_a_crisis_message_is_shown_prominently_with_the_resources(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.client_b.email)
    page = browser.get(f"/me/sessions/{world.session_b}")
    browser.post(
        f"/me/sessions/{world.session_b}/messages",
        data={"csrf_token": form_csrf(page.text), "text": "I am going to end my life"},
    )
    after = browser.get(f"/me/sessions/{world.session_b}").text
    assert re.search(r'class="turn counsellor crisis"[^>]*role="alert"', after)
    assert "Your safety comes first" in after and 'href="/crisis"' in after


def test_crisis_help_is_one_click_away_on_every_page_and_follows_the_locale(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    anonymous = TestClient(app)
    assert 'class="crisis-link" href="/crisis"' in anonymous.get("/login").text
    assert "988" in anonymous.get("/crisis").text
    gb = anonymous.get("/crisis?locale=GB").text
    assert "116 123" in gb and "999" in gb
    browser = browser_for(app, world.clinician_a.email)
    page = browser.get("/clinician")
    invited = browser.post(
        "/clinician/clients",
        data={"csrf_token": form_csrf(page.text), "email": "gb@example.org", "name": "Gwen", "locale": "GB"},
    )
    link = re.search(r"http://testserver/invite/[\w-]+", invited.text)
    assert link
    token = link.group(0).rsplit("/", 1)[1]
    TestClient(app).post("/api/v1/invites/accept", json={"token": token, "password": PASSWORD})
    gwen = browser_for(app, "gb@example.org").get("/me").text
    assert '<html lang="en-GB">' in gwen and "116 123" in gwen


def test_the_questionnaire_forms_have_the_exact_wording_and_credit(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.client_a.email)
    for q in (PHQ9, GAD7):
        page = browser.get(f"/me/measures/{q.id}").text
        for item in q.items:
            assert item.text.replace("'", "&#39;") in page
        assert q.stem in page and q.credit in page
    page = browser.get("/me/measures/gad7")
    missing = browser.post("/me/measures/gad7", data={"csrf_token": form_csrf(page.text), "item1": "2"})
    assert missing.status_code == 400 and "please answer questions 2, 3" in missing.text.lower()
    answers = {f"item{i}": "2" for i in range(1, 8)}
    done = browser.post("/me/measures/gad7", data={"csrf_token": form_csrf(page.text), **answers})
    assert done.status_code == 200 and "<strong>14</strong>" in done.text and "moderate" in done.text


def test_every_form_field_has_a_label_and_pages_have_one_h1(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    pages = {
        world.client_a.email: ["/me", f"/me/sessions/{world.session_a}", "/me/rulers", "/me/plan", "/me/measures/phq9"],
        world.clinician_a.email: [
            "/clinician",
            f"/clinician/clients/{world.client_a.id}",
            f"/clinician/sessions/{world.session_a}",
            "/clinician/flags",
            "/clinician/upload",
        ],
        world.admin.email: ["/admin", "/admin/audit", "/account/tokens"],
    }
    for email, paths in pages.items():
        browser = browser_for(app, email)
        for path in paths:
            html = browser.get(path).text
            assert html.count("<h1") == 1, path
            assert '<a class="skip" href="#main">' in html and 'lang="en-US"' in html
            for field_id in re.findall(r'<(?:input|textarea|select)[^>]*\bid="([^"]+)"', html):
                assert f'for="{field_id}"' in html, (path, field_id)
            unlabelled = re.findall(
                r'<(?:input|textarea|select)(?![^>]*type="(?:hidden|radio|checkbox)")(?![^>]*\bid=)[^>]*>', html
            )
            assert unlabelled == [], (path, unlabelled)


def test_the_clinician_sees_charts_a_coded_session_and_can_clear_a_flag(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.clinician_a.email)
    client_page = browser.get(f"/clinician/clients/{world.client_a.id}").text
    assert client_page.count('<svg class="chart"') == 3  # PHQ-9, GAD-7, rulers
    assert "moderately severe (15–19)" in client_page  # a PHQ-9 band, shaded and labelled
    session = browser.get(f"/clinician/sessions/{world.session_a}")
    assert '<svg class="timeline"' in session.text and "MITI summary" in session.text
    assert "'sha256-" in session.headers["content-security-policy"]  # the timeline's own style, by hash
    cleared = browser.post(
        f"/clinician/sessions/{world.session_a}/clear-flag",
        data={"csrf_token": form_csrf(session.text), "note": "Spoke by phone; safe."},
    )
    assert cleared.status_code == 303
    after = browser.get(f"/clinician/sessions/{world.session_a}").text
    assert "Open crisis flag" not in after and "cleared — Spoke by phone; safe." in after


def test_deleting_a_record_from_its_page_needs_the_box_ticked(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.clinician_a.email)
    page = browser.get(f"/clinician/clients/{world.client_a.id}")
    unticked = browser.post(f"/clinician/clients/{world.client_a.id}/delete", data={"csrf_token": form_csrf(page.text)})
    assert unticked.status_code == 400
    ticked = browser.post(
        f"/clinician/clients/{world.client_a.id}/delete", data={"csrf_token": form_csrf(page.text), "confirm": "yes"}
    )
    assert ticked.status_code == 303
    assert browser.get(f"/clinician/clients/{world.client_a.id}").status_code == 404


def test_an_uploaded_transcript_opens_as_its_fidelity_report(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.clinician_b.email)
    page = browser.get("/clinician/upload")
    report = browser.post(
        "/clinician/upload",
        data={"csrf_token": form_csrf(page.text)},
        files={"file": ("s.txt", b"Counsellor: How are things?\nClient: Better, thanks.\n", "text/plain")},
    )
    assert report.status_code == 200 and "Better, thanks." in report.text
    assert "script-src 'none'" in report.headers["content-security-policy"]


def test_the_admin_adds_a_clinician_and_reads_the_audit_log(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.admin.email)
    page = browser.get("/admin")
    added = browser.post(
        "/admin/clinicians", data={"csrf_token": form_csrf(page.text), "email": "new@example.org", "name": "Nia"}
    )
    assert added.status_code == 200 and "/invite/" in added.text
    audit = browser.get("/admin/audit?action=create").text
    assert "create" in audit and "user" in audit
    assert browser.get("/admin/audit?since=yesterday").status_code == 400


def test_access_tokens_are_made_and_revoked_on_the_account_page(world_app: tuple[FastAPI, World]) -> None:
    app, world = world_app
    browser = browser_for(app, world.client_a.email)
    page = browser.get("/account/tokens")
    made = browser.post("/account/tokens", data={"csrf_token": form_csrf(page.text), "name": "my script"})
    token = re.search(r"oars_pat_[\w-]+", made.text)
    assert token
    assert (
        TestClient(app, headers={"Authorization": f"Bearer {token.group(0)}"}).get("/api/v1/auth/me").status_code == 200
    )
