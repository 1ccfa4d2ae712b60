"""oars — offline Motivational Interviewing: fidelity coding, an MI counsellor, practice, a clinic app.

The public Python API. Names are loaded on first use, so ``import oars`` stays fast and importing the
transcript readers does not load the coder's model.

>>> import oars
>>> transcript = oars.Transcript.from_turns([("counsellor", "What brings you in?"), ("client", "My drinking.")])
>>> coded = oars.Coder().code(transcript)            # doctest: +SKIP
>>> coded.summary.r_q                                # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS: dict[str, str] = {
    # transcripts
    "Speaker": "oars.transcript",
    "Transcript": "oars.transcript",
    "Utterance": "oars.transcript",
    "parse_transcripts": "oars.transcript",
    "read_transcript": "oars.transcript",
    "read_transcripts": "oars.transcript",
    # coding
    "Behaviour": "oars.coder",
    "CodedTranscript": "oars.coder",
    "CodedUtterance": "oars.coder",
    "Coder": "oars.coder",
    "DarnCat": "oars.coder",
    "MitiCode": "oars.coder",
    "SessionSummary": "oars.coder",
    "Talk": "oars.coder",
    "summarise": "oars.coder",
    "render_report": "oars.report",
    "write_report": "oars.report",
    # the counsellor
    "ChangePlan": "oars.track.plan",
    "Counsellor": "oars.chat",
    "MemoryStore": "oars.chat",
    "Turn": "oars.chat",
    "open_store": "oars.store",
    # safety and measures
    "CrisisAssessment": "oars.safety",
    "CrisisDetector": "oars.safety",
    "detect_crisis": "oars.safety",
    "GAD7": "oars.measures",
    "PHQ9": "oars.measures",
    # errors
    "OarsError": "oars.errors",
    "TranscriptError": "oars.errors",
}

__all__ = [
    "GAD7",
    "PHQ9",
    "Behaviour",
    "ChangePlan",
    "CodedTranscript",
    "CodedUtterance",
    "Coder",
    "Counsellor",
    "CrisisAssessment",
    "CrisisDetector",
    "DarnCat",
    "MemoryStore",
    "MitiCode",
    "OarsError",
    "SessionSummary",
    "Speaker",
    "Talk",
    "Transcript",
    "TranscriptError",
    "Turn",
    "Utterance",
    "__version__",
    "detect_crisis",
    "open_store",
    "parse_transcripts",
    "read_transcript",
    "read_transcripts",
    "render_report",
    "summarise",
    "write_report",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'oars' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # for type checkers and IDEs: the same names, imported eagerly
    from oars.chat import Counsellor, MemoryStore, Turn
    from oars.coder import (
        Behaviour,
        CodedTranscript,
        CodedUtterance,
        Coder,
        DarnCat,
        MitiCode,
        SessionSummary,
        Talk,
        summarise,
    )
    from oars.errors import OarsError, TranscriptError
    from oars.measures import GAD7, PHQ9
    from oars.report import render_report, write_report
    from oars.safety import CrisisAssessment, CrisisDetector, detect_crisis
    from oars.store import open_store
    from oars.track.plan import ChangePlan
    from oars.transcript import Speaker, Transcript, Utterance, parse_transcripts, read_transcript, read_transcripts
