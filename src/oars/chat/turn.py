"""A turn of the conversation as the outside world sees it (CLI, web app, API, scripted runs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from oars.events import Event, EventKind
from oars.transcript.model import Speaker

__all__ = ["Turn", "turns_from_events"]


@dataclass(frozen=True)
class Turn:
    """One utterance. Counsellor turns carry the move, process and reason; client turns the talk type."""

    index: int
    speaker: Speaker
    text: str
    at: datetime
    move: str | None = None
    process: str | None = None
    reason: str | None = None
    talk: str | None = None
    darn_cat: str | None = None
    crisis: bool = False
    wording: dict[str, Any] | None = None  # with a language-model realiser: model-worded or fell back, and why

    def to_dict(self, *, detail: bool = False) -> dict[str, Any]:
        """The scripted-run contract's turn object; ``detail`` adds the reason, DARN-CAT and time."""
        if self.speaker is Speaker.COUNSELLOR:
            out: dict[str, Any] = {
                "speaker": "counsellor",
                "text": self.text,
                "move": self.move,
                "process": self.process,
            }
            if self.crisis:
                out["crisis"] = True
            if self.wording is not None:
                out["wording"] = self.wording
        else:
            out = {"speaker": "client", "text": self.text, "talk": self.talk, "crisis": self.crisis}
            if detail:
                out["darn_cat"] = self.darn_cat
        if detail:
            out["index"] = self.index
            out["at"] = self.at.isoformat()
            if self.reason:
                out["reason"] = self.reason
        return out


def turns_from_events(events: list[Event]) -> list[Turn]:
    """The turns of a session, in order, from its events."""
    turns: list[Turn] = []
    for event in events:
        data = event.data
        if event.kind is EventKind.COUNSELLOR_SAID:
            turns.append(
                Turn(
                    index=len(turns),
                    speaker=Speaker.COUNSELLOR,
                    text=data["text"],
                    at=event.at,
                    # what the reply did, which is what the policy chose unless every draft of that failed
                    move="+".join(data["acts"]) if data.get("acts") else data.get("move"),
                    process=data.get("process"),
                    reason=data.get("reason"),
                    crisis="crisis" in data.get("acts", ()),
                    wording=data.get("wording"),
                )
            )
        elif event.kind is EventKind.CLIENT_SAID:
            turns.append(
                Turn(
                    index=len(turns),
                    speaker=Speaker.CLIENT,
                    text=data["text"],
                    at=event.at,
                    talk=data.get("talk"),
                    darn_cat=data.get("darn_cat"),
                    crisis=bool(data.get("crisis")),
                )
            )
    return turns
