"""The planning process: building a change plan with the client, one question at a time.

Each answer is recorded in the plan in the client's words; the next question asks for the first field
still missing (change -> steps -> supports -> obstacles -> what to do about them -> confidence), and a
reflection of the answer comes first, or on its own when the session has been asking a lot. When the
plan is complete the counsellor summarises it and asks what the client makes of it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from oars.choose.move import Act, Choice, Material, Move, Purpose, Style, SummaryKind
from oars.coder.labels import DarnCat
from oars.events import Event, EventKind
from oars.measures import RulerKind
from oars.track.state import SessionState
from oars.understand.model import Form, Understanding

__all__ = ["offers_plan_content", "plan_answer", "plan_step"]

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
_MIN_ANSWER_WORDS = 3


def _cues(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# What an answer sounds like, per plan field. A client often answers a different planning question than
# the one asked ("my brother would help" to "what's a first step?"); the answer goes where it belongs.
_SOUNDS_LIKE = {
    "supports": _cues(
        r"\b(?:my|her|his|our) (?:brother|sister|wife|husband|partner|friends?|mates?|mum|mom|dad|family|sponsor|"
        r"doctor|gp|nurse|counsell?or|therapist|coach|boss)\b|\bhelp me\b|\bsupport\b|\bsupport group\b|\bmeetings?\b"
    ),
    "obstacles": _cues(
        r"\bwhen i(?:'m| am| get| feel)? (?:stressed|bored|tired|lonely|anxious|upset|out)\b|\bstress\w*|\bcravings?\b|"
        r"\btempt\w*|\bparties\b|\bpayday\b|\bget in the way\b|\btriggers?\b|\bhard part\b|\bthe problem is\b"
    ),
    "responses": _cues(
        r"\b(?:if|when) (?:that|it) happens\b|\binstead\b|\bthen i(?:'ll| will| could| can)\b|"
        r"\bi (?:could|can|will|'ll) (?:call|text|ring|leave|walk|go for|remind|distract)"
    ),
    "steps": _cues(
        r"\bi(?:'ll| will| am going to|'m going to|'m gonna)\b|\bfirst step\b|"
        r"\bstart(?:ing)? (?:by|with|on|tomorrow)\b|\b(?:tomorrow|tonight|this week|on monday)\b|"
        r"\bstop buying\b|\bonly (?:on|at)\b"
    ),
}


def plan_answer(
    state: SessionState, u: Understanding, material: Material, *, extra: tuple[Event, ...] = ()
) -> Choice | None:
    """Record the client's answer to the last planning question, or what they offered unasked ("my wife will
    help" after a reflection), then take the next step."""
    if u.form is not Form.PROSE or u.is_sustain_talk or u.asked is not None:
        return None
    if u.words < _MIN_ANSWER_WORDS or (u.answer is not None and not offers_plan_content(u.text)):
        return None  # "yes" / "ok" is not a plan; the question stands ("ok. gamstop and the bank tonight" is)
    expected = _FIELD_OF.get(state.expecting) if state.expecting else None
    if state.expecting is Purpose.PLAN_PERMISSION and not state.plan.change and offers_plan_content(u.text):
        # "ok. gamstop and the bank tonight" to "shall we plan?" says what the change is; "I give it up every Lent,
        # it's the rest of the year" is change talk, not yet a plan
        expected = "change"
    field = _field_for(u.text, expected, state) if expected else _volunteered(u.text, state)
    if field is None:
        return None
    answer = " ".join(u.text.split())[:_MAX_ANSWER_CHARS]
    recorded = Event(EventKind.PLAN_UPDATED, {"field": field, "value": answer})
    plan = dict(state.plan.to_dict())
    if isinstance(plan[field], list):
        plan[field] = [*plan[field], answer]
    else:
        plan[field] = answer
    return plan_step(state, u, replace(material, plan=plan), extra=(*extra, recorded), filled=field)


def offers_plan_content(text: str) -> bool:
    """Whether ``text`` sounds like part of a plan: a step, a support, an obstacle or what to do about one."""
    return bool(_sounds_like(text))


def _sounds_like(text: str) -> list[str]:
    """The plan fields ``text`` sounds like an answer for, in :data:`_SOUNDS_LIKE` order."""
    return [name for name, cue in _SOUNDS_LIKE.items() if cue.search(text)]


def _volunteered(text: str, state: SessionState) -> str | None:
    """The plan field something said unasked belongs to: the first it sounds like that the plan still lacks,
    in the plan's order ("I'll talk to my husband tonight" is the first step before it is a support), else
    the first it sounds like (each field is a list, so it takes one more), else ``None``."""
    sounds = _sounds_like(text)
    plan = state.plan.to_dict()
    order = ("steps", "supports", "obstacles", "responses")
    missing = [name for name in order if name in sounds and not plan.get(name)]
    return next(iter(missing or sounds), None)


def _field_for(text: str, expected: str, state: SessionState) -> str:
    """The plan field an answer belongs to: the one asked about, unless it plainly answers another."""
    sounds = _sounds_like(text)
    # "I'll stick to weekends only" answers "what change?" in the words of a step: it is the change.
    if not sounds or expected in sounds or (expected == "change" and "steps" in sounds):
        return expected
    plan = state.plan.to_dict()
    return next((name for name in sounds if not plan.get(name)), expected)


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
    # An answer in change talk of a kind the client's words frame ("I suppose I could swap it for water") has a
    # next sentence to continue with ("…it's an idea you're trying on for size"); a plain answer is said back.
    # "Great, sounds good" heard as a reason by the coder frames none: it is said back plainly.
    framed = u.darn_cat in {DarnCat.COMMITMENT, DarnCat.TAKING_STEPS} or (u.is_change_talk and u.stated_darn_cat)
    reflect = Act.COMPLEX_REFLECTION if framed and u.darn_cat is not None else Act.SIMPLE_REFLECTION
    if not first and questions and (reflections + 1) / (questions + 1) < _TARGET_RQ and state.expecting is not None:
        # Reflect (and affirm) now; the next planning question can wait a turn. The reflection says their
        # plan back ("So, weeknights without gaming, from Monday"), or continues it for change talk ("…and you
        # sound ready to see it through").
        move = Move(
            (reflect, Act.AFFIRMATION),
            f"planning: reflect the client's {filled or 'answer'} before asking more",
            style=Style.CONTINUING if reflect is Act.COMPLEX_REFLECTION else None,
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
