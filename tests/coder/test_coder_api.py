"""The Coder API: shapes, contract, context modes, agreement between batch and live coding."""

from __future__ import annotations

import math

import pytest

from oars.coder import Behaviour, Coder, Talk
from oars.transcript import Speaker, Transcript

SESSION = Transcript.from_turns(
    [
        ("counsellor", "Hi, thanks for coming in. What would you like to talk about today?"),
        ("client", "My doctor says I should cut down on drinking, but honestly I don't think it's that bad."),
        ("counsellor", "You're not sure it's as serious as your doctor thinks."),
        ("client", "Yeah. Although I do want to be healthier for my kids."),
        ("counsellor", "Being healthy for your kids matters a lot to you."),
        ("client", "It does. I'd like to try having a few nights off."),
    ],
    id="demo",
)


def test_every_utterance_is_coded_for_its_speaker(coder: Coder) -> None:
    coded = coder.code(SESSION)
    assert len(coded) == len(SESSION)
    for u in coded:
        if u.speaker is Speaker.COUNSELLOR:
            assert isinstance(u.behaviour, Behaviour) and u.talk is None
            assert set(u.probabilities) == {b.value for b in Behaviour}
        else:
            assert isinstance(u.talk, Talk) and u.behaviour is None and not u.miti
            assert set(u.probabilities) == {t.value for t in Talk}
        assert math.isclose(sum(u.probabilities.values()), 1.0, abs_tol=1e-4)
        assert u.confidence == pytest.approx(max(u.probabilities.values()))


def test_json_contract_fields(coder: Coder) -> None:
    data = coder.code(SESSION).to_dict()
    assert data["id"] == "demo"
    first, second = data["utterances"][:2]
    assert {"index", "speaker", "text", "behaviour", "subtype", "miti", "talk", "confidence"} <= set(first)
    assert first["speaker"] == "counsellor" and first["talk"] is None
    assert second["speaker"] == "client" and second["behaviour"] is None and "darn_cat" in second
    summary = data["summary"]
    for key in (
        "r_q",
        "pct_cr",
        "pct_open",
        "mia",
        "mina",
        "pct_mic",
        "pct_change_talk",
        "globals",
        "proficiency",
    ):
        assert key in summary
    assert summary["globals"]["estimated"] is True


def test_batch_coding_equals_one_by_one(coder: Coder) -> None:
    # Batched int8 encoding shares activation scales within a batch, so probabilities move (up to ~0.1
    # measured with the shipped model; documented in CoderModel.encode). A decision can only change where
    # it was a near tie; every clear one must stay.
    other = Transcript.from_turns([("counsellor", "How are things at home?"), ("client", "Fine, I guess.")], id="b")
    together = coder.code_many([SESSION, other])
    alone = [coder.code(SESSION), coder.code(other)]
    clear = 0
    for a, b in zip(together, alone, strict=True):
        for x, y in zip(a, b, strict=True):
            for label, p in y.probabilities.items():
                assert x.probabilities[label] == pytest.approx(p, abs=0.15)
            first, second = sorted(y.probabilities.values(), reverse=True)[:2]
            if first - second > 0.3:
                clear += 1
                assert (x.behaviour, x.subtype, x.talk) == (y.behaviour, y.subtype, y.talk)
    assert clear >= 5


def test_live_coding_matches_past_context_coding(coder: Coder) -> None:
    past = coder.code(SESSION, context="past")
    live = coder.live()
    for u, expected in zip(SESSION, past, strict=True):
        got = live.add(u.speaker, u.text)
        assert (got.behaviour or got.talk) == (expected.behaviour or expected.talk)
        assert got.confidence == pytest.approx(expected.confidence, abs=1e-6)  # identical by construction


REFLECT_THEN_ASK = Transcript.from_turns(
    [
        ("counsellor", "What would you like to talk about today?"),
        ("client", "My wife keeps saying I drink too much and honestly it's getting to me."),
        ("counsellor", "Your wife has noticed, and that's been weighing on you. What do you make of it yourself?"),
        ("client", "I guess she has a point. I'm tired every morning."),
        ("counsellor", "You're feeling the mornings, and part of you thinks she's right. What else have you noticed?"),
        ("client", "My sleep is a mess."),
    ],
    id="leads",
)


@pytest.mark.parametrize("context", ["full", "past"])
def test_a_reflection_leading_a_question_is_coded_as_its_own_part(coder: Coder, context: str) -> None:
    """MITI codes every part of a turn: the statement before the question is heard as a reflection too."""
    for turn in coder.code(REFLECT_THEN_ASK, context=context).utterances[2::2]:  # type: ignore[arg-type]
        codes = {code.value for code in turn.miti}
        assert "Q" in codes and codes & {"SR", "CR"}, turn.text


def test_live_coding_of_the_parts_of_a_turn_matches_past_context_coding(coder: Coder) -> None:
    past = coder.code(REFLECT_THEN_ASK, context="past")
    live = coder.live()
    for u, expected in zip(REFLECT_THEN_ASK, past, strict=True):
        assert live.add(u.speaker, u.text).miti == expected.miti


def test_preview_does_not_change_the_conversation(coder: Coder) -> None:
    live = coder.live()
    live.add(Speaker.CLIENT, "I want to stop smoking.")
    before = len(live)
    preview = live.preview(Speaker.COUNSELLOR, "You'd like to be smoke-free.")
    assert len(live) == before
    assert live.add(Speaker.COUNSELLOR, "You'd like to be smoke-free.").behaviour == preview.behaviour


def test_unknown_context_is_rejected(coder: Coder) -> None:
    with pytest.raises(ValueError, match="context must be one of"):
        coder.code(SESSION, context="future")  # type: ignore[arg-type]


def test_empty_transcript_has_an_empty_summary(coder: Coder) -> None:
    coded = coder.code(Transcript("empty", ()))
    assert len(coded) == 0
    assert coded.summary.r_q is None and coded.summary.pct_change_talk is None


def test_progress_callback_counts_every_utterance(coder: Coder) -> None:
    seen: list[int] = []
    coder.code_many([SESSION, SESSION], on_progress=seen.append)
    assert sum(seen) == 2 * len(SESSION)
