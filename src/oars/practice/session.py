"""A practice session: a clinician's turn in, live feedback and the simulated client's reply out.

The object knows nothing about terminals or web pages (``oars practice`` and, later, the web app's
practice page both drive it). Every clinician turn and client reply is coded once, with the past only,
by one shared-coder ``LiveCoding``: the feedback shown after a turn, the client's reaction to it and the
end-of-session report all read the same codes, which are the codes ``oars code --context past`` gives for
the same transcript.

>>> from oars.practice import PracticeSession, find_persona
>>> session = PracticeSession(find_persona("heavy-drinking"), seed=1)
>>> exchange = session.respond("What brings you in today?")
>>> exchange.reply.text  # doctest: +SKIP
'My liver numbers came back a bit high, apparently. That's why I'm here.'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from oars.coder import CodedTranscript, CodedUtterance, Coder, SessionSummary, Talk
from oars.errors import SessionEndedError
from oars.practice.client import ClientReply, Kind, SimulatedClient
from oars.practice.debrief import debrief_section
from oars.practice.feedback import Coach, Feedback
from oars.practice.persona import Persona
from oars.report import render_report, write_report
from oars.transcript.model import Speaker, Transcript

if TYPE_CHECKING:
    from oars.practice.llm import LLMClientWording

__all__ = ["MAX_TURN_CHARS", "Exchange", "PracticeSession"]

MAX_TURN_CHARS = 2000  # a counsellor's turn is a few sentences; a pasted essay is a mistake


@dataclass(frozen=True)
class Exchange:
    """One clinician turn, the feedback on it, and the client's reply (as meant and as coded)."""

    clinician: CodedUtterance
    feedback: Feedback
    reply: ClientReply
    client: CodedUtterance

    def to_dict(self) -> dict[str, Any]:
        return {
            "clinician": self.clinician.text,
            "feedback": self.feedback.to_dict(),
            "client": self.reply.text,
            "kind": self.reply.kind.value,
            "intended_talk": self.reply.talk.value,
            "coded_talk": self.client.talk.value if self.client.talk else None,
            "receptivity": self.reply.receptivity,
            "worded_by": self.reply.worded_by,
        }


class PracticeSession:
    """A clinician practising with one persona. ``seed`` makes the client's replies reproducible."""

    def __init__(
        self, persona: Persona, *, seed: int = 0, coder: Coder | None = None, wording: LLMClientWording | None = None
    ) -> None:
        self.persona = persona
        self.seed = seed
        self.id = f"practice-{persona.id}-{seed}"
        self._client = SimulatedClient(persona, seed=seed, wording=wording)
        self._coding = (coder or Coder()).live()
        self._coach = Coach()
        self._exchanges: list[Exchange] = []
        self._ended = False

    # -- the conversation -------------------------------------------------------------------------------------

    def respond(self, text: str) -> Exchange:
        """Take the clinician's turn; return the feedback on it and the client's reply."""
        if not isinstance(text, str):
            raise TypeError(f"a clinician turn is text, got {type(text).__name__}")
        text = text.strip()
        if not text:
            raise ValueError("a clinician turn needs some text")
        if len(text) > MAX_TURN_CHARS:
            raise ValueError(f"a clinician turn may be at most {MAX_TURN_CHARS} characters, got {len(text)}")
        if self._ended:
            raise SessionEndedError(f"practice session {self.id} has ended; start a new one")
        last = self._exchanges[-1] if self._exchanges else None
        turn = self._coding.add(Speaker.COUNSELLOR, text)
        feedback = self._coach.feedback(turn, last.client if last else None, last.reply.kind if last else None)
        reply = self._client.reply(turn)
        exchange = Exchange(turn, feedback, reply, self._coding.add(Speaker.CLIENT, reply.text))
        self._exchanges.append(exchange)
        return exchange

    def end(self) -> SessionSummary:
        """Close the session and return its MITI summary (further turns are refused)."""
        self._ended = True
        return self.coded().summary

    # -- what the session holds -------------------------------------------------------------------------------

    @property
    def ended(self) -> bool:
        return self._ended

    @property
    def exchanges(self) -> tuple[Exchange, ...]:
        return tuple(self._exchanges)

    @property
    def receptivity(self) -> tuple[float, ...]:
        """The client's receptivity at the start and after each clinician turn."""
        return (self.persona.receptivity, *(e.reply.receptivity for e in self._exchanges))

    @property
    def revealed_at(self) -> int | None:
        """The clinician turn (from 1) after which the client disclosed the hidden concern, if they did."""
        return next((i for i, e in enumerate(self._exchanges, 1) if e.reply.kind is Kind.DISCLOSURE), None)

    def change_share(self, *, intended: bool = False) -> float | None:
        """Change talk / (change + sustain talk) over the session, as coded (or as the simulator meant it)."""
        shares = self.change_shares(intended=intended)
        return shares[-1] if shares else None

    def change_shares(self, *, intended: bool = False) -> list[float | None]:
        """The same share after each turn, counting from the start (``None`` until there is any)."""
        change = sustain = 0
        shares: list[float | None] = []
        for exchange in self._exchanges:
            talk = exchange.reply.talk if intended else exchange.client.talk
            change += talk is Talk.CHANGE
            sustain += talk is Talk.SUSTAIN
            shares.append(change / (change + sustain) if change + sustain else None)
        return shares

    def transcript(self) -> Transcript:
        turns = [(u.speaker, u.text) for e in self._exchanges for u in (e.clinician, e.client)]
        return Transcript.from_turns(turns, id=self.id)

    def coded(self) -> CodedTranscript:
        """The session coded as it went (past context only): the report's and the summary's input."""
        return CodedTranscript(
            self.transcript(),
            tuple(u for e in self._exchanges for u in (e.clinician, e.client)),
            context="past",
        )

    # -- the report ---------------------------------------------------------------------------------------------

    def render_report(self) -> str:
        """The HTML fidelity report of ``oars code``, with a section on how the client moved."""
        return render_report(self.coded(), title=self._title(), extra_sections=[debrief_section(self)])

    def write_report(self, path: str | os.PathLike[str]) -> None:
        write_report(path, self.coded(), title=self._title(), extra_sections=[debrief_section(self)])

    def _title(self) -> str:
        return f"MI practice with {self.persona.name} ({self.persona.topic})"
