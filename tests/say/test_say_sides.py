"""What a reflection may pair, gather and gloss: two sides that pull apart, not two facts; a summary that
says what its items add up to; a feeling's tone; the client's own words before a stock line."""

from __future__ import annotations

import re

import pytest

from oars.choose.information import answer_for
from oars.choose.move import Act, Material, Move, Style, SummaryKind
from oars.say import BuiltinRealiser, Said
from oars.say.content import Lean, gist, gists
from oars.say.filters import is_forbidden
from oars.say.slots import slots_for
from oars.understand.situation import situation

CR = Act.COMPLEX_REFLECTION


def _texts(move: Move) -> list[str]:
    return [d.text for d in BuiltinRealiser(seed=3).drafts(move, Said())]


@pytest.mark.parametrize(
    ("message", "lean"),
    [
        ("i dont want to stop going out", Lean.SUSTAIN),
        ("nah i dont really want to quit", Lean.SUSTAIN),
        ("But it's the one pleasure I've got left", Lean.SUSTAIN),
        ("everyone I know drinks the same", Lean.SUSTAIN),
        ("I want to stop but it helps me relax", Lean.SUSTAIN),  # its best clause is the sustain side
        ("my girlfriend wont kiss me after i smoke", Lean.NEUTRAL),  # a cost, not "I won't stop"
        ("i think everyone can see it", Lean.NEUTRAL),  # not "everyone does it"
        ("I want to be around for my kids", Lean.CHANGE),
    ],
)
def test_a_clause_leans_the_way_its_words_do(message: str, lean: Lean) -> None:
    found = gist(message, behaviour="drinking")
    assert found is not None and found.lean is lean, found


def test_the_clients_generic_you_is_not_said_back_as_an_order() -> None:
    found = gist("ive stopped going to my seminars because you have to speak. i just watch the lecture recordings")
    assert found is not None
    assert found.text == "you've stopped going to your seminars because you're expected to speak"
    assert not is_forbidden(found.text)
    assert found.lean is Lean.NEUTRAL  # stopping going is avoidance, not change talk


def test_a_subjectless_piece_after_someone_else_is_not_made_the_clients() -> None:
    texts = [g.text for g in gists("my dad was a big drinker. died at 61. not saying thats me")]
    assert "your dad was a big drinker" in texts
    assert not any("you died" in text for text in texts)
    assert [g.text for g in gists("took out a loan last month")] == ["you took out a loan"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("my girlfriend wont kiss me after i smoke lol so here i am", "your girlfriend won't kiss you after you smoke"),
        ("if you dont smoke you dont get a break, simple as that", "if you don't smoke, you don't get a break"),
    ],
)
def test_chat_tails_and_a_generic_if_clause_still_give_a_gist(message: str, expected: str) -> None:
    found = gist(message)
    assert found is not None and found.text == expected


def test_two_neutral_stand_ins_are_not_two_sides() -> None:
    facts = Material(
        client_text="hm",
        change_talk=("suppose i do wake up feeling rough. and i snore like a train according to her",),
        sustain_talk=("my dad was a big drinker",),
        behaviour="drinking",
    )
    slots = slots_for(facts)
    assert "cclause" not in slots and "sclause" not in slots
    sides = Material(
        client_text="hm",
        change_talk=("I want to be around for my kids",),
        sustain_talk=("my dad was a big drinker",),
        behaviour="drinking",
    )
    slots = slots_for(sides)
    assert slots["cclause"] == "you'd like to be there for your kids"  # one real side carries a neutral one
    assert slots["sclause"] == "your dad was a big drinker"


def test_a_double_sided_move_with_no_sides_borrows_the_clients_own_words() -> None:
    material = Material(client_text="Every visit to family there are sweets, it is rude to refuse.", behaviour="eating")
    move = Move((CR,), "test", style=Style.DOUBLE_SIDED, material=material)
    drafts = BuiltinRealiser(seed=1).drafts(move, Said())
    assert drafts and not drafts[0].vague
    assert "sweets" in drafts[0].text.lower()


def test_a_message_whose_words_lean_to_sustain_borrows_coming_alongside() -> None:
    text = "its how i switch off. the cans are the only bit of the day thats mine"
    material = Material(client_text=text, behaviour="drinking", situation=situation(text))
    move = Move((CR,), "test", style=Style.MEANING, material=material)  # no value named: nothing to mean
    drafts = BuiltinRealiser(seed=1).drafts(move, Said())
    assert drafts and not drafts[0].vague
    assert drafts[0].template.startswith("cr.alongside."), drafts[0]


def test_a_glad_feeling_is_not_called_hard() -> None:
    material = Material(client_text="the relief when i decide not to go is massive", feelings=("relieved",))
    texts = _texts(Move((CR,), "test", style=Style.FEELING, material=material))
    assert texts
    assert not any(phrase in t for t in texts for phrase in ("can't be easy", "hard", "getting to you", "weighing"))
    low = Material(client_text="i feel awful about it after", feelings=("low",))
    hard = _texts(Move((CR,), "t", style=Style.FEELING, material=low))
    assert any("can't be easy" in t or "No wonder" in t for t in hard)


def test_a_collecting_summary_says_what_its_items_add_up_to() -> None:
    reasons = Material(
        client_text="I want to be there for my kids",
        change_talk=("I want to be there for my kids", "I'd sleep better", "I'm sick of the hangovers"),
    )
    texts = _texts(Move((Act.SUMMARY,), "test", summary=SummaryKind.COLLECTING, material=reasons))
    assert texts and all(t.count(".") >= 2 for t in texts)  # the items, then a gloss
    assert any("your own reasons" in t or "point the same way" in t for t in texts)
    mixed = Material(
        client_text="I drink most nights after work",
        change_talk=("I drink most nights after work", "I'd sleep better"),
    )
    texts = _texts(Move((Act.SUMMARY,), "test", summary=SummaryKind.COLLECTING, material=mixed))
    assert texts and not any("your own reasons" in t or "point the same way" in t for t in texts)


def test_a_linking_summary_offers_the_link() -> None:
    material = Material(
        client_text="In meetings I keep my camera off and say as little as possible.",
        earlier=("I dread the phone ringing in meetings",),
    )
    texts = _texts(Move((Act.SUMMARY,), "test", summary=SummaryKind.LINKING, material=material))
    assert texts
    links = ("go together", "pattern", "same story", "same thing")
    assert all(any(link in t for link in links) for t in texts), texts


def test_a_linking_summary_never_links_to_unrelated_change_talk() -> None:
    """With nothing earlier about the same thing, the client's change talk is no stand-in: "Earlier you said
    you've cut back on the drink, and now you didn't speak to your brothers. Those two may be connected." """
    material = Material(
        client_text="I didn't speak to my brothers and sisters this time, I just spoke to my mom.",
        earlier=("I've cut back on the drink a lot since the summer.",),
        change_talk=("I've cut back on the drink a lot since the summer.",),
    )
    texts = _texts(Move((Act.SUMMARY,), "test", summary=SummaryKind.LINKING, material=material))
    assert texts and not any("drink" in t for t in texts), texts


def test_is_that_normal_about_anxiety_is_answered_about_anxiety() -> None:
    answer = answer_for("is that normal? does everyone feel like this a bit", "anxiety")
    assert answer is not None and "anxiety" in answer


@pytest.mark.parametrize(
    "message",
    ["and do one application a day, even if its rubbish", "speak to the nurse about the tablets", "be honest"],
)
def test_a_step_or_request_without_its_subject_is_not_said_back_as_an_order(message: str) -> None:
    assert gists(message) == ()


@pytest.mark.parametrize(
    ("answer", "change"),
    [
        ("I'll make an appointment for next week. Yes.", "make an appointment for next week"),
        ("Okay. Well, uh, to make an appointment for next week.", "make an appointment for next week"),
        ("I'm going to walk every morning. My wife will come with me.", "walk every morning"),
        ("I know that I need to cut back on the fruit juice", "cut back on the fruit juice"),  # not "to need to"
    ],
)
def test_a_plan_question_builds_on_the_first_sentence_of_the_answer(answer: str, change: str) -> None:
    """Not "What would making an appointment for next week. Yes look like day to day?"."""
    slots = slots_for(Material(client_text="ok", plan={"change": answer}))
    assert slots["plan_change"] == change


@pytest.mark.parametrize(
    ("message", "idea"),
    [
        ("I could get suspended if they catch me again", None),  # what could happen to them, no idea of theirs
        ("I could lose my licence", None),
        ("I could end up in hospital", None),
        ("I could get help from the nurse at school", "getting help from the nurse at school"),
        ("I could put the tablets next to the kettle", "putting the tablets next to the kettle"),
    ],
)
def test_only_something_the_client_could_do_is_their_idea(message: str, idea: str | None) -> None:
    slots = slots_for(Material(client_text=message, behaviour="vaping"))
    assert slots.get("idea") == idea
    assert ("ability" in slots) is (idea is not None)


@pytest.mark.parametrize(
    ("material", "tie"),
    [
        (  # both lean towards change: they point the same way
            Material(
                client_text="I want to be around to see my grandkids grow up",
                earlier=("I'd like to see my grandkids more without feeling wiped out",),
                talk="change",
                darn_cat="desire",
            ),
            r"(?i)point (?:towards|the same way)",
        ),
        (  # one each way: both are true at once
            Material(
                client_text="but I really like a drink with my grandkids' parents at Sunday lunch",
                earlier=("I'd like to see my grandkids more without feeling wiped out",),
                talk="sustain",
            ),
            r"(?i)both (?:are true|of those at once)",
        ),
    ],
)
def test_a_linking_summary_says_what_ties_its_two_statements(material: Material, tie: str) -> None:
    """ "Earlier you said A, and now B. There may be a pattern there" names no pattern: the way the two lean
    is something the client said, so the link names that."""
    texts = _texts(Move((Act.SUMMARY,), "test", summary=SummaryKind.LINKING, material=material))
    assert texts and all(re.search(tie, t) for t in texts), texts


def test_a_link_with_nothing_earlier_to_carry_it_says_the_messages_next_sentence() -> None:
    """With no earlier statement whose words carry the link, "So you stopped work altogether, on top of everything
    else you've told me" links nothing: the reply continues the message instead."""
    material = Material(
        client_text="about a year ago I stopped work altogether",
        earlier=("my dog is called Rex",),
        behaviour="drinking",
    )
    drafts = BuiltinRealiser().drafts(
        Move((Act.SUMMARY,), "test", summary=SummaryKind.LINKING, material=material), Said()
    )
    assert drafts and all(d.template.startswith("cr.continuing.") for d in drafts), drafts
    assert not any(re.search(r"on top of|same story|earlier", d.text, re.I) for d in drafts), drafts


def test_two_earlier_sides_already_set_together_are_not_set_together_again() -> None:
    """After "mm" on "mm", the same two earlier clauses in a new wrapper ("On one hand you can't do them
    anymore, and on the other you miss the exercise") would be the last reply again."""
    material = Material(
        client_text="Mm.",
        change_talk=("I do miss the exercise.",),
        sustain_talk=("I can't do them anymore.",),
        behaviour="exercise",
    )
    fresh = slots_for(material)
    assert "miss the exercise" in fresh["cclause"] and "can't do them" in fresh["sclause"], fresh
    said = "on one hand you can't do them anymore, and on the other you do miss the exercise."
    again = slots_for(material, lambda clause: " ".join(clause.lower().split()) in said)
    assert "cclause" not in again and "sclause" not in again, again


def test_after_the_latest_two_sides_were_said_an_earlier_pair_is_set_side_by_side() -> None:
    """With the latest two sides already said together, "mm" gets another pair from the last few statements
    of each side (the client's own words), not a line that fits anyone ("Part of you wants things to stay as
    they are, and part of you wants something different")."""
    material = Material(
        client_text="Mm.",
        change_talk=("I would like to walk the dog again.", "I do miss the exercise."),
        sustain_talk=("I can't do them anymore.",),
        behaviour="exercise",
    )
    said = "on one hand you can't do them anymore, and on the other you do miss the exercise."
    again = slots_for(material, lambda clause: " ".join(clause.lower().split()) in said)
    assert "walk the dog" in again.get("cclause", "") and "can't do them" in again["sclause"], again
