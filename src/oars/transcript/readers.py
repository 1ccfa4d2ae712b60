"""Read counselling transcripts from files or memory, whatever format they come in.

Every format ends up as the same :class:`~oars.transcript.model.Transcript`, so the coder and the reports
never care where a conversation came from. Every failure is an :class:`~oars.errors.OarsError` whose
message names the file, the line and the problem: the people who meet these errors are clinicians with a
file in hand, not programmers with a traceback.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from pathlib import Path

from oars.errors import EmptyTranscriptError, TranscriptEncodingError, TranscriptError, UnknownFormatError
from oars.transcript.formats import annomi, captions, jsonl, text
from oars.transcript.formats.common import split_lines
from oars.transcript.model import Transcript

__all__ = [
    "FORMATS",
    "MAX_TRANSCRIPT_BYTES",
    "detect_format",
    "parse_transcripts",
    "read_transcript",
    "read_transcripts",
]

FORMATS: tuple[str, ...] = ("text", "jsonl", "csv", "vtt", "srt")
# A long session transcript is well under 1 MB and all of AnnoMI is 2 MB; anything near this limit is
# the wrong file, and refusing it early keeps a stray upload from exhausting the web app's memory.
MAX_TRANSCRIPT_BYTES = 50_000_000

_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".vtt": "vtt",
    ".srt": "srt",
}
# Only VTT and SRT name people rather than roles, so only they use ``counsellor``.
_PARSERS: dict[str, Callable[[str, str, str | None], list[Transcript]]] = {
    "text": lambda content, source, _counsellor: text.parse(content, source),
    "jsonl": lambda content, source, _counsellor: jsonl.parse(content, source),
    "csv": lambda content, source, _counsellor: annomi.parse(content, source),
    "vtt": captions.parse_vtt,
    "srt": captions.parse_srt,
}


def detect_format(path: str | Path) -> str:
    """The format a file's extension stands for (``session1.vtt`` -> ``"vtt"``), ignoring case."""
    suffix = Path(path).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    found = f"the extension {suffix!r}" if suffix else "a file without an extension"
    raise UnknownFormatError(
        f"{path}: cannot tell the transcript format from {found}; known extensions: "
        f"{', '.join(_EXTENSIONS)}. Rename the file or name its format (one of {', '.join(FORMATS)})"
    )


def read_transcripts(
    path: str | Path, *, input_format: str | None = None, counsellor: str | None = None
) -> list[Transcript]:
    """Every transcript in a file (an AnnoMI CSV holds many, the other formats one).

    ``input_format`` overrides the extension; ``counsellor`` names the counsellor in VTT / SRT files
    (by default whoever speaks first) and is ignored by formats that label roles themselves.
    """
    chosen = detect_format(path) if input_format is None else _known(input_format, str(path))
    return parse_transcripts(_read(Path(path)), input_format=chosen, source=str(path), counsellor=counsellor)


def read_transcript(path: str | Path, *, input_format: str | None = None, counsellor: str | None = None) -> Transcript:
    """The one transcript in a file; a file holding several is an error rather than a silent pick."""
    transcripts = read_transcripts(path, input_format=input_format, counsellor=counsellor)
    if len(transcripts) != 1:
        raise TranscriptError(
            path,
            f"holds {len(transcripts)} transcripts where one was expected; use read_transcripts to read them all",
        )
    return transcripts[0]


def parse_transcripts(
    data: str | bytes, *, input_format: str, source: str = "<string>", counsellor: str | None = None
) -> list[Transcript]:
    """Every transcript in ``data``, a file's content already in memory (a web upload).

    ``source`` stands in for the file name: it goes into every error message and gives single-transcript
    formats their transcript id.
    """
    parse = _PARSERS[_known(input_format, source)]
    if len(data) > MAX_TRANSCRIPT_BYTES:  # for text this counts characters: still a bound on memory
        raise _too_large(source)
    content = _decode(data, source) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    if not content.strip():
        raise EmptyTranscriptError(source, "the file is empty")
    return parse(content, source, counsellor)


def _known(input_format: str, source: str) -> str:
    """``input_format``, checked to be a format oars reads."""
    if input_format not in _PARSERS:
        raise UnknownFormatError(
            f"{source}: unknown transcript format {input_format!r}; known formats: {', '.join(FORMATS)}"
        )
    return input_format


def _read(path: Path) -> bytes:
    """A file's bytes, refusing a missing, unreadable or oversized one with a plain message."""
    try:
        if path.is_dir():  # asked first: Windows reports opening a folder as a permission error
            raise TranscriptError(path, "is a folder, not a transcript file")
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_TRANSCRIPT_BYTES:
                raise _too_large(str(path))
            data = handle.read(MAX_TRANSCRIPT_BYTES + 1)  # a pipe or device has no size to check beforehand
    except FileNotFoundError:
        raise TranscriptError(path, "no such file") from None
    except PermissionError:
        raise TranscriptError(path, "permission denied: oars may not read this file") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the path
        reason = getattr(error, "strerror", None) or error
        raise TranscriptError(path, f"cannot read the file: {reason}") from None
    if len(data) > MAX_TRANSCRIPT_BYTES:
        raise _too_large(str(path))
    return data


def _too_large(source: str) -> TranscriptError:
    return TranscriptError(
        source, f"the file is larger than {MAX_TRANSCRIPT_BYTES // 1_000_000} MB, too large for a transcript"
    )


def _decode(data: bytes, source: str) -> str:
    """Strict UTF-8 (a leading byte-order mark allowed), pointing at the first bad byte otherwise.

    Guessing another encoding would silently garble names and accented words in the coded transcript.
    """
    skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = skipped + error.start
        line = len(split_lines(data[:offset].decode("utf-8")))
        raise TranscriptEncodingError(
            source,
            f"not UTF-8 text: byte 0x{data[offset]:02x} at byte offset {offset} cannot be decoded; "
            "save the file as UTF-8 and try again",
            line=line,
        ) from None
