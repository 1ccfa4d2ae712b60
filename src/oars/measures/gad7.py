"""The GAD-7 anxiety questionnaire, worded exactly as the published form.

It shares the PHQ-9's stem and answers. Two deliberate gaps:

* no difficulty item — the reference this project reproduces wording from gives the PHQ-9's only, and a
  paraphrase would not be the published instrument;
* no remission cut-off — the reference states none for the GAD-7.
"""

from __future__ import annotations

from collections.abc import Iterable

from oars.measures.phq9 import FREQUENCY_OPTIONS, STEM
from oars.measures.questionnaire import Item, Questionnaire, QuestionnaireResult, SeverityBand

__all__ = ["GAD7", "score_gad7"]

GAD7 = Questionnaire(
    id="gad7",
    name="GAD-7",
    title="Generalized Anxiety Disorder-7 (GAD-7)",
    stem=STEM,
    items=(
        Item(1, "Feeling nervous, anxious, or on edge"),
        Item(2, "Not being able to stop or control worrying"),
        Item(3, "Worrying too much about different things"),
        Item(4, "Trouble relaxing"),
        Item(5, "Being so restless that it is hard to sit still"),
        Item(6, "Becoming easily annoyed or irritable"),
        Item(7, "Feeling afraid, as if something awful might happen"),
    ),
    options=FREQUENCY_OPTIONS,
    bands=(
        SeverityBand(0, 4, "minimal"),
        SeverityBand(5, 9, "mild"),
        SeverityBand(10, 14, "moderate"),
        SeverityBand(15, 21, "severe"),
    ),
    citation=(
        "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety "
        "disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097."
    ),
    credit=(
        "Developed by Drs. Robert L. Spitzer, Kurt Kroenke, Janet B.W. Williams, Bernd Löwe and colleagues, "
        "with an educational grant from Pfizer Inc."
    ),
    free_use_note="No permission required to reproduce, translate, display or distribute.",
    # A commonly used threshold, not one the reference states: a change of 4 or more points is the usual
    # minimal clinically important difference for the GAD-7 (e.g. Toussaint et al., J Affect Disord 2020).
    change_threshold=4,
)


def score_gad7(answers: Iterable[int]) -> QuestionnaireResult:
    """Score a GAD-7: seven answers 0–3 in item order."""
    return GAD7.score(answers)
