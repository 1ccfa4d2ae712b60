"""What the counsellor understood of one client message (the *understand* stage's output)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from oars.coder.labels import DarnCat, Talk
from oars.measures import RulerKind
from oars.safety import CrisisAssessment

__all__ = ["SURE_TALK", "Asked", "Form", "Understanding"]

MAX_MESSAGE_CHARS = 10_000
SURE_TALK = 0.7
"""The coder's confidence above which its talk type is acted on even when no DARN-CAT frame states it."""


class Form(StrEnum):
    """What kind of text the message is, before its meaning: most are ``prose``."""

    PROSE = "prose"
    EMPTY = "empty"
    EMOJI = "emoji"  # only emoji / symbols
    NON_ENGLISH = "non_english"
    GIBBERISH = "gibberish"


class Asked(StrEnum):
    """What the client asked of the counsellor, if anything."""

    ABOUT_COUNSELLOR = "about_counsellor"  # "are you a real person?"
    PRIVACY = "privacy"  # "will you tell my probation officer?", "who reads this?"
    PROCESS = "process"  # "how does this work?", "what is this for?"
    ENDING = "ending"  # "are we done?", "how long does this take?"
    OUTSIDE = "outside"  # about arrangements beyond the chat: "does this count for my hours?"
    PURPOSE = "purpose"  # "why are you asking me that?"
    ADVICE = "advice"  # "what should I do?"
    LABEL = "label"  # "am I an alcoholic?", "do you think I'm addicted?"
    INFORMATION = "information"  # "is it bad to drink every day?"
    OTHER = "other"


@dataclass(frozen=True)
class Understanding:
    """One client message, understood. Produced by :class:`oars.understand.Understander`.

    ``talk`` / ``darn_cat`` come from the shared coder; ``crisis`` from the rule-based detector (never a
    language model). The lexical findings (topics, feelings, values, people) are keys of
    :mod:`oars.understand.lexicon` entries, in order of appearance.
    """

    text: str
    form: Form
    crisis: CrisisAssessment
    talk: Talk
    darn_cat: DarnCat | None
    talk_confidence: float
    discord: bool = False
    injection: bool = False
    asked: Asked | None = None
    answer: str | None = None  # "yes" / "no" for a short yes-or-no answer
    acknowledgement: bool = False  # only "yeah", "mm-hmm", "right": going along, with nothing new to reflect
    ruler: int | None = None  # a 0–10 answer, when a ruler question was just asked
    named_rulers: tuple[tuple[RulerKind, int], ...] = ()  # answers given by name: "6 for importance"
    topics: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    situation: tuple[str, ...] = ()  # what the message shows: "cost", "routine", "noticed", "unsure"
    stated_darn_cat: bool = False  # ``darn_cat`` is in the message's own words, not a default or the question's
    past_success: bool = False
    wants_to_stop: bool = False  # the client wants to end the conversation
    wants_plan: bool = False  # the client asks to make a plan ("ok let's make a plan")
    reported: bool = False  # it reports someone else's view ("wife said I should try this") without the client's own
    # "greeting" (hello), "hesitant" ("not sure what to say"), "thanks", "slip" ("sorry, cat on the keyboard"):
    # nothing to reflect
    greeting: str | None = None
    truncated: bool = False  # the message was longer than MAX_MESSAGE_CHARS; only its start was analysed

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_change_talk(self) -> bool:
        """Change talk in the client's own voice: someone else's reasons, reported, are not theirs (yet), and
        pushing back at the counsellor ("it's my choice anyway") is about the conversation, not the change."""
        return self.talk is Talk.CHANGE and not self.reported and not self.discord

    @property
    def is_sustain_talk(self) -> bool:
        return self.talk is Talk.SUSTAIN

    @property
    def darn_cat_to_reflect(self) -> DarnCat | None:
        """The kind of talk a reflection may say the message implies. A decision ("you've decided") is said
        back only when the client's own words state one: read into "lol ok worth a try" it puts words in
        their mouth."""
        if self.darn_cat is None or not self.talk_is_sure or self.reported:
            return None
        if self.darn_cat.mobilising and not self.stated_darn_cat:
            return None
        return self.darn_cat

    @property
    def talk_is_sure(self) -> bool:
        """Whether to answer the talk type as such: its words frame a DARN-CAT kind, or the coder is sure.
        The coder also hears change talk in "forget it" and sustain talk in "I'm in bed till 2 most days";
        a reflection of a desire or a reluctance the client never voiced jars."""
        return self.stated_darn_cat or self.talk_confidence >= SURE_TALK
