"""The HTML fidelity report: figures, levels, escaping, structure and self-containment."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from markupsafe import Markup, escape

from oars import Transcript, __version__
from oars.coder import CodedTranscript
from oars.report import ReportSection, render_report
from oars.report.html import NOTE

WHEN = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """Parses a report strictly: every element closed in order, ids unique; collects table cells and
    every URL-bearing attribute."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.urls: list[str] = []
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._cell: list[str] | None = None
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed elements: {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(attrs)
        if tag == "br" and self._cell is not None:
            self._cell.append(" ")
        if tag in VOID:
            return
        self.stack.append(tag)
        names = dict(attrs)
        if tag == "table":
            self._table = (names.get("class") or "").split()[0]
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table:
            self._cell = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag in ("td", "th") and self._cell is not None and self._table:
            self.tables[self._table][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _attributes(self, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.append(value)
            if name in ("src", "href", "xlink:href", "action", "poster", "srcset") and value:
                self.urls.append(value)

    def row(self, table: str, header: str) -> list[str]:
        """The cells of the first row of ``table`` whose first cell starts with ``header``."""
        return next(r for r in self.tables[table] if r and r[0].startswith(header))


def render(coded: CodedTranscript | list[CodedTranscript], **kwargs: object) -> str:
    return render_report(coded, generated_at=WHEN, **kwargs)  # type: ignore[arg-type]


def test_the_summary_table_shows_values_thresholds_and_levels(session: CodedTranscript) -> None:
    page = Page(render(session))
    assert page.row("scores", "Reflection : question")[1:5] == ["1.5 : 1", "1 : 1", "2 : 1", "◐ fair"]
    assert page.row("scores", "% complex reflections")[1:5] == ["67%", "40%", "50%", "✓ good"]
    assert page.row("scores", "% open questions")[1:5] == ["50%", "50%", "70%", "◐ fair"]
    assert page.row("scores", "% MI-adherent")[1:5] == ["67%", "90%", "100%", "✗ below fair"]
    assert page.row("scores", "Reflection : question")[5] == "3 reflections / 2 questions"
    technical = session.summary.globals.technical
    assert page.row("scores", "Technical global (estimate)")[1] == f"{technical:.1f}"
    assert page.row("scores", "Relational global (estimate)")[2:4] == ["3.5", "4"]


def test_counts_client_talk_and_darn_cat_are_shown(session: CodedTranscript) -> None:
    page = Page(render(session))
    assert page.row("counts", "Q")[2] == "2"
    assert page.row("counts", "CR")[2] == "2"
    assert page.row("counts", "Persuade")[1:] == ["Persuade (MINA)", "1"]
    assert page.row("counts", "Emphasize")[2] == "1"
    assert (page.row("counts", "MIA")[2], page.row("counts", "MINA")[2]) == ("2", "1")
    assert page.row("talk", "Change talk")[1] == "2"
    assert page.row("talk", "Sustain talk")[1] == "1"
    assert page.row("talk", "Neutral")[1] == "3"
    assert page.row("talk", "% change talk")[1] == "67%"
    assert page.row("darncat", "Desire")[1:] == ["1", "1"]
    assert page.row("darncat", "Commitment (mobilising)")[1:] == ["1", "0"]


def test_the_header_names_the_session_and_says_how_it_was_coded(session: CodedTranscript) -> None:
    html = render(session)
    assert "<title>MI fidelity report: session-1</title>" in html
    assert '<time datetime="2025-03-14T09:30:00+00:00">2025-03-14 09:30 UTC</time>' in html
    assert f"<dd>{__version__}</dd>" in html
    assert "<dt>Counsellor utterances</dt><dd>7</dd>" in html
    assert "<dt>Client utterances</dt><dd>6</dd>" in html
    assert NOTE in html
    assert render(session, title="Week 3 review").count("Week 3 review") == 2  # <title> and <h1>


def test_the_feedback_paragraph_is_prominent_and_escaped(session: CodedTranscript) -> None:
    html = render(session)
    feedback = session.summary.feedback
    assert feedback
    assert '<div class="feedback" id="feedback">' in html
    assert str(escape(feedback)) in html
    assert html.index(str(escape(feedback))) < html.index('id="summary"')


def test_global_ratings_are_labelled_as_estimates(session: CodedTranscript) -> None:
    page = Page(render(session))
    rows = page.tables["ratings"][1:]
    assert [r[0] for r in rows] == [
        "Cultivating change talk",
        "Softening sustain talk",
        "Partnership",
        "Empathy",
    ]
    g = session.summary.globals
    values = [g.cultivating_change_talk, g.softening_sustain_talk, g.partnership, g.empathy]
    assert [r[2] for r in rows] == [f"{v:.1f} estimate" for v in values]
    html = render(session)
    assert html.count('role="img" aria-label=') >= 4
    assert "Partnership: " in html and "out of 5 (estimate)" in html


def test_every_utterance_is_a_row_with_an_anchor_and_its_codes(session: CodedTranscript) -> None:
    html = render(session)
    page = Page(html)
    rows = page.tables["coded"][1:]
    assert len(rows) == len(session)
    for u, row in zip(session, rows, strict=True):
        assert f'id="u{u.index}"' in html
        assert row[0] == str(u.index)
        assert row[1] == u.speaker.value.capitalize()
        assert row[2] == " ".join(u.text.split())
    assert rows[2][3] == "Reflection · complexCR"
    assert rows[3][3] == "Change talkDesire"
    assert rows[6][3] == "Input · advicePersuade"
    assert '<span class="chip mina" title="Persuade (MI-non-adherent)">Persuade</span>' in html
    assert '<span class="chip mia" title="Affirm (MI-adherent)">AF</span>' in html


def test_low_confidence_codes_are_flagged_for_a_check(session: CodedTranscript) -> None:
    page = Page(render(session))
    flagged = [row[0] for row in page.tables["coded"][1:] if "check" in row[4]]
    assert flagged == ["7", "12"]
    assert page.row("coded", "7")[4] == "40% ⚠ check"
    assert page.row("coded", "2")[4] == "90% · subtype 80%"


def test_transcript_text_is_escaped_everywhere(session: CodedTranscript) -> None:
    hostile = replace(session, transcript=replace(session.transcript, id='"><img src=x onerror=alert(2)>'))
    html = render(hostile, extra_sections=[ReportSection("<b>title</b>", Markup("<p>ok</p>"))])
    assert "<script>alert(1)" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; I&#39;m &#34;not&#34; sure" in html
    assert "&lt;b&gt;title&lt;/b&gt;" in html
    assert html.count("<script>") == 1  # only the page's own optional filter script
    Page(html)


def test_extra_sections_come_after_the_summary_as_given(session: CodedTranscript) -> None:
    fragment = Markup('<svg class="receptivity" viewBox="0 0 10 10"><rect width="5" height="5" /></svg>')
    html = render(session, extra_sections=[ReportSection("How the simulated client's receptivity moved", fragment)])
    assert str(fragment) in html
    heading = html.index("How the simulated client&#39;s receptivity moved</h2>")
    assert html.index('id="summary"') < heading < html.index('id="timeline"')
    assert '<a href="#extra-1">' in html


def test_a_plain_string_fragment_is_trusted_like_markup(session: CodedTranscript) -> None:
    html = render(session, extra_sections=[ReportSection("Notes", "<p><em>built by oars</em></p>")])
    assert "<p><em>built by oars</em></p>" in html


def test_the_page_is_well_formed_accessible_and_self_contained(session: CodedTranscript) -> None:
    html = render(session)
    page = Page(html)
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    assert all(url.startswith("#") for url in page.urls), page.urls
    assert {u.lstrip("#") for u in page.urls} <= set(page.ids)  # every internal link lands
    assert not re.search(r"https?://|url\(|@import|<link|<img|<iframe", html)
    assert '<html lang="en">' in html and '<meta charset="utf-8">' in html
    assert html.count("<caption>") == len(page.tables)
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert "@media print" in html
    assert "<h1>" in html and "<h2" in html


def test_undefined_ratios_say_not_enough_data(sparse: CodedTranscript) -> None:
    html = render(sparse)
    page = Page(html)
    assert len(page.tables["coded"]) == len(sparse) + 1
    assert html.count('class="tl-mark"') == len(sparse)
    assert page.row("scores", "Reflection : question")[1:5] == ["—", "1 : 1", "2 : 1", "– not enough data"]
    assert page.row("scores", "% open questions")[4] == "– not enough data"
    change_talk = "0%" if sparse.id == "only client" else "not enough data"  # its client talk is sustain
    assert page.row("talk", "% change talk")[1] == change_talk


def test_several_transcripts_share_one_page_with_a_summary_across_them(
    session: CodedTranscript, other_session: CodedTranscript
) -> None:
    html = render([session, other_session], extra_sections=[ReportSection("Practice", Markup("<p>x</p>"))])
    page = Page(html)
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    assert "<title>MI fidelity report: 2 transcripts</title>" in html
    across = page.tables["across"]
    assert [row[0] for row in across[1:]] == ["session-1", "session-2"]
    assert across[1][1:8] == ["13", "1.5 : 1 ◐ fair", "67% ✓ good", "50% ◐ fair", "2", "1", "67%"]
    assert '<a href="#t1-section">session-1</a>' in html and '<a href="#t2-section">session-2</a>' in html
    assert 'id="t2-u3"' in html and 'href="#t2-u3"' in html
    assert html.index('id="across"') < html.index("Practice</h2>") < html.index('id="t1-section"')
    assert {u.lstrip("#") for u in page.urls} <= set(page.ids)


def test_a_report_needs_a_transcript() -> None:
    with pytest.raises(ValueError, match="at least one"):
        render_report([])


def test_the_shipped_coder_output_renders() -> None:
    """Smoke test with the real coder (whatever its labels): the report takes what ``Coder`` produces."""
    from oars.coder import Coder

    transcript = Transcript.from_turns(
        [
            ("counsellor", "What brings you in?"),
            ("client", "I want to drink less."),
            ("counsellor", "You want change."),
        ],
        id="smoke",
    )
    html = render(Coder().code(transcript))
    assert Page(html).tables["coded"][1:][1][2] == "I want to drink less."
