"""The self-contained HTML fidelity report: what a supervisor sends a trainee after a coded session.

The report is one file with no network needs: inline CSS, inline SVG, no fonts, images or scripts from
elsewhere, so it can be emailed, archived with a clinical record or opened on an air-gapped machine.
Transcripts are untrusted input: every piece of their text goes through Jinja2's autoescaping in the
page, and through ``markupsafe`` in the SVG, so a transcript line can never become markup.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from oars import __version__
from oars.coder.coder import CodedTranscript, CodedUtterance
from oars.coder.labels import Behaviour, DarnCat, MitiCode, Talk
from oars.coder.summary import Proficiency, SessionSummary
from oars.files import write_atomic

__all__ = ["NOTE", "ReportSection", "render_report", "timeline_svg", "write_report"]

NOTE = "Automated coding by oars (MITI 4.2.1 behaviour codes; AnnoMI-trained model). Global ratings are estimates."
LOW_CONFIDENCE = 0.5  # below this the model is closer to a guess than a code: the row asks for a check

MITI_NAMES: dict[MitiCode, str] = {
    MitiCode.GI: "Giving Information",
    MitiCode.PERSUADE: "Persuade",
    MitiCode.PERSUADE_WITH_PERMISSION: "Persuade with Permission",
    MitiCode.QUESTION: "Question",
    MitiCode.SIMPLE_REFLECTION: "Simple Reflection",
    MitiCode.COMPLEX_REFLECTION: "Complex Reflection",
    MitiCode.AFFIRM: "Affirm",
    MitiCode.SEEK: "Seeking Collaboration",
    MitiCode.EMPHASIZE: "Emphasizing Autonomy",
    MitiCode.CONFRONT: "Confront",
}
_LEVEL_SYMBOLS = {"good": "✓", "fair": "◐", "below fair": "✗", "not enough data": "–"}


@dataclass(frozen=True)
class ReportSection:
    """A section another part of oars adds after the summary (practice mode: how the simulated client's
    receptivity moved).

    ``html`` is inserted as it is, so it must be a fragment that oars code built with its own escaping,
    never raw text from a user or a transcript; ``title`` is plain text and is escaped.
    """

    title: str
    html: Markup | str


# ----------------------------------------------------------------------------------------------------
# Public API
# ----------------------------------------------------------------------------------------------------


def render_report(
    coded: CodedTranscript | Sequence[CodedTranscript],
    *,
    title: str | None = None,
    extra_sections: Sequence[ReportSection] = (),
    generated_at: datetime | None = None,
) -> str:
    """The full HTML page for one coded transcript, or for several with a summary table across them."""
    transcripts = (coded,) if isinstance(coded, CodedTranscript) else tuple(coded)
    if not transcripts:
        raise ValueError("render_report needs at least one coded transcript")
    many = len(transcripts) > 1
    views = [_transcript_view(t, number, f"t{number}-" if many else "") for number, t in enumerate(transcripts, 1)]
    generated = generated_at or datetime.now().astimezone()
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=title or _default_title(transcripts),
            views=views,
            many=many,
            extras=[(s.title, Markup(s.html)) for s in extra_sections],
            generated_iso=generated.isoformat(timespec="seconds"),
            generated_text=_when(generated),
            version=__version__,
            note=NOTE,
            miti_names=MITI_NAMES,
            darn_cat=tuple(DarnCat),
        )
    )


def write_report(
    path: str | os.PathLike[str], coded: CodedTranscript | Sequence[CodedTranscript], **kwargs: Any
) -> None:
    """Render the report (same keywords as ``render_report``) and write it to ``path`` atomically.

    The page is rendered in memory before anything touches the disk, then written to a temporary file
    beside ``path`` and renamed over it: a failure leaves the previous report or none, never half a page.
    """
    write_atomic(Path(path), render_report(coded, **kwargs))


# ----------------------------------------------------------------------------------------------------
# The view the template lays out: every figure is formatted here, so the template only arranges text.
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Score:
    """One summary score as the report shows it."""

    label: str
    value: str
    fair: str
    good: str
    level: str
    basis: str
    source: str

    @property
    def symbol(self) -> str:
        return _LEVEL_SYMBOLS[self.level]

    @property
    def css(self) -> str:
        return "level-" + self.level.replace(" ", "-")


@dataclass(frozen=True)
class _Rating:
    label: str
    value: float
    bar: Markup


@dataclass(frozen=True)
class _Chip:
    label: str
    kind: str  # CSS class
    title: str


@dataclass(frozen=True)
class _Row:
    anchor: str
    index: int
    clock: str | None
    speaker: str
    who: str
    text: str
    chips: tuple[_Chip, ...]
    confidence: str
    check: bool


@dataclass(frozen=True)
class _View:
    number: int
    ids: str  # prefix for every element id, so several transcripts can share one page
    coded: CodedTranscript
    summary: SessionSummary
    scores: dict[str, _Score]
    ratings: tuple[_Rating, ...]
    timeline: Markup
    rows: tuple[_Row, ...]

    @property
    def change_talk(self) -> str:
        return _format(self.summary.pct_change_talk, "percent")

    @property
    def low_confidence(self) -> int:
        return sum(row.check for row in self.rows)


def _transcript_view(coded: CodedTranscript, number: int, ids: str) -> _View:
    summary = coded.summary
    return _View(
        number=number,
        ids=ids,
        coded=coded,
        summary=summary,
        scores=_scores(summary, coded.utterances),
        ratings=_ratings(summary),
        timeline=timeline_svg(coded, id_prefix=ids),
        rows=tuple(_row(u, ids) for u in coded.utterances),
    )


_Kind = Literal["ratio", "percent", "rating"]


@dataclass(frozen=True)
class _ScoreSpec:
    label: str
    kind: _Kind
    basis: Callable[[SessionSummary, Sequence[CodedUtterance]], str]


def _reflections(s: SessionSummary) -> int:
    return s.counts[MitiCode.SIMPLE_REFLECTION] + s.counts[MitiCode.COMPLEX_REFLECTION]


def _questions(utterances: Sequence[CodedUtterance], subtype: str | None = None) -> int:
    """Question-behaviour utterances (of one subtype): the base of % open questions."""
    return sum(u.behaviour is Behaviour.QUESTION and subtype in (None, u.subtype) for u in utterances)


# The order is the order of the report's table; labels say what each figure is made of.
_SCORES: dict[str, _ScoreSpec] = {
    "r_q": _ScoreSpec(
        "Reflection : question (R:Q)",
        "ratio",
        lambda s, _: f"{_reflections(s)} reflections / {s.counts[MitiCode.QUESTION]} questions",
    ),
    "pct_cr": _ScoreSpec(
        "% complex reflections (%CR)",
        "percent",
        lambda s, _: f"{s.counts[MitiCode.COMPLEX_REFLECTION]} complex / {_reflections(s)} reflections",
    ),
    "pct_open": _ScoreSpec(
        "% open questions",
        "percent",
        lambda _, u: f"{_questions(u, 'open')} open / {_questions(u)} questions",
    ),
    "pct_mic": _ScoreSpec(
        "% MI-adherent (MIA / (MIA + MINA))",
        "percent",
        lambda s, _: f"{s.mia} MIA / {s.mia + s.mina} MIA + MINA",
    ),
    "technical": _ScoreSpec(
        "Technical global (estimate)",
        "rating",
        lambda s, _: (
            f"(Cultivating {s.globals.cultivating_change_talk:g} + Softening {s.globals.softening_sustain_talk:g}) / 2"
        ),
    ),
    "relational": _ScoreSpec(
        "Relational global (estimate)",
        "rating",
        lambda s, _: f"(Partnership {s.globals.partnership:g} + Empathy {s.globals.empathy:g}) / 2",
    ),
}


def _scores(summary: SessionSummary, utterances: Sequence[CodedUtterance]) -> dict[str, _Score]:
    return {
        key: _score(spec, summary.proficiency[key], spec.basis(summary, utterances))
        for key, spec in _SCORES.items()
        if key in summary.proficiency
    }


def _score(spec: _ScoreSpec, proficiency: Proficiency, basis: str) -> _Score:
    return _Score(
        label=spec.label,
        value=_format(proficiency.value, spec.kind),
        fair=_threshold(proficiency.fair, spec.kind),
        good=_threshold(proficiency.good, spec.kind),
        level=proficiency.level,
        basis=basis,
        source=proficiency.source,
    )


def _format(value: float | None, kind: _Kind) -> str:
    if value is None:
        return "—"
    if kind == "ratio":
        return f"{value:.1f} : 1"
    return f"{value:.0%}" if kind == "percent" else f"{value:.1f}"


def _threshold(value: float, kind: _Kind) -> str:
    if kind == "ratio":
        return f"{value:g} : 1"
    return f"{value:.0%}" if kind == "percent" else f"{value:g}"


def _ratings(summary: SessionSummary) -> tuple[_Rating, ...]:
    g = summary.globals
    return tuple(
        _Rating(label, value, _rating_bar(label, value))
        for label, value in (
            ("Cultivating change talk", g.cultivating_change_talk),
            ("Softening sustain talk", g.softening_sustain_talk),
            ("Partnership", g.partnership),
            ("Empathy", g.empathy),
        )
    )


def _rating_bar(label: str, value: float) -> Markup:
    """A 1–5 bar drawn in SVG rather than CSS so that it prints (browsers drop CSS backgrounds)."""
    width = 160
    filled = (min(5.0, max(1.0, value)) - 1) / 4 * width
    ticks = Markup("").join(
        Markup('<line x1="{0:.1f}" y1="3" x2="{0:.1f}" y2="13" stroke="#9fb3c8" stroke-width="1" />').format(
            step * width / 4
        )
        for step in range(5)
    )
    return Markup(
        '<svg class="rating-bar" viewBox="0 0 {w} 16" width="{w}" height="16" role="img" '
        'aria-label="{label}: {value:.1f} out of 5 (estimate)">'
        '<rect x="0" y="5" width="{w}" height="6" rx="3" fill="#e4e9ef" />'
        '<rect x="0" y="5" width="{filled:.1f}" height="6" rx="3" fill="#3d6a8f" />{ticks}</svg>'
    ).format(w=width, label=label, value=value, filled=filled, ticks=ticks)


def _row(u: CodedUtterance, ids: str) -> _Row:
    confidences = [u.confidence] if u.subtype_confidence is None else [u.confidence, u.subtype_confidence]
    confidence = f"{u.confidence:.0%}"
    if u.subtype_confidence is not None:
        confidence += f" · subtype {u.subtype_confidence:.0%}"
    who = u.speaker.value.capitalize() + (f" ({u.utterance.name})" if u.utterance.name else "")
    return _Row(
        anchor=f"{ids}u{u.index}",
        index=u.index,
        clock=None if u.utterance.start is None else _clock(u.utterance.start),
        speaker=u.speaker.value,
        who=who,
        text=u.text,
        chips=_chips(u),
        confidence=confidence,
        check=min(confidences) < LOW_CONFIDENCE,
    )


def _chips(u: CodedUtterance) -> tuple[_Chip, ...]:
    if u.utterance.is_client:
        chips: list[_Chip] = []
        if u.talk is not None:
            chips.append(_Chip(_TALK_LABELS[u.talk], f"talk-{u.talk.value}", "Client talk (AnnoMI)"))
        if u.darn_cat is not None:
            kind = "mobilising" if u.darn_cat.mobilising else "preparatory"
            chips.append(_Chip(_darn_label(u.darn_cat.value), "darn", f"DARN-CAT: {kind} {u.talk} talk"))
        return tuple(chips)
    chips = [_Chip(code.value, _miti_kind(code), _miti_title(code)) for code in u.miti]
    if u.behaviour is not None:
        label = u.behaviour.value.capitalize() + (f" · {u.subtype}" if u.subtype else "")
        chips.insert(0, _Chip(label, "behaviour", "Main behaviour (AnnoMI)"))
    return tuple(chips)


_TALK_LABELS = {Talk.CHANGE: "Change talk", Talk.SUSTAIN: "Sustain talk", Talk.NEUTRAL: "Neutral"}


def _darn_label(value: str) -> str:
    return value.replace("_", " ").capitalize()


def _miti_kind(code: MitiCode) -> str:
    if code.non_adherent:
        return "mina"
    return "mia" if code.adherent else "miti"


def _miti_title(code: MitiCode) -> str:
    if code.non_adherent:
        return f"{MITI_NAMES[code]} (MI-non-adherent)"
    return f"{MITI_NAMES[code]} (MI-adherent)" if code.adherent else MITI_NAMES[code]


def _clock(seconds: float) -> str:
    minutes, second = divmod(int(seconds), 60)
    hour, minute = divmod(minutes, 60)
    return f"{hour}:{minute:02d}:{second:02d}" if hour else f"{minute}:{second:02d}"


def _default_title(transcripts: Sequence[CodedTranscript]) -> str:
    if len(transcripts) == 1:
        return f"MI fidelity report: {transcripts[0].id}"
    return f"MI fidelity report: {len(transcripts)} transcripts"


def _when(moment: datetime) -> str:
    zone = moment.tzname()
    return f"{moment:%Y-%m-%d %H:%M}" + (f" {zone}" if zone else "")


@cache
def _environment() -> Environment:
    # Autoescaping is switched on for every template: the report's whole content is transcript text.
    return Environment(
        loader=PackageLoader("oars.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# ----------------------------------------------------------------------------------------------------
# Timeline SVG
# ----------------------------------------------------------------------------------------------------

# Geometry, in SVG user units. The drawing is 960 wide and scales to its container (viewBox).
_WIDTH = 960
_LEFT = 84  # room for the lane labels
_RIGHT = 16
_PER_ROW = 60  # utterances per row: a long session wraps into rows instead of shrinking marks to slivers
_MAX_STEP = 24.0  # a short session keeps marks a sensible size instead of stretching them
_ROW_HEIGHT = 146
_FLAG_Y, _COUNSELLOR_Y, _MIA_Y, _AXIS_Y = 6, 22, 38, 64
_CT_TOP, _CT_BOTTOM, _TICK_Y = 96, 124, 138
_CT_WINDOW = 10  # the % change-talk line covers the last 10 change or sustain client utterances

_RED, _GREEN, _ORANGE, _GREY, _INK = "#c0262d", "#2d7d46", "#c2571a", "#9aa5b1", "#243b53"
# counsellor kind -> (label, fill, outline)
_COUNSELLOR_KINDS: dict[str, tuple[str, str, str | None]] = {
    "complex": ("complex reflection", "#0f6e66", None),
    "simple": ("simple reflection", "#9fd4cd", "#0f6e66"),
    "open": ("open question", "#2a5fa8", None),
    "closed": ("closed question", "#ffffff", "#2a5fa8"),
    "input": ("input", "#c98a1b", None),
    "other": ("other", _GREY, None),
}
_MARK_STYLE = Markup(
    "<style>a.tl-mark:hover .tl-hit, a.tl-mark:focus .tl-hit { fill: #243b53; fill-opacity: 0.08; }"
    "a.tl-mark:focus { outline: 2px solid #243b53; }</style>"
)


@dataclass(frozen=True)
class _Grid:
    """Where utterance number ``position`` (0-based order in the session) goes."""

    count: int

    @property
    def step(self) -> float:
        return min(_MAX_STEP, (_WIDTH - _LEFT - _RIGHT) / max(1, min(self.count, _PER_ROW)))

    @property
    def rows(self) -> int:
        return -(-self.count // _PER_ROW)

    @property
    def height(self) -> int:
        return _LEGEND_HEIGHT + max(1, self.rows) * _ROW_HEIGHT

    def x(self, position: int) -> float:
        return _LEFT + (position % _PER_ROW + 0.5) * self.step

    def top(self, position: int) -> float:
        return _LEGEND_HEIGHT + (position // _PER_ROW) * _ROW_HEIGHT

    @property
    def mark_width(self) -> float:
        return min(self.step * 0.72, 14.0)


def timeline_svg(coded: CodedTranscript, *, id_prefix: str = "") -> Markup:
    """The session as an inline SVG: counsellor codes above, client talk below, % change talk under both.

    One mark per utterance in session order, each a link to ``#{id_prefix}u{index}`` (the coded
    transcript's row) with a ``<title>`` tooltip. Sessions longer than 60 utterances wrap into rows.
    Meant to be placed inside an HTML page (the web dashboard uses it too), so it has no ``xmlns``.
    """
    utterances = coded.utterances
    grid = _Grid(len(utterances))
    if utterances:
        body = Markup("").join(
            [
                *(_row_frame(grid, row, utterances) for row in range(grid.rows)),
                _change_talk_line(grid, utterances),
                *(_mark(grid, position, u, id_prefix) for position, u in enumerate(utterances)),
            ]
        )
    else:
        body = Markup('<text x="{}" y="{}" fill="#52606d">No utterances to show.</text>').format(
            _LEFT, _LEGEND_HEIGHT + 30
        )
    return Markup(
        '<svg class="timeline" viewBox="0 0 {w} {h}" width="100%" font-family="system-ui, sans-serif" '
        'font-size="10" aria-labelledby="{p}timeline-title {p}timeline-desc">'
        '<title id="{p}timeline-title">Session timeline: {id}</title>'
        '<desc id="{p}timeline-desc">{desc}</desc>{style}{legend}{body}</svg>'
    ).format(
        w=_WIDTH,
        h=grid.height,
        p=id_prefix,
        id=coded.id,
        desc=_description(coded),
        style=_MARK_STYLE,
        legend=_LEGEND,
        body=body,
    )


def _description(coded: CodedTranscript) -> str:
    s = coded.summary
    return (
        f"{len(coded)} utterances in order, wrapped every {_PER_ROW}: {s.counsellor_utterances} counsellor "
        f"utterances marked by code in the top lane; {s.client_utterances} client utterances below "
        "(change talk above the axis, sustain talk below, neutral as a grey dot); a line of the share of "
        f"change talk among the last {_CT_WINDOW} change or sustain utterances. Each mark links to its row "
        "in the coded transcript."
    )


def _counsellor_kind(u: CodedUtterance) -> str:
    if u.behaviour is Behaviour.REFLECTION:
        return "complex" if u.subtype == "complex" else "simple"
    if u.behaviour is Behaviour.QUESTION:
        return "open" if u.subtype == "open" else "closed"
    return "input" if u.behaviour is Behaviour.INPUT else "other"


def _counsellor_shape(kind: str, x: float, cy: float, w: float, *, mina: bool) -> Markup:
    """Shape as well as colour tells the codes apart: reflections are bars, questions circles, input a
    triangle, other a small square; MI-non-adherent marks get a red outline."""
    _, fill, outline = _COUNSELLOR_KINDS[kind]
    stroke = _RED if mina else outline
    paint = Markup(' fill="{}"').format(fill)
    if stroke:
        paint += Markup(' stroke="{}" stroke-width="{}"').format(stroke, 2 if mina else 1.4)
    half = w / 2
    if kind in ("complex", "simple"):
        return Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="18" rx="1.5"{} />').format(
            x - half, cy - 9, w, paint
        )
    if kind in ("open", "closed"):
        return Markup('<circle cx="{:.1f}" cy="{:.1f}" r="{:.1f}"{} />').format(x, cy, half - 0.5, paint)
    if kind == "input":
        return Markup('<polygon points="{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}"{} />').format(
            x - half, cy + half, x, cy - half, x + half, cy + half, paint
        )
    return Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"{} />').format(
        x - half * 0.6, cy - half * 0.6, w * 0.6, w * 0.6, paint
    )


def _mina_flag(x: float, cy: float) -> Markup:
    return Markup('<polygon points="{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}" fill="{}" />').format(
        x - 4, cy - 4, x + 4, cy - 4, x, cy + 3, _RED
    )


def _mia_dot(x: float, cy: float) -> Markup:
    return Markup('<circle cx="{:.1f}" cy="{:.1f}" r="2.6" fill="{}" />').format(x, cy, _GREEN)


def _talk_shape(talk: Talk | None, x: float, axis: float, w: float, *, mobilising: bool) -> Markup:
    """Change talk rises above the axis and sustain talk falls below it; mobilising (CAT) talk is taller."""
    if talk not in (Talk.CHANGE, Talk.SUSTAIN):
        return Markup('<circle cx="{:.1f}" cy="{:.1f}" r="2.2" fill="{}" />').format(x, axis, _GREY)
    height = 20 if mobilising else 13
    y = axis - height if talk is Talk.CHANGE else axis
    colour = _GREEN if talk is Talk.CHANGE else _ORANGE
    return Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{}" fill="{}" />').format(
        x - w / 2, y, w, height, colour
    )


def _mark(grid: _Grid, position: int, u: CodedUtterance, id_prefix: str) -> Markup:
    x, top, w = grid.x(position), grid.top(position), grid.mark_width
    if u.utterance.is_client:
        hit_top, hit_height = top + _AXIS_Y - 22, 44.0
        shapes = _talk_shape(u.talk, x, top + _AXIS_Y, w, mobilising=u.darn_cat is not None and u.darn_cat.mobilising)
    else:
        mina = any(code.non_adherent for code in u.miti)
        hit_top, hit_height = top, _MIA_Y + 4.0
        shapes = _counsellor_shape(_counsellor_kind(u), x, top + _COUNSELLOR_Y, w, mina=mina)
        if mina:
            shapes += _mina_flag(x, top + _FLAG_Y)
        if any(code.adherent for code in u.miti):
            shapes += _mia_dot(x, top + _MIA_Y)
    return Markup(
        '<a class="tl-mark" href="#{anchor}"><title>{tip}</title>'
        '<rect class="tl-hit" x="{hx:.1f}" y="{hy:.1f}" width="{hw:.1f}" height="{hh:.1f}" '
        'fill="transparent" />'
        "{shapes}</a>"
    ).format(
        anchor=f"{id_prefix}u{u.index}",
        tip=_tooltip(u),
        hx=x - grid.step / 2,
        hy=hit_top,
        hw=grid.step,
        hh=hit_height,
        shapes=shapes,
    )


def _tooltip(u: CodedUtterance) -> str:
    if u.utterance.is_client:
        code = _TALK_LABELS[u.talk].lower() if u.talk else "not coded"
        if u.darn_cat is not None:
            code += f" ({_darn_label(u.darn_cat.value).lower()})"
    else:
        code = _COUNSELLOR_KINDS[_counsellor_kind(u)][0]
        if u.miti:
            code += " (" + ", ".join(c.value for c in u.miti) + ")"
    check = " [check: low confidence]" if u.confidence < LOW_CONFIDENCE else ""
    return f"#{u.index} {u.speaker.value}, {code}{check}: “{_excerpt(u.text)}”"


def _excerpt(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def _row_frame(grid: _Grid, row: int, utterances: Sequence[CodedUtterance]) -> Markup:
    """Lane labels, lane backgrounds, the client axis, the 50% line and utterance numbers of one row."""
    first = row * _PER_ROW
    positions = range(first, min(first + _PER_ROW, len(utterances)))
    top, end = grid.top(first), _LEFT + len(positions) * grid.step
    ct_mid = top + (_CT_TOP + _CT_BOTTOM) / 2
    ticks = Markup("").join(
        Markup(
            '<line x1="{x:.1f}" y1="{y1:.1f}" x2="{x:.1f}" y2="{y2:.1f}" stroke="#e4e9ef" />'
            '<text x="{x:.1f}" y="{ty:.1f}" text-anchor="middle" fill="#52606d">{label}</text>'
        ).format(x=grid.x(p), y1=top + 12, y2=top + _CT_BOTTOM, ty=top + _TICK_Y, label=utterances[p].index)
        for p in positions
        if p % 10 == 0
    )
    return Markup(
        '<g class="tl-row">'
        '<rect x="{left}" y="{lane_y:.1f}" width="{span:.1f}" height="20" fill="#f3f6f9" />'
        '<rect x="{left}" y="{ct_y:.1f}" width="{span:.1f}" height="{ct_h}" fill="#f3f6f9" />'
        "{ticks}"
        '<line x1="{left}" y1="{axis:.1f}" x2="{end:.1f}" y2="{axis:.1f}" stroke="#7b8794" />'
        '<line x1="{left}" y1="{ct_mid:.1f}" x2="{end:.1f}" y2="{ct_mid:.1f}" stroke="#9fb3c8" '
        'stroke-dasharray="3 3" />'
        '<g text-anchor="end" fill="#334e68">'
        '<text x="{label_x}" y="{lane_text:.1f}">Counsellor</text>'
        '<text x="{label_x}" y="{axis_text:.1f}">Client</text>'
        '<text x="{label_x}" y="{ct_text:.1f}">% change</text>'
        '<text x="{label_x}" y="{ct_100:.1f}" font-size="8" fill="#52606d">100%</text>'
        '<text x="{label_x}" y="{ct_0:.1f}" font-size="8" fill="#52606d">0%</text>'
        "</g></g>"
    ).format(
        left=_LEFT,
        lane_y=top + _COUNSELLOR_Y - 10,
        span=end - _LEFT,
        ct_y=top + _CT_TOP,
        ct_h=_CT_BOTTOM - _CT_TOP,
        ticks=ticks,
        axis=top + _AXIS_Y,
        end=end,
        ct_mid=ct_mid,
        label_x=_LEFT - 8,
        lane_text=top + _COUNSELLOR_Y + 3.5,
        axis_text=top + _AXIS_Y + 3.5,
        ct_text=ct_mid + 3.5,
        ct_100=top + _CT_TOP + 3,
        ct_0=top + _CT_BOTTOM + 1,
    )


def _rolling_change_talk(utterances: Sequence[CodedUtterance]) -> list[tuple[int, float]]:
    """``(position, share)`` at every change or sustain client utterance: the share of change talk among
    the last ``_CT_WINDOW`` of them. A rolling share shows where in a session talk turned, which the
    cumulative session figure (in the summary table) smooths away."""
    recent: deque[bool] = deque(maxlen=_CT_WINDOW)
    points = []
    for position, u in enumerate(utterances):
        if u.talk in (Talk.CHANGE, Talk.SUSTAIN):
            recent.append(u.talk is Talk.CHANGE)
            points.append((position, sum(recent) / len(recent)))
    return points


def _change_talk_line(grid: _Grid, utterances: Sequence[CodedUtterance]) -> Markup:
    rows: dict[int, list[tuple[float, float, float]]] = {}
    for position, share in _rolling_change_talk(utterances):
        y = grid.top(position) + _CT_BOTTOM - share * (_CT_BOTTOM - _CT_TOP)
        rows.setdefault(position // _PER_ROW, []).append((grid.x(position), y, share))
    parts = []
    for points in rows.values():
        parts.append(
            Markup('<polyline points="{}" fill="none" stroke="{}" stroke-width="1.6" />').format(
                " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points), _INK
            )
        )
        parts.extend(
            Markup(
                '<circle cx="{:.1f}" cy="{:.1f}" r="1.8" fill="{}"><title>{:.0%} change talk</title></circle>'
            ).format(x, y, _INK, share)
            for x, y, share in points
        )
    return Markup("").join(parts)


def _legend() -> tuple[Markup, int]:
    """The key, one group per lane (counsellor, client), wrapping within the drawing's width; returns
    the markup and the height it takes."""
    counsellor = [
        (label.capitalize(), _counsellor_shape(kind, 0, 0, 10, mina=False))
        for kind, (label, _, _) in _COUNSELLOR_KINDS.items()
    ]
    counsellor += [
        (
            "MI-non-adherent (Persuade, Confront)",
            _counsellor_shape("other", 0, 0, 10, mina=True) + _mina_flag(0, -10),
        ),
        ("MI-adherent (AF, Seek, Emphasize)", _mia_dot(0, 0)),
    ]
    client = [
        ("Change talk (taller: CAT)", _talk_shape(Talk.CHANGE, 0, 7, 8, mobilising=False)),
        ("Sustain talk", _talk_shape(Talk.SUSTAIN, 0, -6, 8, mobilising=False)),
        ("Neutral", _talk_shape(Talk.NEUTRAL, 0, 0, 8, mobilising=False)),
        (
            f"% change talk in the last {_CT_WINDOW} change/sustain (dashed: 50%)",
            Markup('<line x1="-7" y1="0" x2="7" y2="0" stroke="{}" stroke-width="1.6" />').format(_INK),
        ),
    ]
    parts, y = [], 18.0
    for group, items in (("Counsellor", counsellor), ("Client", client)):
        parts.append(
            Markup('<text x="{}" y="{:.1f}" text-anchor="end" font-weight="600">{}</text>').format(
                _LEFT - 8, y + 3.5, group
            )
        )
        x = float(_LEFT)
        for label, swatch in items:
            width = 30 + len(label) * 5.4  # about 5.4 units a character at font-size 10
            if x + width > _WIDTH - _RIGHT and x > _LEFT:
                x, y = float(_LEFT), y + _LEGEND_LINE
            parts.append(
                Markup('<g transform="translate({:.1f} {:.1f})">{}</g><text x="{:.1f}" y="{:.1f}">{}</text>').format(
                    x + 6, y, swatch, x + 16, y + 3.5, label
                )
            )
            x += width
        y += _LEGEND_LINE
    return Markup('<g class="tl-legend" fill="#243b53">{}</g>').format(Markup("").join(parts)), int(y)


_LEGEND_LINE = 22
_LEGEND, _LEGEND_HEIGHT = _legend()
