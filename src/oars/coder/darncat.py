"""DARN-CAT: which kind of change (or sustain) talk a client utterance is.

AnnoMI has no DARN-CAT labels, so this is a rule method, written from the definitions in Miller &
Rollnick (reference section 5): the category is carried by the verb frame of the person's own statement
("I want…" desire, "I could…" ability, "I need / have to…" need, "I will…" commitment, "I'm ready /
willing…" activation, "I've cut down / I bought…" taking steps), the same frames pointing away from change
for sustain talk ("I don't want to", "I can't", "I'm not going to"). Specific reasons carry no frame of their
own, so *reason* is what remains. Mobilising categories (CAT) win over preparatory ones (DARN) when both
occur, as MI practice weighs them more. Its error is measured on 334 hand-labelled client utterances
(``data/darncat``) by ``bench/bench_darncat.py``.
"""

from __future__ import annotations

import re

from oars.coder.labels import DarnCat, Talk

__all__ = ["darn_cat", "stated_darn_cat"]


def _frames(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_I = r"\b(?:i|i'm|i've|i'd|i'll|im|ive|id)\b"
_NOT = r"(?:n't|not|never|no longer)"

# Mobilising categories in order of precedence, then the preparatory ones (earliest match wins).
_CATEGORY_FRAMES: tuple[tuple[DarnCat, re.Pattern[str]], ...] = (
    (
        DarnCat.COMMITMENT,
        _frames(
            r"(?<!how )(?<!what )(?<!else )(?<!if )(?<!whether )"
            r"\bi(?: will|'ll| am going to|'m going to| promise| plan to| intend to| swear)\b"
            r"(?! (?:fail|struggle|slip|relapse|mess|need|have to|be (?:honest|able)|think|see|have a think|consider|"
            r"sleep on|mull|probably (?:think|see)|maybe (?:think|see)))",  # "I'll think about it" decides nothing
            r"\bi(?: won't| will not|'m not going to|'m not gonna| am not going to| refuse to)\b",
            r"\bi(?:'ve| have)? (?:decided|made up my mind|committed)\b",
            r"\bthat's decided\b",
            r"\b(?:that's|it's|that is|it is) not (?:changing|happening|going to change)\b",
            r"\bi'm (?:not )?\w+ing\b.{0,40}\b(?:again|anymore|any more|tonight|tomorrow|after this|whatever|"
            r"from now|for good|this week|next week)\b",
            r"\b(?:starting|from) (?:tomorrow|today|monday|tonight|next week|now on)\b",
            r"\bmy (?:quit|stop|start) date\b",
            r"\b(?:no way|not a chance) (?:am )?i(?:'m)?\b",
        ),
    ),
    (
        DarnCat.ACTIVATION,
        _frames(
            r"\bi(?:'m| am)(?: not)? (?:really |quite |pretty |totally |so )?"
            r"(?:ready|willing|prepared|open) (?:to|for)\b",
            r"\bi(?:'d| would)(?: not)? be (?:willing|ready|open|prepared|up for)\b",
            r"\bi(?:'m| am|'ve been| have been) (?:thinking|considering|looking into|thinking seriously)"
            r" (?:about|of)\b",
            r"\b(?:been )?meaning to\b",
            r"\b(?:feel|am|i'm)(?: \w+)? (?:not )?ready\b",
            r"\bi(?:'ll| will| could| can| might| should)? ?(?:give it a (?:try|go|shot)|try it)\b",
            r"\bi(?:'m| am) not ready\b",
            r"\bnot (?:ready|willing) (?:to|for|yet)\b",
            r"\bi(?:'m| am) up for\b",
        ),
    ),
    (
        DarnCat.TAKING_STEPS,
        _frames(
            r"\bi(?:'ve| have)(?: already| just| finally| actually| even)? "
            r"(?:cut|stopped|started|quit|reduced|"
            r"switched|joined|booked|bought|thrown|thrown away|got rid|signed up|made an appointment|talked|"
            r"spoken|been (?:going|trying|cutting|walking|taking|doing|using|drinking|smoking|skipping|"
            r"going back|staying)|gone|picked up|downloaded|called|told|found)\b",
            r"\b(?:yesterday|last (?:night|week|month|weekend)|this (?:week|morning|month)|today)\b.{0,40}"
            r"\bi (?:cut|stopped|started|quit|went|bought|tried|called|joined|walked|skipped|had|took|"
            r"didn't|did|poured|threw|smoked|drank|used|gambled|missed)\b",
            r"\bi (?:cut|stopped|started|quit|went|bought|tried|called|joined|poured|threw|signed|booked|"
            r"switched|skipped|missed|picked up|downloaded)\b.{0,40}\b(?:yesterday|last (?:night|week|month|"
            r"weekend)|this (?:week|morning|month)|today|again|already)\b",
            r"\bi(?:'ve| have) (?:been )?(?:down|up) to\b",
            r"\bi (?:bought|got) (?:another|more|a new)\b",
            r"^(?:i )?(?:deleted|opened|closed|picked up|bought|booked|rang|called|threw|poured|started|"
            r"stopped|"
            r"went|got my|signed|joined|cancelled|canceled|sold|gave away|took)\b",
            r"\bi (?:deleted|opened|closed|rang|cancelled|canceled|sold|gave away|got my \w+ to)\b",
        ),
    ),
    (
        DarnCat.NEED,
        _frames(
            rf"(?<!why ){_I} (?:\w+ly )?(?:need|have to|have got to|got to|must|ought to|should)\b",
            r"\bi (?:don't|do not) need\b",
            r"\bi(?:'ve| have) got to\b",
            r"\bi (?:don't|do not) (?:need|have) to\b",
            r"\bsomething (?:has|needs|have|is going) to (?:change|give)\b",
            r"\bi (?:can't|cannot|can not) (?:keep|go on|carry on|continue|live like)\b",
            r"\b(?:it's|it is|that's) (?:really |very )?important (?:to me|for me)\b",
            r"\bi (?:can't|cannot) (?:do|get through|cope|function|sleep|relax)\b.{0,25}\bwithout\b",
        ),
    ),
    (
        DarnCat.ABILITY,
        _frames(
            rf"{_I} (?:\w+ly |just )?(?:can|could|can't|cannot|couldn't|can not)\b",
            r"\b(?:be|been|being) able to\b",
            r"\bi(?:'ve| have)? managed\b",
            r"\b(?:hard|difficult|tough|a struggle|impossible) for me\b",
            r"\bi(?:'m| am)(?: not)? (?:able|capable|strong enough|good at)\b",
            r"\bi (?:don't|do not) (?:think|know if|know whether) i (?:can|could)\b",
            r"\bi(?:'ve| have) done it before\b",
            r"\b(?:too|so|really) (?:hard|difficult) (?:for me)?\b",
            r"\b(?:impossible|no way i could)\b",
            r"\bi (?:managed|was able) to\b",
        ),
    ),
    (
        DarnCat.DESIRE,
        _frames(
            rf"{_I} (?:\w+ly |just |kind of |sort of |do )?(?:want|wish|hope|would like|would rather|rather|"
            r"'d like|'d love|would love|like|love|enjoy|prefer|don't want|do not want|"
            r"don't like|hate)\b",
            r"\bmy (?:goal|dream|hope|wish)\b",
        ),
    ),
)


_CONDITIONAL_DESIRE = re.compile(r"\bif i could\b.{0,60}\bi(?:'d| would)\b")
# Chat spelling restored so that the frames above match: "im" -> "i'm", "dont" -> "don't", "gonna" -> ...
_SPELLING = {
    "im": "i'm",
    "ive": "i've",
    "id": "i'd",
    "ill": "i'll",
    "dont": "don't",
    "cant": "can't",
    "wont": "won't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "thats": "that's",
    "its": "it's",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "havent": "haven't",
    "u": "you",
}
_WORD = re.compile(r"[a-z']+")
_SHORT_ANSWER_WORDS = 6
# A counsellor question seen from the client's side: "Would you like to…?" + "Yeah" -> "I would like to".
_PERSPECTIVE = (
    (re.compile(r"\byou're\b"), "i'm"),
    (re.compile(r"\byou've\b"), "i've"),
    (re.compile(r"\byou'd\b"), "i'd"),
    (re.compile(r"\byou'll\b"), "i'll"),
    (re.compile(r"\byou\b"), "i"),
    (re.compile(r"\bare i\b"), "i'm"),
    (re.compile(r"\b(do|does|would|will|could|can|have|did)\s+i\b"), r"i \1"),
)


def darn_cat(text: str, talk: Talk | None, previous: str = "") -> DarnCat | None:
    """The DARN-CAT category of change or sustain talk; ``None`` for neutral talk (or no talk).

    ``previous`` is the counsellor's turn just before: a short answer ("Yeah, I would.") takes its category
    from the question it answers.
    """
    if talk not in (Talk.CHANGE, Talk.SUSTAIN):
        return None
    own = _normalise(text)
    found = _frame_of(own)
    if found is None and previous and len(own.split()) <= _SHORT_ANSWER_WORDS:
        found = _frame_of(_as_client(_normalise(previous)))
    return found or DarnCat.REASON


def stated_darn_cat(text: str) -> DarnCat | None:
    """The category the message's own words frame ("I want to …" is desire), or ``None`` when no frame
    matches — where :func:`darn_cat` would fall back to the question answered or to ``reason``."""
    return _frame_of(_normalise(text))


def _frame_of(text: str) -> DarnCat | None:
    """Mobilising frames win wherever they occur; among preparatory ones, the earliest (the main clause)."""
    if _CONDITIONAL_DESIRE.search(text):
        return DarnCat.DESIRE
    preparatory: list[tuple[int, DarnCat]] = []
    for category, frame in _CATEGORY_FRAMES:
        match = frame.search(text)
        if match is None:
            continue
        if category.mobilising:
            return category
        preparatory.append((match.start(), category))
    return min(preparatory, key=lambda found: found[0])[1] if preparatory else None


def _normalise(text: str) -> str:
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return _WORD.sub(lambda m: _SPELLING.get(m.group(), m.group()), lowered)


def _as_client(counsellor_text: str) -> str:
    for pattern, replacement in _PERSPECTIVE:
        counsellor_text = pattern.sub(replacement, counsellor_text)
    return counsellor_text
