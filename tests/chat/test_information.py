"""Elicit-Provide-Elicit gives information that answers the question asked, when oars has some, and only
general, sourced information: a question about blood pressure is not answered with tips on remembering
doses, and "should I stop it?" in a drinking session is not answered about antidepressants."""

from __future__ import annotations

import pytest

from oars.chat import Counsellor
from oars.choose.information import answer_for, information_for


@pytest.mark.parametrize(
    ("question", "topic", "must_say"),
    [
        ("What's my blood pressure supposed to be anyway? They said 160 over something.", None, "120 over 80"),
        ("should i just stop taking it?", "medication", "discontinuation"),
        ("is it ok to drink on sertraline?", None, "interacts with many medicines"),
        ("i forgot a dose yesterday, should i take two today?", "medication", "double dose"),
        ("how long do the cravings last?", "smoking", "two to four weeks"),
        ("what counts as a drink?", "drinking", "14 grams"),
        ("how much sleep do I actually need?", "sleep", "seven or more hours"),
        ("Okay. Uh, what about side effects?", "medication", "first few weeks"),
        ("is that normal? people get made redundant all the time", None, "very common"),
        ("what else is there? do those vape things work?", "smoking", "FDA has not approved"),
        ("there's this thing where you can block yourself from all the sites right?", "gambling", "GAMSTOP"),
        ("do u actualy think one a day is bad", "smoking", "no safe level"),
        ("is that normal? the sweating thing", "cannabis", "night sweats"),
        ("whats your opinion on the jabs. mounjaro and that", "eating", "tirzepatide (Mounjaro)"),
    ],
)
def test_a_question_with_an_answer_of_its_own_gets_it(question: str, topic: str | None, must_say: str) -> None:
    answer = answer_for(question, topic)
    assert answer is not None and must_say in answer


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("should i just stop it?", "drinking"),
        ("is drinking bad for me?", "drinking"),
        ("what do people do?", None),
        ("is it normal to drink every night?", "drinking"),
        ("i vape at work", "vaping"),
        ("the sites are blocked at work", "gambling"),
    ],
)
def test_no_specific_answer_where_the_question_does_not_ask_for_one(question: str, topic: str | None) -> None:
    assert answer_for(question, topic) is None


def test_without_a_specific_answer_the_topic_fact_or_the_disclaimer() -> None:
    assert "NIAAA" in information_for("drinking")
    assert "general information" in information_for(None)


def test_the_counsellor_answers_the_question_then_asks_what_the_client_makes_of_it() -> None:
    counsellor = Counsellor(seed=0)
    counsellor.start()
    counsellor.reply("I'm on sertraline and I keep skipping it when I go out drinking at the weekend.")
    reply = counsellor.reply("is it bad to drink on sertraline?")
    assert reply.move == "information+open_question", reply.reason
    assert "interacts with many medicines" in reply.text
    assert reply.text.endswith("?")
    assert ": in general terms" not in reply.text.lower()


def test_yes_please_after_the_elicit_question_gets_the_information() -> None:
    """Elicit first; "Yes please, tell me." (no ideas of their own) then gets the menu, not a reflection."""
    counsellor = Counsellor(topic="eating", seed=0)
    counsellor.start()
    counsellor.reply("My nurse says I need to change what I eat for my diabetes.")
    elicit = counsellor.reply("What do you think I should do?")
    assert elicit.move.endswith("open_question") and "?" in elicit.text
    told = counsellor.reply("Yes please, tell me.")
    assert told.move == "information+open_question", told.text
    assert "snack" in told.text


def test_information_already_given_is_not_given_again() -> None:
    """Asked twice, the counsellor gives the next thing it has (the disclaimer that sends a question about
    the client's own treatment to their doctor), and asked a third time it explores the question instead."""
    counsellor = Counsellor(topic="sleep", seed=0)
    counsellor.start()
    counsellor.reply("I've had insomnia every night since February and I drink about five coffees a day.")
    first = counsellor.reply("How else am I supposed to function on four hours? Is there anything that helps?")
    assert first.move == "information+open_question", first.reason
    assert "regular wake-up time" in first.text
    second = counsellor.reply("Should I just ask my doctor for sleeping pills? What do you think?")
    assert "regular wake-up time" not in second.text
    assert "doctor or clinician" in second.text, second.text
    third = counsellor.reply("But what do you think I should do about it?")
    assert "regular wake-up time" not in third.text and "doctor or clinician" not in third.text, third.text
    assert third.text.endswith("?")
