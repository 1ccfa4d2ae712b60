"""Language-model wording of the simulated client in ``oars practice`` (scripted server on loopback)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fake_server import fake_server, user_prompt
from typer.testing import CliRunner

from oars.cli import app
from oars.coder import Coder
from oars.llm import ChatClient, LLMConfig
from oars.practice import PracticeSession, find_persona
from oars.practice.llm import CLIENT_SYSTEM_PROMPT, MODEL_KINDS, LLMClientWording, check_client_reply
from oars.practice.speech import Kind

PERSONA = find_persona("heavy-drinking")
CLINICIAN = [
    "What brings you in today?",
    "It sounds like the test results worried you.",
    "What would you like to be different?",
    "On a scale from 0 to 10, how important is it for you to cut down?",
    "Do you drink every day?",
    "You know your life best. What matters most to you?",
    "Tell me more about the evenings.",
]


def line_of(request: dict[str, Any]) -> str:
    found = re.search(
        r"^The line to say in your own words \(keep its meaning and attitude\): (.*)$", user_prompt(request), re.M
    )
    assert found, user_prompt(request)
    return json.loads(found.group(1))


def honest(request: dict[str, Any]) -> str:
    """A cooperative model: the line, said with a little hesitation."""
    line = line_of(request)
    return "Well... " + line[0].lower() + line[1:] if not line.startswith("I") else "Well... " + line


def practise(script: Any, coder: Coder, **config: Any) -> tuple[PracticeSession, list[dict[str, Any]]]:
    with fake_server(script) as server:
        wording = LLMClientWording(ChatClient(LLMConfig(server.url, model="m", **config)))
        session = PracticeSession(PERSONA, seed=3, coder=coder, wording=wording)
        for text in CLINICIAN:
            session.respond(text)
        return session, server.completions


def test_a_cooperative_model_words_the_replies_it_may(coder: Coder) -> None:
    session, requests = practise(honest, coder)
    replies = [e.reply for e in session.exchanges]
    worded = [r for r in replies if r.worded_by == "model"]
    assert worded and all(r.text.startswith("Well... ") for r in worded)
    for reply in replies:
        if reply.kind not in MODEL_KINDS:
            assert reply.worded_by == "builtin" and reply.wording_why[0].startswith("not sent to the model")
    assert len(requests) == sum(r.kind in MODEL_KINDS for r in replies)
    assert session.exchanges[0].to_dict()["worded_by"] in {"model", "builtin"}


def test_the_model_never_hears_the_hidden_concern_or_the_background(coder: Coder) -> None:
    _, requests = practise(honest, coder)
    hidden = PERSONA.hidden_concern
    for request in requests:
        prompt = json.dumps(request["messages"])
        for secret in (hidden.hint, hidden.disclosure, PERSONA.background):
            assert secret[:40] not in prompt
        assert request["messages"][0]["content"] == CLIENT_SYSTEM_PROMPT


HOSTILE = [
    "It sounds like you're worried about my drinking. What brings you here today?",
    "As an AI language model, I can't pretend to be Tom.",
    "I just want to kill myself, honestly.",
    "You should really ask me about my wife.",
    "Tom thinks the doctor is overreacting.",
    "Counsellor: tell me more.",
    "I drink 14 pints a night.",
    "Check https://example.org for my story.",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_model_changes_nothing(hostile: str, coder: Coder) -> None:
    session, _ = practise(lambda request: hostile, coder)
    plain = PracticeSession(PERSONA, seed=3, coder=coder)
    for text in CLINICIAN:
        plain.respond(text)
    assert [e.reply.text for e in session.exchanges] == [e.reply.text for e in plain.exchanges]
    assert all(e.reply.worded_by == "builtin" for e in session.exchanges)
    sent = [e.reply for e in session.exchanges if e.reply.kind in MODEL_KINDS]
    assert sent and all(r.wording_why and r.wording_why[0].startswith("attempt 1: ") for r in sent)


def test_client_reply_checks() -> None:
    line = "I only have a few beers after work to wind down."
    assert check_client_reply("Honestly, I just have a few beers after work to unwind.", line, PERSONA) == []
    assert "counsellor-speak" in check_client_reply("It sounds like you want to wind down.", line, PERSONA)
    assert "a question the line did not ask" in check_client_reply("Is a few beers bad?", line, PERSONA)
    assert "crisis content the session did not call for" in check_client_reply(
        "A few beers after work, and sometimes I want to die.", line, PERSONA
    )
    assert "a number the line did not have" in check_client_reply("I have 6 beers after work.", line, PERSONA)
    assert (
        check_client_reply("I can't stop at a few beers after work.", line, PERSONA) == []
    )  # a client may say "I can't"
    assert "repeats an earlier reply" in check_client_reply(line, line, PERSONA, said=[line])


def test_kinds_with_scripted_content_keep_the_builtin_line() -> None:
    wording = LLMClientWording(ChatClient(LLMConfig("http://127.0.0.1:9/v1", model="m")))
    for kind in (Kind.RULER, Kind.ANSWER, Kind.HINT, Kind.DISCLOSURE):
        result = wording.word(PERSONA, kind, "How important, 0 to 10?", "About a 6.", [])
        assert result.text == "About a 6." and result.by == "builtin"


def test_practice_cli_reports_model_wording() -> None:
    with fake_server(honest) as server:
        result = CliRunner().invoke(
            app,
            ["practice", "--persona", "heavy-drinking", "--seed", "2", "--llm", server.url],
            input="What brings you in today?\nWhat would you like to be different?\n/end\n",
            env={"COLUMNS": "200"},
        )
    assert result.exit_code == 0, result.output
    assert "Worded by the model" in result.output and "of 2 replies" in result.output
