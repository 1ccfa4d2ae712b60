"""A learned second look for risk the rules did not name: hashed n-grams and a linear classifier.

The rules (:mod:`oars.safety.patterns`) are precise and explainable, but people say they are at risk in
more ways than any list holds ("my thigh's a barcode again", "found a new home for my cat, she deserves
someone who'll be around"). The screen is a multinomial logistic regression over hashed word 1–2-grams
and character 2–5-grams of the normalised text, trained on the risk statements, hard negatives and
probes in ``tests/safety/data`` plus every AnnoMI utterance the rules find no risk in (ordinary
counselling talk about drink, smoking and low mood is exactly what it must stay quiet on).

It can only *add* a signal, never remove one the rules raised, and it is not a language model: it is a
fixed table of weights, deterministic, loaded from ``screen.npz`` beside this file (0.7 MB on disk,
6 MB in memory, ~50 ms to load) with numpy alone: n-grams are hashed with CRC-32, so no vocabulary is
stored and no scikit-learn is needed at run time. Each sentence is scored on its own as well as the whole
message, so one risk statement buried in a long update is not diluted. The threshold was chosen on
out-of-fold scores to keep false alarms on hard negatives low (see :mod:`oars.safety.train_screen`,
which also reproduces the file).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from pathlib import Path

import numpy as np

from oars.errors import ModelError
from oars.safety.normalise import normalise

__all__ = ["SCREEN_PATH", "LearnedScreen", "ScreenHit", "canonical", "featurise", "scored_pieces"]

SCREEN_PATH = Path(__file__).with_name("screen.npz")
# Word and character n-grams hash into one space (prefixed, so "w:die" and "c:die" differ).
N_FEATURES = 2**18
_WORD = re.compile(r"\w\w+")
_SENTENCE = re.compile(r"(?<=[.!?\n])\s+")
_MAX_SENTENCES = 40  # a 10,000-character paste is scored on its first forty sentences and as a whole
_MAX_CHARS = 2_000  # per piece: beyond that, more n-grams only cost time
_MIN_WORDS = 4  # a sentence shorter than this is scored only within its message
# "bye" and "goodbye" end most conversations, and a learnt goodbye note ("bye guys. love you all x") made them
# score 0.97: a message of one or two words is too little to resemble anything. The rules still read it
# ("kms", "ODing rn").
_MIN_MESSAGE_WORDS = 3
# A wish to feel well again is change talk, the most common kind in low mood ("I want to feel like myself
# again"), yet its words ("I want to", "myself", "again") are those of the short risk statements the screen
# learnt from, and it scored as high as "I want to die". A sentence that is only such a wish is not scored.
_WELLBEING_WISH = re.compile(
    r"(?:(?:yeah|yes|well|right|honestly|i mean|and|but|so|i guess|i suppose|part of me (?:thinks|feels))[,.]?\s+)*"
    r"i (?:just |really |only |do )?(?:want|wanna|would like|'d like|hope|need) to (?:feel|be|get|go) "
    r"(?:back to )?(?:like )?(?:myself|me|my old self|normal|better|well|ok|okay|healthy|happy|fit|good|"
    r"stronger|(?:a bit|a little) (?:better|more like myself))(?: again)?(?: (?:one day|soon|eventually))?[.!]*",
    re.IGNORECASE,
)

# Closing the conversation ("I think I'll leave it there for now") shares "I'll leave …" with leaving
# notes and "I'll stop" with stopping for good, and scored 0.98. A sentence that is only such a close, with
# its "there / for now / for today", is not scored. "I'll end it" is never a close: it is not in here.
_LEAVE_TAKING = re.compile(
    r"(?:(?:ok(?:ay)?|right|well|yeah|anyway|cheers|thanks|thank you|so)[,.!]?\s+)*"
    r"(?:i think |i reckon |maybe |probably )?(?:i'?ll|i will|i'm going to|i'm gonna|let's|lets|we can|can we) "
    r"(?:(?:leave it|stop|finish)(?: (?:there|here|at that|for (?:now|today|tonight)))+|"
    r"call it a (?:day|night)|wrap (?:it |things )?up)(?: for (?:now|today|tonight))?[.!]*",
    re.IGNORECASE,
)


def canonical(text: str) -> str:
    """The text as the rules see it (chat spellings expanded, repeats squeezed), so both agree on words."""
    return normalise(text).text


def ngrams(text: str) -> Counter[str]:
    """Word 1–2-grams and 2–5-character n-grams inside space-padded words, of canonical text."""
    words = _WORD.findall(text)
    grams: Counter[str] = Counter(f"w:{w}" for w in words)
    grams.update(f"w:{a} {b}" for a, b in pairwise(words))
    for word in text.split():
        padded = f" {word} "
        for n in range(2, 6):
            grams.update(f"c:{padded[i : i + n]}" for i in range(max(len(padded) - n + 1, 1)))
    return grams


def featurise(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Hashed, sublinear (1 + log count), L2-normalised n-gram features: (indices, values)."""
    counts: Counter[int] = Counter()
    for gram, count in ngrams(text).items():
        counts[zlib.crc32(gram.encode("utf-8")) % N_FEATURES] += count
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    indices = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    values = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
    return indices, (values / np.linalg.norm(values)).astype(np.float32)


@dataclass(frozen=True, slots=True)
class ScreenHit:
    """The screen's verdict: the category it found most likely, its probability and the words behind it."""

    category: str
    probability: float
    evidence: str


def _unscored(sentence: str) -> bool:
    """A sentence that is only a wish to feel well again, or only a close of the conversation."""
    return bool(_WELLBEING_WISH.fullmatch(sentence) or _LEAVE_TAKING.fullmatch(sentence))


class LearnedScreen:
    """Scores how much a message resembles the risk statements it was trained on."""

    def __init__(self, path: Path = SCREEN_PATH) -> None:
        self.path = path

    @classmethod
    def from_weights(
        cls, coef: np.ndarray, intercept: np.ndarray, classes: tuple[str, ...], threshold: float
    ) -> LearnedScreen:
        """A screen from weights in memory (training scores its out-of-fold candidates this way)."""
        screen = cls(Path("<memory>"))
        screen.__dict__["_weights"] = (coef, intercept, classes, threshold)
        return screen

    @cached_property
    def _weights(self) -> tuple[np.ndarray, np.ndarray, tuple[str, ...], float]:
        """``coef`` is dense, features × classes (6 MB): stored sparse, as (feature, weights) rows."""
        try:
            with np.load(self.path, allow_pickle=False) as data:
                classes = tuple(str(c) for c in data["classes"])
                coef = np.zeros((N_FEATURES, len(classes)), dtype=np.float32)
                coef[data["features"]] = data["weights"].astype(np.float32)
                return coef, data["intercept"].astype(np.float32), classes, float(data["threshold"])
        except FileNotFoundError:
            raise ModelError(f"no learned crisis screen at {self.path}") from None
        except (KeyError, ValueError) as error:
            raise ModelError(f"the learned crisis screen at {self.path} is damaged: {error}") from None

    @property
    def weights(self) -> tuple[np.ndarray, np.ndarray, tuple[str, ...], float]:
        """(coef features × classes, intercept, classes, threshold), loaded on first use."""
        return self._weights

    @property
    def threshold(self) -> float:
        return self._weights[3]

    def load(self) -> LearnedScreen:
        """Load the weights now rather than on the first message screened."""
        _ = self._weights
        return self

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Class probabilities (columns in the order of ``classes``) for already-canonical texts."""
        coef, intercept, _, _ = self._weights
        logits = np.stack([values @ coef[indices] for indices, values in map(featurise, texts)]) + intercept
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return probs

    def check(self, text: str) -> ScreenHit | None:
        """The strongest risk the screen sees in ``text`` (whole or any sentence), if over threshold."""
        hit = self.strongest(text)
        return hit if hit is not None and hit.probability >= self.threshold else None

    def strongest(self, text: str) -> ScreenHit | None:
        """The most likely risk in ``text``, whole or any one sentence, whatever its probability."""
        pieces = scored_pieces(text)
        canonical_pieces = [canonical(piece) for piece in pieces]
        kept = [(piece, canon) for piece, canon in zip(pieces, canonical_pieces, strict=True) if canon.strip()]
        if not kept:
            return None
        classes = self._weights[2]
        probs = self.probabilities([canon for _, canon in kept])
        none = classes.index("none")
        risk = 1.0 - probs[:, none]
        best = int(np.argmax(risk))
        row = probs[best].copy()
        row[none] = -1.0
        evidence = kept[best][0].strip() if best else _first_words(text)
        return ScreenHit(classes[int(np.argmax(row))], float(risk[best]), evidence)


def scored_pieces(text: str) -> list[str]:
    """What a screen scores: the whole message, then each of its sentences of four words or more (so one risk
    statement in a long update is not diluted), leaving out wishes to feel well and closes of the conversation;
    nothing for a message of one or two words."""
    if len(text.split()) < _MIN_MESSAGE_WORDS:
        return []
    split = _SENTENCE.split(text)
    parts = [s for s in split if s.strip() and not _unscored(s.strip())]
    if not parts:
        return []
    whole = text if len(parts) == len(split) else " ".join(parts)
    # A sentence of a few words is too little to be read alone ("I heard him." scored as a threat); it is
    # still read as part of the whole message.
    sentences = (s[:_MAX_CHARS] for s in parts[:_MAX_SENTENCES] if s != whole and len(s.split()) >= _MIN_WORDS)
    return [whole[:_MAX_CHARS], *sentences]


def _first_words(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
