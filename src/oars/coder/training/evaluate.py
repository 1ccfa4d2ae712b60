"""Scoring predictions against AnnoMI labels, and choosing per-class offsets that favour macro-F1.

The classes are imbalanced (sustain talk is a tenth of client utterances) and the project is judged by
macro-F1, which weighs every class equally. A trained network's arg-max favours frequent classes; adding
a per-class offset to the log-probabilities, chosen on *out-of-fold* predictions (never on test data),
moves the decision boundary to where macro-F1 is best. Macro-F1 is flat near its best (offsets a grid step
apart differ by a few thousandths, less than the 0.02–0.03 between folds), so the smallest offsets that come
within ``TOLERANCE`` of the best are kept: a large offset that wins by noise would not carry to new data.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np

from oars.coder.labels import HEADS, MODES
from oars.coder.training.data import NO_LABEL, Dialogue

__all__ = ["TOLERANCE", "class_f1", "collect", "macro_f1", "report", "tune_offsets"]

_GRID = np.round(np.arange(-1.5, 1.51, 0.25), 2)
TOLERANCE = 0.005  # macro-F1 given up for smaller offsets


def collect(
    dialogues: Sequence[Dialogue], predictions: Mapping[str, Mapping[str, np.ndarray]], mode: str, head: str
) -> tuple[np.ndarray, np.ndarray]:
    """Stacked ``(probabilities, targets)`` of one output over every labelled utterance."""
    probs, targets = [], []
    for dialogue in dialogues:
        target = np.asarray(dialogue.targets[head])
        keep = target != NO_LABEL
        probs.append(predictions[dialogue.transcript_id][f"{mode}.{head}"][keep])
        targets.append(target[keep])
    return np.concatenate(probs), np.concatenate(targets)


def macro_f1(targets: np.ndarray, predicted: np.ndarray, classes: int) -> float:
    return float(np.mean([class_f1(targets, predicted, c) for c in range(classes)]))


def tune_offsets(probs: np.ndarray, targets: np.ndarray, tolerance: float = TOLERANCE) -> np.ndarray:
    """Per-class log-probability offsets (first class fixed at 0): the smallest on a grid whose macro-F1
    comes within ``tolerance`` of the best the grid reaches."""
    classes = probs.shape[1]
    logp = np.log(probs + 1e-9)
    scored = [
        (macro_f1(targets, (logp + offsets).argmax(1), classes), offsets)
        for offsets in (np.array((0.0, *free)) for free in itertools.product(_GRID, repeat=classes - 1))
    ]
    best = max(score for score, _ in scored)
    near = [(np.abs(offsets).sum(), -score, offsets) for score, offsets in scored if score >= best - tolerance - 1e-9]
    return min(near, key=lambda entry: entry[:2])[2]


def report(
    dialogues: Sequence[Dialogue],
    predictions: Mapping[str, Mapping[str, np.ndarray]],
    offsets: Mapping[str, Sequence[float]] | None = None,
) -> dict[str, dict[str, object]]:
    """Macro-F1, accuracy, per-class F1 and confusion matrix for every mode and head."""
    out: dict[str, dict[str, object]] = {}
    for mode in MODES:
        for head, classes in HEADS.items():
            probs, targets = collect(dialogues, predictions, mode, head)
            shift = np.asarray(offsets.get(f"{mode}.{head}", np.zeros(len(classes)))) if offsets else 0.0
            predicted = (np.log(probs + 1e-9) + shift).argmax(1)
            confusion = np.zeros((len(classes), len(classes)), dtype=int)
            np.add.at(confusion, (targets, predicted), 1)
            out[f"{mode}.{head}"] = {
                "macro_f1": round(macro_f1(targets, predicted, len(classes)), 4),
                "accuracy": round(float(np.mean(predicted == targets)), 4),
                "per_class_f1": {name: round(class_f1(targets, predicted, c), 4) for c, name in enumerate(classes)},
                "support": len(targets),
                "classes": list(classes),
                "confusion": confusion.tolist(),
            }
    return out


def class_f1(targets: np.ndarray, predicted: np.ndarray, c: int) -> float:
    """F1 of class ``c`` against the rest."""
    tp = np.sum((predicted == c) & (targets == c))
    fp = np.sum((predicted == c) & (targets != c))
    fn = np.sum((predicted != c) & (targets == c))
    return 0.0 if tp == 0 else float(2 * tp / (2 * tp + fp + fn))
