"""Fixtures: the shipped coder, and a surface-rule coder model whose codes are known in advance.

The simulated client is tested against both. The surface model makes tests of the client's *dynamics*
independent of how well the shipped network codes a given sentence: it codes a question by its first word,
a reflection by its opening ("It sounds like", "You're…"), advice by "should / need to", and client talk
by "I want / I could" versus "I don't want / it's easier".
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest

from oars.coder import Coder
from oars.coder.labels import HEADS

sys.path.insert(0, str(Path(__file__).parent))  # bots.py, for the tests here and for the bench

_FEATURES = (
    ("open", re.compile(r"^(?:what|how|why|tell me|when)\b", re.I)),
    ("closed", re.compile(r"^(?:do|does|did|are|is|have|has|can|could|would|will|don't)\b.*\?", re.I)),
    (
        "reflection",
        re.compile(r"^(?:it sounds|sounds like|so you|so |you're|you are|you've|you|part of you)\b", re.I),
    ),
    ("complex", re.compile(r"\b(?:matters|worr\w*|part of you|carrying|feels?|scared|really)\b", re.I)),
    ("advice", re.compile(r"\b(?:should|need to|must|you'd feel)\b", re.I)),
    ("change", re.compile(r"\b(?:i want|i'd like|i could|i need|i have to|i'm going to|i'll|has to change)\b", re.I)),
    ("sustain", re.compile(r"\b(?:don't want|can't|easier|not sure|helps me|fine|no point|not a)\b", re.I)),
)


class SurfaceModel:
    """A stand-in ``CoderModel``: one feature per surface rule, heads read straight from the features."""

    dim = len(_FEATURES)

    def encode(self, texts: Sequence[str], *, batch: int = 16) -> np.ndarray:  # same signature; no batches here
        return np.array([[float(bool(p.search(t.strip()))) for _, p in _FEATURES] for t in texts], dtype=np.float32)

    def heads(self, vectors: np.ndarray, is_client: Sequence[bool], mode: str) -> dict[str, np.ndarray]:
        out = {head: np.zeros((len(vectors), len(classes)), dtype=np.float32) for head, classes in HEADS.items()}
        for i, (f, client) in enumerate(zip(vectors, is_client, strict=True)):
            opened, closed, reflection, complex_, advice, change, sustain = f
            behaviour = "question" if opened or closed else "reflection" if reflection else "input"
            out["behaviour"][i] = _one_hot("behaviour", behaviour if behaviour != "input" or advice else "other")
            out["question"][i] = _one_hot("question", "open" if opened else "closed")
            out["reflection"][i] = _one_hot("reflection", "complex" if complex_ else "simple")
            out["input"][i] = _one_hot("input", "advice" if advice else "information")
            out["talk"][i] = _one_hot("talk", "sustain" if sustain else "change" if change else "neutral")
            if client:
                out["behaviour"][i] = _one_hot("behaviour", "other")
        return out

    def heads_in_place(
        self, vectors: np.ndarray, is_client: Sequence[bool], mode: str, parts: Mapping[int, np.ndarray]
    ) -> dict[int, dict[str, np.ndarray]]:
        return {i: self.step(self.initial_state(), vector, False)[0] for i, vector in parts.items()}

    def initial_state(self) -> np.ndarray:
        return np.zeros(0, dtype=np.float32)  # the surface rules read no context

    def step(self, state: np.ndarray, vector: np.ndarray, is_client: bool) -> tuple[dict[str, np.ndarray], np.ndarray]:
        return {head: p[0] for head, p in self.heads(vector[None], [is_client], "causal").items()}, state


def _one_hot(head: str, label: str) -> np.ndarray:
    row = np.full(len(HEADS[head]), 0.02, dtype=np.float32)
    row[HEADS[head].index(label)] = 1.0 - 0.02 * (len(row) - 1)
    return row


@pytest.fixture(scope="session")
def coder() -> Coder:
    """The shipped coder."""
    return Coder()


@pytest.fixture(scope="session")
def surface_coder() -> Coder:
    """A coder whose codes follow the surface rules above."""
    return Coder(model=SurfaceModel())  # type: ignore[arg-type]
