"""The simulated client: a persona that answers a clinician turn by turn.

One turn, in order:

1. **hear** the clinician's turn, coded by the shared coder (``oars.practice.hearing``);
2. **update** the client's state — receptivity, friction, listening credit (``oars.practice.state``);
3. **choose** the kind of reply (below);
4. **say** it in the persona's voice from the persona's own material (``oars.practice.speech``).

Choosing, first match wins:

* the first reply of a session is the presenting concern (unless the clinician opened by pushing);
* discord, with the chance ``state.discord_chance`` (friction from confrontation, persuasion, closed runs);
* the hidden concern when the listening credit has earned it (a hint first, then the disclosure);
* a number for a ruler question, consistent with receptivity and stage, sometimes with a reason that fits
  the number; a follow-up ("why a 6 and not a 3?") is answered with change talk, ("…not a 9?") with sustain talk;
* yes or no for a closed question (for a reflection with "is that right?", yes if it was accurate),
  sometimes with a little more — less and less as closed questions pile up;
* a value for a values question, with the reason for change that follows from it once the client is open;
* otherwise change, sustain or neutral talk, drawn with weights: the state's prior
  (``state.talk_weights``) times what the clinician's turn invites (``TALK_PULL`` below) times how well the
  persona's unused material fits what was asked. Change talk takes a DARN-CAT category the same way.

Everything random comes from one generator seeded with the persona and the seed, so a session is
reproducible: the same persona, seed and clinician turns give the same replies.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from oars.coder import CodedUtterance, DarnCat, Talk
from oars.measures import RulerKind
from oars.practice.hearing import Act, Asks, Heard, hear
from oars.practice.persona import Persona
from oars.practice.speech import Kind, Plan, Speech
from oars.practice.state import ClientState, discord_chance, ruler_value, talk_weights, update

if TYPE_CHECKING:
    from oars.practice.llm import LLMClientWording

__all__ = ["TALK_PULL", "ClientReply", "Kind", "SimulatedClient"]

# How much each thing the clinician does pulls the reply towards a kind of talk (multiplies the prior).
TALK_PULL: dict[Act | Asks, dict[Talk, float]] = {
    Asks.CHANGE: {Talk.CHANGE: 2.5},
    Asks.SUSTAIN: {Talk.SUSTAIN: 3.0},
    Asks.OPEN: {Talk.NEUTRAL: 1.5},
    Asks.DEEPER: {Talk.NEUTRAL: 1.5},
    Act.ADVICE: {Talk.SUSTAIN: 2.5},  # the righting reflex draws out the other side: "yes, but…"
    Act.PERMITTED_ADVICE: {Talk.SUSTAIN: 1.3},
    Act.CONFRONT: {Talk.SUSTAIN: 3.0},
    Act.AFFIRM: {Talk.CHANGE: 1.4},
    Act.AUTONOMY: {Talk.CHANGE: 1.5},
}
RULER_MIDPOINT = 5  # a ruler answer from here up comes with a reason for change, below it with a barrier
ABOUT_PULL = 2.0  # on top of Asks.OPEN's pull, when the open question names something
ECHO_PULL = 1.6  # an accurate reflection invites more of what it reflected
SOFTENED_PULL = 1.3  # a double-sided or complex reflection of sustain talk tips towards change
MISSED_PULL = 2.0  # a reflection the client does not recognise is corrected with facts
FIT_PULL = 0.5  # per point of relevance of the best unused fragment (at most FIT_MAX points)
FIT_MAX = 3.0
DARN_WEIGHT: dict[DarnCat, float] = {
    DarnCat.DESIRE: 1.0,
    DarnCat.ABILITY: 1.0,
    DarnCat.REASON: 1.2,
    DarnCat.NEED: 0.9,
    DarnCat.COMMITMENT: 1.5,
    DarnCat.TAKING_STEPS: 1.0,
}
_DARN_CUES: dict[DarnCat, tuple[str, ...]] = {
    DarnCat.DESIRE: ("want", "like", "hope", "wish"),
    DarnCat.ABILITY: ("could", "able", "manage", "confident", "strength", "tried", "before"),
    DarnCat.REASON: ("why", "reason", "worr", "concern", "better", "good", "matter", "downside"),
    DarnCat.NEED: ("need", "have to", "must", "important"),
}


@dataclass(frozen=True)
class ClientReply:
    """A simulated reply and why it was given.

    ``talk`` and ``darn_cat`` are what the simulator *meant* (its intent), to compare with how the shared
    coder codes the text; ``receptivity`` is the state after hearing the clinician; ``acts`` is what the
    client heard the clinician do.
    """

    text: str
    kind: Kind
    talk: Talk
    darn_cat: DarnCat | None
    receptivity: float
    acts: frozenset[Act]
    number: int | None = None
    worded_by: str = "builtin"  # "model" when a language model worded it (``oars practice --llm``)
    wording_why: tuple[str, ...] = ()  # why the model's wording was not used, when a model was asked


class SimulatedClient:
    """A persona in conversation. ``reply`` takes the clinician's turn, coded by the shared coder."""

    def __init__(self, persona: Persona, *, seed: int = 0, wording: LLMClientWording | None = None) -> None:
        self.persona = persona
        self.seed = seed
        self.wording = wording  # optional: a language model says the chosen line in the persona's voice
        self._rng = random.Random(f"{persona.id}/{seed}")
        self._state = ClientState(receptivity=persona.receptivity)
        self._speech = Speech(persona, self._rng)
        self._said: list[str] = []
        self._last: ClientReply | None = None

    @property
    def state(self) -> ClientState:
        return self._state

    def reply(self, clinician: CodedUtterance) -> ClientReply:
        """Hear one clinician turn and answer it."""
        last_number = self._last.number if self._last is not None and self._last.kind is Kind.RULER else None
        heard = hear(clinician, self._said, last_ruler=last_number)
        self._state = update(self._state, heard)
        plan = self._plan(heard)
        text = self._speech.say(plan, heard, self._state.receptivity)
        worded = None
        if self.wording is not None:  # the model may only re-word the line chosen above, behind its checks
            worded = self.wording.word(self.persona, plan.kind, heard.text, text, self._said)
            text = self._speech.styled(worded.text)
        reply = ClientReply(
            text=text,
            kind=plan.kind,
            talk=_intended_talk(plan),
            darn_cat=plan.darn if _intended_talk(plan) is Talk.CHANGE else None,
            receptivity=self._state.receptivity,
            acts=heard.acts,
            number=plan.number,
            worded_by=worded.by if worded else "builtin",
            wording_why=worded.why if worded else (),
        )
        self._said.append(text)
        self._last = reply
        return reply

    # -- choosing ---------------------------------------------------------------------------------------------

    def _plan(self, heard: Heard) -> Plan:
        state, rng = self._state, self._rng
        closed = heard.asks is Asks.CLOSED
        if not self._said and not heard.pushes:
            return Plan(Kind.OPENING, answer=self._yes(heard) if closed else None)
        if rng.random() < discord_chance(state):
            return Plan(Kind.DISCORD)
        if state.may_reveal(heard):
            self._state = replace(state, hinted=True, revealed=True)
            return Plan(Kind.DISCLOSURE)
        if state.may_hint(heard):
            self._state = replace(state, hinted=True)
            return Plan(Kind.HINT)
        if heard.asks is Asks.RULER and heard.ruler is not None:
            return self._ruler(heard, heard.ruler)
        if heard.towards_change is not None:  # "why a 6 and not a 3?": reasons; "…and not a 9?": barriers
            talk = Talk.CHANGE if heard.towards_change else Talk.SUSTAIN
            return Plan(_KIND[talk], talk=talk, darn=self._darn(heard, talk))
        if closed:
            talk = self._talk(heard)
            chance = (0.5 + 0.4 * state.receptivity) if heard.reflects else (0.2 + 0.5 * state.receptivity)
            if state.closed_run >= 2:
                chance /= 2
            return Plan(
                Kind.ANSWER,
                talk=talk,
                darn=self._darn(heard, talk),
                answer=self._yes(heard),
                elaborate=rng.random() < chance,
            )
        if heard.asks is Asks.VALUES:
            discrepancy = state.receptivity >= 0.5 and rng.random() < 0.7
            return Plan(Kind.VALUES, darn=DarnCat.REASON if discrepancy else None, discrepancy=discrepancy)
        talk = self._talk(heard)
        return Plan(_KIND[talk], talk=talk, darn=self._darn(heard, talk))

    def _ruler(self, heard: Heard, ruler: RulerKind) -> Plan:
        """A number consistent with the state, and sometimes a reason that fits it."""
        value = ruler_value(self._state, self.persona.stage, ruler) + self._rng.choice((-1, 0, 0, 1))
        number = round(min(10.0, max(0.0, value)))
        talk = Talk.CHANGE if number >= RULER_MIDPOINT else Talk.SUSTAIN
        return Plan(
            Kind.RULER,
            talk=talk,
            darn=self._darn(heard, talk),
            number=number,
            elaborate=self._rng.random() < 0.5 * (1 + self._state.receptivity),
        )

    def _yes(self, heard: Heard) -> bool:
        """Yes to a checking question after an accurate reflection; otherwise as agreeable as the client is open."""
        if heard.reflects:
            return heard.accuracy >= 1 / 3
        return self._rng.random() < 0.3 + 0.5 * self._state.receptivity

    def _talk(self, heard: Heard) -> Talk:
        weights = talk_weights(self._state, self.persona.stage)
        for cue in (heard.asks, *sorted(heard.acts)):
            for talk, factor in TALK_PULL.get(cue, {}).items():
                weights[talk] *= factor
        if heard.asks is Asks.OPEN and heard.words:
            weights[Talk.NEUTRAL] *= ABOUT_PULL  # "Tell me about the kids": describe them first
        if heard.asks is Asks.PLAN:
            mobilising = self._state.mobilising(self.persona.stage)
            weights[Talk.CHANGE] *= 3.0 if mobilising else 1.5
            weights[Talk.SUSTAIN] *= 1.0 if mobilising else 1.5
        self._reflection_pull(heard, weights)
        if heard.words and not heard.pushes:  # a lecture about health does not draw out health reasons
            for talk in weights:
                weights[talk] *= 1 + FIT_PULL * min(FIT_MAX, self._speech.relevance(talk, heard))
        for talk in weights:
            if not self._speech.available(talk):
                weights[talk] *= 0.25  # material used up: say it again only when nothing else fits
        talks = list(weights)
        return self._rng.choices(talks, weights=[weights[t] for t in talks])[0]

    def _reflection_pull(self, heard: Heard, weights: dict[Talk, float]) -> None:
        if not heard.reflects:
            return
        if heard.accuracy < 1 / 3:
            weights[Talk.NEUTRAL] *= MISSED_PULL
            return
        last = self._last.talk if self._last is not None else Talk.NEUTRAL
        weights[last] *= ECHO_PULL
        if last is Talk.SUSTAIN and (heard.double_sided or Act.COMPLEX_REFLECTION in heard.acts):
            weights[Talk.CHANGE] *= SOFTENED_PULL

    def _darn(self, heard: Heard, talk: Talk) -> DarnCat | None:
        """A DARN-CAT category with unused material, weighted by what the clinician's words ask for."""
        if talk is not Talk.CHANGE:
            return None
        mobilising = self._state.mobilising(self.persona.stage)
        lowered = heard.text.lower()
        weights = {}
        for darn, weight in DARN_WEIGHT.items():
            if darn.mobilising and not mobilising:
                continue
            if not self._speech.available(Talk.CHANGE, darn):
                continue
            if any(cue in lowered for cue in _DARN_CUES.get(darn, ())):
                weight *= 3.0
            if darn is DarnCat.ABILITY and Act.AFFIRM in heard.acts:
                weight *= 3.0
            if darn.mobilising and heard.asks is Asks.PLAN:
                weight *= 4.0
            weights[darn] = weight
        if not weights:  # everything said: repeat a preparatory reason ("Like I said, …")
            return self._rng.choice((DarnCat.DESIRE, DarnCat.ABILITY, DarnCat.REASON, DarnCat.NEED))
        cats = list(weights)
        return self._rng.choices(cats, weights=[weights[c] for c in cats])[0]


_KIND = {Talk.CHANGE: Kind.CHANGE, Talk.SUSTAIN: Kind.SUSTAIN, Talk.NEUTRAL: Kind.NEUTRAL}


def _intended_talk(plan: Plan) -> Talk:
    if plan.kind in (Kind.CHANGE, Kind.SUSTAIN, Kind.NEUTRAL):
        return plan.talk
    if plan.kind in (Kind.ANSWER, Kind.RULER):
        return plan.talk if plan.elaborate else Talk.NEUTRAL
    if plan.kind is Kind.VALUES and plan.discrepancy:
        return Talk.CHANGE
    return Talk.NEUTRAL
