"""JSON Lines transcripts: one ``{"speaker": "counsellor" | "client", "text": "..."}`` object per line.

The format most tools can write without a CSV dialect to get wrong; keys other than ``speaker`` and
``text`` are ignored so that exports carrying timestamps or ids can be read as they are.
"""

from __future__ import annotations

import json
from typing import Any

from oars.errors import TranscriptError, UnknownSpeakerError
from oars.transcript.formats.common import normalise, role, single_transcript, split_lines
from oars.transcript.model import Speaker, Transcript, Utterance

__all__ = ["parse"]

_EXAMPLE = '{"speaker": "client", "text": "..."}'
_JSON_TYPES: dict[type, str] = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


def parse(content: str, source: str) -> list[Transcript]:
    """Parse a JSONL transcript into one transcript named after the file."""
    utterances: list[Utterance] = []
    for number, line in enumerate(split_lines(content), start=1):
        if not line.strip():
            continue
        speaker, said = _turn(_load(line, number, source), number, source)
        if text := normalise(said):
            utterances.append(Utterance(index=len(utterances), speaker=speaker, text=text, line=number))
    return single_transcript(source, utterances, f"expected lines like {_EXAMPLE}")


def _load(line: str, number: int, source: str) -> Any:
    """The JSON value on one line, or an error saying where and why it is not valid JSON."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        problem = f"{error.msg} (column {error.colno})"
    except ValueError as error:  # e.g. an integer longer than Python agrees to convert
        problem = str(error).split(";")[0]
    except RecursionError:
        problem = "nested too deeply"
    raise TranscriptError(source, f"invalid JSON: {problem}", line=number)


def _turn(record: Any, number: int, source: str) -> tuple[Speaker, str]:
    """The speaker and text of one decoded line, checked."""
    if not isinstance(record, dict):
        raise TranscriptError(
            source, f"expected a JSON object like {_EXAMPLE}, found {_JSON_TYPES[type(record)]}", line=number
        )
    name = _string_field(record, "speaker", number, source)
    speaker = role(name)
    if speaker is None:
        raise UnknownSpeakerError(
            source,
            f'unknown speaker "{name}"; use "counsellor" (or "counselor", "therapist") or "client"',
            line=number,
        )
    return speaker, _string_field(record, "text", number, source)


def _string_field(record: dict[str, Any], key: str, number: int, source: str) -> str:
    """``record[key]``, which must be present and a string."""
    if key not in record:
        raise TranscriptError(source, f'the object has no "{key}" field; expected {_EXAMPLE}', line=number)
    value = record[key]
    if not isinstance(value, str):
        raise TranscriptError(source, f'"{key}" must be a string, found {_JSON_TYPES[type(value)]}', line=number)
    return value
