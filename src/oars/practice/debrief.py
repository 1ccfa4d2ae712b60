"""The practice report's own section: how the simulated client moved, and who they were.

Added to the ``oars code`` report (``oars.report``) as an extra section: a small line chart of the
client's receptivity and of the share of change talk over the session, a few figures, and the debrief a
trainer would give afterwards — the persona's background and the hidden concern, which the clinician was
not told. Everything from the persona file goes through ``markupsafe`` escaping: a persona is a file
someone wrote, not markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from oars.report import ReportSection

if TYPE_CHECKING:
    from oars.practice.session import PracticeSession

__all__ = ["chart_svg", "debrief_section"]

_WIDTH, _HEIGHT = 640, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 48, 16, 16, 58
_RECEPTIVITY, _CODED, _MEANT = "#1f4e79", "#2d7d46", "#c2571a"


def debrief_section(session: PracticeSession) -> ReportSection:
    """The report section for a practice session."""
    persona = session.persona
    received = session.receptivity
    revealed = session.revealed_at
    coded, meant = session.change_share(), session.change_share(intended=True)
    rows = Markup("").join(
        Markup("<tr><th>{}</th><td>{}</td></tr>").format(label, value)
        for label, value in (
            ("Client", f"{persona.name}, {persona.age} — {persona.topic} (persona {persona.id}, seed {session.seed})"),
            ("Stage of change", persona.stage.value),
            ("Receptivity", f"{received[0]:.2f} at the start → {received[-1]:.2f} at the end"),
            ("Change talk, as coded", _percent(coded)),
            ("Change talk, as the simulator meant it", _percent(meant)),
            (
                "Hidden concern",
                f"disclosed after turn {revealed}" if revealed else "not disclosed: more listening was needed",
            ),
        )
    )
    html = Markup(
        '<figure class="figure">{chart}<figcaption>Receptivity of the simulated client (0–1) after each of your '
        "turns, and the share of change talk among its change and sustain talk so far, as the coder coded it "
        "and as the simulator meant it.</figcaption></figure>"
        '<table class="practice"><tbody>{rows}</tbody></table>'
        "<h3>About this client</h3><p>{background}</p>"
        "<h3>What they were not saying</h3><p>{hidden}</p>"
    ).format(
        chart=chart_svg(received, session.change_shares(), session.change_shares(intended=True), revealed),
        rows=rows,
        background=persona.background,
        hidden=persona.hidden_concern.disclosure,
    )
    return ReportSection("Practice: how the client moved", html)


def chart_svg(
    receptivity: Sequence[float],
    coded: Sequence[float | None],
    meant: Sequence[float | None],
    revealed: int | None = None,
) -> Markup:
    """A line chart: receptivity from the start (x = 0) and change-talk shares after each turn (x = 1…n), with
    a marker at the turn after which the hidden concern came out."""
    turns = max(1, len(receptivity) - 1)
    plot_w, plot_h = _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM

    def x(i: int) -> float:
        return _LEFT + plot_w * i / turns

    def y(v: float) -> float:
        return _TOP + plot_h * (1 - v)

    grid = Markup("").join(
        Markup(
            '<line x1="{l}" y1="{y:.1f}" x2="{r}" y2="{y:.1f}" stroke="#e4e9ef" />'
            '<text x="{tx}" y="{ty:.1f}" text-anchor="end" fill="#52606d">{label}</text>'
        ).format(l=_LEFT, r=_WIDTH - _RIGHT, y=y(v), tx=_LEFT - 6, ty=y(v) + 3.5, label=f"{v:g}")
        for v in (0.0, 0.25, 0.5, 0.75, 1.0)
    )
    step = max(1, turns // 10)
    ticks = Markup("").join(
        Markup('<text x="{:.1f}" y="{:.1f}" text-anchor="middle" fill="#52606d">{}</text>').format(
            x(i), _HEIGHT - _BOTTOM + 15, i
        )
        for i in range(0, turns + 1, step)
    )
    marker = Markup("")
    if revealed is not None:
        marker = Markup(
            '<line x1="{x:.1f}" y1="{t}" x2="{x:.1f}" y2="{b}" stroke="#7b8794" stroke-dasharray="3 3" />'
            '<text x="{tx:.1f}" y="{ty}" fill="#52606d">hidden concern</text>'
        ).format(x=x(revealed), t=_TOP, b=_HEIGHT - _BOTTOM, tx=x(revealed) + 4, ty=_TOP + 10)
    lines = marker + (
        _polyline([(x(i), y(v)) for i, v in enumerate(receptivity)], _RECEPTIVITY, "")
        + _polyline([(x(i), y(v)) for i, v in enumerate(coded, 1) if v is not None], _CODED, "6 4")
        + _polyline([(x(i), y(v)) for i, v in enumerate(meant, 1) if v is not None], _MEANT, "2 3")
    )
    legend = Markup("").join(
        Markup(
            '<line x1="{x}" y1="{y}" x2="{x2}" y2="{y}" stroke="{c}" stroke-width="2" stroke-dasharray="{d}" />'
            '<text x="{tx}" y="{ty}" fill="#243b53">{label}</text>'
        ).format(x=lx, x2=lx + 22, y=_HEIGHT - 12, c=colour, d=dash, tx=lx + 27, ty=_HEIGHT - 8, label=label)
        for lx, colour, dash, label in (
            (_LEFT, _RECEPTIVITY, "", "receptivity"),
            (_LEFT + 130, _CODED, "6 4", "% change talk (coded)"),
            (_LEFT + 320, _MEANT, "2 3", "% change talk (meant)"),
        )
    )
    return Markup(
        '<svg class="practice-chart" viewBox="0 0 {w} {h}" width="100%" role="img" font-size="11" '
        'aria-labelledby="practice-chart-title"><title id="practice-chart-title">Receptivity and change talk over '
        "{n} turns: receptivity from {start:.2f} to {end:.2f}</title>{grid}{ticks}"
        '<text x="{mid:.1f}" y="{xl}" text-anchor="middle" fill="#52606d">clinician turn</text>{lines}{legend}</svg>'
    ).format(
        w=_WIDTH,
        h=_HEIGHT,
        n=turns,
        start=receptivity[0] if receptivity else 0.0,
        end=receptivity[-1] if receptivity else 0.0,
        grid=grid,
        ticks=ticks,
        mid=_LEFT + plot_w / 2,
        xl=_HEIGHT - _BOTTOM + 30,
        lines=lines,
        legend=legend,
    )


def _polyline(points: Sequence[tuple[float, float]], colour: str, dash: str) -> Markup:
    if not points:
        return Markup("")
    dots = Markup("").join(
        Markup('<circle cx="{:.1f}" cy="{:.1f}" r="2.4" fill="{}" />').format(px, py, colour) for px, py in points
    )
    return Markup('<polyline points="{}" fill="none" stroke="{}" stroke-width="2" stroke-dasharray="{}" />{}').format(
        " ".join(f"{px:.1f},{py:.1f}" for px, py in points), colour, dash, dots
    )


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"
