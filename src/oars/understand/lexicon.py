"""What oars recognises in a client's words: target behaviours, feelings, values, people, discord.

Plain data with the cue patterns that find them. The realiser uses the same entries to talk about what
it found ("drinking", "cut down on drinking", "worried"), so recognising and wording stay consistent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FEELINGS", "PEOPLE", "TOPICS", "VALUES", "Feeling", "Topic", "Value", "values_held"]


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Topic:
    """A target behaviour MI conversations are about.

    ``behaviour`` is how to name it in a sentence ("your drinking" -> "drinking"); ``change`` is the
    default direction of change as a verb phrase ("cut down on drinking"), used until the client names
    their own ("have two drink-free days a week").
    """

    key: str
    behaviour: str
    change: str
    cues: re.Pattern[str]


TOPICS: tuple[Topic, ...] = (
    Topic(
        "drinking",
        "drinking",
        "cut down on drinking",
        _cue(
            # "six glasses of orange juice a day", "fizzy drinks", "a low-calorie drink": not alcohol
            r"(?<!soft )(?<!fizzy )(?<!energy )(?<!diet )(?<!sugary )(?<!free )(?<!calorie )(?<!hot )"
            r"drink\w*(?!(?: (?!and |but |then |or )\w+){0,5} (?:water|juice|tea|coffee|milk|squash|cola|coke|lemonade|smoothies?|pop)\b)|"
            r"alcohol\w*|beers?|wine|vodka|whisk(?:e)?y|gin|rum|booze|pints?|drunk|hangovers?|"
            r"liquor|binge\w*|sober|sobriety|pub|bars?|shots|cocktails?|tipsy|wasted"
        ),
    ),
    Topic(
        "vaping",
        "vaping",
        "stop vaping",
        _cue(r"vap(?:e|es|ed|ing|er)|e-?cig\w*|juul\w*|pods?|elf ?bars?|disposables?"),
    ),
    Topic(
        "smoking",
        "smoking",
        "stop smoking",
        # "i smoke weed most nights" is cannabis, not tobacco
        _cue(
            r"smok(?:e|es|ed|ing|er)(?! (?:a lot of |loads of |a bit of |[\w']+ ){0,2}"
            r"(?:weed|pot|a joint|joints?|cannabis|dope|grass|a bowl|bud|spliffs?|a spliff)\b)|"
            r"cigarettes?|cigs?|fags?|tobacco|nicotine|packs? a day|patches|lighter"
        ),
    ),
    Topic(
        "cannabis",
        "cannabis use",
        "cut back on cannabis",
        _cue(r"weed|cannabis|marijuana|pot|joints?|blunts?|bongs?|edibles|getting high|stoned|thc|dabs?"),
    ),
    Topic(
        "drugs",
        "drug use",
        "stop using",
        _cue(
            r"drugs?|cocaine|coke|meth|heroin|opioids?|pills? to get high|mdma|ecstasy|molly|crack|ketamine|"
            r"using again|relapse\w*|dealer|fentanyl|speed|amphetamines?"
        ),
    ),
    Topic(
        "gambling",
        "gambling",
        "stop gambling",
        _cue(
            r"gambl\w*|bet|bets|betting|bookies?|casino|slots?|pokies|poker|scratch ?cards?|lottery|"
            r"accas?|odds|wager\w*|roulette|blackjack|sportsbook|parlays?|draftkings|fanduel|bet365|paddy ?power|"
            r"bingo app|online bingo"
        ),
    ),
    Topic(
        "medication",
        "taking your medication",
        "take your medication as prescribed",
        _cue(
            r"medication|meds|medicine|(?<!on the )(?<!on my )(?<!on a )tablets?(?! (?:computer|screen))|prescri\w*|"
            r"doses?|antidepressants?|sertraline|fluoxetine|"
            r"citalopram|inhalers?|side effects?|refills?|pharmac\w*|statins?|"
            # pills are medication only when they are someone's prescription: "popping pills" is not
            r"(?:my|blood pressure|bp|heart|water|cholesterol|thyroid) pills?|"
            r"(?:supposed|meant|have|need|forget|forgot|remember|told) to take (?:my |the |these |those |two |\w+ )?pills?"
        ),
    ),
    Topic(
        "diabetes",
        "managing your diabetes",
        "get your blood sugar under control",
        _cue(r"diabet\w*|blood sugars?|glucose|insulin|a1c|sugar levels?|metformin"),
    ),
    Topic(
        "eating",
        "eating",
        "eat more healthily",
        _cue(
            r"eat\w*|diet\w*|food|junk food|snack\w*|sugar|sweets|soda|fizzy drinks?|takeaways?|fast food|"
            r"portions?|overeat\w*|binge eat\w*|calories|weight|pounds|kilos|lbs|overweight"
        ),
    ),
    Topic(
        "exercise",
        "being active",
        "get more active",
        _cue(
            r"exercis\w*|gym|work ?outs?|working out|walk\w*|run|running|jog\w*|swim\w*|fitness|active|"
            # "sports betting", "i love watching sports": the bet, or the screen, is not exercise
            r"activity|sedentary|(?<!watch )(?<!watching )(?<!bet on )sports?(?! bet\w*| book\w*| on (?:tv|telly))|bike|"
            r"cycling|steps|cardio|heart scare|physio\w*"
        ),
    ),
    Topic(
        "low_mood",
        "how low you've been feeling",
        "do a little more of what used to help",
        _cue(
            r"depress\w*|(?:feeling|felt|feel|been|so|really|pretty) (?:down|low|flat)|hopeless|empty inside|numb|"
            r"no energy|exhausted all the time|can't get out of bed|stay(?:ing)? in bed|no motivation|unmotivated|"
            r"worthless|miserable|low mood"
        ),
    ),
    Topic(
        "anxiety",
        "the anxiety",
        "face some of the situations you've been avoiding",
        _cue(
            r"anxi\w*|panic\w*|nervous (?:about|around|in)|avoid(?:ing|ed)? (?:people|going|social|parties|crowds|"
            r"leaving|the shops|situations)|social situations?|crowds?|phobia|on edge|scared to go|can't face|"
            r"dread(?:ing)? (?:going|seeing|leaving)|shaky|heart racing|agoraphob\w*|social anxiety"
        ),
    ),
    Topic(
        "sleep",
        "sleep",
        "get better sleep",
        _cue(r"sleep\w*|insomnia|awake at night|tired all the time|can't sleep|bedtime|nightmares?"),
    ),
    Topic(
        "therapy",
        "getting help",
        "give therapy a try",
        _cue(
            # "my therapist said i should try…": someone already in therapy is not deciding to start it
            # "The physical therapist gave me a sheet of exercises": a body's therapy, not talking therapy
            r"(?<!my )(?<!physical )(?<!occupational )(?<!speech )(?<!massage )(?<!sports )"
            r"(?:therap\w*|counsel\w*|cbt|psychologist|psychiatrist)|support group|meetings|aa|na|"
            r"appointments?|sessions?|referral|waiting list"
        ),
    ),
)


@dataclass(frozen=True)
class Feeling:
    """A feeling word the realiser can use ("worried"), with the cues that suggest it."""

    word: str
    cues: re.Pattern[str]


FEELINGS: tuple[Feeling, ...] = (
    Feeling(
        "worried",
        _cue(
            r"worr\w*|concern\w*|scared|scary|scares? me|scaring me|freak\w* me out|freaked out|afraid|fear\w*|"
            r"frighten\w*|terrif\w*|anxious|nervous|panic\w*|dread\w*|"
            r"on edge|"
            # what panic feels like from inside: "i felt like i was going to die"
            r"(?:felt|feel|feels|thought) like i was (?:going to|gonna) (?:die|pass out|faint|collapse)|heart (?:was )?"
            r"(?:racing|pounding)"
        ),
    ),
    Feeling(
        "frustrated",
        _cue(
            r"frustrat\w*|annoy\w*|irrita\w*|snappy|ratty|short-tempered|fed up|sick of|tired of|had enough|pisse[ds]|"
            r"angry|mad"
        ),
    ),
    Feeling(
        "ashamed",
        _cue(r"asham\w*|shame\w*|embarrass\w*|humiliat\w*|guilt\w*|disgust\w* with myself|feel disgusting|hate myself"),
    ),
    Feeling(
        "stuck",
        _cue(
            r"stuck(?! (?:with me|in my (?:head|mind)|with it|at home with))|trapped|can't stop|cannot stop|out of control|hooked|addicted|no way out"
        ),
    ),
    Feeling("exhausted", _cue(r"exhaust\w*|tired|drained|worn out|no energy|knackered|burn(?:ed|t) out")),
    Feeling(
        "overwhelmed",
        _cue(
            r"overwhelm\w*|(?:it'?s|it is|it was|it all|all|everything|life|things)(?: (?:just|all|getting|gets|feels|is|was|are))* too much|"
            r"swamped|drowning|can'?t cope|cannot cope|not coping|ha(?:ve|s)n'?t (?:really )?coped|"
            r"a lot going on|struggl\w*"
        ),
    ),
    Feeling("lonely", _cue(r"lonel\w*|alone|isolat\w*|no one to talk|nobody to talk|no friends")),
    Feeling(
        "low",
        # "down" and "low" only as moods: "cut down", "low alcohol" and "lower the strength" are not feelings
        _cue(
            r"depress\w*|(?:feel\w*|really|so|bit|pretty|quite|very) (?:down|low)|low mood|down in the dumps|sad|"
            r"miserable|unhappy|hopeless|(?:feel\w*|felt|so|really|just) empty|empty inside|numb|"
            r"(?:i'?m|i am|like i'?m) sinking|"  # "I just feel like I'm sinking again"
            # a feeling, not a verdict on an event: "it was awful", "the food was terrible"
            r"(?:feel\w*|felt|i'?m|i am|been) (?:so |really |just |pretty |absolutely )?(?:crap|awful|terrible|shit)|"
            r"bad day|gutted|can'?t be bothered|no point|(?:feel|feeling|felt) (?:so |really |completely )?(?:useless|worthless)"  # "the shop is empty early on" is no feeling
        ),
    ),
    Feeling(
        "upset",
        # what going through something was like: "It was terrible. It was really hard", "its been really tough"
        # ("it was awful" is a verdict on an event, "the counselling at school", not a feeling)
        _cue(
            r"upset\w*|heartbr\w*|devastat\w*|hurts? (?:so much|a lot|like hell)|"
            # "She's 8. That one stung."
            r"(?:that|it|this)(?: one| really| still){0,2} (?:stung|stings|hurt)(?=\s*(?:[.!,]|$|a lot|so much))|"
            r"(?:(?:it|that|this)(?:'s| is| was| has been|'s been)|(?:its|thats)(?: been)?)"
            r"(?: (?:so|really|very|pretty|quite|just|absolutely))* "
            # "it's hard to say no when everyone drinks" is a difficulty, not how something felt
            r"(?:hard|difficult|tough|painful|upsetting)(?! to\b)"
        ),
    ),
    # missing someone or something that was good: "I miss the girls. We used to go out once a week"
    Feeling(
        "sad",
        _cue(
            r"(?:i|you) (?:really |do |still |just )?miss (?:him|her|them|that|it|those|(?:my|your) (?!dose|tablets|pills|bus|train)\w+|"
            r"the (?:girls|lads|guys|kids|old|days|way|people|exercise|gym|team)|(?:going|being|having|seeing|"
            r"playing|doing|feeling)\b)"
        ),
    ),
    Feeling("torn", _cue(r"torn|mixed feelings|part of me|on the fence|don't know what to do|unsure|confused")),
    Feeling(
        "pressured",
        _cue(r"(?<!blood )pressur\w*|nag\w*|on my back|on at me|keeps? telling me|pushing me|forced"),
    ),
    Feeling("hopeful", _cue(r"hope\w*|optimistic|looking forward|excited|could be better|better future")),
    Feeling("proud", _cue(r"proud|pleased with myself|chuffed|accomplished")),
    Feeling("relieved", _cue(r"reliev\w*|relief|weight off")),
)


# "be a dad who's actually there", "a good mum": a role the client wants to fill, not a person they love
_NOT_A_ROLE = r"(?<!\ba )(?<!\ban )(?<!\bgood )(?<!\bbetter )(?<!\bproper )"
_FAMILY = r"family|kids?|children|son|daughter|grandkids|grandchildren|wife|husband|partner|mum|mom|dad"
# Family as a value held needs a person in the family, not only the role wanted ("be a dad who's there" is
# parenting); the plain cue still relates "tell me about the kids" to "I want to be a mum who…" (practice).
_FAMILY_PERSON = _cue(_NOT_A_ROLE + f"(?:{_FAMILY})")


@dataclass(frozen=True)
class Value:
    """Something a person cares about, as a noun phrase the realiser can use ("your family")."""

    key: str
    phrase: str
    cues: re.Pattern[str]


VALUES: tuple[Value, ...] = (
    Value(
        "family",
        "your family",
        _cue(_FAMILY),
    ),
    Value(
        "parenting",
        "being there for your kids",
        _cue(
            r"good (?:mum|mom|dad|parent|father|mother)|my kids?|my children|role model|be there for (?:them|my)|"
            r"be (?:a|the) (?:\w+ )?(?:mum|mom|dad|parent|father|mother)"
        ),
    ),
    Value(
        "grandchildren",
        "being there for your grandchildren",
        _cue(
            r"(?:see|watch) (?:my |the )?grand\w+ grow up|be there for (?:my )?grand\w+|my grand(?:kids|children|sons?|daughters?)"
        ),
    ),
    Value(
        "health",
        "your health",
        _cue(r"health\w*|live longer|fit|heart|lungs?|liver|doctor|hospital|body|blood pressure|cancer"),
    ),
    Value("work", "your work", _cue(r"job|work|career|boss|promotion|business|employ\w*|shifts?")),
    Value(
        "money",
        "having money for what matters",
        _cue(r"money|afford|debt|bills|broke|savings?|rent|mortgage|skint"),
    ),
    Value(
        "independence",
        "being in control of your own life",
        _cue(
            r"independen\w*|in control|my own (?:choice|decision|life)|freedom|free to (?:do|choose|decide|live|make|be)|nobody tells me"
        ),
    ),
    Value("friends", "your friendships", _cue(r"friends?|mates|social life|people I care about")),
    Value("self_respect", "respecting yourself", _cue(r"self[- ]respect|respect myself|proud of myself|dignity")),
    Value(
        "faith",
        "your faith",
        # "I don't have a lot of faith in therapy" is trust, not religion
        _cue(r"god|church|faith(?! in (?!god\b))|pray\w*|mosque|temple|spiritual"),
    ),
    Value(
        "future",
        "the future you want",
        # "the patches gave me weird dreams" is about sleep
        _cue(
            r"future|goals?|(?<!weird )(?<!bad )(?<!strange )(?<!vivid )(?<!crazy )dreams?|someday|one day|plans? for"
        ),
    ),
    Value("study", "your studies", _cue(r"school|college|uni|university|exams?|degree|studies|studying|grades")),
    # Honesty is heard only where deceiving someone weighs on the person ("i hate lying to her"), not in a
    # plain account of a lie ("I told him I was at work").
    Value(
        "honesty",
        "being honest with the people close to you",
        _cue(
            r"(?:hate|sick of|tired of|can't keep|cant keep|guilt\w*|feel (?:bad|awful|terrible|sick) about|ashamed of|"
            r"don't want to keep|dont want to keep|no more) (?:\w+ ){0,2}(?:lying|lie|lies|hiding|sneaking|keeping "
            r"(?:it|this|things|secrets) from|covering)|\bbe(?:ing)? honest with (?:her|him|them|my)|"
            # "hiding it from her feels shit"
            r"\b(?:lying|hiding (?:it|this|things|stuff)|sneaking)\b.{0,25}\b(?:feels? (?:shit|bad|awful|terrible|wrong|"
            r"horrible|crap|rubbish)|eats (?:at|me)|kills me|does my head in)"
        ),
    ),
)

# A value is something the person cares about, not a word in passing: "wife said I should try this" names
# a wife, "after work" names work, "she gets in from school" names a school, and a reflection telling them
# "your family / your work / your studies means a great deal to you" would be a guess. Some cues are
# statements of value by themselves ("good dad", "my own choice"); the rest count only in a sentence that
# also says the person cares, wants, misses or fears for something.
_SELF_EVIDENT = frozenset({"parenting", "self_respect", "independence", "future", "faith", "honesty"})
_CARING = re.compile(
    r"\b(?:care|cares|caring|matters?|mattered|important|means? (?:a lot|everything|the world)|love|loves|want|wants|"
    r"wanna|'d like|would like|miss|missing|worr(?:y|ied|ies)|scared|afraid|frighten\w*|for the sake|sake of|"
    r"be there|let (?:them|her|him) down|proud|lose|losing|protect|look after|set an example|example)\b",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


# "not worried", "not like im addicted", "don't think i'm stuck": up to two words between
_NEGATED = re.compile(
    r"(?:\bnot|\bless|\bnever|n't|\b(?:dont|didnt|doesnt|isnt|wasnt|arent|wont)|\bno longer|\bhardly|\bnowhere near)"
    r"\s+(?:[\w']+\s+){0,2}$",
    re.I,
)


def feelings_in(text: str) -> tuple[str, ...]:
    """The feelings ``text`` expresses, in order of first mention; a negated one ("that I'm less proud of",
    "not worried") is not expressed."""
    found = []
    for feeling in FEELINGS:
        for match in feeling.cues.finditer(text):
            if not _NEGATED.search(text[max(0, match.start() - 30) : match.start()]):
                found.append((match.start(), feeling.word))
                break
    return tuple(word for _, word in sorted(found))


def values_held(text: str) -> tuple[str, ...]:
    """The keys of the values ``text`` says the person holds, in :data:`VALUES` order. A sentence reporting
    someone else's view ("she says its gross and she doesnt want her kid around it") says what they care about."""
    sentences = [s for s in _SENTENCE.split(text) if s.strip() and not REPORTED_VIEW.match(s)]
    return tuple(
        value.key
        for value in VALUES
        if any(
            value.cues.search(s)
            and (value.key in _SELF_EVIDENT or _CARING.search(s))
            and (value.key != "family" or _FAMILY_PERSON.search(s))
            for s in sentences
        )
    )


# Important people, in the form the realiser can put after "your" ("your wife").
PEOPLE = _cue(
    # "I'd want to be a dad who's actually there" names a role the client wants, not someone they love
    _NOT_A_ROLE + r"(?:wife|husband|partner|boyfriend|girlfriend|fianc(?:e|é)e?|kids?|children|son|daughter|baby|mum|"
    r"mom|mother|dad|father|parents|brother|sister|family|friends?|mates?|boss|doctor|gp|nurse|probation officer|grandkids|"
    r"grandchildren|grandsons?|granddaughters?)"
)


# Someone else's view, reported ("wife said I should try this", "my doctor thinks I drink too much"): their
# reasons are not the client's change talk unless the client takes them up ("...and she's right").
REPORTED_VIEW = re.compile(
    r"^\s*(?:(?:well|so|basically|um|erm|yeah|and|ok|okay|hi|hello|hey|right)[,.!\s]+)*(?:my |your |the |our |her |his )?"
    r"(?:wife|husband|partner|"
    r"girlfriend|boyfriend|missus|mrs|doctor|doc|gp|nurse|mum|mom|mam|dad|father|mother|parents?|daughter|son|kids?|"
    r"sister|brother|boss|manager|friends?|mates?|probation officer|po|judge|therapist|family|she|he|they|people|"
    r"everyone|everybody|doctors|court|courts|probation|social worker|school|work|lawyer|solicitor|police|cops|"
    r"tutor|teacher|coach|lecturer|supervisor|employer|hr|consultant|cardiologist|pharmacist|midwife|dentist)\s+"
    r"(?:said|says|say|think|thinks|reckons|reckon|wants(?: me)?|want me|told me|tells me|tell me|"
    r"keeps? (?:saying|telling|on|going on)|signed me up|"
    r"made me|suggested|wanted(?: me)?|asked me|asked (?:me )?(?:if|whether)|is worried|worries|feels|goes on)\b",
    re.IGNORECASE,
)
