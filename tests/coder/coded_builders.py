"""Hand-built coded utterances for summary and report tests."""

from __future__ import annotations

from oars.coder import Behaviour, CodedUtterance, MitiCode, Talk
from oars.transcript import Speaker, Utterance


def counsellor(
    index: int, behaviour: Behaviour, *miti: MitiCode, subtype: str | None = None, text: str = "x"
) -> CodedUtterance:
    return CodedUtterance(
        Utterance(index, Speaker.COUNSELLOR, text),
        behaviour=behaviour,
        subtype=subtype,
        miti=miti,
        confidence=0.9,
    )


def client(index: int, talk: Talk, text: str = "y") -> CodedUtterance:
    return CodedUtterance(Utterance(index, Speaker.CLIENT, text), talk=talk, confidence=0.8)
