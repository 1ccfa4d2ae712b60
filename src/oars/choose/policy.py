"""The *choose* stage: an explicit MI policy that picks the next move and says why.

Rules are tried in order and the first that applies decides (safety always first):

1. crisis signal -> the safety path (and one follow-up turn after it);
2. a message that cannot be read as English prose, or an attempt to re-instruct the program -> clarify,
   in character;
3. the client wants to stop -> closing summary;
4. a hello with nothing else yet -> a welcome and an invitation; only thanks -> a brief acknowledgement, and
   the conversation handed back (once a plan is under way: what else before finishing); a question to the
   counsellor or about the conversation (who reads it, how it works, why it asks) -> a plain, honest answer;
   a question for information or advice -> Elicit–Provide–Elicit;
5. discord -> come alongside and hand back autonomy, never argue;
6. an answer to what was just asked (ruler, permission to plan, a planning question) -> its follow-up;
7. otherwise the current process decides (engaging, focusing, evoking, planning), with reflective
   listening as the default and questions rationed so that reflections outnumber them two to one.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from oars.choose.information import GENERAL, answer_for, core, information_for, options_for
from oars.choose.listening import Listening
from oars.choose.move import Act, Choice, Material, Move, Purpose, Style, SummaryKind
from oars.choose.planning import offers_plan_content, plan_answer, plan_step
from oars.coder.labels import DarnCat, Talk
from oars.events import Event, EventKind
from oars.measures import RulerKind, parse_ruler_number
from oars.track.state import Process, SessionState
from oars.understand.analyse import LEADS_WITH_NUMBER, corrects
from oars.understand.lexicon import TOPICS
from oars.understand.model import Asked, Form, Understanding

__all__ = ["Choice", "MIPolicy", "Policy"]

_TOPICS = {topic.key: topic for topic in TOPICS}
_ASK_TO_PLAN_EVERY = 4  # counsellor turns between two invitations to plan at least
_ENGAGING_TURNS = 2  # client turns of engaging before focusing, unless the client names a focus at once
_CRISIS_FOLLOW_UPS = 1  # client turns after a crisis signal that still get the safety path
_HESITANT_TURNS = 3  # client turns in which "not sure what to say" is still a hesitant start
_OPINION_WORDS = 8  # "good idea? you tell me": a longer question asks about more than the idea
_IDEA_KINDS = frozenset({DarnCat.ABILITY.value, DarnCat.COMMITMENT.value, DarnCat.ACTIVATION.value})
_GO_ON_WORDS = 4  # "yes please", "ok go on then": a longer yes brings ideas of its own
_RULER_UPDATE_WORDS = 6  # "probably a 7 now"; a longer message with a number in it says more than a score
_NOW = re.compile(r"\b(?:now|these days|today)\b", re.I)


class Policy(Protocol):
    """Chooses the counsellor's next move. One method each for the opening and for a reply."""

    def opening(self, state: SessionState) -> Choice: ...

    def choose(self, state: SessionState, understanding: Understanding) -> Choice: ...


class MIPolicy:
    """The built-in MI policy (see the module docstring for its rules)."""

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed

    def opening(self, state: SessionState) -> Choice:
        material = Material(behaviour=_behaviour(state.topic), change=_change(state, state.topic))
        return Choice(
            Move(
                (Act.OPENING,),
                "start of session: introduce the program and invite the concern",
                purpose=Purpose.OPEN_CONCERN,
                material=material,
            )
        )

    def choose(self, state: SessionState, understanding: Understanding) -> Choice:
        u = understanding
        rng = random.Random(f"{self.seed}:{state.session_id}:{state.client_turns}")
        material = _material(state, u)
        for rule in (_crisis, _unreadable, _stop, _greeted, _plan_requested, _asked, _discord, _answered):
            choice = rule(state, u, material)
            if choice is not None:
                return choice
        return _by_process(state, u, material, rng)


# --- rules -----------------------------------------------------------------------------------------


def _crisis(state: SessionState, u: Understanding, material: Material) -> Choice | None:
    if u.crisis.is_crisis:
        categories = ", ".join(c.value for c in u.crisis.categories)
        severity = u.crisis.highest_severity
        flag = Event(
            EventKind.CRISIS_FLAGGED,
            {
                "categories": [c.value for c in u.crisis.categories],
                "severity": severity.value if severity else None,
                "evidence": [s.evidence for s in u.crisis.signals],
                "source": "chat",
            },
        )
        reason = f"crisis signal ({categories}; {severity}): step out of MI, give resources, ask about safety"
        return Choice(Move((Act.CRISIS,), reason, material=material), (flag,))
    if state.flagged and state.crisis_turns and state.client_turns - state.crisis_turns[-1] <= _CRISIS_FOLLOW_UPS:
        reason = "follow-up after a crisis signal: the flag stays raised until a clinician clears it"
        return Choice(Move((Act.CRISIS,), reason, material=material))
    return None


def _unreadable(_: SessionState, u: Understanding, material: Material) -> Choice | None:
    if u.form is not Form.PROSE:
        return Choice(Move((Act.CLARIFY,), f"form:{u.form.value}", material=material))
    if u.injection:
        return Choice(
            Move(
                (Act.CLARIFY,),
                "injection: the text is treated as conversation, not instructions",
                material=material,
            )
        )
    return None


def _stop(state: SessionState, u: Understanding, material: Material) -> Choice | None:
    if not u.wants_to_stop:
        return None
    ended = Event(EventKind.SESSION_ENDED, {"reason": "the client ended the session"})
    process = Event(EventKind.PROCESS_CHANGED, {"process": Process.CLOSED, "reason": "the client wants to stop"})
    # The goodbye itself ("right that's me, she's shouting me for tea") is not change talk to read back.
    own_talk = tuple(text for text in material.change_talk if text != u.text)
    move = Move(
        (Act.SUMMARY, Act.CLOSING),
        "the client wants to stop: closing summary of their own change talk",
        summary=SummaryKind.CLOSING,
        material=replace(material, change_talk=own_talk, client_text=""),
    )
    return Choice(move, (process, ended))


_ABOUT_CONVERSATION = frozenset({Asked.PRIVACY, Asked.PROCESS, Asked.ENDING, Asked.OUTSIDE, Asked.PURPOSE})


def _greeted(state: SessionState, u: Understanding, material: Material) -> Choice | None:
    if u.greeting is None or u.asked is not None or state.expecting_ruler is not None:
        return None
    if u.greeting == "hesitant" and state.client_turns >= _HESITANT_TURNS:
        return None  # "Hmm." well into a session is thinking it over, not unsure how to begin
    started = state.client_turns > 0 and (state.focus or state.agenda)
    if u.greeting == "thanks":
        if state.plan.started or state.process is Process.PLANNING:  # "thanks, that helped" as a plan takes shape
            reason = "thanks once a plan is under way: acknowledge it and ask what else before finishing"
            return _answer(u.greeting, reason, Purpose.WRAP_UP, material)
        reason = "thanks: acknowledge it briefly and hand the conversation back"
        return _answer(u.greeting, reason, Purpose.RESUME if state.client_turns else Purpose.OPEN_CONCERN, material)
    reason = f"{u.greeting}: nothing to reflect yet, so welcome and invite the client's concern"
    return _answer(u.greeting, reason, Purpose.RESUME if started else Purpose.OPEN_CONCERN, material)


def _answer(kind: str, reason: str, then: Purpose, material: Material) -> Choice:
    """A plain answer about the conversation (or a welcome), then the conversation handed back."""
    return Choice(Move((Act.ANSWER, Act.OPEN_QUESTION), reason, purpose=then, material=replace(material, asked=kind)))


def _asked(state: SessionState, u: Understanding, material: Material) -> Choice | None:
    if u.asked in _ABOUT_CONVERSATION:
        kind = u.asked.value  # type: ignore[union-attr]
        first = state.client_turns == 0 and u.asked is Asked.PROCESS
        reason = f"asked about the conversation ({kind}): answer plainly, then hand the conversation back"
        return _answer(kind, reason, Purpose.OPEN_CONCERN if first else Purpose.RESUME, material)
    if u.asked is Asked.ABOUT_COUNSELLOR:
        return Choice(
            Move(
                (Act.DISCLOSURE, Act.OPEN_QUESTION),
                "asked about the counsellor: say it is automated",
                purpose=Purpose.RESUME,
                material=material,
            )
        )
    if u.asked is Asked.LABEL:
        # "Am I an alcoholic?": a label would end the conversation either way; the worry behind it is the client's
        return Choice(
            Move(
                (Act.COMPLEX_REFLECTION, Act.OPEN_QUESTION),
                "asked for a label: no label; reflect the worry behind the question and ask what it means to them",
                style=Style.MEANING,
                purpose=Purpose.CONCERN,
                material=replace(material, asked=Asked.LABEL.value),
            )
        )
    # "yes please" to "before I say anything, what have you thought of?" asks to hear it
    go_on = state.expecting is Purpose.INFO_ELICIT and u.answer == "yes" and u.words <= _GO_ON_WORDS
    asked = Asked.ADVICE if go_on else u.asked
    if asked not in (Asked.ADVICE, Asked.INFORMATION):
        return None
    topic = _topic_of(state, u)
    if asked is Asked.ADVICE and (idea := _idea_just_said(state, u)) is not None:
        # "I could put the tablets next to the kettle" … "Good idea? You tell me": the idea is theirs to judge
        return Choice(
            Move(
                (Act.AFFIRMATION, Act.OPEN_QUESTION),
                "asked what the counsellor thinks of their own idea: affirm it and hand the judgement back",
                purpose=Purpose.ABILITY,
                material=replace(material, client_text=idea, asked="opinion"),
            )
        )
    if asked is Asked.ADVICE and state.expecting is not Purpose.INFO_ELICIT:
        # Elicit first: the client's own ideas before anything from the counsellor.
        return _elicit("asked for advice: elicit the client's own ideas first (Elicit-Provide-Elicit)", asked, material)
    menu = options_for(topic) if asked is Asked.ADVICE else None
    # Information already given is not given again ("should I ask my doctor for sleeping pills?" after the
    # sleep guidance): the next thing oars has that is new, else the question itself is reflected and explored.
    fresh = (answer_for(u.text, topic), menu, information_for(topic), f"{GENERAL}.")
    information = next((i for i in fresh if i and not state.said.mentions(core(i))), None)
    if information is None:
        why = "asked again for information already given: reflect the question and explore what is behind it"
        return _elicit(why, asked, material)
    return Choice(
        Move(
            (Act.INFORMATION, Act.OPEN_QUESTION),
            "asked for information (permission given by asking): provide briefly, then elicit",
            purpose=Purpose.INFO_CHECK,
            material=replace(material, information=information),
        )
    )


def _elicit(reason: str, asked: Asked, material: Material) -> Choice:
    """Reflect what the client asks for and ask what they think themselves, before (or instead of) telling."""
    return Choice(
        Move(
            (Act.COMPLEX_REFLECTION, Act.OPEN_QUESTION),
            reason,
            style=Style.MEANING,
            purpose=Purpose.INFO_ELICIT,
            material=replace(material, asked=asked.value),
        )
    )


def _discord(state: SessionState, u: Understanding, material: Material) -> Choice | None:
    if not u.discord:
        return None
    return Choice(
        Move(
            (Act.COMPLEX_REFLECTION, Act.EMPHASIZE_AUTONOMY),
            "discord: come alongside and emphasise autonomy; never argue",
            style=Style.ALONGSIDE,
            material=replace(material, situation=(*material.situation, "discord")),
        )
    )


def _answered(state: SessionState, u: Understanding, material: Material) -> Choice | None:
    moved = _ruler_moved(state, u)
    if answers := ({moved[0]: moved[1]} if moved else _ruler_answers(state, u)):
        # Two rulers answered at once ("6 for importance, confidence more like 3"): both are recorded, and the
        # follow-up takes the first (see _ruler_answers). A ruler re-scored unasked is asked about the move.
        kind, value = next(iter(answers.items()))
        events = tuple(
            Event(EventKind.RULER_ANSWERED, {"kind": k.value, "value": v, "text": u.text}) for k, v in answers.items()
        )
        if RulerKind.CONFIDENCE in answers and state.process is Process.PLANNING:
            events += (Event(EventKind.PLAN_UPDATED, {"field": "confidence", "value": answers[RulerKind.CONFIDENCE]}),)
        before = state.rulers[kind] if moved else None
        why = (
            f"{kind.value} ruler re-scored unasked, {before} -> {value}: ask what moved it"
            if moved
            else f"{kind.value} ruler answered {value}: ask why not lower (evokes change talk)"
        )
        move = Move(
            (Act.OPEN_QUESTION,),
            why,
            purpose=Purpose.RULER_FOLLOWUP,
            material=replace(material, ruler_kind=kind, ruler_value=value, ruler_before=before),
        )
        return Choice(move, events)
    if state.expecting is Purpose.PLAN_PERMISSION:
        # "my partner could come with me the first time": answering with more of the change is agreeing.
        offered = u.is_change_talk or offers_plan_content(u.text)
        if u.answer == "yes" or (u.answer is None and not u.is_sustain_talk and (_mobilising(u) or offered)):
            start = Event(
                EventKind.PROCESS_CHANGED,
                {"process": Process.PLANNING, "reason": "the client agreed to think about a plan"},
            )
            recorded = plan_answer(state, u, material, extra=(start,))  # what they said, if it belongs in the plan
            return recorded or plan_step(state, u, material, extra=(start,), first=True)
        if u.answer == "no" or u.is_sustain_talk:
            back = Event(
                EventKind.PROCESS_CHANGED,
                {"process": Process.EVOKING, "reason": "the client is not ready to plan"},
            )
            move = Move(
                (Act.COMPLEX_REFLECTION, Act.EMPHASIZE_AUTONOMY),
                "not ready to plan: respect it, stay with evoking",
                style=Style.ALONGSIDE,
                material=material,
            )
            return Choice(move, (back,))
    if state.process is Process.PLANNING:
        return plan_answer(state, u, material)
    return None


def _plan_requested(state: SessionState, u: Understanding, material: Material) -> Choice | None:
    """The client asks to make a plan: that is the readiness the counsellor would otherwise ask about."""
    if not u.wants_plan or state.process is Process.PLANNING or u.is_sustain_talk:
        return None
    start = Event(EventKind.PROCESS_CHANGED, {"process": Process.PLANNING, "reason": "the client asked to make a plan"})
    choice = plan_step(state, u, material, extra=(start,), first=True)
    if choice.move.purpose is not Purpose.PLAN_CHANGE:
        return choice
    # The request is answered by getting on with it, not by reflecting it back ("you'd like to make a plan").
    requested = replace(choice.move.material, situation=(*choice.move.material.situation, "plan_requested"))
    return Choice(replace(choice.move, acts=(Act.OPEN_QUESTION,), material=requested), choice.events)


# --- by process -------------------------------------------------------------------------------------


def _by_process(state: SessionState, u: Understanding, material: Material, rng: random.Random) -> Choice:
    listening = Listening(state, u, material, rng)
    if state.process is Process.ENGAGING:
        return _engaging(state, u, material, listening)
    if state.process is Process.FOCUSING:
        return _focusing(state, u, material, listening)
    if state.process is Process.PLANNING:
        if u.is_sustain_talk:
            back = Event(
                EventKind.PROCESS_CHANGED,
                {"process": Process.EVOKING, "reason": "sustain talk while planning"},
            )
            return Choice(listening.respond("sustain talk during planning: step back to evoking").move, (back,))
        return plan_step(state, u, material)
    return _evoking(state, u, material, listening)


def _engaging(state: SessionState, u: Understanding, material: Material, listening: Listening) -> Choice:
    topics = _agenda(state, u)
    if state.client_turns + 1 >= _ENGAGING_TURNS and topics:
        reason = f"engaged for {state.client_turns + 1} turns and the client has named what concerns them"
        to_focus = Event(EventKind.PROCESS_CHANGED, {"process": Process.FOCUSING, "reason": reason})
        choice = _focusing(state, u, material, listening)
        return Choice(choice.move, (to_focus, *choice.events))
    return listening.respond(
        "engaging: reflective listening to understand the client's situation",
        purposes=(Purpose.OPEN_CONCERN,) if state.client_turns == 0 else (Purpose.EXPLORE,),
    )


def _focusing(state: SessionState, u: Understanding, material: Material, listening: Listening) -> Choice:
    topics = _agenda(state, u)
    named = [t for t in u.topics if t in _TOPICS]
    # One concern named now is a choice when it was on the table already ("it's the drinking really"); a new
    # one beside an earlier one ("im on antidepressants…", then "i dont see the point") is a second concern.
    chosen = len(named) == 1 and (named[0] in state.agenda or len(topics) == 1)
    if len(topics) > 1 and state.expecting is not Purpose.AGENDA and not state.focus and not chosen:
        agenda = tuple(_TOPICS[t].behaviour for t in topics[:4])
        move = Move(
            (Act.SIMPLE_REFLECTION, Act.OPEN_QUESTION),
            f"focusing: several concerns named ({', '.join(topics[:4])}); agenda mapping",
            purpose=Purpose.AGENDA,
            material=replace(material, agenda=agenda),
        )
        return Choice(move)
    on_table = [t for t in named if t in state.agenda]
    if state.expecting is Purpose.AGENDA and named and not on_table and not _CHOOSING.search(u.text):
        # "It's medicine. I don't see how it's different from a sleeping pill" to "cannabis use or sleep?" names
        # medication in passing: the answer stays with the concerns on the table, the one raised first
        named = [state.agenda[0]] if state.agenda else named
    focus = (on_table or named or [None])[0] or state.topic or (topics[0] if topics else None)
    if focus is None:
        return listening.respond("focusing: no target behaviour named yet; keep listening", purposes=(Purpose.FOCUS,))
    reason = f"focus agreed on {focus}: " + ("the client chose it" if named else "the only concern named")
    events = (
        Event(
            EventKind.FOCUS_SET,
            {"topic": focus, "change": state.change or _TOPICS[focus].change, "reason": reason},
        ),
        Event(EventKind.PROCESS_CHANGED, {"process": Process.EVOKING, "reason": reason}),
    )
    material = replace(material, behaviour=_TOPICS[focus].behaviour, change=state.change or _TOPICS[focus].change)
    listening = replace_listening(listening, material)
    choice = listening.respond(
        f"{reason}; start evoking", purposes=(Purpose.FOCUS, Purpose.CONCERN, Purpose.DESIRE), ask=True
    )
    return Choice(choice.move, events)


def _evoking(state: SessionState, u: Understanding, material: Material, listening: Listening) -> Choice:
    if _ready_to_plan(state, u):
        # A step just told ("because I did manage the post office last month") is affirmed before the summary
        # moves on: a success passed over on the way to planning is a strength left unused.
        stepped = u.past_success or u.darn_cat is DarnCat.TAKING_STEPS
        if stepped:  # the step is the affirmation's to say; the summary gathers the rest
            material = replace(material, change_talk=tuple(t for t in material.change_talk if t != u.text))
        move = Move(
            (Act.AFFIRMATION, Act.SUMMARY, Act.ASK_PERMISSION) if stepped else (Act.SUMMARY, Act.ASK_PERMISSION),
            "signs of readiness (mobilising change talk / high rulers): "
            + ("affirm the step, " if stepped else "")
            + "transitional summary, ask to plan",
            summary=SummaryKind.TRANSITIONAL,
            purpose=Purpose.PLAN_PERMISSION,
            material=material,
        )
        return Choice(move)
    return listening.respond("evoking: respond to the client's talk and evoke change talk")


def replace_listening(listening: Listening, material: Material) -> Listening:
    return Listening(listening.state, listening.u, material, listening.rng)


# --- helpers -----------------------------------------------------------------------------------------


def _ready_to_plan(state: SessionState, u: Understanding) -> bool:
    if state.plan.started or state.expecting is Purpose.PLAN_PERMISSION:
        return False
    if any(m.get("purpose") == Purpose.PLAN_PERMISSION for m in state.moves[-_ASK_TO_PLAN_EVERY:]):
        return False  # asked a moment ago and not taken up: ask again only later
    recent = [*state.talk[-3:], u.talk.value]
    recent_sustain = recent.count(Talk.SUSTAIN.value)
    mobilising = _mobilising(u) or any(
        s.darn_cat in {DarnCat.COMMITMENT, DarnCat.ACTIVATION, DarnCat.TAKING_STEPS}
        and s.turn >= state.client_turns - 3
        for s in state.change_talk
    )
    enough = len(state.change_talk) + u.is_change_talk >= 3
    rulers_high = state.rulers.get(RulerKind.IMPORTANCE, 0) >= 7 and state.rulers.get(RulerKind.CONFIDENCE, 0) >= 5
    asked_how = u.asked is Asked.ADVICE
    return recent_sustain <= 1 and enough and (mobilising or rulers_high or asked_how)


def _idea_just_said(state: SessionState, u: Understanding) -> str | None:
    """The client's last message, when it was an idea of theirs for the change ("I could …") and this one only
    asks what the counsellor makes of it ("good idea?", "you tell me")."""
    if not state.change_talk or u.words > _OPINION_WORDS:
        return None
    last = state.change_talk[-1]
    return last.text if last.turn == state.client_turns - 1 and last.darn_cat in _IDEA_KINDS else None


def _ruler_answers(state: SessionState, u: Understanding) -> dict[RulerKind, int]:
    """The ruler answers in a message: a number right after a ruler question (or one asked lately and not yet
    answered), and any ruler named with its number, whatever was asked ("confidence more like 3"). The one to
    follow up comes first: the ruler asked, else importance, which comes first in MI."""
    answers = dict(u.named_rulers)
    asked = state.expecting_ruler or state.pending_ruler
    if asked is not None and u.ruler is not None and asked not in answers:
        answers[asked] = u.ruler
    first = asked if asked in answers else RulerKind.IMPORTANCE
    return dict(sorted(answers.items(), key=lambda item: item[0] is not first))


def _ruler_moved(state: SessionState, u: Understanding) -> tuple[RulerKind, int] | None:
    """A ruler re-scored unasked, later in the session ("probably a 7 now"): a short message that leads with a
    number and says "now", once a ruler has been answered. Which ruler: one the new number is above (talking
    things through usually raises a score, not lowers it), confidence first — the one planning works on —
    then importance; when the number is above none, the same order among all answered."""
    if not state.rulers or u.ruler is not None or u.named_rulers or u.words > _RULER_UPDATE_WORDS:
        return None
    if not LEADS_WITH_NUMBER.match(u.text) or not _NOW.search(u.text):
        return None
    value = parse_ruler_number(u.text)
    if value is None:
        return None
    order = [k for k in (RulerKind.CONFIDENCE, RulerKind.IMPORTANCE, RulerKind.READINESS) if k in state.rulers]
    risen = [k for k in order if state.rulers[k] < value]
    return (risen or order)[0], value


def _mobilising(u: Understanding) -> bool:
    return u.is_change_talk and u.darn_cat is not None and u.darn_cat.mobilising


# Choosing a concern not on the table, rather than naming it in passing: "actually it's the drinking I want to
# talk about", "the gambling mostly"
_CHOOSING = re.compile(
    r"\b(?:talk about|focus on|start with|work on|look at|rather|actually|really|mainly|mostly|most of all)\b", re.I
)


def _agenda(state: SessionState, u: Understanding) -> list[str]:
    return list(dict.fromkeys([*state.agenda, *u.topics]))


def _topic_of(state: SessionState, u: Understanding) -> str | None:
    return state.focus or next(iter(u.topics), None) or state.topic or next(iter(state.agenda), None)


def _behaviour(topic: str | None) -> str | None:
    return _TOPICS[topic].behaviour if topic in _TOPICS else None


def _change(state: SessionState, topic: str | None) -> str | None:
    return state.change or (_TOPICS[topic].change if topic in _TOPICS else None)


def _material(state: SessionState, u: Understanding) -> Material:
    material = _own_material(state, u)
    account = state.account_to_follow() if u.acknowledgement else None
    if account is None:
        return material
    # "Yeah." adds nothing of its own: what it goes along with is the message to take a step further.
    return replace(
        material,
        client_text=account.text,
        talk=account.talk,
        darn_cat=account.darn_cat,
        situation=account.situation,
    )


def _own_material(state: SessionState, u: Understanding) -> Material:
    topic = _topic_of(state, u)
    earlier = tuple(state.client_texts[-6:])
    return Material(
        client_text=u.text,
        change_talk=tuple(s.text for s in state.change_talk[-6:]) + ((u.text,) if u.is_change_talk else ()),
        sustain_talk=tuple(s.text for s in state.sustain_talk[-4:]) + ((u.text,) if u.is_sustain_talk else ()),
        feelings=_merge(u.feelings, state.feelings),
        values=_merge(u.values, state.values),
        people=_merge(u.people, state.people),
        strengths=tuple(state.strengths[-3:]) + ((u.text,) if u.past_success else ()),
        behaviour=_behaviour(topic),
        change=_change(state, topic),
        agenda=tuple(_TOPICS[t].behaviour for t in _agenda(state, u) if t in _TOPICS),
        plan=state.plan.to_dict(),
        earlier=earlier,
        talk=Talk.NEUTRAL.value if u.reported and u.talk is Talk.CHANGE else u.talk.value,
        darn_cat=u.darn_cat_to_reflect.value if u.darn_cat_to_reflect else None,
        situation=u.situation,
        corrected=_reflected_last(state) and corrects(u.text, (state.last_move or {}).get("text", "")),
    )


def _reflected_last(state: SessionState) -> bool:
    """Whether the last reply held a reflection: a bare "no" to "What matters most to you?" answers the
    question, but after "Your mum thinks you drink too much. What do you get out of it?" it can only be
    about the reflection (an open question is not answered with "no")."""
    acts = set((state.last_move or {}).get("acts", ()))
    return bool(acts & {Act.SIMPLE_REFLECTION.value, Act.COMPLEX_REFLECTION.value, Act.SUMMARY.value})


def _merge(new: Sequence[str], old: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*new, *old]))[:6]
