"""The scoring and offset choice behind the shipped model's decision offsets (no PyTorch needed)."""

from __future__ import annotations

import numpy as np
import pytest

from oars.coder.labels import HEADS, MODES
from oars.coder.training.data import NO_LABEL, Dialogue, split_folds
from oars.coder.training.evaluate import macro_f1, report, tune_offsets


def _probs(rows: list[tuple[float, float]]) -> np.ndarray:
    return np.asarray(rows, dtype=np.float64)


def test_an_offset_that_clearly_helps_the_rare_class_is_chosen() -> None:
    # class 1 is rare and the network underrates it: its true rows score 0.4, the others 0.1
    probs = _probs([(0.9, 0.1)] * 90 + [(0.6, 0.4)] * 10)
    targets = np.array([0] * 90 + [1] * 10)
    offsets = tune_offsets(probs, targets)
    assert offsets[0] == 0.0
    assert offsets[1] > 0
    assert macro_f1(targets, (np.log(probs) + offsets).argmax(1), 2) == pytest.approx(1.0)


def test_a_large_offset_that_wins_by_a_hair_gives_way_to_no_offset() -> None:
    rng = np.random.default_rng(0)
    p1 = rng.uniform(0.05, 0.95, 400)
    targets = (rng.uniform(size=400) < p1).astype(int)  # calibrated: no offset is about as good as any
    probs = np.stack([1 - p1, p1], axis=1)
    scores = {
        float(o): macro_f1(targets, (np.log(probs) + np.array((0.0, o))).argmax(1), 2)
        for o in np.arange(-1.5, 1.51, 0.25)
    }
    best = max(scores.values())
    chosen = tune_offsets(probs, targets)
    assert scores[float(chosen[1])] >= best - 0.005
    assert abs(chosen[1]) <= min(abs(o) for o, s in scores.items() if s >= best - 0.005) + 1e-9
    assert tune_offsets(probs, targets, tolerance=0.0)[1] == max(scores, key=lambda o: (scores[o], -abs(o)))


def _dialogue(tid: str, quality: str, talk: list[int]) -> Dialogue:
    targets = {head: tuple([0] * len(talk)) for head in HEADS}
    targets["talk"] = tuple(talk)
    return Dialogue(tid, quality, "", tuple("x" for _ in talk), tuple(1 for _ in talk), targets)


def test_report_scores_only_labelled_utterances_with_offsets_applied() -> None:
    dialogue = _dialogue("a", "high", [0, 1, 2, NO_LABEL])
    talk = np.array([[0.5, 0.4, 0.1], [0.2, 0.7, 0.1], [0.3, 0.4, 0.3], [0.9, 0.05, 0.05]])
    uniform = {f"{mode}.{head}": np.full((4, len(c)), 1 / len(c)) for mode in MODES for head, c in HEADS.items()}
    predictions = {"a": uniform}
    predictions["a"]["bi.talk"] = talk
    plain = report([dialogue], predictions)["bi.talk"]
    assert plain["support"] == 3
    assert plain["confusion"] == [[1, 0, 0], [0, 1, 0], [0, 1, 0]]
    shifted = report([dialogue], predictions, {"bi.talk": [0.0, 0.0, 0.5]})["bi.talk"]
    assert shifted["macro_f1"] == 1.0


def test_folds_split_by_transcript_and_every_fold_gets_low_quality_mi() -> None:
    dialogues = [_dialogue(str(i), "high" if i < 20 else "low", [1]) for i in range(25)]
    folds = split_folds(dialogues, 5, seed=0)
    ids = [tid for fold in folds for tid in fold]
    assert sorted(ids) == sorted(d.transcript_id for d in dialogues)
    assert all(any(int(tid) >= 20 for tid in fold) for fold in folds)
    assert split_folds(dialogues, 5, seed=0) == folds
