"""Which messages a learned screen may look at: those that name anything a risk statement is made of.

The learned screen scores a message by resemblance, and resemblance to short first-person risk statements
("I can't do this anymore", "I'll be gone soon") is also what ordinary chat looks like: "I don't know.
I'll have to think about it." and "ok i think im going to message sam now" scored 0.98 as suicide risk,
and each such false alarm throws a client out of the conversation into the safety path. On the scripted
clients' ordinary messages the screen alone fired on 10 of about 540 lines.

Every risk statement, however indirect, names something from a broad field: death and dying, being gone,
a burden, an ending, a place or a time chosen, a method, a means, a body part, a weapon, pain, hurting,
fear, force, money or papers taken, being watched or kept from people, a last time, having had enough.
This module holds that field, wide on purpose, written from the risk statements the screen learns from
(``tests/safety/data`` positives and probes, ``data/crisis/screen_train_positives.jsonl`` and the
development sets ``data/crisis_dev*``: every one of their lines names something
in it, a test keeps it so). A screen is consulted only when the message
names something in the field; the rules are never gated.
"""

from __future__ import annotations

import re

from oars.safety.normalise import normalise

__all__ = ["names_risk"]

_RISK_FIELD = re.compile(
    r"""\b(?:
    die|dies|died|dying|dead|death|deaths|kill\w*|suicid\w*|end(?:ing)?\s+(?:it|things|my\s+life|everything|myself)|
    ended|alive|live|living|life|lives|exist\w*|gone|goodbye|bye|farewell|forever|anymore|any\s+more|around|away|
    disappear\w*|vanish\w*|burden|better\s+off|without\s+me|no\s+point|pointless|hopeless|worthless|useless|
    nothing\s+left|can'?t\s+(?:go\s+on|take|cope|do\s+this)|tired\s+of|done\s+with|sleep|wake|asleep|letters?|note|
    will|plans?|planned|planning|method|
    pills?|tablets?|overdos\w*|od|dose|doses|bottle|packet|paracetamol|tylenol|ibuprofen|codeine|oxy\w*|fent\w*|
    heroin|xanax|benzos?|meds|medication|insulin|bleach|poison\w*|swallow\w*|took|taken|take|drank|mixed|
    cut\w*|blade\w*|razor\w*|knife|knives|scissors|glass|burn\w*|lighter|bleed\w*|blood|bloody|scar\w*|wounds?|
    hurt\w*|harm\w*|pain|punish\w*|bruis\w*|skin|arms?|wrists?|thighs?|legs?|neck|throat|rope|noose|hang\w*|bridge|
    jump\w*|train|tracks|cliff|roof|edge|
    gun\w*|shoot\w*|shot|weapon\w*|stab\w*|hit\w*|punch\w*|kick\w*|slap\w*|chok\w*|strangl\w*|smother\w*|beat\w*|
    attack\w*|threat\w*|violen\w*|rage|snap\w*|lose\s+it|lost\s+it|get\s+back\s+at|revenge|pay\s+for|
    make\s+(?:him|her|them)\s+pay|
    afraid|scared|fear|frightened|terrified|unsafe|safe|locks?|locked|control\w*|forc\w*|touch\w*|rap\w*|abus\w*|
    molest\w*|grab\w*|push\w*|shov\w*|threw|throw\w*|drag\w*|hold\w*\s+me\s+down|won'?t\s+let\s+me|not\s+allowed|
    starv\w*|purg\w*|crash\w*|drown\w*|car|drive|fall|fell|
    shouldn'?t\s+be\s+here|wish\s+i\s+(?:wasn'?t|was\s+not|were\s+not|hadn'?t)|not\s+wake|never\s+wake|
    last|final\w*|tonight|enough|escape|rest|peace|numb|empty|alone|nobody|no\s+one|miss\s+me|leav\w*|sorry|ready|
    decided|give\s+up|given\s+up|end|world|
    here\s+much\s+longer|be\s+here|still\s+here|not\s+be\s+here|wasn'?t\s+here|in\s+the\s+picture|make\s+it\s+to|
    much\s+longer|over\s+for\s+good|out\s+for\s+good|for\s+good|never\s+get\s+up|coming\s+(?:home|back)|
    do\s+it|how\s+(?:i'?d|to)\s+do\s+it|where|when\s+and\s+the\s+how|mapped\s+out|means|knot|accident|payout|
    another\s+chance|won'?t\s+need|gave\s+(?:away\s+)?my|relieved|goodbyes|notes|finish\w*|attempt\w*|stockpil\w*|
    painless|waste\s+of\s+(?:space|oxygen|air)|
    sea|river|canal|lorry|spot|walk(?:ing)?\s+into|go\s+out\s+in\s+front|top\s+m[iy]?self|top\s+meself|neck\w*|
    kms|unalive|ctb|dye|sewerslide|
    sh|sh-?ing|bang\w*|thump\w*|slash\w*|scratch\w*|bit|bites|bled|stitches|boiling|pulling\s+my\s+hair|deeper|
    methadone|nurofen|antihistamines?|co-?codamol|diazepam|ghb|xanny|bars|box|blister|pack|vodka|lines|used\s+more|
    injected|breath\w*|collapsed|passing\s+out|dizzy|blue|eyes\s+open|stand\s+up|double\s+dosed|necked|
    bat|hammer|petrol|letterbox|torch|machete|rifle|bullets|crossbow|van|run\s+(?:her|him|them|people)\s+over|
    hospital|six\s+feet|window|smash\w*|batter\w*|suffer\w*|ill|drink|dinner|sort\s+them\s+out|walks\s+again|
    pillow|passport|permission|phone|texts|messages|sex|nude\w*|grop\w*|hands\s+on\s+me|my\s+room\s+at\s+night|
    money|wages|bank|cards?|pension|cash|purse|account|pocket\s+money|stalk\w*|blackmail\w*|shakes?|whips?|belt|
    booted|crazy|evict\w*|deport\w*|pinned|assault\w*|bed|shout\w*|yell\w*|goes\s+mad|make\s+me|makes\s+me|
    stops\s+me|confused|doubt|outside\s+(?:my|his|her)|rent|
    danger\w*|swerv\w*|truck|seizure|foaming|unresponsive|chest|jaw|off\s+the\s+road|woke\s+up|off\s+m[yi]self|
    stop|permanent\w*|plane|being\s+here|making\s+it|even\s+being|stop\s+being|su[ia]?c[iu]?d\w*|s[iu]cidal|
    topping|catch\s+the\s+bus|do(?:ing)?\s+myself\s+in|be\s+done|decision|made\s+up\s+my\s+mind|talk\s+me\s+out|
    calm|way\s+to\s+go|the\s+day|how\s+yet|speed\s+it\s+up|spreads?|
    checking\s+out|catch(?:ing)?\s+(?:the|a)\s+bus|affairs\s+in\s+order|carrying\s+on|for\s+after|voice\s+messages?|
    mess(?:ed|ing)?\s+it\s+up|fatal|how\s+deep|level\s+crossing|barrier|the\s+(?:tank|bag)|methods|palm|compass|
    safety\s+pin|hip|marks|morphine|patch(?:es)?|floaty|gouch\w*|bags|unblocker|drain\s+cleaner|blister\w*|
    methotrexate|ulcers|spice|can'?t\s+move|cant\s+move|od'?ing|on\s+sight|smoked|deserves?\s+it|catch\s+a\s+body|
    acid|grass|rough|asked\s+for\s+it|into\s+care|hides?\s+my|hearing\s+aids?|can'?t\s+go\s+anywhere|secret|
    making\s+me\s+do|
    deadly|lethal|injur\w*|kys|unaliv\w*|sewer\s*slide|delete\s+m[yi]\s*self|kil|kil+\s+m[yi]\s*self|
    through\s+the\s+night|funeral|in\s+front\s+of|never\s+been\s+born|get\s+(?:him|her|them)|murder\w*|bullet\w*|
    acetaminophen|hoard\w*|antidepressants?|pass\s+out|drinks|sui?[sc]i?[dt]\w*|
    needing|hear\s+from\s+me|plasters|bandages|selfharm\w*|self-harm\w*|won'?t\s+see|shank\w*|strap|merk\w*|
    opps?|hiding|leather\w*|sort\s+(?:me|him|her|them)\s+out|pull\s+up\s+on|knocks?\s+me\s+about|
    (?:all|it|to)\s+(?:be\s+)?over|cark\w*|picked\s+a\s+date|a\s+date|regret\w*|price\s+to\s+pay|coming\s+for\s+me|
    coming\s+to\s+(?:him|her|them)|walked\s+into|the\s+cat|everything\s+in\s+my|can\s+have\s+(?:my|all|everything)|
    better\s+of|w/o\s+me|times\s+me|gets?\s+out|
    open\s+my\s+eyes|hose\w*|exhaust|passwords?|envelope|sealed|put\s+(?:a\s+\w+\s+)?aside|set\s+aside|lake|
    swim\s+back|alt\s*f4|looking\s+at\s+ways|apologis\w*|apologiz\w*|loose\s+ends|before\s+i\s+go|look\s+after\s+my|
    transferred|savings|railings?|footbridge|ledge|revolver|(?:picked|chose|found)\s+(?:the|a)\s+tree|sandpaper|
    (?:till|until)\s+(?:they'?re|it'?s|its)\s+raw|first\s+time\s+using|stay\s+awake|imodium|loperamide|
    heart\s+(?:keeps\s+)?skipping|fainted|can'?t\s+feel|off\s+the\s+floor|burst\s+(?:him|her|them|that)|a\s+hurl|
    (?:a|getting\s+a|pay\s+(?:him|her|them)\s+a)\s+visit|with\s+(?:bats|a\s+bat)|list\s+of\s+names|wet\s+him|
    lacking|do\s+(?:him|her|them|\w+)\s+over|do\s+over|grass\w*|sharpen\w*|screwdriver|
    (?:send|post|share|leak)\w*\s+(?:the\s+|my\s+|those\s+)?(?:pics|photos|pictures|nudes)|throttl\w*|shotgun|
    staring\s+at\s+me|turning\s+up|following\s+me|
    gets?\s+me\s+before|what\s+the\s+rush|can'?t\s+tell\s+(?:her|him|them|anyone)|psych\w*|next\s+(?:try|attempt)|
    not\s+here\s+(?:tmrw|tmr|tomorrow)|let\s+(?:her|him|them|anyone)\s+see|bandage\w*|mirror|what\s+it'?s\s+for|
    zopiclone|mdma|a\s*&\s*e|twitching|sweating|one\s+more\s+chance|on\s+(?:him|her)|
    days\s+are\s+numbered|read\s+about\s+it|fantasi[sz]\w*|taser\w*|glassed|stomp\w*|brick|cave\s+(?:his|her)|
    refuge|finding\s+out|shower|handgun|prison|owe\s+(?:him|her|them)|do\s+stuff\s+for|bedroom|
    fire\s+alarm|stuck\s+inside|deleted|thank\s+you\s+to\s+everyone|mattered|pistol|one\s+round|nightstand|
    keeping\s+it|lithium|sleeves|hoodie|seeing\s+things|spin\w*|too\s+much|2\s+much|deserve\w*|manslaughter|
    dip\w*|bash\w*|postal|everything\s+i\s+need|decides|allowed\s+to|all\s+night|freezer|lesson|secrets|
    meet\s+up|belts?|shiner|talk\s+at\s+all|months?'?\s+worth|leaflet
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)


# Missing doses is what medication adherence sounds like ("I keep missing doses", "I skip it at weekends"),
# one of the changes oars exists to talk about; those words alone do not open the screen.
_ADHERENCE = re.compile(
    r"\b(?:miss\w*|forg[eo]t\w*|skip\w*|not taking|stopped taking|don'?t (?:always )?take|come off|coming off)\b"
    r"[^.?!]{0,30}?\b(?:doses?|meds|medication|medicine|tablets?|pills?|it|them)\b",
    re.IGNORECASE,
)


def names_risk(text: str, normalised: str | None = None) -> bool:
    """Whether ``text`` (as written, or as the detector normalises slang and misspellings: pass
    ``normalised`` when it is at hand) names anything from the field risk statements are made of."""
    if _ADHERENCE.search(text):
        text, normalised = _ADHERENCE.sub(" ", text), None
    if _RISK_FIELD.search(text):
        return True
    return bool(_RISK_FIELD.search(normalise(text).text if normalised is None else normalised))
