"""The MITI layer: form codes from the network's labels, cue codes from the text, permission context."""

from __future__ import annotations

import pytest

from oars.coder.labels import Behaviour, MitiCode
from oars.coder.miti import Lead, miti_codes, question_lead
from oars.transcript import Speaker, Utterance


def codes(text: str, behaviour: Behaviour = Behaviour.OTHER, subtype: str | None = None, before=()) -> set[str]:
    return {c.value for c in miti_codes(text, behaviour, subtype, before)}


@pytest.mark.parametrize(
    ("behaviour", "subtype", "expected"),
    [
        (Behaviour.QUESTION, "open", {"Q"}),
        (Behaviour.REFLECTION, "simple", {"SR"}),
        (Behaviour.REFLECTION, "complex", {"CR"}),
        (Behaviour.INPUT, "information", {"GI"}),
        (Behaviour.INPUT, "advice", {"Persuade"}),
        (Behaviour.OTHER, None, set()),
    ],
)
def test_form_codes_follow_the_behaviour(behaviour: Behaviour, subtype: str | None, expected: set[str]) -> None:
    assert codes("Okay.", behaviour, subtype) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("You've worked so hard to get here, and that shows real determination.", "AF"),
        ("You're someone who cares deeply about your family.", "AF"),
        ("Would it be okay if I shared some information about that?", "Seek"),
        ("What would you like to focus on today?", "Seek"),
        ("In the end it's your decision what you do about the vaping.", "Emphasize"),
        ("You're the one who decides whether this is worth changing.", "Emphasize"),
        ("You're in denial about how much you spend.", "Confront"),
        ("That's a pretty lame excuse.", "Confront"),
    ],
)
def test_cue_codes(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Good.",
        "Okay, let's move on to the next part.",
        "You mentioned it's up to 10 drinks some nights.",
        "What do you think about that?",
    ],
)
def test_near_misses_get_no_adherence_codes(text: str) -> None:
    assert not codes(text) & {"AF", "Seek", "Emphasize", "Confront", "Persuade", "PwP"}


def test_advice_without_permission_is_persuade() -> None:
    assert "Persuade" in codes("You really should stop drinking before it's too late.", Behaviour.INPUT, "advice")


def test_advice_with_autonomy_is_persuade_with_permission() -> None:
    found = codes("One option is nicotine gum, but it's your call whether that fits.", Behaviour.INPUT, "advice")
    assert "PwP" in found and "Persuade" not in found and "Emphasize" in found


def test_advice_the_client_asked_for_is_persuade_with_permission() -> None:
    before = (Utterance(0, Speaker.CLIENT, "What do you think I should do about the cravings?"),)
    found = codes("I'd suggest keeping gum with you for the worst moments.", Behaviour.INPUT, "advice", before)
    assert found == {"PwP"}


def test_a_question_inside_a_reflection_adds_q() -> None:
    found = codes("It's been a hard year. What has helped you get through it?", Behaviour.REFLECTION, "complex")
    assert found == {"CR", "Q"}


def test_codes_come_in_the_manual_order() -> None:
    found = miti_codes("You've done so well, and it's up to you.", Behaviour.REFLECTION, "complex")
    assert list(found) == sorted(found, key=list(MitiCode).index)


def _lead(text: str, *, reflection: bool, subtype: str) -> Lead:
    """The turn's lead as the coder hands it over, read by the network as given."""
    return Lead(question_lead(text) or "", reflection=reflection, subtype=subtype)


@pytest.mark.parametrize(
    ("text", "reflection_subtype", "expected"),
    [
        (
            "So you're torn between the relief it gives you and what it costs. What would help you decide?",
            "complex",
            {"Q", "CR"},
        ),
        ("It sounds like the mornings are the hardest part. What happens then?", "simple", {"Q", "SR"}),
        ("Part of you wants to keep things as they are. How would things look in a year?", "complex", {"Q", "CR"}),
        # The stems reflective listening is taught with, and "so" handing back what was said.
        ("What I'm hearing is that evenings are the hard part. What happens then?", "simple", {"Q", "SR"}),
        ("In other words, you'd like your weekends back. What would that take?", "simple", {"Q", "SR"}),
        (
            "Earlier you said the kids had noticed, and now your wife has too. What do you make of that?",
            "complex",
            {"Q", "CR"},
        ),
        (
            "If I've got this right, the pills make you feel flat. How do you decide when to take them?",
            "simple",
            {"Q", "SR"},
        ),
        (
            "So your days are just as full now that you're working. Any ideas about why that might be?",
            "simple",
            {"Q", "SR"},
        ),
    ],
)
def test_a_reflective_stem_leading_a_question_is_coded_as_both(text: str, reflection_subtype: str, expected) -> None:  # type: ignore[no-untyped-def]
    """Even where the network does not hear the lead as a reflection, a taught stem makes it one."""
    lead = _lead(text, reflection=False, subtype=reflection_subtype)
    found = {c.value for c in miti_codes(text, Behaviour.QUESTION, "open", lead=lead)}
    assert found == expected


@pytest.mark.parametrize("subtype", ["simple", "complex"])
def test_a_lead_the_network_hears_as_a_reflection_is_coded_by_its_reading(subtype: str) -> None:
    text = "Your wife has noticed, and that's stayed with you. What do you make of that?"
    lead = _lead(text, reflection=True, subtype=subtype)
    found = {c.value for c in miti_codes(text, Behaviour.QUESTION, "open", lead=lead)}
    assert found == {"Q", "CR" if subtype == "complex" else "SR"}
    assert {c.value for c in miti_codes(text, Behaviour.QUESTION, "open", lead=None)} == {"Q"}


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("So you're torn. What would help you decide?", None),  # too few words to code on their own
        ("So you're torn about all of it. What would help? What else?", "So you're torn about all of it."),
        (
            "Okay. Your wife has noticed, and it stayed with you. What now?",
            "Okay. Your wife has noticed, and it stayed with you.",
        ),
        ("What did you notice? You mentioned the weekends were hard.", None),  # the statement follows the question
        ("Your wife has noticed, and that has stayed with you.", None),  # no question
    ],
)
def test_the_lead_of_a_question_turn(text: str, lead: str | None) -> None:
    assert question_lead(text) == lead


@pytest.mark.parametrize(
    "text",
    [
        "Okay. What brings you in today?",  # no statement worth coding
        "Thanks for coming in today. How have things been?",  # not the client's experience said back
        "You should really cut down before it gets worse. What do you think?",  # advice, not a reflection
        "What did you notice? You mentioned the weekends were hard",  # the statement follows the question
        "So, let me ask you something. What brings you here today?",  # "so" leading an announcement
        "In other news, the clinic is closed on Friday. Does Monday work?",  # not "in other words"
    ],
)
def test_other_statements_before_a_question_are_not_reflections(text: str) -> None:
    lead = _lead(text, reflection=False, subtype="complex")
    found = {c.value for c in miti_codes(text, Behaviour.QUESTION, "open", lead=lead)}
    assert not found & {"SR", "CR"}
