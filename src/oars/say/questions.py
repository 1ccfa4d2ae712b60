"""Questions: open questions by purpose, permission requests, and the 0–10 rulers.

Open questions invite the person to talk ("What worries you most about your drinking?"), so nearly all
start with what/how/where or "tell me"; the evoking ones are aimed at change talk (desire, ability,
reasons, need), never at defending the status quo. Permission requests are the one place a closed
question is right: asking leave before informing or planning is the MI spirit of partnership. Ruler
wording and follow-ups come from :mod:`oars.measures.rulers`, so the chat and the measures agree.
"""

from __future__ import annotations

from collections.abc import Mapping

from oars.choose.move import Material, Purpose
from oars.measures import Ruler, RulerKind, ruler_followup, ruler_moved
from oars.say.templates import Phrase, phrases

__all__ = ["OPEN", "PERMISSION", "open_questions", "permission_questions"]

OPEN: Mapping[Purpose, tuple[str, ...]] = {
    Purpose.OPEN_CONCERN: (
        "What brings you here today?",
        "What's on your mind?",
        "What would you like to talk about?",
        "What made you want to talk about {topic} today?",
        "Where would you like to start?",
        "What's been happening with {topic} lately?",
    ),
    Purpose.EXPLORE: (
        "What's {behaviour} like for you day to day?",
        "How does {behaviour} fit into a typical week for you?",
        "What do you get out of {habit}?",
        "What does a usual day look like for you?",
        "How did things get to where they are now?",
        "[routine] What's it like for you when that happens?",
        "How do the people around you see your {habit}?",
    ),
    Purpose.ELABORATE: (
        "[after_summary] What else?",
        "[after_summary] What would you add?",
        "[after_summary] What have I missed?",
        "[step_now] How did you manage that?",
        "[step_now] What helped you do it?",
        "What else?",
        "Tell me more about that.",
        "What else would be different?",
        "What does that look like for you?",
        "What's that been like for you?",
        "What else comes to mind?",
        "What would that mean for you?",
        "What else have you noticed?",
    ),
    Purpose.AGENDA: (
        "Which would you like to start with: {agenda_or}?",
        "Of {agenda_or}, which feels most important to talk about today?",
        "Where would you like to begin — {agenda_list}, or something else?",
        "What feels most pressing right now: {agenda_list}, or something else?",
        "What feels most important to talk about today?",
        "Of everything going on, where would you like to start?",
    ),
    Purpose.FOCUS: (
        "What would you most like to be different?",
        "If things could change in one way, what would you want it to be?",
        "Of everything we've talked about, what matters most to you to work on?",
        "What would you like to focus on with {topic}?",
        "Where would you like things to be with {topic}?",
    ),
    Purpose.DESIRE: (
        "What would you like to be different about {your_behaviour}?",
        "How would you like things to be?",
        "What do you want for yourself when it comes to {topic}?",
        "If you could wave a magic wand, what would change?",
        "What are you hoping for?",
    ),
    Purpose.ABILITY: (
        "If you decided to {change}, how might you go about it?",
        "What would make {changing} feel possible for you?",
        "What have you managed before that tells you you could do this?",
        "Of the ways you could {change}, which seems most doable?",
        "What strengths could help you with {changing}?",
        "If you did decide to make a change, how might you do it?",
        "[asked_opinion] How well do you think it would work for you?",
        "[asked_opinion] What do you like about it yourself?",
    ),
    Purpose.REASONS: (
        "What would be the best things about {changing}?",
        "What would make {changing} worth it to you?",
        "How would {changing} make a difference for you?",
        "What are your own reasons for thinking about this?",
        "What are the three best reasons for you to {change}?",
        "What would be good about making a change?",
    ),
    Purpose.NEED: (
        "What makes this feel important right now?",
        "What tells you something has to change?",
        "How pressing does {changing} feel right now?",
        "What makes now the time to think about {topic}?",
        "How important is it to you to {change}?",
        "What would happen if nothing changed?",
    ),
    Purpose.CONCERN: (
        "What worries you most about {your_behaviour}?",
        "What's the hardest part of {topic} for you?",
        "In what ways has {topic} been a problem for you?",
        "What do you think might happen if nothing changes?",
        "What concerns you about how things are going?",
        # only when the message says the person has noticed or keeps on about it: "What worries your daughter
        # about taking your medication?" after "my daughter is expecting" put a worry in her mouth
        "[person_noticed] What worries {person} about {your_behaviour}?",
        "[asked_label] What makes you wonder about that?",
        "[asked_label] Whatever word fits, what worries you most about how things are now?",
        "[asked_label] What would it mean to you if the answer were yes?",
    ),
    Purpose.LOOKING_FORWARD: (
        "If you did {change}, what might be different a year from now?",
        "Suppose {changing} worked out — what would be the first thing you'd notice?",
        "How would you like your life to look a year from now?",
        "If things went the way you'd like, how might they be different for you and {loved}?",
        "What would a good year from now look like for you?",
        "Imagine it's a year from now and things have changed — what's different?",
    ),
    Purpose.LOOKING_BACK: (
        "What was life like before {habit} became such a part of it?",
        "How have things changed since {habit} started?",
        "Think back to a time when things were going better — what was different then?",
        "What were things like a few years ago?",
        "How were you different before all this started?",
    ),
    Purpose.VALUES: (
        "What matters most to you in your life right now?",
        "What kind of {role} do you want to be?",
        "How does {topic} fit with what's important to you?",
        "When you think about {value}, where does {topic} fit in?",
        "What do you care about most?",
        "What would you most like your life to be about?",
    ),
    Purpose.PAST_SUCCESS: (
        "[step_now] What helped you do it back then?",
        "[step_now] How did you manage it?",
        "When {step_past}, what helped you do it?",
        "What's worked for you before when you've made a change?",
        "Tell me about a time you changed something that wasn't easy.",
        "What have you managed before that you're proud of?",
        "How have you got through hard times in the past?",
        "What helped the last time you tried {changing}?",
    ),
    Purpose.EXTREMES: (
        "What's the worst that could happen if {topic} carries on as it is?",
        "What's the best thing that could come from {changing}?",
        "If things went on exactly as they are, where might you be in five years?",
        "What's the most you'd hope for if you made a change?",
        "What would be the worst-case scenario for you?",
    ),
    Purpose.KEY_QUESTION: (
        "So where does that leave you now?",
        "What do you think you'll do?",
        "Where do you want to go from here?",
        "What's your next step, if any?",
        "Given all this, what are you thinking about {topic} now?",
        "Where does that leave you with {changing}?",
    ),
    Purpose.PLAN_PERMISSION: (
        "How would you feel about thinking together about what a next step could look like?",
        "What would you think about sketching out a possible plan?",
        "How would it be to spend a few minutes on what you might do next?",
        "What do you think about looking at some next steps together?",
        "How ready do you feel to think about a plan?",
    ),
    Purpose.PLAN_CHANGE: (
        "[plan_requested] Let's do that. What change would you like the plan to be about?",
        "[plan_requested] Good, let's work it out together. What would you like to change first?",
        "What change would you like to make, if any?",
        "If you decided to {change}, what would that look like for you?",
        "What would you want to be different about {your_behaviour}?",
        "What feels like the right change to aim for?",
        "Where would you like to start?",
    ),
    Purpose.PLAN_STEPS: (
        "What's the first thing you'd do to {plan_change}?",
        "What might a first step towards {changing} look like?",
        "What could you do this week that would move you in that direction?",
        "How would you go about it?",
        "What's one small thing you could try first?",
        "What would {plan_changing} look like day to day?",
    ),
    Purpose.PLAN_SUPPORT: (
        "Who else could back you up with {plan_changing}?",
        "Who in your life would back you up with {changing}?",
        "Who would you want in your corner?",
        "What's helped you feel supported before?",
        "How might {person} help with this?",
        "Who could you lean on if things got hard?",
    ),
    Purpose.PLAN_OBSTACLES: (
        "What might get in the way of {plan_step}?",
        "What could make {changing} harder than you expect?",
        "When might it be hardest to stick with?",
        "What would you want to watch out for?",
        "If something tripped you up, what would it most likely be?",
    ),
    Purpose.PLAN_RESPONSE: (
        "If {obstacle_if}, what could you do?",
        "Say {obstacle_if} — how might you handle it?",
        "What's your plan for when {obstacle_if}?",
        "How could you get yourself back on track if {obstacle_if}?",
        "If that happened, what could you do?",
        "What might help in that moment?",
    ),
    Purpose.PLAN_CONFIDENCE: (
        "How are you feeling about being able to do this?",
        "What gives you confidence you can {change}?",
        "What would make this plan feel more doable?",
        "Looking at the plan, how sure do you feel about it?",
        "What strengths will you draw on to make this work?",
    ),
    Purpose.INFO_PERMISSION: (
        "What would you like to know about {topic}?",
        "How would you feel about hearing a little information on {topic}?",
        "What sort of information about {topic} would be useful to you?",
        "How would it be if I shared a little of what's known about this?",
        "What would be most useful to know?",
    ),
    Purpose.INFO_ELICIT: (
        # Asked "what should I do?": their own ideas first, before anything from the counsellor.
        "[asked_advice] What ideas have you had yourself, even ones you've set aside?",
        "[asked_advice] What's worked for you before, even for a little while?",
        "[asked_advice] Before I say anything, what have you already thought about trying?",
        "[asked_advice] If you were to try something, what would make most sense to you?",
        "What do you already know about {topic}?",
        "What would you like to know about {topic}?",
        "What have you come across about {topic} so far?",
        "What's your understanding of how {topic} might be affecting you?",
        "What have you heard about this already?",
    ),
    Purpose.INFO_CHECK: (
        "What do you make of that?",
        "How does that fit with your experience?",
        "What are your thoughts on that?",
        "How does that sit with you?",
        "Which parts of that ring true for you?",
    ),
    Purpose.RESUME: (
        "Where would you like to go from here?",
        "What would you like to talk about now?",
        "Where would you like to pick things up?",
        "What feels most useful to talk about now?",
        "Coming back to {topic}, where are things for you now?",
    ),
    Purpose.WRAP_UP: (
        "What else, if anything, would you like to look at before we finish?",
        "What will you take away from today?",
        "How are you feeling about where we've got to?",
        "What feels most important to you from what we've talked about?",
        "Before we stop, what else would you like to look at?",
    ),
}

PERMISSION: Mapping[Purpose | None, tuple[str, ...]] = {
    Purpose.PLAN_PERMISSION: (
        "Would it help to think together about what a next step could look like?",
        "Would you like to spend a little time thinking about a plan?",
        "Would it be useful to map out what a first step might be?",
        "Shall we think about what {changing} might look like in practice?",
        "Would you be up for thinking about some next steps?",
    ),
    Purpose.INFO_PERMISSION: (
        "Would it be okay if I shared a little information about {topic}?",
        "Would you like to hear what's generally known about {topic}?",
        "I have some information about {topic} that might be useful — would you like to hear it?",
        "Would you be interested in some information on {topic}?",
        "Would it be all right if I shared something other people have found useful?",
        "Would you like some information on this?",
    ),
    None: (
        "Would it be okay if we looked at that together?",
        "Would you like to explore that a bit more?",
        "Would it help to spend a few minutes on that?",
        "Is it all right if I ask you a bit more about {topic}?",
        "Would you be open to thinking about that together?",
    ),
}

_RULER_LEADS = (
    "",
    "Let me ask you to put a number on it.",
    "Here's a question some people find useful.",
    "Try putting a number on it.",
    "I'm curious where you'd put yourself.",
)
_FOLLOWUP_LEADS = ("", "Thanks.", "Okay.", "That's helpful to know.", "Let me ask about that number.")
_GENERIC_CHANGE = "make a change"


def open_questions(purpose: Purpose | None, material: Material, slots: Mapping[str, str]) -> list[Phrase]:
    """Open questions for ``purpose`` (``ELABORATE`` when the policy named none)."""
    purpose = purpose or Purpose.ELABORATE
    if purpose is Purpose.RULER:
        return _ruler(material, slots)
    if purpose is Purpose.RULER_FOLLOWUP:
        return _ruler_followup(material, slots)
    return phrases(f"q.{purpose.value}", OPEN[purpose], slots)


def permission_questions(purpose: Purpose | None, slots: Mapping[str, str]) -> list[Phrase]:
    """Closed questions asking leave to plan or inform (or, for any other purpose, to go further)."""
    key = purpose if purpose in PERMISSION else None
    return phrases(f"perm.{key.value if key else 'general'}", PERMISSION[key], slots)


def _ruler(material: Material, slots: Mapping[str, str]) -> list[Phrase]:
    ruler = Ruler(material.ruler_kind or RulerKind.IMPORTANCE, slots.get("change", _GENERIC_CHANGE))
    return _led("q.ruler", _RULER_LEADS, ruler.question)


def _ruler_followup(material: Material, slots: Mapping[str, str]) -> list[Phrase]:
    """The ruler's evocative follow-up; without a number to follow up, a neutral question about it."""
    kind = material.ruler_kind or RulerKind.IMPORTANCE
    leads = _FOLLOWUP_LEADS[:1] if "after" in slots else _FOLLOWUP_LEADS  # "Thanks." only opens a reply
    if material.ruler_value is None:
        return _led("q.ruler_followup", leads, "What's behind the number you chose?")
    if material.ruler_before is not None:
        moved = ruler_moved(kind, material.ruler_before, material.ruler_value)
        return _led("q.ruler_moved", leads[:2], moved)
    question = ruler_followup(kind, material.ruler_value, slots.get("change", _GENERIC_CHANGE))
    return _led("q.ruler_followup", leads, question)


def _led(prefix: str, leads: tuple[str, ...], question: str) -> list[Phrase]:
    texts = [f"{lead} {question}".strip() for lead in leads]
    return phrases(prefix, [text.replace("{", "{{").replace("}", "}}") for text in texts], {})
