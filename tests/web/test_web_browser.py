"""The web app in a real browser: headless Chromium (Debian's, via ``OARS_TEST_CHROMIUM``) driven by Playwright.

One uvicorn server for the module, on a free loopback port, over a copy of the small clinic (``web_world``).
Each test makes the clients it needs, so the tests do not depend on each other's order:

* a client opens their invitation link, sets a password, logs in, chats (the htmx swap, no reload) and
  fills the PHQ-9, then sees the total and band; their clinician sees it on the dashboard;
* a crisis message shows the safety reply and the resources, and raises the flag on the clinician's
  dashboard and flags page (two browser contexts: the client and the clinician, side by side);
* a clinician opens a client with PHQ-9 / GAD-7 / ruler history and sees the charts, then reads the session's
  coded transcript, MITI summary and change-talk timeline;
* on a phone-sized screen the chat fits the width and works by touch; the chat form works from the keyboard,
  with a visible focus ring, and the focus returns to the message box after each reply.

Skipped, never failed, when ``OARS_TEST_CHROMIUM`` is unset or Playwright is not installed.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from live_server import ApiSeed, LiveServer, chromium_problem, launch_chromium
from web_world import PASSWORD, World, make_settings

from oars.web import create_app

PROBLEM = chromium_problem()
if PROBLEM is not None:
    pytest.skip(PROBLEM, allow_module_level=True)

from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright  # noqa: E402

pytestmark = pytest.mark.slow

WAIT_MS = 30_000  # the machine may be busy (the coder model loads on first use): generous, never a sleep
expect.set_options(timeout=WAIT_MS)


@dataclass
class Live:
    url: str
    world: World
    seed: ApiSeed


@pytest.fixture(scope="module")
def live(sqlite_template: tuple[Path, World], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    template, world = sqlite_template
    copy = tmp_path_factory.mktemp("browser") / "oars.db"
    shutil.copyfile(template, copy)
    # Every login comes from 127.0.0.1: the per-address login limit must not be what a test runs into.
    settings = make_settings(f"sqlite:///{copy}", migrate_on_start=False, login_per_ip=10_000)
    app = create_app(settings)
    try:
        with LiveServer(app) as server:
            yield Live(server.url, world, ApiSeed(server.url, PASSWORD))
    finally:
        app.state.backend.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def contexts(browser: Browser, live: Live) -> Iterator[list[BrowserContext]]:
    """Browser contexts (separate cookie jars: one per person) made by ``open_page``, closed after the test."""
    made: list[BrowserContext] = []
    yield made
    for context in made:
        context.close()


def open_page(browser: Browser, live: Live, contexts: list[BrowserContext], **options: object) -> Page:
    context = browser.new_context(base_url=live.url, **options)  # type: ignore[arg-type]
    context.set_default_timeout(WAIT_MS)
    contexts.append(context)
    return context.new_page()


def log_in(page: Page, email: str) -> None:
    page.goto("/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def start_conversation(page: Page, topic: str = "") -> str:
    """From the client's home page: a new conversation; returns its id once the opening turn is shown."""
    page.goto("/me")
    if topic:
        page.get_by_label("What would you like to talk about?").fill(topic)
    page.get_by_role("button", name="Start a new conversation").click()
    expect(page).to_have_url(re.compile(r"/me/sessions/\w+"))
    expect(page.locator("#transcript li.turn.counsellor")).to_have_count(1)
    return page.url.split("/me/sessions/")[1].split("#")[0]


def say(page: Page, text: str) -> None:
    """Send one chat message with the form and wait for the counsellor's answer to be swapped in."""
    counsellor = page.locator("#transcript li.turn.counsellor")
    before = counsellor.count()
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send").click()
    expect(counsellor).to_have_count(before + 1)


def test_a_client_opens_their_invite_chats_and_fills_the_phq9(
    browser: Browser, live: Live, contexts: list[BrowserContext]
) -> None:
    clinician = open_page(browser, live, contexts)
    log_in(clinician, live.world.clinician_a.email)
    expect(clinician).to_have_url(live.url + "/clinician")
    invite = clinician.get_by_role("region", name="Invite a client")
    invite.get_by_label("Name").fill("Robin Browser")
    invite.get_by_label("E-mail address").fill("robin@example.org")
    invite.get_by_role("button", name="Create the invitation link").click()
    link = clinician.locator("p.token").inner_text().strip()
    assert link.startswith(live.url + "/invite/")

    client = open_page(browser, live, contexts)
    client.goto(link)
    expect(client.get_by_role("heading", level=1)).to_have_text("Welcome, Robin Browser")
    client.get_by_label("New password").fill(PASSWORD)
    client.get_by_label("The same password again").fill(PASSWORD)
    client.get_by_role("button", name="Set password").click()
    expect(client.get_by_role("status")).to_contain_text("Your password is set")
    log_in(client, "robin@example.org")
    expect(client.get_by_role("heading", level=1)).to_have_text("Hello, Robin Browser")

    start_conversation(client, "drinking")
    expect(client.get_by_role("heading", level=1)).to_have_text("Conversation about drinking")
    client.evaluate("window.oarsMarker = 'still the same page'")
    say(client, "I drink most nights, and I want to cut down before it gets worse.")
    transcript = client.locator("#transcript")
    expect(transcript.locator("li.turn.client")).to_have_count(1)
    expect(transcript.locator("li.turn.client")).to_contain_text("I drink most nights")
    reply = transcript.locator("li.turn.counsellor").last
    expect(reply).to_contain_text("Counsellor (automated)")
    assert len(reply.locator("p").inner_text().split()) >= 3
    expect(reply).not_to_have_class(re.compile(r"\bcrisis\b"))
    assert client.evaluate("window.oarsMarker") == "still the same page"  # htmx swapped it in: no reload

    client.get_by_role("navigation", name="Main").get_by_role("link", name="PHQ-9", exact=True).click()
    expect(client.get_by_role("heading", level=1)).to_have_text("Patient Health Questionnaire-9 (PHQ-9)")
    items = client.locator("form fieldset")
    for index in range(9):
        items.nth(index).get_by_label("Not at all" if index == 8 else "Several days", exact=True).check()
    client.get_by_role("button", name="Send my answers").click()
    expect(client.get_by_role("status")).to_contain_text("Your PHQ-9 total is 8 out of 27, in the mild range")
    expect(client.locator("li.turn.crisis")).to_have_count(0)  # item 9 was 0: no safety path

    clinician.goto("/clinician")
    row = clinician.get_by_role("row").filter(has=clinician.get_by_role("link", name="Robin Browser"))
    expect(row.locator("td").nth(1)).to_have_text("8 mild")  # the PHQ-9 column


def test_a_crisis_message_shows_the_resources_and_raises_the_flag_for_the_clinician(
    browser: Browser, live: Live, contexts: list[BrowserContext]
) -> None:
    live.seed.new_client(live.world.clinician_a.token, "casey@example.org", "Casey Crisis")
    clinician = open_page(browser, live, contexts)
    log_in(clinician, live.world.clinician_a.email)
    row = clinician.get_by_role("row").filter(has=clinician.get_by_role("link", name="Casey Crisis"))
    expect(row).to_contain_text("nothing urgent")

    client = open_page(browser, live, contexts)
    log_in(client, "casey@example.org")
    session_id = start_conversation(client)
    say(client, "I am going to end my life tonight")
    alert = client.locator("#transcript li.turn.counsellor.crisis")
    expect(alert).to_have_count(1)
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_contain_text("Your safety comes first")
    expect(alert).to_contain_text("988")
    expect(client.locator("a.crisis-link")).to_be_visible()
    alert.get_by_role("link", name="See all crisis resources").click()
    expect(client.get_by_role("heading", level=1)).to_have_text("Help right now")
    expect(client.get_by_role("main")).to_contain_text("988")

    clinician.reload()
    expect(row.locator(".flag")).to_have_text("1 open crisis flag")
    first = clinician.get_by_role("row").nth(1)  # the header row is row 0; flagged clients come first
    expect(first.locator(".flag")).to_contain_text("open crisis flag")
    clinician.get_by_role("navigation", name="Main").get_by_role("link", name="Open flags").click()
    expect(clinician.locator(f'a[href="/clinician/sessions/{session_id}"]')).to_be_visible()


def test_a_clinician_sees_the_charts_and_reads_a_coded_transcript(
    browser: Browser, live: Live, contexts: list[BrowserContext]
) -> None:
    live.seed.new_client(live.world.clinician_a.token, "charlie@example.org", "Charlie Charts")
    with live.seed.logged_in("charlie@example.org") as http:
        session_id = http.post("/api/v1/sessions", json={"topic": "smoking"}).json()["session_id"]
        for text in (
            "I smoke about twenty a day.",
            "I want to stop because my kids keep asking me to.",
            "But it's the only break I get at work.",
        ):
            assert http.post(f"/api/v1/sessions/{session_id}/messages", json={"text": text}).status_code == 200
        for questionnaire, answers in (("phq9", [2] * 8 + [0]), ("phq9", [1] * 8 + [0]), ("gad7", [2] * 7)):
            assert http.post("/api/v1/measures", json={"questionnaire": questionnaire, "answers": answers}).is_success
        for value in (5, 8):
            assert http.post("/api/v1/rulers", json={"kind": "importance", "value": value}).is_success

    clinician = open_page(browser, live, contexts)
    log_in(clinician, live.world.clinician_a.email)
    clinician.get_by_role("link", name="Charlie Charts").click()
    expect(clinician.get_by_role("heading", level=1)).to_have_text("Charlie Charts")
    phq9 = clinician.get_by_role("img", name=re.compile("PHQ-9 total over time"))
    expect(phq9).to_be_visible()
    expect(phq9).to_have_accessible_name(re.compile(r"2 results; newest 8 \(mild\)"))
    expect(phq9.locator("circle")).to_have_count(2)
    expect(phq9.locator("text", has_text="moderately severe (15–19)")).to_have_count(1)
    box = phq9.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    overflowing = clinician.evaluate(
        """() => [...document.querySelectorAll('svg.chart')].flatMap(svg => [...svg.querySelectorAll('text')]
            .filter(t => { const b = t.getBBox(); return b.x < 0 || b.x + b.width > svg.viewBox.baseVal.width; })
            .map(t => t.textContent))"""
    )
    assert overflowing == []  # every label fits inside its chart (a band label was once cut off)
    expect(clinician.get_by_role("img", name=re.compile("GAD-7 total over time"))).to_be_visible()
    expect(clinician.get_by_role("img", name=re.compile("ruler", re.IGNORECASE))).to_be_visible()
    clinician.get_by_text("PHQ-9 results as a table").click()  # the same figures for a screen reader
    expect(clinician.get_by_role("cell", name="16", exact=True)).to_be_visible()

    clinician.locator(f'a[href="/clinician/sessions/{session_id}"]').click()
    expect(clinician.get_by_role("heading", name="Coded transcript")).to_be_visible()
    rows = clinician.locator("table").last.locator("tbody tr")
    expect(rows).to_have_count(7)  # the opening, then three client messages and three replies
    codes = [code.strip() for code in rows.locator("td.codes").all_inner_texts()]
    speakers = rows.locator("td:nth-child(2)").all_inner_texts()
    assert speakers == ["counsellor", "client"] * 3 + ["counsellor"]
    for speaker, code in zip(speakers, codes, strict=True):
        expected = r"(question|reflection|input|other)\b" if speaker == "counsellor" else r"(change|sustain|neutral)\b"
        assert re.match(expected, code), (speaker, code)
    expect(rows.nth(3)).to_contain_text("my kids keep asking me to")
    summary = clinician.get_by_role("heading", name="MITI summary").locator("xpath=following-sibling::div[1]")
    expect(summary.get_by_role("rowheader", name="% MI-adherent")).to_be_visible()
    expect(clinician.locator("svg.timeline")).to_be_visible()


def test_on_a_phone_the_chat_fits_the_screen_and_works_by_touch(
    browser: Browser, live: Live, contexts: list[BrowserContext]
) -> None:
    live.seed.new_client(live.world.clinician_a.token, "pat@example.org", "Pat Phone")
    phone = open_page(browser, live, contexts, viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    log_in(phone, "pat@example.org")
    start_conversation(phone, "sleep")
    message = phone.get_by_label("Your message")
    send = phone.get_by_role("button", name="Send")
    for element in (message, send, phone.locator("a.crisis-link")):
        expect(element).to_be_visible()
        box = element.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    message_box = message.bounding_box()
    assert message_box is not None and message_box["width"] >= 250  # wide enough to write in
    send_box = send.bounding_box()
    assert send_box is not None and send_box["height"] >= 24  # a target a finger can hit
    message.tap()
    message.fill("I lie awake most nights worrying about work.")
    send.tap()
    expect(phone.locator("#transcript li.turn.counsellor")).to_have_count(2)
    expect(phone.locator("#transcript li.turn.client")).to_contain_text("I lie awake")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling


def test_the_chat_form_works_from_the_keyboard_with_a_visible_focus(
    browser: Browser, live: Live, contexts: list[BrowserContext]
) -> None:
    live.seed.new_client(live.world.clinician_a.token, "kim@example.org", "Kim Keyboard")
    page = open_page(browser, live, contexts)
    log_in(page, "kim@example.org")
    session_id = start_conversation(page)  # the page opens at #latest, just above the form
    page.keyboard.press("Tab")
    expect(page.get_by_label("Your message")).to_be_focused()  # so one Tab reaches the message box

    page.goto(f"/me/sessions/{session_id}")
    page.keyboard.press("Tab")  # from the top, the first stop on every page skips the header
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    message = page.get_by_label("Your message")
    for _ in range(15):  # from the top of main, Tab reaches the message box (past the notice's link)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "message":
            break
    expect(message).to_be_focused()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # :focus-visible draws a ring
    page.keyboard.type("I keep putting off the dentist.")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#transcript li.turn.counsellor")).to_have_count(2)
    expect(page.locator("#transcript li.turn.client")).to_contain_text("putting off the dentist")
    expect(page.get_by_label("Your message")).to_be_focused()  # the fresh form takes the focus back
    expect(page.get_by_label("Your message")).to_have_value("")


def test_a_clinician_practises_one_turn_and_sees_the_feedback(
    browser: Browser, live: Live, contexts: list[BrowserContext]
) -> None:
    page = open_page(browser, live, contexts)
    log_in(page, live.world.clinician_a.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Practise MI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Practise MI with a simulated client")
    page.get_by_role("radio", name=re.compile(r"Aaron, 31")).check()
    page.get_by_label(re.compile(r"^Seed")).fill("4")
    page.get_by_role("button", name="Start practising").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Practice with Aaron")
    page.evaluate("window.oarsMarker = 'still the same page'")
    expect(page.locator(".first-words")).to_be_visible()
    page.get_by_label("Your reply").fill("Do you bet every day?")
    page.get_by_role("button", name="Send").click()
    exchanges = page.locator("#exchanges")
    expect(exchanges.locator("li.practice-client")).to_have_count(1)
    expect(page.locator(".first-words")).to_be_hidden()  # the hint before the first reply has gone
    feedback = exchanges.locator(".practice-feedback")
    expect(feedback).to_contain_text("closed question")
    expect(feedback.locator(".tip")).to_contain_text("try opening it")
    assert len(exchanges.locator("li.practice-client p").inner_text().split()) >= 1
    assert page.evaluate("window.oarsMarker") == "still the same page"  # htmx swapped it in: no reload
    expect(page.get_by_label("Your reply")).to_be_focused()
    page.get_by_role("link", name="Hide the feedback").click()
    expect(page.locator(".practice-feedback")).to_have_count(0)
    expect(page.locator("#exchanges li.practice-client")).to_have_count(1)
