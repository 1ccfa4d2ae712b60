"""Whether two pieces of what a client said are about the same thing.

Practice uses it to judge how much of a reflection the simulated client recognises; the counsellor uses
it to tie what the client has just said to something they said earlier (a linking summary), which is
only a link when the two share something: the same words, or the same topic or feeling.
"""

from __future__ import annotations

import re
from functools import lru_cache

from oars.understand.lexicon import FEELINGS, TOPICS, VALUES

__all__ = ["content_words", "related", "themes"]

_WORD = re.compile(r"[a-z][a-z']+")
_STOPWORDS = """a about above after again all also am an and any are as at be because been before being both but by can
    could did do does doing don't done down during each even ever few for from get gets getting got had has
    have having he her here hers him his how i i'd i'll i'm i've if in into is isn't it it's its just kind
    know lot like me might more most much must my no nor not now of off on once one only or other our out
    over own quite rather really right said same say says see seem seems she should so some something sort
    sound sounds still such than that that's the their them then there these they thing things think this
    those though through to too under until up us very want was way we well were what what's when where
    which while who whom why will with would yeah yes you you'd you'll you're you've your yours yourself
    feel feeling feels felt mean means bit tell told let make makes made go going gone get okay ok"""
_STOP = frozenset(_STOPWORDS.split())
# Words nearly every account has ("every day", "a bad week", "probably"): sharing one links nothing.
_VAGUE_WORDS = """time times day days week weeks year years month months back better good bad never always every
    everything anything nothing people life little pretty actually probably maybe stuff fine lately last first
    long lots today tonight morning night ago guess sure keep keeps kept take takes took come came
    put try tried need needs use used give gave find found look looking help"""


@lru_cache(maxsize=4096)  # a session compares its recent messages with each new one, turn after turn
def content_words(text: str) -> frozenset[str]:
    """Crude stems of the words that carry content ("worried" and "worry" share ``worr``)."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


@lru_cache(maxsize=4096)
def themes(text: str) -> frozenset[str]:
    """Lexicon topics, values and feelings named in ``text`` (``topic:drinking``, ``value:family``…)."""
    found = {f"topic:{t.key}" for t in TOPICS if t.cues.search(text)}
    found |= {f"value:{v.key}" for v in VALUES if v.cues.search(text)}
    found |= {f"feeling:{f.word}" for f in FEELINGS if f.cues.search(text)}
    return frozenset(found)


def related(first: str, second: str) -> bool:
    """Whether two messages share a content word that says something ("the pub", "my wife", "sleep") or a
    topic or feeling: "my wife says I drink too much" and "she hates the smell of wine" are related; "my
    wife says I drink too much" and "sorry, the cat walked on the keyboard" are not. Values do not count:
    their cues match words in passing ("after the kids are in bed", "my husband"), not a value held."""
    if {t for t in themes(first) & themes(second) if not t.startswith("value:")}:
        return True
    return bool((content_words(first) & content_words(second)) - _VAGUE)


def _stem(word: str) -> str:
    word = word.removesuffix("'s").strip("'")
    for suffix in ("ing", "ed", "ies", "es", "s", "ly", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_VAGUE = content_words(_VAGUE_WORDS)
