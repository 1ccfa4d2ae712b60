"""Helpers shared by the language-model tests: reproducible sessions and scripted models."""

from __future__ import annotations

import json
import re
from typing import Any

from fake_server import user_prompt

from oars.chat import Counsellor, MemoryStore
from oars.coder import Coder
from oars.say.base import Realiser
from oars.transcript import Speaker


class FixedIdStore(MemoryStore):
    """A memory store whose session gets a chosen id: the policy seeds its choices (a reflection's style) with
    the session id, so two runs compared word for word need the same one."""

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self._fixed = session_id

    def create_session(self, **options: Any) -> str:
        made = super().create_session(**options)
        with self._lock:
            session = self._sessions.pop(made)
            session.id = self._fixed
            self._sessions[self._fixed] = session
        return self._fixed


def play(
    turns: list[str],
    coder: Coder,
    realiser: Realiser | None = None,
    *,
    seed: int = 0,
    session_id: str = "s",
    topic: str | None = None,
) -> Counsellor:
    """The opening, then one reply per client turn (fewer if the session ends)."""
    counsellor = Counsellor(topic=topic, seed=seed, coder=coder, realiser=realiser, store=FixedIdStore(session_id))
    counsellor.start()
    for text in turns:
        if counsellor.ended:
            break
        counsellor.reply(text)
    return counsellor


def replies(counsellor: Counsellor) -> list[str]:
    return [t.text for t in counsellor.turns if t.speaker is Speaker.COUNSELLOR]


def plain_wording(request: dict[str, Any]) -> str | None:
    """The built-in wording the prompt asks the model to improve."""
    found = re.search(r"^Plain wording to improve \(keep its meaning\): (.*)$", user_prompt(request), re.M)
    return json.loads(found.group(1)) if found else None


def cooperative(request: dict[str, Any]) -> str:
    """A well-behaved model: oars's wording, lightly re-said (same words, a different start)."""
    plain = plain_wording(request) or "You've been thinking about this."
    return "So, " + plain[0].lower() + plain[1:] if not plain.startswith(("I", "I'")) else "So, " + plain
