"""MITI 4.2.1 coding of counselling transcripts: the one coder every part of oars uses."""

from oars.coder.coder import CodedTranscript, CodedUtterance, Coder, LiveCoding
from oars.coder.labels import Behaviour, DarnCat, MitiCode, Talk
from oars.coder.summary import GlobalRatings, Proficiency, SessionSummary, summarise

__all__ = [
    "Behaviour",
    "CodedTranscript",
    "CodedUtterance",
    "Coder",
    "DarnCat",
    "GlobalRatings",
    "LiveCoding",
    "MitiCode",
    "Proficiency",
    "SessionSummary",
    "Talk",
    "summarise",
]
