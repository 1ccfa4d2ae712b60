"""The built-in realiser: turns a move into a few drafts from the phrasebook, with no language model.

For each act of the move it fills every template the material supports (see :mod:`oars.say.slots`),
ranks them, and combines one phrase per act into a draft, best combinations first.

Why the ranking looks the way it does — variety is what makes a rule-based counsellor bearable:

* a phrase already used this session ranks below one not yet used (``Said.templates``, read per act);
* a phrase built from what the client has just said ranks above one built from their earlier words,
  which ranks above one naming only the focus, which ranks above a content-free one; weaving in two
  pieces of their content beats one, and specificity counts most in the reflection;
* one reply names the focus once where it can ("…your drinking. What worries you about your drinking?"
  reads robotic), says "it's up to you" at most once, and never says the same piece of the client's
  content twice;
* a draft whose opener (first two words) would exceed 20% of the session's reflections is pushed down;
* the order among equals is shuffled by a ``random.Random`` seeded from the realiser's seed and a
  SHA-256 of the move, so the same seed and move always give the same drafts (Python's ``hash()`` is
  salted per process, so it is never used).

A draft is never returned if it repeats an earlier reply, says something forbidden (advice, labels,
claims to be a person), copies more than a dozen of the client's words in a row, or says the same client
content twice; one over the length limit only when nothing else fits (the policy's information was long).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from oars.choose.move import Act, Move, Purpose, Style, SummaryKind
from oars.say.base import Draft, Said, opener_of
from oars.say.filters import is_forbidden
from oars.say.grammar import as_statement, tidy, warm_up, word_count, words
from oars.say.questions import open_questions, permission_questions
from oars.say.reflections import complex_reflections, simple_reflections
from oars.say.remarks import (
    affirmations,
    answers,
    autonomy,
    clarifications,
    closings,
    disclosures,
    information,
    openings,
)
from oars.say.slots import Slots, slots_for
from oars.say.summaries import summaries
from oars.say.templates import Phrase, overlaps

__all__ = ["BuiltinRealiser"]

MAX_DRAFTS = 6
MAX_WORDS = 45
"""A reply is one or two sentences; a summary, an opening or information a little longer."""
MAX_LONG_WORDS = 80
_RULER_EXTRA_WORDS = 25  # the standard ruler wording alone is about 35 words
_LONG_ACTS = frozenset({Act.SUMMARY, Act.OPENING, Act.INFORMATION, Act.ANSWER})
_MAX_OPENER_SHARE = 0.2
_OPENER_PENALTY = 3.0
_OPTIONS_PER_ACT = 12
_MAX_VERBATIM_WORDS = 12
_SHARED_WORDING = 4  # no run of this many words in two parts of one reply
_ECHO_WORDS = 6  # … nor this many of the reply before
_RANK_STEP = 0.01
_REFLECTION_WEIGHT = 1.5
_AUTONOMY = re.compile(
    r"\b(?:your (?:call|choice|decision)|up to you|yours to (?:decide|make)|choice is yours)\b", re.I
)
_BORROWED_STYLE = {Style.REFRAME: Style.ALONGSIDE, Style.AMPLIFIED: Style.ALONGSIDE}
_FOCUS_REPEAT_PENALTY = 1.2  # "…about your drinking. What worries you about your drinking?" reads robotic


class BuiltinRealiser:
    """The offline realiser: phrasebook templates filled with the client's own words.

    ``seed`` varies the order of equally good phrasings between deployments or tests; for one seed the
    output is a pure function of the move and what was said.
    """

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        warm_up()

    def drafts(self, move: Move, said: Said) -> list[Draft]:
        """Up to six distinct drafts of ``move``, best first; each realises all its acts, in order."""
        if Act.CRISIS in move.acts:
            raise ValueError(
                "Act.CRISIS is the safety module's to word (oars.safety.crisis_response), not the realiser's"
            )
        if not move.acts:
            raise ValueError("a move needs at least one act")
        rng = random.Random(self._seed_for(move))
        slots = slots_for(move.material, said.mentions)
        usage = _part_usage(said)

        def assembled(move: Move) -> list[Draft]:
            options = [
                _ranked(_phrases(act, position, move, slots), usage, rng, _weight(act))
                for position, act in enumerate(move.acts)
            ]
            return _assemble(move, options, said)

        drafts = assembled(move)
        if drafts and all(d.vague for d in drafts) and _reflect_then_ask(move):
            # "There's a lot going on for you. How did things get to where they are now?" to "Mm.": a line that
            # fits anyone only delays the question, which is asked alone (a question names no client content,
            # so it is never vague), the reflection's stock wordings kept behind it
            return [*assembled(replace(move, acts=move.acts[1:])), *drafts][:MAX_DRAFTS]
        if any(not d.vague for d in drafts) or (near := _near_style(move, slots)) is None:
            return drafts
        # A style with nothing of the client's to say here ("It's been hard, and you're still looking for a
        # way through" to "its not even a big deal, everyone smokes"; "There's a pull in both directions for
        # you with vaping" when no two clauses pull apart, or when those that do would repeat the last reply)
        # borrows the client's own phrasings of a style near it, tried first; a style with no phrasing at all
        # for the material (a reframe of nothing that went wrong) borrows all of them.
        borrowed = [d for d in assembled(replace(move, style=near)) if not d.vague or not drafts]
        return [*borrowed, *(d for d in drafts if d.text not in {b.text for b in borrowed})][:MAX_DRAFTS]

    def _seed_for(self, move: Move) -> int:
        digest = hashlib.sha256(f"{self.seed}\x00{move!r}".encode()).digest()
        return int.from_bytes(digest[:8], "big")


def _phrases(act: Act, position: int, move: Move, slots: Slots) -> list[Phrase]:
    """Every phrasing of one act the material allows; ``after`` / ``after_summary`` say what came before."""
    flags = ("after", "after_summary") if position and move.acts[position - 1] is Act.SUMMARY else ("after",)
    local = slots.with_flags(*flags) if position else slots
    match act:
        case Act.SIMPLE_REFLECTION:
            return simple_reflections(local)
        case Act.COMPLEX_REFLECTION:
            return complex_reflections(move.style or _default_style(local), local)
        case Act.SUMMARY if move.summary is SummaryKind.LINKING and "earlier" not in local:
            # nothing said earlier carries the link ("So you stopped work altogether, on top of everything else
            # you've told me" links nothing): the message's own next sentence instead
            return complex_reflections(Style.CONTINUING, local)
        case Act.SUMMARY:
            return summaries(move.summary or SummaryKind.COLLECTING, move.material, local)
        case Act.OPEN_QUESTION:
            return open_questions(move.purpose, move.material, local)
        case Act.ASK_PERMISSION:
            return permission_questions(move.purpose, local)
        case Act.AFFIRMATION:
            return affirmations(local)
        case Act.EMPHASIZE_AUTONOMY:
            return autonomy(local)
        case Act.INFORMATION:
            return information(local)
        case Act.OPENING:
            return openings(local)
        case Act.DISCLOSURE:
            return disclosures(local)
        case Act.ANSWER:
            return answers(move.material.asked, local)
        case Act.CLARIFY:
            return clarifications(move.reason, local)
        case Act.CLOSING:
            return closings(local)
    raise ValueError(f"no phrasings for act {act!r}")


def _reflect_then_ask(move: Move) -> bool:
    """A reflection followed by an open question and nothing else."""
    return len(move.acts) == 2 and move.acts[0].is_reflection and move.acts[1] is Act.OPEN_QUESTION


def _near_style(move: Move, slots: Mapping[str, str]) -> Style | None:
    """The style a complex reflection borrows from when its own has only vague phrasings: sustain talk (or a
    message whose words lean that way, whatever the coder heard) is come alongside, anything else continued
    with what the message implies; ``None`` for a move with no complex reflection, or no other style."""
    if Act.COMPLEX_REFLECTION not in move.acts or move.style is None:
        return None
    sustain_now = "sclause_now" in slots and "cclause_now" not in slots  # "it's how I switch off"
    near = _BORROWED_STYLE.get(move.style, Style.ALONGSIDE if sustain_now else Style.CONTINUING)
    return near if near is not move.style else None


def _default_style(slots: Mapping[str, str]) -> Style:
    """The complex reflection the material suits best when the policy named no style."""
    if "sclause" in slots and "cclause" in slots:
        return Style.DOUBLE_SIDED
    if "feeling" in slots:
        return Style.FEELING
    return Style.MEANING if "value" in slots else Style.CONTINUING


def _part_usage(said: Said) -> Counter[str]:
    """How often each single-act phrase was used: a draft's template is ``"cr.feeling.3+q.concern.1"``."""
    usage: Counter[str] = Counter()
    for template, count in said.templates.items():
        for part in template.split("+"):
            usage[part] += count
    return usage


def _weight(act: Act) -> float:
    """How much an act's specificity counts: a reflection is where the client's own words matter most."""
    return _REFLECTION_WEIGHT if act.is_reflection else 1.0


def _ranked(found: list[Phrase], usage: Counter[str], rng: random.Random, weight: float) -> list[tuple[float, Phrase]]:
    """The best :data:`_OPTIONS_PER_ACT` phrases with their scores (lower is better): unused, then specific."""
    rng.shuffle(found)
    scored = [(usage[p.id] + weight * p.tier + _RANK_STEP * i, p) for i, p in enumerate(found)]
    return sorted(scored, key=lambda pair: pair[0])[:_OPTIONS_PER_ACT]


def _assemble(move: Move, options: Sequence[list[tuple[float, Phrase]]], said: Said) -> list[Draft]:
    reflective = any(act.is_reflection for act in move.acts)
    # The opener depends on the first act's phrase alone: worked out once per phrase, not per combination
    # (three acts make up to 1,728 combinations).
    openers = {phrase.id: _opener_penalty(phrase.text, said, reflective) for _, phrase in options[0]}
    combos = sorted(
        itertools.product(*options),
        key=lambda combo: (
            sum(score for score, _ in combo)
            + openers[combo[0][1].id]
            + _FOCUS_REPEAT_PENALTY * max(0, sum(phrase.focused for _, phrase in combo) - 1)
        ),
    )
    drafts: list[Draft] = []
    shortest_over: Draft | None = None  # the last resort when the material itself is long (information)
    client_ngrams = _client_ngrams(move)
    # Each phrase's word runs, worked out once, not once per combination it appears in.
    wording = {
        phrase.id: _ngrams(_lower_words(phrase.text), _SHARED_WORDING) for option in options for _, phrase in option
    }
    last_ngrams = _ngrams(_lower_words(said.last), _ECHO_WORDS)
    echoing = {
        phrase.id
        for act, option in zip(move.acts, options, strict=True)
        if act in {Act.SIMPLE_REFLECTION, Act.COMPLEX_REFLECTION}
        for _, phrase in option
        if _ngrams(_lower_words(phrase.text), _ECHO_WORDS) & last_ngrams
    }
    for combo in combos:
        parts = [phrase for _, phrase in combo]
        # "Sounds like you might talk to the doctor…" then, to "yeah ok", "Coming back to what you said, you
        # might talk to the doctor…": a reflection may not say again what the last reply said (a summary
        # gathers what was said, and a ruler question has fixed wording, so only reflections are held to it).
        if any(part.id in echoing for part in parts):
            continue
        if not _distinct_content(parts) or not _distinct_wording([wording[part.id] for part in parts]):
            continue
        if sum(bool(_AUTONOMY.search(part.text)) for part in parts) > 1:
            continue  # "…and that's your call. And whether that changes is entirely up to you."
        text = tidy(" ".join(_punctuated(act, p.text) for act, p in zip(move.acts, parts, strict=True)))
        if not _acceptable(text, said, client_ngrams) or any(d.text == text for d in drafts):
            continue
        vague = any(act.is_reflection and p.vague for act, p in zip(move.acts, parts, strict=True))
        draft = Draft(text, move.acts, "+".join(p.id for p in parts), vague)
        if word_count(text) <= _word_limit(move):
            drafts.append(draft)
            if len(drafts) == MAX_DRAFTS:
                break
        elif shortest_over is None or word_count(text) < word_count(shortest_over.text):
            shortest_over = draft
    return drafts or ([shortest_over] if shortest_over else [])


def _opener_penalty(first_text: str, said: Said, reflective: bool) -> float:
    """Pushes down an opener that would pass 20% of the session's reflections (and any early reuse)."""
    opener = opener_of(tidy(first_text))
    used = said.openers[opener]
    if not reflective or not used:
        return 0.0
    return _OPENER_PENALTY if (used + 1) / (said.reflections + 1) > _MAX_OPENER_SHARE else 0.0


def _distinct_content(parts: Iterable[Phrase]) -> bool:
    """Whether no client content is said twice in one reply (a reflection and a question both using it)."""
    seen: set[str] = set()
    for part in parts:
        if any(overlaps(used, earlier) for used in part.uses for earlier in seen):
            return False
        seen |= part.uses
    return True


def _distinct_wording(part_runs: Sequence[set[tuple[str, ...]]]) -> bool:
    """Whether no two parts (given as their runs of four words) share one ("…you're the best judge of what
    fits for you. You know your life better than anyone, so you're the best judge of what fits.")."""
    seen: set[tuple[str, ...]] = set()
    for grams in part_runs:
        if grams & seen:
            return False
        seen |= grams
    return True


def _punctuated(act: Act, text: str) -> str:
    """Reflections are statements: whatever the client's words ended with, the sentence goes down."""
    return as_statement(text) if act in {Act.SIMPLE_REFLECTION, Act.COMPLEX_REFLECTION} else text


def _acceptable(text: str, said: Said, client_ngrams: set[tuple[str, ...]]) -> bool:
    """The rules no draft may break: said before, forbidden wording, a long verbatim copy of the client."""
    return (
        bool(text)
        and not said.repeats(text)
        and not is_forbidden(text)
        and not client_ngrams & _ngrams(_lower_words(text), _MAX_VERBATIM_WORDS + 1)
    )


def _word_limit(move: Move) -> int:
    limit = MAX_LONG_WORDS if _LONG_ACTS & set(move.acts) else MAX_WORDS
    if move.purpose is Purpose.RULER and Act.OPEN_QUESTION in move.acts:
        limit += _RULER_EXTRA_WORDS
    return limit


def _client_ngrams(move: Move) -> set[tuple[str, ...]]:
    """Every run of 13 words the client wrote, statement by statement: a draft may share none of them."""
    material = move.material
    statements = (material.client_text, *material.change_talk, *material.sustain_talk, *material.strengths)
    return {gram for text in statements for gram in _ngrams(_lower_words(text), _MAX_VERBATIM_WORDS + 1)}


@functools.lru_cache(maxsize=8192)
def _lower_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` compared for echoes and copies (lower case, no apostrophes); remembered, since
    every draft of every turn compares the same phrases and client statements again."""
    return tuple(w.lower().replace("'", "").replace("’", "") for w in words(text))


def _ngrams(tokens: Sequence[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}
