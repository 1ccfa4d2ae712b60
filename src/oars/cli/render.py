"""Rich renderings of coded transcripts and their summaries for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from oars.coder import CodedTranscript, CodedUtterance, SessionSummary

__all__ = ["coded_table", "summary_panel", "transcripts_table"]

_LEVEL_STYLE = {"good": "bold green", "fair": "yellow", "below fair": "bold red", "not enough data": "dim"}
_TALK_STYLE = {"change": "green", "sustain": "red", "neutral": "dim"}
_LOW_CONFIDENCE = 0.5
_SCORE_LABELS = {
    "r_q": "Reflection : question",
    "pct_cr": "% complex reflections",
    "pct_open": "% open questions",
    "pct_mic": "% MI-adherent",
    "technical": "Technical global (est.)",
    "relational": "Relational global (est.)",
}


def coded_table(coded: CodedTranscript) -> Table:
    """Every utterance with its codes; low-confidence codes are marked for a human to check."""
    table = Table(title=f"{coded.id} — coded utterances", expand=True, show_lines=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Speaker", no_wrap=True)
    table.add_column("Text", ratio=1)
    table.add_column("Codes", no_wrap=True)
    table.add_column("Conf.", justify="right", no_wrap=True)
    for u in coded.utterances:
        table.add_row(str(u.index), u.speaker.value, u.text, _codes(u), _confidence(u.confidence))
    return table


def summary_panel(summary: SessionSummary, title: str) -> Panel:
    """MITI summary scores against thresholds, counts, estimated globals and the feedback paragraph."""
    scores = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    for column in ("Score", "Value", "Fair", "Good", "Level"):
        scores.add_column(column, justify="left" if column in ("Score", "Level") else "right")
    for name, p in summary.proficiency.items():
        level = Text(p.level, style=_LEVEL_STYLE[p.level])
        scores.add_row(_SCORE_LABELS[name], _number(name, p.value), _number(name, p.fair), _number(name, p.good), level)
    counts = " · ".join(f"{code} {n}" for code, n in summary.counts.items())
    g = summary.globals
    talk = summary.talk
    ct = "n/a" if summary.pct_change_talk is None else f"{summary.pct_change_talk:.0%}"
    body = Group(
        scores,
        Text(""),
        Text(f"MITI counts: {counts}   MIA {summary.mia} · MINA {summary.mina}"),
        Text(
            f"Client: change {talk['change']} · sustain {talk['sustain']} · neutral {talk['neutral']}"
            f"   % change talk {ct}"
        ),
        Text(
            f"Estimated globals (1–5): cultivating change talk {g.cultivating_change_talk} · softening sustain "
            f"talk {g.softening_sustain_talk} · partnership {g.partnership} · empathy {g.empathy}",
            style="italic",
        ),
        Text(""),
        Text(summary.feedback),
    )
    return Panel(body, title=title, title_align="left")


def transcripts_table(coded: Sequence[CodedTranscript]) -> Table:
    """One row per transcript: the figures a supervisor compares across sessions."""
    table = Table(title=f"{len(coded)} transcripts", expand=False)
    # Names are what the reader looks for: the numbers give way first, a name folds rather than truncates.
    table.add_column("Transcript", min_width=min(max((len(c.id) for c in coded), default=10), 40), overflow="fold")
    for column in ("Utt.", "R:Q", "%CR", "%open", "MIA", "MINA", "%CT", "Tech.*", "Rel.*"):
        table.add_column(column, justify="right", no_wrap=True)
    for c in coded:
        s = c.summary
        table.add_row(
            c.id,
            str(len(c)),
            _number("r_q", s.r_q),
            _number("pct_cr", s.pct_cr),
            _number("pct_open", s.pct_open),
            str(s.mia),
            str(s.mina),
            _number("pct_cr", s.pct_change_talk),
            _number("technical", s.globals.technical),
            _number("relational", s.globals.relational),
        )
    table.caption = "* estimated global ratings (1–5)"
    return table


def _codes(u: CodedUtterance) -> RenderableType:
    if u.talk is not None:
        label = u.talk.value + (f" · {u.darn_cat.value}" if u.darn_cat else "")
        return Text(label, style=_TALK_STYLE[u.talk.value])
    main = u.behaviour.value if u.behaviour else ""
    if u.subtype:
        main += f" ({u.subtype})"
    miti = " ".join(code.value for code in u.miti)
    return Text(f"{main}  {miti}".strip())


def _confidence(value: float) -> Text:
    if value < _LOW_CONFIDENCE:
        return Text(f"{value:.2f} check", style="yellow")
    return Text(f"{value:.2f}")


def _number(name: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    if name.startswith("pct_"):
        return f"{value:.0%}"
    return f"{value:.1f}"
