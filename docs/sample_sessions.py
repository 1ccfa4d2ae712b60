"""Regenerate the two transcripts in docs/sample-sessions.md (the critique above them is written by hand).

    python docs/sample_sessions.py > /tmp/sessions.md

Plays the first scripted client of data/scripts/drinking.txt and depression.txt through the built-in
counsellor (seed 0, an in-memory store) and prints each session as Markdown, each reply with its move.
"""

from __future__ import annotations

from pathlib import Path

from oars.chat import Counsellor, MemoryStore
from oars.transcript import Speaker

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = (
    ("drinking", "Session 1: drinking"),
    ("depression", "Session 2: low mood"),
)


def first_client(path: Path) -> list[str]:
    """The lines of the first client in a script file (clients are separated by ``---`` lines)."""
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() == "---":
            if lines:
                break
        elif line.strip():
            lines.append(line.strip())
    return lines


def session(name: str, title: str) -> str:
    counsellor = Counsellor(store=MemoryStore(), seed=0)
    counsellor.start()
    for line in first_client(ROOT / "data" / "scripts" / f"{name}.txt"):
        if counsellor.ended:
            break
        counsellor.reply(line)
    parts = [f"## {title} (scripted client, first of `data/scripts/{name}.txt`)\n"]
    for turn in counsellor.turns:
        if turn.speaker is Speaker.CLIENT:
            parts.append(f"**Client**: {turn.text}\n")
        else:
            parts.append(f"**oars** _({turn.move})_: {turn.text}\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print("\n".join(session(name, title) for name, title in SESSIONS))
