"""The coder's past-only (causal) context heads, stepped in numpy one utterance at a time.

Live coding — the chat guard checking each draft reply, practice feedback — needs the codes of one new
utterance given everything said so far. Running the ONNX context network over the whole conversation for
every draft made each check cost time proportional to the session's length (the p95 reply latency grew
with it). A GRU carries everything it knows about the past in its hidden state, so keeping that state
and taking one step per utterance gives the same numbers in constant time: a 256-unit step is two small
matrix products, well under a millisecond.

The weights are the trained network's own (``causal.npz``, written by ``oars.coder.training.export``),
in PyTorch's layout: gates ordered reset, update, new.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from oars.coder.labels import HEADS
from oars.errors import ModelError

__all__ = ["CAUSAL_FILE", "CausalHeads", "State"]

CAUSAL_FILE = "causal.npz"
State = np.ndarray  # the GRU's hidden state after the utterances read so far, shape (hidden,)


@dataclass(frozen=True)
class CausalHeads:
    """Speaker embedding + one-layer GRU + a linear layer per head, reading utterance vectors in order."""

    speaker: np.ndarray  # (2, dim): added to each utterance vector (0 = counsellor, 1 = client)
    w_ih: np.ndarray  # (3 * hidden, dim)
    w_hh: np.ndarray  # (3 * hidden, hidden)
    b_ih: np.ndarray  # (3 * hidden,)
    b_hh: np.ndarray  # (3 * hidden,)
    out: Mapping[str, tuple[np.ndarray, np.ndarray]]  # head -> (weight (classes, dim + hidden), bias (classes,))

    @classmethod
    def load(cls, path: str | Path) -> CausalHeads:
        try:
            with np.load(path) as data:
                arrays = {key: data[key].astype(np.float32) for key in data.files}
        except FileNotFoundError:
            raise ModelError(f"no causal context weights at {path}; re-export the model") from None
        except (OSError, ValueError) as error:
            raise ModelError(f"cannot read {path}: {error}") from None
        try:
            return cls(
                speaker=arrays["speaker"],
                w_ih=arrays["w_ih"],
                w_hh=arrays["w_hh"],
                b_ih=arrays["b_ih"],
                b_hh=arrays["b_hh"],
                out={head: (arrays[f"out.{head}.weight"], arrays[f"out.{head}.bias"]) for head in HEADS},
            )
        except KeyError as missing:
            raise ModelError(f"{path}: weights {missing} missing; re-export the model") from None

    def save(self, path: str | Path) -> None:
        arrays = {"speaker": self.speaker, "w_ih": self.w_ih, "w_hh": self.w_hh, "b_ih": self.b_ih, "b_hh": self.b_hh}
        for head, (weight, bias) in self.out.items():
            arrays[f"out.{head}.weight"], arrays[f"out.{head}.bias"] = weight, bias
        with Path(path).open("wb") as handle:
            np.savez(handle, **{k: np.asarray(v, dtype=np.float32) for k, v in arrays.items()})

    @property
    def hidden(self) -> int:
        return int(self.w_hh.shape[1])

    def initial(self) -> State:
        return np.zeros(self.hidden, dtype=np.float32)

    def step(self, state: State, vector: np.ndarray, is_client: bool) -> tuple[dict[str, np.ndarray], State]:
        """Logits per head for one new utterance, and the state after it."""
        u = vector.astype(np.float32) + self.speaker[int(is_client)]
        new = self._gru(self.w_ih @ u + self.b_ih, state)
        return self._logits(u[None], new[None], squeeze=True), new

    def run(self, vectors: np.ndarray, is_client: Sequence[bool]) -> dict[str, np.ndarray]:
        """Logits per head (time, classes) for a whole conversation, read from the start."""
        return self._logits(self._inputs(vectors, is_client), self.states(vectors, is_client), squeeze=False)

    def states(self, vectors: np.ndarray, is_client: Sequence[bool]) -> np.ndarray:
        """The state after each utterance of a conversation, shape (time, hidden)."""
        inputs = self._inputs(vectors, is_client) @ self.w_ih.T + self.b_ih  # the input half of every step at once
        states = np.zeros((len(inputs), self.hidden), dtype=np.float32)
        state = self.initial()
        for t in range(len(inputs)):
            state = states[t] = self._gru(inputs[t], state)
        return states

    def _inputs(self, vectors: np.ndarray, is_client: Sequence[bool]) -> np.ndarray:
        return vectors.astype(np.float32) + self.speaker[np.asarray(is_client, dtype=np.int64)]

    def _gru(self, x_part: np.ndarray, state: np.ndarray) -> np.ndarray:
        """PyTorch's GRU cell given the input projection ``W_ih x + b_ih``."""
        h_part = self.w_hh @ state + self.b_hh
        n = self.hidden
        reset = _sigmoid(x_part[:n] + h_part[:n])
        update = _sigmoid(x_part[n : 2 * n] + h_part[n : 2 * n])
        candidate = np.tanh(x_part[2 * n :] + reset * h_part[2 * n :])
        return ((1.0 - update) * candidate + update * state).astype(np.float32)

    def _logits(self, u: np.ndarray, states: np.ndarray, *, squeeze: bool) -> dict[str, np.ndarray]:
        z = np.concatenate([u, states], axis=-1)
        logits = {head: z @ weight.T + bias for head, (weight, bias) in self.out.items()}
        return {head: v[0] for head, v in logits.items()} if squeeze else logits


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))
