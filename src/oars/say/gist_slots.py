"""The slots made of the client's own clauses: what they just said, their talk, their steps, earlier words.

The current message comes first; when it has nothing to say back ("yeah"), the latest change talk, sustain
talk or earlier message stands in — and such slots are reported as *stale*, so that a phrasing built on
what the client has just said ranks above one built on what they said before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from oars.choose.move import Material
from oars.say.content import Gist, Lean, fragment, gist, gists
from oars.say.cue_slots import FELT
from oars.say.grammar import gerund, is_past_tense, part_of_you, words
from oars.understand.lexicon import REPORTED_VIEW
from oars.understand.overlap import related

__all__ = ["clause_slots", "earlier_gist", "owned", "step_slots"]

# Commitment, activation, taking steps: change talk that is already on the move.
_MOBILISING = re.compile(
    r"\b(?:you'll|you will|you're going to|you're ready|you've decided|you're planning|you plan|start(?:ing)? on|"
    r"from (?:now|tomorrow|monday)|this week)\b",
    re.I,
)
# Sustain talk about what the behaviour does for the person: the one kind a coping reframe fits.
_COPING = re.compile(
    r"\b(?:helps?|lets|calms?|unwind|relax\w*|cope|coping|comfort|only thing|switch off|escape)\b", re.I
)
_IDEA = re.compile(
    r"^(?:maybe )?you (?:could|can|might)(?: maybe| probably| just| always| try and| try to)? "
    r"(?!be\b|not\b|do (?:that|it|this|so)\b)(\w+.*)$"  # "doing that is your own idea" names no idea
)
# "I could get suspended", "you can lose everything": what could happen to them, neither an ability nor an idea
_MIGHT_HAPPEN = re.compile(
    r"^(?:maybe )?you (?:could|can|might)(?: \w+ly)? "
    r"(?:get (?:\w+ed|\w+en|sick|worse|hurt|caught|kicked|thrown|sent|put|stuck|in trouble)|"
    r"(?:end|wind) up|lose|die|fail|become|happen|go to (?:jail|prison))\b"
)
# "I can stop whenever": a claim of control (often beside "it's not like I'm addicted"), not an ability to affirm
# nor an idea to credit ("Stopping whenever is an idea that came from you")
_CONTROL_CLAIM = re.compile(
    r"^you (?:can|could) (?:\w+ ){1,3}"
    r"(?:whenever|any ?time|if you want(?:ed)?(?: to)?|when(?:ever)? you (?:want|like))\b"
)
# "you'll stop buying the big bottles" said back reads as the counsellor telling the client what to do (the
# coder hears Persuade); "you've decided to stop buying…" is heard as a reflection of their decision.
_WILL = re.compile(r"^you(?:'ll| will| are going to|'re going to|'re gonna) (?!be\b|have\b|never\b|not\b)(\w+)")
_OPPOSITE = {Lean.CHANGE: Lean.SUSTAIN, Lean.SUSTAIN: Lean.CHANGE}
_STEP_PAST_EXTRA = frozenset({"quit", "cut", "put", "set", "let"})
_MODALS = frozenset({"could", "would", "should", "might"})  # past in form, not in meaning
_EARLIER_MESSAGES = 6
_EARLIER_GISTS = 3  # clauses of an earlier message that may carry its link
_PAIR_STATEMENTS = 3  # earlier statements of each side a fresh pair of sides may come from


def clause_slots(
    material: Material, focus: str | None, said_before: Callable[[str], bool] = lambda _: False
) -> tuple[dict[str, str], set[str]]:
    """The gist slots, and which of them are stale: the current message first, then the client's talk (a clause
    an earlier reply already said back, ``said_before``, is not recalled again)."""
    current = gists(material.client_text, behaviour=focus)
    slots = _current_slots(current) if current else {}
    stale: set[str] = set()
    if not current and (short := fragment(material.client_text)) is not None:
        slots["fragment"] = short
    elif not current and (recalled := _fallback_gist(material, focus, said_before)) is not None:
        slots["recalled"] = recalled.text
        stale.add("recalled")
    own = [g for g in current if not REPORTED_VIEW.match(g.text)]  # someone else's reasons are not change talk
    now_change, now_sustain = _leaning(own, Lean.CHANGE), _leaning(current, Lean.SUSTAIN)
    if now_change or now_sustain:
        change = now_change or _talk_gist(material.change_talk, Lean.CHANGE, focus, material.client_text)
        sustain = now_sustain or _talk_gist(material.sustain_talk, Lean.SUSTAIN, focus, material.client_text)
    else:
        change, sustain = _fresh_pair(material, focus, said_before)
    if change is not None and sustain is not None and change.lean is sustain.lean is Lean.NEUTRAL:
        # Two neutral clauses are two facts, not two sides: "you're pulled both ways: your dad was a big
        # drinker, and yet you snore like a train". One side that leans can carry a neutral other side.
        change = sustain = None
    if change is not None:
        slots["cclause"] = owned(change.text)
        if (c_part := part_of_you(change.text)) is not None:
            slots["c_part"] = c_part
        stale |= set() if now_change else {"cclause", "c_part"}
    if sustain is not None and (change is None or sustain.text != change.text):
        slots["sclause"] = sustain.text
        if (s_part := part_of_you(sustain.text)) is not None:
            slots["s_part"] = s_part
        stale |= set() if now_sustain else {"sclause", "s_part"}
    return slots, stale


def _fresh_pair(
    material: Material, focus: str | None, said_before: Callable[[str], bool]
) -> tuple[Gist | None, Gist | None]:
    """The two sides of earlier talk for a message that holds neither ("mm"): the latest change and sustain
    statements, or, when those two were already set side by side, the latest pair among the last few of each
    that was not. After "mm" on "mm" the same two clauses in a new wrapper ("On one hand you can't do them
    anymore, and on the other you miss the exercise") would be the last reply again; with no fresh pair left
    there are no sides to say (the realiser then borrows another style)."""
    changes = _talk_gists(material.change_talk, Lean.CHANGE, focus, material.client_text)
    sustains = _talk_gists(material.sustain_talk, Lean.SUSTAIN, focus, material.client_text)
    if not changes or not sustains:
        return (changes[0] if changes else None), (sustains[0] if sustains else None)
    pairs = sorted(
        ((c, s) for c in range(len(changes)) for s in range(len(sustains))), key=lambda pair: (sum(pair), pair)
    )
    for c, s in pairs:
        two_facts = changes[c].lean is sustains[s].lean is Lean.NEUTRAL
        if not two_facts and not _both_said(changes[c], sustains[s], said_before):
            return changes[c], sustains[s]
    return None, None


def _both_said(change: Gist, sustain: Gist, said_before: Callable[[str], bool]) -> bool:
    return any(said_before(c) for c in (change.text, owned(change.text))) and said_before(sustain.text)


def owned(clause: str) -> str:
    """An idea of the client's said back as theirs: "you could delete the apps", read back beside other
    things they said, is heard as the counsellor's advice (the coder reads Persuade); "you've thought about
    deleting the apps" is heard as a reflection. What could happen to them ("you could lose your job") and
    anything else stays as it is."""
    if _MIGHT_HAPPEN.match(clause) or (idea := _IDEA.match(clause)) is None or len(idea.group(1).split()) < 2:
        return clause
    return f"you've thought about {gerund(idea.group(1))}"


def _current_slots(current: Sequence[Gist]) -> dict[str, str]:
    """Slots only the current message can fill: what "continuing the paragraph" continues."""
    best = current[0]
    slots = {"clause": best.text} | ({"reworded": ""} if best.reworded else {})
    if best.lean is Lean.NEUTRAL:
        slots["nclause"] = best.text
    elif best.lean is Lean.CHANGE and REPORTED_VIEW.match(best.text):
        slots["nclause"] = best.text  # "wife said it's time for you to try this": her reason, not (yet) theirs
    elif best.lean is Lean.CHANGE:
        if _MOBILISING.search(best.text):
            slots["mclause"] = _WILL.sub(r"you've decided to \1", best.text)
        else:
            slots["cclause_now"] = owned(best.text)
    if (sustain := _leaning(current, Lean.SUSTAIN)) is not None:
        slots["sclause_now"] = sustain.text
        if _COPING.search(sustain.text):
            slots["coping"] = sustain.text
    if (felt := next((g for g in current if FELT.search(g.text)), None)) is not None:
        slots["fclause"] = felt.text
    # "you could try" says no more than that they could: no ability to affirm, no idea to credit them with
    abilities = (
        g
        for g in current
        if re.match(r"you (?:could|can)\b", g.text)
        and not _MIGHT_HAPPEN.match(g.text)
        and not _CONTROL_CLAIM.match(g.text)
        and len(g.text.split()) >= 4
    )
    if (able := next(abilities, None)) is not None:
        slots["ability"] = owned(able.text)  # "you could water the plants", beside an affirmation, is advice
        if (idea := _IDEA.match(able.text)) is not None:
            # "you could put the tablets next to the kettle" reads as advice from a counsellor; "putting the
            # tablets next to the kettle is something you came up with yourself" is heard as the client's own
            slots["idea"] = gerund(idea.group(1))
    return slots


def _leaning(found: Sequence[Gist], lean: Lean) -> Gist | None:
    return next((g for g in found if g.lean is lean), None)


def _talk_gist(talk: Sequence[str], lean: Lean, focus: str | None, current: str = "") -> Gist | None:
    """The gist of the latest statement of this kind that has one (see :func:`_talk_gists`)."""
    found = _talk_gists(talk, lean, focus, current, limit=1)
    return found[0] if found else None


def _talk_gists(
    talk: Sequence[str], lean: Lean, focus: str | None, current: str = "", limit: int = _PAIR_STATEMENTS
) -> list[Gist]:
    """The gists of the latest statements of this kind that have one, newest first, favouring clauses of
    their lean.

    A neutral clause stands for the statement's side only for an earlier statement: the message just said
    was already read clause by clause, and none of its clauses leans this way ("my mates all bet too", heard
    as change talk, made "…, and also your mates all bet" the change side of a double-sided reflection).
    """
    kept: list[Gist] = []
    for statement in reversed(talk):
        # "your wife thinks that was a mistake", about a job turned down two messages back, set beside drinks
        # before work dinners as the other side: a clause from earlier must name what it is about
        earlier = statement != current
        found = next(
            (g for g in gists(statement, prefer=lean, behaviour=focus) if not earlier or not points_back(g.text)), None
        )
        # "i want to stop vaping but its hard", coded as sustain talk, has no sustain-leaning clause the gist can
        # find; its change side said as the sustain side made "both things are true: you'd like to stop…, and…"
        if found is None or found.lean is _OPPOSITE[lean] or (statement == current and found.lean is not lean):
            continue
        if all(found.text != other.text for other in kept):
            kept.append(found)  # with its own lean, so that two neutral stand-ins can be told from two real sides
        if len(kept) >= limit:
            break
    return kept


# A clause whose subject points back to something said before it: "that was a mistake", "she's probably right",
# "your wife thinks it was a mistake", "that scares you more than anything" (telling her), "they all have a bet on
# in the pub" (the lads). Recalled turns later, away from what it pointed to, it means nothing.
_POINTS_BACK = re.compile(
    r"^(?:your \w+ (?:thinks|says|said|reckons|feels) (?:that )?)?(?:that|this|it|he|she|they)(?:'s|'re| is| was| were|"
    r" are| will| would)\b|^(?:that|this) (?!is\b|was\b)\w+s\b|^(?:he|she|they) ",
    re.I,
)


def points_back(clause: str, *, it: bool = True) -> bool:
    """Whether ``clause`` only means something beside the message before it (its subject points back). With
    ``it=False`` a clause about "it" passes: among change talk gathered for a summary, "it would save you so
    much money if you stopped" is about the change the summary is about."""
    found = _POINTS_BACK.match(clause)
    return found is not None and (it or not found.group().lower().startswith("it"))


def _fallback_gist(material: Material, focus: str | None, said_before: Callable[[str], bool]) -> Gist | None:
    """For "yeah", "idk", "ok": the latest change talk, then sustain talk, then the latest earlier message —
    a clause not yet said back: to a run of "uh-huh"s the same clause recalled each time ("You mentioned that
    you could try the patches", "So you could try the patches") is a counsellor not listening."""
    for statements in (material.change_talk, material.sustain_talk, material.earlier):
        for statement in reversed(statements):
            found = next(
                (g for g in gists(statement, behaviour=focus) if not said_before(g.text) and not points_back(g.text)),
                None,
            )
            if found is not None:
                return found
    return None


def earlier_gist(material: Material, current: str | None, focus: str | None) -> Gist | None:
    """The most telling gist of a recent earlier message about the same thing as the current one (a link
    between unrelated statements, "you smoke too much weed, and now the cat walked on the keyboard", is
    no link), and not what the client just said. The gist itself must carry the shared thing: "mostly at
    night after the kids are in bed" is no link to "my husband doesn't say anything", even when the
    message it came from also named him."""
    now = material.client_text
    candidates = [
        g
        for text in material.earlier[-_EARLIER_MESSAGES:]
        if related(text, now)
        for g in gists(text, behaviour=focus)[:_EARLIER_GISTS]
        if g.text != current and related(g.text, now)
    ]
    return max(candidates, key=lambda g: g.score) if candidates else None


def step_slots(material: Material, focus: str | None) -> tuple[dict[str, str], set[str]]:
    """A strength or step to affirm — the current message, then the strengths, then change talk — and
    which slots are stale (all of them unless the step is what the client has just said)."""
    for statement in (material.client_text, *reversed(material.strengths), *reversed(material.change_talk)):
        found = gist(statement, prefer=Lean.CHANGE, behaviour=focus)
        if found is None or not found.text.startswith("you"):
            continue
        past = _is_past(found.text)
        strength = statement in material.strengths
        if not strength and statement != material.client_text and found.lean is not Lean.CHANGE:
            continue  # "you've won big before" is past and was heard as change talk, but is nothing to affirm
        if strength or past:
            slots = {"step": found.text} | ({"step_past": found.text} if past else {})
            if statement == material.client_text:
                return slots | {"step_now": ""}, set()
            return slots, set(slots)
    return {}, set()


def _is_past(clause: str) -> bool:
    tokens = words(clause)
    verb = tokens[1].lower() if len(tokens) > 1 else ""
    return verb not in _MODALS and (is_past_tense(verb) or verb in _STEP_PAST_EXTRA)
