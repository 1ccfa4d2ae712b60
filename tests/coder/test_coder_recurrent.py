"""The numpy-stepped past-only heads are the shipped network's own: same numbers as its ONNX export."""

from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest

from oars.coder import Coder
from oars.coder.labels import HEADS
from oars.coder.model import DEFAULT_MODEL_DIR, session_options
from oars.coder.recurrent import CAUSAL_FILE, CausalHeads
from oars.errors import ModelError
from oars.transcript import Speaker

TURNS = [
    (Speaker.COUNSELLOR, "What brings you in today?"),
    (Speaker.CLIENT, "My doctor says my blood sugar is too high and I should change how I eat."),
    (Speaker.COUNSELLOR, "Your doctor is worried, and you're not sure yet what you make of it."),
    (Speaker.CLIENT, "I guess I could cut out the soda. That would be a start."),
    (Speaker.COUNSELLOR, "How would that fit into your day?"),
    (Speaker.CLIENT, "I don't know. I like my soda."),
]


@pytest.fixture(scope="module")
def heads() -> CausalHeads:
    return CausalHeads.load(DEFAULT_MODEL_DIR / CAUSAL_FILE)


def test_numpy_heads_equal_the_onnx_context_network(coder: Coder, heads: CausalHeads) -> None:
    vectors = coder.model.encode([t for _, t in TURNS], batch=1)[:, : coder.model.dim]  # the encoder's part
    is_client = np.array([[s is Speaker.CLIENT for s, _ in TURNS]], dtype=np.int64)
    session = ort.InferenceSession(str(DEFAULT_MODEL_DIR / "context.onnx"), providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    onnx_out = dict(zip(names, session.run(None, {"vectors": vectors[None], "is_client": is_client}), strict=True))
    stepped = heads.run(vectors, is_client[0])
    state = heads.initial()
    for t, vector in enumerate(vectors):
        one, state = heads.step(state, vector, bool(is_client[0, t]))
        for head in HEADS:
            np.testing.assert_allclose(one[head], onnx_out[f"causal.{head}"][0, t], atol=1e-4)
    for head in HEADS:
        np.testing.assert_allclose(stepped[head], onnx_out[f"causal.{head}"][0], atol=1e-4)


def test_resumed_conversation_codes_like_one_never_interrupted(coder: Coder) -> None:
    straight = coder.live()
    for speaker, text in TURNS[:-1]:
        straight.add(speaker, text)
    resumed = coder.live()
    resumed.extend(TURNS[:-1])
    a = straight.preview(*TURNS[-1])
    b = resumed.preview(*TURNS[-1])
    assert a.talk == b.talk
    assert a.probabilities == pytest.approx(b.probabilities, abs=1e-6)


def test_weights_round_trip(heads: CausalHeads, tmp_path) -> None:
    heads.save(tmp_path / "w.npz")
    again = CausalHeads.load(tmp_path / "w.npz")
    vector = np.linspace(-1, 1, heads.speaker.shape[1], dtype=np.float32)
    first, _ = heads.step(heads.initial(), vector, True)
    second, _ = again.step(again.initial(), vector, True)
    for head in HEADS:
        np.testing.assert_array_equal(first[head], second[head])


def test_missing_or_corrupt_weights_are_a_model_error(tmp_path) -> None:
    with pytest.raises(ModelError, match="no causal context weights"):
        CausalHeads.load(tmp_path / "absent.npz")
    (tmp_path / "bad.npz").write_bytes(b"not a numpy archive")
    with pytest.raises(ModelError, match="cannot read"):
        CausalHeads.load(tmp_path / "bad.npz")
    np.savez(tmp_path / "partial.npz", speaker=np.zeros((2, 3)))
    with pytest.raises(ModelError, match="missing"):
        CausalHeads.load(tmp_path / "partial.npz")


def test_onnx_sessions_do_not_spin_and_take_their_threads_from_the_environment(monkeypatch) -> None:
    # spinning worker threads took the CPU from the chat's Python work between encoder runs (bench_chat p95)
    monkeypatch.setenv("OARS_THREADS", "3")
    options = session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert options.intra_op_num_threads == 3
    monkeypatch.setenv("OARS_THREADS", "none")
    assert 1 <= session_options().intra_op_num_threads <= 4
