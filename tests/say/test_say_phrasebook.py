"""The phrasebook itself: enough templates per act, style and purpose, varied openers, clean wording."""

from __future__ import annotations

from collections import Counter
from itertools import chain

import pytest

from oars.choose.move import Purpose, Style, SummaryKind
from oars.say.filters import is_forbidden
from oars.say.questions import OPEN, PERMISSION
from oars.say.reflections import COMPLEX, SIMPLE
from oars.say.remarks import AFFIRMATION, AUTONOMY, CLARIFY, CLOSING, DISCLOSURE, INFORMATION, OPENING
from oars.say.slots import CLIENT_SLOTS, FOCUS_SLOTS, TONE_FLAGS
from oars.say.summaries import SUMMARIES
from oars.say.templates import slot_names

KNOWN_NAMES = CLIENT_SLOTS | FOCUS_SLOTS | TONE_FLAGS | {"after", "after_summary", "plan_requested"}
GENERATED_PURPOSES = {Purpose.RULER, Purpose.RULER_FOLLOWUP}  # worded by oars.measures.rulers
REFLECTIONS = (*SIMPLE, *chain.from_iterable(COMPLEX.values()))
QUESTIONS = (*chain.from_iterable(OPEN.values()), *chain.from_iterable(PERMISSION.values()))
EVERYTHING = (
    *REFLECTIONS,
    *QUESTIONS,
    *chain.from_iterable(SUMMARIES.values()),
    *chain.from_iterable(CLARIFY.values()),
    *AFFIRMATION,
    *AUTONOMY,
    *INFORMATION,
    *OPENING,
    *DISCLOSURE,
    *CLOSING,
)


def test_every_style_has_at_least_six_reflections() -> None:
    assert set(COMPLEX) == set(Style)
    assert len(SIMPLE) >= 6
    assert all(len(templates) >= 6 for templates in COMPLEX.values())


def test_every_purpose_has_at_least_five_open_questions() -> None:
    assert set(OPEN) | GENERATED_PURPOSES == set(Purpose)
    assert all(len(templates) >= 5 for templates in OPEN.values())


@pytest.mark.parametrize(
    "templates",
    [
        *PERMISSION.values(),
        *SUMMARIES.values(),
        AFFIRMATION,
        AUTONOMY,
        INFORMATION,
        OPENING,
        DISCLOSURE,
        CLOSING,
        tuple(chain.from_iterable(CLARIFY.values())),
    ],
)
def test_every_other_act_has_at_least_five_templates(templates: tuple[str, ...]) -> None:
    assert len(templates) >= 5


def test_every_summary_kind_and_clarify_reason_is_covered() -> None:
    assert set(SUMMARIES) == set(SummaryKind)
    assert {"non_english", "gibberish", "emoji", "empty", "injection"} <= set(CLARIFY)
    assert all(len(templates) >= 3 for templates in CLARIFY.values())


@pytest.mark.parametrize("template", EVERYTHING)
def test_templates_name_only_known_slots_and_say_nothing_forbidden(template: str) -> None:
    tags, fields, text = slot_names(template)
    assert {tag.removeprefix("!") for tag in tags} | fields <= KNOWN_NAMES, template
    assert not is_forbidden(text), template
    assert "  " not in text and text == text.strip()


@pytest.mark.parametrize("template", REFLECTIONS)
def test_reflections_are_statements(template: str) -> None:
    assert "?" not in template
    assert template.endswith(".")


@pytest.mark.parametrize("template", QUESTIONS)
def test_questions_end_with_a_question_mark_unless_they_say_tell_me(template: str) -> None:
    text = slot_names(template)[2]
    assert text.endswith("?") or text.startswith("Tell me"), template


def test_no_two_word_opener_starts_more_than_a_tenth_of_the_reflections() -> None:
    fixed = [slot_names(t)[2] for t in REFLECTIONS if not slot_names(t)[2].startswith("{")]
    openers = Counter(" ".join(text.split()[:2]).strip(",.—:").lower() for text in fixed)
    opener, count = openers.most_common(1)[0]
    assert count <= 0.1 * len(REFLECTIONS), (opener, count)


def test_content_first_reflections_are_a_minority() -> None:
    content_first = [t for t in REFLECTIONS if slot_names(t)[2].startswith("{")]
    assert len(content_first) <= 0.3 * len(REFLECTIONS)
