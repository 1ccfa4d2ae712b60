"""What the clinic's views are made of, worked out from stored events: pure functions, no database.

The repository fetches events (measures, rulers, plan updates) and hands them here to become results,
trends, plans and the order of a clinician's list. Keeping this free of I/O keeps it testable and makes
the ordering rule readable in one place (``need``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from oars.measures import QUESTIONNAIRES
from oars.track.plan import ChangePlan

__all__ = [
    "SEVERITY_RANK",
    "ClientSummary",
    "MeasureResult",
    "Need",
    "PlanView",
    "RulerResult",
    "need",
    "plan_from",
    "worsening",
]

SEVERITY_RANK = {"minimal": 0, "mild": 1, "moderate": 2, "moderately severe": 3, "severe": 4}
"""Bands on one scale for both questionnaires (the GAD-7 has no "moderately severe": its severe is a 4)."""


@dataclass(frozen=True)
class MeasureResult:
    """One completed PHQ-9 or GAD-7 as stored in a MEASURE_COMPLETED event."""

    questionnaire: str
    total: int
    band: str
    answers: tuple[int, ...]
    difficulty: int | None
    safety_flag: bool
    at: datetime
    session_id: str

    @classmethod
    def from_event(cls, data: dict[str, Any], at: datetime, session_id: str) -> MeasureResult:
        return cls(
            questionnaire=str(data["questionnaire"]),
            total=int(data["total"]),
            band=str(data["band"]),
            answers=tuple(int(value) for value in data.get("answers", ())),
            difficulty=data.get("difficulty"),
            safety_flag=bool(data.get("safety_flag")),
            at=at,
            session_id=session_id,
        )


@dataclass(frozen=True)
class RulerResult:
    """One readiness-ruler answer (importance / confidence / readiness, 0–10)."""

    kind: str
    value: int
    at: datetime
    session_id: str


@dataclass(frozen=True)
class PlanView:
    """A session's change plan as the client built it."""

    session_id: str
    updated_at: datetime
    plan: ChangePlan

    @property
    def text(self) -> str:
        return self.plan.to_text()


@dataclass(frozen=True)
class Need:
    """Why a client is where they are in the clinician's list: the sort key and the reasons, in words."""

    key: tuple[int, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ClientSummary:
    """A client as the clinician's list shows them."""

    id: str
    name: str
    email: str
    locale: str
    active: bool
    created_at: datetime
    open_flags: int
    latest: dict[str, MeasureResult] = field(default_factory=dict)  # questionnaire id -> newest result
    change: dict[str, int] = field(default_factory=dict)  # questionnaire id -> newest minus the one before
    need: Need = field(default_factory=lambda: Need((), ()))


def worsening(results: Sequence[MeasureResult]) -> int | None:
    """The newest total minus the one before (positive = more symptoms), or None with fewer than two."""
    if len(results) < 2:
        return None
    return results[-1].total - results[-2].total


def need(open_flags: int, measures: dict[str, list[MeasureResult]]) -> Need:
    """The order of a clinician's list: open crisis flags first, then the worst current severity, then a
    clinically meaningful worsening (PHQ-9 ≥ 5 points, GAD-7 ≥ 4), then the size of the worsening.

    The key sorts ascending, so every part is negated: the client who most needs attention comes first.
    """
    reasons: list[str] = []
    if open_flags:
        reasons.append(f"{open_flags} open crisis flag{'s' if open_flags > 1 else ''}")
    worst, meaningful, largest = 0, 0, 0
    for questionnaire_id, results in measures.items():
        if not results:
            continue
        instrument = QUESTIONNAIRES[questionnaire_id]
        latest = results[-1]
        worst = max(worst, SEVERITY_RANK.get(latest.band, 0))
        if SEVERITY_RANK.get(latest.band, 0) >= SEVERITY_RANK["moderate"]:
            reasons.append(f"{instrument.name} {latest.band} ({latest.total})")
        change = worsening(results)
        if change is not None and change > 0:
            largest = max(largest, change)
            if change >= instrument.change_threshold:
                meaningful = 1
                reasons.append(f"{instrument.name} worse by {change} points")
    return Need((-min(open_flags, 1), -open_flags, -worst, -meaningful, -largest), tuple(reasons))


def plan_from(updates: Iterable[dict[str, Any]]) -> ChangePlan:
    """A change plan rebuilt from its PLAN_UPDATED events' data, in order."""
    plan = ChangePlan()
    for data in updates:
        plan.update(data["field"], data["value"])
    return plan
