"""Small English helpers for the realiser: inflection, articles, lists, sentence ends and tidying.

Templates are filled with the client's own phrases, which arrive in every shape; these helpers keep the
result grammatical (``"cut down on drinking"`` → ``"cutting down on drinking"``, ``"a 8"`` → ``"an 8"``) and
clean (one space, capitalised sentences, one end mark), so every draft reads as if written, not assembled.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType

from lemminflect import getAllInflections, getAllLemmas, getInflection

__all__ = [
    "article",
    "as_statement",
    "gerund",
    "is_common_word",
    "is_past_tense",
    "join_items",
    "lemmas",
    "looks_english",
    "lower_first",
    "part_of_you",
    "past_tense",
    "tidy",
    "word_count",
    "words",
]


@lru_cache(maxsize=16384)
def lemmas(word: str) -> Mapping[str, tuple[str, ...]]:
    """lemminflect's lemmas of ``word`` by part of speech, remembered (read-only): every draft asks about
    the same few hundred words again, and lemminflect deep-copies its table entry on each call."""
    return MappingProxyType(getAllLemmas(word))


@lru_cache(maxsize=4096)
def _inflections(lemma: str) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType(getAllInflections(lemma))


# The understand stage's list of common English words, for chat words lemminflect doesn't know ("meds").
_ENGLISH = frozenset((resources.files("oars.understand") / "english_words.txt").read_text(encoding="utf-8").split())
_ENGLISH_SHARE = 0.6
_CALENDAR = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?$|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Christmas|Easter)$"
)
# Closed-class words lemminflect has no lemma for ("If my mom found out" → "if your mom found out").
_FUNCTION_WORDS = frozenset(
    {"a", "the", "of", "and", "but", "nor", "if", "because", "although", "unless", "until", "at", "from", "with"}
    | {"every", "than"}
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
# Words an inflected verb phrase may start with before its verb: "finally quit" → "finally quitting".
_LEADING_ADVERBS = frozenset(
    {"really", "just", "actually", "finally", "properly", "completely", "slowly", "not", "only", "also", "still"}
)
_HEDGE_OR_WISH = re.compile(r"^(?:kind of|sort of|(?:would |'d )?like to|want to|wanna)\s+(?=\w)", re.I)
_DETERMINERS = frozenset({"the", "a", "an", "my", "your", "his", "her", "their", "our", "some", "this", "that"})
# Verbs that lemminflect also knows as nouns but that, after "and" in a verb phrase, are nearly always verbs.
# Verbs that are also nouns ("a go", "a call"), read as verbs after "and" in a change: "cut down and go to the gym"
_COMMON_VERBS = frozenset(
    {"exercise", "walk", "sleep", "work", "cook", "run", "swim", "rest", "talk", "save", "stop", "go", "try", "ask"}
    | {"call", "text", "book", "use", "buy", "start", "drink", "smoke", "eat", "cut", "swap", "switch", "plan", "set"}
)
_SUBJECT_CONTRACTIONS = {"you're": "is", "you've": "has", "you'd": "would", "you'll": "will"}
_THIRD_PERSON_IRREGULAR = {"are": "is", "have": "has", "do": "does", "don't": "doesn't", "aren't": "isn't"}
_MODALS = frozenset({"can", "can't", "could", "couldn't", "would", "wouldn't", "will", "won't", "might", "may"})
_VOWEL_SOUND = re.compile(r"^(?:[ai]|e(?!u)|o(?!ne\b|nce\b)|u(?!ni|se|su|ro|ti|k)|hou?r|honest|8|11|18)", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MARKUP = re.compile(r"<[^>]{0,40}>|[*_`#|\[\]{}]")


def words(text: str) -> list[str]:
    """The words of ``text`` (letters, digits and inner apostrophes), in order."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


@cache
def warm_up() -> None:
    """Load lemminflect's tables now (about a second, once per process) rather than in a client's first turn.

    Cached: every realiser calls it (a web turn builds one), and only the first call does anything.
    """
    lemmas("talking")
    getInflection("talk", "VBG")


def is_common_word(word: str) -> bool:
    """Whether lemminflect knows ``word`` in lower case: tells "My" (lower it) from "Dave" (keep it)."""
    return bool(lemmas(word.lower())) or word.lower() in _FUNCTION_WORDS


def looks_english(text: str) -> bool:
    """Whether most of the words (names aside) are English: "Je bois trop" is never said back as English."""
    tokens = [w for w in words(text) if not w[:1].isupper() or w == "I" or w.startswith("I'")]
    known = sum(w.lower() in _ENGLISH or is_common_word(w) for w in tokens)
    return bool(tokens) and known >= _ENGLISH_SHARE * len(tokens)


def lower_first(text: str) -> str:
    """``text`` ready to sit mid-sentence: the first word lower-cased unless it is a name or "I"."""
    first = text.split(" ", 1)[0]
    stem = re.split(r"['’]", first.strip(","))[0]
    if not first or first == "I" or first.startswith(("I'", "I’")) or not is_common_word(stem) or _CALENDAR.match(stem):
        return text
    return text[:1].lower() + text[1:]


def article(word: str) -> str:
    """ "a" or "an" for the sound ``word`` starts with ("an hour", "a university", "an 8")."""
    return "an" if _VOWEL_SOUND.match(word) else "a"


def join_items(items: Sequence[str], conjunction: str = "and", *, serial: bool = False) -> str:
    """``"a, b and c"``; ``serial`` adds the comma before the conjunction, which clauses need to stay clear."""
    if len(items) <= 1:
        return "".join(items)
    comma = "," if serial and len(items) > 2 else ""
    return f"{', '.join(items[:-1])}{comma} {conjunction} {items[-1]}"


def _verb_form(word: str, tag: str) -> str | None:
    """``word`` (any form of a verb) inflected to ``tag``, or ``None`` when it is not a verb."""
    verb_lemmas = lemmas(word.lower()).get("VERB")
    if not verb_lemmas:
        return None
    forms = getInflection(verb_lemmas[0], tag)
    return forms[0] if forms else None


def gerund(verb_phrase: str) -> str:
    """``"cut down on drinking"`` → ``"cutting down on drinking"``; ``"eat better and exercise"`` → "… exercising".

    Why: questions ask about the change as a thing ("What would make cutting down worth it?"), and the
    policy names the change as a verb phrase. Leading adverbs stay in front ("finally quitting").
    """
    verb_phrase = _HEDGE_OR_WISH.sub("", verb_phrase)  # "kind of work at it", "like to make sure": the verb after
    tokens = verb_phrase.split()
    index = 0
    while index < len(tokens) - 1 and tokens[index].lower() in _LEADING_ADVERBS:
        index += 1
    if not tokens:
        return verb_phrase
    if tokens[index].lower() == "stop" and index + 1 < len(tokens) and tokens[index + 1].endswith("ing"):
        tokens[index : index + 1] = ["giving", "up"]  # "stopping smoking" stumbles; "giving up smoking" doesn't
        index += 1
    else:
        tokens[index] = _verb_form(tokens[index], "VBG") or _regular_ing(tokens[index])
    for position in range(index + 1, len(tokens) - 1):
        following = tokens[position + 2].lower() if position + 2 < len(tokens) else ""
        # "go out and water the plants": a word that is also a noun is a verb when a determiner follows it
        word = tokens[position + 1].lower()
        verb_here = _is_base_verb(word) or (following in _DETERMINERS and word in lemmas(word).get("VERB", ()))
        # "the wake and bake one": a compound before "one" is a noun, not a second verb
        if tokens[position] == "and" and verb_here and following not in {"one", "ones"}:
            tokens[position + 1] = _verb_form(tokens[position + 1], "VBG") or tokens[position + 1]
    return " ".join(tokens)


def _regular_ing(verb: str) -> str:
    """The -ing form by the regular rule, for a verb lemminflect does not know ("vape" → "vaping")."""
    if not verb.isalpha() or not verb.islower() or verb.endswith("ing"):
        return verb
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


def _is_base_verb(word: str) -> bool:
    verb_lemmas = lemmas(word.lower())
    if word.lower() in _COMMON_VERBS:
        return True
    return "VERB" in verb_lemmas and "NOUN" not in verb_lemmas and verb_lemmas["VERB"][0] == word.lower()


def past_tense(word: str) -> str | None:
    """The simple past of a verb ("smoke" → "smoked"), or ``None`` when ``word`` is not a verb."""
    return _verb_form(word, "VBD")


def is_past_tense(word: str) -> bool:
    """Whether ``word`` is a simple-past verb form ("stopped", "managed", "quit" counts only as itself)."""
    verb_lemmas = lemmas(word.lower()).get("VERB")
    if not verb_lemmas:
        return False
    return word.lower() in _inflections(verb_lemmas[0]).get("VBD", ()) and word.lower() != verb_lemmas[0]


def part_of_you(clause: str) -> str | None:
    """``"you want to stop"`` → ``"wants to stop"``: the verb phrase that follows "part of you".

    ``None`` when the clause does not start with "you" and a verb this can agree ("you can't" → "can't",
    "you're tired" → "is tired", "you feel stuck" → "feels stuck").
    """
    tokens = clause.split()
    if len(tokens) < 2:
        return None
    head = tokens[0].lower()
    if head in _SUBJECT_CONTRACTIONS:
        return " ".join([_SUBJECT_CONTRACTIONS[head], *tokens[1:]])
    if head != "you":
        return None
    verb = tokens[1].lower()
    if verb in _MODALS:
        return " ".join(tokens[1:])
    agreed = _THIRD_PERSON_IRREGULAR.get(verb) or _third_person(verb)
    return " ".join([agreed, *tokens[2:]]) if agreed else None


def _third_person(verb: str) -> str | None:
    verb_lemmas = lemmas(verb).get("VERB")
    if not verb_lemmas or verb_lemmas[0] != verb:
        return None
    forms = getInflection(verb, "VBZ")
    return forms[0] if forms else None


def as_statement(sentence: str) -> str:
    """The sentence ending in a full stop: reflections go down at the end, never up into a question."""
    return sentence.rstrip(" ,;:?!.") + "."


# Words a client types in lower case that a reply must not ("you'll ring the gp on monday").
_PROPER_FORMS = {
    **{day: day.capitalize() for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")},
    **{
        month: month.capitalize()
        for month in (
            "january",
            "february",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    },
    "gp": "GP",
    "gps": "GPs",
    "adhd": "ADHD",
    "ptsd": "PTSD",
    "ocd": "OCD",
    "aa": "AA",
    "nhs": "NHS",
    "christmas": "Christmas",
    "easter": "Easter",
    "english": "English",
}
_PROPER = re.compile(r"\b(?:" + "|".join(_PROPER_FORMS) + r")\b", re.IGNORECASE)
# "march" and "may" are months only after a word of time ("since may"; "you may want to" is a verb)
_MARCH_OR_MAY = re.compile(r"\b((?:since|in|last|next|until|till|by|early|late|mid|end of|start of) )(march|may)\b")


_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")
# "it's time to to show her" (the client's false start, said back): a small word twice is a slip ("had had" is not)
_DOUBLED_WORD = re.compile(r"\b(to|the|a|an|and|of|for|with|that|you|your)\s+\1\b", re.I)
_DOUBLED_PAUSE = re.compile(r"([,;:])(?:\s*[,;:])+")
_PAUSE_BEFORE_END = re.compile(r"[,;:]+\s*([.!?])")
_DOUBLED_END = re.compile(r"([.!?])[.!?]+")
_LOWER_I = re.compile(r"\bi\b(?!\.)")
_ARTICLE = re.compile(r"\b([Aa]n?) ([A-Za-z0-9][\w'-]*)")
_SENTENCE_START = re.compile(r"(^|[.!?]\s+)([a-z])")


@lru_cache(maxsize=8192)
def tidy(text: str) -> str:
    """The one clean-up every draft goes through before anyone sees it.

    Single spaces, no URLs or markup, no space before punctuation, no doubled marks, "i" → "I", balanced
    double quotes, correct "a"/"an", every sentence capitalised, and one end mark at the end. Remembered:
    the same phrases are tidied for every draft of every turn.
    """
    text = _MARKUP.sub("", _URL.sub("", text))
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    text = _DOUBLED_WORD.sub(r"\1", text)
    text = _DOUBLED_PAUSE.sub(r"\1", text)
    text = _PAUSE_BEFORE_END.sub(r"\1", text)
    text = _DOUBLED_END.sub(r"\1", text)
    text = _LOWER_I.sub("I", text)
    text = _PROPER.sub(lambda m: _PROPER_FORMS[m.group().lower()], text)
    text = _MARCH_OR_MAY.sub(lambda m: m.group(1) + m.group(2).capitalize(), text)
    text = _ARTICLE.sub(_fix_article, text)
    if text.count('"') % 2:
        text = text.replace('"', "")
    text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    text = text.rstrip(" ,;:—–-")
    return text if not text or text[-1] in ".!?" else text + "."


def _fix_article(match: re.Match[str]) -> str:
    said, word = match.group(1), match.group(2)
    wanted = article(word)
    return f"{wanted.capitalize() if said[0].isupper() else wanted} {word}"
