"""Safety: crisis detection and the safety-path reply. Rules, data and two small learned screens — no
language model that writes anything, and nothing that needs a network.

A client message is checked by :func:`detect_crisis` (or a :class:`CrisisDetector`) before anything
else in the counsellor pipeline: the rules first, then, for what they passed, an n-gram screen and a
sentence-encoder screen that can only add a signal. When it fires, the pipeline steps out of MI, answers
with :func:`crisis_response` using the locale's :func:`resources_for`, and flags the session for a
clinician.
"""

from oars.safety.detector import (
    CrisisAssessment,
    CrisisCategory,
    CrisisDetector,
    CrisisSignal,
    Severity,
    default_detector,
    detect_crisis,
)
from oars.safety.resources import KNOWN_LOCALES, CrisisResources, ResourceLine, resources_for
from oars.safety.response import SAFETY_QUESTIONS, crisis_response

__all__ = [
    "KNOWN_LOCALES",
    "SAFETY_QUESTIONS",
    "CrisisAssessment",
    "CrisisCategory",
    "CrisisDetector",
    "CrisisResources",
    "CrisisSignal",
    "ResourceLine",
    "Severity",
    "crisis_response",
    "default_detector",
    "detect_crisis",
    "resources_for",
]
