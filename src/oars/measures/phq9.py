"""The PHQ-9 depression questionnaire, worded exactly as the published form.

Also home of the stem and the four frequency answers, which the GAD-7 shares word for word.
"""

from __future__ import annotations

from collections.abc import Iterable

from oars.measures.questionnaire import (
    AnswerOption,
    DifficultyItem,
    Item,
    Questionnaire,
    QuestionnaireResult,
    SeverityBand,
)

__all__ = ["FREQUENCY_OPTIONS", "PHQ9", "STEM", "score_phq9"]

STEM = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"

FREQUENCY_OPTIONS = (
    AnswerOption("Not at all", 0),
    AnswerOption("Several days", 1),
    AnswerOption("More than half the days", 2),
    AnswerOption("Nearly every day", 3),
)

PHQ9 = Questionnaire(
    id="phq9",
    name="PHQ-9",
    title="Patient Health Questionnaire-9 (PHQ-9)",
    stem=STEM,
    items=(
        Item(1, "Little interest or pleasure in doing things"),
        Item(2, "Feeling down, depressed, or hopeless"),
        Item(3, "Trouble falling or staying asleep, or sleeping too much"),
        Item(4, "Feeling tired or having little energy"),
        Item(5, "Poor appetite or overeating"),
        Item(
            6,
            "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        ),
        Item(7, "Trouble concentrating on things, such as reading the newspaper or watching television"),
        Item(
            8,
            "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so "
            "fidgety or restless that you have been moving around a lot more than usual",
        ),
        Item(9, "Thoughts that you would be better off dead or of hurting yourself in some way"),
    ),
    options=FREQUENCY_OPTIONS,
    difficulty=DifficultyItem(
        text=(
            "If you checked off any problems, how difficult have these problems made it for you to do your "
            "work, take care of things at home, or get along with other people?"
        ),
        options=(
            AnswerOption("Not difficult at all", 0),
            AnswerOption("Somewhat difficult", 1),
            AnswerOption("Very difficult", 2),
            AnswerOption("Extremely difficult", 3),
        ),
    ),
    bands=(
        SeverityBand(0, 4, "minimal"),
        SeverityBand(5, 9, "mild"),
        SeverityBand(10, 14, "moderate"),
        SeverityBand(15, 19, "moderately severe"),
        SeverityBand(20, 27, "severe"),
    ),
    citation=(
        "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. "
        "J Gen Intern Med. 2001;16(9):606-613."
    ),
    credit=(
        "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
        "with an educational grant from Pfizer Inc."
    ),
    free_use_note="No permission required to reproduce, translate, display or distribute.",
    change_threshold=5,
    remission_below=5,
    # Item 9 asks about thoughts of death or self-harm: any answer above "Not at all" starts the safety
    # path, whatever the total (reference section 7).
    safety_item=9,
)


def score_phq9(answers: Iterable[int], difficulty: int | None = None) -> QuestionnaireResult:
    """Score a PHQ-9: nine answers 0–3 in item order, plus the optional unscored difficulty answer."""
    return PHQ9.score(answers, difficulty)
