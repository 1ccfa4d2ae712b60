"""DARN-CAT rules: the verb frame decides; mobilising beats preparatory; short answers borrow the question."""

from __future__ import annotations

import pytest

from oars.coder.darncat import darn_cat
from oars.coder.labels import DarnCat, Talk


@pytest.mark.parametrize(
    ("text", "talk", "expected"),
    [
        ("I want to be able to run with my kids again.", Talk.CHANGE, DarnCat.DESIRE),
        ("I could probably manage two nights off a week.", Talk.CHANGE, DarnCat.ABILITY),
        ("I'd have so much more money if I stopped betting.", Talk.CHANGE, DarnCat.REASON),
        ("I need to do something about this.", Talk.CHANGE, DarnCat.NEED),
        ("I'm going to bin the vape tonight.", Talk.CHANGE, DarnCat.COMMITMENT),
        ("im ready to give it a go", Talk.CHANGE, DarnCat.ACTIVATION),
        ("I've already cut down to weekends only.", Talk.CHANGE, DarnCat.TAKING_STEPS),
        ("I don't want to give it up.", Talk.SUSTAIN, DarnCat.DESIRE),
        ("I can't stop, I've tried.", Talk.SUSTAIN, DarnCat.ABILITY),
        ("It's the only thing that helps me relax.", Talk.SUSTAIN, DarnCat.REASON),
        ("I'm not going to quit, full stop.", Talk.SUSTAIN, DarnCat.COMMITMENT),
        ("i dont feel ready for that", Talk.SUSTAIN, DarnCat.ACTIVATION),
        ("I want to stop and I'm going to start on Monday.", Talk.CHANGE, DarnCat.COMMITMENT),
    ],
)
def test_categories(text: str, talk: Talk, expected: DarnCat) -> None:
    assert darn_cat(text, talk) is expected


def test_neutral_talk_has_no_category() -> None:
    assert darn_cat("I want a coffee.", Talk.NEUTRAL) is None
    assert darn_cat("I want a coffee.", None) is None


def test_a_short_answer_takes_the_category_of_the_question() -> None:
    assert darn_cat("Yeah, I would.", Talk.CHANGE, "Would you like to feel healthier?") is DarnCat.DESIRE
    assert darn_cat("Yes.", Talk.CHANGE, "Do you think you could do that?") is DarnCat.ABILITY


def test_long_answers_keep_their_own_category() -> None:
    text = "It would save me a fortune every month and my partner would be happier."
    assert darn_cat(text, Talk.CHANGE, "Would you like to stop?") is DarnCat.REASON
