"""Server-rendered SVG charts for the clinician's pages: questionnaire totals over their severity bands, rulers.

No JavaScript chart library: the page works offline, prints, and is read by a screen reader through each
chart's ``<title>`` / ``<desc>`` and the table the template puts beside it. Points are spaced evenly in
the order they were taken (the dates are on the axis), so a burst of answers on one day stays readable.
Every text that reaches the SVG goes through ``Markup.format``, which escapes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from oars.measures import Questionnaire, RulerKind
from oars.web.clinical import SEVERITY_RANK, MeasureResult, RulerResult

__all__ = ["measure_chart", "ruler_chart"]

_WIDTH, _HEIGHT = 640, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 40, 170, 12, 30  # the right margin holds "moderately severe (15–19)"
_BAND_FILLS = ("#e3f2e6", "#f4f1d0", "#fbe3c7", "#f8cfc0", "#f2b8b5")  # minimal … severe, light enough for text
_INK, _GRID = "#1f2933", "#9aa5b1"
_RULER_COLOURS = {RulerKind.IMPORTANCE: "#1c5f99", RulerKind.CONFIDENCE: "#2d7d46", RulerKind.READINESS: "#8a3ea8"}
_RULER_DASHES = {RulerKind.IMPORTANCE: "", RulerKind.CONFIDENCE: "6 3", RulerKind.READINESS: "2 3"}


def measure_chart(questionnaire: Questionnaire, results: Sequence[MeasureResult], *, chart_id: str) -> Markup:
    """The totals of one questionnaire over time, over its severity bands shaded and labelled."""
    top = questionnaire.max_total
    bands = Markup("").join(
        Markup(
            '<rect x="{x}" y="{y:.1f}" width="{w}" height="{h:.1f}" fill="{fill}"/>'
            '<text x="{tx}" y="{ty:.1f}" fill="{ink}" font-size="11">{label} ({lo}–{hi})</text>'
        ).format(
            x=_LEFT,
            y=_y(band.max + 1, top),
            w=_WIDTH - _LEFT - _RIGHT,
            h=_y(band.min, top) - _y(band.max + 1, top),
            fill=_BAND_FILLS[SEVERITY_RANK.get(band.label, 0)],
            tx=_WIDTH - _RIGHT + 6,
            ty=(_y(band.min, top) + _y(band.max + 1, top)) / 2 + 4,
            ink=_INK,
            label=band.label,
            lo=band.min,
            hi=band.max,
        )
        for band in questionnaire.bands
    )
    points = [(i, r.total) for i, r in enumerate(results)]
    summary = (
        f"{len(results)} result{'s' if len(results) > 1 else ''}; "
        f"newest {results[-1].total} ({results[-1].band}) on {results[-1].at:%d %b %Y}"
        if results
        else "No results yet."
    )
    return _frame(
        chart_id,
        f"{questionnaire.name} total over time",
        summary,
        bands
        + _axis(top, (0, top // 3, 2 * top // 3, top))
        + _series(points, len(results), top, _INK, "")
        + _dates([r.at.strftime("%d %b") for r in results]),
    )


def ruler_chart(results: Sequence[RulerResult], *, chart_id: str) -> Markup:
    """Importance, confidence and readiness (0–10) over time, one line each, told apart by colour and dash."""
    lines, legend = Markup(""), Markup("")
    for row, kind in enumerate(RulerKind):
        points = [(i, r.value) for i, r in enumerate(results) if r.kind == kind.value]
        lines += _series(points, len(results), 10, _RULER_COLOURS[kind], _RULER_DASHES[kind])
        legend += Markup(
            '<line x1="{x}" y1="{y}" x2="{x2}" y2="{y}" stroke="{c}" stroke-width="2.5" stroke-dasharray="{d}"/>'
            '<text x="{tx}" y="{ty}" fill="{ink}" font-size="11">{label}</text>'
        ).format(
            x=_WIDTH - _RIGHT + 6,
            x2=_WIDTH - _RIGHT + 30,
            y=_TOP + 12 + row * 18,
            c=_RULER_COLOURS[kind],
            d=_RULER_DASHES[kind],
            tx=_WIDTH - _RIGHT + 36,
            ty=_TOP + 16 + row * 18,
            ink=_INK,
            label=kind.value,
        )
    newest = {
        kind.value: next((r.value for r in reversed(results) if r.kind == kind.value), None) for kind in RulerKind
    }
    summary = (
        "; ".join(f"{k} {v if v is not None else '–'}" for k, v in newest.items()) if results else "No answers yet."
    )
    return _frame(chart_id, "Readiness rulers over time", f"Newest: {summary}", _axis(10, (0, 5, 10)) + lines + legend)


def _frame(chart_id: str, title: str, description: str, body: Markup) -> Markup:
    return Markup(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" font-family="system-ui, sans-serif" '
        'aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title>'
        '<desc id="{id}-desc">{desc}</desc>{body}</svg>'
    ).format(w=_WIDTH, h=_HEIGHT, id=chart_id, title=title, desc=description, body=body)


def _y(value: float, top: int) -> float:
    return _TOP + (1 - value / (top + 1)) * (_HEIGHT - _TOP - _BOTTOM)


def _x(position: int, count: int) -> float:
    span = _WIDTH - _LEFT - _RIGHT
    return _LEFT + span / 2 if count <= 1 else _LEFT + 12 + position * (span - 24) / (count - 1)


def _axis(top: int, ticks: Sequence[int]) -> Markup:
    return Markup("").join(
        Markup(
            '<line x1="{l}" y1="{y:.1f}" x2="{r}" y2="{y:.1f}" stroke="{g}" stroke-width="0.5"/>'
            '<text x="{tx}" y="{ty:.1f}" fill="{ink}" font-size="11" text-anchor="end">{v}</text>'
        ).format(l=_LEFT, r=_WIDTH - _RIGHT, y=_y(v, top), g=_GRID, tx=_LEFT - 6, ty=_y(v, top) + 4, ink=_INK, v=v)
        for v in ticks
    )


def _series(points: Sequence[tuple[int, int]], count: int, top: int, colour: str, dash: str) -> Markup:
    """A line through (position among ``count``, value) points, with a dot and a tooltip at each."""
    if not points:
        return Markup("")
    placed = [(_x(position, count), _y(value, top), value) for position, value in points]
    dots = Markup("").join(
        Markup('<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{c}"><title>{v}</title></circle>').format(
            x=x, y=y, c=colour, v=value
        )
        for x, y, value in placed
    )
    return Markup(
        '<polyline points="{p}" fill="none" stroke="{c}" stroke-width="2.5" stroke-dasharray="{d}"/>{dots}'
    ).format(p=" ".join(f"{x:.1f},{y:.1f}" for x, y, _ in placed), c=colour, d=dash, dots=dots)


def _dates(labels: Sequence[str]) -> Markup:
    if not labels:
        return Markup("")
    shown = {0, len(labels) - 1} if len(labels) > 6 else set(range(len(labels)))
    return Markup("").join(
        Markup('<text x="{x:.1f}" y="{y}" fill="{ink}" font-size="11" text-anchor="middle">{t}</text>').format(
            x=_x(i, len(labels)), y=_HEIGHT - 10, ink=_INK, t=label
        )
        for i, label in enumerate(labels)
        if i in shown
    )
