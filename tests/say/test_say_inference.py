"""Complex reflections that say what a message implies: grounded in what the message shows, never invented."""

from __future__ import annotations

import re

import pytest

from oars.chat import Counsellor, MemoryStore
from oars.choose.move import Act, Material, Move, Style, SummaryKind
from oars.coder import Coder
from oars.coder.darncat import stated_darn_cat
from oars.coder.labels import DarnCat
from oars.say import BuiltinRealiser, Said
from oars.say.content import gist
from oars.say.slots import slots_for
from oars.understand.analyse import CORRECTED, Understander
from oars.understand.situation import situation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("work noticed. im on a final warning", {"cost"}),
        ("lost about 3 grand since christmas", {"cost"}),
        ("I have a few cans every night after work", {"routine"}),
        ("my wife keeps saying I've changed", {"noticed"}),
        ("idk really", {"unsure"}),
        ("I've tried patches and the gum, never lasted", {"tried"}),
        ("I've smoked since I was fifteen", {"long_time"}),
        ("Fifty years I've smoked. Twenty a day", {"long_time"}),
        ("I gave up two years ago", set()),
        ("my dad was a big drinker. died at 61", {"loss"}),
        ("i miss being useful. i was a team leader", {"past_self"}),
        ("I went into town and bought some bread", set()),
        ("the court says I have to do this", {"mandated"}),
        ("I'm only here because my boss made me come", {"mandated"}),
        ("I was arrested and went to court last year", {"cost"}),
        ("my daughter said she'd call me in the mornings", {"support"}),
        ("yeah well I'm not an alcoholic", {"not_a_problem"}),
        ("it's not like I'm addicted or anything. I can stop whenever", {"not_a_problem"}),
        ("I don't have a drinking problem", {"not_a_problem"}),
        ("my dad was an alcoholic", set()),  # someone else's label
        ("I don't see the problem honestly. It's legal in loads of places", {"not_a_problem"}),
        ("I'm only doing this because my partner asked", {"mandated"}),  # sent, not someone noticing
        ("we broke up 4 months ago", set()),  # broke up, not broke
        ("I guess losing my license is a pain", {"cost"}),
        ("I can't stop whenever I want", set()),
        ("my missus doesnt know. she thinks the money went on the car", {"hidden"}),
        ("I havent told my wife about the money", {"hidden"}),
        ("I never told the doctor about the ankles", set()),  # a symptom not raised, not a secret
        ("he doesnt know what hes talking about", set()),  # a dismissal, not a secret
        ("ive stopped going to my seminars because you have to speak", {"avoiding"}),
        ("I stopped going to the gym when I changed jobs", set()),  # a lapse, not keeping away
        ("everyone i know drinks the same", {"social"}),
        ("everyone in my friendship group smokes so like", {"social"}),
        ("its the only thing keeping me awake", {"relied_on"}),
        ("i work two jobs and have 2 kids", {"stretched"}),
        ("took out a loan last month to cover rent. thats when it got real", {"cost", "turning_point"}),
        ("im going to fail this module if i keep missing them", {"cost", "avoiding"}),
        ("my mum was big too. it runs in the family", {"family_pattern"}),
        ("idk. i like food. its kind of my thing", {"identity"}),
        ("hi its me again", set()),
        ("My husband smokes too, which doesn't help", {"social"}),
        ("Work is stressful and a cigarette break is the only time I get to breathe", {"relied_on"}),
        ("my husband drinks tea", set()),
        ("i keep thinking ill win it back and then ill stop, like one decent acca and im level", {"chasing"}),
        ("i smoke at night to sleep. thats it. im not hurting anybody", {"not_a_problem"}),
        ("One of them makes me pee every twenty minutes.", {"side_effects"}),
        ("The metformin upsets my stomach as well", {"side_effects"}),
        ("I tried patches once but they gave me weird dreams", {"tried"}),
        ("I've had insomnia every night since February.", set()),  # it happens to them: no routine of theirs
        ("I get cravings every morning", set()),
        ("I smoke every morning with my coffee", {"routine"}),
        ("I could never tell my parents about any of it", {"hidden"}),
        ("I told my boss I was ill. I wasn't.", {"hidden"}),
        ("can't tell the difference between tired and low", set()),
        ("If I avoid the party I feel fine that night and awful the next day", {"avoiding"}),
        ("I skipped training twice this month", {"avoiding"}),
        ("Honestly a glass of red is how I wind down", {"relied_on"}),
        ("haven't played since my knee went", {"past_self"}),
        ("I do twelve-hour shifts on the ward", {"stretched"}),
        ("Bread with every meal, that's how I was brought up", {"identity"}),
    ],
)
def test_situation_reads_what_the_message_shows(text: str, expected: set[str]) -> None:
    assert set(situation(text)) == expected


@pytest.mark.parametrize(
    "text",
    ["please don't tell anyone", "forget it", "can we just talk about the drinking", "man you sound just like her"],
)
def test_a_request_to_the_counsellor_is_not_said_back_as_the_clients_view(text: str) -> None:
    move = Move((Act.SIMPLE_REFLECTION,), "test", material=Material(client_text=text, behaviour="drinking"))
    drafts = [d.text.lower() for d in BuiltinRealiser().drafts(move, Said())]
    assert drafts
    assert not any(text.split()[-1] in d and text.split()[0] in d for d in drafts), drafts


def test_chat_fillers_are_not_part_of_the_point() -> None:
    move = Move(
        (Act.SIMPLE_REFLECTION,),
        "test",
        material=Material(client_text="wait it says on the letter i can self refer online"),
    )
    drafts = [d.text for d in BuiltinRealiser().drafts(move, Said())]
    assert drafts and not any(re.search(r"\bwait\b", d, re.I) for d in drafts), drafts


def test_a_darn_cat_is_stated_only_when_the_words_frame_it() -> None:
    assert stated_darn_cat("I really want to cut down") is DarnCat.DESIRE
    assert stated_darn_cat("forget it") is None  # the coder's default ("reason") is not the client's words


def _continuing(material: Material) -> list[str]:
    move = Move((Act.COMPLEX_REFLECTION,), "test", style=Style.CONTINUING, material=material)
    return [d.text for d in BuiltinRealiser().drafts(move, Said())]


def test_a_cost_is_continued_not_echoed() -> None:
    material = Material(client_text="im on a final warning", behaviour="drinking", talk="neutral", situation=("cost",))
    drafts = _continuing(material)
    assert drafts
    # what it implies, in new words, ranks first; saying the clause back with a stock tail only after that
    inferred = [i for i, d in enumerate(drafts) if "cost you" in d or "consequences" in d or "at stake" in d]
    echoed = [i for i, d in enumerate(drafts) if "final warning" in d]
    assert inferred and inferred[0] == 0, drafts
    assert all(i > max(inferred) for i in echoed), drafts


def test_change_talk_gets_the_inference_of_its_own_kind() -> None:
    base = Material(client_text="I can see I'd sleep better", behaviour="drinking", change="cut down on drinking")
    reason = _continuing(Material(**{**base.__dict__, "talk": "change", "darn_cat": "reason"}))
    need = _continuing(Material(**{**base.__dict__, "talk": "change", "darn_cat": "need"}))
    assert any("give you" in d or "reasons" in d or "difference" in d for d in reason), reason
    assert any("has to give" in d or "carry on" in d or "option" in d for d in need), need
    assert not any("has to give" in d for d in reason) and not any("give you" in d for d in need)


def _first_reply_move(text: str) -> str:
    counsellor = Counsellor(store=MemoryStore())
    counsellor.start()
    return counsellor.reply(text).move or ""


def test_a_plain_account_gets_a_simple_reflection_not_an_invented_meaning() -> None:
    move = _first_reply_move("I went into town on Tuesday and bought some bread and milk")
    assert "complex_reflection" not in move, move


def test_a_message_showing_a_cost_gets_a_complex_reflection() -> None:
    move = _first_reply_move("Work have noticed. I'm on a final warning now")
    assert move.startswith("complex_reflection"), move


def test_a_client_sent_by_someone_else_hears_that_coming_was_not_their_idea() -> None:
    counsellor = Counsellor(store=MemoryStore(), seed=0)
    counsellor.start()
    reply = counsellor.reply("the court says I have to do this")
    assert re.search(r"wasn't your (?:idea|choice)|someone else's decision|rather not be here", reply.text), reply.text
    assert "time for you" not in reply.text and "has to give" not in reply.text, reply.text


@pytest.mark.parametrize(
    "text", ["yeah well I'm not an alcoholic", "it's not like I'm addicted or anything. I can stop whenever"]
)
def test_a_refused_label_is_heard_without_being_said_back(text: str) -> None:
    counsellor = Counsellor(store=MemoryStore(), seed=0)
    counsellor.start()
    reply = counsellor.reply(text).text
    assert re.search(r"label|under control|put in a box|problem", reply), reply
    assert not re.search(r"alcoholic|addict", reply, re.I), reply


def test_a_denied_problem_is_not_given_a_change_tail() -> None:
    counsellor = Counsellor(store=MemoryStore(), seed=0)
    counsellor.start()
    counsellor.reply("I smoke weed most nights to sleep")
    reply = counsellor.reply("I don't see the problem honestly. It's legal in loads of places").text
    assert "costing you" not in reply and "worth looking at" not in reply, reply


def test_an_idea_voiced_without_its_subject_is_the_clients_idea() -> None:
    found = gist("maybe swap them for something. popcorn or whatever", behaviour="eating")
    assert found is not None and found.text == "you could swap them for something", found
    slots = slots_for(Material(client_text="maybe swap them for something. popcorn or whatever", behaviour="eating"))
    assert slots.get("cclause_now") == "you've thought about swapping them for something", slots


def test_the_messages_own_value_is_named_not_a_near_one() -> None:
    material = Material(client_text="I want to be there for my grandchild", values=("parenting", "grandchildren"))
    slots = slots_for(material)
    assert slots["value"] == "being there for your grandchildren"


def test_maybe_if_is_what_might_help() -> None:
    found = gist("Maybe if we both did it together", behaviour="smoking")
    assert found is not None and found.text == "it might help if you both did it together"


def test_a_plain_no_is_heard_not_answered_with_something_recalled() -> None:
    counsellor = Counsellor(store=MemoryStore(), topic="drinking", seed=0)
    counsellor.start()
    counsellor.reply("my mum thinks i drink too much")
    reply = counsellor.reply("no").text
    assert re.search(r"not quite it|doesn't really fit|Not really, then|got that wrong", reply), reply


def test_maybe_a_thing_is_an_idea_to_try() -> None:
    found = gist("Maybe a pill box. My daughter mentioned one", behaviour="taking your medication")
    assert found is not None and found.text == "you could try a pill box", found
    assert gist("maybe a bit", behaviour="drinking") is None


def test_an_idea_for_not_driving_after_drinking_is_no_step_taken() -> None:
    understood = Understander(Coder().live()).understand("maybe I could not drive when I've been drinking")
    assert understood.is_change_talk and understood.darn_cat is DarnCat.ABILITY


def test_a_doubted_need_is_said_back_as_a_doubt_not_turned_into_a_need() -> None:
    material = Material(client_text="honestly I don't think I need to be here", talk="sustain")
    move = Move((Act.SIMPLE_REFLECTION,), "test", material=material)
    drafts = [d.text for d in BuiltinRealiser().drafts(move, Said())]
    assert drafts and "don't think you need to be here" in drafts[0], drafts


def test_one_reply_leaves_the_choice_with_the_client_once() -> None:
    material = Material(
        client_text="I don't know about cutting back though. beer is how I deal with stuff",
        behaviour="drinking",
        talk="sustain",
    )
    move = Move((Act.COMPLEX_REFLECTION, Act.EMPHASIZE_AUTONOMY), "test", style=Style.ALONGSIDE, material=material)
    drafts = [d.text for d in BuiltinRealiser().drafts(move, Said())]
    autonomy = re.compile(r"your (?:call|choice|decision)|up to you|choice is yours", re.I)
    assert drafts and all(len(autonomy.findall(d)) <= 1 for d in drafts), drafts


def test_a_style_with_nothing_specific_to_say_borrows_a_near_one() -> None:
    text = "its not even a big deal, everyone smokes"
    material = Material(client_text=text, behaviour="cannabis", talk="sustain", situation=situation(text))
    move = Move((Act.COMPLEX_REFLECTION,), "test", style=Style.REFRAME, material=material)
    drafts = BuiltinRealiser().drafts(move, Said())
    assert drafts and not drafts[0].vague, drafts
    assert drafts[0].template.startswith("cr.alongside."), drafts[0]  # sustain talk is come alongside


def test_an_idea_for_not_doing_it_is_change_talk() -> None:
    counsellor = Counsellor(store=MemoryStore(), topic="cannabis", seed=0)
    counsellor.start()
    counsellor.reply("maybe i could not smoke on school nights")
    client = [e for e in counsellor.events if e.kind.value == "client_said"][-1]
    assert (client.data["talk"], client.data["darn_cat"]) == ("change", "ability")


def test_one_reply_does_not_say_the_same_idea_twice_in_other_forms() -> None:
    material = Material(
        client_text="i could maybe walk the dog in the morning", behaviour="being active", talk="change"
    )
    move = Move((Act.COMPLEX_REFLECTION, Act.AFFIRMATION), "test", style=Style.CONTINUING, material=material)
    for draft in BuiltinRealiser().drafts(move, Said()):
        assert len(re.findall(r"\bwalk(?:ing)? the dog\b", draft.text, re.I)) <= 1, draft.text


def test_a_summary_of_change_talk_leaves_out_what_the_coder_misheard_as_change() -> None:
    material = Material(
        client_text="ok",
        change_talk=("its how i switch off after work", "I'd like to be fitter for the kids"),
        behaviour="drinking",
    )
    move = Move((Act.SUMMARY,), "test", summary=SummaryKind.COLLECTING, material=material)
    drafts = [d.text for d in BuiltinRealiser().drafts(move, Said())]
    assert drafts and all("unwind" not in d and "switch off" not in d for d in drafts), drafts
    assert any("fitter" in d for d in drafts), drafts


@pytest.mark.parametrize(
    ("text", "implied"),
    [
        ("my missus doesnt know. she thinks the money went on the car", r"to yourself|on your own"),
        ("ive stopped going to my seminars because you have to speak", r"away"),
        ("the lads i see on fridays all smoke, thats basically what we do", r"people|standing out"),
        ("i work two jobs and have 2 kids. i eat in my car", r"room|left over"),
        ("took out a loan to cover rent. thats when it got real", r"ignore|home for you|cost"),
        ("my mum was big too. it runs in the family", r"family|handed down"),
        ("i like a drink. its kind of my thing", r"who you are|how you see yourself"),
    ],
)
def test_what_a_plain_account_shows_is_continued_in_new_words(text: str, implied: str) -> None:
    """A message that leans neither way but shows something (a secret, keeping away, everyone around doing it, no
    time, the moment it got real) gets a complex reflection that says what it implies, first among the drafts."""
    material = Material(client_text=text, behaviour="drinking", talk="neutral", situation=situation(text))
    drafts = _continuing(material)
    assert drafts and re.search(implied, drafts[0]), drafts


def test_coming_alongside_does_not_put_pressure_or_a_lecture_in_the_clients_mouth() -> None:
    """ "i keep thinking ill win it back" is sustain talk, but nobody has lectured or pushed the client: "You've
    heard enough about your gambling from other people already" would answer something never said."""
    text = "i keep thinking ill win it back and then ill stop"
    material = Material(client_text=text, behaviour="gambling", talk="sustain", situation=situation(text))
    move = Move((Act.COMPLEX_REFLECTION,), "test", style=Style.ALONGSIDE, material=material)
    drafts = [d.text for d in BuiltinRealiser().drafts(move, Said())]
    assert drafts and not any(re.search(r"heard enough|lectured|big deal|want to change|right time", d) for d in drafts)
    assert re.search(r"win", drafts[0]), drafts  # what the message shows: chasing the losses


@pytest.mark.parametrize(
    "text", ["I would like to avoid injections. My father ended up on insulin.", "I dont want to end up like my dad"]
)
def test_wanting_to_keep_clear_of_what_the_problem_leads_to_is_change_talk(text: str) -> None:
    understood = Understander(Coder().live()).understand(text)
    assert understood.is_change_talk and understood.darn_cat is DarnCat.DESIRE, understood


def _after_a_reflection() -> Counsellor:
    """A session whose last reply is a reflection with no question."""
    counsellor = Counsellor(store=MemoryStore(), seed=0)
    counsellor.start()
    for text in (
        "hello",
        "my gp says i need to lose weight for my knees",
        "idk. i like food. its kind of my thing",
        "my mum was big too. it runs in the family",
        "i tried slimming world once. lost a stone then put it back on",
        "yeah",
        "the crisps at night mostly. when the kids are in bed",
        "maybe swap them for something. popcorn or whatever",
        "i guess a 5",
        "because i do want to be able to play football with my son",
    ):
        reply = counsellor.reply(text)
    assert "?" not in reply.text, reply.text  # a reflection alone, nothing asked
    return counsellor


def test_a_bare_no_to_a_reflection_is_taken_as_a_correction() -> None:
    """ "not really" after a reflection says it missed: the reply takes that, rather than carrying on with a
    double-sided reflection of something older as if the client had agreed."""
    corrected = _after_a_reflection().reply("not really")
    assert (corrected.move or "").startswith("simple_reflection"), corrected.move
    assert re.search(r"not quite it|doesn't really fit|Not really, then", corrected.text), corrected.text


def test_a_bare_no_to_a_question_answers_it_and_corrects_nothing() -> None:
    """ "No." to "What would you like to talk about?" is an answer: "That's not quite it for you" would take it
    for a reflection that missed."""
    counsellor = Counsellor(store=MemoryStore(), seed=0)
    counsellor.start()
    asked = counsellor.reply("hi")
    assert "?" in asked.text and "reflection" not in (asked.move or ""), asked
    reply = counsellor.reply("No.")
    assert not re.search(r"got that wrong|not quite it|doesn't really fit|Not really, then", reply.text), reply.text


@pytest.mark.parametrize("text", ["i dont know", "no idea"])
def test_not_knowing_after_a_reflection_is_no_correction(text: str) -> None:
    """ "i dont know" answers "no" as a yes-or-no answer, but it says the client is unsure, not that the
    reflection missed."""
    reply = _after_a_reflection().reply(text)
    assert "simple_reflection" not in (reply.move or ""), (reply.move, reply.text)


@pytest.mark.parametrize("text", ["That's not who I want to be.", "that is not how I want to live"])
def test_a_value_said_with_thats_not_is_no_correction(text: str) -> None:
    """ "That's not who I want to be", after a reflection, is a value: the reply must not take it for "no,
    you've got me wrong" ("I might have got that wrong…")."""
    assert not CORRECTED.match(text)
    reply = _after_a_reflection().reply(text)
    assert not re.search(r"got that wrong|not quite it|doesn't really fit|Not really, then", reply.text), reply.text


@pytest.mark.parametrize("text", ["that's not it", "no, that's not what I said", "thats not right"])
def test_thats_not_it_is_a_correction(text: str) -> None:
    reply = _after_a_reflection().reply(text)
    assert re.search(r"got that wrong|not quite it|doesn't really fit|Not really, then", reply.text), reply.text


def test_a_feeling_is_put_on_the_focus_only_when_the_focus_is_a_habit() -> None:
    """Worry about drinking is worry about the habit; worry told beside "getting help" is about the panic
    attacks, and "You're feeling worried about getting help" would say the client fears the help."""

    def feeling_drafts(behaviour: str, change: str) -> list[str]:
        material = Material(
            client_text="my panic attacks are getting more often",
            feelings=("worried",),
            behaviour=behaviour,
            change=change,
            talk="neutral",
        )
        move = Move((Act.COMPLEX_REFLECTION,), "test", style=Style.FEELING, material=material)
        return [d.text for seed in range(20) for d in BuiltinRealiser(seed=seed).drafts(move, Said())]

    therapy = feeling_drafts("therapy", "give therapy a try")
    assert therapy and not any("about getting help" in d or "about therapy" in d for d in therapy), therapy
    assert any("about your drinking" in d for d in feeling_drafts("drinking", "cut down on drinking"))


def test_a_routine_line_is_for_a_habit_not_for_low_mood() -> None:
    """ "im in bed till 2 most days" is low mood: "It's so much a part of your routine that it almost happens on its
    own" would make it a habit."""

    def drafts(behaviour: str) -> list[str]:
        material = Material(client_text="im in bed till 2 most days", behaviour=behaviour, situation=("routine",))
        move = Move((Act.COMPLEX_REFLECTION,), "test", style=Style.CONTINUING, material=material)
        return [d.text for seed in range(20) for d in BuiltinRealiser(seed=seed).drafts(move, Said())]

    assert not any("part of your routine" in d for d in drafts("depression"))
    assert any("part of your routine" in d for d in drafts("drinking"))


def test_caring_is_said_only_when_the_client_says_it() -> None:
    """ "My wife has a friend who did some kind of program for this" names a wife, not how much he cares about
    her: "You care about your wife a great deal" was the reply."""

    def drafts(text: str) -> list[str]:
        material = Material(client_text=text, people=("wife",), behaviour="anxiety", talk="change")
        move = Move((Act.COMPLEX_REFLECTION, Act.AFFIRMATION), "test", style=Style.MEANING, material=material)
        return [d.text for seed in range(20) for d in BuiltinRealiser(seed=seed).drafts(move, Said())]

    named = drafts("My wife has a friend who did some kind of program for this. I could ask her about it.")
    assert not any("care about your wife" in d or "care a lot about your wife" in d for d in named), named
    cared = drafts("I want to be there for my wife, she deserves better")
    assert any("care about your wife" in d or "care a lot about your wife" in d for d in cared), cared


def _after_a_negative_reflection() -> Counsellor:
    counsellor = Counsellor(seed=3)
    counsellor.start()
    for text in ("I've got terrible trouble with my stomach.", "My doctor gave me some muscle relaxants."):
        counsellor.reply(text)
    reply = counsellor.reply("I just don't think he's got to the bottom of it.")
    assert "?" not in reply.text and re.search(r"\bdon't\b", reply.text), reply.text  # a negative reflection
    return counsellor


@pytest.mark.parametrize("text", ["No, he's not. There's loads more he could do. I'm sure.", "Not really.", "no"])
def test_a_no_that_agrees_with_a_negative_reflection_is_no_correction(text: str) -> None:
    """To "…you just don't think he's got to the bottom of it", "No, he's not" agrees; it had got "That doesn't
    really fit for you"."""
    reply = _after_a_negative_reflection().reply(text)
    assert not re.search(r"got that wrong|not quite it|doesn't really fit|Not really, then", reply.text), reply.text


def test_a_plain_correction_of_a_negative_reflection_is_still_one() -> None:
    reply = _after_a_negative_reflection().reply("that's not it")
    assert re.search(r"got that wrong|not quite it|doesn't really fit|Not really, then", reply.text), reply.text
