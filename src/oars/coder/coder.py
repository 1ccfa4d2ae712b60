"""The coder: what the counsellor did and what the client said, utterance by utterance.

One implementation serves ``oars code`` (whole transcripts, reading each utterance in the light of the
whole conversation), the chat guard and practice feedback (live: only what has been said so far), and the
web dashboard. Labels come from the shipped network (AnnoMI's behaviours, subtypes and talk types); the
MITI codes AnnoMI lacks and the DARN-CAT category come from documented rules on top of them
(``oars.coder.miti``, ``oars.coder.darncat``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

import numpy as np

from oars.coder.darncat import darn_cat
from oars.coder.labels import HEADS, Behaviour, DarnCat, MitiCode, Talk
from oars.coder.miti import Lead, miti_codes, question_lead
from oars.coder.model import DEFAULT_BATCH, CoderModel, Mode, default_model
from oars.transcript.model import Speaker, Transcript, Utterance

__all__ = ["CodedTranscript", "CodedUtterance", "Coder", "Context", "LiveCoding", "label_utterances"]

Context = Literal["full", "past"]
_MODES: dict[str, Mode] = {"full": "bi", "past": "causal"}
_SUBTYPE_HEAD = {Behaviour.REFLECTION: "reflection", Behaviour.QUESTION: "question", Behaviour.INPUT: "input"}


@dataclass(frozen=True, slots=True)
class CodedUtterance:
    """An utterance with its codes.

    Counsellor utterances carry ``behaviour`` (+ ``subtype``) and ``miti``; client utterances carry
    ``talk`` (+ ``darn_cat`` for change and sustain talk). ``confidence`` is the probability of the main
    label (behaviour or talk); ``probabilities`` holds every class of it.
    """

    utterance: Utterance
    behaviour: Behaviour | None = None
    subtype: str | None = None
    subtype_confidence: float | None = None
    miti: tuple[MitiCode, ...] = ()
    talk: Talk | None = None
    darn_cat: DarnCat | None = None
    confidence: float = 0.0
    probabilities: Mapping[str, float] = field(default_factory=dict)

    @property
    def index(self) -> int:
        return self.utterance.index

    @property
    def speaker(self) -> Speaker:
        return self.utterance.speaker

    @property
    def text(self) -> str:
        return self.utterance.text

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract's utterance object (see docs/json-contract.md)."""
        return {
            "index": self.index,
            "speaker": self.speaker.value,
            "text": self.text,
            "behaviour": self.behaviour.value if self.behaviour else None,
            "subtype": self.subtype,
            "miti": [code.value for code in self.miti],
            "talk": self.talk.value if self.talk else None,
            "darn_cat": self.darn_cat.value if self.darn_cat else None,
            "confidence": round(self.confidence, 4),
            "subtype_confidence": None if self.subtype_confidence is None else round(self.subtype_confidence, 4),
            "probabilities": {k: round(v, 4) for k, v in self.probabilities.items()},
        }


@dataclass(frozen=True)
class CodedTranscript:
    """A transcript with every utterance coded; ``summary`` holds the session's MITI figures."""

    transcript: Transcript
    utterances: tuple[CodedUtterance, ...]
    context: Context = "full"

    @property
    def id(self) -> str:
        return self.transcript.id

    def __len__(self) -> int:
        return len(self.utterances)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.utterances)

    @cached_property
    def summary(self):  # type: ignore[no-untyped-def]  # -> SessionSummary (imported lazily: summary imports us)
        from oars.coder.summary import summarise

        return summarise(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "utterances": [u.to_dict() for u in self.utterances],
            "summary": self.summary.to_dict(),
        }


class Coder:
    """Codes transcripts with the shipped model (or one you pass in).

    >>> from oars import Coder, Transcript
    >>> coded = Coder().code(Transcript.from_turns([("counsellor", "What brings you in today?")]))
    >>> coded.utterances[0].behaviour
    <Behaviour.QUESTION: 'question'>
    """

    def __init__(self, model: CoderModel | None = None) -> None:
        self.model = model if model is not None else default_model()

    def code(self, transcript: Transcript, *, context: Context = "full") -> CodedTranscript:
        """Code every utterance. ``context="full"`` reads each in the light of the whole conversation
        (a finished transcript); ``"past"`` only uses what came before, as a live conversation must."""
        return self.code_many([transcript], context=context)[0]

    def code_many(
        self,
        transcripts: Sequence[Transcript],
        *,
        context: Context = "full",
        on_progress: Callable[[int], None] | None = None,
    ) -> list[CodedTranscript]:
        """Code several transcripts; utterances are encoded together, which is faster than one by one.

        ``on_progress`` is called with the number of utterances finished after each transcript.
        """
        mode = _mode(context)
        texts = [u.text for t in transcripts for u in t]
        # The statements leading a question are coded on their own (miti.question_lead); encoded in the same
        # pass as the utterances, for every counsellor turn that has them, as most of those are questions.
        leads = [_leads(t.utterances) for t in transcripts]
        lead_texts = [lead for own_leads in leads for lead in own_leads.values()]
        # "past" reproduces live coding exactly (the chat guard, practice feedback): one utterance at a time.
        vectors = self.model.encode(texts + lead_texts, batch=1 if mode == "causal" else DEFAULT_BATCH)
        lead_vectors = iter(vectors[len(texts) :])
        coded, start = [], 0
        for transcript, own_leads in zip(transcripts, leads, strict=True):
            own = vectors[start : start + len(transcript)]
            start += len(transcript)
            parts = {index: next(lead_vectors) for index in own_leads}
            coded.append(CodedTranscript(transcript, self._label(transcript.utterances, own, mode, parts), context))
            if on_progress is not None:
                on_progress(len(transcript))
        return coded

    def live(self) -> LiveCoding:
        """An incremental coder for a conversation in progress (chat guard, practice feedback)."""
        return LiveCoding(self)

    def _label(
        self, utterances: Sequence[Utterance], vectors: np.ndarray, mode: Mode, leads: Mapping[int, np.ndarray]
    ) -> tuple[CodedUtterance, ...]:
        """Codes from the network; ``leads`` holds the vectors of turns' leading statements, by position."""
        is_client = [u.is_client for u in utterances]
        probs = self.model.heads(vectors, is_client, mode)
        rows = [{h: p[i] for h, p in probs.items()} for i in range(len(utterances))]
        questions = {i: vector for i, vector in leads.items() if _is_question(utterances[i], rows[i])}
        lead_rows = self.model.heads_in_place(vectors, is_client, mode, questions)
        return tuple(_coded(u, rows[i], utterances[:i], lead_rows.get(i)) for i, u in enumerate(utterances))


class LiveCoding:
    """Codes a conversation turn by turn, encoding each utterance once.

    ``preview`` codes a candidate next utterance (a draft reply) without adding it, which is what the
    chat guard needs; ``add`` codes and keeps it. The past-only context is carried as the recurrent
    state after the last kept utterance, so each call costs the same however long the session is.
    """

    def __init__(self, coder: Coder) -> None:
        self._model = coder.model
        self._utterances: list[Utterance] = []
        self._state = coder.model.initial_state()

    def __len__(self) -> int:
        return len(self._utterances)

    def preview(self, speaker: Speaker | str, text: str) -> CodedUtterance:
        return self._code(Speaker(speaker), text, keep=False)

    def add(self, speaker: Speaker | str, text: str) -> CodedUtterance:
        return self._code(Speaker(speaker), text, keep=True)

    def extend(self, turns: Iterable[tuple[Speaker | str, str]]) -> None:
        """Add earlier turns (resuming a stored conversation)."""
        new = [Utterance(len(self._utterances) + i, Speaker(s), t) for i, (s, t) in enumerate(turns)]
        for utterance, vector in zip(new, self._model.encode([u.text for u in new], batch=1), strict=True):
            _, self._state = self._model.step(self._state, vector, utterance.is_client)
        self._utterances.extend(new)

    def _code(self, speaker: Speaker, text: str, *, keep: bool) -> CodedUtterance:
        utterance = Utterance(len(self._utterances), speaker, text)
        # encoding is remembered by text (CoderModel.encode), so the sent draft is not encoded twice
        probs, state = self._model.step(self._state, self._model.encode([text])[0], utterance.is_client)
        lead = question_lead(text) if _is_question(utterance, probs) else None
        lead_probs = self._model.step(self._state, self._model.encode([lead])[0], False)[0] if lead else None
        coded = _coded(utterance, probs, self._utterances, lead_probs)
        if keep:
            self._utterances.append(utterance)
            self._state = state
        return coded


def label_utterances(
    utterances: Sequence[Utterance], probabilities: Mapping[str, np.ndarray]
) -> tuple[CodedUtterance, ...]:
    """Codes for a conversation from its per-head class probabilities (shape: utterances x classes).

    The network's probabilities decide the AnnoMI labels; the MITI and DARN-CAT rules add the rest. Kept
    separate from the network so that evaluation can label cross-validated probabilities the same way.
    Without the network the statements leading a question are not read on their own: they count as a
    reflection only by the reflective-stem rule, with the whole turn's reading of simple / complex.
    """
    return tuple(
        _coded(u, {h: p[i] for h, p in probabilities.items()}, utterances[:i]) for i, u in enumerate(utterances)
    )


def _mode(context: str) -> Mode:
    if context not in _MODES:
        raise ValueError(f"context must be one of {', '.join(_MODES)}, got {context!r}")
    return _MODES[context]


def _leads(utterances: Sequence[Utterance]) -> dict[int, str]:
    """The leading statements of counsellor turns with a question, by position in the conversation."""
    leads = {i: question_lead(u.text) for i, u in enumerate(utterances) if not u.is_client}
    return {i: lead for i, lead in leads.items() if lead}


def _is_question(utterance: Utterance, probs: Mapping[str, np.ndarray]) -> bool:
    return not utterance.is_client and HEADS["behaviour"][int(probs["behaviour"].argmax())] == Behaviour.QUESTION


def _coded(
    utterance: Utterance,
    probs: Mapping[str, np.ndarray],
    before: Sequence[Utterance],
    lead_probs: Mapping[str, np.ndarray] | None = None,
) -> CodedUtterance:
    """Labels for one utterance from its head probabilities (and, for the rules, what came before).

    ``lead_probs`` are the network's reading of the statements leading a question turn, coded on their own.
    """
    if utterance.is_client:
        talk_p = probs["talk"]
        talk = Talk(HEADS["talk"][int(talk_p.argmax())])
        return CodedUtterance(
            utterance,
            talk=talk,
            darn_cat=darn_cat(utterance.text, talk, next((u.text for u in reversed(before) if u.is_counsellor), "")),
            confidence=float(talk_p.max()),
            probabilities=dict(zip(HEADS["talk"], map(float, talk_p), strict=True)),
        )
    behaviour_p = probs["behaviour"]
    behaviour = Behaviour(HEADS["behaviour"][int(behaviour_p.argmax())])
    subtype, subtype_confidence = None, None
    if behaviour in _SUBTYPE_HEAD:
        head = _SUBTYPE_HEAD[behaviour]
        subtype = HEADS[head][int(probs[head].argmax())]
        subtype_confidence = float(probs[head].max())
    return CodedUtterance(
        utterance,
        behaviour=behaviour,
        subtype=subtype,
        subtype_confidence=subtype_confidence,
        miti=miti_codes(
            utterance.text,
            behaviour,
            subtype,
            before[-4:],
            lead=_lead(utterance.text, probs, lead_probs) if behaviour is Behaviour.QUESTION else None,
        ),
        confidence=float(behaviour_p.max()),
        probabilities=dict(zip(HEADS["behaviour"], map(float, behaviour_p), strict=True)),
    )


def _lead(text: str, probs: Mapping[str, np.ndarray], lead_probs: Mapping[str, np.ndarray] | None) -> Lead | None:
    """A question turn's lead with its own reading when it was coded, else the whole turn's reading of
    simple / complex; ``None`` when the turn has no lead."""
    statements = question_lead(text)
    if statements is None:
        return None
    reading = lead_probs if lead_probs is not None else probs
    heard = lead_probs is not None and HEADS["behaviour"][int(lead_probs["behaviour"].argmax())] == Behaviour.REFLECTION
    return Lead(statements, reflection=heard, subtype=HEADS["reflection"][int(reading["reflection"].argmax())])
