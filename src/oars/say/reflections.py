"""Reflections: simple ones that say the client's point another way, complex ones that add to it.

Written the way a skilled MI clinician talks: plain, warm, tentative where it guesses, never a question.
Each style adds something different (reference section 4): the feeling under the words, the value that
makes it matter, the next unsaid sentence, both sides of the ambivalence, sustain talk slightly
overstated (without sarcasm) so the person can pull back, the same facts in a light that supports change,
or coming alongside when the person pushes back. Openers vary on purpose: the same first two words on
every turn is what makes a counsellor sound like a machine.
"""

from __future__ import annotations

from collections.abc import Mapping

from oars.choose.move import Style
from oars.say.templates import Phrase, phrases

__all__ = ["COMPLEX", "SIMPLE", "complex_reflections", "simple_reflections"]

SIMPLE: tuple[str, ...] = (
    "[reworded] {clause}.",
    "So {clause}.",
    "You're saying {clause}.",
    "Sounds like {clause}.",
    "If I've got this right, {clause}.",
    "What I'm hearing is that {clause}.",
    "It seems {clause}.",
    "Right, so {clause}.",
    "In other words, {clause}.",
    "You mentioned that {recalled}.",
    "Coming back to what you said, {recalled}.",
    "So {recalled}.",
    "{behaviour} is on your mind today.",
    "You've been thinking about {topic}.",
    "[feeling_now] You're feeling {feeling} right now.",
    "{fragment}, then.",
    "So, {fragment}.",
    "Right — {fragment}.",
    "There's a lot going on for you.",
    "This has been on your mind.",
    "You've got a fair bit to think about.",
    "So that's where things are at the moment.",
    "{idea} is something you came up with yourself.",
    # "no" / "not really" to the last reply: heard, not answered with something recalled from earlier
    "[corrected !clause] That's not quite it for you.",
    "[corrected !clause] That doesn't really fit for you.",
    "[corrected !clause] Not really, then.",
)

COMPLEX: Mapping[Style, tuple[str, ...]] = {
    Style.FEELING: (
        "[feeling_unsaid] {fclause}, and that leaves you feeling {feeling}.",
        "[hard_feeling] {fclause}, and that's been getting to you.",
        "[hard_feeling] {fclause}, which can't be easy.",
        "You're feeling pretty {feeling} about all of this.",
        "[hard_feeling] Part of you feels {feeling}, and that's hard to shake.",
        "There's some real {feeling_noun} in what you're describing.",
        "It sounds like you're feeling {feeling} underneath it all.",
        "Sounds like this has left you feeling {feeling}.",
        "I'm hearing a lot of {feeling_noun} in that.",
        "[hard_feeling] No wonder you're feeling {feeling}.",
        # only about a habit: "worried about getting help" would say the client fears the help, when the panic
        # attacks they described are what worries them
        "[habit] You're carrying a lot of {feeling_noun} about {your_behaviour}.",
        "[habit] You're feeling {feeling} about {your_behaviour}.",
        "[hard_feeling] This is weighing on you.",
        "[hard_feeling] That sounds hard.",
        "[hard_feeling] Part of you seems tired of it all.",
        "[hard_feeling] It's been a lot to carry.",
    ),
    Style.MEANING: (
        # {value} may be plural ("your studies", "your friendships"): no verb agrees with it.
        "{value} — that's what matters to you here.",
        "What you're really talking about is {value}.",
        "This isn't just about {your_behaviour} — it's about {value}.",
        "Underneath all of this is how much you care about {value}.",
        "For you, this comes back to {value}.",
        "For you, the heart of this is {value}.",
        "[loved_now cared_for] Being the {role} you want to be matters more to you than almost anything.",
        "{cclause_now}, and that matters to you.",
        "[loved_now cared_for] You care a lot about {loved}.",
        "So much of this is about what kind of life you want.",
        "This really matters to you.",
        "There's something important to you in all of this.",
        # "What should I do?": the wish to act that the question carries (before the counsellor elicits ideas)
        "[asked_advice] You'd like to do something about this, and you're wondering where to start.",
        "[asked_advice] You're looking for something practical you could actually do.",
        "[asked_advice] You want this to go somewhere, not just stay a worry.",
        # "Am I an alcoholic?": the worry the question carries, never the label
        "[asked_label] Part of you is wondering whether this has gone further than you'd like.",
        "[asked_label] You're asking yourself what this says about you, and that's not a comfortable question.",
        "[asked_label] That word has been on your mind, and it matters to you where you stand.",
    ),
    Style.CONTINUING: (
        # The client's point, then what this kind of change talk implies: the next sentence they did not say.
        "[c_reason] {cclause_now} — that's something {changing} could give you.",
        "[c_reason] {cclause_now}, and that's a reason of your own, not anyone else's.",
        "[c_desire] {cclause_now}; this is something you want for yourself.",
        "[c_desire] {cclause_now}, and part of you is ready for things to be different.",
        "[c_ability] {cclause_now}, and you sound fairly sure you could do it.",
        "[c_ability] {cclause_now} — you know more about how to do this than you give yourself credit for.",
        "[c_need] {cclause_now}; it feels like something has to give.",
        "[c_need] {cclause_now}, and things can't carry on quite the way they are.",
        "[c_mobilising] {mclause}, and you sound ready to see it through.",
        "[c_mobilising] {mclause}, and you're ready to see what difference it makes.",
        "{cclause_now}, which is part of why this feels worth looking at now.",
        "{cclause_now}, and that's worth listening to.",
        "[coping !not_a_problem] {sclause_now}, and part of you is wondering what it's costing you.",
        # What this kind of change talk implies, in new words alone; and what a message shows (a cost, a
        # routine, being noticed, not knowing, trying before, for years), said as its implication.
        "[c_desire] {changing} is something you want for yourself, not just something other people want for you.",
        "[c_desire] You'd like things to be different, and you're starting to let yourself say so.",
        "[c_reason !cost] You can see for yourself what {changing} would give you.",
        "[c_reason !cost] You've already seen what difference it could make, and that's hard to unsee.",
        "[c_ability] If you decided to go for it, you think you could manage it.",
        "[c_ability] You've got more to draw on here than it might feel like some days.",
        "[c_need] It feels like something has to give.",
        "[c_need] This has reached a point where leaving it as it is doesn't feel like an option.",
        "[c_mobilising] You're not just thinking about this anymore; you've decided.",
        "[c_mobilising] This is a decision you've made for yourself.",
        "[c_steps] You know from experience that you can do this.",
        "[c_steps] You've already shown yourself what's possible here.",
        "[cost] {habit} is starting to cost you more than you'd like.",
        "[cost] This is starting to have consequences that are hard to ignore.",
        "[routine] {habit} has become part of the rhythm of your days.",
        # a habit's routine: "in bed till 2 most days" is low mood, not something that happens on its own
        "[routine habit] It's so much a part of your routine that it almost happens on its own.",
        "[noticed] {person} is worried enough to say something, and that's made you stop and think.",
        "[noticed] It's not only you who has noticed this.",
        "[unsure] You're not quite sure where to go from here.",
        "[unsure] It's hard to know what you want from this just yet.",
        "[unsure] You haven't made up your mind about this, and there's no rush.",
        "[tried] You've had a go at this before, so you already know something about what it takes.",
        "[tried] What you've tried so far hasn't held, and you're still looking for something that would.",
        "[long_time] {habit} has been with you so long that life without it is hard to picture.",
        "[long_time] This has been part of your life for a long time, so it's no small thing to look at.",
        "[loss loved_now] What happened to {loved} is part of why this matters to you.",
        "[loss] That's not something you've been able to put down.",
        "[loss] That's never very far from your mind.",
        "[past_self] There was a time things looked very different for you.",
        "[past_self] You haven't lost sight of who you were before all this.",
        "[support person] {person} is in your corner with this.",
        "[support] You wouldn't be doing this on your own.",
        "[after] And part of you is wondering where this is all heading.",
        "You've been giving this some real thought.",  # nothing to continue: the last resorts
        # Change talk said tentatively ("yeah maybe i'll text him"): the idea, not a decision
        "[c_tentative] {cclause_now} — it's an idea you're trying on for size.",
        "[c_tentative] {cclause_now}, and you're still weighing it up.",
        "[c_tentative] You're not promising anything, but the idea is there.",
        "[c_tentative] You're warming to the idea, even if you're not sure of it yet.",
        "{idea} is an idea that came from you.",
        "{idea} is your own idea, and you know your life best.",
        "This is something you've turned over more than once.",
        "There's more to this for you than it might seem at first.",
        # A message that leans neither way still says where things are; its next sentence is what it leaves
        # the client with, not a guess at their reasons.
        "{nclause}, and you're still working out what to make of it.",
        "{nclause}, and that's been on your mind more than you'd like.",
        "{nclause}, and that's part of what you're weighing up.",
        "[c_tentative] {nclause}, and you're turning that over.",
        "[noticed] {nclause}, and that's given you something to think about.",
        "[mandated] Coming here wasn't your idea.",
        "[mandated] Being here wasn't your choice, and you're not sure what it's for.",
        # the label refused is never said back: saying it would be one more person calling them it
        "[not_a_problem] That label doesn't fit how you see yourself.",
        "[not_a_problem] As far as you're concerned, this is something you've got under control.",
        # what more plain accounts show: a secret, keeping away, everyone around doing it, leaning on it, no time,
        # the moment it got real, the family pattern, who they are, side effects, chasing losses
        "[hidden] Keeping this to yourself has been its own weight to carry.",
        "[hidden] Part of what makes this hard is carrying it on your own.",
        "[hidden] {nclause}, and keeping it to yourself isn't sitting easily with you.",
        "[avoiding] Keeping away has been the way to get through it, at least for now.",
        "[avoiding] {nclause}, and staying away has felt easier than facing it.",
        "[social] {habit} is part of how you spend time with people.",
        "[social] It's bound up with the people around you, so it's more than a habit of your own.",
        "[social] {nclause}, so doing it differently would mean standing out.",
        "[relied_on] {habit} is doing a real job for you right now.",
        "[relied_on] It's been doing something for you, which is part of what makes this complicated.",
        "[stretched] There isn't much room left in your days for anything new.",
        "[stretched] {nclause}, and there's not a lot left over for anything else.",
        "[turning_point] That was the moment this stopped being something you could ignore.",
        "[turning_point] {nclause}, and that brought it home for you.",
        "[avoiding cost] Keeping away helps in the moment, and now it's starting to cost you.",
        "[family_pattern] Seeing it in your family makes it feel like it might just be how things are for you.",
        "[family_pattern] {nclause}, and part of you wonders how much of this was handed down.",
        "[identity] {habit} is part of who you are, not just something you do.",
        "[identity] This is tied up with how you see yourself, so changing it is no small thing.",
        "[side_effects] What it does to you day to day is a real cost, not a small thing.",
        "[side_effects] {nclause}, and that's a lot to put up with.",
        "[chasing] Part of you is still hoping one good win will put it right.",
    ),
    Style.DOUBLE_SIDED: (
        "On one hand {sclause}, and on the other {cclause}.",
        "{sclause}, and at the same time {cclause}.",
        "Part of you {s_part}, and part of you {c_part}.",
        "Even though {sclause}, part of you {c_part}.",
        "You're pulled both ways: {sclause}, and yet {cclause}.",
        "There are two sides to this for you — {sclause}, and also {cclause}.",
        "Both things are true for you: {sclause}, and {cclause}.",
        "{sclause_now}, and at the same time something brought you here to talk about it.",
        "There's a pull in both directions for you with {topic}.",
        "Part of you wants things to stay as they are, and part of you wants something different.",
    ),
    Style.AMPLIFIED: (
        "So {sclause_now}, and there's really nothing about it that bothers you.",
        "{sclause_now}, and as far as you're concerned, that's all there is to it.",
        "Right now {habit} just feels like a normal part of life, nothing to worry about.",
        "There's no real reason to change anything about your {habit} right now.",
        "{habit} gives you so much that it's hard to see any downside at all.",
        "You can't see any reason to look at this at all.",
        "As things stand, there's nothing here you'd want to change.",
        "Right now this just isn't something that worries you.",
    ),
    Style.REFRAME: (
        "[setback] {clause}, and you keep coming back to it — that says a lot about how much this matters.",
        "[setback] Each time you've tried, you've learned a bit more about what gets in the way.",
        "[setback] Not having managed it yet isn't the same as not being able to — you keep having another go.",
        "[setback] You haven't given up on this, even after the times it didn't go to plan.",
        "[pressured] It could be that {person} keeps raising it out of worry for you.",
        "[coping] {habit} has been your way of getting through a lot.",
        "{coping}, which makes sense given how much you've had to deal with.",
        "[feeling hard_feeling] It's been hard, and you're still looking for a way through.",
    ),
    Style.ALONGSIDE: (
        "[discord] It sounds like you've had plenty of people telling you what to do, and the last thing you want is "
        "one more.",
        "[discord] It feels like you're being lectured, and that's not what you came here for.",
        "[discord] You've had enough of being told what to do.",
        "[knows_already] You already know the facts, and going over them again isn't what you need.",
        "[knows_already] You know what you're dealing with, and you don't need anyone talking down to you.",
        "[not_a_problem] Maybe now just isn't the right time to change anything about {your_behaviour}, and that's "
        "your call.",
        "[not_a_problem] You're not convinced there's a problem here, and you don't want to be pushed.",
        "Fair enough — you know your own life better than anyone.",
        "[not_a_problem] It might be that {habit} isn't something you want to change at all right now.",
        "[discord] You didn't come here to be lectured, and that's not what this is for.",
        "[doubts_talking] You're not convinced talking about it can change anything, and that's fair enough.",
        "[doubts_talking] It's hard to see what talking could do about something this real.",
        "[doubts_talking] You're not sure this is worth your time, and you'd rather be straight about that.",
        "[not_a_problem] {sclause_now}, and you don't see why anyone makes a big deal of it.",
        "[pressured] You've heard enough about {your_behaviour} from other people already.",
        "[corrected] I might have got that wrong, and you're the best judge of what fits for you.",
        "Whatever happens with {your_behaviour} is up to you, and nobody else.",
        "[mandated] You'd rather not be here at all, and that's fair enough.",
        "[mandated] Coming here was someone else's decision, and that doesn't sit well with you.",
        "[not_a_problem] Nobody likes being put in a box, and that's not how you see yourself.",
        "[not_a_problem] You don't see this as a big problem, and being labelled doesn't sit right with you.",
        "[relied_on] {habit} does something for you that would be hard to do without.",
        "[stretched] With everything else on your plate, one more thing feels like too much.",
        "[social] Doing it differently from the people around you is harder than it sounds.",
        "[identity] {habit} is part of who you are, and you don't want to lose that.",
        # the client's own sustain talk, accepted as their view without a claim about anyone else
        "From where you're standing right now, {sclause_now}.",
        "As you see it, {sclause_now}, and you know your own situation better than anyone.",
        "[chasing] Part of you is still hoping one good win will put it right.",
        "[chasing] The thought of winning it back is a big part of what keeps you going.",
        "[craving] Part of you really wants one right now, and talking about it doesn't make that any easier.",
        "[craving] The pull is strong right now.",
        "[side_effects] Putting up with that every day is a lot to ask of anyone.",
    ),
}


def simple_reflections(slots: Mapping[str, str]) -> list[Phrase]:
    return phrases("sr", SIMPLE, slots)


def complex_reflections(style: Style, slots: Mapping[str, str]) -> list[Phrase]:
    return phrases(f"cr.{style.value}", COMPLEX[style], slots)
