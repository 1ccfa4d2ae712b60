"""The words a template may use, computed once per move from its :class:`~oars.choose.move.Material`.

A template names what it needs (``"{sclause}, and part of you is wondering what it's costing you."``);
a template whose slots are missing is simply not offered, so every draft is grammatical *and* only says
what the material supports. Slot names:

========================  ===========================================================================
``clause``                the gist of the current message; ``reworded``: flag, it says more than an echo
``recalled``              when the current message has none ("yeah"): the latest talk or earlier message's
``fragment``              a short verbless answer said back ("two nights a week without a drink")
``nclause``               the current message's gist when it leans neither way
``cclause_now``           … when it is preparatory change talk; ``mclause``: mobilising ("you'll start Monday")
``sclause_now``           the current message's sustain-leaning gist (for amplifying or coming alongside)
``fclause``               the current message's clause that carries a feeling (a feeling word, a person)
``cclause`` / ``sclause`` a change-leaning / sustain-leaning gist (current message first, then the talk)
``c_part`` / ``s_part``   the same as a verb phrase after "part of you" ("would like to quit")
``feeling``               a feeling word (material, else inferred from cue words); ``feeling_noun``: "worry";
                          ``feeling_now``: flag, the current message itself expresses it; ``feeling_unsaid``:
                          flag, ``fclause`` does not already say it ("…so tired, and that leaves you exhausted");
                          ``hard_feeling``: flag, the feeling (if any) is not a glad one (relieved, hopeful, proud)
``corrected``             flag: the client has just said the last reflection was wrong ("no, that's not it")
``knows_already``         flag: the pushback is that they know the facts already ("I'm not stupid")
``loved_now``             flag: the current message itself names that person (``value_now``: that value);
                          ``cared_for``: flag, the current message says the client cares about someone ("I want
                          to be there for her")
``value``                 a value phrase ("your family"); ``person``: "your wife"; ``role``: "parent" (only);
                          ``loved``: the person unless a professional ("your nurse" is not someone to "care about");
                          ``person_noticed``: flag, the message says the person has noticed or keeps on about it
``coping``                the current sustain talk when it says what the behaviour does for them
``step`` / ``step_past``  a strength or step the client took; ``step_past`` only when in the past tense
``step_now``              flag: the step is what the client has just said ("How did you manage that?")
``earlier``               the gist of an earlier message, for linking summaries; ``link_change`` /
                          ``link_sides`` / ``link_sustain``: flags, it and the current message both lean
                          towards change, one each way, or both against it
``setback`` / ``pressured``  flags (empty text): the client describes a lapse / feeling pushed by others
``discord``               flag: the client is pushing back at the counsellor ("you sound like my mum");
                          ``doubts_talking``: doubting what talking can do ("what's talking going to do?");
                          ``craving``: wanting it right now ("I'd kill for a fag")
``asked_advice``          flag: the client asked what to do; ``asked_opinion``: what the counsellor thinks of
                          the idea they have just had ("good idea? you tell me"); ``asked_label``: to be
                          labelled ("am I an alcoholic?")
``c_desire`` … ``c_need``    flags: the current message is change talk of that kind (``c_mobilising``: a
                          commitment or activation it states; ``c_steps``: steps taken)
``cost`` / ``routine``     flags: it describes a cost (a warning, money, a row) / a routine ("after work")
``noticed`` / ``unsure``   flags: someone has said or noticed something / the client is unsure
``support`` / ``mandated``  flags: someone is on their side / someone else sent them (a court, a boss)
``tried`` / ``long_time``  flags: the client has tried before / it has gone on for years
``loss`` / ``past_self``  flags: harm came to someone close / they describe who they were before
``ability``               the current message's "you could …" (an idea of how to change, to affirm);
                          ``idea``: the same as a gerund ("putting the tablets by the kettle")
``topic``                 the focus in any form ("how low you've been feeling"), after a preposition
``behaviour``             the focus when it can be a subject ("drinking"); ``your_behaviour``: "your drinking"
``habit``                 the focus when it is a habit that does something for the person (drinking, vaping …)
``change`` / ``changing``  the change as a verb phrase / gerund ("cut down on drinking" / "cutting down …")
``plan_*``, ``obstacle_if``, ``agenda_*``, ``info``  planning, agenda and information material
``items``                 (summaries only) the gathered change talk, joined into one list; ``reasons``:
                          flag, every item leans towards change (no neutral clause among them)
========================  ===========================================================================

The clause slots are computed in :mod:`oars.say.gist_slots`, the cue-word slots in :mod:`oars.say.cue_slots`;
this module adds the focus, the plan, the agenda and the information. The plan is read from
``Material.plan`` (``ChangePlan.to_dict()``) by these keys, each a string or a list of strings: ``change``,
``steps``, ``obstacles``; a missing key is simply not used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from oars.choose.move import Material
from oars.say.clean import clean
from oars.say.content import Lean
from oars.say.cue_slots import INFERENCE_FLAGS, feeling_slots, flag_slots, people_slots, recorded_earlier
from oars.say.gist_slots import clause_slots, earlier_gist, step_slots
from oars.say.grammar import gerund, join_items, lemmas, lower_first
from oars.say.perspective import to_second_person
from oars.understand.lexicon import FEELINGS, TOPICS

__all__ = ["CLIENT_SLOTS", "FOCUS_SLOTS", "TONE_FLAGS", "Slots", "slots_for"]

# fmt: off
CLIENT_SLOTS = frozenset({
    "clause", "reworded", "recalled", "fragment", "nclause", "cclause_now", "mclause", "sclause_now", "fclause",
    "cclause", "sclause", "c_part", "s_part", "feeling", "feeling_noun", "feeling_now", "value", "person", "loved",
    "role", "coping", "step", "step_past", "step_now", "earlier", "setback", "pressured", "discord", "ability", "idea",
    "plan_change", "plan_changing", "plan_step", "obstacle_if", "agenda_or", "agenda_list", "info", "items",
    "loved_now", "cared_for", "value_now", "feeling_unsaid", "corrected", "knows_already", "asked_advice",
    "asked_opinion", "asked_label", "doubts_talking", "craving", "person_noticed", "reasons", "link_change",
    "link_sides",
    "link_sustain",
    *INFERENCE_FLAGS,
})
# fmt: on
"""Slots carrying the client's own content: a template using one is specific, and ranks first."""
FOCUS_SLOTS = frozenset({"topic", "behaviour", "your_behaviour", "habit", "change", "changing"})
"""Slots naming only the focus: more specific than nothing, less than the client's own words."""
TONE_FLAGS = frozenset({"hard_feeling"})
"""Flags that fit a phrasing's tone to the message without making it any more specific."""

_HABITS = frozenset({"drinking", "vaping", "smoking", "cannabis", "drugs", "gambling", "eating"})
_OBSTACLE_CLAUSE = re.compile(
    r"^(?:you|you're|it|it's|there|they|he|she)\b|\b(?:is|are|was|were|will|gets?|keeps?|comes?|happens?)\b"
)
# What a client's plan item may start with before its verb: "I'll", "I'm going to", "maybe".
_PLAN_SUBJECT = re.compile(
    r"^(?:you (?:know|think|guess|suppose)(?: that)?\s+)?(?:to\s+)?(?:(?:maybe|probably|just|definitely)\s+)?"
    r"(?:you(?:'ll|'d| will| would| could| can| might|'re going to| are going to| want to|'d like to| plan to|"
    r"'re planning to| need to| have to| should| must|'ve got to| got to| gotta)?\s+)?"
    r"(?:(?:maybe|probably|just|definitely|try to)\s+)?",
    re.I,
)


_FEELING_CUES = {feeling.word: feeling.cues for feeling in FEELINGS}


def _says_feeling(clause: str, feeling: str) -> bool:
    cues = _FEELING_CUES.get(feeling)
    return feeling in clause.lower() or bool(cues and cues.search(clause))


class Slots(dict[str, str]):
    """Slot texts by name, plus which of them come from earlier turns rather than the current message.

    A phrasing built from what the client has just said ranks above one built from what they said
    before, so ``stale`` travels with the slots.
    """

    stale: frozenset[str] = frozenset()

    def with_flags(self, *names: str) -> Slots:
        """A copy with empty-text flags added (``after``, ``after_summary``)."""
        copy = Slots({**self, **dict.fromkeys(names, "")})
        copy.stale = self.stale
        return copy


def slots_for(material: Material, said_before: Callable[[str], bool] = lambda _: False) -> Slots:
    """Every slot the material supports; a slot that cannot be filled well is left out. ``said_before`` tells
    which of the client's clauses an earlier reply already said back (none are recalled twice)."""
    focus = _focus_slots(material.behaviour, material.change)
    noun_focus = focus.get("behaviour")
    clauses, stale_clauses = clause_slots(material, noun_focus, said_before)
    steps, stale_steps = step_slots(material, noun_focus)
    slots = Slots({**focus, **clauses, **steps})
    slots |= feeling_slots(material) | people_slots(material) | flag_slots(material) | _plan_slots(material.plan)
    slots.stale = frozenset(stale_clauses | stale_steps | recorded_earlier(slots, material.client_text))
    if "feeling" in slots and "feeling" not in slots.stale:
        slots["feeling_now"] = ""
    if "loved" in slots and "loved" not in slots.stale:
        slots["loved_now"] = ""
    if "value" in slots and "value" not in slots.stale:
        slots["value_now"] = ""
    if "feeling" in slots and not _says_feeling(slots.get("fclause", ""), slots["feeling"]):
        slots["feeling_unsaid"] = ""
    if material.asked == "advice":
        slots["asked_advice"] = ""
    if material.asked == "opinion":
        slots["asked_opinion"] = ""
    if material.asked == "label":
        slots["asked_label"] = ""
    if material.corrected:
        slots["corrected"] = ""
    if (earlier := earlier_gist(material, slots.get("clause"), noun_focus)) is not None:
        slots["earlier"] = earlier.text
        if (link := _link(earlier.lean, slots, material.talk)) is not None:
            slots[link] = ""
    if material.agenda:
        items = [_agenda_item(item) for item in material.agenda]
        slots["agenda_or"] = join_items(items, "or")
        slots["agenda_list"] = ", ".join(items)
    if material.information and material.information.strip():
        slots["info"] = lower_first(_sentence(material.information))
    return slots


def _link(earlier: Lean, slots: Mapping[str, str], talk: str | None) -> str | None:
    """What ties a linking summary's two statements together, read from the way each leans: both towards
    change, one each way, or both against it. Two plain accounts share only a subject (``None``). The current
    message leans by its clauses, else by its talk type ("but I really like a drink at Sunday lunch" has no
    clause the gist reads as sustain talk; the coder hears it)."""
    if {"cclause_now", "mclause"} & slots.keys():
        now = Lean.CHANGE
    elif "sclause_now" in slots and "nclause" not in slots:
        now = Lean.SUSTAIN
    else:
        now = {"change": Lean.CHANGE, "sustain": Lean.SUSTAIN}.get(talk or "", Lean.NEUTRAL)
    if now is earlier is Lean.CHANGE:
        return "link_change"
    if {now, earlier} == {Lean.CHANGE, Lean.SUSTAIN}:
        return "link_sides"
    return "link_sustain" if now is earlier is Lean.SUSTAIN else None


def _focus_slots(behaviour: str | None, change: str | None) -> dict[str, str]:
    slots: dict[str, str] = {}
    topic = next((t for t in TOPICS if behaviour in {t.key, t.behaviour}), None)
    if behaviour and behaviour.strip():
        named = topic.behaviour if topic else to_second_person(behaviour.strip())
        slots["topic"] = named
        if not re.match(r"^(?:how|what|where|when|why|whether)\b", named):
            slots["behaviour"] = named
            single = len(named.split()) == 1 or named.endswith(" use")
            slots["your_behaviour"] = f"your {named}" if single else named
        if (topic and topic.key in _HABITS) or (topic is None and re.fullmatch(r"[a-z]+ing", named)):
            slots["habit"] = named
    wanted = change or (topic.change if topic else None)
    if wanted and wanted.strip():
        slots["change"] = lower_first(to_second_person(wanted.strip()))
        slots["changing"] = gerund(slots["change"])
    return slots


def _plan_slots(plan: Mapping[str, object]) -> dict[str, str]:
    slots: dict[str, str] = {}
    change = [phrase for item in _plan_items(plan, "change") if (phrase := _verb_phrase(item))]
    if change:
        slots["plan_change"] = change[-1]
        slots["plan_changing"] = gerund(change[-1])
    steps = [phrase for item in _plan_items(plan, "steps") if (phrase := _verb_phrase(item))]
    if steps:
        slots["plan_step"] = gerund(steps[0])
    obstacles = _plan_items(plan, "obstacles")
    if obstacles:
        slots["obstacle_if"] = _as_condition(obstacles[-1])
    return slots


def _plan_items(plan: Mapping[str, object], key: str) -> list[str]:
    """Each answer recorded in a plan field as one clause to build a question on: its first sentence without
    fillers, in the second person ("Okay. Well, uh, to make an appointment for next week." → "to make an
    appointment for next week"; "I'll make an appointment for next week. Yes." → "you'll make an
    appointment for next week"). The plan itself keeps the client's whole answer."""
    value = plan.get(key)
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else []
    sentences = [next(iter(clean(str(item)).splitlines()), "") for item in items]
    return [lower_first(to_second_person(s.strip().rstrip(".!?;:,"))) for s in sentences if s.strip()]


def _verb_phrase(item: str) -> str | None:
    """A plan item as a bare verb phrase ("you'll tell your sister" → "tell your sister"), or ``None``
    when it is not one ("two nights a week"), since plan questions build on "to …" and "…-ing"."""
    phrase = _PLAN_SUBJECT.sub("", item)
    first = phrase.split()[0].lower() if phrase.split() else ""
    is_verb = lemmas(first).get("VERB", ("",))[0] == first and first not in {"you", "your"}
    return phrase if is_verb else None


def _as_condition(obstacle: str) -> str:
    """An obstacle that completes "If …, what could you do?": a clause as it is, a thing + "gets in the way"."""
    if _OBSTACLE_CLAUSE.search(obstacle):
        return obstacle
    return f"{obstacle} gets in the way"


def _agenda_item(item: str) -> str:
    topic = next((t for t in TOPICS if item in {t.key, t.behaviour}), None)
    return topic.behaviour if topic else item.replace("_", " ")


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text[-1] in ".!?" else text + "."
