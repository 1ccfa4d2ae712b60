"""Plain-text transcripts: one turn per line, each starting with a speaker prefix such as ``T:``.

A line without a prefix continues the turn above it (transcribers wrap long turns). A line that *looks*
like a speaker prefix but is not a known one (``Doctor: ...``) is an error rather than a continuation:
silently merging a third person's words into the previous turn would corrupt the coding without anyone
noticing, while an error names the line to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oars.errors import TranscriptError, UnknownSpeakerError
from oars.transcript.formats.common import normalise, single_transcript, split_lines
from oars.transcript.model import Speaker, Transcript, Utterance

__all__ = ["ACCEPTED_PREFIXES", "parse"]

_PREFIXES: dict[str, Speaker] = {
    "t": Speaker.COUNSELLOR,
    "counsellor": Speaker.COUNSELLOR,
    "counselor": Speaker.COUNSELLOR,
    "therapist": Speaker.COUNSELLOR,
    "c": Speaker.CLIENT,
    "client": Speaker.CLIENT,
}
ACCEPTED_PREFIXES = "T:, C:, Counsellor:, Counselor:, Therapist:, Client:"

_PREFIX = re.compile(r"\s*(?P<label>[A-Za-z]+)\s*:(?P<text>.*)")
# Later in the file only a single capitalised word is taken for an attempted speaker prefix, so that a
# continuation such as "and then I said: no" stays a continuation.
_LOOKS_LIKE_SPEAKER = re.compile(r"\s*(?P<label>[A-Z][A-Za-z]{0,19})\s*:")
# On the first line anything name-like before a colon is reported by name ("Dr. Lee"), as nothing
# before it could be continued anyway.
_OPENING_LABEL = re.compile(r"\s*(?P<label>[^\W\d_][\w .'’-]{0,29}?)\s*:")


@dataclass(slots=True)
class _Turn:
    line: int
    speaker: Speaker
    parts: list[str]  # the turn's first line and its continuation lines


def parse(content: str, source: str) -> list[Transcript]:
    """Parse a plain-text transcript into one transcript named after the file."""
    turns: list[_Turn] = []
    for number, line in enumerate(split_lines(content), start=1):
        if not line.strip():
            continue
        speaker, said = _speaker(line, number, source, opening=not turns)
        if speaker is None:
            turns[-1].parts.append(said)
        else:
            turns.append(_Turn(number, speaker, [said]))
    utterances: list[Utterance] = []
    for turn in turns:
        if text := normalise(" ".join(turn.parts)):
            utterances.append(Utterance(index=len(utterances), speaker=turn.speaker, text=text, line=turn.line))
    return single_transcript(source, utterances, f"expected lines starting with one of {ACCEPTED_PREFIXES}")


def _speaker(line: str, number: int, source: str, *, opening: bool) -> tuple[Speaker | None, str]:
    """The speaker this line starts a turn for (``None`` for a continuation) and the words after it."""
    match = _PREFIX.match(line)
    if match and (speaker := _PREFIXES.get(match["label"].lower())):
        return speaker, match["text"]
    if opening:
        raise _opening_error(line, number, source)
    if unknown := _LOOKS_LIKE_SPEAKER.match(line):
        label = unknown["label"]
        raise UnknownSpeakerError(
            source,
            f"unknown speaker prefix '{label}:'; accepted prefixes: {ACCEPTED_PREFIXES}. "
            f"If this line continues the previous turn, reword it so that it does not start with '{label}:'",
            line=number,
        )
    return None, line


def _opening_error(line: str, number: int, source: str) -> TranscriptError:
    """The error for a first turn that does not start with a known speaker prefix."""
    if match := _OPENING_LABEL.match(line):
        return UnknownSpeakerError(
            source,
            f"unknown speaker prefix '{match['label']}:'; accepted prefixes: {ACCEPTED_PREFIXES}",
            line=number,
        )
    return TranscriptError(
        source,
        f"the first line has no speaker prefix, and there is no earlier turn for it to continue; "
        f"start it with one of {ACCEPTED_PREFIXES}",
        line=number,
    )
