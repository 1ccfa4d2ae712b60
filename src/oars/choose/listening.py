"""Reflective listening: how to answer what the client just said, and when to ask a question.

The default reply is a reflection. Complex reflections are preferred (more than eight in ten), shaped by
the client's talk: change talk gets EARS (elaborate, affirm, reflect, summarise), sustain talk a
double-sided reflection when there is change talk to pair it with (otherwise coming alongside, sometimes
gently amplified) and autonomy; other talk a feeling or meaning reflection when the client named one,
continuing the paragraph when the message shows something to continue (a cost, a routine), else a simple
reflection (a value or a feeling the client never named is not put in their mouth). A bare "yeah" or
"mm-hmm" takes the client's last account a step further, or gets a question when there is no step to take.
Questions are rationed: one only when the running ratio of reflections (in turns without a question) to
questions stays above 2.5 after asking, and at the latest after four turns without one.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import replace

from oars.choose.move import Act, Choice, Material, Move, Purpose, Style, SummaryKind
from oars.coder.labels import DarnCat
from oars.measures import RulerKind
from oars.track.state import Account, Process, SessionState
from oars.understand.analyse import CRAVING
from oars.understand.model import Understanding
from oars.understand.overlap import related

__all__ = ["Listening"]

_TARGET_RQ = 2.5  # a question is asked only if reflections : questions stays above this afterwards
_MAX_QUIET = 4  # ... or after this many turns without one (a conversation also needs direction)
_COMPLEX_SHARE = 0.85
_CORRECTION_WORDS = 3  # "no", "not really", "nah not really": longer answers say what is right instead
_LINK_FROM_TURN = 3  # client turns before a linking summary (something earlier to link to)
_LINK_EVERY = 3  # moves between linking summaries at least
_LINK_MIN_WORDS = 5
_LINK_LOOKBACK = 6  # earlier messages a link may reach back to (the realiser's material holds as many)
# "it's not a big deal", "I'm fine honestly": brushing it off is not a statement to build a link on.
_DISMISSIVE = re.compile(
    r"\b(?:not (?:a |that )?(?:big|huge) deal|i'?m fine|im fine|it'?s fine|its fine|whatever|doesn'?t matter|"
    r"not worth it|forget (?:it|i said)|never ?mind)\b",
    re.IGNORECASE,
)
_SUMMARY_EVERY = 5  # counsellor turns between collecting summaries at least
_SUMMARY_AFTER = 3  # new change statements needed for a collecting summary
_RULER_FROM_TURN = 2  # evoking turns before the importance ruler
# A message that already holds both sides: "I know I need to…, but", "part of me wants to".
_LEANS_BOTH = re.compile(
    r"\b(?:need|needs|should|want|wanna|ought|have) to\b.{0,80}\bbut\b|\bbut\b.{0,80}\b(?:need|should|want|wanna|"
    r"ought) to\b|\bpart of me\b|\bi know i (?:should|need|have to)\b|"
    # "nah i dont want to quit. maybe just not on work nights": a refusal, then a concession
    r"\b(?:don'?t|dont|do not|not) (?:want|wanna|going|gonna|ready)\b.{0,60}\b(?:maybe|but|could|might)\b",
    re.IGNORECASE,
)
# What an amplified reflection may overstate: the person saying the behaviour is good or harmless ("I enjoy
# it", "it's fine"). "sometimes i feel foggy in the mornings", coded as sustain talk, names a cost: "it's hard
# to see any downside at all" would mock it.
_STATUS_QUO_GOOD = re.compile(
    r"\b(?:enjoy\w*|love|like (?:it|the)|helps?|relax\w*|unwind|fine|no (?:big )?deal|not (?:a|that) (?:big )?"
    r"(?:problem|deal)|nothing wrong|normal|everyone|the only thing|my choice|not hurting)\b",
    re.IGNORECASE,
)
# Evocative questions, in the order a session usually reaches for them (reference section 5).
_EVOCATIVE = (
    Purpose.CONCERN,
    Purpose.DESIRE,
    Purpose.REASONS,
    Purpose.LOOKING_FORWARD,
    Purpose.VALUES,
    Purpose.ABILITY,
    Purpose.PAST_SUCCESS,
    Purpose.LOOKING_BACK,
    Purpose.EXTREMES,
    Purpose.NEED,
)


class Listening:
    """Composes a listening reply for one client message."""

    def __init__(self, state: SessionState, u: Understanding, material: Material, rng: random.Random) -> None:
        self.state, self.u, self.material, self.rng = state, u, material, rng

    def respond(self, reason: str, *, purposes: Sequence[Purpose] = (), ask: bool | None = None) -> Choice:
        """A reply: reflection (or summary / affirmation) and, if it is time, an open question."""
        acts, style, summary = self._reflection()
        if ask:  # the question is needed now (focusing): keep the reply to a reflection and the question
            acts = acts[:1]
        wants_question = not acts or (self._should_ask() if ask is None else ask)
        # One or two sentences: a reflection that already carries an affirmation or autonomy gets no question.
        question = self._question(purposes) if wants_question and len(acts) <= 1 else None
        material = self.material
        if question is not None:
            acts = (*acts, Act.OPEN_QUESTION)
            if question is Purpose.RULER:
                material = replace(material, ruler_kind=self._ruler_kind())
        why = f"{reason}; {self._why(acts, style)}"
        return Choice(Move(acts, why, style=style, purpose=question, summary=summary, material=material))

    # -- the reflective part ------------------------------------------------------------------------

    def _reflection(self) -> tuple[tuple[Act, ...], Style | None, SummaryKind | None]:
        u, state = self.u, self.state
        if self._corrects_reflection():  # "not really": heard as said, not answered with a new guess
            return (Act.SIMPLE_REFLECTION,), None, None
        if self._time_to_summarise():
            return (Act.SUMMARY,), None, SummaryKind.COLLECTING
        account = state.account_to_follow() if u.acknowledgement else None
        if account is not None:
            style = self._further_style(account)
            return ((Act.COMPLEX_REFLECTION,), style, None) if style else ((), None, None)
        if u.is_change_talk and u.talk_is_sure:
            style = self._change_talk_style()
            if u.darn_cat in {DarnCat.TAKING_STEPS, DarnCat.ABILITY} or u.past_success:
                return (Act.COMPLEX_REFLECTION, Act.AFFIRMATION), style, None
            return (Act.COMPLEX_REFLECTION,), style, None
        if u.is_sustain_talk and u.talk_is_sure and state.focus:  # sustain talk is about a change on the table
            style = self._sustain_talk_style()
            wants_autonomy = len(state.sustain_talk) >= 1 and state.turns_since(Act.EMPHASIZE_AUTONOMY) >= 3
            acts = (Act.COMPLEX_REFLECTION, Act.EMPHASIZE_AUTONOMY) if wants_autonomy else (Act.COMPLEX_REFLECTION,)
            return acts, style, None
        style = self._neutral_style()
        if style is None and self._time_to_link():
            return (Act.SUMMARY,), None, SummaryKind.LINKING
        # A feeling or a value named deserves more than an echo, and so does what the message shows (a cost,
        # a routine, a loan taken out "when it got real"): its implication is there to be said, whatever the share.
        plain = not (u.feelings or u.values or u.situation)
        if style is None or (self._complex_share() >= _COMPLEX_SHARE and u.words >= 4 and plain):
            return (Act.SIMPLE_REFLECTION,), None, None
        return (Act.COMPLEX_REFLECTION,), style, None

    def _corrects_reflection(self) -> bool:
        """A bare "no" or "not really" to a reflection (``material.corrected``: not to a question alone) says
        it missed: a reflection that takes the correction ("That's not quite it for you") before anything else,
        where a double-sided reflection of something older would carry on as if the client had agreed."""
        return self.u.words <= _CORRECTION_WORDS and self.material.corrected

    def _further_style(self, account: Account) -> Style | None:
        """After "yeah" or "mm-hmm" the client goes along with what they said last (and with its reflection),
        so the reply takes that a step further rather than echoing the acknowledgement: the feeling or value
        it held, both sides once both were heard, or the next unsaid sentence of change talk or of what it
        showed (a cost, a routine) — a style other than the last reply's where there is a choice. ``None``
        when there is no step to take from a plain account: then a question, as skilled counsellors mostly
        do after an acknowledgement (AnnoMI: 38 % questions, 13 % complex reflections)."""
        state = self.state
        options = []
        if account.feelings:
            options.append(Style.FEELING)
        if account.values:
            options.append(Style.MEANING)
        if state.focus and state.change_talk and state.sustain_talk:
            options.append(Style.DOUBLE_SIDED)
        if (account.darn_cat and account.talk == "change") or account.situation:
            options.append(Style.CONTINUING)
        last = state.last_move.get("style") if state.last_move else None
        return next((style for style in options if style.value != last), options[0] if options else None)

    def _change_talk_style(self) -> Style:
        if self.u.values:
            return Style.MEANING
        if self.u.feelings and self.rng.random() < 0.5:
            return Style.FEELING
        return Style.CONTINUING  # a meaning reflection only for a value the client named

    def _sustain_talk_style(self) -> Style:
        """The feeling when the client names one ("I get so anxious I physically can't"); both sides once there
        is change talk to pair it with; else coming alongside, a reframe, or now and then an amplified
        reflection of a message that calls the behaviour good or harmless — never of one that already leans
        both ways ("I need to, but…"), where overstating one side would ignore the other. Only once a focus
        is agreed: before that there is no change for talk to sustain."""
        state, u = self.state, self.u
        if u.feelings:  # "I'm exhausted and short with everyone": the feeling first, the ambivalence can wait
            return Style.FEELING
        if CRAVING.search(u.text):  # "i could murder a pizza right now": the pull now, not both sides of it
            return Style.ALONGSIDE
        if state.change_talk:
            return Style.DOUBLE_SIDED
        amplified_recently = any(m.get("style") == Style.AMPLIFIED for m in state.moves[-6:])
        calm = state.focus and state.discord == 0 and not amplified_recently
        pro = _STATUS_QUO_GOOD.search(u.text) and not _LEANS_BOTH.search(u.text)
        if calm and pro and self.rng.random() < 0.3:
            return Style.AMPLIFIED
        return Style.ALONGSIDE if self.rng.random() < 0.5 else Style.REFRAME

    def _neutral_style(self) -> Style | None:
        """Feeling or meaning for one the client named; continuing the paragraph when the message shows
        something to continue (a cost, a routine, being noticed, not knowing); both sides of the ambivalence
        (the client's own words) now and then once both were heard; else ``None``: a simple reflection, since
        a meaning added to a plain account would be a guess."""
        if self.u.feelings:
            return Style.FEELING
        if self.u.values:
            return Style.MEANING
        if self.u.situation:
            return Style.CONTINUING
        state = self.state
        two_sided_lately = any(m.get("style") == Style.DOUBLE_SIDED for m in state.moves[-3:])
        if state.focus and state.change_talk and state.sustain_talk and not two_sided_lately:
            return Style.DOUBLE_SIDED  # both sides in the client's own words: the ambivalence is theirs
        return None

    def _complex_share(self) -> float:
        complex_ = self.state.count(Act.COMPLEX_REFLECTION) + self.state.count(Act.SUMMARY)
        simple = self.state.count(Act.SIMPLE_REFLECTION)
        return complex_ / (complex_ + simple) if complex_ + simple else 0.0

    def _time_to_link(self) -> bool:
        """A plain account, some way into the conversation, about the same thing as something said earlier:
        tie the two together (a linking summary adds the connection, which a simple reflection would not),
        but not every turn."""
        state = self.state
        linked_lately = any(m.get("summary") == SummaryKind.LINKING for m in state.moves[-_LINK_EVERY:])
        substantive = self.u.words >= _LINK_MIN_WORDS and not _DISMISSIVE.search(self.u.text)
        if state.client_turns < _LINK_FROM_TURN or not substantive or linked_lately:
            return False
        return any(related(earlier, self.u.text) for earlier in state.client_texts[-_LINK_LOOKBACK:])

    def _time_to_summarise(self) -> bool:
        state = self.state
        since = state.turns_since(Act.SUMMARY, chosen=True)
        new = sum(s.turn >= state.client_turns - since for s in state.change_talk) + self.u.is_change_talk
        return since >= _SUMMARY_EVERY and new >= _SUMMARY_AFTER

    # -- the question -------------------------------------------------------------------------------

    def _should_ask(self) -> bool:
        state = self.state
        reflections, questions = state.reflections_and_questions()
        quiet = min(state.turns_since(Act.OPEN_QUESTION), state.turns_since(Act.ASK_PERMISSION))
        if quiet >= _MAX_QUIET or state.client_turns == 0:
            return True
        if quiet == 0:
            return False
        low_content = self.u.words <= 3 or self.u.answer is not None
        ratio_after = (reflections + 1) / (questions + 1)
        return ratio_after >= _TARGET_RQ and (low_content or quiet >= 2)

    def _question(self, preferred: Sequence[Purpose]) -> Purpose:
        used = self.state.purposes_used()
        for purpose in preferred:
            if purpose not in used[-4:]:
                return purpose
        if self.state.process is not Process.EVOKING:
            return Purpose.EXPLORE if Purpose.EXPLORE not in used[-2:] else Purpose.ELABORATE
        if self._ruler_due():
            return Purpose.RULER
        if self.u.is_change_talk and used[-1:] != [Purpose.ELABORATE] and self.rng.random() < 0.5:
            return Purpose.ELABORATE
        fresh = [p for p in _EVOCATIVE if p not in used]
        if fresh:
            return fresh[0]
        return self.rng.choice((Purpose.ELABORATE, Purpose.KEY_QUESTION, Purpose.LOOKING_FORWARD, Purpose.VALUES))

    def _rulers_done(self) -> set[RulerKind]:
        """Rulers asked this session, or answered without being asked ("confidence more like 3")."""
        asked = {m.get("ruler_kind") for m in self.state.moves if m.get("purpose") == Purpose.RULER}
        return {RulerKind(kind) for kind in asked if kind} | set(self.state.rulers)

    def _ruler_due(self) -> bool:
        evoking_turns = sum(m.get("process") == Process.EVOKING for m in self.state.moves)
        asked = self._rulers_done()
        if RulerKind.IMPORTANCE not in asked:
            return evoking_turns >= _RULER_FROM_TURN
        return RulerKind.CONFIDENCE not in asked and evoking_turns >= _RULER_FROM_TURN + 4

    def _ruler_kind(self) -> RulerKind:
        asked = self._rulers_done()
        return RulerKind.IMPORTANCE if RulerKind.IMPORTANCE not in asked else RulerKind.CONFIDENCE

    def _why(self, acts: tuple[Act, ...], style: Style | None) -> str:
        talk = self.u.talk.value + (f" ({self.u.darn_cat.value})" if self.u.darn_cat else "")
        shape = "+".join(a.value for a in acts) + (f" [{style.value}]" if style else "")
        return f"client talk: {talk}; reply: {shape}"
