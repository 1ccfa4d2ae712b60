"""The gist of a client message: its most telling clause, short, in the second person.

How a gist is found:

1. :func:`oars.say.clean.clean` turns chat into plain English and drops fillers;
2. the text is split into sentences (questions to the counsellor are skipped) and each sentence into
   clauses at "but", ";", a dash, or a comma or "and" that starts a new subject ("…, it's how I switch
   off"); a lone "when I get home" is joined to the clause it sets up;
3. clauses that cannot be echoed (abuse, injections, words addressed to the counsellor, another language,
   a question without its question mark) or carry nothing ("I don't know", no subject or finite verb) are
   dropped; the rest are scored — change or sustain talk, a feeling, a value, a person, the focus
   behaviour, a reason, the person speaking about themselves;
4. the winner is cut at a clause boundary to at most :data:`MAX_GIST_WORDS` words (never mid-phrase:
   a cut may not leave "…and", "…the", "…to"), reworded where a stock rephrase exists ("I need to stop"
   → "part of you feels it's time to stop", which also keeps "need to" out of the counsellor's mouth),
   shifted to the second person, and given everyday synonyms (:mod:`oars.say.rephrase`).

A message with no clause at all may still have a short answer worth saying back (:func:`fragment`).

Everything is a few regular-expression passes, so a 10,000-character paste costs milliseconds.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from oars.say.clean import clean
from oars.say.filters import addresses_counsellor, is_unechoable
from oars.say.grammar import is_past_tense, lemmas, looks_english, lower_first, words
from oars.say.perspective import to_second_person
from oars.say.rephrase import condense, paraphrase, reword
from oars.understand.lexicon import FEELINGS, PEOPLE, TOPICS, VALUES
from oars.understand.overlap import related, themes

__all__ = ["MAX_GIST_WORDS", "Gist", "Lean", "fragment", "gist", "gists"]

MAX_GIST_WORDS = 12
"""Longest gist: short enough to be a reflection, not a recital, and never a 12-word verbatim copy."""
_MIN_GIST_WORDS = 3
_MAX_SCANNED_CLAUSES = 400  # a pasted essay: later clauses add nothing a reflection could use
_ECHO_SHARE = 0.8  # a gist this much of the message, unchanged, would be the whole message parroted


class Lean(StrEnum):
    """Which way a clause points: towards change, towards the status quo, or neither."""

    CHANGE = "change"
    SUSTAIN = "sustain"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Gist:
    """A clause ready to reflect: second person, no end mark, lower-case start (unless a name).

    ``reworded`` says it differs from the client's words by more than the pronouns, so it can stand alone
    as a reflection without sounding like an echo.
    """

    text: str
    lean: Lean
    score: float
    reworded: bool = False


def _cues(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


_CHANGE = _cues(
    r"want to|'d like to|would like to|wish|hope|(?<!you )(?:need to|have to|have got to|got to|should|must)|could|"
    r"(?:I'm|I am|we're) going to|I will|I'll|we'll|ready|decided|plan\w*|try|trying|tried|quit|stopped for|"
    r"cut (?:down|back)|"
    r"stop(?:ping)? (?:drinking|smoking|vaping|gambling|betting|using)|can (?:stop|quit|cut|change|do it)|give up|"
    r"gave up|managed|did manage|"
    r"'d (?:have|be|feel|sleep|save|get)|everything to me|matters?|important to me|means a lot|"
    r"good (?:dad|mum|mom|parent|father|mother)|"
    r"better|healthier|worr\w*|scared|afraid|miss|sick of|tired of|fed up|had enough|costing|worse|problem|"
    r"swore|promised myself|"
    r"affect\w*|(?<!not )hurt\w*|ruin\w*|without|be around|be there|for my kids|save"
)
_SUSTAIN = _cues(
    r"helps? me|relax\w*|unwind|switch off|calm\w*|enjoy\w*|love|like it|fun|"
    r"every(?:one|body) (?:does|drinks|smokes|vapes|bets|uses|else|I know|my age|at work|round here)|"
    r"not (?:even |really )?a big deal|"
    r"no big deal|not a problem|no problem|fine|can't (?:stop|quit|imagine|give)|not a chance|"
    r"couldn't (?:stop|quit|give (?:it )?up)(?: \w+)? (?:completely|altogether|for good|entirely)|"
    r"don't (?:really )?want to (?:stop|quit|change|give|cut)|not ready|no point|I won't|"
    r"won't (?:stop|quit|change|give|cut|work|help)|never (?:going to )?(?:stop|quit)|"
    r"not (?:giving|gonna give|going to give) (?:\w+ ){0,2}up|(?:'m|am) not (?:stopping|quitting|cutting)|"
    r"only thing|(?:one|only) (?:pleasure|treat|thing I've got)|need it|deserve|not that bad|"
    r"nothing (?:else )?left to try|could (?:murder|kill for|kill|do with) (?:a|an|some|one)|"
    r"(?:dying|gasping|desperate) for (?:a|an|one|some)|"
    r"handle it|in control|my choice|my life(?! back)|normal|not hurting anyone|pointless|waste of time|"
    r"can't be bothered|not bothered|don't (?:really )?(?:take|bother|care)|too (?:tired|busy)|no time|"
    r"the only (?:comfort|way|time)|not going to (?:stop|quit|change)|end of|"
    r"(?:'d|would|'ll|will|gonna) (?:really |so )?miss"  # "the one I'd miss most": the habit, missed if it went
)
# "what if it doesn't work" (said as "I'm worried it won't work"): a doubt that the change will work, not a concern
_DOUBTED = _cues(
    r"worried (?:it|this|that|they|therapy|I|the \w+) won't (?:work|help|last|stick)|worried I(?:'ll)? fail|"
    r"(?:scared|afraid|frightened|terrified|nervous) to (?:push|exercise|try|start|walk|run|stop|come off|quit|go back)"
)
# "I don't think I need to be here", "I don't think it's going to hurt me": a need or a harm denied is no
# change talk, whatever its words
_DENIED_NEED = _cues(
    r"(?:don't|do not|doesn't|don't really) (?:think|see why|believe|feel like) (?:I|you) (?:really )?"
    r"(?:need|have|should|must)|no need (?:for me |for you )?to|"
    r"(?:don't|do not) (?:really )?(?:think|believe) (?:it|that|it's|that's|vaping|drinking|smoking|weed)"
    r"(?: is| will| would|'s|'ll)?(?: really)?(?: going to| gonna)? (?:hurt|harm|damage|affect|matter|a problem|bad)|"
    # "I don't see the problem", "what's the big deal": the problem itself denied
    r"(?:don't|do not|can't|cannot) (?:really )?see (?:the|a|any|what the) (?:big )?(?:problem|issue|harm|deal)|"
    r"what(?:'s| is) the (?:big )?(?:deal|problem)|(?:don't|do not) have (?:a|an|any) (?:\w+ )?(?:problem|addiction)"
)
_REASON = _cues(r"because|so that|helps?|makes? me|it's how|the only|since")
# fmt: off
_LOW_INFORMATION = frozenset({
    "i", "i'm", "me", "my", "it", "it's", "that's", "this", "that", "the", "a", "an", "and", "or", "but", "so",
    "yes", "no", "yeah", "ok", "okay", "maybe", "know", "think", "guess", "don't", "do", "not", "really",
    "just", "sure", "fine", "whatever", "mean", "thing", "things", "stuff", "well", "like", "get", "got",
    "fair", "enough", "cool", "right", "true", "alright", "thanks", "thank", "bye", "great", "good", "nice",
    "i'd", "say", "understand", "agree", "see", "suppose", "absolutely", "definitely", "exactly", "totally",
    "man", "mate", "bro", "dude", "lol", "haha", "tbh",  # "I don't know man" says nothing
    "sounds", "sound", "seems", "about", "to", "plan",  # "that sounds about right": agreement, not content
    "that'll", "be",  # "that'll be fine"
})
# fmt: on
_SUBORDINATORS = re.compile(
    r"^(?:when|whenever|if|once|after|before|unless|until|while|as soon as|by the time)\b", re.I
)
# "maybe after you've done the blocks": a hedged time clause with no main clause ("maybe if …" is an idea)
_HEDGED_SUBORDINATE = re.compile(
    r"^(?:maybe|perhaps|probably|possibly|just|only)\s+(?:when|once|after|before|until)\b", re.I
)
# In "when I get home I pour a drink" the main clause starts at the next subject after the first.
_SUBJECTS = frozenset({"I", "I'm", "I've", "I'd", "my", "My", "it", "it's", "we", "everything", "you"})
# Conjunctions and chat's fillers ("wait it says on the letter…", "man, …", "lol ok") are not part of the point.
_DROPPED_LEADS = re.compile(
    r"^(?:(?:and|but|so|then|plus|because|cause|since|though|although|yet|or|wait|man|lol|haha|ok|okay|well|"
    r"honestly|tbh|um+|uh+|hmm+)\b,?\s*|(?:it|I|that|this|he|she|they|we),\s+)+",  # "it, as soon as…": a false start
    re.I,
)
_NEW_SUBJECT = (
    r"(?:I|I'm|I've|I'd|I'll|it|it's|my|we|we're|he|she|they|that's|there's|everything|nothing|everyone"
    r"|the \w+ (?:said|says|told|thinks|reckons|keeps|wants|is|was|has|had))"
)
# A clause about someone else, whose subject a following subject-less piece carries on ("…. died at 61")
_SOMEONE_ELSE = re.compile(r"^(?:(?:my|his|her|their|our) (?!own\b)\w+|he|she|they|he's|she's|they're)\b", re.I)
# "…, seems pointless": chat drops the "it"; the clause gets it back so it can stand alone.
_ELIDED_IT = re.compile(r"^(?:seems|feels|makes|sounds|looks|isn't|doesn't|wasn't)\b", re.I)
# "been drinking a lot lately, thought I'd try this": chat drops the "I" too; the clause gets it back.
_ELIDED_I = re.compile(
    r"^(?:been|thought|felt|got|started|stopped|tried|need|needed|want|wanted|feel|think|hate|love|wish|keep|kept|"
    r"haven't|havent|used to|(?:can't|cant|couldn't|couldnt|won't|wont|wouldn't|wouldnt|don't|dont|didn't|didnt|"
    r"could|would|should|can|will)(?!\s+(?:we|you|u|i|it|they|he|she|that|this|there|anyone|someone)\b))\b"
    r"(?!\s+(?:is|was|are|were|me|him|her|it's)\b)",
    re.I,
)
# "probably miss 3 or 4 a week", "usually drink at home": a habit told without its "I"
_ELIDED_I_ADVERB = re.compile(
    r"^(?:probably|usually|sometimes|often|always|normally|still|never|rarely|mostly)\s+"
    r"(?:miss|forget|skip|drink|smoke|vape|use|take|go|get|feel|bet|play|eat|end up|wake up|spend)\b",
    re.I,
)
_MODALS = frozenset(
    {"can't", "cant", "couldn't", "couldnt", "won't", "wont", "wouldn't", "wouldnt"}
    | {"could", "would", "should", "can", "will"}
)
_CLAUSE_BREAK = re.compile(
    rf";|(?<!\d):(?!\d)|\s[-–—]+\s|\(|\)|,?\s+(?:but|though|although|whereas|except)\s+"
    rf"|,\s*(?:and\s+|so\s+)?(?={_NEW_SUBJECT}\b)"
    rf"|(?<!\b[Mm]e)\s+(?:and|so)\s+(?=(?:I|I'm|I've|my|we)\b)|\s+and then\s+|,\s*(?={_ELIDED_IT.pattern[1:]})",
)
# Cut points for a long clause, most natural first. The cut keeps the words *before* the boundary.
_SOFT_BREAK = re.compile(
    r",|\s(?=(?:because|when|and|but|with|after|since|so|which|who|while|at|in|for|on|about|from|every|"
    r"until|or)\b)"
)
# fmt: off
# ("her" ends a clause as often as it opens a phrase: "I don't want to lose her")
_DANGLING = frozenset({
    "the", "a", "an", "my", "your", "our", "his", "their", "to", "of", "and", "or", "but", "so", "for",
    "with", "at", "in", "on", "about", "from", "is", "am", "are", "was", "were", "be", "been", "being", "have",
    "has", "had", "do", "does", "did", "really", "very", "just", "not", "no", "can", "can't", "could", "would",
    "will", "should", "it's", "i'm", "like", "how", "what", "which", "who", "when", "than", "as", "because",
    "if", "by", "into", "every", "might", "must", "that's", "there's", "getting", "even",  # not "may": "since may"
})
# fmt: on
_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she"})
_NEGATED_AUXILIARIES = frozenset(
    {"wasn't", "isn't", "weren't", "aren't", "didn't", "doesn't", "don't", "hasn't", "haven't", "won't", "wouldn't"}
)
# "I feel like if we all just could meet in the middle": the "if" never gets its "then".
_OPEN_CONDITION = re.compile(r"\b(?:like|that|think|feel|feels)\s+(?:if|when|whenever|unless|once)\b[^,]*$", re.I)
_THAT_ENDS_PHRASE = frozenset({"like", "about", "of", "with", "do", "did", "all", "know", "said", "want"})
# A question without its question mark ("what's the point, nothing changes"): not a statement to reflect.
_RHETORICAL = re.compile(
    r"^(?:what's the (?:point|use)|why (?:do|does|did|should|would|bother)|how (?:do|can|could|should|am)|"
    r"what (?:do|can|should|am)|who (?:cares|knows)|where (?:do|would|can|should|am) i|"
    r"(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have) (?:that|it|this|there|i|you|we|they|he|she)"
    r"(?: (?:just|really|even|actually))? (?:what|normal|ok|okay|bad|a|an|the|true|right|possible|going|gonna)\b)\b",
    re.I,
)
_AUXILIARY = re.compile(
    r"\b(?:am|is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|might|must)\b|"
    r"'(?:s|re|m|ve|d|ll)\b|n't\b",
    re.I,
)
_SUBJECT_WORDS = frozenset(
    {"i", "you", "he", "she", "it", "we", "they", "there", "everyone", "everybody", "everything", "nobody", "someone"}
    | {"nothing", "people", "my", "your"}
)
_NOT_SUBJECTS = frozenset({"a", "an", "the", "some", "few", "many", "more", "less", "two", "three", "four", "five"})
_MAX_FRAGMENT_WORDS = 8
_LEADING_LINK = re.compile(r"^(or|and|maybe)\s+", re.I)


def gist(text: str, *, prefer: Lean | None = None, behaviour: str | None = None) -> Gist | None:
    """The best clause of ``text`` in the second person, or ``None`` when nothing in it can be reflected.

    ``prefer`` favours clauses of that lean (the change side of "I want to quit but it helps me relax");
    ``behaviour`` ("drinking") lets "it's how I switch off" become "drinking is how you switch off".
    """
    found = gists(text, prefer=prefer, behaviour=behaviour)
    return found[0] if found else None


@functools.lru_cache(maxsize=2048)
def gists(text: str, *, prefer: Lean | None = None, behaviour: str | None = None) -> tuple[Gist, ...]:
    """Every usable clause of ``text`` as a :class:`Gist`, best first (ties go to the earlier clause).

    Cached: each turn reads the same talk and earlier messages for several slots, and again next turn.
    """
    cleaned = clean(text)
    clauses = _clauses(cleaned)
    if _CUT_START.match(text) and clauses and not cleaned.lower().startswith(clauses[0].lower()):
        clauses = clauses[1:]  # "-can be away a couple of times a month": the end of a sentence begun earlier
    if _CUT_END.search(text) and clauses and _cut_short(clauses[-1]):
        clauses = clauses[:-1]  # "I was in good-": the speaker was cut off mid-phrase
    elif _UNHEARD_END.search(text) and clauses:
        clauses = clauses[:-1]  # "…any younger than I [unintelligible]": its end was not heard
    restored = (_feared(_tentative_idea(_object_restored(c))) for c in clauses[:_MAX_SCANNED_CLAUSES])
    candidates = [c for c in restored if _usable(c)]
    scored = [(_score(c, prefer), -i, c) for i, c in enumerate(candidates)]
    result: list[Gist] = []
    for score, _, clause in sorted(scored, reverse=True):
        trimmed = _trim(clause)
        if trimmed is None:
            continue
        said = _said_back(trimmed, _antecedent(cleaned, clause, behaviour), len(words(cleaned)))
        if all(g.text != said for g in result):
            echo = lower_first(to_second_person(trimmed))
            result.append(Gist(said, _lean(trimmed), score, reworded=said != echo))
    return tuple(result)


def _antecedent(text: str, clause: str, behaviour: str | None) -> str | None:
    """The behaviour a leading "it" in ``clause`` may stand for: unless the words before it name another
    topic. "…4 cans of coke a day. its the only thing keeping me awake" is the coke keeping them awake, not
    "managing your diabetes"; "I want to quit but it's the only thing that calms me down" is smoking."""
    before = text[: max(0, text.find(clause))]
    other_topic = any(t.startswith("topic:") for t in themes(before)) and not related(before, behaviour or "")
    return None if other_topic else behaviour


def _said_back(clause: str, behaviour: str | None, message_words: int) -> str:
    """The clause reworded and shifted; if that would still echo nearly the whole message, condensed."""
    echo = lower_first(to_second_person(clause))
    said = paraphrase(lower_first(to_second_person(reword(clause, behaviour))))
    if said == echo and len(words(said)) >= _ECHO_SHARE * message_words:
        said = condense(said)
    return said


def _clauses(text: str) -> list[str]:
    """The clauses of every statement sentence, with leading conjunctions dropped."""
    clauses: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        if sentence.rstrip().endswith("?"):
            continue  # a question to the counsellor (or a rhetorical one): not something to reflect
        sentence = _LEFT_DISLOCATED.sub(r"\1 ", sentence)
        pieces = [_DROPPED_LEADS.sub("", p.strip(" ,.!;:\"'")) for p in _CLAUSE_BREAK.split(sentence) if p]
        restored = [_subject_restored(p, clauses[-1] if clauses else "") for p in pieces if p]
        clauses.extend(_join_subordinates([p for p in restored if p]))
    return clauses


# A subject named, then taken up by a pronoun: "My friend Lin, she is also in the lab" is "my friend Lin is also in
# the lab" (split at the comma, "your friend Lin" alone was said back as if it were a statement).
_LEFT_DISLOCATED = re.compile(
    r"^((?:my|our|the|his|her|their)\s+(?:(?!(?:is|was|are|were)\b)[\w']+\s+){0,2}?(?!(?:is|was|are|were)\b)[\w']+),"
    r"\s+(?:he|she|they)\s+(?=\w)",
    re.I,
)
# How someone is, said without "I'm": "Just fed up.", "Knackered tbh", "So tired of it"
_ELIDED_STATE = re.compile(
    r"^(?:(?:just|so|really|a bit|bit|pretty|proper|totally|completely)\s+)*(?:fed up|tired|knackered|exhausted|bored|"
    r"stressed|skint|shattered|gutted|sick of|done with|worn out|burnt out|burned out|lonely)\b",
    re.I,
)
_TELLING_NOT_TO = re.compile(
    r"^(?:please )?(?:don'?t|do not) (?:make|tell|worry|take|get|be|go|start|bother|push|judge|lecture|ask|say)\b", re.I
)


def _subject_restored(piece: str, previous: str = "") -> str:
    """ "seems pointless" → "it seems pointless"; "been drinking a lot" → "I've been drinking a lot" — but
    not after a clause about someone else: in "my dad was a big drinker. died at 61." the dropped subject is
    the dad, so the piece is dropped (``""``) rather than made "I died at 61"."""
    if _ELIDED_IT.match(piece):
        return _ELIDED_IT.sub(lambda m: f"it {m.group(0).lower()}", piece)
    if _TELLING_NOT_TO.match(piece):
        return ""  # "Don't make it a whole thing": said to the counsellor, not "you don't make it a whole thing"
    if _ELIDED_STATE.match(piece):
        return f"I'm {piece[0].lower()}{piece[1:]}"  # "Just fed up." → "I'm just fed up", not "you fed up"
    first = piece.split(maxsplit=1)[0] if piece.strip() else ""
    rest = piece[len(first) :]
    if first.lower() in _MODALS and re.match(r"\s+be\b(?!\s+(?:bothered|\w+ing)\b)", rest):
        return f"it {first.lower()}{rest}"  # "would be nice" is it; "can't be bothered", "will be going" mine
    asks = re.match(r"\s+(?:we|you|u|i|they|he|she)\b", rest) is not None  # "could you help": a question
    restored = _elided_i_restored(piece, first, asks)
    if restored is None:
        return piece
    return "" if _SOMEONE_ELSE.match(previous) else restored


def _elided_i_restored(piece: str, first: str, asks: bool) -> str | None:
    """The piece with the "I" chat dropped put back, or ``None`` when it dropped none."""
    if first.islower() and not asks and is_past_tense(first) and "NOUN" not in lemmas(first):
        return f"I {piece}"  # "took out a loan last month" → "I took out a loan last month"
    if _ELIDED_I_ADVERB.match(piece):
        return f"I {piece}"  # "probably miss 3 or 4 a week" → "I probably miss 3 or 4 a week"
    if match := _ELIDED_I.match(piece):
        word, rest = match.group(0).lower(), piece[match.end() :]
        if word == "been":  # "been drinking a lot" is mine; "been a long week" is it
            doing = re.match(r"\s+\w+ing\b", rest) is not None
            return ("I've been" if doing else "it's been") + rest
        return f"I {word}{rest}"
    return None


def _join_subordinates(pieces: list[str]) -> list[str]:
    """Joins "when I get home" to the clause it sets up ("…, I pour a drink"); a lone one is dropped."""
    joined: list[str] = []
    pending: str | None = None
    for piece in pieces:
        if _SUBORDINATORS.match(piece) and "," not in piece:
            split = _split_subordinate(piece)
            if split is None:
                pending = piece
                continue
            pending, piece = split
        joined.append(f"{pending}, {piece}" if pending else piece)
        pending = None
    return joined


def _split_subordinate(piece: str) -> tuple[str, str] | None:
    """ "when I get home I pour a drink" → ("when I get home", "I pour a drink"), or ``None``."""
    tokens = piece.split()
    opening = _SUBORDINATORS.match(piece)
    first = len(opening.group(0).split()) + 2 if opening else 3  # the subordinate needs a subject and a verb
    for index in range(first, len(tokens) - 1):  # and the main clause more than its subject
        if tokens[index] in _SUBJECTS:
            return " ".join(tokens[:index]), " ".join(tokens[index:])
    return None


# "which probably doesn't help": a relative clause whose noun was in another message says nothing alone.
_RELATIVE_LEAD = re.compile(r"^(?:which|who|whom|whose)\b", re.I)
_ASIDE = re.compile(
    r"^(?:(?:i|you) (?:won't|will not|wont|can't|cannot) lie|(?:i'm |you're )?not (?:gonna|going to) lie|to be honest|"
    r"(?:i|you) (?:must|have to|gotta) (?:say|admit)|if (?:i'm|you're) honest|(?:i|you) (?:guess|suppose|mean))$",
    re.I,
)


# A transcribed turn cut by the other speaker starts or ends with a dash ("-what I usually pick.", "I was in good-").
_CUT_START = re.compile(r"^\s*[-–—]")
_ELLIPSIS = re.compile(
    r"\b(?:haven't|hasn't|hadn't|didn't|don't|doesn't|won't|wasn't)\s+(?:in|for|since|ever|again|at all)\b", re.I
)
_HEDGE_LEAD = re.compile(r"^(?:I think|I guess|I suppose|I reckon|I'd say|I would say)(?: that)?,?\s+(.+)$", re.I)
_UNHEARD_END = re.compile(r"\[(?:inaudible|unintelligible|crosstalk)[^\]]*\]\W*$", re.I)
_CUT_END = re.compile(r"\w[-–—]+\s*$")
_PHRASE_OPENERS = frozenset({"in", "of", "into", "at", "on", "with", "about", "a", "an", "the", "very", "so", "quite"})
# "what I usually pick", "how I feel about it": a clause that names a thing; unlike "what I want is to stop" it
# says nothing about it. "to see if anything changed": a purpose without the sentence it belongs to.
_PSEUDO_CLEFT = re.compile(r"^\w+\s+\S+\s+.+?\b(?:is|was|are|were)\b", re.I)
_NOMINAL = re.compile(r"^(?:(?:what|how|where|why|who|whatever)\s+(?:i|you|he|she|we|they|it)\b|to\s+\w+)", re.I)


def _cut_short(clause: str) -> bool:
    """Whether the last clause of a turn cut off stops mid-phrase: "I was in good", "…that a test might"."""
    tokens = [w.lower() for w in words(clause)]
    last = lemmas(tokens[-1]) if tokens else {}
    if len(tokens) >= 2 and tokens[-2] in _PHRASE_OPENERS and "ADJ" in last and not {"VERB", "ADV"} & last.keys():
        return True
    return _dangles(clause)


def _usable(clause: str) -> bool:
    content = [w for w in words(clause.lower()) if w not in _LOW_INFORMATION]
    usable = len(words(clause)) >= 2 and bool(content)
    usable = usable and not _ASIDE.match(clause.strip()) and not _RELATIVE_LEAD.match(clause)
    usable = usable and not (_NOMINAL.match(clause) and not _PSEUDO_CLEFT.search(clause))
    usable = usable and not _ELLIPSIS.search(clause)  # "you haven't in 4 years": of what, the clause before says
    hedged = _HEDGE_LEAD.match(clause)  # "I think those two and respect": the hedge is the only verb
    usable = usable and not (hedged and not _is_clause(hedged.group(1)))
    return usable and not _imperative(clause) and _is_clause(clause) and _echoable(clause)


_TENTATIVE_STEP = re.compile(r"^(?:maybe|perhaps|possibly)\s+(\w+)\b(.*)$", re.I)
_TENTATIVE_CONDITION = re.compile(r"^(?:maybe|perhaps) if\s+(.+)$", re.I)
_FEARED = re.compile(r"^(?:(?:but|and|so|like|then|i mean)[,\s]+)*what if\s+(.+)$", re.I)
_DOES_NOT = re.compile(r"\b(?:doesn'?t|does not|don'?t|do not)\b", re.I)
# "maybe a pill box", not "maybe a bit", "maybe a 6" or "maybe a week"
_TENTATIVE_THING = re.compile(
    r"^(?:maybe|perhaps)\s+((?:a|an|some)\s+(?!\d|(?:bit|lot|little|few|couple|while|day|week|month|year|time|one|"
    r"two|three|four|five|six|seven|eight|nine|ten)\b)\w+(?:\s+\w+)?)$",
    re.I,
)


# "The wine I'm not giving up", "the coffee I could maybe look at", "that bit I can do": the thing first, then
# what the client will or won't do with it; the verb (or its particle) is left without its object
_FRONTED_OBJECT = re.compile(
    r"^((?:the|that|this|those|these|my)(?:\s+[\w'-]+){1,3}?)\s+(i(?:'m| am|'ll| will| won't| will not| could|"
    r" can| can't| cannot| couldn't| might| would| don't| do not| need to| want to| have to)?\b.*?\s(?:up|at|on|out|"
    r"without|with|about|do|stop|quit|touch|handle|manage|give|drop|keep|change|try|face|miss|cut|ditch|lose))$",
    re.I,
)


def _object_restored(clause: str) -> str:
    """A clause that puts its object first gets it back in place: "the wine I'm not giving up" is "I'm not
    giving up the wine", which reads as what it is (the client keeping the wine) rather than as a thing named."""
    match = _FRONTED_OBJECT.match(clause)
    return f"{match.group(2)} {lower_first(match.group(1))}" if match else clause


def _feared(clause: str) -> str:
    """A fear voiced as "what if …" is said as the fear it is: "what if it doesn't work" is "I'm worried it won't
    work" — a clause a reflection can use, where the bare "what if" would be dropped as a question and the
    next clause ("then I've got nothing left to try") reflected without the worry that gives it its sense."""
    match = _FEARED.match(clause)
    return "I'm worried " + _DOES_NOT.sub("won't", match.group(1), count=1) if match else clause


def _tentative_idea(clause: str) -> str:
    """An idea voiced without its "I could" gets it back, so it is read as the client's idea rather than
    dropped as an instruction ("maybe swap them for something"); "maybe if we both did it together" is what
    might help."""
    if condition := _TENTATIVE_CONDITION.match(clause):
        return f"it might help if {condition.group(1)}"  # "maybe if we both did it together"
    if thing := _TENTATIVE_THING.match(clause):
        return f"I could try {thing.group(1)}"
    match = _TENTATIVE_STEP.match(clause)
    verb = match.group(1).lower() if match else ""
    if match is None or verb not in lemmas(verb).get("VERB", ()) or verb in {"i", "you", "we", "it", "that", "this"}:
        return clause
    return f"I could {match.group(1)}{match.group(2)}"


def _imperative(clause: str) -> bool:
    """Whether the clause opens with a bare verb and no subject: "do one application a day", "speak to the
    nurse", "be honest" — a step listed without its "I'll", or words to the counsellor; said back, either
    reads as an instruction ("So do one application a day")."""
    first = (words(clause) or [""])[0]
    word_lemmas = lemmas(first.lower())
    return first.lower() in word_lemmas.get("VERB", ()) and "NOUN" not in word_lemmas and "ADJ" not in word_lemmas


def _echoable(text: str) -> bool:
    return (
        looks_english(text)
        and not _RHETORICAL.match(text)
        and not is_unechoable(text)
        and not addresses_counsellor(text)
    )


def _is_clause(text: str) -> bool:
    """Whether ``text`` has a verb to go with a subject: "the hangovers are worse", "everyone vapes" — not
    "two nights a week" or "not everyone"."""
    if _AUXILIARY.search(text):
        return True
    tokens = [w.lower() for w in words(text)]
    if any(_finite(word, previous) for previous, word in zip(["", *tokens], tokens, strict=False)):
        return True
    if tokens and tokens[0].endswith("ing") and "VERB" in lemmas(tokens[0]):
        return False  # "hanging out with my friends or go to the beach": an activity named, not a statement
    subject = next((i for i, t in enumerate(tokens) if t in _SUBJECT_WORDS), len(tokens))
    skip = 2 if subject < len(tokens) and tokens[subject] in {"my", "your"} else 1  # "my phone": the noun it owns
    after_subject = tokens[subject + skip :]
    return any("VERB" in lemmas(word) or not lemmas(word) for word in after_subject)


def _finite(word: str, previous: str) -> bool:
    """A verb form that is not also a noun ("helped"), or a verb-or-noun "-s" after a noun ("wife keeps");
    not after "to" or "or" ("to go", "friends or go")."""
    word_lemmas = lemmas(word)
    if "VERB" not in word_lemmas or word.endswith("ing") or previous in {"to", "or"}:
        return False
    if "NOUN" not in word_lemmas:
        return True
    return word.endswith("s") and bool(previous) and previous not in _NOT_SUBJECTS and not previous.isdigit()


def fragment(text: str) -> str | None:
    """A short verbless answer ("two nights a week without a drink") ready to say back, or ``None``.

    Used only when the message has no clause: "Two nights a week without a drink, then."
    """
    statements = [s for s in re.split(r"(?<=[.!?])\s+|\n+", clean(text)) if s and not s.endswith("?")]
    if not statements:
        return None
    last = statements[-1].strip(" ,.!;:\"'")
    if (link := _LEADING_LINK.match(last)) is not None:
        before = statements[-2].strip(" ,.!;:\"'") if len(statements) > 1 else ""
        if before and not _is_clause(before):  # "some of that sleepy tea. or reading": one answer in two goes
            last = f"{before}, {link.group(1).lower()} {last[link.end() :]}"
        elif len(words(last)) <= 3:  # "or reading" alone
            last = last[link.end() :]
    count = len(words(last))
    if not 2 <= count <= _MAX_FRAGMENT_WORDS or not _echoable(last) or _is_clause(last):
        return None  # a clause that gist() turned down ("which I barely have any") is not a short answer
    if not any(w not in _LOW_INFORMATION for w in words(last.lower())):
        return None
    return paraphrase(lower_first(to_second_person(last)))


def _score(clause: str, prefer: Lean | None) -> float:
    """How much a reflection could say with this clause: talk, feeling, value, person, focus, reason, self."""
    score = 0.0
    score += 2.0 * bool(re.search(r"\b(?:I|I'm|I've|I'd|I'll|my|me|myself)\b", clause))
    score += 2.0 * any(f.cues.search(clause) for f in FEELINGS)
    score += 1.5 * bool(_CHANGE.search(clause)) + 1.5 * bool(_SUSTAIN.search(clause))
    score += 1.0 * any(v.cues.search(clause) for v in VALUES) + 1.0 * bool(PEOPLE.search(clause))
    score += 1.0 * any(t.cues.search(clause) for t in TOPICS) + 0.5 * bool(_REASON.search(clause))
    count = len(words(clause))
    score -= 2.0 if count < _MIN_GIST_WORDS else 0.0
    score -= 0.1 * max(0, count - MAX_GIST_WORDS)  # a long clause must be cut, and may lose its point
    if prefer is not None and _lean(clause) is prefer:
        score += 5.0
    return score


# "I'll have a couple of drinks before work dinners", "I'll usually smoke a joint": what the client does, told
# with a habitual "I'll", not a step (unless it is less of the habit: "one drink instead of three")
_HABITUAL_WILL = re.compile(
    r"\bI(?:'ll| will) (?:usually |often |sometimes |always |normally |just )?(?:have|smoke|drink|neck|sink|roll|grab)"
    r" (?:a |an |one |two |three |a couple of |a few |some |my )?(?:\w+ )?(?:drinks?|pints?|beers?|cans?|wine|"
    r"shots?|smokes?|cigarettes?|cigs?|fags?|joints?|spliffs?|vapes?|bets?|lines?)\b"
)
_LESS = re.compile(r"\b(?:instead|only|less|fewer|no more|than|between|water|cut)\b", re.I)


def _lean(clause: str) -> Lean:
    if _DENIED_NEED.search(clause) or _DOUBTED.search(clause):
        return Lean.SUSTAIN
    if _HABITUAL_WILL.search(clause) and not _LESS.search(clause):
        return Lean.SUSTAIN
    change, sustain = bool(_CHANGE.search(clause)), bool(_SUSTAIN.search(clause))
    # "I want to stop but it's the only thing that helps" leans both ways, so not to sustain; "I don't want to
    # stop going out" is sustain talk whatever its "want to"
    wants = (
        r"\b(?<!n't )(?<!not )(?<!dont )(?<!n't really )"
        r"(?:want to|'d like to|need to|have to|worried|sick of|tired of)\b"
    )
    if sustain and not re.search(wants, clause, re.I):
        return Lean.SUSTAIN
    return Lean.CHANGE if change else Lean.NEUTRAL


def _trim(clause: str) -> str | None:
    """``clause`` cut to at most :data:`MAX_GIST_WORDS` words at a boundary, or ``None`` if no clean cut exists."""
    clause = re.sub(r"[\s,;:]+$", "", re.sub(r"\s+", " ", clause)).strip()
    clause = re.sub(
        r",?\s+(?:though|anyway|anyways|really|too|as well|at all|end of|full stop|period|i admit|i guess|i suppose|"
        r"i think|tbh|honestly|lol|so here i am|so yeah|simple as that|that's all|that's it)$",
        "",
        clause,
        flags=re.I,
    )
    # "i guess the missing doses thing is the worst of both worlds": the hedge said back ("you guess …") sounds odd
    hedged = re.match(r"(?:i guess|i suppose|i reckon|i mean)(?: that)?\s+(.+)$", clause, re.I)
    if hedged and len(words(hedged.group(1))) >= 3:
        clause = hedged.group(1)
    if _SUBORDINATORS.match(clause) and "," not in clause and (split := _split_subordinate(clause)):
        clause = ", ".join(split)  # "if you don't smoke you don't get a break" once ", simple as that" is gone
    if len(words(clause)) <= MAX_GIST_WORDS:
        return clause if not _dangles(clause) else None
    if _SUBORDINATORS.match(clause) and "," in clause:  # too long with its "when …": keep the main clause
        return _trim(clause.split(",", 1)[1])
    cuts = [m.start() for m in _SOFT_BREAK.finditer(clause)]
    for cut in reversed(cuts):
        head = clause[:cut].rstrip(" ,")
        if _MIN_GIST_WORDS <= len(words(head)) <= MAX_GIST_WORDS and not _dangles(head) and _is_clause(head):
            return head  # "my old friend from when I was using messaged me…" is not cut to "my old friend"
    return None


def _dangles(clause: str) -> bool:
    """Whether the clause stops mid-phrase ("…and", "…the", "…to", a complementiser "that")."""
    tokens = [w.lower() for w in words(clause)] or [""]
    if _OPEN_CONDITION.search(clause):
        return True
    if tokens[-2:] == ["and", "then"]:
        return True  # "I just fill it out, and then"; "I'll stop then" is whole
    if tokens[-1] == "that":
        return len(tokens) < 2 or tokens[-2] not in _THAT_ENDS_PHRASE
    if tokens[-1] in _MODALS and len(tokens) > 1 and tokens[-2] in _PRONOUNS:
        return False  # "…which I didn't think I could": the verb is understood
    if len(tokens) > 2 and tokens[-3] in {"what", "how", "where", "who"} and tokens[-2] in _PRONOUNS | {"it"}:
        return False  # "my memory isn't what it was", "that's just how I am": a whole phrase
    if tokens[-1] in _NEGATED_AUXILIARIES and len(tokens) > 1 and tokens[-2] not in _PRONOUNS | {"it", "that"}:
        return True  # "that's what I felt wasn't": cut off ("…but he doesn't" is whole)
    subordinate = _SUBORDINATORS.match(clause) or _HEDGED_SUBORDINATE.match(clause)
    return tokens[-1] in _DANGLING or bool(subordinate and "," not in clause)
