"""The coder beside a TF-IDF + logistic-regression baseline, fold by fold, on the same held-out transcripts.

    python bench/bench_coder_baseline.py      (needs scikit-learn: pip install -e ".[train]")

Issue #2 quotes its reference figures (baseline about 0.71 / 0.57 macro-F1) on a split oars cannot see,
and macro-F1 moves a lot between sets of 20 transcripts (talk type by ~0.09 between our first two folds).
Training the baseline on exactly the transcripts each cross-validation fold trained on, and scoring both
on that fold's held-out transcripts, gives a like-for-like margin that travels between splits better than
the absolute figure does. The coder's codes are the raw argmax of its out-of-fold probabilities (no class
offsets), so neither side is tuned on the transcripts it is scored on.
"""

from __future__ import annotations

import json
import statistics

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from cv_codes import ANNOMI, CV_DIR, mixed
from oars.coder.training.data import NO_LABEL, Dialogue, load_annomi

HEADS = {"behaviour": 0, "talk": 1}  # head -> the speaker it codes (0 counsellor, 1 client)


def fold_ids() -> list[set[str]]:
    """The held-out transcript ids of each finished cross-validation fold."""
    folds = []
    for path in sorted(CV_DIR.glob("fold*.npz")):
        with np.load(path) as data:
            folds.append({key.split("|", 1)[0] for key in data.files})
    return folds


def coder_predictions(held_out: set[str]) -> dict[str, dict[str, np.ndarray]]:
    """Out-of-fold argmax codes of the whole-transcript model, by transcript and head (behaviour mixed with
    the lexical model's out-of-fold reading, as the shipped coder mixes it)."""
    raw: dict[str, dict[str, np.ndarray]] = {}
    for path in sorted(CV_DIR.glob("fold*.npz")):
        with np.load(path) as data:
            for key in data.files:
                tid, name = key.split("|", 1)
                if tid in held_out and name.startswith("bi."):
                    raw.setdefault(tid, {})[name] = data[key]
    raw = mixed(raw, json.loads((CV_DIR / "cv.json").read_text(encoding="utf-8")))
    return {tid: {head: outputs[f"bi.{head}"].argmax(-1) for head in HEADS} for tid, outputs in raw.items()}


def labelled(dialogues: list[Dialogue], head: str) -> tuple[list[str], list[int]]:
    texts, targets = [], []
    for dialogue in dialogues:
        for text, client, target in zip(dialogue.texts, dialogue.is_client, dialogue.targets[head], strict=True):
            if client == HEADS[head] and target != NO_LABEL:
                texts.append(text)
                targets.append(target)
    return texts, targets


def baseline_f1(train: list[Dialogue], test: list[Dialogue], head: str) -> float:
    texts, targets = labelled(train, head)
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    model = LogisticRegression(C=4.0, max_iter=3000).fit(vectoriser.fit_transform(texts), targets)
    test_texts, test_targets = labelled(test, head)
    return f1_score(test_targets, model.predict(vectoriser.transform(test_texts)), average="macro")


def coder_f1(test: list[Dialogue], head: str) -> float:
    predictions = coder_predictions({d.transcript_id for d in test})
    truth, guess = [], []
    for dialogue in test:
        for client, target, code in zip(
            dialogue.is_client, dialogue.targets[head], predictions[dialogue.transcript_id][head], strict=True
        ):
            if client == HEADS[head] and target != NO_LABEL:
                truth.append(target)
                guess.append(int(code))
    return f1_score(truth, guess, average="macro")


def main() -> None:
    dialogues = load_annomi(ANNOMI)
    folds = fold_ids()
    if not folds:
        raise SystemExit("no cross-validation folds in reports/coder-cv: run python -m oars.coder.training cv")
    print(f"== Coder vs TF-IDF + LR baseline, macro-F1 on each finished fold ({len(folds)} of 5) ==")
    for head, label in (("behaviour", "counsellor behaviour"), ("talk", "client talk type")):
        margins = []
        for number, held_out in enumerate(folds):
            train = [d for d in dialogues if d.transcript_id not in held_out]
            test = [d for d in dialogues if d.transcript_id in held_out]
            base, ours = baseline_f1(train, test, head), coder_f1(test, head)
            margins.append(ours - base)
            print(f"  {label:20} fold {number}: baseline {base:.3f}  coder {ours:.3f}  margin {ours - base:+.3f}")
        spread = f" ± {statistics.stdev(margins):.3f}" if len(margins) > 1 else ""
        print(f"  {label:20} mean margin {statistics.mean(margins):+.3f}{spread}")


if __name__ == "__main__":
    main()
