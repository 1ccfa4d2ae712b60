"""Every error oars raises on purpose, in one place.

The hierarchy::

    OarsError                       anything oars raises deliberately
    ├── TranscriptError             a transcript file could not be read (names file, line, problem)
    │   ├── EmptyTranscriptError    the file holds no utterances
    │   ├── TranscriptEncodingError the bytes are not UTF-8
    │   └── UnknownSpeakerError     a line names a speaker oars cannot map to counsellor / client
    ├── UnknownFormatError          an input or output format oars does not know
    ├── ModelError                  the shipped coder model is missing, corrupt or incompatible
    ├── SessionNotFoundError        no stored chat session has that id
    ├── SessionEndedError           a message was sent to a session that has ended
    ├── StoreError                  the session store failed (never silently ignored)
    ├── LanguageModelError          the optional language-model server failed or answered unusably
    │                               (the realiser falls back to the built-in wording; never fatal)
    └── ConfigError                 a setting is invalid (e.g. client text would leave the machine)

Callers (the CLI, the web app) catch ``OarsError`` and show its message as is: every message says
what was wrong and, where it helps, what was expected.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ConfigError",
    "EmptyTranscriptError",
    "LanguageModelError",
    "ModelError",
    "OarsError",
    "SessionEndedError",
    "SessionNotFoundError",
    "StoreError",
    "TranscriptEncodingError",
    "TranscriptError",
    "UnknownFormatError",
    "UnknownSpeakerError",
]


class OarsError(Exception):
    """Base class of every error oars raises deliberately."""


class TranscriptError(OarsError):
    """A transcript could not be read.

    ``source`` is the file (or a label such as ``<stdin>``), ``line`` the 1-based line where the problem
    was found (``None`` when it concerns the whole file), ``problem`` a plain-language description.
    """

    def __init__(self, source: str | Path, problem: str, line: int | None = None) -> None:
        self.source = str(source)
        self.line = line
        self.problem = problem
        where = f"{self.source}, line {line}" if line is not None else self.source
        super().__init__(f"{where}: {problem}")


class EmptyTranscriptError(TranscriptError):
    """The transcript holds no utterances."""


class TranscriptEncodingError(TranscriptError):
    """The transcript is not valid UTF-8 text."""


class UnknownSpeakerError(TranscriptError):
    """A line names a speaker that cannot be mapped to counsellor or client."""


class UnknownFormatError(OarsError, ValueError):
    """An input or output format that oars does not know."""


class ModelError(OarsError):
    """The coder model is missing, corrupt or was built for another version of oars."""


class SessionNotFoundError(OarsError, KeyError):
    """No stored session has the requested id."""

    def __str__(self) -> str:  # KeyError quotes its argument; keep the message readable.
        return str(self.args[0]) if self.args else "session not found"


class SessionEndedError(OarsError):
    """The session has ended; start a new one to keep talking."""


class StoreError(OarsError):
    """The session store failed; the operation did not happen."""


class LanguageModelError(OarsError):
    """The language-model server could not be reached, timed out, or answered with something that is not a
    chat completion. Callers fall back to the built-in wording; the message says what happened."""


class ConfigError(OarsError, ValueError):
    """A configuration value is invalid."""
