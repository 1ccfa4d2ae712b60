"""Cleaning a client message before its gist is read: chat spellings, fillers and symbols.

People type "im", "dont", "u", "like, idk" and emoji; a reflection built from that would either copy the
spelling back (mocking) or break. This turns it into plain written English with the same meaning, and
removes the words that carry none ("um", "you know", "basically", a leading "yeah,").
"""

from __future__ import annotations

import re

from oars.say.grammar import lemmas

__all__ = ["clean"]

_CHAT = {
    "im": "I'm",
    "ive": "I've",
    "id": "I'd",
    "dont": "don't",
    "cant": "can't",
    "wont": "won't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "arent": "aren't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "aint": "isn't",
    "thats": "that's",
    "whats": "what's",
    "theres": "there's",
    "theyre": "they're",
    "shes": "she's",
    "hes": "he's",
    "theyve": "they've",
    "weve": "we've",
    "youve": "you've",
    "itll": "it'll",
    "thatll": "that'll",
    "wouldve": "would've",
    "couldve": "could've",
    "shouldve": "should've",
    "youre": "you're",
    "u": "you",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "have got to",
    "kinda": "kind of",
    "sorta": "sort of",
    "dunno": "don't know",
    "idk": "I don't know",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bc": "because",
    "b4": "before",
    "rn": "right now",
    "tho": "though",
    "thru": "through",
    "prob": "probably",
    "probs": "probably",
    "wk": "week",
    "nite": "night",
    "w/": "with",
    "i": "I",
}
_NOISE_WORDS = re.compile(r"\b(?:lol|lmao|rofl|haha\w*|hehe\w*|omg|smh|tbh|ngl|fr|pls|plz|xd|xo+x*|u+g+h+|meh)\b", re.I)
# After "its", a word that shows the writer meant "it's" ("its how I switch off", "its killing me").
_ITS_MEANS_IT_IS = re.compile(
    r"\bits(?= (?:how|what|the|a|an|not|just|so|really|been|getting|like|my|too|all|only|never|always|hard|easy|"
    r"fine|ok|okay|become|gotten|got|because|about|time|\w+ing)\b)",
    re.IGNORECASE,
)
_FILLERS = (
    re.compile(r"\b(?:mm+-?hm+|uh-?huh|mhm)\b[,.]?", re.I),  # "Mm-hmm, and that's…" left "- and that's…"
    re.compile(r"\b(?:u+m+|u+h+|e+r+m+|e+r|h+m+|u+h+m+|a+h+|mm+)\b[,.]?", re.I),
    # "I have to say I do notice it": a way into the sentence, not something the client has to do
    re.compile(r",?\s*\b(?:I have to say|I must say|I(?:'ve| have) got to say)\b(?: that)?,?", re.I),
    # "I'd say about a six": a hedge on the estimate that follows
    re.compile(
        r",?\s*\bI(?:'d| would) say\b,?(?=\s+(?:about|around|probably|maybe|roughly|like|a|an|\d+|one|two|three|four|"
        r"five|six|seven|eight|nine|ten)\b)",
        re.I,
    ),
    re.compile(r"(?<=\babout) like\b|(?<=\baround) like\b|(?<=\bmaybe) like\b", re.I),  # "about like a six"
    # "you know what, I've never done that": an interjection, unlike "you know what I want?"
    re.compile(
        r",?\s*\b(?:as )?you know(?: what I mean| what(?=,?\s+(?:I|I'm|I've|I'd|it's|we)\b(?! mean)))?\b,?(?!\s*\?)",
        re.I,
    ),
    re.compile(r",?\s*\b(?:to be honest|honestly|basically|literally|obviously)\b,?", re.I),
    # "I have not done them. I will be honest about that.": a way of owning up, not something they will do
    re.compile(
        r",?\s*\b(?:I(?:'ll| will) be (?:honest|straight|upfront)(?: (?:about that|with you))?|"
        r"I(?:'m| am) being honest(?: with you)?|if I'm being honest|I must admit|I have to admit|I admit)\b[,.]?",
        re.I,
    ),
    # "I think I could" loses its hedge; "I think about it a lot" keeps its verb.
    re.compile(
        r",?\s*\b(?:I mean|I guess|I suppose|I think)\b"
        r"(?:,|(?= (?:that|I|I'm|I've|I'd|it|it's|my|we|he|she|they|this|there|maybe|a|an|some)\b)|(?=\s*[.!?]|\s*$))",
        re.I,
    ),
    re.compile(r",?\s*\b(?:I dunno|I don't know|don't know)\b(?:,|(?=\s*[.!?]|\s*$))", re.I),
    re.compile(r",\s*(?:yeah|yes|yep|yup|yeah yeah)\s*(?=[.!?]|$)", re.I),  # "I think about that, yeah."
    # "my dog would love it actually", "it's a lot tbh": a tail that adds nothing said back
    re.compile(r",?\s*\b(?:actually|tbh|lol|haha|to be fair|if I'm honest)\s*(?=[.!?;]|$)", re.I),
    # a tag question asks nothing of the counsellor: "that's probably the big one, isn't it"
    re.compile(
        r",?\s+\b(?:is|was|does|do|are|did|would|can|could|has|have)n't (?:it|I|they|you|he|she|we|there)\b\s*\??\s*"
        r"(?=[.!?;]|$)",
        re.I,
    ),
    # "so it's kind of like, I know that…": a filler phrase, whose "like," alone would leave "it's kind of I know"
    re.compile(r",?\s*\b(?:(?:it's|it is|it was) )?(?:kind of|sort of) like,\s*", re.I),
    re.compile(r"(?:^|(?<=[,.!?;]))\s*like,?\s+|,\s*like,\s*|\s+like,\s+", re.I),
    re.compile(r",?\s*\b(?:put it that way|let's put it that way|if you know what I mean)\s*(?=[.,!?;]|$)", re.I),
    # "my daughter set this up, so bear with me", "I am 80 years old so please be patient with me"
    re.compile(r",?\s*\b(?:so )?(?:please )?(?:bear with me|be patient(?: with me)?)\b", re.I),
    re.compile(
        r",?\s*\b(?:or something|and stuff|and everything|or whatever|and all that|and that)\s*(?=[.,!?;]|$)",
        re.I,
    ),
)
_LEADING = re.compile(
    r"^(?:yeah|yea|yes|yep|yup|well|so|ok|okay|oh|anyway|anyways|right|look|see|hey|hi|hello|no|nah|mm+|hm+|and|"
    r"but|actually|also|just|sure|like)\b[,.!]*\s*",
    re.IGNORECASE,
)
# "Maybe 8 I want to stop": a rating before the sentence it rates ("maybe 8 you want to stop" said back)
_RATING_LEAD = re.compile(
    r"^(?:(?:maybe|probably|about|around|like)\s+)?(?:an?\s+)?(?:10|[0-9])(?:\s+out of (?:10|ten))?[,.]?\s+"
    r"(?=I\b|I'm\b)",
    re.I,
)
# "Wife said to try this", "mum keeps going on": chat drops the "my" before the person who said it
_BARE_PERSON = re.compile(
    r"^(wife|husband|partner|missus|hubby|mum|mom|dad|girlfriend|boyfriend|gf|bf|boss|doctor|gp|son|daughter|sister|"
    r"brother)\b(?=\s+(?:said|says|thinks|told|tells|wants|wanted|keeps|reckons|asked|is|was|has|had|will|would)\b)",
    re.I,
)
# "my wife and I argue" is one subject; written "me and my wife" it can't be mistaken for two clauses.
_MY_X_AND_I = re.compile(r"\b((?:[Mm]y|[Oo]ur) [a-z]+) and I\b(?!')")
# Transcripts mark what was not heard or said in words: "[inaudible 00:01:33]", "[laughs]".
# "I was quite shocked honestly, I don't feel ill": the filler goes, the comma between the clauses stays (without
# it the two ran together as "you were quite shocked you don't feel ill")
_FILLER_ENDING_CLAUSE = re.compile(r"(?<=\w)\s+(?:to be honest|honestly|basically|literally|obviously),", re.I)
_TRANSCRIBER_NOTE = re.compile(r"\[[^\]]{0,60}\]")
# … and where words were not heard, the sentence is cut there: "I'm not getting any younger than I [inaudible]"
_UNHEARD = re.compile(r"\s*\[(?:inaudible|unintelligible|crosstalk)[^\]]{0,50}\]", re.I)
# Words quoted as someone's speech or thought ("I was like, "Whoa,"", "my doctor said, "You need to cut down."")
# go with who said them: said back, their "I" and "you" would be shifted as if they were the client's.
_QUOTED_SPEECH = re.compile(
    r"\b(?:(?:my|his|her|their|our|the) )?[\w-]+"
    r"(?:(?:'s|'m|'re|\s+(?:was|were|am|is|are|go|goes|went|felt|feel|feels))\s+like"
    r"|\s+(?:said|says|say|told me|asked|thought|think))"
    r",?\s*\"[^\"]*(?:\"|$)[,.]?",
    re.I,
)
# A filler between two commas where no clause can end ("replace it with, um, a drink") takes one comma with it.
_FILLER_IN_PHRASE = re.compile(
    r"\b(a|an|the|my|your|his|our|their|some|with|of|for|to|from|into|and|or)"  # not "that was, um, I miss it"
    r"\s*,\s*(?:u+m+|u+h+|e+r+m+|e+r|u+h+m+)\s*,\s*",
    re.I,
)
# An aside in brackets inside a sentence ("my eldest (he's 11) asked…") split the sentence around it, and the
# rest lost its subject ("you asked if he could try it"); said back, the sentence reads whole without it.
_ASIDE = re.compile(r"(?<=\w)\s*\([^()]{1,40}\)(?=\s+\w)")
# A stammer says a word twice: "like-like", "it-it-it", "I-I am", "you-you really" ("so-so" is a word).
_STAMMER = re.compile(r"\b(?!so-so\b)(\w+(?:'\w+)?)(?:\s*[-–—]+\s*\1\b)+", re.I)
# A false start is cut off and said again: "it was- it was too late" → "it was too late".
_FALSE_START = re.compile(r"\b((?:\w+ ){0,3}\w+)[-–—]+\s+(?=\1\b)", re.I)
# … or started again from its first word: "I was in good- in really good form" → "I was in really good form".
_RESTART = re.compile(r"\b(\w+)(?: \w+){0,2}[-–—]+\s+(?=\1\b)", re.I)
# … or said again after an adverb: "he actually he would mind" → "he would mind".
_PRONOUN_AGAIN = re.compile(r"\b(I|he|she|they|we|you|it)\s+(?:actually|really|just|honestly|like)\s+(?=\1\b)", re.I)
# … or after a comma: "My, um, my old man" (once the "um" is gone) → "my old man".
_WORD_AGAIN = re.compile(r"\b(my|I|the|a|we|he|she|they|and|but|to|in|on)\s*,?\s+(?=\1\b)", re.I)
# Any other word cut off by a dash ends that piece: "I am- I'm not" is read as two pieces, like "I am — I'm not".
_CUT_OFF = re.compile(r"(?<=\w)[-–—]+\s+")
# A turn cut by the next speaker starts or ends with a dash: "- might reveal", "that seems to be the—".
_CUT_EDGES = re.compile(r"^[\s\-–—]+|[\s\-–—]+$")
# "Dr. Brown" is one name; the full stop of a title is not the end of a sentence.
_TITLE = re.compile(r"\b(Dr|Mr|Mrs|Ms|Mx|Prof|St)\.(?=\s+[A-Z])")
_SYMBOLS = re.compile(r"[^\w\s'’,.;:!?()\-–—/&%$£€]+")


def clean(text: str) -> str:
    """``text`` in plain written English without fillers: "yeah im, like, kinda worried" → "I'm kind of worried"."""
    text = _ASIDE.sub("", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = _TRANSCRIBER_NOTE.sub(" ", _UNHEARD.sub("— ", text))
    text = _FILLER_IN_PHRASE.sub(r"\1 ", _QUOTED_SPEECH.sub(" ", text))
    text = _TITLE.sub(r"\1", _SYMBOLS.sub(" ", text))
    text = _CUT_EDGES.sub("", _RESTART.sub("", _FALSE_START.sub("", _STAMMER.sub(r"\1", text))))
    text = _PRONOUN_AGAIN.sub("", text)
    text = _CUT_OFF.sub(" — ", text)
    text = _NOISE_WORDS.sub(" ", text)
    text = _ITS_MEANS_IT_IS.sub("it's", text)
    text = re.sub(r"[A-Za-z0-9/]+", _respell, text)
    text = _MY_X_AND_I.sub(lambda m: f"{'Me' if m.group(1)[0].isupper() else 'me'} and {m.group(1).lower()}", text)
    text = re.sub(r",?\s*\byou know(?: what I mean)?\s*\?", ".", text, flags=re.I)
    text = _FILLER_ENDING_CLAUSE.sub(",", text)
    for filler in _FILLERS:
        text = filler.sub(" ", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = _WORD_AGAIN.sub("", re.sub(r"\s+([,.;:!?])", r"\1", text))
    lines = (_strip_leading(line) for line in re.split(r"(?<=[.!?\n])\s*", text))
    return "\n".join(line for line in lines if line.strip(" .,!?;:"))


def _respell(match: re.Match[str]) -> str:
    """A chat spelling in its written form; words in capitals ("ID", "U") are left as the person wrote them."""
    word = match.group(0)
    written = _CHAT.get(word.lower())
    if written is None or not (word.islower() or word == "I" or (word[0].isupper() and word[1:].islower())):
        return word
    return written if word.islower() or written[0] == "I" else written[:1].upper() + written[1:]


def _strip_leading(sentence: str) -> str:
    """The sentence without its run of openers: "Yeah, well, so I drink" → "I drink"; a person named without
    "my" ("Wife said to try this") gets it back, so that said back it is "your wife"."""
    sentence = _ill_before_verb(sentence.strip())
    previous = None
    while previous != sentence:
        previous = sentence
        sentence = _LEADING.sub("", sentence).lstrip(" ,.")
    sentence = _RATING_LEAD.sub("", sentence)
    return _BARE_PERSON.sub(lambda m: f"{'My' if m.group(1)[0].isupper() else 'my'} {m.group(1).lower()}", sentence)


def _ill_before_verb(sentence: str) -> str:
    """Chat "ill try" means "I'll try"; "I feel ill" keeps its "ill"."""

    def fix(match: re.Match[str]) -> str:
        word_lemmas = lemmas(match.group(2).lower()).get("VERB", ())
        return f"I'll {match.group(2)}" if match.group(2).lower() in word_lemmas else match.group(0)

    return re.sub(r"\b(ill) (\w+)", fix, sentence, flags=re.IGNORECASE)
