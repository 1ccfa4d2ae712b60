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
appear in the same sentence (``unless_nearby``: not nearby either); ``by`` one that the words just before
the match must end with — who is doing it ("*my husband* hits me", not "*my toddler* hits me").

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
        r"|ketamine|drugs|cough syrup|cough medicine|nyquil|robitussin|methadone|benadryl"
        # Named medicines people keep at home: antidepressants, benzodiazepines, sleepers, painkillers.
        r"|sertraline|zoloft|citalopram|escitalopram|lexapro|fluoxetine|prozac|paroxetine|venlafaxine|efexor"
        r"|mirtazapine|amitriptyline|nortriptyline|trazodone|diazepam|lorazepam|clonazepam|alprazolam|temazepam"
        r"|klonopin|ativan|propranolol|quetiapine|olanzapine|risperidone|zolpidem|codamol|co codamol|nurofen"
        r"|naproxen|gabapentin|pregabalin|lyrica|buprenorphine|subutex|oxycontin|hydrocodone|dihydrocodeine"
        r"|diphenhydramine|antihistamines|sleeping tablets|beta blockers|warfarin|digoxin|metformin"
        r"|anti depressants|anti depresants)"
    ),
    "BIGNUM": (
        r"(?:[1-9]\d+|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        r"|twenty|thirty|forty|fifty|sixty|hundred|a hundred|dozens?|a dozen)"
    ),
    # After a number: "took 100 mg sertraline" is a dose, "took 30 sertraline" is a count.
    "NOT_A_DOSE": r"(?! ?(?:mg|mgs|ml|mcg|milligrams?|micrograms?|units|iu)\b)",
    # Adults who can hurt the client (a toddler or a pet hitting them is not abuse).
    "ADULT": (
        r"(?:husband|wife|partner|spouse|boyfriend|girlfriend|ex|fiance|fiancee|dad|daddy|father|mom|mother"
        r"|stepdad|stepfather|stepmom|stepmother|parents?|uncle|aunt|grandpa|grandfather|grandma"
        r"|grandmother|brother|sister|cousin|son|daughter|stepson|stepdaughter|nephew|caregiver|carer|boss"
        r"|landlord|teacher|coach|pastor|priest|roommate|flatmate|housemate|neighbor|family|man|guy|manager"
        r"|supervisor|colleague|coworker|tutor|doctor|instructor|employer|grandson|granddaughter|grandchild"
        r"|grandkids|stepbrother|stepsister|lodger|son in law|daughter in law|nan|nana|gran|granny|missus)"
    ),
    "PERSON_NOUN": (
        r"(?:husband|wife|partner|spouse|boyfriend|girlfriend|ex|fiance|fiancee|dad|father|mom|mother"
        r"|stepdad|stepfather|stepmom|stepmother|parents?|uncle|aunt|grandpa|grandfather|grandma"
        r"|grandmother|brothers?|sisters?|cousins?|sons?|daughters?|stepson|stepdaughter|nephew|niece"
        r"|caregiver|boss|manager|supervisor|coworkers?|co workers?|colleagues?|landlord|teachers?|coach"
        r"|classmates?|roommates?|flatmates?|housemates?|neighbors?|friends?|man|woman|guy|guys|girl|boy"
        r"|dude|lady|bitch|bastard|asshole|prick|kids?|child|children|baby|babies|toddler|family|people"
        r"|students?|cops?|police|stepbrother|stepsister|stepmum|stepmom|stepdad|stepfather|stepmother"
        r"|flatmate|housemate|brother in law|sister in law|father in law|mother in law)"
    ),
    "INTENT": (
        r"(?:want to|wanted to|going to|i will|il|about to|plan to|planning to|intend to|need to|decided to"
        r"|ready to|trying to|tried to|swear i will|have to)"
    ),
    "HARM": (
        r"(?:kil|murder|stab|shoot|strangle|choke|hurt|harm|beat|beat up|attack|poison|punch|slap|kick|bash"
        r"|smother|suffocate|drown|torture|rape|shank|knife|run over|cut|glas|batter|deck|flor|brick"
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
# What someone is hurt with: "going after him *with a bat*".
_WORDS["WEAPON"] = (
    r"(?:bat|basebal bat|knife|kitchen knife|hamer|blade|brick|broken botle|crowbar|machete|axe|gun|iron bar|poker"
    r"|golf club|hatchet|screwdriver|wrench|spaner|pipe|shank|shotgun|rifle|pistol)"
)
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
    r"| in (?:a |the )?(?:game|match|race|chess|cards|pool|\w*ball|(?:\w+ )?(?:final|cup|league|derby|quiz"
    r"|tournament|semis?))| with kindnes"
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
    unless_nearby: re.Pattern[str] | None = None


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
    if isinstance(guards.get("unless_nearby"), str):
        guards["unless_nearby"] = _compile(guards["unless_nearby"])
    return Rule(category, severity, _compile(rf"(?:{pattern})\b"), reason, **guards)  # type: ignore[arg-type]


# "I want to die" said of embarrassment, a hangover, a boring meeting or a song: a figure of speech.
_FIGURE_OF_SPEECH = _any(
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
    r"(?:song|film|movie|book|poem|show|album|novel|story|lyrics|episode|play|series) (?:is|was|are|were)"
    r" (?:al )?about",
)
S, H, OD, T, A = "suicide", "self_harm", "overdose", "harm_to_others", "abuse"
MOD, HIGH, NOW = "moderate", "high", "imminent"

_ACCIDENT = (
    r"by accident|accidentally|accident|shaving|cooking|chopping|onions?|oven|stove|iron|kettle|pan|tray"
    r"|gym|workout|deadlifts?|squats?|lifting|running|playing|football|tripped|fel (?:over|down|off_)|slipped"
    r"|ice|stairs"
    r"|hike|hiking|bike|skiing|sport|garden|gardening|dishes|opening"
    r"|on (?:a|the|some) (?:tin|can|glas|paper|box|edge|corner|nail|fence|bramble|thorn|rock|shel|lid)"
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
# Where people cut, burn or scratch themselves.
_BODY = (
    r"(?:arms?|forearms?|wrists?|legs?|thighs?|calf|calves|shins?|ankles?|hands?|fingers?|fingertips|skin|stomach"
    r"|hips?|chest|belly|feet)"
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
            r"|deleting|yeet|yeeting|electrocute|starve|top|toping|toped|neck|necking|necked) <ME>"
            r"(?! in (?:work|the foot|paperwork|drink)| up|"
            r" with (?:the |these )?(?:cigarettes|smoke|junk|food|sugar|alcohol|booze|drinks?|vapes?))"
        ),
        "method or wish to end one's own life",
    ),
    _rule(
        S,
        HIGH,
        r"(?<![0-9] )kms|kil me self|kil my self",  # not a distance: "we drove 300 kms"
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
        (
            r"(?:(?:kill|hang|shoot) (?:him|her|them)sel(?:f|ves)|(?:end|take)(?:s|ing)? (?:his|her|their) (?:own )?life"
            r"|(?:wants?|wanted|wanting) to die)(?: \S+){0,8}? (?:and |but )?(?:so (?:have|am|do|did|will|would) i"
            r"|as (?:do|have|am|will|would|did) i|me (?:to|too|as wel)|same (?:here|for me|with me)"
            r"|i (?:do|have|am|will|would|did|feel|want to)(?: the same)? (?:to|too|as wel)|i feel the same(?: way)?)"
            r"(?= [.?,!;]| *$)"
        ),
        "someone else's wish to die, joined by the client's own (\"…and so have I\")",
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
                r" than (?!(?:kep|go on|live|living|continue|stay|wake|face|be|fel|cary on|do this)\b))"
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
        unless=_FIGURE_OF_SPEECH,
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:want|wanted|wanting|need|ready|hope|hoping|wish|wishing|deserve|plan|planing|decided|trying"
            r"|tried|about) (?:to|2) (?:die|dye(?= *(?:[.,?]|$| honestly| so bad| already| tonight| right now)))"
            r"(?! (?:my|your|her|his|the) hair| for (?:my|the|a|this|that|our|him"
            r"|her)| of (?:laughter|embarasment|boredom|shame|hunger))"
        ),
        "wish to die",
        self_only=True,
        unless=_FIGURE_OF_SPEECH,
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:wish|wished|wishing|hope|hoping|pray|praying) (?:that )?i (?:was|were|would|could|would just|could"
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
                r" (?!(?:kep|go on|live|living|continue|stay|wake|face|be|fel|cary on|do this)\b))"
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
            r" pain|it al of)(?: al)? to (?:end|be over|stop(?: [.,])?(?: like| just)? (?:forever|permanently"
            r"|for god|for ever))<THEN>"
        ),
        "wish for everything to end",
        self_only=True,
    ),
    _rule(
        S,
        MOD,
        (
            r"(?:want|ready|wish|ned) (?:to be|i was|i were|i could be) (?:\w+ )?(?:done|gone|asleep|at rest)(?:"
            r" [.,])?(?: like| just)? (?:\w+ )?(?:forever|for ever|for god|permanently)(?: done| gone)?<THEN>"
        ),
        "wants to be gone for good",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:do not|did not|no longer|not|never) (?:even |realy |truly |actualy |honestly )?(?:want|wish|feel"
            r" like it is worth it) to (?:live|be"
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
            # "not sure if I want to live with my auntie and uncle" is about where, not whether
            r"not sure (?:if )?i (?:want to|wana) (?:live(?! (?:in|with|near|at|there|on|under|by|without|somewhere"
            r"|together|alone|abroad|here|nearby|closer)\b)|be alive|be here|keep living|go on|exist|keep going)"
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
            (
                r"(?:life|living|existing|being alive|my life|everything) (?:is|feels|seems|has become|just"
                r" feels) (?:so |completely |totaly |just |utterly |realy )?(?:pointles|meaningles)"
            ),
            r"no point (?:in )?(?:living|being alive)",
            r"why (?:even |should i |would i )?(?:live|keep living|stay alive|go on living)\b"
            r"(?! (?:like|in|with|here|there|near|at|so|on)\b)",
            r"why bother (?:living|staying alive|being alive)",
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
                r"(?:cope|manage|do|get on|be) beter (?:without me|if i (?:was|were) not (?:in the picture|in their"
                r" lives|around|here))"
            ),
            (
                r"(?:relieved|hapier|beter|easier|glad|fine|lighter|fre|beter (?:off_|of)) (?:\w+ ){0,3}?if"
                r" i (?:just )?(?:died|was dead|were dead|was gone|were gone|kiled <ME>|disappeared"
                r" (?:permanently|forever|for god)|never woke up|did not wake up)"
            ),
            r"beter (?:place )?without me",
            (
                r"(?:would|wil|be|are) (?:al )?(?:be )?(?:so |so much |a lot |much )?(?:hapier|beter|easier)"
                r" (?:of |off_ )?without me(?! (?:at|for|on|in|while|when|there|around|tonight|today)\b)"
            ),
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
                r" me|notice|care) ?(?:if|when) i (?:just |simply )?(?:was|were|am|died|die|disappeared|disappear"
                r"|left(?= *(?:[.,?]|$| forever| for god| this world| and never))|kiled"
                r"|did not(?! (?:speak|talk|say|reply|answer|post|text|come in|turn up|show up|go to|bother))"
                r"|vanished|gone|dead|was not|stoped existing)"
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
                r"(?:sleep|go to sleep|go to bed|fal asleep|close my eyes|lie down) (?:and|n|&) (?:never|not|do"
                r" not|did not) (?:have to )?(?:wake up|wake(?! up\b)|get up again|open them again)(?! (?:on time|early"
                r"|in time|at|until"
                r"|til|for|before|when|to)\b)"
            ),
            r"never wake up",
            (
                r"(?:hope|hoping|wish|wishing|pray|praying|would not mind|would be nice|be easier|be beter"
                r"|if) (?:that )?i (?:just )?(?:do not|did not|would not|wil not|never|could not) (?:wake up"
                r"|woke up)(?! (?:on time|early|in time|at|until|til|for|before|when|to)\b)"
            ),
            r"(?<!could )(?<!would )sleep forever",
            r"(?:want|wish|ned|would like) to (?:just )?stop waking up",
            r"wish i could (?:just )?stop waking up",
            r"(?:fal|go) asleep forever",
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
            r"(?:stop|stoped|stoping) existing",
            (
                r"(?:want|wish|wishing|ned|hope|just) (?:\w+ ){0,3}?(?:disappear|vanish) (?:forever|for ever|for god"
                r"|permanently|and never (?:come back|return|be found|wake up)|and not come back|off_ the face of"
                r" the earth)"
            ),
            r"(?:wish|want|ned) (?:i could |to )(?:just )?stop being(?= *(?:[.,?]|$| alive))",
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
            (
                r"(?:hop\w*|pray\w*|wish\w*) (?:that )?i (?:get|am|die|end up|get kiled) (?:in |into )?(?:an? |a"
                r" car |a fatal )?(?:accident|crash|car crash|hit by|cancer|kiled)"
            ),
            r"hoping for (?:an? )?(?:accident|crash)",
            (
                r"hop(?:e|es|ing) (?:that )?(?:the|my|our) (?:plane|flight) (?:goes down|crashes|would crash|wil"
                r" crash|would go down|fals out of the sky)"
            ),
            (
                r"hop(?:e|es|ing) (?:that )?(?:an accident|a crash|something(?: bad| terible| fatal)?) (?:\w+"
                r" )?(?:happens|would happen|wil happen) to me"
            ),
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
                r" up|did not make it(?: home| back| through (?:the night|tonight|today))?(?! to| into| in| on"
                r" time))"
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
            r"can not (?:keep living|keep existing|live|go on living) like this",
            (
                r"can not (?:keep |go on |cary on )?(?:doing|do) (?:this |the )?(?:whole )?(?:being alive|living"
                r"|life|existing|existence|being a person|being human)(?= *(?:[.,?]|$| thing| anymore| any more"
                r"| much longer| no more))"
            ),
        ),
        "cannot go on",
        negatable=False,
        unless=(r"drinking|smoking|vaping|gambling|job|work|this job|mould|mold|damp|neighbors|landlord"),
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
                r"(?:think|thinking|thought|thoughts|fantasi\w*|dream\w*|obses\w*|urges?) (?:a lot |so much"
                r" |constantly |again |more )?(?:about|of)"
                r" (?:dying(?! (?:my|her|his|it|the|their) )|being dead|(?:just )?not being (?:here|alive|around)"
                r"|not existing|no longer existing|my death|ending (?:my life|things|it)(?! with| betwen| of_"
                r"| of\b))"
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
            r"|burden)(?: for (?:anyone|anybody|you|them|everyone))?) (?:much longer|for (?:much )?longer|for"
            r" long|anymore|any"
            r" more|after (?:tonight|today|this|tomorow)|soon_|by (?:tomorow|monday|next week)|to see"
            r"|to (?:look after|take care of|care for|feed|walk) (?:him|her|them|it|my \w+))"
        ),
        "says they will not be around",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        # "I won't be around for my fortieth in March": not there for a day that is coming, with no trip or
        # work that would take them away
        (
            r"(?:wil not|not going to|wil no longer|not gona) be (?:around|here|alive) for (?:my|his|her|their|our"
            r"|your|the) (?:\w+ ){0,2}(?:birthday|\w+ieth|christmas|anniversary)"
        ),
        "says they will not be around for a day that is coming",
        negatable=False,
        unless=r"holiday|trip|away|abroad|working|work|shift|travel\w*|flying|flight|visiting|moving|staying|cruise",
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
            (
                r"this (?:is|wil be|might be|could be|may be) (?:probably |likely |prob |definitely |realy )?(?:my"
                r" |the )?(?:last|final) (?:message|text|post|goodbye|time (?:we wil|you wil|i wil|we|you|i"
                r"|anyone wil|anyone) (?:talk|speak|hear from|se|chat|message))"
            ),
            r"this is goodbye",
            r"goodbye (?:forever|world|everyone|cruel world)",
            r"(?:said|say|saying) (?:al )?my goodbyes?",
            (
                r"(?:wanted|want|needed|need) to say goodbye (?:before|to someone|to you|to everyone|one"
                r" last)"
            ),
            r"(?:went|been|gone|going) (?:round|around) (?:and )?(?:saying|said|to say) (?:my )?goodbyes?",
            (
                r"(?:said|saying) (?:my )?goodbyes? to (?:everyone|everybody|al my \w+|my (?:family|friends|kids"
                r"|children|parents|mom|dad|sister|brother|son|daughter))"
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
            # an ordinary parting: a trip, a move, a leaving do, or someone else's death
            r"leaving",
            r"party",
            r"airport",
            r"station",
            r"holiday",
            r"trip",
            r"flight",
            r"emigrat\w*",
            r"uni|university|colege",
            r"exams?",
            r"hospice|hospital|funeral|died|pased away",
            r"retir\w*|new job|after \w+ (?:years|yrs)",
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
            r"(?:giving|gave|give|selling|sold|given)(?! me\b) (?:away )?(?:[\w,]+ ){0,6}?(?:i (?:wil not|do not|am"
            r" not going to) (?:ned|be neding)|wil not be neding) (?:it|them|those|these|any of (?:it|this|them))(?:"
            r" anymore| any more| where i am going| after)?"
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
        needs=r"done|goodbye|end|over|ready|last|finaly|sorry|forgive me",
        unless=r"match|game|party|date|concert|show|gig|team|final|premiere|launch|exam|interview|wedding|proposal",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"after tonight (?:none of (?:this|it)|nothing) (?:wil )?matters?",
            r"soon_ (?:it|nothing) (?:wil not|is going to) matter",
            r"none of (?:this|it) wil matter (?:soon_|after|anymore)",
            r"check(?:ing)? out (?:permanently|for good|of life|of this life|of this world)",
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
            r"i (?:honestly |realy |just |truly |actualy )?(?:can not|could not|am not able to) (?:keep <ME>|stay|be) safe",
            r"i do not feel safe (?:with|around|from|being alone with) <ME>",
            (
                r"do not trust <ME> (?:tonight|right now|alone|(?:around|with|near) (?:my |the |a )?(?:\w+"
                r" )?(?:<PILLS>|gun|knife|razor|blades?|car|rope))"
            ),
            r"(?:going to|might|wil|il|could) do something (?:\w+ )?to <ME>",
        ),
        "cannot stay safe",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        r"(?:scared|afraid|worried|terified|frightened) (?:that )?i (?:wil|might|am going to|could) do something"
        r" (?:stupid|drastic|dumb|i (?:can not|wil not be able to) take back)",
        "afraid of what they might do",
        needs=r"tonight|today|later|right now|alone|to <ME>|again|anymore|any more|end|die|hurt",
        unless=r"like|text\w*|cal|caling|message|say|spend|buy|eat|email|post|drunk|drink\w*|quit|job|relapse",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        r"(?:do not|not) (?:plan|planing|intend\w*|expect\w*) (?:on |to )?(?:be|being) (?:here|around|alive)"
        r" (?:for|by|at|next|much longer|anymore|any more|after|to se)",
        "does not plan to be here",
        unless=r"going|go to|visit\w*|travel\w*|away|trip|holiday|vacation|abroad|moving|move|staying|in laws|flying",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        r"(?:train |railway )?(?:tracks|railway|rails|train line|bridge|edge|cliff|ledge|roof|rooftop|balcony"
        r"|motorway|highway|river) (?:\w+ ){0,6}(?:kep|keps|kept|is|are|has ben|have ben|wil not stop)"
        r" (?:caling|pulling|whispering)(?: out)? (?:to )?me",
        "a place to die calling to them",
        unless=r"fish\w*|swim\w*|kayak\w*|holiday|hike|hiking|walk\w*|surf\w*|climb\w*|views?",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        r"(?:i am )?checking out",
        "checking out, after having had enough",
        needs=r"had enough|done|tired of|sick of|can not do this|goodbye|sorry|forgive me",
        unless=r"hotel|library|store|shop|book\w*|cart|basket|airbnb|room|flat|apartment",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        r"voices? (?:\w+ ){0,3}(?:tel\w*|told|say\w*|said|want\w*|order\w*|command\w*|keps? telling) me to"
        r" (?:kil <ME>|hurt <ME>|harm <ME>|cut <ME>|die|jump|end it|do it)",
        "voices telling them to die",
        negatable=False,
    ),
    # Indirect warning signs: goodbyes, pets rehomed, letters, a settled decision, a past attempt.
    _rule(
        S,
        HIGH,
        (
            r"(?:(?:rehom\w*|found (?:a )?new homes? for|finding (?:a )?new homes? for|(?:giving|gave|given|give)"
            r" away) (?:\w+ ){0,2}?(?:dogs?|cats?|pets?|rabits?|hamsters?|birds?|kitens?|pupies|pupy|horse"
            r"|tortoise)\b|(?:giving|gave|given|give) (?:my|our) (?:dogs?|cats?|pets?|rabits?|hamsters?|birds?"
            r"|kitens?|pupies|pupy|horse|tortoise) (?:away|to) )"
        ),
        "rehoming their pets before going",
        needs=_any(
            r"(?:wil not|not going to|wil no longer|wont) be (?:around|here)",
            r"wil (?:stil )?be (?:here|around)",
            r"(?:when|after|once) i am gone",
            r"look\w* after (?:them|him|her)",
            r"deserves? (?:someone|beter|a beter)",
            r"(?:do not|wil not) ned",
            r"goodbye",
        ),
        unless=_any(
            r"alerg\w*",
            r"moving",
            r"move",
            r"landlord",
            r"baby",
            r"litter",
            r"aford\w*",
            r"bit|bites|agresive",
            r"new job",
        ),
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:wrote|written|writing|write|left|leaving) (?:\w+ ){0,2}(?:leters?|notes?|cards?) (?:to|for)"
            r" (?:\w+ ){0,2}(?:kids|children|family|parents|mom|dad|wife|husband|partner|friends|sister|brother"
            r"|son|daughter|everyone|everybody|girls|boys)\b"
        ),
        "letters to family, just in case",
        needs=_any(
            r"just in case",
            r"in case (?:anything|something)",
            r"in case i (?:am not|am no longer|do not make it|die|wil not be)",
            r"(?:when|after|once) i am gone",
            r"goodbye",
            r"to find",
            r"for after",
            r"explain\w* why",
            r"forgive me",
            r"i am (?:so |realy |just )?done",
            r"had enough",
        ),
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:my |al my )?afairs (?:are )?(?:al )?in order",
            (
                r"(?:made|wrote|writen|sorted|did|done|finished|updated|writing|making) (?:out |up )?my wil"
                r"(?! (?:power|to)\b)"
            ),
        ),
        "putting affairs in order",
        needs=_any(
            r"afairs",
            r"paswords?",
            r"just in case",
            r"goodbye",
            r"insurance",
            r"not (?:be )?(?:here|around)",
            r"(?:when|after|once) i am gone",
            r"(?:she|he|they) wil ned",
        ),
        unless=_any(
            r"surgery",
            r"operation",
            r"hospital",
            r"baby",
            r"pregnan\w*",
            r"retir\w*",
            r"solicitor|lawyer|acountant|probate|estate",
            r"mortgage|house|moving",
            r"divorce\w*",
            r"tax\w*",
            r"everyone should",
            r"sensible",
            r"diagnos\w*",
            r"trip|holiday|travel\w*",
            r"wedding|married",
            r"busines",
            r"(?:dad|mom|father|mother|grandad|grandma|nan|husband|wife|brother|sister) (?:died|pased)",
            r"funeral",
        ),
    ),
    _rule(
        S,
        HIGH,
        (
            r"at peace (?:with|about) (?:my|the|this) (?:decision|choice|plan)(?= *(?:[.,?]|$| now| and| to (?:die"
            r"|end|go)\b))"
        ),
        "at peace with an unnamed decision",
        unless=_any(
            r"quit\w*",
            r"retir\w*",
            r"job",
            r"leav\w*",
            r"move|moving",
            r"divorce",
            r"drink\w*|smok\w*|sober\w*|vap\w*|gambl\w*",
            r"uni|colege|course",
            r"break\w* up|broke up",
            r"house|car|buy\w*|sel\w*",
            r"surgery|treatment|chemo",
        ),
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:made|reached|come to|came to) (?:my|the|a|up my) (?:decision|mind)(?= *(?:[.,?]|$| and| now))",
            r"(?:know|decided) (?:exactly )?(?:what|how) i am going to do(?: it)?(?= *(?:[.,?]|$| now))",
        ),
        "a settled, unnamed decision, with calm or goodbyes",
        needs=_any(
            r"calm",
            r"at peace",
            r"peaceful",
            r"relieved",
            r"(?:talk|persuade|convince) me out of it",
            r"stop me",
            r"no going back",
            r"goodbye",
        ),
        unless=_any(
            r"(?:decision|decided|mind) to (?!(?:die|end|go)\b)\w+",
            r"quit\w*",
            r"job",
            r"leav\w*",
            r"move|moving",
            r"divorce",
            r"drink\w*|smok\w*|sober\w*|vap\w*|gambl\w*",
            r"uni|colege|course",
            r"break\w* up|broke up",
            r"house|car|buy\w*|sel\w*",
        ),
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:since|after|before|from) my (?:last |first |previous |second |third |su\w+ )?atempt(?! (?:at|to"
                r"|on)\b)"
            ),
            (
                r"i (?:have )?atempted(?= *(?:[.,?]|$| last| in (?:19|20|january|february|march|april|may|june"
                r"|july|august|september|october|november|december|the (?:spring|sumer|autumn|fal|winter))| before"
                r"| twice| once| thre times| (?:a |two |thre |a few |six )?(?:times|years?|months?|weks?) ago"
                r"| when| and| but))"
            ),
            r"(?:took|taken|had|did|done|survived) (?:an?|my) (?:overdose|od)(?! of\b)",
        ),
        "a past suicide attempt",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        r"ready to go<THEN>",
        "ready to go, having said everything",
        needs=_any(
            r"said (?:everything|al|my goodbyes|goodbye)",
            r"goodbye",
            r"for god",
            r"forever",
            r"at peace",
            r"nothing left",
            r"it is time",
            r"not coming back",
        ),
        unless=_any(
            r"home",
            r"out",
            r"bed",
            r"work|school|shops|pub|gym",
            r"trip|holiday|flight|airport|car|bus|train",
            r"party|dinner|lunch|wedding|interview|meting|boss|presentation|speech",
            r"hospital|birth|labou?r",
        ),
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:do not think|not sure|do not know if|doubt) i (?:wil|il|am going to|am gona|would) (?:be|stil"
            r" be|last) (?:around |here |alive )?(?:much longer|for (?:much )?longer|for long|by (?:next|the end"
            r"|tomorow|monday|christmas)|next (?:year|month|wek)|to se)"
            r"|(?:do not think|not sure|do not know if|doubt) i (?:wil|il|am going to|am gona|would) (?:make it"
            r" (?:to|through|past) (?:the new year|new year|christmas|my (?:next )?birthday|next (?:year|month|wek)"
            r"|the wekend|tomorow|monday)|se (?:christmas|the new year|my (?:next )?birthday|next (?:year|month)"
            r"|tomorow))"
        ),
        "doubts they will be alive much longer",
        negatable=False,
        unless=_any(
            r"job|contract|work|lease|flat|house|town|city|country|company|team|school|colege|uni",
            r"moving|move|visa|shift|party|meting|ofice|hospital|ward|relationship|marriage",
        ),
    ),
    # Slang that hides the act: "do myself in", "catch the bus" (suicide-forum slang).
    _rule(
        S,
        HIGH,
        (
            r"(?:want to|going to|might|thinking about|thinking of|about to|wil|il|plan to|planning to|ready to"
            r"|should|just|could) (?:just )?(?:do|doing) <ME> in<THEN>"
        ),
        "slang: do oneself in",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:ready to|want to|planning to|plan to|thinking (?:about|of)|how to|decided to) (?:finaly |just"
            r" )?catch(?:ing)? the bus(?= *(?:[.,?]|$| soon_| tonight| for god| forever| permanently| early| and))"
        ),
        # Ordinary bus talk is far commoner: only the words of intent, never with a destination or errand.
        "suicide-forum slang: catch the bus",
        self_only=True,
        unless=_any(
            r"home|school|work|town|stop|station|route|timetable|ticket|fare|driver|late|mised|mis|number",
            r"airport|city|centre|center|uni|colege|shops|ofice|beach|back|there|instead|walk\w*|drive|lift",
            r"car|garage|bike|train|taxi|uber|rain\w*|rather",
            r"[0-9]+",
        ),
    ),
    # Plans with a time or a place: when no one is around, somewhere not to come back from.
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:going to|wil|il|am) (?:do|doing) it (?:\w+ ){0,3}?(?:when|once|while) (?:everyone|everybody"
                r"|no one|the house|everyones|everybodys|no ones) (?:is |are )?(?:out|asleep|away|gone|at work|in"
                r" bed|empty|not home)"
            ),
            (
                r"(?:when|once|while|after) (?:everyone|everybody|the kids|the house) (?:is|are|has|have) (?:out"
                r"|asleep|away|gone|empty|in bed|gone to (?:bed|sleep|work))(?: ,)? i am (?:going to )?(?:do|doing)"
                r" it<THEN>"
            ),
        ),
        "a plan for when no one is around",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:not|never) (?:coming|going to come|come|be coming) (?:back|home)(?! (?:til|until|before|for"
                r"|to|from|after|early|late)\b)"
            ),
            r"and (?:just )?(?:end|ending) (?:it|things|everything|my life)(?: al)?<THEN>",
        ),
        "going somewhere to end it",
        needs=_any(
            r"bridge|clif|clifs|woods|forest|river|sea|ocean|lake|tracks|railway|rof|car park|ledge|motorway",
            r"goodbye|forever|for god|ever again|last time",
            r"<PILLS>|rope|gun",
        ),
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:picked|chosen|chose|found|scoped out|checked out|worked out|decided on|picked out) (?:out )?(?:the"
            r"|a|my) (?:spot|place|location|day|date|time|method|bridge|way)(?: \w+){0,5}? (?:where|when|to|for"
            r"|how) (?:i am going to |i wil |il |i can |i could |i would |to )?(?:do it|end it|end things|end my"
            r" life|go through with it|die|kil <ME>)<THEN>"
        ),
        "has chosen the place or time",
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:<PILLS>|rope|gun|guns|pistol|rifle|shotgun|razor|blades?|noose_|belt|bridge|tracks|ledge)(?:"
            r" \w+){0,8} (?:keep|kep|kept|can not stop) (?:loking|staring|thinking|going|coming) (?:at|about|back"
            r" to|over|to) (?:it|them)\b"
        ),
        "keeps going back to the means",
        unless=r"buy\w*|price|aford\w*|hunting|range|colection|clean\w*|fix\w*|exam|test|revis\w*",
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
                r" (?:die|dying|kil (?:<ME>|yourself|oneself|urself)|end (?:it|my life)|comit su\w+|go|drown(?! out)"
                r"|drowning(?! out)|hang (?:<ME>|yourself)|overdose|od|bled out|bled to death|sufocate)\b"
            ),
            r"painles (?:death|su\w+)",
            # "ngl ive been researching methods all week", "is there a method that doesnt hurt?"
            r"(?:researching|researched|loking up|loked up|googling|googled|reading up on) (?:su\w+ )?methods\b"
            r"(?! (?:of|for|to|in|on|at|and|used|that|which|we|they|you)\b)",
            r"(?:a|any) (?:way|method) (?:to do it |of doing it )?that (?:does not|would not|wont|will not) hurt\b",
            r"ways to (?:die|kil (?:<ME>|yourself|oneself|urself)|end my life|comit su\w+|end it(?: al)?<THEN>)",
            r"how to (?:kil (?:<ME>|yourself|oneself|urself)|die painlesly|tie a noose_|make a noose_)",
            r"(?:tie|tying|make|making) (?:a |the )?noose_",
            (
                r"(?:can|could|would|is it possible to|how do you|how would you|how to|best way to) (?:you |i |someone"
                r" |a person |one )?(?:drown|hang|sufocate|gas|electrocute|poison|kil|shoot|starve) (?:yourself"
                r"|<ME>|themselves|oneself|urself)"
            ),
            (
                r"(?:which|what) (?:\w+ ){0,3}(?:<PILLS>|drugs|poisons?|chemicals?) (?:\w+ ){0,2}?(?:are|is"
                r"|would be|would|wil|could) (?:the )?(?:most )?(?:deadly|lethal|fatal|likely to kil|kil (?:you|me"
                r"|someone|a person)|dangerous (?:together|to mix|to combine|mixed|combined|in (?:an )?overdose))"
            ),
            (
                r"how (?:long|quickly|fast) (?:does it|would it|wil it|do you|does one|can you|to) (?:take"
                r" (?:to |for (?:you|someone|a person|me) to )?)?(?:drown|bled out|bled to death|sufocate"
                r"|asphyxiate)\b"
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
            (
                r"(?:jump|fal)(?:ing)? (?:from |of_ )?(?:\w+ ){0,3}?(?:to (?:die|be sure|not survive|be fatal)|and"
                r" (?:die|not survive))\b"
            ),
        ),
        "asks about heights",
        resolvable=False,
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:die|dying|kil (?:me|you|someone|<ME>)|fatal|lethal|deadly) (?:\w+ ){0,3}?(?:from|of|by|with)"
                r" (?:the )?(?:car |engine )?(?:exhaust|exhaust fumes|fumes|carbon monoxide|charcoal)"
            ),
            (
                r"(?:car |engine )?(?:exhaust|exhaust fumes|carbon monoxide|charcoal) (?:\w+ ){0,4}?(?:kil (?:me"
                r"|you|someone|a person)|to kil|be fatal|be lethal|to die)"
            ),
        ),
        "asks about fumes as a method",
        resolvable=False,
        unless=r"alarm|detector|boiler|heater|leak\w*|test\w*|service|mot|chimney|stove|fire",
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
            (
                r"enough (?:of (?:my|the) )?(?:\w+ )?<PILLS> (?:\w+ ){0,3}?(?:to (?:do it|end it|end things"
                r"|finish it|not wake up|kil me|die|make sure)|for it to work)"
            ),
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
        unless=r"(?:he|she|they|someone|somebody) (?:\w+ )?(?:put|puts|held|holds|holding|pointed|points)",
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
            r"differently",
            r"wonder\w*",
            r"tempt\w*",
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
                r" front of|under|out of|into|onto) (?:a |the |my |this |that )?(?:\w+ ){0,2}?(?:bridge|building|rof"
                r"|clif"
                r"|train|bus|car|truck|lory|trafic|balcony|window|tracks|railway|ledge|tower|subway|river"
                r"|car park|parking garage|highway)"
            ),
            r"step\w* (?:out )?in front of (?:a|the) (?:bus|train|car|truck|lory|trafic)",
            r"(?:go|going|gona|walk|walking|lie down|lying down) (?:out )?in front of (?:a|the) (?:\w+ )?(?:bus|train"
            r"|car|truck|lory|trafic)",
            r"walk\w* into (?:the )?(?:sea|ocean|trafic|river)(?! (?:with|for|at|to swim)\b)",
        ),
        "a method: jumping or stepping in front of traffic",
        self_only=True,
        topical=True,
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
            r"(?:hose|hosepipe|tube|pipe) (?:\w+ ){0,3}(?:car )?exhaust",
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
                r"|kil <ME>|go(?= *(?:[.,?]|$))|do it)"
            ),
            (
                r"(?:tied|tying|tie|hung|hanging|hang|set up|put up|fixed) (?:up )?(?:a |the |my )?(?:rope"
                r"|noose_|belt|cord) (?:\w+ ){0,2}(?:in|from|to|on|around|over) (?:the |a |my )?(?:garage"
                r"|basement|closet|tre|beam|ceiling|dor|banister|atic|shed|rafters?|wardrobe|hok|fan|neck|loft"
                r"|landing|stairwel|stairs)"
            ),
            r"(?:the |my )?(?:ropes|noose_s|rope is|noose_ is) (?:al )?(?:tied|set up|up|ready)(?! (?:to|for) (?:the|a) )",
        ),
        "final arrangements or preparations",
        unless=(
            r"swing|hamock|tent|boat|climbing|tyre|tire|tre house|washing line|clothes line|bunting|punch ?bag"
            r"|decorations|lights|plants?|bike|kayak"
        ),
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
                r"(?:can not|do not) (?:se|imagine|picture) (?:<ME> )?(?:stil )?(?:being alive|being here|being around"
                r"|living|alive"
                r"|surviving|making it|still here) (?:next|in (?:a|one|two|thre|five|ten|[0-9]+|a few|six|the"
                r" next) |much|past|by|to|this|until)"
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
        unless=r"retir\w*|last day|leaving (?:do|party|card)|moving|new job|holiday|party|wedding|graduat\w*|shift",
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
    # Warning signs a clinician reads as suicide risk even without the word (reference section 8).
    _rule(
        S,
        HIGH,
        _any(
            r"life insurance (?:\S+ ){0,10}(?:suicide|suicides|self inflicted|kil <ME>|i kil <ME>)",
            r"(?:suicide|self inflicted) (?:\S+ ){0,8}(?:life insurance|insurance (?:stil )?pays?)",
        ),
        "asks whether life insurance pays out for suicide",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:carbon monoxide|exhaust fumes|car fumes|hanging|drowning|jumping|an overdose|overdosing"
                r"|bleding out|sliting (?:my )?wrists|<PILLS>) (?:\w+ ){0,5}(?:painles|quick)(?! to (?:take|use))"
            ),
            r"(?:painles|quickest|least painful) (?:way|method|death|way out)",
            r"asking for (?:me|<ME>) ?[.?]? *$",
        ),
        "asks about a method of suicide",
        unless=r"walpaper|pictures|shelves|curtains|hanging out|for a friend|tatto|dentist|injection|vaccine",
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"saying (?:my )?(?:good)?byes? (?:to (?:people|everyone|everybody|friends|family|my \w+) )?(?:\w+"
                r" ){0,4}(?:without (?:them|anyone|people|anybody) (?:realising|realizing|knowing)"
                r"|(?:they|nobody|no one) (?:do not|does not|did not) (?:know|realise|realize))"
            ),
            r"if (?:you|anyone|nobody|no one) (?:do not|does not|never) hears? from me (?:again|after)",
        ),
        "a hidden goodbye",
        needs=_any(
            r"without (?:them|anyone|people|anybody)",
            r"not (?:your|anyones) fault",
            r"sory",
            r"goodbye",
            r"thank you for",
            r"love you",
            r"again",
        ),
    ),
    _rule(
        S,
        HIGH,
        _any(
            (
                r"(?:writen|wrote|write|writing|left|leaving|prepared) (?:a |my |the )?(?:suicide |goodbye |last )?"
                r"(?:note|leter|leters|notes) (?:\w+ ){0,6}(?:for when|before|in case) i (?:finaly )?(?:go through"
                r" with it|do it|am gone|go)"
            ),
            r"(?:when|before|once|the day) i (?:finaly )?go through with it",
        ),
        "prepares for going through with suicide",
        self_only=True,
        needs=r"notes?|leters?|plans?|die|dead|end it|life|goodbye|<PILLS>|rope|bridge|insurance|wil",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:feling|fel|felt) (?:exactly |just )?(?:like (?:that|i did then|i did)|the same way) (?:again|now)",
            r"(?:started|starting|begun|began|am) (?:planning|ploting) (?:it )?again",
            r"(?:it is|they are|thoughts are) (?:al )?(?:coming )?back (?:again )?(?:now|like before)",
        ),
        "feels as before a past attempt",
        needs=r"atempt\w*|overdose\w*|tried to (?:kil|end)|kil <ME>|suicid\w*|end it|sectioned|never again",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:do|get|finish) (?:it|the job) (?:properly|right) (?:this time|next time)",
            r"make (?:sure|certain) it works this time",
            r"this time (?:i wil|i'l|it wil) (?:do it|get it right|make sure|finish)",
        ),
        "means to succeed where a past attempt did not",
        resolvable=False,
        needs=r"atempt\w*|overdose\w*|tried to (?:kil|end)|end (?:it|things|my life)|kil <ME>|suicid\w*|last time",
    ),
    _rule(
        S,
        HIGH,
        (
            r"(?:do it|go through with it|end it) (?:on \w+ |this \w+ |tonight |tomorow |next \w+ )?when (?:my"
            r" \w+|the \w+|everyone|everybody|nobody|no one|they)(?: is| are|s)? (?:away|out|gone|at work|asleep"
            r"|home|around|in)"
        ),
        "plans to do it when alone",
        self_only=True,
        unless=r"party|clean|decorat\w*|paint\w*|tidy|surprise|laundry|cook\w*|bake|practice|rehearse|homework",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:sorted|writen|made|updated|finished|done) (?:out )?my wil(?! power)",
            (
                r"(?:rehomed|found a (?:new )?home for|given away|gave away|giving away) (?:the |my )?(?:cat|dog"
                r"|pets?|guitar|things|stuf|belongings|posesions|everything|clothes)"
            ),
            r"(?:everything|everythings|al my afairs|my afairs) (?:is )?(?:in order|sorted|taken care of)(?: now)?",
        ),
        "puts affairs in order",
        needs=_any(
            r"in order",
            r"rehomed",
            r"gave away|given away|giving away",
            r"(?:wil not|wont|do not|no longer) ned (?:it|them|anything)",
            r"cancel\w* (?:my )?\w+ (?:membership|subscription|contract)",
            r"goodbye",
            r"note",
        ),
        unless=r"moving|emigrat\w*|new flat|new house|downsiz\w*|declutter\w*|charity shop|retire\w*|wedding|baby",
    ),
    # Families from the development sets (written by people who never saw the rules) and from probes
    # written fresh, each measured before any rule was tuned on it: a rule is the family, not the sentence.
    _rule(
        S,
        HIGH,
        _any(
            r"(?:wrote|writen|writing|write) my (?:own )?(?:eulogy|obituary|funeral (?:plan|wishes|playlist))",
            r"(?:do not|never) blame yourself for (?:whatever|what) (?:happens|i do|comes)",
            r"(?:wil not|do not) ned (?:any of )?(?:it|them|this|that|any of (?:it|them)|my \w+) (?:after|by|past|beyond)"
            r" (?:the weekend|tonight|tomorow|friday|saturday|sunday|monday|next week|this week)",
            r"get used to me not being (?:around|here)",
            r"(?:more|be) happy if i am not (?:in this life|here|around|alive|in the picture)",
            r"(?:tying|tie|tied) up (?:al )?(?:the |my )?lose ends (?:before i go|before i am gone|for when i)",
            r"(?:wrong|other|outside) side of the (?:railings?|fence|barier|balcony|rail)",
            r"(?:picked|chosen|chose|found) the (?:tree|bridge|cliff|building|ledge|spot to jump)(?! for)",
            r"that is me (?:finished|done|gone)(?! with)",
            r"the same pul is back",
        ),
        "a settled plan or a goodbye",
        negatable=False,
        unless=r"work|shift|homework|for the day|for today|exam\w*|essay|job|chores|picnic|photo\w*|christmas tree",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:everyone|everybody|they|people|my family|the world) (?:wil|would|is going to) be (?:so |much |a lot )?"
            r"(?:happier|beter|better of|relieved) (?:when|once|if) i am (?:gone|dead|not here|not around)",
            r"(?:nobody|no one|noone) (?:cares|would care|wil care|gives a \w+) (?:if|whether) i (?:live|die|am alive"
            r"|am dead|lived|died)",
        ),
        "others better off when they are gone",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        r"(?:waste of (?:space|oxygen|air|skin)|pointles to everyone)",
        "a waste of space who should go",
        needs=r"should (?:just )?(?:go|die|disapear|not be here|not exist|end it)|beter of|without me",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:finish|finishing|stop|stopping) (?:with )?my (?:own )?life",
            r"(?:tired|sick) to (?:live|be alive)",
        ),
        "wants to finish their life",
    ),
    _rule(
        S,
        HIGH,
        _any(
            r"(?:tonight|today|tomorow) i (?:say|am saying|wil say|il say) goodbye to (?:everyone|everybody|you al"
            r"|the world|al of you|you)",
            r"(?:this|today|tonight|tomorow) (?:is|wil be) my (?:very )?last (?:week|day|night|weekend)",
        ),
        "a last day or a goodbye",
        unless=r"party|work|job|school|colege|uni|holiday|contract|notice|shift|ofice|here|leaving do|colleagues|team"
        r"|before|at the|in the|as a|of",
        negatable=False,
    ),
    _rule(
        S,
        NOW,
        r"charcoal",
        "charcoal and tape",
        needs=r"duct tape|tape|not for a barbecue|had enough|in the car|seal\w*|tent|bedroom",
        negatable=False,
    ),
    # A plan still meant after care, a pull that is back, a note started again (development set 6).
    _rule(
        S,
        HIGH,
        r"(?:stil|realy|fuly) (?:mean|intend|plan) to go through with it|working up to it",
        "still meaning to go through with it",
        needs=r"ward|hospital|stable|note|jump\w*|die|dead|dying|water|bridge|end\w*|attempt\w*|sectioned|discharged"
        r"|crisis team|psych\w*",
    ),
    _rule(
        S,
        HIGH,
        r"(?:pul|urge|draw|tug|drift) (?:is back )?(?:towards?|to) (?:ending|end) (?:things|it al|it|my life)",
        "a pull towards ending things",
    ),
    _rule(
        S,
        HIGH,
        r"(?:started|starting|begun|been) (?:writing|drafting|rewriting) (?:the|my|a) (?:suicide |goodbye )?(?:note|letter)"
        r" again",
        "writing the note again",
        resolvable=False,
    ),
    _rule(
        S,
        HIGH,
        r"(?:thoughts?|thinking|think|fantasies) (?:about|of) (?:jumping|throwing <ME>|stepping) (?:of_|from|in front of)"
        r" (?:the|a|that|this) (?:\w+ )?(?:multistorey|multi storey|bridge|building|roof|car park|carpark|cliff|balcony"
        r"|tower|flyover|overpass|platform|train|trains|lorry|bus)",
        "thoughts of jumping",
        topical=True,
    ),
    _rule(
        S,
        HIGH,
        r"timing the (?:\w+ )?trains|(?:nobody|no one) (?:is )?(?:at|on) (?:that end of )?the platform",
        "timing the trains",
        needs=r"platform|station|gap|express|nobody|no one",
    ),
    _rule(
        S,
        HIGH,
        r"how long (?:does|would|wil) it take (?:for someone |for a person |someone |a person )?to (?:freze|bled|drown"
        r"|starve) to death",
        "asking how long dying takes",
        topical=True,
        unless=r"book|novel|story|film|movie|character|game|documentary|writing",
    ),
    _rule(
        S,
        NOW,
        r"(?:cleaned|loaded|got out|took out|oiled) (?:my|the|dads|his) (?:gun|pistol|rifle|shotgun|revolver|handgun"
        r"|shottie)",
        "a gun readied",
        needs=r"waiting (?:til|until|for)|one (?:round|bulet)|(?:once|when) (?:the kids|they|everyone) (?:go|are|have)"
        r"|not come back",
    ),
    _rule(
        S,
        HIGH,
        r"stopped taking (?:my )?<PILLS> and (?:i am |i have been )?(?:keping|saving|hiding|stashing|storing|hoarding)"
        r" (?:it|them)",
        "prescribed medicine kept back",
    ),
    _rule(
        S,
        HIGH,
        r"last time i tried (?:\w+ ){0,6}(?:found me|stopped me|caught me|walked in)",
        "a past attempt, with this time in mind",
        needs=r"this time|wil not|not this|again|next week|away",
        resolvable=False,
    ),
    _rule(
        S,
        HIGH,
        r"(?:do not|dont|no longer) expect to (?:be here|be around|stil be here|be alive|se) (?:in|by|for|at|til|until"
        r"|past|next) (?:the )?(?:spring|summer|autumn|fal|winter|christmas|new year|birthday|\w+day|next)",
        "not expecting to be here",
        negatable=False,
    ),
    _rule(
        S,
        HIGH,
        r"(?:dip|diping|check out|checking out|log of_|loging of_|peace out|bow out|bowing out) (?:from|of) (?:this )?life"
        r"|(?:cark|carking|snuf|snufing|croak|croaking|kick the bucket|die|dying) (?:it )?on purpose",
        "leaving life, in slang",
    ),
    _rule(
        S,
        MOD,
        r"(?:stopped minding|do not mind|dont mind|warming to|comforted by|like|love|long for) the (?:idea|thought) of"
        r" (?:being dead|dying|not waking up|not existing|not being here|not being alive)",
        "drawn to the idea of being dead",
        negatable=False,
    ),
    _rule(
        S,
        MOD,
        r"(?:want|like|wish|would like|wana) (?:\w+ )?to be (?:deleted|erased|switched of_|unplugged|wiped out"
        r"|put down|taken of_ the system)",
        "wishing to be deleted",
        unless=r"acount|profile|data|photos?|posts?|records?|from (?:the|their|this) (?:list|system|database)",
    ),
    _rule(
        S,
        MOD,
        r"(?:hoping|hope|wish|wishing|praying) (?:that )?(?:the |my |some |an )?(?:cancer|tumou?r|ilnes|disease"
        r"|heart atack|something) (?:comes? back|wil (?:come and )?take me|comes? (?:and )?takes? me|takes? me"
        r"|gets me|finishes me)",
        "hoping an illness will take them",
        self_only=True,
    ),
    _rule(
        S,
        HIGH,
        r"(?:written|wrote|writing|recorded|recording|scheduled) (?:\w+ ){0,4}for (?:my |the )?(?:kids|children|son"
        r"|daughter|grandkids|boys|girls)s? (?:future |next )?birthdays",
        "messages left for birthdays to come",
        needs=r"next (?:few|\w+) years|every year|future|when i am gone|until they|til they|\d\d|phone is switched",
    ),
    _rule(
        S,
        HIGH,
        r"(?:say|said|saying) (?:thank you|thanks|goodbye|my goodbyes) to (?:everyone|everybody|al the people|the people"
        r"|everyone) (?:who|that) (?:mattered|meant something|meant the world)",
        "thanking everyone who mattered",
    ),
    _rule(
        S,
        HIGH,
        r"tel (?:her|him|them|my \w+) (?:that )?it (?:was not|is not|wasnt) (?:her|his|their|anyones) fault",
        "a message for after",
        needs=r"make it|not be (?:here|around)|gone|after i|when i am|by then",
    ),
    _rule(
        S,
        HIGH,
        r"(?:be|become) (?:the )?(?:kids|children|boys|girls|sons|daughters|babys)s? guardian",
        "a guardian arranged",
        needs=r"where are you going|paperwork|signed|when i am gone|after i am gone|folder|in case",
    ),
    _rule(
        S,
        HIGH,
        r"(?:promise|promised|agred) to (?:look after|take care of|fed|have) my (?:\w+ )?(?:cat|dog|pets?|tortoise"
        r"|axolotl|fish|rabit|horse|hamster|snake|parot|budgie)",
        "a pet handed over",
        needs=r"confused why|why (?:she|he|they) (?:has|have|had)|learn it now|when i am gone|after i am gone|if anything"
        r" happens",
    ),
    _rule(
        S,
        HIGH,
        r"(?:settled|sorted|looked after|taken care of|provided for|rehomed) before (?:the end of|i go|i am gone|next)"
        r"|who gets (?:\w+ ){0,3}(?:the|my) (?:cat|dog|tortoise|pets?|kids)",
        "a pet or children settled before the end",
        needs=r"then i can (?:stop|go|rest|let go)|outlive|gone|the end",
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
            # "sh-ing" comes apart as "sh ing"; "shd" is also chat for "should", so only with a time.
            r"\bsh (?:ing|yesterday|today|this morning|scars|cuts|wounds|marks)",
            r"shd (?:again|last night|yesterday|today|this morning|tonight)",
            r"relapse\w* (?:on|with|into) the (?:cutting|burning|sh\b|self harm\w*)",
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
            r"(?:going to|about to|i wil|il) cut(?= *(?:[.,?]|$| tonight| again| today| later| deper| when| if))",
            (
                r"(?:started|start|been|kep|keep|begun|began) cutting(?= *(?:[.,?]|$| again| my| and| since|"
                r" for| every| when| whenever| because| at night| but))"
            ),
            r"(?:cutting|cut|burning|burned|cuts) again(?! (?:on|in)\b)",
            r"cut (?:deper|deeper)",
            r"(?:covered in|ful of) (?:fresh |new |deep |little |smal )?(?:cuts|burns)",
            r"(?:cuts|burns) (?:on|al over) my (?:arms?|wrists?|legs?|thighs?|body)",
            r"razor (?:\w+ ){0,2}(?:to|on|across) my",
            r"razor blades?(?: \w+){0,6} (?:use|cut)\b",
            # "barcode" cuts: rows of parallel cuts
            r"(?:like a |loks like a |look like a )barcode",
            r"barcode (?:cuts|scars|lines|marks)",
            r"barcode (?:on|al (?:up|over|down)) my",
            r"my (?:cuts|wounds) (?:are )?(?:getting |get )?(?:deper|worse|bigger|longer)",
            r"cut (?:to|way to|far to|realy) dep(?! (?:into|in) the)",
            r"my wrists? (?:are|is) (?:a )?(?:mes|wreck|shreded|cut up|in shreds|destroyed)(?! (?:from|after) (?:typing"
            r"|the gym|climbing|lifting|work|the keyboard))",
            r"my (?:cuts?|wounds?) (?:\w+ ){0,2}(?:wil not|does not|do not|is not|are not) (?:close|stop bleding)",
        ),
        "cutting or the urge to cut",
        self_only=True,
    ),
    _rule(
        H,
        HIGH,
        r"(?:i )?(?:cut|sh|self harm|self harmed)(?= *(?:[.,?]|$| again| last night| yesterday| this morning"
        r"| when| whenever| because| to (?:feel|cope|calm|punish|forget|numb)| til| until))",
        "says they cut",
        self_only=True,
        needs=(
            r"deserve|pain|punish\w*|feel|cope|urge|relief|blade|razor|bled\w*|again|arms?|legs?|wrists?|thighs?"
            r"|numb|scars?|hate <ME>|relapse\w*"
        ),
        unless=r"hair|gras|lawn|hedge|fringe|nails|budget|costs|paper|fabric|wod|onions?|veg\w*",
    ),
    _rule(
        H,
        HIGH,
        (
            r"(?:hit|hiting|hits|bang|banging|banged|bangs|smash\w*|slam\w*|bash\w*|headbut\w*) my head"
            r" (?:against|on|into|of_) (?:the|a|my) (?:wal|wals|flor|dor|desk|table|mirror|radiator|headboard)"
        ),
        "hitting their head against a wall",
        self_only=True,
        needs=(
            r"until|til|on purpose|deliberately|keep|kep|kept|again|whenever|to feel|so hard|bled\w*|bruis\w*"
            r"|stars|punish\w*|deserve|lump|dizzy|when|to much|overwhelm\w*|angry|upset"
        ),
        unless=(
            r"brick wal|like (?:banging|hiting)|with (?:this|these|those|them|him|her|the (?:council|bank|school"
            r"|company))|acident\w*|cupboard|getting (?:up|out|in)|tripped|fel (?:over|down|of_|on|into)|slipped"
            r"|talking to|explain\w*|convinc\w*"
        ),
    ),
    _rule(
        H,
        HIGH,
        _any(
            (
                r"(?:hide|hiding|hid|cover|covering|covered|conceal\w*) (?:up )?(?:my|the|al my|al the)"
                r" (?:cuts|scars|burns|wounds|self harm \w+|fresh \w+|marks on my (?:arms?|wrists?|legs?|thighs?"
                r"|stomach))"
            ),
            (
                r"(?:plasters?|bandages?|band aids?|wristbands?|bracelets?|long sleves|sleves|jumpers?|hodies?)"
                r" (?:\w+ ){0,3}?(?:on|over|to cover|covering) my (?:wrists?|arms?|thighs?|cuts|scars)"
            ),
            (
                r"(?:wear|wearing|wore) (?:\w+ ){0,2}(?:long sleves|sleves|jumpers?|hodies?|bracelets?|wristbands?"
                r"|plasters?|bandages?) (?:\w+ ){0,3}?so (?:no one|nobody|people|they|my \w+|he|she) (?:wil not |can"
                r" not |do not |does not |would not )?(?:se|ses|notices?|asks?|finds? out|knows?)(?: my (?:arms?"
                r"|wrists?|legs?|thighs?|cuts|scars|marks))?"
            ),
        ),
        "hiding cuts or marks",
        self_only=True,
        needs=(
            r"so (?:no one|nobody|people|they|my \w+|he|she)|hide|hiding|hid|cuts|scars|marks|no one (?:asks|notices"
            r"|ses)|sumer|hot|conceal\w*|cover\w*"
        ),
        unless=(
            r"tatto\w*|spots?|acne|eczema|psoriasis|birthmark|stretch marks|rash|surgery|operation|c section"
            r"|acident\w*|blod test|vacine|jab|injection|drip|canula|sprain\w*|fel (?:over|down|of_|on|into)"
            r"|sunburn\w*"
        ),
    ),
    _rule(
        H,
        HIGH,
        (
            r"(?:razor|razors|blade|blades|knife|lighter|scisors|sharpener|scalpel|box cuter|craft knife)(?:"
            r" \w+){0,8}? (?:it is|they are|is|are|which is|that is) not (?:realy |exactly |actualy )?(?:for|used"
            r" for) (?:shaving|art|cooking|crafts?|drawing|sharpening|smoking|the kitchen|work|my legs|diy|school)"
            r"(?= *(?:[.,?]|$| and| anymore| any more))"
        ),
        "a blade kept, not for its ordinary use",
        negatable=False,
    ),
    _rule(
        H,
        HIGH,
        (
            r"(?:keep|kep|keps|hide|hid|hiding|stash\w*) (?:a |my |the |some )?(?:razor blades?|blades?|scalpel"
            r"|sharpener blades?) (?:in|under|behind|inside) my (?:\w+ ){0,2}(?:case|drawer|bag|purse|wallet|room"
            r"|bed|pilow|matres|box|bra|sock|pocket|shoe|wardrobe)"
        ),
        "a blade hidden among their things",
        self_only=True,
        unless=r"stanley|craft\w*|tol\w*|work|diy|hobby|spare|lino|model\w*",
    ),
    _rule(
        H,
        HIGH,
        _any(
            (
                r"(?:blade|blades|razor|knife|sharpener|lighter|glas|scisors|compas|needle|pin)(?: \w+){0,6}?"
                r" (?:to use|use|using|used) (?:it |them )?on <ME>"
            ),
            (
                r"(?:took|take|taking|got|get|broke|broken|snapped|snap|pried|prised) (?:the |a )?blades? out of"
                r" (?:my |a |the )?(?:pencil )?(?:sharpener|razor|shaver)"
            ),
            (
                r"(?:took|take|taking|broke|broken|smashed|snapped) (?:my |a |the )?(?:pencil )?(?:sharpener|razor"
                r"|shaver)s? apart"
            ),
        ),
        "getting a blade to use on oneself",
        unless=r"clean\w*|change|replac\w*|sharpen\w* (?:the|it)|fix\w*",
    ),
    _rule(
        H,
        HIGH,
        _any(
            (
                r"how (?:dep|hard|long) (?:do|should|can|would|to|wil|does|is|are) (?:\w+ ){0,4}?cut(?! (?:the|a|an"
                r"|into|of|scores?|grooves?|tiles?|wod|bread|dough|mortise|notch|slots?|hair|gras|hedge|onions?"
                r"|meat)\b)"
            ),
            (
                r"(?:stop|clean|treat|bandage|dres|stitch|close|glue|look after) (?:up )?(?:a |my |the |these |this"
                r" )?(?:own )?(?:cuts?|wounds?|burns)(?: from bleding)?"
            ),
        ),
        "asks how deep to cut, or how to treat cuts in secret",
        needs=(
            r"how dep|how hard|how long|without (?:telling|anyone|my \w+ knowing|going to|asking)|so (?:no one"
            r"|nobody|my \w+|they|he|she|people) (?:does not |do not |wil not |can not )?(?:knows?|finds? out|ses"
            r"|sees|notices?)|secret\w*|on purpose|again|deper|to dep"
        ),
        resolvable=False,
    ),
    _rule(
        H,
        HIGH,
        _any(
            r"until (?:it|they|my \w+|i) (?:bleds?|bled|bruises?|bruised|bleding|bruise|broke|cracked|swel\w*)",
            r"(?:wanted|want|ned|needed) (?:it |<ME> )?to hurt(?= *(?:[.,?]|$))",
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
    _rule(
        H,
        HIGH,
        (
            r"(?:trying|trying realy hard|trying so hard|fighting|struggling|doing my best) (?:not to|to not|to stop"
            r" <ME> from|the urge to|to resist the urge to) (?:self harm|cut|cuting|hurt <ME>|harm <ME>|burn <ME>)"
        ),
        "holding off the urge to self-harm",
        negatable=False,
        self_only=True,
    ),
    _rule(
        H,
        HIGH,
        _any(
            (
                r"(?:stopped|quit|gave up|clean from|of_|done with) (?:self harming|self harm|cuting|hurting <ME>"
                r"|burning <ME>)(?: \S+){0,8} (?:started|doing it|at it|back to it|cuting|cut) (?:\S+ ){0,2}again"
            ),
            r"relapsed (?:with |on |into )?(?:self harm|self harming|cuting|the cuting)",
            r"(?:cuting|self harm|self harming) relapse",
        ),
        "self-harm has started again",
        unless=r"(?:not|never|no|without) (?:\w+ )?(?:started|doing it|done it|cut|at it|back to it|relapsed)",
        negatable=False,  # "stopped cutting" is the point: it came back
        resolvable=False,
        self_only=True,
    ),
    # Families from the development sets (written by people who never saw the rules) and from probes
    # written fresh, each measured before any rule was tuned on it: a rule is the family, not the sentence.
    _rule(
        H,
        NOW,
        r"(?:in case|incase) i (?:decide|go through with it|need (?:it|them)|change my mind|do it)",
        "means kept ready in case they decide",
        needs=r"knife|knives|blades?|razors?|rope|belt|gun|<PILLS>|cord|noose",
        unless=r"cook\w*|kitchen|chop\w*|food|camping|emergenc\w*|burglar\w*|intruder\w*|protection|defen[cs]e",
        negatable=False,
    ),
    _rule(
        H,
        HIGH,
        r"(?:until|til) i (?:disapear|waste away|vanish|am nothing|am gone|am skin and bone)",
        "starving themselves until they disappear",
        needs=r"eat\w*|ate|food|starv\w*|meals?|fasting|fast|calories|weight",
        negatable=False,
    ),
    _rule(
        H,
        HIGH,
        _any(
            r"(?:pul|puling|puled) (?:my )?(?:hair|eyelashes) out",
            r"(?:stick|sticking|stuck|jab\w*|push\w*) (?:\w+ ){0,2}(?:needles|pins|compas|safety pins) (?:into|in) my",
            r"(?:scrap\w*|scratch\w*|carv\w*|goug\w*|dig\w*) (?:at )?my (?:arms?|legs?|wrists?|thighs?|skin|stomach|hands?)"
            r" (?:with|til|until)",
            r"(?:twisted|twist|burned|burnt|hit|bashed|punched|bit|bite) my (?:own )?(?:arm|hand|leg|wrist|skin|head)"
            r" (?:with|against|til|until)",
            r"(?:make|made|making) <ME> pay (?:for it )?with",
            r"fresh cuts",
            r"relapsed (?:on|with) the (?:razor|blade|blades|cutting|knife)",
            r"(?:went|go|going|gone) (?:along|over|into) the same (?:line|cut|cuts|spot|scar)",
            r"burns on my (?:hands|arms|legs|wrists|thighs) (?:\w+ ){0,6}(?:they are not|they were not|not from)",
        ),
        "hurts themselves",
        negatable=False,
    ),
    _rule(
        H,
        HIGH,
        r"(?:make|made|making) <ME> (?:sick|throw up|vomit|puke)",
        "purging",
        needs=r"blod|every meal|after (?:every|each) meal|every time i eat|can not stop|fainted|dizzy|teth",
        negatable=False,
    ),
    # Development set 6: what is done, hidden or readied, said without "self-harm".
    _rule(
        H,
        HIGH,
        r"deserve to (?:bleed|hurt|be hurt|be punished|feel pain|be cut|burn)",
        "deserving to bleed",
        self_only=True,
    ),
    _rule(
        H,
        HIGH,
        r"(?:want|wanted|need|ned) to be (?:bruised|bleding|hurt)|pressing (?:hard )?on (?:the |my )?(?:bruises|ones i"
        r" have|ones i have already got)",
        "wanting to be bruised",
        needs=r"sad|fading|when i (?:am|feel|get)|deserve|punish\w*",
        unless=r"less|rugby|footbal|training|sport|match|fight|boxing",
        self_only=True,
    ),
    _rule(
        H,
        HIGH,
        r"(?:cover|covers|covering|hide|hiding|conceal\w*) (?:up )?(?:my )?(?:fresh|new|recent) (?:scars|cuts|marks"
        r"|burns|wounds)",
        "hiding fresh wounds",
    ),
    _rule(
        H,
        HIGH,
        r"(?:se|notice|spot) (?:the )?(?:marks|cuts|scars|burns) on (?:my|ur|your) " + _BODY,
        "wounds others might see",
        needs=r"new|fresh|dreading|sleves|shorts|hide",
    ),
    _rule(
        H,
        HIGH,
        r"(?:clean|cleaning|sterili[sz]e|sterili[sz]ing) (?:a |the |my )?(?:craft )?(?:blade|scalpel|razor|safety pin)"
        r"|(?:infection|infected) from (?:a |the |my )?(?:craft )?(?:blade|scalpel|razor)",
        "a blade readied for oneself",
        unless=r"tattoo\w*|piercing|surgery|for work|lab|shaving|model|modeling|crafts? project",
    ),
    _rule(
        H,
        HIGH,
        r"my (?:cutting|self harm|self harming|burning|scratching)(?! (?:board|boards|back|down|edge|tool|mat|knife))",
        "their cutting",
        unless=r"hair|fabric|paper|grass|hedge|trees?|wood|metal|sewing",
    ),
    _rule(
        H,
        HIGH,
        r"(?:burning|burned|burnt|burn|marking) (?:\w+ ){0,2}?(?:into |on )?my " + _BODY + r" (?:with|using)"
        r" (?:a |the |my )?(?:cigarettes?|lighter|matches|match|iron|lit \w+)"
        r"|(?:use|using|used|hold|holding|held|put|putting) (?:a |the |my )?(?:lighter|lit cigarette|cigarette|match"
        r"|matches|candle) (?:on|to|against) my " + _BODY,
        "burning oneself",
        unless=r"by acident|acidentaly|acident|cooking",
    ),
    _rule(
        H,
        HIGH,
        r"(?:smacking|smashing|banging|hiting|slaming|bashing|smacked|smashed|banged|slamed|bashed) my head (?:on|against"
        r"|into)",
        "hitting one's head on purpose",
        unless=r"brick wal|trying to|acident\w*|by mistake|cupboard|shelf|shelves|ceiling|beam|door ?frame|getting in"
        r"|tiny|smal|low|car door|clumsy",
    ),
    _rule(
        H,
        NOW,
        r"(?:hit|hiting|reached|saw|se|can se) (?:the )?(?:fat|yelow) (?:layer|tisue|bits?)|deper than (?:ever|usual"
        r"|last time) (?:this time |tonight |last night )?(?:and|,)",
        "a deep wound",
    ),
    _rule(
        H,
        HIGH,
        r"(?:when|whenever|if|after|unless) i (?:cut|burn|scratch)(?= (?:[.,]|<ME>|most nights|every night|til))"
        r"|(?:scratch\w*|pick\w*|dig\w*|cut\w*|rub\w*|claw\w*) (?:\w+ ){0,6}(?:til|until) (?:it|they|i) (?:bleds?"
        r"|bled|bleding|bleed)",
        "cutting or scratching till it bleeds",
        unless=r"hair|nails|onions?|grass|acident\w*|scab|mosquito|bite|itch\w*|ecz\w*|drink\w*|sugar|carbs"
        r"|cafeine|cofee|smok\w*|beer|wine|boze|alcohol|weekdays|weekends|spending|calories|snacks",
    ),
    _rule(
        H,
        HIGH,
        r"(?:blade|razor|safety pin|sharpener|matches|lighter) (?:\w+ ){0,6}for later",
        "means kept for later",
        needs=r"bad (?:night|day)|hurt|cut|burn|scratch",
    ),
)

OVERDOSE_RULES = (
    _rule(
        OD,
        NOW,
        # "ODing rn", "im overdosing": happening now, whatever the subject left out
        r"(?:oding|overdosing)(?= *(?:[.!?]|$|right now|now|help))",
        "overdosing now",
        self_only=True,
    ),
    _rule(
        OD,
        NOW,
        # "took everything in the cupboard", "I took the whole box at lunch" (the pills left unsaid)
        _any(
            r"(?:took|taken|swallowed|downed) everything (?:in|from) (?:the|my) (?:cupboard|drawer|cabinet|bathroom)",
            r"(?:took|taken|swallowed|downed) the whole (?:box|packet|pack|strip|tub)(?! (?:of|to|back|home|with|out)\b)",
        ),
        "took a whole supply",
        self_only=True,
    ),
    _rule(
        OD,
        NOW,
        (
            r"(?:took|taken|swallowed|downed|ate|had|popped|necked|drank|drunk) (?:a |an |the |my |al (?:of"
            r" )?(?:my |the )?)?(?:whole |entire |ful )?(?:botle|packet|pack|box|strip|handful|bunch|load"
            r"|lot|jar|months? supply|weks? supply|supply|al|fistful|every|loads|lots|ton|tons|heaps|stack"
            r"|shit ton|shitload|pile|(?:two|to|thre|four|five|six|several|a few|a couple of|[0-9]+) (?:whole"
            r" )?(?:boxes|packets|packs|botles|strips|blister packs|jars|tubs|sheets)) (?:of )?(?:my |the"
            r" |those )?(?:\w+ )?<PILLS>"
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
            r"(?:took|taken|swallowed|downed|ate|popped|had|necked|chugged|knocked back|scofed) (?:like |about"
            r" |around |over |maybe |almost )?<BIGNUM><NOT_A_DOSE> (?:of (?:my|the|those) )?(?:\w+ )?<PILLS>"
            r"|<BIGNUM><NOT_A_DOSE> (?:of (?:my|the|those) |x )?(?:\w+ )?<PILLS> (?:\w+ ){0,3}?(?:ago|earlier|last"
            r" night|this morning|this afternoon|this evening|an hour|half an hour|just now|gone|down|in me)"
            r"|(?:took|taken|swallowed|downed|ate|popped|necked) (?:\w+ ){0,3}?<PILLS>(?: ,)? (?:like |about"
            r" |maybe |probably |prob )?(?:a handful|a whole (?:botle|packet|box|strip)|al of them|the lot|loads"
            r"|<BIGNUM><NOT_A_DOSE>)(?= *(?:[.,?]|$| of them| or so))"
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
            r"|(?:double|triple|doubled|tripled)(?: dosed| dosing| up)? (?:on )?my (?:\w+ )?<PILLS>"
            r"|overdid it (?:with|on) (?:the |my )?(?:\w+ )?<PILLS>"
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
            r"(?:i (?:have |just )?)?(?:taken|took|had|done) (?:an? )?(?:overdose|od)\b(?! of\b)",
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
        # panic told over two sentences ("these panic things at work. Heart going, can't breathe"), with nothing
        # taken anywhere near it
        unless_nearby=rf"^(?!.*\b(?:{_SUBSTANCE}|swalowed|something)\b).*\b(?:panic\w*|anxiety|anxious|nervous)\b",
    ),
    _rule(
        OD,
        NOW,
        _any(
            (
                r"(?:is not|not|stoped|has stoped|no longer|not) (?:breathing|responsive|responding|waking"
                r" up|moving|conscious)"
            ),
            r"(?:can not|can not get (?:him|her|them) to) wake (?:him|her|them)(?: up)?",
            (
                r"(?:is|are|he is|she is|they are|and|he is|she is) breathing (?:funny|weird|strange|oddly|slowly"
                r"|shalow|slow|badly|wrong)"
            ),
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
            r"(?:baby|toddler|son|daughter|kid|child|little one|brother|sister|girl|boy|grandson|granddaughter"
            r"|niece|nephew) (?:\w+ ){0,2}(?:swallowed"
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
            r"chest (?:is |has ben |keps )?(?:hurting|aching|pounding|tightening)",
            r"(?:arm|arms|jaw) (?:has gone|went|is going|gone) (?:numb|tingly|tingling)",
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
                r"(?:he|she|they|friend|mate|brother|sister|son|daughter|partner|husband|wife|boyfriend|girlfriend"
                r"|mom|dad|roomate|flatmate|housemate|cousin) (?:has |have |just |might have |may have |think"
                r" (?:he|she) )?(?:taken|took|had|done) (?:an? )?(?:overdose|od)\b"
            ),
            (
                r"(?:he|she|they|friend|mate|brother|sister|son|daughter|partner|husband|wife|boyfriend|girlfriend"
                r"|mom|dad|roomate|flatmate|housemate|cousin) (?:has |have |just |might have |may have |think"
                r" (?:he|she) )?(?:overdosed|od|oded)(?! on (?:chocolate|sugar|candy|swets|cake|cafeine|cofee)\b)"
            ),
        ),
        "someone has overdosed",
        negatable=False,
        unless=(
            r"died|funeral|last (?:year|month)|years? ago|pased away|survived|anniversary|grave|lol|haha"
            r"|documentary|film|movie|show|news"
        ),
    ),
    _rule(
        OD,
        NOW,
        _any(
            (
                r"(?:is|are|started|keps|kept|ben|been|he is|she is|they are) (?:fiting|seizing|convulsing|having"
                r" fits)(?! (?:the|a|an|his|her|their|my|new|in|into|it|them|out|for|up)\b)"
            ),
            r"(?:is|are|he is|she is|they are|and) (?:turning|going|gone|turned) (?:blue|grey|gray|purple)",
        ),
        "someone is fitting or turning blue after taking something",
        negatable=False,
        needs=(
            r"<PILLS>|took|taken|taking|drank|overdose|od|drugs|party|ambulance|breath\w*|shaking|flor|foaming"
            r"|lips|wake|respon\w*"
        ),
        unless=r"sky|dres|shoes|clothes|suit|jeans|hair|paint|wals?|lights?|screen",
    ),
    _rule(
        OD,
        NOW,
        (
            r"(?:took|taken|done|did|injected|gave <ME>|had|used) (?:my |the |al my |al the |the whole |my whole"
            r" |a whole |extra |double |way to much |to much |loads of |a lot of )?(?:insulin|insulin pen)\b"
        ),
        "insulin without eating, or too much of it",
        needs=_any(
            r"(?:did not|have not|had not|not|never|without|skip\w*|refus\w*|no) (?:\w+ )?(?:eat|eaten|eating"
            r"|food|meals?|carbs)",
            r"whole pen|entire pen|ful pen",
            r"on purpose",
            r"hypo\w*",
            r"to much",
            r"double",
        ),
        unless=r"forgot|forget|before (?:dinner|lunch|breakfast|meals?|i eat)",
    ),
    _rule(
        OD,
        NOW,
        (
            r"(?:throwing up|vomit\w*|being sick|puking|shaking|dizzy|can not (?:breathe|stay awake|se properly)"
            r"|pasing out|pased out|blacking out|heart is racing) (?:\w+ ){0,3}?(?:after|since|from) (?:al )?(?:the"
            r"|those|these|my) (?:\w+ )?<PILLS> (?:i|i have) (?:took|taken|had|swallowed)"
        ),
        "symptoms after taking pills",
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
            r"|(?:drank|drunk|swallowed|ingested|downed|necked|gulped|drinking|swallowing) (?:some |(?:a|half a"
            r"|a whole|a ful|the whole|a smal) (?:botle|cup|glas|mouthful|load|lot|tub|can|bunch) of |the |a lot"
            r" of |loads of |lots of |a load of )?(?:hand sanitiser|hand sanitizer|sanitiser|sanitizer|rubbing"
            r" alcohol|surgical spirit|methylated spirits|meths|white spirit|turps|turpentine|paint thiner"
            r"|lighter fluid|petrol|gasoline|kerosene|paraffin|screenwash|washing up liquid|nail polish remover"
            r"|acetone|disinfectant|dettol|toilet cleaner|bleach|antifreze)"
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
            r"can (?:not|barely|hardly) (?:stay awake|kep my eyes open|wake (?:him|her|them) up)",
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
            r"|drinks|wine|beer|whiskey|fentanyl|heroin|gin|rum|drank|drinking|pints|cans|lager|cider|shots"
            r"|prosecco|tequila)"
        ),
        "mixed medication and alcohol",
        unless=(
            r"for (?:my |a |the )?(?:head|headache|hangover|back|migraine|toothache|period pains?|cold|flu)"
            r"|as prescribed"
        ),
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
        unless=(
            r"for (?:my |a |the )?(?:head|headache|hangover|back|migraine|toothache|period pains?|cold|flu)"
            r"|as prescribed"
        ),
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
    # Tolerance falls within days of stopping: the old dose after prison, rehab or months clean can kill.
    _rule(
        OD,
        HIGH,
        _any(
            (
                r"(?:my |the )?(?:old|same|usual|normal|ful) (?:dose|amount|hit|bag|bags|gram|grams)(?: \S+){0,5}"
                r" (?:i used to|as before|as i used to|i (?:had|did|took|used) before)"
            ),
            (
                r"(?:after being|after|was|ben) (?:clean|of_ it|of it|sober|inside|in prison|in rehab) (?:for )?(?:\w+"
                r" ){0,3}(?:months|years|a year|weks|a wek)"
            ),
        ),
        "using again after a break, when tolerance is low",
        self_only=True,
        needs=_any(
            r"(?:used|did|took|shot|had|injected|snorted|using|doing|shoot) (?:\w+ ){0,3}(?:again|tonight|today|now)",
            r"(?:shoot|shot) up",
            r"bump|hit|nodding|chest|breath\w*|heart|fels wrong|feel wrong|dose|amount",
        ),
        unless=r"drinking|alcohol|smoking|cigarettes|vaping|gambling|wine|beer",
        resolvable=False,  # "the amount I used to" names the past on purpose
    ),
    _rule(
        OD,
        NOW,
        r"nodding (?:out|of_)(?: realy| so| hard| badly| bad)?",
        "nodding out after using",
        needs=r"used|using|took|did|shot|bump|hit|dose|<PILLS>|gear|smack|fent",
    ),
    # Families from the development sets (written by people who never saw the rules) and from probes
    # written fresh, each measured before any rule was tuned on it: a rule is the family, not the sentence.
    _rule(
        OD,
        NOW,
        _any(
            r"(?:do not|can not) remember how many (?:i took|i have taken|i had|i swallowed)",
            r"(?:emptied|tipped|poured) (?:\w+ ){0,5}down my throat",
        ),
        "took an unknown amount",
        negatable=False,
    ),
    # Development set 6: overdoses taken or about to be, accidental ones with symptoms, mixtures.
    _rule(OD, NOW, r"(?:took|taken|swalowed|had) (?:a couple of |two |a few |some )?handfuls of", "handfuls taken"),
    _rule(
        OD,
        NOW,
        r"(?:took|taken|swalowed) (?:\w+ ){0,4}<PILLS>(?: \w+){0,3} [,.]? i (?:do not|dont) care (?:which|what|how many)",
        "pills taken without caring which",
    ),
    _rule(
        OD,
        HIGH,
        r"(?:drinking|drink|drank|vodka|wine|alcohol|boze) on top of (?:the |my )?<PILLS>",
        "alcohol on top of medicine",
        needs=r"hoping|switch\w* of|do not care|whatever happens|not wake|quiet|gone",
    ),
    _rule(OD, NOW, r"crushed (?:up )?(?:al|al of) (?:my |the |her |his )?<PILLS>", "pills crushed to take"),
    _rule(
        OD,
        NOW,
        r"(?:inject|take|do|snort|rail|swalow|drop|shoot up) (?:the |a |my )?whole (?:bag|gram|g|bottle|packet|box"
        r"|strip|sheet|eighth|stash|lot)(?: of \w+)? (?:at once|in one go|tonight|and se)",
        "the whole amount at once",
    ),
    _rule(
        OD,
        NOW,
        r"(?:rat poison|weedkiler|antifreze|bleach|slug pelets|pesticide|pelets)(?: \w+){0,6} (?:for <ME>|i am going to"
        r" drink|to drink it|drink it when)",
        "poison prepared to drink",
    ),
    _rule(
        OD,
        NOW,
        r"took (?:another|more|a second|a further) (?:lot|load|batch|handful|packet|box|bottle) of <PILLS>",
        "another overdose taken",
    ),
    _rule(
        OD,
        NOW,
        r"(?:took|tuk|taken|had) (?:to|too) much (?:of )?(?:my )?(?:<PILLS>|medz|stuf|pils)|(?:taken|took|had) (?:\w+ ){0,6}"
        r"(?:by mistake|acidentaly|by acident|twice|double)",
        "too much taken, with symptoms",
        needs=r"heart (?:is )?(?:racing|pounding|going)|very (?:drowsy|slepy)|can not (?:stay awake|get up|se straight)"
        r"|feel (?:very |realy )?(?:quer|strange|weird|funny|sick|dizzy|faint)|spining|cnt get up|seing things",
        resolvable=False,
    ),
    _rule(
        OD,
        NOW,
        r"(?:heart|pulse) (?:is )?(?:going mental|going crazy|racing|pounding|going like)|(?:temp|temperature|fever)"
        r" (?:is )?(?:mad |realy |so |very )?high|seing things",
        "toxic symptoms after a drug",
        needs=r"(?:line|tabs?|pils|bag|gram|dropped|railed|took|taken|snorted|on top of my)(?: \w+){0,4}"
        r"|ssris?|what i thought was",
        resolvable=False,
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
        # exasperation over something trivial: "I'm gonna kill my sister, she ate my leftovers"
        unless=(
            r"(?:ate|eaten|eating|took|taken|borowed|stole|finished|drank|used|wore|wearing) my (?:last )?(?:leftovers"
            r"|food|chocolate|snacks|lunch|swets|crisps|biscuits|cake|pizza|makeup|charger|clothes|jumper|hodie"
            r"|top|shampo|chips|fries|tea|dinner)"
        ),
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
            r"|(?:wil|il|going to|might|could|scared i wil|afraid i wil) end up <HARMING> (?:him|her|them|<PERSON>)"
            r"|(?:had|got|grabbed|held|pinned) (?:him|her|them|<PERSON>) by the (?:throat|neck)"
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
            r"\bi (?:(?:\w+ ){1,3}(?:and|then) )?(?:nearly |almost |just |actualy |realy |literaly )?(?:hit|beat"
            r"|punched|slaped|kicked|choked|strangled|shoved|pushed|shook|smacked|stabbed|shot|hurt|atacked"
            r"|burned|bit) <PERSON>(?! at (?:chess|cards|pool|golf|tenis|poker|darts|\w*bal|games?|fifa|squash"
            r"|badminton|scrabble|monopoly|mario|arm wrestling|video games|racing|a race|the race|the game"
            r"|everything)\b| in (?:a |the )?(?:game|match|race|\w*bal|final|quiz|tournament|fifa|chess|cards|arm"
            r" wrestling|argument|debate)\b| s? feelings| feelings| up\b| with (?:a|the|my) (?:pilow|snowbal"
            r"|water))"
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
                r"(?:sharpened|loaded|got ready|have ready|readied) (?:a |my |the )?(?:knife|gun|blade|machete|axe"
                r"|rifle|pistol) (?:\w+ )?for (?:him|her|them|<PERSON>)\b"
            ),
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
            r"shoot\w* up (?:my|the|a|his|her|their) (?:\w+ )?(?:school|work|workplace|ofice|clas|church|mal|place"
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
            r"<INTENT> set (?:his|her|their|my \w+s?|the) (?:house|place|car|home|flat|apartment|ofice|dor|van)"
            r" (?:on fire|alight|ablaze)"
            r"|<INTENT> (?:burn|torch|smash up|wreck|blow up|set fire to|set light to|petrol bomb|firebomb)"
            r" (?:down )?(?:his|her|their|my \w+s?|the)"
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
    _rule(
        T,
        HIGH,
        _any(
            (
                r"(?:he|she|they|him|you|that \w+) (?:is|are|wil be|would be|il be) (?:so |fucking |literaly )?"
                r"(?:dead|a dead man|a dead woman|dead meat|six fet under|in hospital|in the ground|in a box)"
                r" (?:(?:when|next time|once|the (?:minute|moment|second)|as soon as) (?:i|we) (?:se|get|catch"
                r"|find)|if (?:he|she|they|you) (?:ever|comes?|shows?|touch\w*|goes|tries|try|so much as))"
            ),
            r"(?:is|are|he is|she is|they are|you are) (?:a )?(?:dead man|dead woman|dead meat)(?: walking)?",
            (
                r"(?:he|she|they|you) (?:wil not|is not going to|wil never|are not going to) (?:live to se|se)"
                r" (?:tomorow|the morning|another day|next wek|christmas|(?:his|her|their|your) next birthday)"
                r"(?= (?:[.,] )?(?:i wil|il|i am going to) (?:make sure|se to it))"
            ),
            (
                r"(?:he|she|they|you) (?:is|are|wil be|il be) (?:getting|going to get|gona get) (?:a |my )?<WEAPON>"
                r" (?:to|in|across|over) (?:the|his|her|their|your) (?:head|face|skul|legs|knes)"
            ),
        ),
        "a threat: someone is dead when they are seen",
        negatable=False,
        unless=(
            r"(?:mom|dad|teacher|boss|wife|husband) (?:ses|finds|hears|gets home)|lol|haha|lmao|joking|kiding"
            r"|(?:if|whether|hope|afraid|scared|worried) (?:he|she|they) (?:is|are|wil be) dead|game|film|movie"
            r"|show|series|character"
        ),
    ),
    _rule(
        T,
        HIGH,
        _any(
            r"(?:him|her|them|<PERSON>) (?:\w+ ){0,5}?with (?:a|my|the|his|her|this|that|an) (?:\w+ )?<WEAPON>\b",
            r"(?:take|taking|took) (?:a |my |the |his |her )?(?:\w+ )?<WEAPON> to (?:him|her|them|<PERSON>)\b",
        ),
        "going after someone with a weapon",
        self_only=True,
        topical=True,
        needs=r"<INTENT>|going to|wil|il|gona|wait\w*|swear",
        unless=(
            r"toy|game|fom|water|pilow|snowbal|cricket|rounders|play\w*|match|training|practice|teach\w*|help\w*"
            r"|share|show\w*|lesson|clas|cake|bread|turkey|chicken|diner|carv\w*"
        ),
    ),
    _rule(
        T,
        HIGH,
        (
            r"(?:pour|poured|pouring|put|throw|throwing|threw|spray\w*|chuck\w*|squirt\w*) (?:\w+ )?(?:petrol"
            r"|gasoline|lighter fluid|acid|bleach|boiling water|paraffin|kerosene) (?:\w+ ){0,2}?(?:through|on|over"
            r"|at|in|into) (?:him|her|them|<PERSON>|(?:his|her|their) (?:\w+ )?(?:face|eyes|leterbox|house|car|dor"
            r"|head|bed)|(?:that \w+s|my \w+s) (?:face|leterbox|house|car|dor))\b"
        ),
        "petrol, acid or boiling water on someone",
        self_only=True,
        topical=True,
    ),
    _rule(
        T,
        HIGH,
        (
            r"(?:rat poison|poison|antifreze|bleach|wed kiler|drain cleaner|cyanide|arsenic|something) (?:in|into)"
            r" (?:his|her|their|my \w+s|that \w+s) (?:\w+ )?(?:drink|tea|cofee|food|dinner|meal|lunch|glas|cup"
            r"|water|pint|breakfast)"
        ),
        "putting poison in someone's food or drink",
        self_only=True,
        topical=True,
        needs=r"poison\w*|kil|die|dies|hurt|sufer|sick|pay|knock (?:him|her|them) out|pas out|antifreze|bleach",
    ),
    _rule(
        T,
        HIGH,
        r"poison\w* (?:him|her|them|(?:my|his|her|their|that|the) (?:\w+ )?<PERSON_NOUN>s?)\b",
        "poisoning someone",
        self_only=True,
        topical=True,
    ),
    _rule(
        T,
        HIGH,
        _any(
            (
                r"<INTENT> (?:put|send|throw|smash|shove|push) (?:him|her|them|<PERSON>) (?:in|into|through|out)"
                r" (?:the |a |an )?(?:hospital|intensive care|icu|wheelchair|ground|grave|early grave|coma|morgue"
                r"|window|wal|windscreen|table|glas dor)"
            ),
            (
                r"(?:machete|knife|knives|bat|basebal bat|gun|hamer|axe|crowbar|blade)(?: \w+){0,6}? (?:for"
                r" when|in case|ready for when|waiting for when|til|until) (?:he|she|they|him|her|them|my \w+)"
                r" (?:comes?|shows?|turns?|tries|gets|walks|next)"
            ),
        ),
        "a plan to put someone in hospital, or a weapon waiting for them",
        self_only=True,
    ),
    # UK drill and road slang: "merk" (kill), "opps" (rivals), "wet" / "ching" / "shank" (stab).
    _rule(
        T,
        HIGH,
        _any(
            (
                r"(?:smoke|smoking|slide on|sliding on|spin on|spining on|wet|weting|merk|merking|catch|ching"
                r"|chinging|shank|shanking|bang|banging) (?:my |the |them |those |our |his |some )?ops"
            ),
            r"(?:geting|get|gets|going to get|about to get|wil get|gona get) (?:merked|weted|wet up|chinged|shanked)",
            r"<INTENT> (?:merk|wet|ching|shank) (?:him|her|them|that|this|the|my|his)",
        ),
        "threat to hurt someone (slang)",
        unless=r"game|fortnite|fifa|cod|call of duty|match|round|loby|online|ranked|mates at",
    ),
    _rule(
        T,
        HIGH,
        _any(
            (
                r"(?:everyone|everybody|the whole (?:schol|world|town|ofice|colege)|they|you) (?:at \w+ (?:\w+ )?)?"
                r"(?:wil|are going to) (?:al )?know my name"
            ),
            r"(?:they|you|everyone|everybody) (?:wil|are going to) al be sory",
        ),
        "warning of an attack",
        needs=r"schol|colege|work|ofice|monday|tomorow|know my name|gun|what i do|what is coming",
        unless=r"when i am (?:gone|dead)|famous|band|album|book|song|start ?up|busines|promotion",
    ),
    # Families from the development sets (written by people who never saw the rules) and from probes
    # written fresh, each measured before any rule was tuned on it: a rule is the family, not the sentence.
    _rule(
        T,
        HIGH,
        r"voices? (?:\w+ ){0,3}(?:tel\w*|told|say\w*|said|want\w*|order\w*|command\w*|keps? telling) me to <HARM>"
        r" (?:my |the |a |that |this |some|him|her|them|every|<PERSON_NOUN>)",
        "voices telling them to harm someone",
        negatable=False,
    ),
    _rule(
        T,
        HIGH,
        _any(
            r"(?:do not|can not) trust my (?:own )?hands (?:around|with|near)",
            r"(?:shoved|pushed|threw|slamed|smashed|hit|punched|slapped|kicked|strangled|choked) my (?:misus|wife"
            r"|girlfriend|partner|husband|boyfriend|kids?|son|daughter|baby|mum|mom|dad) (?:into|against|down|across"
            r"|in the|so hard)",
        ),
        "hurts their partner or child",
    ),
    _rule(
        T,
        HIGH,
        _any(
            r"put (?:something|stuf|pils|drugs|a pil) in (?:my |his |her |their )?(?:\w+ )?drink",
            r"easiest to (?:hurt|kil|atack|get to|stab|shoot)",
            r"wet (?:him|her|them|dem|man|the \w+) up",
            r"catch (?:\w+ ){0,2}lacking",
            r"(?:gona|going to|about to) do (?:him|her|them|the \w+|that \w+) over|do over (?:the|that|this) \w+",
            r"(?:somebody|someone|people|a guy|a man) i (?:have|ned|got) to (?:deal with|sort out|take care of|take out)",
            r"(?:is|are) going to end up in hospital if",
        ),
        "plans to hurt someone",
        negatable=False,
        unless=r"joke|jokes|game|fortnite|cod|fifa|xbox|playstation|ps5",
    ),
    _rule(
        T,
        HIGH,
        _any(
            r"(?:paying|pay|paid) (?:him|her|them|that \w+|the \w+) a visit",
            r"(?:gona|going to|wil) regret (?:it|this|that)",
            r"list of names",
            r"waiting for (?:him|her|them) (?:in|outside|after|round|behind) ",
        ),
        "a visit, a list, a regret: with a weapon or a plan",
        needs=r"tyre iron|bat|crowbar|hamer|machete|knife|knives|gun|shotgun|rifle|blade|weapon|cabinet|not saying"
        r"|what (?:it|the list) is for|seriously|decided|tonight|after school|car park",
        negatable=False,
    ),
    # Development set 6: intent stated through plans, weapons carried, threats made conditional.
    _rule(
        T,
        HIGH,
        r"(?:thinking|think|thought|fantasi[sz]ing|dreaming|daydreaming) (?:about|of) (?:kiling|murdering|stabing"
        r"|shooting|hurting|strangling|poisoning) (?:my |that |the |this |his |her )?<PERSON_NOUN>",
        "thoughts of killing someone, with means",
        needs=r"sharpen\w*|plan\w*|knife|gun|weapon|serious\w*|every day|energy|for it|how to",
    ),
    _rule(
        T,
        HIGH,
        r"thought (?:seriously |realy )?about using it",
        "a weapon held in an argument",
        needs=r"knife|blade|gun|hammer|bat|argu\w*",
    ),
    _rule(
        T,
        HIGH,
        r"(?:cave|kick|smash|bash|stove|punch) (?:his|her|their|that \w+s|the \w+s) (?:head|face|skul) in",
        "a threat to smash someone's head in",
        unless=r"game|footbal|match|playstation|fifa",
    ),
    _rule(
        T,
        HIGH,
        r"(?:fina|going to|about to|wil|il) (?:beat|bash|batter|fuck up) (?:my |his |her |that |this |the )"
        r"(?:\w+ ){0,3}(?:as|up)",
        "a plan to beat someone",
        unless=r"game|level|record|score|time|traffic|rush|queue",
    ),
    _rule(
        T,
        HIGH,
        r"(?:go|going|gone|about to go) postal",
        "going postal, with means",
        needs=r"got (?:everything|al) i ned|bought|gun|weapon|tomorow|tmrw|tomorrow",
    ),
    _rule(
        T,
        HIGH,
        r"sort (?:him|her|them) out (?:properly|for god|once and for al)",
        "sorting someone out, armed",
        needs=r"tyre iron|bat|knife|blade|crowbar|hammer|gun|weapon|iron bar|machete|jacket",
    ),
    _rule(
        T,
        HIGH,
        r"(?:dip|diping|wet|weting|shank|shanking|juke|juking) (?:dat |that |this |the )?(?:yute|yout|youth|opp|brudda"
        r"|bredda|wasteman)",
        "a stabbing threat in slang",
    ),
    _rule(
        T,
        HIGH,
        r"(?:wil not|would not) be (?:walking|going|driving|getting) (?:back|home)",
        "others will not go home",
        needs=r"if (?:my |the |they|he|she|anything)|when (?:they|he|she)",
        negatable=False,
    ),
    _rule(
        T,
        HIGH,
        r"it (?:wil not|would not) (?:have been|be) an acident",
        "it will not have been an accident",
        needs=r"if (?:anything|something) (?:happens|hapens)",
        negatable=False,
    ),
    _rule(
        T,
        HIGH,
        r"(?:<PERSON_NOUN>|people|he|she|they|him) (?:do not|does not) deserve to (?:live|se (?:christmas|another"
        r"|tomorow|the new year|next)|breathe|be alive)",
        "someone should not live, and the client may decide",
        needs=r"i might|i wil|i am going to|decides?|make sure|the one",
        negatable=False,
    ),
    _rule(
        T,
        HIGH,
        r"i (?:wil|might|could|would) (?:help|arange|make|cause) (?:the |an |his |her )?acident",
        "arranging an accident",
    ),
    _rule(
        T,
        HIGH,
        r"(?:would|could|wil|to) (?:lok|pas|sem) (?:like|as) an acident",
        "making harm look like an accident",
        needs=r"my (?:ex|husband|wife|partner|boss|dad|mum|mom|father|mother|brother|sister)|\bhis\b|\bher\b|\bhim\b",
        unless=r"book|novel|story|film|movie|character|writing",
    ),
    _rule(
        T,
        HIGH,
        r"how (?:to|people|someone|you) (?:\w+ )?(?:get|got|gets) away with (?:it|murder|kiling)",
        "studying how to get away with it",
        needs=r"notes|loking up|researching|watching|videos|not for a book|not in a",
    ),
    _rule(
        T,
        HIGH,
        r"fingerprints (?:\w+ ){0,6}(?:knife|blade|gun|weapon)",
        "hiding evidence on a weapon",
        unless=r"book|novel|story|film|movie|character|writing|podcast|crime drama",
    ),
    _rule(
        T,
        HIGH,
        r"(?:bleach|antifreze|rat poison|poison|weedkiler|<PILLS>) in (?:a |his |her |their |my \w+s )?(?:cup of )?"
        r"(?:tea|cofee|drink|food|dinner|meal|poridge)|(?:stir|put|slip|crush|mix|add) (?:\w+ ){0,4}into (?:my |his"
        r" |her |their )(?:\w+ ){0,2}(?:tea|cofee|drink|food|dinner|poridge|meal|breakfast)",
        "poisoning someone's food",
        needs=r"noticed|taste|detect\w*|lives with|father|mother|husband|wife|in law|owed|bleach|poison|warfarin"
        r"|antifreze|weedkiler",
        unless=r"by acident|acidentaly|spil\w*",
    ),
    _rule(
        T,
        HIGH,
        r"(?:zip ties|cable ties|duct tape|gafer tape|chloroform)(?: \w+){0,3} (?:and|,) (?:\w+ ){0,3}(?:duct tape"
        r"|zip ties|cable ties|a second phone|burner|gloves|balaclava)",
        "a kit for taking someone",
    ),
    _rule(
        T,
        HIGH,
        r"(?:losening|losened|losen|cut|cuting|tampered with|tamper with|mesing with) (?:the )?(?:whel nuts|brakes?"
        r"|brake (?:lines?|cables?))",
        "tampering with someone's car",
        unless=r"my own|mechanic|garage|for a living",
    ),
    _rule(
        T,
        NOW,
        r"(?:taking|take|bring|bringing) (?:it|the gun|a gun|my gun|the rifle|the ar|his gun) to (?:work|school|the"
        r" ofice|colege|clas)",
        "a gun taken to work or school",
        needs=r"gun|rifle|\bar\b|pistol|shotgun|weapon|find out|pay|safe",
    ),
    _rule(
        T,
        HIGH,
        r"(?:people|those|the ones|everyone|they) (?:who|that) (?:laughed at|bulied|mocked|picked on|wronged|humiliated)"
        r" me (?:are|is) (?:going to|gona) (?:find out|pay|regret|be sory|get what)",
        "those who laughed will pay",
    ),
    _rule(
        T,
        HIGH,
        r"(?:waiting|wait|be waiting) (?:there |for (?:him|her|them) )?with (?:a |the |my )?(?:bar|knife|blade|bat|hammer"
        r"|crowbar|gun|tyre iron|machete|brick|golf club)",
        "lying in wait, armed",
    ),
    _rule(
        T,
        HIGH,
        r"(?:sat|siting|parked|waiting|waited) outside (?:his|her|their) (?:flat|house|place|work|door) (?:\w+ ){0,4}"
        r"with (?:a |the |my )?(?:blade|knife|bat|hammer|gun|crowbar|machete)",
        "waiting outside someone's home, armed",
    ),
    _rule(
        T,
        HIGH,
        r"(?:star picket|tyre iron|crowbar|baseball bat|machete|knife|blade) in (?:the|my) (?:ute|car|van|bot|trunk"
        r"|jacket|pocket|bag)",
        "a weapon carried for someone",
        needs=r"if (?:he|she|that|they)|gona|going to|sort|cave|get him|get her|teach",
    ),
    _rule(
        T,
        HIGH,
        r"i (?:swear )?(?:i wil|il|i am going to) do worse",
        "worse to come for a child",
        needs=r"\bher\b|\bhim\b|my (?:son|daughter|kid|child|baby|toddler)|\d+ year old",
    ),
    _rule(
        T,
        HIGH,
        r"(?:stopped|stop|not) giving (?:my )?(?:dad|mum|mom|father|mother|husband|wife|nan|gran|grandad|grandma|him"
        r"|her) (?:his|her|their) (?:heart |blod presure |diabetes )?(?:tablets|pils|meds|medication|insulin)",
        "medicine withheld from someone in their care",
        unless=r"doctor said|gp said|told to|advised|nurse said|stopped them",
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
                r"|threatening|smothers|smothered|smothering|suffocates|suffocated|suffocating|(?:tried|tries"
                r"|trying|atempted) to (?:smother|strangle|choke|drown|suffocate|kil|stab|poison|run over|hang|burn"
                r"|shoot|hurt|hit|beat)) (?:(?:my \w+ )(?:\w+ )?and )?(?:me|us)(?! (?:at|in) (?:chess|cards|pool|golf"
                r"|tenis|poker|darts|video games|games?|monopoly|scrabble|mario|fifa|racing|arm wrestling|a"
                r" race|\w*ball)\b| with (?:a|an|the|this|that|his|her) (?:\w+ )?(?:surprise|question|joke"
                r"|news|story|idea|bil|fact|truth|request|party|gift|present|compliment|lecture|speech"
                r"|riddle|pilow|cushion|snowbal|water balon|nerf \w+)\b| to (?:it|the punch)\b"
                r"| out(?: [.,!?]| and\b| of (?:the |my |our |his |her )?(?:house|flat|home|place|apartment|room)\b|$)"
                r"| with (?:a |an"
                r" )?(?:ton|load|pile|lot|bunch|stack|mountain"
                r"|heap) of\b| out of (?:the |our |a |my )?(?:group|chat|gc|game|team|band|server|discord|lesson|clas"
                r"|meting|match|party)\b)"
            ),
            (
                r"(?:pinned|pins|held|holds|tied|ties|dragged|drags) (?:me|us) (?:down|up|by my \w+|against (?:the"
                r"|a) \w+|to the (?:flor|ground|bed|wal))"
            ),
            r"forced (?:himself|herself|themselves) on me",
            (
                r"(?:threw|throws|throwing|chucked|hurled) (?!(?:a |the |his |her )?(?:pilow|cushion|bal|snowbal|toy"
                r"|teddy|sock)\b)(?:\w+ ){1,3}at my (?:head|face)"
            ),
            (
                r"(?:put|puts|held|holds|holding|pushed|presed|pushes|presing|shoved) (?:a |the |his |her )?(?:pilow"
                r"|cushion|hand|hands|bag|plastic bag|towel|blanket) (?:over|against|across|into) my (?:face|mouth"
                r"|nose|head)"
            ),
            (
                r"(?:threw|throws|throwing|chucked|flung|pushed|pushes|shoved|shoves|kicked) (?:me|us) (?:down"
                r"|against|into|across|out of|onto|on|to|of_) (?:the )?(?:\w+ )?(?:stairs|wal|flor|ground|bed"
                r"|window|dor|car|room|street|house)"
            ),
        ),
        "being hurt by someone",
        by=r"<PERP> (?:<GAP>|(?:\w+ ){1,7}and (?:then )?|at (?:my |the )?\w+ <GAP>)",
        unless=(
            r"toy|acident\w*|playing|bal|game|snowbal|pilow fight|tickl\w*|as a joke|joking|for a laugh"
            r"|play fight\w*|mes\w* (?:about|around)|banter"
        ),
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
            (
                r"(?:get|got|getting|gets|been|ben|keep getting) (?:\w+ )?(?:battered|beaten|beat up|hit|punched"
                r"|kicked|slaped|choked|strangled|raped|asaulted|abused|hurt|thrown|pushed|shoved|atacked|bashed"
                r"|knocked about|smacked|whipped) (?:\w+ )?by (?:<PERP>|him|her|them)\b(?! at\b| in (?:a|the)"
                r" (?:game|match|race)\b)"
            ),
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
            r"|(?:said|says|threatened|threatens|swore|swears|told me|keps saying) (?:that )?(?:he|she|they)?"
            r" ?(?:would|wil|is going to|going to|to|il)? ?kil (?:the|my|our) (?:kids|children|baby|son|daughter"
            r"|dog|cat|family)"
        ),
        "threatened with violence",
        by=r"<PERP> <GAP>",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:said|says|threatened|threatens|swore|swears|told me) (?:that )?if i (?!(?:do not|dont|don't) (?:stop|quit"
            r"|cut|get help|sort)|(?:keep|carry on|start) (?:drinking|using|smoking|gambling|vaping))(?:\w+ ){1,5}(?:he|she"
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
            (
                r"if i (?:leave|go|tel anyone|cal the police|report (?:him|her|them)|break up with (?:him|her))(?:"
                r" him| her)?(?: ,)? (?:he|she|they) (?:wil|il|would|is going to) kil (?:himself|herself|themselves"
                r"|me|us|the kids|the children|my \w+)"
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
            r"|agresive|dangerous|rough|handy|physical|scary)(?! (?:with the|game|sport|match|sea|weather)\b)"
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
            (
                r"(?:squezed|squezes|squezing|grabbed|grabs|gripped|grips|held|holds|presed|crushed|choked) (?:me"
                r" by )?my (?:throat|neck)(?: \w+){0,3} (?:til|until|so hard|and|that) (?:i )?(?:could not breathe"
                r"|can not breathe|pased out|blacked out|nearly pased out|almost pased out|saw stars)"
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
                r"|documents|wages|car keys|bank card|cards|debit card|credit card|benefits|salary|savings"
                r"|paycheck)"
            ),
            (
                r"(?:has|holds|took|taken|keps|kept|hides|hid|confiscated|withholds|withheld|locked up) my"
                r" (?:pasport|visa|id|documents|papers|birth certificate)"
            ),
            (
                r"(?:controls|controled|controling) (?:al )?(?:of )?(?:the|my|our) (?:money|finances|bank \w+"
                r"|acounts?|cards?|wages|pension|benefits|spending)"
            ),
            (
                r"(?:forces|forced|makes|made|pressures) me (?:to )?(?:have sex|do (?:sexual|things)|touch"
                r"|watch|slep with (?:him|her|them|his \w+)|undres)"
            ),
            r"comes into my (?:room|bed) at night",
        ),
        "being controlled or sexually abused",
        by=r"<PERP> <GAP>",
        unless=(
            r"safe|safekeping|because i (?:lose|lost|always lose|would lose)|for me|asked (?:him|her|them)"
            r"|look after|while i|borow\w*|charg\w*|fix\w*|for a (?:bit|minute|second|while)|by acident"
            r"|acidentaly|mistake"
        ),
    ),
    _rule(
        A,
        HIGH,
        _any(
            r"(?:lock|locks|locked|keps|kep) me (?:in|inside|out)\b(?! (?:by (?:acident|mistake)|acidentaly)\b)",
            r"not alowed to (?:leave|go out|se|talk|have)",
            r"(?:wil not|does not|never) let me (?:leave|go out|se|eat|sleep|talk|have)(?! (?:him|her|them|the kids|my"
            r" (?:son|daughter|kids|children)) (?:overnight|at weekends|for weekends|over)\b)",
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
    # Coercive control: phones checked, movements tracked, permission to eat or go out, money taken.
    _rule(
        A,
        HIGH,
        (
            r"(?:checks|checked|checking|goes through|went through|reads|read|monitors|monitored|tracks|tracked"
            r"|tracking|follows|followed) (?:al )?(?:of )?my (?:phone|texts|messages|emails|location|acounts?"
            r"|social media|bank statements|whatsapp|dms|every move|movements|car)"
        ),
        "phone checked or movements tracked",
        by=r"<PERP> <GAP>",
        needs=_any(
            r"every (?:day|night|time)",
            r"always",
            r"(?:goes|went|go) mad",
            r"angry",
            r"kicks? of_",
            r"not alowed",
            r"shouts?|screams?",
            r"acuses?|acused",
            r"makes me|demands?|forces?",
            r"wil not let",
            r"if i",
            r"constantly|al the time",
            r"obses\w*|jealous",
            r"turns up|shows up|wherever|everywhere",
            r"pasword|permision",
        ),
    ),
    _rule(
        A,
        HIGH,
        r"(?:turns|shows|keps turning|keps showing) up (?:wherever i (?:am|go)|everywhere i go|at my (?:work|house"
        r"|flat|dor|school|job))",
        "someone turns up wherever they go",
        by=r"<PERP> (?:<GAP>|(?:\w+ ){1,7}and (?:then )?)",
        unless=r"lunch|surprise|suprise|cake|flowers?|present|gift|cofee",
    ),
    _rule(
        A,
        HIGH,
        _any(
            (
                r"not alowed (?:out|to go out|any friends|friends|my own (?:money|phone|bank acount)|to (?:work"
                r"|have (?:money|a phone|friends|my own \w+)|wear|eat|sleep|leave the house|se (?:my|anyone)))"
            ),
            (
                r"(?:have to|ned to|must) ask (?:him|her|them|my \w+)? ?(?:for )?(?:permision )?(?:to|before i)"
                r" (?:eat|go out|leave the house|se my (?:friends|family|mom|parents|sister|brother)|spend (?:any"
                r" )?money|use (?:the|my) phone|have a shower|shower|get dresed|sleep|talk to)"
            ),
        ),
        "not allowed out, or must ask permission to live",
        self_only=True,
        unless=r"homework|grounded|curfew|school nights?|exams?|til|until|revis\w*|mom|dad|parents?|years old",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:takes|took|taking|steals|stole|stealing|keps taking|has ben taking|helps (?:him|her)self to)"
            r" (?:\w+ )?(?:money|cash|my pension|my savings|my benefits) (?:out of|from|of_) my (?:acount|bank"
            r"|purse|wallet|savings|pension|card|bank acount)"
        ),
        "money taken from them",
        by=r"<PERP> <GAP>",
        needs=(
            r"without (?:asking|permision|telling)|threat\w*|shouts?|shouting|confused|wil not|keps|every (?:wek"
            r"|month)|hits?|push\w*|hide\w*|lie\w*|scared|afraid|stole|steal\w*|never (?:pays|gives)|forget\w*"
        ),
    ),
    # Threats: the children taken, intimate images shared, a weapon pointed at them.
    _rule(
        A,
        HIGH,
        r"(?:take|taking|took) (?:the|my|our) (?:kids|children|baby|son|daughter|kid|girls|boys)(?: away)?"
        r"(?! to\b| for (?:a|the|their|his|her|lunch|dinner|the day)\b)",
        "threatens to take the children",
        needs=_any(
            r"never se (?:them|him|her) again",
            r"(?:wil not|not) se (?:them|him|her) again",
            r"if i (?:leave|go|tel|cal|report|ever)",
            r"away from me",
            r"custody",
            r"threat\w*",
        ),
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:threaten\w*|wil|would|il|going to|is going to) (?:to )?(?:post|share|send|leak|put up|publish"
            r"|show (?:everyone|people|my \w+)) (?:\w+ )?(?:my|our) (?:nudes|naked \w+|intimate \w+|sex \w+"
            r"|private (?:pictures|photos|pics|videos)|pics|pictures|photos|videos)"
        ),
        "threatens to share intimate images",
        needs=r"nudes|naked|intimate|sex|private|if i|unles",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:pointed|points|pointing|held|holds|holding|pulled|pulls|waved|waving|put|puts) (?:a|his|her|the"
            r"|their) (?:gun|knife|pistol|blade|rifle|shotgun|weapon|machete|axe|hamer) (?:at|to|against|in)"
            r" (?:me|my (?:face|throat|head|neck|chest))"
        ),
        "a weapon pointed at them",
        by=r"<PERP> <GAP>",
    ),
    # Sexual coercion: rent, a job or grades for sex; "no one will believe you".
    _rule(
        A,
        HIGH,
        _any(
            r"(?:pay|paying|paid) (?:the |my |for the )?(?:rent|bils|debt) (?:in|with) (?:other|diferent|some"
            r" other|another) (?:ways?|means)",
            (
                r"(?:sex|sexual \w+|favours?|slep\w* with (?:him|her|them)|nudes|naked (?:pictures|photos|pics))"
                r" (?:instead of|in exchange for|in return for|in place of|to cover|as payment for|for) (?:the |my"
                r" |a )?(?:rent|money|job|my job|promotion|raise|grades|marks|pay|wages|visa|papers|debt|drugs"
                r"|a place to stay|somewhere to stay)"
            ),
            (
                r"(?:wants|demands?|expects?|asks? for|asking for|asked for) (?:\w+ )?(?:sex|sexual favours?|me to slep"
                r" with (?:him|her)) (?:or|otherwise|if not|instead of|for)\b"
            ),
            (
                r"(?:lose|lost|sack|sacked|fire|fired|evict|evicted|kick me out|fail|failed) (?:\w+ ){0,3}if i"
                r" (?:do not|did not|would not|wil not|refuse to|refused to) (?:slep with|have sex|send (?:nudes"
                r"|pics|photos)|go out with (?:him|her)|kis (?:him|her)|touch (?:him|her))"
            ),
        ),
        "sexual coercion",
    ),
    _rule(
        A,
        HIGH,
        r"no one (?:wil|would|is going to|is gona|wil ever|would ever) (?:ever )?believe (?:me|you|a kid|a child)",
        "told no one will believe them",
        needs=r"touch\w*|hurt\w*|hit\w*|secret|sex\w*|rape\w*|abus\w*|bruis\w*|threat\w*|grop\w*|molest\w*"
        r"|forced|makes me",
    ),
    # A child told what to say about their injuries.
    _rule(
        A,
        HIGH,
        _any(
            (
                r"(?:told|tels|says|said|made|makes) (?:me )?(?:not to|never to|to never|i (?:can not|must not"
                r"|should not|am not alowed to|can never)) (?:tel|say|show|let) (?:\w+ ){0,4}(?:where|how|about"
                r"|what|who) (?:\w+ ){0,3}(?:bruises?|marks|burns|cuts|injur\w*|black eye|broken \w+)"
            ),
            (
                r"if (?:anyone|someone|somebody|they|people|teachers?|the teacher|school) (?:asks?|asked) (?:\w+"
                r" ){0,4}(?:i (?:have|had|ned|needed|must) to|to) (?:say|tel (?:the )?\w+) (?:that )?(?:i|it|they"
                r"|he|she) (?:fel|tripped|walked into|bumped|slipped|was an acident|got (?:it|them) (?:at|from"
                r"|playing))"
            ),
            (
                r"(?:says|said|told me|tels me|makes me|made me) (?:i (?:have|had|ned|must) to|to) (?:say|tel (?:\w+"
                r" )?(?:school|teachers?|the teacher|people|everyone|anyone|them|the doctor|nurse)) (?:that )?i"
                r" (?:fel|tripped|walked into|bumped|slipped)"
            ),
        ),
        "told what to say about their injuries",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:carer|carers|care worker|care workers|staf|nurse|teacher|coach|stepdad|stepmom|nany|babysiter"
            r"|childminder|boyfriend|girlfriend|partner|husband|wife) (?:at (?:\w+ ){1,3})?(?:slaps|hits|beats"
            r"|kicks|punches|pinches|shoves|pushes|hurts|slaped|hit|kicked|punched|pinched|shoved|rough handles)"
            r" (?:her|him|them|my (?:mom|dad|nan|gran|son|daughter|kids|child|brother|sister|grandad|grandma)"
            r"|the (?:kids|residents|children|patients))(?! up| back)"
        ),
        "someone in their care is being hurt",
        unless=r"game|at (?:chess|cards|tenis|golf)",
    ),
    _rule(
        A,
        HIGH,
        (
            r"(?:told|tel|said to) (?:the |my |a )?(?:doctor|gp|nurse|them|everyone|work|boss|schol|hospital|people"
            r"|police|mom|dad|friends) (?:that )?i (?:fel|walked into|tripped|slipped|bumped)"
        ),
        "a cover story for an injury",
        needs=r"i did not|it was not|not true|lie\w*|lying|again|he |she |him|her ",
        unless=r"bike|ice|skiing|footbal|rugby|hike",
    ),
    _rule(
        A,
        HIGH,
        _any(
            r"(?:i|and i) (?:end up|ended up|am left|was left|get left) with (?:marks|bruises|a black eye|welts)",
            r"(?:bit|bites|biten) me(?! on)",
            r"(?:puled|puls|yanked|yanks|riped|rips|dragged|drags) (?:out )?(?:me by )?my hair(?! back| up)",
        ),
        "hurt by someone at home",
        by=r"(?:<PERP> (?:<GAP>|(?:\w+ ){1,7}and (?:then )?)|(?:loses|lost) it and )",
        unless=r"dog|cat|puppy|kiten|hamster|horse|toddler|baby|mosquito|insect|spider|snake|rugby|footbal|training",
    ),
    _rule(
        A,
        HIGH,
        _any(
            r"(?:saying|says|said|texting|texted|told me|writing|notes) (?:that )?i (?:wil|am going to) pay(?= *(?:[.,!]|$| for (?:this|what|leaving)))",
            r"(?:found|got|has|knows|tracked down|turned up at|showed up at) (?:out )?(?:my|our) (?:new )?(?:adres|house|flat|place)",
        ),
        "threatened or tracked down by an abuser",
        needs=r"threat\w*|wil pay|notes|got away|left (?:him|her)|restraining|injunction|scared|afraid|my ex|stalk\w*",
        resolvable=False,  # "I got away from him two years ago" is the past; that he found her is not
    ),
    # Families from the development sets (written by people who never saw the rules) and from probes
    # written fresh, each measured before any rule was tuned on it: a rule is the family, not the sentence.
    _rule(
        A,
        HIGH,
        r"(?:do|does|did|doing) (?:stuf|things|what they want|whatever they want) to me",
        "held down, forced or filmed",
        needs=r"hold\w* me down|held me down|film\w*|record\w*|said no|force\w*|make me|made me|touch\w*|pin\w* me",
        unless=r"pranks?|tiktok|youtube|jokes?|make ?up|hair|nails|tatoo\w*|massage|physio\w*|doctor|dentist",
    ),
    _rule(
        A,
        HIGH,
        _any(
            r"i said no (?:the whole time|over and over|again and again|but (?:he|she|they) (?:did not|kept|carried"
            r"|would not))",
            r"(?:is not|was not|can not be|it is not) rape (?:because|if|when|since)",
        ),
        "sex without consent",
        negatable=False,
    ),
    _rule(
        A,
        HIGH,
        r"(?:i get|i got|i am|i was|they|he|she) (?:\w+ )?(?:locked|shut) in (?:the|my|a) (?:shed|cupboard|closet|cellar"
        r"|basement|garage|room|bathroom|car|boot|cage)",
        "locked in as a punishment",
        needs=r"naughty|bad|punish\w*|al night|al day|hours|i am (?:[4-9]|1[0-6]|four|five|six|seven|eight|nine|ten"
        r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen)\b|without food|no food|dark",
    ),
    _rule(
        A,
        HIGH,
        r"makes? me go without (?:food|dinner|tea|supper|meals|eating|water)|(?:no|not alowed) (?:food|dinner|meals)"
        r" (?:if|when|as (?:a )?punishment|because)",
        "food withheld as a punishment",
    ),
    _rule(
        A,
        HIGH,
        r"dead (?:bird|animal|cat|rat|rabit|mouse|fish|flowers) (?:\w+ )?(?:on|at|by|outside|left on|through) (?:my|the)"
        r" (?:door\w*|step|car|windscreen|porch|letterbox)",
        "stalked and threatened",
        needs=r"ex|he|she|every night|again|drives past|watching|folow\w*",
    ),
    _rule(
        A,
        HIGH,
        r"(?:asks?|asking|asked|wants?|wanted|keps? asking|messages? (?:me )?asking|sends? me messages asking)"
        r" (?:me )?for (?:pictures|photos|pics|nudes|selfies|videos) of me",
        "an adult asking a child for pictures",
        by=r"(?:teacher|coach|uncle|man|guy|tutor|stepdad|instructor|pastor|priest|neighbor|boss|older \w+)(?: \w+){0,3} ",
    ),
    # Development set 6: abuse told without the word: injuries, neglect, control, threats, grooming.
    _rule(
        A,
        HIGH,
        r"broke (?:two of |one of |some of |al of )?my (?:fingers?|arm|wrist|nose|ribs?|jaw|hand|leg|toes?|colarbone)",
        "a bone broken by someone",
        by=r"(?:he|she|they|<ADULT>|missus|old man|wife|husband)(?: \w+){0,2}",
        unless=r"acident\w*|footbal|rugby|game|match|training|fel|tripped|skiing",
    ),
    _rule(
        A,
        HIGH,
        r"(?:leaves|left|leave|leaving) (?:me|us)(?: and my (?:little |litle )?(?:sister|brother|siblings?))? (?:alone )?"
        r"(?:with no|without) (?:food|money|electric\w*|heating|anyone|an adult)",
        "a child left without food or care",
        needs=r"for days|i am (?:\d|[1-9]\d|eleven|twelve|ten|nine|eight)|im \d+|al weekend|nights|ran out",
    ),
    _rule(
        A,
        HIGH,
        r"(?:spends?|spending|spent|takes?|took|keps?) my (?:pension|benefits|wages|savings)",
        "money taken by family",
        needs=r"crackers|wil not let|wont let|without asking|on (?:her|his|their) own|stopped buying|no food|without food"
        r"|living on",
    ),
    _rule(
        A,
        HIGH,
        r"(?:decides|controls|chooses|says|tels me) (?:what i wear|who i (?:text|se|talk to|message)|when i am alowed)"
        r"|when i am alowed to (?:use the toilet|go to the toilet|eat|go out|se|leave)",
        "control over clothes, contacts, the toilet",
    ),
    _rule(
        A,
        HIGH,
        r"(?:wife|woman|girl) (?:can not|cannot|must not|is not alowed to|may not) refuse",
        "told she cannot refuse sex",
        needs=r"hurts|bled|bleed|husband|he",
    ),
    _rule(
        A,
        HIGH,
        r"marks (?:from|of) (?:the |an |his |her )?(?:extension cable|cable|belt|wire|cord|stick|woden spon|slipper|cane)",
        "marks from being beaten",
    ),
    _rule(
        A,
        HIGH,
        r"(?:make|makes|made|making) (?:me|u|you|us) (?:stand|slep|stay|knel|hold) (?:\w+ ){0,4}(?:al night|outside|in"
        r" the garden|in the cold|in the snow|for (?:hours|an hour)|above my head)",
        "punished by standing out all night",
        needs=r"dad|mum|mom|father|mother|stepdad|parents?|<ADULT>|he|she",
    ),
    _rule(
        A,
        HIGH,
        r"(?:hits|slaps|beats|kicks|belts|whacks|wacks|punches|thumps|clips) me (?:wit |with )?(?:\w+ ){0,3}(?:if|when"
        r"|whenever|every time|evry time|for)",
        "hit as a punishment or when drunk",
        needs=r"<ADULT>|missus|old man|he|she|they",
        unless=r"toddler|baby|babies|\d year old|kids?|child|puppy|dog|cat|phase|playing|game",
    ),
    _rule(
        A,
        HIGH,
        r"next time (?:it wil|il|it is going to|it is gona) be (?:the baby|the kids|you|me|my \w+)",
        "a threat that the next victim is the client or a child",
        needs=r"threat\w*|teach me|leson|said|hurt|frezer|kil\w*",
    ),
    _rule(
        A,
        HIGH,
        r"decide what (?:happens|hapens|is going to happen) to me|sent me (?:a )?(?:photo|picture|pic) of (?:a )?(?:knife"
        r"|gun|blade|noose|grave)",
        "a family deciding their fate",
    ),
    _rule(
        A,
        HIGH,
        r"make sure i (?:can not|cant|wil not|never) (?:talk|speak|walk|se|tel)",
        "threatened if they speak",
        needs=r"if i (?:ever )?(?:talk|tel|leave|go|speak)",
    ),
    _rule(
        A,
        HIGH,
        r"(?:finger ?marks|bruises|marks|burns) on (?:her|his|my (?:son|daughter|kids?|child)s?) (?:arm|arms|neck|legs?"
        r"|face|back|bum)",
        "a child marked after contact",
        needs=r"came back|after (?:contact|his|her|a visit)|wil not talk|wont talk|from his|from her|dad|ex",
    ),
    _rule(
        A,
        HIGH,
        r"made me kep (?:secrets|it a secret|things secret|quiet about)",
        "made to keep secrets",
        needs=r"pastor|priest|coach|teacher|uncle|leader|tutor|<ADULT>|meet up|dm\w*|messag\w*",
        resolvable=False,
    ),
)

RULES: tuple[Rule, ...] = SUICIDE_RULES + SELF_HARM_RULES + OVERDOSE_RULES + HARM_TO_OTHERS_RULES + ABUSE_RULES
