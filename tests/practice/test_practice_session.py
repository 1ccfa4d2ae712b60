"""Practice sessions and self-play: the flow, the report, and agreement with ``oars code --context past``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bots import MIBot

from oars.coder import Coder
from oars.errors import SessionEndedError
from oars.practice import PracticeSession, find_persona, self_play

PERSONA = find_persona("social-anxiety")


@pytest.fixture
def session(surface_coder: Coder) -> PracticeSession:
    session = PracticeSession(PERSONA, seed=3, coder=surface_coder)
    bot, last = MIBot(), None
    for _ in range(8):
        last = session.respond(bot.reply(last)).reply.text
    return session


def test_a_session_keeps_turns_codes_and_receptivity(session: PracticeSession) -> None:
    assert len(session.exchanges) == 8
    assert len(session.receptivity) == 9 and session.receptivity[0] == PERSONA.receptivity
    assert session.receptivity[-1] > session.receptivity[0]
    transcript = session.transcript()
    assert len(transcript) == 16 and transcript.id == "practice-social-anxiety-3"
    assert [u.speaker.value for u in transcript][:2] == ["counsellor", "client"]
    assert session.coded().summary.counsellor_utterances == 8
    assert session.exchanges[0].to_dict()["feedback"]["codes"]


@pytest.mark.parametrize("which", ["coder", "surface_coder"])
def test_feedback_codes_are_those_of_oars_code_with_past_context(which: str, request: pytest.FixtureRequest) -> None:
    coder = request.getfixturevalue(which)
    session = PracticeSession(PERSONA, seed=5, coder=coder)
    bot, last = MIBot(), None
    for _ in range(6):
        last = session.respond(bot.reply(last)).reply.text
    recoded = coder.code(session.transcript(), context="past")
    shown = [e.feedback.codes for e in session.exchanges]
    assert shown == [u.miti for u in recoded.utterances if u.behaviour is not None]


def test_ended_session_refuses_turns_and_bad_turns_are_refused(session: PracticeSession) -> None:
    with pytest.raises(ValueError, match="needs some text"):
        session.respond("   ")
    with pytest.raises(ValueError, match="at most"):
        session.respond("x" * 5000)
    summary = session.end()
    assert summary.counsellor_utterances == 8
    with pytest.raises(SessionEndedError):
        session.respond("Anything else?")


def test_report_has_the_practice_section_and_chart(session: PracticeSession, tmp_path: Path) -> None:
    path = tmp_path / "practice.html"
    session.write_report(path)
    html = path.read_text(encoding="utf-8")
    assert "MI practice with Maya" in html
    assert "Practice: how the client moved" in html
    assert '<svg class="practice-chart"' in html and "<polyline" in html
    assert "maid of honour" in html  # the debrief tells the trainee what the client was not saying
    assert "Summary vs thresholds" in html  # the same MITI report as oars code


def test_the_card_never_shows_the_hidden_concern() -> None:
    card = json.dumps(PERSONA.public())
    assert "wedding" not in card and "maid of honour" not in card


def test_self_play_shape_and_determinism(coder: Coder) -> None:
    first = self_play(PERSONA, turns=3, seed=4, coder=coder).to_dict()
    again = self_play(PERSONA, turns=3, seed=4, coder=coder).to_dict()
    assert first == again
    assert first["id"] == "selfplay-social-anxiety-4" and first["persona"] == "social-anxiety"
    assert first["crisis"] is False
    assert len(first["receptivity"]) == 4
    speakers = [t["speaker"] for t in first["turns"]]
    assert speakers[:2] == ["counsellor", "client"] and speakers.count("client") == 3
    counsellor = next(t for t in first["turns"] if t["speaker"] == "counsellor")
    client = next(t for t in first["turns"] if t["speaker"] == "client")
    assert set(counsellor) == {"speaker", "text", "move", "process"}
    assert set(client) == {"speaker", "text", "talk", "crisis"}


def test_self_play_needs_a_turn() -> None:
    with pytest.raises(ValueError, match="at least one turn"):
        self_play(PERSONA, turns=0)
