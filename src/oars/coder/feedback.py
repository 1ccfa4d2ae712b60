"""A short, plain-language feedback paragraph for the clinician, the way a supervisor would give it.

Strengths come first (at most two, each backed by a figure), then one or two concrete things to try,
quoting the clinician's own words where that makes the suggestion specific. Non-adherent behaviour
(persuading, confronting) always comes first among the things to try: it is what most harms outcomes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from oars.coder.labels import Behaviour, MitiCode

if TYPE_CHECKING:
    from oars.coder.coder import CodedUtterance
    from oars.coder.summary import Proficiency, SessionSummary

__all__ = ["feedback"]

_MAX_QUOTE = 90


def feedback(summary: SessionSummary, proficiency: dict[str, Proficiency], utterances: Sequence[CodedUtterance]) -> str:
    if summary.counsellor_utterances == 0:
        return "There are no counsellor utterances to give feedback on."
    strengths = [s for s in (rule(summary, proficiency) for rule in _STRENGTHS) if s][:2]
    to_try = [t for t in (rule(summary, proficiency, utterances) for rule in _TO_TRY) if t][:2]
    if not strengths:
        strengths = ["You kept the conversation going and gave the client room to talk."]
    if not to_try:
        to_try = [
            "Keep doing what you are doing; next time, try a collecting summary of the client's "
            "change talk before moving on to planning."
        ]
    return " ".join([*strengths, "Something to try:" if len(to_try) == 1 else "Things to try:", *to_try])


def _good(proficiency: dict[str, Proficiency], score: str) -> bool:
    return proficiency[score].level == "good"


def _strength_rq(s: SessionSummary, p: dict[str, Proficiency]) -> str | None:
    if s.r_q is not None and _good(p, "r_q"):
        return f"You listened more than you asked: {s.r_q:.1f} reflections per question (MITI good: 2)."
    return None


def _strength_cr(s: SessionSummary, p: dict[str, Proficiency]) -> str | None:
    if s.pct_cr is not None and _good(p, "pct_cr"):
        return f"{s.pct_cr:.0%} of your reflections were complex, adding meaning or feeling (MITI good: 50%)."
    return None


def _strength_open(s: SessionSummary, p: dict[str, Proficiency]) -> str | None:
    if s.pct_open is not None and _good(p, "pct_open"):
        return f"Most of your questions were open ({s.pct_open:.0%}), inviting the client to elaborate."
    return None


def _strength_adherent(s: SessionSummary, _: dict[str, Proficiency]) -> str | None:
    if s.mia >= 2 and s.mina == 0:
        return (
            f"You affirmed, sought collaboration or emphasised autonomy {s.mia} times and never persuaded or "
            "confronted: a collaborative stance."
        )
    return None


def _strength_change_talk(s: SessionSummary, _: dict[str, Proficiency]) -> str | None:
    if s.pct_change_talk is not None and s.pct_change_talk >= 0.6 and s.talk["change"] >= 3:
        return f"The client's talk leaned towards change ({s.pct_change_talk:.0%} change talk)."
    return None


def _try_non_adherent(s: SessionSummary, _: dict[str, Proficiency], utterances: Sequence[CodedUtterance]) -> str | None:
    example = _first(utterances, lambda u: MitiCode.PERSUADE in u.miti or MitiCode.CONFRONT in u.miti)
    if example is None:
        return None
    kind = "confronting" if MitiCode.CONFRONT in example.miti else "persuading without permission"
    return (
        f"At utterance {example.index} ({_quote(example.text)}) you were {kind}. Ask permission first "
        '("Would it be okay if I shared some thoughts?") and hand the choice back ("It\'s your call").'
    )


def _try_reflect_more(s: SessionSummary, p: dict[str, Proficiency], _: Sequence[CodedUtterance]) -> str | None:
    if s.r_q is None or _good(p, "r_q"):
        return None
    return (
        f"You asked more than you reflected ({s.r_q:.1f} reflections per question; MITI good is 2). After the "
        "client answers, reflect what you heard before asking the next question."
    )


def _try_complex(s: SessionSummary, p: dict[str, Proficiency], utterances: Sequence[CodedUtterance]) -> str | None:
    if s.pct_cr is None or _good(p, "pct_cr"):
        return None
    example = _first(utterances, lambda u: MitiCode.SIMPLE_REFLECTION in u.miti)
    where = f" such as {_quote(example.text)}" if example else ""
    return (
        f"Only {s.pct_cr:.0%} of your reflections were complex. Take simple reflections{where} one step further: "
        "name the feeling, the meaning, or what the client might say next."
    )


def _try_open(s: SessionSummary, p: dict[str, Proficiency], utterances: Sequence[CodedUtterance]) -> str | None:
    if s.pct_open is None or _good(p, "pct_open"):
        return None
    example = _first(utterances, lambda u: u.behaviour is Behaviour.QUESTION and u.subtype == "closed")
    where = f" {_quote(example.text)} could become" if example else " Try"
    return f'{s.pct_open:.0%} of your questions were open.{where} a "What…", "How…" or "Tell me about…" question.'


def _first(utterances: Sequence[CodedUtterance], wanted: Callable[[CodedUtterance], bool]) -> CodedUtterance | None:
    return next((u for u in utterances if wanted(u)), None)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= _MAX_QUOTE else text[: _MAX_QUOTE - 1].rstrip() + "…"}"'


_STRENGTHS = (_strength_rq, _strength_cr, _strength_adherent, _strength_open, _strength_change_talk)
_TO_TRY = (_try_non_adherent, _try_reflect_more, _try_complex, _try_open)
