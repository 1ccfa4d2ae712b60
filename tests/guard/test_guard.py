"""The guard codes every draft it may send — openings and closings included — and refuses persuasion."""

from __future__ import annotations

import pytest

from oars.choose.move import Act, Move
from oars.coder import Coder, MitiCode
from oars.guard.check import Guard
from oars.say.base import Draft, Said
from oars.transcript import Speaker


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _guard(coder: Coder) -> Guard:
    live = coder.live()
    live.add(Speaker.COUNSELLOR, "What would you like to talk about today?")
    live.add(Speaker.CLIENT, "My drinking, I suppose. My wife keeps going on about it.")
    return Guard(live)


PERSUASIVE = "You really need to stop drinking now, it is the right thing to do and you know it."
SIMPLE_HEARD = "Your wife keeps going on about your drinking."  # the coder hears a simple reflection
VAGUE_COMPLEX = "There's more to this for you than it might seem at first."  # … and a complex one, of nothing


def test_a_persuasive_closing_is_refused(coder: Coder) -> None:
    guard = _guard(coder)
    preview = coder.live().preview(Speaker.COUNSELLOR, PERSUASIVE)
    assert MitiCode.PERSUADE in preview.miti or MitiCode.CONFRONT in preview.miti  # the premise of the test
    closing = Move((Act.SUMMARY, Act.CLOSING), "the session was closed")
    verdict = guard.check(Draft(PERSUASIVE, closing.acts, "test"), closing, Said())
    assert not verdict.ok and verdict.hard
    assert any(reason.startswith("non-adherent") for reason in verdict.reasons)


def test_a_plain_closing_passes(coder: Coder) -> None:
    guard = _guard(coder)
    closing = Move((Act.SUMMARY, Act.CLOSING), "the session was closed")
    text = "Thank you for talking this through with me today. Take care."
    verdict = guard.check(Draft(text, closing.acts, "test"), closing, Said())
    assert verdict.ok, verdict.reasons


def test_the_crisis_reply_is_never_coded(coder: Coder) -> None:
    guard = _guard(coder)
    crisis = Move((Act.CRISIS,), "a crisis signal")
    verdict = guard.check(Draft(PERSUASIVE, crisis.acts, "crisis"), crisis, Said())
    assert verdict.coded is None


def _complex_preference(coder: Coder, first: Draft, second: Draft) -> str:
    move = Move((Act.COMPLEX_REFLECTION,), "test")
    chosen, _ = _guard(coder).select([first, second], move, Said())
    assert chosen is not None
    return chosen.draft.text


def test_a_complex_reflection_heard_as_complex_is_preferred_among_equally_specific_drafts(coder: Coder) -> None:
    guard = _guard(coder)
    move = Move((Act.COMPLEX_REFLECTION,), "test")
    heard = {
        text: guard.check(Draft(text, move.acts, "t"), move, Said()).coded.subtype  # type: ignore[union-attr]
        for text in (SIMPLE_HEARD, VAGUE_COMPLEX)
    }
    assert heard == {SIMPLE_HEARD: "simple", VAGUE_COMPLEX: "complex"}  # the premise of both tests
    specific_simple = Draft(SIMPLE_HEARD, move.acts, "t")
    vague_complex = Draft(VAGUE_COMPLEX, move.acts, "t")  # no client content, yet not marked vague
    assert _complex_preference(coder, specific_simple, vague_complex) == VAGUE_COMPLEX


def test_a_specific_draft_is_not_given_up_for_a_vague_one_the_coder_hears_as_complex(coder: Coder) -> None:
    move = Move((Act.COMPLEX_REFLECTION,), "test")
    specific_simple = Draft(SIMPLE_HEARD, move.acts, "t")
    vague_complex = Draft(VAGUE_COMPLEX, move.acts, "t", vague=True)
    assert _complex_preference(coder, specific_simple, vague_complex) == SIMPLE_HEARD


def test_a_vague_draft_ranked_first_waits_until_every_specific_one_failed(coder: Coder) -> None:
    move = Move((Act.COMPLEX_REFLECTION,), "test")
    vague_first = Draft(VAGUE_COMPLEX, move.acts, "t", vague=True)  # the realiser ranked it first (a fresher opener)
    specific = Draft(SIMPLE_HEARD, move.acts, "t")
    assert _complex_preference(coder, vague_first, specific) == SIMPLE_HEARD


def test_a_reflect_then_ask_draft_whose_reflection_is_heard_as_complex_is_preferred(coder: Coder) -> None:
    move = Move((Act.COMPLEX_REFLECTION, Act.OPEN_QUESTION), "test")
    simple_lead = Draft(f"{SIMPLE_HEARD} What else?", move.acts, "t")
    complex_lead = Draft(f"{VAGUE_COMPLEX} What else?", move.acts, "t")
    chosen, verdicts = _guard(coder).select([simple_lead, complex_lead], move, Said())
    assert chosen is not None and chosen.draft is complex_lead
    assert MitiCode.COMPLEX_REFLECTION in chosen.coded.miti  # type: ignore[union-attr]
    assert [v.draft for v in verdicts] == [simple_lead, complex_lead]


def test_the_same_reflection_before_another_question_is_not_coded_again(coder: Coder) -> None:
    move = Move((Act.COMPLEX_REFLECTION, Act.OPEN_QUESTION), "test")
    first = Draft(f"{SIMPLE_HEARD} What else?", move.acts, "t")
    same_lead = Draft(f"{SIMPLE_HEARD} What would that mean for you?", move.acts, "t")
    other_lead = Draft(f"{VAGUE_COMPLEX} What would that mean for you?", move.acts, "t")
    chosen, verdicts = _guard(coder).select([first, same_lead, other_lead], move, Said())
    assert chosen is not None and chosen.draft is other_lead
    assert [v.draft for v in verdicts] == [first, other_lead]


def test_a_draft_that_can_never_be_sent_is_not_coded(coder: Coder) -> None:
    move = Move((Act.COMPLEX_REFLECTION,), "test")
    said = Said()
    said.remember(Draft(SIMPLE_HEARD, move.acts, "t"))
    verdict = _guard(coder).check(Draft(SIMPLE_HEARD, move.acts, "t"), move, said)
    assert verdict.hard and verdict.coded is None
    assert verdict.reasons == ("repeat of an earlier reply",)


@pytest.mark.parametrize(
    ("acts", "words", "too_long"),
    [
        ((Act.COMPLEX_REFLECTION,), 70, True),
        ((Act.INFORMATION, Act.OPEN_QUESTION), 70, False),  # a fact, its source and "what do you make of it?"
        ((Act.SUMMARY,), 100, False),
        ((Act.SUMMARY,), 120, True),
    ],
)
def test_information_and_summaries_may_be_longer_than_a_reflection(
    coder: Coder, acts: tuple[Act, ...], words: int, too_long: bool
) -> None:
    move = Move(acts, "test")
    text = " ".join(["word"] * (words - 1)) + ("?" if move.questions else ".")
    verdict = _guard(coder).check(Draft(text, acts, "t"), move, Said())
    assert any(reason.startswith("too long") for reason in verdict.reasons) is too_long
