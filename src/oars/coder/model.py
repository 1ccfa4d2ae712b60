"""The shipped coder networks, loaded from ONNX files: utterance encoder + context heads.

Loading takes about a second (two ONNX sessions and a tokenizer). The model directory holds
``tokenizer.json``, ``encoder.onnx``, ``context.onnx`` (both context modes, run over a whole conversation),
``causal.npz`` (the past-only heads' weights, stepped utterance by utterance in numpy: see
``oars.coder.recurrent``), ``lexical.npz`` (a bag-of-words behaviour model mixed into the behaviour decision:
see ``oars.coder.lexical``) and ``model.json`` (labels, decision offsets, validation figures, file
checksums); ``python -m oars.coder.training`` reproduces them from AnnoMI.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np
import onnxruntime as ort

from oars.coder.labels import HEADS
from oars.coder.lexical import LEXICAL_FILE, LexicalModel, blend
from oars.coder.recurrent import CAUSAL_FILE, CausalHeads, State
from oars.coder.tokens import UtteranceTokenizer
from oars.errors import ModelError

__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_MODEL_DIR",
    "ENCODE_CACHE",
    "CoderModel",
    "Mode",
    "default_model",
    "session_options",
]

Mode = Literal["bi", "causal"]
SUPPORTED_FORMAT = 1
ENCODE_CACHE = 20_000  # utterance vectors remembered (1.5 KB each: about 30 MB at most)
DEFAULT_BATCH = 16  # measured: on 2 cores, batches of 16 length-sorted utterances are fastest for the int8 encoder


def _package_model_dir() -> Path:
    return Path(str(resources.files("oars.coder") / "model"))


DEFAULT_MODEL_DIR = _package_model_dir()


class CoderModel:
    """Encodes utterances to vectors and turns a conversation's vectors into per-head probabilities.

    Probabilities include the decision offsets chosen on cross-validation (see ``model.json``), so the
    arg-max of what this returns is the coder's decision and its value the reported confidence.
    """

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.meta = self._read_meta()
        self.tokenizer = UtteranceTokenizer(self.directory / "tokenizer.json")
        options = session_options()
        self._encoder = self._session("encoder.onnx", options)
        self._context = self._session("context.onnx", options)
        self._causal = CausalHeads.load(self.directory / CAUSAL_FILE)
        self._outputs = [o.name for o in self._context.get_outputs()]
        self._lexical, self._lexical_head, self._lexical_weight = self._load_lexical()
        self.dim = int(self._encoder.get_outputs()[0].shape[-1] or 384)  # the encoder's part of a vector
        self.width = self.dim + (self._lexical.classes if self._lexical else 0)
        self._offsets = {name: np.asarray(v, dtype=np.float32) for name, v in self.meta["offsets"].items()}
        # Live coding encodes one utterance at a time, and a conversation resumed from storage (every web
        # chat turn) re-reads all of its earlier utterances: their vectors are remembered by text.
        self._encode_one = lru_cache(maxsize=ENCODE_CACHE)(self._encode_alone)

    def encode(self, texts: Sequence[str], *, batch: int = DEFAULT_BATCH) -> np.ndarray:
        """One float32 vector per text, shape (len(texts), width): the encoder's vector (``dim`` values),
        then the lexical model's behaviour log-probabilities — everything the heads read of the text alone.

        The int8 encoder quantises each batch's activations with one scale, so a vector depends very
        slightly on its batch-mates; ``batch=1`` gives every text the vector live coding gives it.
        """
        out = np.zeros((len(texts), self.width), dtype=np.float32)
        if not texts:
            return out
        if batch == 1 or len(texts) == 1:
            for i, text in enumerate(texts):
                out[i] = self._encode_one(text)
            return out
        ids = self.tokenizer.ids(texts)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for first in range(0, len(order), batch):
            rows = order[first : first + batch]
            out[rows, : self.dim] = self._run_encoder([ids[i] for i in rows])
        if self._lexical:
            out[:, self.dim :] = self._lexical.log_probabilities(texts)
        return out

    def _run_encoder(self, ids: list[list[int]]) -> np.ndarray:
        padded, mask = self.tokenizer.pad(ids)
        (vectors,) = self._encoder.run(None, {"ids": padded, "mask": mask})
        return vectors

    def _encode_alone(self, text: str) -> np.ndarray:
        vector = self._run_encoder(self.tokenizer.ids([text]))[0].astype(np.float32)
        if self._lexical:
            vector = np.concatenate([vector, self._lexical.log_probabilities([text])[0]])
        vector.flags.writeable = False  # shared by every caller that encodes the same text
        return vector

    def heads(self, vectors: np.ndarray, is_client: Sequence[bool], mode: Mode) -> dict[str, np.ndarray]:
        """Per-head probabilities (time, classes) for every utterance of one conversation.

        ``causal`` runs the same numpy recurrence as ``step``, so coding a transcript with past-only
        context gives exactly the numbers live coding gave turn by turn.
        """
        if len(vectors) == 0:
            return {head: np.zeros((0, len(classes)), dtype=np.float32) for head, classes in HEADS.items()}
        vectors = np.asarray(vectors, dtype=np.float32)
        network, lexical = vectors[:, : self.dim], vectors[:, self.dim :]
        if mode == "causal":
            return self._probabilities("causal", self._causal.run(network, is_client), lexical)
        feeds = {
            "vectors": np.ascontiguousarray(network[None]),
            "is_client": np.asarray(is_client, dtype=np.int64)[None],
        }
        outputs = dict(zip(self._outputs, self._context.run(None, feeds), strict=True))
        return self._probabilities("bi", {head: outputs[f"bi.{head}"][0] for head in HEADS}, lexical)

    def heads_in_place(
        self, vectors: np.ndarray, is_client: Sequence[bool], mode: Mode, parts: Mapping[int, np.ndarray]
    ) -> dict[int, dict[str, np.ndarray]]:
        """Per-head probabilities of counsellor utterance parts (``parts``: index -> the part's vector), each
        read in its utterance's place in the conversation (the statements leading a question turn, say).

        ``causal`` steps each part from the state before its utterance, as live coding does; ``bi`` reads
        the conversation once more with every part standing in for its utterance.
        """
        if not parts:
            return {}
        if mode == "causal":
            states = self._causal.states(np.asarray(vectors, dtype=np.float32)[:, : self.dim], is_client)
            before = {i: states[i - 1] if i else self.initial_state() for i in parts}
            return {i: self.step(before[i], vector, False)[0] for i, vector in parts.items()}
        replaced = np.array(vectors, dtype=np.float32)
        for i, vector in parts.items():
            replaced[i] = vector
        probs = self.heads(replaced, is_client, mode)
        return {i: {head: p[i] for head, p in probs.items()} for i in parts}

    def initial_state(self) -> State:
        """The past-only context before anything has been said."""
        return self._causal.initial()

    def step(self, state: State, vector: np.ndarray, is_client: bool) -> tuple[dict[str, np.ndarray], State]:
        """Past-only probabilities per head for one new utterance after ``state``, and the state after it.

        Constant time whatever the conversation's length (the chat guard codes every draft this way).
        """
        logits, after = self._causal.step(state, vector[: self.dim], is_client)
        return self._probabilities("causal", logits, vector[self.dim :]), after

    def _probabilities(
        self, mode: Mode, logits: Mapping[str, np.ndarray], lexical: np.ndarray
    ) -> dict[str, np.ndarray]:
        """Decision probabilities: the lexical mix for its head, then the class offsets, then softmax."""
        mixed = dict(logits)
        if self._lexical:
            head = self._lexical_head
            mixed[head] = blend(logits[head], lexical, self._lexical_weight)
        return {head: _softmax(mixed[head] + self._offsets[f"{mode}.{head}"]) for head in HEADS}

    @property
    def validation(self) -> dict[str, Any]:
        return dict(self.meta.get("validation", {}))

    def _read_meta(self) -> dict[str, Any]:
        path = self.directory / "model.json"
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ModelError(f"no coder model at {self.directory} (model.json missing)") from None
        except (OSError, ValueError) as error:
            raise ModelError(f"cannot read {path}: {error}") from None
        if meta.get("format") != SUPPORTED_FORMAT:
            raise ModelError(f"{path}: model format {meta.get('format')!r}, this oars reads {SUPPORTED_FORMAT}")
        if {h: tuple(c) for h, c in meta.get("heads", {}).items()} != HEADS:
            raise ModelError(f"{path}: the model's labels differ from this version of oars; retrain it")
        return meta

    def _load_lexical(self) -> tuple[LexicalModel | None, str, float]:
        """The lexical model and how it is mixed in, where ``model.json`` names one (older models have none)."""
        spec = self.meta.get("lexical")
        if not spec:
            return None, "", 0.0
        if spec.get("head") not in HEADS:
            raise ModelError(f"{self.directory / 'model.json'}: the lexical model codes an unknown head")
        path = self.directory / LEXICAL_FILE
        try:
            model = LexicalModel.load(path)
        except (OSError, ValueError, KeyError) as error:
            raise ModelError(f"cannot load {path}: {error}") from None
        if model.classes != len(HEADS[spec["head"]]):
            raise ModelError(f"{path}: its classes differ from the {spec['head']} head's; retrain it")
        return model, spec["head"], float(spec["weight"])

    def _session(self, name: str, options: ort.SessionOptions) -> ort.InferenceSession:
        path = self.directory / name
        try:
            return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime raises its own untyped errors for missing / corrupt files
            raise ModelError(f"cannot load {path}: {error}") from None


def _softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max(-1, keepdims=True))
    return (e / e.sum(-1, keepdims=True)).astype(np.float32)


def onnx_threads() -> int:
    """ONNX threads: ``OARS_THREADS`` if set, else the machine's cores (at most 4: more does not help)."""
    configured = os.environ.get("OARS_THREADS")
    if configured and configured.isdigit() and int(configured) > 0:
        return int(configured)
    return min(4, os.cpu_count() or 1)


def session_options() -> ort.SessionOptions:
    """Options for every ONNX session oars runs (the coder's, the semantic crisis screen's).

    onnxruntime's worker threads spin for a while after each run, waiting for the next one. A chat turn
    runs many small encoder passes with Python work in between, and on two cores the spinning threads take
    the CPU from that work: with spinning off, replies measured p50 34 → 28 ms and p95 112 → 82 ms in
    ``bench/bench_chat.py``'s sessions, while coding a whole transcript in batches ran at the same speed.
    """
    options = ort.SessionOptions()
    options.intra_op_num_threads = onnx_threads()
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


@cache
def default_model() -> CoderModel:
    """The model shipped in the package, loaded once per process."""
    return CoderModel(DEFAULT_MODEL_DIR)
