"""What a client's message shows about their situation, beyond its talk type: a cost, a routine, other people
noticing, not knowing yet, having tried before, how long it has gone on, a loss they carry, who they
were before, someone on their side, being sent by someone else, refusing a label, keeping it secret,
keeping away from things, everyone around them doing it, leaning on it to get by, having no time to spare,
the moment it became real, its running in the family, its being part of who they are, chasing losses, side
effects.

A reflection built on one of these says what the message *implies* ("Drinking is starting to cost you more
than you'd like" after "I'm on a final warning") rather than repeating it with a vague tail; the policy
reaches for such a "continuing the paragraph" reflection only when the message gives it something to
continue. Cue words only, in plain regular expressions: each is easy to read, test and extend.
"""

from __future__ import annotations

import re

from oars.understand.lexicon import PEOPLE

__all__ = ["LOSS_CHASING", "SITUATIONS", "situation"]

_SAMPLE = 2000  # read from the start of a long paste, like the other cue words
_COST = re.compile(
    r"\b(?:(?:final |written )?warning|sacked|fired|los(?:e|ing|t) (?:my|the) (?:job|licen[cs]e|house|flat)|debts?|owe|"
    r"can'?t afford|skint|broke(?! up| down| into| out| in\b)|overdraft|behind on|"
    r"[£$€]\s?\d+|\d+ ?(?:quid|pounds|dollars|bucks|euros|grand|k)|"
    r"(?:doctor|gp|nurse) (?:said|says|told)|hospital|a&e|blood (?:test|pressure(?! (?:tablets?|pills?|meds|"
    r"medication)))|liver|hangovers?|hungover|"
    r"argu(?:e|es|ed|ing|ments?)|fights?|police|court|arrested|late for|missed|can'?t sleep|no sleep|"
    # what the body says: "my chest feels tight when i run for the bus"
    r"chest (?:feels |is |gets |goes )?tight|chest (?:hurts|pains?)|out of breath|breathless|short of breath|"
    r"(?:can'?t|couldn'?t|cant|couldnt) breathe|wheez\w*|coughing|"
    r"cough in the morning|"
    # what it costs at school or work, and money borrowed: "im going to fail this module", "took out a loan"
    r"(?:going to|gonna|might|could) fail|fail(?:ing|ed)? (?:my|the|this|a) (?:module|exam|course|class|test|year)|"
    r"loans?|bailiffs?|(?:behind|late) on (?:the |my )?(?:rent|bills|mortgage)|dead (?:all day|on my feet)|"
    r"(?:can'?t|cant|couldn'?t) (?:concentrate|focus)|grades? (?:are |have )?(?:dropping|slipping|going down)|"
    r"letting (?:people|them|him|her|everyone) down)\b",
    re.I,
)
_ROUTINE = re.compile(
    r"\b(?:every (?:day|night|morning|evening|weekend)|each (?:day|night|morning|evening)|"
    r"most (?:days|nights|evenings)|after work|before bed|when i (?:wake|get up|get home|get in)|first thing|"
    r"at (?:the )?weekends?|on weekends|"
    r"usually|routine|every time|(?:days|weeks) just go)\b",
    re.I,
)
# What happens *to* someone every night is no routine of theirs: "insomnia every night", "I wake at 3 most nights"
_SUFFERED = re.compile(
    r"\b(?:insomnia|can'?t (?:get to )?sleep|(?:lie|lying) awake|wide awake|wake (?:up )?at|waking (?:up )?at|"
    r"nightmares?|panic attacks?|attacks?|pain|aches?|headaches?|migraines?|cravings?|crying|cry|shaking|sweats?|"
    r"flashbacks?)\b",
    re.I,
)
_TOLD = re.compile(
    r"\b(?:said|says|saying|noticed|notices|asked|asks|told|tells|worried|worries|mentioned|commented|"
    r"complain\w*|moan\w*)\b",
    re.I,
)
# someone close saying or noticing something: "my wife keeps saying", "the doctor said", "my boss noticed"
_NOTICED = re.compile(rf"\b(?:{PEOPLE.pattern})\b(?:\s+\w+){{0,3}}?\s+{_TOLD.pattern}", re.I)
_UNSURE = re.compile(
    # "idk what the big deal is" brushes it off; it is not uncertainty
    r"\b(?!(?:idk|dunno|don'?t know|no idea) (?:what the (?:big )?(?:deal|fuss|problem)|why (?:everyone|people|anyone|"
    r"they|she|he) )\b)"
    r"(?:idk|dunno|don'?t know|not sure|unsure|no idea|who knows|not certain|"
    r"i'?ll (?:have to )?(?:think about it|see)|we'?ll see|(?:not|all i'?m) promising)\b",
    re.I,
)
_TRIED = re.compile(
    r"\b(?:i(?:'ve| have)? tried|tried (?:to|before|everything|patches|the)|had a go|gave it a go|never lasts?|"
    r"never lasted|couldn'?t stick|didn'?t stick|didn'?t last|lasted (?:a|about|two|three|\d+))\b",
    re.I,
)
_LONG_TIME = re.compile(
    r"\b(?:for (?:years|ages|decades|a long time|most of my life|(?:\d+|two|three|four|five|ten|twenty) (?:years|yrs))|"
    r"since i was|since (?:uni|school|college|my teens)|all my (?:adult )?life|"
    r"(?:\d+|three|four|five|six|ten|fifteen|twenty|thirty|forty|fifty|sixty|many|several) (?:years|yrs)(?! ago))\b",
    re.I,
)
# harm that came to someone, which the person carries: "died at 61", "she lost her eyesight"
_LOSS = re.compile(
    r"\b(?:died|passed away|funeral|lost (?:part of )?(?:her|his|their|my) (?:eyesight|sight|leg|foot|mum|dad|life)|"
    r"(?<!\bi )(?<!\bi've )(?<!\bi just )had a (?:stroke|heart attack)|(?<!\bi )ended up in (?:hospital|a&e|prison|"
    r"jail))\b",
    re.I,
)
# who they were before: "I used to play five-a-side", "I was a team leader"
_PAST_SELF = re.compile(
    # "I wake up feeling rough more than I used to" compares, it does not describe who they were
    r"\b(?:(?<!than )i used to|(?<!than )(?<!than i )used to be|i was (?:a|an|the|proper|really|always)|"
    r"back when i|before all this|when i was (?:younger|fit|working|at uni)|"
    # what they stopped doing that was theirs: "havent drawn since summer", "haven't played since my knee"
    r"(?:haven'?t|havent|have not|hadn'?t) (?:been (?:up|down|out|back)|played|drawn|painted|sung|danced|cycled|"
    r"swum|trained|written|ridden|fished|picked up (?:a|my) \w+) (?:\w+ )?since)\b",
    re.I,
)
# someone on their side: "my wife will help", "she's been waiting for me to stop", "my mates would back me"
_SUPPORT = re.compile(
    rf"\b(?:{PEOPLE.pattern})\b.{{0,40}}\b(?:will|would|could|can|is going to|wants to|offered to|"
    r"said (?:she|he|they)(?:'d| would| will|'ll)?) (?:help|support|back me|be there|come with me|do it with me|"
    r"join me|(?:call|ring|phone|text|check on|remind) me)\b"
    r"(?! (?:himself|herself|themselves))|\bbeen waiting for me to\b|"
    r"\b(?:in my corner|on my side|behind me all the way|got my back)\b",
    re.I,
)
# "idk man. i dont want to lose her": a shrug that opens a message with something to say is not being unsure
_LEADING_SHRUG = re.compile(
    r"^\s*(?:idk|i dunno|dunno|i don'?t know|i dont know|not sure)(?:\s+(?:man|mate|tbh|really|lol))?\s*[.,!…]+\s*"
    r"(?=(?:\S+\s+){2}\S)",
    re.I,
)
# sent by someone else: "the court says I have to do this", "my boss made me come", "I'm only here because…"
_MANDATED = re.compile(
    r"\b(?:court[- ]ordered|mandated|made me come|sent me here|(?:have|had|got) to (?:be here|come here|come to this|"
    r"do this|attend)|"
    r"(?:only|just) (?:here|doing this|doing it|came|come|agreed to (?:this|come)) (?:because|cos|cause|coz|for)|"
    r"(?:court|judge|probation|social worker|po|my (?:boss|work|employer|school|lawyer|solicitor|manager|mum|mom|dad|"
    r"parents|partner|wife|husband|girlfriend|boyfriend|gp|doctor|teacher))\b.{0,25}?\b"
    r"(?:says?|said|told me|made me|sent me|wants? me|ordered me|makes? me)\b.{0,25}?\b(?:here|do this|come|attend|"
    r"(?:this|the) (?:course|program|programme|class|session|thing|chat)))",
    re.I,
)
# a label refused, or the problem denied: "I'm not an alcoholic", "it's not like I'm addicted", "I can stop
# whenever" (said back, the label itself would be one more person calling them it)
_NOT_A_PROBLEM = re.compile(
    r"\b(?:i'?m|i am|im)\s+(?:not|no|hardly)\s+(?:an?\s+|some\s+)?(?:alcoholic|addict|junkie|druggie|drunk(?:ard)?|"
    r"stoner|pothead|crackhead|degenerate|problem (?:drinker|gambler)|(?:gambling|drug|sex|porn|gaming) addict)\b|"
    r"\b(?:i'?m|i am|im) not (?:addicted|hooked|dependent)\b|\bnot like i'?m (?:addicted|hooked|an? \w+)\b|"
    r"\bi (?:don'?t|dont|do not) have (?:a|an|any) (?:\w+ )?(?:problem|addiction)\b|"
    r"\bi (?:don'?t|dont|do not|can'?t|cant) see (?:the|a|any|what the) (?:big )?(?:problem|issue|harm|deal)\b|"
    r"\bwhat(?:'?s| is) the (?:big )?(?:deal|problem)\b|\bwhat the (?:big )?deal is\b|"
    r"\b(?:it'?s|its|it is) not (?:a|an|like a|some) (?:\w+ )?(?:problem|addiction)\b|"
    r"\b(?:it'?s|its|it is) not (?:even |really |that )?(?:a )?(?:big deal|that deep|that bad)\b|"
    r"\bi can (?:stop|quit|give (?:it|them) up) (?:whenever|any ?time|if i want)\b|"
    r"\b(?:i'?m|im|i am) not hurting (?:anybody|anyone|no ?one|nobody)\b",
    re.I,
)
# keeping it from someone: "my missus doesnt know", "I never told the doctor", "i hate lying to her"
_HIDDEN = re.compile(
    rf"\b(?:{PEOPLE.pattern}|missus|misses|she|he)\b\s+(?:\w+\s+)?"
    r"(?:doesn'?t|doesnt|don'?t|dont|does not|do not) know\b"
    r"(?=\s*(?:$|[.,;:!?]|and\b|but\b|about (?:it|this|any of)|how (?:much|bad|often)|that i|what i))|"
    # telling the doctor about a symptom is another matter: not a secret kept from someone close
    r"\b(?:haven'?t|havent|have not|never|not) told (?:anyone|anybody|her|him|them|a soul|my (?:wife|husband|partner|"
    r"missus|girlfriend|boyfriend|family|mum|mom|dad|parents|kids|friends|mates))\b|"
    r"\b(?:no ?one|nobody) knows\b|\bkeep(?:ing)? it (?:quiet|secret|a secret|from)\b|\bsecretly\b|\bin secret\b|"
    r"\bhid(?:e|es|ing|den)? (?:it|them|the|my|how)\b|\bbehind (?:her|his|their|my \w+'?s) back\b|"
    r"\blying to (?:her|him|them|my)\b|\bon the quiet\b|\bsneak(?:ing|ed|s)? (?:a|one|out|off|it|them)\b|"
    # "I can not tell them any of this", "I say I am sick. I am not sick"
    r"\b(?:can'?t|cant|can not|couldn'?t|could not|could never|can never) (?:ever )?tell "
    r"(?:them|anyone|anybody|her|him|my (?:wife|husband|partner|family|mum|mom|dad|parents|kids|friends|boss))\b"
    r"(?! (?:apart|the difference))|"
    r"\bi (?:say|said|tell|told) (?:(?:them|him|her|work|everyone|my \w+) )?(?:that )?i(?:'m| am| was)? "
    r"(?:sick|ill|busy)\b",
    re.I,
)
# keeping away from people, places or duties: "ive stopped going to my seminars", "I just avoid it"
_AVOIDING = re.compile(
    r"\bavoid(?:ing|ed|s)? (?:people|situations|places|crowds|parties|going|social|the (?:shops|pub|phone|calls?)|it|"
    r"them|him|her|everyone|eye contact)\b|"
    r"\b(?:stopped|stop) going (?:out|to (?:my |the )?(?:seminars?|lectures?|class(?:es)?|parties|church|work|school|"
    r"uni|college|meetings?|see))\b|\bcan'?t face\b|"
    r"\b(?:keep|kept) missing (?:them|class(?:es)?|lectures|seminars|work|school|shifts|appointments)\b|"
    r"\bcall(?:ed|ing)? in sick\b|\bmake excuses\b|\b(?:don'?t|dont|never) go out\b|"
    r"\bstay(?:ing)? in (?:the house|my room)\b|\bstay(?:ed|ing)? (?:at )?home (?:from|instead)\b|"
    r"\b(?:say no to|turn(?:ed|ing)? down) invit|\b(?:when|if) i avoid\b|"
    r"\bskip(?:ped|ping|s)? (?:the |my |our )?(?:lab |team |group |weekly )?(?:meetings?|class(?:es)?|lectures?|"
    r"seminars?|work|school|shifts?|practice|training)\b",
    re.I,
)
# everyone around them does it: "everyone i know drinks the same", "the lads all smoke, thats what we do"
_SOCIAL = re.compile(
    r"\b(?:every(?:one|body)|all (?:my|the) (?:mates|friends|lads|girls|colleagues))"
    r"(?: (?:i know|here|at work|at school|in (?:the|my) \w+(?: \w+)?))? "
    r"(?:smokes|vapes|drinks|does it|gambles|bets|uses|has a bet|gets drunk|is (?:on|doing) it)\b|"
    r"\b(?:they|we|the lads|my mates|my friends) all (?:smoke|vape|drink|have a bet|bet|use|get drunk)\b|"
    # someone they live or spend their time with does it too: "My husband smokes too, which doesn't help"
    r"\bmy (?:husband|wife|partner|boyfriend|girlfriend|missus|flatmate|housemate|mum|mom|dad|mates?|friends?) "
    r"(?:still )?(?:smokes|drinks|vapes|bets|gambles|uses)(?: too| as well)?"
    r"(?=\s*(?:$|[.,;!?]|and\b|but\b|which\b|so\b))|"
    r"\bevery(?:one|body) does(?: it)?\b|"
    r"\b(?:that'?s|thats|it'?s|its) (?:basically |just |kind of |kinda )?what we do\b|\bpeer pressure\b",
    re.I,
)
# leaning on it to get by: "its the only thing keeping me awake", "3 or 4 monsters to get through it"
_RELIED_ON = re.compile(
    r"\bthe only thing (?:that )?(?:keep(?:s|ing)|get(?:s|ting)|help(?:s|ing)|calm(?:s|ing)|stop(?:s|ping))\b|"
    r"\b(?:keeps|keeping) me (?:awake|going|sane|calm|together)\b|\bgets? me through\b|"
    r"\bto get through (?:it|the day|work|the night|the week)\b|"
    r"\bhelps? me (?:sleep|relax|unwind|cope|switch off|not think|forget|calm down|get to sleep)\b|"
    r"\b(?:can'?t|cant) (?:sleep|relax|function|cope) without\b|"
    r"\b(?:it'?s|its|that'?s|thats|is) how i (?:switch off|unwind|relax|cope|get through|deal with|come down|"
    r"wind down|decompress|de-?stress)\b|"
    r"\bthe only (?:bit|part|time) of (?:the|my) day (?:that'?s|thats|that is) (?:mine|for me)\b|"
    r"\bthe only (?:time|chance|break|moment) (?:i|you) (?:get|have|ever get) to (?:breathe|relax|myself|think|stop)\b|"
    r"\bthe only break (?:i|you) get\b",
    re.I,
)
# no time to spare: "i work two jobs and have 2 kids", "where am I supposed to find an hour a week?"
_STRETCHED = re.compile(
    r"\btwo jobs\b|\b(?:no|not enough) time\b|\b(?:don'?t|dont|never) have (?:the |any )?time\b|"
    r"\bwhere am i (?:supposed|meant) to find\b|\brun(?:ning)? off my feet\b|\bjuggling\b|\bflat out\b|"
    r"\bsingle (?:mum|mom|dad|parent)\b|\b(?:ten|eleven|twelve|fourteen|1[0-6])[- ]hour (?:days|shifts|nights)\b",
    re.I,
)
# the moment it became real: "took out a loan to cover rent. thats when it got real"
_TURNING_POINT = re.compile(
    r"\b(?:that'?s|thats|that was) when (?:it|i|things) (?:got real|hit|realised|realized|knew|woke up|clicked)\b|"
    r"\bwake[- ]up call\b|\blast straw\b|\bgave me a (?:fright|scare)\b|\brock bottom\b|\bhit home\b",
    re.I,
)
# it runs in the family: "my mum was big too. it runs in the family", "my dad drank like this"
_FAMILY_PATTERN = re.compile(
    r"\bruns in (?:the|my|our) family\b|\bin (?:my|the|our) (?:genes|blood|dna)\b|\bgenetic\b|"
    r"\b(?:my )?(?:mum|mom|mother|dad|father|parents|nan|gran|grandad|grandpa|grandma)\b(?:\s+\w+){0,3}\s+"
    r"(?:was|were|is|are) (?:the same|just the same|big too|like (?:this|that) too|exactly the same)\b|"
    r"\b(?:just like|same as) my (?:mum|mom|mother|dad|father|parents)\b",
    re.I,
)
# it is part of who they are: "i like food. its kind of my thing", "that's just who I am"
_IDENTITY = re.compile(
    r"\b(?:it'?s|its|that'?s|thats|it is|that is) (?:kind of |kinda |sort of |just |always been )?(?:my thing|"
    r"who i am|part of who i am|part of me)\b(?!\s+\w)|\bthat'?s just (?:me|how i am|who i am)\b|"
    r"\bpart of (?:my identity|who i am)\b|\b(?:that'?s|thats|that is|it'?s|its|it is) how i (?:was|were) "
    r"(?:raised|brought up)\b",
    re.I,
)
# chasing losses: "i keep thinking ill win it back", "one decent acca and im level"
LOSS_CHASING = (
    r"\b(?:win|won|winning) (?:it|it all|the money|that|some of it|my money) back\b",
    r"\bchas(?:e|ing) (?:my |the )?loss(?:es)?\b|\bdue (?:a|for a) (?:big )?win\b",
)
"""Chasing losses in so many words; the talk-type rules read these as sustain talk (``analyse.DOUBT``)."""
_CHASING = re.compile(
    "|".join(
        (
            *LOSS_CHASING,
            r"\bbreak even\b|\b(?:i'?m|im|i'?d be) (?:back )?level\b(?![-\w]|\s*\d)",
            r"\bone (?:decent|good|big|more) (?:win|acca|bet|spin|hand)\b",
        )
    ),
    re.I,
)
# what a treatment does to them: "One of them makes me pee every twenty minutes", "the metformin upsets my stomach"
_SIDE_EFFECTS = re.compile(
    r"\bside[- ]?effects?\b|\b(?:makes?|made|making) me (?:pee|wee|sick|dizzy|drowsy|sleepy|nauseous|shaky|"
    r"feel (?:sick|awful|rough|weird|foggy|flat|numb|like a zombie))\b|\bupsets? my stomach\b|"
    # what it does now: "I tried patches once but they gave me weird dreams" is a try that is over
    r"\b(?:ankles|feet|legs) (?:blow up|blew up|swell|swelled|swollen)\b",
    re.I,
)
SITUATIONS = (
    "cost", "routine", "noticed", "unsure", "tried", "long_time", "loss", "past_self", "support", "mandated",
    "not_a_problem", "hidden", "avoiding", "social", "relied_on", "stretched", "turning_point", "family_pattern",
    "identity", "chasing", "side_effects",
)  # fmt: skip


def situation(text: str) -> tuple[str, ...]:
    """The situations ``text`` shows, in :data:`SITUATIONS` order."""
    sample = text[:_SAMPLE]
    support = bool(_SUPPORT.search(sample))
    mandated = bool(_MANDATED.search(sample))
    found = {
        "cost": bool(_COST.search(_MANDATED.sub(" ", sample))),  # being sent by a court is no cost they named
        "routine": bool(_ROUTINE.search(sample)) and not _SUFFERED.search(sample),
        # "my daughter said she'd call me": an offer of help, not someone noticing (see "support"); "I'm only
        # here because my partner asked": being sent, not someone noticing (see "mandated")
        "noticed": not support and not mandated and bool(_NOTICED.search(sample)),
        "unsure": bool(_UNSURE.search(_LEADING_SHRUG.sub("", sample))),
        "tried": bool(_TRIED.search(sample)),
        "long_time": bool(_LONG_TIME.search(sample)),
        "loss": bool(_LOSS.search(sample)),
        "past_self": bool(_PAST_SELF.search(sample)),
        "support": support,
        "mandated": mandated,
        "not_a_problem": bool(_NOT_A_PROBLEM.search(sample)),
        "hidden": bool(_HIDDEN.search(sample)),
        "avoiding": bool(_AVOIDING.search(sample)),
        "social": bool(_SOCIAL.search(sample)),
        "relied_on": bool(_RELIED_ON.search(sample)),
        "stretched": bool(_STRETCHED.search(sample)),
        "turning_point": bool(_TURNING_POINT.search(sample)),
        "family_pattern": bool(_FAMILY_PATTERN.search(sample)),
        "identity": bool(_IDENTITY.search(sample)),
        "chasing": bool(_CHASING.search(sample)),
        "side_effects": bool(_SIDE_EFFECTS.search(sample)),
    }
    return tuple(name for name in SITUATIONS if found[name])
