"""The simulated client's state and how each clinician turn moves it.

The state is four numbers and two flags. After every clinician turn the client *hears* it
(``oars.practice.hearing``: the shared coder's MITI codes plus the words) and the state is updated:

``receptivity`` r (0–1)
    openness to the clinician and to talking about change. Listening raises it in proportion to the room
    left (``r += gain * (1 - r)``), pushing lowers it in proportion to what there is to lose
    (``r -= loss * r``), so it saturates instead of running off either end. A reflection's gain is scaled
    by how accurate it was: ``0.25 + 0.75 * accuracy``.
``friction`` f (0 upwards)
    short-lived tension with the clinician (MI's *discord*). It halves every turn, jumps with confrontation,
    persuasion and long runs of closed questions, and halves again when the clinician reflects, apologises or
    hands back the choice. The chance of a discord reply is ``DISCORD_SLOPE * (f - DISCORD_FROM)``.
``credit`` c (0 upwards)
    listening the clinician has accumulated: what earns the hidden concern. Reflections add most (scaled by
    accuracy); pushing takes credit away. The concern is hinted at once ``c >= HINT_CREDIT`` and disclosed
    once ``c >= REVEAL_CREDIT`` and ``r >= REVEAL_RECEPTIVITY``, on a turn that listens. Asking "what else?"
    counts as ``DEEPER_BONUS`` more credit for that turn only.
``closed_run``
    closed questions in a row (a turn with a reflection breaks the run). From the second one on, each costs
    ``CLOSED_RUN_LOSS`` times its place in the run beyond the first.

The constants were set by hand so that the directions follow MI theory (Miller & Rollnick, ch. 17–18:
reflections and autonomy support lower resistance; the righting reflex raises it) and so that a session of
good listening reaches the hidden concern in about five turns from a middling start; the tests pin the
directions and ``bench/bench_practice.py`` prints what they produce.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from oars.coder import Talk
from oars.measures import RulerKind
from oars.practice.hearing import Act, Asks, Heard
from oars.practice.persona import Stage

__all__ = [
    "CLOSED_RUN_LOSS",
    "CREDIT",
    "GAIN",
    "LOSS",
    "REVEAL_CREDIT",
    "ClientState",
    "discord_chance",
    "ruler_value",
    "talk_weights",
    "update",
]

# Share of the room left that each act wins (r += gain * (1 - r)).
GAIN: dict[Act, float] = {
    Act.COMPLEX_REFLECTION: 0.16,
    Act.SIMPLE_REFLECTION: 0.07,
    Act.AFFIRM: 0.10,
    Act.AUTONOMY: 0.12,
    Act.SEEK: 0.06,
    Act.OPEN_QUESTION: 0.03,
}
# Share of the receptivity each act costs (r -= loss * r).
LOSS: dict[Act, float] = {
    Act.ADVICE: 0.14,
    Act.CONFRONT: 0.25,
    Act.INFORMATION: 0.02,  # information nobody asked for, mildly; with permission it is PwP and free
}
CLOSED_RUN_LOSS = 0.05  # per closed question beyond the first in a run
ACCURACY_FLOOR = 0.25  # an inaccurate reflection still shows the clinician is trying

FRICTION_KEEP = 0.5  # friction halves every turn
FRICTION: dict[Act, float] = {Act.CONFRONT: 0.6, Act.ADVICE: 0.3}
FRICTION_CLOSED_RUN = 0.1  # per closed question beyond the second in a run
FRICTION_SOOTHED = 0.5  # further factor after an accurate reflection, an apology or autonomy support
DISCORD_FROM = 0.15
DISCORD_SLOPE = 1.2
DISCORD_MAX = 0.85

CREDIT: dict[Act, float] = {
    Act.COMPLEX_REFLECTION: 1.0,
    Act.SIMPLE_REFLECTION: 0.5,
    Act.AFFIRM: 0.5,
    Act.AUTONOMY: 0.5,
    Act.OPEN_QUESTION: 0.25,
    Act.SEEK: 0.25,
    Act.ADVICE: -1.0,
    Act.CONFRONT: -2.0,
}
HINT_CREDIT = 2.0
HINT_RECEPTIVITY = 0.45
REVEAL_CREDIT = 4.0
REVEAL_RECEPTIVITY = 0.6
DEEPER_BONUS = 1.0

# How far a stage of change turns receptivity into change talk (the client's "lean" is r times this).
STAGE_LEAN: dict[Stage, float] = {
    Stage.PRECONTEMPLATION: 0.6,
    Stage.CONTEMPLATION: 0.85,
    Stage.PREPARATION: 1.0,
    Stage.ACTION: 1.1,
    Stage.MAINTENANCE: 1.1,
}
# Ruler answers: a stage's typical value at r = 0.5, and how far receptivity moves it (per unit of r).
RULER_BASE: dict[RulerKind, dict[Stage, float]] = {
    RulerKind.IMPORTANCE: {
        Stage.PRECONTEMPLATION: 3,
        Stage.CONTEMPLATION: 5,
        Stage.PREPARATION: 7,
        Stage.ACTION: 8,
        Stage.MAINTENANCE: 8,
    },
    RulerKind.CONFIDENCE: {
        Stage.PRECONTEMPLATION: 3,
        Stage.CONTEMPLATION: 4,
        Stage.PREPARATION: 5,
        Stage.ACTION: 6,
        Stage.MAINTENANCE: 7,
    },
    RulerKind.READINESS: {
        Stage.PRECONTEMPLATION: 2,
        Stage.CONTEMPLATION: 4,
        Stage.PREPARATION: 6,
        Stage.ACTION: 8,
        Stage.MAINTENANCE: 8,
    },
}
RULER_SLOPE = 5.0
MOBILISING_RECEPTIVITY = 0.7  # commitment and steps talk only from here (and never in precontemplation)


@dataclass(frozen=True)
class ClientState:
    """Where the simulated client is; ``update`` returns the next state (this one never changes)."""

    receptivity: float
    friction: float = 0.0
    credit: float = 0.0
    closed_run: int = 0
    hinted: bool = False
    revealed: bool = False

    def may_hint(self, heard: Heard) -> bool:
        return (
            not self.hinted
            and heard.listens
            and self._credit_for(heard) >= HINT_CREDIT
            and self.receptivity >= HINT_RECEPTIVITY
        )

    def may_reveal(self, heard: Heard) -> bool:
        return (
            not self.revealed
            and heard.listens
            and self._credit_for(heard) >= REVEAL_CREDIT
            and self.receptivity >= REVEAL_RECEPTIVITY
        )

    def mobilising(self, stage: Stage) -> bool:
        """Whether commitment and taking-steps talk is within reach."""
        return stage is not Stage.PRECONTEMPLATION and self.receptivity >= MOBILISING_RECEPTIVITY

    def _credit_for(self, heard: Heard) -> float:
        return self.credit + (DEEPER_BONUS if heard.asks is Asks.DEEPER else 0.0)


def update(state: ClientState, heard: Heard) -> ClientState:
    """The state after hearing one clinician turn (the rule in the module docstring)."""
    closed_run = state.closed_run + 1 if Act.CLOSED_QUESTION in heard.acts and not heard.reflects else 0
    weight = ACCURACY_FLOOR + (1 - ACCURACY_FLOOR) * heard.accuracy
    gain = sum(GAIN.get(act, 0.0) * (weight if act.reflection else 1.0) for act in heard.acts)
    loss = sum(LOSS.get(act, 0.0) for act in heard.acts) + CLOSED_RUN_LOSS * max(0, closed_run - 1)
    r = state.receptivity
    r = min(1.0, r + min(gain, 1.0) * (1 - r))
    r = max(0.0, r - min(loss, 1.0) * r)
    friction = state.friction * FRICTION_KEEP + sum(FRICTION.get(act, 0.0) for act in heard.acts)
    friction += FRICTION_CLOSED_RUN * max(0, closed_run - 2)
    soothed = heard.apology or Act.AUTONOMY in heard.acts or (heard.reflects and heard.accuracy >= 0.5)
    if soothed and not heard.pushes:
        friction *= FRICTION_SOOTHED
    credit = state.credit + sum(CREDIT.get(act, 0.0) * (weight if act.reflection else 1.0) for act in heard.acts)
    return replace(
        state,
        receptivity=round(r, 4),
        friction=round(friction, 4),
        credit=round(max(0.0, credit), 4),
        closed_run=closed_run,
    )


def discord_chance(state: ClientState) -> float:
    """Chance that the reply is discord rather than talk about the behaviour."""
    return max(0.0, min(DISCORD_MAX, DISCORD_SLOPE * (state.friction - DISCORD_FROM)))


def talk_weights(state: ClientState, stage: Stage) -> dict[Talk, float]:
    """Prior weights of change, sustain and neutral talk before the clinician's turn shapes them.

    The client's lean is ``r * STAGE_LEAN[stage]``: change talk takes the lean, sustain talk three quarters
    of what is left, neutral the rest (at least 0.05 each).
    """
    lean = state.receptivity * STAGE_LEAN[stage]
    change = min(0.9, max(0.05, lean))
    sustain = min(0.9, max(0.05, (1 - lean) * 0.75))
    return {Talk.CHANGE: change, Talk.SUSTAIN: sustain, Talk.NEUTRAL: max(0.05, 1 - change - sustain)}


def ruler_value(state: ClientState, stage: Stage, kind: RulerKind) -> float:
    """The number the client would give on a 0–10 ruler now (before rounding and a little noise)."""
    value = RULER_BASE[kind][stage] + RULER_SLOPE * (state.receptivity - 0.5)
    return min(9.0, max(1.0, value))
