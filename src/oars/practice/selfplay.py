"""Self-play: the oars counsellor talking with a simulated client.

It gives the counsellor a regression test against every persona: the transcript comes out in the shape
``oars chat --script`` writes (``oars.chat.export_session``), plus the persona's id and its receptivity
series, so a change to the counsellor that makes clients less receptive shows up as numbers. The client
hears the counsellor through its own past-context coding, exactly as it hears a human clinician.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from oars.chat import Counsellor, MemoryStore, export_session
from oars.coder import Coder
from oars.practice.client import ClientReply, SimulatedClient
from oars.practice.persona import Persona
from oars.transcript.model import Speaker

__all__ = ["SelfPlay", "self_play"]


@dataclass(frozen=True)
class SelfPlay:
    """One self-play session: the counsellor (with its transcript) and the client's replies."""

    persona: Persona
    seed: int
    counsellor: Counsellor
    replies: tuple[ClientReply, ...]

    @property
    def id(self) -> str:
        """Reproducible, unlike the counsellor's own session id: the same persona and seed give the same run."""
        return f"selfplay-{self.persona.id}-{self.seed}"

    @property
    def receptivity(self) -> tuple[float, ...]:
        """The client's receptivity at the start and after each counsellor turn it answered."""
        return (self.persona.receptivity, *(r.receptivity for r in self.replies))

    def to_dict(self) -> dict[str, Any]:
        """The ``oars chat --script`` session object with ``persona`` and ``receptivity`` added."""
        return {
            **export_session(self.counsellor),
            "id": self.id,
            "persona": self.persona.id,
            "receptivity": list(self.receptivity),
        }


def self_play(persona: Persona, *, turns: int, seed: int = 0, coder: Coder | None = None) -> SelfPlay:
    """Run ``turns`` client replies against the counsellor (fewer if the counsellor ends the session)."""
    if turns < 1:
        raise ValueError(f"self-play needs at least one turn, got {turns}")
    coder = coder or Coder()
    counsellor = Counsellor(topic=persona.focus, store=MemoryStore(), channel="selfplay", seed=seed, coder=coder)
    client = SimulatedClient(persona, seed=seed)
    hearing = coder.live()
    said = counsellor.start()
    replies: list[ClientReply] = []
    while len(replies) < turns and not counsellor.ended:
        reply = client.reply(hearing.add(Speaker.COUNSELLOR, said.text))
        hearing.add(Speaker.CLIENT, reply.text)
        replies.append(reply)
        said = counsellor.reply(reply.text)
    return SelfPlay(persona, seed, counsellor, tuple(replies))
