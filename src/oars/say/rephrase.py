"""Saying the client's clause another way, so a reflection is a rephrase, not an echo.

Three light passes, each meaning-preserving:

* :func:`reword` (first person, before the shift) swaps a few whole constructions: "I need to stop" →
  "part of me feels it's time to stop" (which also keeps "need to" and "should" out of the counsellor's
  mouth), "I tried to quit" → "I've had a go at quitting", "I used to run" → "there was a time I ran",
  and "it's how I switch off" → "drinking is how I switch off" when the focus is known;
* :func:`paraphrase` (second person) swaps everyday phrases for equivalents: "most nights" → "nearly
  every night", "switch off" → "unwind", "keeps going on about it" → "keeps bringing it up";
* :func:`condense` shortens a clause that would otherwise repeat the whole message, by dropping its
  trailing time phrase ("last week", "lately") — the one cut that never changes what the clause says.
"""

from __future__ import annotations

import re

from oars.say.grammar import gerund, lemmas, past_tense, words

__all__ = ["condense", "paraphrase", "reword"]

_REWORDINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^I know I (?:should|need to|have to|must|ought to|have got to)\b(?=\s+\w)", re.I),
        "part of me knows it's time to",
    ),
    (
        re.compile(r"^I (?:really )?(?:should|need to|have to|must|ought to|have got to)\b(?=\s+\w)", re.I),
        "part of me feels it's time to",
    ),
    (re.compile(r"^I (really )?want to\b", re.I), r"I'd \1like to"),
    (re.compile(r"^I'm (?:sick|tired) of\b", re.I), "I've had enough of"),
    (re.compile(r"^I(?:'ve| have) had enough of\b", re.I), "I'm fed up with"),
    (re.compile(r"^I hate\b", re.I), "I can't stand"),
    (
        re.compile(
            r"^I(?:'m| am) (really |so |a bit |kind of )?(?:worried|scared|afraid|concerned) about ([^,]+)$", re.I
        ),
        r"\2 has me \1worried",
    ),
    (re.compile(r"^I think (?:that )?(?!about\b|of\b|so\b|back\b)", re.I), "my sense is that "),
    (re.compile(r"^I feel like I can't\b", re.I), "it feels like I can't"),
    (re.compile(r"^I managed to\b", re.I), "I was able to"),
    (re.compile(r"^I managed\b", re.I), "I got through"),
)
_OBLIGATION = re.compile(
    r"\bI (?:really )?(?:should|need to|have to|must|ought to|have got to|'ve got to)\b(?=\s+\w)", re.I
)  # "I know I should" with no verb after is left alone: "it's time for me to" would dangle
# "the court says I have to do this" is their demand, not the client's wish: "the court wants me to do this"
_REPORTED_OBLIGATION = re.compile(
    r"\b(?:(says|thinks|reckons|keeps saying)|(said|thought|told me)) (?:that )?I (?:really )?"
    r"(?:should|need to|have to|must|ought to|have got to|'ve got to)\b",
    re.I,
)
# "I am told I should discuss my diet": someone else's advice, passed on — "I've been told to discuss my diet"
_TOLD_OBLIGATION = re.compile(
    r"\bI(?: am|'m| was|'ve been| have been| got| get| keep getting) told (?:that )?I (?:really )?"
    r"(?:should|need to|have to|must|ought to)\b",
    re.I,
)
# "I don't think I need to be here", said back, tells the client nothing they must do: it stays as it is
_NEGATED_OBLIGATION = re.compile(
    r"\b(?:don't|do not|didn't|did not|not|never|no)\b(?: \w+){0,2} I (?:really )?(?:should|need to|have to|must)\b"
    r"|\bI (?:don't|do not|didn't|did not) (?:really )?(?:need|have) to\b",
    re.I,
)
# The client's generic "you" ("I stopped going because you have to speak"): the situation's demand, which
# said back word for word would be the counsellor telling the client what they must do
_GENERIC_OBLIGATION = re.compile(
    r"\b(because|since|cause|cos|as|when|if|where) (?:you|u) (?:have to|need to|must|(?:'ve |have )?got to)\b", re.I
)
_TRIED_TO = re.compile(r"^I(?: tried|'ve tried| have tried) to (\w+)(.*)$", re.I)
_USED_TO = re.compile(r"^I used to (\w+)(.*)$", re.I)
# "I was thinking give my grinder to my mate": an idea with its "of" (or "I'd") left out
_THINKING_BARE = re.compile(r"^(I(?:'m| am| was|'ve been| have been) thinking) (?:maybe )?(\w+)\b(.*)$", re.I)
_IT_AS_BEHAVIOUR = re.compile(r"^it(?:'s| is)? (?=how |what |the only |my way |helps |calms |relaxes |gives me )", re.I)

_PARAPHRASE_PAIRS: tuple[tuple[str, str], ...] = (
    ("most nights", "nearly every night"),
    ("most days", "nearly every day"),
    ("every night", "night after night"),
    ("all the time", "constantly"),
    (
        r"keeps? (?:going on|banging on|nagging (?:me|you)|on at (?:me|you)) about (?:it|this)",
        "keeps bringing it up",
    ),
    ("is a nightmare", "is really hard going"),
    ("switch off", "unwind"),
    ("relax", "unwind"),
    ("after work", "after a day at work"),
    ("stressed out", "under a lot of pressure"),
    ("scared", "afraid"),
    ("tired of", "worn down by"),
    ("to quit", "to stop"),
    ("cut down", "cut back"),
    ("the next morning", "the morning after"),
    ("doesn't know", "has no idea"),
    ("you don't know (?:if|whether)", "you're not sure whether"),
    ("gets worse", "ramps up"),
    ("feel awful", "feel terrible"),
    ("be around for", "be there for"),
    ("not a big deal", "no big thing"),
    ("you're not hurting anyone", "it isn't doing anyone any harm"),
    (r"helps you (?!with|through|out|get)", "lets you "),
    # a participle after "have" stays one, an adverb between or not: "you've already started", never "already began"
    (
        "(?<!'ve )(?<!have )(?<!has )(?<!had )(?<!'ve already )(?<!have already )(?<!has already )(?<!'s already )"
        "(?<!'ve just )(?<!have just )(?<!'d already )(?<!had already )(?<!been )started",
        "began",
    ),
    ("really hard", "tough"),
)
# One pass over all patterns at once, so a replacement is never itself paraphrased again.
_PARAPHRASE = re.compile(
    "|".join(rf"(?P<p{i}>\b{pattern}\b)" for i, (pattern, _) in enumerate(_PARAPHRASE_PAIRS)), re.I
)
_TRAILING_TIME = re.compile(
    r",?\s+(?:last (?:week|night|month|year|time)|yesterday|today|these days|lately|at the moment|right now|"
    r"at night|in the morning|all the time|again|anymore|any more|now)$",
    re.I,
)
_MIN_CONDENSED_WORDS = 4


def reword(clause: str, behaviour: str | None = None) -> str:
    """A stock rewording of a first-person clause (the first that applies), or the clause unchanged.

    Whatever else applies, an obligation anywhere becomes "it's time for me to …" (shifted, "you should"
    would be the counsellor giving advice), except someone else's demand ("the court says I have to …"
    becomes "the court wants me to …", the client's generic "because you have to speak" becomes "because
    you're expected to speak") and an obligation denied ("I don't think I need to be here").
    """
    clause = _TOLD_OBLIGATION.sub("I've been told to", clause)
    clause = _REPORTED_OBLIGATION.sub(lambda m: "wants me to" if m.group(1) else "wanted me to", clause)
    clause = _GENERIC_OBLIGATION.sub(r"\1 you're expected to", clause)
    if _NEGATED_OBLIGATION.search(clause):
        return _construction(clause, behaviour)
    return _OBLIGATION.sub("it's time for me to", _construction(clause, behaviour))


def _construction(clause: str, behaviour: str | None) -> str:
    for pattern, replacement in _REWORDINGS:
        if pattern.search(clause):
            return pattern.sub(replacement, clause, count=1)
    if tried := _TRIED_TO.match(clause):
        return f"I've had a go at {gerund(tried.group(1))}{tried.group(2)}"
    if (used := _USED_TO.match(clause)) and (past := past_tense(used.group(1))):
        return f"there was a time I {past}{used.group(2)}"
    if (idea := _THINKING_BARE.match(clause)) and _base_verb(idea.group(2)):
        return f"{idea.group(1)} of {gerund(idea.group(2) + idea.group(3))}"
    if behaviour and _IT_AS_BEHAVIOUR.match(clause):
        verb = " is " if re.match(r"^it(?:'s| is)", clause, re.I) else " "
        return _IT_AS_BEHAVIOUR.sub(behaviour + verb, clause, count=1)
    return clause


def paraphrase(clause: str) -> str:
    """Everyday phrases of a second-person clause swapped for equivalents, in one pass."""
    return _PARAPHRASE.sub(lambda m: _PARAPHRASE_PAIRS[int(str(m.lastgroup)[1:])][1], clause)


def condense(clause: str) -> str:
    """The clause without its trailing time phrase or last short prepositional phrase, if enough is left."""
    match = _TRAILING_TIME.search(clause)
    if match and len(words(clause[: match.start()])) >= _MIN_CONDENSED_WORDS:
        return clause[: match.start()].rstrip(" ,")
    return clause


def _base_verb(word: str) -> bool:
    """A verb in its plain form ("give", "sell"): not "about", "we" or "giving"."""
    word = word.lower()
    return "VERB" in lemmas(word) and not word.endswith(("ing", "ed", "s")) and word not in _NOT_BARE_VERBS


_NOT_BARE_VERBS = frozenset({"like", "so", "maybe", "back", "over", "through", "round", "it", "that", "this", "out"})
