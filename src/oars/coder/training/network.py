"""The coder's two networks (PyTorch, training only; run time uses their ONNX exports).

* ``UtteranceEncoder`` — MiniLM-L6 fine-tuned on AnnoMI, mean-pooled: one vector per utterance. Each
  utterance is encoded once, whatever context it is later read in, which is what makes coding fast.
* ``ContextHeads`` — reads the sequence of utterance vectors with two GRUs and predicts every head:
  ``bi`` sees the whole conversation (``oars code``: a finished transcript), ``causal`` sees only what
  came before (``oars chat`` / ``practice``: the newest turn has no future yet). Talk type and complex
  reflections depend on context; the future helps further (a client's answer shows a question was asked).
"""

from __future__ import annotations

import torch
from torch import nn
from transformers import AutoModel

from oars.coder.labels import HEADS, MODES

__all__ = ["MODES", "ContextHeads", "UtteranceEncoder"]


class UtteranceEncoder(nn.Module):
    """Token ids -> one mean-pooled vector per utterance."""

    def __init__(self, base_model_dir: str) -> None:
        super().__init__()
        # float32 whatever the checkpoint stores: newer transformers keep a half-precision file's dtype
        self.bert = AutoModel.from_pretrained(base_model_dir).float()
        self.dim = int(self.bert.config.hidden_size)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)


class ContextHeads(nn.Module):
    """Utterance vectors of one conversation (batch, time, dim) -> logits per mode and head."""

    def __init__(self, dim: int, hidden: int = 256, dropout: float = 0.1) -> None:
        super().__init__()
        self.speaker = nn.Embedding(2, dim)
        self.bi = nn.GRU(dim, hidden, batch_first=True, bidirectional=True)
        self.causal = nn.GRU(dim, hidden, batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.out_bi = nn.ModuleDict({h: nn.Linear(dim + 2 * hidden, len(c)) for h, c in HEADS.items()})
        self.out_causal = nn.ModuleDict({h: nn.Linear(dim + hidden, len(c)) for h, c in HEADS.items()})

    def forward(self, vectors: torch.Tensor, is_client: torch.Tensor) -> tuple[torch.Tensor, ...]:
        """Logits in the order ``[(mode, head) for mode in MODES for head in HEADS]``."""
        u = vectors + self.speaker(is_client)
        both, _ = self.bi(u)
        past, _ = self.causal(u)
        z_bi = self.dropout(torch.cat([u, both], dim=-1))
        z_causal = self.dropout(torch.cat([u, past], dim=-1))
        return (
            *(self.out_bi[h](z_bi) for h in HEADS),
            *(self.out_causal[h](z_causal) for h in HEADS),
        )


def output_names() -> list[str]:
    """``"bi.behaviour"``, … — the names of ``ContextHeads.forward``'s outputs, in order."""
    return [f"{mode}.{head}" for mode in MODES for head in HEADS]
