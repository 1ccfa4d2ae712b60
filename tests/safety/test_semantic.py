"""The semantic crisis screen: a sentence encoder and a small network, asked only about what the rules and
the n-gram screen passed; it adds a moderate signal, never removes one, and fails loudly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from oars.errors import ModelError
from oars.safety import CrisisDetector, Severity, default_detector
from oars.safety.evaluation import load_examples
from oars.safety.screen import ScreenHit
from oars.safety.semantic import SEMANTIC_DIR, SemanticScreen

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def semantic() -> SemanticScreen:
    return SemanticScreen().load()


def test_vectors_are_unit_length_sentence_embeddings(semantic: SemanticScreen) -> None:
    vectors = semantic.embed(["I want to stop drinking.", "I want to quit drinking.", "The train was late again."])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    similar, unrelated = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
    assert similar > 0.8 and unrelated < 0.5  # it reads meaning: a paraphrase is close, another topic is not
    assert semantic.embed([]).shape == (0, 384)


def test_the_shipped_head_matches_its_record(semantic: SemanticScreen) -> None:
    record = json.loads((SEMANTIC_DIR / "model.json").read_text(encoding="utf-8"))
    assert semantic.threshold == pytest.approx(record["threshold"])
    assert 0.5 < semantic.threshold < 1
    assert "none" in semantic.classes and "suicide" in semantic.classes


def test_it_separates_the_statements_it_learnt_from(semantic: SemanticScreen) -> None:
    """Far better than chance on its training sets (held-out figures: bench/bench_crisis.py)."""
    positives = load_examples(DATA / "positives.jsonl")
    negatives = load_examples(DATA / "hard_negatives.jsonl")
    caught = np.mean([semantic.check(e.text) is not None for e in positives])
    raised = np.mean([semantic.check(e.text) is not None for e in negatives])
    assert caught > 0.5 and raised < 0.02


def test_someone_elses_risk_is_not_scored(semantic: SemanticScreen) -> None:
    assert semantic.strongest("My dad wants to kill himself and I don't know what to do.") is None
    hit = semantic.strongest("My dad wants to kill himself and honestly so do I, I want to kill myself too.")
    assert hit is not None and hit.category == "suicide"


def test_short_messages_are_not_scored(semantic: SemanticScreen) -> None:
    assert semantic.strongest("") is None
    assert semantic.strongest("kill me") is None  # the rules read two-word messages; a screen does not


class _Always:
    """A screen that would flag anything, recording what it was asked about."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def check(self, text: str) -> ScreenHit:
        self.asked.append(text)
        return ScreenHit("suicide", 0.99, text)


def test_the_detector_asks_it_last_and_only_about_risk_words() -> None:
    always = _Always()
    detector = CrisisDetector(semantic=always)
    assert not detector.assess("I made pasta for tea and watched the football with my sister.").is_crisis
    assert always.asked == []  # nothing in the risk field: no screen is asked
    ruled = detector.assess("I'm going to kill myself tonight")
    assert always.asked == [] and "semantic" not in ruled.signals[0].reason  # the rules decided
    text = "the bridge on my way home has been on my mind a lot lately"
    assert not CrisisDetector().assess(text).is_crisis  # the rules pass it...
    (signal,) = detector.assess(text).signals  # ...so the semantic screen is asked, and may only add
    assert always.asked == [text]
    assert signal.severity is Severity.MODERATE and "semantic screen" in signal.reason
    first = _Always()
    CrisisDetector(screen=first, semantic=always).assess(text)
    assert first.asked == [text] and always.asked == [text]  # the n-gram screen first; it fired, so no more


def test_the_default_detector_carries_both_screens() -> None:
    detector = default_detector()
    assert [name for _, name in detector._screens] == ["learned screen", "semantic screen"]


def test_a_missing_or_damaged_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no semantic crisis screen"):
        SemanticScreen(tmp_path).check("some days I wonder if anyone would notice")
    (tmp_path / "encoder.onnx").write_bytes(b"not a model")
    (tmp_path / "tokenizer.json").write_text((SEMANTIC_DIR / "tokenizer.json").read_text(encoding="utf-8"))
    with pytest.raises(ModelError, match="damaged"):
        SemanticScreen(tmp_path).check("some days I wonder if anyone would notice")
    np.savez(tmp_path / "head.npz", classes=np.array(["none"]))
    with pytest.raises(ModelError, match="damaged"):
        SemanticScreen(tmp_path).threshold  # noqa: B018 - loading is the point
