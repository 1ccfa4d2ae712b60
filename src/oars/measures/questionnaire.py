"""One model for the standardised questionnaires, shared by the terminal chat, the web forms and the API.

The PHQ-9 and the GAD-7 have the same shape — a stem, numbered items answered on one 0–3 frequency scale,
severity bands over the total, an optional unscored difficulty item — so one frozen :class:`Questionnaire`
describes both and one :meth:`Questionnaire.score` scores both. The instrument definitions themselves
live in :mod:`oars.measures.phq9` and :mod:`oars.measures.gad7`, with their wording copied exactly from the
published forms (see ``docs/mi-reference.md`` section 7).

Scoring never guesses: a wrong number of answers, a value outside 0–3 or a non-integer raises
``ValueError`` naming the item and what was expected, because a silently mis-scored screen is worse than
an error.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "AnswerOption",
    "ChangeDirection",
    "ChangeInterpretation",
    "DifficultyItem",
    "Item",
    "Questionnaire",
    "QuestionnaireResult",
    "SeverityBand",
    "interpret_change",
]


@dataclass(frozen=True, slots=True)
class Item:
    """A scored item: its number as printed on the form (1-based) and its exact wording."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class AnswerOption:
    """One answer a person can pick, with the value it scores (or, for the difficulty item, records)."""

    label: str
    value: int


@dataclass(frozen=True, slots=True)
class DifficultyItem:
    """The unscored functional-impairment question that closes the form.

    It is recorded with the result for the clinician but never added to the total.
    """

    text: str
    options: tuple[AnswerOption, ...]


@dataclass(frozen=True, slots=True)
class SeverityBand:
    """A range of totals, inclusive at both ends, and the severity label it carries."""

    min: int
    max: int
    label: str

    def __contains__(self, total: object) -> bool:
        return isinstance(total, int) and self.min <= total <= self.max


@dataclass(frozen=True, slots=True)
class Questionnaire:
    """A standardised questionnaire: its wording, answer scale, bands and how to read a change.

    ``change_threshold`` is the smallest change in total (points) treated as clinically meaningful;
    ``remission_below`` the total under which a follow-up counts as remission (``None`` where the
    instrument has no agreed cut-off); ``safety_item`` the item whose any non-zero answer must start the
    safety path whatever the total (PHQ-9 item 9), or ``None``.
    """

    id: str
    name: str
    title: str
    stem: str
    items: tuple[Item, ...]
    options: tuple[AnswerOption, ...]
    bands: tuple[SeverityBand, ...]
    citation: str
    credit: str
    free_use_note: str
    change_threshold: int
    difficulty: DifficultyItem | None = None
    remission_below: int | None = None
    safety_item: int | None = None

    def __post_init__(self) -> None:
        # The definitions are hand-typed constants; check they are coherent once, at import time, so an
        # editing slip (a gap between bands, a misnumbered item) fails loudly instead of mis-scoring.
        if [item.number for item in self.items] != list(range(1, len(self.items) + 1)):
            raise ValueError(f"{self.name}: items must be numbered 1..{len(self.items)} in order")
        if [option.value for option in self.options] != list(range(len(self.options))):
            raise ValueError(f"{self.name}: answer options must score 0..{len(self.options) - 1} in order")
        covered = [total for band in self.bands for total in range(band.min, band.max + 1)]
        if covered != list(range(self.max_total + 1)):
            raise ValueError(f"{self.name}: severity bands must cover 0..{self.max_total} without gaps")

    @property
    def max_value(self) -> int:
        """The highest value one item can score."""
        return self.options[-1].value

    @property
    def max_total(self) -> int:
        return self.max_value * len(self.items)

    @property
    def attribution(self) -> str:
        """The credit and free-use note as one line, to print under the form wherever it is shown."""
        return f"{self.credit} {self.free_use_note}"

    def band_for(self, total: int) -> SeverityBand:
        """The severity band a total falls in."""
        for band in self.bands:
            if total in band:
                return band
        raise ValueError(f"{self.name} totals run from 0 to {self.max_total}, got {total!r}")

    def score(self, answers: Iterable[int], difficulty: int | None = None) -> QuestionnaireResult:
        """Score one completed form: ``answers`` in item order, ``difficulty`` the optional unscored item."""
        values = self._validated_answers(answers)
        checked_difficulty = self._validated_difficulty(difficulty)
        total = sum(values)
        return QuestionnaireResult(
            questionnaire=self,
            total=total,
            band=self.band_for(total).label,
            answers=values,
            safety_flag=self.safety_item is not None and values[self.safety_item - 1] > 0,
            difficulty=checked_difficulty,
        )

    def _validated_answers(self, answers: Iterable[int]) -> tuple[int, ...]:
        # A string is iterable too, but "012..." is a caller bug, as is a mapping (whose keys would be read).
        if isinstance(answers, str | bytes | Mapping) or not isinstance(answers, Iterable):
            raise ValueError(
                f"{self.name} answers must be a sequence of {len(self.items)} whole numbers in item order, "
                f"got {type(answers).__name__}"
            )
        answers = tuple(answers)
        if len(answers) != len(self.items):
            raise ValueError(f"{self.name} needs {len(self.items)} answers, one per item, got {len(answers)}")
        return tuple(
            _checked_value(value, self.options, f"{self.name} item {item.number} ({item.text})")
            for item, value in zip(self.items, answers, strict=True)
        )

    def _validated_difficulty(self, difficulty: int | None) -> int | None:
        if difficulty is None:
            return None
        if self.difficulty is None:
            raise ValueError(f"{self.name} has no difficulty item, but a difficulty answer was given")
        return _checked_value(difficulty, self.difficulty.options, f"{self.name} difficulty item")


def _checked_value(value: object, options: tuple[AnswerOption, ...], what: str) -> int:
    """``value`` as an int if it is one of ``options``' values; otherwise a ``ValueError`` saying why."""
    # bool is an int subclass, but True as an answer is a caller bug, not "Several days".
    valid = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if valid and options[0].value <= int(value) <= options[-1].value:
        return int(value)
    choices = ", ".join(f"{option.value} = {option.label}" for option in options)
    raise ValueError(
        f"{what}: expected a whole number from {options[0].value} to {options[-1].value} ({choices}), got {value!r}"
    )


@dataclass(frozen=True, slots=True)
class QuestionnaireResult:
    """A scored form.

    ``answers`` holds the value of each item in item order (``answers[0]`` is item 1). ``band`` is the
    severity label of the total. ``safety_flag`` is True when the instrument's safety item was answered
    above 0 — for the PHQ-9, any thought of being better off dead or of self-harm — whatever the total;
    callers must start the safety path when it is set. ``difficulty`` is the unscored difficulty answer,
    if one was given.
    """

    questionnaire: Questionnaire = field(repr=False)
    total: int
    band: str
    answers: tuple[int, ...]
    safety_flag: bool
    difficulty: int | None = None

    @property
    def questionnaire_id(self) -> str:
        return self.questionnaire.id

    def answer(self, item_number: int) -> int:
        """The value given for an item, by its 1-based number as printed on the form."""
        if not 1 <= item_number <= len(self.answers):
            raise ValueError(
                f"{self.questionnaire.name} items are numbered 1 to {len(self.answers)}, got {item_number}"
            )
        return self.answers[item_number - 1]


class ChangeDirection(StrEnum):
    """Which way a total moved. Higher totals mean more symptoms, so a lower total is an improvement."""

    IMPROVED = "improved"
    WORSENED = "worsened"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class ChangeInterpretation:
    """How two administrations of the same questionnaire compare.

    ``change`` is ``after - before`` (negative = fewer symptoms). ``meaningful`` says whether its size
    reaches the instrument's ``threshold``. ``remission`` is only defined where the instrument has a
    remission cut-off and the earlier total was at or above it: True when the later total is below it,
    ``None`` when remission does not apply (no cut-off, or nothing to remit from).
    """

    questionnaire_id: str
    before: int
    after: int
    change: int
    threshold: int
    meaningful: bool
    direction: ChangeDirection
    remission: bool | None

    @property
    def points(self) -> int:
        """The size of the change, ignoring its direction."""
        return abs(self.change)


def interpret_change(before: QuestionnaireResult, after: QuestionnaireResult) -> ChangeInterpretation:
    """Compare an earlier and a later result of the same questionnaire.

    The thresholds are conventions, not laws: PHQ-9 ≥ 5 points and remission below 5 (reference
    section 7); GAD-7 ≥ 4 points, a commonly used minimal clinically important difference that the
    reference does not state — see :data:`oars.measures.gad7.GAD7`.
    """
    questionnaire = before.questionnaire
    if after.questionnaire.id != questionnaire.id:
        raise ValueError(f"cannot compare a {questionnaire.name} result with a {after.questionnaire.name} result")
    change = after.total - before.total
    return ChangeInterpretation(
        questionnaire_id=questionnaire.id,
        before=before.total,
        after=after.total,
        change=change,
        threshold=questionnaire.change_threshold,
        meaningful=abs(change) >= questionnaire.change_threshold,
        direction=_direction(change),
        remission=_remission(questionnaire.remission_below, before.total, after.total),
    )


def _direction(change: int) -> ChangeDirection:
    if change < 0:
        return ChangeDirection.IMPROVED
    if change > 0:
        return ChangeDirection.WORSENED
    return ChangeDirection.UNCHANGED


def _remission(cutoff: int | None, before: int, after: int) -> bool | None:
    if cutoff is None or before < cutoff:
        return None
    return after < cutoff
