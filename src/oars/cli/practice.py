"""``oars practice``, ``oars personas`` and ``oars simulate``: MI practice with simulated clients."""

from __future__ import annotations

import json
import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from oars.cli.app import app, fail
from oars.cli.llm import LLMAllowRemote, LLMModel, LLMTimeout, LLMUrl, llm_client
from oars.cli.render import summary_panel
from oars.errors import OarsError
from oars.practice import Exchange, Persona, PracticeSession, find_persona, self_play, shipped_personas

__all__ = ["personas", "practice", "simulate"]

_HELP = """Commands:
  /help              this list
  /card              show the client's card again
  /feedback on|off   show or hide the feedback line under your turns
  /end               end the session: summary (and report, with --report)
Everything else you type is what you say to the client. Ctrl-D also ends the session."""


class SimulateFormat(StrEnum):
    JSON = "json"
    TEXT = "text"


@app.command()
def practice(
    persona: Annotated[
        str | None,
        typer.Option(help="A persona name (see 'oars personas') or a persona .yaml file; default: one by seed."),
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed for the client's replies (sessions are reproducible).")] = 0,
    report: Annotated[
        Path | None, typer.Option(help="Write the HTML fidelity report of the session here at the end.")
    ] = None,
    llm: LLMUrl = None,
    llm_model: LLMModel = None,
    llm_allow_remote: LLMAllowRemote = False,
    llm_timeout: LLMTimeout = None,
) -> None:
    """Practise MI with a simulated client, with MITI feedback after every turn."""
    if report is not None and not report.resolve().parent.is_dir():
        fail(f"{report}: the folder for the report does not exist")  # say so now, not after the session
    try:
        chosen = _persona(persona, seed)
        client = llm_client(llm, llm_model, llm_allow_remote, llm_timeout)
        wording = None
        if client is not None:
            from oars.practice.llm import LLMClientWording

            wording = LLMClientWording(client, seed=seed)
        session = PracticeSession(chosen, seed=seed, wording=wording)
    except OarsError as error:
        fail(str(error))
    console = Console()
    console.print(_card(chosen))
    console.print("[dim]You are the clinician: say your first words. /help for commands.[/dim]")
    show_feedback = True
    while True:
        try:
            text = console.input("[bold]You:[/bold] ").strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        if text.startswith("/"):
            command, _, argument = text.lower().partition(" ")
            if command in ("/end", "/quit", "/exit"):
                break
            show_feedback = _command(console, chosen, command, argument.strip(), show_feedback)
            continue
        if not text:
            continue
        try:
            exchange = session.respond(text)
        except ValueError as error:
            console.print(f"[yellow]{escape(str(error))}[/yellow]")
            continue
        _show(console, chosen, exchange, show_feedback)
    _finish(console, session, report)


def _persona(name: str | None, seed: int) -> Persona:
    if name is not None:
        return find_persona(name)
    shipped = shipped_personas()
    return shipped[sorted(shipped)[seed % len(shipped)]]


def _card(persona: Persona) -> Panel:
    """The persona card: who the clinician is about to see, never the hidden concern."""
    who = f"[bold]{escape(persona.name)}[/bold], {persona.age}"
    if persona.pronouns:
        who += f" ({escape(persona.pronouns)})"
    body = f"{who}\n[italic]{escape(persona.topic)}[/italic]\n\n{escape(persona.situation)}"
    return Panel(body, title="Your client", subtitle="a simulated client, not a real person", border_style="cyan")


def _command(console: Console, persona: Persona, command: str, argument: str, show_feedback: bool) -> bool:
    """Run a slash command; returns whether feedback is shown from now on."""
    if command in ("/help", "/?"):
        console.print(_HELP)
    elif command == "/card":
        console.print(_card(persona))
    elif command == "/feedback" and argument in ("on", "off", ""):
        show_feedback = argument != "off" if argument else not show_feedback
        console.print(f"[dim]Feedback {'on' if show_feedback else 'off'}.[/dim]")
    else:
        console.print(f"[yellow]Unknown command {escape(command)!r}.[/yellow] Type /help for the list.")
    return show_feedback


def _show(console: Console, persona: Persona, exchange: Exchange, show_feedback: bool) -> None:
    if show_feedback:
        feedback = exchange.feedback
        line = f"  ↳ {escape(feedback.label)} — {escape(feedback.description)}"
        if feedback.tip:
            line += f"\n    [yellow]tip:[/yellow] {escape(feedback.tip)}"
        console.print(f"[dim]{line}[/dim]")
    console.print(f"[magenta]{escape(persona.name)}:[/magenta] {escape(exchange.reply.text)}")


def _finish(console: Console, session: PracticeSession, report: Path | None) -> None:
    summary = session.end()
    if not session.exchanges:
        console.print("[dim]No turns to summarise.[/dim]")
        return
    console.print(summary_panel(summary, f"Your session with {session.persona.name} — MITI summary"))
    console.print(_practice_table(session))
    if report is not None:
        try:
            session.write_report(report)
        except OSError as error:
            fail(f"{report}: cannot write the report: {error.strerror or error}", code=1)
        console.print(f"HTML report written to {escape(str(report))}", highlight=False)


def _practice_table(session: PracticeSession) -> Table:
    received = session.receptivity
    table = Table(title="How the client moved", show_header=False)
    table.add_column("What")
    table.add_column("Value")
    table.add_row("Receptivity", f"{received[0]:.2f} → {received[-1]:.2f} (lowest {min(received):.2f})")
    for label, share in (
        ("Change talk (coded)", session.change_share()),
        ("Change talk (meant)", session.change_share(intended=True)),
    ):
        table.add_row(label, "—" if share is None else f"{share:.0%}")
    revealed = session.revealed_at
    table.add_row("Hidden concern", f"disclosed after turn {revealed}" if revealed else "not disclosed")
    replies = [e.reply for e in session.exchanges]
    if any(r.wording_why or r.worded_by == "model" for r in replies):
        model = sum(r.worded_by == "model" for r in replies)
        reasons = Counter(why.split(": ", 2)[-1].split(";")[0] for r in replies for why in r.wording_why[-1:])
        why = "; ".join(f"{escape(k)} ({n})" for k, n in reasons.most_common(3))
        table.add_row("Worded by the model", f"{model} of {len(replies)} replies" + (f" — else: {why}" if why else ""))
    return table


@app.command()
def personas() -> None:
    """List the simulated clients that come with oars."""
    try:
        found = shipped_personas()
    except OarsError as error:
        fail(str(error), code=1)
    table = Table(title="oars personas (use: oars practice --persona NAME)")
    for column in ("Name", "Client", "Age", "Topic", "Stage", "Receptivity", "Style"):
        table.add_column(column, justify="right" if column in ("Age", "Receptivity") else "left")
    for persona in found.values():
        table.add_row(
            persona.id,
            escape(persona.name),
            str(persona.age),
            escape(persona.topic),
            persona.stage.value,
            f"{persona.receptivity:.2f}",
            persona.voice.style.value,
        )
    Console().print(table)


@app.command()
def simulate(
    persona: Annotated[str, typer.Option(help="A persona name, a persona .yaml file, or 'all'.")],
    turns: Annotated[int, typer.Option(min=1, max=200, help="Client replies per session.")] = 12,
    seed: Annotated[int, typer.Option(help="Seed of the first session (the counsellor's and the client's).")] = 0,
    sessions: Annotated[int, typer.Option(min=1, max=100, help="Sessions per persona, seeds seed, seed+1, …")] = 1,
    output_format: Annotated[SimulateFormat, typer.Option("--format", "-f", help="json or text.")] = (
        SimulateFormat.JSON
    ),
) -> None:
    """Run the oars counsellor against simulated clients (self-play), for regression testing."""
    try:
        chosen = list(shipped_personas().values()) if persona == "all" else [find_persona(persona)]
        runs = [self_play(p, turns=turns, seed=seed + i) for p in chosen for i in range(sessions)]
    except OarsError as error:
        fail(str(error))
    if output_format is SimulateFormat.JSON:
        payload = {"sessions": [run.to_dict() for run in runs]}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    for run in runs:
        sys.stdout.write(f"# {run.id} ({run.persona.name}, {run.persona.topic})\n")
        for turn in run.to_dict()["turns"]:
            who = "Counsellor" if turn["speaker"] == "counsellor" else run.persona.name
            sys.stdout.write(f"{who}: {turn['text']}\n")
        sys.stdout.write("receptivity: " + " ".join(f"{r:.2f}" for r in run.receptivity) + "\n\n")
