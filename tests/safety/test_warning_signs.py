"""Risk told without the usual words: warning signs a clinician reads as risk (reference section 8) —
affairs put in order, hidden goodbyes, method and insurance questions, old doses after a break, slang
threats, cover stories — and the ordinary sentences that share their words and must stay quiet."""

from __future__ import annotations

import pytest

from oars.safety import CrisisCategory, CrisisDetector

DETECTOR = CrisisDetector()  # the rules alone: these must not depend on the learned screen


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I've updated my will and found a new home for the dog. Everything is in order.", "suicide"),
        ("Does a life insurance policy still pay if the death was suicide?", "suicide"),
        ("Would taking all my sleeping pills be painless?", "suicide"),
        ("I've been quietly saying goodbye to friends and they don't know that's what it is.", "suicide"),
        ("If you never hear from me again, it's not your fault.", "suicide"),
        ("The letters are written for when I go through with it.", "suicide"),
        ("After my overdose I swore never again, but I've started planning again.", "suicide"),
        ("I'm going to end it when my parents are away next week.", "suicide"),
        ("I don't even want to be alive any more.", "suicide"),
        ("Still wishing I was dead, most days.", "suicide"),
        ("I'm trying so hard not to cut tonight.", "self_harm"),
        ("Been clean eight months and I used again tonight, my chest feels wrong.", "overdose"),
        ("Going to take my old dose, the one I had before rehab.", "overdose"),
        ("he's nodding out after that hit and I can't wake him", "overdose"),
        ("we're gonna slide on the opps tonight", "harm_to_others"),
        ("The lads at work hold me down in the changing room and do stuff to me. They film it.", "abuse"),
        ("my coach keeps asking for pictures of me", "abuse"),
        ("that guy is getting shanked after school", "harm_to_others"),
        ("On Monday everyone at that office will know my name.", "harm_to_others"),
        ("The carer at my gran's flat pinches her when she's slow.", "abuse"),
        ("I told the nurse I walked into a door. I didn't.", "abuse"),
        ("When he's had a drink he loses it and I end up with bruises.", "abuse"),
        ("My boyfriend pulled me by my hair across the kitchen and bit me.", "abuse"),
        ("I left him last year but he turned up at my new flat and keeps texting that I'll pay.", "abuse"),
        ("kms. and no this isnt a bit", "suicide"),
        ("been googling methods all week, found one", "suicide"),
        ("is there a way that doesnt hurt? asking for me", "suicide"),
        ("ODing rn", "overdose"),
        ("on the kitchen floor, took everything in the cupboard", "overdose"),
        ("I took the whole packet after work, how long till it kicks in", "overdose"),
        ("why live anyway", "suicide"),
        ("honestly why bother living", "suicide"),
    ],
)
def test_warning_signs_fire(text: str, category: str) -> None:
    assessment = DETECTOR.assess(text)
    assert assessment.is_crisis, text
    assert CrisisCategory(category) in {signal.category for signal in assessment.signals}, assessment.signals


@pytest.mark.parametrize(
    "text",
    [
        "I made a will after Dad died; everyone should have one.",
        "We're moving abroad, so I've given away the dog and everything is in order.",
        "I got a life insurance quote for the new mortgage.",
        "The dentist said the filling would be painless.",
        "If you don't hear from me next week, I'm on holiday.",
        "I said goodbye to everyone at work on my last day before retiring.",
        "I'm going to do the deep clean when my flatmate is away.",
        "I used to be on 60mg but the doctor brought me down to my old dose of 20.",
        "We got smoked in the match on Saturday.",
        "my mate got merked in fortnite lol",
        "Everyone will know my name once the album is out.",
        "I told the doctor I fell off my bike, which is true.",
        "The puppy bit me on the hand again.",
        "I said I'll pay for dinner this time.",
        "He found our new house on the map and sent a housewarming card.",
        "I'm trying not to smoke in the car any more.",
        "The teacher hit the ball over the fence at sports day.",
        "I've been researching methods for my dissertation.",
        "we spent the module researching methods of teaching phonics",
        "I took the whole box of chocolates to work.",
        "The kids took the whole packet to school for the bake sale.",
        "my brother is ODing on fortnite again lol",
        "Have you ever thought about suicide? No.",
        "why do i live like this, my flat is a tip",
        "why live in the city if you hate noise",
        "last night i tipped the rest of the vodka down the sink. that's me finished with it",
        "checking out of the hotel tomorrow, had enough of this city",
        "scared ill do something stupid like text my ex when im drunk",
        "my mates do stuff to me like pranks, they film it for tiktok",
    ],
)
def test_ordinary_sentences_with_the_same_words_stay_quiet(text: str) -> None:
    assert not DETECTOR.assess(text).is_crisis, DETECTOR.assess(text).signals


@pytest.mark.parametrize(
    "text",
    [
        "I self-harmed at 16 and I haven't done it in over ten years.",
        "There was a time I wanted to die, back at school, and I haven't felt that way since.",
        "My childhood was violent, my dad beat us, but that's all behind me.",
        "The last time I cut was before my daughter was born.",
        "The soap had a storyline about an overdose and they handled it well.",
        "I stopped cutting two years ago and I haven't started again.",
        "3 years since i last hurt myself and i got a tattoo over the spot to celebrate",
        "four years free of hurting myself. bought myself a silver bracelet to mark it",
    ],
)
def test_a_past_that_is_over_stays_quiet(text: str) -> None:
    assert not DETECTOR.assess(text).is_crisis, DETECTOR.assess(text).signals


@pytest.mark.parametrize(
    "text",
    [
        "There was a time I'd stopped cutting, but I started again last week.",
        "I haven't cut in over a year but the urge is back tonight and I've got the blade out.",
        "The last time I wanted to die was in 2019 and it's back again now, worse.",
    ],
)
def test_a_past_that_has_come_back_still_fires(text: str) -> None:
    assert DETECTOR.assess(text).is_crisis, text


@pytest.mark.parametrize(
    "history",
    [
        "At secondary school I scratched my arms when exams got too much. I've been steady for years and it's"
        " not part of my life now.",
        "I took an overdose at eighteen. I'm fully recovered and I've built a good life since.",
        "There was a stretch in my twenties when I thought everyone would be better off without me. None for a"
        " very long time.",
        "I used to burn my hands on the iron as a teenager. I grew out of it with a lot of help.",
    ],
)
def test_a_past_that_is_over_does_not_fire_even_through_the_learned_screen(history: str) -> None:
    from oars.safety import default_detector

    assert not default_detector().assess(history).is_crisis


@pytest.mark.parametrize(
    "back",
    [
        "I self-harmed years ago and got help. Now the urges are back and I cut last night.",
        "I was abused as a child, and now he's looking after my son at weekends and my son says he hurts him.",
        "I tried to end things in my teens. I'm going to do it properly this time.",
    ],
)
def test_a_past_that_has_come_back_still_fires_with_the_learned_screen(back: str) -> None:
    from oars.safety import default_detector

    assert default_detector().assess(back).is_crisis


@pytest.mark.parametrize(
    "text",
    ["its legal where i live anyway", "i live alone anyway so nobody notices", "where i live anyway"],
)
def test_where_someone_lives_is_not_risk_even_to_the_learned_screen(text: str) -> None:
    """ "live … anyway" had the screen hearing "why live anyway": it fired on a cannabis client's aside."""
    from oars.safety import default_detector

    assert not default_detector().assess(text).is_crisis
