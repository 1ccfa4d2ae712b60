"""Standardised measures: the PHQ-9 and GAD-7 questionnaires and the MI readiness rulers.

One model serves the terminal chat, the web forms and the API: the instrument definitions (wording,
answers, bands, credit), scoring with a safety flag, reading a change between two administrations, and
parsers that turn what a person types in a chat into an answer — or ``None``, so the chat re-asks.
"""

from types import MappingProxyType

from oars.measures.answers import parse_difficulty_answer, parse_frequency_answer
from oars.measures.gad7 import GAD7, score_gad7
from oars.measures.phq9 import PHQ9, score_phq9
from oars.measures.questionnaire import (
    ChangeDirection,
    ChangeInterpretation,
    Questionnaire,
    QuestionnaireResult,
    interpret_change,
)
from oars.measures.rulers import (
    Ruler,
    RulerKind,
    RulerReading,
    named_rulers,
    parse_ruler_number,
    ruler_followup,
    ruler_moved,
)

QUESTIONNAIRES = MappingProxyType({questionnaire.id: questionnaire for questionnaire in (PHQ9, GAD7)})
"""Every questionnaire by id ("phq9", "gad7"), read-only."""

__all__ = [
    "GAD7",
    "PHQ9",
    "QUESTIONNAIRES",
    "ChangeDirection",
    "ChangeInterpretation",
    "Questionnaire",
    "QuestionnaireResult",
    "Ruler",
    "RulerKind",
    "RulerReading",
    "interpret_change",
    "named_rulers",
    "parse_difficulty_answer",
    "parse_frequency_answer",
    "parse_ruler_number",
    "ruler_followup",
    "ruler_moved",
    "score_gad7",
    "score_phq9",
]
