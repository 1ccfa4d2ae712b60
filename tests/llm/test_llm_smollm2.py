"""Against a real OpenAI-compatible server: llama-cpp-python's, with SmolLM2-135M-Instruct (see conftest.py).

The model is weak — it rambles, echoes the prompt, talks about itself — so these tests prove what must hold
whatever it says: no non-adherent, off-move or unsafe wording reaches the client, every counsellor turn says
whether the model worded it and why not, the crisis path never asks it, and a timeout falls back.
"""

from __future__ import annotations

import re

from support import play

from oars.chat import export_session
from oars.coder import Coder
from oars.coder.miti import CONFRONT, PERSUADE
from oars.guard.check import FORBIDDEN
from oars.llm import ChatClient, LLMConfig
from oars.practice import PracticeSession, find_persona
from oars.practice.llm import MODEL_KINDS, LLMClientWording, check_client_reply
from oars.say.llm import LLMRealiser, crisis_in, leaks_instructions
from oars.transcript import Speaker

SESSION = [
    "I drink most nights and my wife is worried about it.",
    "It helps me relax after work, honestly. I don't think it's that bad.",
    "But I do want to be around for my kids as they grow up.",
    "Maybe I could stop buying beer for the house.",
    "I managed a dry January a couple of years ago.",
    "Lately I've been thinking I don't want to be alive anymore.",
]


def test_a_chat_session_with_smollm2(smollm2_server: str, coder: Coder) -> None:
    realiser = LLMRealiser(ChatClient(LLMConfig(smollm2_server, model="smollm2", timeout=30)))
    counsellor = play(SESSION, coder, realiser, topic="drinking")
    turns = [t for t in counsellor.turns if t.speaker is Speaker.COUNSELLOR]
    assert len(turns) == len(SESSION) + 1
    asked = 0
    for turn in turns:
        text = turn.text
        assert not FORBIDDEN.search(text) and not PERSUADE.search(text) and not CONFRONT.search(text), text
        assert not leaks_instructions(text) and "http" not in text and "\n" not in text, text
        assert turn.wording is not None and turn.wording["by"] in {"model", "builtin"}
        if turn.wording["by"] == "builtin":
            assert turn.wording["why"], turn  # a fallback always says why
        if turn.crisis:
            assert turn.wording == {"by": "builtin", "why": ["the safety path is worded by oars only"]}
            continue
        if "complex_reflection" in (turn.move or "") and "question" not in (turn.move or ""):
            assert "?" not in text, text
        if turn.move and turn.move.endswith(("open_question", "ask_permission")):
            assert text.endswith("?"), text
        if turn.wording["by"] == "model":
            assert not crisis_in(text) and re.search(r"\byou", text, re.I), text
        asked += "attempts" in turn.wording
    assert asked >= 3  # the model was really asked
    assert turns[-1].crisis and "988" in turns[-1].text and counsellor.flagged
    summary = export_session(counsellor)["wording"]
    assert summary["model"] + summary["builtin"] == len(turns)


def test_a_timeout_against_the_real_server_falls_back(smollm2_server: str, coder: Coder) -> None:
    realiser = LLMRealiser(ChatClient(LLMConfig(smollm2_server, model="smollm2", timeout=0.01, retries=0)))
    counsellor = play(SESSION[:2], coder, realiser, topic="drinking")
    turns = [t for t in counsellor.turns if t.speaker is Speaker.COUNSELLOR][1:]
    assert all(t.wording["by"] == "builtin" and "timed out" in t.wording["why"][0] for t in turns)


def test_practice_client_with_smollm2(smollm2_server: str, coder: Coder) -> None:
    persona = find_persona("heavy-drinking")
    wording = LLMClientWording(ChatClient(LLMConfig(smollm2_server, model="smollm2", timeout=30)))
    session = PracticeSession(persona, seed=1, coder=coder, wording=wording)
    for text in ("What brings you in today?", "What would you like to be different?", "Tell me about the evenings."):
        exchange = session.respond(text)
        reply = exchange.reply
        assert reply.worded_by in {"model", "builtin"}
        if reply.worded_by == "model":
            assert check_client_reply(reply.text, reply.text, persona) in ([], ["repeats an earlier reply"])
            assert not crisis_in(reply.text)
        elif reply.kind in MODEL_KINDS:
            assert reply.wording_why, reply
