"""Cross-validated codes for AnnoMI: every transcript coded by the fold model that never saw it.

``python -m oars.coder.training cv`` leaves each fold's out-of-fold probabilities in reports/coder-cv;
this turns them into coded transcripts exactly as the shipped coder labels its own probabilities (same
offsets, same MITI and DARN-CAT rules), so figures computed from them are honest held-out figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from oars.coder.coder import CodedTranscript, label_utterances
from oars.coder.labels import HEADS
from oars.coder.training.lexical import blend_predictions
from oars.transcript import Transcript, read_transcripts

ROOT = Path(__file__).resolve().parents[1]
CV_DIR = ROOT / "reports" / "coder-cv"
ANNOMI = ROOT.parent / "shared" / "data" / "annomi" / "AnnoMI-full.train.csv"


def load_cv(mode: str = "bi") -> tuple[dict[str, CodedTranscript], dict[str, Transcript], dict]:
    """Coded transcripts by transcript id, the transcripts, and the cv.json summary.

    While the cross-validation is unfinished (no cv.json yet), only the transcripts of the finished folds
    are returned, labelled with the shipped model's offsets, and the summary is ``{"partial": True, ...}``
    holding the shipped model's own validation figures.
    """
    path = CV_DIR / "cv.json"
    if path.exists():
        summary = json.loads(path.read_text(encoding="utf-8"))
    else:
        meta = json.loads((ROOT / "src" / "oars" / "coder" / "model" / "model.json").read_text(encoding="utf-8"))
        summary = {"partial": True, "offsets": meta["offsets"], "validation": meta["validation"]}
    probabilities: dict[str, dict[str, np.ndarray]] = {}
    for path in sorted(CV_DIR.glob("fold*.npz")):
        with np.load(path) as data:
            for key in data.files:
                tid, name = key.split("|", 1)
                probabilities.setdefault(tid, {})[name] = data[key]
    probabilities = mixed(probabilities, summary)
    transcripts = {t.id: t for t in read_transcripts(ANNOMI)}
    coded = {}
    for tid, transcript in transcripts.items():
        if tid not in probabilities:
            continue
        probs = {
            head: _adjust(probabilities[tid][f"{mode}.{head}"], summary["offsets"][f"{mode}.{head}"]) for head in HEADS
        }
        coded[tid] = CodedTranscript(transcript, label_utterances(transcript.utterances, probs))
    return coded, {tid: transcripts[tid] for tid in coded}, summary


def mixed(probabilities: dict[str, dict[str, np.ndarray]], summary: dict) -> dict[str, dict[str, np.ndarray]]:
    """The network's out-of-fold probabilities with behaviour mixed with the lexical model's out-of-fold
    reading, as the shipped coder mixes them (unchanged for a cross-validation from before the mix)."""
    if "lexical_weight" not in summary:
        return probabilities
    with np.load(CV_DIR / "lexical.npz") as data:
        lexical = {key.split("|", 1)[0]: data[key] for key in data.files}
    return blend_predictions(probabilities, lexical, summary["lexical_weight"])


def _adjust(probs: np.ndarray, offsets: list[float]) -> np.ndarray:
    logits = np.log(probs + 1e-9) + np.asarray(offsets)
    e = np.exp(logits - logits.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def auc(scores: list[float], positives: list[bool]) -> float:
    """Area under the ROC curve (probability a positive outscores a negative; ties count half)."""
    pos = [s for s, p in zip(scores, positives, strict=True) if p]
    neg = [s for s, p in zip(scores, positives, strict=True) if not p]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))
