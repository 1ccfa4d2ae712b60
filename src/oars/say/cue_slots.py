"""The slots named by cue words: the feeling, the value, the person, and the situation flags.

The policy's lists (``Material.feelings``, ``values``, ``people``, most recent first) come first; without
them the current message's own cue words stand in. A feeling, value or person the current message does
not itself express is reported *stale*: "You're feeling worried right now" after "yeah" would be a guess
about three turns ago.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from oars.choose.move import Material
from oars.understand.analyse import CRAVING, DOUBTS_TALKING
from oars.understand.lexicon import FEELINGS, PEOPLE, VALUES, feelings_in, values_held
from oars.understand.situation import SITUATIONS

__all__ = ["FELT", "INFERENCE_FLAGS", "feeling_slots", "flag_slots", "people_slots", "recorded_earlier"]

_CARED_FOR = frozenset({"family", "parenting", "grandchildren", "friends"})
_SAMPLE = 2000  # cue words are read from the start of a long paste; the rest adds nothing a reply could use
_GLAD_FEELINGS = frozenset({"hopeful", "proud", "relieved"})
_FEELING_NOUNS = {
    "worried": "worry",
    "stressed": "stress",
    "frustrated": "frustration",
    "ashamed": "shame",
    "exhausted": "exhaustion",
    "lonely": "loneliness",
    "pressured": "pressure",
    "hopeful": "hope",
    "proud": "pride",
    "relieved": "relief",
    "upset": "upset",
    "sad": "sadness",
}
_PARENT = re.compile(r"\b(?:kids?|children|son|daughter|baby)\b", re.I)
_GRANDPARENT = re.compile(r"\bgrand(?:kids?|children|child|sons?|daughters?)\b", re.I)
_PROFESSIONAL = re.compile(r"\b(?:doctor|gp|nurse|boss|probation officer|therapist|counsell?or|psychiatrist)\b", re.I)
_STRESS = re.compile(r"\bstress(?:ed|ful)?\b", re.I)  # common in chat, missing from the lexicon's feelings
_PRESSURE = re.compile(r"\b(?:nag\w*|on at me|on my back|going on about|keeps? (?:telling|saying|asking))\b", re.I)
_SETBACK = re.compile(
    r"\b(?:fail\w*|relaps\w*|slipp?ed|slip(?:ped)? up|messed up|screwed up|gave in|caved|went back|blew it|"
    r"started again|back to square one|never lasts|keep going back|end up going back|always go back)\b",
    re.I,
)
# "I know what I'm supposed to do", "I'm not stupid": discord that says the facts are known already.
_KNOWS_ALREADY = (
    r"\b(?:i'm|im|i am) not (?:stupid|an idiot|a child|thick)\b|\bi (?:already )?know what (?:i'm|im|i am) "
    r"(?:supposed|meant) to (?:do|eat)\b|\bi know (?:all )?(?:the (?:facts|risks)|it's bad|its bad)\b|"
    r"\b(?:i've|ive|i have) (?:heard it all|read every|read all the|heard every)\b|\bsame leaflet\b"
)
_DISCORD = re.compile(
    r"\byou sound (?:just )?like\b|\b(?:stop|quit) (?:telling|lecturing|nagging|judging)\b|\byou (?:don't|do not|dont) "
    r"(?:get it|understand|listen)\b|\bdon't (?:lecture|judge|preach)\b|\bwho are you to\b|\bback off\b|"
    r"\bnone of your business\b|\bnot listening\b|\b(?:didn't|didnt|did not) ask for (?:a |your )?(?:lecture|advice)\b|"
    + _KNOWS_ALREADY,
    re.I,
)
# The kind of change talk the current message is (when its own words say so), so that a reflection can say
# what it implies ("You can see for yourself what cutting down would give you") instead of echoing it.
_CHANGE_KINDS = {
    "desire": "c_desire",
    "ability": "c_ability",
    "reason": "c_reason",
    "need": "c_need",
    "commitment": "c_mobilising",
    "activation": "c_mobilising",
    "taking_steps": "c_steps",  # "I've quit for three months before": steps taken, not a decision announced
}
# DARN-CAT has no frame for a reason: it is what change talk is called when no other frame fits, so a
# "reason" is said back as one ("You've already seen what difference it could make") only when the message
# names a benefit of changing or a cost of not changing; "I'll think about it" coded as change talk does not.
_REASON_CUE = re.compile(
    r"\b(?:because|cos|cause|so (?:that )?i (?:can|could|would|don't|dont)|for (?:my|the) (?:kids?|family|health|sake)|"
    r"(?:would|'d|could) (?:be|have|feel|save|sleep|help|mean|give)|better|healthier|fitter|save|saving|money|afford|"
    r"worse|costs?|costing|expensive|hurt\w*|health\w*|damag\w*|ruin\w*|affect\w*|lose|losing|miss(?:ing)? out|"
    r"sick of|tired of|fed up|worried|scared|afraid|energy|sleep)\b",
    re.I,
)
_DOUBTABLE = frozenset({"ability", "desire", "commitment", "activation"})
# "yeah maybe i'll text him" is not a decision: "…you've decided" would overstate it
_HEDGED = re.compile(r"\b(?:maybe|might|probably|perhaps|possibly|i guess|i suppose|kind of|sort of)\b", re.I)
_TENTATIVE = "c_tentative"  # change talk said with a hedge: an idea being tried on, not a decision
INFERENCE_FLAGS = frozenset({*_CHANGE_KINDS.values(), _TENTATIVE, *SITUATIONS})
"""Flags naming what the current message implies: its kind of change talk, or its situation (a cost …)."""
# Values whose lexicon cues also turn up in passing; the value counts only with one of these.
_STRICT_VALUE_CUES = {
    "work": re.compile(r"\b(?:job|career|promotion|business|employ\w*|my work|lose my|sacked|fired)\b", re.I),
    "health": re.compile(r"\b(?:health\w*|live longer|liver|lungs?|blood pressure|cancer|hospital|die|dying)\b", re.I),
}
FELT = re.compile(
    "|".join([*(f.cues.pattern for f in FEELINGS), PEOPLE.pattern, _PRESSURE.pattern, r"\bbringing it up\b"]), re.I
)
"""A clause that carries a feeling: a feeling word, or someone pressing on the person."""


def feeling_slots(material: Material) -> dict[str, str]:
    """The latest feeling the policy recorded; without any, one the current message's words suggest. The
    ``hard_feeling`` flag is set unless that feeling is a glad one: "the relief when I decide not to go is
    massive" is not something that "can't be easy"."""
    feeling = material.feelings[0] if material.feelings else _inferred_feeling(material.client_text)
    if not feeling:
        return {"hard_feeling": ""}
    slots = {"feeling": feeling} | ({} if feeling in _GLAD_FEELINGS else {"hard_feeling": ""})
    if feeling in _FEELING_NOUNS:
        slots["feeling_noun"] = _FEELING_NOUNS[feeling]
    return slots


def _hedged(text: str) -> bool:
    """A hedge on the message's main point: in its first clause ("maybe I'll text him") or closing it ("I
    could go for a walk I suppose") — not one on a detail after it ("I'll talk to my husband tonight and get
    the patches again, maybe the lower dose")."""
    lead: list[str] = []
    for clause in re.split(r"[,;.!?]|\band\b|\bbut\b", text):
        lead.append(clause)
        if len(clause.split()) >= 3:  # "fine. maybe. i guess i could try": the point is the first real clause
            break
    return bool(_HEDGED.search(" ".join(lead)) or re.search(r"\b(?:i suppose|i guess|maybe|probably)\W*$", text, re.I))


def _inferred_feeling(text: str) -> str | None:
    """A feeling word whose cues appear in the message (the first in lexicon order), else ``None``."""
    sample = text[:_SAMPLE]
    lexicon_order = [f.word for f in FEELINGS]
    felt = sorted(feelings_in(sample), key=lexicon_order.index)
    if felt:
        return felt[0]
    return "stressed" if _STRESS.search(sample) else "pressured" if _PRESSURE.search(sample) else None


def people_slots(material: Material) -> dict[str, str]:
    """Value, person, ``loved`` (not a professional) and role: the policy's latest, else the message's."""
    slots: dict[str, str] = {}
    text = material.client_text[:_SAMPLE]
    phrases = {v.key: v.phrase for v in VALUES}
    held = set(values_held(text))
    # the message's own most specific value first ("be there for my grandchild" is not "my kids"), then the latest
    value = _value_named(text, held) or next((phrases[key] for key in material.values if key in phrases), None)
    if value:
        slots["value"] = value
    # "My wife has a friend who did a program" names a wife; only a message that says the client cares about
    # someone earns "You care about your wife a great deal" (templates ask for ``loved_now`` too)
    if held & _CARED_FOR:
        slots["cared_for"] = ""
    named = PEOPLE.search(text)
    person = material.people[0] if material.people else (named.group(0) if named else None)
    if person:
        slots["person"] = f"your {person.lower()}"
        if "noticed" in material.situation or _PRESSURE.search(text):
            slots["person_noticed"] = ""  # someone has noticed or keeps on about it: their worry may be asked about
        if not _PROFESSIONAL.search(person):
            slots["loved"] = slots["person"]
        # Only the (grand)parent role: "the partner you want to be" presumes too much.
        if _GRANDPARENT.search(person):
            slots["role"] = "grandparent"
        elif _PARENT.search(person) or value == "being there for your kids":
            slots["role"] = "parent"
    return slots


def _value_named(text: str, held: set[str]) -> str | None:
    """The value (of those ``held`` in ``text``) whose cue is most specific (longest): "good dad" → parenting,
    not family."""
    matches = [
        (len(match.group(0)), value.phrase)
        for value in VALUES
        if value.key in held and (match := value.cues.search(text)) and not _only_in_passing(value.key, text)
    ]
    return max(matches)[1] if matches else None


def _only_in_passing(key: str, text: str) -> bool:
    """Whether a value's cue is incidental ("after work", "my heart races"), not something the person values."""
    strict = _STRICT_VALUE_CUES.get(key)
    return strict is not None and not strict.search(text)


def recorded_earlier(slots: Mapping[str, str], text: str) -> set[str]:
    """The feeling, value and person slots that the current message does not itself express."""
    text = text[:_SAMPLE]
    stale: set[str] = set()
    feeling = next((f for f in FEELINGS if f.word == slots.get("feeling")), None)
    if "feeling" in slots and not (feeling and feeling.cues.search(text)) and slots["feeling"][:6] not in text:
        stale |= {"feeling", "feeling_noun"}
    value = next((v for v in VALUES if v.phrase == slots.get("value")), None)
    if "value" in slots and not (value and value.cues.search(text) and not _only_in_passing(value.key, text)):
        stale.add("value")
    if "person" in slots and slots["person"].removeprefix("your ") not in text.lower():
        stale |= {"person", "loved", "role"}
    return stale


def flag_slots(material: Material) -> dict[str, str]:
    """Empty-text flags for the situation: a lapse described, pressure from others, discord, what the current
    message implies (its kind of change talk; a cost, a routine, being noticed, being unsure)."""
    text = " ".join((material.client_text[:_SAMPLE], *material.sustain_talk[-2:]))
    flags: dict[str, str] = {}
    if _SETBACK.search(text):
        flags["setback"] = ""
    if _PRESSURE.search(text) or "pressured" in material.feelings:
        flags["pressured"] = ""
    if _DISCORD.search(material.client_text[:_SAMPLE]):
        flags["discord"] = ""
    if re.search(_KNOWS_ALREADY, material.client_text[:_SAMPLE], re.I):
        flags["knows_already"] = ""
    if DOUBTS_TALKING.search(material.client_text[:_SAMPLE]):
        flags["doubts_talking"] = ""
    if CRAVING.search(material.client_text[:_SAMPLE]):
        flags["craving"] = ""  # "id kill for a fag rn": the pull right now
    stated = material.darn_cat != "reason" or _REASON_CUE.search(material.client_text[:_SAMPLE])
    # "I don't know if I could do it": the ability frame is there, the confidence is not ("…and you sound
    # fairly sure you could do it" contradicted the client); nor after a hedge ("maybe I'll text him").
    hedged = "unsure" in material.situation or _hedged(material.client_text)
    doubted = material.darn_cat in _DOUBTABLE and hedged
    if material.talk == "change" and material.darn_cat in _CHANGE_KINDS and stated:
        flags[_TENTATIVE if doubted else _CHANGE_KINDS[material.darn_cat]] = ""
    return flags | dict.fromkeys(material.situation, "")
