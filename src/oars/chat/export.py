"""A session as the scripted-run JSON contract (and its detailed export)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oars.events import EventKind

if TYPE_CHECKING:
    from oars.chat.counsellor import Counsellor

__all__ = ["export_session"]


def export_session(counsellor: Counsellor, *, detail: bool = False) -> dict[str, Any]:
    """``{"id", "crisis", "turns": [...]}``; ``detail`` adds reasons, the plan, rulers and measures."""
    out: dict[str, Any] = {
        "id": counsellor.session_id,
        "crisis": any(e.kind is EventKind.CRISIS_FLAGGED for e in counsellor.events),
        "turns": [turn.to_dict(detail=detail) for turn in counsellor.turns],
    }
    if detail:
        state = counsellor.state
        out.update(
            {
                "flagged": state.flagged,
                "process": state.process.value,
                "focus": state.focus,
                "plan": state.plan.to_dict(),
                "rulers": state.ruler_history,
                "measures": state.measures,
                "ended": state.ended,
            }
        )
    return out
