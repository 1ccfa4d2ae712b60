"""Plain cases the shipped model must get right (a smoke test of the trained model, not its accuracy:
bench/bench_coder.py measures that on held-out transcripts)."""

from __future__ import annotations

import pytest

from oars.coder import Behaviour, Coder, Talk
from oars.transcript import Transcript

PROMPT = "So what brings you here today?"


@pytest.mark.parametrize(
    ("text", "behaviour", "subtype"),
    [
        ("What would you like to talk about today?", Behaviour.QUESTION, "open"),
        ("How do you feel about your drinking right now?", Behaviour.QUESTION, "open"),
        ("Do you drink every day?", Behaviour.QUESTION, "closed"),
        ("Have you ever tried to quit before?", Behaviour.QUESTION, "closed"),
        (
            "So you're worried that the drinking is starting to affect your health.",
            Behaviour.REFLECTION,
            None,
        ),
        (
            "You feel torn: part of you enjoys it and part of you wants something different.",
            Behaviour.REFLECTION,
            None,
        ),
        ("Mm-hmm.", Behaviour.OTHER, None),
        ("Hi, nice to meet you, I'm Sam.", Behaviour.OTHER, None),
        (
            "The guidelines say no more than two drinks a day for men and one for women.",
            Behaviour.INPUT,
            None,
        ),
    ],
)
def test_counsellor_behaviours(coder: Coder, text: str, behaviour: Behaviour, subtype: str | None) -> None:
    transcript = Transcript.from_turns([("client", "I've been drinking quite a lot lately."), ("counsellor", text)])
    coded = coder.code(transcript).utterances[-1]
    assert coded.behaviour is behaviour, coded.probabilities
    if subtype is not None:
        assert coded.subtype == subtype


_TALK = [
    ("I really want to quit smoking, I'm sick of it.", Talk.CHANGE),
    ("I've already cut down to three cigarettes a day and I want to get to zero.", Talk.CHANGE),
    ("I don't want my kids to see me drunk anymore.", Talk.CHANGE),
    ("I could probably manage to walk to work a couple of days a week.", Talk.CHANGE),
    ("I'm going to tell my doctor I want to try the patches.", Talk.CHANGE),
    ("Honestly I like drinking, it relaxes me and I don't see a problem with it.", Talk.SUSTAIN),
    ("I can't quit, I've tried a hundred times and it never works.", Talk.SUSTAIN),
    ("Smoking is the only thing that gets me through the day.", Talk.SUSTAIN),
    ("Everyone in my family drinks like this, it's normal.", Talk.SUSTAIN),
    ("I work as a mechanic and I have two kids.", Talk.NEUTRAL),
    ("I live with my sister in a flat near the station.", Talk.NEUTRAL),
    ("Yeah, I came in on the bus this morning.", Talk.NEUTRAL),
]


def test_client_talk(coder: Coder) -> None:
    """Plain examples of each talk type, each after an open question: the model is a statistical one
    (held-out macro-F1 about 0.6 on AnnoMI's talk types), so a few misses are allowed, not many."""
    right = []
    for text, talk in _TALK:
        transcript = Transcript.from_turns([("counsellor", PROMPT), ("client", text)])
        right.append(coder.code(transcript).utterances[-1].talk is talk)
    assert sum(right) >= 0.75 * len(_TALK), [text for (text, _), ok in zip(_TALK, right, strict=True) if not ok]
