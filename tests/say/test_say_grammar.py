"""English helpers: inflection, agreement, articles, lists and the tidy pass every draft goes through."""

from __future__ import annotations

import pytest

from oars.say.grammar import (
    article,
    as_statement,
    gerund,
    is_past_tense,
    join_items,
    lower_first,
    part_of_you,
    tidy,
    word_count,
)
from oars.say.rephrase import paraphrase


@pytest.mark.parametrize(
    ("verb_phrase", "expected"),
    [
        ("cut down on drinking", "cutting down on drinking"),
        ("take my meds", "taking my meds"),
        ("take your medication as prescribed", "taking your medication as prescribed"),
        ("get more active", "getting more active"),
        ("be more active", "being more active"),
        ("stop vaping", "giving up vaping"),
        ("stop using", "giving up using"),
        ("eat better and exercise", "eating better and exercising"),
        ("finally quit", "finally quitting"),
        ("have two drink-free days a week", "having two drink-free days a week"),
        ("give therapy a try", "giving therapy a try"),
        ("cut back on beer and wine", "cutting back on beer and wine"),
    ],
)
def test_gerund(verb_phrase: str, expected: str) -> None:
    assert gerund(verb_phrase) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("you want to stop", "wants to stop"),
        ("you'd like to quit", "would like to quit"),
        ("you're tired of it", "is tired of it"),
        ("you've had enough", "has had enough"),
        ("you can't stop", "can't stop"),
        ("you don't want to quit", "doesn't want to quit"),
        ("you feel stuck", "feels stuck"),
        ("you drink to switch off", "drinks to switch off"),
        ("your wife nags", None),
        ("drinking helps you relax", None),
        ("you", None),
    ],
)
def test_part_of_you_agrees_the_verb(clause: str, expected: str | None) -> None:
    assert part_of_you(clause) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("8", "an"), ("hour", "an"), ("honest", "an"), ("university", "a"), ("one-off", "a"), ("upset", "an"), ("6", "a")],
)
def test_article(word: str, expected: str) -> None:
    assert article(word) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "so  you drink most nights , and i think.. that is a 8 .",
            "So you drink most nights, and I think. That is an 8.",
        ),
        ("you feel stuck,", "You feel stuck."),
        ("what else??", "What else?"),
        ("one. two", "One. Two."),
        ('he said "stop', "He said stop."),
        ("see https://example.org for **more**", "See for more."),
        ("an university, a hour", "A university, an hour."),
        ("it's hard ,, really", "It's hard, really."),
    ],
)
def test_tidy(text: str, expected: str) -> None:
    assert tidy(text) == expected


def test_statements_get_one_end_mark() -> None:
    assert as_statement("you're not sure?") == "you're not sure."
    assert as_statement("you're not sure, ") == "you're not sure."


def test_join_items() -> None:
    assert join_items(["a"]) == "a"
    assert join_items(["a", "b"]) == "a and b"
    assert join_items(["a", "b", "c"], "or") == "a, b or c"
    assert join_items(["a", "b", "c"], serial=True) == "a, b, and c"


def test_lower_first_keeps_names_and_i() -> None:
    assert lower_first("My wife") == "my wife"
    assert lower_first("Dave said so") == "Dave said so"
    assert lower_first("I'm tired") == "I'm tired"


def test_past_tense_and_word_count() -> None:
    assert is_past_tense("stopped") and is_past_tense("went") and not is_past_tense("stop")
    assert word_count("you're not sure — really") == 4


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "stop buying the big bottles and go down to 3mg first",
            "giving up buying the big bottles and going down to 3mg first",
        ),
        ("cut down and go to the gym", "cutting down and going to the gym"),
    ],
)
def test_every_verb_of_a_change_becomes_a_gerund(phrase: str, expected: str) -> None:
    assert gerund(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("only vape after school", "only vaping after school"),  # a verb lemminflect does not know
        ("go out and water the plants", "going out and watering the plants"),  # "water" before "the" is a verb
        ("buy fish and chips", "buying fish and chips"),
    ],
)
def test_gerund_of_a_step(phrase: str, expected: str) -> None:
    assert gerund(phrase) == expected


def test_a_compound_before_one_is_no_second_verb() -> None:
    assert gerund("start by not having the wake and bake one") == "starting by not having the wake and bake one"
    assert gerund("walk and talk more") == "walking and talking more"


def test_a_participle_after_have_and_an_adverb_stays_a_participle() -> None:
    assert paraphrase("you've already started") == "you've already started"
    assert paraphrase("you started last week") == "you began last week"


@pytest.mark.parametrize(
    ("verb_phrase", "expected"),
    [
        ("kind of work at it together", "working at it together"),  # "Kinding of work at it together…"
        ("sort of cut back", "cutting back"),
        ("like to make sure I drink less", "making sure I drink less"),  # "back you up with liking to make sure"
        ("want to get fitter", "getting fitter"),
    ],
)
def test_gerund_drops_a_hedge_or_a_wish_before_the_verb(verb_phrase: str, expected: str) -> None:
    assert gerund(verb_phrase) == expected


def test_tidy_drops_a_small_word_said_twice() -> None:
    assert tidy("part of you feels it's time to to show her") == "Part of you feels it's time to show her."
    assert tidy("I had had enough") == "I had had enough."  # a real tense, not a slip


def test_tidy_capitalises_march_and_may_only_as_months() -> None:
    assert tidy("you haven't been since may") == "You haven't been since May."
    assert tidy("it started last march") == "It started last March."
    assert tidy("you may want to march on") == "You may want to march on."
