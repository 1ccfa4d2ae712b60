"""The safety-path reply: what the counsellor says instead of MI when a crisis signal fires.

It steps out of Motivational Interviewing on purpose — no reflections, no open questions about
ambivalence. It is short (under ~90 words, because a person in crisis skims), says plainly that this is
an automated program that cannot give emergency help, gives the locale's resources (abuse adds the
abuse lines), and asks only about immediate safety. A follow-up while the session's flag is still up
(the client says "I'm fine") acknowledges that, still gives the resources, and says a clinician will
check in: only a clinician clears a flag.
"""

from __future__ import annotations

from oars.safety.detector import CrisisAssessment, CrisisCategory
from oars.safety.resources import CrisisResources, ResourceLine

__all__ = ["SAFETY_QUESTIONS", "crisis_response"]

_OPENINGS = {
    CrisisCategory.SUICIDE: "I'm really sorry you're hurting this much, and I'm glad you told me.",
    CrisisCategory.SELF_HARM: "I'm really sorry you're hurting this much, and I'm glad you told me.",
    CrisisCategory.OVERDOSE: "What you describe could be a medical emergency.",
    CrisisCategory.HARM_TO_OTHERS: "Thank you for telling me. I want everyone to be safe, including you.",
    CrisisCategory.ABUSE: "I'm so sorry this is happening to you. No one deserves to be hurt or threatened.",
}
_QUESTIONS = {
    CrisisCategory.SUICIDE: "Are you safe right now?",
    CrisisCategory.SELF_HARM: "Are you safe right now?",
    CrisisCategory.OVERDOSE: "Is someone with you right now?",
    CrisisCategory.HARM_TO_OTHERS: "Are you and the people around you safe right now?",
    CrisisCategory.ABUSE: "Are you somewhere safe right now?",
}
SAFETY_QUESTIONS: frozenset[str] = frozenset(_QUESTIONS.values())
_AUTOMATED = "I'm an automated program, not a person, and I can't give emergency help myself."
_FOLLOW_UP = (
    "Thank you for letting me know. I'm an automated program, so a clinician from the service will check in with you."
)


def crisis_response(assessment: CrisisAssessment, resources: CrisisResources, *, first: bool = True) -> str:
    """The reply to a message that raised (``first``) or arrived while the crisis flag is up.

    The most urgent category leads. For a follow-up whose own message carries no signal ("I'm fine"),
    pass the assessment that raised the flag, so the same lines (abuse ones included) are given again;
    given an assessment without signals, the reply is a suicide-risk follow-up, the widest net.
    """
    lead = assessment.signals[0].category if assessment.signals else CrisisCategory.SUICIDE
    lines = resources.lines + (resources.abuse_lines if CrisisCategory.ABUSE in assessment.categories else ())
    if not first:
        return " ".join(
            (
                _FOLLOW_UP,
                _reach_out(lines, "Until then, support is there any time"),
                resources.emergency,
                _QUESTIONS[lead],
            )
        )
    if lead is CrisisCategory.OVERDOSE:  # an emergency: the emergency number comes before anything else
        return " ".join((_OPENINGS[lead], resources.emergency, _AUTOMATED, _reach_out(lines), _QUESTIONS[lead]))
    return " ".join((_OPENINGS[lead], _AUTOMATED, _reach_out(lines), resources.emergency, _QUESTIONS[lead]))


def _reach_out(lines: tuple[ResourceLine, ...], lead_in: str = "Please reach out now") -> str:
    """One sentence listing the services: "Please reach out now: call or text 988 (…); chat at …"."""
    services = "; ".join(_lower_first(str(line)) for line in lines)
    return f"{lead_in}: {services}."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
