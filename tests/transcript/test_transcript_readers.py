"""The public reading API: format detection, file handling, decoding, the size limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import oars.transcript as transcript_package
from oars.errors import (
    EmptyTranscriptError,
    TranscriptEncodingError,
    TranscriptError,
    UnknownFormatError,
)
from oars.transcript import (
    FORMATS,
    MAX_TRANSCRIPT_BYTES,
    Speaker,
    detect_format,
    parse_transcripts,
    read_transcript,
    read_transcripts,
    readers,
)

SAMPLES = {
    "session.txt": "text",
    "session.jsonl": "jsonl",
    "annomi_sample.csv": "csv",
    "zoom.vtt": "vtt",
    "teams.vtt": "vtt",
    "otter.vtt": "vtt",
    "session.srt": "srt",
}
MINIMAL = {  # the smallest valid content of each format: one counsellor turn
    "text": "T: Hello.",
    "jsonl": '{"speaker": "counsellor", "text": "Hello."}',
    "csv": "transcript_id,utterance_id,interlocutor,utterance_text\n1,0,therapist,Hello.\n",
    "vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nAnn: Hello.\n",
    "srt": "1\n00:00:00,000 --> 00:00:01,000\nAnn: Hello.\n",
}


def test_formats_are_the_documented_ones() -> None:
    assert FORMATS == ("text", "jsonl", "csv", "vtt", "srt")
    assert set(MINIMAL) == set(FORMATS)


def test_package_exports_the_reading_api() -> None:
    for name in ("FORMATS", "detect_format", "read_transcripts", "read_transcript", "parse_transcripts"):
        assert name in transcript_package.__all__
        assert getattr(transcript_package, name) is getattr(readers, name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text"),
        ("a.text", "text"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.csv", "csv"),
        ("a.vtt", "vtt"),
        ("a.srt", "srt"),
        ("dir.v2/SESSION.VTT", "vtt"),
        (Path("x/y.Srt"), "srt"),
    ],
)
def test_detect_format_by_extension(name: str | Path, expected: str) -> None:
    assert detect_format(name) == expected


@pytest.mark.parametrize(("name", "shown"), [("notes.docx", "'.docx'"), ("README", "without an extension")])
def test_detect_format_refuses_unknown_extensions(name: str, shown: str) -> None:
    with pytest.raises(UnknownFormatError) as caught:
        detect_format(name)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    assert shown in message
    for known in (".txt", ".jsonl", ".ndjson", ".csv", ".vtt", ".srt", "text, jsonl, csv, vtt, srt"):
        assert known in message


@pytest.mark.parametrize(("name", "input_format"), SAMPLES.items())
def test_every_sample_reads_with_detected_and_explicit_format(data_dir: Path, name: str, input_format: str) -> None:
    path = data_dir / name
    detected = read_transcripts(path)
    assert detected == read_transcripts(path, input_format=input_format)
    assert detected == read_transcripts(str(path))
    for transcript in detected:
        assert transcript.source == str(path)
        assert len(transcript) >= 3
        assert {utterance.speaker for utterance in transcript} == {Speaker.COUNSELLOR, Speaker.CLIENT}
        assert all(utterance.text == " ".join(utterance.text.split()) for utterance in transcript)


def test_input_format_overrides_the_extension(write) -> None:
    path = write("export.log", MINIMAL["jsonl"])
    [transcript] = read_transcripts(path, input_format="jsonl")
    assert transcript.id == "export.log"
    assert transcript[0].text == "Hello."


@pytest.mark.parametrize("name", ["docx", "TEXT", "", "vtt "])
def test_unknown_format_names_are_refused(write, name: str) -> None:
    path = write("a.txt", MINIMAL["text"])
    calls = {
        str(path): lambda: read_transcripts(path, input_format=name),
        str(path.parent / "missing.txt"): lambda: read_transcripts(path.parent / "missing.txt", input_format=name),
        "<string>": lambda: parse_transcripts("T: hi", input_format=name),
    }
    for source, call in calls.items():
        with pytest.raises(UnknownFormatError) as caught:
            call()
        assert str(caught.value).startswith(f"{source}: unknown transcript format {name!r}")
        assert "text, jsonl, csv, vtt, srt" in str(caught.value)


def test_read_transcript_returns_the_single_transcript(data_dir: Path) -> None:
    transcript = read_transcript(data_dir / "zoom.vtt")
    assert transcript.id == "zoom.vtt"


def test_read_transcript_refuses_a_file_with_several(data_dir: Path, fails) -> None:
    path = data_dir / "annomi_sample.csv"
    fails(
        TranscriptError,
        lambda: read_transcript(path),
        source=path,
        line=None,
        says=("holds 2 transcripts", "read_transcripts"),
    )


@pytest.mark.parametrize("input_format", FORMATS)
def test_parse_transcripts_from_text_and_bytes(input_format: str) -> None:
    content = MINIMAL[input_format]
    from_text = parse_transcripts(content, input_format=input_format, source="upload/s1.any")
    from_bytes = parse_transcripts(content.encode(), input_format=input_format, source="upload/s1.any")
    assert from_text == from_bytes
    [transcript] = from_text
    assert transcript.source == "upload/s1.any"
    assert transcript.id == ("1" if input_format == "csv" else "s1.any")
    assert [(u.speaker, u.text) for u in transcript] == [(Speaker.COUNSELLOR, "Hello.")]


def test_parse_transcripts_default_source_is_named_in_errors(fails) -> None:
    fails(EmptyTranscriptError, lambda: parse_transcripts("", input_format="text"), source="<string>", line=None)


@pytest.mark.parametrize("input_format", FORMATS)
@pytest.mark.parametrize("content", ["", "   \n\t\n", "\ufeff", "\r\n\r\n"])
def test_empty_files_are_empty_transcript_errors(write, fails, input_format: str, content: str) -> None:
    path = write(f"empty.{input_format}", content)
    fails(
        EmptyTranscriptError,
        lambda: read_transcripts(path, input_format=input_format),
        source=path,
        line=None,
        says=("empty",),
    )


@pytest.mark.parametrize("input_format", FORMATS)
def test_a_utf8_byte_order_mark_is_accepted(input_format: str) -> None:
    content = MINIMAL[input_format]
    plain = parse_transcripts(content, input_format=input_format)
    assert parse_transcripts(b"\xef\xbb\xbf" + content.encode(), input_format=input_format) == plain
    assert parse_transcripts("\ufeff" + content, input_format=input_format) == plain


@pytest.mark.parametrize("input_format", FORMATS)
def test_non_utf8_bytes_name_the_line_and_byte_offset(write, fails, input_format: str) -> None:
    content = MINIMAL[input_format].encode() + "\nCaf\xe9".encode("latin-1")
    path = write(f"latin1.{input_format}", b"\xef\xbb\xbf" + content)
    offset = 3 + len(content) - 1  # the BOM counts: offsets are into the file as stored
    line = content.decode("latin-1").count("\n") + 1
    error = fails(
        TranscriptEncodingError,
        lambda: read_transcripts(path, input_format=input_format),
        source=path,
        line=line,
        says=("not UTF-8", f"byte offset {offset}", "0xe9", "save the file as UTF-8"),
    )
    assert isinstance(error, TranscriptError)


def test_crlf_and_cr_line_endings_keep_line_numbers(fails) -> None:
    for newline in ("\r\n", "\r"):
        content = newline.join(["T: Hi.", "", "C: Hello.", "Doctor: hm"])
        fails(
            TranscriptError,
            lambda content=content: parse_transcripts(content, input_format="text", source="s.txt"),
            source="s.txt",
            line=4,
        )


def test_a_missing_file_is_a_transcript_error(tmp_path: Path, fails) -> None:
    path = tmp_path / "nowhere.txt"
    error = fails(TranscriptError, lambda: read_transcripts(path), source=path, line=None, says=("no such file",))
    assert not isinstance(error.__cause__, OSError)


def test_an_unopenable_path_is_a_transcript_error(tmp_path: Path, fails) -> None:
    for path in (tmp_path / ("x" * 300 + ".txt"), tmp_path / "nul\x00.txt"):
        fails(
            TranscriptError,
            lambda path=path: read_transcripts(path),
            source=path,
            line=None,
            says=("cannot read",),
        )


def test_a_directory_is_a_transcript_error(tmp_path: Path, fails) -> None:
    folder = tmp_path / "sessions.txt"
    folder.mkdir()
    fails(TranscriptError, lambda: read_transcripts(folder), source=folder, line=None, says=("folder",))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_a_transcript_error(write, fails) -> None:
    path = write("locked.txt", MINIMAL["text"])
    path.chmod(0)
    fails(TranscriptError, lambda: read_transcripts(path), source=path, line=None, says=("permission",))


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path, fails) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_TRANSCRIPT_BYTES + 1)  # sparse: nothing is written, nothing should be read
    fails(TranscriptError, lambda: read_transcripts(path), source=path, line=None, says=("larger than 50 MB",))


def test_the_limit_is_inclusive(write, monkeypatch: pytest.MonkeyPatch, fails) -> None:
    monkeypatch.setattr(readers, "MAX_TRANSCRIPT_BYTES", len(MINIMAL["text"]))
    assert read_transcripts(write("fits.txt", MINIMAL["text"]))
    path = write("over.txt", MINIMAL["text"] + " ")
    fails(TranscriptError, lambda: read_transcripts(path), source=path, line=None, says=("too large",))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs an endless file with no size")
def test_an_endless_stream_is_cut_off_at_the_limit(monkeypatch: pytest.MonkeyPatch, fails) -> None:
    monkeypatch.setattr(readers, "MAX_TRANSCRIPT_BYTES", 1000)
    fails(
        TranscriptError,
        lambda: read_transcripts("/dev/zero", input_format="text"),
        source="/dev/zero",
        line=None,
        says=("too large",),
    )


def test_data_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch, fails) -> None:
    monkeypatch.setattr(readers, "MAX_TRANSCRIPT_BYTES", 10)
    for data in ("T: a long enough turn", b"T: a long enough turn"):
        fails(
            TranscriptError,
            lambda data=data: parse_transcripts(data, input_format="text", source="up.txt"),
            source="up.txt",
            line=None,
            says=("too large",),
        )
