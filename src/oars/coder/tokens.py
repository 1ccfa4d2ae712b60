"""Turning utterances into token ids, identically at training and at run time.

Long utterances are cut in the middle rather than at the end: whether a long counsellor turn is a
question or a reflection is usually decided by its last sentence, and its first words often carry the
link to what the client just said. The coder keeps the head and the tail.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

__all__ = ["HEAD_TOKENS", "TAIL_TOKENS", "UtteranceTokenizer"]

HEAD_TOKENS = 30
TAIL_TOKENS = 64


class UtteranceTokenizer:
    """A WordPiece tokenizer that yields ``[CLS] head … tail [SEP]`` id sequences and padded batches."""

    def __init__(self, path: str | Path) -> None:
        self._tokenizer = Tokenizer.from_file(str(path))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        self.cls_id = self._tokenizer.token_to_id("[CLS]")
        self.sep_id = self._tokenizer.token_to_id("[SEP]")

    def ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids per text, cut to at most ``HEAD_TOKENS + TAIL_TOKENS`` plus the two markers."""
        encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        return [self._frame(encoding.ids) for encoding in encodings]

    def _frame(self, ids: list[int]) -> list[int]:
        if len(ids) > HEAD_TOKENS + TAIL_TOKENS:
            ids = ids[:HEAD_TOKENS] + ids[-TAIL_TOKENS:]
        return [self.cls_id, *ids, self.sep_id]

    @staticmethod
    def pad(batch: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Right-padded ``(ids, attention_mask)`` int64 arrays for a batch of id sequences."""
        width = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, sequence in enumerate(batch):
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1
        return ids, mask
