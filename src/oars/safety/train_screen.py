"""Reproduce ``screen.npz``, the learned crisis screen: ``python -m oars.safety.train_screen``.

Training data: the risk statements, hard negatives and tuning probes in ``tests/safety/data`` (labelled
by category, ``null`` for "must not fire") and, as class ``none``, every AnnoMI utterance the rules find
no risk in. The threshold is chosen on out-of-fold probabilities (5 folds; AnnoMI grouped by transcript):
the lowest one at which the screen alone raises at most ``--max-false-alarms`` of the hard negatives
and ``--max-ordinary-alarms`` of ordinary AnnoMI talk that the rules leave alone. It needs
scikit-learn (``pip install -e ".[train]"``) and takes about a minute on two cores.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from oars.safety.detector import CrisisDetector
from oars.safety.evaluation import load_examples
from oars.safety.screen import N_FEATURES, SCREEN_PATH, LearnedScreen, canonical, featurise

__all__ = ["Corpus", "fit", "load_corpus", "main"]

ROOT = Path(__file__).resolve().parents[3]
SAFETY_DATA = ROOT / "tests" / "safety" / "data"
ANNOMI = ROOT.parent / "shared" / "data" / "annomi" / "AnnoMI-simple.train.csv"
THRESHOLDS = tuple(np.round(np.arange(0.5, 0.996, 0.005), 3))


@dataclass(frozen=True, slots=True)
class Corpus:
    """Texts with a class (a crisis category or ``none``), a group for folding, and where each came from."""

    texts: list[str]
    labels: list[str]
    groups: list[str]
    sources: list[str]  # "risk", "hard_negative" or "annomi"


def load_corpus(safety_data: Path = SAFETY_DATA, annomi: Path = ANNOMI) -> Corpus:
    corpus = Corpus([], [], [], [])
    for name in ("positives.jsonl", "hard_negatives.jsonl", "tuning_probes.jsonl"):
        for number, example in enumerate(load_examples(safety_data / name)):
            if example.category is None:
                _add(corpus, example.text, "none", f"{name}:{number}", "hard_negative")
            else:
                _add(corpus, example.text, example.category.value, f"{name}:{number}", "risk")
    rules = CrisisDetector()  # the rules alone: the screen must not pick its own training data
    with annomi.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = row["utterance_text"]
            if text.strip() and not rules.assess(text).is_crisis:
                _add(corpus, text, "none", f"annomi:{row['transcript_id']}", "annomi")
    return corpus


def _add(corpus: Corpus, text: str, label: str, group: str, source: str) -> None:
    corpus.texts.append(text)
    corpus.labels.append(label)
    corpus.groups.append(group)
    corpus.sources.append(source)


def fit(texts: Sequence[str], labels: Sequence[str], *, c: float, threshold: float = 0.5) -> LearnedScreen:
    """A screen fitted on ``texts`` (class weights balanced: risk statements are the rare class)."""
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(matrix(texts), list(labels))
    coef = np.ascontiguousarray(model.coef_.T.astype(np.float32))
    return LearnedScreen.from_weights(coef, model.intercept_.astype(np.float32), tuple(model.classes_), threshold)


def matrix(texts: Sequence[str]) -> sparse.csr_matrix:
    """The screen's features of ``texts`` as one sparse matrix, the way scikit-learn takes them."""
    rows = [featurise(canonical(text)) for text in texts]
    indptr = np.cumsum([0, *(len(indices) for indices, _ in rows)])
    indices = np.concatenate([indices for indices, _ in rows])
    values = np.concatenate([values for _, values in rows])
    return sparse.csr_matrix((values, indices, indptr), shape=(len(rows), N_FEATURES))


def out_of_fold_risk(corpus: Corpus, *, c: float, folds: int = 5) -> np.ndarray:
    """For every text, the risk the screen gives it when trained on the other folds (sentence-level max)."""
    risk = np.zeros(len(corpus.texts))
    for train, test in GroupKFold(n_splits=folds).split(corpus.texts, corpus.labels, corpus.groups):
        screen = fit([corpus.texts[i] for i in train], [corpus.labels[i] for i in train], c=c)
        for i in test:
            hit = screen.strongest(corpus.texts[i])
            risk[i] = hit.probability if hit else 0.0
    return risk


def choose_threshold(corpus: Corpus, risk: np.ndarray, *, max_false: float, max_ordinary: float) -> float:
    sources = np.array(corpus.sources)
    for threshold in THRESHOLDS:
        flagged = risk >= threshold
        false, ordinary = flagged[sources == "hard_negative"].mean(), flagged[sources == "annomi"].mean()
        if false <= max_false and ordinary <= max_ordinary:
            return float(threshold)
    return float(THRESHOLDS[-1])


def save(screen: LearnedScreen, path: Path) -> None:
    coef, intercept, classes, threshold = screen.weights
    features = np.flatnonzero(np.abs(coef).sum(axis=1))  # n-grams never seen in training weigh nothing
    np.savez_compressed(
        path,
        features=features.astype(np.int32),
        weights=coef[features].astype(np.float16),
        intercept=intercept,
        classes=np.array(classes),
        threshold=np.array(threshold),
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SCREEN_PATH)
    parser.add_argument("--annomi", type=Path, default=ANNOMI)
    parser.add_argument("--c", type=float, default=8.0)
    parser.add_argument("--max-false-alarms", type=float, default=0.04)
    parser.add_argument("--max-ordinary-alarms", type=float, default=0.002)
    args = parser.parse_args(argv)
    corpus = load_corpus(annomi=args.annomi)
    risk = out_of_fold_risk(corpus, c=args.c)
    threshold = choose_threshold(corpus, risk, max_false=args.max_false_alarms, max_ordinary=args.max_ordinary_alarms)
    sources = np.array(corpus.sources)
    flagged = risk >= threshold
    print(f"{len(corpus.texts)} texts; out-of-fold at threshold {threshold:.2f}:")
    for source in ("risk", "hard_negative", "annomi"):
        print(f"  {source:14} flagged {flagged[sources == source].mean():.3f} (n={int((sources == source).sum())})")
    screen = fit(corpus.texts, corpus.labels, c=args.c, threshold=threshold)
    save(screen, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
