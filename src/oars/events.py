"""What happened in a session, as an append-only list of events.

A chat session's state is never edited in place: each turn appends events (what the client said and how
it was understood, what the counsellor said and why, a ruler answered, the plan updated, a crisis
flagged), and the state is rebuilt by replaying them (``oars.track``). Persisting a session is
persisting its events; resuming one is replaying them. Event data is plain JSON so any store can keep it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

__all__ = ["Event", "EventKind", "now"]


class EventKind(StrEnum):
    SESSION_STARTED = "session_started"  # data: topic, locale, seed, client_ref
    COUNSELLOR_SAID = "counsellor_said"  # data: text, move, acts, reason, process, template, vague, purpose, style
    CLIENT_SAID = "client_said"  # data: text + the understanding (talk, darn_cat, crisis, topics, ...)
    PROCESS_CHANGED = "process_changed"  # data: process, reason
    FOCUS_SET = "focus_set"  # data: topic, behaviour, change, reason
    RULER_ANSWERED = "ruler_answered"  # data: kind, value, text
    PLAN_UPDATED = "plan_updated"  # data: field, value
    MEASURE_COMPLETED = "measure_completed"  # data: questionnaire, answers, total, band, safety_flag
    CRISIS_FLAGGED = "crisis_flagged"  # data: categories, severity, evidence, source
    FLAG_CLEARED = "flag_cleared"  # data: by, note
    SESSION_ENDED = "session_ended"  # data: reason


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Event:
    """One thing that happened; ``data`` holds JSON-serialisable values only."""

    kind: EventKind
    data: dict[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=now)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "data": self.data, "at": self.at.isoformat()}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Event:
        return cls(EventKind(raw["kind"]), dict(raw.get("data", {})), datetime.fromisoformat(raw["at"]))
