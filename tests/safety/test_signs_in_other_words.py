"""Risk said through what is being done, hidden or readied, without a risk word: the rules written after the
sixth development set (``data/crisis_dev6``), tried here on new wordings of the same signs (none is a line of
that set), and the ordinary sentences that share their words and must stay quiet."""

from __future__ import annotations

import pytest

from oars.safety import CrisisCategory, CrisisDetector, detect_crisis

DETECTOR = CrisisDetector()  # the rules alone: these must not depend on the learned screens


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "They discharged me on Friday. I told them what they wanted to hear, I still intend to go through with it.",
            "suicide",
        ),
        ("The pull to end it all is back and stronger than in the spring.", "suicide"),
        ("I've begun drafting my goodbye letter again.", "suicide"),
        ("Can't stop having thoughts about stepping off the platform when the train comes in.", "suicide"),
        ("How long would it take to drown to death in a cold lake?", "suicide"),
        ("Stopped taking my quetiapine and I've been saving them in a jar.", "suicide"),
        ("I honestly don't expect to be around by Christmas.", "suicide"),
        ("thinking i might just check out of this life soon", "suicide"),
        ("I've made my peace and I've stopped minding the thought of not waking up.", "suicide"),
        ("I'd like to be erased, like I was never here.", "suicide"),
        ("Part of me is praying the tumour comes back so I don't have to decide.", "suicide"),
        ("I've recorded videos for my daughter's birthdays, for every year until she's 18.", "suicide"),
        ("I tell myself I deserve to bleed.", "self_harm"),
        ("What's the best concealer to cover up new cuts?", "self_harm"),
        ("I've been sterilising a razor blade and keeping it in my drawer.", "self_harm"),
        ("The only thing that calms me down is when I burn, I did it again tonight.", "self_harm"),
        ("I kept picking at my wrist till it bled last night.", "self_harm"),
        # present, not a past that is over ("that was the only time" is)
        ("The only time I feel anything is when I cut.", "self_harm"),
        ("Slammed my head into the wall till I saw stars, again.", "self_harm"),
        ("Swallowed two handfuls of whatever was in my mum's drawer.", "overdose"),
        ("Crushed all of the oxy and mixed it with juice, drinking it now.", "overdose"),
        ("I'm going to snort the whole gram in one go and see.", "overdose"),
        ("took too much of my pills, heart is racing and I feel really dizzy", "overdose"),
        ("He will not be walking home if he turns up at the wedding.", "harm_to_others"),
        ("If something happens to his car, it won't have been an accident.", "harm_to_others"),
        ("I keep thinking about stabbing my boss and I've been planning how.", "harm_to_others"),
        ("I put a crowbar in the boot. If he's at the pub tonight he's getting it.", "harm_to_others"),
        ("Been watching how people get away with murder. Taking notes.", "harm_to_others"),
        ("There's bleach in his coffee and he hasn't noticed the taste yet.", "harm_to_others"),
        ("Cut the brake lines on his van last night.", "harm_to_others"),
        ("My girlfriend broke my nose and told everyone I fell.", "abuse"),
        ("My partner decides what I wear and who I see.", "abuse"),
        ("My stepdad whacks me with his belt every time I'm late.", "abuse"),
        ("My parents made me kneel outside in the snow for hours.", "abuse"),
        ("He said if I ever tell the police he'll make sure I can't speak again.", "abuse"),
        ("My son came back from his dad's with bruises on his arm and won't talk.", "abuse"),
    ],
)
def test_signs_in_other_words_fire(text: str, category: str) -> None:
    assessment = DETECTOR.assess(text)
    assert assessment.is_crisis, text
    assert CrisisCategory(category) in {signal.category for signal in assessment.signals}, assessment.signals


@pytest.mark.parametrize(
    "text",
    [
        "I still mean to go through with it, the marathon I mean, knee or no knee.",
        "Banged my head on the car door getting in, I'm so clumsy.",
        "Please delete my account and my data when we're done.",
        "My toddler hits me when he's overtired, it's just a phase.",
        "My mum hopes the cancer doesn't come back, the scan is next week.",
        "The lads at five-a-side said they'd kick his head in at FIFA tonight.",
        "I've been cleaning a craft blade for my model railway project.",
        "My cutting board finally split after ten years.",
        "I took my Tuesday tablets twice by mistake, the pharmacist said it's fine and I feel normal.",
        "Drinking on top of my antibiotics was a bad idea, I just felt a bit sick.",
        "I wrote cards for my kids' birthdays next week, they're both in May.",
        "He spends my wages on the mortgage and we split the food shop.",
        "Thought about using it, the new blender, but the soup was fine as it was.",
        # cutting down, in a chat about change
        "I feel so much better when I cut it out completely.",
        "If I cut on weekdays I can still have a beer on Friday.",
        "I want to be bruised less after rugby, so I bought pads.",
    ],
)
def test_ordinary_sentences_that_share_their_words_stay_quiet(text: str) -> None:
    assert not DETECTOR.assess(text).is_crisis, (text, DETECTOR.assess(text).signals)


def test_someone_elses_question_answered_no_is_not_screened_but_risk_after_the_answer_is() -> None:
    """The screens read words, not who asked: "my sister asked if I'd been thinking of hurting myself" resembles
    a risk statement. Answered no, it is not screened; something about risk after the answer still is."""
    assert not detect_crisis(
        "my sister asked if I had been thinking of hurting myself. honestly no, just tired"
    ).is_crisis
    assert detect_crisis(
        "my mum asked if i was thinking of hurting myself. i said no. but ive been hiding razors"
    ).is_crisis


def test_panic_told_over_two_sentences_is_not_an_overdose_unless_something_was_taken() -> None:
    """Panic is what anxiety sessions are about: "these panic things at work. Heart going, can't breathe" had
    thrown a client into the safety path as an overdose under way. With something taken nearby it still is."""
    assert not DETECTOR.assess(
        "Got these panic spells on the bus. Chest tight, can't breathe, I have to get off."
    ).is_crisis
    assert DETECTOR.assess("I swallowed a load of tablets earlier and now I'm panicking. Can't breathe.").is_crisis
    assert DETECTOR.assess("i cant breathe").is_crisis
