"""The *say* stage's interface: a realiser turns a chosen move into candidate wordings (drafts).

The realiser never decides *what* to do — the policy did — only how to say it. It returns several
drafts, best first, so that the guard can skip one that fails its checks (codes as the wrong act, repeats
an earlier reply, overuses an opener) and take the next.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from oars.choose.move import Act, Move

__all__ = ["Draft", "Realiser", "RealiserWithFallback", "Said", "opener_of"]

OPENER_WORDS = 2


def opener_of(text: str) -> str:
    """The first words of a reply, lower-cased, without punctuation: what "same opener" compares."""
    words = [w.strip(".,;:!?\"'()—–-").lower() for w in text.split()]
    return " ".join([w for w in words if w][:OPENER_WORDS])


@dataclass(frozen=True)
class Draft:
    """One candidate wording of a move.

    ``template`` names the phrasing used (so a session can avoid reusing it); ``acts`` are the acts the
    draft performs, normally the move's. ``vague`` says its reflection names none of the client's content
    ("There's more to this for you than it might seem at first"), at most the focus ("There's a pull in
    both directions for you with drinking"): the guard does not trade a specific
    draft for a vague one.
    """

    text: str
    acts: tuple[Act, ...]
    template: str
    vague: bool = False

    @property
    def opener(self) -> str:
        return opener_of(self.text)


@dataclass
class Said:
    """What the counsellor has said so far in the session, for variety and no-repeat rules."""

    texts: set[str] = field(default_factory=set)
    templates: Counter[str] = field(default_factory=Counter)
    openers: Counter[str] = field(default_factory=Counter)  # openers of reflections only
    reflections: int = 0
    last: str = ""  # the reply before this one

    def remember(self, draft: Draft) -> None:
        self.texts.add(_key(draft.text))
        self.last = draft.text
        self.templates[draft.template] += 1
        if any(act.is_reflection for act in draft.acts):
            self.openers[draft.opener] += 1
            self.reflections += 1

    def repeats(self, text: str) -> bool:
        return _key(text) in self.texts

    def mentions(self, fragment: str) -> bool:
        """Whether an earlier reply contained ``fragment`` (case and spacing aside): a fact already given."""
        key = _key(fragment)
        return any(key in text for text in self.texts)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


class Realiser(Protocol):
    """Turns a move into drafts, best first. ``said`` lets it prefer unused phrasings and openers."""

    def drafts(self, move: Move, said: Said) -> list[Draft]: ...


@runtime_checkable
class RealiserWithFallback(Realiser, Protocol):
    """A realiser that words moves some other way first (``oars.say.llm``: a language model) and keeps a
    built-in one as its fallback. The counsellor words its last-resort replies with ``builtin`` alone, and
    stores ``explain``'s account of how each reply was worded with the turn."""

    builtin: Realiser

    def explain(self, move: Move, draft: Draft, rejected: Sequence[str]) -> dict[str, Any]: ...
