"""What the format parsers share: line splitting, whitespace normalisation, role words, the result shape."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from oars.errors import EmptyTranscriptError
from oars.transcript.model import Speaker, Transcript, Utterance

__all__ = ["normalise", "role", "single_transcript", "split_lines"]

# Role names used by files that label roles rather than people (JSONL, AnnoMI CSV).
_ROLE_WORDS: dict[str, Speaker] = {
    "counsellor": Speaker.COUNSELLOR,
    "counselor": Speaker.COUNSELLOR,
    "therapist": Speaker.COUNSELLOR,
    "client": Speaker.CLIENT,
}


def split_lines(content: str) -> list[str]:
    r"""Split on ``\n``, ``\r\n`` and ``\r`` only.

    ``str.splitlines`` also breaks on form feeds, U+2028 and other separators that editors do not show as
    line breaks, which would make the line numbers in error messages point at the wrong line.
    """
    return content.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def normalise(text: str) -> str:
    """Collapse every run of whitespace (tabs, newlines, no-break spaces) to one space and strip the ends."""
    return " ".join(text.split())


def role(word: str) -> Speaker | None:
    """The role a role word (``"Therapist"``, ``" client "``) names, or ``None`` when it names none."""
    return _ROLE_WORDS.get(word.strip().casefold())


def single_transcript(
    source: str, utterances: Sequence[Utterance], nothing: str, metadata: Mapping[str, Any] | None = None
) -> list[Transcript]:
    """Wrap the utterances of a one-conversation file, named after the file, refusing an empty one.

    ``nothing`` says what the file lacked, so that the error tells the user what oars was looking for.
    """
    if not utterances:
        raise EmptyTranscriptError(source, f"no utterances found: {nothing}")
    return [Transcript(id=Path(source).name, utterances=tuple(utterances), source=source, metadata=metadata or {})]
