"""The learned crisis screen: loads the shipped weights, adds only what the rules missed, fails loudly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from oars.errors import ModelError
from oars.safety import CrisisCategory, CrisisDetector, Severity, default_detector, detect_crisis
from oars.safety.evaluation import load_examples
from oars.safety.screen import N_FEATURES, LearnedScreen, canonical, featurise

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def screen() -> LearnedScreen:
    return LearnedScreen()


def test_features_are_normalised_hashed_ngrams() -> None:
    indices, values = featurise(canonical("I want to die"))
    assert len(indices) == len(values) > 10
    assert indices.min() >= 0 and indices.max() < N_FEATURES
    assert np.linalg.norm(values) == pytest.approx(1.0, abs=1e-5)
    assert [len(part) for part in featurise("")] == [0, 0]


def test_the_shipped_screen_separates_its_training_sets(screen: LearnedScreen) -> None:
    """On the sets it learnt from it must be far better than chance (held-out figures: bench_crisis). Its
    threshold is set by the alarms it may raise on ordinary chat (about 0.97), so alone it catches a little
    under 0.6 of these; the rules catch the rest."""
    positives = load_examples(DATA / "positives.jsonl")
    negatives = load_examples(DATA / "hard_negatives.jsonl")
    caught = np.mean([screen.check(example.text) is not None for example in positives])
    raised = np.mean([screen.check(example.text) is not None for example in negatives])
    assert 0.5 < screen.threshold < 1
    assert caught > 0.55 and raised < 0.05


def test_the_screen_finds_a_risk_the_rules_have_no_words_for(screen: LearnedScreen) -> None:
    text = "Gave my guitar and my playstation to my nephew. Won't be needing them where I'm going."
    hit = screen.strongest(text)
    assert hit is not None and hit.category == CrisisCategory.SUICIDE


def test_it_only_adds_a_moderate_signal_and_never_removes_one(screen: LearnedScreen) -> None:
    rules = CrisisDetector()
    both = CrisisDetector(screen=screen)
    for text in ("I'm going to kill myself tonight", "my husband hits me when he drinks"):
        assert both.assess(text) == rules.assess(text)
    ordinary = "I've cut down to two cigarettes a day and I feel better for it."
    assert not both.assess(ordinary).is_crisis
    missed = [e.text for e in load_examples(DATA / "positives.jsonl") if not rules.assess(e.text).is_crisis]
    flagged = [both.assess(text) for text in missed]
    for assessment in flagged:
        if assessment.is_crisis:
            (signal,) = assessment.signals
            assert signal.severity is Severity.MODERATE and "learned screen" in signal.reason


def test_the_default_detector_carries_the_screen() -> None:
    # A message the rules have no pattern for but which reads like the risk statements it learnt.
    rules = CrisisDetector()
    text = "Gave my guitar and my playstation to my nephew. Won't be needing them where I'm going."
    if rules.assess(text).is_crisis:
        pytest.skip("the rules have learnt this one")
    assert default_detector().assess(text).is_crisis


def test_a_missing_or_damaged_screen_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no learned crisis screen"):
        LearnedScreen(tmp_path / "absent.npz").check("hello there, how are you")
    damaged = tmp_path / "damaged.npz"
    np.savez(damaged, classes=np.array(["none"]))
    with pytest.raises(ModelError, match="damaged"):
        LearnedScreen(damaged).check("hello there, how are you")


def test_empty_and_enormous_messages(screen: LearnedScreen) -> None:
    assert screen.check("") is None and screen.check("   ") is None
    assert screen.check("😭😭😭") is None
    paste = "I went to the shop and bought some bread. " * 300
    assert screen.check(paste) is None


@pytest.mark.parametrize(
    "text",
    [
        "I want to feel like myself again.",
        "Yeah. I just want to feel normal again.",
        "Part of me thinks I want to feel like myself again. Also, the school emails me every week.",
        "I'd like to be healthy again one day.",
    ],
)
def test_a_wish_to_feel_well_again_is_change_talk_not_risk(screen: LearnedScreen, text: str) -> None:
    assert screen.check(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I want to feel like myself again. I want to die.",
        "i want to go to sleep and never wake up",
        "I just want to not be here anymore.",
    ],
)
def test_the_wish_guard_leaves_risk_beside_it_alone(text: str) -> None:
    assert detect_crisis(text).is_crisis


@pytest.mark.parametrize(
    "text",
    [
        "I think I'll leave it there for now",
        "ok. I'll leave it there for today.",
        "Let's stop there for now.",
        "Thanks, I think I'll call it a day",
        "cheers. I'll stop here for tonight",
    ],
)
def test_closing_the_conversation_is_not_risk(screen: LearnedScreen, text: str) -> None:
    assert screen.check(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I'll leave it there for now. I won't be around much longer anyway.",
        "I think I'll end it tonight",
        "I'll stop here for good. Nobody will miss me.",
    ],
)
def test_the_closing_guard_leaves_risk_beside_it_alone(text: str) -> None:
    assert detect_crisis(text).is_crisis


@pytest.mark.parametrize("text", ["bye", "goodbye", "Bye x", "ok bye"])
def test_a_one_or_two_word_goodbye_is_not_scored(screen: LearnedScreen, text: str) -> None:
    assert screen.strongest(text) is None
    assert not default_detector().assess(text).is_crisis


@pytest.mark.parametrize(
    "text",
    [
        "I'm scared I'll have an attack in front of people",
        "when the panic starts my heart races and I think I'm going to pass out",
    ],
)
def test_panic_and_its_symptoms_are_not_risk(text: str) -> None:
    assert not default_detector().assess(text).is_crisis
