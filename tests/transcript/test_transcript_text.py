"""Plain-text transcripts: ``T:`` / ``C:`` style speaker prefixes, one turn per line."""

from __future__ import annotations

from pathlib import Path

import pytest

from oars.errors import EmptyTranscriptError, TranscriptError, UnknownSpeakerError
from oars.transcript import Speaker, parse_transcripts, read_transcript

COUNSELLOR, CLIENT = Speaker.COUNSELLOR, Speaker.CLIENT


def parse(content: str, source: str = "s.txt"):
    [transcript] = parse_transcripts(content, input_format="text", source=source)
    return transcript


def test_the_sample_session(data_dir: Path) -> None:
    path = data_dir / "session.txt"
    transcript = read_transcript(path)
    assert (transcript.id, transcript.source) == ("session.txt", str(path))
    expected = [COUNSELLOR, CLIENT, COUNSELLOR, CLIENT, COUNSELLOR, CLIENT, CLIENT, COUNSELLOR, CLIENT]
    assert [u.speaker for u in transcript] == expected
    assert [u.index for u in transcript] == list(range(9))
    assert [u.line for u in transcript] == [1, 2, 5, 6, 7, 8, 9, 10, 11]
    # A line without a prefix continues the turn above it, joined by a space.
    assert transcript[1].text == "My wife says I drink too much. I'm not sure I agree, but she keeps bringing it up."
    # Two lines of one speaker stay two utterances.
    assert transcript[6].text == "And I missed my daughter's football game last Saturday."
    # A colon later in a line is just text.
    assert transcript[8].text == "It did. She was really upset: she said I promised."
    assert all(u.name is None and u.start is None for u in transcript)


@pytest.mark.parametrize(
    ("prefix", "speaker"),
    [
        ("T:", COUNSELLOR),
        ("t:", COUNSELLOR),
        ("Counsellor:", COUNSELLOR),
        ("COUNSELOR :", COUNSELLOR),
        ("  therapist\t:", COUNSELLOR),
        ("C:", CLIENT),
        ("c :", CLIENT),
        ("Client:", CLIENT),
        ("CLIENT:", CLIENT),
    ],
)
def test_accepted_prefixes(prefix: str, speaker: Speaker) -> None:
    [utterance] = parse(f"{prefix}  Hello   there.").utterances
    assert (utterance.speaker, utterance.text) == (speaker, "Hello there.")


def test_text_right_after_the_colon() -> None:
    assert parse("T:Hi.\nC:Hello.")[1].text == "Hello."


def test_whitespace_is_normalised_and_characters_kept() -> None:
    transcript = parse("T:\tCafé\u00a0time?  🙂\n   \n\n   and   more\nC: ない")
    assert [u.text for u in transcript] == ["Café time? 🙂 and more", "ない"]


def test_empty_turns_are_dropped_and_indices_stay_contiguous() -> None:
    transcript = parse("T:\nC:   \nT: Hi.\nC:\n   then text\nT:")
    assert [(u.index, u.speaker, u.text, u.line) for u in transcript] == [
        (0, COUNSELLOR, "Hi.", 3),
        (1, CLIENT, "then text", 4),
    ]


def test_only_empty_turns_is_an_empty_transcript(fails) -> None:
    fails(
        EmptyTranscriptError,
        lambda: parse("T:\n\nC:   \n"),
        source="s.txt",
        line=None,
        says=("no utterances", "T:, C:"),
    )


@pytest.mark.parametrize(
    ("first", "label"),
    [("Doctor: hello", "Doctor"), ("Dr. Lee: hello", "Dr. Lee"), ("patient : hi", "patient")],
)
def test_an_unknown_prefix_on_the_first_line(fails, first: str, label: str) -> None:
    fails(
        UnknownSpeakerError,
        lambda: parse(f"\n{first}\nT: hi", source="dir/s1.txt"),
        source="dir/s1.txt",
        line=2,
        says=(f"'{label}:'", "T:, C:, Counsellor:, Counselor:, Therapist:, Client:"),
    )


def test_a_first_line_without_prefix(fails) -> None:
    error = fails(
        TranscriptError,
        lambda: parse("Hello, how are you\nC: fine"),
        source="s.txt",
        line=1,
        says=("no speaker prefix", "no earlier turn", "T:, C:"),
    )
    assert not isinstance(error, UnknownSpeakerError)


@pytest.mark.parametrize("line", ["Doctor: hello", "Note: client left early", "Patient: hi", "  Mum : stop"])
def test_an_unknown_capitalised_prefix_later_is_an_error(fails, line: str) -> None:
    label = line.split(":")[0].strip()
    fails(
        UnknownSpeakerError,
        lambda: parse(f"T: Hi.\nC: Hello.\n{line}"),
        source="s.txt",
        line=3,
        says=(f"'{label}:'", "Client:", "continues the previous turn"),
    )


@pytest.mark.parametrize(
    "line",
    [
        "and then I said: no",
        "so: what now",  # not capitalised
        "Well, I said: no",  # more than one word before the colon
        "Extraordinarilylongwords: beyond twenty letters",
        "10:30 is when I wake",
        "http://example.org",
    ],
)
def test_colon_lines_that_continue_the_turn(line: str) -> None:
    transcript = parse(f"C: First.\n{line}")
    assert len(transcript) == 1
    assert transcript[0].text == f"First. {line}"
