"""The session timeline SVG: a linked mark per utterance, distinct MINA marks, wrapping, change-talk line."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from oars.coder import CodedTranscript
from oars.report import timeline_svg
from oars.report.html import _rolling_change_talk


def parse(coded: CodedTranscript, **kwargs: str) -> ET.Element:
    return ET.fromstring(str(timeline_svg(coded, **kwargs)))


def marks(svg: ET.Element) -> list[ET.Element]:
    return [a for a in svg.iter("a") if a.get("class") == "tl-mark"]


def test_one_linked_mark_per_utterance_with_a_tooltip(session: CodedTranscript) -> None:
    found = marks(parse(session))
    assert [a.get("href") for a in found] == [f"#u{u.index}" for u in session]
    tips = [a.findtext("title") for a in found]
    assert tips[2] == "#2 counsellor, complex reflection (CR): “You're worried about what your doctor said.”"
    assert tips[3] == "#3 client, change talk (desire): “I want to be around for my kids.”"
    assert tips[7] is not None and tips[7].startswith("#7 client, neutral [check: low confidence]: “<script>")


def test_the_id_prefix_keeps_links_unique_on_a_page_with_several_sessions(session: CodedTranscript) -> None:
    svg = parse(session, id_prefix="t2-")
    assert marks(svg)[0].get("href") == "#t2-u0"
    assert svg.get("aria-labelledby") == "t2-timeline-title t2-timeline-desc"


def test_hostile_text_stays_text(session: CodedTranscript) -> None:
    markup = str(timeline_svg(session))
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup


def test_non_adherent_marks_are_outlined_and_flagged_and_adherent_ones_dotted(
    session: CodedTranscript,
) -> None:
    found = marks(parse(session))
    persuade, affirm, question = found[6], found[8], found[0]
    assert any(shape.get("stroke") == "#c0262d" for shape in persuade)
    assert len([s for s in persuade if s.tag == "polygon"]) == 2  # input triangle + red flag
    assert any(s.tag == "circle" and s.get("fill") == "#2d7d46" for s in affirm)
    assert not any(shape.get("stroke") == "#c0262d" for shape in question)


def test_counsellor_codes_differ_in_shape_as_well_as_colour(session: CodedTranscript) -> None:
    found = marks(parse(session))
    drawn = [[s.tag for s in a if s.get("class") != "tl-hit" and s.tag != "title"] for a in found]
    assert drawn[0] == ["circle"]  # open question
    assert drawn[2] == ["rect"]  # complex reflection
    assert drawn[6][0] == "polygon"  # input
    assert found[0][2].get("fill") != found[10][2].get("fill")  # open vs closed question


def test_change_talk_rises_and_sustain_talk_falls_from_the_axis(session: CodedTranscript) -> None:
    found = marks(parse(session))
    change, sustain = found[3][2], found[5][2]
    axis = float(sustain.get("y", "0"))
    assert float(change.get("y", "0")) + float(change.get("height", "0")) == axis
    mobilising = found[9][2]
    assert float(mobilising.get("height", "0")) > float(change.get("height", "0"))


def test_a_long_session_wraps_into_rows_and_keeps_marks_readable(long_session: CodedTranscript) -> None:
    svg = parse(long_session)
    found = marks(svg)
    assert len(found) == 300
    assert len([g for g in svg.iter("g") if g.get("class") == "tl-row"]) == 5
    width, height = (float(v) for v in svg.get("viewBox", "").split()[2:])
    assert width == 960 and height > 5 * 140
    hits = [next(s for s in a if s.get("class") == "tl-hit") for a in found]
    assert min(float(h.get("width", "0")) for h in hits) > 14
    assert max(float(h.get("x", "0")) + float(h.get("width", "0")) for h in hits) <= width


def test_a_short_session_keeps_marks_a_sensible_size(session: CodedTranscript) -> None:
    hit = next(s for s in marks(parse(session))[0] if s.get("class") == "tl-hit")
    assert float(hit.get("width", "0")) == 24


def test_the_legend_names_every_kind_of_mark(session: CodedTranscript) -> None:
    legend = next(g for g in parse(session).iter("g") if g.get("class") == "tl-legend")
    labels = {t.text for t in legend.iter("text")}
    expected = {
        "Complex reflection",
        "Simple reflection",
        "Open question",
        "Closed question",
        "Input",
        "Other",
    }
    assert expected <= labels
    assert {"Sustain talk", "Neutral", "MI-non-adherent (Persuade, Confront)"} <= labels


def test_rolling_change_talk_covers_the_last_ten_change_or_sustain_utterances(
    long_session: CodedTranscript, session: CodedTranscript
) -> None:
    assert _rolling_change_talk(session.utterances) == [(3, 1.0), (5, 0.5), (9, 2 / 3)]
    points = _rolling_change_talk(long_session.utterances)
    assert all(abs(share - 2 / 3) < 0.11 for _, share in points[10:])
    svg = str(timeline_svg(long_session))
    assert svg.count("<polyline") == 5  # one line segment per row


def test_an_empty_session_says_so(sparse: CodedTranscript) -> None:
    svg = parse(sparse)
    assert len(marks(svg)) == len(sparse)
    if not len(sparse):
        assert "No utterances to show." in {t.text for t in svg.iter("text")}
    assert re.fullmatch(r"0 0 960 \d+", svg.get("viewBox", ""))
