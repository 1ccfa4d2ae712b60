"""A session as the scripted-run JSON contract (and its detailed export)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from oars.chat.turn import Turn
from oars.events import EventKind

if TYPE_CHECKING:
    from oars.chat.counsellor import Counsellor

__all__ = ["export_session", "wording_summary"]


def export_session(counsellor: Counsellor, *, detail: bool = False) -> dict[str, Any]:
    """``{"id", "crisis", "turns": [...]}``; ``detail`` adds reasons, the plan, rulers and measures."""
    out: dict[str, Any] = {
        "id": counsellor.session_id,
        "crisis": any(e.kind is EventKind.CRISIS_FLAGGED for e in counsellor.events),
        "turns": [turn.to_dict(detail=detail) for turn in counsellor.turns],
    }
    wording = wording_summary(counsellor.turns)
    if wording is not None:
        out["wording"] = wording
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


def wording_summary(turns: Sequence[Turn]) -> dict[str, Any] | None:
    """With a language-model realiser: how many counsellor turns were model-worded, how many fell back to the
    built-in wording, and how often each reason came up (``None`` for a session without one)."""
    worded = [t.wording for t in turns if t.wording is not None]
    if not worded:
        return None
    reasons: Counter[str] = Counter()
    for wording in worded:
        if wording.get("by") != "model":
            reasons.update({kind for why in wording.get("why", ()) for kind in _reason_kinds(why)})
    model = sum(w.get("by") == "model" for w in worded)
    return {
        "model": model,
        "builtin": len(worded) - model,
        "model_share": round(model / len(worded), 3),
        "fallback_reasons": dict(reasons.most_common()),
    }


def _reason_kinds(why: str) -> set[str]:
    """A reason without its details, for counting: "attempt 2: too long: 61 words (limit 45); markup…" gives
    {"too long", "markup…"}, "server: no answer … (timed out)" gives {"server: timed out"}."""
    source, _, rest = why.partition(": ")
    if source == "server":
        lowered = rest.lower()
        kind = next((k for k in ("timed out", "connection refused", "cannot connect") if k in lowered), None)
        status = re.search(r"HTTP (\d+)", rest)
        return {f"server: {kind or (f'HTTP {status.group(1)}' if status else 'error')}"}
    if source == "guard":
        return {f"guard: {_plain(part)}" for part in rest.split("; ")}
    if source.startswith("attempt ") and rest:
        return {_plain(part) for part in rest.split("; ")}
    if "paused" in why:
        return {"not sent to the model: server paused after failures"}
    return {why}


def _plain(problem: str) -> str:
    problem = re.sub(r" \(.*\)$", "", problem.split(": ", 1)[0])
    if problem.startswith("opener "):
        return "opener overused"
    return "too many sentences" if re.match(r"\d+ sentences", problem) else problem
