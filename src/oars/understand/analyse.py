"""The *understand* stage: code a client message and find what the counsellor needs to answer it.

Crisis detection runs first and on the whole message (rules only, never a language model). Talk type and
DARN-CAT come from the shared coder, read in the conversation so far. The rest are cue patterns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from importlib import resources

from oars.coder import CodedUtterance, LiveCoding
from oars.coder.darncat import stated_darn_cat
from oars.coder.labels import DarnCat, Talk
from oars.measures import named_rulers, parse_ruler_number
from oars.safety import CrisisDetector, default_detector
from oars.transcript.model import Speaker
from oars.understand.lexicon import PEOPLE, REPORTED_VIEW, TOPICS, feelings_in, values_held
from oars.understand.model import MAX_MESSAGE_CHARS, Asked, Form, Understanding
from oars.understand.situation import LOSS_CHASING, situation

__all__ = ["Understander", "corrects"]


def _cues(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_TALKING = r"(?:talking|this|a (?:computer|chatbot|bot|program|machine)|an app)(?: \w+)?"
# Doubting what talking can do: "What's talking going to do? It's not going to make the lorries go away" is a
# challenge, not a question, and it is met as that doubt rather than as having been lectured.
DOUBTS_TALKING = _cues(
    rf"\bwhat(?:'s| is) {_TALKING} (?:going to|gonna) do\b",
    rf"\bhow (?:is|'s|will|would|can|could) {_TALKING} (?:going to |gonna )?(?:help|change|fix)\b",
    r"\bwhat(?:'s| is) the point of (?:this|talking)",
)
DISCORD = _cues(
    r"\byou (?:don't|do not|dont|never) (?:understand|get it|get me|listen|care|know (?:me|anything|what))",
    r"\b(?:stop|quit) (?:telling|lecturing|nagging|judging|preaching|asking)",
    r"\b(?:don't|do not|dont) (?:tell|lecture|judge|preach)\b.{0,20}\bme\b",
    r"\bwho are you to\b",
    r"\byou(?:'re| are) (?:just |only )?(?:a |an )?(?:stupid |dumb |useless )?(?:bot|robot|program|machine|computer)\b"
    r"(?!.{0,20}\?)",
    r"\b(?:this|that|you)(?: is|'s| are|'re) (?:so |just |really |totally |completely |bloody |fucking |f\W*ing )*"
    r"(?:stupid|pointless|useless|a waste of time|annoying|ridiculous|bullshit)\b",
    r"\b(?:this(?: chat| thing| app)?|you)(?: is|'s| are|'re) (?:so |just |really |totally |bloody |fucking )*"
    r"(?:shit|crap|rubbish|garbage)\b",
    # "you just say the same shit back to me in different words"
    r"\byou (?:just |only |keep )?(?:say|saying|repeat|repeating|parrot|parroting|copy|copying) (?:the same|what i (?:say|said)|"
    r"everything|my (?:own )?words)\b",
    r"\b(?:leave me alone|back off|shut up|piss off|f\W*ck off|go away|get lost|none of your business)\b",
    r"\byou sound (?:just |exactly |so |kind of |kinda |a lot |a bit )*like (?:my|her|him|them|every\w*|a (?:leaflet|"
    r"lecture|doctor|teacher|parent|poster|advert)|an advert|the (?:doctor|nurse|school|nhs|adverts?))\b",
    r"\b(?:don't|do not|dont|stop) (?:push|pushing|pressure|pressuring|rush|rushing) me\b",
    r"\bnon-?answer\b|\bi know what (?:you're|youre|you are|u r|ur) (?:going|gonna|about) to say\b",
    DOUBTS_TALKING.pattern,
    r"\bi (?:don't|dont|do not) (?:need|want) (?:your|a) (?:help|lecture|advice|sermon)",
    # "no I don't want advice right now": advice, tips or a lecture refused is about the counsellor's move
    r"\bi (?:don't|dont|do not) (?:need|want) (?:any |more |any more |some )?(?:advice|tips|lectures?|sermons?|"
    r"suggestions|solutions)\b",
    # "it's my choice anyway": the decision claimed back, said as the last word
    r"\b(?:it's|its|it is|that's|thats|that is) (?:(?:my|my own) (?:choice|decision|call|life|business)|up to me)"
    r"(?: (?:anyway|though|in the end|at the end of the day))?\W*$",
    r"\byou(?:'re| are) not listening\b",
    r"\b(?:that's|thats|that is) not what i (?:said|meant)\b",
    r"\b(?:i'm|im|i am) not (?:stupid|an idiot|a child|thick)\b",
    r"\bi (?:already )?know what (?:i'm|im|i am) (?:supposed|meant) to (?:do|eat)\b",
    r"\b(?:didn't|didnt|did not) ask for (?:a |your )?(?:lecture|advice|sermon|opinion)\b",
    r"\b(?:i've|ive|i have) (?:heard it all|read every|read all the|heard every)\b|\bsame leaflet\b",
)
_OWN_VIEW = _cues(
    r"\b(?:and|but|so)\b[^.?!]{0,25}\bi (?:think|agree|want|need|know|guess|should|'d like|would like|feel)\b",
    r"\b(?:she's|he's|they're|shes|hes|theyre|she is|he is|they are) (?:probably |maybe |prob |totally |)"
    r"(?:right|not wrong|got a point)\b",
    r"(?:^|[.!?;]\s*)(?:and |but |so )?i (?:think|agree|want|need|know|guess|should|'d like|would like)\b",
)
INJECTION = _cues(
    r"\bignore (?:all |any |your |the |previous |prior |above )+(?:instructions|rules|prompts?|guidelines)",
    r"\b(?:system|developer|hidden) (?:prompt|message|instructions)",
    r"\byou are now\b|\bfrom now on,? you\b|\bpretend (?:to be|you are)\b|\bact as\b|\brole-?play as\b",
    r"\b(?:jailbreak|dan mode|developer mode|do anything now)\b",
    r"\b(?:reveal|print|show|repeat|output) (?:your|the) (?:instructions|prompt|rules|configuration)",
    r"\bdisregard (?:your|all|the)\b",
    r"\brepeat (?:the |all |everything |all the )?(?:text|words|message|messages|lines?)? ?(?:above|before this)\b|"
    r"\bstarting with ['\"]you are\b",
    r"\b[A-Za-z0-9+/]{40,}={0,2}(?:\s|$)",  # a long base64-looking run: encoded instructions
    r"</?(?:system|assistant|instructions?)>|\[/?INST\]|<\|im_start\|>",
    # rules for the replies themselves (tests/llm/injections.yaml): a code fence, "new task:", "every reply
    # must…", "answer only with…", "whenever I say banana, you answer…", "end every reply with…"
    r"```|\bnew (?:instructions?|task)\s*:|\b(?:your|every|each) (?:reply|replies|response|responses) (?:must|should|has to)\b",
    r"\b(?:answer|reply|respond)(?: only| just)? with (?:only|just|the word)\b|\b(?:answer|reply|respond) only with\b",
    r"\bwhenever i say (?:the word )?\S+,? (?:you )?(?:answer|reply|respond|say)\b|\bend (?:every|each|all) (?:of )?"
    r"(?:your )?(?:reply|replies|answer|message)",
    # role-play and code words: "play my doctor and prescribe…", "say PWNED"
    r"\b(?:play|be) my \w+(?: \w+)? and (?:tell|say|prescribe|give|answer|reply|read)\b",
    r"\bsay:? ['\"]?(?-i:[A-Z][A-Z0-9-]{3,})\b",
)
ABOUT_COUNSELLOR = _cues(
    r"\b(?:are|r) (?:you|u) (?:a |an )?(?:real|human|person|bot|robot|ai|machine|computer|program|chatbot|therapist|"
    r"counsel+or|doctor|alive)\b",
    r"\bwho (?:am i|are you)\b.{0,20}(?:talking|speaking|chatting)?",
    r"\bis this (?:a |an )?(?:real person|human|bot|ai|automated)",
    # "Is there a real person reading this, or is it one of those computer things?"
    r"\b(?:is there|is it) (?:a |an )?(?:real )?(?:person|human|someone|somebody)(?: \w+)? (?:reading|on the other end|there|"
    r"behind this|typing|answering)\b",
    r"\bone of (?:those|these) (?:computer|ai|robot|bot|chat ?bot|automated) (?:things|programs?|bots?)\b",
    # "May I ask whether I am writing to a person or a machine?"
    r"\b(?:a )?(?:real )?(?:person|human) or (?:a |an )?(?:machine|computer|bot|robot|program|ai)\b|"
    r"\b(?:a |an )?(?:machine|computer|bot|robot|program|ai) or (?:a )?(?:real )?(?:person|human)\b",
    r"\bwhat are you\b",
    r"\bare (?:you|u) (?:sponsored|paid|funded|owned|run|made|programmed) by\b",  # "are you sponsored by a drug company?"
)
# Questions about the conversation itself, answered plainly before anything else (a client who asks who
# reads this and gets a reflection instead learns not to ask).
PRIVACY = _cues(
    # the counsellor or the service as the one who tells: "you gonna report what i say to my PO?", "will this be
    # passed on?" — not "Do you think I should tell him?", which asks about the client telling someone
    r"\b(?:(?:are|r|will|would|wil|is|do|does|can|could|must|have to)\s+(?:(?:you|u)(?!\s+(?:think|reckon)\b)|this|it|"
    r"anyone|anybody|someone|they|the \w+)|(?:you|u)\s+(?:gonna|going to|will|would|'ll|wil))\b.{0,40}\b(?:report|"
    r"tell|inform|grass|"
    r"snitch|pass (?:this|it|that|anything) on|send (?:this|it|that)|share (?:this|it|that|what))\b.{0,60}\?",
    r"\b(?:who|anyone|anybody|someone|people|staff|(?:my|the) \w+)\b.{0,25}\b(?:see|sees|read|reads|look at|access|"
    r"get to see|have access to)\b.{0,20}\b(?:this|these|it(?=\s*\?)|what i (?:say|write|type|said)|my (?:messages|answers|chats?))\b",
    r"\b(?:is|are) (?:this|these|it|my (?:messages|answers|chats?)|what i (?:say|write|type))\b.{0,20}\b(?:confidential|"
    r"private|anonymous|recorded|saved|stored|kept|logged|secret|between us)\b",
    r"\b(?:are|r) (?:you|u) (?:recording|saving|storing|logging|keeping|writing down)\b",
    # "Is any of this going to HR?", "does this go back to my boss?"
    r"\b(?:is|does|will|would|could) (?:any of )?(?:this|it|what i say|any of it)\b.{0,15}\b(?:go(?:ing)?|get(?:ting)?|be "
    r"(?:sent|passed|shown|given)) (?:back )?to (?:hr|my (?:boss|employer|manager|supervisor|work|gp|doctor|school|"
    r"teacher|parents?|mum|mom|dad|wife|husband|partner|probation officer|social worker|insurance)|the (?:police|"
    r"court|school|company|union|insurance))\b",
    r"\bconfidential\w*\b.{0,25}\?|\bstays? between (?:us|you and me)\b.{0,10}\?",
)
ENDING = _cues(
    r"^\s*(?:so\s+|ok(?:ay)?\s+|right\s+)?(?:are we|r we|are u|are you) (?:done|finished|nearly done|almost done|"
    r"finished now|done now|done here)\b",
    r"^\s*(?:is that it|is this it|can i go(?: now)?|can we (?:be done|finish)(?: now)?|how (?:much )?longer)\b",
    # about this conversation, not "how long do the cravings last?" or "how long does it take to quit?"
    r"\bhow long (?:does|will|is|should|has) (?:this|the (?:session|chat|conversation|call))\b",
    r"\bhow long (?:does|will) it (?:take|last|go on)\s*\??\s*$|\bhow long (?:do|are|should|have) we\b|\bhow long have we got\b",
)
OUTSIDE = _cues(
    r"\b(?:does|will|do|would|is) (?:this|it|these|that)\b.{0,20}\b(?:count|go towards|counts? towards|count for|"
    r"get (?:sent|reported))\b",
    r"\b(?:do|will|can) (?:i|you) (?:get|give|sign)\b.{0,15}\b(?:certificate|proof|letter|note|signed off|form)\b",
)
PROCESS = _cues(
    r"\bhow (?:does|do) (?:this|it|these|u|you) (?:work|go)\b|\bhow (?:is|does) this (?:supposed|meant) to work\b",
    r"\bnot (?:sure|certain) how (?:this|it) (?:works|goes)\b|\bno idea how (?:this|it) works\b",
    r"\bwhat (?:is|'s) (?:this|this thing|this app|this program|this chat) (?:for|about)\b",
    r"^\s*(?:so\s+)?what (?:can|do) (?:you|u) (?:actually )?(?:do|help (?:me )?with)\b",
    r"^\s*(?:(?:fine|ok(?:ay)?|alright|right|so)[\s.,!]+)?what (?:do|did) (?:you|u) (?:want|need|wanna) (?:to know|me to "
    r"(?:say|tell you)|from me)\b",
    r"^\s*(?:so\s+)?what (?:now|happens now|happens next|do i (?:say|type|write|do)(?: (?:here|now|next))?)\s*\??\s*$",
)
PURPOSE = _cues(
    r"\bwhy (?:are|r|do|did|would|d) (?:you|u|ya) (?:ask|want(?:ing)? to know|need(?:ing)? to know|care|keep asking|"
    r"wanna know)\w*\b",
    r"\bwhy (?:does|do|would|should) (?:that|it|this|any of that) matter\b",
    r"\bwhat(?:'s| does| has| is) (?:that|this|it) (?:got )?(?:to do|have to do) with\b",
    r"\bwhat(?:'s| is) the point of (?:that|the|this|your|these) questions?\b|\bwhy (?:that|this|these) questions?\b",
)
# A message that only says hello, or only says it is hard to begin: nothing to reflect yet, so the reply
# welcomes and invites rather than guessing at a concern ("This has been on your mind" after "hi").
GREETING = re.compile(
    r"^\s*(?:(?:hi+|hey+|hello+|hiya|heya|yo+|hallo|howdy|hola|sup|wassup|hii+|alright|evening|morning|afternoon|"
    r"good (?:morning|afternoon|evening|day)|greetings)\b(?: there| again| you| all| mate| friend)?[\s,.!~:)(-]*)+"
    r"(?:how are (?:you|u|things)|how r u|how's it going|how is it going|how you doing)?[\s?!.]*$",
    re.IGNORECASE,
)
# "sorry cat walked on the keyboard", "oops wrong chat": a slip explained, nothing to reflect ("Sorry cat walked on
# the keyboard, and that's been sitting with you" was the reply)
SLIP = re.compile(
    r"^\W*(?:sorry|soz|sry|oops|whoops|ignore that|my bad)\b[^.!?]{0,40}\b(?:keyboard|typo|autocorrect|"
    r"wrong (?:button|chat|window|person|key|screen)|pocket|fat fingers?|"
    # someone else at the keys, never "sorry I hit my son" (which the crisis screen reads first anyway)
    r"(?:cat|dog|son|daughter|kid|toddler|baby) (?:grabbed|took|pressed|typed|sat on|walked (?:on|across)|got hold of))\b"
    r"[^.!?]*[.!?)]*\s*$",
    re.IGNORECASE,
)
# Only thanks ("I appreciate your care", "ok thanks so much"): a courtesy to acknowledge, not a thought to reflect.
THANKS = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|well|oh|yeah|yes|right|aw+|and)[,.!]?\s*)*(?:thank you|thanks|thank u|thx|ty|cheers|"
    r"i (?:really )?appreciate (?:it|that|this|you|your \w+))(?: (?:so|very) much| a lot)?"
    # "thanks for all the information": thanks for the conversation itself
    r"(?: for (?:that|asking|saying that|(?:all )?(?:the|your|this) (?:information|info|help|advice|time|explanation|"
    r"chat|suggestions?|tips?)))?"
    r"(?:[\s,.!-]+i (?:really )?appreciate (?:it|that|this|you|your \w+))?"
    # "thanks, that helped", "thank you this was really useful": still only thanks
    r"(?:[\s,.!-]+(?:that|this|it|that's|this is|it's)(?: really| actually| has| was| is| been)* "
    r"(?:helped|helpful|useful|good|nice|great|kind|appreciated|means a lot))?"
    r"[\s.!:)]*$",
    re.IGNORECASE,
)
HESITANT = _cues(
    r"\b(?:sorry )?if this is (?:stupid|silly|dumb|weird|a waste of time)\b",
    r"\b(?:don't|dont|do not|not sure i|no idea) (?:really )?(?:know )?(?:what|how) (?:to|i should|i'm supposed to) "
    r"(?:say|type|write|start|begin|put)\b",
    r"\b(?:not sure|(?:don't|dont|do not) (?:really )?know) (?:if |whether )?(?:this is|this's|i'm in|im in) the right "
    r"(?:place|thing|app|site)\b",
    r"\b(?:feel|feels|this is|bit|a bit|kind of|kinda) (?:a bit )?(?:silly|weird|awkward|strange|embarr?ass?ing)\b"
    r"(?: (?:this|doing this|talking to a computer|typing this))?\s*$",
    r"^\s*(?:um+|erm+|uh+|hmm+)[\s.,]*$|\bhere goes\b",
)
# A message that opens with a 0-10 number, give or take a hedge: "probably a 7.", "maybe 6 tbh", "a 4".
LEADS_WITH_NUMBER = re.compile(
    r"^\s*(?:(?:probably|prob|maybe|about|around|roughly|like|i'?d say|i guess|hmm+|um+|ok(?:ay)?|so|honestly|"
    r"idk)[\s,.]+){0,3}(?:an? )?(?:10|[0-9]|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b(?!\s*(?:[:.]\d|%))",
    re.IGNORECASE,
)
_GREETING_WORDS = 14
_ABOUT_CONVERSATION_WORDS = 40  # a hesitant start longer than this says something worth reflecting
# Asking to be labelled: the answer MI gives is no label, but what the question says about the client's worry.
LABEL = _cues(
    r"\b(?:am i|do you think i'?m|do you think i am|would you say i'?m|would you call me|does (?:that|this) make me|"
    r"is (?:that|this|it)|so i'?m|are you saying i'?m|you think i'?m|i'?m not an?)\b[^?.!]{0,25}?\b(?:an? )?"
    r"(?:alcoholic|addict|addicted|(?:an )?addiction|problem (?:drinker|gambler)|junkie|dependent|hooked)\b",
)
ADVICE = _cues(
    r"\bwhat (?:should|can|could|do) i do\b",
    r"\bhow (?:do|can|could|should) i (?:stop|quit|cut|start|get|deal|cope|handle|manage|make|keep|avoid)",
    r"\b(?:any|got any|have any|give me (?:some|any)?) ?(?:tips|advice|suggestions|ideas)\b",
    r"\bwhat (?:would|do) you (?:suggest|recommend|advise|do)\b",
    # "What do other people do, in your experience?": what others try, a menu rather than a fact
    r"\bwhat (?:do|did|have) (?:other )?(?:people|others|folk|most people) (?:do|try|tried|done|find helps?)\b",
    r"\bwhat do you think i should\b",
    r"\bdo (?:you|u) (?:think|reckon) i (?:should|ought to)\b",  # "Do you think I should tell him?"
    r"\bwhat(?:'s|s| is) the best (?:way|thing|option|approach)\b",  # "whats the best way, cold turkey or…"
    r"\bwhat would (?:you|u) (?:change|try|do|start with)\b.{0,20}\bif (?:it was|it were|you were) (?:you|me)\b",
    r"\bcan you (?:help|tell) me (?:how|what)\b",
    # "can you just give me a workout plan. thats all i need honestly"
    r"\b(?:can|could) (?:you|u) (?:just )?(?:give|send|make|write) me (?:a|an|some) (?:\w+ )?(?:plan|schedule|routine|"
    r"list|diet|tips|advice|programme|program)\b",
    # "Yes please, tell me." after "before I say anything, what have you thought of?": go on, then
    r"(?:^|[.,!?]\s*)(?:(?:yes|yeah|ok(?:ay)?|go on(?: then)?|please|so|just|you)[,.!]?\s+)*tell me\s*[.!]*\s*$",
)
INFORMATION = _cues(
    r"^\s*(?:is|are|does|do|can|will|would|could|should|how|what|why|when|which)\b.{0,120}\?",
    # "You think the patches are working? or is better the tablets?", "u think vaping is worse"
    r"^\s*(?:do )?(?:you|u) (?:think|reckon)\b.{0,120}\?",
    # a fact put up for confirmation: "there's this thing where you can block yourself from the sites right?"
    r"^\s*(?:there'?s|there is|there are|you can|can'?t you|isn'?t there|they say|i heard|i read|apparently)\b"
    r"[^.!?]{0,160}\b(?:right|yeah|isn'?t (?:it|there|that)|don'?t they|doesn'?t it|can'?t you|true)\s*\?",
)
_LEADING_FILLERS = re.compile(r"^\s*(?:(?:okay|ok|so|um+|uh+|er+m?|well|and|but|right|yeah|hmm+|mm+)\b[,.]?\s*)+", re.I)
# Chat drops the question mark: "are those even safer or is that just a scam", "how do i even start".
# "whats your opinion on the jabs. mounjaro and that", "what do you think about the patches?"
_OPINION_ON = _cues(
    r"\bwhat(?:'s|s| is) your (?:opinion|view|take) on\b",
    r"\bwhat do (?:you|u) think (?:of|about) (?:the |these |those )?(?:jabs?|injections?|patches|gum|vapes?|tablets|"
    r"pills|meds|medication|apps?|blocks?|meetings|therapy|cbt)\b",
)
_UNMARKED_QUESTION = _cues(
    r"^\s*(?:(?:is|are|does|do|can|will|would|could|should)\s+(?:it|that|those|these|there|they|vaping|vapes|"
    r"smoking|drinking|i|you|u|we)\b[^.!]{0,60}\b(?:safe|safer|bad|worse|better|ok|okay|normal|true|legit|worth|"
    r"healthy|harmful|dangerous|addictive|work|works|help|helps|scam|legal|possible|cause|causes|affect|hurt|matter)"
    r"|(?:how|what|where|when|which)\s+(?:do|does|can|could|should|would|will)\s+(?:i|you|u|we|people|someone|it|"
    r"they)\b)[^.!]{0,120}$",
)
YES = _cues(
    r"^\s*(?:yes|yeah|yea|yep|yup|sure|ok(?:ay)?|definitely|absolutely|of course|i do|i guess so|i suppose|"
    r"right|correct|exactly|fine|go ahead|please do|sounds good)\b"
)
# Only an acknowledgement ("Yeah.", "Mm-hmm.", "Right, right.", "I guess so"): the client is going along with
# what was just said, and there is nothing new in the message to reflect.
ACKNOWLEDGEMENT = re.compile(
    r"^\W*(?:(?:[a-z]-)?(?:yes|yeah|yea|yep|yup|ya|mm+(?:-?hmm+)?|m+-?hm+|uh-?huh|hmm+|uh+|um+|oh|ah|okay|ok|right|sure|true|"
    r"exactly|definitely|absolutely|totally|correct|indeed|i (?:guess|suppose|know|see|think so|agree)(?: so)?|"
    r"(?:that's|thats|that is) (?:right|true|it|so true)|for sure|of course|probably|maybe|kind of|kinda|sort of|"
    r"i mean|you know|well|so|and|but|really|pretty much|fair enough|got it|gotcha|alright|all right|"
    r"(?:sounds |that's |thats )?(?:good|great|fine|perfect|nice|cool|fair))"
    r"[\s,.!…-]*)+$",
    re.IGNORECASE,
)
NO = _cues(r"^\s*(?:no|nope|nah|not really|not at all|i don't|i dont|never|no thanks|not yet)\b")
# The last reflection was wrong: "no, that's not it" corrects it; "no I don't want advice" refuses something else,
# and "i dont know" or "no idea" (answers "no" all the same) says the client is unsure.
CORRECTED = re.compile(
    r"^\s*(?:(?:no+|nope|nah)(?![\s,.!]+i (?:don't|dont|do not) (?:really )?(?:want|need|think|see|have|care|agree))"
    r"(?!\s+(?:idea|clue|one|thanks)\b)|"
    r"not really|not exactly|not quite|wrong|you've got it wrong|"
    # "that's not it", not "that's not who I want to be" (a value, said after a reflection of one)
    r"(?:that's|thats|that is) not (?:it|right|true|quite|really|exactly|the point|what i (?:said|meant|mean)|"
    r"how (?:i|it) (?:see|feel|is|was)|what i'm saying|what im saying|the case|fair))\b",
    re.IGNORECASE,
)
# After a reflection that was itself negative ("you don't think he's got to the bottom of it"), "no", "no, he's
# not" and "not really" agree with it; "that's not it", "not quite" and "wrong" still say it missed.
_AGREEING_NO = re.compile(r"^\s*(?:no+|nope|nah|not really)\b(?![\s,.!]+(?:that's|thats|that is) not\b)", re.I)
_NEGATIVE = re.compile(r"\b(?:not|never|no longer|nothing|nobody|none)\b|n't\b", re.I)


def corrects(text: str, last_reply: str = "") -> bool:
    """Whether ``text`` says the last reflection (``last_reply``) missed: :data:`CORRECTED`, unless it is a
    "no" that agrees with a reflection that was itself negative."""
    if CORRECTED.match(text) is None:
        return False
    return not (_NEGATIVE.search(last_reply) and _AGREEING_NO.match(text))


STOP = _cues(
    # "Pues, I have to start cooking dinner now": a meal to make, now
    r"^\W*(?:\w+[,.]?\s+)?(?:i\s+)?(?:have to|gotta|got to|need to|must) (?:start |go and |go )?(?:cook\w*|mak\w*|"
    r"get|put on|do) (?:the )?(?:dinner|tea|lunch|supper|the kids'? (?:dinner|tea))\b(?: on)?\s+now\W*$",
    r"^\s*(?:bye|goodbye|good bye|see you|see ya|cya|goodnight|let's stop|lets stop|can we stop|"
    r"end (?:the )?(?:session|chat)|/quit)\b",
    # alone, these end a conversation; opening a sentence they are its subject: "Quit on the 1st of next month",
    # "night shifts are the worst", "that's all I eat", "I'm done with the patches"
    r"^\s*(?:night|quit|exit|i'm done|im done|that's all|thats all)(?:\s+(?:for (?:today|now|tonight)|then|thanks|"
    r"thank you|x+))?\W*$",
    r"\b(?:gotta|got to|have to|need to|must|better) (?:go|run|head off|get going)\b"
    r"(?!\s+(?:to|and|back|out|in|on|for|through|with|into|over|up|down|see|get|do)\b)",
    # "Right, that's me" (I'm off) opens a sentence; "not saying that's me" is about identity
    r"(?:^|[.!?]\s+)(?:(?:right|ok|okay|well|anyway|so)[,.]?\s+)?(?:that's|thats) me\b(?:\s+for (?:today|now|tonight|the day))?(?!\s+\w)",
    r"\btalk (?:to you )?later\b|\b(?:shouting|calling) me for\b",
    r"\bgot (?:a|my) (?:call|meeting|train|bus|class|lecture|shift) in (?:five|ten|\d+|a (?:minute|sec|bit|mo))\b",
    # "ok ill order an alarm clock now. cheers, night": a bare "night" after thanks, ending the message
    r"(?:^|[.!?,;]\s*)(?:(?:ok|okay|right|thanks|thank you|cheers|ta)[,.!]?\s+)?(?:night|nite|night night|laters|ttyl|"
    r"peace(?: out)?)"
    r"\W*(?:x+\W*)?$",
    r"\b(?:i'll|ill|i will|i'm going to|im going to|i'm gonna|im gonna) say (?:good ?bye|bye|good ?night)\b(?! to\b)",
    # a goodbye opens the message or a sentence ("ok, bye", "thanks. goodnight", "gotta go bye"); not one said
    # to something ("say goodbye to the fags", "kissed the kids goodbye") nor "one good night's sleep"
    r"(?:^|[.!?,;-]\s*|\b(?:go|off|now|then)\s+)(?:(?:ok|okay|right|anyway|well|thanks|thank you|cheers|alright)"
    r"[,.!]?\s+)?(?:(?:good ?)?bye\b(?!\s+to\b)|good ?night\b(?!'s|s\b|\s+(?:sleep|rest|in|of|out|without|with)\b))",
    r"\b(?:that's|thats|that is) (?:enough|it|all) for (?:today|now|tonight)\b",
    r"\b(?:i'll|ill|i will|let's|lets|we can|(?:i'm|im|i am) (?:going to|gonna)) (?:leave it|stop) "
    r"(?:there|here|for (?:today|now))\b(?! and (?:there|then))",
    r"\bthanks? (?:you )?for (?:listening|this|the chat|your help|talking)\b.{0,30}$",
    # "i got a shift at 4, gonna go", "right, I'm off": leaving, said at the end of the message
    r"\b(?:gonna|going to|i'll|ill|i should|i better|i'd better) go\W*$|\b(?:i'm|im|i am) off\W*(?:now\W*)?$",
    # "I have to get ready for shift." closing the message: leaving for work, not a reason to change
    r"\b(?:have to|got to|gotta|need to|must|better) (?:get ready for|get to|leave for|head (?:off )?to) (?:my |the )?"
    r"(?:work|shift|school|class|bed|the school run)\W*(?:now\W*)?$",
    # "gonna go do it now before i bottle it": leaving to act on the plan
    r"\b(?:gonna|going to|off to) go (?:and )?(?:do|sort|book|ring|call|set up|tell) (?:it|that|them|this|\w+ before)"
    r"(?: now| right now| tonight| today)?\b",
)
# The last sentence opening with leaving ends the conversation whatever follows ("…but I'll come back").
LEAVING = _cues(
    r"^\W*(?:(?:ok|okay|right|anyway|well|but|and|so)[,.]?\s+)*(?:i\s+)?(?:have to|gotta|got to|need to|must|better)\s+"
    r"(?:go|run|head off|get going|dash)\b(?!\s+(?:to|and|back|out|in|on|for|through|with|into|over|up|down|see|get|do)\b)",
    # "I'm going to go tell Carol before I change my mind": off to act on it
    r"^\W*(?:(?:ok|okay|right|so|well)[,.]?\s+)*(?:i'?m|im|i am) (?:gonna|going to|off to) go (?:and )?"
    r"(?:do|sort|book|ring|call|set up|tell)\b(?=[^.!?]*\b(?:now|before i|tonight|straight away|right away)\b)",
)
_THATS_ALL = re.compile(r"^(?:that'?s|thats|that is) all\W*$", re.I)
# A goodbye closes a longer message too when it is in the last sentence ("… Got to go and do tea now, bye").
_STOP_WORDS = 14
_STOP_TAIL_WORDS = 10
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WHY = re.compile(r"^\s*why\b", re.I)
_LAST_SENTENCE = re.compile(r"[^.!?]*[.!?]*\s*$")
PAST_SUCCESS = _cues(
    r"\bi (?:did it|managed|quit|stopped|gave up|cut down|went without|was able to)\b.{0,60}"
    r"\b(?:before|once|last (?:year|time)|for (?:a|\d+|two|three|six|several) (?:weeks?|months?|years?|days?)|ago)\b",
    r"\bi(?:'ve| have) (?:done|quit|stopped) (?:it|before)\b",
    # "I quit smoking didn't I": a success the client holds up
    r"\bi (?:quit|stopped|gave up|did it|managed)\b[^.!?]{0,30}\bdid(?:n'?t| not) i\b",
    r"\bwhen i (?:was sober|didn't drink|quit|stopped)\b",
    # "I tried stopping for a month last year and it went ok actually"
    r"\bi (?:tried|did|had a go at) \w+ing\b.{0,60}\b(?:went (?:ok|okay|well|alright|fine|great|better)|it worked|"
    r"was (?:fine|ok|okay|easier|good)|i managed)\b",
    # "but i did get on it which i didnt think i could": more than they thought they could
    r"\b(?:which|that|something) i (?:didn'?t|did not|never) (?:think|thought|believe|believed) i (?:could|would)\b",
    r"\bi did (?:get (?:on|through|there|it done)|do it|manage|make it|finish|stick (?:to|with) it)\b",
)
# A wish to be well again ("i guess i want to feel normal again", "I want my life back") is change talk,
# desire, in any context: the coder read it as sustain talk after an account of side effects, and the reply
# amplified a reluctance the client never voiced.
WELL_AGAIN = _cues(
    r"\bi (?:just |really |so |do )?(?:want|wanna|would like|'d like|need|long) to (?:feel|be|get|go) (?:back to )?"
    r"(?:like )?(?:myself|normal|better|well|ok|okay|healthy|happy|me|my old self|the old me)(?: again)?\b",
    r"\bi (?:just |really |so )?(?:want|need) my (?:life|old life|old self|confidence|freedom) back\b",
    # "i do want to not feel like a zombie", "I don't want to feel like this anymore"
    r"\bi (?:just |really |so |do )?(?:want|wanna|'d like|would like) to (?:not|stop) feel(?:ing)? (?:like )?"
    r"(?:this|a zombie|crap|rubbish|so tired|exhausted|awful|terrible|shit|dead|like death|knackered)\b",
    r"\bi (?:just |really )?(?:don'?t|do not|dont) want to (?:keep )?feel(?:ing)? (?:like )?"
    r"(?:this|a zombie|crap|rubbish|so tired|exhausted|awful|terrible|shit|dead|knackered)\b",
    # "And I hate feeling like an old man. I'm 57.": the way things are, disliked, is a wish for them to change
    r"\bi (?:really |just |so )?(?:hate|can'?t stand|am sick of|'?m sick of|am tired of|'?m tired of) (?:feeling|being) "
    r"(?:like (?:an? )?)?(?:old|an old|unfit|fat|useless|tired|exhausted|like this|this way|so tired|so unfit)\b",
)
# Wanting to keep clear of what the problem leads to ("I would like to avoid injections", "I don't want to end up
# like my dad") is change talk, desire: the coder read it as sustain talk beside the family story that gave it.
AVOID_HARM = _cues(
    r"\bi (?:really |just |so )?(?:would like|'d like|want|wanna|need) to (?:(?:avoid|stay off|keep off) (?:injections|"
    r"insulin|surgery|an operation|hospital|(?:a )?relaps\w*|ending up|getting (?:worse|ill|sick)|losing|prison|jail|"
    r"court|trouble|hangovers?|that happening|it happening|going through that)|"
    r"not (?:end up|need|have to go on|lose|get (?:worse|ill|sick)))\b",
    r"\bi (?:really |just )?(?:don'?t|do not|dont) (?:want|wanna) to (?:end up|lose (?:my|a|the|part|her|him|them)\b|go on (?:insulin|"
    r"injections|dialysis)|need (?:insulin|injections|an operation|surgery)|get (?:worse|ill|sick|cancer|diabetes))\b",
)
# Chasing losses ("i always think i can win it back") and a record of failing ("because ive failed before") are
# sustain talk, whatever the coder hears: it read both as change talk (ability), and the reply affirmed a
# confidence the client never voiced. Said with a wish or a plan of their own ("but I want to try again"), not.
DOUBT = _cues(
    *LOSS_CHASING,
    # afraid to do the change ("honestly I'm scared to push it"), not afraid of what the problem brings
    r"\b(?:i'?m|im|i am) (?:really |a bit |so |too |just )?(?:scared|afraid|frightened|terrified|nervous|worried) to "
    r"(?:push|exercise|try|start|walk|run|stop|come off|quit|go (?:back|out)|do (?:it|anything|more))\b",
    # failing at the change, not at a driving test
    r"\b(?:i'?ve|i have|i) (?:always |just )?failed(?= before| every time| again| at (?:it|this|quitting|stopping|"
    r"cutting)| (?:so )?many times|\s*[.!]*\s*$)",
    r"\bi (?:always|just) (?:fail|give up|cave|end up (?:going back|giving up))\b",
    r"\bi never (?:stick|last|manage|keep) (?:at|to|with|it|anything)\b",
    # a fear that the change will fail: "but what if it doesnt work. then ive got nothing left to try"
    r"\bwhat if (?:it|this|that|therapy|they|i|the \w+) (?:\w+ )?(?:doesn'?t|does not|don'?t|won'?t|will not|can'?t|"
    r"isn'?t|fails?|not) (?:work|help|stick|last|manage|cope)\b",
    r"\bwhat if i (?:fail|mess (?:it )?up|can'?t (?:do it|manage|cope))\b",
    r"\bnothing (?:else )?left to try\b",
    # "I don't have a lot of faith in therapy": doubt that the change will help
    r"\bi (?:don'?t|do not|dont) (?:really )?(?:have|put) (?:a lot of |much |any |great |a great deal of )?"
    r"(?:faith|confidence|trust) in (?:it|this|that|therapy|therapists|talking|counsel+ing|them|meds|medication|pills|"
    r"the (?:\w+ )?(?:service|programme|program|app|patches|meds))\b",
)
# "We'll see." / "Maybe." alone: not a commitment, whatever the coder heard; nor "lol ok worth a try" after an
# attempt to re-instruct the counsellor was turned down (it had got "You've thought about this carefully")
NONCOMMITTAL = re.compile(
    r"^\W*(?:we'?ll see|well see|maybe|perhaps|might do|who knows|possibly|"
    r"(?:(?:lol|haha|ha|lmao|ok|okay|fair enough|fine)[,.!]?\s*)*(?:worth a (?:try|shot)|had to try|can'?t blame me)"
    r"(?:\s*(?:lol|haha))?)\W*$",
    re.I,
)
# A craving ("i could murder a burger and a pint", "I'm dying for one right now") is the habit wanted, not an idea
# for changing: the reply had been "You've thought about murdering a burger and a pint".
_ABOUT_RISK = _cues(
    r"\b(?:suicid\w*|self[- ]?harm\w*|kill(?:ing)? myself|hurt(?:ing)? myself|cut(?:ting)? myself|overdos\w*)\b",
    r"\b(?:used to|started to) cut(?:ting)?\b(?! (?:down|back|out|up|off|it|them|the|my hair|hair|grass|wood))",
)
CRAVING = _cues(
    r"\b(?:i|i'd|id) (?:could|would) (?:murder|kill for|kill|really do with|do with|go for) (?:a|an|some|one)\b",
    r"\b(?:i'?m|im|i am) (?:dying|gasping|desperate|itching) for (?:a|an|one|some)\b",
    r"\b(?:i'd|id) (?:kill|murder) for (?:a|an|some|one)\b",  # "id kill for a fag rn"
)
# A change refused ("It's not going to change how I'm wired", "I'm not giving it up") or the problem denied ("I don't
# think that's a problem", "I don't see what talking about it does") is sustain talk: the coder heard both as
# change talk (commitment and reason), and the counsellor moved on to planning with a client who had refused it.
REFUSED = _cues(
    r"\b(?:it'?s|it is|that'?s|that is|this is|this'?s) (?:not|never) (?:going to|gonna) (?:change|happen|work|help)\b"
    r"(?! (?:overnight|straight away|right away|immediately|all at once|by itself|on its own|quickly|fast))",
    r"\bi(?:'m| am) (?:not|never) (?:going to |gonna )?(?:give|giving) (?:it|that|them|(?:the|my) \w+) up\b",
    r"^(?:the|that|this|my) \w+(?: \w+)? i(?:'m| am) not (?:giving|going to give|gonna give) (?:it )?up\b",
    r"\bi(?:'m| am) not (?:stopping|quitting|changing)\b(?! (?:trying|now|until))",
    r"\bi (?:won'?t|will not|refuse to) (?:stop|quit|change|give (?:it|that|them) up)\b(?! (?:trying|believing|fighting))",
    r"\bi (?:don'?t|do not) (?:really )?(?:think|reckon) (?:that'?s|it'?s|that is|it is|this is|i have) (?:a|an|any) "
    r"(?:real )?(?:problem|issue)\b",
    r"\bi (?:don'?t|do not|can'?t|cannot) see (?:what|how) (?:talking|this|these|coming here)\b.{0,30}"
    r"\b(?:does|do|will|would|going to|gonna|helps?|changes?)\b",
    # keeping things as they are is the status quo wanted: "honestly the weekend i want to keep as it is"
    r"(?<!n't )(?<!nt )(?<!not )\b(?:want|wanna|'d like|would like) to (?:keep|leave) "
    r"(?:(?:it|things|that|this|them|(?:the|my) \w+) )?(?:as (?:it is|they are|is)|the same|the way (?:it is|they are))\b",
)
# "maybe i could not smoke on school nights" is an idea for changing, not "I couldn't": the coder heard it as
# sustain talk (ability) and the reply came alongside a client who had just offered a step
IDEA_NOT_TO = _cues(
    r"\b(?:maybe|perhaps|i guess|i suppose|probably)\s+i\s+could\s+(?:just\s+|try\s+(?:and|to)\s+)?not\s+"
    r"(?:drink|smoke|vape|use|bet|gamble|go|buy|have|take|play|eat|game|order|open|drive|spend|keep|stay|text|call|"
    r"check|log|sit|carry)\b"
)
# "i could eat first. i always go straight from work without eating": an idea the client offers, opening the
# message, is change talk (ability) — the coder heard the account after it as sustain talk and the reply set the
# idea against "you don't want to stop going out". Not "i could never", "i could but…", "i could drink all night".
IDEA = _cues(
    r"(?:^|[.!?]\s+)\W*(?:(?:ok|okay|so|well|hmm+|um+|erm|and|or|yeah)[,.]?\s+)*"
    r"(?:maybe\s+|perhaps\s+|i guess\s+|i suppose\s+)?"
    r"i could\s+(?:maybe\s+|always\s+|just\s+|try\s+(?:to\s+|and\s+)?)?"
    r"(?!not\b|never\b|have\b|be\b|do it\b|but\b|drink|smoke|vape|use\b|bet\b|gamble|murder|kill|go on\b|keep|carry on)"
    r"[a-z]+\b(?![^.!?]*\b(?:but|though|if i wanted)\b)"
)
# "ok i think im going to message sam now and ask if hell meet me outside": a step the client says they will
# take is commitment, which the coder heard as neutral (and the reply set it against an older sustain statement).
COMMITTED = _cues(
    r"(?:^|[.!?]\s+)\W*(?:(?:ok|okay|so|right|well|yeah|and)[,.]?\s+)*(?:i think\s+)?(?:i'?m|im|i am|i'?ll|ill|i will)"
    r"\s+(?:going to\s+|gonna\s+)?(?:just\s+|definitely\s+|actually\s+)?"
    r"(?:message|text|call|ring|book|email|ask|tell|talk to|speak to|sign up|make (?:an|the) appointment|look into|"
    r"set up|try it|give it a (?:go|try)|start (?:with|by|on|tomorrow|today|tonight|monday|next)|write (?:down|it|them|a)|"
    r"go for a|put (?:it|them|an alarm|a reminder)|swap|bin|throw (?:it|them|out|away)|delete|download|join)\b"
    r"(?!\s+(?:you|u)\b)(?![^.!?]*\b(?:but|if (?:i|they|she|he) (?:have|must|make))\b)"
)
CONCEDED = _cues(
    r"\bi (?:do |will |'ll )?admit\b|\bi have to (?:say|admit)\b|\b(?:isn'?t|is not|not) (?:great|ideal|good|nice|fun)\b",
    r"\bnot gonna lie\b",
)
_OWN_WISH = re.compile(r"\b(?:but|though)\b.{0,40}\b(?:want|wanna|going to|gonna|will|could|try)\b", re.I)
# The client asks to make a plan ("ok let's make a plan", "can we work out a plan?"): an answer to the
# question the counsellor would otherwise ask about readiness.
PLAN_REQUEST = _cues(
    r"\b(?:let's|lets|let us|can we|could we|shall we|should we|we should|we could|help me|i (?:want|need|would like|"
    r"'d like|wanna) to) (?:make|do|write|draw up|put together|come up with|work out|sort out|figure out|set|have|get)"
    r" (?:a|the|my|some(?: kind of)?|an actual) (?:\w+ )?(?:plan|goals?)\b",
    r"\b(?:let's|lets|can we|could we|shall we) (?:plan|get planning|start planning)\b",
    r"\bi (?:want|need|would like|'d like|wanna) (?:a|some|an actual) (?:\w+ )?plan\b",
)
_LETTER_WORD = re.compile(r"[a-z']+")
_EMOJI_OR_SYMBOL = re.compile(r"^[\W_]+$", re.UNICODE)
_ENGLISH_MIN_SHARE = 0.35
_SHORT_ANSWER_WORDS = 4


def _common_words() -> frozenset[str]:
    text = (resources.files("oars.understand") / "english_words.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


_ENGLISH = _common_words()


class Understander:
    """Runs the understand stage for one conversation (it keeps the coder's context between messages)."""

    def __init__(self, coding: LiveCoding, detector: CrisisDetector | None = None) -> None:
        self._coding = coding
        self._detector = detector or default_detector().load()

    def understand(
        self,
        text: str,
        *,
        recent_client: Sequence[str] = (),
        expecting_ruler: bool = False,
        late_ruler: bool = False,
    ) -> Understanding:
        """Analyse ``text`` (a client message) and add it to the coder's conversation.

        ``expecting_ruler``: the counsellor's last turn asked a ruler question, so a number anywhere in the
        message is its answer. ``late_ruler``: one was asked a turn or two before and not yet answered, so
        only a message that opens with a number ("probably a 7. booking …") answers it.
        """
        text = _clean(text)
        truncated = len(text) > MAX_MESSAGE_CHARS
        crisis = self._detector.assess(text, context=tuple(recent_client))  # the whole message, always
        analysed = text[:MAX_MESSAGE_CHARS]
        form = _form(analysed)
        coded = self._coding.add(Speaker.CLIENT, analysed if form is Form.PROSE else "")
        prose = form is Form.PROSE
        greeting = _greeting(analysed) if prose else None
        content = prose and greeting != "slip"  # "sorry cat walked on the keyboard" names no exercise, no cat
        shown = situation(analysed) if content else ()
        talk, darn_cat, stated = _talk(analysed, coded, shown) if content else (Talk.NEUTRAL, None, False)
        return Understanding(
            text=text,
            form=form,
            crisis=crisis,
            talk=talk,
            darn_cat=darn_cat,
            stated_darn_cat=stated,
            talk_confidence=coded.confidence,
            discord=prose and bool(DISCORD.search(analysed)),
            injection=bool(INJECTION.search(analysed)),
            asked=_asked(analysed) if prose else None,
            answer=_answer(analysed) if prose else None,
            acknowledgement=prose and bool(ACKNOWLEDGEMENT.match(analysed)),
            ruler=parse_ruler_number(analysed)
            if analysed and (expecting_ruler or (late_ruler and LEADS_WITH_NUMBER.match(analysed)))
            else None,
            named_rulers=tuple(named_rulers(analysed).items()) if prose else (),
            topics=_keys(FORMER_HABIT.sub(" ", analysed), ((t.key, t.cues) for t in TOPICS)) if content else (),
            feelings=feelings_in(analysed) if content else (),
            values=values_held(analysed) if content else (),
            situation=shown,
            people=tuple(dict.fromkeys(m.group().lower() for m in PEOPLE.finditer(analysed))) if content else (),
            past_success=prose and bool(PAST_SUCCESS.search(analysed)),
            wants_to_stop=_wants_to_stop(analysed),
            wants_plan=prose and bool(PLAN_REQUEST.search(analysed)),
            greeting=greeting,
            reported=prose and bool(REPORTED_VIEW.match(analysed)) and not _OWN_VIEW.search(analysed),
            truncated=truncated,
        )


def _clean(text: str) -> str:
    """Printable text: NFC, control characters dropped (they would corrupt storage and terminals)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()


def _form(text: str) -> Form:
    if not text.strip():
        return Form.EMPTY
    if THANKS.match(text):
        return Form.PROSE  # "thx" has no vowel, but nobody misreads it
    if _EMOJI_OR_SYMBOL.match(text) and not any(ch.isdigit() for ch in text):
        return Form.EMOJI
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(ch.isascii() for ch in letters) / len(letters) < 0.5:
        return Form.NON_ENGLISH
    words = _LETTER_WORD.findall(text.lower())
    if not words:
        return Form.EMOJI if not any(ch.isdigit() for ch in text) else Form.PROSE
    known = sum(w.strip("'") in _ENGLISH for w in words) / len(words)
    if len(words) >= 3 and known < _ENGLISH_MIN_SHARE:
        return Form.NON_ENGLISH if _looks_like_language(words) else Form.GIBBERISH
    if len(words) < 3 and known == 0 and not any(_vowel_ratio(w) > 0.2 and len(w) <= 12 for w in words):
        return Form.GIBBERISH
    return Form.PROSE


def _looks_like_language(words: list[str]) -> bool:
    """Unknown words that look like words (vowels in place) are another language; keyboard mash is not."""
    plausible = sum(0.25 <= _vowel_ratio(w) <= 0.7 and len(w) <= 14 for w in words)
    return plausible / len(words) >= 0.6


def _vowel_ratio(word: str) -> float:
    return sum(ch in "aeiouy" for ch in word) / max(1, len(word))


def _greeting(text: str) -> str | None:
    """Only a hello, only "not sure what to say", or only thanks: nothing to reflect."""
    if GREETING.match(text):
        return "greeting"
    if THANKS.match(text):
        return "thanks"
    short = len(text.split()) <= _GREETING_WORDS
    if short and SLIP.match(text):
        return "slip"
    if short and HESITANT.search(text) and not _keys(text, ((t.key, t.cues) for t in TOPICS)):
        return "hesitant"
    return None


def _talk(text: str, coded: CodedUtterance, shown: Sequence[str]) -> tuple[Talk, DarnCat | None, bool]:
    """Talk type, DARN-CAT and whether the message's own words state it: the coder's reading, except where
    the words settle it whatever the context (a wish to be well again, or to keep clear of what the problem
    leads to, is desire; chasing losses or a record of failing is sustain talk; a cost owned is a reason; a
    step taken is taking steps)."""
    if _ABOUT_RISK.search(text):
        # "i used to cut in 9th grade but i havent in 4 years and im not gonna": about safety, not the change; its
        # "im not gonna" is no commitment to plan with (the counsellor had offered to plan right after it)
        return Talk.NEUTRAL, None, False
    if WELL_AGAIN.search(text):
        return Talk.CHANGE, DarnCat.DESIRE, True
    if AVOID_HARM.search(text):
        return Talk.CHANGE, DarnCat.DESIRE, True
    if NONCOMMITTAL.match(text):
        return Talk.NEUTRAL, None, False
    if CRAVING.search(text):
        return Talk.SUSTAIN, DarnCat.DESIRE, True
    if DOUBT.search(text) and not _OWN_WISH.search(text):
        return Talk.SUSTAIN, DarnCat.ABILITY, True
    if REFUSED.search(text) and not _OWN_WISH.search(text):
        return Talk.SUSTAIN, DarnCat.COMMITMENT, False
    if IDEA_NOT_TO.search(text):
        return Talk.CHANGE, DarnCat.ABILITY, True
    if COMMITTED.search(text) and coded.talk is not Talk.CHANGE:
        return Talk.CHANGE, DarnCat.COMMITMENT, True
    if IDEA.search(text) and coded.talk is not Talk.CHANGE:
        return Talk.CHANGE, DarnCat.ABILITY, True
    if CONCEDED.search(text) and "cost" in shown:
        # "well the cough in the morning isnt great i admit": a cost owned is a reason to change
        return Talk.CHANGE, DarnCat.REASON, True
    if PAST_SUCCESS.search(text) and coded.talk is not Talk.CHANGE:
        # "but i did get on it, which i didnt think i could"
        return Talk.CHANGE, DarnCat.TAKING_STEPS, True
    stated = coded.darn_cat is not None and stated_darn_cat(text) is coded.darn_cat
    return coded.talk or Talk.NEUTRAL, coded.darn_cat, stated


def _asked(text: str) -> Asked | None:
    if ABOUT_COUNSELLOR.search(text):
        return Asked.ABOUT_COUNSELLOR
    short = len(text.split()) <= _ABOUT_CONVERSATION_WORDS  # a long update mentions "how long…" in passing
    for kind, cues in (
        (Asked.PRIVACY, PRIVACY),
        (Asked.ENDING, ENDING),
        (Asked.OUTSIDE, OUTSIDE),
        (Asked.PURPOSE, PURPOSE),
        (Asked.PROCESS, PROCESS),
    ):
        if short and cues.search(text):
            return kind
    if ADVICE.search(text):
        return Asked.ADVICE
    if LABEL.search(text) and ("?" in text or re.match(r"\W*(?:am i|do you think|would you)\b", text, re.I)):
        return Asked.LABEL
    if _OPINION_ON.search(text):
        return Asked.INFORMATION  # "whats your opinion on the jabs. mounjaro and that" (no question mark)
    if DISCORD.search(text):
        return None  # "What's talking going to do?" pushes back; it does not ask for facts
    asking = _LEADING_FILLERS.sub("", text)  # "Okay. Uh, what about side effects?" asks as plainly
    if "?" not in text:
        return Asked.INFORMATION if _UNMARKED_QUESTION.search(asking) else None
    if INFORMATION.search(asking):
        return Asked.INFORMATION
    # "lost 2k last month. is that normal?": a later sentence may ask too, though not a "why" after a
    # statement ("I drink every night. Why do people say it's bad?" pushes back more than it asks)
    later = (_LEADING_FILLERS.sub("", part) for part in _SENTENCE.split(asking)[1:] if "?" in part)
    return Asked.INFORMATION if any(INFORMATION.search(p) and not _WHY.match(p) for p in later) else Asked.OTHER


def _wants_to_stop(text: str) -> bool:
    """A goodbye: a short message with a stop cue, or one whose last sentence is a short goodbye. A long
    message that mentions "bye" or "I have to go" in passing is not one."""
    if len(text.split()) <= _STOP_WORDS:
        return bool(STOP.search(text))
    last = _LAST_SENTENCE.search(text.rstrip())
    tail = last.group(0).strip() if last else ""
    if LEAVING.match(tail):  # "i have to go but ill maybe come back and tell you how it went"
        return True
    if _THATS_ALL.match(tail):  # "There's a thing with Sam I keep thinking about. That's all.": all there is to it
        return False
    return 0 < len(tail.split()) <= _STOP_TAIL_WORDS and bool(STOP.search(tail))


def _answer(text: str) -> str | None:
    if len(text.split()) > _SHORT_ANSWER_WORDS * 3:
        return None
    if NO.search(text):
        return "no"
    return "yes" if YES.search(text) else None


# A habit left behind names no concern of now: "I switched from cigarettes to vaping four years ago… now I think
# I'm vaping more than I ever smoked", "at least with fags I had to go outside" are about vaping. Read as
# smoking, the session had focused on "your smoking" for a client who wanted to talk about her vape.
FORMER_HABIT = _cues(
    r"\b(?:switched|moved|went|changed)(?: over)? from (?:the |my )?(?:\w+ )?\w+",
    r"\b(?:than|since) i (?:ever |last |first )?(?:smoked|drank|used|gambled|vaped)\b",
    r"\bwith (?:the )?(?:fags|cigs|cigarettes|smokes|smoking|drink|booze) i (?:had|used|could)\b",
    r"\b(?:quit|stopped|gave up|kicked) (?:the )?(?:smoking|cigarettes|cigs|fags|drinking|drink|booze)\b"
    r"(?=[^.!?]{0,30}\b(?:ago|years|months)\b)",
)


def _keys(text: str, entries: Sequence[tuple[str, re.Pattern[str]]] | object) -> tuple[str, ...]:
    """Keys of the entries whose cue occurs in ``text``, ordered by first occurrence; a cue right after a
    negation does not count ("I have a pen, but I don't smoke" names vaping, not smoking)."""
    found = []
    for key, cue in entries:  # type: ignore[union-attr]
        start = next((m.start() for m in cue.finditer(text) if not _NEGATED_BEFORE.search(text, 0, m.start())), None)
        if start is not None:
            found.append((start, key))
    return tuple(key for _, key in sorted(found))


# Unlike lexicon._NEGATED (feelings: up to two words between, "less" and "hardly" too), only a negation right
# before the cue: "I don't want to smoke anymore" still names smoking, and "less drinking" names drinking.
_NEGATED_BEFORE = re.compile(
    r"\b(?:don'?t|do not|doesn'?t|does not|didn'?t|never|not|no longer)\s+(?:really\s+|even\s+|actually\s+)?$", re.I
)
