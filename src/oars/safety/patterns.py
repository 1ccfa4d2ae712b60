"""The crisis rules: what a risk statement looks like, per category, as data.

Every rule is a regular expression over :mod:`oars.safety.normalise`'s canonical text — lower case,
contractions expanded ("do not", "i am", "i would"), chat spellings expanded ("want to", "going to"),
one space between words, ``.``/``?``/``,`` as separate tokens — written in plain English and squeezed
at compile time exactly like the text ("kill" → "kil"). ``<NAME>`` inserts one of the shared word lists
below. Patterns avoid nested unbounded repetition so that no input can make them backtrack badly.

Rules say as little as they can and let the detector's shared guards do the rest: a rule fires only
when it is not negated in its clause ("I'm not suicidal"), and, where it opts in, not about someone
else ("my friend is suicidal"), not a general question, news or fiction ("the movie was about
suicide"), and not a resolved past ("I used to cut, but not since school"). ``needs`` is a second
pattern that must appear nearby (the sentence, or the one before or after); ``unless`` one that must not
appear in the same sentence; ``by`` one that the words just before the match must end with — who is doing
it ("*my husband* hits me", not "*my toddler* hits me").

Severity: ``imminent`` — an act under way, a medical emergency, means at hand, a plan or a time;
``high`` — explicit intent, ideation, threats, self-harm, indirect goodbyes, method questions;
``moderate`` — passive ideation. The detector raises a rule's severity when intent or a time is stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oars.safety.normalise import squeeze_pattern

__all__ = ["RULES", "Rule"]

_WORDS = {
    "ME": r"(?:myself|my self|mself|myslf)",
    "PILLS": (
        r"(?:pills?|tablets?|meds|medications?|medicine|capsules|painkillers|sleeping pills|tylenol"
        r"|paracetamol|acetaminophen|advil|ibuprofen|aspirin|antidepressants|xanax|benzos?|valium|oxy|oxys|oxycodone"
        r"|opioids|percocet|vicodin|insulin|lithium|seroquel|ambien|zopiclone|codeine|tramadol|morphine"
        r"|fentanyl|heroin|prescriptions?|aderal|ritalin|stimulants|cocaine|coke|meth|speed|mdma|moly"
        r"|ketamine|drugs|cough syrup|cough medicine|nyquil|robitussin|methadone|benadryl)"
    ),
    "BIGNUM": (
        r"(?:[1-9]\d+|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        r"|twenty|thirty|forty|fifty|sixty|hundred|a hundred|dozens?|a dozen)"
    ),
    # Adults who can hurt the client (a toddler or a pet hitting them is not abuse).
    "ADULT": (
        r"(?:husband|wife|partner|spouse|boyfriend|girlfriend|ex|fiance|fiancee|dad|daddy|father|mom|mother"
        r"|stepdad|stepfather|stepmom|stepmother|parents?|uncle|aunt|grandpa|grandfather|grandma"
        r"|grandmother|brother|sister|cousin|son|daughter|stepson|stepdaughter|nephew|caregiver|carer|boss"
        r"|landlord|teacher|coach|pastor|priest|roommate|flatmate|housemate|neighbor|family|man|guy)"
    ),
    "PERSON_NOUN": (
        r"(?:husband|wife|partner|spouse|boyfriend|girlfriend|ex|fiance|fiancee|dad|father|mom|mother"
        r"|stepdad|stepfather|stepmom|stepmother|parents?|uncle|aunt|grandpa|grandfather|grandma"
        r"|grandmother|brothers?|sisters?|cousins?|sons?|daughters?|stepson|stepdaughter|nephew|niece"
        r"|caregiver|boss|manager|supervisor|coworkers?|co workers?|colleagues?|landlord|teachers?|coach"
        r"|classmates?|roommates?|flatmates?|housemates?|neighbors?|friends?|man|woman|guy|guys|girl|boy"
        r"|dude|lady|bitch|bastard|asshole|prick|kids?|child|children|baby|babies|toddler|family|people"
        r"|students?|cops?|police)"
    ),
    "INTENT": (
        r"(?:want to|wanted to|going to|i will|il|about to|plan to|planning to|intend to|need to|decided to"
        r"|ready to|trying to|tried to|swear i will|have to)"
    ),
    "HARM": (
        r"(?:kil|murder|stab|shoot|strangle|choke|hurt|harm|beat|beat up|attack|poison|punch|slap|kick|bash"
        r"|smother|suffocate|drown|torture|rape|shank|knife|run over|cut"
        r"|(?:\w+ ){1,4}and (?:kil|beat|stab|shoot|hurt|atack|punch))"
    ),
    "HARMING": (
        r"(?:kiling|murdering|stabbing|shooting|strangling|choking|hurting|harming|beating|attacking"
        r"|poisoning|punching|hitting|smothering|suffocating|drowning|torturing|raping)"
    ),
    "DEATH": (
        r"be dead(?! (?:tired|serious|last|on my fet|set|wrong|right))|die|dying|not be alive|not be here"
        r"|not be around|not live|not exist|not be living"
        r"|stop living|stop existing|stop breathing|cease to exist|end my life|end it al"
        r"|end it(?! (?:with|betwen|of|for)\b)|end everything|end things(?! (?:with|betwen|of)\b)|kil <ME>"
        r"|take my (?:own )?life(?! back)|never wake up|not wake up|disappear forever|overdose|overdosing|od"
        r"|unalive <ME>|be gone for good|be in the ground|be six fet under|be in a grave"
    ),
    # The clause ends (or a time follows): "I want to end it." but not "I want to end it with her".
    "THEN": (
        r"(?= *(?:[.,?]|$| and | but | so | because | anyway| tonight| today| now| right now| soon_| for god"
        r"| after| when| once| this| on))"
    ),
}
_WORDS["PERSON"] = (
    r"(?:him|her|them|someone|somebody|anyone|anybody|everyone|everybody|people"
    r"|(?:my|his|her|their|our|the|that|this|those|these|a|some|every) (?:\w+ )?<PERSON_NOUN>)"
)
_WORDS["GAP"] = (
    r"(?:(?:always|often|sometimes|has|had|have|just|also|even|then|again|would|wil|stil|keps|kept|started"
    r"|starts|is|was|realy|literaly|usualy|constantly|actualy|used to|sexualy|physicaly|violently|ben) ){0,3}"
)
# The adults in a child's home (a brother hitting a brother is not this).
_WORDS["CARER"] = (
    r"(?:husband|wife|partner|boyfriend|girlfriend|dad|father|mom|mother|stepdad|stepfather|stepmom|stepmother"
    r"|parents?|uncle|aunt|grandpa|grandfather|grandma|grandmother|ex|caregiver|carer|babysiter|nanny|man|guy)s?"
)
_WORDS["PERP"] = r"(?:he|she|they|someone|somebody|(?:(?:my|his|her|their|our|the) )?(?:\w+ )?<ADULT>s?)"
# What keeps "shoot him a text", "hit her up", "beat them at chess", "hurt her feelings" from firing.
_WORDS["NOT_IDIOM"] = (
    r"(?! (?:a |an |some )?(?:text|message|email|line|note|call|look|smile|glance|slack|favor|break|hand)\b"
    r"| up\b| at (?:chess|cards|pool|golf|tenis|poker|darts|\w*ball|games?)\b"
    r"| in (?:a |the )?(?:game|match|race|chess|cards|pool|\w*ball)| with kindnes"
    r"| s? feelings| feelings| off_\b| out\b| loose| back\b)"
)

_MACRO = re.compile(r"<([A-Z_]+)>")


def _any(*alternatives: str) -> str:
    """One pattern matching any of ``alternatives`` — so each can sit on its own line."""
    return "|".join(alternatives)


def _expand(source: str) -> str:
    """Replace ``<NAME>`` with its word list, recursively (lists may use other lists)."""
    while _MACRO.search(source):
        source = _MACRO.sub(lambda m: _WORDS[m.group(1)], source)
    return source


def _compile(source: str) -> re.Pattern[str]:
    return re.compile(squeeze_pattern(_expand(source)))


@dataclass(frozen=True, slots=True)
class Rule:
    """One way a risk statement can be written, and the guards that apply to it.

    ``category`` and ``severity`` are the values of :class:`~oars.safety.CrisisCategory` and
    :class:`~oars.safety.Severity` (plain strings here, so this module stays pure data).
    """

    category: str
    severity: str
    pattern: re.Pattern[str]
    reason: str
    negatable: bool = True
    self_only: bool = False
    topical: bool = False
    resolvable: bool = True
    needs: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    by: re.Pattern[str] | None = None


def _rule(category: str, severity: str, pattern: str, reason: str, **guards: object) -> Rule:
    """Build a :class:`Rule`, compiling ``pattern`` and its ``needs``/``unless``/``by`` guards.

    The pattern gets no leading ``\\b``: that would stop :mod:`re` from skipping ahead to the possible
    first letters, which is most of its speed. The detector checks that a match starts a word instead.
    """
    for key in ("needs", "unless"):
        if isinstance(guards.get(key), str):
            guards[key] = _compile(rf"\b(?:{guards[key]})\b")
    if isinstance(guards.get("by"), str):
        guards["by"] = _compile(rf"(?:^| )(?:{guards['by']})$")
    return Rule(category, severity, _compile(rf"(?:{pattern})\b"), reason, **guards)  # type: ignore[arg-type]


S, H, OD, T, A = "suicide", "self_harm", "overdose", "harm_to_others", "abuse"
MOD, HIGH, NOW = "moderate", "high", "imminent"

_ACCIDENT = (
    r"by accident|accidentally|accident|shaving|cooking|chopping|onions?|oven|stove|iron|kettle|pan|tray"
    r"|gym|workout|deadlifts?|squats?|lifting|running|playing|football|tripped|fel (?:over|down|off_)|slipped"
    r"|ice|stairs"
    r"|hike|hiking|bike|skiing|sport|garden|gardening|dishes|opening"
)
_HABIT = r"when i|whenever|every time|when i am|panic attacks?|anxiety makes|if i"
_SUBSTANCE = (
    r"<PILLS>|drinks?|drank|drinking|vodka|alcohol|booze|wine|beers?|shots|whiskey|high|drugs|took|mixed"
    r"|injected|snorted|smoked|dose"
)
_SYMPTOM = (
    r"<PILLS>|feel (?:really |so |very )?(?:weird|strange|funny|sick|dizzy|faint|wrong|off|numb|sleepy)"
    r"|dizzy|heart"
    r"|breath|breathe|breathing|can not (?:stay awake|wake|feel|see|stand)|pas out|pasing out|vomit\w*"
    r"|throwing up|overdose|od|chest|shaking|seizure|waking up|responding|blue|unconscious|collapsed"
)

SUICIDE_RULES = (
    _rule(
        S,
        HIGH,
        r"(?:kil|kiling|kiled|kils) (?:[.,] )?<ME>",
        "wish or intent to kill oneself",
        unless=_any(
            r"(?:almost|nearly) kiled <ME>",
            r"slowly kil\w* <ME>",
            (
                r"kil\w* <ME> (?:slowly )?(?:with|by) (?:the |these |this |my |all (?:the|this) )?(?:drink"
                r"|drinking|booze|alcohol|smoking|cigarettes|smokes|vaping|vapes?|food|junk|sugar|eating"
                r"|work|working|stres|gambling)"
            ),
            r"kil\w* <ME> laughing",
            (
                r"kiling <ME> (?:at|with|over|for|trying|doing|working|studying|on|to (?:finish|get|met|make"
                r"|hit|pay|kep|save))"
            ),
        ),
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:end|ending|ended|off_|ofing|ofed|unalive|unaliving|unalived|hang|hanging|hanged|drown"
            r"|drowning|shoot|shooting|shot|gas|gasing|poison|poisoning|suffocate|suffocating|delete"
            r"|deleting|yeet|yeeting|electrocute|starve) <ME>(?! in (?:work|the foot|paperwork|drink)| up|"
            r" with (?:the |these )?(?:cigarettes|smoke|junk|food|sugar|alcohol|booze|drinks?|vapes?))"
        ),
        "method or wish to end one's own life",
    ),
    _rule(
        S,
        HIGH,
        r"kms|kil me self|kil my self",
        "slang: kill myself",
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:i (?:should|will|might|want to|am going to|need to|am about to|could)|<ME> to) (?:just "
            r"|literally |finally |go )?kys"
        ),
        '"kys" directed at oneself',
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"ctb",
            r"sewer slide",
            r"sewer sliding",
            (
                r"(?:going to|want to|about to|thinking about|thinking of|plan to|planning to|ready to|might"
                r"|should|wil|il) (?:just )?rope(?! (?:in|off_|him|her|them|the|a|it)\b)"
            ),
            r"roping (?:tonight|today|soon_|myself)",
        ),
        "slang for suicide",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        r"unaliv\w*",
        "slang for suicide",
        self_only=True,
        topical=True,
    ),
    _rule(
        S,
        HIGH,
        r"su+[ie]?[cs]+[aeiu]?d(?:al|le|el|ial|ale|l)\b",
        "suicidal",
        self_only=True,
        topical=True,
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:think|thinking|thought|thoughts|considering|consider|contemplat\w*|plan|planing|plans"
            r"|attempt|attempts|attempted|attempting|commit|comiting|comited|tried|try|decided|urges?"
            r"|ideation|ideas|fantasi\w*|dream\w*|obses\w*) (?:\w+ )?(?:about |of |on |bout )?(?:comiting "
            r"|attempting |doing )?(?:su+i?[cs]+i?de|sewer slide)"
        ),
        "thoughts or plans of suicide",
        self_only=True,
        topical=True,
    ),
    _rule(
        S,
        HIGH,
        r"(?:su+i?[cs]+i?de|sewer slide) (?:note|leter|plan|thoughts?|urges|ideation|mode|vibes|pact)",
        "suicide note, plan or thoughts",
        self_only=True,
        topical=True,
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:want|wanted|wanting|wish|wishing|ned|ready|decided|plan|planing|trying|tried|hope"
                r"|hoping|long|longing|craving|tempted|prefer|rather|deserve|should) (?:\w+ )?(?:to |on "
                r"|about )?(?:<DEATH>)(?! (?:of|from|laughing|for|my hair|your hair|her hair|his hair)\b)(?!"
                r" than (?!(?:kep|go on|live|living|continue|stay|wake|face|be|fel)\b))"
            ),
            (
                r"(?:going|gona|about) to (?:overdose|od|end my life|take my (?:own )?life(?! back)|stop"
                r" living|not be alive)"
            ),
            (
                r"(?:part of me|something in me|my (?:brain|mind|head)) (?:\w+ )?(?:wants|wishes|tels me) to"
                r" (?:<DEATH>)"
            ),
        ),
        "wish or intent to die",
        self_only=True,
        unless=_any(
            r"embaras\w*",
            r"mortified",
            r"cringe\w*",
            r"awkward",
            r"humiliat\w*",
            r"hungover",
            r"hangover",
            r"hung over",
            (
                r"(?:trafic|meting|clas|homework|song|weather|queue|exam|lecture|comute|paperwork|taxes|game"
                r"|spreadshet|movie|show) (?:\w+ ){0,3}makes? me want to"
            ),
        ),
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:want|wanted|wanting|need|ready|hope|hoping|wish|wishing|deserve|plan|planing|decided|trying"
            r"|tried|about) (?:to|2) die(?! (?:my|your|her|his|the) hair| for (?:my|the|a|this|that|our|him"
            r"|her)| of (?:laughter|embarasment|boredom|shame|hunger))"
        ),
        "wish to die",
        self_only=True,
        unless=_any(
            r"embaras\w*",
            r"mortified",
            r"cringe\w*",
            r"awkward",
            r"humiliat\w*",
            r"hungover",
            r"hangover",
            r"hung over",
            (
                r"(?:trafic|meting|clas|homework|song|weather|queue|exam|lecture|comute|paperwork|taxes|game"
                r"|spreadshet|movie|show) (?:\w+ ){0,3}makes? me want to"
            ),
        ),
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:wish|wished|hope|hoping|pray|praying) (?:that )?i (?:was|were|would|could|would just|could"
            r" just) (?:be )?(?:dead|die)"
        ),
        "wish to be dead",
        self_only=True,
    ),
    _rule(
        S,
        MOD,
        _any(
            (
                r"(?:i|i would|id) (?:just )?rather (?:be )?(?:dead(?! (?:tired|serious|last))|die)(?! than"
                r" (?!(?:kep|go on|live|living|continue|stay|wake|face|be|fel)\b))"
            ),
            r"beter (?:off_|of|off_ being|of being) dead",
            r"should (?:just )?(?:die|be dead)",
            r"(?:do not|dont) deserve to (?:live|be alive|exist|breathe)",
            r"should not (?:be alive|exist|have ben born)",
            r"(?:just )?let me die",
            r"(?:want|wanting) to be dead",
            r"hope i die",
            r"feel like dying",
            r"feel like i want to die",
            r"i want death",
        ),
        "wish to be dead",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:end|ending|take|taking|took) (?:my|my own|me own) (?:life|lfe)(?! back| insurance| savings|"
            r" in my (?:own )?hands| around| to )"
        ),
        "intent to end one's life",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:end|ending|ended) (?:it|things|everything) al",
            r"end everything",
        ),
        "intent to end it all",
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:want to|going to|plan to|planning to|decided to|ready to|about to|should|might|i will|il"
            r"|thinking about|thinking of|thought about|thoughts of|just|finaly|gona|i am) (?:just )?(?:end"
            r"|ending|ended) (?:it|things|my suffering|the pain|this life)<THEN>"
        ),
        "intent to end it",
    ),
    _rule(
        S,
        MOD,
        (
            r"(?:want|wanted|need|needs) (?:it al|everything|al of (?:this|it)|it|my life|life|this life|the"
            r" pain|it al of)(?: al)? to (?:end|be over|stop(?: ,)? (?:forever|permanently|for god))<THEN>"
        ),
        "wish for everything to end",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:do not|did not|no longer|not|never) (?:want|wish|feel like it is worth it) to (?:live|be"
            r" alive|exist|keep living|stay alive|be living|go on living)(?! (?:in|with|near|at|there|on"
            r"|under|by|for|without|somewhere|paycheck|like that))"
        ),
        "does not want to live",
        negatable=False,
    ),
    _rule(
        S,
        MOD,
        (
            r"(?:do not|did not|no longer) want to (?:be here|be around|exist|go on|cary on|continue|keep"
            r" going|be on this planet|be on this earth|be in this world|be alive) (?:anymore|any more|no"
            r" more|on this earth|in this world|alive|at al|forever)"
        ),
        "does not want to be here",
        negatable=False,
    ),
    _rule(
        S,
        MOD,
        (
            r"(?:do not|did not) want to wake up(?: tomorow| again| ever| anymore| any more)?(?! (?:early|at"
            r"|for|before|til|until|on time|so|in the)\b)(?: or ever)?<THEN>"
        ),
        "does not want to wake up",
        negatable=False,
    ),
    _rule(
        S,
        MOD,
        (
            r"not sure (?:if )?i (?:want to|wana) (?:live|be alive|be here|keep living|go on|exist|keep"
            r" going)"
        ),
        "unsure about wanting to live",
        negatable=False,
    ),
    _rule(
        S,
        MOD,
        _any(
            (
                r"(?:no|nothing|no real|no good|(?:do not|can not) (?:se|have|find|fel) (?:any|a|the))"
                r" (?:reason|point|purpose) (?:for me )?(?:\w+ )?(?:to|in|of|for) (?:me |my )?(?:live|living"
                r"|be alive|being alive|go on|going on|keep going|keep living|exist|existing|stay alive)"
            ),
            r"nothing (?:left )?to live for",
            r"no (?:wil|reason|desire) to live",
            r"lost the wil to live",
            r"(?:what is|whats) the point (?:of|in) (?:living|life|being alive|going on|existing|me)",
            r"(?:do not|can not) see the point (?:of|in) (?:living|life|being alive|going on|existing)",
            r"life (?:is not|is no longer) worth (?:living|it)",
            r"life is (?:pointles|meaningles)",
            r"no point (?:in )?(?:living|being alive)",
            r"nothing left for me",
        ),
        "hopelessness about living",
        negatable=False,
    ),
    _rule(
        S,
        MOD,
        (
            r"(?:tired|sick|exhausted|done|finished|over) (?:of|with) (?:living|being alive|life|existing|it"
            r" al|everything)(?! (?:paycheck|with|in|on|under|like|of|at|as|for|without|here|there)\b)"
        ),
        "tired of living",
        self_only=True,
    ),
    _rule(
        S,
        MOD,
        _any(
            r"beter without me",
            (
                r"beter (?:off_|of)(?: without me| if i (?:just |simply )?(?:was|were|am|was not|were not"
                r"|did not|never|had never)? ?(?:gone|dead|not here|not around|here|around|exist|existed"
                r"|born|ben born|alive|wake up)| if i (?:died|disappeared|vanished|kiled <ME>|left for good)"
                r"| with me (?:gone|dead)| dead| in the ground| six fet under| in a grave)"
            ),
            (
                r"(?:easier|beter|hapier|simpler|lighter) (?:for (?:everyone|everybody|them|people|al of"
                r" them|my \w+) )?(?:off_ |of )?if i (?:was|were|am|just) (?:gone|dead|not (?:here|around"
                r"|alive)|died)"
            ),
            r"if i (?:was|were) not (?:around|here|alive)(?! (?:when|to|for|at|on|in)\b)",
            (
                r"(?:relieved|hapier|beter|easier|glad|fine|lighter|fre|beter (?:off_|of)) (?:\w+ ){0,3}?if"
                r" i (?:just )?(?:died|was dead|were dead|was gone|were gone|kiled <ME>|disappeared"
                r" (?:permanently|forever|for god)|never woke up|did not wake up)"
            ),
            r"beter (?:place )?without me",
        ),
        "others would be better off without them",
        negatable=False,
    ),
    _rule(
        S,
        MOD,
        _any(
            (
                r"no one (?:would|wil|is going to|even|would even|wil even|cares|would ever) (?:\w+ )?(?:mis"
                r" me|notice|care) ?(?:if|when) i (?:was|were|am|died|die|disappeared|disappear|left|kiled"
                r"|did not|vanished|gone|dead|was not|stoped existing)"
            ),
            (
                r"no one (?:would|wil|is going to|wil even|would even) (?:\w+ )?mis me(?! at| if i (?:skip"
                r"|mised|do not|did not|left early))"
            ),
            r"no one would care if i (?:was|were) gone",
        ),
        "no one would miss them",
        negatable=False,
    ),
    _rule(
        S,
        MOD,
        _any(
            (
                r"(?:sleep|go to sleep|fal asleep|close my eyes) (?:and|n|&) (?:never|not|do not|did not)"
                r" wake(?: up)?"
            ),
            r"never wake up",
            (
                r"(?:hope|hoping|wish|wishing|pray|praying|would not mind|would be nice|be easier|be beter"
                r"|if) (?:that )?i (?:just )?(?:do not|did not|would not|wil not|never|could not) (?:wake up"
                r"|woke up)(?! (?:on time|early|in time|at|until|til|for|before|when|to)\b)"
            ),
            r"sleep forever",
            r"enough to not wake up",
            r"not (?:to )?wake up (?:ever|again)",
        ),
        "wish not to wake up",
        negatable=False,
    ),
    _rule(
        S,
        MOD,
        _any(
            r"wish (?:that )?i (?:had|was|were|had never|never) (?:never )?(?:been )?born",
            r"wish i (?:had )?never existed",
            r"wish i could (?:just )?(?:stop existing|not exist|disappear forever|vanish forever)",
            (
                r"(?:want|wish|need) to (?:stop existing|stop living|not exist|cease to exist|not be alive"
                r"|disappear forever|disappear for good|disappear permanently|vanish forever|disappear and"
                r" never come back|not be here anymore)"
            ),
            r"stop existing",
        ),
        "wish not to exist",
        self_only=True,
    ),
    _rule(
        S,
        MOD,
        _any(
            (
                r"(?:hope|hoping|wish|pray|praying) (?:that )?(?:a |the |some )?(?:car|bus|truck|train|lory"
                r"|plane) (?:hits|would hit|wil hit|runs me over|kils me|crashes)"
            ),
            r"hop\w* (?:that )?i (?:get|am|die) (?:in |into )?(?:an? )?(?:accident|crash|hit by|cancer)",
            r"hoping for (?:an? )?(?:accident|crash)",
        ),
        "wish to die in an accident",
        self_only=True,
    ),
    _rule(
        S,
        MOD,
        _any(
            (
                r"would not (?:mind|care) if i (?:died|did not wake up|was dead|were dead|got hit|never woke"
                r" up)"
            ),
            r"if i died (?:tomorow|today|tonight)? ?(?:, )?i would not (?:care|mind)",
        ),
        "indifferent to dying",
        negatable=False,
    ),
    _rule(
        S,
        MOD,
        _any(
            (
                r"can not (?:go on|keep going|cary on|do this) (?:anymore|any more|no more|much"
                r" longer)<THEN>"
            ),
            r"how much longer i can (?:keep going|go on|do this|take it)",
        ),
        "cannot go on",
        negatable=False,
        unless=r"drinking|smoking|vaping|gambling|job|work|this job",
    ),
    _rule(
        S,
        MOD,
        _any(
            (
                r"(?:want|ned) out(?: for god| forever| permanently| of (?:this life|life|here|this"
                r" world))?<THEN>"
            ),
            r"life (?:has no|has lost (?:al )?(?:its )?|is without) (?:meaning|point|purpose)",
            (
                r"(?:do not|can not|no longer) se (?:a|any) (?:future|way forward|reason to go on) (?:for me"
                r"|anymore)"
            ),
            (
                r"(?:want|wish|ned) to (?:sleep|rest|disappear|vanish|go away|be gone|not fel anything|fel"
                r" nothing|stop feling|escape|not be here)(?: [\w,]+){0,4} (?:forever|permanently|for god"
                r"|for ever)"
            ),
            (
                r"(?:picturing|imagining|imagine|planing|plan|thinking about|think about|thought about"
                r"|visuali[sz]ing|fantasi\w* about|dreaming about|obsesing over) my (?:own )?(?:funeral"
                r"|death|dying|suicide)"
            ),
            (
                r"(?:think|thinking|thought|fantasi\w*|dream\w*|obses\w*) about (?:dying|being dead|(?:just"
                r" )?not being (?:here|alive|around)|not existing|no longer existing|my death|ending (?:my"
                r" life|things|it))"
            ),
        ),
        "thoughts of dying",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:wil not|not going to|wil no longer|not gona) be (?:around|here|alive|a (?:problem"
            r"|burden)(?: for (?:anyone|anybody|you|them|everyone))?) (?:much longer|for long|anymore|any"
            r" more|after (?:tonight|today|this|tomorow)|soon_|by (?:tomorow|monday|next week)|to see)"
        ),
        "says they will not be around",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:you|no one|anyone|they) (?:wil not|wil never|are not going to) (?:hear from|se) me"
                r" (?:again|after|anymore)"
            ),
            r"last time (?:you|anyone) (?:wil )?(?:hear from|se) me",
            r"this is (?:my )?(?:last|final) (?:message|text|post|time|goodbye)",
            r"this is goodbye",
            r"goodbye (?:forever|world|everyone|cruel world)",
            r"(?:said|say|saying) (?:al )?my goodbyes?",
            (
                r"(?:wanted|want|needed|need) to say goodbye (?:before|to someone|to you|to everyone|one"
                r" last)"
            ),
        ),
        "a final goodbye",
        negatable=False,
        unless=_any(
            r"for now",
            r"last day",
            r"moving",
            r"see you",
            r"talk (?:soon_|later|next)",
            r"next (?:week|time)",
            r"session",
        ),
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:leters?|notes?) (?:\w+ ){0,3}(?:saying goodbye|to say goodbye|to find|for after"
                r"|explaining why)"
            ),
            r"goodbye (?:leters?|notes?|messages?)",
            (
                r"(?:wrote|written|writing|left|leaving) (?:a |my )?(?:note|leter)s? for (?:my|the) (?:\w+"
                r" )?(?:to find|for when|after)"
            ),
        ),
        "goodbye notes",
        unless=(
            r"alcohol|addiction|drinking|smoking|cigarettes|habit|therapist|group|exercise|asignment|younger"
            r" self|old self|song|movie|book|job|coworkers"
        ),
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:giving|gave|give|given) (?:away )?(?:al )?(?:of )?my (?:things|stuf|belongings"
                r"|posesions|valuables|prized \w+|most precious \w+|everything)(?: away)?"
            ),
            (
                r"(?:giving|gave|give) away (?:al )?(?:of )?my (?:things|stuf|belongings|posesions|valuables"
                r"|stuf)"
            ),
        ),
        "giving possessions away",
        unless=_any(
            r"moving",
            r"declutter\w*",
            r"charity",
            r"goodwil",
            r"downsi[sz]\w*",
            r"minimalis\w*",
            r"spring clean\w*",
            r"outgrew",
            r"lost weight",
            r"do not (?:use|ned|fit|wear)",
        ),
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:giving|gave|give|selling|sold|given) (?:away )?(?:[\w,]+ ){0,6}?i (?:wil not|do not|am not"
            r" going to) (?:ned|be neding) (?:it|them|those|these|any of (?:it|this|them))(?: anymore| any"
            r" more| where i am going| after)?"
        ),
        "giving things away as no longer needed",
        unless=r"moving|moved|declutter\w*|charity|downsi[sz]\w*|new one|upgrad\w*|lost weight|outgrew",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:after|once|when) i am (?:gone|dead|not (?:here|around))",
            r"(?:after|when) i die",
        ),
        "speaks of arrangements for after their death",
        needs=_any(
            r"ned",
            r"look after",
            r"take care",
            r"wil not",
            r"soon_",
            r"sorted",
            r"in order",
            r"gave",
            r"giving",
            r"wil be (?:fine|ok|okay)",
            r"goodbye",
            r"mis me",
            r"take him",
            r"take her",
            r"anymore",
        ),
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:afairs|everything|things) in order",
            r"my wil (?:is )?(?:sorted|done|ready)",
        ),
        "putting affairs in order",
        needs=_any(
            r"gone",
            r"not (?:be )?(?:here|around)",
            r"goodbye",
            r"die",
            r"dead",
            r"much longer",
        ),
    ),
    _rule(
        S,
        HIGH,
        r"(?:tonight|tonight is|tonights|today is|todays) the (?:night|day)",
        "tonight is the night",
        needs=r"done|goodbye|end|over|ready|last|finaly",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"after tonight (?:none of (?:this|it)|nothing) (?:wil )?matters?",
            r"soon_ (?:it|nothing) (?:wil not|is going to) matter",
            r"none of (?:this|it) wil matter (?:soon_|after|anymore)",
            r"checking out (?:permanently|for good|of life)",
            (
                r"(?:please )?tel (?:my|her|him|them) (?:\w+ )?(?:that )?i (?:love|loved) (?:her|him|them"
                r"|you)"
            ),
            r"sorry for (?:being (?:such )?a burden|everything i have put)",
            r"(?:please )?tel (?:my|her|him|them) (?:\w+ ){0,2}(?:that )?i am (?:so |realy )?sorry",
        ),
        "indirect goodbye",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"can not (?:promise|guarantee|say) (?:that )?i (?:wil|can|il) (?:be|stay|keep <ME>) safe",
            r"(?:do not|dont) (?:think|know if) i can (?:keep <ME>|stay|be) safe",
            (
                r"not sure i (?:wil|can|il) (?:make it|survive|get) through (?:the night|tonight|the weekend"
                r"|today|this)"
            ),
            r"not safe (?:with|around|from) <ME>",
            (
                r"do not trust <ME> (?:tonight|right now|alone|(?:around|with|near) (?:my |the |a )?(?:\w+"
                r" )?(?:<PILLS>|gun|knife|razor|blades?|car|rope))"
            ),
            r"(?:going to|might|wil|il|could) do something (?:\w+ )?to <ME>",
        ),
        "cannot stay safe",
        negatable=False,
    ),
    # Means and method questions: asked about oneself, a question is itself the signal.
    _rule(
        S,
        HIGH,
        _any(
            (
                r"how (?:many|much) (?:\w+ ){0,5}?(?:to (?:kil|die|od|overdose|not wake up)|(?:would|wil"
                r"|could|does|do|is|are) (?:it )?(?:take to )?(?:kil|be (?:fatal|lethal|deadly)|fatal|lethal"
                r"|deadly|enough to)|(?:is|are|would be) (?:a |an )?(?:lethal|fatal|deadly|overdose|od))"
            ),
            r"(?:lethal|fatal|deadly) (?:dose|amount)",
            r"(?:od|overdose) on \w+ (?:and |, )?how (?:many|much)",
            r"how (?:many|much) (?:\w+ ){0,4}(?:od|overdose)\b",
            r"enough (?:\w+ )?to (?:not wake up|kil me|die|end it)",
        ),
        "asks about a lethal amount",
        resolvable=False,
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:(?:quickest|fastest|easiest|best|surest|most painles|painles|least painful|simplest"
                r"|cleanest|quick|easy|quiet|peaceful|reliable) ){1,2}(?:way|ways|method|methods) (?:to|of)"
                r" (?:die|dying|kil (?:<ME>|yourself|oneself|urself)|end (?:it|my life)|comit su\w+|go)\b"
            ),
            r"painles (?:death|su\w+)",
            r"ways to (?:die|kil (?:<ME>|yourself|oneself|urself)|end my life|comit su\w+)",
            r"how to (?:kil (?:<ME>|yourself|oneself|urself)|die painlesly|tie a noose_|make a noose_)",
            (
                r"(?:which|what) (?:\w+ ){0,2}(?:<PILLS>|drugs|poisons?|chemicals?) (?:are|is|would be"
                r"|would) (?:the )?(?:most )?(?:deadly|lethal|fatal|likely to kil|kil you)"
            ),
        ),
        "asks about a method",
        resolvable=False,
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:going to|want to|plan to|planning to|plan is to|decided to|ready to|about to|thinking about"
            r"|thinking of|should|wil|il|might) (?:just )?(?:take|taking|swallow|swallowing|down|od on"
            r"|overdose on) (?:a |an |the |my |al (?:of )?(?:my |the )?)?(?:whole |entire |ful )?(?:botle"
            r"|packet|pack|box|strip|handful|bunch|load|lot|months? supply|weks? supply|supply|al|every"
            r"|<BIGNUM>) (?:of )?(?:my |the |those )?(?:\w+ )?<PILLS>"
        ),
        "intent to overdose",
    ),
    _rule(
        S,
        HIGH,
        r"noose_",
        "a noose",
        self_only=True,
        topical=True,
    ),
    _rule(
        S,
        HIGH,
        (
            r"how (?:long|fast|quickly) (?:does it|would it|wil it|to) (?:take to )?die (?:from|by|of|if you"
            r"|when) (?:\w+ )?(?:hanging|drowning|bleding|blede|an overdose|overdose|od|jumping|carbon"
            r" monoxide|sufocation|asphyxiation|pils|a gunshot|hypothermia|exsanguination|slitting|cutting|a"
            r" fal)"
        ),
        "asks how long a method takes",
        resolvable=False,
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:talest|highest|bigest) bridges?",
            (
                r"(?:talest|highest) (?:building|clif|car park|parking (?:garage|structure)|tower|structure"
                r"|rof) (?:near me|near here|around here|nearby|in (?:my|this|the) (?:city|town|area)"
                r"|(?:that|i) can (?:get|go) (?:to|on|into|up))"
            ),
            r"(?:high|tal|far) enough to (?:die|kil)",
            r"(?:nearest|closest) (?:clif|clifs|train tracks|railway tracks|tracks)",
            r"die from (?:the|a) fal",
            r"fal (?:would|wil|could) kil",
            r"survive (?:the|a) fal from",
        ),
        "asks about heights",
        resolvable=False,
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:bought|buying|buy|got|ordered|order|getting) (?:a |some |the )?(?:rope|noose_|charcoal"
                r"|helium)(?! (?:for|to (?:hang|tie)|swing|ladder|light)\b)"
            ),
            (
                r"(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|colected|stashing"
                r"|stashed) (?:up )?(?:al )?(?:of )?(?:my |the |some )?(?:\w+ )?<PILLS>"
            ),
            r"<PILLS> (?:saved|stockpiled|stashed|hoarded) up",
            r"saving up (?:my |the )?<PILLS>",
        ),
        "obtaining or saving means",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"for when i am ready",
            r"for when i (?:decide|finaly do it|go through with it)",
            r"when the time comes",
            r"for when (?:it|things|life) gets? (?:bad|to much|worse|unbearable)",
            r"just in case",
        ),
        "keeping means for later",
        needs=r"<PILLS>|rope|gun|knife|blades?|noose_|car|bridge",
    ),
    _rule(
        S,
        NOW,
        (
            r"(?:gun|pistol|rifle|knife|blade|weapon) (?:\w+ ){0,6}(?:going to|wil|il|gona) use it(?! (?:for"
            r"|to (?:hunt|cut|cok))\b)"
        ),
        "a weapon and the intent to use it",
        unless=r"hunting|range|camping|cooking|kitchen",
    ),
    _rule(
        S,
        NOW,
        (
            r"(?:have|got|holding|with|took out|laid out|lined up|counted out|counting) (?:the|my|al (?:the"
            r"|my|of my)|a|some) (?:\w+ )?(?:<PILLS>|gun|rope|knife|razor|blade|blades|noose_)(?: \w+)?"
            r" (?:right )?(?:here|in front of me|next to me|in my hand|ready|on the table|laid out|lined up"
            r"|out)\b"
        ),
        "means at hand",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:gun|pistol|rifle|shotgun|firearm)(?: \w+){0,8} (?:on|to|at|against) (?:<ME>|my head|my"
                r" temple|my chest)"
            ),
            r"(?:use|using) (?:it|them|the gun|the pils) on <ME>",
            r"(?:gun|pistol|rifle|knife) in my (?:lap|mouth)",
            (
                r"(?:put|hold|held|holding|pointed) (?:a|the|my) (?:gun|pistol|knife|blade) (?:to|against"
                r"|at) my"
            ),
            r"blow my (?:brains|head) (?:out|off_)",
            r"bulet (?:in|through) my (?:head|brain)",
        ),
        "a gun or weapon against oneself",
    ),
    _rule(
        S,
        NOW,
        (
            r"(?:standing|sitting|i am|am|up|out) (?:on|at) (?:the |a |this |top of the )?(?:edge of (?:the"
            r"|a) )?(?:train )?(?:bridge|rof|roftop|ledge|edge|clif|tracks|railway|balcony|platform edge"
            r"|platform|top of (?:the|a) (?:building|car park|parking garage|bridge|clif))"
        ),
        "at a height or on the tracks",
        needs=r"right now|now|jump\w*|thinking|loking down|going to|end|tonight|want",
    ),
    _rule(
        S,
        MOD,
        (
            r"(?:loking|staring|gazing|lok|stare) (?:down )?(?:at|into) (?:the )?(?:\w+ )?(?:tracks|bridge"
            r"|river|water|ledge|edge|<PILLS>|gun|rope|trafic|drop)"
        ),
        "keeps looking at means or a height",
        needs=_any(
            r"keep",
            r"kept",
            r"a lot",
            r"for hours",
            r"every (?:day|night)",
            r"can not stop",
            r"always",
        ),
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:went|go|drove|walked|going|drive|walk|been going|keep going) (?:up )?to (?:the |a"
            r" )?(?:bridge|clif|rof|tracks|railway|ledge|edge)"
        ),
        "went to a height or the tracks",
        needs=r"stod|stand|standing|loked down|thought about|jump\w*|hour|end|edge",
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:jump|jumping|jumped|throw <ME>|throwing <ME>|leap|leaping|fling <ME>) (?:off_|from|in"
                r" front of|under|out of|into|onto) (?:a |the |my |this |that )?(?:bridge|building|rof|clif"
                r"|train|bus|car|truck|lory|trafic|balcony|window|tracks|railway|ledge|tower|subway|river"
                r"|car park|parking garage|highway)"
            ),
            r"step\w* (?:out )?in front of (?:a|the) (?:bus|train|car|truck|lory|trafic)",
            r"walk\w* into (?:the )?(?:sea|ocean|trafic|river)(?! (?:with|for|at|to swim)\b)",
        ),
        "a method: jumping or stepping in front of traffic",
        unless=(
            r"(?:trafic|meting|clas|homework|song|weather|queue|exam|lecture|comute|paperwork|taxes|game)"
            r" (?:\w+ ){0,3}makes? me want to"
        ),
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:drive|driving|drove|crash|crashing|swerve|swerving|steer|steering) (?:my car |the car"
                r" )?(?:off_|into) (?:a |the )?(?:clif|wal|tre|bridge|river|lake|oncoming|pole|barier|truck"
                r"|lory|ravine)"
            ),
            r"crash\w* (?:my|the) car (?:on purpose|deliberately|into)",
            r"(?:garage|garage with) (?:the )?(?:car|engine) running",
            r"(?:car|engine) running in the garage",
        ),
        "a method: the car",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"drink\w* (?:<ME> )?(?:until i die|to death)",
            r"(?:drink|drank|drinking) <ME> to death",
        ),
        "drinking with intent to die",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:thought|thinking|figured|figuring|worked|working|planed|know|planing|decided|deciding"
            r"|researching|loking up|googling|googled) (?:about |out )?(?:exactly )?how (?:i (?:would|wil|am"
            r" going to|could|should|can) |to )(?:do it|end it(?: al)?|end my life|end things|end everything"
            r"|kil <ME>|die)<THEN>"
        ),
        "has thought about how",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:tonight|today|this) is my last (?:night|day)",
            r"my last (?:night|day) (?:on earth|alive|here)",
            (
                r"(?:life )?insurance (?:\w+ ){0,4}(?:if|when|once|after) i (?:die|am gone|am dead|was gone"
                r"|kil <ME>)"
            ),
            (
                r"(?:tied|tying|tie|hung|hanging|hang|set up|put up|fixed) (?:up )?(?:a |the |my )?(?:rope"
                r"|noose_|belt|cord) (?:\w+ ){0,2}(?:in|from|to|on|around|over) (?:the |a |my )?(?:garage"
                r"|basement|closet|tre|beam|ceiling|dor|banister|atic|shed|rafters?|wardrobe|hok|fan|neck)"
            ),
        ),
        "final arrangements or preparations",
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:su+i?[cs]+i?de|death|dying|ending it|ending my life|kiling <ME>) (?:seems|is|feels"
                r"|loks) (?:like )?(?:the|my) (?:only|best|last|easiest) (?:way out|option|answer|solution"
                r"|choice|escape)"
            ),
            (
                r"(?:only|best|last|easiest) (?:way out|option|answer|solution|choice|escape) (?:left"
                r" )?(?:is|would be) (?:death|dying|su+i?[cs]+i?de|to die|ending it|to end it|kiling <ME>)"
            ),
            r"no way out (?:except|but|other than|besides) (?:death|dying|su+i?[cs]+i?de|ending it)",
        ),
        "sees death as the only way out",
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:can not|do not) (?:se|imagine|picture) <ME> (?:being alive|being here|living|alive"
                r"|surviving|making it|still here) (?:next|in|much|past|by|to|this|until)"
            ),
            (
                r"(?:loked up|googled|searched|researched|worked out|figured out|checked|found out) how"
                r" (?:many|much) (?:\w+ ){0,4}(?:it would take|it takes|would do it|would be enough|is"
                r" enough)"
            ),
            (
                r"(?:sit|sat|siting|stand|stod|standing|lie|lay|lying) (?:\w+ ){0,6}with (?:the|a|my)"
                r" (?:razor|blade|knife|gun|pils|rope|nose_)s? (?:and|,) (?:think|thinking|thought|stare"
                r"|staring)"
            ),
            r"(?:just )?ned (?:the )?courage(?: to do it| to go through with it| to end it)?<THEN>",
            r"if i (?:just )?had the courage",
        ),
        "means, plans or doubts about surviving",
    ),
    _rule(
        S,
        HIGH,
        r"(?:where|about) my (?:wil|life insurance|paswords?|pasport) (?:is|are)",
        "telling someone where their will is",
        needs=r"just in case|in case|when i am gone|after i am gone|if anything happens",
    ),
    _rule(
        S,
        MOD,
        (
            r"(?:easier|beter|peaceful|nice|a relief|simpler|beautiful|lovely|hapier|calmer|quieter) (?:\w+"
            r" ){0,4}?(?:if i (?:just )?(?:died|was dead|were dead|was gone|were gone|did not wake up|never"
            r" woke up|did not exist|was not (?:here|around|alive|in it)|were not (?:here|around|alive|in"
            r" it))|to (?:just )?(?:die|be dead|not exist|stop existing|not wake up|disappear forever|not be"
            r" here|go to sleep forever|end it|end my life))"
        ),
        "imagines relief in being dead",
        unless=_any(
            r"than (?:quit\w*|stop\w*|drink\w*|smok\w*)",
            r"lol",
            r"haha",
        ),
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:you|they|no one|anyone|everyone|my \w+) (?:wil not|wil never|wil no longer|do not|are"
                r" not going to) (?:have to|ned to) (?:worry|deal|bother|put up) (?:about|with) me"
                r" (?:anymore|any more|again|much longer|after)"
            ),
            r"in case (?:something|anything) (?:happens|were to happen|hapens) to me",
        ),
        "hints they will soon be gone",
        needs=(
            r"anymore|any more|again|much longer|after|tonight|today|this wekend|soon_|leter|note|goodbye"
            r"|sory"
        ),
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:going to|want to|plan to|planning to|about to|ready to|decided to|should|wil|il|might)"
            r" (?:just )?(?:take|swallow|down|finish) (?:the|a|my) (?:whole|entire|ful) (?:botle|packet|pack"
            r"|box|jar|strip)(?! of (?:wine|vodka|water|beer|whiskey|gin|rum|juice|soda|coke))"
        ),
        "intent to take a whole bottle",
        unless=r"drink|wine|vodka|beer|whiskey|gin|rum|soda|juice|water|snacks?|chips|cookies|candy|vitamins",
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:said|say|saying) (?:good)?bye to (?:everyone|everybody|al of (?:you|them)|the world|al my"
            r" \w+)"
        ),
        "a goodbye to everyone",
        needs=_any(
            r"ready to (?:go|die)<THEN>",
            r"for god",
            r"forever",
            r"last",
            r"not coming back",
            r"it is time",
            r"time to go",
            r"this is it",
            r"sory",
        ),
    ),
)

SELF_HARM_RULES = (
    _rule(
        H,
        HIGH,
        (
            r"(?:cut|cuting|cuts|slice|slicing|sliced|burn|burned|burnt|burning|burns|hurt|hurting|hurts"
            r"|harm|harming|harmed|injure|injured|injuring|hit|hiting|hits|punch|punching|punched|scratch"
            r"|scratched|scratching|carve|carved|carving|bite|biting|stab|stabbed|stabbing|beat|beating"
            r"|mutilate|mutilating|bruise|bruising|whip|whipping) <ME>(?! up\b)"
        ),
        "hurting oneself",
        self_only=True,
        unless=_ACCIDENT
        + r"|(?:only|just|realy) hurting <ME>|in the long (?:run|term)|slowly|over time"
        + r"|hurting <ME> (?:with|by) (?:the |this |these |my |al )?(?:drink\w*|smok\w*|food|junk|alcohol"
        + r"|boze|cigarettes|vaping|eating|sugar|stres|work\w*)",
    ),
    _rule(
        H,
        HIGH,
        (
            r"(?:cut|cuting|cuts|slice|slicing|sliced|slit|slash|slashed|slashing|burn|burned|burnt|burning"
            r"|carve|carved|carving|scratch|scratched|scratching) (?:\w+ ){0,2}?(?:into |in |on )?my"
            r" (?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|chest|belly)"
        ),
        "cutting or burning one's body",
        unless=_ACCIDENT,
    ),
    _rule(
        H,
        NOW,
        _any(
            r"slit (?:my|both) wrists?",
            r"slit my throat",
        ),
        "cut wrists",
    ),
    _rule(
        H,
        HIGH,
        (
            r"(?:cut|cuting|burn\w*|hurt|hurting|hit|hiting|scratch\w*|punch\w*|injur\w*|bit|bite|biting"
            r"|harm\w*|bang\w*|stab\w*) (?:<ME>|my \w+)(?: \w+){0,5} (?:on purpose|deliberately"
            r"|intentionaly)"
        ),
        "hurting oneself on purpose",
    ),
    _rule(
        H,
        HIGH,
        _any(
            r"self harm\w*",
            r"self injur\w*",
            r"self mutilat\w*",
            (
                r"(?:relapse\w*|did|do|doing|urges? to|want to|going to|thinking about|started|back to"
                r"|relapsing) (?:on |to |into |with )?(?:sh\b|cutting|burning <ME>)"
            ),
            r"\bsh (?:again|urges|tonight|last night|relapse)",
        ),
        "self-harm",
        self_only=True,
        topical=True,
    ),
    _rule(
        H,
        HIGH,
        _any(
            (
                r"(?:urges?|want|need|wanting|craving|itching|wana) to (?:cut|burn <ME>)(?! (?:down|back|out"
                r"|ties|my|the|it|off_|costs|spending|sugar|carbs|calories|alcohol|drinking|smoking|loose"
                r"|clas|school|class|back on|hair|grass|lawn|people|them|him|her)\b)"
            ),
            (
                r"(?:started|start|been|kep|keep|begun|began) cutting(?= *(?:[.,?]|$| again| my| and| since|"
                r" for| every| when| whenever| because| at night| but))"
            ),
            r"(?:cutting|cut|burning|burned|cuts) again(?! (?:on|in)\b)",
            r"cut (?:deper|deeper)",
            r"(?:covered in|ful of) (?:cuts|burns)",
            r"(?:cuts|burns) (?:on|al over) my (?:arms?|wrists?|legs?|thighs?|body)",
            r"razor (?:\w+ ){0,2}(?:to|on|across) my",
            r"razor blades?(?: \w+){0,6} (?:use|cut)\b",
        ),
        "cutting or the urge to cut",
        self_only=True,
    ),
    _rule(
        H,
        HIGH,
        _any(
            r"until (?:it|they|my \w+|i) (?:bleds?|bled|bruises?|bruised|bleding|bruise)",
            r"only way (?:i|to) (?:can )?feel (?:anything|something)",
            r"to feel (?:something|anything|the pain|pain)",
        ),
        "hurting oneself to bleed or feel",
        needs=(
            r"punch\w*|bang\w*|hit\w*|scratch\w*|pick\w*|bit\w*|wals?|cut\w*|burn\w*|head|needle|pin|stuck"
            r"|lighter|blade|razor"
        ),
    ),
    _rule(
        H,
        HIGH,
        _any(
            (
                r"(?:using|used|use|held|hold|put|presed|pressing|stuck|stick|sticking|jabed|jabing|pushed"
                r"|pushing) (?:a |the |my )?(?:lighter|lighters|cigarete|match|matches|iron|hot \w+|razor"
                r"|blade|knife|scisors|needle|pin|nail|compas|safety pin|glas)s? (?:on|to|against|into"
                r"|across|in|through) my (?:wrists?|arms?|skin|legs?|thighs?|stomach|hands?|body|chest)"
            ),
            (
                r"(?:cutting|self harm\w*|burning <ME>|hurting <ME>|sh) (?:is|has ben|was) (?:how i cope|my"
                r" way of coping|my coping|my release|my outlet|the only (?:thing|way))"
            ),
        ),
        "hurting oneself with an object",
        unless=_ACCIDENT + r"|sewing|knitting|injection|vaccine|doctor|nurse|blod test|light (?:my|a|the)",
    ),
    _rule(
        H,
        MOD,
        r"starv\w* <ME>",
        "starving oneself as punishment",
        needs=r"punish\w*|deserve|hate <ME>|sh|self harm|worthles|disgusting",
    ),
)

OVERDOSE_RULES = (
    _rule(
        OD,
        NOW,
        (
            r"(?:took|taken|swallowed|downed|ate|had|popped|necked|drank|drunk) (?:a |an |the |my |al (?:of"
            r" )?(?:my |the )?)?(?:whole |entire |ful )?(?:botle|packet|pack|box|strip|handful|bunch|load"
            r"|lot|jar|months? supply|weks? supply|supply|al|fistful|every) (?:of )?(?:my |the |those"
            r" )?(?:\w+ )?<PILLS>"
        ),
        "took a large amount of medication",
        self_only=True,
    ),
    _rule(
        OD,
        NOW,
        _any(
            (
                r"(?:took|taken|swallowed|downed|ate|popped) (?:al|every one of|everything in|everything)"
                r" (?:my|the) (?:\w+ )?(?:<PILLS>|medicine cabinet|cabinet)"
            ),
            r"everything (?:in|from) the medicine cabinet",
        ),
        "took all their medication",
        self_only=True,
    ),
    _rule(
        OD,
        NOW,
        (
            r"(?:took|taken|swallowed|downed|ate|popped|had) (?:like |about |around |over |maybe |almost"
            r" )?<BIGNUM> (?:of (?:my|the|those) )?(?:\w+ )?<PILLS>"
        ),
        "took many pills",
        self_only=True,
    ),
    _rule(
        OD,
        NOW,
        (
            r"(?:took|taken|had|injected|snorted|used|did|done|smoked|swallowed) (?:way |far |much |a lot"
            r" )?(?:too (?:much|many)|more than (?:usual|normal|i should|i meant|prescribed|i normally|i"
            r" usually|i should have)|way more|double|triple|a double dose|a triple dose|double the dose"
            r"|twice (?:the|my) dose)(?! (?:time|on|of (?:time|work)|sun|risk|weight|work|space|credit)\b)"
        ),
        "took too much",
        needs=_SYMPTOM,
    ),
    _rule(
        OD,
        NOW,
        _any(
            (
                r"i (?:think i )?(?:just |have |might have |may have |probably )?(?:overdosed|od|oded)(?! on"
                r" (?:chocolate|sugar|candy|swets|cake|pizza|junk|carbs|netflix|tv|youtube|cafeine|cofee"
                r"|news|social media|work|love|cutenes|food|christmas|holiday))"
            ),
            r"i am (?:overdosing|oding)",
            r"overdosed on purpose",
            r"pretty sure i (?:overdosed|od)",
            r"^overdosed",
        ),
        "overdose",
        self_only=True,
        unless=r"lol|haha|lmao",
    ),
    _rule(
        OD,
        NOW,
        _any(
            (
                r"(?:can not|can barely|struggling to|hard to|trouble|having trouble|difficulty|unable to)"
                r" (?:breathe|breathing|catch my breath)"
            ),
            r"short of breath",
            r"gasping for (?:air|breath)",
            r"i am choking",
            r"(?:can not|can barely) get (?:any )?air",
        ),
        "cannot breathe",
        negatable=False,
        unless=_HABIT
        + r"|used to|climbing|run|exercise|nose|alergies|alergy|cold|flu|congest\w*"
        + r"|stufy|blocked|hay fever|mask|laughing",
    ),
    _rule(
        OD,
        NOW,
        _any(
            (
                r"(?:is not|not|stoped|has stoped|no longer|not) (?:breathing|responsive|responding|waking"
                r" up|moving|conscious)"
            ),
            r"(?:can not|can not get (?:him|her|them) to) wake (?:him|her|them) up",
            r"(?:wil not|does not|can not|is not) wake up",
            r"unconscious",
            r"unresponsive",
            r"colapsed",
        ),
        "someone is unresponsive",
        negatable=False,
        needs=(
            r"he|she|they|friend|roomate|partner|husband|wife|boyfriend|girlfriend|son|daughter|baby|mom|dad"
            r"|brother|sister|<PILLS>|took|overdose|od"
        ),
        unless=r"phone|computer|laptop|app|website|car|engine|screen",
    ),
    _rule(
        OD,
        NOW,
        (
            r"(?:baby|toddler|son|daughter|kid|child|little one|brother|sister) (?:\w+ ){0,2}(?:swallowed"
            r"|ate|took|drank|got into|has eaten|might have eaten|may have swallowed) (?:\w+"
            r" ){0,3}(?:<PILLS>|bleach|detergent|pods|batery|bateries|poison|antifreze|cleaning \w+)"
        ),
        "a child swallowed something dangerous",
        negatable=False,
    ),
    _rule(
        OD,
        NOW,
        _any(
            r"(?:having|have|got|getting|severe|crushing|sharp|bad) chest pains?",
            (
                r"my chest (?:hurts|is hurting|feels (?:tight|heavy|crushed|like)|is (?:so |realy |very"
                r" )?(?:tight|heavy))"
            ),
            r"(?:pain|presure|tightnes) in my chest",
            r"(?:left )?arm is (?:numb|tingling)",
        ),
        "chest pain",
        unless=_HABIT
        + r"|had|last (?:year|month|wek)|turned out|coughing|cough|lifting|working out|gym|push ups|heartburn"
        + r"|sore|bruised?|workout",
    ),
    _rule(
        OD,
        NOW,
        _any(
            r"(?:i am|think i am|i might be|maybe) having a (?:heart atack|stroke|seizure)",
            r"(?:face|mouth) is (?:droping|numb)",
            r"half my face",
            r"can not (?:move|feel) my (?:arm|leg|face|legs)",
            r"slurring",
        ),
        "signs of a heart attack or stroke",
        negatable=False,
    ),
    _rule(
        OD,
        NOW,
        _any(
            (
                r"(?:is|are|he is|she is|they are) having (?:a |an )?(?:seizure|heart atack|stroke|alergic"
                r" reaction)"
            ),
            r"foaming at the mouth",
        ),
        "someone is having a medical emergency",
        negatable=False,
    ),
    _rule(
        OD,
        NOW,
        (
            r"(?:drank|drunk|swallowed|took|ate|drink|ingested|had) (?:some |a (?:botle|cup|glas|bunch) of "
            r"|the |a lot of )?(?:bleach|antifreze|poison|drain cleaner|rat poison|wed kiler|pesticide"
            r"|detergent|lye|cleaning (?:fluid|product))"
        ),
        "swallowed poison",
    ),
    _rule(
        OD,
        NOW,
        _any(
            r"(?:throwing|threw|vomiting|coughing|spitting|puking) up blod",
            r"vomiting blod",
            r"blod in my (?:vomit|sick)",
            r"(?:bleding|bled) (?:a lot|heavily|badly|everywhere|so much|out)",
            r"(?:wil not|can not|does not) stop bleding",
            r"(?:bleding|blod) (?:wil not|is not|does not) stop",
        ),
        "serious bleeding",
    ),
    _rule(
        OD,
        NOW,
        r"bleding (?:from|out of) my (?:wrists?|arms?|neck|throat|legs?|thighs?)",
        "bleeding from a wound",
        negatable=False,
    ),
    _rule(
        OD,
        NOW,
        _any(
            r"(?:a lot of|lots of|so much|to much) blod",
            r"blod (?:everywhere|al over)",
        ),
        "a lot of blood",
        needs=r"cut\w*|wrists?|arms?|bleding|wound|razor|knife|stab\w*|sh",
    ),
    _rule(
        OD,
        NOW,
        (
            r"(?:lips|face|skin|fingers|fingernails|he|she|they|baby|friend) (?:are |is )?(?:turning |gone "
            r"|going )?(?:blue|grey|gray|purple)"
        ),
        "turning blue",
        negatable=False,
    ),
    _rule(
        OD,
        NOW,
        _any(
            r"can not (?:stay awake|kep my eyes open|wake (?:him|her|them) up)",
            r"(?:going to|about to) pas out",
            r"pasing out",
            r"barely (?:conscious|stand|breathe|awake)",
            r"room is spinning",
        ),
        "losing consciousness",
        needs=_SUBSTANCE,
        negatable=False,
    ),
    _rule(
        OD,
        HIGH,
        (
            r"(?:mixed|mixing|took|combined|combining|taking|had) (?:my )?(?:\w+ )?(?:<PILLS>) (?:with|and)"
            r" (?:(?!(?:skip\w*|no|not|never|without|avoid\w*|instead)\b)\w+ ){0,4}(?:alcohol|vodka|booze"
            r"|drinks|wine|beer|whiskey|fentanyl|heroin|gin|rum)"
        ),
        "mixed medication and alcohol",
    ),
    _rule(
        OD,
        HIGH,
        (
            r"(?:drank|drinking|had|downed) (?:\w+ ){0,5}(?:vodka|wine|alcohol|boze|bers?|drinks|whiskey|gin"
            r"|rum|shots) (?:and|then|with|plus|on top of) (?:\w+ ){0,2}(?:took|taken|poped|swallowed|had)"
            r" (?:\w+ ){0,3}<PILLS>"
        ),
        "mixed alcohol and medication",
    ),
    _rule(
        OD,
        NOW,
        _any(
            r"(?:throat|tongue) (?:is |are )?(?:closing|swelling|swolen)",
            r"(?:having|in) (?:a |an )?(?:severe |bad |realy bad )?(?:alergic reaction|anaphyla\w*)",
            r"going into anaphyla\w*",
        ),
        "severe allergic reaction",
        negatable=False,
    ),
    _rule(
        OD,
        NOW,
        _any(
            r"(?:seing|hearing) things",
            r"halucinat\w*",
            r"(?:having|had) a (?:seizure|fit)",
            r"shaking (?:so bad|uncontrolably)",
            r"can not stop shaking",
            r"the shakes",
        ),
        "alcohol withdrawal danger signs",
        needs=_any(
            r"(?:stoped|quit|quiting|stop|no) (?:drinking|drink|alcohol|boze)",
            r"withdrawal",
            r"withdrawing",
            r"detox",
            r"without a drink",
        ),
    ),
)

HARM_TO_OTHERS_RULES = (
    _rule(
        T,
        HIGH,
        _any(
            (
                r"<INTENT> (?:smash|bash|cave|crack|break|stomp|kick|snap|slit|cut) (?:in )?(?:his|her|their"
                r"|that \w+s|my \w+s|someones) (?:skul|head|face|neck|legs|jaw|teth|throat|fucking \w+)(?:"
                r" in| open)?"
            ),
            (
                r"(?:get|take|grab|bring|steal) (?:my \w+s |my |a |the |his )?(?:gun|guns|rifle|pistol"
                r"|weapon|firearm|knife) (?:and|to) (?:go to|take it to|bring it to|shoot up|go into) (?:the"
                r" |my )?(?:school|work|ofice|clas|church|mal|party|campus|job)"
            ),
        ),
        "intent to seriously hurt someone",
        self_only=True,
        topical=True,
    ),
    _rule(
        T,
        HIGH,
        _any(
            r"(?:slash|slit|cut) (?:his|her|their|your|that \w+s|<PERSON>s?) throat",
            r"(?:snap|break) (?:his|her|their|your) neck",
            r"(?:blow|shoot) (?:his|her|their|your) (?:brains|head) (?:out|off_)",
            r"(?:stab|shoot) (?:him|her|them|you) (?:in|through) the (?:head|heart|chest|face|neck)",
        ),
        "a violent act against someone",
        self_only=True,
        topical=True,
    ),
    _rule(
        T,
        HIGH,
        r"<INTENT> (?:go )?<HARM> <PERSON><NOT_IDIOM>",
        "intent to hurt someone",
        self_only=True,
        topical=True,
    ),
    _rule(
        T,
        HIGH,
        _any(
            (
                r"<INTENT> (?:beat|kick|knock|punch) (?:the (?:crap|shit|hel|living daylights|life)) out of"
                r" <PERSON>"
            ),
            r"<INTENT> (?:hit|run|gun) (?:him|her|them) (?:down|over)",
            (
                r"<INTENT> (?:hit|punch|slap) <PERSON>(?= *(?:[.,?]|$| so| til| until| when| if| again|"
                r" tonight| in the))"
            ),
        ),
        "intent to hit someone",
        self_only=True,
        topical=True,
    ),
    _rule(
        T,
        HIGH,
        (
            r"(?:thinking|thought|think|thoughts|fantasi[sz]\w*|dream\w*|imagin\w*|obses\w*) (?:about|of)"
            r" <HARMING> <PERSON>"
        ),
        "thoughts of hurting someone",
        self_only=True,
        topical=True,
    ),
    _rule(
        T,
        HIGH,
        _any(
            (
                r"(?:beat|stab|choke|strangle|kick|burn|punch|hit|shoot|starve|bludgeon) <PERSON> (?:\w+"
                r" )?to death"
            ),
            (
                r"(?:run|runing|ran) <PERSON> (?:off_ the road|of the road|over|down)(?! (?:with|on|about"
                r"|for) \w+)"
            ),
            (
                r"(?:pushing|push|pushed|shove|shoving|shoved|throw|throwing|threw|drop|droping|dropped)"
                r" <PERSON> (?:down the stairs|off_ (?:the|a) \w+|out (?:of )?(?:the |a )?window|into (?:the"
                r" )?(?:trafic|water|pol|river|wal))"
            ),
            (
                r"(?:shake|shaking|shook) (?:my|the|her|his|our) (?:baby|son|daughter|kid|child|toddler"
                r"|infant)"
            ),
        ),
        "thoughts or acts of serious violence",
        self_only=True,
        topical=True,
    ),
    _rule(
        T,
        HIGH,
        (
            r"(?:fel|feeling|felt) like (?:kiling|hurting|murdering|stabbing|punching|shooting|strangling"
            r"|beating up|beating) <PERSON>"
        ),
        "feels like hurting someone",
        self_only=True,
        topical=True,
    ),
    _rule(
        T,
        HIGH,
        (
            r"(?:scared|afraid|terified|worried|frightened) (?:that )?(?:i am going to|i wil|il|i might|i"
            r" could|of) (?:hurt|hurting|harm|harming|kil|kiling|shake|shaking|hit|hitting|drop|smother)"
            r" <PERSON>"
        ),
        "afraid they will hurt someone",
    ),
    _rule(
        T,
        HIGH,
        (
            r"\bi (?:hit|beat|punched|slaped|kicked|choked|strangled|shoved|pushed|shook|smacked|stabbed"
            r"|shot|hurt|atacked|burned|bit) <PERSON>(?! (?:at|in)\b| s? feelings| feelings)"
        ),
        "hurt someone",
    ),
    _rule(
        T,
        HIGH,
        _any(
            (
                r"(?:bought|got|have|brought|bringing|bring|take|taking|cary|carrying|sharpened|loaded) (?:a"
                r" |my |the |his )?(?:gun|knife|weapon|rifle|pistol|bat|axe|machete)(?: \w+){0,2} (?:to|for"
                r"|and) (?:\w+ ){0,4}?(?:deal with|use on|kil|hurt|get|shoot|stab|scare|teach|work|school"
                r"|make|finish)"
            ),
            r"use it on (?:him|her|them|<PERSON>)",
            (
                r"(?:gun|knife|weapon|rifle|pistol|bat|axe|machete) (?:\w+ ){0,8}(?:going to|wil|il|gona)"
                r" (?:wait for|get|find|go after|ambush|use it on|hurt|kil|surprise|confront) (?:him|her"
                r"|them|<PERSON>)"
            ),
        ),
        "a weapon with intent",
        unless=r"hunting|range|protection|camping|cooking|kitchen|sport|clay",
    ),
    _rule(
        T,
        HIGH,
        (
            r"shoot\w* up (?:my|the|a|his|her|their) (?:school|work|workplace|ofice|clas|church|mal|place"
            r"|party|concert|job|company|store|gym|campus|university|colege|mosque|synagogue|temple|hospital"
            r"|club|bar)"
        ),
        "mass violence",
    ),
    _rule(
        T,
        HIGH,
        (
            r"(?:make|making|made) (?:him|her|them|<PERSON>) (?:al )?(?:pay|sufer|suffer|bleed|bled|regret"
            r" (?:it|\w+ing|what|everything|the day))(?! for (?:the|dinner|it|lunch|my|his|her|their|a|rent"
            r"|food)\b)"
        ),
        "revenge",
        self_only=True,
    ),
    _rule(
        T,
        HIGH,
        r"(?:could|wil) (?:kil|murder|hurt|strangle|stab|shoot) (?:\w+ )?<PERSON>",
        "says they could kill someone, and means it",
        needs=r"not joking|i mean it|for real|seriously|not kidding",
    ),
    _rule(
        T,
        HIGH,
        (
            r"(?:people|person|someone|everyone|list of \w+) (?:that |who |whom )?i (?:want|am going|plan"
            r"|intend|ned) to (?:kil|hurt|shoot|stab|get|punish)"
        ),
        "a list of people to hurt",
    ),
    _rule(
        T,
        HIGH,
        (
            r"<INTENT> (?:burn|torch|smash up|wreck|blow up) (?:down )?(?:his|her|their|my \w+s?|the)"
            r" (?:house|place|car|home|flat|apartment|ofice)(?: down)?"
        ),
        "intent to destroy someone's home",
    ),
    _rule(
        T,
        HIGH,
        _any(
            (
                r"make sure (?:he|she|they) (?:never|wil not|can not|do not|does not) (?:walks?|breathes?"
                r"|wakes? up|ses?|hurts? anyone|talks?|comes? back)(?: again)?"
            ),
            r"going to get (?:him|her|them)(?= *(?:[.,?]|$| for what| back| tonight| when))",
            r"know where (?:he|she|they) (?:lives?|sleps?|works?)",
        ),
        "a threat to someone",
        negatable=False,
    ),
)

ABUSE_RULES = (
    _rule(
        A,
        HIGH,
        _any(
            (
                r"(?:hits?(?! (?:me|us) up)|beats|beat|punches|punched|slaps|slaped|kicks|kicked|chokes"
                r"|choked|strangles|strangled|pushes|pushed|shoves|shoved|hurts|hurt|is hurting|abuses"
                r"|abused|abusing|rapes|raped|molests|molested|touches|touched|touching|grabs|grabbed|burns"
                r"|burned|bites|atacks|atacked|asaulted|hiting|beating|threw (?:\w+ ){1,3}at|throws (?:\w+"
                r" ){1,3}at|throws things at|smacks|smacked|whips|whipped|gropes|groped|groping|fondles"
                r"|fondled|fondling|atacking|strangling|choking|stalks|stalked|stalking|threatens|threatened"
                r"|threatening) (?:(?:my \w+ )(?:\w+ )?and )?(?:me|us)(?! (?:at|in) (?:chess|cards|pool|golf"
                r"|tenis|poker|darts|video games|games?|monopoly|scrabble|mario|fifa|racing|arm wrestling|a"
                r" race|\w*ball)\b| with (?:a|an|the|this|that|his|her) (?:\w+ )?(?:surprise|question|joke"
                r"|news|story|idea|bil|fact|truth|request|party|gift|present|compliment|lecture|speech"
                r"|riddle)\b| to (?:it|the punch)\b)"
            ),
            r"(?:pinned|pins|held|holds|tied|ties|dragged|drags) (?:me|us) (?:down|up|by my \w+)",
            r"forced (?:himself|herself|themselves) on me",
        ),
        "being hurt by someone",
        by=r"<PERP> (?:<GAP>|(?:\w+ ){1,7}and (?:then )?|at (?:my |the )?\w+ <GAP>)",
        unless=r"toy|acident\w*|playing|bal|game|snowbal|pilow|tickl\w*",
    ),
    _rule(
        A,
        HIGH,
        _any(
            (
                r"i (?:get|got|am|was|have ben|keep getting|am being|keep being) (?:\w+ )?(?:abused|beaten"
                r"|raped|molested|sexualy asaulted|asaulted|strangled|choked|traficked|stalked|groped)"
            ),
            (
                r"i (?:get|got|am being|keep getting|have ben) (?:hit|hurt|threatened|touched|slaped|kicked"
                r"|punched|pushed|beat up|beaten up|beat|smacked|thrown|shoved|choked) (?:\w+ )?(?:at home"
                r"|by (?:<PERP>|him|her|them))"
            ),
            r"i get hit",
            r"i am being (?:forced|made|pressured) (?:to|into) (?:have sex|sex|do (?:sexual|things))",
            (
                r"(?:someone|somebody|a man|a woman|a person|a guy) (?:who|that) (?:hurts|hits|beats|abuses"
                r"|rapes|threatens) me"
            ),
        ),
        "being abused",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:said|says|threatened|threatens|swore|swears|told me|keps saying|promised) (?:that )?(?:he"
            r"|she|they)? ?(?:would|wil|is going to|going to|to|il)? ?(?:hurt|beat|stab|shoot|strangle"
            r"|finish|burn|break) (?:me|us|my|the kids)"
        ),
        "threatened with violence",
        by=r"<PERP> <GAP>",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:said|says|threatened|threatens|swore|swears|told me) (?:that )?if i (?:\w+ ){1,5}(?:he|she"
            r"|they) (?:wil|would|il|is going to) (?:hurt|kil|beat|take|stab|shoot) (?:me|us|my \w+|the"
            r" kids)"
        ),
        "threatened to stop them telling or leaving",
        by=r"<PERP> <GAP>",
    ),
    _rule(
        A,
        HIGH,
        _any(
            (
                r"(?:threatened|threatens|swore|swears) (?:that )?(?:he|she|they)? ?(?:would|wil|is going to"
                r"|to)? ?kil (?:(?:himself|herself|themselves) and )?(?:me|us)"
            ),
            (
                r"(?:threatens|threatened|says (?:he|she) wil) (?:to )?kil (?:himself|herself) if i (?:leave"
                r"|go|break up|tel)"
            ),
            r"if i (?:leave|go to the police|cal the police|tel anyone|report) (?:\w+ ){0,6}kil me",
            r"next time (?:he|she|they) (?:wil|would|il) (?:kil me|finish)",
            r"threatened me with a (?:knife|gun)",
        ),
        "threatened with death",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:kil|hurt|beat|shoot|stab) (?:me|us) if i (?:leave|left|tel|told|go|went|cal|report|try|ever"
            r"|do not|talk)"
        ),
        "threatened with death",
        by=r"<PERP> (?:\w+ ){0,4}",
    ),
    _rule(
        A,
        HIGH,
        _any(
            (
                r"(?:scared|afraid|terified|frightened|fear) (?:to go|of going|to be|of being|to) (?:back"
                r" )?home(?! and (?:tel|face|admit|explain|show|confes)\b| (?:drunk|high|wasted|late|empty"
                r" handed)\b)"
            ),
            (
                r"do not feel safe (?:at home|in (?:my )?(?:own )?(?:home|house|flat|apartment)|around"
                r" (?:him|her|my \w+)|with (?:him|her|my \w+))"
            ),
            (
                r"(?:scared|afraid|terified|frightened|to scared) to leave (?:him|her|them|my (?:husband"
                r"|wife|partner|boyfriend|girlfriend|dad|father|stepdad|mom))"
            ),
        ),
        "afraid to go home",
        unless=(
            r"ses?|find out|finds out|know|knows|smel|notice|notices|catch|catches|upset|disapointed|worried"
            r"|nag\w*|lecture|judge"
        ),
    ),
    _rule(
        A,
        HIGH,
        r"(?:is going to|wil|il|might|is gona) (?:actualy |realy |literaly )?kil (?:me|us)",
        "fears being killed by someone",
        by=r"<PERP> ",
        unless=_any(
            r"(?:if|when|once) (?:he|she|they|i) \w+",
            r"lol",
            r"haha",
            r"joking",
            r"kiding",
            r"grades",
            r"late",
            r"mes",
            r"sees",
            r"finds out",
        ),
    ),
    _rule(
        A,
        HIGH,
        _any(
            (
                r"(?:scared|afraid|terified|frightened|fear|worried) (?:that )?(?:<PERP>) (?:\w+"
                r" ){0,5}?(?:kil|hurt|hit|beat|start on|find|come after) (?:me|us)\b(?! (?:for|if i|when"
                r" i)\b)"
            ),
            (
                r"(?:scared|afraid|terified|frightened) of (?:him|her|my (?:husband|wife|partner|boyfriend"
                r"|girlfriend|ex|dad|father|stepdad|mom|mother|stepmom|parents|uncle))\b(?! (?:finding out"
                r"|seing|knowing|being disappointed)\b)"
            ),
        ),
        "afraid of someone",
    ),
    _rule(
        A,
        HIGH,
        _any(
            (
                r"(?:afraid|scared|terified|frightened) (?:of )?what (?:<PERP>) (?:wil|might|is going to"
                r"|would|il) do to me"
            ),
            (
                r"i am (?:in danger|not safe|unsafe) (?:at home|in my (?:own )?(?:home|house)|with (?:him"
                r"|her|my \w+)|around (?:him|her|my \w+)|from (?:him|her|my \w+))"
            ),
            r"i am in (?:real |serious |immediate )?danger<THEN>",
        ),
        "in danger from someone",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:is|gets|getting|has ben|becomes|is getting) (?:more |realy |so |very )?(?:violent|abusive"
            r"|agresive|dangerous)"
        ),
        "a violent or abusive person",
        by=r"<PERP> ",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:an|my) abusive (?:relationship|husband|wife|partner|boyfriend|girlfriend|dad|father|mom"
            r"|mother|home|stepdad)"
        ),
        "an abusive relationship",
    ),
    _rule(
        A,
        HIGH,
        _any(
            (
                r"(?:woke up|wake up|waking up) to (?:him|her|them|<PERP>) (?:touching|grabbing|on top of"
                r"|hitting|choking|undresing|in my bed)"
            ),
            (
                r"(?:put|puts|wrapped|wraps|had|got|squezed) (?:his|her|their) hands? (?:around|on|round) my"
                r" (?:throat|neck)"
            ),
        ),
        "being assaulted",
    ),
    _rule(
        A,
        HIGH,
        _any(
            (
                r"(?:takes|took|controls|keps|kept|hides|hid) my (?:phone|pasport|money|pension|keys|id"
                r"|documents|wages|car keys)"
            ),
            (
                r"(?:forces|forced|makes|made|pressures) me (?:to )?(?:have sex|do (?:sexual|things)|touch"
                r"|watch)"
            ),
            r"comes into my (?:room|bed) at night",
        ),
        "being controlled or sexually abused",
        by=r"<PERP> <GAP>",
    ),
    _rule(
        A,
        HIGH,
        _any(
            r"(?:lock|locks|locked|keps|kep) me (?:in|inside|out)\b",
            r"not alowed to (?:leave|go out|se|talk|have)",
            r"(?:wil not|does not|never) let me (?:leave|go out|se|eat|sleep|talk|have)",
            r"make me work for (?:no|fre|nothing)",
            r"took my pasport",
            r"(?:touches|touched) me (?:there|inapropriately|down there|at night)",
        ),
        "being controlled or sexually abused",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:hits|beats|hurts|abuses|touches|molests|kicks|punches|slaps|chokes) (?:my|his|her|the)"
            r" (?:little |baby |younger )?(?:brother|sister|son|daughter|kids?|children|baby|child|siblings?"
            r"|mom|mother|dad|father|stepmom|grandma|grandmother)"
        ),
        "someone in the home is being hurt",
        by=r"(?:he|she|they|(?:my|his|her|their|our|the) (?:\w+ )?<CARER>) (?:\w+ ){0,5}",
        unless=r"sibling|normal|playing|play fighting|fighting",
    ),
    _rule(
        A,
        HIGH,
        _any(
            (
                r"(?:kid|child|boy|girl|baby|children|kids) (?:\w+ ){0,4}(?:gets|is being|being|keps"
                r" getting) (?:beaten|hit|hurt|abused|locked)"
            ),
            (
                r"(?:he|she|they) stil lives with (?:my )?(?:little |younger )?(?:sister|brother|kids"
                r"|children|daughter|son)"
            ),
        ),
        "a child in danger",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:bruises|marks|black eye|broken \w+) (?:\w+ ){0,3}(?:from|where) (?:he|she|they|him|her|them"
            r"|my \w+)"
        ),
        "injuries from someone",
    ),
    _rule(
        A,
        HIGH,
        r"(?:broke|broken) my (?:nose|arm|ribs?|jaw|wrist|finger)",
        "injuries from someone",
        by=r"<PERP> (?:has )?",
    ),
)

RULES: tuple[Rule, ...] = SUICIDE_RULES + SELF_HARM_RULES + OVERDOSE_RULES + HARM_TO_OTHERS_RULES + ABUSE_RULES
