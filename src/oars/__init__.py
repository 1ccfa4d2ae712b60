"""oars — offline Motivational Interviewing: fidelity coding, an MI counsellor, practice, a clinic app."""

from oars.errors import OarsError
from oars.transcript import Speaker, Transcript, Utterance

__version__ = "0.1.0"

__all__ = ["OarsError", "Speaker", "Transcript", "Utterance", "__version__"]
