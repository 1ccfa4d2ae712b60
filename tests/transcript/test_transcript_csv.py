"""AnnoMI-style CSV transcripts: many conversations per file, one row per utterance."""

from __future__ import annotations

from pathlib import Path

import pytest

from oars.errors import EmptyTranscriptError, TranscriptError, UnknownSpeakerError
from oars.transcript import Speaker, parse_transcripts, read_transcripts

COUNSELLOR, CLIENT = Speaker.COUNSELLOR, Speaker.CLIENT
HEADER = "transcript_id,utterance_id,interlocutor,utterance_text"
ANNOMI = Path(__file__).resolve().parents[3] / "shared" / "data" / "annomi"


def parse(content: str):
    return parse_transcripts(content, input_format="csv", source="s.csv")


def test_the_sample_file(data_dir: Path) -> None:
    path = data_dir / "annomi_sample.csv"
    sam, smoking = read_transcripts(path)
    # Transcripts in order of first appearance, ids as written.
    assert (sam.id, smoking.id) == ("7", "3")
    assert sam.source == smoking.source == str(path)
    # Utterances sorted by the integer utterance_id (9 before 10), which is also their index.
    assert [u.index for u in sam] == [0, 1, 2, 9, 10]
    assert [u.speaker for u in sam] == [COUNSELLOR, CLIENT, COUNSELLOR, COUNSELLOR, CLIENT]
    # The line a record starts on, counting the physical lines of multi-line fields.
    assert [u.line for u in sam] == [2, 3, 4, 7, 5]
    assert sam[0].text == "Thanks for coming in, Sam. How are things?"
    assert sam[4].text == "I want to cut down, but weekends are hard."
    assert [u.line for u in smoking] == [8, 9, 10]  # the blank utterance on line 11 is dropped
    assert smoking[2].text == "Have you tried the patch, the gum, or the app?"
    assert dict(sam.metadata) == {
        "mi_quality": "high",
        "topic": "reducing alcohol consumption",
        "video_title": 'Brief intervention: "Sam"',
    }
    assert smoking.metadata["mi_quality"] == "low"


def test_minimal_columns_in_any_order_and_case() -> None:
    [transcript] = parse(
        "Utterance_Text, INTERLOCUTOR ,utterance_id,transcript_id,extra\n"
        "Hi.,counsellor,0,a,x\n"
        "Hello.,Counselor,1,a\n"
        "Hey.,Client,2,a,x,y,z\n"
    )
    assert [(u.speaker, u.text) for u in transcript] == [
        (COUNSELLOR, "Hi."),
        (COUNSELLOR, "Hello."),
        (CLIENT, "Hey."),
    ]
    assert dict(transcript.metadata) == {}


def test_interleaved_rows_and_blank_lines() -> None:
    first, second = parse(f"{HEADER}\n\n2,1,client,b1\n1,0,therapist,a0\n\n2,0,therapist,b0\r\n1,1,client,a1\n")
    assert (first.id, [u.text for u in first]) == ("2", ["b0", "b1"])
    assert (second.id, [u.text for u in second]) == ("1", ["a0", "a1"])
    assert [u.line for u in first] == [6, 3]


def test_a_conversation_without_text_is_left_out() -> None:
    [transcript] = parse(f"{HEADER}\n1,0,therapist,  \n2,0,therapist,Hi.\n")
    assert transcript.id == "2"


@pytest.mark.parametrize("content", [HEADER, f"{HEADER}\n\n", f"{HEADER}\n1,0,therapist,\n1,1,client,  \n"])
def test_no_rows_with_text_is_an_empty_transcript(fails, content: str) -> None:
    fails(EmptyTranscriptError, lambda: parse(content), source="s.csv", line=None, says=("no utterances",))


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("transcript_id,utterance_id,interlocutor,text", "utterance_text"),
        ("id,speaker,text", "transcript_id, utterance_id, interlocutor, utterance_text"),
        ("transcript_id\tutterance_id\tinterlocutor\tutterance_text", "transcript_id, utterance_id"),
    ],
)
def test_missing_columns_are_named_with_the_columns_found(fails, header: str, missing: str) -> None:
    fails(
        TranscriptError,
        lambda: parse(f"\n{header}\n1,0,therapist,Hi.\n"),
        source="s.csv",
        line=2,
        says=(
            f"missing column{'s' if ',' in missing else ''} {missing}",
            f"found columns: {header.split(',')[0]}",
        ),
    )


ROWS_BEFORE = f'{HEADER}\n1,0,therapist,"Two\nlines"\n'  # the next record starts on line 4


@pytest.mark.parametrize(
    ("row", "error_type", "says"),
    [
        ("1,two,client,Hi.", TranscriptError, ("utterance_id 'two' is not an integer",)),
        ("1,,client,Hi.", TranscriptError, ("utterance_id '' is not an integer",)),
        ("1,1.5,client,Hi.", TranscriptError, ("not an integer",)),
        ("1,1,doctor,Hi.", UnknownSpeakerError, ("unknown interlocutor 'doctor'", "therapist", "client")),
        ("1,1", UnknownSpeakerError, ("unknown interlocutor ''",)),
        (",1,client,Hi.", TranscriptError, ("transcript_id is empty",)),
        ("1,0,client,Again.", TranscriptError, ("utterance_id 0 appears twice in transcript 1", "line 2")),
        ('1,1,client,"never closed\nmore\n', TranscriptError, ("malformed CSV", "double quotes")),
        ('1,1,client,"quoted" then text', TranscriptError, ("malformed CSV",)),
        ("1,1,client," + "x" * 200_000, TranscriptError, ("malformed CSV", "field limit")),
    ],
)
def test_bad_rows_name_the_line_where_the_record_starts(
    fails, row: str, error_type: type[TranscriptError], says: tuple[str, ...]
) -> None:
    fails(
        error_type,
        lambda: parse(f"{ROWS_BEFORE}{row}\n1,9,client,Fine.\n"),
        source="s.csv",
        line=4,
        says=says,
    )


@pytest.mark.skipif(not ANNOMI.is_dir(), reason="the AnnoMI training data is not checked out next to the repo")
@pytest.mark.parametrize("variant", ["simple", "full"])
def test_the_real_annomi_files(variant: str) -> None:
    path = ANNOMI / f"AnnoMI-{variant}.train.csv"
    transcripts = read_transcripts(path)
    assert len(transcripts) == 100
    assert sum(len(t) for t in transcripts) == 7753
    assert len({t.id for t in transcripts}) == 100
    first = transcripts[0]
    assert first.id == "0"
    assert first[0].speaker is COUNSELLOR
    assert first[0].line == 2
    assert first[0].text.startswith("Thanks for filling it out.")
    assert first.metadata["mi_quality"] in {"high", "low"}
    assert {"mi_quality", "topic", "video_title"} <= set(first.metadata)
    for transcript in transcripts:
        indices = [u.index for u in transcript]
        assert indices == sorted(indices)
        assert {u.speaker for u in transcript} == {COUNSELLOR, CLIENT}
        assert all(u.text and "\n" not in u.text for u in transcript)
