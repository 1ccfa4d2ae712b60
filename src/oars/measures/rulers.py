"""Importance, confidence and readiness rulers: the 0–10 questions MI uses to evoke change talk.

A ruler is only half a question. Its number matters less than the follow-up, which asks why the person is
not *lower* — "Why a 6 and not a 3?" — so that the answer is their own reasons for change. Asking why
they are not higher ("why not a 9?") invites them to defend the status quo (sustain talk), so
:func:`ruler_followup` never does (reference section 5).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "RULER_MAX",
    "RULER_MIN",
    "Ruler",
    "RulerKind",
    "RulerReading",
    "named_rulers",
    "parse_ruler_number",
    "ruler_followup",
    "ruler_moved",
]

RULER_MIN = 0
RULER_MAX = 10


class RulerKind(StrEnum):
    """What a ruler asks about: how important the change is, confidence in making it, readiness now."""

    IMPORTANCE = "importance"
    CONFIDENCE = "confidence"
    READINESS = "readiness"


_QUESTIONS = {
    RulerKind.IMPORTANCE: (
        "On a scale from 0 to 10, where 0 is not at all important and 10 is extremely important, "
        "how important is it for you to {change}?"
    ),
    RulerKind.CONFIDENCE: (
        "On a scale from 0 to 10, where 0 is not at all confident and 10 is extremely confident, "
        "how confident are you that you could {change} if you decided to?"
    ),
    RulerKind.READINESS: (
        "On a scale from 0 to 10, where 0 is not at all ready and 10 is completely ready, "
        "how ready are you to {change}?"
    ),
}

# At the top of the scale there is no higher number to avoid; ask what makes it so high instead.
_TOP_FOLLOWUPS = {
    RulerKind.IMPORTANCE: "What makes it so important to you to {change}?",
    RulerKind.CONFIDENCE: "What makes you so confident that you could {change}?",
    RulerKind.READINESS: "What makes you so ready to {change}?",
}

# How far below the person's number the follow-up anchors ("Why a 6 and not a 3?").
_LOWER_ANCHOR_GAP = 3
# How far above 0 or 1 the "what would it take" follow-up looks: a small, reachable step.
_SMALL_STEP = 2


def _checked_change(change: str) -> str:
    """The focus behaviour, stripped; the question is meaningless without one."""
    if not change.strip():
        raise ValueError('a ruler needs the change it is about, e.g. "cut down on drinking"')
    return change.strip()


def _checked_value(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not RULER_MIN <= value <= RULER_MAX:
        raise ValueError(f"a ruler value is a whole number from {RULER_MIN} to {RULER_MAX}, got {value!r}")
    return value


def _a(number: int) -> str:
    """The number with its article, so the follow-up reads "an 8", not "a 8"."""
    return f"an {number}" if number == 8 else f"a {number}"


@dataclass(frozen=True, slots=True)
class Ruler:
    """A ruler of one kind about one change, e.g. importance of "cut down on drinking".

    ``change`` is the focus as a verb phrase that completes "how important is it for you to …?".
    """

    kind: RulerKind
    change: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", RulerKind(self.kind))
        object.__setattr__(self, "change", _checked_change(self.change))

    @property
    def question(self) -> str:
        """The standard MI wording of this ruler, with the change filled in."""
        return _QUESTIONS[self.kind].format(change=self.change)

    def followup(self, value: int) -> str:
        """The evocative follow-up to the person's answer; see :func:`ruler_followup`."""
        return ruler_followup(self.kind, value, self.change)


@dataclass(frozen=True, slots=True)
class RulerReading:
    """A person's answer to a ruler: its kind, the number, the turn it was asked at and their own words."""

    kind: RulerKind
    value: int
    asked_at_turn: int
    text: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", RulerKind(self.kind))
        _checked_value(self.value)
        if self.asked_at_turn < 0:
            raise ValueError(f"asked_at_turn is a 0-based turn index, got {self.asked_at_turn}")


def ruler_followup(kind: RulerKind, value: int, change: str) -> str:
    """The follow-up question that turns a ruler answer into change talk.

    * 2–9: "Why a 6 and not a 3?" — anchored 3 below (never below 0), so the person explains what already
      moves them;
    * 0 or 1: nothing lower to anchor to, so "What would it take for you to move from 0 to a 2?" — a small
      step up, which still asks for reasons for change;
    * 10: "What makes it so important to you to …?" (or confident, ready).

    It never asks why the number is not higher: that question elicits sustain talk.
    """
    kind = RulerKind(kind)
    value = _checked_value(value)
    change = _checked_change(change)
    if value == RULER_MAX:
        return _TOP_FOLLOWUPS[kind].format(change=change)
    if value <= 1:
        return f"What would it take for you to move from {value} to {_a(value + _SMALL_STEP)}?"
    lower = max(RULER_MIN, value - _LOWER_ANCHOR_GAP)
    return f"Why {_a(value)} and not {_a(lower)}?"


def ruler_moved(kind: RulerKind, before: int, now: int) -> str:
    """The question for a ruler the client re-scores unasked ("probably a 7 now"): the move is the news.

    A rise is asked about for what made the difference (change talk about what helped); a fall for what
    changed, without asking them to defend the lower number.
    """
    kind, before, now = RulerKind(kind), _checked_value(before), _checked_value(now)
    if now > before:
        return f"Your {kind.value} has gone from {_a(before)} to {_a(now)}. What's made the difference?"
    if now < before:
        return f"So it's {_a(now)} now, down from {_a(before)}. What's shifted for you?"
    return f"Still {_a(now)} for {kind.value}. What would help it move up a point?"


# --- reading a number out of a ruler answer -------------------------------------------------------------

_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# Tens are read too, so that "twenty-five" is 25 (out of range), not a stray "five".
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_NUMBER_WORDS = {word: number for number, word in enumerate(_DIGIT_WORDS)} | _TENS
_SCALES = {"hundred": 100, "thousand": 1000}

# A number followed by one of these counts something else ("2 kids", "3 beers", "5 pm", "7th").
_UNIT = re.compile(
    r"kids?|child(ren)?|sons?|daughters?|people|friends?|persons?"
    r"|beers?|drinks?|glass(es)?|bottles?|cans|pints?|shots?|units?"
    r"|cig(arette)?s?|smokes|packs?|joints?|pills?"
    r"|y(ea)?rs?|months?|weeks?|days?|nights?|h(ou)?rs?|min(ute)?s?|seconds?|times?|x"
    r"|pm|am|oclock|percent|st|nd|rd|th|dollars|bucks|pounds|quid|euros|kgs?|lbs?|miles?|km|k|grand"
    r"|more|things?|ways?"
)
# Marks before or after a number that make it something other than a ruler answer: "$5", "#3", "50%",
# "5:30", "2 of my friends".
_NOT_RULER_PREFIXES = frozenset({"$", "£", "€", "#", ":"})
# Someone's age, a year in school, a count of children: "She's six", "he turned 9", "aged 7", "our 2 boys".
_AGE_BEFORE = frozenset({"shes", "hes", "theyre", "aged", "age", "turned", "turns", "turning"})
_HEDGE_OR_AGE_BEFORE = frozenset({"only", "just"})  # "just a 3" answers; "she's only 6" in a story does not
_NOT_RULER_SUFFIXES = frozenset({"%", ":", "of"})
# "not a 10", "never a 9", "nowhere near a 10": the number is what it is *not*.
_NEGATIONS = frozenset({"not", "never", "isnt", "wasnt", "aint", "nowhere"})
_SKIPPED_BEFORE_NUMBER = frozenset({"a", "an", "even", "like", "quite", "exactly", "really", "near", "close"})
# Words and marks that may sit between two numbers of one hedged answer: "5 or 6", "5-6", "8, maybe 9".
_RANGE_LINKS = frozenset(
    {"-", "–", "—", ",", "/", "or", "to", "and", "maybe", "perhaps", "possibly", "probably", "a", "an"}
    | {"like", "well", "um", "uh", "even", "about", "around"}
)
_ONE_AS_PRONOUN_BEFORE = frozenset(
    {"the", "that", "this", "which", "each", "every", "any", "no", "some", "another", "other", "one"}
    # "my daughter mentioned one" (a pill box): "one" after a verb that takes a thing is the thing
    | {"mentioned", "got", "get", "bought", "buy", "have", "has", "had", "want", "need", "use", "used", "try", "tried"}
    | {"found", "find", "made", "make", "took", "take", "saw", "see", "pick", "picked", "ordered", "order", "suggested"}
    | {"recommended", "gave", "borrowed", "lent", "sent", "showed", "started"}
)


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    number: float | None = None


def parse_ruler_number(text: str) -> int | None:
    """The 0–10 answer in what a person typed right after a ruler question, or ``None``.

    Reads digits and number words ("7", "a 7", "about six", "7/10", "seven out of ten", "10!", "zero",
    "like an 8 i guess"). Numbers about something else are ignored: counts with a unit ("2 kids",
    "3 beers", "5 pm", "7th"), "$5", "5:30", "one of …", negated ones ("not a 10"), the scale itself
    echoed back ("on a scale of 0 to 10") and anything outside 0–10 ("100", "-3", "2023").

    A hedged answer that gives a range ("maybe 5 or 6", "5-6", "between 5 and 6") reads as its *lower*
    number: the MI follow-up then asks "why a 5 and not a 2?", which is true of both numbers the person
    gave, and never credits them with more motivation than they claimed. Two numbers that are not one
    hedged range ("a 3 last week but now a 7", "from a 3 to a 7") are ambiguous, so ``None``: the chat
    asks again rather than guess.

    The chat calls this only right after asking a ruler question, so a bare "at 5" is read as a ruler
    answer, not a time.
    """
    tokens = _without_scale_mentions(_tokens(text))
    answers = {i: value for i in range(len(tokens)) if (value := _answer_at(tokens, i)) is not None}
    values = set(answers.values())
    if len(values) == 1:
        return values.pop()
    if values and _one_hedged_range(tokens, list(answers)):
        return min(values)
    return None


# The words that name a ruler in an answer given unasked or to two rulers at once ("6 for importance,
# confidence more like 3").
_RULER_NAMES = {
    "importance": RulerKind.IMPORTANCE,
    "important": RulerKind.IMPORTANCE,
    "confidence": RulerKind.CONFIDENCE,
    "confident": RulerKind.CONFIDENCE,
    "readiness": RulerKind.READINESS,
    "ready": RulerKind.READINESS,
}
_NAME_REACH = 4  # words between a ruler's name and its number: "confidence is maybe about a 3"
_SENTENCE_ENDS = frozenset({".", "?", "!", ";"})
_HEDGE_SPREAD = 1
# "I'm ready to cut down to 2 a day": a number after these is an amount or a time, not a score
_AMOUNT_BEFORE = frozenset({"to", "by", "at", "from", "than", "under", "over", "till", "until", "on"})


def named_rulers(text: str) -> dict[RulerKind, int]:
    """The ruler answers a message gives by name, whatever was asked: "maybe a 6 for importance. confidence
    more like 3" → importance 6, confidence 3.

    Each 0–10 number (read as :func:`parse_ruler_number` reads one) goes to the nearest ruler name within
    four words in the same sentence. A name given two numbers is read as the lower when they are one hedged
    answer ("7 maybe 8") and left out when they are not (ambiguous); a number with no name near it is not a
    named answer: "I'm ready. I've got 2 kids" names nothing.
    """
    tokens = _without_scale_mentions(_tokens(text))
    names = [(i, _RULER_NAMES[t.text]) for i, t in enumerate(tokens) if t.text in _RULER_NAMES]
    if not names:
        return {}
    found: dict[RulerKind, set[int]] = {}
    for position in range(len(tokens)):
        value = _answer_at(tokens, position)
        if value is None or (position and tokens[position - 1].text in _AMOUNT_BEFORE):
            continue
        near = [
            (abs(position - at), at > position, kind)  # a tie goes to the name before: "importance 8 confidence 4"
            for at, kind in names
            if abs(position - at) <= _NAME_REACH + 1 and not _crosses_sentence(tokens, position, at)
        ]
        if near:
            found.setdefault(min(near)[2], set()).add(value)
    # "importance 7 maybe 8" is one hedged answer, read as its lower number; "7 … 2" for one name is not.
    return {kind: min(values) for kind, values in found.items() if max(values) - min(values) <= _HEDGE_SPREAD}


def _crosses_sentence(tokens: list[_Token], first: int, second: int) -> bool:
    """Whether a sentence ends between two tokens; a question mark right after the ruler's name does not
    ("confidence? like a 4" echoes the question, then answers it)."""
    low, high = sorted((first, second))
    return any(
        token.text in _SENTENCE_ENDS and not (token.text == "?" and tokens[i - 1].text in _RULER_NAMES)
        for i, token in enumerate(tokens[low + 1 : high], start=low + 1)
    )


def _tokens(text: str) -> list[_Token]:
    """Lower-cased words, numbers ("7", "1,000", "6.5", "seven", "twenty-five" → 25) and punctuation marks."""
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text.lower().replace("'", "").replace("’", ""))
    tokens: list[_Token] = []
    for word in re.findall(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[a-z]+|[^\sa-z\d]", text):
        previous = tokens[-1] if tokens else None
        if previous is not None and _continues_number(previous, word):
            tokens[-1] = _Token(f"{previous.text} {word}", _compound(previous, word))
        else:
            tokens.append(_Token(word, _number(word)))
    return tokens


def _continues_number(previous: _Token, word: str) -> bool:
    """Whether ``word`` extends the number before it: "twenty" + "five", "one" + "hundred"."""
    if previous.number is None:
        return False
    if word in _SCALES:
        return True
    return previous.text in _TENS and 0 < _NUMBER_WORDS.get(word, 0) < 10


def _compound(previous: _Token, word: str) -> float:
    number = previous.number or 0.0
    return number * _SCALES[word] if word in _SCALES else number + _NUMBER_WORDS[word]


def _number(word: str) -> float | None:
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    if word in _SCALES:
        return float(_SCALES[word])
    if word[0].isdigit():
        return float(word.replace(",", ""))
    return None


def _without_scale_mentions(tokens: list[_Token]) -> list[_Token]:
    """``tokens`` without the scale itself: "0 to 10", "0-10", and the "out of 10" or "/10" after a score."""
    kept: list[_Token] = []
    position = 0
    while position < len(tokens):
        length = _scale_mention_length(tokens, position)
        if length:
            position += length
        else:
            kept.append(tokens[position])
            position += 1
    return kept


def _scale_mention_length(tokens: list[_Token], start: int) -> int:
    texts = [token.text for token in tokens[start : start + 3]]
    numbers = [token.number for token in tokens[start : start + 3]]
    if texts[:1] in (["/"], ["of"], ["outta"]) and numbers[1:2] == [RULER_MAX]:
        return 2
    if texts[:2] == ["out", "of"] and numbers[2:3] == [RULER_MAX]:
        return 3
    if numbers[:1] in ([0], [1]) and texts[1:2] in (["-"], ["–"], ["to"]) and numbers[2:3] == [RULER_MAX]:
        return 3
    return 0


def _answer_at(tokens: list[_Token], position: int) -> int | None:
    """The ruler value at ``position``: ``None`` unless it is a 0–10 number not about something else."""
    number = tokens[position].number
    if number is None or not RULER_MIN <= number <= RULER_MAX or _is_negative(tokens, position):
        return None
    before = tokens[position - 1].text if position > 0 else ""
    after = tokens[position + 1].text if position + 1 < len(tokens) else ""
    if _UNIT.fullmatch(after) or after in _NOT_RULER_SUFFIXES or before in _NOT_RULER_PREFIXES:
        return None
    if before in _AGE_BEFORE or (before in _HEDGE_OR_AGE_BEFORE and not _opens_the_message(tokens, position)):
        return None
    if tokens[position].text == "one" and before in _ONE_AS_PRONOUN_BEFORE:
        return None
    return None if _word_before(tokens, position) in _NEGATIONS else int(number)


def _opens_the_message(tokens: list[_Token], position: int) -> bool:
    """Whether the number comes in the first words of the message, where a hedge ("just", "only") is one."""
    return position <= 2


def _is_negative(tokens: list[_Token], position: int) -> bool:
    """A minus sign in front, unless it joins two numbers as a range ("5-6")."""
    if position == 0 or tokens[position - 1].text not in {"-", "–", "minus"}:
        return False
    return position < 2 or tokens[position - 2].number is None


def _word_before(tokens: list[_Token], position: int) -> str:
    """The word before a number, looking past "a", "even", "near" … ("not even a 2" → "not")."""
    position -= 1
    while position >= 0 and tokens[position].text in _SKIPPED_BEFORE_NUMBER:
        position -= 1
    return tokens[position].text if position >= 0 else ""


def _one_hedged_range(tokens: list[_Token], positions: list[int]) -> bool:
    """Whether the numbers form one hedged answer ("5 or 6"), not a change over time ("from 3 to 7")."""
    linked = all(
        token.text in _RANGE_LINKS
        for first, second in itertools.pairwise(positions)
        for token in tokens[first + 1 : second]
    )
    return linked and _word_before(tokens, positions[0]) != "from"
