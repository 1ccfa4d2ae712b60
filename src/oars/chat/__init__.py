"""The MI counsellor: one conversation driven turn by turn through understand → track → choose → say →
guard → store."""

from oars.chat.counsellor import Counsellor
from oars.chat.export import export_session
from oars.chat.memory import EventStore, MemoryStore
from oars.chat.turn import Turn

__all__ = ["Counsellor", "EventStore", "MemoryStore", "Turn", "export_session"]
