"""A bare "yeah" or "mm-hmm": the client goes along with what they said last, so the counsellor takes that a
step further (a complex reflection built on it) or, when there is no step to take, asks — never a reflection
of the acknowledgement itself ("You've been thinking about smoking.")."""

from __future__ import annotations

import pytest

from oars.chat import Counsellor
from oars.events import Event, EventKind
from oars.track.state import replay
from oars.understand.analyse import ACKNOWLEDGEMENT


@pytest.mark.parametrize(
    "text", ["Yeah.", "Mm-hmm.", "Right, right.", "I guess so", "yeah i think so", "E-exactly.", "Sounds good.", "Hmm."]
)
def test_acknowledgements(text: str) -> None:
    assert ACKNOWLEDGEMENT.match(text)


@pytest.mark.parametrize(
    "text",
    ["Yeah, but only on the weekend.", "no", "A 10.", "so what", "Which was good.", "You know?", "yeah I miss her"],
)
def test_messages_that_say_something_are_not_acknowledgements(text: str) -> None:
    assert not ACKNOWLEDGEMENT.match(text)


def _after(messages: list[str], seed: int = 0) -> Counsellor:
    counsellor = Counsellor(topic="drinking", seed=seed)
    counsellor.start()
    for message in messages:
        counsellor.reply(message)
    return counsellor


def test_a_yeah_after_a_feeling_takes_the_feeling_further() -> None:
    counsellor = _after(
        [
            "I drink most nights after work.",
            "I feel so ashamed when my daughter sees me like that.",
        ]
    )
    turn = counsellor.reply("yeah")
    assert turn.move is not None and turn.move.startswith("complex_reflection"), turn
    assert "yeah" not in turn.text.lower()
    reason = turn.reason or ""
    assert "[feeling]" in reason or "[meaning]" in reason or "[double_sided]" in reason, reason


def test_a_yeah_after_a_plain_account_is_answered_with_a_question() -> None:
    counsellor = _after(["I've been drinking a bit more lately.", "We go to the pub on Fridays, then back to Dan's."])
    turn = counsellor.reply("Mm-hmm.")
    assert turn.move == "open_question", turn
    assert turn.text.endswith("?")


def test_what_an_acknowledgement_follows_is_kept_across_a_resume_and_goes_stale() -> None:
    said = [
        {"text": "I feel so ashamed when my daughter sees me drunk.", "talk": "neutral", "feelings": ["ashamed"]},
        {"text": "yeah", "talk": "neutral", "acknowledgement": True},
    ]
    state = replay(Event(EventKind.CLIENT_SAID, data) for data in said)
    account = state.account_to_follow()
    assert account is not None and account.feelings == ("ashamed",) and account.turn == 0
    for _ in range(2):
        state.apply(Event(EventKind.CLIENT_SAID, {"text": "mm", "talk": "neutral", "acknowledgement": True}))
    assert state.account_to_follow() is not None  # four client turns back, with nothing new said since
    state.apply(Event(EventKind.CLIENT_SAID, {"text": "mm", "talk": "neutral", "acknowledgement": True}))
    assert state.account_to_follow() is None  # five back: that is a change of subject
