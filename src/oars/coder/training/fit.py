"""Fine-tuning the coder on AnnoMI dialogues, and predicting with the trained networks."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from oars.coder.labels import HEADS
from oars.coder.tokens import UtteranceTokenizer
from oars.coder.training.data import NO_LABEL, Dialogue
from oars.coder.training.network import ContextHeads, UtteranceEncoder, output_names

__all__ = ["Recipe", "Trained", "fit", "predict"]


@dataclass(frozen=True)
class Recipe:
    """Everything that decides the trained model; recorded in the shipped model's metadata."""

    epochs: int = 5
    encoder_lr: float = 5e-5
    head_lr: float = 1e-3
    chunk: int = 32  # consecutive utterances per training step (whole context windows, not shuffled rows)
    warmup: float = 0.06
    weight_decay: float = 0.01
    seed: int = 0


@dataclass
class Trained:
    encoder: UtteranceEncoder
    context: ContextHeads
    tokenizer: UtteranceTokenizer


def fit(
    dialogues: Sequence[Dialogue],
    base_model_dir: str | Path,
    recipe: Recipe = Recipe(),
    log: Callable[[str], None] = print,
    device: str = "cpu",
) -> Trained:
    """Fine-tune encoder and context heads jointly on ``dialogues``.

    ``device`` only changes where the arithmetic runs (``"cuda"`` trains a fold in about a minute instead of
    40 on two CPU cores); the networks come back on the CPU either way, ready for ``predict`` and export.
    """
    _seed(recipe.seed)
    tokenizer = UtteranceTokenizer(Path(base_model_dir) / "tokenizer.json")
    encoder = UtteranceEncoder(str(base_model_dir)).to(device)
    context = ContextHeads(encoder.dim).to(device)
    token_ids = {d.transcript_id: tokenizer.ids(d.texts) for d in dialogues}
    weights = {head: w.to(device) for head, w in _class_weights(dialogues).items()}
    chunks = [(d, start) for d in dialogues for start in range(0, len(d), recipe.chunk)]
    optimiser = torch.optim.AdamW(
        [
            {"params": list(encoder.parameters()), "lr": recipe.encoder_lr},
            {"params": list(context.parameters()), "lr": recipe.head_lr},
        ],
        weight_decay=recipe.weight_decay,
    )
    total = recipe.epochs * len(chunks)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda step: _lr_factor(step, total, recipe.warmup))
    rng = random.Random(recipe.seed)
    encoder.train()
    context.train()
    for epoch in range(recipe.epochs):
        rng.shuffle(chunks)
        started, running = time.monotonic(), 0.0
        for dialogue, start in chunks:
            span = slice(start, start + recipe.chunk)
            loss = _loss(encoder, context, tokenizer, token_ids[dialogue.transcript_id][span], dialogue, span, weights)
            loss.backward()
            nn.utils.clip_grad_norm_([*encoder.parameters(), *context.parameters()], 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            running += float(loss.detach())
        seconds = time.monotonic() - started
        log(f"epoch {epoch + 1}/{recipe.epochs}: loss {running / len(chunks):.3f} ({seconds:.0f} s)")
    return Trained(encoder.cpu().eval(), context.cpu().eval(), tokenizer)


def predict(trained: Trained, dialogues: Sequence[Dialogue], device: str = "cpu") -> dict[str, dict[str, np.ndarray]]:
    """Class probabilities per transcript id and output (``"bi.talk"`` …), shape (utterances, classes)."""
    names = output_names()
    result = {}
    trained.encoder.to(device)
    trained.context.to(device)
    try:
        with torch.inference_mode():
            for dialogue in dialogues:
                vectors = encode(trained, dialogue.texts, device=device)
                logits = trained.context(vectors[None], torch.tensor(dialogue.is_client, device=device)[None])
                result[dialogue.transcript_id] = {
                    n: t[0].softmax(-1).cpu().numpy() for n, t in zip(names, logits, strict=True)
                }
    finally:
        trained.encoder.cpu()
        trained.context.cpu()
    return result


def encode(trained: Trained, texts: Sequence[str], batch: int = 32, device: str = "cpu") -> torch.Tensor:
    """Utterance vectors, encoded in length-sorted batches (padding is most of the cost otherwise)."""
    ids = trained.tokenizer.ids(texts)
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = torch.zeros(len(ids), trained.encoder.dim, device=device)
    for first in range(0, len(order), batch):
        rows = order[first : first + batch]
        padded, mask = (torch.from_numpy(a).to(device) for a in trained.tokenizer.pad([ids[i] for i in rows]))
        out[rows] = trained.encoder(padded, mask)
    return out


def _loss(
    encoder: UtteranceEncoder,
    context: ContextHeads,
    tokenizer: UtteranceTokenizer,
    ids: list[list[int]],
    dialogue: Dialogue,
    span: slice,
    weights: dict[str, torch.Tensor],
) -> torch.Tensor:
    device = next(encoder.parameters()).device
    padded, mask = (torch.from_numpy(a).to(device) for a in tokenizer.pad(ids))
    vectors = encoder(padded, mask)
    logits = context(vectors[None], torch.tensor(dialogue.is_client[span], device=device)[None])
    loss = torch.zeros((), device=device)
    for name, output in zip(output_names(), logits, strict=True):
        head = name.split(".", 1)[1]
        target = torch.tensor(dialogue.targets[head][span], device=device)
        if (target != NO_LABEL).any():
            loss = loss + nn.functional.cross_entropy(output[0], target, weight=weights[head], ignore_index=NO_LABEL)
    return loss


def _class_weights(dialogues: Sequence[Dialogue]) -> dict[str, torch.Tensor]:
    """Inverse square-root class frequency per head: rare classes count more, without swamping the rest."""
    weights = {}
    for head, classes in HEADS.items():
        counts = np.ones(len(classes))
        for dialogue in dialogues:
            for target in dialogue.targets[head]:
                if target != NO_LABEL:
                    counts[target] += 1
        weights[head] = torch.tensor(np.sqrt(counts.max() / counts), dtype=torch.float32)
    return weights


def _lr_factor(step: int, total: int, warmup: float) -> float:
    """Linear warm-up then linear decay to zero."""
    return min(1.0, (step + 1) / max(1.0, warmup * total)) * max(0.0, (total - step) / total)


def _seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
