"""Reading a questionnaire answer out of what a person types in the chat.

The chat asks the PHQ-9 and GAD-7 items one at a time, and people answer in their own words ("most
days", "nearly evry day", "b", "I'd say several days"). A mis-read answer silently changes a score that a
clinician will act on, while a re-asked question costs one turn, so the parsers only answer when the text
is unambiguous and return ``None`` otherwise — the chat then shows the options again. Words that sit
between two answers ("rarely", "about half the time", "not every day") are therefore left to the person
to place.

How an answer is read:

1. lower-case, drop apostrophes, split into words and numbers;
2. drop filler words ("I'd say", "probably", "um") — never a word that belongs to an answer phrase;
3. read an unknown word that is close to exactly one known word (``difflib`` ratio ≥ 0.8) as that word,
   which forgives typos ("sevral days", "nearly evry day") — but a fix that adds or removes a negation
   must keep the first letter ("nevr" becomes "never", "ever" does not);
4. cover what is left with known answer phrases ("more than half the days") and, as the first word only,
   an option marker (the letters a–d, or the numbers the prompt showed: "c) more than half the days",
   but not the "a" of "a week"). If every word is covered and everything found means the
   same answer, that is the answer. Inside a longer sentence ("every day, it's been awful") only
   multi-word phrases count, and only when nothing left over negates or hedges them ("not every day",
   "several days or more").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from types import MappingProxyType

__all__ = ["parse_difficulty_answer", "parse_frequency_answer"]

# How similar (difflib ratio) an unknown word must be to a known one to be read as a typo of it.
_TYPO_CUTOFF = 0.8


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string, so long word lists stay readable."""
    return frozenset(words.split())


_NEGATIONS = _word_set(
    "not no never nor dont didnt doesnt isnt wasnt arent werent havent hasnt cant couldnt wont aint hardly barely"
)
# Left-over words that change the meaning of a phrase found inside a longer sentence.
_HEDGES = _NEGATIONS | _word_set("or but more less than between except unless if rarely")

_FILLERS = _word_set(
    """
    i id ive im me my myself it its this that thats is was were been be being am are
    would say said guess think suppose probably maybe perhaps possibly likely
    um umm ummm uh uhh er erm hm hmm hmmm ah oh well so ok okay yeah yes yep yup sure
    honestly honest truthfully really actually basically just kinda sorta like literally
    about around roughly approximately pretty much quite
    the option answer choice pick choose go with for feel felt feeling lately recently
    tbh lol please thanks thank you
    """
)

_OPTION_LETTERS = "abcd"
_NUMBER_WORDS = ("zero", "one", "two", "three", "four")


def _words(text: str) -> list[str]:
    """Lower-cased words and numbers; apostrophes dropped so "I'd" and "Id" read the same."""
    text = text.lower().replace("'", "").replace("’", "").replace("24/7", " 247 ")
    return re.findall(r"[a-z]+|\d+", text)


def _option_markers(numbered_from: int) -> dict[str, int]:
    """What a person may type to pick an option by its position: a–d, or the numbers the prompt showed."""
    if numbered_from not in (0, 1):
        raise ValueError(
            "numbered_from is the number the prompt showed beside the first option: "
            f"0 (options shown as 0–3) or 1 (options shown as 1–4), got {numbered_from!r}"
        )
    markers = {letter: value for value, letter in enumerate(_OPTION_LETTERS)}
    for value in range(len(_OPTION_LETTERS)):
        markers[str(value + numbered_from)] = value
        markers[_NUMBER_WORDS[value + numbered_from]] = value
    return markers


@dataclass(frozen=True, slots=True)
class _ChoiceParser:
    """Reads one four-option answer scale; see the module docstring for the method."""

    phrases: Mapping[tuple[str, ...], int]
    synonyms: Mapping[str, str]
    vocabulary: frozenset[str]
    fillers: frozenset[str]

    @classmethod
    def build(cls, phrases: Mapping[int, tuple[str, ...]], synonyms: Mapping[str, str] | None = None) -> _ChoiceParser:
        """A parser for ``phrases`` (answer value → the ways people say it)."""
        keys: dict[tuple[str, ...], int] = {}
        for value, said in phrases.items():
            for phrase in said:
                if keys.setdefault(tuple(_words(phrase)), value) != value:
                    raise ValueError(f"answer phrase {phrase!r} is listed under two values")
        vocabulary = frozenset(word for key in keys for word in key)
        return cls(
            phrases=MappingProxyType(keys),
            synonyms=MappingProxyType(dict(synonyms or {})),
            vocabulary=vocabulary,
            fillers=_FILLERS - vocabulary,
        )

    def parse(self, text: str, numbered_from: int) -> int | None:
        markers = _option_markers(numbered_from)
        words = [self.synonyms.get(word, word) for word in _words(text)]
        words = [self._spelled(word, markers) for word in words if word not in self.fillers]
        return self._read(words, markers) if words else None

    def _spelled(self, word: str, markers: Mapping[str, int]) -> str:
        """The known word ``word`` is a typo of, or ``word`` itself when it is known or no single one fits."""
        if word in self.vocabulary or word in markers or word.isdigit():
            return word
        scores = sorted(
            ((SequenceMatcher(None, word, known).ratio(), known) for known in self.vocabulary), reverse=True
        )
        (best_score, best), (second_score, _) = scores[0], scores[1]
        if best_score < _TYPO_CUTOFF or best_score == second_score:
            return word
        flips_negation = (word in _NEGATIONS) != (best in _NEGATIONS)
        return word if flips_negation and word[0] != best[0] else best

    def _read(self, words: list[str], markers: Mapping[str, int]) -> int | None:
        found, left = self._cover(words, markers)
        values = {value for _, value in found}
        if len(values) != 1:
            return None
        if not left:
            return values.pop()
        only_phrases = all(length >= 2 for length, _ in found)
        return values.pop() if only_phrases and not _HEDGES.intersection(left) else None

    def _cover(self, words: list[str], markers: Mapping[str, int]) -> tuple[list[tuple[int, int]], list[str]]:
        """``(length, value)`` of each phrase (longest first) or leading marker found, and the other words."""
        found: list[tuple[int, int]] = []
        left: list[str] = []
        position = 0
        while position < len(words):
            phrase = self._longest_phrase(words, position)
            if phrase is not None:
                found.append(phrase)
                position += phrase[0]
                continue
            if position == 0 and words[0] in markers:
                found.append((1, markers[words[position]]))
            else:
                left.append(words[position])
            position += 1
        return found, left

    def _longest_phrase(self, words: list[str], start: int) -> tuple[int, int] | None:
        for length in range(len(words) - start, 0, -1):
            value = self.phrases.get(tuple(words[start : start + length]))
            if value is not None:
                return length, value
        return None


_FREQUENCY = _ChoiceParser.build(
    {
        0: (
            "not at all",
            "never",
            "never once",
            "not once",
            "not one day",
            "no",
            "nope",
            "nah",
            "none",
            "none of the days",
            "no days",
            "zero days",
        ),
        1: (
            "several days",
            "several",
            "a few days",
            "few days",
            "a few",
            "a few times",
            "some days",
            "sometimes",
            "some of the time",
            "occasionally",
            "a couple of days",
            "a couple days",
            "couple of days",
            "a couple of times",
            "once or twice",
            "now and then",
            "every now and then",
            "now and again",
            "once in a while",
            "on and off",
            "off and on",
            "here and there",
            "less than half the days",
        ),
        2: (
            "more than half the days",
            "more than half of the days",
            "more than half",
            "over half the days",
            "over half",
            "most days",
            "most of the days",
            "most of the time",
            "most of the week",
            "most",
            "mostly",
            "the majority of days",
            "majority of the days",
            "more often than not",
            "often",
            "quite often",
            "pretty often",
            "frequently",
            "usually",
            "a lot",
            "alot",
            "lots",
        ),
        3: (
            "nearly every day",
            "almost every day",
            "every day",
            "everyday",
            "nearly everyday",
            "almost everyday",
            "every single day",
            "pretty much every day",
            "each day",
            "daily",
            "all the time",
            "nearly all the time",
            "almost all the time",
            "all day every day",
            "24/7",
            "always",
            "nearly always",
            "almost always",
            "pretty much always",
            "constantly",
        ),
    }
)

_DIFFICULTY = _ChoiceParser.build(
    {
        0: (
            "not difficult at all",
            "not at all difficult",
            "not difficult",
            "not at all",
            "no",
            "nope",
            "none",
            "none at all",
            "no difficulty",
            "no problem",
            "no problems",
            "not a problem",
            "no trouble",
            "fine",
            "easy",
        ),
        1: (
            "somewhat difficult",
            "somewhat",
            "a little",
            "a little difficult",
            "a little bit",
            "a little bit difficult",
            "a bit",
            "a bit difficult",
            "slightly",
            "slightly difficult",
            "mildly difficult",
            "kind of",
            "kind of difficult",
            "kinda difficult",
            "sort of",
            "sort of difficult",
            "sorta difficult",
        ),
        2: (
            "very difficult",
            "very",
            "very much",
            "really difficult",
            "quite difficult",
            "pretty difficult",
            "a lot",
        ),
        3: (
            "extremely difficult",
            "extremely",
            "incredibly difficult",
            "super difficult",
            "impossible",
            "almost impossible",
            "nearly impossible",
        ),
    },
    synonyms={"hard": "difficult", "tough": "difficult", "challenging": "difficult"},
)


def parse_frequency_answer(text: str, *, numbered_from: int = 0) -> int | None:
    """Read a PHQ-9 / GAD-7 item answer (0 = Not at all … 3 = Nearly every day) from free text.

    ``numbered_from`` is the number the prompt showed beside the first option: 0 when it listed the
    options with their scores (0–3, the default, so "2" means "More than half the days"), 1 when it
    numbered them 1–4 (so "2" means "Several days"). The letters a–d always pick by position. Returns
    ``None`` when the text is ambiguous or not an answer; the chat should then re-ask.
    """
    return _FREQUENCY.parse(text, numbered_from)


def parse_difficulty_answer(text: str, *, numbered_from: int = 0) -> int | None:
    """Read the difficulty item's answer (0 = Not difficult at all … 3 = Extremely difficult) from free text.

    "hard", "tough" and "challenging" read as "difficult"; ``numbered_from`` and ``None`` work as in
    :func:`parse_frequency_answer`.
    """
    return _DIFFICULTY.parse(text, numbered_from)
