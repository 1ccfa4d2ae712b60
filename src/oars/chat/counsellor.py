"""The counsellor: one MI conversation, driven turn by turn.

Every client message goes through the pipeline, each stage its own module:

    understand (oars.understand)  crisis first, then talk type / DARN-CAT (shared coder) and cues
    track      (oars.track)       the session state, rebuilt from events
    choose     (oars.choose)      the MI policy picks the move and records why
    say        (oars.say)         the realiser words it (several drafts)
    guard      (oars.guard)       every draft is coded; non-adherent, off-move or repeated drafts are replaced
    store      (oars.store)       the turn's events are committed before the reply is returned

>>> from oars import Counsellor
>>> counsellor = Counsellor(topic="drinking")
>>> opening = counsellor.start()
>>> reply = counsellor.reply("I drink most nights and my wife is worried.")
>>> reply.move  # doctest: +SKIP
'complex_reflection'
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from typing import Any

from oars.chat.memory import EventStore, MemoryStore
from oars.chat.turn import Turn, turns_from_events
from oars.choose.move import Act, Choice, Material, Move, Purpose, Style, SummaryKind
from oars.choose.policy import MIPolicy, Policy
from oars.coder import Coder, LiveCoding
from oars.errors import SessionEndedError
from oars.events import Event, EventKind
from oars.guard.check import Guard
from oars.measures import QUESTIONNAIRES, QuestionnaireResult, RulerKind
from oars.safety import (
    CrisisAssessment,
    CrisisCategory,
    CrisisDetector,
    CrisisSignal,
    Severity,
    crisis_response,
    resources_for,
)
from oars.say.base import Draft, Realiser, RealiserWithFallback
from oars.track.plan import ChangePlan
from oars.track.state import Process, SessionState, replay
from oars.transcript.model import Speaker, Transcript
from oars.understand.analyse import Understander
from oars.understand.model import Understanding

__all__ = ["Counsellor"]


class Counsellor:
    """An MI counsellor for one session.

    ``store`` keeps the session's events (default: in memory only; the CLI and web app pass the database
    store). ``topic`` is an optional focus known in advance ("drinking"); ``locale`` picks the crisis
    resources. Methods are safe to call from several threads (one turn at a time).
    """

    def __init__(
        self,
        *,
        topic: str | None = None,
        locale: str = "US",
        store: EventStore | None = None,
        channel: str = "api",
        client_ref: str | None = None,
        seed: int = 0,
        coder: Coder | None = None,
        realiser: Realiser | None = None,
        policy: Policy | None = None,
        detector: CrisisDetector | None = None,
        session_id: str | None = None,
    ) -> None:
        self._resources = resources_for(locale)  # an unknown locale is an error before anything is stored
        self._store = store if store is not None else MemoryStore()
        self._policy = policy or MIPolicy(seed)
        self._realiser = realiser or _default_realiser(seed)
        self._coding: LiveCoding = (coder or Coder()).live()
        self._understander = Understander(self._coding, detector)
        self._guard = Guard(self._coding)
        self._lock = threading.Lock()
        if session_id is None:
            started = Event(EventKind.SESSION_STARTED, {"topic": topic, "locale": locale, "seed": seed})
            self.session_id = self._store.create_session(
                topic=topic, locale=locale, channel=channel, client_ref=client_ref, events=(started,)
            )
            self._events: list[Event] = [_with_id(started, self.session_id)]
        else:
            self.session_id = session_id
            self._events = list(self._store.load(session_id).events)
            self._coding.extend((t.speaker, t.text) for t in turns_from_events(self._events))
        self._state = replay(self._events)
        self._state.session_id = self.session_id

    @classmethod
    def resume(cls, session_id: str, store: EventStore, **options: Any) -> Counsellor:
        """Continue a stored session where it stopped."""
        stored = store.load(session_id)
        started = next((e.data for e in stored.events if e.kind is EventKind.SESSION_STARTED), {})
        options.setdefault("locale", started.get("locale", "US"))
        options.setdefault("seed", started.get("seed", 0))
        return cls(store=store, session_id=session_id, topic=started.get("topic"), **options)

    # -- the conversation ------------------------------------------------------------------------------

    def start(self) -> Turn:
        """The opening turn (says it is an automated program and invites the client's concern)."""
        with self._lock:
            if self._state.moves:
                return self.turns[0]
            return self._say(self._policy.opening(self._state), ())

    def reply(self, text: str) -> Turn:
        """Answer one client message. The turn is stored before this returns."""
        if not isinstance(text, str):
            raise TypeError(f"a client message is text, got {type(text).__name__}")
        with self._lock:
            if self._state.ended:
                raise SessionEndedError(f"session {self.session_id} has ended; start a new one")
            if not self._state.moves:
                self._say(self._policy.opening(self._state), ())
            u = self._understander.understand(
                text,
                recent_client=self._state.client_texts[-3:],
                expecting_ruler=self._state.expecting_ruler is not None,
                late_ruler=self._state.pending_ruler is not None,
            )
            said = Event(EventKind.CLIENT_SAID, _understanding_data(u))
            choice = self._policy.choose(self._state, u)
            self._state.apply(said)
            return self._say(choice, (said,), u)

    def end(self) -> Turn:
        """Close the session with a summary of the client's own change talk."""
        with self._lock:
            if self._state.ended:
                return self.turns[-1]
            move = Move((Act.SUMMARY, Act.CLOSING), "the session was closed", material=_closing_material(self._state))
            ended = Event(EventKind.SESSION_ENDED, {"reason": "closed"})
            return self._say(Choice(move, (ended,)), ())

    def record_measure(
        self, questionnaire: str, answers: Sequence[int], difficulty: int | None = None
    ) -> tuple[QuestionnaireResult, Turn | None]:
        """Score and store a PHQ-9 / GAD-7. PHQ-9 item 9 above 0 flags the session and answers with the
        safety path (the returned turn); otherwise the turn is ``None``."""
        try:
            instrument = QUESTIONNAIRES[questionnaire]
        except KeyError:
            raise ValueError(f"unknown questionnaire {questionnaire!r}; known: {', '.join(QUESTIONNAIRES)}") from None
        result = instrument.score(answers, difficulty) if difficulty is not None else instrument.score(answers)
        data = {
            "questionnaire": questionnaire,
            "answers": list(result.answers),
            "total": result.total,
            "band": result.band,
            "safety_flag": result.safety_flag,
            "difficulty": result.difficulty,
        }
        with self._lock:
            completed = Event(EventKind.MEASURE_COMPLETED, data)
            if not result.safety_flag:
                self._commit([completed])
                return result, None
            signal = CrisisSignal(
                CrisisCategory.SUICIDE, Severity.HIGH, "PHQ-9 item 9", "PHQ-9 item 9 answered above 0"
            )
            assessment = CrisisAssessment(True, (signal,))
            flag = Event(
                EventKind.CRISIS_FLAGGED,
                {
                    "categories": ["suicide"],
                    "severity": "high",
                    "evidence": ["PHQ-9 item 9"],
                    "source": "phq9",
                },
            )
            move = Move((Act.CRISIS,), "PHQ-9 item 9 above 0: the safety path, whatever the total")
            return result, self._say(Choice(move, (completed, flag)), (), assessment=assessment)

    def record_ruler(self, kind: RulerKind | str, value: int, text: str = "") -> None:
        """Store a ruler answer given outside the conversation (a form, ``/rulers``)."""
        kind = RulerKind(kind)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise ValueError(f"a ruler answer is a whole number from 0 to 10, got {value!r}")
        with self._lock:
            self._commit([Event(EventKind.RULER_ANSWERED, {"kind": kind.value, "value": value, "text": text})])

    # -- what the session holds ------------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def plan(self) -> ChangePlan:
        return self._state.plan

    @property
    def flagged(self) -> bool:
        return self._state.flagged

    @property
    def ended(self) -> bool:
        return self._state.ended

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(self._events)

    @property
    def turns(self) -> list[Turn]:
        return turns_from_events(self._events)

    def transcript(self) -> Transcript:
        """The conversation as a transcript, ready for ``oars code`` / the HTML report."""
        return Transcript.from_turns(((t.speaker, t.text) for t in self.turns), id=self.session_id)

    # -- internals --------------------------------------------------------------------------------------

    def _say(
        self,
        choice: Choice,
        before: Sequence[Event],
        u: Understanding | None = None,
        *,
        assessment: CrisisAssessment | None = None,
    ) -> Turn:
        for event in choice.events:
            self._state.apply(event)
        move = choice.move
        draft, rejected = self._word(move, u, assessment)
        self._coding.add(Speaker.COUNSELLOR, draft.text)
        data = _move_data(move, draft, self._state.process, rejected)
        if isinstance(self._realiser, RealiserWithFallback):  # how a language model's realiser worded it
            data["wording"] = self._realiser.explain(move, draft, rejected)
        said = Event(EventKind.COUNSELLOR_SAID, data)
        self._commit([*before, *choice.events, said], applied=(*before, *choice.events))
        return self.turns[-1]

    def _word(
        self, move: Move, u: Understanding | None, assessment: CrisisAssessment | None
    ) -> tuple[Draft, list[str]]:
        if Act.CRISIS in move.acts:
            first = (u is not None and u.crisis.is_crisis) or assessment is not None
            found = assessment or (u.crisis if u is not None and u.crisis.is_crisis else _last_crisis(self._state))
            return Draft(crisis_response(found, self._resources, first=first), move.acts, "crisis"), []
        drafts = self._realiser.drafts(move, self._state.said)
        chosen, verdicts = self._guard.select(drafts, move, self._state.said)
        rejected = [f"{v.draft.template}: {'; '.join(v.reasons)}" for v in verdicts if not v.ok]
        if chosen is not None:
            return chosen.draft, rejected
        fallback = self._fallback(move)
        return fallback, [*rejected, "every draft failed a hard check: a plain reflection was sent instead"]

    def _fallback(self, move: Move) -> Draft:
        """A safe reply when every draft of the move failed (never a repeat, never non-adherent): for a
        closing, the closing alone; else a plain reflection of the same material, else one of feeling, else an
        open question about it, else a summary of what the client has said (long sessions of one-word answers
        use up the short phrasings) — each with the client's own words before any without — else a stock
        reflection."""
        said = self._state.said
        why = f"fallback for {move.name}"
        builtin = self._realiser.builtin if isinstance(self._realiser, RealiserWithFallback) else self._realiser
        # A goodbye stays a goodbye: first the closing without the client's words.
        closing = (Move(move.acts, why, summary=SummaryKind.CLOSING, material=Material()),)
        # The client's own words in any of these before a line that names only the focus: "You've been
        # thinking about smoking" is no answer to "and do one application a day". Vague drafts wait, in order.
        vague: list[tuple[Move, Draft]] = []
        # Questions of several purposes, since one purpose's few wordings run out in a long run of "Mm."; a
        # summary only some turns after the last (it had gathered the same three things, turn after turn).
        purposes = dict.fromkeys((move.purpose or Purpose.EXPLORE, *_FALLBACK_PURPOSES))
        summary = Move((Act.SUMMARY,), why, summary=SummaryKind.COLLECTING, material=move.material)
        for plain in (
            *(closing if Act.CLOSING in move.acts else ()),
            Move((Act.SIMPLE_REFLECTION,), why, material=move.material),
            Move((Act.COMPLEX_REFLECTION,), why, style=Style.FEELING, material=move.material),
            *(Move((Act.OPEN_QUESTION,), why, purpose=purpose, material=move.material) for purpose in purposes),
            *((summary,) if self._state.turns_since(Act.SUMMARY) >= _SUMMARY_GAP else ()),
        ):
            for draft in builtin.drafts(plain, said):
                if draft.vague:
                    vague.append((plain, draft))
                elif not self._guard.check(draft, plain, said).hard:
                    return draft
        for plain, draft in vague:
            if not self._guard.check(draft, plain, said).hard:
                return draft
        reflection = Move((Act.COMPLEX_REFLECTION,), why)
        start = self._state.client_turns % len(_LAST_RESORT)
        rotation = _LAST_RESORT[start:] + _LAST_RESORT[:start]
        # Single stock lines first; once a very long session has used them all, two of them together.
        lines = itertools.chain(rotation, (f"{a} {b}" for a, b in itertools.permutations(rotation, 2)))
        for line in lines:
            draft = Draft(line, reflection.acts, "fallback")
            if not said.repeats(line) and not self._guard.check(draft, reflection, said).hard:
                return draft
        return Draft(rotation[0], reflection.acts, "fallback")

    def _commit(self, events: list[Event], applied: Sequence[Event] = ()) -> None:
        """Store the events (durably, before anything is returned), then fold the rest into the state."""
        self._store.append(self.session_id, events, expected_seq=len(self._events))
        self._events.extend(events)
        for event in events:
            if not any(event is done for done in applied):
                self._state.apply(event)


_FALLBACK_PURPOSES = (Purpose.EXPLORE, Purpose.ELABORATE, Purpose.VALUES, Purpose.LOOKING_FORWARD, Purpose.RESUME)
_SUMMARY_GAP = 3  # counsellor turns between a fallback summary and the last summary

# Plain reflections that fit almost anything a client says, tried in turn so that none is said twice
# while another is still unused.
_LAST_RESORT = (
    "There's a lot in what you're describing, and it matters.",
    "This has clearly been on your mind.",
    "You've been giving this real thought.",
    "That's an important part of the picture.",
    "It sounds like this touches something that matters to you.",
    "You're weighing this up carefully.",
    "There's more than one side to this for you.",
    "This isn't a simple thing for you.",
    "You've been living with this for a while.",
    "Part of you is still working out where you stand.",
    "That says a lot about what's going on for you right now.",
)


def _default_realiser(seed: int) -> Realiser:
    from oars.say import BuiltinRealiser

    return BuiltinRealiser(seed)


def _with_id(event: Event, session_id: str) -> Event:
    return Event(event.kind, {**event.data, "session_id": session_id}, event.at)


def _understanding_data(u: Understanding) -> dict[str, Any]:
    return {
        "text": u.text,
        "form": u.form.value,
        "talk": u.talk.value,
        "reported": u.reported,
        "darn_cat": u.darn_cat.value if u.darn_cat else None,
        "talk_confidence": round(u.talk_confidence, 4),
        "crisis": u.crisis.is_crisis,
        "crisis_categories": [c.value for c in u.crisis.categories],
        "discord": u.discord,
        "injection": u.injection,
        "asked": u.asked.value if u.asked else None,
        "greeting": u.greeting,
        "answer": u.answer,
        "acknowledgement": u.acknowledgement,
        "darn_cat_to_reflect": u.darn_cat_to_reflect.value if u.darn_cat_to_reflect else None,
        "situation": list(u.situation),
        "ruler": u.ruler,
        "topics": list(u.topics),
        "feelings": list(u.feelings),
        "values": list(u.values),
        "people": list(u.people),
        "past_success": u.past_success,
        "truncated": u.truncated,
    }


def _move_data(move: Move, draft: Draft, process: Process, rejected: list[str]) -> dict[str, Any]:
    return {
        "text": draft.text,
        "move": move.name,
        "acts": [a.value for a in draft.acts],
        "reason": move.reason,
        "process": process.value,
        "template": draft.template,
        "vague": draft.vague,
        "purpose": move.purpose.value if move.purpose else None,
        "style": move.style.value if move.style else None,
        "summary": move.summary.value if move.summary else None,
        "ruler_kind": move.material.ruler_kind.value if move.material.ruler_kind else None,
        "rejected": rejected,
    }


def _closing_material(state: SessionState) -> Material:
    return Material(
        change_talk=tuple(s.text for s in state.change_talk[-6:]),
        plan=state.plan.to_dict(),
        earlier=tuple(state.client_texts[-6:]),
    )


def _last_crisis(state: SessionState) -> CrisisAssessment:
    """A stand-in assessment for a follow-up turn: no new signal, so the response's follow-up form is used."""
    return CrisisAssessment(is_crisis=False)
