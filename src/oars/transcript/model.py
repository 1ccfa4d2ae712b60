"""The in-memory shape of a counselling conversation, shared by every part of oars.

A transcript is an ordered, immutable sequence of utterances, each spoken by the counsellor or the
client. Readers produce it, the coder consumes it, the chat engine builds one turn by turn.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

__all__ = ["Speaker", "Transcript", "Utterance"]


class Speaker(StrEnum):
    """Who spoke. oars codes two-party conversations: one counsellor, one client."""

    COUNSELLOR = "counsellor"
    CLIENT = "client"


@dataclass(frozen=True, slots=True)
class Utterance:
    """One turn of talk.

    ``index`` is the utterance's position in its transcript (for AnnoMI CSV files, the source's
    ``utterance_id``). ``line`` is the 1-based line of the source file it started on, kept so that
    errors and reports can point back to the file. ``name`` is the speaker's name as written in the
    source (``"Dr Lee"`` in a VTT file), when there was one.
    """

    index: int
    speaker: Speaker
    text: str
    line: int | None = None
    name: str | None = None
    start: float | None = None
    end: float | None = None

    @property
    def is_counsellor(self) -> bool:
        return self.speaker is Speaker.COUNSELLOR

    @property
    def is_client(self) -> bool:
        return self.speaker is Speaker.CLIENT


@dataclass(frozen=True, slots=True)
class Transcript:
    """An ordered conversation with an identifier (a transcript id or a file name)."""

    id: str
    utterances: tuple[Utterance, ...]
    source: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if not isinstance(self.utterances, tuple):
            object.__setattr__(self, "utterances", tuple(self.utterances))
        if not isinstance(self.metadata, MappingProxyType):
            object.__setattr__(self, "metadata", MappingProxyType(dict(self.metadata)))

    @classmethod
    def from_turns(cls, turns: Iterable[tuple[Speaker | str, str]], id: str = "conversation") -> Transcript:
        """Build a transcript from ``(speaker, text)`` pairs, numbering them from 0.

        >>> Transcript.from_turns([("counsellor", "What brings you here?"), ("client", "My drinking.")])
        ... # doctest: +ELLIPSIS
        Transcript(id='conversation', ...)
        """
        return cls(
            id=id,
            utterances=tuple(
                Utterance(index=i, speaker=Speaker(speaker), text=text) for i, (speaker, text) in enumerate(turns)
            ),
        )

    def __len__(self) -> int:
        return len(self.utterances)

    def __iter__(self) -> Iterator[Utterance]:
        return iter(self.utterances)

    def __getitem__(self, position: int) -> Utterance:
        return self.utterances[position]

    def by(self, speaker: Speaker) -> tuple[Utterance, ...]:
        """The utterances of one speaker, in order."""
        return tuple(u for u in self.utterances if u.speaker is speaker)
