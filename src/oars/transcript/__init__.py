"""Reading counselling transcripts (plain text, JSONL, AnnoMI CSV, WebVTT, SRT) into one shape."""

from oars.transcript.model import Speaker, Transcript, Utterance
from oars.transcript.readers import (
    FORMATS,
    MAX_TRANSCRIPT_BYTES,
    detect_format,
    parse_transcripts,
    read_transcript,
    read_transcripts,
)

__all__ = [
    "FORMATS",
    "MAX_TRANSCRIPT_BYTES",
    "Speaker",
    "Transcript",
    "Utterance",
    "detect_format",
    "parse_transcripts",
    "read_transcript",
    "read_transcripts",
]
