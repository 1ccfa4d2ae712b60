"""Scoring, severity bands, the PHQ-9 safety flag, answer validation and reading a change."""

from __future__ import annotations

import numpy as np
import pytest

from oars.measures import (
    GAD7,
    PHQ9,
    ChangeDirection,
    Questionnaire,
    interpret_change,
    score_gad7,
    score_phq9,
)


def answers_for(total: int, questionnaire: Questionnaire, safety_item_zero: bool = True) -> list[int]:
    """Answers adding up to ``total``, filling items from the first; the safety item last, if at all."""
    order = list(range(len(questionnaire.items)))
    if safety_item_zero and questionnaire.safety_item is not None:
        order.remove(questionnaire.safety_item - 1)
        order.append(questionnaire.safety_item - 1)
    answers = [0] * len(order)
    remaining = total
    for index in order:
        answers[index] = min(3, remaining)
        remaining -= answers[index]
    assert remaining == 0
    return answers


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_band_boundaries(total: int, band: str) -> None:
    result = score_phq9(answers_for(total, PHQ9))
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_band_boundaries(total: int, band: str) -> None:
    result = score_gad7(answers_for(total, GAD7))
    assert (result.total, result.band, result.safety_flag) == (total, band, False)


def test_phq9_item_9_flags_safety_whatever_the_total() -> None:
    result = score_phq9([0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert result.total == 1
    assert result.band == "minimal"
    assert result.safety_flag is True
    assert result.answer(9) == 1


@pytest.mark.parametrize("item_9", [1, 2, 3])
def test_phq9_any_item_9_answer_above_zero_flags_safety(item_9: int) -> None:
    assert score_phq9([3, 3, 0, 0, 0, 0, 0, 0, item_9]).safety_flag is True


def test_phq9_high_total_without_item_9_does_not_flag() -> None:
    result = score_phq9([3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert (result.total, result.band, result.safety_flag) == (24, "severe", False)


def test_result_keeps_per_item_answers_and_difficulty() -> None:
    result = PHQ9.score((1, 2, 3, 0, 1, 2, 3, 0, 0), difficulty=2)
    assert result.answers == (1, 2, 3, 0, 1, 2, 3, 0, 0)
    assert [result.answer(number) for number in (1, 3, 9)] == [1, 3, 0]
    assert result.difficulty == 2
    assert result.questionnaire_id == "phq9"
    assert result.total == 12


def test_difficulty_is_not_scored() -> None:
    assert score_phq9([1] * 9, difficulty=3).total == score_phq9([1] * 9).total == 9


def test_numpy_integers_are_accepted() -> None:
    assert score_gad7(np.array([1, 1, 1, 1, 1, 1, 1])).total == 7


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([0] * 8, r"PHQ-9 needs 9 answers, one per item, got 8"),
        ([0] * 10, r"PHQ-9 needs 9 answers, one per item, got 10"),
        ([], r"PHQ-9 needs 9 answers, one per item, got 0"),
        (
            [0, 0, 4, 0, 0, 0, 0, 0, 0],
            r"PHQ-9 item 3 \(Trouble falling .*\): expected a whole number from 0 to 3 ",
        ),
        ([0, 0, 0, 0, 0, 0, 0, 0, -1], r"PHQ-9 item 9 \(Thoughts .*\): expected .* got -1$"),
        ([0, 2.0, 0, 0, 0, 0, 0, 0, 0], r"PHQ-9 item 2 .* got 2\.0$"),
        ([0, 0, 0, 0, "2", 0, 0, 0, 0], r"PHQ-9 item 5 .* got '2'$"),
        ([True, 0, 0, 0, 0, 0, 0, 0, 0], r"PHQ-9 item 1 .* got True$"),
        ([None, 0, 0, 0, 0, 0, 0, 0, 0], r"PHQ-9 item 1 .* got None$"),
        ("000000000", r"PHQ-9 answers must be a sequence of 9 whole numbers in item order, got str"),
        ({1: 0}, r"got dict"),
        (5, r"got int"),
    ],
)
def test_invalid_answers_say_which_item_and_what_was_expected(answers: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        score_phq9(answers)  # type: ignore[arg-type]


def test_error_lists_the_answer_options() -> None:
    with pytest.raises(ValueError, match=r"0 = Not at all, 1 = Several days, 2 = More than half the days"):
        score_gad7([0, 0, 0, 0, 0, 0, 9])


def test_gad7_wrong_count_names_the_instrument() -> None:
    with pytest.raises(ValueError, match=r"GAD-7 needs 7 answers, one per item, got 9"):
        score_gad7([0] * 9)


def test_invalid_difficulty_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"PHQ-9 difficulty item: .*0 = Not difficult at all.* got 4"):
        score_phq9([0] * 9, difficulty=4)


def test_gad7_has_no_difficulty_item() -> None:
    with pytest.raises(ValueError, match="GAD-7 has no difficulty item"):
        GAD7.score([0] * 7, difficulty=1)


def test_answer_lookup_rejects_unknown_item_numbers() -> None:
    with pytest.raises(ValueError, match="items are numbered 1 to 9, got 10"):
        score_phq9([0] * 9).answer(10)


@pytest.mark.parametrize(
    ("before", "after", "change", "meaningful", "direction", "remission"),
    [
        (15, 9, -6, True, ChangeDirection.IMPROVED, False),
        (12, 4, -8, True, ChangeDirection.IMPROVED, True),
        (12, 7, -5, True, ChangeDirection.IMPROVED, False),
        (12, 8, -4, False, ChangeDirection.IMPROVED, False),
        (5, 4, -1, False, ChangeDirection.IMPROVED, True),
        (6, 11, 5, True, ChangeDirection.WORSENED, False),
        (10, 10, 0, False, ChangeDirection.UNCHANGED, False),
        (3, 2, -1, False, ChangeDirection.IMPROVED, None),
        (2, 9, 7, True, ChangeDirection.WORSENED, None),
    ],
)
def test_phq9_change(
    before: int, after: int, change: int, meaningful: bool, direction: ChangeDirection, remission: bool | None
) -> None:
    reading = interpret_change(score_phq9(answers_for(before, PHQ9)), score_phq9(answers_for(after, PHQ9)))
    assert (reading.change, reading.points, reading.meaningful) == (change, abs(change), meaningful)
    assert (reading.direction, reading.remission, reading.threshold) == (direction, remission, 5)
    assert (reading.before, reading.after, reading.questionnaire_id) == (before, after, "phq9")


@pytest.mark.parametrize(
    ("before", "after", "meaningful", "direction"),
    [
        (10, 6, True, ChangeDirection.IMPROVED),
        (10, 7, False, ChangeDirection.IMPROVED),
        (4, 8, True, ChangeDirection.WORSENED),
        (4, 7, False, ChangeDirection.WORSENED),
    ],
)
def test_gad7_change_uses_a_four_point_threshold(
    before: int, after: int, meaningful: bool, direction: ChangeDirection
) -> None:
    reading = interpret_change(score_gad7(answers_for(before, GAD7)), score_gad7(answers_for(after, GAD7)))
    assert (reading.meaningful, reading.direction, reading.threshold) == (meaningful, direction, 4)
    assert reading.remission is None


def test_change_between_different_questionnaires_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot compare a PHQ-9 result with a GAD-7 result"):
        interpret_change(score_phq9([0] * 9), score_gad7([0] * 7))


def test_questionnaire_definitions_are_checked_for_gaps() -> None:
    with pytest.raises(ValueError, match=r"severity bands must cover 0\.\.27 without gaps"):
        Questionnaire(**{**_fields(PHQ9), "bands": PHQ9.bands[:-1]})


def _fields(questionnaire: Questionnaire) -> dict[str, object]:
    return {name: getattr(questionnaire, name) for name in questionnaire.__dataclass_fields__}
