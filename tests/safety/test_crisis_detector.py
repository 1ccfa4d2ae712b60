"""The crisis detector: catches every risk statement in the evaluation set, rarely fires on hard negatives,
scopes negation, rates severity sensibly, uses context, and never crashes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from oars.safety import (
    CrisisAssessment,
    CrisisCategory,
    CrisisDetector,
    CrisisSignal,
    Severity,
    detect_crisis,
)
from oars.safety.evaluation import evaluate, load_examples, split_dev_held
from oars.safety.patterns import RULES

DATA = Path(__file__).parent / "data"
POSITIVES = load_examples(DATA / "positives.jsonl")
NEGATIVES = load_examples(DATA / "hard_negatives.jsonl")
# Written after tuning began and tuned on, so never a measure of generalisation: a regression guard.
PROBES = load_examples(DATA / "tuning_probes.jsonl")


# --- the evaluation sets ----------------------------------------------------------------------------


def test_the_sets_are_big_varied_and_disjoint() -> None:
    assert len(POSITIVES) >= 250
    assert len(NEGATIVES) >= 250
    assert all(example.category is not None for example in POSITIVES)
    assert all(example.category is None for example in NEGATIVES)
    for category in CrisisCategory:
        assert sum(example.category is category for example in POSITIVES) >= 25, category
    texts = [example.text for example in (*POSITIVES, *NEGATIVES)]
    assert len(set(texts)) == len(texts)


def test_every_risk_statement_is_caught() -> None:
    result = evaluate(CrisisDetector(), POSITIVES)
    assert [example.text for example in result.misses] == []


def test_caught_statements_carry_their_category() -> None:
    result = evaluate(CrisisDetector(), POSITIVES)
    assert result.category_accuracy >= 0.95, [(e.category, e.text) for e in result.wrong_category]


def test_false_alarms_on_hard_negatives_stay_under_five_percent() -> None:
    result = evaluate(CrisisDetector(), NEGATIVES)
    assert result.false_alarm_rate < 0.05, [example.text for example in result.false_alarms]


def test_the_tuning_probes_still_pass() -> None:
    result = evaluate(CrisisDetector(), PROBES)
    assert [example.text for example in result.misses] == []
    assert result.false_alarm_rate < 0.05, [example.text for example in result.false_alarms]


@pytest.mark.parametrize("half", [0, 1], ids=["dev", "held"])
def test_each_half_meets_the_bar_on_its_own(half: int) -> None:
    examples = split_dev_held(POSITIVES)[half] + split_dev_held(NEGATIVES)[half]
    result = evaluate(CrisisDetector(), examples)
    assert result.recall == 1.0
    assert result.false_alarm_rate < 0.05


# --- the requirements, one by one ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I'm not okay, I want to kill myself", CrisisCategory.SUICIDE),
        ("I don't want to live anymore", CrisisCategory.SUICIDE),
        ("I'm not suicidal or anything, but I wish I could sleep and not wake up.", CrisisCategory.SUICIDE),
        ("i dont want to be here anymore", CrisisCategory.SUICIDE),
        ("wanna die", CrisisCategory.SUICIDE),
        ("kil myself", CrisisCategory.SUICIDE),
        ("im suicidle", CrisisCategory.SUICIDE),
        ("I WANT TO DIEEEEE 😭😭", CrisisCategory.SUICIDE),
        ("i   want  to\tkill\n myself", CrisisCategory.SUICIDE),
        ("k!ll mys3lf", CrisisCategory.SUICIDE),
        ("ｉ ｗａｎｔ ｔｏ ｄｉｅ", CrisisCategory.SUICIDE),
        ("I’m going to kill myself", CrisisCategory.SUICIDE),
        ("kms", CrisisCategory.SUICIDE),
        ("i should just kys", CrisisCategory.SUICIDE),
        ("I want to unalive myself", CrisisCategory.SUICIDE),
        ("thinking about ctb", CrisisCategory.SUICIDE),
        ("sewerslide", CrisisCategory.SUICIDE),
        ("I want to disappear forever", CrisisCategory.SUICIDE),
        ("Everyone would be better off without me", CrisisCategory.SUICIDE),
        ("How many pills would it take to kill me?", CrisisCategory.SUICIDE),
        ("What's the tallest bridge near me?", CrisisCategory.SUICIDE),
        ("I cut myself again last night", CrisisCategory.SELF_HARM),
        ("I used to self-harm, and last night I did it again, I cut myself", CrisisCategory.SELF_HARM),
        ("I took a whole bottle of pills", CrisisCategory.OVERDOSE),
        ("I can't breathe", CrisisCategory.OVERDOSE),
        ("My character has decided to end his life tonight and so have I.", CrisisCategory.SUICIDE),
        ("My brother wants to kill himself and so do I", CrisisCategory.SUICIDE),
        ("my friend wants to die. me too", CrisisCategory.SUICIDE),
        ("My friend is suicidal and so am I.", CrisisCategory.SUICIDE),
        ("I'm going to stab him", CrisisCategory.HARM_TO_OTHERS),
        ("He said he'd kill me if I leave", CrisisCategory.ABUSE),
        ("I'm afraid to go home", CrisisCategory.ABUSE),
    ],
)
def test_risk_statements_fire(text: str, category: CrisisCategory) -> None:
    assessment = detect_crisis(text)
    assert assessment.is_crisis
    assert category in assessment.categories


@pytest.mark.parametrize(
    "text",
    [
        "This exam is killing me.",
        "I could murder a pizza.",
        "I'm dying to see it.",
        "We had time to kill.",
        "I'm dead tired.",
        "That joke killed.",
        "My feet are killing me.",
        "She's drop dead gorgeous.",
        "I'd kill for a coffee.",
        "My dad died of an overdose last year.",
        "My friend killed himself and I miss him.",
        "The movie was about suicide.",
        "I killed the boss in the game.",
        "I used to self-harm as a teenager but I've been fine for 10 years.",
        "I'm not suicidal.",
        "I'd never hurt myself.",
        "No thoughts of suicide.",
        "I'm not sad or suicidal, just tired.",
        "I'm killing my lungs with these cigarettes.",
        "Smoking will kill me eventually.",
        "My doctor said I might die early if I keep smoking.",
        "I cut down to two beers.",
        "I hit the gym.",
        "What are the signs of suicide in teens?",
        "My friend wants to kill himself and so do I worry about him.",
        "My sister tried to overdose last year and I was there too.",
        "My dad wants to kill himself. I took the bus with him too.",
        "Well, I'm not sure if I want to live with my auntie and uncle.",  # where, not whether (AnnoMI)
    ],
)
def test_hard_negatives_stay_quiet(text: str) -> None:
    assert detect_crisis(text) == CrisisAssessment(is_crisis=False)


@pytest.mark.parametrize("text", ["not sure i want to live anymore", "I'm not sure I want to live like this."])
def test_unsure_about_living_still_fires_where_it_is_not_about_where(text: str) -> None:
    assert detect_crisis(text).is_crisis


def test_a_denial_does_not_cancel_a_risk_statement_in_the_next_sentence() -> None:
    assert detect_crisis("I'm not going to do anything. I have the pills saved up though.").is_crisis


@pytest.mark.parametrize(
    ("text", "is_crisis"),
    [
        ("my sister asked if I had been thinking of hurting myself. honestly no, just tired", False),
        ("she asked if i wanted to kill myself lol no im just stressed", False),
        ("my sister asked if I had been thinking about hurting myself", True),  # asked, not answered
        ("she asked if i wanted to kill myself and honestly yes", True),
        ("the nurse asked if i was hurting myself. no but i think about it", True),  # "but" takes the no back
        ("my therapist asked if I still want to die. not really but sometimes", True),
    ],
)
def test_someone_elses_question_answered_no_is_no_risk(text: str, is_crisis: bool) -> None:
    assert detect_crisis(text).is_crisis is is_crisis


def test_general_questions_do_not_fire_but_questions_about_means_do() -> None:
    assert not detect_crisis("Why do people with depression think about suicide?").is_crisis
    assert detect_crisis("How many sleeping pills is a lethal dose?").is_crisis


# --- severity ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("I'm going to kill myself tonight", Severity.IMMINENT),
        ("I have the pills right here in front of me", Severity.IMMINENT),
        ("I have a plan to end things", Severity.IMMINENT),
        ("I'm going to cut myself tonight", Severity.IMMINENT),
        ("I just took 30 of my sleeping pills", Severity.IMMINENT),
        ("I'm standing on the bridge right now", Severity.IMMINENT),
        ("I'm scared to go back home tonight", Severity.IMMINENT),
        ("I want to kill myself", Severity.HIGH),
        ("I cut myself again last night", Severity.HIGH),
        ("My husband hits me", Severity.HIGH),
        ("I wish I was dead", Severity.HIGH),
        ("Everyone would be better off without me", Severity.MODERATE),
        ("I wish I could sleep and not wake up", Severity.MODERATE),
    ],
)
def test_severity(text: str, severity: Severity) -> None:
    assert detect_crisis(text).highest_severity is severity


def test_severity_orders_by_urgency_not_alphabet() -> None:
    assert Severity.MODERATE < Severity.HIGH < Severity.IMMINENT
    assert max([Severity.IMMINENT, Severity.MODERATE, Severity.HIGH]) is Severity.IMMINENT
    assert Severity.HIGH == "high"


def test_a_moderate_signal_repeated_from_earlier_messages_becomes_high() -> None:
    text = "Honestly everyone would be better off without me."
    earlier = ["I've been drinking a lot.", "Nobody would even notice if I was gone."]
    assert detect_crisis(text).highest_severity is Severity.MODERATE
    repeated = detect_crisis(text, context=earlier)
    assert repeated.highest_severity is Severity.HIGH
    assert "repeated" in repeated.signals[0].reason
    assert detect_crisis(text, context=["I've been drinking a lot."]).highest_severity is Severity.MODERATE


def test_context_may_be_a_single_string_or_contain_junk() -> None:
    text = "I wish I could sleep and not wake up."
    assert detect_crisis(text, context="I wish I was never born").highest_severity is Severity.HIGH
    assert detect_crisis(text, context=[None, "", 42]).is_crisis  # type: ignore[list-item]


# --- the shape of the answer -----------------------------------------------------------------------


def test_signals_quote_the_clients_own_words() -> None:
    for example in POSITIVES:
        for signal in detect_crisis(example.text).signals:
            assert signal.evidence and signal.evidence in example.text, (example.text, signal)
            assert signal.reason


def test_evidence_names_who_is_doing_the_hurting() -> None:
    (signal,) = detect_crisis("honestly my husband hits me when he drinks").signals
    assert signal == CrisisSignal(CrisisCategory.ABUSE, Severity.HIGH, "my husband hits me", signal.reason)


def test_signals_come_most_urgent_first_with_categories_once_each() -> None:
    assessment = detect_crisis("I wish I was never born. I'm standing on the bridge right now. I want to die.")
    severities = [signal.severity for signal in assessment.signals]
    assert severities == sorted(severities, reverse=True)
    assert assessment.categories == (CrisisCategory.SUICIDE,)
    assert assessment.highest_severity is Severity.IMMINENT


def test_an_assessment_cannot_contradict_itself() -> None:
    signal = CrisisSignal(CrisisCategory.SUICIDE, Severity.HIGH, "kms", "slang")
    with pytest.raises(ValueError, match="contradicts"):
        CrisisAssessment(is_crisis=True)
    with pytest.raises(ValueError, match="contradicts"):
        CrisisAssessment(is_crisis=False, signals=(signal,))


def test_no_crisis_has_no_signals_or_severity() -> None:
    assessment = detect_crisis("I cut down to two beers a night.")
    assert assessment == CrisisAssessment(is_crisis=False, signals=())
    assert assessment.highest_severity is None
    assert assessment.categories == ()


# --- swapping and rules ----------------------------------------------------------------------------


def test_the_detector_takes_its_rules_as_a_parameter() -> None:
    assert not CrisisDetector(rules=()).assess("I want to kill myself").is_crisis
    only_abuse = CrisisDetector(rules=[rule for rule in RULES if rule.category == "abuse"])
    assert not only_abuse.assess("I want to kill myself").is_crisis
    assert only_abuse.assess("My husband hits me").is_crisis


def test_every_rule_is_well_formed() -> None:
    for rule in RULES:
        assert CrisisCategory(rule.category) and Severity(rule.severity) and rule.reason
        assert rule.pattern.match("") is None, rule.reason
        assert "\\\\" not in rule.pattern.pattern, f"a literal backslash in {rule.reason!r}: double-escaped?"


# --- robustness (speed is measured in bench/bench_crisis.py) ---------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\t", "😭😭😭", "💀", "\x00\x01\x02\x1b[31m", "?!?!...", "'", "ﬁ", "İ" * 50, "\ud800"],
)
def test_odd_input_gets_an_answer(text: str) -> None:
    assert detect_crisis(text) == CrisisAssessment(is_crisis=False)


def test_none_bytes_and_other_objects_get_an_answer() -> None:
    assert not detect_crisis(None).is_crisis  # type: ignore[arg-type]
    assert detect_crisis(b"I want to kill myself").is_crisis  # type: ignore[arg-type]
    assert not detect_crisis(12345).is_crisis  # type: ignore[arg-type]


def test_a_ten_thousand_character_paste_is_assessed_whole() -> None:
    """The rules' scoping on a paste (the learned screen, which scores every sentence of a paste made only
    of hard negatives, may well fire on one of them: that is what it is for)."""
    rules = CrisisDetector()
    filler = " ".join(example.text for example in NEGATIVES)[:5_000]
    filler = filler[: filler.rindex(". ") + 1]  # whole sentences only
    paste = f"{filler} I'm going to kill myself tonight. {filler}"[:10_000]
    assert not rules.assess(filler).is_crisis
    assert rules.assess(paste).highest_severity is Severity.IMMINENT
    assert detect_crisis(paste).highest_severity is Severity.IMMINENT


def test_random_garbage_never_crashes() -> None:
    rng = random.Random(20240501)
    alphabet = "abcdefghijklmnopqrstuvwxyz      .,!?'’-*@$0123456789\n\t😭💀éßİ\u200b\x00"
    words = [example.text for example in POSITIVES[:40]] + ["not", "never", "my husband", "kill", "die"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400)))
        text += " ".join(rng.choice(words) for _ in range(rng.randrange(0, 4)))
        assessment = detect_crisis(text)
        assert all(signal.evidence in text for signal in assessment.signals)


@pytest.mark.parametrize(
    ("text", "is_crisis"),
    [
        # an ultimatum about the client's own habit is not a threat to stop them leaving or telling
        ("my wife says if i dont stop she is going to take the kids to her mothers", False),
        ("he said if i leave he will take the kids", True),
        # thrown out of the house is not being hurt; being kicked is
        ("had an awful row with my mum and shes kicked me out. im at my mates", False),
        ("he kicked me out and then kicked me again", True),
        ("he kicked me in the stomach", True),
        # a co-parent keeping the child overnight is custody, not control
        ("my daughters mom wont let me have her overnight until probation is done", False),
        ("my husband wont let me have my own money", True),
    ],
)
def test_family_conflict_that_is_not_abuse_stays_quiet(text: str, is_crisis: bool) -> None:
    assert CrisisDetector().assess(text).is_crisis is is_crisis
