"""JSON Lines transcripts: one ``{"speaker": ..., "text": ...}`` object per line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oars.errors import EmptyTranscriptError, TranscriptError, UnknownSpeakerError
from oars.transcript import Speaker, parse_transcripts, read_transcript

COUNSELLOR, CLIENT = Speaker.COUNSELLOR, Speaker.CLIENT


def parse(content: str):
    [transcript] = parse_transcripts(content, input_format="jsonl", source="s.jsonl")
    return transcript


def line(speaker: object, text: object = "Hi.", **extra: object) -> str:
    return json.dumps({"speaker": speaker, "text": text, **extra}, ensure_ascii=False)


def test_the_sample_session(data_dir: Path) -> None:
    path = data_dir / "session.jsonl"
    transcript = read_transcript(path)
    assert (transcript.id, transcript.source) == ("session.jsonl", str(path))
    assert [u.speaker for u in transcript] == [COUNSELLOR, CLIENT] * 4
    assert [u.index for u in transcript] == list(range(8))
    assert [u.line for u in transcript] == [1, 2, 4, 5, 6, 7, 8, 9]  # line 3 is blank
    assert transcript[5].text == "Knowing I had a plan for the mornings, I think. 🙂"
    assert transcript[7].text == "Yes. Maybe I could try that again."


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("counsellor", COUNSELLOR),
        ("Counselor", COUNSELLOR),
        ("THERAPIST", COUNSELLOR),
        (" client ", CLIENT),
        ("Client", CLIENT),
    ],
)
def test_speaker_names(speaker: str, expected: Speaker) -> None:
    assert parse(line(speaker))[0].speaker is expected


def test_extra_keys_are_ignored_and_empty_texts_dropped() -> None:
    content = "\n".join([line("client", "  ", id=1), line("counsellor", "Hi.", start=0.5, tags=["x"])])
    [utterance] = parse(content).utterances
    assert (utterance.index, utterance.speaker, utterance.line) == (0, COUNSELLOR, 2)


def test_only_empty_texts_is_an_empty_transcript(fails) -> None:
    fails(EmptyTranscriptError, lambda: parse(line("client", "")), source="s.jsonl", line=None)


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ('{"speaker": "client", "text": "Hi.}', ("invalid JSON", "column")),
        ("{'speaker': 'client'}", ("invalid JSON",)),
        ('{"speaker": "client", "text": "Hi."} trailing', ("invalid JSON", "Extra data")),
        ("[" * 100_000, ("invalid JSON",)),
        ('{"speaker": "client", "text": "Hi.", "n": ' + "1" * 5000 + "}", ("invalid JSON",)),
        ('["client", "Hi."]', ("expected a JSON object", "found an array")),
        ('"client: Hi."', ("found a string",)),
        ("null", ("found null",)),
        ('{"text": "Hi."}', ('no "speaker" field',)),
        ('{"speaker": "client"}', ('no "text" field',)),
        (line("client", 42), ('"text" must be a string', "found a number")),
        (line(None), ('"speaker" must be a string', "found null")),
        (line(["client"]), ('"speaker" must be a string', "found an array")),
        (line("client", {"en": "Hi."}), ('"text" must be a string', "found an object")),
    ],
)
def test_malformed_lines_name_the_line_and_the_problem(fails, bad: str, says: tuple[str, ...]) -> None:
    content = "\n".join([line("counsellor"), "", bad, line("client")])
    error = fails(TranscriptError, lambda: parse(content), source="s.jsonl", line=3, says=says)
    assert not isinstance(error, UnknownSpeakerError)


@pytest.mark.parametrize("speaker", ["doctor", "patient", "T", ""])
def test_an_unknown_speaker(fails, speaker: str) -> None:
    fails(
        UnknownSpeakerError,
        lambda: parse("\n".join([line("counsellor"), line(speaker)])),
        source="s.jsonl",
        line=2,
        says=(f'"{speaker}"', '"counsellor"', '"client"'),
    )
