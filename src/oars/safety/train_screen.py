"""Reproduce ``screen.npz``, the learned crisis screen: ``python -m oars.safety.train_screen``.

Training data: the risk statements, hard negatives and tuning probes in ``tests/safety/data`` (labelled
by category, ``null`` for "must not fire"); more of both, written for training only, in
``data/crisis/screen_train_*.jsonl`` and the development sets ``data/crisis_dev*`` (never the held-out sets
next to them); and, as class ``none``,
every AnnoMI utterance the rules find no risk in, every line the practice personas can say (they hold
no crisis content by design; without them the screen read depression change talk such as "I want to feel
like myself again" as suicide risk) and every ordinary line of the scripted clients (``data/scripts``).
The threshold is chosen on out-of-fold probabilities (5 folds; AnnoMI grouped by transcript, personas by
persona, scripts by topic): the lowest one at which the screen alone raises at most ``--max-false-alarms``
of the hard negatives and ``--max-ordinary-alarms`` of ordinary talk that the rules leave alone, in
AnnoMI, the personas' lines and the scripts each. It needs scikit-learn (``pip install -e ".[train]"``)
and takes about three minutes on two cores.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from oars.safety.detector import CrisisDetector
from oars.safety.evaluation import DEVELOPMENT_SETS, load_examples
from oars.safety.screen import N_FEATURES, SCREEN_PATH, LearnedScreen, canonical, featurise

__all__ = ["Corpus", "fit", "load_corpus", "main"]

ROOT = Path(__file__).resolve().parents[3]
SAFETY_DATA = ROOT / "tests" / "safety" / "data"
TRAIN_ONLY = ROOT / "data" / "crisis"  # screen_train_*.jsonl: written for training; not the held-out sets
DEVS = tuple(ROOT / "data" / name for name in DEVELOPMENT_SETS)  # tuned on, so learnt from
ANNOMI = ROOT.parent / "shared" / "data" / "annomi" / "AnnoMI-simple.train.csv"
PERSONAS = ROOT / "src" / "oars" / "practice" / "personas"
SCRIPTS = ROOT / "data" / "scripts"
_NARRATION = frozenset({"name", "pronouns", "topic", "focus", "behaviour", "situation", "background", "stage", "about"})
_ORDINARY = ("annomi", "persona", "script")
NEAR_MISS_WEIGHT = 5.0
THRESHOLDS = tuple(np.round(np.arange(0.5, 0.996, 0.005), 3))


@dataclass(frozen=True, slots=True)
class Corpus:
    """Texts with a class (a crisis category or ``none``), a group for folding, and where each came from."""

    texts: list[str]
    labels: list[str]
    groups: list[str]
    sources: list[str]  # "risk", "hard_negative", "annomi" or "persona"


def load_corpus(
    safety_data: Path = SAFETY_DATA,
    annomi: Path = ANNOMI,
    personas: Path = PERSONAS,
    train_only: Path = TRAIN_ONLY,
    scripts: Path = SCRIPTS,
) -> Corpus:
    corpus = Corpus([], [], [], [])
    labelled = [safety_data / name for name in ("positives.jsonl", "hard_negatives.jsonl", "tuning_probes.jsonl")]
    labelled += [
        dev / name for dev in DEVS for name in ("positives.jsonl", "hard_negatives.jsonl") if (dev / name).exists()
    ]
    for path in [*labelled, *sorted(train_only.glob("screen_train_*.jsonl"))]:
        name = path.name
        for number, example in enumerate(load_examples(path)):
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
    for path in sorted(personas.glob("*.yaml")):
        for text in persona_lines(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if not rules.assess(text).is_crisis:
                _add(corpus, text, "none", f"persona:{path.stem}", "persona")
    # Chat as people type it ("ill think about it", "cheers. gonna go do it now before i bottle it"): without
    # it the semantic screen, which learnt ordinary talk from transcribed speech, fired on 11 of these 583
    # lines, and the n-gram screen on a heart flutter. The crisis script is left out: its lines are risk.
    for path in sorted(scripts.glob("*.txt")):
        if path.stem == "crisis":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip()
            if text and text != "---" and not rules.assess(text).is_crisis:
                _add(corpus, text, "none", f"script:{path.stem}", "script")
    return corpus


def persona_lines(node: object, key: str = "") -> list[str]:
    """Everything a persona file gives its simulated client to say (not the narration about them)."""
    if key in _NARRATION:
        return []
    if isinstance(node, str):
        return [node] if len(node.split()) >= 3 else []
    if isinstance(node, dict):
        return [line for k, v in node.items() for line in persona_lines(v, str(k))]
    if isinstance(node, list):
        return [line for item in node for line in persona_lines(item, key)]
    return []


def _add(corpus: Corpus, text: str, label: str, group: str, source: str) -> None:
    corpus.texts.append(text)
    corpus.labels.append(label)
    corpus.groups.append(group)
    corpus.sources.append(source)


def fit(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    c: float,
    threshold: float = 0.5,
    weights: Sequence[float] | None = None,
) -> LearnedScreen:
    """A screen fitted on ``texts`` (class weights balanced: risk statements are the rare class).

    ``weights`` scale single examples: near misses count more than ordinary talk, because a short benign
    statement ("I want to feel like myself again") otherwise loses to the many short risk statements.
    """
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(matrix(texts), list(labels), sample_weight=None if weights is None else np.asarray(weights))
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
    weights = example_weights(corpus)
    for train, test in GroupKFold(n_splits=folds).split(corpus.texts, corpus.labels, corpus.groups):
        screen = fit([corpus.texts[i] for i in train], [corpus.labels[i] for i in train], c=c, weights=weights[train])
        for i in test:
            hit = screen.strongest(corpus.texts[i])
            risk[i] = hit.probability if hit else 0.0
    return risk


def example_weights(corpus: Corpus) -> np.ndarray:
    """``NEAR_MISS_WEIGHT`` for hard negatives, persona and script lines, 1 for the rest."""
    near_miss = np.isin(np.array(corpus.sources), ("hard_negative", "persona", "script"))
    return np.where(near_miss, NEAR_MISS_WEIGHT, 1.0)


def choose_threshold(corpus: Corpus, risk: np.ndarray, *, max_false: float, max_ordinary: float) -> float:
    sources = np.array(corpus.sources)
    for threshold in THRESHOLDS:
        flagged = risk >= threshold
        false = flagged[sources == "hard_negative"].mean()
        ordinary = max(flagged[sources == source].mean() for source in _ORDINARY if (sources == source).any())
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
    parser.add_argument("--max-ordinary-alarms", type=float, default=0.01)
    args = parser.parse_args(argv)
    corpus = load_corpus(annomi=args.annomi)
    risk = out_of_fold_risk(corpus, c=args.c)
    threshold = choose_threshold(corpus, risk, max_false=args.max_false_alarms, max_ordinary=args.max_ordinary_alarms)
    sources = np.array(corpus.sources)
    flagged = risk >= threshold
    print(f"{len(corpus.texts)} texts; out-of-fold at threshold {threshold:.2f}:")
    for source in ("risk", "hard_negative", "annomi", "persona", "script"):
        print(f"  {source:14} flagged {flagged[sources == source].mean():.3f} (n={int((sources == source).sum())})")
    screen = fit(corpus.texts, corpus.labels, c=args.c, threshold=threshold, weights=example_weights(corpus))
    save(screen, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
