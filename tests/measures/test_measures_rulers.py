"""Importance / confidence / readiness rulers: wording, reading the number, and the MI follow-up."""

from __future__ import annotations

import re

import pytest

from oars.measures import Ruler, RulerKind, RulerReading, named_rulers, parse_ruler_number, ruler_followup, ruler_moved

CHANGE = "cut down on drinking"

RULER_CASES = [
    # plain answers
    ("7", 7),
    ("0", 0),
    ("10!", 10),
    ("7.", 7),
    ("a 7", 7),
    ("zero", 0),
    ("about six", 6),
    ("One.", 1),
    ("a solid eight", 8),
    ("like an 8 i guess", 8),
    ("it's a ten", 10),
    ("7ish", 7),
    ("8-ish", 8),
    ("6.5", 6),
    ("six and a half", 6),
    ("idk maybe 3", 3),
    ("I'm at 5", 5),
    ("7. Definitely 7", 7),
    # the scale written out or echoed back
    ("7/10", 7),
    ("seven out of ten", 7),
    ("10/10", 10),
    ("ten out of ten!", 10),
    ("8 outta 10", 8),
    ("on a scale of 0 to 10 I'd say 6", 6),
    ("on a scale of 1 to 10, a 4", 4),
    ("0-10", None),
    # a hedged range reads as its lower number
    ("maybe 5 or 6", 5),
    ("5-6", 5),
    ("5 - 6", 5),
    ("5,6", 5),
    ("between 5 and 6", 5),
    ("six or seven out of ten", 6),
    ("probably a 4 or a 5", 4),
    ("8, maybe 9", 8),
    # numbers about something else are ignored
    ("I have 2 kids", None),
    ("3 beers", None),
    ("at 5 pm", None),
    ("5pm", None),
    ("5:30", None),
    ("$5", None),
    ("7th", None),
    ("10 times more important", None),
    ("I've been sober 3 days so maybe a 7", 7),
    ("I'm 40 years old but I'd say 6", 6),
    ("one of my kids says 6", 6),
    ("Maybe a pill box. My daughter mentioned one", None),  # "one" after a verb is the thing, not a score
    ("i got one for christmas", None),
    ("maybe one", 1),
    ("no one gets it, 4", 4),
    # negated numbers say what it is not
    ("Not a 10 but maybe a 7", 7),
    ("nowhere near a 10", None),
    ("not even a 1", None),
    # outside 0–10
    ("100", None),
    ("-3", None),
    ("minus 2", None),
    ("it's 2023", None),
    ("I'd give it a 15", None),
    ("twenty-five", None),
    ("one hundred", None),
    ("100%", None),
    ("fifty-fifty", None),
    ("1,000", None),
    # two different answers, or no number at all
    ("a 3 last week but now a 7", None),
    ("from a 3 to a 7", None),
    ("I don't know", None),
    ("pretty important", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), RULER_CASES)
def test_parse_ruler_number(text: str, expected: int | None) -> None:
    assert parse_ruler_number(text) == expected


def test_ruler_table_is_large_enough_to_mean_something() -> None:
    assert len(RULER_CASES) >= 40


@pytest.mark.parametrize(
    ("kind", "question"),
    [
        (
            RulerKind.IMPORTANCE,
            "On a scale from 0 to 10, where 0 is not at all important and 10 is extremely important, "
            "how important is it for you to cut down on drinking?",
        ),
        (
            RulerKind.CONFIDENCE,
            "On a scale from 0 to 10, where 0 is not at all confident and 10 is extremely confident, "
            "how confident are you that you could cut down on drinking if you decided to?",
        ),
        (
            RulerKind.READINESS,
            "On a scale from 0 to 10, where 0 is not at all ready and 10 is completely ready, "
            "how ready are you to cut down on drinking?",
        ),
    ],
)
def test_ruler_question_wording(kind: RulerKind, question: str) -> None:
    assert Ruler(kind, CHANGE).question == question


def test_ruler_accepts_kind_by_name_and_strips_the_change() -> None:
    ruler = Ruler("importance", "  cut down on drinking ")  # type: ignore[arg-type]
    assert (ruler.kind, ruler.change) == (RulerKind.IMPORTANCE, CHANGE)


def test_ruler_needs_a_change() -> None:
    with pytest.raises(ValueError, match="a ruler needs the change it is about"):
        Ruler(RulerKind.IMPORTANCE, "   ")


@pytest.mark.parametrize("kind", list(RulerKind))
@pytest.mark.parametrize("value", range(2, 10))
def test_followup_never_mentions_a_higher_number(kind: RulerKind, value: int) -> None:
    followup = ruler_followup(kind, value, CHANGE)
    numbers = [int(number) for number in re.findall(r"\d+", followup)]
    assert numbers[0] == value
    assert all(number <= value for number in numbers)
    assert 0 <= numbers[-1] < value


@pytest.mark.parametrize("kind", list(RulerKind))
@pytest.mark.parametrize("value", range(11))
def test_followup_never_asks_why_not_higher(kind: RulerKind, value: int) -> None:
    followup = ruler_followup(kind, value, CHANGE).lower()
    assert "why not" not in followup
    for lower_anchor in re.findall(r"and not an? (\d+)", followup):
        assert int(lower_anchor) < value


@pytest.mark.parametrize(
    ("value", "followup"),
    [
        (0, "What would it take for you to move from 0 to a 2?"),
        (1, "What would it take for you to move from 1 to a 3?"),
        (2, "Why a 2 and not a 0?"),
        (3, "Why a 3 and not a 0?"),
        (5, "Why a 5 and not a 2?"),
        (6, "Why a 6 and not a 3?"),
        (8, "Why an 8 and not a 5?"),
        (9, "Why a 9 and not a 6?"),
    ],
)
def test_followup_wording(value: int, followup: str) -> None:
    assert ruler_followup(RulerKind.IMPORTANCE, value, CHANGE) == followup


@pytest.mark.parametrize(
    ("kind", "followup"),
    [
        (RulerKind.IMPORTANCE, "What makes it so important to you to cut down on drinking?"),
        (RulerKind.CONFIDENCE, "What makes you so confident that you could cut down on drinking?"),
        (RulerKind.READINESS, "What makes you so ready to cut down on drinking?"),
    ],
)
def test_followup_at_ten_asks_what_makes_it_so_high(kind: RulerKind, followup: str) -> None:
    assert ruler_followup(kind, 10, CHANGE) == followup
    assert Ruler(kind, CHANGE).followup(10) == followup


@pytest.mark.parametrize("value", [-1, 11, 5.5, True, "5"])
def test_followup_rejects_values_off_the_scale(value: object) -> None:
    with pytest.raises(ValueError, match="a ruler value is a whole number from 0 to 10"):
        ruler_followup(RulerKind.CONFIDENCE, value, CHANGE)  # type: ignore[arg-type]


def test_reading_keeps_the_answer_and_where_it_was_asked() -> None:
    reading = RulerReading("confidence", 6, asked_at_turn=12, text="maybe 6 or 7")  # type: ignore[arg-type]
    assert (reading.kind, reading.value, reading.asked_at_turn) == (RulerKind.CONFIDENCE, 6, 12)


@pytest.mark.parametrize(
    ("value", "turn", "message"),
    [(11, 0, "a ruler value is a whole number"), (5, -1, "asked_at_turn is a 0-based turn index")],
)
def test_reading_validates(value: int, turn: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RulerReading(RulerKind.READINESS, value, asked_at_turn=turn, text="")


def test_unknown_ruler_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="'motivation' is not a valid RulerKind"):
        Ruler("motivation", CHANGE)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on a scale? maybe a 6 for importance. confidence more like 3", {"importance": 6, "confidence": 3}),
        ("importance 8 confidence 4", {"importance": 8, "confidence": 4}),
        ("i would say a 7 on importance but confidence is like a 2", {"importance": 7, "confidence": 2}),
        ("my confidence is about 3 out of 10", {"confidence": 3}),
        ("importance 7 maybe 8", {"importance": 7}),  # one hedged answer: its lower number
        ("i feel ready, maybe a seven", {"readiness": 7}),
        ("10 for importance", {"importance": 10}),
        ("confidence? like a 4", {"confidence": 4}),  # the question echoed, then answered
    ],
)
def test_rulers_named_with_their_numbers(text: str, expected: dict[str, int]) -> None:
    assert {kind.value: value for kind, value in named_rulers(text).items()} == expected


@pytest.mark.parametrize(
    "text",
    [
        "im not ready. ive got 2 kids",  # the number is in another sentence
        "ready in 5 minutes",  # a count with a unit
        "its not important. 3 beers is nothing",
        "importance 2 or maybe 9",  # two answers far apart: ambiguous
        "I am confident I can do it",
        "ready? no. 2 kids",
        "i'm ready to cut down to 2 a day",  # an amount, not a score
        "confident i can get it by 9",
    ],
)
def test_no_named_ruler(text: str) -> None:
    assert named_rulers(text) == {}


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        (5, 7, "Your confidence has gone from a 5 to a 7. What's made the difference?"),
        (7, 4, "So it's a 4 now, down from a 7. What's shifted for you?"),
        (6, 6, "Still a 6 for confidence. What would help it move up a point?"),
        (0, 10, "Your confidence has gone from a 0 to a 10. What's made the difference?"),
    ],
)
def test_a_moved_ruler_is_asked_about_what_moved_it(before: int, now: int, expected: str) -> None:
    assert ruler_moved(RulerKind.CONFIDENCE, before, now) == expected


def test_a_moved_ruler_refuses_numbers_off_the_scale() -> None:
    with pytest.raises(ValueError):
        ruler_moved(RulerKind.IMPORTANCE, 5, 11)
