"""What the simulated client hears in a clinician's turn.

Two sources answer two different questions:

* *What the clinician did* — reflected, asked, affirmed, advised, confronted — comes from the shared
  coder's MITI codes (``CodedUtterance.miti``), the same codes the live feedback shows and the report
  counts. It is what moves the client's state (``oars.practice.state``).
* *What a literal answer must look like* comes from the words, as it would for a person: a yes or no to
  a closed question, a number to a ruler, talk about the kids when asked about the kids. Nobody answers
  "What's that like for you?" with "Yes", whatever a classifier thinks the question was.

A reflection's *accuracy* is how much of it the client recognises: content words and themes (topics,
values, feelings from ``oars.understand.lexicon``) it shares with what the client has said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from oars.coder import Behaviour, CodedUtterance, MitiCode
from oars.measures import RulerKind
from oars.understand.overlap import content_words, themes

__all__ = ["Act", "Asks", "Heard", "asked", "hear", "question_form"]


class Act(StrEnum):
    """What the clinician did, from the coder's MITI codes."""

    COMPLEX_REFLECTION = "complex_reflection"
    SIMPLE_REFLECTION = "simple_reflection"
    OPEN_QUESTION = "open_question"
    CLOSED_QUESTION = "closed_question"
    AFFIRM = "affirm"
    AUTONOMY = "autonomy"
    SEEK = "seek"
    ADVICE = "advice"  # MITI Persuade: advice or persuasion without permission
    PERMITTED_ADVICE = "permitted_advice"  # MITI Persuade with Permission
    INFORMATION = "information"
    CONFRONT = "confront"

    @property
    def reflection(self) -> bool:
        return self in (Act.COMPLEX_REFLECTION, Act.SIMPLE_REFLECTION)


class Asks(StrEnum):
    """What a question is after, from its words."""

    NOTHING = "nothing"  # not a question
    OPEN = "open"  # a general open question: elaborate
    CLOSED = "closed"  # yes or no
    RULER = "ruler"  # "on a scale from 0 to 10…": a number
    CHANGE = "change"  # evocative: reasons, hopes, past successes, "why a 6 and not a 3?"
    SUSTAIN = "sustain"  # "what do you like about it?", "why a 6 and not a 9?"
    VALUES = "values"  # "what matters most to you?"
    PLAN = "plan"  # "what might a first step be?"
    DEEPER = "deeper"  # "what else?", "is there more to it?"


_CODE_ACTS = {
    MitiCode.COMPLEX_REFLECTION: Act.COMPLEX_REFLECTION,
    MitiCode.SIMPLE_REFLECTION: Act.SIMPLE_REFLECTION,
    MitiCode.AFFIRM: Act.AFFIRM,
    MitiCode.EMPHASIZE: Act.AUTONOMY,
    MitiCode.SEEK: Act.SEEK,
    MitiCode.PERSUADE: Act.ADVICE,
    MitiCode.PERSUADE_WITH_PERMISSION: Act.PERMITTED_ADVICE,
    MitiCode.GI: Act.INFORMATION,
    MitiCode.CONFRONT: Act.CONFRONT,
}


def _cues(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_OPEN_START = _cues(r"^(?:what|how|why|tell me|in what way|which|where|when|who|talk me through|describe|say more)\b")
_CLOSED_START = _cues(
    r"^(?:do|does|did|are|is|was|were|have|has|had|can|could|would|will|should|shall|may|might|must|"
    r"isn't|aren't|don't|doesn't|didn't|won't|wouldn't|haven't|hasn't|can't|couldn't)\b"
)
_LEAD_IN = re.compile(r"^(?:(?:so|and|but|okay|ok|right|well|now|then|also|just|i wonder|i'm curious)[, ]+)+", re.I)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")

_RULER = _cues(
    r"\bscale\b",
    r"\b(?:0|zero|1|one)\s*(?:to|-|–)\s*(?:10|ten)\b",
    r"\bout of (?:10|ten)\b",
)
_RULER_FOLLOW_UP = _cues(r"\b(?:why|what makes|what made|how come|what would it take|what stops|what's stopping)\b")
_TOWARDS = _cues(r"\bwhat would (?:it take|help|need to happen)\b", r"\bhow (?:could|might) you (?:get|move|go)\b")
_NUMBER = re.compile(r"\b(10|[0-9]|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_CHANGE_BEHAVIOUR = r"(?:chang|stop|quit|cut|giv|mak|tak|start|try|go|get)\w*"
_ASKS_SUSTAIN = _cues(
    r"\bwhat (?:do|did) you (?:like|enjoy|love|get out of)\b",
    rf"\bwhat(?:'s| is| was) (?:good|nice|great|helpful) about (?!{_CHANGE_BEHAVIOUR})",
    r"\bwhat does (?:it|that|\w+ing) do for you\b",
    r"\bwhat would you miss\b",
    rf"\bwhat(?:'s| is| makes it) (?:hard|difficult|tough|scary) about {_CHANGE_BEHAVIOUR}",
    r"\bwhat (?:gets|got|stands|might get) in the way\b",
    r"\bwhat (?:stops|is stopping|'s stopping|keeps) you\b",
    r"\bwhy (?:not|isn't it) (?:a |an )?higher\b",
)
_ASKS_CHANGE = _cues(
    r"\bwhy would you want\b",
    r"\bwhat (?:would|might|could) (?:be|feel) (?:good|better|different)\b",
    rf"\b(?:good|better|best|great) (?:thing )?about {_CHANGE_BEHAVIOUR}",
    r"\bhow (?:would|might|could) (?:your life|things|it) (?:be|look|feel)\b",
    r"\b(?:reasons?|benefits?|advantages?|upsides?) (?:for|of|to) (?:chang|stop|quit|cut)",
    r"\bwhat (?:worries|concerns|bothers|scares|frightens) you\b",
    r"\b(?:downsides?|not so good|less good|cost|costs|price|worst part)\b",
    r"\bwhat would you (?:like|want|hope)\b",
    r"\bwhat do you (?:want|hope|wish)\b",
    r"\bhow (?:might|could|would) you\b",
    r"\bif you (?:decided|did|were to|chose)\b",
    r"\bwhat (?:makes|made) you (?:think|want|decide|come)\b",
    r"\b(?:looking|look) (?:ahead|forward|back)\b|\b(?:five|5|ten|10) years\b|\ba year from now\b",
    r"\bwhat have you (?:tried|done|managed)\b|\bwhat(?:'s| has) (?:worked|helped)\b|\bwhen have you\b",
    r"\b(?:strengths?|what gives you)\b",
    r"\bwhy (?:is it|does it|would it) (?:matter|be important)\b",
    r"\bwhy (?:not|isn't it) (?:a |an )?lower\b",
)
_ASKS_VALUES = _cues(
    r"\bwhat matters\b",
    r"\bmatters? (?:most|to you)\b",
    r"\b(?:important|precious) to you\b",
    r"\bwhat do you (?:care|value)\b",
    r"\bvalues?\b",
    r"\bkind of (?:person|parent|mum|mom|dad|father|mother|partner)\b",
    r"\bwho do you want to be\b",
)
_ASKS_PLAN = _cues(
    r"\b(?:next|first|small|one) step\b",
    r"\b(?:a |your )?plan\b",
    r"\bwhat (?:might|could|will|would) you do\b",
    r"\bhow (?:will|would|might) you (?:start|go about|begin)\b",
    r"\bwhere (?:would|could|might) you (?:start|begin)\b",
    r"\bwhat's one thing\b",
    r"\bwhat (?:are you|would you be) (?:willing|ready)\b",
)
_ASKS_DEEPER = _cues(
    r"\banything else\b",
    r"\bwhat else\b",
    r"\bsomething else\b",
    r"\bmore to (?:it|this|that)\b",
    r"\b(?:underneath|beneath|deeper|behind (?:it|that|this))\b",
    r"\bwhat's really\b",
    r"\bhard to (?:talk|say)\b",
    r"\bhaven't (?:told|said|mentioned)\b",
)
_DOUBLE_SIDED = _cues(
    r"\bon the one hand\b", r"\bon the other hand\b", r"\bat the same time\b", r"\bpart of you\b", r"\band yet\b"
)
_APOLOGY = _cues(r"\b(?:sorry|apologi[sz]e|my mistake|i got that wrong)\b")


@dataclass(frozen=True)
class Heard:
    """One clinician turn as the client takes it in."""

    text: str
    acts: frozenset[Act]
    asks: Asks
    ruler: RulerKind | None
    towards_change: bool | None  # a ruler follow-up: asked for reasons (True) or for barriers (False)
    words: frozenset[str]
    themes: frozenset[str]
    accuracy: float  # 0–1; only meaningful when a reflection was heard
    double_sided: bool
    apology: bool

    @property
    def reflects(self) -> bool:
        return any(act.reflection for act in self.acts)

    @property
    def pushes(self) -> bool:
        """Advice without permission or confrontation: the righting reflex."""
        return bool(self.acts & {Act.ADVICE, Act.CONFRONT})

    @property
    def listens(self) -> bool:
        """A turn that makes room for the client: reflecting, affirming, supporting autonomy or asking openly,
        without pushing."""
        room = {Act.COMPLEX_REFLECTION, Act.SIMPLE_REFLECTION, Act.AFFIRM, Act.AUTONOMY, Act.OPEN_QUESTION}
        return bool(self.acts & room) and not self.pushes


def hear(coded: CodedUtterance, client_said: Sequence[str], *, last_ruler: int | None = None) -> Heard:
    """The client's take on a coded clinician turn, given what the client has said so far (oldest first)
    and the number they gave if their last reply answered a ruler."""
    text = coded.text
    question = _last_question(text)
    acts = {_CODE_ACTS[code] for code in coded.miti if code in _CODE_ACTS}
    coded_form = asked(coded)  # the coder's: it moves the state, like every other act
    if MitiCode.QUESTION in coded.miti and coded_form is not None:
        acts.add(Act.OPEN_QUESTION if coded_form == "open" else Act.CLOSED_QUESTION)
    ruler, towards = _ruler(question, last_ruler)
    words = content_words(text)
    return Heard(
        text=text,
        acts=frozenset(acts),
        asks=_asks(question, question_form(question) if question else None, ruler, towards),  # the words
        ruler=ruler,
        towards_change=towards,
        words=words,
        themes=themes(text),
        accuracy=_accuracy(text, words, client_said),
        double_sided=bool(_DOUBLE_SIDED.search(text)),
        apology=bool(_APOLOGY.search(text)),
    )


def question_form(text: str) -> Literal["open", "closed"] | None:
    """Open or closed, from how a question sentence starts; ``None`` if ``text`` asks nothing.

    "Tell me about…" counts as an open question even without a question mark.
    """
    sentence = text.strip()
    clauses = [_LEAD_IN.sub("", c.strip()) for c in sentence.split(",")]  # "Hi Tom, what brings you in?"
    if _OPEN_START.match(clauses[0]) or (sentence.endswith("?") and any(_OPEN_START.match(c) for c in clauses)):
        return "open"
    return "closed" if sentence.endswith("?") else None


def asked(coded: CodedUtterance) -> Literal["open", "closed"] | None:
    """Whether a clinician turn asked an open or a closed question (``None``: it asked nothing).

    The coder's subtype when it coded the turn as a question; the words' form when the question sat inside
    another behaviour (the MITI rules add ``Q`` for a question sentence in a reflection, with no subtype).
    """
    question = _last_question(coded.text)
    if not question:
        return None
    if coded.behaviour is Behaviour.QUESTION and coded.subtype in ("open", "closed"):
        return "open" if coded.subtype == "open" else "closed"
    return question_form(question)


def _last_question(text: str) -> str:
    """The last sentence that asks something (a turn often reflects first, then asks)."""
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    asking = [s for s in sentences if question_form(s) is not None]
    return asking[-1] if asking else ""


def _ruler(question: str, last_answer: int | None) -> tuple[RulerKind | None, bool | None]:
    """A ruler question's kind, or for a follow-up ("why a 6 and not a 3?") whether it asks for reasons."""
    if not question:
        return None, None
    numbers = [_number(n) for n in _NUMBER.findall(question)]
    if _RULER.search(question):
        return _ruler_kind(question), None
    if numbers and last_answer is not None and _RULER_FOLLOW_UP.search(question):
        if _TOWARDS.search(question):
            return None, True
        other = next((n for n in numbers if n != last_answer), None)
        return None, other is None or other < last_answer
    return None, None


def _ruler_kind(question: str) -> RulerKind:
    lowered = question.lower()
    if "confiden" in lowered:
        return RulerKind.CONFIDENCE
    return RulerKind.READINESS if "ready" in lowered or "readiness" in lowered else RulerKind.IMPORTANCE


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS.index(token.lower())


def _asks(question: str, form: str | None, ruler: RulerKind | None, towards: bool | None) -> Asks:
    if not question:
        return Asks.NOTHING
    if ruler is not None:
        return Asks.RULER
    if towards is not None:
        return Asks.CHANGE if towards else Asks.SUSTAIN
    for asks, pattern in (
        (Asks.SUSTAIN, _ASKS_SUSTAIN),
        (Asks.CHANGE, _ASKS_CHANGE),
        (Asks.PLAN, _ASKS_PLAN),
        (Asks.VALUES, _ASKS_VALUES),
        (Asks.DEEPER, _ASKS_DEEPER),
    ):
        if pattern.search(question):
            return asks if form == "open" or asks is Asks.DEEPER else Asks.CLOSED
    return Asks.OPEN if form == "open" else Asks.CLOSED


def _accuracy(text: str, words: frozenset[str], client_said: Sequence[str]) -> float:
    """How much of a reflection the client recognises: shared content words with their last two replies
    (a third each, at most two thirds) and shared themes with anything they have said (a third each)."""
    if not client_said or not words:
        return 0.0
    recent = frozenset().union(*(content_words(s) for s in client_said[-2:]))
    spoken = frozenset().union(*(themes(s) for s in client_said))
    shared_words = len(words & recent)
    shared_themes = len(themes(text) & spoken)
    return min(1.0, min(2, shared_words) / 3 + shared_themes / 3)
