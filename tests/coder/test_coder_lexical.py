"""The lexical behaviour model: scikit-learn's reading reproduced in numpy, and mixed into the shipped coder."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from oars.coder import Coder
from oars.coder.labels import HEADS
from oars.coder.lexical import LEXICAL_FILE, LexicalModel, blend
from oars.coder.model import DEFAULT_MODEL_DIR, CoderModel
from oars.coder.training.data import Dialogue
from oars.coder.training.lexical import as_lexical, fit_lexical, fit_pipeline
from oars.errors import ModelError

BEHAVIOURS = list(HEADS["behaviour"])
CORPUS = [
    ("So you feel torn about drinking.", "reflection"),
    ("You feel that drinking helps you relax, and you're worried too.", "reflection"),
    ("It sounds like you're worried about your health.", "reflection"),
    ("You're not sure it's a problem.", "reflection"),
    ("What would you like to talk about today?", "question"),
    ("What do you like about drinking?", "question"),
    ("How would you like things to be different?", "question"),
    ("How do you feel about that?", "question"),
    ("Drinking raises your blood pressure.", "input"),
    ("I'd suggest you talk to your doctor about your blood pressure.", "input"),
    ("Some people find it helps to talk to your doctor.", "input"),
    ("The guideline is fourteen units a week.", "input"),
    ("Thank you for coming in today.", "other"),
    ("Okay, thank you.", "other"),
    ("Mm-hmm.", "other"),
    ("Okay. Hi.", "other"),
]
PROBES = [
    "So you feel that it helps.",
    "WHAT would you like? What, what, what!",
    "Café crème — you're worried, you're WORRIED.",
    "Completely unseen words here",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def fitted():
    texts, labels = zip(*CORPUS, strict=True)
    return fit_pipeline(texts, [BEHAVIOURS.index(label) for label in labels])


def test_numpy_model_reads_text_exactly_as_scikit_learn_does(fitted) -> None:
    vectoriser, regression = fitted
    ours = as_lexical(vectoriser, regression).log_probabilities(PROBES)
    theirs = regression.predict_log_proba(vectoriser.transform(PROBES))
    np.testing.assert_allclose(ours, theirs, atol=1e-5)


def test_saved_model_loads_to_the_same_numbers(fitted, tmp_path) -> None:
    model = as_lexical(*fitted)
    model.save(tmp_path / LEXICAL_FILE)
    again = LexicalModel.load(tmp_path / LEXICAL_FILE)
    assert again.vocabulary == model.vocabulary
    np.testing.assert_allclose(again.log_probabilities(PROBES), model.log_probabilities(PROBES), atol=1e-6)


def test_fitting_needs_every_behaviour() -> None:
    texts = ("How are you?", "So you feel low.", "How is work?", "You feel stuck.")
    dialogue = Dialogue("1", "high", "alcohol", texts, (0, 0, 0, 0), {"behaviour": (1, 0, 1, 0)} | _no_other_heads(4))
    with pytest.raises(ValueError, match="every behaviour class"):
        fit_lexical([dialogue])


def test_blend_weighs_the_two_readings() -> None:
    network = np.log(np.array([[0.7, 0.1, 0.1, 0.1]], dtype=np.float32)) + 3.0  # logits: any shift
    lexical = np.log(np.array([[0.1, 0.7, 0.1, 0.1]], dtype=np.float32))
    assert blend(network, lexical, 0.0).argmax() == 0
    assert blend(network, lexical, 1.0).argmax() == 1
    even = blend(network, lexical, 0.5)
    assert even[0, 0] == pytest.approx(even[0, 1], abs=1e-5)


def test_shipped_lexical_model_reads_the_plain_cases() -> None:
    model = LexicalModel.load(DEFAULT_MODEL_DIR / LEXICAL_FILE)
    codes = model.log_probabilities(
        [
            "What brings you here today?",
            "It sounds like you're feeling pretty frustrated with yourself.",
            "Research shows that heavy drinking raises your risk of cancer.",
            "Thank you for coming in.",
        ]
    ).argmax(1)
    assert [BEHAVIOURS[c] for c in codes] == ["question", "reflection", "input", "other"]


def test_shipped_coder_vectors_carry_the_lexical_reading(coder: Coder) -> None:
    texts = ["What brings you here today?", "You're worried about your kids."]
    vectors = coder.model.encode(texts)
    assert vectors.shape == (2, coder.model.dim + len(BEHAVIOURS))
    lexical = LexicalModel.load(DEFAULT_MODEL_DIR / LEXICAL_FILE)
    np.testing.assert_allclose(vectors[:, coder.model.dim :], lexical.log_probabilities(texts), atol=1e-6)
    one = coder.model.encode(texts[:1], batch=1)[0]  # live coding's path gives the same reading
    np.testing.assert_allclose(one[coder.model.dim :], vectors[0, coder.model.dim :], atol=1e-6)


def test_the_mix_changes_behaviour_decisions_and_an_older_model_still_loads(tmp_path) -> None:
    folder = _copy_model(tmp_path / "older", drop_lexical=True)
    older, shipped = CoderModel(folder), CoderModel(DEFAULT_MODEL_DIR)
    assert older.width == older.dim
    texts = ["So drinking helps you unwind.", "Have you thought about cutting down?", "Mm-hmm."]
    speakers = [False, False, False]
    plain = older.heads(older.encode(texts), speakers, "bi")
    mixed = shipped.heads(shipped.encode(texts), speakers, "bi")
    assert not np.allclose(plain["behaviour"], mixed["behaviour"], atol=1e-3)
    np.testing.assert_allclose(plain["talk"], mixed["talk"], atol=1e-5)  # only its own head is mixed


def test_a_corrupt_or_mislabelled_lexical_model_is_a_model_error(tmp_path) -> None:
    folder = _copy_model(tmp_path / "corrupt")
    (folder / LEXICAL_FILE).write_bytes(b"not an archive")
    with pytest.raises(ModelError, match=f"cannot load .*{LEXICAL_FILE}"):
        CoderModel(folder)
    folder = _copy_model(tmp_path / "head")
    meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    meta["lexical"]["head"] = "mood"
    (folder / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="unknown head"):
        CoderModel(folder)


def _copy_model(folder, *, drop_lexical: bool = False):
    folder.mkdir(parents=True)
    for path in DEFAULT_MODEL_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    if drop_lexical:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        del meta["lexical"]
        (folder / "model.json").write_text(json.dumps(meta), encoding="utf-8")
        (folder / LEXICAL_FILE).unlink()
    return folder


def _no_other_heads(length: int) -> dict[str, tuple[int, ...]]:
    return {head: (-100,) * length for head in HEADS if head != "behaviour"}
