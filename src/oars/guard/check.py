"""The *guard* stage: every draft is coded before it is sent, and a failing draft is replaced.

A draft fails when it is MI-non-adherent (the coder's MITI codes include Persuade or Confront, or it
uses wording MI forbids: labels, diagnoses, claims to be a person), repeats an earlier reply, is not the
move the policy asked for (a reflection that codes as a question, a question without a question mark),
overuses an opener, or is too long. The first draft that passes is sent. If none passes, the draft with
only soft failures (the coder disagreeing about the act) that the coder rates most like the intended act
is sent; a draft with a hard failure (non-adherent, forbidden wording, repeat) never is — the caller falls
back to a fresh safe wording instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from oars.choose.move import Act, Move, Purpose
from oars.coder import CodedUtterance, LiveCoding, MitiCode
from oars.coder.labels import Behaviour
from oars.coder.miti import question_lead
from oars.say.base import Draft, Said
from oars.transcript.model import Speaker

__all__ = ["FORBIDDEN", "Guard", "Verdict"]

MAX_WORDS = 60
MAX_SUMMARY_WORDS = 110  # a summary, an opening, an answer, information (a fact, its source, "what do you make of it?")
_RULER_WORDS = 35  # a ruler question's standard wording, on top of what leads it
MAX_OPENER_SHARE = 0.25
_OPENER_RULE_FROM = 4  # reflections before the opener-share rule applies (one in four of three is noise)

FORBIDDEN = re.compile(
    "|".join(
        (
            r"\bI(?:'m| am) (?:a |an )?(?:real |actual )?(?:person|human|therapist|counsel+or|doctor|psychologist|nurse)\b",
            r"\bas a (?:therapist|counsel+or|doctor|human|person)\b",
            r"\bI know (?:exactly )?how you feel\b",
            r"\bwhen I (?:quit|stopped|gave up|was (?:drinking|smoking|depressed|your age))\b",
            r"\bin my (?:own )?(?:experience|life)\b",
            r"\b(?:alcoholics?|addicts?|junkies|junkie|drunkards?|druggies|druggie|in denial)\b",
            r"\byou (?:have|'ve got|suffer from) (?:depression|an? (?:addiction|disorder|problem)|anxiety disorder|"
            r"bipolar|ptsd|adhd|alcoholism)\b",
            r"\byou(?:'re| are) (?:lazy|weak|selfish|irresponsible|an? (?:failure|mess))\b",
            r"https?://|www\.|<[a-z/][^>]*>|\]\(",
        )
    ),
    re.IGNORECASE,
)
_HARD = ("non-adherent", "forbidden", "repeat")
_EXPECTED: dict[Act, frozenset[Behaviour]] = {
    Act.SIMPLE_REFLECTION: frozenset({Behaviour.REFLECTION}),
    Act.COMPLEX_REFLECTION: frozenset({Behaviour.REFLECTION}),
    Act.SUMMARY: frozenset({Behaviour.REFLECTION, Behaviour.QUESTION}),
    Act.OPEN_QUESTION: frozenset({Behaviour.QUESTION}),
    Act.ASK_PERMISSION: frozenset({Behaviour.QUESTION}),
    Act.INFORMATION: frozenset({Behaviour.INPUT, Behaviour.QUESTION}),
    Act.AFFIRMATION: frozenset({Behaviour.OTHER, Behaviour.REFLECTION}),
    Act.EMPHASIZE_AUTONOMY: frozenset({Behaviour.OTHER, Behaviour.REFLECTION, Behaviour.INPUT}),
}
_UNCHECKED = frozenset({Act.OPENING, Act.DISCLOSURE, Act.ANSWER, Act.CLARIFY, Act.CRISIS, Act.CLOSING})


@dataclass(frozen=True)
class Verdict:
    """Whether a draft may be sent; ``reasons`` name every failed check."""

    draft: Draft
    ok: bool
    reasons: tuple[str, ...]
    coded: CodedUtterance | None = None
    fit: float = 0.0  # the coder's probability of the behaviour the move asked for

    @property
    def hard(self) -> bool:
        return any(reason.startswith(_HARD) for reason in self.reasons)


class Guard:
    """Checks drafts against the conversation so far (held by ``coding``, the session's live coder)."""

    def __init__(self, coding: LiveCoding) -> None:
        self._coding = coding

    def select(self, drafts: Sequence[Draft], move: Move, said: Said) -> tuple[Verdict | None, list[Verdict]]:
        """The verdict of the draft to send (``None`` if every draft has a hard failure), and the verdicts
        of the drafts checked.

        Drafts are checked in the realiser's order, specific ones before vague ones (a fresher opener is
        not worth giving up the client's words for), and the first that passes is taken — except that for a
        complex reflection the first one the coder also hears as complex is preferred (a complex
        reflection heard as simple is a weaker move), unless that means giving up the client's content for
        a vague line ("Your wife has noticed, and that's stayed with you" is better MI than "There's more to
        this for you than it might seem at first", whatever the coder hears). A reflect-then-ask draft is
        heard as complex when the coder hears its leading statements as a complex reflection.

        Coding is what a check costs (an encoder pass, two for a reflect-then-ask), so once a draft passes,
        the search for one heard as complex codes only drafts that could pass and be heard otherwise: not
        one failing a check made without the coder, nor one whose leading reflection, coded alone, is not a
        complex one (a reflection put before each of several questions is coded once).
        """
        verdicts: list[Verdict] = []
        wants_complex = Act.COMPLEX_REFLECTION in move.acts
        passing: Verdict | None = None
        unheard: set[str] = set()  # reflections leading a question that the coder did not hear as complex
        for draft in sorted(drafts, key=lambda d: d.vague):  # a vague draft only once every specific one failed
            if passing is not None and draft.vague and not passing.draft.vague:
                break
            lead = question_lead(draft.text)
            uncoded = _uncoded_reasons(draft, move, said)
            # Once one draft passes, a draft is coded only if it could pass and be heard differently: not
            # one that fails a check made without the coder, nor the same reflection before another question.
            if passing is not None and (lead in unheard or uncoded):
                continue
            if passing is not None and lead is not None and not self._complex_alone(lead):
                unheard.add(lead)  # its reflection, coded alone, is no complex one: the whole is not coded
                continue
            verdict = self._verdict(draft, move, uncoded)
            verdicts.append(verdict)
            if verdict.ok and (not wants_complex or _heard_complex(verdict)):
                return verdict, verdicts
            if lead is not None:
                unheard.add(lead)
            passing = passing or (verdict if verdict.ok else None)
        if passing is not None:
            return passing, verdicts
        soft = [v for v in verdicts if not v.hard]
        return (max(soft, key=lambda v: v.fit) if soft else None), verdicts

    def _complex_alone(self, statements: str) -> bool:
        return MitiCode.COMPLEX_REFLECTION in self._coding.preview(Speaker.COUNSELLOR, statements).miti

    def check(self, draft: Draft, move: Move, said: Said) -> Verdict:
        """Every failed check of one draft. A draft with a hard failure found without the coder (forbidden
        wording, a repeat) is not coded: it will never be sent, and coding is what a check costs."""
        return self._verdict(draft, move, _uncoded_reasons(draft, move, said))

    def _verdict(self, draft: Draft, move: Move, uncoded: list[str]) -> Verdict:
        """The verdict given the failures found without the coder (``uncoded``), coding the draft if needed."""
        reasons = list(uncoded)
        if Act.CRISIS in move.acts:  # the fixed safety reply: never re-worded, never coded
            return Verdict(draft, not reasons, tuple(reasons))
        if any(reason.startswith(_HARD) for reason in reasons):
            return Verdict(draft, False, tuple(reasons))
        coded = self._coding.preview(Speaker.COUNSELLOR, draft.text)
        if {MitiCode.PERSUADE, MitiCode.CONFRONT} & set(coded.miti):  # whatever the move, openings and closings too
            codes = "/".join(c.value for c in coded.miti if c.non_adherent)
            reasons.append(f"non-adherent: the coder reads it as {codes}")
        if _UNCHECKED.intersection(move.acts):
            return Verdict(draft, not reasons, tuple(reasons), coded)
        expected = _expected(move)
        fit = sum(coded.probabilities.get(b.value, 0.0) for b in expected)
        if coded.behaviour not in expected:
            reasons.append(f"not the move asked for: codes as {coded.behaviour}, wanted {'/'.join(sorted(expected))}")
        return Verdict(draft, not reasons, tuple(reasons), coded, fit)


def _uncoded_reasons(draft: Draft, move: Move, said: Said) -> list[str]:
    """The checks that need no coder: forbidden wording, repeats, shape."""
    reasons: list[str] = []
    if forbidden := FORBIDDEN.search(draft.text):
        reasons.append("forbidden wording: " + forbidden.group())
    if said.repeats(draft.text):
        reasons.append("repeat of an earlier reply")
    return reasons + _shape(draft, move, said)


def _heard_complex(verdict: Verdict) -> bool:
    """Whether the coder hears a complex reflection in the draft: the whole of it, or the statements
    leading its question (a reflect-then-ask turn codes as a question, its lead as CR or SR)."""
    return verdict.coded is not None and MitiCode.COMPLEX_REFLECTION in verdict.coded.miti


def _expected(move: Move) -> frozenset[Behaviour]:
    """Behaviours acceptable for a move: a reflect-then-ask turn may code as either."""
    accepted: set[Behaviour] = set()
    for act in move.acts:
        accepted |= _EXPECTED.get(act, frozenset())
    return frozenset(accepted) or frozenset(Behaviour)


def _shape(draft: Draft, move: Move, said: Said) -> list[str]:
    text = draft.text.strip()
    problems = []
    words = len(text.split())
    limit = MAX_WORDS + (_RULER_WORDS if move.purpose is Purpose.RULER else 0)
    if {Act.SUMMARY, Act.OPENING, Act.ANSWER, Act.INFORMATION} & set(move.acts):
        limit = MAX_SUMMARY_WORDS
    if words == 0:
        problems.append("empty draft")
    elif words > limit:
        problems.append(f"too long: {words} words (limit {limit})")
    asks = move.questions > 0
    if asks and not text.endswith("?"):
        problems.append("the question does not end with a question mark")
    if not asks and "?" in text and not _UNCHECKED.intersection(move.acts):
        problems.append("a reflection must not be phrased as a question")
    if move.reflections and said.reflections >= _OPENER_RULE_FROM:
        share = (said.openers[draft.opener] + 1) / (said.reflections + 1)
        if share > MAX_OPENER_SHARE:
            problems.append(f"opener {draft.opener!r} would start {share:.0%} of reflections")
    return problems
