"""The planning process: building a change plan with the client, one question at a time.

Each answer is recorded in the plan in the client's words; the next question asks for the first field
still missing (change -> steps -> supports -> obstacles -> what to do about them -> confidence), and a
reflection of the answer comes first, or on its own when the session has been asking a lot. When the
plan is complete the counsellor summarises it and asks what the client makes of it.
"""

from __future__ import annotations

from dataclasses import replace

from oars.choose.move import Act, Choice, Material, Move, Purpose, Style, SummaryKind
from oars.coder.labels import DarnCat
from oars.events import Event, EventKind
from oars.measures import RulerKind
from oars.track.state import SessionState
from oars.understand.model import Form, Understanding

__all__ = ["plan_answer", "plan_step"]

# What each planning question fills in.
_FIELD_OF = {
    Purpose.PLAN_CHANGE: "change",
    Purpose.PLAN_STEPS: "steps",
    Purpose.PLAN_SUPPORT: "supports",
    Purpose.PLAN_OBSTACLES: "obstacles",
    Purpose.PLAN_RESPONSE: "responses",
}
_MAX_ANSWER_CHARS = 240
_TARGET_RQ = 2.0


def plan_answer(state: SessionState, u: Understanding, material: Material) -> Choice | None:
    """Record the client's answer to the last planning question, then take the next step."""
    field = _FIELD_OF.get(state.expecting) if state.expecting else None
    if field is None or u.form is not Form.PROSE or u.is_sustain_talk or u.asked is not None:
        return None
    answer = " ".join(u.text.split())[:_MAX_ANSWER_CHARS]
    recorded = Event(EventKind.PLAN_UPDATED, {"field": field, "value": answer})
    plan = dict(state.plan.to_dict())
    if isinstance(plan[field], list):
        plan[field] = [*plan[field], answer]
    else:
        plan[field] = answer
    return plan_step(state, u, replace(material, plan=plan), extra=(recorded,), filled=field)


def plan_step(
    state: SessionState,
    u: Understanding,
    material: Material,
    *,
    extra: tuple[Event, ...] = (),
    first: bool = False,
    filled: str | None = None,
) -> Choice:
    """The next planning move, given what the plan already holds (``material.plan`` is up to date)."""
    plan = material.plan
    events = extra + _reasons_and_commitment(state, u, plan)
    next_purpose = _next(plan, state)
    if next_purpose is None:
        move = Move(
            (Act.SUMMARY, Act.OPEN_QUESTION),
            "the plan is complete: summarise it in the client's words",
            summary=SummaryKind.TRANSITIONAL,
            purpose=Purpose.KEY_QUESTION,
            material=material,
        )
        return Choice(move, events)
    reflections, questions = state.reflections_and_questions()
    reflect = (
        Act.COMPLEX_REFLECTION if u.darn_cat in {DarnCat.COMMITMENT, DarnCat.TAKING_STEPS} else Act.SIMPLE_REFLECTION
    )
    if not first and questions and (reflections + 1) / (questions + 1) < _TARGET_RQ and state.expecting is not None:
        # Reflect (and affirm) now; the next planning question can wait a turn.
        move = Move(
            (Act.COMPLEX_REFLECTION, Act.AFFIRMATION),
            f"planning: reflect the client's {filled or 'answer'} before asking more",
            style=Style.CONTINUING,
            material=material,
        )
        return Choice(move, events)
    material = replace(material, ruler_kind=RulerKind.CONFIDENCE) if next_purpose is Purpose.RULER else material
    acts = (reflect, Act.OPEN_QUESTION)
    why = "planning: " + ("start with the change the client wants" if first else f"next, {next_purpose.value}")
    return Choice(Move(acts, why, style=Style.CONTINUING, purpose=next_purpose, material=material), events)


def _next(plan: dict[str, object], state: SessionState) -> Purpose | None:
    if not plan.get("change"):
        return Purpose.PLAN_CHANGE
    for purpose in (Purpose.PLAN_STEPS, Purpose.PLAN_SUPPORT, Purpose.PLAN_OBSTACLES):
        if not plan.get(_FIELD_OF[purpose]):
            return purpose
    if len(plan.get("responses") or ()) < len(plan.get("obstacles") or ()):
        return Purpose.PLAN_RESPONSE
    if plan.get("confidence") is None and RulerKind.CONFIDENCE not in _asked_rulers_in_planning(state):
        return Purpose.RULER
    return None


def _asked_rulers_in_planning(state: SessionState) -> set[str]:
    return {
        m.get("ruler_kind") for m in state.moves if m.get("purpose") == Purpose.RULER and m.get("process") == "planning"
    }


def _reasons_and_commitment(state: SessionState, u: Understanding, plan: dict[str, object]) -> tuple[Event, ...]:
    """Carry the client's own reasons and commitment language into the plan as they are heard."""
    events = []
    if not plan.get("reasons"):
        reasons = [s.text for s in state.change_talk if s.darn_cat in {"reason", "need", "desire"}][-3:]
        events += [Event(EventKind.PLAN_UPDATED, {"field": "reasons", "value": r[:_MAX_ANSWER_CHARS]}) for r in reasons]
        plan["reasons"] = reasons
    if u.is_change_talk and u.darn_cat is DarnCat.COMMITMENT:
        events.append(Event(EventKind.PLAN_UPDATED, {"field": "commitment", "value": u.text[:_MAX_ANSWER_CHARS]}))
    return tuple(events)
