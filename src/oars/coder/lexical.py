"""A bag-of-words reading of counsellor behaviour, blended into the network's decision.

The fine-tuned encoder reads meaning; a TF-IDF + logistic-regression model reads which words and word
pairs are there ("you feel", "what would", "I'd suggest"). The two make different mistakes, so the
behaviour decision mixes their log-probabilities: ``(1 - w) · network + w · lexical``. Measured on the
5-fold cross-validation by transcript, with the weight and the class offsets chosen on the other four
folds each time, the mix raised counsellor-behaviour macro-F1 in every fold of whole-transcript coding
(0.756 → 0.771 on average) and from 0.753 to 0.763 in past-only coding. It did nothing for client talk
type or the subtypes, so it is used for behaviour only.

At run time this is numpy only: the vocabulary, IDF weights and coefficients of scikit-learn's fitted
``TfidfVectorizer`` and ``LogisticRegression`` (``oars.coder.training.lexical`` fits them), applied the
way scikit-learn applies them — lower-case, word tokens of two or more characters, unigrams and bigrams,
sublinear term frequency, IDF, L2 normalisation, then a multinomial softmax.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

__all__ = ["LEXICAL_FILE", "LexicalModel", "blend"]

LEXICAL_FILE = "lexical.npz"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


class LexicalModel:
    """TF-IDF features of one utterance -> log-probabilities over the behaviour classes."""

    def __init__(self, vocabulary: Sequence[str], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> None:
        self.vocabulary = tuple(vocabulary)
        self.idf = np.asarray(idf, dtype=np.float32)  # (features,)
        self.coef = np.asarray(coef, dtype=np.float32)  # (classes, features)
        self.intercept = np.asarray(intercept, dtype=np.float32)  # (classes,)
        self._index = {term: i for i, term in enumerate(self.vocabulary)}

    @classmethod
    def load(cls, path: str | Path) -> LexicalModel:
        with np.load(path, allow_pickle=False) as data:
            vocabulary = tuple(str(data["vocabulary"]).split("\n"))
            return cls(vocabulary, data["idf"], data["coef"], data["intercept"])

    def save(self, path: str | Path) -> None:
        np.savez_compressed(
            path,
            vocabulary=np.array("\n".join(self.vocabulary)),
            idf=self.idf,
            coef=self.coef,
            intercept=self.intercept,
        )

    @property
    def classes(self) -> int:
        return len(self.intercept)

    def log_probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """``(len(texts), classes)`` float32 log-probabilities."""
        logits = np.tile(self.intercept, (len(texts), 1))
        for row, text in enumerate(texts):
            columns, values = self._features(text)
            if columns:
                logits[row] += self.coef[:, columns] @ values
        return (logits - _logsumexp(logits)).astype(np.float32)

    def _features(self, text: str) -> tuple[list[int], np.ndarray]:
        tokens = _TOKEN.findall(text.lower())
        terms = Counter(tokens)
        terms.update(f"{a} {b}" for a, b in itertools.pairwise(tokens))
        index = self._index
        found = [(index[term], 1.0 + math.log(count)) for term, count in terms.items() if term in index]
        if not found:
            return [], np.zeros(0, dtype=np.float32)
        columns = [column for column, _ in found]
        values = np.array([tf for _, tf in found], dtype=np.float32) * self.idf[columns]
        return columns, (values / np.linalg.norm(values)).astype(np.float32)


def blend(network_logits: np.ndarray, lexical_logp: np.ndarray, weight: float) -> np.ndarray:
    """The mixed log-probabilities (up to a constant per row) of the network's logits and the lexical model."""
    network_logp = network_logits - _logsumexp(network_logits)
    return (1.0 - weight) * network_logp + weight * lexical_logp


def _logsumexp(logits: np.ndarray) -> np.ndarray:
    top = logits.max(-1, keepdims=True)
    return top + np.log(np.exp(logits - top).sum(-1, keepdims=True))
