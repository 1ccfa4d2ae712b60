"""WebVTT and SRT caption files: speaker names, cue merging, the counsellor choice, malformed cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from oars.errors import EmptyTranscriptError, TranscriptError, UnknownSpeakerError
from oars.transcript import Speaker, parse_transcripts, read_transcript

COUNSELLOR, CLIENT = Speaker.COUNSELLOR, Speaker.CLIENT


def vtt(*cues: str, counsellor: str | None = None):
    """A transcript from VTT cues given as text, timed one second apart."""
    blocks = [f"00:00:{i:02d}.000 --> 00:00:{i + 1:02d}.000\n{cue}" for i, cue in enumerate(cues)]
    content = "\n\n".join(["WEBVTT", *blocks]) + "\n"
    [transcript] = parse_transcripts(content, input_format="vtt", source="s.vtt", counsellor=counsellor)
    return transcript


def turns(transcript) -> list[tuple[Speaker, str | None, str]]:
    return [(u.speaker, u.name, u.text) for u in transcript]


def test_zoom_name_prefixes_and_merged_cues(data_dir: Path) -> None:
    path = data_dir / "zoom.vtt"
    transcript = read_transcript(path)
    assert (transcript.id, transcript.source) == ("zoom.vtt", str(path))
    assert [u.speaker for u in transcript] == [COUNSELLOR, CLIENT] * 3
    assert [u.name for u in transcript] == ["Dr. Amara Osei", "jordan"] * 3
    first, second = transcript[0], transcript[1]
    assert first.text == "Hi Jordan, thanks for joining me today. What would be most useful for us to talk about?"
    assert (first.start, first.end, first.line) == (1.2, 7.9, 5)
    assert second.text.startswith("I guess my drinking. My partner & I have been arguing about it. She thinks")
    assert (second.start, second.end, second.line) == (8.5, 15.3, 13)
    assert [u.index for u in transcript] == list(range(6))
    assert dict(transcript.metadata) == {
        "counsellor_name": "Dr. Amara Osei",
        "speaker_names": ("Dr. Amara Osei", "jordan"),
    }


def test_teams_voice_tags(data_dir: Path) -> None:
    transcript = read_transcript(data_dir / "teams.vtt")
    assert [u.name for u in transcript] == ["Sam Rivera", "Alex Chen"] * 4
    assert transcript[0].text == "Good morning, Alex. How has the week been?"
    assert (transcript[0].start, transcript[0].end) == (0.0, 3.52)
    # Two cues merged, tags stripped, entities decoded.
    assert transcript[3].text == "I just hate the needles. And I'm <always> tired. It feels like it never ends."
    assert (transcript[3].start, transcript[3].end) == (14.0, 19.5)
    assert transcript[4].text == "It feels relentless. What matters to you about managing it?"
    assert transcript[7].text == "Yeah, it really is."


def test_otter_cues_without_a_name_continue_the_speaker(data_dir: Path) -> None:
    transcript = read_transcript(data_dir / "otter.vtt")
    assert [u.name for u in transcript] == ["Counsellor Kim", "Pat"] * 3
    pat = transcript[1]
    assert pat.text.endswith(
        "there's just no time because I'm working late and then there's dinner and the kids: it never stops."
    )
    assert (pat.start, pat.end) == (5.5, 14.0)
    assert transcript[5].text == "Yeah. I think I could try that on Monday. And maybe Thursday too."


def test_srt_with_every_way_of_naming(data_dir: Path) -> None:
    path = data_dir / "session.srt"
    transcript = read_transcript(path)
    assert transcript.id == "session.srt"
    assert [(u.speaker, u.name) for u in transcript] == [(COUNSELLOR, "Counsellor"), (CLIENT, "Lee")] * 3 + [
        (COUNSELLOR, "Counsellor")
    ]
    assert transcript[1].text == "My GP said I should talk to someone about my gambling. I don't think it's that bad."
    assert (transcript[1].start, transcript[1].end, transcript[1].line) == (4.5, 10.0, 7)
    assert transcript[3].text == "Yes. Well, and I lost a lot last month."  # <b> stripped
    assert transcript[4].text == "That was a shock."  # [Counsellor]
    assert transcript[5].text == "It was. I can't keep doing this."  # <v Lee>


def test_the_counsellor_can_be_named_in_any_case() -> None:
    transcript = vtt("Ann: Hi.", "Bob: Hello.", counsellor="  BOB ")
    assert turns(transcript) == [(CLIENT, "Ann", "Hi."), (COUNSELLOR, "Bob", "Hello.")]
    assert transcript.metadata["counsellor_name"] == "Bob"


def test_a_counsellor_name_nobody_has(fails) -> None:
    fails(
        UnknownSpeakerError,
        lambda: vtt("Ann: Hi.", "<v Bob>Hello.", counsellor="Dr Lee"),
        source="s.vtt",
        line=None,
        says=("'Dr Lee'", "speakers found: 'Ann', 'Bob'"),
    )


def test_everyone_but_the_counsellor_is_the_client() -> None:
    transcript = vtt("Ann: How are you?", "Bob: Fine.", "Mum: He is not.", "Bob: Mum!", "Ann: Hm.")
    assert [u.speaker for u in transcript] == [COUNSELLOR, CLIENT, CLIENT, CLIENT, COUNSELLOR]
    assert [u.name for u in transcript] == ["Ann", "Bob", "Mum", "Bob", "Ann"]  # different people stay apart
    assert transcript.metadata["speaker_names"] == ("Ann", "Bob", "Mum")


def test_merging_ignores_name_case_and_keeps_the_first_spelling() -> None:
    transcript = vtt("Ann: One.", "ANN: Two.", "Bob: Three.")
    assert turns(transcript) == [(COUNSELLOR, "Ann", "One. Two."), (CLIENT, "Bob", "Three.")]
    assert (transcript[0].start, transcript[0].end) == (0.0, 2.0)


def test_several_voices_in_one_cue_share_its_timing() -> None:
    transcript = vtt("<v Ann>Hi.</v> <v.loud Bob>Hello!</v>", "<v Ann>Good.\nVery good.")
    assert turns(transcript) == [
        (COUNSELLOR, "Ann", "Hi."),
        (CLIENT, "Bob", "Hello!"),
        (COUNSELLOR, "Ann", "Good. Very good."),
    ]
    assert (transcript[1].start, transcript[1].end) == (0.0, 1.0)


@pytest.mark.parametrize(
    "text",
    [
        "so what I mean is: it works",
        "Well, there's one thing: money",
        "[laughs]",
        "I <3 this &amp; that",
        "a < b and c > d",
    ],
)
def test_text_that_is_not_a_speaker_name(text: str) -> None:
    transcript = vtt("Ann: Hi.", "Bob: Right.", text)
    assert len(transcript) == 2
    expected = text.replace("&amp;", "&")
    assert transcript[1].text == f"Right. {expected}"


def test_a_lower_case_name_counts_once_it_is_used_twice() -> None:
    assert [u.name for u in vtt("Ann: Hi.", "sam smith: Hello.", "Ann: So.", "sam smith: Yes.")] == [
        "Ann",
        "sam smith",
        "Ann",
        "sam smith",
    ]
    # Used once, it reads as the start of a sentence, like "so what I mean is: ...".
    assert turns(vtt("Ann: Hi.", "sam smith: Hello.")) == [(COUNSELLOR, "Ann", "Hi. sam smith: Hello.")]


def test_vtt_details() -> None:
    content = (
        "\ufeffWEBVTT - exported\nKind: captions\nLanguage: en\n\n"
        "STYLE\n::cue { color: yellow }\n\n"
        "REGION\nid:left width:40%\n\n"
        "NOTE\nAnn: this is a note, not a cue\n\n"
        "intro\n1:00:00.5 --> 1:00:02.25 line:0 position:20%\n<c.yellow><i>Ann:</i></c> Hi&nbsp;there.\n\n"
        "NOTE another\n\n"
        "123:00:00.000 --> 123:00:01.000\n<00:00:00.500><v Bob>Hello.\n"
    )
    [transcript] = parse_transcripts(content, input_format="vtt")
    assert turns(transcript) == [(COUNSELLOR, "Ann", "Hi there."), (CLIENT, "Bob", "Hello.")]
    assert (transcript[0].start, transcript[0].end, transcript[0].line) == (3600.5, 3602.25, 16)
    assert transcript[1].start == 123 * 3600


def test_a_cue_right_under_the_header() -> None:
    [transcript] = parse_transcripts("WEBVTT\n00:01.000 --> 00:02.000\nAnn: Hi.\n", input_format="vtt")
    assert turns(transcript) == [(COUNSELLOR, "Ann", "Hi.")]


def test_srt_without_cue_numbers_and_with_dot_times() -> None:
    content = "00:00:01.000 --> 00:00:02.000\nAnn: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000 X1:1 X2:2\nBob: Yo.\n"
    [transcript] = parse_transcripts(content, input_format="srt")
    assert turns(transcript) == [(COUNSELLOR, "Ann", "Hi."), (CLIENT, "Bob", "Yo.")]
    assert transcript[1].start == 2.0


def test_empty_cues_are_dropped_and_do_not_split_turns() -> None:
    transcript = vtt("Ann: Hi.", "<v Bob></v>", "Ann: Again.", "   ", "Bob: Yes.")
    assert turns(transcript) == [(COUNSELLOR, "Ann", "Hi. Again."), (CLIENT, "Bob", "Yes.")]


@pytest.mark.parametrize(
    ("content", "input_format"),
    [
        ("WEBVTT\n", "vtt"),
        ("WEBVTT\n\nNOTE nothing here\n", "vtt"),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\n\n00:01.000 --> 00:02.000\n<v Ann></v>\n", "vtt"),
        ("1\n00:00:00,000 --> 00:00:01,000\n", "srt"),
    ],
)
def test_files_without_cue_text_are_empty(fails, content: str, input_format: str) -> None:
    fails(
        EmptyTranscriptError,
        lambda: parse_transcripts(content, input_format=input_format, source="c.x"),
        source="c.x",
        line=None,
        says=("no utterances",),
    )


def test_no_speaker_names_at_all(fails) -> None:
    fails(
        TranscriptError,
        lambda: vtt("Hi.", "hello there", "how are you?"),
        source="s.vtt",
        line=None,
        says=("no speaker names found", "<v Name>", "Name:"),
    )


def test_text_before_the_first_named_cue(fails) -> None:
    error = fails(
        TranscriptError,
        lambda: vtt("Welcome, everyone.", "Ann: Hi."),
        source="s.vtt",
        line=4,
        says=("names no speaker", "<v Name>"),
    )
    assert not isinstance(error, EmptyTranscriptError)


@pytest.mark.parametrize(
    ("timing", "input_format"),
    [
        ("00:00:01 --> 00:00:04", "vtt"),
        ("00:00:01.000 -> 00:00:04.000", "vtt"),
        ("00:00:01.000 --> soon", "vtt"),
        ("00:61:00.000 --> 00:62:00.000", "vtt"),
        ("00:00:61.000 --> 00:01:02.000", "vtt"),
        ("00:00:01,000 --> 00:00:04", "srt"),
        ("1 --> 2", "srt"),
    ],
)
def test_malformed_timing_lines(fails, timing: str, input_format: str) -> None:
    header = "WEBVTT\n\n" if input_format == "vtt" else ""
    content = f"{header}1\n00:00:00,000 --> 00:00:01,000\nAnn: Hi.\n\n2\n{timing}\nBob: Hello.\n"
    line = content.splitlines().index(timing) + 1
    fails(
        TranscriptError,
        lambda: parse_transcripts(content, input_format=input_format, source="t.x"),
        source="t.x",
        line=line,
        says=("malformed cue timing", timing, "expected a line like '00:00:01"),
    )


@pytest.mark.parametrize("input_format", ["vtt", "srt"])
def test_a_block_without_a_timing_line(fails, input_format: str) -> None:
    header = "WEBVTT\n\n" if input_format == "vtt" else ""
    content = f"{header}1\n00:00:00.000 --> 00:00:01.000\nAnn: Hi.\n\n2\nBob: Hello.\nstill no timing\n"
    line = content.splitlines().index("2") + 1
    fails(
        TranscriptError,
        lambda: parse_transcripts(content, input_format=input_format, source="t.x"),
        source="t.x",
        line=line,
        says=("expected a cue timing line", "found '2'"),
    )


@pytest.mark.parametrize("first", ["1\n00:00:00.000 --> 00:00:01.000", "WEBVTTX", "WEB VTT"])
def test_a_vtt_file_must_start_with_the_header(fails, first: str) -> None:
    fails(
        TranscriptError,
        lambda: parse_transcripts(f"\n{first}\nAnn: Hi.\n", input_format="vtt", source="h.vtt"),
        source="h.vtt",
        line=2,
        says=("not a WebVTT file", "WEBVTT"),
    )
