"""Screenshots of the clinic web app's main pages for the README: ``python docs/screenshots.py``.

Builds a small demo clinic in a temporary SQLite database (one clinician; a client with six weeks of
PHQ-9, GAD-7 and rulers and a conversation that reaches a plan; a client whose message started the safety
path; two more), serves it with uvicorn on a free loopback port, and drives headless Chromium through it
with Playwright — the same set-up as the browser tests (``tests/web/live_server.py``). Every name and
message is made up. The pictures go to ``docs/screenshots/`` (``--out`` for elsewhere).

Chromium is ``--chromium`` or ``$OARS_TEST_CHROMIUM`` (default ``/usr/bin/chromium``, Debian's package);
Playwright never downloads a browser here.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "web"))  # the live server and settings the browser tests use

import httpx  # noqa: E402
from fastapi import FastAPI  # noqa: E402
from live_server import CHROMIUM_ENV, ApiSeed, LiveServer, launch_chromium  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402
from sqlalchemy import select  # noqa: E402
from web_world import PASSWORD, make_settings  # noqa: E402

from oars.store.models import EventRow, SessionRow  # noqa: E402
from oars.web import create_app  # noqa: E402
from oars.web.audit import Actor  # noqa: E402
from oars.web.repository import Repository  # noqa: E402

WIDTH = 1200
SCRIPT = ROOT / "data" / "scripts" / "drinking.txt"

# Six weekly check-ins for Alex: PHQ-9 items (item 9 always 0), GAD-7 items, rulers; the last is this week's.
PHQ9_WEEKS = [
    [2, 2, 2, 2, 2, 2, 2, 3, 0],
    [2, 2, 2, 2, 2, 1, 2, 2, 0],
    [2, 2, 1, 2, 2, 1, 2, 2, 0],
    [1, 2, 1, 2, 1, 1, 1, 2, 0],
    [1, 1, 1, 1, 1, 1, 1, 2, 0],
    [1, 1, 1, 1, 1, 0, 1, 1, 0],
]
GAD7_WEEKS = [
    [2, 2, 2, 2, 2, 1, 2],
    [2, 2, 2, 1, 2, 1, 2],
    [2, 1, 2, 1, 2, 1, 1],
    [1, 1, 2, 1, 1, 1, 1],
    [1, 1, 1, 1, 1, 1, 1],
    [1, 1, 1, 1, 1, 0, 1],
]
RULERS_WEEKS = [(5, 3, 4), (6, 3, 5), (6, 4, 5), (7, 4, 6), (7, 5, 7), (8, 6, 7)]

# A clinician practising with the gambling persona: a closed question, then a reflection, then an open question.
PRACTICE_REPLIES = (
    "Do you bet every day?",
    "Betting has become part of most of your days, and you're not sure how you feel about that.",
    "What would you like to be different about it?",
)

FIDELITY_TRANSCRIPT = """\
T: Thanks for coming in today. What would you like to talk about?
C: My drinking, I suppose. My partner keeps bringing it up.
T: Someone close to you is worried, and you're not sure what you make of it yet.
C: Yeah. I don't think it's that bad, but I did miss work twice last month.
T: Missing work stood out to you.
C: It did. That's not who I want to be.
T: You care about being someone people can rely on.
C: Exactly. My dad was like that with drink and I swore I wouldn't be.
T: What would you like to be different a year from now?
C: Honestly, I'd like to not need a drink every night to switch off.
T: You should really stop drinking on weeknights altogether.
C: That's easy for you to say. It's the only time that's mine.
T: So on one hand the evenings are your time, and on the other hand you don't want to end up like your dad.
C: Yeah. I could maybe start with a couple of dry nights a week.
T: How would you go about that?
C: Keep none in the fridge on Mondays and Tuesdays, and go to the gym instead.
T: You've already got a plan taking shape, and it comes from what matters to you.
C: I think I can do that. I'll try it this week.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--chromium", default=os.environ.get(CHROMIUM_ENV, "/usr/bin/chromium"))
    args = parser.parse_args()
    os.environ[CHROMIUM_ENV] = args.chromium
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        settings = make_settings(f"sqlite:///{Path(folder) / 'demo.db'}", login_per_ip=10_000)
        app = create_app(settings)
        try:
            clinician_email, clinician_token = _clinic(app)
            with LiveServer(app) as server, sync_playwright() as playwright:
                seed = ApiSeed(server.url, PASSWORD)
                browser = launch_chromium(playwright)
                try:
                    shots = _take(app, server.url, seed, browser, clinician_email, clinician_token, args.out)
                finally:
                    browser.close()
        finally:
            app.state.backend.close()
    for path in shots:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size / 1000:.0f} KB")
    print(f"{len(shots)} screenshots in {time.perf_counter() - started:.0f} s")


def _clinic(app: FastAPI) -> tuple[str, str]:
    """The admin and the clinician (as ``oars admin create`` and the admin's page would make them)."""
    accounts = app.state.accounts
    admin = accounts.create_admin("admin@clinic.example", "Clinic Admin", PASSWORD)
    repo = Repository(app.state.backend, accounts, Actor(admin, "token", "127.0.0.1", "screenshots"))
    _summary, invite = repo.add_clinician("jordan.lee@clinic.example", "Dr Jordan Lee")
    clinician = accounts.accept_invite(Actor(None, ip="127.0.0.1"), invite, PASSWORD)
    _row, token = accounts.create_token(Actor(clinician, "token"), "screenshots")
    return clinician.email, token


def _take(
    app: FastAPI, url: str, seed: ApiSeed, browser: Browser, clinician_email: str, clinician_token: str, out: Path
) -> list[Path]:
    shots: list[Path] = []
    lines = SCRIPT.read_text().split("---")[1].strip().splitlines()
    conversation, goodbye = lines[:-1], lines[-1]
    assert "have to go" in goodbye

    # Alex: five past weekly check-ins (backdated), then this week's conversation, left open.
    alex = seed.new_client(clinician_token, "alex.morgan@example.org", "Alex Morgan")
    with seed.logged_in("alex.morgan@example.org") as http:
        for week in range(5):
            session_id = http.post("/api/v1/sessions", json={"topic": "drinking"}).json()["session_id"]
            for text in lines[week * 2 : week * 2 + 2]:
                http.post(f"/api/v1/sessions/{session_id}/messages", json={"text": text}).raise_for_status()
            _check_in(http, week)
            http.post(f"/api/v1/sessions/{session_id}/end").raise_for_status()
            _backdate(app, session_id, weeks=5 - week)
        session_id = http.post("/api/v1/sessions", json={"topic": "drinking"}).json()["session_id"]
        for text in conversation:
            http.post(f"/api/v1/sessions/{session_id}/messages", json={"text": text}).raise_for_status()
        http.post("/api/v1/measures", json={"questionnaire": "gad7", "answers": GAD7_WEEKS[5]}).raise_for_status()
        for kind, value in zip(("importance", "confidence", "readiness"), RULERS_WEEKS[5], strict=True):
            http.post("/api/v1/rulers", json={"kind": kind, "value": value}).raise_for_status()

    # Taylor: worse this time. Sam: a message that starts the safety path. Jamie: invited, not joined yet.
    seed.new_client(clinician_token, "taylor.kim@example.org", "Taylor Kim")
    with seed.logged_in("taylor.kim@example.org") as http:
        for answers in ([1, 1, 1, 1, 1, 1, 1, 1, 0], [2, 2, 2, 1, 2, 2, 1, 1, 0]):
            http.post("/api/v1/measures", json={"questionnaire": "phq9", "answers": answers}).raise_for_status()
    seed.new_client(clinician_token, "sam.rivera@example.org", "Sam Rivera")
    seed.invite_client(clinician_token, "jamie.fox@example.org", "Jamie Fox")

    context = browser.new_context(base_url=url, viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    _log_in(page, "alex.morgan@example.org")
    page.goto(f"/me/sessions/{session_id}#latest")
    shots.append(_shot(page, out / "client-chat.png"))
    page.goto("/me/measures/phq9")
    for index, answer in enumerate(PHQ9_WEEKS[5]):
        labels = ("Not at all", "Several days", "More than half the days", "Nearly every day")
        page.locator("form fieldset").nth(index).get_by_label(labels[answer], exact=True).check()
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("status").wait_for()
    page.set_viewport_size({"width": WIDTH, "height": 440})
    shots.append(_shot(page, out / "phq9-result.png"))
    context.close()

    phone = browser.new_context(
        base_url=url, viewport={"width": 390, "height": 780}, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = phone.new_page()
    _log_in(page, "sam.rivera@example.org")
    page.goto("/me")
    page.get_by_role("button", name="Start a new conversation").click()
    page.locator("#transcript li.turn.counsellor").wait_for()
    page.get_by_label("Your message").fill("honestly i dont see the point anymore. ive been thinking about ending it")
    page.get_by_role("button", name="Send").click()
    page.locator("#transcript li.turn.crisis").wait_for()
    page.locator("#transcript li.turn.crisis").scroll_into_view_if_needed()
    shots.append(_shot(page, out / "crisis-reply-phone.png"))
    phone.close()

    context = browser.new_context(base_url=url, viewport={"width": WIDTH, "height": 800})
    page = context.new_page()
    _log_in(page, clinician_email)
    page.goto("/clinician")
    shots.append(_shot(page, out / "clinician-dashboard.png"))
    page.set_viewport_size({"width": WIDTH, "height": 1500})
    page.goto(f"/clinician/clients/{alex}")
    page.get_by_role("img", name="Readiness rulers over time").wait_for()
    shots.append(_shot(page, out / "client-charts.png"))
    page.set_viewport_size({"width": WIDTH, "height": 1300})
    page.goto(f"/clinician/sessions/{session_id}")
    page.get_by_role("heading", name="Coded transcript").scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, document.querySelector('h2 + svg.timeline, svg.timeline').offsetTop - 80)")
    shots.append(_shot(page, out / "coded-session.png"))
    page.set_viewport_size({"width": WIDTH, "height": 1100})
    page.goto("/clinician/upload")
    page.get_by_label("Transcript file").set_input_files(
        {"name": "session.txt", "mimeType": "text/plain", "buffer": FIDELITY_TRANSCRIPT.encode()}
    )
    page.get_by_role("button", name="Make the report").click()
    page.wait_for_load_state()
    shots.append(_shot(page, out / "fidelity-report.png"))
    page.set_viewport_size({"width": WIDTH, "height": 1000})
    page.goto("/clinician/practice")
    page.get_by_role("radio", name=re.compile(r"Aaron, 31")).check()
    page.get_by_label(re.compile(r"^Seed")).fill("4")
    page.get_by_role("button", name="Start practising").click()
    for reply in PRACTICE_REPLIES:
        said = page.locator("#exchanges li.practice-client").count()
        page.get_by_label("Your reply").fill(reply)
        page.get_by_role("button", name="Send").click()
        page.locator("#exchanges li.practice-client").nth(said).wait_for()
    shots.append(_shot(page, out / "practice.png"))
    context.close()
    return shots


def _check_in(http: httpx.Client, week: int) -> None:
    for questionnaire, answers in (("phq9", PHQ9_WEEKS[week]), ("gad7", GAD7_WEEKS[week])):
        http.post("/api/v1/measures", json={"questionnaire": questionnaire, "answers": answers}).raise_for_status()
    for kind, value in zip(("importance", "confidence", "readiness"), RULERS_WEEKS[week], strict=True):
        http.post("/api/v1/rulers", json={"kind": kind, "value": value}).raise_for_status()


def _backdate(app: FastAPI, session_id: str, weeks: int) -> None:
    """Move a demo session and its events ``weeks`` back, so the charts show a history (demo data only)."""
    shift = timedelta(weeks=weeks)
    with app.state.backend.writing() as db:
        row = db.get_one(SessionRow, session_id)
        row.created_at -= shift
        row.updated_at -= shift
        for event in db.scalars(select(EventRow).where(EventRow.session_id == session_id)):
            event.at -= shift


def _log_in(page: Page, email: str) -> None:
    page.goto("/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def _shot(page: Page, path: Path) -> Path:
    page.screenshot(path=str(path))
    return path


if __name__ == "__main__":
    main()
