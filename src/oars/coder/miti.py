"""MITI 4.2.1 behaviour codes for a counsellor utterance.

AnnoMI, the training data, codes Question, Reflection (simple / complex) and Input (information / advice /
options / negotiation) but not Affirm, Seeking Collaboration, Emphasizing Autonomy, Persuade, Persuade with
Permission or Confront. The method:

1. The network's main behaviour gives the form code: question -> ``Q``, reflection -> ``SR`` / ``CR`` (by
   the subtype head), information -> ``GI``, advice -> ``Persuade`` (see 3). The statements that lead a
   question turn ("So you're torn. What would help you decide?") are read by the network on their own
   (``question_lead``); when it hears them as a reflection, or they open with a taught reflective stem,
   the turn adds ``SR`` / ``CR`` by that reading.
2. Cue patterns written from the MITI 4.2.1 definitions (reference section 6) add ``AF``, ``Seek``,
   ``Emphasize``, ``Confront`` and ``Persuade`` wherever they occur, since MITI codes every part of a
   multi-part utterance ("You've worked hard on this, and it's your call" is AF + Emphasize). A question
   sentence inside a reflection or information turn adds ``Q``.
3. Persuasion becomes ``PwP`` when the same turn emphasises autonomy or asks permission, or when the
   conversation has just granted it (the client asked for advice, or agreed to the counsellor's request).

Its error is measured on a hand-labelled set of 422 counsellor utterances (``data/miti``) by
``bench/bench_miti.py``; the cues were written on half of that set and AnnoMI text, and are reported on
the other half. A pattern is a cue, not proof: the figures say how far to trust each code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from oars.coder.labels import Behaviour, MitiCode
from oars.transcript.model import Utterance

__all__ = ["Lead", "miti_codes", "question_lead"]

_ORDER = tuple(MitiCode)


def _cues(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_YOU = r"(?:you|you've|you're|you'd|you'll|u)"

AFFIRM = _cues(
    r"\b(?:good|great) (?:for|on) you\b",
    r"\bwell done\b",
    r"\bproud of (?:you|yourself)\b",
    r"\bcongratulat\w*",
    r"\bthat (?:took|takes) (?:a lot of |real |some )?(?:courage|guts|effort|strength|work|commitment|honesty)",
    r"\b(?:that's|that is|that was|it's|it was|what) (?:a |an )?(?:really |very |pretty |quite |such a )?"
    r"(?:brave|courageous|impressive|huge|big|real|great|important|amazing|remarkable|wonderful)"
    r" (?:thing|step|achievement|accomplishment|effort|change|commitment|start|progress|insight|decision)",
    r"\b(?:a real|quite an?|such an?) (?:achievement|accomplishment)\b",
    rf"\b{_YOU} (?:really |clearly |obviously |certainly )?(?:care|cares) (?:a lot |deeply |so much )?about\b",
    r"\byou(?:'re| are) (?:clearly |really |obviously )?(?:someone|somebody|a person|the kind of person) who\b",
    r"\byou(?:'re| are) (?:clearly |really |very |so |quite )?(?:strong|determined|resourceful|committed|"
    r"persistent|resilient|brave|courageous|thoughtful|dedicated|caring|motivated|capable|honest|hard-working)\b",
    r"\byou(?:'ve| have) (?:really |clearly |already )?(?:worked|tried|done|managed|put|shown|made|achieved|"
    r"accomplished|come|stuck|kept|handled) (?:so |really |very )?(?:hard|a lot|so much|well|great|real|"
    r"a great deal|some great|a huge|a big|far|at it|with it|thought|effort|progress|courage|strength|"
    r"a lot of (?:thought|effort|work|progress))",
    r"\b(?:shows|showed|says|tells me) (?:that )?(?:you|how much you)\b.{0,40}\b(?:can|care|strength|determin\w*|"
    r"commit\w*|serious|capable|able)\b",
    r"\byou (?:know|understand) yourself (?:really |very |so )?well\b",
    r"\bI (?:really |do )?(?:appreciate|admire|respect) (?:you|your|how|that you)\b",
    r"\bthank you for (?:being|sharing|your) (?:so )?(?:honest|open|candid|honesty|openness|trust)",
    r"\b(?:your|that) (?:strength|determination|commitment|courage|persistence|resilience|honesty|"
    r"dedication|resourcefulness)\b",
    r"\byou (?:did|did it|pulled it off|made it)\b.{0,15}\b(?:anyway|though|despite|even)\b",
    r"\b(?:nice|great|good) (?:job|work|going)\b",
)

SEEK = _cues(
    r"\b(?:is it|would it be|would that be|is that|will it be) (?:ok|okay|alright|all right|fine|possible|cool)"
    r"(?: with you)? (?:if|for me to|to)\b",
    r"\bif (?:it's|that's|it is|that is) (?:ok|okay|alright|all right|fine)(?: with you)?\b",
    r"\b(?:may|can|could|might) I (?:share|tell|offer|give|suggest|mention|make|ask|talk|go over|run|"
    r"show|explain|add|bring up|raise|check)\b",
    r"\b(?:do|would) you mind if\b",
    r"\bwith your permission\b",
    r"\bwould you (?:like|want) (?:me to|to hear|to know|some|more|a few|any)\b",
    r"\bwould you be (?:interested|open|willing) (?:in|to) (?:hearing|hear|learning|looking|knowing|some)",
    r"\bwhat would you like to (?:talk|focus|start|discuss|cover|work|look|do (?:with|today))",
    r"\bwhere would you like to (?:start|begin|go)\b",
    r"\bhow would you like to (?:use|spend|proceed|go)\b",
    r"\b(?:what|which) (?:would|do) you (?:want|like) to (?:talk about|focus on|start with|cover)\b",
    r"\byou(?:'re| are) the expert\b",
    r"\byou know (?:yourself|your (?:life|body|situation)) (?:best|better than)",
    r"\b(?:let's|let us|we (?:can|could)) (?:figure|work|think|sort) (?:this|it|that|out)\b.{0,30}\btogether\b",
    r"\b(?:work|figure|think|sort)\w* (?:this|it|that)? ?(?:out )?together\b",
    r"\b(?:what|how) do you think (?:would|might|could) (?:work|help|fit)(?: best)? for you\b",
    r"\bdoes (?:this|that|the) (?:plan )?(?:feel|sound|seem) (?:like yours|right (?:to|for) you|okay to you)",
    r"\banything you(?:'d| would) (?:want|like) to (?:change|add)\b",
)

EMPHASIZE = _cues(
    r"\b(?:totally |completely |entirely |really |all |ultimately )?up to you\b",
    r"\b(?:it's|it is|that's|that is|this is|the) (?:totally |completely |entirely |really |ultimately )?"
    r"(?:your|ur) (?:choice|call|decision|life|body|business)\b",
    r"\byou(?:'re| are) (?:the one|the only one|the person) (?:who|that) (?:decides?|chooses?|gets? to|can)",
    r"\b(?:only you|nobody but you|no one but you) (?:can|get to|gets to|know)\b",
    r"\b(?:nobody|no one|nobody else|no one else) can (?:make|decide|choose|do)\b.{0,25}\bfor you\b",
    r"\byou(?:'re| are) in (?:charge|control)\b",
    r"\b(?:whatever|however|whichever way) you (?:decide|choose)\b",
    r"\byou (?:get to|can) (?:decide|choose)\b",
    r"\byou(?: may| might) (?:or may not|decide|choose)\b",
    r"\b(?:may|might) or (?:may|might) not (?:fit|work|suit|be right|be for you|want)\b",
    r"\byou don't have to (?:decide|do|change|quit|stop|agree)\b",
    r"\bI(?:'m| am) not (?:here|going) to (?:tell|make|force|pressure|lecture)\b",
    r"\b(?:it's|it is) okay to say (?:no|not)\b",
    r"\b(?:your|ur) (?:choice|call|decision)\b",
    r"\bif and when you(?:'re| are) ready\b",
    r"\bwhen(?:ever)? you(?:'re| are) ready\b",
)

PERSUADE = _cues(
    rf"\b{_YOU} (?:really |definitely |seriously |just )?(?:should|ought to|must|need to|have to|gotta|"
    r"got to|'ve got to|had better|'d better)\b(?! (?:be|feel) (?:proud|pleased))",
    r"\bI (?:really |strongly |would |'d )?(?:think|believe|feel) (?:that )?you (?:should|need|ought|must|have to)",
    r"\bI (?:really |strongly )?(?:need|want) you to\b",
    r"\bI(?:'d| would)? (?:strongly )?(?:recommend|suggest|advise|urge)\b",
    r"\bmy (?:advice|recommendation|suggestion)\b",
    r"\bwhy (?:don't|do not|wouldn't) you (?:just )?\b",
    r"\b(?:the best|the only|the easiest|the smartest) (?:thing|way|option|choice)\b",
    r"\byou(?:'d| would| will|'ll) (?:feel|be|look) (?:so |much |a lot )?(?:better|healthier|happier)\b",
    r"\b(?:is going to|will|gonna|can|could) (?:kill|damage|destroy|ruin|wreck)\b",
    r"\b(?:wouldn't|won't|don't) (?:it|that|you) (?:be|think)\b.{0,30}\b(?:better|easier|smarter|safer)\b",
    r"\bdon't you (?:think|want|care|realise|realize|know)\b",
    r"\byou (?:can't|cannot) (?:keep|go on|continue|afford)\b",
    r"\b(?:it's|it is|this is) (?:really |so |very |extremely )?(?:important|essential|crucial|vital|critical)"
    r" (?:that you|for you to|you)\b",
    r"\b(?:really|extremely|very) (?:bad|dangerous|harmful|unhealthy) for you\b",
    r"\b(?:the|your) odds (?:really )?(?:aren't|are not)\b",
    r"\bif you (?:just )?(?:stopped|quit|cut|gave up|took|started|went)\b.{0,60}\byou(?:'d| would)\b",
)

CONFRONT = _cues(
    r"\b(?:you're|you are) (?:just |clearly |obviously |still )?in denial\b",
    r"\b(?:lame|poor|bad|weak|feeble|convenient) excuse",
    r"\b(?:just |all |a lot of |more )?excuses\b",
    r"\b(?:that's|that is|this is) (?:just |simply )?(?:not true|nonsense|rubbish|ridiculous|absurd|silly)",
    r"\bI (?:don't|do not) (?:believe|buy) (?:you|that|it)\b",
    r"\byou (?:said|told me) (?:that|the same|this) (?:last time|before|every time)",
    r"\b(?:you're|you are) (?:an? )?(?:alcoholic|addict|drunk|junkie|liar|lazy|selfish|irresponsible|"
    r"kidding yourself|fooling yourself|not trying|not serious|making excuses)\b",
    r"\b(?:selfish|irresponsible|pathetic|stupid|childish|immature)\b",
    r"\bdo you (?:really|honestly|seriously) (?:think|believe|expect)\b",
    r"\b(?:be|being) honest with (?:me|yourself)\b",
    r"\byou know (?:better|that's not|that isn't|perfectly well)\b",
    r"\bwhat did you expect\b",
    r"\b(?:come on|seriously)[,.!?]",
    r"\bhow (?:many|much) (?:more )?(?:times|chances|warnings)\b",
    r"\byou (?:never|always) (?:do|say|listen|follow)\b",
    r"\b(?:shame on you|you should be ashamed|should know better)\b",
    r"'[^']{1,20}'[.!]",  # quoting the client back with scare quotes: "Right, a 'little'."
)

# Autonomy or permission inside the same turn turns persuasion into Persuade with Permission.
_PERMISSION_IN_TURN = _cues(
    r"\bif (?:it's|that's|you're|you are) (?:ok|okay|alright|interested|open)\b",
    r"\b(?:may|might) (?:or may not )?(?:not )?(?:fit|work|suit|be right)\b",
    r"\b(?:some|many|a lot of|other) people (?:find|have found|say|tell me)\b",
    r"\byou (?:might|may) (?:decide|want to|find)\b",
    r"\b(?:see what you think|what do you (?:think|make of)|how does that sound|does that fit)\b",
)
# The client asking for advice, or agreeing to hear it, grants permission for the next turn.
_CLIENT_ASKS = _cues(
    r"\bwhat (?:should|can|could|do) I (?:do|try)\b",
    r"\b(?:any|got any|have any|do you have any) (?:ideas|suggestions|advice|tips)\b",
    r"\bwhat (?:would|do) you (?:suggest|recommend|advise)\b",
    r"\bwhat do you think I should\b",
    r"\b(?:tell me|I'd like to know|I want to know)\b",
)
_CLIENT_AGREES = _cues(r"^\s*(?:yes|yeah|yep|yup|sure|ok|okay|go ahead|please|of course|fine|alright|all right)\b")
# A directive inside a reflection ("Part of you feels you need to stop") is the client's own voice said back.
_REFLECTIVE_LEAD = _cues(
    r"\byou(?:'re| are)? (?:feel|feeling|think|thinking|know|said|say|saying|mentioned|believe|realise|realize|"
    r"wonder|wondering|sense|decided|told me)\b|\bpart of you\b|\bfor you\b|\bin your (?:mind|view)\b"
)
_QUESTION_SENTENCE = re.compile(r"[^.!?]{6,}\?")
# A statement saying the client's experience back ("So you're torn.", "It sounds like…", "Part of you…"):
# in a turn that ends in a question, MITI codes it as a reflection as well as the question.
_REFLECTIVE_STATEMENT = _cues(
    r"^(?:(?:so|and|but|okay|ok|right|mm|hmm|yeah|well)[,.]?\s+)*(?:it )?(?:sounds|seems|looks) (?:like|as if)\b",
    r"^(?:(?:so|and|but|okay|ok|right|mm|hmm|yeah|well)[,.]?\s+)*(?:you(?:'re|'ve|'d| are| have| were| feel| want| "
    r"think| said| see| know(?!,)| don't| do| can't| wish| worry| care| like| hate| miss| value| need| find| get| also)"
    r"|part of you|on (?:the )?one hand|for you|in your (?:mind|view))\b",
    # The stems reflective listening is taught with ("What I'm hearing is…", "In other words…", "Earlier you
    # said…"), and "so" handing back what the client said ("So your wife has noticed.").
    r"^(?:(?:so|and|but|okay|ok|right|mm|hmm|yeah|well)[,.]?\s+)*(?:what I(?:'m| am) hearing|what I hear|I'm hearing"
    r"|in other words|if I(?:'ve| have) got (?:this|that|you) right|if I understand (?:you|this|that|correctly)"
    r"|correct me if I'm wrong|(?:earlier|before) you (?:said|mentioned|told me)|you (?:mentioned|told me|said) "
    r"(?:earlier|before|that)|there(?:'s| is) a part of you|both (?:things|sides) are|no wonder you)\b",
    r"^(?:(?:and|okay|ok|right|mm|hmm|yeah|well)[,.]?\s+)*so,?\s+(?:your|that's|it's|there's|this is)\b",
)
_SENTENCE = re.compile(r"[^.!?]+[.!]+")
_ABOUT_CLIENT = re.compile(r"\byou(?:r|rs|rself|'re|'ve|'d|'ll)?\b", re.IGNORECASE)
_COUNSELLOR_VOICE = re.compile(
    r"^(?:(?:so|and|okay|ok|right|well|alright|all right)[,.]?\s+)*(?:I|I'd|I'm|I'll|I've|we|we'd|we'll|let's|let me)\b",
    re.IGNORECASE,
)
_MIN_REFLECTION_WORDS = 5


@dataclass(frozen=True, slots=True)
class Lead:
    """The statements that lead a question turn (``question_lead``) and how the network reads them."""

    text: str
    reflection: bool  # the network hears them as a reflection
    subtype: str  # "simple" or "complex": its reading of them as one


def question_lead(text: str) -> str | None:
    """The statements before a turn's first question sentence, when there are enough words to code."""
    question = text.find("?")
    if question < 0:
        return None
    lead = text[: max(text.rfind(mark, 0, question) for mark in ".!") + 1].strip()
    return lead if len(lead.split()) >= _MIN_REFLECTION_WORDS else None


def miti_codes(
    text: str,
    behaviour: Behaviour,
    subtype: str | None,
    before: Sequence[Utterance] = (),
    *,
    lead: Lead | None = None,
) -> tuple[MitiCode, ...]:
    """Every MITI 4.2.1 code that applies to one counsellor utterance, in the manual's order.

    ``lead`` holds the statements before a question (``question_lead``) and the network's reading of them:
    they add ``SR`` / ``CR`` when it hears a reflection or they open with a reflective stem it may miss.
    """
    codes = set(_form_codes(behaviour, subtype))
    if behaviour is not Behaviour.QUESTION and _QUESTION_SENTENCE.search(text):
        codes.add(MitiCode.QUESTION)
    if behaviour is Behaviour.QUESTION and lead is not None and (_heard(lead) or _opens_with_stem(lead.text)):
        codes.add(MitiCode.COMPLEX_REFLECTION if lead.subtype == "complex" else MitiCode.SIMPLE_REFLECTION)
    for code, pattern in (
        (MitiCode.AFFIRM, AFFIRM),
        (MitiCode.SEEK, SEEK),
        (MitiCode.EMPHASIZE, EMPHASIZE),
        (MitiCode.CONFRONT, CONFRONT),
    ):
        if pattern.search(text):
            codes.add(code)
    persuading = MitiCode.PERSUADE in codes or _persuades(text, behaviour)
    codes.discard(MitiCode.PERSUADE)
    if persuading:
        codes.add(MitiCode.PERSUADE_WITH_PERMISSION if _permitted(text, codes, before) else MitiCode.PERSUADE)
        codes.discard(MitiCode.GI)
    return tuple(code for code in _ORDER if code in codes)


def _heard(lead: Lead) -> bool:
    """The network heard the lead as a reflection, and it is one in MITI's terms: about the client ("you"),
    not the counsellor speaking for themselves ("I could tell you…", "Let's…"), and not a statement the cue
    patterns code as something else (an affirmation, autonomy, collaboration, persuasion, confrontation)."""
    return (
        lead.reflection
        and bool(_ABOUT_CLIENT.search(lead.text))
        and not _COUNSELLOR_VOICE.match(lead.text)
        and not any(cue.search(lead.text) for cue in (AFFIRM, SEEK, EMPHASIZE, PERSUADE, CONFRONT))
    )


def _opens_with_stem(lead: str) -> bool:
    """Whether a statement of the lead opens with a reflective stem ("So you're…")."""
    return any(
        len(sentence.split()) >= _MIN_REFLECTION_WORDS
        and _REFLECTIVE_STATEMENT.search(sentence.strip())
        and not PERSUADE.search(sentence)
        for sentence in _SENTENCE.findall(lead)
    )


def _form_codes(behaviour: Behaviour, subtype: str | None) -> tuple[MitiCode, ...]:
    if behaviour is Behaviour.QUESTION:
        return (MitiCode.QUESTION,)
    if behaviour is Behaviour.REFLECTION:
        return (MitiCode.COMPLEX_REFLECTION if subtype == "complex" else MitiCode.SIMPLE_REFLECTION,)
    if behaviour is Behaviour.INPUT:
        return (MitiCode.PERSUADE,) if subtype == "advice" else (MitiCode.GI,)
    return ()


def _persuades(text: str, behaviour: Behaviour) -> bool:
    """A persuasion cue in the counsellor's own voice (not a reflection of the client's "I need to …")."""
    for match in PERSUADE.finditer(text):
        if behaviour is not Behaviour.REFLECTION:
            return True
        sentence_start = max(text.rfind(mark, 0, match.start()) for mark in ".!?") + 1
        if not _REFLECTIVE_LEAD.search(text, sentence_start, match.start()):
            return True
    return False


def _permitted(text: str, codes: set[MitiCode], before: Sequence[Utterance]) -> bool:
    """Whether persuasion in this turn comes with permission or autonomy (MITI's Persuade with Permission)."""
    if MitiCode.EMPHASIZE in codes or MitiCode.SEEK in codes or _PERMISSION_IN_TURN.search(text):
        return True
    if not before or not before[-1].is_client:
        return False
    client = before[-1].text
    counsellor_before = next((u for u in reversed(before[:-1]) if u.is_counsellor), None)
    agreed = (
        counsellor_before is not None
        and bool(SEEK.search(counsellor_before.text))
        and bool(_CLIENT_AGREES.search(client))
    )
    return bool(_CLIENT_ASKS.search(client)) or agreed
