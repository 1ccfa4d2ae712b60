"""What the realiser must never echo from the client, and never say itself.

Two lists with two jobs. *Unechoable* client text (profanity, slurs, instructions aimed at the program,
words addressed to the counsellor) is never used as a gist: reflecting it back would repeat abuse, obey
an injection, or turn "you sound like my mum" into nonsense. *Forbidden* output (advice without
permission, labels, diagnoses, claims to be a person) is MI-non-adherent or untrue, so a draft that
contains it is dropped — the last line of defence behind templates written not to say it.
"""

from __future__ import annotations

import re

__all__ = ["addresses_counsellor", "is_forbidden", "is_unechoable"]


def _cues(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_PROFANITY = _cues(
    r"\b(?:fuck\w*|f\*+k\w*|shit\w*|bullshit|crap|cunt\w*|bitch\w*|bastard\w*|dick\w*|prick\w*|twat\w*)\b",
    r"\b(?:wank\w*|arse ?hole\w*|ass ?hole\w*|piss\w*|bollocks|slag\w*|whore\w*|motherf\w*|wtf|stfu)\b",
    r"\b(?:nigg\w*|fag\w*|retard\w*|spaz\w*|tranny|kike\w*|chink\w*|paki\w*|dyke\w*)\b",
)
_INJECTION = _cues(
    r"\bignore (?:all |any |your |the |previous |prior |above |my )*(?:instructions|rules|prompts?|guidelines)",
    r"\b(?:system|developer|hidden) (?:prompt|message|instructions)",
    r"\byou are now\b|\bfrom now on\b|\bpretend (?:to be|you are|you're)\b|\bact as\b|\brole-?play\b",
    r"\b(?:jailbreak|dan mode|developer mode|do anything now|prompt)\b",
    r"\b(?:reveal|print|show|repeat|output|say) (?:your|the|after) (?:instructions|prompt|rules|me)\b",
    r"\bdisregard\b|\boverride\b|\binstructions?\b",
    r"[A-Za-z0-9+/]{30,}",
    r"</?\w+>|\[/?INST\]|<\|",
    # rules for the replies themselves, as in oars.understand.analyse.INJECTION (tests/llm/injections.yaml)
    r"```|\bnew (?:instructions?|task)\s*:",
    r"\b(?:your|every|each) (?:reply|replies|response|responses) (?:must|should|has to)\b",
    r"\b(?:answer|reply|respond)(?: only| just)? with (?:only|just|the word)\b|\b(?:answer|reply|respond) only with\b",
    r"\bwhenever i say (?:the word )?\S+,? (?:you )?(?:answer|reply|respond|say)\b|\bend (?:every|each|all) (?:of )?"
    r"(?:your )?(?:reply|replies|answer|message)",
    # role-play and code words: "play my doctor and prescribe…", "say PWNED"
    r"\b(?:play|be) my \w+(?: \w+)? and (?:tell|say|prescribe|give|answer|reply|read)\b",
    r"\bsay:? ['\"]?(?-i:[A-Z][A-Z0-9-]{3,})\b",
)
# Said to the counsellor rather than about the client's life: a clause that opens with "you", or one that
# talks about "this chat"/"this app". Generic "you" later in a clause ("when you drink you forget") stays.
_TO_COUNSELLOR = _cues(
    r"^\W*(?:you|your|you're|youre|u|ur|yourself|are you|do you|can you|could you|will you|would you)\b",
    # a request or an order ("please don't tell anyone", "forget it", "can we talk about the wine"): to be
    # answered, not said back as what the client thinks ("You're saying please don't tell anyone")
    r"^\W*(?:please|pls|plz|don'?t|do not|forget (?:it|that|i said)|can we|could we|let'?s|tell me|shut up|"
    r"leave me|go away|just stop)\b",
    r"\byou sound (?:just )?like\b",
    # a request of the counsellor: "so perhaps you could send me for some different tests"
    r"\b(?:you|u) (?:could|can|would|might|should|will) (?:\w+ )?(?:send|give|refer|tell|help|prescribe|get|book|"
    r"show|call|ring|text) me\b",
    # "it's just that I wanted to ask you": the "you" is the counsellor, and said back it stays "you"
    r"\bI (?:\w+ )?(?:wanted to |want to |need to |have to |'d like to |was going to |meant to )?"
    r"(?:ask|tell|show|thank) (?:you|u)\b",
    # what the counsellor is doing, seen by the client: "I know you're trying", "if that's what you're wondering"
    r"\b(?:you're|youre|you are|ur|u r) (?:only |just )?(?:trying|wondering|asking|getting at|doing your)\b",
    r"\bi (?:know|get|understand|can tell|see|appreciate)(?: that)? (?:you|u)\b",
    # thanks and courtesy, to be taken kindly rather than said back ("You're saying thank you")
    r"^\W*(?:thanks?|thank you|thankyou|ty|cheers|ta|much appreciated)\b",
    r"\bi (?:really |do )?(?:appreciate|value) (?:your|ur|you|that|this|it)\b",
    r"\b(?:this|the) (?:chat|app|bot|program|conversation|session)\b",
    r"\b(?:you|you're|are you|u)\b.{0,20}\b(?:bot|robot|chatbot|ai|program|machine|therapist|counsell?or)\b",
)
_FORBIDDEN = _cues(
    # … unless said back as what the client doubts: "you don't think you need to be here"
    r"(?<!you don't think )(?<!you do not think )(?<!you didn't think )"
    r"\byou(?:'d| would)? (?:really )?(?:should|must|ought to|need to|have to|(?:have |'ve )?got to)\b",
    r"\b(?:you|you'd) better\b",
    r"\bmy advice\b|\bi (?:would |'d )?(?:advise|recommend|suggest) (?:that )?you\b|\bif i were you\b",
    r"\byou(?:'re| are) (?:an? )?(?:alcoholic|addict|junkie|drunk|in denial|depressed|bipolar|anxious person)\b",
    r"\b(?:alcoholics?|addicts?|junkies|junkie|druggies|druggie|in denial)\b",
    r"\byou (?:have|suffer from|are suffering from) (?:an? )?(?:depression|anxiety disorder|addiction|disorder|"
    r"alcoholism|ptsd|adhd|ocd|bipolar)\b",
    r"\bi (?:know|understand) (?:exactly )?how you feel\b|\bi(?:'ve| have) been there\b|\bwhen i (?:quit|stopped)\b",
    r"\bas a (?:therapist|counsell?or|doctor|person|human|nurse)\b",
    r"\bi(?:'m| am) (?:a |an )?(?:real )?(?:person|human|therapist|counsell?or|doctor|nurse)\b",
    r"\bgood job\b|\bwell done\b|\bproud of you\b|\bgood (?:boy|girl)\b",
    r"\bdon't you think\b|\byou'll regret\b|\bit'?s (?:obvious|clear) that you\b",
)


# Words of risk are never said back in an ordinary reflection: "your doctor asked if you had thoughts of
# hurting yourself" set beside "keeping things as they are feels easier" reads as if the program were
# weighing it up. Risk itself goes to the safety path; a denial or a past that is over is not reflected.
_RISK_WORDS = re.compile(
    r"\b(?:suicid\w*|self[- ]?harm\w*|kill(?:ing)? (?:my|your)self|hurt(?:ing)? (?:my|your)self"
    r"|end(?:ing)? (?:my|your|it)|overdos\w*|want(?:ed)? to die|cut(?:ting)? (?:my|your)self"
    # "i used to cut in like 9th grade": self-harm, not cutting down ("used to cut back" is cutting down)
    r"|(?:used to|started to|started) cut(?:ting)?(?! (?:down|back|out|up|off|it|them|the|my hair|hair|grass|wood)))\b",
    re.IGNORECASE,
)


def is_unechoable(text: str) -> bool:
    """Whether client text must not be reflected back: abuse, slurs, instructions to the program, or risk
    wording (see ``_RISK_WORDS``)."""
    return bool(_PROFANITY.search(text) or _INJECTION.search(text) or _RISK_WORDS.search(text))


def addresses_counsellor(text: str) -> bool:
    """Whether a clause talks to (or about) the counsellor, so shifting its person would garble it."""
    return bool(_TO_COUNSELLOR.search(text))


def is_forbidden(text: str) -> bool:
    """Whether a draft says something MI-non-adherent or untrue; such a draft is never returned."""
    return bool(_FORBIDDEN.search(text))
