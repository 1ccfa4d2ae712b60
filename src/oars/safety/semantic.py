"""A second learned screen that reads meaning rather than words: a sentence encoder and a small classifier.

The n-gram screen (:mod:`oars.safety.screen`) hears risk only in wordings close to the ones it was trained
on. People at risk find new words every time ("I've started giving my things away to people who'll use
them", "the bridge on my way home has been on my mind"), and on sets written by people who never saw the
rules or the training data, rules and n-gram screen together caught 59–81 % of the risk statements. This
screen embeds the message with all-MiniLM-L6-v2 (the general-purpose sentence encoder the coder starts
from, *not* fine-tuned, int8 ONNX, 23 MB) and scores the vector with a one-hidden-layer network trained on
the same statements, hard negatives and ordinary counselling talk as the n-gram screen.

It is not a language model that writes anything, and nothing depends on it: it can only *add* a signal
to a message that neither the rules nor the n-gram screen flagged, behind the same gate (only messages
naming something risk statements are made of are screened, and a past that is over is not). It is
deterministic and offline. Loading costs about 0.3 s (at start-up); a message costs 2–10 ms on two cores,
by length. ``python -m oars.safety.train_semantic`` reproduces the files in ``semantic_model/``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import numpy as np

from oars.errors import ModelError
from oars.safety.screen import ScreenHit, scored_pieces

__all__ = ["SEMANTIC_DIR", "SemanticScreen"]

SEMANTIC_DIR = Path(__file__).with_name("semantic_model")
# Only the whole message is read (its first 30 and last 64 tokens, as the coder reads an utterance): each
# sentence read alone would cost another 5-10 ms, and the rules and the n-gram screen read every sentence.
# "My dad wants to kill himself": someone else's risk, which the rules read by its subject and the encoder
# cannot tell from the client's own. A piece with a third person's reflexive and no "myself" is not scored.
_SOMEONE_ELSES = re.compile(r"\b(?:him|her|them|your)sel(?:f|ves)\b", re.IGNORECASE)
_OWN = re.compile(r"\bmy ?self\b", re.IGNORECASE)


class SemanticScreen:
    """Scores how much a message means what the risk statements it was trained on mean."""

    def __init__(self, directory: Path = SEMANTIC_DIR) -> None:
        self.directory = directory

    @cached_property
    def _encoder(self):
        import onnxruntime as ort

        from oars.coder.model import session_options
        from oars.coder.tokens import UtteranceTokenizer

        if not (self.directory / "encoder.onnx").is_file():
            raise ModelError(f"no semantic crisis screen in {self.directory}")
        try:
            session = ort.InferenceSession(
                str(self.directory / "encoder.onnx"), session_options(), providers=["CPUExecutionProvider"]
            )
            return UtteranceTokenizer(self.directory / "tokenizer.json"), session
        except Exception as error:  # onnxruntime raises its own exception types for damaged files
            raise ModelError(f"the semantic crisis screen in {self.directory} is damaged: {error}") from None

    @cached_property
    def _head(self) -> tuple[list[np.ndarray], tuple[str, ...], float]:
        try:
            with np.load(self.directory / "head.npz", allow_pickle=False) as data:
                layers = [data[f"layer{i}"].astype(np.float32) for i in range(4)]
                return layers, tuple(str(c) for c in data["classes"]), float(data["threshold"])
        except FileNotFoundError:
            raise ModelError(f"no semantic crisis screen head in {self.directory}") from None
        except (KeyError, ValueError) as error:
            raise ModelError(f"the semantic crisis screen head in {self.directory} is damaged: {error}") from None

    @property
    def threshold(self) -> float:
        return self._head[2]

    @property
    def classes(self) -> tuple[str, ...]:
        return self._head[1]

    def load(self) -> SemanticScreen:
        """Load the encoder and the head now rather than on the first message (start-up, not mid-chat)."""
        _ = self._encoder, self._head
        return self

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length sentence vectors, one row per text (mean-pooled MiniLM, as sentence-transformers)."""
        tokenizer, session = self._encoder
        out = np.zeros((len(texts), 384), dtype=np.float32)
        if not texts:
            return out
        padded, mask = tokenizer.pad(tokenizer.ids(list(texts)))
        (vectors,) = session.run(None, {"ids": padded, "mask": mask})
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.maximum(norms, 1e-9)).astype(np.float32)

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Class probabilities (columns in the order of :attr:`classes`) for unit sentence vectors."""
        (w1, b1, w2, b2), _, _ = self._head
        hidden = np.maximum(vectors @ w1 + b1, 0.0)
        logits = hidden @ w2 + b2
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        return probs / probs.sum(axis=1, keepdims=True)

    def check(self, text: str) -> ScreenHit | None:
        """The risk the screen sees in ``text``, if over threshold."""
        hit = self.strongest(text)
        return hit if hit is not None and hit.probability >= self.threshold else None

    def strongest(self, text: str) -> ScreenHit | None:
        """The most likely risk in ``text`` (read whole, without wishes to feel well or goodbyes), whatever
        its probability."""
        whole = scored_pieces(text)[:1]
        pieces = [piece for piece in whole if _OWN.search(piece) or not _SOMEONE_ELSES.search(piece)]
        if not pieces:
            return None
        probs = self.probabilities(self.embed(pieces))
        classes = self.classes
        none = classes.index("none")
        risk = 1.0 - probs[:, none]
        best = int(np.argmax(risk))
        row = probs[best].copy()
        row[none] = -1.0
        return ScreenHit(classes[int(np.argmax(row))], float(risk[best]), " ".join(pieces[best].split())[:200])
