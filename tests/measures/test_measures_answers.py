"""Reading questionnaire answers out of free text: the answer when it is clear, ``None`` otherwise."""

from __future__ import annotations

import pytest

from oars.measures import parse_difficulty_answer, parse_frequency_answer

# (what the person typed, the number the prompt showed beside the first option, expected answer)
FREQUENCY_CASES = [
    # the options as printed, and their scores
    ("Not at all", 0, 0),
    ("Several days", 0, 1),
    ("More than half the days", 0, 2),
    ("Nearly every day", 0, 3),
    ("0", 0, 0),
    ("1", 0, 1),
    ("2.", 0, 2),
    ("3", 0, 3),
    ("zero", 0, 0),
    ("three", 0, 3),
    # the options numbered 1–4 by the prompt
    ("1", 1, 0),
    ("2", 1, 1),
    ("4", 1, 3),
    ("four", 1, 3),
    ("0", 1, None),
    ("4", 0, None),
    # option letters, always by position
    ("a", 0, 0),
    ("B", 0, 1),
    ("(c)", 0, 2),
    ("d", 1, 3),
    ("Option C.", 0, 2),
    ("I'd say b", 0, 1),
    ("c) more than half the days", 0, 2),
    ("2 - more than half the days", 0, 2),
    # everyday words
    ("never", 0, 0),
    ("no, not at all", 0, 0),
    ("nope", 0, 0),
    ("a few days", 0, 1),
    ("sometimes", 0, 1),
    ("i guess sometimes", 0, 1),
    ("once or twice", 0, 1),
    ("a few days a week", 0, 1),
    ("most days", 0, 2),
    ("often", 0, 2),
    ("most of the time honestly", 0, 2),
    ("a lot", 0, 2),
    ("every day", 0, 3),
    ("EVERY DAY!!", 0, 3),
    ("Every. Single. Day.", 0, 3),
    ("all the time", 0, 3),
    ("24/7", 0, 3),
    ("yeah pretty much every day", 0, 3),
    ("every day, it's been awful", 0, 3),
    ("I've felt like that every day this week", 0, 3),
    # typos that leave one reading
    ("sevral days", 0, 1),
    ("somtimes", 0, 1),
    ("mor than half the days", 0, 2),
    ("nearly evry day", 0, 3),
    ("evryday", 0, 3),
    ("allways", 0, 3),
    ("not at al", 0, 0),
    ("nevr", 0, 0),
    ("alot", 0, 2),
    # ambiguous, hedged, negated or not an answer: the chat re-asks
    ("Not every day", 0, None),
    ("more than half the days, not every day", 0, None),
    ("several days, maybe more", 0, None),
    ("2 or 3", 0, None),
    ("b or c", 0, None),
    ("rarely", 0, None),
    ("hardly ever", 0, None),
    ("not really", 0, None),
    ("about half the time", 0, None),
    ("every other day", 0, None),
    ("I never sleep", 0, None),
    ("ever", 0, None),
    ("3 days", 0, None),
    ("I don't know", 0, None),
    ("what do you mean?", 0, None),
    ("yes", 0, None),
    ("banana", 0, None),
    ("e", 0, None),
    ("", 0, None),
]

DIFFICULTY_CASES = [
    ("Not difficult at all", 0, 0),
    ("Somewhat difficult", 0, 1),
    ("Very difficult", 0, 2),
    ("Extremely difficult", 0, 3),
    ("0", 0, 0),
    ("3", 0, 3),
    ("1", 1, 0),
    ("4", 1, 3),
    ("4", 0, None),
    ("a", 0, 0),
    ("c", 0, 2),
    ("option d", 0, 3),
    ("not at all", 0, 0),
    ("not hard at all", 0, 0),
    ("not difficult", 0, 0),
    ("no", 0, 0),
    ("no problems", 0, 0),
    ("fine", 0, 0),
    ("somewhat", 0, 1),
    ("It's somewhat difficult", 0, 1),
    ("a little", 0, 1),
    ("a bit tough tbh", 0, 1),
    ("kind of", 0, 1),
    ("slightly hard", 0, 1),
    ("very", 0, 2),
    ("very hard", 0, 2),
    ("Very, very hard", 0, 2),
    ("really hard", 0, 2),
    ("pretty challenging", 0, 2),
    ("extremely", 0, 3),
    ("extremely tough", 0, 3),
    ("it's been extremely hard", 0, 3),
    ("impossible", 0, 3),
    ("almost impossible", 0, 3),
    ("somewaht difficult", 0, 1),
    ("vry difficult", 0, 2),
    ("extremly hard", 0, 3),
    ("difficult", 0, None),
    ("it was difficult", 0, None),
    ("not very difficult", 0, None),
    ("not too bad", 0, None),
    ("somewhat or very", 0, None),
    ("b or c", 0, None),
    ("I don't know", 0, None),
    ("every day", 0, None),
    ("", 0, None),
]


@pytest.mark.parametrize(("text", "numbered_from", "expected"), FREQUENCY_CASES)
def test_parse_frequency_answer(text: str, numbered_from: int, expected: int | None) -> None:
    assert parse_frequency_answer(text, numbered_from=numbered_from) == expected


@pytest.mark.parametrize(("text", "numbered_from", "expected"), DIFFICULTY_CASES)
def test_parse_difficulty_answer(text: str, numbered_from: int, expected: int | None) -> None:
    assert parse_difficulty_answer(text, numbered_from=numbered_from) == expected


def test_tables_are_large_enough_to_mean_something() -> None:
    assert len(FREQUENCY_CASES) >= 40
    assert len(DIFFICULTY_CASES) >= 40


@pytest.mark.parametrize("numbered_from", [2, -1])
def test_prompt_numbering_must_be_0_or_1(numbered_from: int) -> None:
    with pytest.raises(ValueError, match="numbered_from is the number the prompt showed"):
        parse_frequency_answer("2", numbered_from=numbered_from)
