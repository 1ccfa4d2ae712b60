"""The *choose* stage's output: the next MI move, why it was chosen, and what to build it from.

A move is one to three *acts* said in one turn ("complex reflection, then an open question"), each act
an MI skill. The policy decides the acts, the question's purpose and the reflection's style, and
records a reason; the realiser only turns that into words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from oars.events import Event
from oars.measures import RulerKind

__all__ = ["Act", "Choice", "Material", "Move", "Purpose", "Style", "SummaryKind"]


class Act(StrEnum):
    """One MI skill inside a reply."""

    OPENING = "opening"  # says it is an automated program, what it can do, invites the concern
    SIMPLE_REFLECTION = "simple_reflection"
    COMPLEX_REFLECTION = "complex_reflection"
    SUMMARY = "summary"
    AFFIRMATION = "affirmation"
    EMPHASIZE_AUTONOMY = "emphasize_autonomy"
    OPEN_QUESTION = "open_question"
    ASK_PERMISSION = "ask_permission"  # a closed question asking leave to inform, advise or plan
    INFORMATION = "information"  # brief, neutral, with autonomy language (Elicit-Provide-Elicit)
    DISCLOSURE = "disclosure"  # "I'm an automated program, not a person"
    ANSWER = "answer"  # a plain answer about the conversation itself (who reads it, how it works), or a welcome
    CLARIFY = "clarify"  # the message could not be understood (another language, gibberish, emoji)
    CRISIS = "crisis"  # the safety path: no MI-as-usual
    CLOSING = "closing"

    @property
    def is_reflection(self) -> bool:
        return self in {Act.SIMPLE_REFLECTION, Act.COMPLEX_REFLECTION, Act.SUMMARY}

    @property
    def is_question(self) -> bool:
        return self in {Act.OPEN_QUESTION, Act.ASK_PERMISSION}


class Style(StrEnum):
    """How a complex reflection adds meaning (reference section 4)."""

    FEELING = "feeling"  # names the feeling under the words
    MEANING = "meaning"  # names the value or meaning ("being a good dad matters to you")
    CONTINUING = "continuing"  # says the next, unsaid sentence ("…and part of you wonders what it costs")
    DOUBLE_SIDED = "double_sided"  # both sides of the ambivalence, joined by "and"
    AMPLIFIED = "amplified"  # sustain talk slightly overstated, without sarcasm, so the person pulls back
    REFRAME = "reframe"  # the same facts in a light that supports change ("you keep trying" for "I keep failing")
    ALONGSIDE = "alongside"  # coming alongside discord or strong sustain talk: the client is right to decide


class SummaryKind(StrEnum):
    COLLECTING = "collecting"  # gathers the change talk heard so far
    LINKING = "linking"  # ties what was just said to something said earlier
    TRANSITIONAL = "transitional"  # closes a process and moves to the next
    CLOSING = "closing"  # the end-of-session summary of the client's own change talk


class Purpose(StrEnum):
    """What a question (or permission request) is for."""

    OPEN_CONCERN = "open_concern"  # engaging: what brings you here
    EXPLORE = "explore"  # engaging: what is it like, what happens when
    ELABORATE = "elaborate"  # EARS: tell me more / what else
    AGENDA = "agenda"  # focusing: which of several concerns first
    FOCUS = "focus"  # focusing: what would you most like to be different
    DESIRE = "desire"  # evoking DARN
    ABILITY = "ability"
    REASONS = "reasons"
    NEED = "need"
    CONCERN = "concern"  # what worries you about …
    LOOKING_FORWARD = "looking_forward"
    LOOKING_BACK = "looking_back"
    VALUES = "values"  # what matters most to you (developing discrepancy)
    PAST_SUCCESS = "past_success"  # self-efficacy
    EXTREMES = "extremes"  # querying extremes: the best / worst that could happen
    RULER = "ruler"  # the 0–10 ruler question (``Material.ruler_kind``)
    RULER_FOLLOWUP = "ruler_followup"  # "why a 6 and not a 3?"
    KEY_QUESTION = "key_question"  # "so what do you think you'll do?"
    PLAN_PERMISSION = "plan_permission"  # may we think about a next step?
    PLAN_CHANGE = "plan_change"  # what change
    PLAN_STEPS = "plan_steps"
    PLAN_SUPPORT = "plan_support"
    PLAN_OBSTACLES = "plan_obstacles"
    PLAN_RESPONSE = "plan_response"  # and if that obstacle comes up, what could you do
    PLAN_CONFIDENCE = "plan_confidence"
    INFO_PERMISSION = "info_permission"  # EPE: may I share some information?
    INFO_ELICIT = "info_elicit"  # EPE: what do you already know about …
    INFO_CHECK = "info_check"  # EPE: what do you make of that?
    RESUME = "resume"  # after a detour (crisis resolved, discord): where would you like to go from here
    WRAP_UP = "wrap_up"  # thanked once a plan is under way: anything else before we finish?


@dataclass(frozen=True)
class Material:
    """What the realiser may use. Everything here is the client's own content or the policy's choice."""

    client_text: str = ""
    change_talk: tuple[str, ...] = ()  # the client's change statements, oldest first
    sustain_talk: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()  # feeling words (lexicon), most recent first
    values: tuple[str, ...] = ()  # value keys (lexicon), most recent first
    people: tuple[str, ...] = ()  # "wife", "kids", most recent first
    strengths: tuple[str, ...] = ()  # the client's words about strengths / past successes
    behaviour: str | None = None  # the focus, named: "drinking"
    change: str | None = None  # the change as a verb phrase: "cut down on drinking"
    agenda: tuple[str, ...] = ()  # behaviours named, for agenda mapping ("drinking", "sleep")
    ruler_kind: RulerKind | None = None
    ruler_value: int | None = None
    ruler_before: int | None = None  # the same ruler's earlier answer, when the client re-scored it unasked
    information: str | None = None  # the information to provide (EPE), already written
    plan: dict[str, object] = field(default_factory=dict)  # the change plan so far (ChangePlan.to_dict())
    earlier: tuple[str, ...] = ()  # earlier client messages, oldest first (for linking summaries)
    talk: str | None = None  # the current message's talk type ("change" …), so a reflection can say what it implies
    darn_cat: str | None = None  # … its DARN-CAT kind, when its words state one (a reason implies more than a need)
    situation: tuple[str, ...] = ()  # … and what it shows ("cost", "routine", "noticed", "unsure")
    corrected: bool = False  # the client has just said the last reflection missed ("no, that's not it")
    asked: str | None = None  # what an answer answers: an ``Asked`` value ("privacy" …), "greeting" or "hesitant"


@dataclass(frozen=True)
class Move:
    """The next thing to do, with the reason it was chosen (stored with the turn)."""

    acts: tuple[Act, ...]
    reason: str
    style: Style | None = None
    purpose: Purpose | None = None
    summary: SummaryKind | None = None
    material: Material = field(default_factory=Material)

    @property
    def name(self) -> str:
        """``"complex_reflection+open_question"`` — the move as reported in transcripts."""
        return "+".join(act.value for act in self.acts)

    @property
    def reflections(self) -> int:
        return sum(act.is_reflection for act in self.acts)

    @property
    def questions(self) -> int:
        return sum(act.is_question for act in self.acts)


@dataclass(frozen=True)
class Choice:
    """A move plus the state changes decided with it (process, focus, ruler answer, plan)."""

    move: Move
    events: tuple[Event, ...] = ()
