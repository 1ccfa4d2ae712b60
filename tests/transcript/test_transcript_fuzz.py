"""Whatever bytes arrive, the readers fail only with oars errors, never with a stray Python exception.

The web app and the CLI show ``OarsError`` messages to the user and treat anything else as a crash, so a
malformed upload must never surface as, say, an ``IndexError``. Hypothesis is not a dependency at run
time, so the inputs come from seeded random generators: repeatable, and biased towards each format's
syntax so that they get past the first check.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from oars.errors import OarsError
from oars.transcript import FORMATS, Transcript, parse_transcripts

DATA = Path(__file__).parent / "data"
SAMPLES = sorted(DATA.iterdir())
TOKENS = [
    "WEBVTT",
    "NOTE",
    "STYLE",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\ufeff",
    "\u00a0",
    "\u2028",
    "\x00",
    "-->",
    " --> ",
    "00:00:01.000",
    "00:01,5",
    "99:59:59,999",
    "1:",
    "12",
    "-3",
    "1.5",
    ":",
    ",",
    '"',
    '""',
    "'",
    "<v Ann>",
    "<v.x  >",
    "<v>",
    "</v>",
    "<i>",
    "<00:00:02.000>",
    "<",
    ">",
    "&amp;",
    "&nbsp",
    "&#0;",
    "&#xD800;",
    "[Bob]",
    "[",
    "]",
    "T:",
    "C:",
    "Client:",
    "Doctor:",
    "Ann:",
    "ann smith:",
    "{",
    "}",
    "[]",
    '{"speaker": "client", "text": "hi"}',
    '"speaker"',
    '"text"',
    "null",
    "1e999",
    "transcript_id,utterance_id,interlocutor,utterance_text",
    "transcript_id",
    "therapist",
    "client",
    "hello",
    "🙂",
    "\udc80",
    "é",
]


def token_soup(rng: random.Random) -> str:
    return "".join(rng.choice(TOKENS) for _ in range(rng.randint(0, 60)))


def random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randint(0, 200))


def mutated_sample(rng: random.Random) -> bytes:
    data = bytearray(rng.choice(SAMPLES).read_bytes())
    for _ in range(rng.randint(1, 8)):
        position = rng.randrange(len(data) + 1)
        action = rng.randrange(4)
        if action == 0:
            del data[position : position + rng.randint(1, 40)]
        elif action == 1:
            data[position:position] = rng.choice(TOKENS).encode("utf-8", "surrogatepass")
        elif action == 2:
            data[position:position] = rng.randbytes(rng.randint(1, 3))
        else:
            cut = rng.randrange(len(data) + 1)
            data[position:position] = data[cut : cut + rng.randint(1, 80)]
    return bytes(data)


GENERATORS = {"token_soup": token_soup, "random_bytes": random_bytes, "mutated_sample": mutated_sample}


def assert_only_oars_errors(data: str | bytes, input_format: str, counsellor: str | None) -> None:
    try:
        transcripts = parse_transcripts(data, input_format=input_format, source="fuzz", counsellor=counsellor)
    except OarsError:
        return
    assert transcripts
    for transcript in transcripts:
        assert isinstance(transcript, Transcript)
        assert transcript.utterances
        assert all(u.text and u.text == " ".join(u.text.split()) for u in transcript)


@pytest.mark.parametrize("input_format", FORMATS)
@pytest.mark.parametrize("generator", GENERATORS)
def test_parsers_raise_only_oars_errors(input_format: str, generator: str) -> None:
    rng = random.Random(f"{input_format}-{generator}")
    make = GENERATORS[generator]
    for case in range(1000):
        data = make(rng)
        counsellor = rng.choice([None, "Ann", "nobody"])
        try:
            assert_only_oars_errors(data, input_format, counsellor)
        except Exception as error:  # report the input that broke the parser
            raise AssertionError(f"case {case}: {data!r} ({input_format}, counsellor={counsellor!r})") from error
