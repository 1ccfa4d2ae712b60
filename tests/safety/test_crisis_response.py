"""The safety-path reply: caring and direct, automated and honest about it, resources, one safety question."""

from __future__ import annotations

import re

import pytest

from oars.safety import (
    KNOWN_LOCALES,
    SAFETY_QUESTIONS,
    CrisisAssessment,
    crisis_response,
    detect_crisis,
    resources_for,
)

MESSAGES = {
    "suicide": "I want to kill myself",
    "self_harm": "I cut myself again last night",
    "overdose": "I took a whole bottle of pills",
    "harm_to_others": "I'm going to stab him",
    "abuse": "My husband hits me and said he'd kill me if I leave",
}


def _reply(kind: str, locale: str = "US", *, first: bool = True) -> str:
    return crisis_response(detect_crisis(MESSAGES[kind]), resources_for(locale), first=first)


@pytest.mark.parametrize("first", [True, False])
@pytest.mark.parametrize("kind", MESSAGES)
def test_every_reply_is_short_automated_gives_988_and_911_and_asks_only_about_safety(kind: str, first: bool) -> None:
    reply = _reply(kind, first=first)
    assert len(reply.split()) <= 90
    assert "automated program" in reply
    assert "988" in reply and "911" in reply and "988lifeline.org" in reply
    questions = re.findall(r"[^.?!]*\?", reply)
    assert len(questions) == 1 and questions[0].strip() in SAFETY_QUESTIONS
    assert "273-8255" not in reply


@pytest.mark.parametrize("kind", MESSAGES)
def test_first_reply_says_it_cannot_give_emergency_help(kind: str) -> None:
    assert "can't give emergency help" in _reply(kind)


def test_only_abuse_adds_the_domestic_violence_and_child_lines() -> None:
    assert "1-800-799-7233" in _reply("abuse") and "1-800-422-4453" in _reply("abuse")
    assert "1-800-799-7233" not in _reply("suicide")


def test_an_overdose_puts_the_emergency_number_first() -> None:
    reply = _reply("overdose")
    assert reply.index("911") < reply.index("988")


def test_the_follow_up_is_worded_differently_and_promises_a_clinician() -> None:
    first, follow_up = _reply("suicide"), _reply("suicide", first=False)
    assert first != follow_up
    assert "clinician" in follow_up and "clinician" not in first


def test_a_follow_up_to_im_fine_still_gives_resources() -> None:
    reply = crisis_response(CrisisAssessment(is_crisis=False), resources_for("US"), first=False)
    assert "988" in reply and "clinician" in reply and reply.endswith("?")


@pytest.mark.parametrize("locale", KNOWN_LOCALES)
def test_replies_use_the_locales_numbers_and_fit_the_length(locale: str) -> None:
    resources = resources_for(locale)
    for kind in MESSAGES:
        for first in (True, False):
            reply = _reply(kind, locale, first=first)
            assert resources.emergency in reply and resources.lines[0].detail in reply
            assert len(reply.split()) <= 90
    assert locale == "US" or "988lifeline.org" not in _reply("suicide", locale)
