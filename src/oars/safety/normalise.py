"""Chat text → one canonical form the crisis rules can be written against.

Clients type "i dont wanna be here anymoreee", "I’m", "k!ll myself", "ＫＩＬＬ" or paste ten thousand
characters. Rather than make every rule tolerate all of that, the text is rewritten once: Unicode NFKC,
case-folded, contractions and chat spellings expanded ("dont" → "do not", "wanna" → "want to"), in-word
"!", "*" and digits read as letters ("k!ll", "su1cide"), and every run of a repeated letter squeezed to
one letter ("dieeee" → "die", but also "kill" → "kil"; rules are squeezed the same way by
:func:`squeeze_pattern`, so they are written in plain English). The few words whose squeezed form is
another word get a marked form first ("noose" → ``nose_``, not "nose"; "soon" → ``son_``, not "son";
"off" → ``of_``, not "of").

Words come out separated by single spaces; sentence ends become ``.`` or ``?`` and clause punctuation
``,`` — separate tokens, because negation and context are scoped by them. Emoji and other symbols are
dropped. Each output token remembers the span of the original text it came from, so a match can be
reported as the client's own words (:meth:`NormalisedText.original_span`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

__all__ = ["NormalisedText", "normalise", "squeeze", "squeeze_pattern"]

# A word may carry apostrophes ("don't"), invisible format characters ("ki\u200bll") and, between
# letters, the characters people use to dodge filters ("k!ll", "s*icide").
_TOKEN = re.compile(
    r"[^\W_](?:[^\W_]|['’‘ʼ`´\u00ad\u200b-\u200f\u2060\ufeff]|[!*@$](?=[^\W_]))*"
    r"|[.!?…]+|\n|[,;:()\[\]]|(?<=\s)[-–—]+(?=\s)"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))
_SQUEEZE = re.compile(r"([^\W\d_])\1+")
_SQUEEZE_PATTERN = re.compile(r"(?<!\\)([a-z])\1+")
_LEET = str.maketrans({"!": "i", "*": "i", "1": "i", "3": "e", "0": "o", "4": "a", "@": "a", "$": "s"})
_LEET_WORD = re.compile(r"[^\W\d_]+[!*@$\d][\w!*@$]*[^\W\d_]|[^\W\d_]+[!*@$][^\W\d_]*")

# Contractions are expanded only on these bases: "od'd" and "son's" must not become "od would", "son is".
_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "that", "there", "what", "who", "here"})
_SUFFIXES = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would", "s": "is"}
_IRREGULAR_NOT = {"can't": "can not", "won't": "will not", "ain't": "is not", "shan't": "shall not"}
# "sh" (self-harm) with an apostrophe ending: "sh'd" must not become "shd" ("should" in chat spelling).
_APOSTROPHE_SLANG = {"sh'd": "self harmed", "sh'ed": "self harmed", "sh'ing": "self harming"}

# Chat spellings and apostrophe-less contractions. "ill" is left alone (it is also a word).
_CHAT = {
    "im": "i am",
    "ive": "i have",
    "id": "i would",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "aint": "is not",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "youre": "you are",
    "whats": "what is",
    "thats": "that is",
    "theres": "there is",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gona": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    "imma": "i am going to",
    "ima": "i am going to",
    "kinda": "kind of",
    "dunno": "do not know",
    "idk": "i do not know",
    "u": "you",
    "ur": "your",
    "r": "are",
    "rn": "right now",
    "tn": "tonight",
    "tonite": "tonight",
    "2nite": "tonight",
    "2night": "tonight",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "ppl": "people",
    "noone": "no one",
    "nobody": "no one",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "mum": "mom",
    "mummy": "mom",
    "stepmum": "stepmom",
    "mums": "moms",
    "lyfe": "life",
    "lyf": "life",
    "myslef": "myself",
    "mysef": "myself",
    "meself": "myself",
    "bout": "about",
    "abt": "about",
    "thinkin": "thinking",
    "ngl": "honestly",
    "tbh": "honestly",
    "fr": "for real",
    "2": "to",
    "wud": "would",
    "shud": "should",
    "cud": "could",
    "pls": "please",
    "plz": "please",
    "ded": "dead",
    "dieing": "dying",
    "dyin": "dying",
    "killin": "killing",
    "nothin": "nothing",
    "livin": "living",
    "goin": "going",
    "feelin": "feeling",
    "hurtin": "hurting",
    "cuttin": "cutting",
    "tryin": "trying",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "selfharm": "self harm",
    "sewerslide": "sewer slide",
    "sui": "suicide",
    "agian": "again",
    "agen": "again",
    "nite": "night",
    "nites": "nights",
    "lastnite": "last night",
    "wnat": "want",
    "wnt": "want",
    "whant": "want",
    "anymor": "anymore",
    "anymroe": "anymore",
    "frend": "friend",
    "freind": "friend",
    "frends": "friends",
    "freinds": "friends",
    "shing": "self harming",
    "endit": "end it",
}

# Chat drops the "g" of "-ing" ("endin it all", "takin pills", "fittin"). Only these words are restored:
# a blanket rule would turn "cabin" or "begin" into nonsense.
_G_DROPPED = (
    "endin takin fittin havin doin gettin wantin plannin hangin jumpin overdosin hittin beatin chokin"
    " bleedin burnin stabbin shootin hidin startin wakin breathin throwin swallowin makin lookin keepin"
    " puttin leavin givin drinkin smokin pukin vomitin kickin punchin scratchin slittin harmin sayin comin"
    " somethin everythin anythin fightin strugglin cryin sleepin slicin bangin toppin neckin ropin poppin"
    " snortin injectin shakin seizin passin blackin threatenin followin trackin touchin grabbin pushin"
    " slappin smotherin stranglin"
)
_CHAT.update({word: word + "g" for word in _G_DROPPED.split()})


def squeeze(text: str) -> str:
    """Squeeze every run of one repeated letter to a single letter ("soooo" → "so", "kill" → "kil")."""
    return _SQUEEZE.sub(r"\1", text)


def squeeze_pattern(pattern: str) -> str:
    """Squeeze a regex source the way :func:`squeeze` squeezes text, leaving escapes (``\\bb``) alone."""
    return _SQUEEZE_PATTERN.sub(r"\1", pattern)


_CHAT_SQUEEZED = {squeeze(key): squeeze(value) for key, value in _CHAT.items()}

# Words whose squeezed form would be another word ("noose" → "nose", "soon" → "son") get a marked form.
_DISTINCT = {"noose": "noose_", "nooses": "noose_", "soon": "soon_", "off": "off_"}


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """The canonical text plus, per token, where it starts here and which original span it came from."""

    text: str
    starts: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` back to the smallest whole-token span of the original text."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = max(bisect_right(self.starts, max(end - 1, start)) - 1, first)
        return self.spans[first][0], self.spans[last][1]


def normalise(text: str) -> NormalisedText:
    """Rewrite ``text`` into the canonical form described in the module docstring."""
    tokens = [(token, match.span()) for match in _TOKEN.finditer(text) if (token := _normalise_token(match.group()))]
    tokens = _without_stammers(text, tokens)
    kept = [
        (token, span)
        for (token, span), (previous, _) in zip(tokens, [("^", (0, 0)), *tokens], strict=False)
        if not (token in ".?," and previous in ".?,")  # one break token for "?!..." or ", -"
    ]
    pieces = [token for token, _ in kept]
    starts = list(accumulate((len(token) + 1 for token in pieces[:-1]), initial=0)) if pieces else []
    return NormalisedText(" ".join(pieces), tuple(starts), tuple(span for _, span in kept))


def _without_stammers(text: str, tokens: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    """A word said again straight after a hyphen is said once: "he-he's-he's" is "he is", "I-I-I" is "i" (a
    transcript's stammer, read as "he he is he is", sounded to the learned screen like the repeated "he"s of
    an account of abuse)."""
    kept = []
    for (token, span), (after, after_span) in zip(tokens, [*tokens[1:], ("", (-1, -1))], strict=False):
        stammered = text[span[1] : after_span[0]] in _STAMMER_JOINS
        if not (stammered and (after == token or after.startswith(token + " "))):
            kept.append((token, span))
    return kept


_STAMMER_JOINS = frozenset({"-", "–", "—", "--"})


@lru_cache(maxsize=16384)
def _normalise_token(raw: str) -> str:
    """One original token → its canonical words (possibly several, e.g. "can't" → "can not")."""
    if not raw[0].isalnum():
        return _punctuation(raw)
    word = unicodedata.normalize("NFKC", raw).casefold().translate(_INVISIBLE).translate(_APOSTROPHES)
    if "'" in word:
        word = _expand_contraction(word)
    if _LEET_WORD.fullmatch(word):
        word = word.translate(_LEET)
    word = squeeze(_DISTINCT.get(word, word))
    return _CHAT_SQUEEZED.get(word, word)


def _punctuation(raw: str) -> str:
    """Sentence ends become ``.`` (``?`` when a question), everything else a clause break ``,``."""
    if raw[0] in ".!…\n":
        return "?" if "?" in raw else "."
    return "?" if raw[0] == "?" else ","


def _expand_contraction(word: str) -> str:
    """Expand "n't" everywhere and 'm/'re/'ve/'ll/'d/'s after pronouns; otherwise drop the apostrophe."""
    if word in _IRREGULAR_NOT:
        return _IRREGULAR_NOT[word]
    if word in _APOSTROPHE_SLANG:
        return _APOSTROPHE_SLANG[word]
    if word.endswith("n't"):
        return word[:-3].replace("'", "") + " not"
    base, _, suffix = word.rpartition("'")
    if base in _PRONOUNS and suffix in _SUFFIXES:
        return f"{base} {_SUFFIXES[suffix]}"
    return word.replace("'", "")
