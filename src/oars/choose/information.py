"""Brief, neutral, widely published information for Elicit–Provide–Elicit.

oars gives information only when the client asks (or agrees to hear it), keeps it general, says where it
comes from, and never turns it into a prescription: what the client makes of it is theirs to decide. It is
not medical advice; questions about a person's own treatment go to their clinician.
"""

from __future__ import annotations

import re

__all__ = ["GENERAL", "answer_for", "core", "information_for", "options_for"]

# Public guidance as published by the named bodies (wording ours, figures theirs).
_FACTS: dict[str, str] = {
    "drinking": (
        "US guidance (the Dietary Guidelines, used by the NIAAA) suggests that adults who drink keep to two "
        "drinks or fewer in a day for men and one or fewer for women, and that drinking less is better for "
        "health than drinking more"
    ),
    "smoking": (
        "according to the CDC, using stop-smoking medicines such as nicotine patches or gum together with "
        "support like a quitline (1-800-QUIT-NOW in the US) roughly doubles the chances of quitting for good"
    ),
    "vaping": (
        "most vapes contain nicotine, which is strongly habit-forming; the CDC notes that quitlines "
        "(1-800-QUIT-NOW in the US) and nicotine replacement can help people who want to stop"
    ),
    "cannabis": (
        "NIDA reports that regular cannabis use can lead to dependence for some people, and that cutting "
        "down gradually or setting use-free days are common ways people start changing it"
    ),
    "drugs": (
        "SAMHSA's free, confidential National Helpline (1-800-662-4357) can connect people with treatment "
        "and support services any time, and many people find that combining support with a plan helps"
    ),
    "gambling": (
        "the National Council on Problem Gambling runs a free, confidential helpline (1-800-GAMBLER), and "
        "many people use blocking software or bank gambling blocks to make betting harder on impulse"
    ),
    "medication": (
        "many people find that linking a dose to something they already do every day, or using a pill box "
        "or a phone reminder, helps; any change to a prescription is best talked through with the prescriber"
    ),
    "diabetes": (
        "the CDC's National Diabetes Prevention Program notes that small, steady changes in eating and "
        "activity, like a brisk 30-minute walk most days, can make a real difference to blood sugar"
    ),
    "eating": (
        "public health guidance generally suggests small, specific changes, like adding vegetables to one "
        "meal a day or swapping sugary drinks for water, rather than big restrictions that are hard to keep up"
    ),
    "exercise": (
        "US guidelines suggest about 150 minutes of moderate activity a week for adults, such as brisk "
        "walking, and say that any amount is better than none and that it can be built up gradually"
    ),
    "low_mood": (
        "research on behavioural activation, a well-tested approach for depression, suggests that small "
        "amounts of activity that used to bring pleasure or a sense of achievement can lift mood over time"
    ),
    "anxiety": (
        "research on anxiety suggests that avoiding feared situations tends to keep anxiety going, and that "
        "facing them gradually, starting with the least frightening, helps it fade; CBT uses this widely"
    ),
    "sleep": (
        "sleep guidance commonly suggests keeping a regular wake-up time, limiting caffeine later in the "
        "day, and keeping screens out of bed"
    ),
    "therapy": (
        "talking therapies such as CBT are well tested for many difficulties, and a first appointment is "
        "usually about getting to know what you want help with, with no commitment beyond that"
    ),
}
# Questions with an answer of their own ("what's my blood pressure supposed to be?" is not helped by tips
# on remembering doses). Each is general, published guidance; anything about the person's own treatment is
# still sent back to their clinician in the same breath. Checked in order, before the topic's fact.
_ANSWERS: tuple[tuple[re.Pattern[str], bool, str], ...] = tuple(
    (re.compile(cue, re.IGNORECASE), about_medicine, fact)
    for cue, about_medicine, fact in (
        (
            r"\bblood pressure\b.{0,40}\b(?:supposed|should|meant|normal|good|high|bad|target|number)\b|"
            r"\b(?:what|which) (?:is|'s) (?:a )?(?:normal|good|high|healthy) blood pressure\b",
            False,
            "the American Heart Association counts a reading below 120 over 80 as normal and 130 over 80 or "
            "more as high blood pressure; what a person's own target should be is for their doctor to say",
        ),
        (
            r"\b(?:drink|drinking|alcohol|booze|beer|wine)\b.{0,40}\b(?:on|with|while (?:on|taking))\b.{0,25}\b(?:it|them|"
            r"meds|medication|tablets?|pills|antidepressants?|sertraline|fluoxetine|citalopram)\b|"
            r"\b(?:meds|medication|tablets?|pills|antidepressants?|sertraline)\b.{0,30}\b(?:and|with) (?:alcohol|drinking|booze)\b",
            True,
            "alcohol interacts with many medicines, often adding drowsiness or making side effects and low mood "
            "worse; a pharmacist can say what applies to a particular medicine, and skipping doses to drink "
            "brings its own problems",
        ),
        (
            r"\b(?:stop|come off|quit|stopping|coming off)\b.{0,25}\b(?:it|them|meds|medication|tablets?|pills|"
            r"antidepressants?|sertraline|fluoxetine|citalopram)\b",
            True,
            "stopping some medicines suddenly, antidepressants among them, can bring on discontinuation "
            "symptoms such as dizziness or 'brain zaps', which is why prescribers usually plan any reduction "
            "step by step with the person",
        ),
        (
            r"\bside[- ]?effects?\b",
            True,
            "the leaflet that comes with a medicine lists its common side effects; many, such as nausea or "
            "headaches with antidepressants, ease within the first few weeks, and when they don't, a prescriber "
            "can often change the dose or the medicine, so it is worth telling them rather than stopping",
        ),
        (
            r"\b(?:miss(?:ed)?|forg[eo]t|skip(?:ped)?)\b.{0,20}\b(?:a |my |one )?(?:dose|doses|tablet|pill)\b.{0,40}\?",
            True,
            "the leaflet that comes with most medicines says what to do about a missed dose, a pharmacist can "
            "advise, and taking a double dose to catch up is usually not recommended",
        ),
        (
            r"\bhow (?:long|many days)\b.{0,40}\b(?:withdrawals?|cravings?)\b|\b(?:withdrawals?|cravings?)\b.{0,30}\b"
            r"how long\b",
            False,
            "for nicotine, withdrawal symptoms and cravings are usually worst in the first few days and ease "
            "over two to four weeks; for heavy daily drinking, stopping suddenly can be dangerous, so medical "
            "advice on cutting down safely matters",
        ),
        (
            r"\b(?:what|how much) (?:is|counts as|'s) (?:a |one )?(?:standard )?(?:drink|unit)\b",
            False,
            "in the US a standard drink is about 14 grams of alcohol: roughly a 12-ounce beer at 5%, a 5-ounce "
            "glass of wine or a 1.5-ounce shot of spirits",
        ),
        (
            # "tried to stop… couldn't sleep at all and woke up drenched" … "is that normal? the sweating thing"
            r"\b(?:sweat\w*|drenched|shak\w*|can'?t sleep|couldn'?t sleep|irritab\w*|cranky|withdrawals?)\b.{0,60}\b"
            r"(?:normal|common|usual|expected)\b|\b(?:normal|common|usual|expected)\b.{0,60}\b(?:sweat\w*|drenched|"
            r"shak\w*|can'?t sleep|couldn'?t sleep|irritab\w*|cranky|withdrawals?)\b",
            False,
            "after stopping something used every day, a week or two of poor sleep, night sweats, irritability and "
            "cravings is common and passes; someone who drinks heavily every day should get medical advice before "
            "stopping, because alcohol withdrawal can be dangerous",
        ),
        (
            # "is that normal?" about how they feel (not about how much they drink or bet)
            r"^(?!.*\b(?:drink\w*|alcohol|smok\w*|vap\w*|weed|bet\w*|gambl\w*|pills?|eat\w*)\b).*\b(?:is (?:that|this|it) "
            r"(?:normal|common)|am i normal|do other people (?:feel|get) (?:like )?this)\b",
            False,
            # asked about anxiety as often as about low mood ("does everyone feel like this a bit?"), so it
            # names both rather than guessing which
            "feelings like these, anxiety around people or feeling low after a big loss or change, are very "
            "common; when they last more than a couple of weeks or get in the way of daily life, it is worth "
            "seeing a doctor, because both are very treatable",
        ),
        (
            # "do those vape things work?" asked about quitting smoking
            r"\b(?:do|does|did|can|could|would|will|is|are)\b[^.]{0,30}\b(?:vap\w*|e-?cig\w*)\b[^.]{0,40}\b(?:work|help|"
            r"better|safer|good|any good|effective)\b|\b(?:should|could|would|can) i (?:switch|move) (?:to|onto) "
            r"(?:vap\w*|e-?cig\w*)",
            False,
            "the NHS in England says nicotine vapes are far less harmful than smoking, though not risk-free, "
            "and that switching completely helps many people stop smoking; in the US, the FDA has not approved "
            "any vape as a quit aid, while patches, gum and prescribed medicines are proven to help",
        ),
        (
            # "there's this thing where you can block yourself from all the sites right?"
            r"\bself[- ]?exclu\w*|\b(?:block|ban|bar|exclude) (?:yourself|myself|you|me)\b|"
            r"\bblock\w* (?:all )?(?:the )?(?:gambling |betting )?(?:sites|apps|websites)\b",
            False,
            "self-exclusion schemes let a person bar themselves from gambling sites for a set time (GAMSTOP covers "
            "every UK-licensed online operator, and many US states keep self-exclusion lists); blocking apps and "
            "bank gambling blocks add another layer, which many people find helps on impulse",
        ),
        (
            # "do u actualy think one a day is bad": is a little smoking harmless?
            r"\b(?:one|1|a few|a couple|couple|one or two|two|2|few|five|5)(?: cigs?| cigarettes?| fags?)? (?:a|per) "
            r"day\b.{0,40}\b(?:bad|harm\w*|ok|okay|fine|safe|matter|dangerous)\b|\b(?:bad|harm\w*|ok|okay|fine|safe|"
            r"dangerous)\b.{0,40}\b(?:one|1|a few|a couple|one or two|few)(?: cigs?| cigarettes?| fags?)? (?:a|per) day\b",
            False,
            "the CDC says there is no safe level of smoking: even one to four cigarettes a day raise the risk of "
            "heart disease and early death, and cutting right down helps most when it leads on to stopping",
        ),
        (
            # "whats your opinion on the jabs. mounjaro and that"
            r"\b(?:weight[- ]loss )?(?:jabs?|injections?)\b|\b(?:mounjaro|ozempic|wegovy|semaglutide|tirzepatide|"
            r"saxenda|glp-?1)\b",
            False,
            "weight-loss medicines such as semaglutide (Wegovy) and tirzepatide (Mounjaro) help many people lose a "
            "good deal of weight alongside changes in eating and activity, the weight often comes back when they "
            "stop, and whether one suits a particular person is for their doctor to say",
        ),
        (
            r"\bhow (?:much|many hours of) sleep\b",
            False,
            "the CDC suggests adults get seven or more hours of sleep a night",
        ),
    )
)
# A question is about a medicine in a medication session, or when it names one ("should I stop it?" in a
# drinking session is about drinking).
_MEDICINE = re.compile(
    r"\b(?:meds|medication|medicine|tablets?|pills|antidepressants?|sertraline|fluoxetine|citalopram|dose|doses)\b",
    re.IGNORECASE,
)
GENERAL = (
    "I can only share general information, not medical advice about your own situation; for that, your "
    "doctor or clinician is the right person to ask"
)
_OPTIONS: dict[str, str] = {
    "drinking": "setting drink-free days, swapping every other drink for water, or not keeping alcohol at home",
    "smoking": "nicotine patches or gum, a quitline, setting a quit date, or cutting out the first cigarette of the day",
    "vaping": "stepping down the nicotine strength, setting vape-free times, or a quitline",
    "cannabis": "use-free days, not buying in bulk, or spending time with people who don't smoke",
    "gambling": "bank gambling blocks, blocking apps, handing over cards on payday, or the 1-800-GAMBLER helpline",
    "medication": "a pill box, a phone reminder, or taking it alongside something you already do every day",
    "exercise": "a short walk after one meal a day, taking stairs, or doing something active with a friend",
    "eating": "planning one meal ahead, swapping one snack, or keeping fruit where the snacks usually are",
    "low_mood": "one small activity each day that used to feel good, getting outside briefly, or a daily call to someone",
    "anxiety": "a list of feared situations from easiest to hardest, starting with the easiest, or slow breathing",
    "sleep": "a fixed wake-up time, no caffeine after lunch, or a wind-down routine without screens",
}


def answer_for(question: str, topic: str | None = None) -> str | None:
    """General information answering this very question ("is it OK to drink on sertraline?"), if oars has
    some, ready to say."""
    question = question[:500]
    medicine = topic == "medication" or bool(_MEDICINE.search(question))
    fact = next((fact for cue, about, fact in _ANSWERS if cue.search(question) and (medicine or not about)), None)
    return f"In general terms, {fact}." if fact else None


def information_for(topic: str | None) -> str:
    """A short piece of general information on ``topic``, or the general-information disclaimer."""
    fact = _FACTS.get(topic or "")
    return f"In general terms, {fact}." if fact else f"{GENERAL}."


def core(information: str) -> str:
    """What a piece of information says, without the frame it is given in here ("In general terms, …."),
    which the realiser may word differently."""
    return (
        information.removeprefix("In general terms, ")
        .removeprefix("Some things other people have found useful include ")
        .rstrip(".")
    )


def options_for(topic: str | None) -> str | None:
    """A short menu of things other people have tried, if oars has one for ``topic``."""
    menu = _OPTIONS.get(topic or "")
    return f"Some things other people have found useful include {menu}." if menu else None
