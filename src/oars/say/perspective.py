"""Shifting the client's words from their point of view to the counsellor's: "my wife" → "your wife".

Reflections hand the person's own words back, so first-person words become second-person ones. In
English the present-tense verb after "I" and "you" is the same, so only "am"/"was" need agreeing.

Decisions (the tests pin them):

* "we", "us", "our", "ours", "ourselves" become "you", "you", "your", "yours", "yourselves". The client's
  "we" is nearly always their household or group ("we argue about it" → "you argue about it"), and
  English "you" is already plural, so the shifted sentence stays true and grammatical. The rare "we"
  meaning "the client and the counsellor" appears in questions to the counsellor, which the gist skips.
* A "you" already in the text is kept: it is generic ("you can't win"), because clauses that address the
  counsellor ("you sound like my mum") are skipped before they get here (see :mod:`oars.say.content`).
* Upper-case "US" (the country) and "ME" are kept.
"""

from __future__ import annotations

import re

__all__ = ["to_second_person"]

_WORDS = {
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
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
}
# "my wife and I" would become "your wife and you"; English puts "you" first: "you and your wife".
_AND_I = re.compile(r"\b((?:my|our|My|Our) [a-z]+(?: [a-z]+)?) and (?:I|me)\b(?!')")
# "was"/"wasn't" agree with "I" only: "I was", "I really wasn't", "was I".
_I_WAS = re.compile(
    r"\b(I|we)((?:\s+(?:really|just|always|never|actually|also|still|only|even|probably|definitely))*)\s+"
    r"(was|wasn't)\b",
    re.IGNORECASE,
)
# … but "was I" only where "I" is its subject ("so was I", a sentence opening "was I"), not in "the thing was I
# wasn't comfortable" ("the thing were you weren't")
_WAS_I = re.compile(r"(^\s*|\b(?:so|nor|neither|as)\s+)(was|wasn't)\s+(I)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_KEEP_UPPER = frozenset({"US", "ME"})
_CLOCK = re.compile(r"\d[:.]?\d*\s?$")


def to_second_person(text: str) -> str:
    """``text`` as the counsellor would say it back: "I'm worried about my kids" → "you're worried about your kids"."""
    text = text.replace("’", "'")
    text = _AND_I.sub(_you_first, text)
    text = _I_WAS.sub(lambda m: f"{m.group(1)}{m.group(2)} {_were(m.group(3))}", text)
    text = _WAS_I.sub(lambda m: f"{m.group(1)}{_were(m.group(2))} {m.group(3)}", text)
    return _TOKEN.sub(_shift, text)


def _you_first(match: re.Match[str]) -> str:
    pair = match.group(1)
    return f"{'You' if pair[0].isupper() else 'you'} and {pair[0].lower()}{pair[1:]}"


def _were(was: str) -> str:
    return "weren't" if was.lower() == "wasn't" else "were"


def _shift(match: re.Match[str]) -> str:
    word = match.group(0)
    if word in _KEEP_UPPER:
        return word
    shifted = _WORDS.get(word.lower())
    if shifted is None or (word.lower() == "am" and _CLOCK.search(match.string, 0, match.start())):
        return word  # "the tennis at 3am" / "at 4 am" is a time, not "I am"
    # "I" is upper case anywhere; only a capital on another word marks a sentence start worth keeping.
    starts_sentence = word[0].isupper() and not (word == "I" or word.lower().startswith("i'"))
    return shifted.capitalize() if starts_sentence else shifted
