"""AnnoMI as training dialogues: utterances in order, with a target (or "no label") for every head."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from oars.coder.labels import HEADS

__all__ = ["NO_LABEL", "Dialogue", "load_annomi", "split_folds"]

NO_LABEL = -100  # PyTorch's cross-entropy ignore_index

# AnnoMI's column values mapped to the coder's head classes.
_BEHAVIOUR = {
    "reflection": "reflection",
    "question": "question",
    "therapist_input": "input",
    "other": "other",
}


@dataclass(frozen=True)
class Dialogue:
    """One AnnoMI transcript: texts, speakers (1 = client) and per-head class indices (or ``NO_LABEL``)."""

    transcript_id: str
    mi_quality: str
    topic: str
    texts: tuple[str, ...]
    is_client: tuple[int, ...]
    targets: dict[str, tuple[int, ...]]

    def __len__(self) -> int:
        return len(self.texts)


def load_annomi(path: str | Path) -> list[Dialogue]:
    """Read ``AnnoMI-full.train.csv`` (or a file with its columns) into dialogues ordered by utterance_id."""
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with Path(path).open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["transcript_id"]].append(row)
    return [_dialogue(tid, sorted(rs, key=lambda r: int(r["utterance_id"]))) for tid, rs in rows.items()]


def _dialogue(transcript_id: str, rows: list[dict[str, str]]) -> Dialogue:
    targets = {head: tuple(_target(head, row) for row in rows) for head in HEADS}
    return Dialogue(
        transcript_id=transcript_id,
        mi_quality=rows[0].get("mi_quality", ""),
        topic=rows[0].get("topic", "").strip(),
        texts=tuple(" ".join(row["utterance_text"].split()) for row in rows),
        is_client=tuple(int(row["interlocutor"] == "client") for row in rows),
        targets=targets,
    )


def _target(head: str, row: dict[str, str]) -> int:
    """The class index of ``row`` for ``head``, or ``NO_LABEL`` where AnnoMI says nothing."""
    value = {
        "behaviour": _BEHAVIOUR.get(row.get("main_therapist_behaviour", "")),
        "reflection": row.get("reflection_subtype"),
        "question": row.get("question_subtype"),
        "input": row.get("therapist_input_subtype"),
        "talk": row.get("client_talk_type"),
    }[head]
    classes = HEADS[head]
    return classes.index(value) if value in classes else NO_LABEL


def split_folds(dialogues: Sequence[Dialogue], folds: int, seed: int = 0) -> list[list[str]]:
    """Transcript ids in ``folds`` groups, stratified by MI quality so every fold has some low-quality MI.

    Splitting by transcript (never by utterance) keeps neighbouring utterances of one conversation out of
    both sides of a split.
    """
    by_quality: dict[str, list[str]] = defaultdict(list)
    for dialogue in sorted(dialogues, key=lambda d: int(d.transcript_id)):
        by_quality[dialogue.mi_quality].append(dialogue.transcript_id)
    groups: list[list[str]] = [[] for _ in range(folds)]
    rng = random.Random(seed)
    offset = 0
    for quality in sorted(by_quality):
        ids = by_quality[quality]
        rng.shuffle(ids)
        for position, transcript_id in enumerate(ids):
            groups[(position + offset) % folds].append(transcript_id)
        offset += len(ids)
    return [sorted(group, key=int) for group in groups]
