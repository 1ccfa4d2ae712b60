"""The label sets the coder speaks: AnnoMI's behaviours and talk types, their subtypes, MITI 4.2.1 codes.

AnnoMI (the expert-annotated training data) codes a counsellor utterance with one main behaviour and a
subtype; MITI 4.2.1 codes behaviour counts. ``miti_codes_for`` is the bridge between the two.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "HEADS",
    "MODES",
    "Behaviour",
    "DarnCat",
    "InputSubtype",
    "MitiCode",
    "QuestionSubtype",
    "ReflectionSubtype",
    "Talk",
]


class Behaviour(StrEnum):
    """A counsellor utterance's main behaviour (AnnoMI's four; ``input`` is AnnoMI's therapist_input)."""

    REFLECTION = "reflection"
    QUESTION = "question"
    INPUT = "input"
    OTHER = "other"


class ReflectionSubtype(StrEnum):
    SIMPLE = "simple"
    COMPLEX = "complex"


class QuestionSubtype(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class InputSubtype(StrEnum):
    INFORMATION = "information"
    ADVICE = "advice"
    OPTIONS = "options"
    NEGOTIATION = "negotiation"


class Talk(StrEnum):
    """A client utterance's direction relative to the target behaviour."""

    CHANGE = "change"
    NEUTRAL = "neutral"
    SUSTAIN = "sustain"


class DarnCat(StrEnum):
    """The kind of change (or sustain) talk: preparatory DARN, mobilising CAT."""

    DESIRE = "desire"
    ABILITY = "ability"
    REASON = "reason"
    NEED = "need"
    COMMITMENT = "commitment"
    ACTIVATION = "activation"
    TAKING_STEPS = "taking_steps"

    @property
    def mobilising(self) -> bool:
        return self in {DarnCat.COMMITMENT, DarnCat.ACTIVATION, DarnCat.TAKING_STEPS}


class MitiCode(StrEnum):
    """MITI 4.2.1 behaviour codes (the values are the manual's abbreviations)."""

    GI = "GI"
    PERSUADE = "Persuade"
    PERSUADE_WITH_PERMISSION = "PwP"
    QUESTION = "Q"
    SIMPLE_REFLECTION = "SR"
    COMPLEX_REFLECTION = "CR"
    AFFIRM = "AF"
    SEEK = "Seek"
    EMPHASIZE = "Emphasize"
    CONFRONT = "Confront"

    @property
    def adherent(self) -> bool:
        """MI-adherent (MIA): Seek, Affirm, Emphasize."""
        return self in {MitiCode.SEEK, MitiCode.AFFIRM, MitiCode.EMPHASIZE}

    @property
    def non_adherent(self) -> bool:
        """MI-non-adherent (MINA): Persuade, Confront."""
        return self in {MitiCode.PERSUADE, MitiCode.CONFRONT}


# The classifier's output heads and their classes, in the order the network emits them. Training and run
# time both read this table, so a model and the code that loads it cannot disagree on what a column means.
HEADS: dict[str, tuple[str, ...]] = {
    "behaviour": tuple(b.value for b in Behaviour),
    "reflection": tuple(s.value for s in ReflectionSubtype),
    "question": tuple(s.value for s in QuestionSubtype),
    "input": tuple(s.value for s in InputSubtype),
    "talk": tuple(t.value for t in Talk),
}

# The context modes every head is trained in: ``bi`` reads the whole conversation (a finished transcript),
# ``causal`` only what came before (a live one).
MODES = ("bi", "causal")
