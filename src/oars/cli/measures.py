"""Questionnaires and rulers asked item by item in the terminal chat."""

from __future__ import annotations

from rich.console import Console

from oars.chat import Counsellor, Turn
from oars.measures import (
    QUESTIONNAIRES,
    Ruler,
    RulerKind,
    parse_difficulty_answer,
    parse_frequency_answer,
    parse_ruler_number,
)

__all__ = ["ask_questionnaire", "ask_rulers"]

_ATTEMPTS = 3


def ask_questionnaire(console: Console, counsellor: Counsellor, questionnaire: str) -> Turn | None:
    """Ask every item with the exact wording, score it, store it; the safety turn if item 9 fired."""
    instrument = QUESTIONNAIRES[questionnaire]
    console.print(f"[bold]{instrument.title}[/bold]\n{instrument.stem}")
    options = "  ".join(f"{i}) {option.label}" for i, option in enumerate(instrument.options))
    answers = []
    for item in instrument.items:
        value = _ask(console, f"{item.number}. {item.text}\n   {options}\n   > ", parse_frequency_answer)
        if value is None:
            console.print("[yellow]Questionnaire stopped; nothing was saved.[/yellow]")
            return None
        answers.append(value)
    difficulty = None
    if instrument.difficulty is not None and any(answers):
        labels = "  ".join(f"{i}) {o.label}" for i, o in enumerate(instrument.difficulty.options))
        difficulty = _ask(console, f"{instrument.difficulty.text}\n   {labels}\n   > ", parse_difficulty_answer)
    result, turn = counsellor.record_measure(questionnaire, answers, difficulty)
    console.print(f"[bold]{instrument.title}: {result.total} — {result.band}[/bold]")
    console.print(f"[dim]{instrument.attribution}[/dim]")
    return turn


def ask_rulers(console: Console, counsellor: Counsellor) -> None:
    """Importance, confidence and readiness, 0–10, about the session's focus."""
    change = counsellor.state.change or "make the change you have in mind"
    for kind in RulerKind:
        value = _ask(console, Ruler(kind, change).question + "\n   > ", parse_ruler_number)
        if value is None:
            console.print("[yellow]Skipped.[/yellow]")
            continue
        counsellor.record_ruler(kind, value)
        console.print(f"[dim]{kind.value}: {value}[/dim]")


def _ask(console: Console, prompt: str, parse) -> int | None:  # type: ignore[no-untyped-def]
    for _ in range(_ATTEMPTS):
        try:
            text = console.input(prompt)
        except (EOFError, KeyboardInterrupt):
            return None
        if text.strip().lower() in ("skip", "/skip") or text.strip().startswith("/"):
            return None
        value = parse(text)
        if value is not None:
            return value
        console.print("[yellow]Sorry, I didn't catch that — answer with one of the options, or type skip.[/yellow]")
    return None
