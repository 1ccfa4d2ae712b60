"""Crisis detection: does a client message carry a risk signal? Rules first — no language model, ever.

A chat message is checked before anything else in the counsellor pipeline, so this must be fast,
deterministic, explainable and impossible to talk out of a decision. It works in four steps:

1. :func:`~oars.safety.normalise.normalise` rewrites the text into one canonical form (case, Unicode,
   chat spellings, repeated letters), remembering where each word came from.
2. Every rule of :mod:`oars.safety.patterns` is matched against it.
3. Each match passes the shared guards, which are what keep idioms, denials and other people's stories
   from firing: negation scoped to the clause, a "no" right after, someone else as the subject, a
   general question, fiction or news, a past that is over (unless the message says it is back).
4. Severity is raised to ``imminent`` when the sentence states intent or a time ("going to", "tonight"),
   or the message a plan; a ``moderate`` signal becomes ``high`` when the client's earlier messages
   (``context``) carried one of the same kind.

5. Only when no rule fired, the learned screens may add one ``moderate`` signal: first the n-gram screen
   (:mod:`oars.safety.screen`, a linear model over n-grams), then the semantic screen
   (:mod:`oars.safety.semantic`, a sentence encoder and a small network, for wordings no n-gram list
   holds). Both are deterministic and offline, and neither can silence a rule.

The detector errs on the side of firing: a missed crisis costs far more than a gentle check-in.
General questions about the topic ("what are the signs of suicide in teens?") do not fire; questions
about means ("how many pills would it take…") always do.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from oars.safety.gate import names_risk
from oars.safety.index import RuleIndex, matches_at
from oars.safety.normalise import NormalisedText, normalise, squeeze, squeeze_pattern
from oars.safety.patterns import RULES, Rule
from oars.safety.screen import LearnedScreen, ScreenHit
from oars.safety.semantic import SemanticScreen

__all__ = [
    "CrisisAssessment",
    "CrisisCategory",
    "CrisisDetector",
    "CrisisSignal",
    "Severity",
    "detect_crisis",
]


class CrisisCategory(StrEnum):
    """What kind of danger a signal points to; it decides which resources the reply gives."""

    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    OVERDOSE = "overdose"
    HARM_TO_OTHERS = "harm_to_others"
    ABUSE = "abuse"


_RANK = {"moderate": 0, "high": 1, "imminent": 2}


class Severity(StrEnum):
    """How urgent a signal is. Ordered by urgency (not alphabetically, as plain strings would be)."""

    MODERATE = "moderate"
    HIGH = "high"
    IMMINENT = "imminent"

    @property
    def rank(self) -> int:
        return _RANK[self.value]

    def __lt__(self, other: object) -> bool:
        return self.rank < _RANK[other] if other in _RANK else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.rank <= _RANK[other] if other in _RANK else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.rank > _RANK[other] if other in _RANK else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.rank >= _RANK[other] if other in _RANK else NotImplemented


@dataclass(frozen=True, slots=True)
class CrisisSignal:
    """One risk statement found in a message: ``evidence`` is the client's own words, as typed."""

    category: CrisisCategory
    severity: Severity
    evidence: str
    reason: str


@dataclass(frozen=True, slots=True)
class CrisisAssessment:
    """The verdict on one message; ``signals`` are ordered most urgent first.

    ``is_crisis`` is true exactly when there are signals; a contradiction is refused, so that no caller
    can be handed a crisis without evidence or evidence without a crisis.
    """

    is_crisis: bool
    signals: tuple[CrisisSignal, ...] = ()

    def __post_init__(self) -> None:
        if self.is_crisis != bool(self.signals):
            raise ValueError(f"is_crisis={self.is_crisis} contradicts {len(self.signals)} signal(s)")

    @property
    def highest_severity(self) -> Severity | None:
        return max((signal.severity for signal in self.signals), default=None)

    @property
    def categories(self) -> tuple[CrisisCategory, ...]:
        """The categories present, most urgent first, each once."""
        return tuple(dict.fromkeys(signal.category for signal in self.signals))


_NO_CRISIS = CrisisAssessment(is_crisis=False)


def _guard(source: str) -> re.Pattern[str]:
    """Compile a guard pattern the way rules are compiled: squeezed, on word boundaries."""
    return re.compile(squeeze_pattern(rf"\b(?:{source})\b"))


# --- the vocabulary of the guards ------------------------------------------------------------------

_NEGATORS = frozenset({"not", "never", "no", "nor", "without"})


def _word_set(words: str) -> frozenset[str]:
    return frozenset(squeeze(word) for word in words.split())


# Words that may stand between a negator and what it negates: "not *going to* kill myself",
# "no *intention of* hurting myself", "never *really thought about* suicide".
_NEGATION_GAP = _word_set(
    "i am is are was were be been being have has had having do does did will would could should can"
    " might may going to want wanted wanting feel feeling felt think thinking thought thoughts about of"
    " any ever really actually currently even at all plan plans planning intention intentions intend"
    " desire urge urges considering consider trying try a the some like that such idea ideas sort kind"
    " anything something way myself me my gonna just seriously honestly tried attempted considered"
)
_CONJUNCTIONS = _word_set("but and so because though although yet then cause")
_REPORTING = _word_set("think feel like that know believe guess say mean suppose if")
_FIRST_PERSON = _word_set("i me myself")
_OTHERS = _word_set(
    "he she they him her them we you people someone somebody everyone everybody anyone anybody who"
    " friend friends brother sister mom dad mother father son daughter sons daughters cousin uncle aunt"
    " husband wife partner boyfriend girlfriend ex teen teens teenager teenagers kid kids child children"
    " character characters man woman guy girl boy person patient patients client clients student"
    " students roommate neighbor coworker colleague grandma grandpa nephew niece baby family"
)
# The client joining in on what someone else said, at the end of a clause: "my character has decided to end
# his life and so have I", "my friend wants to die. Me too." (the normaliser writes "too" as "to").
_JOINS_IN = re.compile(
    r"(?:\bso (?:have|am|do|did|will|would|was|could) i|\bas (?:do|have|am|will|would|did) i"
    r"|\bme (?:to|too|as well)|\bsame (?:here|for me|with me)"
    r"|\bi (?:do|have|am|will|would|did|feel|want to)(?: the same(?: way)?)? (?:to|too|as well)"
    r"|\bi feel the same(?: way)?)(?= [.?,!;]| *$)"
)
_JOIN_REACH = 160
# "Have you thought about suicide? No." — but not "no joke", "no lie", "no cap", "no this isn't a bit".
_DENIAL_AFTER = re.compile(
    squeeze_pattern(
        r" (?:[?.,] )?(?:and |but )?(?:i )?(?:said |say )?(?:no|nope|never|not really|nah)\b"
        r"(?! joke| lie| cap| kidding| this is not| this isnt| it is not| i am not (?:joking|kidding)| seriously"
        r"|,? but)"  # "no but I think about it" takes the denial back
    )
)
# The answer to someone else's question, straight after it: "my sister asked if I'd been thinking of hurting
# myself. honestly no, just tired", "she asked if I wanted to kill myself lol no"
_DENIED_ANSWER = re.compile(
    squeeze_pattern(
        r" (?:[?.,] )?(?:(?:and|but|honestly|tbh|lol|haha|well|so) (?:[.,] )?)*"
        r"(?:i )?(?:(?:said|say|told (?:her|him|them)) )?"
        r"(?:no|nope|never|not really|nah)\b(?! joke| lie| cap| kidding| seriously|,? but| not yet)"
    )
)
# "Can't stop thinking about…" opens with "can" and is no question.
_QUESTION_START = _guard(r"^(?:what|why|how|is|are|does|do|can|should|where|when|which|who|could|would)(?! not\b)")
_FIRST_PERSON_ANY = _guard(r"i|me|my|myself|mine")
_MEDIA = _guard(
    r"movie|film|show|series|episode|season|book|novel|story|stories|storylines?|soaps?|drama|song|lyrics|album"
    r"|game|games|gaming"
    r"|podcast|documentary|article|news|essay|character|characters|video|tiktok|youtube|poem|lecture|course"
    r"|training|prevention|awareness|statistics|rates|research|study|survey|questionnaire|screening|hamlet"
    r"|netflix|anime|manga|fortnite|minecraft|call of duty|among us|impostor|elden ring|villain|campaign"
)
_REPORTED_QUESTION = _guard(r"(?:asked|asks|ask|asking) (?:me )?(?:if|whether|about)|questionnaire|screening")
_RESOLVED = _guard(
    r"used to|years? ago|a long time ago|long ago|as a (?:kid|child|teen|teenager|student)"
    r"|when i was(?! (?:pregnant|asleep|sleping|in bed|holding|carying|on the phone|in the shower|driving))"
    r"|in my (?:teens|twenties|thirties|forties|20s|30s|40s|youth|early|late)"
    r"|back in (?:the day|school|college|high school|uni|\d+)|in (?:19|20)\d\d"
    # "since" closes a chapter only after an ending: "clean since school", not "cutting since I was 14".
    r"|(?:not|never|clean|sober|stopped|quit|free|fine|good|well|better|okay|ok|happy|stable)(?: \w+){0,5}"
    r" since (?:high school|college|school|then|i was|\d+)|(?:clean|sober) (?:for|since)"
    r"|(?:years|months|days) (?:clean|sober)|(?:long|far) behind me|(?:much |a lot )?better (?:place )?now"
    r"|(?:i am|am) (?:safe|fine|ok|okay|doing (?:well|better|good|great)) now"
    r"|have not (?:done|had|felt|cut|hurt|thought) (?:\w+ ){1,3}since|thoughts are gone|got (?:sober|help|through it)"
    # "haven't done it in over ten years", "there was a time…", "the last time was before my son was born"
    r"|have not (?:done|had|felt|cut|hurt|thought|used|self harmed)(?: \w+){0,3} (?:in|for) (?:over |more than "
    r"|nearly |almost |about )?(?:\w+ )?(?:years|months|a year|a decade|decades|ages|a long time)"
    r"|there was a time|back at (?:school|college|uni|high school)|(?:my|our) childhood|growing up"
    r"|(?:the )?last time (?:i|it) (?:\w+ ){0,3}was (?:before|when|years|back|at|in (?:19|20)\d\d)"
    # "none for a very long time", "fully recovered", "I grew out of it", "steady for over two years",
    # "that was the only time", "part of my teens", "at seventeen", "I don't think that anymore"
    r"|in the past|none (?:for|in|since)|(?:fully |long )?recovered|grew out of|out of my life"
    r"|(?:that|it|this) was the only time|the only time (?:i|it) (?:did|happened|ever)"
    r"|(?:been|felt|stayed|kept|i am|am) (?:steady|stable|well|fine|safe|settled|good|okay|ok)"
    r" (?:for|since|ever since)|part of my (?:teens|childhood|past|twenties|youth)"
    r"|at (?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?! (?:minutes|past|tonight|o))"
    r"|do not think that (?:\w+ ){0,3}(?:anymore|any more)|have been well since"
    r"|(?:have|had) not had (?:an?|any) (?:\w+ )?(?:in|for|since)"
    # "four years free of hurting myself", "learnt my lesson, never again", "once at uni i mixed…"
    r"|(?:years?|months?|weeks?|decades?) (?:free|clear|clean) of|learn(?:t|ed) my lesson"
    r"|once (?:at|in) (?:uni|school|colege)"
    # "3 years since i last hurt myself"
    r"|(?:years?|months?|decades?) since i (?:last|ever)\b"
    # "twelve years on", "that's twenty years back", "decades ago", "I've made peace with it", "another life"
    r"|(?:\w+ )(?:years|decades) (?:on|back|later)(?= *(?:[.,?]|$| and| now| i))|decades ago"
    r"|(?:made|at) peace with (?:it|that|this|what happened|the past|my past)|another life|gave me my life back"
    r"|(?:good|ful|happy) life since|grew up"
)
_RELAPSE = _guard(
    r"(?<!never )again|relapse\w*|last night|yesterday|this (?:morning|week)|today|right now|started|back (?:to|again)"
    r"|(?:are|is|came|coming) back|still|lately|recently|these days|currently|broke it|tonight"
)
# A match told in the past tense ("scratched my arms", "took an overdose") may be closed by the sentence
# after it ("I've been steady for years"); one in the present needs its own sentence to say it is over.
_PAST_TELLING = re.compile(r"(?:i )?(?:\w+ed|took|cut|was|were|had|did|went|burnt|burned|hit|beat|got|swalowed)\b")
_NOW_OR_NEXT = _guard(
    r"now|last (?:weekend|week|month|time)|going to|gonna|i will|this (?:month|year)|every (?:day|night)|keep|keeps"
)
_INTENT_OR_TIME = _guard(
    r"going to|i will|plan|plans|planning|planned|decided|about to|ready to|made up my mind|tonight"
    r"|right now|today|this (?:evening|weekend)|tomorrow|next week"
    r"|in (?:an|a few|\d+) (?:hours?|minutes?|mins)"
    r"|after (?:\w+ ){1,3}(?:goes|go|is|are|has gone) (?:to bed|asleep|to sleep|out)"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_PLAN = _guard(r"(?:all )?planned|made up my mind|have a plan|my plan is|wrote (?:a|the|my) note|said my goodbyes")
_RIGHT_NOW = _guard(r"tonight|right now")
_ESCALATES_ON_INTENT = frozenset({"suicide", "self_harm", "harm_to_others"})

# --- scoping --------------------------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"(?:^| )[.?](?= |$)")
_CLAUSE_BREAK = re.compile(r"(?:^| )[.?,](?= |$)")
_SPACE = re.compile(" ")
# How far (in characters) the guards look around a match. Bounded, so that a 10,000-character paste
# without a full stop costs the same per match as a short message.
_CLAUSE_REACH = 120
_SENTENCE_REACH = 300
_NEARBY_REACH = 600


@dataclass(frozen=True, slots=True)
class _Scope:
    """The text around one match that the guards look at."""

    sentence: str  # the sentence around the match (its closing "." or "?" included)
    before: str  # the sentence up to the match
    clause_start: int  # where the clause holding the match begins in the message text
    clause_words: list[str]  # the words of that clause before the match
    nearby: str  # the sentence with the ones just before and after it


@dataclass(frozen=True, slots=True)
class _Message:
    """A normalised message with its sentence and clause boundaries, shared by all its matches."""

    norm: NormalisedText
    sentence_breaks: tuple[int, ...]
    clause_breaks: tuple[int, ...]
    word_starts: tuple[int, ...]
    has_plan: bool

    @classmethod
    def of(cls, text: str) -> _Message:
        norm = normalise(text)
        return cls(
            norm,
            tuple(m.start() for m in _SENTENCE_BREAK.finditer(norm.text)),
            tuple(m.start() for m in _CLAUSE_BREAK.finditer(norm.text)),
            (0, *(m.end() for m in _SPACE.finditer(norm.text))),
            _PLAN.search(norm.text) is not None,
        )

    @property
    def text(self) -> str:
        return self.norm.text

    def scope(self, start: int, end: int) -> _Scope:
        sentence_start = self._word_at(_before(self.sentence_breaks, start), start - _SENTENCE_REACH)
        sentence_end = min(_after(self.sentence_breaks, end, len(self.text)), end + _SENTENCE_REACH)
        clause_start = self._word_at(_before(self.clause_breaks, start), start - _CLAUSE_REACH)
        nearby_start = self._word_at(_before(self.sentence_breaks, start, skip=1), start - _NEARBY_REACH)
        nearby_end = min(_after(self.sentence_breaks, end, len(self.text), skip=1), end + _NEARBY_REACH)
        return _Scope(
            sentence=self.text[sentence_start:sentence_end],
            before=self.text[sentence_start:start],
            clause_start=clause_start,
            clause_words=self.text[clause_start:start].split(),
            nearby=self.text[nearby_start:nearby_end],
        )

    def _word_at(self, boundary: int, limit: int) -> int:
        """``boundary``, or if that is further back than ``limit``, the first word start after ``limit``."""
        if boundary >= limit:
            return boundary
        return self.word_starts[bisect_left(self.word_starts, limit)]


def _before(breaks: tuple[int, ...], position: int, skip: int = 0) -> int:
    """Just after the break before ``position`` (``skip`` more breaks back), or the start of the text."""
    index = bisect_right(breaks, position) - 1 - skip
    return breaks[index] + 2 if index >= 0 else 0


def _after(breaks: tuple[int, ...], position: int, default: int, skip: int = 0) -> int:
    """Just after the first break at or after ``position`` (``skip`` more breaks on), or ``default``."""
    index = bisect_left(breaks, position) + skip
    return breaks[index] + 2 if index < len(breaks) else default


# --- the guards -----------------------------------------------------------------------------------


def _negated(prefix: list[str]) -> bool:
    """Is the match negated in its clause? "I'm not suicidal" yes; "I can't stop thinking about it" no.

    Walking back from the match, only the words of :data:`_NEGATION_GAP` may stand between it and a
    negator; a fresh "I" starts a new clause unless a reporting verb comes before it ("I don't *think* I
    want to die" is negated, "it's not something I'm going to kill myself" is not).
    """
    skip_next = False
    for index in range(len(prefix) - 1, -1, -1):
        word = prefix[index]
        if skip_next:  # "not sad or suicidal": step over the coordinated word.
            skip_next = False
        elif word in _NEGATORS:
            return True
        elif word in {"or", "nor"}:
            skip_next = True
        elif _ends_negation_scope(prefix, index):
            return False
    return False


def _ends_negation_scope(words: list[str], index: int) -> bool:
    """Does ``words[index]`` close the negation scope (walking backwards)?"""
    word = words[index]
    if word in _CONJUNCTIONS or word not in _NEGATION_GAP:
        return True
    return word == "i" and index > 0 and words[index - 1] not in _REPORTING


def _about_someone_else(prefix: list[str]) -> bool:
    """Is the clause's nearest subject someone other than the client ("my friend is suicidal")?"""
    for word in reversed(prefix):
        if word in _FIRST_PERSON:
            return False
        if word in _OTHERS:
            return True
    return False


def _general_talk(sentence: str, prefix: str) -> bool:
    """A general question, fiction or news, or a screening question — not the client's own state."""
    is_question = sentence.rstrip().endswith("?") or _QUESTION_START.search(sentence.lstrip(" .?,"))
    if is_question and not _FIRST_PERSON_ANY.search(sentence):
        return True
    return bool(_MEDIA.search(sentence) or _REPORTED_QUESTION.search(prefix))


def _resolved_past(sentence: str, nearby: str) -> bool:
    """A past that is over ("I used to cut, but not since school") — unless nearby text says it is back."""
    return bool(_RESOLVED.search(sentence)) and not _RELAPSE.search(nearby)


def screened(text: str) -> bool:
    """Whether a learned screen is asked about ``text`` when no rule fires on it (see ``_second_look``)."""
    return _screened(text, normalise(text).text)


def _screened(text: str, normalised: str) -> bool:
    return names_risk(text, normalised) and not _history_only(normalised) and not _asked_and_denied(normalised)


_QUESTION_END = re.compile(r" [.?,] ")
_ASKED_REACH = 200


def _asked_and_denied(text: str) -> bool:
    """Someone else's question about risk answered no, with nothing about risk after the answer ("my sister
    asked if I'd been thinking of hurting myself. honestly no, just tired"): the rules read the denial, but the
    screens read words, not who asked them, and the question alone resembles a risk statement."""
    for asked in _REPORTED_QUESTION.finditer(text):
        end = _QUESTION_END.search(text, asked.end(), asked.end() + _ASKED_REACH)
        denied = end and _DENIED_ANSWER.match(text, end.start())
        if denied and not names_risk(text[denied.end() :]):
            return True
    return False


def _history_only(text: str) -> bool:
    """A whole message about a past that is over: a resolved-past marker, and nothing about now or what is
    coming ("I did time for GBH years ago… I'm going to do him" is not history)."""
    return _resolved_past(text, text) and not _NOW_OR_NEXT.search(text)


def _passes_guards(rule: Rule, message: _Message, scope: _Scope, start: int, end: int) -> bool:
    """Does ``text[start:end]``, seen through ``scope``, survive every guard ``rule`` asks for?

    A match that names the client as its own subject ("*I* will shoot her") needs no subject check.
    """
    if (rule.needs and not rule.needs.search(scope.nearby)) or (rule.unless and rule.unless.search(scope.sentence)):
        return False
    if rule.unless_nearby and rule.unless_nearby.search(scope.nearby):
        return False
    if rule.negatable and (_negated(scope.clause_words) or _DENIAL_AFTER.match(message.text, end)):
        return False
    if _REPORTED_QUESTION.search(scope.before) and _DENIED_ANSWER.match(message.text, end):
        return False  # asked and answered no: a screening question reported, not a risk
    says_i = message.text.startswith("i ", start)
    joins_in = _JOINS_IN.search(message.text, end, end + _JOIN_REACH) is not None
    someone_else = _about_someone_else(scope.clause_words) and not joins_in
    if (rule.self_only and not says_i and someone_else) or (
        rule.topical and _general_talk(scope.sentence, scope.before)
    ):
        return False
    if not rule.resolvable:
        return True
    if _resolved_past(scope.sentence, scope.nearby):
        return False
    return not (_PAST_TELLING.match(message.text, start) and _resolved_past(scope.nearby, scope.nearby))


def _actor_start(rule: Rule, message: _Message, clause_start: int, start: int) -> int | None:
    """Without a ``by`` guard, ``start``; with one, where its words begin (so the evidence names who is
    doing it), or ``None`` if they are absent."""
    if rule.by is None:
        return start
    actor = rule.by.search(message.text, clause_start, start)
    if actor is None:
        return None
    return actor.start() + (message.text[actor.start()] == " ")


# --- severity -------------------------------------------------------------------------------------


def _severity(rule: Rule, message: _Message, scope: _Scope) -> Severity:
    """The rule's severity, raised to imminent by stated intent, a time or a plan."""
    if rule.category in _ESCALATES_ON_INTENT and (message.has_plan or _INTENT_OR_TIME.search(scope.sentence)):
        return Severity.IMMINENT
    if rule.category == CrisisCategory.ABUSE and _RIGHT_NOW.search(scope.sentence):
        return Severity.IMMINENT
    return Severity(rule.severity)


# --- the detector ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hit:
    category: CrisisCategory
    severity: Severity
    start: int
    end: int
    reason: str


class Screen(Protocol):
    """A learned second look: the strongest risk it sees in a message, if over its threshold."""

    def check(self, text: str) -> ScreenHit | None: ...


class CrisisDetector:
    """Rule-based crisis detector. Its one method, :meth:`assess`, is the whole interface: anything
    with the same method can stand in for it (in tests, or a future detector).

    ``rules`` defaults to :data:`oars.safety.patterns.RULES`; ``context_window`` is how many earlier
    client messages are considered when a ``moderate`` signal may be a repeated one. ``screen`` (n-grams,
    :mod:`oars.safety.screen`) and then ``semantic`` (a sentence encoder, :mod:`oars.safety.semantic`), when
    given, are asked only about messages no rule fired on, and can only add a ``moderate`` signal;
    :func:`default_detector` has the shipped ones.
    """

    def __init__(
        self,
        rules: Sequence[Rule] = RULES,
        *,
        context_window: int = 5,
        screen: Screen | None = None,
        semantic: Screen | None = None,
    ) -> None:
        self._rules = tuple(rules)
        self._index = RuleIndex(self._rules)
        self._context_window = context_window
        named = ((screen, "learned screen"), (semantic, "semantic screen"))
        self._screens = tuple((s, name) for s, name in named if s is not None)

    def load(self) -> CrisisDetector:
        """Load the screens' models now (start-up) rather than on the first message that needs them."""
        for screen, _ in self._screens:
            load = getattr(screen, "load", None)
            if load is not None:
                load()
        return self

    def assess(self, text: str, *, context: Sequence[str] = ()) -> CrisisAssessment:
        """Assess one client message; ``context`` holds the client's previous messages, oldest first.

        Never raises: ``None``, non-strings, empty or enormous text all get an assessment.
        """
        original = _as_text(text)
        if not original.strip():
            return _NO_CRISIS
        message = _Message.of(original)
        hits = _merge(self._hits(message))
        if not hits:
            return self._second_look(original, message.text)
        hits = self._raise_repeated(hits, context)
        signals = tuple(_signal(hit, message, original) for hit in hits)
        return CrisisAssessment(is_crisis=True, signals=signals)

    def _second_look(self, text: str, normalised: str) -> CrisisAssessment:
        """What the learned screen sees in a message the rules passed (nothing, without a screen). Only a
        message that names something risk statements are made of is screened (:mod:`oars.safety.gate`).

        A message that tells of a past that is over ("I used to cut… I haven't since I was nineteen") with
        nothing saying it is back is not screened: the screen reads words, not tense, and would hear the
        history as today; the rules, which did pass it, read each sentence's tense and time words."""
        if not self._screens or not _screened(text, normalised):
            return _NO_CRISIS
        hit, name = next(((h, n) for screen, n in self._screens if (h := screen.check(text)) is not None), (None, ""))
        if hit is None:
            return _NO_CRISIS
        reason = f"resembles {hit.category.replace('_', ' ')} risk statements ({name}, p={hit.probability:.2f})"
        signal = CrisisSignal(CrisisCategory(hit.category), Severity.MODERATE, hit.evidence, reason)
        return CrisisAssessment(is_crisis=True, signals=(signal,))

    def _hits(self, message: _Message) -> Iterator[_Hit]:
        candidates = self._index.candidates(message.text, message.word_starts)
        for number in sorted(candidates):
            rule = self._rules[number]
            # A ``needs`` guard is searched in the whole message once, and only after the pattern has matched:
            # searching a long paste for it first cost more than the matching it saved.
            unchecked = rule.needs is not None
            for match in matches_at(rule.pattern, message.text, candidates[number]):
                if unchecked:
                    if not rule.needs.search(message.text):  # type: ignore[union-attr]
                        break
                    unchecked = False
                hit = _hit(rule, message, match)
                if hit is not None:
                    yield hit

    def _raise_repeated(self, hits: list[_Hit], context: Sequence[str] | str | None) -> list[_Hit]:
        """A moderate signal the client has already given in an earlier message counts as high."""
        if not any(hit.severity is Severity.MODERATE for hit in hits):
            return hits
        earlier = {
            hit.category for past in _recent(context, self._context_window) for hit in self._hits(_Message.of(past))
        }
        return [
            _Hit(hit.category, Severity.HIGH, hit.start, hit.end, f"{hit.reason} (repeated across messages)")
            if hit.severity is Severity.MODERATE and hit.category in earlier
            else hit
            for hit in hits
        ]


def _hit(rule: Rule, message: _Message, match: re.Match[str]) -> _Hit | None:
    """The signal ``match`` makes, or ``None`` when a guard stops it."""
    start, end = match.span()
    scope = message.scope(start, end)
    if not _passes_guards(rule, message, scope, start, end):
        return None
    actor = _actor_start(rule, message, scope.clause_start, start)
    if actor is None:
        return None
    return _Hit(CrisisCategory(rule.category), _severity(rule, message, scope), actor, end, rule.reason)


def _as_text(value: object) -> str:
    """Whatever the caller passed, as a string (``None`` → empty)."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value if isinstance(value, str) else str(value)


def _recent(context: Sequence[str] | str | None, window: int) -> Iterable[str]:
    """The last ``window`` non-empty earlier messages (a lone string counts as one message)."""
    if context is None or window <= 0:
        return ()
    messages = [context] if isinstance(context, str | bytes) else list(context)
    return [text for text in map(_as_text, messages[-window:]) if text.strip()]


def _merge(hits: Iterable[_Hit]) -> list[_Hit]:
    """One hit per run of overlapping spans of a category — the most severe, then the longest — most
    urgent first. Sorting then sweeping keeps a paste of a thousand risk statements linear."""
    kept: list[_Hit] = []
    run_end = -1
    for hit in sorted(hits, key=lambda hit: (hit.category, hit.start)):
        if kept and kept[-1].category == hit.category and hit.start < run_end:
            run_end = max(run_end, hit.end)
            if _stronger(hit, kept[-1]):
                kept[-1] = hit
        else:
            kept.append(hit)
            run_end = hit.end
    return sorted(kept, key=lambda hit: (-hit.severity.rank, hit.start))


def _stronger(hit: _Hit, other: _Hit) -> bool:
    return (hit.severity.rank, hit.end - hit.start) > (other.severity.rank, other.end - other.start)


def _signal(hit: _Hit, message: _Message, original: str) -> CrisisSignal:
    start, end = message.norm.original_span(hit.start, hit.end)
    return CrisisSignal(hit.category, hit.severity, original[start:end], hit.reason)


_DEFAULT = CrisisDetector(screen=LearnedScreen(), semantic=SemanticScreen())


def default_detector() -> CrisisDetector:
    """The shared detector: every rule, then the shipped learned screen (building one compiles every
    rule: reuse it)."""
    return _DEFAULT


def detect_crisis(text: str, *, context: Sequence[str] = ()) -> CrisisAssessment:
    """Assess ``text`` with the default detector: rules, then the learned screen (see :class:`CrisisDetector`)."""
    return _DEFAULT.assess(text, context=context)
