"""``oars chat`` (interactive and scripted) and ``oars sessions``: the MI counsellor from the terminal."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from oars.chat import Counsellor, EventStore, MemoryStore, Turn, export_session
from oars.chat.export import wording_summary
from oars.cli.app import app, fail
from oars.cli.llm import LLMAllowRemote, LLMModel, LLMTimeout, LLMUrl, llm_client
from oars.cli.measures import ask_questionnaire, ask_rulers
from oars.errors import OarsError
from oars.llm import ChatClient
from oars.say.base import Realiser
from oars.transcript.model import Speaker

__all__ = ["chat", "sessions_app"]

SEPARATOR = "---"
_HELP = """Commands:
  /help    this list
  /plan    show your change plan so far
  /rulers  rate importance, confidence and readiness (0-10)
  /phq9    the PHQ-9 mood questionnaire
  /gad7    the GAD-7 anxiety questionnaire
  /quit    end the session with a summary (Ctrl-D also works)
Everything else you type is your message."""


def open_events_store(db: str | None) -> EventStore:
    """``memory`` keeps nothing; anything else is a database URL (default: SQLite in the data folder)."""
    if db == "memory":
        return MemoryStore()
    from oars.store import open_store

    return open_store(db)


@app.command()
def chat(
    topic: Annotated[str | None, typer.Option(help="What the session is about, if known: drinking, smoking, …")] = None,
    locale: Annotated[str, typer.Option(help="Crisis resources for this country: US, GB, IE, CA, AU, NZ.")] = "US",
    db: Annotated[
        str | None,
        typer.Option(help="Database URL (default: SQLite in your data folder); 'memory' stores nothing."),
    ] = None,
    resume: Annotated[str | None, typer.Option(help="Continue a stored session (its id or a unique prefix).")] = None,
    script: Annotated[
        Path | None,
        typer.Option(help="Play each line of FILE as the client; a '---' line starts a new session."),
    ] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="Script output: json or text.")] = "json",
    seed: Annotated[int, typer.Option(help="Seed for the wording choices (runs are reproducible).")] = 0,
    llm: LLMUrl = None,
    llm_model: LLMModel = None,
    llm_allow_remote: LLMAllowRemote = False,
    llm_timeout: LLMTimeout = None,
) -> None:
    """Talk with the oars MI counsellor (an automated program, not a person)."""
    if output_format not in ("json", "text"):  # before anything is opened
        fail(f"unknown --format {output_format!r}; choose json or text")
    try:
        realiser = _realiser(llm_client(llm, llm_model, llm_allow_remote, llm_timeout), seed)
        store = open_events_store(db)
        if script is not None:
            _run_script(
                script, store, topic=topic, locale=locale, seed=seed, output_format=output_format, realiser=realiser
            )
            return
        counsellor = _session(store, resume, topic=topic, locale=locale, seed=seed, realiser=realiser)
        _interactive(counsellor, saved=not isinstance(store, MemoryStore))
    except OarsError as error:
        fail(str(error))


def _realiser(client: ChatClient | None, seed: int) -> Realiser | None:
    """The language-model realiser over ``client``, or ``None`` (the counsellor's built-in realiser)."""
    if client is None:
        return None
    from oars.say.llm import LLMRealiser

    return LLMRealiser(client, seed=seed)


def _session(store: EventStore, resume: str | None, **options: object) -> Counsellor:
    if resume is None:
        return Counsellor(store=store, channel="cli", **options)  # type: ignore[arg-type]
    session_id = store.find(resume) if hasattr(store, "find") else resume
    return Counsellor.resume(session_id, store, realiser=options.get("realiser"))


# --- scripted runs ----------------------------------------------------------------------------------


def read_script(path: Path) -> list[list[str]]:
    """Client lines per session; blank lines skipped, ``---`` separates sessions."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        fail(f"{path}: cannot read the script: {error.strerror or error}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        fail(f"{path}, line {line}: not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8")
    sessions: list[list[str]] = [[]]
    for line in text.splitlines():
        stripped = line.strip()
        if stripped == SEPARATOR:
            sessions.append([])
        elif stripped:
            sessions[-1].append(stripped)
    sessions = [s for s in sessions if s]
    if not sessions:
        fail(f"{path}: the script has no client lines")
    return sessions


def _run_script(
    path: Path,
    store: EventStore,
    *,
    topic: str | None,
    locale: str,
    seed: int,
    output_format: str,
    realiser: Realiser | None = None,
) -> None:
    results = []
    for lines in read_script(path):
        counsellor = Counsellor(
            store=store,
            channel="script",
            topic=topic,
            locale=locale,
            seed=seed,
            realiser=realiser,
        )
        counsellor.start()
        for line in lines:
            if counsellor.ended:
                break
            counsellor.reply(line)
        results.append(counsellor)
    if output_format == "json":
        payload = {"sessions": [export_session(c) for c in results]}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        for counsellor in results:
            sys.stdout.write(_as_text(counsellor.turns, counsellor.session_id) + "\n")


def _as_text(turns: list[Turn], session_id: str) -> str:
    lines = [f"# session {session_id}"]
    for turn in turns:
        who = "Counsellor" if turn.speaker is Speaker.COUNSELLOR else "Client"
        tag = f"  [{turn.move}{_worded(turn)}]" if turn.move else (f"  [{turn.talk}]" if turn.talk else "")
        lines.append(f"{who}: {turn.text}{tag}")
    summary = wording_summary(turns)
    if summary is not None:
        reasons = ", ".join(f"{why} ({n})" for why, n in summary["fallback_reasons"].items()) or "none"
        lines.append(
            f"# worded by the language model: {summary['model']} turns; built-in: {summary['builtin']} (why: {reasons})"
        )
    return "\n".join(lines) + "\n"


def _worded(turn: Turn) -> str:
    """`` · model`` / `` · built-in`` for a session with a language-model realiser, else nothing."""
    if turn.wording is None:
        return ""
    return " · model" if turn.wording.get("by") == "model" else " · built-in"


# --- interactive ------------------------------------------------------------------------------------


def _interactive(counsellor: Counsellor, *, saved: bool = True) -> None:
    console = Console()
    console.print(
        Panel(
            "This is an automated program, not a person. Type /help for commands.\n"
            f"Session {counsellor.session_id[:8]} — resume later with: oars chat --resume {counsellor.session_id[:8]}",
            title="oars",
            border_style="cyan",
        )
    )
    for turn in counsellor.turns:
        _show(console, turn)
    if not counsellor.turns:
        _show(console, counsellor.start())
    while not counsellor.ended:
        try:
            text = console.input("[bold]You:[/bold] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            _show(console, counsellor.end())
            break
        if text.strip().startswith("/"):
            _command(console, counsellor, text.strip().lower())
            continue
        if not text.strip():
            console.print("[dim](type a message, or /help)[/dim]")
            continue
        _show(console, counsellor.reply(text))
    if saved:
        console.print(f"[dim]Session saved as {counsellor.session_id}.[/dim]")
    else:
        console.print("[dim]Nothing was saved (--db memory).[/dim]")


def _command(console: Console, counsellor: Counsellor, command: str) -> None:
    if command in ("/help", "/?"):
        console.print(_HELP)
    elif command == "/plan":
        console.print(Panel(counsellor.plan.to_text(), title="Your change plan", border_style="green"))
    elif command == "/rulers":
        ask_rulers(console, counsellor)
    elif command in ("/phq9", "/gad7"):
        turn = ask_questionnaire(console, counsellor, command[1:])
        if turn is not None:
            _show(console, turn)
    elif command in ("/quit", "/exit", "/end"):
        _show(console, counsellor.end())
    else:
        console.print(f"[yellow]Unknown command {command!r}.[/yellow] Type /help for the list.")


def _show(console: Console, turn: Turn) -> None:
    if turn.speaker is Speaker.CLIENT:
        return
    if turn.crisis:
        console.print(Panel(turn.text, title="Your safety comes first", border_style="red"))
    else:
        console.print(f"[cyan]Counsellor:[/cyan] {turn.text}")


# --- stored sessions --------------------------------------------------------------------------------

sessions_app = typer.Typer(help="List, show, export or delete stored chat sessions.", no_args_is_help=False)
app.add_typer(sessions_app, name="sessions")


@sessions_app.callback(invoke_without_command=True)
def _sessions(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option(help="Database URL (default: SQLite in your data folder).")] = None,
    flagged: Annotated[bool, typer.Option("--flagged", help="Only sessions with an open crisis flag.")] = False,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
) -> None:
    """List stored sessions, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    from oars.store import open_store

    try:
        rows = open_store(db).list_sessions(limit=limit, flagged=True if flagged else None)
    except OarsError as error:
        fail(str(error))
    table = Table(title="oars sessions")
    for column in ("Id", "Updated", "Topic", "Turns", "Status", "Flag", "Starts with"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row.id[:8],
            row.updated_at.strftime("%Y-%m-%d %H:%M"),
            row.topic or "",
            str(row.turns),
            row.status,
            "FLAG" if row.flagged else "",
            row.preview,
        )
    Console().print(table)


@sessions_app.command("show")
def show_session(
    session: Annotated[str, typer.Argument(help="Session id or unique prefix.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    db: Annotated[str | None, typer.Option(help="Database URL.")] = None,
) -> None:
    """Export one session as plain text or JSON (transcript, moves, plan, measures)."""
    from oars.store import open_store

    try:
        store = open_store(db)
        counsellor = Counsellor.resume(store.find(session), store)
    except OarsError as error:
        fail(str(error))
    if output_format == "json":
        sys.stdout.write(json.dumps(export_session(counsellor, detail=True), indent=2, ensure_ascii=False) + "\n")
    elif output_format == "text":
        sys.stdout.write(_as_text(counsellor.turns, counsellor.session_id))
        if counsellor.plan.started:
            sys.stdout.write("\n" + counsellor.plan.to_text() + "\n")
    else:
        fail(f"unknown --format {output_format!r}; choose text or json")


@sessions_app.command("delete")
def delete_session(
    session: Annotated[str, typer.Argument(help="Session id or unique prefix.")],
    db: Annotated[str | None, typer.Option(help="Database URL.")] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a session and everything stored about it."""
    from oars.store import open_store

    try:
        store = open_store(db)
        session_id = store.find(session)
        if not yes and not typer.confirm(f"Delete session {session_id}?"):
            raise typer.Exit(1)
        store.delete_session(session_id)
    except OarsError as error:
        fail(str(error))
    Console().print(f"Deleted session {session_id}.")
