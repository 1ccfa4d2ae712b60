"""CSV transcripts with AnnoMI's columns: many conversations in one file, one row per utterance.

AnnoMI (Wu et al. 2022) is the public corpus of expert-annotated MI sessions and the de-facto exchange
format; other tools' exports are read if they use the same four required column names. Everything else in
a row (AnnoMI's annotations included) is ignored here, except a few per-conversation columns that reports
show, kept as transcript metadata.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from oars.errors import EmptyTranscriptError, TranscriptError, UnknownSpeakerError
from oars.transcript.formats.common import normalise, role
from oars.transcript.model import Speaker, Transcript, Utterance

__all__ = ["METADATA_COLUMNS", "REQUIRED_COLUMNS", "parse"]

REQUIRED_COLUMNS: tuple[str, ...] = ("transcript_id", "utterance_id", "interlocutor", "utterance_text")
METADATA_COLUMNS: tuple[str, ...] = ("mi_quality", "topic", "video_title")


@dataclass(slots=True)
class _Conversation:
    """The rows of one ``transcript_id`` seen so far, keyed by utterance id."""

    metadata: dict[str, Any]
    rows: dict[int, tuple[int, Speaker, str]] = field(default_factory=dict)  # id -> (line, speaker, text)


def parse(content: str, source: str) -> list[Transcript]:
    """Parse an AnnoMI-style CSV into one transcript per ``transcript_id``, in order of first appearance."""
    records = _records(content, source)
    columns = _columns(next(records, None), source)
    conversations: dict[str, _Conversation] = {}
    for line, row in records:
        _add(conversations, columns, row, line, source)
    transcripts = [
        transcript
        for transcript_id, conversation in conversations.items()
        if (transcript := _transcript(transcript_id, conversation, source)).utterances
    ]
    if not transcripts:
        raise EmptyTranscriptError(source, "no utterances found: the file has a header but no rows with text")
    return transcripts


def _records(content: str, source: str) -> Iterator[tuple[int, list[str]]]:
    """Non-blank rows with the line each starts on (a quoted field may span several lines).

    The reader is strict: with lenient quoting one stray quote silently swallows the rest of the file into
    a single field, where an error points at the record to fix.
    """
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    start = 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                yield start, row
            start = reader.line_num + 1
    except csv.Error as error:
        raise TranscriptError(
            source,
            f"malformed CSV record ({error}); a field holding commas, quotes or line breaks must be wrapped "
            'in double quotes, with any quote inside it doubled ("")',
            line=start,
        ) from None


def _columns(header: tuple[int, list[str]] | None, source: str) -> dict[str, int]:
    """The position of each column oars uses, checking that the required ones are there."""
    if header is None:  # the caller has already refused a blank file; this guards direct calls
        raise EmptyTranscriptError(source, "the file is empty")
    line, names = header
    positions: dict[str, int] = {}
    for position, name in enumerate(names):
        positions.setdefault(name.strip().lower(), position)
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    if missing:
        raise TranscriptError(
            source,
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            f"found columns: {', '.join(name.strip() for name in names)}. "
            f"A CSV transcript needs the AnnoMI columns {', '.join(REQUIRED_COLUMNS)}",
            line=line,
        )
    return {name: positions[name] for name in (*REQUIRED_COLUMNS, *METADATA_COLUMNS) if name in positions}


def _add(
    conversations: dict[str, _Conversation], columns: dict[str, int], row: list[str], line: int, source: str
) -> None:
    """Check one row and file it under its conversation."""

    def cell(name: str) -> str:
        position = columns[name]
        return row[position].strip() if position < len(row) else ""

    transcript_id = cell("transcript_id")
    if not transcript_id:
        raise TranscriptError(source, "the transcript_id is empty", line=line)
    if transcript_id not in conversations:
        metadata = {name: cell(name) for name in METADATA_COLUMNS if name in columns and cell(name)}
        conversations[transcript_id] = _Conversation(metadata)
    conversation = conversations[transcript_id]
    utterance_id = _utterance_id(cell("utterance_id"), line, source)
    if utterance_id in conversation.rows:
        first = conversation.rows[utterance_id][0]
        raise TranscriptError(
            source,
            f"utterance_id {utterance_id} appears twice in transcript {transcript_id} (first on line {first})",
            line=line,
        )
    conversation.rows[utterance_id] = (
        line,
        _speaker(cell("interlocutor"), line, source),
        cell("utterance_text"),
    )


def _utterance_id(value: str, line: int, source: str) -> int:
    """The row's ``utterance_id`` as the integer that orders the conversation."""
    try:
        return int(value)
    except ValueError:
        raise TranscriptError(source, f"utterance_id {value!r} is not an integer", line=line) from None


def _speaker(value: str, line: int, source: str) -> Speaker:
    """The role named by the row's ``interlocutor``."""
    speaker = role(value)
    if speaker is None:
        raise UnknownSpeakerError(
            source,
            f"unknown interlocutor {value!r}; use therapist (or counsellor, counselor) or client",
            line=line,
        )
    return speaker


def _transcript(transcript_id: str, conversation: _Conversation, source: str) -> Transcript:
    """The conversation in ``utterance_id`` order, without rows whose text is blank."""
    utterances = tuple(
        Utterance(index=utterance_id, speaker=speaker, text=text, line=line)
        for utterance_id, (line, speaker, raw) in sorted(conversation.rows.items())
        if (text := normalise(raw))
    )
    return Transcript(id=transcript_id, utterances=utterances, source=source, metadata=conversation.metadata)
