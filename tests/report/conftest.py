"""Coded sessions built by hand, so the report tests know every figure in advance (no model needed)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from oars.coder import Behaviour, CodedTranscript, CodedUtterance, DarnCat, MitiCode, Talk
from oars.transcript import Speaker, Transcript, Utterance

HOSTILE = '<script>alert(1)</script> & I\'m "not" sure'


@dataclass(frozen=True)
class Turn:
    """One utterance's text and codes, numbered when the session is built."""

    speaker: Speaker
    text: str
    behaviour: Behaviour | None = None
    subtype: str | None = None
    miti: tuple[MitiCode, ...] = ()
    talk: Talk | None = None
    darn_cat: DarnCat | None = None
    confidence: float = 0.9


def counsellor(
    text: str, behaviour: Behaviour, subtype: str | None = None, *miti: MitiCode, confidence: float = 0.9
) -> Turn:
    return Turn(Speaker.COUNSELLOR, text, behaviour, subtype, miti, confidence=confidence)


def client(text: str, talk: Talk, darn_cat: DarnCat | None = None, *, confidence: float = 0.9) -> Turn:
    return Turn(Speaker.CLIENT, text, talk=talk, darn_cat=darn_cat, confidence=confidence)


def build(transcript_id: str, turns: list[Turn]) -> CodedTranscript:
    utterances = tuple(Utterance(i, t.speaker, t.text) for i, t in enumerate(turns))
    coded = tuple(
        CodedUtterance(
            u,
            behaviour=t.behaviour,
            subtype=t.subtype,
            subtype_confidence=None if t.subtype is None else 0.8,
            miti=t.miti,
            talk=t.talk,
            darn_cat=t.darn_cat,
            confidence=t.confidence,
        )
        for u, t in zip(utterances, turns, strict=True)
    )
    return CodedTranscript(Transcript(transcript_id, utterances), coded)


# Known figures: Q 2, SR 1, CR 2 -> R:Q 1.5 (fair), %CR 67% (good); 1 open of 2 questions -> 50% (fair);
# MIA 2 (AF, Emphasize), MINA 1 (Persuade) -> 67% MI-adherent (below fair); change 2, sustain 1 -> 67%.
SESSION = [
    counsellor("What brings you here today?", Behaviour.QUESTION, "open", MitiCode.QUESTION),
    client("My doctor says I drink too much.", Talk.NEUTRAL),
    counsellor(
        "You're worried about what your doctor said.",
        Behaviour.REFLECTION,
        "complex",
        MitiCode.COMPLEX_REFLECTION,
    ),
    client("I want to be around for my kids.", Talk.CHANGE, DarnCat.DESIRE),
    counsellor("Your kids matter to you.", Behaviour.REFLECTION, "simple", MitiCode.SIMPLE_REFLECTION),
    client("But I don't want to give up the pub.", Talk.SUSTAIN, DarnCat.DESIRE),
    counsellor("You should just stop going to the pub.", Behaviour.INPUT, "advice", MitiCode.PERSUADE),
    client(HOSTILE, Talk.NEUTRAL, confidence=0.4),
    counsellor(
        "It's your choice, and you've worked hard on this.",
        Behaviour.OTHER,
        None,
        MitiCode.AFFIRM,
        MitiCode.EMPHASIZE,
    ),
    client("I'm going to cut down to weekends.", Talk.CHANGE, DarnCat.COMMITMENT),
    counsellor("Did you drink yesterday?", Behaviour.QUESTION, "closed", MitiCode.QUESTION),
    client("Yes.", Talk.NEUTRAL),
    counsellor(
        "You're ready, and you know what matters.",
        Behaviour.REFLECTION,
        "complex",
        MitiCode.COMPLEX_REFLECTION,
        confidence=0.45,
    ),
]


@pytest.fixture
def session() -> CodedTranscript:
    """A 13-utterance session with every kind of code, a hostile line and two low-confidence codes."""
    return build("session-1", SESSION)


SPARSE = {
    "only client": [client("I don't know why I'm here.", Talk.NEUTRAL), client("I'm fine.", Talk.SUSTAIN)],
    "only counsellor": [counsellor("Tell me more.", Behaviour.OTHER), counsellor("Go on.", Behaviour.OTHER)],
    "one utterance": [counsellor("Hello, I'm Sam.", Behaviour.OTHER)],
    "no utterances": [],
}


@pytest.fixture(params=sorted(SPARSE))
def sparse(request: pytest.FixtureRequest) -> CodedTranscript:
    """Sessions where some or all of the ratios are undefined."""
    return build(request.param, SPARSE[request.param])


@pytest.fixture
def other_session() -> CodedTranscript:
    """A second, shorter session for several-transcript reports."""
    return build("session-2", SESSION[:6])


@pytest.fixture
def long_session() -> CodedTranscript:
    """300 utterances: the timeline must wrap into rows rather than shrink marks to slivers."""
    return build("long", [SESSION[i % len(SESSION)] for i in range(300)])
