"""Reading counselling transcripts (plain text, JSONL, AnnoMI CSV, WebVTT, SRT) into one shape."""

from oars.transcript.model import Speaker, Transcript, Utterance

__all__ = ["Speaker", "Transcript", "Utterance"]
