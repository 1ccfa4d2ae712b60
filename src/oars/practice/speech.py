"""Wording the simulated client's replies from the persona's own material.

The client model (``oars.practice.client``) decides *what* to say — a :class:`Plan`: change talk of a DARN
category, sustain talk, an answer, a number, discord, the hidden concern. This module says it the way the
persona would: a fragment from the persona's file that fits what the clinician just asked or reflected,
framed by a response to the clinician's move ("Yeah, exactly." after an accurate reflection, "Not quite."
after a wrong one, "I know, I know. But…" after advice), hedged according to how open the client is, now and
then joined to a second fragment or to something said earlier, and shaped by the persona's style (terse,
rambling, lower-case chat). Fragments are used once; when the material runs out the client says it again
the way people do ("Like I said, …"). The same reply is never given twice in a session.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from oars.coder import DarnCat, Talk
from oars.practice.hearing import Act, Asks, Heard
from oars.practice.persona import Item, Persona, Style
from oars.understand.overlap import content_words, themes

__all__ = ["Fragment", "Kind", "Plan", "Speech", "compile_fragments"]


class Kind(StrEnum):
    """The kind of reply the client model chose."""

    OPENING = "opening"  # the presenting concern, first thing in the session
    CHANGE = "change"
    SUSTAIN = "sustain"
    NEUTRAL = "neutral"  # elaborating on the situation
    VALUES = "values"
    ANSWER = "answer"  # yes or no to a closed question, perhaps with a little more
    RULER = "ruler"  # a number on a 0–10 ruler, perhaps with a reason
    HINT = "hint"  # a hint that there is more (the hidden concern)
    DISCLOSURE = "disclosure"  # the hidden concern
    DISCORD = "discord"


@dataclass(frozen=True)
class Plan:
    """What to say. ``talk`` and ``darn`` give the content for change / sustain / neutral talk and for what
    follows a yes, a no or a number (when ``elaborate``); ``discrepancy`` adds a reason for change after a value."""

    kind: Kind
    talk: Talk = Talk.NEUTRAL
    darn: DarnCat | None = None
    answer: bool | None = None
    number: int | None = None
    elaborate: bool = True
    discrepancy: bool = False


@dataclass(frozen=True)
class Fragment:
    """One line of persona material, ready to match against what the clinician said."""

    key: str
    text: str
    about: str | None
    talk: Talk
    darn: DarnCat | None
    words: frozenset[str]
    themes: frozenset[str]


_DARN_FIELDS = {
    "desire": DarnCat.DESIRE,
    "ability": DarnCat.ABILITY,
    "reasons": DarnCat.REASON,
    "need": DarnCat.NEED,
    "commitment": DarnCat.COMMITMENT,
    "steps": DarnCat.TAKING_STEPS,
}


def compile_fragments(persona: Persona) -> dict[str, tuple[Fragment, ...]]:
    """The persona's material by pool: ``opening``, ``detail``, ``change``, ``sustain``."""

    def make(pool: str, items: Sequence[Item], talk: Talk, darn: DarnCat | None = None) -> list[Fragment]:
        out = []
        for i, item in enumerate(items):
            text = item.text + ("" if item.text[-1] in ".!?" else ".")
            about = item.about or ""
            out.append(
                Fragment(
                    f"{pool}:{darn or ''}:{i}",
                    text,
                    item.about,
                    talk,
                    darn,
                    content_words(f"{text} {about}"),
                    themes(f"{text} {about}"),
                )
            )
        return out

    change = [
        fragment
        for name, darn in _DARN_FIELDS.items()
        for fragment in make("change", getattr(persona.change_talk, name), Talk.CHANGE, darn)
    ]
    return {
        "opening": tuple(make("opening", persona.openings, Talk.NEUTRAL)),
        "detail": tuple(make("detail", persona.details, Talk.NEUTRAL)),
        "change": tuple(change),
        "sustain": tuple(make("sustain", persona.sustain_talk, Talk.SUSTAIN)),
    }


# ----------------------------------------------------------------------------------------------------
# Phrasebook: the generic ways people respond, which persona material is framed with
# ----------------------------------------------------------------------------------------------------

LEADS: dict[str, tuple[str, ...]] = {
    "agree": (
        "Yeah.",
        "Yeah, exactly.",
        "Right.",
        "Mm, yeah.",
        "Pretty much.",
        "Yeah, that's it.",
        "That's about right.",
        "Yes.",
    ),
    "correct": (
        "Not exactly.",
        "Not really, no.",
        "I wouldn't put it like that.",
        "Hmm, not quite.",
        "That's not really it.",
    ),
    "thanks": ("Thanks.", "Ha. Maybe.", "I suppose.", "That's kind of you.", "Thanks, I guess."),
    "yes_but": ("I know, I know.", "Everyone says that.", "Easy to say.", "Yeah, maybe.", "Sure."),
    "okay": ("Okay.", "Right.", "Mm.", "Huh."),
    "autonomy": ("I appreciate that.", "Well, yeah, it is.", "That's a relief, honestly.", "Okay. Good."),
    "think": ("Hmm.", "Well...", "Good question.", "I don't know.", "Let me think.", "Um."),
    "greet": ("Hi.", "Hello.", "Hi, thanks.", "Um, hi.", "Hi there.", "Hello, yes."),
    "neutral": ("Mm.", "Well.", "Hmm.", "Yeah.", "Okay.", "Right, so."),
}
YES = ("Yeah.", "Yes.", "Mostly, yeah.", "I suppose so.", "Sort of.", "Yep.")
NO = ("No.", "Not really.", "Nah.", "Not much.", "Hmm, no.", "No, not really.")
TENTATIVE = ("Maybe", "I suppose", "I guess", "Part of me thinks")  # no comma: they take a clause
FRANK = ("Honestly,", "To be honest,", "Truth is,", "The thing is,", "Look,")
PLAIN = ("Well,", "So,", "I mean,")
SAME = ("And", "Plus,", "Also,", "And honestly,", "On top of that,")
TAILS = (
    "You know?",
    "If that makes sense.",
    "I don't know.",
    "Anyway.",
    "So yeah.",
    "That's about it, really.",
    "It's hard to explain.",
    "Does that make sense?",
)
SHORT_TAILS = ("Anyway.", "So.", "That's it.", "That's all.", "Yeah.")
HINT = ("Can I be honest?", "I don't know.", "Thing is...", "It's hard to say.")
ECHO = ("{About}?", "Oh, {about}.", "{About}, yeah.", "Well, {about}.")
DISCLOSED = ("I've never said that out loud.", "There. I said it.", "Sorry. It's a lot.", "That's the real thing.")
BRISTLE = ("Wow.", "Right.", "Okay...", "Look.", "Hang on.", "Seriously?")
LINKS = (
    "It's all tied up with {about}.",
    "Which goes back to {about}, I suppose.",
    "Same as with {about}, really.",
    "It's like {about} all over again.",
)
AGAIN = ("Like I said,", "I keep coming back to it, but", "It's what I said before:", "I know I've said it, but")
RULER = (
    "Maybe {a} {n}.",
    "I'd say {a} {n}.",
    "About {a} {n}, I think.",
    "{n}, probably.",
    "Hmm. {n} out of ten?",
    "{A} {n}, I suppose.",
    "Put me down for {a} {n}.",
    "{n}. Maybe.",
)
VALUES = (
    "{V}, I suppose. That's what matters.",
    "What matters to me is {v}.",
    "I care about {v}. A lot.",
    "Probably {v}.",
    "Honestly? {V}.",
    "{V}. That's the big one.",
)
DISCLOSE = (
    "Can I tell you something?",
    "There's something I haven't really said.",
    "Okay. The real thing is this.",
    "I haven't told anyone this.",
)
DISCORD: dict[str, tuple[str, ...]] = {
    "confront": ("That's not fair.", "Wow. Okay.", "You don't know me.", "That's a bit much.", "I'm not stupid."),
    "advice": (
        "Everyone keeps telling me that.",
        "I know what I'm supposed to do. That's not the problem.",
        "Easy for you to say.",
        "I didn't really ask what I should do.",
    ),
    "closed": (
        "Is this a questionnaire?",
        "I feel like I'm being interviewed here.",
        "Are you going to keep asking me yes or no questions?",
    ),
    "other": (
        "I'm not sure where this is going.",
        "Can we talk about something else?",
        "I'm not sure this is helping.",
    ),
}
_GREETING = re.compile(r"\b(?:hi|hello|hey|welcome|good (?:morning|afternoon|evening)|nice to meet)\b", re.I)
_SENTENCES = re.compile(r"[^.!?]+[.!?]+(?:\s|$)|[^.!?]+$")
_CLAIM = re.compile(r"\s*(?:I|I'm|I've|I'd|I'll|My)\b")
_ALREADY_FRANK = frozenset({"honest", "honestly", "truth", "frankly"})
_CLAUSE_END = re.compile(r"(?<=\w)(?:[.!?]\s|,\s(?:and|but|so|because)\s|;\s|\s—\s)")
_TERSE_WORDS = 12
_REPLY_TRIES = 6


class Speech:
    """Says plans in one persona's voice, remembering what has been said in the session."""

    def __init__(self, persona: Persona, rng: random.Random) -> None:
        self.persona = persona
        self._rng = rng
        self._pools = compile_fragments(persona)
        self._names = _proper_names(persona)
        self._used: set[str] = set()
        self._said: set[str] = set()
        self._mentioned: list[Fragment] = []  # fragments with an ``about``, in the order they were said
        self._value = 0
        self._discord_used: set[str] = set()

    # -- what the client model asks about the material ----------------------------------------------------

    def available(self, talk: Talk, darn: DarnCat | None = None) -> bool:
        return any(f.key not in self._used for f in self._candidates(talk, darn))

    def relevance(self, talk: Talk, heard: Heard) -> float:
        """How well the best unused fragment of ``talk`` matches what the clinician said."""
        unused = [f for f in self._candidates(talk, None) if f.key not in self._used]
        return max((_relevance(f, heard) for f in unused), default=0.0)

    # -- saying -----------------------------------------------------------------------------------------------

    def say(self, plan: Plan, heard: Heard, receptivity: float) -> str:
        """The reply's text. Tries a few wordings if one was already given this session, then adds a
        trailing remark to the last ("No." a third time becomes "No. I don't know.")."""
        for _ in range(_REPLY_TRIES):
            parts, used = self._compose(plan, heard, receptivity)
            text = self._styled(" ".join(p for p in parts if p))
            if _key(text) not in self._said:
                break
        else:
            tails = self._rng.sample(TAILS, len(TAILS))
            text = next(
                (t for t in (self._styled(f"{text} {tail}") for tail in tails) if _key(t) not in self._said), text
            )
        self._said.add(_key(text))
        for fragment in used:
            self._used.add(fragment.key)
            if fragment.about and fragment not in self._mentioned:
                self._mentioned.append(fragment)
        return text

    def _compose(self, plan: Plan, heard: Heard, receptivity: float) -> tuple[list[str], list[Fragment]]:
        rng = self._rng
        if plan.kind is Kind.DISCORD:
            return self._discord(heard)
        if plan.kind is Kind.HINT:
            opener = rng.choice(HINT) if rng.random() < 0.4 else ""
            return [self._lead(heard, plan), opener, self.persona.hidden_concern.hint, self._tail(0.3)], []
        if plan.kind is Kind.DISCLOSURE:
            opener = rng.choice(DISCLOSE) if rng.random() < 0.8 else ""
            after = rng.choice(DISCLOSED) if rng.random() < 0.4 else ""
            return [self._lead(heard, plan), opener, self.persona.hidden_concern.disclosure, after], []
        if plan.kind is Kind.OPENING:
            return self._opening(plan, heard)
        if plan.kind is Kind.VALUES:
            return self._values(plan, heard)
        head = [self._lead(heard, plan)]
        if plan.kind is Kind.ANSWER:
            head = [self._yes_no(plan.answer)]
        elif plan.kind is Kind.RULER:
            head = [self._ruler(plan.number or 0)]
        if plan.kind in (Kind.ANSWER, Kind.RULER) and not plan.elaborate:
            return head, []
        fragment, again = self._pick(plan.talk, plan.darn, heard)
        parts = [*head, self._framed(fragment, again, plan, heard, receptivity)]
        used = [fragment]
        if plan.kind not in (Kind.ANSWER, Kind.RULER) and rng.random() < self._second_chance(receptivity):
            second = self._second(fragment, heard)
            if second is not None:
                parts.append(f"{rng.choice(SAME)} {self._lower(self._clipped(second.text, receptivity))}")
                used.append(second)
        parts.append(self._link_or_tail(fragment))
        return parts, used

    # -- the parts ----------------------------------------------------------------------------------------------

    def _lead(self, heard: Heard, plan: Plan) -> str:
        """A response to the clinician's move before the content ("Yeah, exactly.", "Thanks.")."""
        family = _lead_family(heard, plan) or "neutral"
        terse = self.persona.voice.style is Style.TERSE
        chance = (0.5 if terse else 0.4) if family == "neutral" else 0.6 if terse else 0.7
        if self._rng.random() > chance:
            return ""
        own = {"agree": self.persona.voice.agree, "correct": self.persona.voice.disagree}.get(family, ())
        return self._rng.choice((*LEADS[family], *own))

    def _framed(self, fragment: Fragment, again: bool, plan: Plan, heard: Heard, receptivity: float) -> str:
        text = self._clipped(fragment.text, receptivity)
        if again:
            return f"{self._rng.choice(AGAIN)} {self._lower(text)}"
        if _lead_family(heard, plan) == "yes_but" and plan.talk is Talk.SUSTAIN:
            return f"But {self._lower(text)}"
        hedge = self._hedge(fragment, receptivity, frozenset(_words(text)))
        if hedge:
            sentences = _SENTENCES.findall(text)
            later = [i for i, s in enumerate(sentences) if i and _CLAIM.match(s)]  # "…patches. Honestly, I…"
            first = not later or hedge in TENTATIVE or self._rng.random() < 0.6  # "Maybe" qualifies the claim
            at = 0 if first else self._rng.choice(later)
            sentences[at] = f"{hedge} {self._lower(sentences[at].strip())}"
            text = " ".join(s.strip() for s in sentences)
        return f"{self._echo(fragment, heard)} {text}".strip()

    def _echo(self, fragment: Fragment, heard: Heard) -> str:
        """Asked about something the fragment is about, people often name it first ("Sam's football? …")."""
        if not fragment.about or heard.asks is Asks.NOTHING or not content_words(fragment.about) & heard.words:
            return ""
        if self._rng.random() > 0.5:
            return ""
        return self._rng.choice(ECHO).format(about=self._lower(fragment.about), About=_capital(fragment.about))

    def _hedge(self, fragment: Fragment, receptivity: float, fragment_words: frozenset[str]) -> str:
        """A sentence opener fitting the talk and the client's openness ("Maybe", "Honestly,"), or nothing;
        never one whose word the fragment already uses ("Honestly, … is honestly amazing"). Tentative openers
        go only with wishes, reasons and needs: "Maybe I ran a half marathon once" is not a hedge but a doubt."""
        rng = self._rng
        terse = self.persona.voice.style is Style.TERSE
        talk = fragment.talk
        tentative = fragment.darn in (DarnCat.DESIRE, DarnCat.REASON, DarnCat.NEED) and receptivity < 0.5
        if talk is Talk.CHANGE:
            options, chance = (TENTATIVE, 0.5) if tentative else (FRANK, 0.4)
        elif talk is Talk.SUSTAIN:
            options, chance = FRANK, 0.4
        else:
            options, chance = PLAIN, 0.3
        if rng.random() > chance * (0.6 if terse else 1.0):
            return ""
        fillers = self.persona.voice.fillers
        own = fillers and rng.random() < 0.4
        hedge = _capital(rng.choice(fillers).rstrip(",")) + "," if own else rng.choice(options)
        if max(_words(hedge), key=len) in fragment_words or fragment_words & _ALREADY_FRANK:
            return ""
        return hedge

    def _pick(self, talk: Talk, darn: DarnCat | None, heard: Heard) -> tuple[Fragment, bool]:
        """The best unused fragment for ``heard`` (ties broken at random); a used one if all are used."""
        candidates = [f for f in self._candidates(talk, darn) if f.key not in self._used]
        again = not candidates
        if again:
            candidates = list(self._candidates(talk, darn))
        return max(candidates, key=lambda f: _relevance(f, heard) + self._rng.random()), again

    def _candidates(self, talk: Talk, darn: DarnCat | None) -> tuple[Fragment, ...]:
        pool = {Talk.CHANGE: "change", Talk.SUSTAIN: "sustain", Talk.NEUTRAL: "detail"}[talk]
        return tuple(f for f in self._pools[pool] if darn is None or f.darn is darn)

    def _second_chance(self, receptivity: float) -> float:
        """More engaged clients say more; a rambling one nearly always adds something, a terse one rarely."""
        style = self.persona.voice.style
        if receptivity < 0.2:
            return 0.0
        if style is Style.TERSE:
            return 0.3
        return 0.7 if style is Style.RAMBLING else 0.1 + 0.35 * receptivity

    def _second(self, first: Fragment, heard: Heard) -> Fragment | None:
        pool = [
            f
            for f in (*self._candidates(first.talk, first.darn), *self._pools["detail"])
            if f.key not in self._used and f.key != first.key and (f.about is None or f.about != first.about)
        ]
        if not pool:
            return None
        # related to what was asked and a little to the first thing said, not a second go at the same thing
        return max(pool, key=lambda f: _relevance(f, heard) + min(1, len(f.words & first.words)) + self._rng.random())

    def _link_or_tail(self, fragment: Fragment) -> str:
        """Now and then, tie the reply to something said earlier, or trail off the way people do."""
        rng = self._rng
        earlier = [
            f
            for f in self._mentioned[:-1]
            if f.key != fragment.key and f.about != fragment.about and content_words(f.about or "") & fragment.words
        ]
        if earlier and rng.random() < 0.25:
            return rng.choice(LINKS).format(about=self._lower(rng.choice(earlier).about or ""))
        return self._tail({Style.RAMBLING: 0.35, Style.TERSE: 0.15}.get(self.persona.voice.style, 0.2))

    def _tail(self, chance: float) -> str:
        tails = SHORT_TAILS if self.persona.voice.style is Style.TERSE else TAILS
        return self._rng.choice(tails) if self._rng.random() < chance else ""

    def _opening(self, plan: Plan, heard: Heard) -> tuple[list[str], list[Fragment]]:
        """The presenting concern, perhaps after a greeting, perhaps with a first detail of the situation."""
        rng = self._rng
        parts = [rng.choice(LEADS["greet"] if _GREETING.search(heard.text) else LEADS["neutral"])]
        parts = parts if rng.random() < 0.6 else []
        if plan.answer is not None:
            parts.append(self._yes_no(plan.answer))
        fragment = rng.choice(self._pools["opening"])
        parts.append(fragment.text)
        if rng.random() < (0.25 if self.persona.voice.style is Style.TERSE else 0.4):
            detail = self._second(fragment, heard)
            if detail is not None:
                parts.append(f"{rng.choice(SAME)} {self._lower(detail.text)}")
                return parts, [fragment, detail]
        return parts, [fragment]

    def _values(self, plan: Plan, heard: Heard) -> tuple[list[str], list[Fragment]]:
        values = self.persona.values
        value = values[self._value % len(values)]
        self._value += 1
        frame = self._rng.choice(VALUES)
        parts = [self._lead(heard, plan), frame.format(v=self._lower(value), V=_capital(value))]
        if not plan.discrepancy:
            return parts, []
        fragment, again = self._pick(Talk.CHANGE, DarnCat.REASON, heard)
        text = fragment.text if not again else f"{self._rng.choice(AGAIN)} {self._lower(fragment.text)}"
        return [*parts, f"And {self._lower(text)}"], [fragment]

    def _discord(self, heard: Heard) -> tuple[list[str], list[Fragment]]:
        rng = self._rng
        if Act.CONFRONT in heard.acts:
            trigger = "confront"
        elif Act.ADVICE in heard.acts or Act.PERMITTED_ADVICE in heard.acts:
            trigger = "advice"
        elif Act.CLOSED_QUESTION in heard.acts:
            trigger = "closed"
        else:
            trigger = "other"
        own = [line for line in self.persona.discord if line not in self._discord_used]
        generic = [line for line in DISCORD[trigger] if line not in self._discord_used] or list(DISCORD[trigger])
        line = rng.choice(own) if own and rng.random() < 0.5 else rng.choice(generic)
        self._discord_used.add(line)
        parts = [rng.choice(BRISTLE) if rng.random() < 0.4 else "", line]
        if rng.random() < 0.4:
            fragment, again = self._pick(Talk.SUSTAIN, None, heard)
            if not again:
                return [*parts, fragment.text], [fragment]
        return [*parts, self._tail(0.2)], []

    def _yes_no(self, answer: bool | None) -> str:
        voice = self.persona.voice
        options = (voice.agree or YES) if answer else (voice.disagree or NO)
        return self._rng.choice(options)

    def _ruler(self, number: int) -> str:
        frame = self._rng.choice(RULER)
        article = "an" if number in (8, 11, 18) else "a"
        return _capital(frame.format(a=article, A=_capital(article), n=number))

    # -- wording helpers ----------------------------------------------------------------------------------------

    def _clipped(self, text: str, receptivity: float) -> str:
        """Terse personas, and anyone who has stopped engaging, often give the first clause or sentence only."""
        if self.persona.voice.style is not Style.TERSE and receptivity >= 0.2:
            return text
        keep = 0.6 if len(text.split()) <= _TERSE_WORDS else 0.25  # a short line is usually said whole
        if self._rng.random() < keep:
            return text
        match = _CLAUSE_END.search(text)
        return text[: match.start()].rstrip(",;") + "." if match else text

    def _lower(self, text: str) -> str:
        """Lower-case the first word unless it is "I…" or a name (so it can follow a connective)."""
        first = text.split(" ", 1)[0].strip(",.!?;:").removesuffix("'s")
        if first in ("I", "I'm", "I've", "I'd", "I'll") or first in self._names or first.isupper():
            return text
        return text[:1].lower() + text[1:]

    def styled(self, text: str) -> str:
        """``text`` in the persona's style (lower-case texting for ``chat``): for wording from elsewhere."""
        return self._styled(text)

    def _styled(self, text: str) -> str:
        text = re.sub(r"\s+", " ", text).strip()
        if self.persona.voice.style is Style.CHAT:  # texting: lower case, no apostrophes, no final full stop
            text = text.lower().replace("'", "")
            text = text[:-1] if text.endswith(".") and not text.endswith("...") else text
        return text


def _lead_family(heard: Heard, plan: Plan) -> str | None:
    acts = heard.acts
    if Act.AFFIRM in acts:
        return "thanks"
    if Act.AUTONOMY in acts:
        return "autonomy"
    if heard.reflects:
        return "agree" if heard.accuracy >= 1 / 3 else "correct"
    if Act.ADVICE in acts or Act.PERMITTED_ADVICE in acts:
        return "yes_but" if plan.talk is Talk.SUSTAIN else "okay"
    if Act.INFORMATION in acts:
        return "okay"
    return "think" if Act.OPEN_QUESTION in acts else None


def _relevance(fragment: Fragment, heard: Heard) -> float:
    return len(fragment.words & heard.words) + 1.5 * len(fragment.themes & heard.themes)


def _proper_names(persona: Persona) -> frozenset[str]:
    """Capitalised words that are not at the start of a sentence: names to keep capitalised."""
    hidden = persona.hidden_concern
    texts = [persona.name, persona.situation, persona.background, hidden.hint, hidden.disclosure, *persona.values]
    texts += [*persona.discord, *(i.about or "" for i in (*persona.openings, *persona.details))]
    texts += [i.text for i in (*persona.openings, *persona.details, *persona.sustain_talk)]
    texts += [i.text for name in _DARN_FIELDS for i in getattr(persona.change_talk, name)]
    found = {persona.name}
    for text in texts:
        for match in re.finditer(r"(?<=[a-z,;] )([A-Z][\w']*)", text):
            found.add(match.group(1).removesuffix("'s"))
    found.discard("I")
    return frozenset(found)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())
