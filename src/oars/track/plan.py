"""The change plan a client builds in the planning process, in their own words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["PLAN_FIELDS", "ChangePlan"]

# The order planning walks through (reference section 3, Planning).
PLAN_FIELDS = ("change", "reasons", "steps", "supports", "obstacles", "responses", "confidence", "commitment")


@dataclass
class ChangePlan:
    """What the client wants to change, why (their words), how, with whom, what could get in the way and
    what they'll do then, how confident they are (0–10), and their commitment statement."""

    change: str | None = None
    reasons: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    obstacles: list[str] = field(default_factory=list)
    responses: list[str] = field(default_factory=list)
    confidence: int | None = None
    commitment: str | None = None

    def update(self, name: str, value: Any) -> None:
        """Set a single field or add to a list field (as recorded by a PLAN_UPDATED event)."""
        if name not in PLAN_FIELDS:
            raise ValueError(f"unknown plan field {name!r}; known: {', '.join(PLAN_FIELDS)}")
        current = getattr(self, name)
        if isinstance(current, list):
            if value not in current:
                current.append(value)
        else:
            setattr(self, name, value)

    @property
    def started(self) -> bool:
        return self.change is not None or bool(self.steps)

    @property
    def complete(self) -> bool:
        """Enough to be a plan: a change, at least one step, and an obstacle thought through."""
        return self.change is not None and bool(self.steps) and bool(self.obstacles) and bool(self.responses)

    def to_dict(self) -> dict[str, Any]:
        return {
            name: getattr(self, name) if not isinstance(getattr(self, name), list) else list(getattr(self, name))
            for name in PLAN_FIELDS
        }

    def to_text(self) -> str:
        """The plan as the client would want to keep it (terminal ``/plan``, exports, the web page)."""
        if not self.started:
            return "No change plan yet."
        lines = [f"The change I want to make: {self.change or '(not decided yet)'}"]
        for title, items in (
            ("Why it matters to me", self.reasons),
            ("My steps", self.steps),
            ("Who can help", self.supports),
        ):
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  - {item}" for item in items)
        if self.obstacles:
            lines.append("What might get in the way, and what I'll do:")
            for i, obstacle in enumerate(self.obstacles):
                response = self.responses[i] if i < len(self.responses) else "(to think about)"
                lines.append(f"  - {obstacle} -> {response}")
        if self.confidence is not None:
            lines.append(f"How confident I am (0-10): {self.confidence}")
        if self.commitment:
            lines.append(f"My commitment: {self.commitment}")
        return "\n".join(lines)
