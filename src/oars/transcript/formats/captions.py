"""WebVTT and SRT caption files (Zoom, Teams and Otter exports) turned into counsellor / client turns.

Caption files name people rather than roles, and cut turns into many short cues. So:

* a cue's speaker comes from a ``<v Name>`` voice tag (Teams), a ``Name:`` prefix (Zoom) or a ``[Name]``
  prefix, and a cue naming nobody continues the previous speaker (Otter names only a turn's first cue);
* consecutive cues of one speaker are merged back into one utterance, from the first cue's start to the
  last cue's end, because the coder judges whole turns, not subtitle-sized fragments;
* one speaker is the counsellor (``counsellor=NAME``, by default whoever speaks first) and everyone else
  the client: a relative joining the session speaks on the client's side of the conversation.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import groupby

from oars.errors import EmptyTranscriptError, TranscriptError, UnknownSpeakerError
from oars.transcript.formats.common import normalise, single_transcript, split_lines
from oars.transcript.model import Speaker, Transcript, Utterance

__all__ = ["parse_srt", "parse_vtt"]

_Block = list[tuple[int, str]]  # the (line number, line) pairs of one blank-line-separated block

_VTT_TIMING = "00:00:01.000 --> 00:00:04.000"
_SRT_TIMING = "00:00:01,000 --> 00:00:04,000"
_TIME = r"(?:(\d+):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})"
_TIMING = re.compile(rf"\s*{_TIME}\s*-->\s*{_TIME}(?:\s.*)?")  # cue settings after the end time are ignored
# What a timing line with a typo still looks like, so that it is reported as a malformed timing.
_TIMING_ATTEMPT = re.compile(r"-->|^\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d")
_VTT_HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
_VTT_SKIPPED = re.compile(r"(?:NOTE|STYLE|REGION)(?:\s.*)?")
_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?[ \t]+([^<>]*)>")
# Tags start with a letter (or are timestamps), so that a literal "<3" or "a < b" in SRT text survives.
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<\d[\d:.]*>")
_BRACKET_NAME = re.compile(r"\[\s*(?P<name>[^\[\]\s][^\[\]]{0,39}?)\s*\][ \t]*(?P<text>\S.*)")
_NAME_PREFIX = re.compile(r"(?P<name>[^\W_][\w.'’()&/@-]*(?:[ \t]+[\w.'’()&/@-]+){0,3})[ \t]*:(?:[ \t]+|$)(?P<text>.*)")
_MAX_NAME = 40
_NEEDS_NAMES = "oars needs <v Name> voice tags or 'Name:' prefixes to tell the speakers apart"


@dataclass(frozen=True, slots=True)
class _Piece:
    """Text one named speaker said within one or more consecutive cues."""

    line: int
    start: float
    end: float
    name: str
    text: str


def parse_vtt(content: str, source: str, counsellor: str | None = None) -> list[Transcript]:
    """Parse a WebVTT file into one transcript named after the file."""
    blocks = _blocks(content)
    if not blocks:
        raise EmptyTranscriptError(source, "the file is empty")
    header, *cues = blocks
    number, first = header[0]
    if not _VTT_HEADER.fullmatch(first.strip()):
        raise TranscriptError(source, "not a WebVTT file: the first line must be WEBVTT", line=number)
    if any(_TIMING_ATTEMPT.search(line) for _, line in header[1:]):  # a cue right under the header
        cues.insert(0, header[1:])
    cues = [block for block in cues if not _VTT_SKIPPED.fullmatch(block[0][1].strip())]
    return _transcripts(cues, source, counsellor, _VTT_TIMING)


def parse_srt(content: str, source: str, counsellor: str | None = None) -> list[Transcript]:
    """Parse an SRT file into one transcript named after the file."""
    return _transcripts(_blocks(content), source, counsellor, _SRT_TIMING)


def _blocks(content: str) -> list[_Block]:
    """The file's blank-line-separated blocks, each line with its 1-based number."""
    blocks: list[_Block] = []
    current: _Block = []
    for number, line in enumerate(split_lines(content), start=1):
        if line.strip():
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _transcripts(cues: list[_Block], source: str, counsellor: str | None, example: str) -> list[Transcript]:
    """Turn cue blocks into the conversation's utterances, speakers mapped to roles."""
    pieces = _merge(_pieces(cues, source, example))
    names: dict[str, str] = {}  # casefolded name -> the name as first written
    for piece in pieces:
        names.setdefault(piece.name.casefold(), piece.name)
    chosen = _counsellor(names, counsellor, source)
    utterances = [
        Utterance(
            index=index,
            speaker=Speaker.COUNSELLOR if piece.name.casefold() == chosen else Speaker.CLIENT,
            text=piece.text,
            line=piece.line,
            name=piece.name,
            start=piece.start,
            end=piece.end,
        )
        for index, piece in enumerate(pieces)
    ]
    metadata = {"counsellor_name": names[chosen], "speaker_names": tuple(names.values())}
    return single_transcript(source, utterances, "no cue has any text", metadata)


def _pieces(cues: list[_Block], source: str, example: str) -> list[_Piece]:
    """Every stretch of cue text with its speaker, a cue naming nobody inheriting the one before."""
    is_name = _name_test(cues)
    pieces: list[_Piece] = []
    speaker: str | None = None
    unnamed: int | None = None  # the line of the first text that has no speaker to inherit
    for block in cues:
        start, end, payload = _cue(block, source, example)
        for number, raw in payload:
            for name, text in _split_line(raw, is_name):
                speaker = name or speaker
                if text and speaker is None:
                    unnamed = unnamed or number
                elif text and speaker is not None:
                    pieces.append(_Piece(number, start, end, speaker, text))
    if unnamed is not None:
        if not pieces:
            raise TranscriptError(source, f"no speaker names found; {_NEEDS_NAMES}")
        raise TranscriptError(
            source, f"this cue names no speaker and no cue before it does; {_NEEDS_NAMES}", line=unnamed
        )
    if not pieces:
        raise EmptyTranscriptError(source, "no utterances found: no cue has any text")
    return pieces


def _cue(block: _Block, source: str, example: str) -> tuple[float, float, _Block]:
    """A cue's start and end seconds and its text lines; an optional identifier line precedes the timing."""
    for position, (number, line) in enumerate(block[:2]):
        if _TIMING_ATTEMPT.search(line):
            start, end = _timing(line, number, source, example)
            return start, end, block[position + 1 :]
    number, line = block[0]
    raise TranscriptError(source, f"expected a cue timing line like '{example}', found '{_excerpt(line)}'", line=number)


def _timing(line: str, number: int, source: str, example: str) -> tuple[float, float]:
    """The start and end of a timing line, in seconds."""
    match = _TIMING.fullmatch(line)
    if match is None:
        raise TranscriptError(
            source, f"malformed cue timing '{_excerpt(line)}'; expected a line like '{example}'", line=number
        )
    return _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])


def _seconds(hours: str | None, minutes: str, seconds: str, fraction: str) -> float:
    """A ``[hh:]mm:ss.ttt`` time in seconds; the fraction is read as a decimal (``.5`` is half a second)."""
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(fraction) / 10 ** len(fraction)


def _name_test(cues: list[_Block]) -> Callable[[str], bool]:
    """Decide which ``Something:`` openings are speaker names rather than the start of a sentence.

    Otter continuation cues are sentences, and "So the thing is: ..." must not become a speaker. A name
    is accepted when every word is capitalised ("Dr. Sam Lee", "Speaker 2") or when the same opening
    starts more than one line of the file, as a lower-case Zoom display name ("sam") does.
    """
    openings = Counter(
        match["name"] for block in cues for _, raw in block if (match := _NAME_PREFIX.fullmatch(_clean(raw)))
    )

    def is_name(candidate: str) -> bool:
        capitalised = all(word[0].isupper() or word[0].isdigit() for word in candidate.split())
        return len(candidate) <= _MAX_NAME and (capitalised or openings[candidate] > 1)

    return is_name


def _split_line(raw: str, is_name: Callable[[str], bool]) -> list[tuple[str | None, str]]:
    """One cue line as (speaker named here or ``None``, clean text) pieces, split at voice tags."""
    head, *voiced = _VOICE.split(raw)
    pieces = [_named(_clean(head), is_name)]
    pieces += [(_clean(name) or None, _clean(text)) for name, text in zip(voiced[::2], voiced[1::2], strict=True)]
    return pieces


def _named(text: str, is_name: Callable[[str], bool]) -> tuple[str | None, str]:
    """Split a ``[Name]`` or ``Name:`` opening off text that has no voice tag."""
    if match := _BRACKET_NAME.fullmatch(text):
        return match["name"], match["text"]
    match = _NAME_PREFIX.fullmatch(text)
    if match and is_name(match["name"]):
        return match["name"], match["text"]
    return None, text


def _clean(raw: str) -> str:
    """Cue text without markup: tags removed, entities (``&amp;``, ``&nbsp;``) decoded, spaces normalised."""
    return normalise(html.unescape(_TAG.sub("", raw)))


def _merge(pieces: list[_Piece]) -> list[_Piece]:
    """Join consecutive pieces of the same speaker into one turn spanning all their cues."""
    merged: list[_Piece] = []
    for _, group in groupby(pieces, key=lambda piece: piece.name.casefold()):
        run = list(group)
        text = " ".join(piece.text for piece in run)
        merged.append(replace(run[0], end=run[-1].end, text=text))
    return merged


def _counsellor(names: dict[str, str], counsellor: str | None, source: str) -> str:
    """The casefolded name of the counsellor: the one asked for, or whoever spoke first."""
    if counsellor is None:
        return next(iter(names))
    chosen = counsellor.strip().casefold()
    if chosen not in names:
        found = ", ".join(repr(name) for name in names.values())
        raise UnknownSpeakerError(
            source,
            f"no speaker is named {counsellor!r}, so it cannot be the counsellor; speakers found: {found}",
        )
    return chosen


def _excerpt(line: str, width: int = 60) -> str:
    """The start of an offending line, short enough to quote in an error message."""
    line = line.strip()
    return line if len(line) <= width else f"{line[: width - 3]}..."
