"""Live feedback: the coder's codes for each clinician turn, and a tip only when one helps."""

from __future__ import annotations

import pytest

from oars.coder import Coder, MitiCode
from oars.practice import Coach, Kind
from oars.transcript import Speaker


def coached(coder: Coder, *turns: tuple[str, str], kind: Kind | None = None):  # type: ignore[no-untyped-def]
    """Feedback on the last counsellor turn of ``turns`` (speaker, text)."""
    live, coach, client, feedback = coder.live(), Coach(), None, None
    for speaker, text in turns:
        coded = live.add(Speaker(speaker), text)
        if speaker == "client":
            client = coded
        else:
            feedback = coach.feedback(coded, client, kind)
    return feedback


@pytest.mark.parametrize("which", ["coder", "surface_coder"])
def test_closed_question_gets_the_open_it_tip(which: str, request: pytest.FixtureRequest) -> None:
    feedback = coached(request.getfixturevalue(which), ("counsellor", "Do you drink every day?"))
    assert MitiCode.QUESTION in feedback.codes
    assert feedback.question == "closed"
    assert feedback.tip.startswith('That was a closed question — try opening it: "What…"')
    assert "Q (closed)" in feedback.label


def test_persuasion_and_confrontation_come_first(coder: Coder) -> None:
    advice = coached(coder, ("counsellor", "You should just stop drinking."))
    assert MitiCode.PERSUADE in advice.codes and "without permission" in advice.tip
    confront = coached(coder, ("counsellor", "Come on, you're in denial about this."))
    assert MitiCode.CONFRONT in confront.codes and "confrontation" in confront.tip


def test_good_listening_gets_no_tip(surface_coder: Coder) -> None:
    feedback = coached(
        surface_coder,
        ("counsellor", "What brings you here?"),
        ("client", "My wife is worried about my drinking."),
        ("counsellor", "It sounds like her worry really matters to you."),
    )
    assert feedback.codes == (MitiCode.COMPLEX_REFLECTION,)
    assert feedback.tip is None
    assert feedback.description == "complex reflection"


def test_missed_change_talk_and_question_runs(surface_coder: Coder) -> None:
    missed = coached(
        surface_coder,
        ("counsellor", "What brings you here?"),
        ("client", "I want to cut down, I really do."),
        ("counsellor", "Do you drink at the weekend?"),
    )
    assert "change talk" in missed.tip
    turns = [("counsellor", "What brings you here?"), ("client", "Drinking.")] * 2 + [("counsellor", "How much?")]
    assert "3 questions in a row" in coached(surface_coder, *turns).tip


def test_discord_is_answered_with_a_reflection(surface_coder: Coder) -> None:
    after_discord = coached(surface_coder, ("counsellor", "What do you drink?"), kind=Kind.DISCORD)
    assert "pushed back" in after_discord.tip
    reflected = coached(
        surface_coder, ("counsellor", "You're fed up with people telling you what to do."), kind=Kind.DISCORD
    )
    assert reflected.tip is None or "pushed back" not in reflected.tip
