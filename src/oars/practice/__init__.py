"""Practice: simulated MI clients for training, with live MITI feedback and self-play.

A trainee talks with a persona (``PracticeSession``); each turn is coded by the shared coder, shown back
with a coaching tip, and answered by a simulated client whose receptivity follows what the trainee did
(``SimulatedClient``). Personas are YAML files (``docs/personas.md``); ``self_play`` runs the oars
counsellor against one.
"""

from oars.practice.client import ClientReply, Kind, SimulatedClient
from oars.practice.feedback import Coach, Feedback
from oars.practice.persona import Persona, PersonaError, Stage, Style, find_persona, load_persona, shipped_personas
from oars.practice.selfplay import SelfPlay, self_play
from oars.practice.session import Exchange, PracticeSession
from oars.practice.state import ClientState

__all__ = [
    "ClientReply",
    "ClientState",
    "Coach",
    "Exchange",
    "Feedback",
    "Kind",
    "Persona",
    "PersonaError",
    "PracticeSession",
    "SelfPlay",
    "SimulatedClient",
    "Stage",
    "Style",
    "find_persona",
    "load_persona",
    "self_play",
    "shipped_personas",
]
