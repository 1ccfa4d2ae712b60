"""Fitting the lexical behaviour model (``oars.coder.lexical``) with scikit-learn, and its out-of-fold codes.

scikit-learn is imported only to fit, so the benches can mix stored out-of-fold codes without it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from oars.coder.labels import HEADS
from oars.coder.lexical import LexicalModel, blend
from oars.coder.training.data import NO_LABEL, Dialogue

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

__all__ = ["BLEND_WEIGHT", "HEAD", "as_lexical", "blend_predictions", "fit_lexical", "fit_pipeline", "out_of_fold"]

HEAD = "behaviour"  # the only head the mix helped (see oars.coder.lexical)
BLEND_WEIGHT = 0.4  # chosen in 7 of 10 nested selections (fold x mode) from 0, 0.2 … 0.6


def fit_lexical(dialogues: Sequence[Dialogue]) -> LexicalModel:
    """The lexical model of the counsellor utterances' behaviour labels in ``dialogues``."""
    texts, targets = [], []
    for dialogue in dialogues:
        for text, client, target in zip(dialogue.texts, dialogue.is_client, dialogue.targets[HEAD], strict=True):
            if not client and target != NO_LABEL:
                texts.append(text)
                targets.append(target)
    return as_lexical(*fit_pipeline(texts, targets))


def fit_pipeline(texts: Sequence[str], targets: Sequence[int]) -> tuple[TfidfVectorizer, LogisticRegression]:
    """TF-IDF (word unigrams + bigrams seen at least twice) and a class-balanced logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    features = vectoriser.fit_transform(texts)
    regression = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced").fit(features, targets)
    if list(regression.classes_) != list(range(len(HEADS[HEAD]))):
        raise ValueError(f"every {HEAD} class must occur in the training transcripts")
    return vectoriser, regression


def as_lexical(vectoriser: TfidfVectorizer, regression: LogisticRegression) -> LexicalModel:
    """The fitted scikit-learn pair as the numpy-only model that ships."""
    vocabulary = sorted(vectoriser.vocabulary_, key=vectoriser.vocabulary_.__getitem__)
    return LexicalModel(vocabulary, vectoriser.idf_, regression.coef_, regression.intercept_)


def out_of_fold(dialogues: Sequence[Dialogue], folds: Sequence[Sequence[str]]) -> dict[str, np.ndarray]:
    """Every transcript's lexical log-probabilities from a model fitted on the other folds."""
    result: dict[str, np.ndarray] = {}
    for held in folds:
        held_ids = set(held)
        model = fit_lexical([d for d in dialogues if d.transcript_id not in held_ids])
        for dialogue in dialogues:
            if dialogue.transcript_id in held_ids:
                result[dialogue.transcript_id] = model.log_probabilities(dialogue.texts)
    return result


def blend_predictions(
    predictions: Mapping[str, Mapping[str, np.ndarray]], lexical: Mapping[str, np.ndarray], weight: float
) -> dict[str, dict[str, np.ndarray]]:
    """Network out-of-fold probabilities with the behaviour head mixed as the shipped coder mixes it."""
    mixed: dict[str, dict[str, np.ndarray]] = {}
    for tid, outputs in predictions.items():
        mixed[tid] = dict(outputs)
        for name, probs in outputs.items():
            if name.endswith(f".{HEAD}"):
                logp = blend(np.log(probs + 1e-9), lexical[tid], weight)
                e = np.exp(logp - logp.max(-1, keepdims=True))
                mixed[tid][name] = (e / e.sum(-1, keepdims=True)).astype(np.float32)
    return mixed
