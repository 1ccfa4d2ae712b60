"""Score a crisis detector on labelled examples: recall on risk statements, false alarms on hard negatives.

The examples are JSONL, one ``{"text": ..., "category": ... or null, "note": ...}`` per line (``null``
for a message that must not fire). The same code scores the shipped sets in the tests and the benchmark,
and any other detector with an ``assess`` method, so detectors can be compared on equal terms.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from oars.safety.detector import CrisisAssessment, CrisisCategory

__all__ = ["DEVELOPMENT_SETS", "Evaluation", "Example", "evaluate", "load_examples", "split_dev_held"]

DEVELOPMENT_SETS = ("crisis_dev", "crisis_dev2", "crisis_dev3", "crisis_dev4", "crisis_dev5", "crisis_dev6")
"""Folders under the repository's ``data/`` that the rules were tuned on and the learned screen learns from:
their figures are not generalisation figures (the ``crisis_heldout*`` sets are)."""


class _Assessor(Protocol):
    def assess(self, text: str) -> CrisisAssessment: ...


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled message; ``category`` is ``None`` for a hard negative."""

    text: str
    category: CrisisCategory | None
    note: str = ""


def load_examples(path: str | Path) -> tuple[Example, ...]:
    """Read a JSONL file of examples (no ``category`` means a hard negative); a malformed line raises
    ``ValueError`` naming the file and line."""
    examples = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            category = CrisisCategory(row["category"]) if row.get("category") is not None else None
            examples.append(Example(row["text"], category, row.get("note", "")))
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}, line {number}: {error}") from error
    return tuple(examples)


def split_dev_held(examples: Sequence[Example]) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    """Every other example: the even-numbered ones (0, 2, …) to tune on, the odd ones held out."""
    return tuple(examples[0::2]), tuple(examples[1::2])


@dataclass(frozen=True, slots=True)
class Evaluation:
    """How a detector did. A risk statement counts as caught when the message fires at all, whatever the
    category (``recall_by_category`` groups them by their label; ``wrong_category`` lists the caught ones
    that did not carry it). Rates are ``nan`` when there was nothing to measure them on.
    """

    positives: int
    negatives: int
    misses: tuple[Example, ...]
    false_alarms: tuple[Example, ...]
    wrong_category: tuple[Example, ...]
    recall_by_category: dict[CrisisCategory, float]

    @property
    def recall(self) -> float:
        return _rate(self.positives - len(self.misses), self.positives)

    @property
    def false_alarm_rate(self) -> float:
        return _rate(len(self.false_alarms), self.negatives)

    @property
    def category_accuracy(self) -> float:
        """Of the caught risk statements, the share that carried their labelled category."""
        caught = self.positives - len(self.misses)
        return _rate(caught - len(self.wrong_category), caught)


def evaluate(detector: _Assessor, examples: Sequence[Example]) -> Evaluation:
    """Run ``detector`` over ``examples`` (positives and hard negatives mixed) and score it."""
    positives = [example for example in examples if example.category is not None]
    negatives = [example for example in examples if example.category is None]
    assessed = {example: detector.assess(example.text) for example in examples}
    misses = tuple(example for example in positives if not assessed[example].is_crisis)
    wrong = tuple(
        example
        for example in positives
        if assessed[example].is_crisis and example.category not in assessed[example].categories
    )
    return Evaluation(
        positives=len(positives),
        negatives=len(negatives),
        misses=misses,
        false_alarms=tuple(example for example in negatives if assessed[example].is_crisis),
        wrong_category=wrong,
        recall_by_category={
            category: _rate(
                sum(1 for e in positives if e.category is category and e not in misses),
                sum(1 for e in positives if e.category is category),
            )
            for category in CrisisCategory
        },
    )


def _rate(count: int, total: int) -> float:
    return count / total if total else float("nan")
