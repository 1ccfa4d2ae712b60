"""The *track* stage: the session state, rebuilt by replaying the session's events.

Nothing here decides anything; it remembers: which MI process the conversation is in and why, the agreed
focus, the change and sustain talk heard (in the client's words, for summaries), ruler answers, discord,
the change plan, the crisis flag, and what the counsellor has already said (so nothing is repeated).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from oars.choose.move import Act, Purpose
from oars.events import Event, EventKind
from oars.measures import RulerKind
from oars.say.base import Draft, Said
from oars.track.plan import ChangePlan

__all__ = ["Account", "Process", "SessionState", "Statement", "replay"]

_RECENT = 6  # how many feelings / values / people to keep, most recent first
_FOLLOW_TURNS = 4  # client turns back an acknowledgement ("mm", "yeah", "mm") may reach for what it goes along with


class Process(StrEnum):
    """The four MI processes (reference section 3), plus the end of the session."""

    ENGAGING = "engaging"
    FOCUSING = "focusing"
    EVOKING = "evoking"
    PLANNING = "planning"
    CLOSED = "closed"


@dataclass(frozen=True)
class Statement:
    """A client utterance kept for summaries: their words, what kind of talk, and when."""

    text: str
    darn_cat: str | None
    turn: int


@dataclass(frozen=True)
class Account:
    """The client's last message with something in it to reflect: what a later "yeah" or "mm-hmm" goes along
    with, and so what the counsellor can take a step further."""

    text: str
    turn: int
    talk: str
    darn_cat: str | None  # what a reflection may say the message implies (``Understanding.darn_cat_to_reflect``)
    situation: tuple[str, ...]
    feelings: tuple[str, ...]
    values: tuple[str, ...]


@dataclass
class SessionState:
    """Everything the policy needs to know about the session so far."""

    session_id: str = ""
    topic: str | None = None  # the topic the session was opened with (``--topic``), if any
    locale: str = "US"
    process: Process = Process.ENGAGING
    process_reason: str = "the session has just started"
    focus: str | None = None  # a lexicon topic key ("drinking")
    change: str | None = None  # the change in the client's terms, as a verb phrase
    agenda: list[str] = field(default_factory=list)  # topic keys in the order the client raised them
    change_talk: list[Statement] = field(default_factory=list)
    sustain_talk: list[Statement] = field(default_factory=list)
    feelings: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    rulers: dict[RulerKind, int] = field(default_factory=dict)
    ruler_history: list[dict[str, Any]] = field(default_factory=list)
    ruler_answered_at: dict[RulerKind, int] = field(default_factory=dict)  # counsellor turns said by then
    discord: int = 0  # client turns with discord
    client_turns: int = 0
    client_texts: list[str] = field(default_factory=list)
    talk: list[str] = field(default_factory=list)  # talk type of each client turn
    last_account: Account | None = None
    moves: list[dict[str, Any]] = field(default_factory=list)  # counsellor turns' event data, in order
    plan: ChangePlan = field(default_factory=ChangePlan)
    measures: list[dict[str, Any]] = field(default_factory=list)
    flagged: bool = False
    crisis_turns: list[int] = field(default_factory=list)  # client turns that raised a crisis signal
    said: Said = field(default_factory=Said)
    ended: bool = False

    @property
    def last_move(self) -> dict[str, Any] | None:
        return self.moves[-1] if self.moves else None

    @property
    def expecting(self) -> Purpose | None:
        """The purpose of the counsellor's last question, which the client's message may be answering."""
        last = self.last_move
        return Purpose(last["purpose"]) if last and last.get("purpose") else None

    @property
    def expecting_ruler(self) -> RulerKind | None:
        last = self.last_move
        if last and last.get("purpose") == Purpose.RULER and last.get("ruler_kind"):
            return RulerKind(last["ruler_kind"])
        return None

    @property
    def pending_ruler(self) -> RulerKind | None:
        """A ruler asked in the last four counsellor turns and not answered since: "probably a 7" two
        messages after the question (a "maybe" and a thought in between) is still its answer."""
        for index in range(len(self.moves) - 1, max(-1, len(self.moves) - 5), -1):
            move = self.moves[index]
            if move.get("purpose") == Purpose.RULER and move.get("ruler_kind"):
                kind = RulerKind(move["ruler_kind"])
                return None if self.ruler_answered_at.get(kind, -1) > index else kind
        return None

    def account_to_follow(self) -> Account | None:
        """The account a bare acknowledgement now goes along with: the client's message before it, or the one
        before that (a "yeah" to the question that followed it). Older ones are a change of subject."""
        account = self.last_account
        return account if account is not None and self.client_turns - account.turn <= _FOLLOW_TURNS else None

    def count(self, act: Act) -> int:
        return sum(act.value in move.get("acts", ()) for move in self.moves)

    def reflections_and_questions(self) -> tuple[int, int]:
        """Reflections and questions so far, counted as a fidelity rater is sure to hear them.

        A reflection that leads into a question in the same turn is often coded as the question alone
        (the shared coder hears about four in ten of them), so only reflections in turns without a
        question count here: keeping this ratio above two keeps the session's coded R:Q there too.
        """
        reflections = questions = 0
        for move in self.moves:
            acts = [Act(a) for a in move.get("acts", ())]
            asks = sum(a.is_question for a in acts)
            questions += asks
            reflections += 0 if asks else sum(a.is_reflection for a in acts)
        return reflections, questions

    def purposes_used(self) -> list[str]:
        return [move["purpose"] for move in self.moves if move.get("purpose")]

    def turns_since(self, act: Act, *, chosen: bool = False) -> int:
        """Counsellor turns since ``act`` was last used (a large number if never); with ``chosen``, since the
        policy last chose it, whether or not it could be worded: a summary with nothing to gather falls back
        to another reply, and asking for it again next turn would fall back again."""
        for distance, move in enumerate(reversed(self.moves)):
            if act.value in move.get("acts", ()) or (chosen and act.value in str(move.get("move", "")).split("+")):
                return distance
        return 10_000

    def apply(self, event: Event) -> None:
        """Fold one event into the state."""
        handler = _HANDLERS.get(event.kind)
        if handler is not None:
            handler(self, event.data)


def replay(events: Iterable[Event]) -> SessionState:
    state = SessionState()
    for event in events:
        state.apply(event)
    return state


def _started(state: SessionState, data: dict[str, Any]) -> None:
    state.session_id = data.get("session_id", "")
    state.topic = data.get("topic")
    state.locale = data.get("locale", "US")


def _client_said(state: SessionState, data: dict[str, Any]) -> None:
    turn = state.client_turns
    state.client_turns += 1
    text = data["text"]
    state.client_texts.append(text)
    talk = data.get("talk", "neutral")
    state.talk.append(talk)
    if data.get("form", "prose") == "prose" and not data.get("crisis") and not _about_conversation(data):
        statement = Statement(text, data.get("darn_cat"), turn)
        # someone else's reasons, reported, are not theirs; pushing back at the counsellor is not change talk
        if talk == "change" and not data.get("reported") and not data.get("discord"):
            state.change_talk.append(statement)
        elif talk == "sustain":
            state.sustain_talk.append(statement)
        if data.get("past_success"):
            state.strengths.append(text)
        if not data.get("acknowledgement"):
            state.last_account = _account(data, turn)
    for key in data.get("topics", ()):
        if key not in state.agenda:
            state.agenda.append(key)
    state.feelings = _recent(data.get("feelings", ()), state.feelings)
    state.values = _recent(data.get("values", ()), state.values)
    state.people = _recent(data.get("people", ()), state.people)
    if data.get("discord"):
        state.discord += 1
    if data.get("crisis"):
        state.crisis_turns.append(turn)


def _account(data: dict[str, Any], turn: int) -> Account:
    reported = data.get("reported") or data.get("discord")
    return Account(
        text=data["text"],
        turn=turn,
        talk="neutral" if reported and data.get("talk") == "change" else data.get("talk", "neutral"),
        darn_cat=data.get("darn_cat_to_reflect"),
        situation=tuple(data.get("situation", ())),
        feelings=tuple(data.get("feelings", ())),
        values=tuple(data.get("values", ())),
    )


def _about_conversation(data: dict[str, Any]) -> bool:
    """A greeting or a question asked of the counsellor ("are we done?", "are those even safer or is that just a
    scam"): asked, not said, so never read back as the client's change or sustain talk (a coder can hear "I
    don't really know if this is the right thing" as ambivalence)."""
    return bool(data.get("greeting")) or data.get("asked") is not None


def _counsellor_said(state: SessionState, data: dict[str, Any]) -> None:
    state.moves.append(data)
    acts = tuple(Act(a) for a in data.get("acts", ()))
    state.said.remember(Draft(data["text"], acts, data.get("template", "")))


def _process_changed(state: SessionState, data: dict[str, Any]) -> None:
    state.process = Process(data["process"])
    state.process_reason = data.get("reason", "")


def _focus_set(state: SessionState, data: dict[str, Any]) -> None:
    state.focus = data.get("topic")
    state.change = data.get("change") or state.change


def _ruler_answered(state: SessionState, data: dict[str, Any]) -> None:
    state.rulers[RulerKind(data["kind"])] = int(data["value"])
    state.ruler_history.append(dict(data))
    state.ruler_answered_at[RulerKind(data["kind"])] = len(state.moves)


def _plan_updated(state: SessionState, data: dict[str, Any]) -> None:
    state.plan.update(data["field"], data["value"])


def _measure_completed(state: SessionState, data: dict[str, Any]) -> None:
    state.measures.append(dict(data))


def _crisis_flagged(state: SessionState, _: dict[str, Any]) -> None:
    state.flagged = True


def _flag_cleared(state: SessionState, _: dict[str, Any]) -> None:
    state.flagged = False


def _ended(state: SessionState, _: dict[str, Any]) -> None:
    state.ended = True
    state.process = Process.CLOSED


def _recent(new: Iterable[str], old: list[str]) -> list[str]:
    merged = list(dict.fromkeys([*new, *old]))
    return merged[:_RECENT]


_HANDLERS = {
    EventKind.SESSION_STARTED: _started,
    EventKind.CLIENT_SAID: _client_said,
    EventKind.COUNSELLOR_SAID: _counsellor_said,
    EventKind.PROCESS_CHANGED: _process_changed,
    EventKind.FOCUS_SET: _focus_set,
    EventKind.RULER_ANSWERED: _ruler_answered,
    EventKind.PLAN_UPDATED: _plan_updated,
    EventKind.MEASURE_COMPLETED: _measure_completed,
    EventKind.CRISIS_FLAGGED: _crisis_flagged,
    EventKind.FLAG_CLEARED: _flag_cleared,
    EventKind.SESSION_ENDED: _ended,
}
