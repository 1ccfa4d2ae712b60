"""Templates: a phrasing with named slots, offered only when the material fills every slot it names.

A template is a plain string such as ``"{sclause}, and part of you is wondering what it's costing you."``.
It may start with tags in brackets — ``"[setback] Each time you've tried, you've learned a bit more."`` —
naming slots it needs but does not print: flags like ``setback``; ``after`` ("only after another act",
for templates that begin "And …"); ``after_summary`` ("only right after a summary"); ``plan_requested`` (the
client asked to make a plan). A tag with a ``!`` names a slot that must be *absent*: ``"[!not_a_problem]
{sclause_now}, and part of you is wondering what it's costing you."`` is no reply to "I don't see the problem".
Templates live in plain tuples in the phrasebook modules; their id is
``prefix.N`` (1-based position), stable as long as templates are only appended.
"""

from __future__ import annotations

import functools
import itertools
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from oars.say.cue_slots import INFERENCE_FLAGS
from oars.say.grammar import lemmas
from oars.say.slots import CLIENT_SLOTS, FOCUS_SLOTS

__all__ = ["Phrase", "overlaps", "phrases", "slot_names"]

_TAGS = re.compile(r"^\[([\w !]+)\]\s*")
# Tags that fit a template to the moment (it follows a summary), which makes it as specific as content.
_SITUATION_TAGS = frozenset({"after_summary", "plan_requested", "corrected", "asked_label", "doubts_talking"})
_ANSWERED_FIRST = frozenset({"corrected", "asked_label", "doubts_talking"})
# Rank penalties by how specific a phrasing is: the client's own content, then the focus, then nothing.
_TIER_CLIENT, _TIER_FOCUS, _TIER_NONE = 0.0, 0.5, 1.5
_TIER_INFERRED = 0.2  # what the message implies, in new words: specific, yet none of the client's own words
# A neutral clause said back with a stock next sentence ("…, and that's part of what you're weighing up"): the client's
# words, but it adds less than an inference does, so it ranks just after one.
_TIER_NEUTRAL_TAIL = 0.3
# … unless the tail is what the message's situation implies ("You work two jobs and have 2 kids, and there's
# not a lot left over for anything else"): the client's words and an inference, ahead of the inference alone.
_TIER_NEUTRAL_INFERRED = 0.1
_RICHER = 0.3  # a phrasing that weaves in a feeling *and* a clause says more than one with either
_OVERLAP = 0.6
_SHORT_WORD = 2
_FUNCTION_WORDS = frozenset(
    {"you", "your", "you're", "you'd", "you've", "you'll", "the", "and", "for", "with", "that", "this", "about"}
    | {"there", "been", "being", "have", "has", "had", "was", "were", "are", "not", "but", "like", "just", "what"}
)
_STALE = 0.4  # built only from earlier turns: still the client's words, but not what they just said


@dataclass(frozen=True)
class Phrase:
    """One act's sentence(s), filled in.

    ``tier`` ranks specificity (lower is more specific, :attr:`vague` the least); ``uses`` are the
    client-content texts it printed, so that two acts in one reply don't both say the same clause;
    ``focused`` says it names the focus, so that one reply doesn't name it twice when it need not.
    """

    id: str
    text: str
    tier: float
    uses: frozenset[str]
    focused: bool

    @property
    def vague(self) -> bool:
        """Whether it says nothing of this client's (neither their words nor what their message implies):
        at most the focus ("There's a pull in both directions for you with drinking"), which fits anyone
        talking about drinking."""
        return self.tier >= _TIER_FOCUS


def slot_names(template: str) -> tuple[frozenset[str], frozenset[str], str]:
    """A template's tags, the fields it prints, and its printable text."""
    tags: frozenset[str] = frozenset()
    if match := _TAGS.match(template):
        tags = frozenset(match.group(1).split())
        template = template[match.end() :]
    fields = frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)
    return tags, fields, template


def phrases(prefix: str, templates: Sequence[str], slots: Mapping[str, str]) -> list[Phrase]:
    """Every template of the list that ``slots`` can fill, filled, with ids ``prefix.1``, ``prefix.2`` …"""
    filled: list[Phrase] = []
    for number, template in enumerate(templates, start=1):
        tags, fields, text = slot_names(template)
        absent = {tag[1:] for tag in tags if tag.startswith("!")}
        if not (tags - {f"!{name}" for name in absent} | fields) <= slots.keys() or absent & slots.keys():
            continue
        printed = [slots[name] for name in fields & CLIENT_SLOTS]
        uses = frozenset(printed)
        if any(overlaps(a, b) for a, b in itertools.combinations(printed, 2)):
            continue  # "…for your kids, because you care about being there for your kids"
        focused = bool(fields & FOCUS_SLOTS)
        tier = _tier(tags, fields, getattr(slots, "stale", frozenset()))
        filled.append(Phrase(f"{prefix}.{number}", text.format_map(slots), tier, uses, focused))
    return filled


def overlaps(first: str, second: str) -> bool:
    """Whether two pieces of content say largely the same thing (most content words of the shorter shared)."""
    a, b = _content_words(first), _content_words(second)
    return bool(a and b) and len(a & b) >= _OVERLAP * min(len(a), len(b))


def _content_words(text: str) -> set[str]:
    """The content words, each as its lemma: "walking the dog" and "walk the dog" say the same thing."""
    found = re.findall(r"[a-z']+", text.lower())
    return {_lemma(w) for w in found if len(w) > _SHORT_WORD and w not in _FUNCTION_WORDS}


@functools.lru_cache(maxsize=8192)
def _lemma(word: str) -> str:
    word_lemmas = lemmas(word)
    return next(iter(word_lemmas.get("VERB", word_lemmas.get("NOUN", (word,)))))


def _tier(tags: frozenset[str], fields: frozenset[str], stale: frozenset[str]) -> float:
    """Lower for more specific phrasings. Each extra piece of the client's content printed lowers it a little
    more; content from earlier turns counts for a little less than this turn's; a flag or situation tag
    ("[setback]", "[after_summary]") makes a phrasing specific without making it richer; an inference flag
    ("[cost]") ranks just below the client's own words, and a neutral clause with a stock tail just below that;
    a neutral clause with the tail its situation implies ranks between the client's words and the inference.
    Change talk said back with a stock tail ("…, and that's worth listening to") ranks as a neutral one does:
    what the message implies ("You've had a go at this before…") says more. The clause that carries a feeling
    counts as two pieces: the client's words and what they are like."""
    client = fields & CLIENT_SLOTS
    if client == {"nclause"}:
        return _TIER_NEUTRAL_INFERRED if tags & INFERENCE_FLAGS else _TIER_NEUTRAL_TAIL
    if client == {"cclause_now"} and not tags & INFERENCE_FLAGS:
        return _TIER_NEUTRAL_TAIL  # change talk with a stock tail: after what its kind or its situation implies
    if not client and tags & INFERENCE_FLAGS:
        return _TIER_INFERRED
    if not client and not tags & (CLIENT_SLOTS | _SITUATION_TAGS):
        return _TIER_FOCUS if fields & FOCUS_SLOTS else _TIER_NONE
    if tags & _ANSWERED_FIRST:
        # a miss the client has just pointed out is owned before anything else; a label asked for is met with
        # the worry behind it, and doubt about talking as that doubt, not with what the words would otherwise give
        return _TIER_CLIENT - _RICHER
    # "{fclause}" is the clause that carries the feeling: "You miss the girls, which can't be easy" says what the
    # client said and what it is like, where "No wonder you're feeling sad" names only the feeling
    richer = _RICHER * (max(0, len(client) - 1) + ("fclause" in client))
    return _TIER_CLIENT - richer + (_STALE if client and client <= stale else 0.0)
