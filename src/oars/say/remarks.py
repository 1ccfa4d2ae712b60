"""Everything said that is neither a reflection nor a question: affirming, autonomy, informing, and the
frame of the conversation (opening, saying what the program is, asking again, closing).

Affirmations name a specific effort, strength or value — never praise for doing what the counsellor
wanted ("good job" is the counsellor's approval, not the person's strength). Autonomy lines hand the
decision back. Information is wrapped in autonomy language (Elicit–Provide–Elicit), and the frame lines
are honest that this is an automated program that cannot give medical advice or emergency help.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from oars.say.templates import Phrase, phrases

__all__ = [
    "AFFIRMATION",
    "ANSWER",
    "AUTONOMY",
    "CLARIFY",
    "CLOSING",
    "DISCLOSURE",
    "INFORMATION",
    "OPENING",
    "affirmations",
    "answers",
    "autonomy",
    "clarifications",
    "closings",
    "disclosures",
    "information",
    "openings",
]

AFFIRMATION: tuple[str, ...] = (
    "{ability} — you've already got ideas about how to make this work.",
    "{step} — that took real determination.",
    "{step}, even with everything else going on.",
    "It says a lot about you that {step}.",
    "{step}. That came from you.",
    "[value_now] You clearly care a lot about {value}.",
    "[value_now] You care about {value}, and it shows in how you talk about this.",
    "[loved_now cared_for] You care about {loved} a great deal.",
    "You've been really honest about {your_behaviour}, and that isn't easy.",
    "Taking a hard look at {your_behaviour} takes courage.",
    "You've kept going with this even when it's been hard.",
    "You've thought about this carefully.",
    "You've been really open about all of this.",
    "You know yourself well.",
    # "Good idea? You tell me", just after the client's own idea: it is theirs, and so is the judgement
    "[asked_opinion] {idea} is your idea, and you know your own days better than anyone.",
    "[asked_opinion] That idea came from you, and you know your own routine best.",
)

AUTONOMY: tuple[str, ...] = (
    "[after] And whether that changes is entirely up to you.",
    "You're the one who decides what happens here.",
    "It's your call what, if anything, you do about {your_behaviour}.",
    "Nobody can make this decision for you — it's yours.",
    "You know your life better than anyone, so you're the best judge of what fits.",
    "Whatever you decide about {topic}, that choice is yours.",
    "There's no pressure to decide anything today.",
    "You get to choose if and when to make any changes.",
    "[after] And in the end, what you do with that is your decision.",
)

_LEAD_AND_HEDGE = re.compile(r"(: )in general terms, ", re.IGNORECASE)
INFORMATION: tuple[str, ...] = (
    "Here's what's generally known: {info} You'll know best how that fits for you.",
    "{info} That's the general picture — you're the best judge of what it means for you.",
    "Some people find this useful to know: {info} Take from it whatever fits.",
    "This is general information, not medical advice: {info} You'll know how it fits your situation.",
    "{info} Not all of that will apply to you, and you'll know which parts do.",
    "For what it's worth, here's what tends to be the case: {info} How much of that applies to you is yours to judge.",
)

_CRISIS_LINE = "if you're ever in crisis, just tell me and I'll share where to get help straight away"
OPENING: tuple[str, ...] = (
    "Hi — I'm an automated program, not a person or a therapist, here to help you talk through a change you're "
    "considering, such as drinking, smoking, mood, anxiety, medication or exercise. I can't give medical advice "
    f"or emergency help, but {_CRISIS_LINE}. What's on your mind today?",
    "Hello. I'm an automated program rather than a person or a therapist, and I can help you think through a "
    "change you might want to make — around drinking, smoking, mood, anxiety, medication or exercise, for "
    f"example. I can't offer medical advice or emergency help; {_CRISIS_LINE}. What would you like to talk about?",
    "Hi there. You're talking with an automated program, not a person or a therapist. It's here to help you "
    "talk through changes like drinking less, stopping smoking, mood, anxiety, medication or exercise, though it "
    f"can't give medical advice or emergency help — {_CRISIS_LINE}. What brings you here today?",
    "Hi — I'm an automated program, not a person or a therapist, here to help you talk through {topic} or any "
    f"other change you're considering. I can't give medical advice or emergency help, but {_CRISIS_LINE}. "
    "What's on your mind about {your_behaviour}?",
    "Hello. I'm an automated program rather than a person or a therapist, and I can help you think through "
    f"{{topic}}. I can't offer medical advice or emergency help; {_CRISIS_LINE}. Where would you like to start?",
    "Welcome. This is an automated program, not a person or a therapist; it can help you talk through a change "
    "you're weighing up, whether that's drinking, smoking, mood, anxiety, medication or exercise. It can't give "
    f"medical advice or emergency help, but {_CRISIS_LINE}. What would you like to talk about today?",
)

DISCLOSURE: tuple[str, ...] = (
    "I'm an automated program, not a person, so I don't have experiences of my own. What I can do is help you "
    "think through what matters to you.",
    "To be straight with you, I'm an automated program rather than a human or a therapist. I'm here to help you "
    "sort through your own thoughts.",
    "I'm not a person — I'm an automated program, and there's no one typing these replies. The focus here stays "
    "on you and what you want.",
    "Fair question. I'm an automated program, not a therapist or a person, and I can help you talk things through.",
    "I'm an automated program, so I have no experience of {topic} myself, but I can help you think it through.",
    "You're talking to an automated program, not a person. Let's keep the focus on you and {your_behaviour}.",
)

# Plain answers about the conversation itself (``Material.asked``). What they say must stay true of every
# way oars runs: on a laptop the messages stay in a local database; in a clinic its staff can read them, and a
# crisis raises a flag a clinician sees. The program never contacts anyone itself.
ANSWER: Mapping[str, tuple[str, ...]] = {
    "greeting": (
        "Hi, it's good to hear from you. There's no right or wrong place to start.",
        "Hello. Take your time; you can start wherever you like.",
        "Hi there. Whatever has brought you here, big or small, is fine to talk about.",
    ),
    "hesitant": (
        "That's okay — lots of people aren't sure how to start, and there's no wrong way to do it.",
        "There's nothing silly about being here. You can start with whatever's on your mind, big or small.",
        "It can feel a bit strange at first, and that's fine. There's no right or wrong thing to say.",
    ),
    "slip": (
        "No problem at all.",
        "No worries — it happens.",
        "That's fine, no harm done.",
    ),
    "thanks": (
        "You're welcome.",
        "Of course.",
        "You're welcome — this is your time.",
    ),
    "privacy": (
        "Fair question. I'm an automated program, so I can't report anything to anyone myself. Your messages are "
        "saved by the service you're using, and if a clinic set this up, its staff may be able to read them — they "
        "can tell you exactly who sees what. If something you write suggests you're in danger, it's flagged for a "
        "clinician.",
        "I can't pass anything on myself — I'm a program, not a person. What you type is stored by the service "
        "running this, and if you came through a clinic, its staff may read it; they can tell you who sees what. "
        "The one exception to keep in mind: signs that you might be at risk are flagged for a clinician.",
    ),
    "ending": (
        "We can stop whenever you like — just say so and I'll sum up what we've talked about.",
        "There's no set length. You can finish any time; tell me, and I'll pull together what we covered.",
    ),
    "outside": (
        "I'm afraid I can't answer that: I'm an automated program and don't know about anything arranged outside "
        "this conversation. Whoever asked you to come here will know.",
        "That's not something I know, I'm afraid — I'm an automated program with no access to appointments, "
        "records or requirements. The service that set this up with you can tell you.",
    ),
    "process": (
        "You type whatever's on your mind, in your own words, and I listen, check I've understood and ask a few "
        "questions along the way. There are no right or wrong answers, and you can stop any time.",
        "It's a conversation: you tell me what's going on, and I say back what I'm hearing and ask questions to "
        "help you think it through. You decide what we talk about and when to stop.",
    ),
    "purpose": (
        "Fair question. I asked because it helps me understand what things are like for you, but you don't have to "
        "answer anything you'd rather not.",
        "I asked to get a better picture of how things are for you — that's all. If it's not something you want to "
        "go into, that's completely fine.",
        "Only to understand your situation a little better. You decide what we talk about.",
    ),
}

CLARIFY: Mapping[str, tuple[str, ...]] = {
    "non_english": (
        "I'm sorry, I can only chat in English for now. If you can, tell me in English what's on your mind.",
        "I can only understand English at the moment, so I didn't follow that. Say it in English if you can, and "
        "we'll go from there.",
        "Sorry — I'm only able to chat in English for now. What would you like to talk about?",
    ),
    "gibberish": (
        "I didn't quite catch that. Tell me a bit more about what's on your mind.",
        "I'm not sure I followed that — say it another way if you like.",
        "Sorry, that didn't come through clearly for me. What would you like to say?",
    ),
    "emoji": (
        "I can't read much from emoji alone. How would you put it in words?",
        "I see the emoji, but I'd rather not guess what you mean. Tell me a little in words.",
        "Emoji are hard for me to read. What's going on for you right now?",
    ),
    "empty": (
        "It looks like that message came through empty. Take your time — what's on your mind?",
        "Nothing came through that time. Whenever you're ready, tell me what's on your mind.",
        "That message was blank on my end. What would you like to talk about?",
    ),
    "injection": (
        "I can only help you talk through changes you're thinking about, and I can't change how I work. What's "
        "on your mind today?",
        "That's not something I can do — I'm here to help you think through a change in your life. What would "
        "you like to talk about?",
        "I'll stick to what I'm here for: helping you talk through something you'd like to change. Where would "
        "you like to start?",
    ),
    "other": (
        "I'm not sure I understood that. Tell me a bit more.",
        "Sorry, I didn't quite follow. What did you mean?",
        "I may have missed something there. How else could you put it?",
    ),
}

CLOSING: tuple[str, ...] = (
    "[after_summary] Take care.",
    "[after_summary] Take care of yourself.",
    "[after_summary] All the best with it.",
    "Thanks for talking this through today. Take care of yourself.",
    "Thank you for being so open today. Whatever you decide, the choice is yours. Take care.",
    "Thanks for your time today — you're welcome back any time you'd like to talk things through.",
    "That seems like a good place to stop for today. Take care, and come back whenever it would help.",
    "Thank you for talking with me. A reminder that I'm an automated program — if you ever need urgent help, "
    "ask and I'll share crisis resources. Take care.",
    "Thanks for sharing all of this. Wishing you well with {changing}.",
    "Thanks for the conversation today. Good luck with whatever you decide about {your_behaviour}.",
)


def affirmations(slots: Mapping[str, str]) -> list[Phrase]:
    return phrases("af", AFFIRMATION, slots)


def autonomy(slots: Mapping[str, str]) -> list[Phrase]:
    return phrases("au", AUTONOMY, slots)


def information(slots: Mapping[str, str]) -> list[Phrase]:
    """The policy's information, framed with autonomy; asking for it without any is the policy's bug."""
    if "info" not in slots:
        raise ValueError("an INFORMATION act needs Material.information: the realiser never makes facts up")
    # "Here's what's generally known: in general terms, …" says it twice: a lead of its own drops the hedge.
    return [replace(p, text=_LEAD_AND_HEDGE.sub(r"\1", p.text)) for p in phrases("info", INFORMATION, slots)]


def openings(slots: Mapping[str, str]) -> list[Phrase]:
    return phrases("open", OPENING, slots)


def disclosures(slots: Mapping[str, str]) -> list[Phrase]:
    return phrases("disc", DISCLOSURE, slots)


def answers(kind: str | None, slots: Mapping[str, str]) -> list[Phrase]:
    """A plain answer about the conversation (``Material.asked``); an unknown kind gets the welcome."""
    kind = kind if kind in ANSWER else "greeting"
    return phrases(f"ans.{kind}", ANSWER[kind], slots)


def clarifications(reason: str, slots: Mapping[str, str]) -> list[Phrase]:
    """Asking again, worded for why the message was not understood (``move.reason``, e.g. "form:emoji")."""
    kind = reason.removeprefix("form:").split(":")[0].split()[0] if reason.strip() else "other"
    kind = kind if kind in CLARIFY else "other"
    return phrases(f"clar.{kind}", CLARIFY[kind], slots)


def closings(slots: Mapping[str, str]) -> list[Phrase]:
    return phrases("close", CLOSING, slots)
