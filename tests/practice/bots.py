"""Two scripted clinicians that test the simulated client (and that ``bench/bench_practice.py`` uses).

``MIBot`` reflects the client's last message back (simple and complex reflections built from its words),
asks open evocative questions, affirms and hands back the choice. ``PushyBot`` does what MI warns against:
closed questions, advice and persuasion without permission, confrontation. Both are deterministic: the
n-th turn of a session is always built the same way from the client's last message.
"""

from __future__ import annotations

import re

from oars.coder import CodedUtterance, Coder
from oars.practice import ClientReply, SimulatedClient
from oars.transcript import Speaker

__all__ = ["MIBot", "PushyBot", "converse", "second_person"]

_SWAP = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "am": "are",
    "was": "were",
    "we": "you",
    "our": "your",
    "us": "you",
}
_WORD = re.compile(r"[A-Za-z']+")
_FILLER = re.compile(
    r"^(?:yeah|yes|no|well|so|and|but|also|plus|honestly|look|hmm|um|mm|okay|right|i mean|i guess|like i said|"
    r"the thing is|truth is|to be honest|on top of that|maybe|i suppose)[,.!?:]*\s+",
    re.I,
)


_NEED = re.compile(r"\byou (?:really )?(?:need to|have to|must|should|ought to|'ve got to|'ve gotta)\b", re.I)


def second_person(text: str) -> str:
    """The client's words from the clinician's side: "my wife worries" -> "your wife worries".

    "I need to …" becomes "it's time to …", not "you need to …": said back, the second is an instruction,
    and the coder rightly codes it as persuasion.
    """
    swapped = _WORD.sub(lambda m: _SWAP.get(m.group(0).lower(), m.group(0)), text)
    return _NEED.sub("it's time to", swapped)


def gist(text: str) -> str:
    """The longest clause of the client's message, in the second person, without filler or full stop."""
    clauses = [c.strip() for c in re.split(r"[.!?;]|, but |, and ", text) if len(c.split()) >= 3]
    clause = max(clauses, key=len) if clauses else text
    while _FILLER.match(clause):
        clause = _FILLER.sub("", clause)
    clause = second_person(clause).rstrip(" ,.") or "this"
    return clause if clause.startswith(("I ", "I'")) else clause[:1].lower() + clause[1:]


class MIBot:
    """Reflections, open questions, affirmations and autonomy support, built from the client's words."""

    opening = "Hi, thanks for coming in. What would you like to talk about today?"
    _complex = (
        "It sounds like {g}, and that really matters to you.",
        "You're carrying a lot with this: {g}.",
        "Part of you feels {g}, and part of you wants things to be different.",
        "So {g}, and that worries you.",
    )
    _simple = ("You're saying {g}.", "So {g}.")
    _questions = (
        "What would be different for you if things changed?",
        "What worries you most about how things are now?",
        "How would you like things to be a year from now?",
        "What else is going on for you with this?",
        "What matters most to you in all this?",
        "When have you managed something hard before?",
    )
    _affirm = ("You've clearly thought hard about this.", "It took real courage to talk about this.")
    _autonomy = "It's your call what happens next."

    def __init__(self) -> None:
        self.turn = 0

    def reply(self, client: str | None) -> str:
        self.turn += 1
        if client is None:
            return self.opening
        g = gist(client)
        n = self.turn
        parts = [(self._complex if n % 3 else self._simple)[n % (len(self._complex) if n % 3 else 2)].format(g=g)]
        if n % 4 == 0:
            parts.append(self._affirm[(n // 4) % 2])
        if n % 5 == 0:
            parts.append(self._autonomy)
        if n % 2 == 0:
            parts.append(self._questions[(n // 2) % len(self._questions)])
        return " ".join(parts)


class PushyBot:
    """Closed questions, unsolicited advice, persuasion and confrontation."""

    opening = "So you're here because you have a problem. Is that right?"
    _turns = (
        "Do you realise how bad this is for you?",
        "You need to stop. You should just cut it out completely.",
        "Come on, that's just an excuse.",
        "Have you tried just stopping?",
        "You'd feel much better if you quit. It is going to damage your health.",
        "Don't you think you should take this seriously?",
        "You're in denial about this.",
        "Is that really what you think?",
        "I really think you should stop.",
        "Do you want to end up worse than you are now?",
    )

    def __init__(self) -> None:
        self.turn = 0

    def reply(self, client: str | None) -> str:
        self.turn += 1
        if client is None:
            return self.opening
        line = self._turns[(self.turn - 2) % len(self._turns)]
        if self.turn % 4 == 0:
            return f"You say {gist(client)}, but that's just an excuse. {line}"
        return line


def converse(
    client: SimulatedClient, bot: MIBot | PushyBot, coder: Coder, turns: int
) -> tuple[list[ClientReply], list[CodedUtterance]]:
    """``turns`` exchanges: the bot speaks, the client replies. Returns the replies and how the coder
    coded each of them (past context, as in a practice session)."""
    live = coder.live()
    replies, coded, last = [], [], None
    for _ in range(turns):
        reply = client.reply(live.add(Speaker.COUNSELLOR, bot.reply(last)))
        coded.append(live.add(Speaker.CLIENT, reply.text))
        replies.append(reply)
        last = reply.text
    return replies, coded
