"""Session-level MITI 4.2.1 figures from a coded transcript: counts, ratios, estimated globals, feedback.

Summary scores follow the MITI 4.2.1 manual (reference section 6). Global ratings need a human coder's
judgement of the whole session; oars *estimates* them the way the manual tells coders to rate — start
at 3 and move up or down on the evidence — from countable evidence in the coded transcript (how the
counsellor answers change talk and sustain talk, reflections, questions, adherent and non-adherent
behaviour). The estimates were checked against AnnoMI's expert high / low MI-quality labels on
cross-validated codes (``bench/bench_coder.py`` prints the AUC); they are labelled as estimates wherever
they are shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from oars.coder.labels import Behaviour, DarnCat, MitiCode, Talk

if TYPE_CHECKING:
    from oars.coder.coder import CodedTranscript, CodedUtterance

__all__ = ["THRESHOLDS", "GlobalRatings", "Proficiency", "SessionSummary", "summarise"]


@dataclass(frozen=True)
class Threshold:
    fair: float
    good: float
    source: str


# MITI 4.2.1 proficiency thresholds (expert opinion, not norms, as the manual says); the last two are
# not MITI 4.2.1 scores and are marked with where they come from.
THRESHOLDS: dict[str, Threshold] = {
    "technical": Threshold(3.0, 4.0, "MITI 4.2.1"),
    "relational": Threshold(3.5, 4.0, "MITI 4.2.1"),
    "pct_cr": Threshold(0.40, 0.50, "MITI 4.2.1"),
    "r_q": Threshold(1.0, 2.0, "MITI 4.2.1"),
    "pct_open": Threshold(0.50, 0.70, "MITI 3.1.1 (% open questions; not scored in MITI 4)"),
    "pct_mic": Threshold(0.90, 1.00, "MITI 3.1.1 (% MI-adherent; MITI 4 reports MIA and MINA counts)"),
}


@dataclass(frozen=True)
class GlobalRatings:
    """Estimated MITI global ratings (1–5). Estimates from coded behaviour, not a human rating."""

    cultivating_change_talk: float
    softening_sustain_talk: float
    partnership: float
    empathy: float

    @property
    def technical(self) -> float:
        return round((self.cultivating_change_talk + self.softening_sustain_talk) / 2, 2)

    @property
    def relational(self) -> float:
        return round((self.partnership + self.empathy) / 2, 2)

    def to_dict(self) -> dict[str, Any]:
        return {
            "estimated": True,
            "cultivating_change_talk": self.cultivating_change_talk,
            "softening_sustain_talk": self.softening_sustain_talk,
            "partnership": self.partnership,
            "empathy": self.empathy,
            "technical": self.technical,
            "relational": self.relational,
        }


@dataclass(frozen=True)
class Proficiency:
    """One summary score against its fair / good thresholds."""

    score: str
    value: float | None
    fair: float
    good: float
    source: str

    @property
    def level(self) -> str:
        if self.value is None:
            return "not enough data"
        if self.value >= self.good:
            return "good"
        return "fair" if self.value >= self.fair else "below fair"

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "fair": self.fair,
            "good": self.good,
            "level": self.level,
            "source": self.source,
        }


@dataclass(frozen=True)
class SessionSummary:
    """MITI 4.2.1 session figures. Ratios are ``None`` where their denominator is zero."""

    counsellor_utterances: int
    client_utterances: int
    counts: dict[str, int]
    behaviours: dict[str, int]
    talk: dict[str, int]
    darn_cat: dict[str, dict[str, int]]
    r_q: float | None
    pct_cr: float | None
    pct_open: float | None
    mia: int
    mina: int
    pct_mic: float | None
    pct_change_talk: float | None
    globals: GlobalRatings
    proficiency: dict[str, Proficiency] = field(default_factory=dict)
    feedback: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "counsellor_utterances": self.counsellor_utterances,
            "client_utterances": self.client_utterances,
            "counts": self.counts,
            "behaviours": self.behaviours,
            "talk": self.talk,
            "darn_cat": self.darn_cat,
            "r_q": self.r_q,
            "pct_cr": self.pct_cr,
            "pct_open": self.pct_open,
            "mia": self.mia,
            "mina": self.mina,
            "pct_mic": self.pct_mic,
            "pct_change_talk": self.pct_change_talk,
            "globals": self.globals.to_dict(),
            "proficiency": {k: p.to_dict() for k, p in self.proficiency.items()},
            "feedback": self.feedback,
        }


def summarise(coded: CodedTranscript | Sequence[CodedUtterance]) -> SessionSummary:
    """The MITI summary of a coded session."""
    utterances = tuple(coded.utterances if hasattr(coded, "utterances") else coded)
    counsellor = [u for u in utterances if u.behaviour is not None]
    client = [u for u in utterances if u.talk is not None]
    counts = Counter(code for u in counsellor for code in u.miti)
    talk = Counter(u.talk for u in client)
    questions = counts[MitiCode.QUESTION]
    reflections = counts[MitiCode.SIMPLE_REFLECTION] + counts[MitiCode.COMPLEX_REFLECTION]
    subtypes = Counter(u.subtype for u in counsellor if u.behaviour is Behaviour.QUESTION)
    mia = sum(counts[c] for c in MitiCode if c.adherent)
    mina = sum(counts[c] for c in MitiCode if c.non_adherent)
    change, sustain = talk[Talk.CHANGE], talk[Talk.SUSTAIN]
    summary = SessionSummary(
        counsellor_utterances=len(counsellor),
        client_utterances=len(client),
        counts={code.value: counts[code] for code in MitiCode},
        behaviours={b.value: sum(u.behaviour is b for u in counsellor) for b in Behaviour},
        talk={t.value: talk[t] for t in Talk},
        darn_cat={
            t.value: {d.value: sum(u.talk is t and u.darn_cat is d for u in client) for d in DarnCat}
            for t in (Talk.CHANGE, Talk.SUSTAIN)
        },
        r_q=_ratio(reflections, questions),
        pct_cr=_ratio(counts[MitiCode.COMPLEX_REFLECTION], reflections),
        pct_open=_ratio(subtypes["open"], subtypes["open"] + subtypes["closed"]),
        mia=mia,
        mina=mina,
        pct_mic=_ratio(mia, mia + mina),
        pct_change_talk=_ratio(change, change + sustain),
        globals=estimate_globals(utterances),
    )
    proficiency = _proficiency(summary)
    from oars.coder.feedback import feedback

    return _with(summary, proficiency=proficiency, feedback=feedback(summary, proficiency, utterances))


def estimate_globals(utterances: Sequence[CodedUtterance]) -> GlobalRatings:
    """Global ratings estimated from the evidence a MITI coder weighs (see the module docstring).

    Every rating starts at 3 and moves with evidence scaled to the session's length, so a short session
    with little evidence stays near 3.
    """
    evidence = _Evidence.of(utterances)
    cultivating = (
        3 + 2.0 * (evidence.change_talk_answered - 0.5) + 3.0 * (evidence.evocative - 0.35) - 6.0 * evidence.mina
    )
    softening = (
        3 + 2.0 * (evidence.sustain_talk_softened - 0.5) + 1.5 * (evidence.change_share - 0.5) - 8.0 * evidence.mina
    )
    partnership = (
        3 + 6.0 * evidence.mia + 1.5 * (evidence.listening - 0.5) - 8.0 * evidence.mina - 2.0 * (evidence.closed - 0.25)
    )
    empathy = 3 + 2.5 * (evidence.listening - 0.5) + 2.0 * (evidence.complex - 0.3) - 5.0 * evidence.mina
    return GlobalRatings(
        *(round(min(5.0, max(1.0, value)), 1) for value in (cultivating, softening, partnership, empathy))
    )


@dataclass(frozen=True)
class _Evidence:
    """Rates per counsellor utterance (or per opportunity), each in 0–1."""

    change_talk_answered: float  # after change talk: reflected, affirmed or asked to elaborate (EARS)
    sustain_talk_softened: float  # after sustain talk: reflected or autonomy, not argued or probed
    change_share: float  # client change talk / (change + sustain)
    evocative: float  # open questions and complex reflections per counsellor utterance
    listening: float  # reflections / (reflections + questions)
    complex: float  # complex reflections / reflections
    closed: float  # closed questions per counsellor utterance
    mia: float  # MI-adherent codes per counsellor utterance
    mina: float  # MI-non-adherent codes per counsellor utterance

    @classmethod
    def of(cls, utterances: Sequence[CodedUtterance]) -> _Evidence:
        counsellor = [u for u in utterances if u.behaviour is not None]
        n = max(1, len(counsellor))
        codes = Counter(code for u in counsellor for code in u.miti)
        reflections = codes[MitiCode.SIMPLE_REFLECTION] + codes[MitiCode.COMPLEX_REFLECTION]
        open_questions = sum(u.behaviour is Behaviour.QUESTION and u.subtype == "open" for u in counsellor)
        closed = sum(u.behaviour is Behaviour.QUESTION and u.subtype == "closed" for u in counsellor)
        talk = Counter(u.talk for u in utterances if u.talk is not None)
        return cls(
            change_talk_answered=_response_rate(utterances, Talk.CHANGE, _answers_change_talk),
            sustain_talk_softened=_response_rate(utterances, Talk.SUSTAIN, _softens_sustain_talk),
            change_share=_ratio(talk[Talk.CHANGE], talk[Talk.CHANGE] + talk[Talk.SUSTAIN]) or 0.5,
            evocative=(open_questions + codes[MitiCode.COMPLEX_REFLECTION]) / n,
            listening=_ratio(reflections, reflections + codes[MitiCode.QUESTION]) or 0.0,
            complex=_ratio(codes[MitiCode.COMPLEX_REFLECTION], reflections) or 0.0,
            closed=closed / n,
            mia=sum(codes[c] for c in MitiCode if c.adherent) / n,
            mina=sum(codes[c] for c in MitiCode if c.non_adherent) / n,
        )


def _response_rate(utterances: Sequence[CodedUtterance], talk: Talk, good: Any) -> float:
    """Share of the counsellor's next turns after ``talk`` that ``good`` accepts (0.5 with no occasions)."""
    answers = [nxt for u, nxt in pairwise(utterances) if u.talk is talk and nxt.behaviour is not None]
    return sum(map(good, answers)) / len(answers) if answers else 0.5


def _answers_change_talk(reply: CodedUtterance) -> bool:
    codes = set(reply.miti)
    if codes & {MitiCode.PERSUADE, MitiCode.CONFRONT}:
        return False
    return bool(codes & {MitiCode.SIMPLE_REFLECTION, MitiCode.COMPLEX_REFLECTION, MitiCode.AFFIRM}) or (
        reply.behaviour is Behaviour.QUESTION and reply.subtype == "open"
    )


def _softens_sustain_talk(reply: CodedUtterance) -> bool:
    codes = set(reply.miti)
    if codes & {MitiCode.PERSUADE, MitiCode.CONFRONT, MitiCode.QUESTION}:
        return False
    return bool(codes & {MitiCode.COMPLEX_REFLECTION, MitiCode.SIMPLE_REFLECTION, MitiCode.EMPHASIZE})


def _proficiency(summary: SessionSummary) -> dict[str, Proficiency]:
    values = {
        "technical": summary.globals.technical,
        "relational": summary.globals.relational,
        "pct_cr": summary.pct_cr,
        "r_q": summary.r_q,
        "pct_open": summary.pct_open,
        "pct_mic": summary.pct_mic,
    }
    return {name: Proficiency(name, values[name], t.fair, t.good, t.source) for name, t in THRESHOLDS.items()}


def _ratio(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 3) if denominator else None


def _with(summary: SessionSummary, **changes: Any) -> SessionSummary:
    from dataclasses import replace

    return replace(summary, **changes)
