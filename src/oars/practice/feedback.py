"""Live coaching after every clinician turn: its MITI codes and, when useful, one tip.

The codes are the shared coder's, coded with the past only (``LiveCoding``), so they are exactly what
``oars code --context past`` gives for the same transcript and what the end-of-session report counts. The
tip is one line, chosen by the first rule that applies, in the order that matters most for outcomes:
non-adherent behaviour first (confronting, persuading without permission), then answering discord,
then missed change talk, then the balance of questions and reflections. A turn that needs no comment gets
none: a coach who comments on everything is not heard.
"""

from __future__ import annotations

from dataclasses import dataclass

from oars.coder import CodedUtterance, MitiCode, Talk
from oars.practice.hearing import asked
from oars.practice.speech import Kind

__all__ = ["Coach", "Feedback"]

QUESTIONS_IN_A_ROW = 3  # questions without a reflection in between before the coach says so
SIMPLE_BEFORE_NUDGE = 3  # simple reflections with no complex one yet before suggesting going deeper

_NAMES = {
    MitiCode.GI: "giving information",
    MitiCode.PERSUADE: "persuading",
    MitiCode.PERSUADE_WITH_PERMISSION: "persuading with permission",
    MitiCode.QUESTION: "question",
    MitiCode.SIMPLE_REFLECTION: "simple reflection",
    MitiCode.COMPLEX_REFLECTION: "complex reflection",
    MitiCode.AFFIRM: "affirmation",
    MitiCode.SEEK: "seeking collaboration",
    MitiCode.EMPHASIZE: "emphasising autonomy",
    MitiCode.CONFRONT: "confronting",
}


@dataclass(frozen=True)
class Feedback:
    """The codes of one clinician turn and an optional tip."""

    codes: tuple[MitiCode, ...]
    question: str | None  # "open" or "closed" when the turn asked something
    tip: str | None

    @property
    def label(self) -> str:
        """The codes in words: ``Q (closed) · SR``."""
        if not self.codes:
            return "no MITI code"
        return " · ".join(
            f"{code.value} ({self.question})" if code is MitiCode.QUESTION and self.question else code.value
            for code in self.codes
        )

    @property
    def description(self) -> str:
        """The codes spelled out: ``closed question, simple reflection``."""
        names = [
            f"{self.question} question" if c is MitiCode.QUESTION and self.question else _NAMES[c] for c in self.codes
        ]
        return ", ".join(names) or "no MITI code"

    def to_dict(self) -> dict[str, object]:
        return {"codes": [c.value for c in self.codes], "question": self.question, "tip": self.tip}


class Coach:
    """Keeps what the tips need to know about the session so far (runs of questions, reflections)."""

    def __init__(self) -> None:
        self._questions_in_a_row = 0
        self._simple = 0
        self._complex = 0

    def feedback(
        self, turn: CodedUtterance, client: CodedUtterance | None = None, client_kind: Kind | None = None
    ) -> Feedback:
        """Feedback on ``turn``, given the client's previous reply as coded (and what kind it was)."""
        codes = set(turn.miti)
        question = asked(turn) if MitiCode.QUESTION in codes else None
        reflected = bool(codes & {MitiCode.SIMPLE_REFLECTION, MitiCode.COMPLEX_REFLECTION})
        self._questions_in_a_row = 0 if reflected else self._questions_in_a_row + (question is not None)
        self._simple += MitiCode.SIMPLE_REFLECTION in codes
        self._complex += MitiCode.COMPLEX_REFLECTION in codes
        tip = self._tip(codes, question, client, client_kind)
        return Feedback(turn.miti, question, tip)

    def _tip(
        self, codes: set[MitiCode], question: str | None, client: CodedUtterance | None, kind: Kind | None
    ) -> str | None:
        if MitiCode.CONFRONT in codes:
            return (
                "That may land as a confrontation. Come alongside instead: reflect their side "
                "(\"You're not convinced it's a problem\")."
            )
        if MitiCode.PERSUADE in codes:
            return (
                'That was advice or persuasion without permission. Ask first ("Would it be okay if I shared an '
                'idea?") and leave the choice with them ("It\'s your call").'
            )
        reflected = bool(codes & {MitiCode.SIMPLE_REFLECTION, MitiCode.COMPLEX_REFLECTION})
        if kind is Kind.DISCORD and not (reflected or MitiCode.EMPHASIZE in codes):
            return (
                "They pushed back last turn. Reflect it, apologise or stress their choice before going on "
                '("It sounds like I got ahead of you").'
            )
        answered = reflected or MitiCode.AFFIRM in codes or question == "open"
        if client is not None and client.talk is Talk.CHANGE and not answered:
            return "They just gave change talk. Reflect it, affirm it or ask for more (EARS) before moving on."
        if question == "closed":
            return 'That was a closed question — try opening it: "What…", "How…" or "Tell me about…".'
        if self._questions_in_a_row >= QUESTIONS_IN_A_ROW:
            return (
                f"That's {self._questions_in_a_row} questions in a row. Reflect what you've heard before asking "
                "the next one (aim for two reflections per question)."
            )
        if MitiCode.GI in codes and MitiCode.SEEK not in codes:
            return (
                "Before giving information, ask what they already know or would like to know (Elicit–Provide–Elicit)."
            )
        if MitiCode.SIMPLE_REFLECTION in codes and self._complex == 0 and self._simple >= SIMPLE_BEFORE_NUDGE:
            return "Good reflecting. Try going one step further: name the feeling or the meaning behind it."
        return None
