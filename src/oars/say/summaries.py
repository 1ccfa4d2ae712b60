"""Summaries: the client's own change talk gathered and handed back (reference section 4).

A *collecting* summary is a bouquet of the person's reasons for change, in their words, second person;
*linking* ties what they just said to something said earlier; *transitional* closes one process and
turns to the next; *closing* ends the session with their change talk, the plan's highlights, thanks and
the reminder that crisis support is one message away. A summary never asks its own question: when a
question should follow ("What else?"), the policy adds an open-question act after it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from oars.choose.move import Material, SummaryKind
from oars.say.content import Lean, gist
from oars.say.filters import is_forbidden
from oars.say.gist_slots import owned, points_back
from oars.say.grammar import join_items
from oars.say.templates import Phrase, phrases
from oars.understand.analyse import LEADS_WITH_NUMBER

__all__ = ["SUMMARIES", "summaries"]

SUMMARIES: Mapping[SummaryKind, tuple[str, ...]] = {
    SummaryKind.COLLECTING: (
        # Each bouquet ends with what the items add up to: gathered and handed back with nothing added, a
        # summary is only a list (and an outside coder hears it as a simple reflection).
        "Let me see if I've got this. {items}. Each of those matters to you.",
        "Let me pull together what you've said so far. {items}. Put together, that's quite a lot.",
        "[reasons] Here's what I've heard so far: {items}. Those all point the same way.",
        "Let me check I've understood. {items}. There's a lot here that matters to you.",
        "So far, this is what stands out: {items}. You've thought about this more than you might give yourself "
        "credit for.",
        "[reasons] Let me see if I've got this. {items}. Those are your own reasons, in your own words.",
        "Let me pull together what we've covered. There's a lot here, and it clearly matters to you.",
    ),
    SummaryKind.LINKING: (
        # Two things the client said, side by side, and the link between them offered tentatively for the
        # client to take or leave (the earlier statement shares something with this one, but only they know
        # whether it is the same thing): without the link it is two simple reflections in a row.
        # The link is what the two share: the way both lean (towards change, one each way, against it), else
        # only their subject.
        "[!link_change !link_sides !link_sustain] Earlier you said {earlier}, and now {clause}. They seem to go "
        "together for you.",
        "[!link_change !link_sides !link_sustain] You mentioned earlier that {earlier}, and now {clause}. There may "
        "be a pattern there.",
        "[!link_change !link_sides !link_sustain] So {clause} — and {earlier}, too. Those two seem to be part of the "
        "same story.",
        "[link_change] Earlier you said {earlier}, and now {clause}. Both of those point towards wanting something "
        "different.",
        "[!link_change !link_sides !link_sustain] So {clause}. Earlier, you told me {earlier}. It seems to come "
        "back to the same thing.",
        "[link_change] So {clause}, and earlier you said {earlier}. Those point the same way for you.",
        "[link_sides] Earlier you said {earlier}, and now {clause}. Both are true for you at the same time.",
        "[link_sides] So {clause}, and you also said {earlier}. You're holding both of those at once.",
        "[link_sustain] So {clause}, and earlier you said {earlier}. Both of those are part of what makes this hard "
        "to change.",
        "[link_sustain] Earlier you said {earlier}, and now {clause}. Together they say a lot about why this "
        "isn't simple.",
        "[!link_change !link_sides !link_sustain] Earlier you said {earlier}, and now {clause}. Both are part of "
        "how {behaviour} fits into your life.",
    ),
    SummaryKind.TRANSITIONAL: (
        "Let me sum up where we've got to. {items}. It sounds like you might be ready to think about what comes next.",
        "Before we go on, let me pull this together: {items}. Maybe this is a good moment to think about where "
        "you'd like to go from here.",
        "So, putting it all together: {items}. It sounds like you're ready to think about what a first step could be.",
        "Here's where we've got to. {items}. That might be a good point to turn towards what you'd like to do.",
        "Let me check I've got the main things. {items}. It seems like a good time to think about what happens next.",
        "We've covered a fair bit. It might be a good moment to think about what comes next.",
    ),
    SummaryKind.CLOSING: (
        "Before we finish, here's what I heard. {items}. Thank you for talking this through so openly — and if "
        "things ever get really hard, crisis support is just one message away.",
        "Let me sum up before we stop. {items}. The plan is to {plan_change}. Thanks for your time today, and "
        "remember that crisis support is always one message away.",
        "To wrap up: {items}. The plan is to {plan_change}, starting with {plan_step}. Thank you for being so open "
        "— if you ever need urgent help, just ask and I'll share crisis resources.",
        "Here's what stood out today. {items}. Thanks for talking this through, and if things ever feel like too "
        "much, help is one message away.",
        "Before we finish: {items}. Whatever you decide, it's your choice. Thank you for today — if you ever need "
        "urgent support, ask and I'll share where to find it.",
        "Thank you for talking this through today. Whatever you decide, it's your choice — and if you ever need "
        "urgent help, crisis support is one message away.",
    ),
}
# How many of the client's statements each summary gathers: enough to be a bouquet, short enough to read.
_RECENT = 8  # statements a summary chooses from: what this stretch of the conversation was about
_CHANGE_BONUS = 3.0  # a gist that leans towards change beats a neutral one of about the same substance
_AGE_COST = 0.5  # per statement back: between two of equal weight, the more recent
_NOW_BONUS = 2.0  # what the client has just said, when it is change talk: the summary answers it too
# A ruler answer ("probably a 7 that you can stay clean", "6 out of 10 if sam comes") is a number, not a
# reason: "Here's what I've heard: maybe a 5 on how much you want to…" reads as a form, not a summary.
_UNANCHORED = re.compile(
    r"^(?:so |yeah |yes )?you(?: (?:could|can|might|would|will|'ll|'d|should|could probably|can probably|"
    r"could maybe|can definitely|could definitely|guess you could|think you could))? (?:do|try|manage|handle|give|"
    r"want|like|start|see) (?:that|it|this|those|them)(?: (?:too|as well|then|now|again|one|tonight|today|tomorrow|"
    r"this week|later|first|straight away|right away))?\W*$",
    re.IGNORECASE,
)
_RATING = re.compile(
    LEADS_WITH_NUMBER.pattern
    + r"(?:\s+out of (?:10|ten))?(?:\s+(?:that|for|on|if|because|cos|cause|as)\b|\s*[,.]|\s*$)",
    re.IGNORECASE,
)
_ITEMS = {SummaryKind.COLLECTING: 3, SummaryKind.TRANSITIONAL: 2, SummaryKind.CLOSING: 2, SummaryKind.LINKING: 0}


def summaries(kind: SummaryKind, material: Material, slots: Mapping[str, str]) -> list[Phrase]:
    """Summaries of ``kind`` built from the client's change talk (and, failing that, their latest words)."""
    local = dict(slots)
    found_items = _items(material, slots, _ITEMS[kind])
    items = [text for text, _ in found_items]
    if items:
        local["items"] = join_items(items, serial=True)
        if all(reason for _, reason in found_items):
            local["reasons"] = ""  # "Those are your own reasons" only of a bouquet of change talk
    found = phrases(f"sum.{kind.value}", SUMMARIES[kind], local)
    if items and kind is not SummaryKind.LINKING:
        # The item-free wordings are for when the client has said nothing to gather; beside a real bouquet
        # one wins only by being less used, and a summary that sums up nothing is not a summary.
        gathering = {f"sum.{kind.value}.{n}" for n, t in enumerate(SUMMARIES[kind], start=1) if "{items}" in t}
        return [p for p in found if p.id in gathering] or found
    return found


def _unanchored_or_rating(text: str) -> bool:
    """A gist that means nothing read back on its own: a bare rating ("a 6"), or an answer whose object was
    in the counsellor's question ("you could do that")."""
    text = re.sub(r"^(?:you'd|you would) (?:say|put (?:it|yourself) at|go (?:for|with)) ", "", text)
    return bool(_RATING.match(text) or _UNANCHORED.match(text))


def _items(material: Material, slots: Mapping[str, str], limit: int) -> list[tuple[str, bool]]:
    """Up to ``limit`` distinct gists of recent change talk, the most telling first chosen, then put in the
    order they were said; the current gist fills a gap. Each comes with whether it leans towards change (a
    reason), rather than being a neutral clause of a statement heard as change talk.

    Recency alone read back the last two things said ("you don't eat breakfast on weekends") over the
    change talk that mattered a turn earlier ("you could actually talk to your GP"); but change talk said
    just now ("because I did manage the post office last month") is what the summary is answering. A gist that would
    make the summary forbidden ("…you have to ring", the client's generic "you") is left out, since one
    such item would sink every wording of the summary.
    """
    recent = material.change_talk[-_RECENT:]
    ranked: list[tuple[float, int, str, bool]] = []
    for order, statement in enumerate(recent):
        item = gist(statement, prefer=Lean.CHANGE, behaviour=slots.get("behaviour"))
        if item is None or item.lean is Lean.SUSTAIN or is_forbidden(item.text) or _unanchored_or_rating(item.text):
            continue  # "drinking is how you unwind", heard as change talk, is no reason to change read back
        if statement != material.client_text and points_back(item.text, it=False):
            continue  # "that scares you more than anything", read back turns later, no longer says what "that" is
        if any(item.text == entry[2] for entry in ranked):
            continue
        age = len(recent) - 1 - order
        now = _NOW_BONUS * (statement == material.client_text)
        ranked.append(
            (
                item.score + _CHANGE_BONUS * (item.lean is Lean.CHANGE) + now - _AGE_COST * age,
                order,
                item.text,
                item.lean is Lean.CHANGE,
            )
        )
    chosen = sorted(ranked, reverse=True)[:limit]
    found = [(text, reason) for _, _, text, reason in sorted(chosen, key=lambda entry: entry[1])]
    clause = slots.get("clause")
    gathered = {text for text, _ in found}
    if len(found) < limit and clause and clause not in gathered and not _unanchored_or_rating(clause):
        found.append((clause, slots.get("cclause_now") == clause))
    return [(owned(text), reason) for text, reason in found]
